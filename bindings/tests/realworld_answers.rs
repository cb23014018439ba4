//! Answers Wikimedia wikis really sent (`../shared/realworld-answers/`, recorded by other
//! projects for their own tests: en/fr/de/ja Wikipedia, Commons, Wikidata), read through the
//! client's path for an answer's bytes into MediaWiki 1.43's typed answers: every error
//! envelope is an API error; every other answer of a module 1.43 has decodes; what stays
//! unmodelled is exactly the list below, each place with whose field it is.
//!
//! The files are read where CI has them, beside the clone; without them the test fails.

#![cfg(all(feature = "v1_43", feature = "client", feature = "ext-discussiontools"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use mwtyped::v1_43 as mw;
use mwtyped::{Answer, ApiModule, Error};

use serde_json::Value;

/// Places of real answers the 1.43 model does not type, by JSON path (`[]` any index, `*`
/// any key), each with whose field it is: fields of extensions no capture loads, kept
/// unmodelled by design (the README's "Real answers" section).
const UNMODELLED: &[(&str, &str)] = &[
    // Extensions no capture loads; every field of core and of the bundled extensions is typed
    // (those no wiki like the test wikis sends from MediaWiki's code: `facts::FROM_CODE`).
    (
        "query.general.pageviewservice-supported-metrics",
        "PageViewInfo",
    ),
    ("query.general.wmf-config", "Wikimedia's configuration"),
    ("query.lists", "Gather"),
    ("query.mostviewed", "PageViewInfo"),
    ("query.pages[].coordinates", "GeoData"),
    ("query.pages[].description", "WikibaseClient"),
    ("query.pages[].descriptionsource", "WikibaseClient"),
    ("query.pages[].pageassessments", "PageAssessments"),
    ("query.pages[].pageviews", "PageViewInfo"),
    ("query.pages[].terms", "WikibaseClient"),
    ("query.pages[].videoinfo", "TimedMediaHandler"),
    ("query.siteviews", "PageViewInfo"),
    ("query.statistics.queued-massmessages", "MassMessage"),
];

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/realworld-answers")
}

/// One file of the index.
struct Entry {
    file: String,
    action: String,
    error: bool,
}

fn entries() -> Vec<Entry> {
    let index = folder().join("index.json");
    let text = std::fs::read_to_string(&index).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (CI has ../shared beside the clone)",
            index.display()
        )
    });
    let index: Vec<Value> = serde_json::from_str(&text).expect("index.json is JSON");
    index
        .iter()
        .map(|e| Entry {
            file: e["file"].as_str().expect("file").to_owned(),
            action: e["action"].as_str().expect("action").to_owned(),
            error: e["error"].as_bool().unwrap_or(false),
        })
        .collect()
}

/// The answer read as `M`'s: `Ok` with its unmodelled places, or the client's error.
fn read<M: ApiModule>(bytes: Vec<u8>) -> Result<Vec<String>, Error> {
    mwtyped::__private::client_answer::<M>(bytes).map(|answer| answer.unmodelled())
}

/// What the client makes of an answer of `action`, or `None` for a module 1.43 lacks.
fn read_as(action: &str, bytes: Vec<u8>) -> Option<Result<Vec<String>, Error>> {
    Some(match action {
        "query" => read::<mw::Query>(bytes),
        "parse" => read::<mw::Parse>(bytes),
        "edit" => read::<mw::Edit>(bytes),
        "createaccount" => read::<mw::CreateAccount>(bytes),
        "discussiontoolsedit" => read::<mw::DiscussionToolsEdit>(bytes),
        "expandtemplates" => read::<mw::ExpandTemplates>(bytes),
        "watch" => read::<mw::Watch>(bytes),
        "rollback" => read::<mw::Rollback>(bytes),
        _ => return None,
    })
}

/// `query.pages.3.revisions.0.x` → `query.pages[].revisions[].x`.
fn general(path: &str) -> String {
    let mut out = String::new();
    for part in path.split('.') {
        if part.parse::<usize>().is_ok() {
            out.push_str("[]");
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(part);
        }
    }
    out
}

#[test]
fn real_answers_decode_and_errors_are_api_errors() {
    let entries = entries();
    assert!(
        entries.len() >= 80,
        "the index lists {} answers",
        entries.len()
    );
    let (mut decoded, mut errors, mut out_of_scope) = (0, 0, vec![]);
    let mut problems = vec![];
    let mut unmodelled: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in &entries {
        let bytes = std::fs::read(folder().join(&entry.file)).expect("the answer's file");
        if entry.error {
            // The envelope is read before any typing: any module's path says the same.
            let action = if read_as(&entry.action, vec![]).is_some() {
                entry.action.as_str()
            } else {
                "query"
            };
            match read_as(action, bytes) {
                // An API error, whichever variant its code has (`badtoken`, a refusal, …).
                Some(Err(e)) if e.code().is_some() => errors += 1,
                other => problems.push(format!("{}: not an API error: {other:?}", entry.file)),
            }
            continue;
        }
        match read_as(&entry.action, bytes) {
            None => out_of_scope.push(entry.file.clone()),
            Some(Ok(places)) => {
                decoded += 1;
                for place in places {
                    unmodelled
                        .entry(general(&place))
                        .or_default()
                        .insert(entry.file.clone());
                }
            }
            Some(Err(e)) => problems.push(format!("{}: {e}", entry.file)),
        }
    }
    eprintln!(
        "{decoded} answers decoded, {errors} errors read as API errors, {} of modules 1.43 lacks",
        out_of_scope.len()
    );
    for (place, files) in &unmodelled {
        eprintln!(
            "unmodelled {place}: {}",
            files.iter().cloned().collect::<Vec<_>>().join(", ")
        );
    }
    assert!(problems.is_empty(), "{problems:#?}");
    let found: BTreeSet<&str> = unmodelled.keys().map(String::as_str).collect();
    let listed: BTreeSet<&str> = UNMODELLED.iter().map(|(p, _)| *p).collect();
    let new: Vec<&&str> = found.difference(&listed).collect();
    let gone: Vec<&&str> = listed.difference(&found).collect();
    assert!(
        new.is_empty() && gone.is_empty(),
        "unmodelled places not listed: {new:#?}\nlisted places now typed: {gone:#?}"
    );
}
