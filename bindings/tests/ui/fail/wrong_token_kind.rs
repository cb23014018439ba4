// `edit` wants a csrf token; a login token is a different type.
use mwtyped::token::{LoginToken, Token};
use mwtyped::v1_43::Edit;

fn main() {
    let login_token = Token::<LoginToken>::new("login+\\");
    let _edit = Edit::new(login_token);
}
