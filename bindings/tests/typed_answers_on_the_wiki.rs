//! The typed answers against what the wikis answer today: every read request recorded under
//! `specs/mediawiki-VERSION/answers/` (by `cargo xtask answers`, on the content `cargo xtask
//! test` seeds every test wiki with) is sent again to the local wiki of that version, as
//! `Admin`, and its answer read into the module's typed answer. None may fail to decode, and
//! every field MediaWiki sent that the model lacks is listed. Every recorded answer (writes
//! included) is also read offline. Needs `--features testing` and
//! the wikis of `cargo xtask test`.

#![cfg(feature = "testing")]

mod common;

use std::path::Path;

use common::{ADMIN, ADMIN_PASSWORD, api, logged_in};
use mwtyped::__private::SampleRow;
use mwtyped::{Client, Request};
use serde_json::Value;

/// What one version's replay found.
#[derive(Default)]
struct Replay {
    sent: usize,
    modules: std::collections::BTreeSet<String>,
    /// Keys of objects in the answers (the envelope apart), and those kept as unmodelled.
    keys: usize,
    unmodelled: Vec<String>,
    /// Answers that did not decode, as `module (label): error`.
    failures: Vec<String>,
    /// Requests the wiki refused today (they succeeded when recorded).
    refused: Vec<String>,
}

/// One recorded exchange that succeeded (a JSON object, or the array `opensearch` answers).
struct Recorded {
    module: String,
    label: String,
    request: Vec<(String, String)>,
    answer: Value,
}

/// Every recorded exchange of a capture that succeeded.
fn recorded(capture: &str) -> Vec<Recorded> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../specs")
        .join(capture)
        .join("answers");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let mut out = vec![];
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read recording");
        let recording: Value = serde_json::from_str(&text).expect("recording is JSON");
        let module = recording["module"].as_str().expect("module").to_owned();
        for exchange in recording["exchanges"].as_array().expect("exchanges") {
            let answer = &exchange["answer"];
            // An object, or the array `opensearch` answers.
            if !(answer.is_object() || answer.is_array())
                || answer.get("errors").is_some()
                || answer.get("error").is_some()
            {
                continue;
            }
            out.push(Recorded {
                module: module.clone(),
                label: exchange["label"].as_str().unwrap_or_default().to_owned(),
                request: serde_json::from_value(exchange["request"].clone()).expect("pairs"),
                answer: answer.clone(),
            });
        }
    }
    out
}

/// The recorded exchanges that only read: no token, no secret, a module that neither
/// writes nor must be posted.
fn recorded_reads(capture: &str, rows: &[SampleRow]) -> Vec<Recorded> {
    recorded(capture)
        .into_iter()
        .filter(|r| rows.iter().any(|row| row.path == r.module && row.read_only))
        .filter(|r| r.request.iter().all(|(_, v)| v != "***"))
        .collect()
}

/// Every recorded answer, writes and flows included, read into its typed answer offline:
/// none fails and none keeps a field in `extra` (the model was inferred from them).
fn decode_recordings(capture: &str, rows: &[SampleRow]) {
    let mut decoded = 0;
    let mut problems = vec![];
    for r in recorded(capture) {
        let Some(row) = rows.iter().find(|row| row.path == r.module) else {
            continue;
        };
        match (row.answer)(&r.answer) {
            Ok(unmodelled) if unmodelled.is_empty() => decoded += 1,
            Ok(unmodelled) => problems.push(format!(
                "{} ({}): unmodelled {unmodelled:?}",
                r.module, r.label
            )),
            Err(e) => problems.push(format!("{} ({}): {e}", r.module, r.label)),
        }
    }
    assert!(
        decoded > 500,
        "only {decoded} recorded answers of {capture}"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The keys of every object in `value`.
fn count_keys(value: &Value) -> usize {
    match value {
        Value::Object(map) => map.len() + map.values().map(count_keys).sum::<usize>(),
        Value::Array(items) => items.iter().map(count_keys).sum(),
        _ => 0,
    }
}

async fn replay(api_var: &str, capture: &str, rows: Vec<SampleRow>) -> Replay {
    let client = Client::builder(api(api_var), "mwtyped-tests (typed answers)")
        .build()
        .expect("client");
    let client = logged_in(client, ADMIN, ADMIN_PASSWORD).await;
    let mut replay = Replay::default();
    for Recorded {
        module,
        label,
        request: params,
        ..
    } in recorded_reads(capture, &rows)
    {
        let row = rows.iter().find(|r| r.path == module).expect("row");
        let mut request = Request::default();
        for (name, value) in params {
            request.text(name, value);
        }
        let response = match client.send(&module, &request).await {
            Ok(response) => response,
            Err(e) => {
                replay.refused.push(format!("{module} ({label}): {e}"));
                continue;
            }
        };
        replay.sent += 1;
        replay.modules.insert(module.clone());
        let data: usize = response
            .body()
            .as_object()
            .map(|root| {
                root.iter()
                    .filter(|(k, _)| !["batchcomplete", "continue", "limits"].contains(&k.as_str()))
                    .map(|(_, v)| 1 + count_keys(v))
                    .sum()
            })
            .unwrap_or_default();
        replay.keys += data;
        match (row.answer)(response.body()) {
            Ok(unmodelled) => replay.unmodelled.extend(
                unmodelled
                    .into_iter()
                    .map(|p| format!("{module} ({label}): {p}")),
            ),
            Err(e) => replay.failures.push(format!("{module} ({label}): {e}")),
        }
    }
    client.logout().await.expect("logout");
    replay
}

fn check(version: &str, replay: Replay) {
    eprintln!(
        "{version}: {} recorded reads of {} modules sent again; {} keys in the answers, {} unmodelled; {} refused today",
        replay.sent,
        replay.modules.len(),
        replay.keys,
        replay.unmodelled.len(),
        replay.refused.len(),
    );
    for line in replay.unmodelled.iter().chain(&replay.refused) {
        eprintln!("  {line}");
    }
    assert!(replay.sent > 300, "only {} reads replayed", replay.sent);
    assert!(
        replay.failures.is_empty(),
        "{} answers do not decode:\n{}",
        replay.failures.len(),
        replay.failures.join("\n")
    );
}

#[cfg(feature = "v1_39")]
#[test]
fn every_recorded_answer_of_1_39_decodes_typed_offline() {
    decode_recordings("mediawiki-1.39", &mwtyped::v1_39::__samples());
}

#[cfg(feature = "v1_43")]
#[test]
fn every_recorded_answer_of_1_43_decodes_typed_offline() {
    decode_recordings("mediawiki-1.43", &mwtyped::v1_43::__samples());
}

#[cfg(feature = "v1_39")]
#[tokio::test]
async fn every_recorded_read_of_1_39_decodes_typed() {
    let replay = replay(
        "MWTYPED_TEST_API_1_39",
        "mediawiki-1.39",
        mwtyped::v1_39::__samples(),
    )
    .await;
    check("1.39", replay);
}

#[cfg(feature = "v1_43")]
#[tokio::test]
async fn every_recorded_read_of_1_43_decodes_typed() {
    let replay = replay(
        "MWTYPED_TEST_API_1_43",
        "mediawiki-1.43",
        mwtyped::v1_43::__samples(),
    )
    .await;
    check("1.43", replay);
}

/// `opensearch` answers a JSON array, not an object: the typed answer's fields are its
/// positions, in order.
macro_rules! opensearch_test {
    ($name:ident, $version:ident, $feature:literal, $var:literal) => {
        #[cfg(all(feature = "client", feature = $feature))]
        #[tokio::test]
        async fn $name() {
            let client = Client::new(api($var), "mwtyped-tests (opensearch)").expect("client");
            let mut search = mwtyped::$version::OpenSearch::new("Mwtyped seed".into());
            search.limit = Some(mwtyped::Limit::Value(5));
            let response = client.execute(&search).await.expect("opensearch");
            let answer = response.answer().expect("typed opensearch");
            assert_eq!(answer.search.as_deref(), Some("Mwtyped seed"));
            assert!(
                answer.titles.iter().any(|t| t == "Mwtyped seed"),
                "{answer:?}"
            );
            assert!(answer.titles.len() <= 5, "{answer:?}");
            assert_eq!(answer.urls.len(), answer.titles.len());
            assert!(
                answer.urls.iter().all(|u| u.starts_with("http")),
                "{answer:?}"
            );
            assert!(answer.extra.is_empty(), "{answer:?}");
        }
    };
}

opensearch_test!(
    opensearch_of_1_39_answers_typed,
    v1_39,
    "v1_39",
    "MWTYPED_TEST_API_1_39"
);
opensearch_test!(
    opensearch_of_1_43_answers_typed,
    v1_43,
    "v1_43",
    "MWTYPED_TEST_API_1_43"
);
