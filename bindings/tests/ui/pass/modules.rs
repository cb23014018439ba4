// The ordinary uses the compile-fail cases get wrong: required arguments, tokens of the
// right kind, enum values, field names.
use mwtyped::token::{CsrfToken, LoginToken, Token};
use mwtyped::v1_43::query::{AllPages, AllPagesFilterRedir};
use mwtyped::v1_43::{ClientLogin, Edit};
use mwtyped::{ApiModule, Limit};

fn main() {
    let mut login = ClientLogin::new(Token::<LoginToken>::new("login+\\"));
    login.return_url = Some("https://example.org/".into());
    assert!(login.to_request().is_ok());

    let mut edit = Edit::new(Token::<CsrfToken>::new("csrf+\\"));
    edit.title = Some("Sandbox".into());
    assert!(edit.to_request().is_ok());

    let mut pages = AllPages::new();
    pages.limit = Some(Limit::Max);
    pages.filter_redir = Some(AllPagesFilterRedir::Nonredirects);
    assert!(pages.to_request().is_ok());
}
