// `edit` wants a csrf token; a login token is a different type.
use mwtyped::token::{Login, Token};
use mwtyped::v1_43::Edit;

fn main() {
    let login_token = Token::<Login>::new("login+\\");
    let _edit = Edit::new(login_token);
}
