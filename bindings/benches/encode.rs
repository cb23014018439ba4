//! Encoding a typical request through the generated structs, against writing the same
//! name/value pairs by hand. Run through `cargo xtask bench encode`, which records the
//! result in BENCHMARKS.md.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use mwtyped::v1_43::query::{Revisions, RevisionsProp};
use mwtyped::v1_43::{Edit, Query};
use mwtyped::{ApiModule, Limit, Request, Timestamp, token::Token};

/// `action=edit` with a title, text, summary, flags and a csrf token: the struct built from
/// the inputs and encoded into a `Request`, ready for the HTTP layer.
fn typed_edit() -> Request {
    let mut edit = Edit::new(Token::new("0123456789abcdef+\\"));
    edit.title = Some("Project:Sandbox".into());
    edit.text = Some("Hello from mwtyped.".into());
    edit.summary = Some("A test edit".into());
    edit.minor = true;
    edit.bot = true;
    edit.to_request().expect("valid")
}

/// The same pairs written by hand, owned as an HTTP layer takes them.
fn hand_edit() -> Vec<(String, String)> {
    owned(vec![
        ("action", "edit"),
        ("title", "Project:Sandbox"),
        ("text", "Hello from mwtyped."),
        ("summary", "A test edit"),
        ("minor", "1"),
        ("bot", "1"),
        ("token", "0123456789abcdef+\\"),
    ])
}

/// `action=query&prop=revisions` for three titles with four props and a limit.
fn typed_query() -> Request {
    let mut query = Query::new();
    query.titles = vec![
        "Main Page".into(),
        "Project:Sandbox".into(),
        "Help:Contents".into(),
    ];
    let mut revisions = Revisions::new();
    revisions.prop = vec![
        RevisionsProp::Ids,
        RevisionsProp::Timestamp,
        RevisionsProp::User,
        RevisionsProp::Comment,
    ];
    revisions.limit = Some(Limit::Value(1));
    revisions.start = Some(Timestamp::raw("2023-11-14T22:13:20Z"));
    query.select.add(revisions);
    query.to_request().expect("valid")
}

fn hand_query() -> Vec<(String, String)> {
    let titles = ["Main Page", "Project:Sandbox", "Help:Contents"].join("|");
    let props = ["ids", "timestamp", "user", "comment"].join("|");
    owned(vec![
        ("action", "query"),
        ("titles", &titles),
        ("prop", "revisions"),
        ("rvprop", &props),
        ("rvlimit", "1"),
        ("rvstart", "2023-11-14T22:13:20Z"),
    ])
}

fn owned(pairs: Vec<(&str, &str)>) -> Vec<(String, String)> {
    pairs
        .into_iter()
        .map(|(n, v)| (n.to_owned(), v.to_owned()))
        .collect()
}

fn bench(c: &mut Criterion) {
    let sorted = |mut pairs: Vec<(String, String)>| {
        pairs.sort();
        pairs
    };
    let typed = |request: Request| sorted(owned(request.form_pairs()));
    assert_eq!(
        typed(typed_edit()),
        sorted(hand_edit()),
        "both sides send the same"
    );
    assert_eq!(
        typed(typed_query()),
        sorted(hand_query()),
        "both sides send the same"
    );
    c.bench_function("edit/mwtyped", |b| b.iter(|| black_box(typed_edit())));
    c.bench_function("edit/by hand", |b| b.iter(|| black_box(hand_edit())));
    c.bench_function("query/mwtyped", |b| b.iter(|| black_box(typed_query())));
    c.bench_function("query/by hand", |b| b.iter(|| black_box(hand_query())));
}

criterion_group!(benches, bench);
criterion_main!(benches);
