//! How a generated answer type reads what MediaWiki may send, offline, with the 1.43 types:
//! known fields typed, the envelope skipped, unknown fields kept and listed with their path,
//! a missing certain field named by its path, absent flags false, PHP's arrays for objects.

#![cfg(feature = "v1_43")]

use mwtyped::Answer;
use mwtyped::v1_43::answer::{Edit, Query};
use serde_json::{Value, json};

fn read<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, String> {
    serde_path_to_error::deserialize::<_, T>(&value)
        .map_err(|e| format!("{}: {}", e.path(), e.inner()))
}

#[test]
fn known_fields_are_typed_and_the_envelope_is_skipped() {
    let edit: Edit = read(json!({
        "batchcomplete": true,
        "warnings": [{"code": "x"}],
        "edit": {"result": "Success", "pageid": 1, "title": "A", "contentmodel": "wikitext", "newrevid": 5, "new": true}
    }))
    .expect("decodes");
    assert_eq!(edit.edit.new_rev_id, Some(5));
    assert!(edit.edit.new);
    assert!(!edit.edit.nochange, "a flag absent is false");
    assert_eq!(edit.edit.old_rev_id, None);
    assert!(edit.extra.is_empty(), "the envelope is the client's");
    assert!(edit.unmodelled().is_empty());
}

#[test]
fn an_unknown_field_is_kept_and_listed_with_its_path() {
    let query: Query = read(json!({"query": {
        "pages": [{"pageid": 1, "ns": 0, "title": "A"}, {"pageid": 2, "ns": 0, "title": "B", "shinynew": [1]}],
        "brandnewlist": []
    }}))
    .expect("decodes");
    let result = query.query.expect("query");
    assert_eq!(result.extra["brandnewlist"], json!([]));
    assert_eq!(
        result.pages.expect("pages")[1].extra["shinynew"],
        json!([1])
    );
    let query: Query = read(
        json!({"query": {"brandnewlist": [], "pages": [{"ns": 0, "title": "B", "shinynew": 1}]}}),
    )
    .expect("decodes");
    assert_eq!(
        query.unmodelled(),
        ["query.brandnewlist", "query.pages.0.shinynew"]
    );
}

#[test]
fn a_certain_field_missing_or_of_another_kind_names_its_path() {
    let err =
        read::<Edit>(json!({"edit": {"pageid": 1, "title": "A", "contentmodel": "wikitext"}}))
            .expect_err("no result");
    assert_eq!(err, "edit: missing field `result`");
    let err = read::<Edit>(json!({"edit": {"result": "Success", "pageid": "one", "title": "A", "contentmodel": "wikitext"}}))
        .expect_err("a string");
    assert!(
        err.starts_with("edit.pageid: invalid type: string"),
        "{err}"
    );
}

#[test]
fn php_arrays_read_as_objects_and_maps() {
    // An empty associative array is `[]`; one keyed 0, 1, … is a list.
    let query: Query =
        read(json!({"query": {"pages": [{"ns": 0, "title": "A", "revisions": [{"slots": []}]}]}}))
            .expect("empty map");
    let pages = query.query.and_then(|q| q.pages).expect("pages");
    let slots = pages[0].revisions.as_ref().expect("revisions")[0]
        .slots
        .as_ref()
        .expect("slots");
    assert!(slots.is_empty());
    let query: Query = read(json!({"query": {"pages": [{"ns": 0, "title": "A", "revisions": [{"slots": [{"content": "x"}]}]}]}}))
        .expect("a list as a map");
    let pages = query.query.and_then(|q| q.pages).expect("pages");
    let slots = pages[0].revisions.as_ref().expect("revisions")[0]
        .slots
        .as_ref()
        .expect("slots");
    assert_eq!(slots["0"].content.as_deref(), Some("x"));
    let edit: Result<Edit, _> = read(json!({"edit": []}));
    assert_eq!(
        edit.expect_err("an empty object misses `result`"),
        "edit: missing field `contentmodel`"
    );
    let err = read::<Edit>(json!({"edit": [1]})).expect_err("a list is no object");
    assert!(err.contains("invalid type: sequence"), "{err}");
}

#[test]
fn false_for_no_value_reads_as_none() {
    // WikiEditor's change tag has its display message disabled: MediaWiki sends `false`.
    let query: Query = read(json!({"query": {"tags": [
        {"name": "wikieditor", "displayname": false, "description": "Edit made using WikiEditor", "defined": true},
        {"name": "mine", "displayname": "Mine", "defined": true}
    ]}}))
    .expect("decodes");
    let tags = query.query.expect("query").tags.expect("tags");
    assert_eq!(tags[0].displayname, None);
    assert_eq!(tags[1].displayname.as_deref(), Some("Mine"));
    let wrong: Result<Query, String> = read(json!({"query": {"tags": [
        {"name": "x", "displayname": true}
    ]}}));
    let error = wrong.expect_err("true is no display name");
    assert!(
        error.contains("query.tags[0]") && error.contains("boolean `true`"),
        "{error}"
    );
}

#[test]
fn an_array_answer_reads_by_position_and_keeps_a_position_it_does_not_know() {
    use mwtyped::v1_43::answer::OpenSearch;
    let found: OpenSearch =
        read(json!(["Mw", ["Mw a"], [""], ["http://w/Mw_a"]])).expect("decodes");
    assert_eq!(found.search, "Mw");
    assert_eq!(found.titles, ["Mw a"]);
    assert_eq!(found.urls, ["http://w/Mw_a"]);
    assert!(found.unmodelled().is_empty());

    let more: OpenSearch =
        read(json!(["Mw", [], [], [], {"new": 1}])).expect("a fifth position is kept");
    assert_eq!(more.extra["4"], json!({"new": 1}));
    assert_eq!(more.unmodelled(), ["4"]);

    let err = read::<OpenSearch>(json!(["Mw", []])).expect_err("two positions of four");
    assert!(err.contains("missing field `descriptions`"), "{err}");
    let err = read::<OpenSearch>(json!({"search": "Mw"})).expect_err("not an array");
    assert!(err.contains("invalid type: map"), "{err}");
}

#[cfg(feature = "ext-discussiontools")]
#[test]
fn a_thread_deeper_than_recorded_is_typed_to_its_last_reply() {
    use mwtyped::v1_43::answer::DiscussionToolsEditJsconfigvarsWgdiscussiontoolspagethreads as Thread;
    let comment = |id: &str, replies: Vec<Value>| {
        json!({"author": "A", "id": id, "level": 1, "replies": replies,
            "timestamp": "20261201000000", "type": "comment"})
    };
    // Six comments deep (the recordings went three deep), the last with a field of its own.
    let mut reply = comment("c6", vec![]);
    reply["shiny"] = json!(1);
    for depth in (1..=5).rev() {
        reply = comment(&format!("c{depth}"), vec![reply]);
    }
    let thread: Thread = read(json!({"headingLevel": 2, "id": "h", "level": 0,
        "name": "h-A", "replies": [reply], "type": "heading"}))
    .expect("decodes");
    let mut last = &thread.replies[0];
    while let Some(next) = last.replies.first() {
        last = next;
    }
    assert_eq!(last.id, "c6");
    assert_eq!(last.extra["shiny"], json!(1));
    assert_eq!(
        thread.unmodelled(),
        ["replies.0.replies.0.replies.0.replies.0.replies.0.replies.0.shiny"]
    );
}
