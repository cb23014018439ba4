// `oathvalidate` comes from OATHAuth: without the feature `ext-oathauth` it does not exist.
use mwtyped::token::{CsrfToken, Token};

fn main() {
    let _validate = mwtyped::v1_43::OathValidate::new(
        "{\"token\":\"123456\"}".to_owned(),
        Token::<CsrfToken>::new("csrf+\\"),
    );
}
