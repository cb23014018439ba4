//! The spec-file form of the macro on the generator's small fixture (the eleven modules whose
//! generated code `codegen/tests/snapshots` shows), compiled here as a user's crate would
//! compile it, and the encoding rules each parameter kind follows, checked on the wire pairs.

use mwtyped::token::{CsrfToken, LoginToken, Token};
use mwtyped::{ApiModule, EncodeError, Limit, Limits, Namespace, UploadFile, Value};

mod small {
    mwtyped::api_from_spec!("../codegen/tests/fixtures/small.json");
}

fn block() -> small::Block {
    let mut block = small::Block::new(Token::<CsrfToken>::new("csrf-token+\\"));
    block.user = Some("Vandal".into());
    block
}

fn value<'r>(request: &'r mwtyped::Request, name: &str) -> Option<&'r str> {
    request
        .form_pairs()
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v)
}

#[test]
fn the_facts_come_from_the_file() {
    assert_eq!(small::MEDIAWIKI_VERSION, "1.43.9");
    assert_eq!(small::MODULES.len(), 11);
    assert_eq!(small::ClientLogin::PREFIX, "login");
    assert_eq!(
        (small::Block::MUST_BE_POSTED, small::Block::WRITE_RIGHTS),
        (true, true)
    );
    assert_eq!(small::query::AbuseFilters::PATH, "query+abusefilters");
}

#[test]
fn multi_values_join_with_a_bar_or_the_unit_separator() {
    let mut block = block();
    block.page_restrictions = vec!["A".into(), "B".into()];
    let request = block.encode(Limits::Normal).expect("encodes");
    assert_eq!(value(&request, "pagerestrictions"), Some("A|B"));

    // A value holding `|` switches the whole list to MediaWiki's alternative form.
    block.page_restrictions = vec!["A|B".into(), "C".into()];
    let request = block.encode(Limits::Normal).expect("encodes");
    assert_eq!(
        value(&request, "pagerestrictions"),
        Some("\u{1f}A|B\u{1f}C")
    );
}

#[test]
fn multi_value_limits_are_checked_before_sending() {
    let mut block = block();
    // 50 values, or 500 with high limits (bots, sysops).
    block.namespace_restrictions = (0..51).map(Namespace).collect();
    match block.encode(Limits::Normal) {
        Err(EncodeError::TooManyValues {
            param, given, max, ..
        }) => assert_eq!(
            (param.as_str(), given, max),
            ("namespacerestrictions", 51, 50)
        ),
        other => panic!("51 namespaces must be refused: {other:?}"),
    }
    assert!(block.encode(Limits::High).is_ok());
    // `pagerestrictions` allows 10 for everybody.
    block.namespace_restrictions.clear();
    block.page_restrictions = (0..11).map(|i| format!("Page {i}")).collect();
    let error = block.encode(Limits::High).expect_err("11 pages");
    assert_eq!(
        error.to_string(),
        "block: `pagerestrictions` takes at most 10 values, 11 given"
    );
}

#[test]
fn booleans_are_sent_only_when_true() {
    let mut block = block();
    let request = block.encode(Limits::Normal).expect("encodes");
    assert_eq!(value(&request, "reblock"), None);
    block.reblock = true;
    let request = block.encode(Limits::Normal).expect("encodes");
    assert!(value(&request, "reblock").is_some());
}

#[test]
fn limits_take_max_and_are_checked_against_the_range() {
    let mut pages = small::query::AllPages::new();
    pages.limit = Some(Limit::Max);
    let request = pages.encode(Limits::Normal).expect("max");
    assert_eq!(value(&request, "aplimit"), Some("max"));
    pages.limit = Some(Limit::Value(501));
    match pages.encode(Limits::Normal) {
        Err(EncodeError::OutOfRange { max, value, .. }) => assert_eq!((max, value), (500, 501)),
        other => panic!("501 is above the limit: {other:?}"),
    }
    pages.limit = Some(Limit::Value(0));
    assert!(pages.encode(Limits::Normal).is_err(), "below the minimum");
}

#[test]
fn tokens_and_files_make_a_post_and_secrets_stay_wrapped() {
    let request = block().encode(Limits::Normal).expect("encodes");
    assert!(request.must_post);
    assert!(matches!(request.get("token"), Some(Value::Secret(_))));
    assert!(!format!("{request:?}").contains("csrf-token"));

    let mut upload = small::Upload::new(Token::<CsrfToken>::new("t"));
    upload.file_name = Some("Example.png".into());
    upload.file = Some(UploadFile {
        file_name: "Example.png".into(),
        bytes: vec![0x89, b'P', b'N', b'G'],
    });
    let request = upload.encode(Limits::Normal).expect("encodes");
    assert!(request.must_post);
    assert!(matches!(request.get("file"), Some(Value::File(_))));
}

#[test]
fn prefixes_are_the_wires_business_and_templated_parameters_carry_their_slot() {
    let mut login = small::ClientLogin::new(Token::<LoginToken>::new("t"));
    login.return_url = Some("https://example.org/back".into());
    let request = login.encode(Limits::Normal).expect("encodes");
    assert_eq!(
        value(&request, "loginreturnurl"),
        Some("https://example.org/back")
    );

    let mut compare = small::Compare::new();
    compare.from_slots = vec![small::CompareFromSlots::Main];
    compare
        .from_text_per_slot
        .insert("main".into(), "Hello".into());
    let request = compare.encode(Limits::Normal).expect("encodes");
    assert_eq!(value(&request, "fromslots"), Some("main"));
    assert_eq!(value(&request, "fromtext-main"), Some("Hello"));
}

#[test]
fn query_selections_carry_each_submodules_parameters_and_the_generator_prefix() {
    let mut query = small::Query::new();
    let mut info = small::query::Info::new();
    info.prop = vec![small::query::InfoProp::Protection];
    query.select.add(info);
    let mut pages = small::query::AllPages::new();
    pages.limit = Some(Limit::Value(5));
    query.select.generator(pages);
    let request = query.encode(Limits::Normal).expect("encodes");
    assert_eq!(value(&request, "prop"), Some("info"));
    assert_eq!(value(&request, "inprop"), Some("protection"));
    assert_eq!(value(&request, "generator"), Some("allpages"));
    assert_eq!(value(&request, "gaplimit"), Some("5"));
}

/// Where paraminfo gives an `allspecifier`, `*` is a value: `All` in an enum, `Namespace::ALL`
/// in a namespace list; elsewhere `Namespace::ALL` is refused, naming the parameter.
#[test]
fn every_value_is_sent_as_a_star_where_mediawiki_takes_it() {
    let mut compare = small::Compare::new();
    compare.slots = vec![small::CompareSlots::All];
    let request = compare.encode(Limits::Normal).expect("encodes");
    assert_eq!(value(&request, "slots"), Some("*"));

    let mut block = block();
    block.partial = true;
    block.namespace_restrictions = vec![Namespace::ALL];
    let request = block.encode(Limits::Normal).expect("encodes");
    assert_eq!(value(&request, "namespacerestrictions"), Some("*"));

    let mut pages = small::query::AllPages::new();
    pages.namespace = Some(Namespace::ALL);
    let error = pages
        .encode(Limits::Normal)
        .expect_err("apnamespace takes one namespace, not `*`");
    assert!(
        matches!(&error, EncodeError::Invalid { param, .. } if param == "apnamespace"),
        "{error}"
    );
}

/// Expiries paraminfo calls strings are `Expiry`, sent in MediaWiki's forms.
#[test]
fn expiries_are_sent_as_mediawiki_reads_them() {
    let mut block = block();
    block.expiry = Some(mwtyped::Expiry::Relative("2 weeks".into()));
    let request = block.encode(Limits::Normal).expect("encodes");
    assert_eq!(value(&request, "expiry"), Some("2 weeks"));
    block.expiry = Some(mwtyped::Expiry::Infinite);
    let request = block.encode(Limits::Normal).expect("encodes");
    assert_eq!(value(&request, "expiry"), Some("infinite"));
}
