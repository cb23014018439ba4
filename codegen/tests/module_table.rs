//! The facts table generated for a small fixture spec, read as formatted Rust.

use mwtyped_spec::Spec;
use quote::quote;

const FIXTURE: &str = r#"{
  "capture": {"name": "fixture", "mediawiki": "1.99.0", "generator": "MediaWiki 1.99.0",
    "api_url": "http://127.0.0.1/api.php", "fetched": "2026-01-01T00:00:00Z", "helpformat": "none",
    "extensions": [], "attribution": {}},
  "modules": [
    {"name": "captcha", "classname": "ApiCaptcha", "path": "captcha", "group": "action", "prefix": "",
     "source": "ConfirmEdit", "sourcename": "ConfirmEdit", "helpurls": [], "parameters": [],
     "templatedparameters": [], "origin": {"extension": "ConfirmEdit"}},
    {"name": "clientlogin", "classname": "ApiClientLogin", "path": "clientlogin", "group": "action",
     "prefix": "login", "source": "MediaWiki", "sourcename": "MediaWiki", "writerights": true,
     "mustbeposted": true, "helpurls": [], "parameters": [], "templatedparameters": [], "origin": "core"}
  ]
}"#;

fn render() -> String {
    let spec = Spec::parse("fixture", FIXTURE).expect("fixture parses");
    let tokens = mwtyped_codegen::module_table(&spec, &quote!(crate::ModuleFacts));
    prettyplease::unparse(&syn::parse2(tokens).expect("valid Rust"))
}

#[test]
fn one_row_per_module_with_its_facts() {
    let code = render();
    assert!(
        code.contains(r#"pub const MEDIAWIKI_VERSION: &str = "1.99.0";"#),
        "{code}"
    );
    let login = code
        .find(r#"path: "clientlogin""#)
        .expect("clientlogin row");
    let row = &code[login..];
    let row = &row[..row.find('}').expect("row ends")];
    assert!(
        row.contains(r#"prefix: "login""#) && row.contains("mustbeposted: true"),
        "{row}"
    );
    assert!(
        row.contains("extension: None") && row.contains("readrights: false"),
        "{row}"
    );
    assert!(code.contains(r#"extension: Some("ConfirmEdit")"#), "{code}");
    assert!(code.contains("The 2 modules of MediaWiki 1.99.0"), "{code}");
}
