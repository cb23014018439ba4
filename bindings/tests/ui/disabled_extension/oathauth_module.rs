// `oathvalidate` comes from OATHAuth: without the feature `ext-oathauth` it does not exist.
use mwtyped::token::{Csrf, Token};

fn main() {
    let _validate = mwtyped::v1_43::OATHValidate::new(
        "{\"token\":\"123456\"}".to_owned(),
        Token::<Csrf>::new("csrf+\\"),
    );
}
