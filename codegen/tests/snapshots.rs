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
