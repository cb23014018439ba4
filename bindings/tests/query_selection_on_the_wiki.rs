//! `action=query` with typed selections (prop, list, meta, generator), each with its own
//! parameters, sent to the real wikis: answered with data and without a single warning.

mod common;

use common::api;
use mwtyped::{ApiModule, Limit, Request};
use serde_json::Value;

fn send(api: &str, request: &Request) -> Value {
    let mut form = request.form_pairs();
    form.extend([
        ("format", "json"),
        ("formatversion", "2"),
        ("errorformat", "plaintext"),
    ]);
    reqwest::blocking::Client::new()
        .get(api)
        .query(&form)
        .header("User-Agent", "mwtyped-tests (query selections)")
        .send()
        .and_then(|r| r.json())
        .expect("a JSON answer")
}

macro_rules! selection_test {
    ($name:ident, $feature:literal, $version:ident, $var:literal) => {
        #[cfg(feature = $feature)]
        #[test]
        fn $name() {
            use mwtyped::$version::Query;
            use mwtyped::$version::query::{
                AllPages, AllPagesFilterRedir, Info, Revisions, SiteInfo,
            };

            let mut query = Query::new();
            let mut generator = AllPages::new();
            generator.limit = Some(Limit::Value(3));
            generator.filter_redir = Some(AllPagesFilterRedir::Nonredirects);
            let mut revisions = Revisions::new();
            revisions.limit = None;
            query
                .select
                .generator(generator)
                .add(Info::new())
                .add(revisions)
                .add(SiteInfo::new());
            let mut list = AllPages::new();
            list.limit = Some(Limit::Max);
            query.select.add(list);

            let request = query.to_request().expect("encodes");
            assert_eq!(
                request.get("generator"),
                Some(&mwtyped::Value::Text("allpages".into()))
            );
            assert_eq!(
                request.get("gaplimit"),
                Some(&mwtyped::Value::Text("3".into()))
            );
            assert_eq!(
                request.get("prop"),
                Some(&mwtyped::Value::Text("info|revisions".into()))
            );

            let answer = quiet(send(&api($var), &request));
            let pages = answer["query"]["pages"]
                .as_array()
                .expect("generated pages");
            assert!(!pages.is_empty(), "{answer}");
            assert!(
                pages.iter().all(|p| p["revisions"].is_array()),
                "prop=revisions ran: {answer}"
            );
            assert!(
                answer["query"]["general"]["generator"].is_string(),
                "meta=siteinfo ran"
            );
            assert!(answer["query"]["allpages"].is_array(), "list=allpages ran");
        }
    };
}

/// `*` where MediaWiki takes it: every slot of each revision (`rvslots=*`, the request bots
/// make on wikis with several slots) and recent changes in every namespace.
/// The answer, after checking that it holds neither a warning nor an error.
fn quiet(answer: Value) -> Value {
    assert!(
        answer.get("warnings").is_none(),
        "warnings: {}",
        answer["warnings"]
    );
    assert!(
        answer.get("errors").is_none(),
        "errors: {}",
        answer["errors"]
    );
    answer
}

macro_rules! every_value_test {
    ($name:ident, $feature:literal, $version:ident, $var:literal) => {
        #[cfg(feature = $feature)]
        #[test]
        fn $name() {
            use mwtyped::Namespace;
            use mwtyped::$version::Query;
            use mwtyped::$version::query::{AllPages, RecentChanges, Revisions, RevisionsSlots};

            let mut query = Query::new();
            let mut generator = AllPages::new();
            generator.limit = Some(Limit::Value(2));
            let mut revisions = Revisions::new();
            revisions.slots = vec![RevisionsSlots::All];
            revisions.prop = vec![mwtyped::$version::query::RevisionsProp::Content];
            revisions.limit = None;
            let mut changes = RecentChanges::new();
            changes.namespace = vec![Namespace::ALL];
            query
                .select
                .generator(generator)
                .add(revisions)
                .add(changes);
            let request = query.to_request().expect("encodes");
            assert_eq!(
                request.get("rvslots"),
                Some(&mwtyped::Value::Text("*".into()))
            );
            assert_eq!(
                request.get("rcnamespace"),
                Some(&mwtyped::Value::Text("*".into()))
            );

            let answer = quiet(send(&api($var), &request));
            let pages = answer["query"]["pages"].as_array().expect("pages");
            assert!(
                pages
                    .iter()
                    .all(|p| p["revisions"][0]["slots"]["main"].is_object()),
                "every slot, the main one among them: {answer}"
            );
            assert!(answer["query"]["recentchanges"].is_array(), "{answer}");
        }
    };
}

every_value_test!(every_value_on_1_39, "v1_39", v1_39, "MWTYPED_TEST_API_1_39");
every_value_test!(every_value_on_1_43, "v1_43", v1_43, "MWTYPED_TEST_API_1_43");

selection_test!(
    query_selections_on_1_39,
    "v1_39",
    v1_39,
    "MWTYPED_TEST_API_1_39"
);
selection_test!(
    query_selections_on_1_43,
    "v1_43",
    v1_43,
    "MWTYPED_TEST_API_1_43"
);
