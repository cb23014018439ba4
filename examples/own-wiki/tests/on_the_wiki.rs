//! The bindings made from `wiki/spec.json` against the wiki it was captured from (the local
//! 1.43 test wiki that `cargo xtask test` starts). That the file is what `cargo xtask fetch
//! --spec-file` writes from that wiki today is checked by xtask's fetch tests.

use mwtyped::blocking::Client;
use mwtyped::{AuthStep, Error};
use mwtyped_example_own_wiki::{
    Syntax, api, check_syntax, enabled_filters, enabled_filters_query, modules_by_extension,
    path_of,
};

fn client() -> Client {
    let api = std::env::var("MWTYPED_TEST_API_1_43").unwrap_or_else(|_| {
        panic!("MWTYPED_TEST_API_1_43 is not set: run the tests through `cargo xtask test`")
    });
    Client::new(api, "mwtyped-example-own-wiki tests").expect("client")
}

#[test]
fn the_spec_file_gives_core_and_every_extension_their_modules() {
    assert_eq!(api::MEDIAWIKI_VERSION, "1.43.12");
    let counts = modules_by_extension();
    let of = |extension: Option<&str>| {
        counts
            .iter()
            .find(|(e, _)| *e == extension)
            .map_or(0, |(_, n)| *n)
    };
    assert!(of(None) > 100, "core modules: {counts:?}");
    assert_eq!(of(Some("Abuse Filter")), 7, "{counts:?}");
    assert!(of(Some("OATHAuth")) >= 2, "{counts:?}");
    assert_eq!(path_of::<api::query::AbuseFilters>(), "query+abusefilters");
    assert_eq!(path_of::<api::OathValidate>(), "oathvalidate");
}

#[test]
fn an_extension_list_module_is_answered_without_a_warning() {
    let client = client();
    // Every value of every enum the query sends must be one the wiki knows: a warning would
    // name an unrecognised one.
    let query = enabled_filters_query();
    let response = client.execute(&query).expect("list=abusefilters");
    assert!(response.warnings.is_empty(), "{:?}", response.warnings);
    assert!(response.body()["query"]["abusefilters"].is_array());
    // The library function follows continuation; the fresh wiki has no filter.
    let found = enabled_filters(&client).expect("enabled filters");
    assert!(found.iter().all(|f| f.enabled), "{found:?}");
}

#[test]
fn an_extension_action_module_checks_a_filter_once_logged_in() {
    let client = client();
    match check_syntax(&client, "1 == 1") {
        Err(Error::Denied { code, .. }) => assert_eq!(code, "permissiondenied"),
        other => panic!("anonymous users may not check filters: {other:?}"),
    }
    match client
        .login("Admin", "mwtyped-admin-password")
        .expect("login")
    {
        AuthStep::Pass(_) => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(
        check_syntax(&client, "action == 'edit'").expect("valid"),
        Syntax::Ok
    );
    match check_syntax(&client, "action == ").expect("invalid") {
        Syntax::Error { message, .. } => assert!(!message.is_empty()),
        Syntax::Ok => panic!("an unfinished rule must not pass"),
    }
}

/// The program itself, as the README runs it.
#[test]
fn the_program_lists_the_extensions_and_checks_a_rule() {
    let api = std::env::var("MWTYPED_TEST_API_1_43").expect("MWTYPED_TEST_API_1_43");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mwtyped-example-own-wiki"))
        .args([
            &api,
            "Admin",
            "mwtyped-admin-password",
            "action == 'edit' &",
        ])
        .output()
        .expect("the program runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("MediaWiki 1.43.12"), "{text}");
    assert!(text.contains("7 modules from Abuse Filter"), "{text}");
    assert!(text.contains("enabled abuse filter(s)"), "{text}");
    assert!(text.contains("is not valid"), "{text}");
    assert!(!text.contains("mwtyped-admin-password"), "{text}");
}
