//! Decoding large answers into the typed answer (`answer::Query`) against decoding them into
//! `serde_json::Value`. Run through `cargo xtask bench decode`, which records the result in
//! BENCHMARKS.md.
//!
//! The answers are built from recorded ones (`specs/mediawiki-1.43/answers/`): a recorded
//! revision with its content, 500 times (over 50 pages, the content made 2,000 characters
//! long), and a recorded `list=recentchanges` item with every `rcprop`, 5,000 times.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use mwtyped::v1_43::{self, answer::Query};
use serde::Deserialize;
use serde_json::{Value, json};

fn recorded(module: &str, label: &str) -> Value {
    let path = format!(
        "{}/../specs/mediawiki-1.43/answers/{module}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("recording");
    let recording: Value = serde_json::from_str(&text).expect("JSON");
    recording["exchanges"]
        .as_array()
        .expect("exchanges")
        .iter()
        .find(|e| e["label"] == label)
        .unwrap_or_else(|| panic!("{module}: no exchange {label}"))["answer"]
        .clone()
}

/// 500 revisions with content, 10 on each of 50 pages.
fn revisions() -> Vec<u8> {
    let answer = recorded("query+revisions", "rvprop=*");
    let page = answer["query"]["pages"]
        .as_array()
        .expect("pages")
        .iter()
        .find(|p| p["revisions"][0]["slots"]["main"]["content"].is_string())
        .expect("a page with content")
        .clone();
    let mut revision = page["revisions"][0].clone();
    let content = revision["slots"]["main"]["content"]
        .as_str()
        .expect("content")
        .repeat(40);
    revision["slots"]["main"]["content"] = Value::String(content.chars().take(2000).collect());
    let pages: Vec<Value> = (0..50)
        .map(|p| {
            let mut page = page.clone();
            page["pageid"] = json!(p + 1);
            page["title"] = json!(format!("Page {p}"));
            page["revisions"] = (0..10)
                .map(|r| {
                    let mut revision = revision.clone();
                    revision["revid"] = json!(p * 10 + r + 1);
                    revision
                })
                .collect();
            page
        })
        .collect();
    serde_json::to_vec(&json!({"batchcomplete": true, "query": {"pages": pages}})).expect("JSON")
}

/// 5,000 `list=recentchanges` items with every `rcprop`.
fn list_items() -> Vec<u8> {
    let answer = recorded("query+recentchanges", "rcprop=*");
    let item = answer["query"]["recentchanges"][0].clone();
    let items: Vec<Value> = (0..5000)
        .map(|i| {
            let mut item = item.clone();
            item["rcid"] = json!(i + 1);
            item
        })
        .collect();
    serde_json::to_vec(&json!({"continue": {"rccontinue": "x", "continue": "-||"}, "query": {"recentchanges": items}}))
        .expect("JSON")
}

fn decode(c: &mut Criterion) {
    for (name, bytes) in [("revisions", revisions()), ("list", list_items())] {
        // Both must read the whole answer, and the typed one with nothing left unmodelled.
        let typed: Query = serde_json::from_slice(&bytes).expect("typed");
        assert!(mwtyped::Answer::unmodelled(&typed).is_empty());
        c.bench_function(&format!("decode_{name}_value"), |b| {
            b.iter(|| serde_json::from_slice::<Value>(black_box(&bytes)).expect("value"))
        });
        c.bench_function(&format!("decode_{name}_typed"), |b| {
            b.iter(|| serde_json::from_slice::<Query>(black_box(&bytes)).expect("typed"))
        });
        // What the client does: the JSON first (errors and warnings are read from it), then
        // the typed answer from it.
        c.bench_function(&format!("decode_{name}_client"), |b| {
            // The client owns the bytes it reads: each iteration gets a copy, made untimed.
            b.iter_batched(
                || bytes.clone(),
                |bytes| mwtyped::__private::client_answer::<v1_43::Query>(bytes).expect("typed"),
                BatchSize::LargeInput,
            )
        });
        // What the client did before it kept the text: the whole answer as a `Value`, then
        // the typed answer from that.
        c.bench_function(&format!("decode_{name}_typed_via_value"), |b| {
            b.iter(|| {
                let value: Value = serde_json::from_slice(black_box(&bytes)).expect("value");
                Query::deserialize(&value).expect("typed")
            })
        });
    }
}

criterion_group!(benches, decode);
criterion_main!(benches);
