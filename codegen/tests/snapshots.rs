//! What the generator emits for a small fixture spec, as formatted Rust, in snapshots a
//! reviewer reads (`tests/snapshots/*.snap`). The fixture (`tests/fixtures/small.json`) is
//! eleven modules of the MediaWiki 1.43 capture, their submodule lists cut to those eleven:
//! prefixes and dynamic fields (`clientlogin`), templated and deprecated parameters
//! (`compare`), multi-values, expiries and a csrf token (`block`), uploads and POST
//! (`upload`), limits, namespaces and generators (`query+allpages`), deprecated enum values
//! (`query+info`), an extension's module (`query+abusefilters`), the query selection.
//!
//! After an intended change of the generator: `cargo insta review` (or
//! `INSTA_UPDATE=always cargo test -p mwtyped-codegen --test snapshots`), then read the diff.

use mwtyped_codegen::{Options, Spec, api, render};

fn fixture() -> Spec {
    let text = include_str!("fixtures/small.json");
    Spec::parse("tests/fixtures/small.json", text).expect("the fixture parses")
}

/// As a user's crate gets it from `mwtyped::api_from_spec!`: nothing gated.
#[test]
fn small_spec_as_a_spec_file() {
    let code = render(api(&fixture(), &Options::spec_file())).expect("valid Rust");
    assert!(
        !code.contains("cfg(feature"),
        "nothing gated in a user's crate"
    );
    insta::assert_snapshot!("small_spec_file", code);
}

/// As the bindings crate gets a committed release: the extension's module behind its
/// feature, sample values for the wiki tests (no release history: the fixture is none).
#[test]
fn small_spec_as_the_bindings() {
    let options = Options {
        history: false,
        ..Options::bindings()
    };
    let code = render(api(&fixture(), &options)).expect("valid Rust");
    assert!(code.contains(r#"#[cfg(feature = "ext-abusefilter")]"#));
    insta::assert_snapshot!("small_bindings", code);
}

/// The typed answers of the fixture, from a few recorded answers: the wrapper object of an
/// action (`BlockResult`), the query answer every submodule shares, an object by its path
/// (`QueryAllPages`), a map of data keys, flags, an extension's field (seen from
/// `query+abusefilters`, whose answer is `query`'s and so not gated).
#[test]
fn small_answers() {
    use mwtyped_codegen::api_with_answers;
    use mwtyped_spec::{Exchange, Recording, infer};
    use serde_json::json;

    let exchange = |label: &str, answer: serde_json::Value| Exchange {
        label: label.into(),
        request: vec![],
        answer,
    };
    let recording = |module: &str, exchanges: Vec<Exchange>| Recording {
        module: module.into(),
        mediawiki: "1.43.12".into(),
        exchanges,
    };
    let recordings = [
        recording(
            "block",
            vec![exchange(
                "example 1",
                json!({"block": {"user": "192.0.2.5", "id": 3, "expiry": "infinite", "nocreate": true}}),
            )],
        ),
        recording(
            "query+allpages",
            vec![exchange(
                "example 1",
                json!({"batchcomplete": true, "query": {"allpages": [{"pageid": 1, "ns": 0, "title": "Main Page"}]}}),
            )],
        ),
        recording(
            "query+info",
            vec![
                exchange(
                    "inprop=protection",
                    json!({"query": {"pages": [{"pageid": 1, "ns": 0, "title": "Main Page", "protection": [], "restrictiontypes": ["edit", "move"]}]}}),
                ),
                exchange(
                    "inprop=varianttitles",
                    json!({"query": {"pages": [{"pageid": 1, "ns": 0, "title": "Main Page", "varianttitles": {"en": "Main Page"}}]}}),
                ),
            ],
        ),
        recording(
            "query+abusefilters",
            vec![exchange(
                "example 1",
                json!({"query": {"abusefilters": [{"id": 1, "description": "test", "enabled": true}]}}),
            )],
        ),
    ];
    let spec = fixture();
    let model = infer(&spec, &recordings);
    let options = Options {
        history: false,
        ..Options::bindings()
    };
    let code = render(api_with_answers(&spec, &model, &options)).expect("valid Rust");
    assert!(code.contains("type Answer = answer::Block;"));
    assert!(code.contains("type Answer = super::answer::Query;"));
    assert!(
        code.contains("type Answer = ::mwtyped::serde_json::Value;"),
        "compare was not recorded"
    );
    let start = code.find("pub mod answer {").expect("the answer module");
    let end = start + code[start..].find("\n}\n").expect("its end") + 3;
    insta::assert_snapshot!("small_answers", &code[start..end]);
}
