//! Every read module of both versions, each parameter set to a sample value, sent to the
//! local wiki of that version: MediaWiki must recognise every parameter and accept every
//! value. Needs `--features testing` and the wikis of `cargo xtask test`.

#![cfg(feature = "testing")]

mod common;

use common::api;
use mwtyped::__private::SampleRow;
use serde_json::Value;

/// The codes by which MediaWiki says a parameter or a value is not what it takes.
const REFUSALS: &[&str] = &[
    "unrecognizedparams",
    "unrecognizedvalues",
    "badvalue",
    "baddatatype",
    "badinteger",
    "badtimestamp",
    "badexpiry",
    "toomanyvalues",
    "multival",
    "unknown_",
    "missingparam",
];

/// Sends each read module's sample; returns the refusals found, as `path: code: text`.
fn check(api: &str, samples: Vec<SampleRow>) -> (usize, Vec<String>) {
    let client = reqwest::blocking::Client::builder()
        .user_agent("mwtyped-tests (encoding of every read module)")
        .build()
        .expect("client");
    let mut sent = 0;
    let mut refusals = vec![];
    for row in samples.into_iter().filter(|r| r.read_only) {
        let request = match row.request {
            Ok(request) => request,
            Err(e) => {
                refusals.push(format!("{}: refused before sending: {e}", row.path));
                continue;
            }
        };
        let mut form = request.form_pairs();
        // A format module names its own format; every other answers in JSON.
        if request.get("format").is_none() {
            form.extend([("format", "json"), ("formatversion", "2")]);
        }
        form.push(("errorformat", "plaintext"));
        let body = if request.must_post {
            client.post(api).form(&form).send()
        } else {
            client.get(api).query(&form).send()
        }
        .and_then(|r| r.text())
        .unwrap_or_else(|e| panic!("{}: {e}", row.path));
        sent += 1;
        // Feeds and `rsd` answer in their own format (XML) when all is well; `rsd` then
        // calls the JSON-only `formatversion` added above unrecognised, which is ours.
        let Ok(answer) = serde_json::from_str::<Value>(&body) else {
            let body = body.replace(
                r#"<warning code="unrecognizedparams" module="main" xml:space="preserve">Unrecognized parameter: formatversion.</warning>"#,
                "",
            );
            if let Some(code) = REFUSALS.iter().find(|r| body.contains(*r)) {
                refusals.push(format!("{}: {code} in a non-JSON answer", row.path));
            }
            continue;
        };
        let messages = answer["warnings"]
            .as_array()
            .into_iter()
            .chain(answer["errors"].as_array())
            .flatten();
        for message in messages {
            let code = message["code"].as_str().unwrap_or_default();
            if REFUSALS.iter().any(|r| code.starts_with(r)) {
                refusals.push(format!("{}: {code}: {}", row.path, message["text"]));
            }
        }
    }
    (sent, refusals)
}

#[cfg(feature = "v1_39")]
#[test]
fn every_read_module_of_1_39_is_accepted() {
    let (sent, refusals) = check(&api("MWTYPED_TEST_API_1_39"), mwtyped::v1_39::__samples());
    assert!(sent > 80, "only {sent} read modules sent");
    assert!(
        refusals.is_empty(),
        "{sent} sent; refused:\n{}",
        refusals.join("\n")
    );
}

#[cfg(feature = "v1_43")]
#[test]
fn every_read_module_of_1_43_is_accepted() {
    let (sent, refusals) = check(&api("MWTYPED_TEST_API_1_43"), mwtyped::v1_43::__samples());
    assert!(sent > 80, "only {sent} read modules sent");
    assert!(
        refusals.is_empty(),
        "{sent} sent; refused:\n{}",
        refusals.join("\n")
    );
}
