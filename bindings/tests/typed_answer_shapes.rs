//! How a generated answer type reads what MediaWiki may send, offline, with the 1.43 types:
//! known fields typed, the envelope skipped, unknown fields, values of another kind and
//! missing certain fields kept and listed with their path (never failing the answer), absent
//! flags false, absent lists empty, PHP's arrays for objects and objects for lists.

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
    assert_eq!(result.pages[1].extra["shinynew"], json!([1]));
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
fn a_certain_field_missing_is_its_empty_value_and_listed() {
    let edit: Edit = read(json!({"edit": {"pageid": 1, "title": "A", "contentmodel": "wikitext"}}))
        .expect("decodes without `result`");
    assert_eq!(edit.edit.result, "");
    assert_eq!(edit.edit.extra["result"], Value::Null);
    assert_eq!(edit.unmodelled(), ["edit.result"]);
}

#[test]
fn a_value_of_another_kind_is_read_where_it_can_be_and_else_kept_as_sent() {
    let edit: Edit = read(
        json!({"edit": {"result": "Success", "pageid": "12", "title": 42,
        "contentmodel": "wikitext", "newrevid": {"id": 5}, "new": 1}}),
    )
    .expect("decodes");
    // A number sent as a string is that number, a number where text is modelled its text,
    // PHP's 1 for a flag true.
    assert_eq!(edit.edit.page_id, 12);
    assert_eq!(edit.edit.title, "42");
    assert!(edit.edit.new);
    // What cannot be read is kept as sent, and listed.
    assert_eq!(edit.edit.new_rev_id, None);
    assert_eq!(edit.edit.extra["newrevid"], json!({"id": 5}));
    assert_eq!(edit.unmodelled(), ["edit.newrevid"]);

    let edit: Edit = read(
        json!({"edit": {"result": "Success", "pageid": "one", "title": "A",
        "contentmodel": "wikitext"}}),
    )
    .expect("decodes");
    assert_eq!(
        edit.edit.page_id, 0,
        "a certain field unread is its empty value"
    );
    assert_eq!(edit.unmodelled(), ["edit.pageid"]);
}

#[test]
fn an_item_of_another_kind_is_kept_by_its_index() {
    let query: Query = read(json!({"query": {"pages": [{"ns": 0, "title": "A",
        "categories": [{"ns": 14, "title": "Category:C"}, "junk", {"ns": "14", "title": "Category:D"}]}]}}))
    .expect("decodes");
    let page = &query.query.as_ref().expect("query").pages[0];
    let titles: Vec<&str> = page.categories.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["Category:C", "Category:D"]);
    assert_eq!(page.categories[1].ns, 14);
    assert_eq!(page.extra["categories.1"], json!("junk"));
    assert_eq!(query.unmodelled(), ["query.pages.0.categories.1"]);
}

#[test]
fn only_an_answer_that_is_not_the_modules_fails() {
    let err = read::<Edit>(json!({"edit": "saved"})).expect_err("no object under `edit`");
    assert!(err.contains("missing field `edit`"), "{err}");
    let err = read::<Edit>(json!({"move": {"from": "A"}})).expect_err("another module's");
    assert!(err.contains("missing field `edit`"), "{err}");
    let nothing: Query = read(json!({"batchcomplete": true})).expect("a query of nothing");
    assert!(nothing.query.is_none());
}

#[test]
fn php_arrays_read_as_objects_and_maps() {
    // An empty associative array is `[]`; one keyed 0, 1, … is a list.
    let query: Query =
        read(json!({"query": {"pages": [{"ns": 0, "title": "A", "revisions": [{"slots": []}]}]}}))
            .expect("empty map");
    let pages = query.query.map(|q| q.pages).expect("pages");
    assert!(pages[0].revisions[0].slots.is_empty());
    let query: Query = read(json!({"query": {"pages": [{"ns": 0, "title": "A", "revisions": [{"slots": [{"content": "x"}]}]}]}}))
        .expect("a list as a map");
    let pages = query.query.map(|q| q.pages).expect("pages");
    assert_eq!(
        pages[0].revisions[0].slots["0"].content.as_deref(),
        Some("x")
    );
    // A list with gaps is written as an object keyed by index: its values are the items.
    let query: Query =
        read(json!({"query": {"pages": {"0": {"title": "A"}, "2": {"title": "B"}}}}))
            .expect("an object as a list");
    let titles: Vec<String> = query
        .query
        .map(|q| q.pages)
        .expect("pages")
        .into_iter()
        .filter_map(|p| p.title)
        .collect();
    assert_eq!(titles, ["A", "B"]);
    let edit: Edit = read(json!({"edit": []})).expect("an empty object");
    assert_eq!(
        edit.unmodelled(),
        [
            "edit.contentmodel",
            "edit.pageid",
            "edit.result",
            "edit.title"
        ]
    );
    let err = read::<Edit>(json!({"edit": [1]})).expect_err("a list is no object");
    assert!(err.contains("missing field `edit`"), "{err}");
}

#[test]
fn false_for_no_value_reads_as_none() {
    // WikiEditor's change tag has its display message disabled: MediaWiki sends `false`.
    let query: Query = read(json!({"query": {"tags": [
        {"name": "wikieditor", "displayname": false, "description": "Edit made using WikiEditor", "defined": true},
        {"name": "mine", "displayname": "Mine", "defined": true}
    ]}}))
    .expect("decodes");
    let tags = query.query.expect("query").tags;
    assert_eq!(tags[0].displayname, None);
    assert_eq!(tags[1].displayname.as_deref(), Some("Mine"));
    let odd: Query = read(json!({"query": {"tags": [
        {"name": "x", "displayname": true}
    ]}}))
    .expect("true is no display name, and kept");
    assert_eq!(odd.unmodelled(), ["query.tags.0.displayname"]);
}

#[test]
fn an_array_answer_reads_by_position_and_keeps_a_position_it_does_not_know() {
    use mwtyped::v1_43::answer::OpenSearch;
    let found: OpenSearch =
        read(json!(["Mw", ["Mw a"], [""], ["http://w/Mw_a"]])).expect("decodes");
    assert_eq!(found.search.as_deref(), Some("Mw"));
    assert_eq!(found.titles, ["Mw a"]);
    assert_eq!(found.urls, ["http://w/Mw_a"]);
    assert!(found.unmodelled().is_empty());

    let more: OpenSearch =
        read(json!(["Mw", [], [], [], {"new": 1}])).expect("a fifth position is kept");
    assert_eq!(more.extra["4"], json!({"new": 1}));
    assert_eq!(more.unmodelled(), ["4"]);

    let short: OpenSearch = read(json!(["Mw", []])).expect("two positions of four");
    assert!(short.descriptions.is_empty());
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
    assert_eq!(last.id.as_deref(), Some("c6"));
    assert_eq!(last.extra["shiny"], json!(1));
    assert_eq!(
        thread.unmodelled(),
        ["replies.0.replies.0.replies.0.replies.0.replies.0.replies.0.shiny"]
    );
}
