// The ordinary uses the compile-fail cases get wrong: required arguments, tokens of the
// right kind, enum values, field names.
use mwtyped::token::{Csrf, Login, Token};
use mwtyped::v1_43::query::{AllPages, AllPagesFilterredir};
use mwtyped::v1_43::{ClientLogin, Edit};
use mwtyped::{ApiModule, Limit};

fn main() {
    let mut login = ClientLogin::new(Token::<Login>::new("login+\\"));
    login.return_url = Some("https://example.org/".into());
    assert!(login.to_request().is_ok());

    let mut edit = Edit::new(Token::<Csrf>::new("csrf+\\"));
    edit.title = Some("Sandbox".into());
    assert!(edit.to_request().is_ok());

    let mut pages = AllPages::new();
    pages.limit = Some(Limit::Max);
    pages.filterredir = Some(AllPagesFilterredir::Nonredirects);
    assert!(pages.to_request().is_ok());
}
