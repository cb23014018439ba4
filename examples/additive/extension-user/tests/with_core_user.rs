//! `core-user`, written without any extension feature, compiled and run in a build where this
//! crate turned three on.

use mwtyped::ApiModule;
use mwtyped_example_core_user::{edit, kind_of};
use mwtyped_example_extension_user::extension_models;

#[test]
fn the_core_crate_works_with_the_extension_features_on() {
    for model in extension_models() {
        assert_eq!(kind_of(model), "another model");
    }
    let mut edit = edit("Sandbox", "Hello");
    // A field ConfirmEdit adds to core's `edit`, there because this crate turned it on.
    edit.captcha_word = Some("42".into());
    let request = edit.to_request().expect("encodes");
    assert_eq!(
        request.get("captchaword"),
        Some(&mwtyped::Value::Text("42".into()))
    );
    assert_eq!(
        request.get("title"),
        Some(&mwtyped::Value::Text("Sandbox".into()))
    );
}
