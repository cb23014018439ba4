//! What the bindings promise across releases: `v1_43` describes the newest 1.43 patch
//! release captured, and a value it knows that the wiki does not (`thumburls`, added in
//! 1.43.12) is MediaWiki's to judge. In a multi-value parameter MediaWiki drops it with an
//! `unrecognizedvalues` warning, which the client hands over; the rest of the answer stands.
//! A single value it does not know is refused with `badvalue`.
//! The 1.39 test wiki plays the wiki that lacks it.

#![cfg(all(feature = "client", feature = "v1_39", feature = "v1_43"))]

mod common;

use common::api;
use mwtyped::Client;
use mwtyped::v1_43::Query;
use mwtyped::v1_43::query::{AllImages, AllImagesProp};

#[tokio::test]
async fn a_value_the_wiki_lacks_comes_back_as_a_warning_not_an_error() {
    let client = Client::new(
        api("MWTYPED_TEST_API_1_39"),
        "mwtyped-tests (patch releases)",
    )
    .expect("client");
    let mut images = AllImages::new();
    images.prop = vec![AllImagesProp::Thumburls, AllImagesProp::Size];
    let mut query = Query::new();
    query.select.add(images);
    let answer = client.execute(&query).await.expect("answered, not refused");
    let warning = answer
        .warnings
        .iter()
        .find(|w| w.code == "unrecognizedvalues")
        .unwrap_or_else(|| panic!("a warning for thumburls: {:?}", answer.warnings));
    assert!(warning.text.contains("thumburls"), "{}", warning.text);
    assert!(
        answer.body()["query"]["allimages"].is_array(),
        "{}",
        answer.body()
    );

    // A single value the wiki does not know is refused, before anything is done.
    let mut request = mwtyped::ApiModule::to_request(&query).expect("encodes");
    request.text("aisort", "mwtypednosuchvalue");
    let error = client
        .send("query", &request)
        .await
        .expect_err("an unknown single value is refused");
    assert_eq!(error.code(), Some("badvalue"), "{error}");

    // On the wiki that has it, the same request draws no warning.
    let client = Client::new(
        api("MWTYPED_TEST_API_1_43"),
        "mwtyped-tests (patch releases)",
    )
    .expect("client");
    let answer = client.execute(&query).await.expect("answered");
    assert!(answer.warnings.is_empty(), "{:?}", answer.warnings);
}
