//! The answer model inferred from recordings: certainty, flags, maps, free-form values, the
//! envelope, query submodules sharing `query`'s answer, and why a module is untyped.

use mwtyped_spec::{
    AnswerModel, Coverage, Exchange, FreeFormPlaces, Recording, Shape, Spec, infer,
};
use serde_json::{Value, json};

fn spec() -> Spec {
    let modules = json!([
        {"name": "main", "classname": "ApiMain", "path": "main", "prefix": "", "source": "MediaWiki", "sourcename": "MediaWiki"},
        {"name": "edit", "classname": "ApiEditPage", "path": "edit", "group": "action", "prefix": "", "source": "MediaWiki", "sourcename": "MediaWiki"},
        {"name": "feedrecentchanges", "classname": "ApiFeedRecentChanges", "path": "feedrecentchanges", "group": "action", "prefix": "", "source": "MediaWiki", "sourcename": "MediaWiki"},
        {"name": "opensearch", "classname": "ApiOpenSearch", "path": "opensearch", "group": "action", "prefix": "", "source": "MediaWiki", "sourcename": "MediaWiki"},
        {"name": "stashedit", "classname": "ApiStashEdit", "path": "stashedit", "group": "action", "prefix": "", "source": "MediaWiki", "sourcename": "MediaWiki"},
        {"name": "purge", "classname": "ApiPurge", "path": "purge", "group": "action", "prefix": "", "source": "MediaWiki", "sourcename": "MediaWiki"},
        {"name": "revisions", "classname": "ApiQueryRevisions", "path": "query+revisions", "group": "prop", "prefix": "rv", "source": "MediaWiki", "sourcename": "MediaWiki"},
        {"name": "allpages", "classname": "ApiQueryAllPages", "path": "query+allpages", "group": "list", "prefix": "ap", "source": "MediaWiki", "sourcename": "MediaWiki"},
        {"name": "gadgets", "classname": "ApiQueryGadgets", "path": "query+gadgets", "group": "list", "prefix": "ga", "source": "Gadgets", "sourcename": "Gadgets", "origin": {"extension": "Gadgets"}},
        {"name": "json", "classname": "ApiFormatJson", "path": "json", "group": "format", "prefix": "", "source": "MediaWiki", "sourcename": "MediaWiki"}
    ]);
    let text = json!({
        "capture": {"name": "test", "mediawiki": "1.43.0", "generator": "MediaWiki 1.43.0",
            "api_url": "http://127.0.0.1/api.php", "fetched": "2026-11-30", "helpformat": null,
            "extensions": [], "attribution": {}},
        "modules": modules
    });
    Spec::parse("test", &text.to_string()).expect("spec")
}

fn exchange(label: &str, answer: Value) -> Exchange {
    Exchange {
        label: label.into(),
        request: vec![],
        answer,
    }
}

fn recording(module: &str, exchanges: Vec<Exchange>) -> Recording {
    Recording {
        module: module.into(),
        mediawiki: "1.43.0".into(),
        exchanges,
    }
}

fn field<'a>(shape: &'a Shape, path: &[&str]) -> &'a mwtyped_spec::Field {
    let mut shape = shape;
    let mut found = None;
    for name in path {
        let fields = match shape {
            Shape::Object { fields } => fields,
            Shape::Array { items } => match &**items {
                Shape::Object { fields } => fields,
                other => panic!("{name}: not an object: {other:?}"),
            },
            other => panic!("{name}: not an object: {other:?}"),
        };
        let f = fields
            .iter()
            .find(|f| f.name == *name)
            .unwrap_or_else(|| panic!("no field {name}"));
        shape = &f.shape;
        found = Some(f);
    }
    found.expect("a path")
}

fn model() -> AnswerModel {
    let edits = recording(
        "edit",
        vec![
            exchange(
                "example 1",
                json!({"edit": {"result": "Success", "pageid": 1, "newrevid": 5, "new": true}, "warnings": []}),
            ),
            exchange(
                "example 2",
                json!({"edit": {"result": "Success", "pageid": 1, "nochange": true}}),
            ),
            exchange(
                "example 3",
                json!({"errors": [{"code": "badtoken", "text": "Invalid token."}]}),
            ),
        ],
    );
    let revisions = recording(
        "query+revisions",
        vec![
            exchange(
                "rvprop=content",
                json!({"batchcomplete": true, "query": {"pages": [{"pageid": 1, "ns": 0, "title": "A",
                    "revisions": [{"slots": {"main": {"content": "x", "contentmodel": "wikitext"}}}]}]}}),
            ),
            exchange(
                "rvprop=ids",
                json!({"query": {"pages": [{"pageid": 1, "ns": 0, "title": "A", "revisions": [{"revid": 5, "parentid": 4}]}]}}),
            ),
        ],
    );
    let allpages = recording(
        "query+allpages",
        vec![exchange(
            "example 1",
            json!({"query": {"allpages": [{"pageid": 1, "ns": 0, "title": "A"}],
                "namespaces": {"0": {"id": 0, "name": ""}, "1": {"id": 1, "name": "Talk"}},
                "mixed": [1, "one"]}}),
        )],
    );
    let gadgets = recording(
        "query+gadgets",
        vec![exchange(
            "example 1",
            json!({"query": {"gadgets": [{"id": "g", "metadata": {"settings": {"default": true}}}]}}),
        )],
    );
    let feed = recording(
        "feedrecentchanges",
        vec![exchange(
            "example 1",
            json!("<?xml version=\"1.0\"?><rss/>"),
        )],
    );
    let purge = recording(
        "purge",
        vec![exchange(
            "example 1",
            json!({"errors": [{"code": "missingparam", "text": "…"}]}),
        )],
    );
    infer(&spec(), &[allpages, edits, feed, gadgets, purge, revisions])
}

#[test]
fn certain_is_by_mediawikis_contract_not_by_how_often_a_field_was_sent() {
    let model = model();
    let edit = &model.answers["edit"];
    // The object the answer is wrapped in, and a place of the facts table sent every time.
    assert!(field(edit, &["edit"]).certain);
    assert!(field(edit, &["edit", "result"]).certain);
    assert!(field(edit, &["edit", "pageid"]).certain);
    assert!(!field(edit, &["edit", "newrevid"]).certain);
    assert_eq!(field(edit, &["edit", "newrevid"]).shape, Shape::Integer);
    assert_eq!(
        field(edit, &["edit", "nochange"]).shape,
        Shape::Bool { seen_false: false }
    );
    // In every answer recorded, but not certain by the contract: a query's revision has an
    // id only with `rvprop=ids`, a page its title only where it was asked by title.
    let query = &model.answers["query"];
    assert!(
        !field(query, &["query"]).certain,
        "a query of nothing has none"
    );
    assert!(!field(query, &["query", "pages", "title"]).certain);
    assert!(field(query, &["query", "allpages", "title"]).certain);
}

/// Each field of the facts table is a place the recordings hold, sent in every object
/// recorded there, in each capture that has it: a wrong entry would make a field a plain
/// value that some answer lacks.
#[test]
fn every_certain_fact_holds_in_the_recordings() {
    let mut problems = vec![];
    for (path, why) in mwtyped_spec::facts::CERTAIN {
        let mut found = 0;
        for capture in mwtyped_spec::CAPTURES {
            let model = capture.answers().expect("model");
            match model_place(&model, path) {
                Some(field) if field.certain => found += 1,
                Some(_) => problems.push(format!(
                    "{}: `{path}` ({why}) not in every object",
                    capture.name
                )),
                None => {}
            }
        }
        if found == 0 {
            problems.push(format!("`{path}` ({why}): no capture recorded it"));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The field at a JSON path of the facts table in a capture's model: in the answer named by
/// its first key (`edit.result`), else in `query`'s (`watchlistraw[].title` sits beside it).
fn model_place<'a>(model: &'a AnswerModel, path: &str) -> Option<&'a mwtyped_spec::Field> {
    let answer = path.split(['.', '[']).next().unwrap_or_default();
    let root = if model.answers.contains_key(answer) {
        answer
    } else {
        "query"
    };
    place(model.answers.get(root)?, path)
}

/// The field at a JSON path of the facts table (`query.pages[].links[].title`).
fn place<'a>(shape: &'a Shape, path: &str) -> Option<&'a mwtyped_spec::Field> {
    let mut shape = shape;
    let mut found = None;
    for part in path.split('.') {
        let (name, items) = match part.strip_suffix("[]") {
            Some(name) => (name, true),
            None => (part, false),
        };
        let (Shape::Object { fields } | Shape::Tuple { fields }) = shape else {
            return None;
        };
        let field = fields.iter().find(|f| f.name == name)?;
        found = Some(field);
        shape = &field.shape;
        if items {
            let Shape::Array { items } = shape else {
                return None;
            };
            shape = items;
        }
    }
    found
}

#[test]
fn the_envelope_and_failed_answers_are_left_out() {
    let model = model();
    let Shape::Object { fields } = &model.answers["edit"] else {
        panic!("edit is an object")
    };
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["edit"], "warnings and errors are the client's");
    match &model.modules["edit"] {
        Coverage::Typed {
            exchanges,
            succeeded,
            ..
        } => assert_eq!((*exchanges, *succeeded), (3, 2)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn query_submodules_share_the_answer_of_query_and_say_what_adds_a_field() {
    let model = model();
    assert!(model.answers.contains_key("query"));
    assert!(!model.answers.contains_key("query+revisions"));
    let query = &model.answers["query"];
    let pages = field(query, &["query", "pages"]);
    assert!(!pages.certain, "allpages answers without pages");
    assert_eq!(pages.modules, ["query+revisions"]);
    let content = field(query, &["query", "pages", "revisions"]);
    assert!(
        !content.certain,
        "in both revisions answers, but no fact says so"
    );
    let revid = {
        let Shape::Array { items } = &content.shape else {
            panic!("revisions is an array")
        };
        let Shape::Object { fields } = &**items else {
            panic!("of objects")
        };
        fields
            .iter()
            .find(|f| f.name == "revid")
            .cloned()
            .expect("revid")
    };
    assert_eq!(revid.with, ["rvprop=ids"]);
}

#[test]
fn a_field_only_an_extension_sends_names_it_once() {
    let model = model();
    let query = &model.answers["query"];
    let gadgets = field(query, &["query", "gadgets"]);
    assert_eq!(gadgets.extension.as_deref(), Some("Gadgets"));
    let inner = field(query, &["query", "gadgets", "metadata"]);
    assert_eq!(
        inner.extension, None,
        "its object is the extension's already"
    );
    assert_eq!(field(query, &["query", "pages"]).extension, None);
}

#[test]
fn keys_that_are_data_make_a_map() {
    let model = model();
    let query = &model.answers["query"];
    let slots = {
        let revisions = field(query, &["query", "pages", "revisions"]);
        let Shape::Array { items } = &revisions.shape else {
            panic!()
        };
        let Shape::Object { fields } = &**items else {
            panic!()
        };
        fields
            .iter()
            .find(|f| f.name == "slots")
            .cloned()
            .expect("slots")
    };
    assert!(
        matches!(slots.shape, Shape::Map { .. }),
        "slot roles: {:?}",
        slots.shape
    );
    let namespaces = field(query, &["query", "namespaces"]);
    assert!(
        matches!(namespaces.shape, Shape::Map { .. }),
        "namespace ids"
    );
}

#[test]
fn values_of_several_kinds_are_free_form() {
    let model = model();
    let mixed = field(&model.answers["query"], &["query", "mixed"]);
    assert_eq!(
        mixed.shape,
        Shape::Array {
            items: Box::new(Shape::Any {
                why: "sent as a number or a string".into()
            })
        }
    );
}

#[test]
fn an_always_empty_array_beside_objects_is_that_object_and_a_full_one_is_free_form() {
    // PHP writes an empty associative array as `[]` (`list=blocks` restrictions).
    let blocks = recording(
        "query+allpages",
        vec![exchange(
            "example 1",
            json!({"query": {"allpages": [
                    {"restrictions": []},
                    {"restrictions": {"pages": [{"id": 1}]}},
                    {"restrictions": []},
                    {"mixed": [1]},
                    {"mixed": {"a": 1}}]}}),
        )],
    );
    let model = infer(&spec(), &[blocks]);
    let restrictions = field(
        &model.answers["query"],
        &["query", "allpages", "restrictions"],
    );
    let Shape::Object { fields } = &restrictions.shape else {
        panic!("restrictions: {:?}", restrictions.shape);
    };
    assert_eq!(fields.len(), 1);
    assert_eq!(fields[0].name, "pages");
    assert!(!fields[0].certain, "[] is the object without its fields");
    let mixed = field(&model.answers["query"], &["query", "allpages", "mixed"]);
    assert_eq!(
        mixed.shape,
        Shape::Any {
            why: "sent as an array or an object".into()
        }
    );
}

#[test]
fn free_form_places_are_counted_by_why() {
    let model = infer(
        &spec(),
        &[recording(
            "query+allpages",
            vec![exchange(
                "example 1",
                json!({"query": {"allpages": [
                    {"tags": [], "mixed": 1, "title": "A"},
                    {"tags": [], "mixed": "one", "title": "B", "logparams": {"x": 1}}]}}),
            )],
        )],
    );
    // `mixed` (two kinds) and `logparams` (MediaWiki's own free-form data); `tags` never held
    // an item; `title` is typed.
    assert_eq!(
        model.answers["query"].free_form_places(""),
        FreeFormPlaces {
            free_form: vec![
                (
                    "query.allpages[].mixed".into(),
                    "sent as a number or a string".into()
                ),
                (
                    "query.allpages[].logparams".into(),
                    "MediaWiki sends free-form data here".into()
                ),
            ],
            never_seen: vec!["query.allpages[].tags[]".into()],
        }
    );
}

#[test]
fn replies_of_replies_are_one_type_to_any_depth() {
    let answer = json!({"edit": {"threads": [{"id": "h1", "replies": [
        {"id": "c1", "author": "A", "replies": [
            {"id": "c2", "author": "B", "replies": [], "level": 2}]},
        {"id": "c3", "author": "C", "replies": []}]}]}});
    let model = infer(&spec(), &[recording("edit", vec![exchange("a", answer)])]);
    let edit = &model.answers["edit"];
    let replies = field(edit, &["edit", "threads", "replies"]);
    let Shape::Array { items } = &replies.shape else {
        panic!("replies: {:?}", replies.shape)
    };
    let Shape::Object { fields } = &**items else {
        panic!("replies' items: {items:?}")
    };
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    // `serde_json` sorts keys; `level`, seen only deeper, comes last.
    assert_eq!(names, ["author", "id", "replies", "level"]);
    assert_eq!(
        fields[2].shape,
        Shape::Array {
            items: Box::new(Shape::Recursive)
        }
    );
    // Only a comment at the second level had a level.
    assert!(!fields[3].certain);
    // Deeper than recorded, every key is still typed.
    let deeper = json!({"edit": {"threads": [{"id": "h1", "replies": [
        {"id": "c1", "author": "A", "replies": [{"id": "c2", "author": "B", "replies": [
            {"id": "c4", "author": "D", "replies": [{"id": "c5", "author": "E", "replies": []}]}]}]}]}]}});
    let count = edit.count(&deeper);
    assert_eq!((count.typed, count.free_form, count.unmodelled), (16, 0, 0));
    assert!(edit.free_form_places("").never_seen.is_empty());
    // An array of the same name that holds strings (DiscussionTools' comparison names a
    // comment's replies by id) is no recursion.
    let ids = json!({"purge": {"replies": [{"id": "c1", "replies": ["c2"]}]}});
    let model = infer(&spec(), &[recording("purge", vec![exchange("a", ids)])]);
    let replies = field(&model.answers["purge"], &["purge", "replies", "replies"]);
    assert_eq!(
        replies.shape,
        Shape::Array {
            items: Box::new(Shape::String)
        }
    );
    // Nor is one that is an object, or PHP's `[]` for it when empty.
    let objects = json!({"purge": {"replies": [
        {"replies": {"count": 1}}, {"replies": []}]}});
    let model = infer(&spec(), &[recording("purge", vec![exchange("a", objects)])]);
    let replies = field(&model.answers["purge"], &["purge", "replies", "replies"]);
    assert!(
        matches!(replies.shape, Shape::Object { .. }),
        "{:?}",
        replies.shape
    );
}

#[test]
fn an_untyped_module_says_why() {
    let model = model();
    let why = |path: &str| match &model.modules[path] {
        Coverage::Untyped { why } => why.clone(),
        other => panic!("{path}: {other:?}"),
    };
    assert_eq!(
        why("feedrecentchanges"),
        "answers XML or HTML, not a JSON object"
    );
    assert_eq!(why("purge"), "every request recorded failed (missingparam)");
    assert_eq!(why("json"), "an output format, not an answer of its own");
    assert_eq!(why("main"), "the root of every request");
}

#[test]
fn the_model_is_the_same_for_the_same_recordings_and_reads_back() {
    let model = model();
    assert_eq!(model.to_json(), self::model().to_json());
    assert_eq!(
        AnswerModel::parse("answers.json", &model.to_json()).expect("parse"),
        model
    );
}

#[test]
fn a_malformed_recording_names_its_file_and_line() {
    let err = Recording::parse(
        "specs/x/answers/edit.json",
        "{\"module\": \"edit\",\n  \"exchanges\": 3}",
    )
    .expect_err("malformed");
    let text = err.to_string();
    assert!(text.starts_with("specs/x/answers/edit.json:2:"), "{text}");
}

#[test]
fn false_for_no_value_is_an_option_not_free_form() {
    let pages = recording(
        "query+allpages",
        vec![
            exchange(
                "a",
                json!({"query": {"allpages": [{"title": "A", "note": "text", "displayname": "Shown"}]}}),
            ),
            exchange(
                "b",
                json!({"query": {"allpages": [{"title": "B", "note": false, "displayname": "Also"}]}}),
            ),
        ],
    );
    let model = infer(&spec(), &[pages]);
    let answer = &model.answers["query"];
    // Seen as a string and as `false`: a string that may be none.
    let note = field(answer, &["query", "allpages", "note"]);
    assert_eq!(note.shape, Shape::String);
    assert!(note.false_for_none && !note.certain);
    // Never recorded as `false`, but MediaWiki sends it so (a disabled message).
    let shown = field(answer, &["query", "allpages", "displayname"]);
    assert_eq!(shown.shape, Shape::String);
    assert!(shown.false_for_none);
    // A string alone stays a string.
    assert!(!field(answer, &["query", "allpages", "title"]).false_for_none);
}

#[test]
fn an_array_whose_positions_have_names_is_a_tuple_and_any_other_array_is_untyped() {
    let searches = recording(
        "opensearch",
        vec![
            exchange("example 1", json!(["Te", [], [], []])),
            exchange(
                "seeded 1",
                json!([
                    "Mw",
                    ["Mw a", "Mw b"],
                    ["", ""],
                    ["http://w/Mw_a", "http://w/Mw_b"]
                ]),
            ),
        ],
    );
    let arrays = recording("stashedit", vec![exchange("example 1", json!([1, 2]))]);
    let model = infer(&spec(), &[searches, arrays]);
    let Shape::Tuple { fields } = &model.answers["opensearch"] else {
        panic!("{:?}", model.answers["opensearch"]);
    };
    // In the order of the positions; none certain, as no fact names them.
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["search", "titles", "descriptions", "urls"]);
    assert!(fields.iter().all(|f| !f.certain));
    assert_eq!(fields[0].shape, Shape::String);
    assert_eq!(
        fields[1].shape,
        Shape::Array {
            items: Box::new(Shape::String)
        }
    );
    assert!(matches!(
        model.modules["opensearch"],
        Coverage::Typed { succeeded: 2, .. }
    ));
    assert!(matches!(
        &model.modules["stashedit"],
        Coverage::Untyped { why } if why == "answers a JSON array whose positions have no names, not a JSON object"
    ));
    // Counted on its positions by name: 4 typed in each answer, and the items' strings none.
    let count = model.answers["opensearch"]
        .count(&json!({"search": "Mw", "titles": ["a"], "descriptions": [""], "urls": ["u"]}));
    assert_eq!((count.typed, count.unmodelled), (4, 0));
}

/// The recordings of a committed capture, as `cargo xtask answers` wrote them.
fn recordings_of(capture: &str) -> Vec<Recording> {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(capture)
        .join("answers");
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("a recording");
            Recording::parse(&path.display().to_string(), &text).expect("a recording")
        })
        .collect()
}

/// Every data place of every committed capture (each module, each value of its prop-like
/// parameters) is recorded with data, or the facts table says why MediaWiki sends none
/// there; and no reason stands for a place that has data.
#[test]
fn every_data_place_is_recorded_with_data_or_says_why_not() {
    let mut problems = vec![];
    let mut explained = std::collections::BTreeSet::new();
    for capture in mwtyped_spec::CAPTURES {
        let spec = capture.spec().expect("spec");
        let places = mwtyped_spec::data_places(&spec, &recordings_of(capture.name));
        for place in &places {
            let name = place.name();
            match (place.with_data, mwtyped_spec::facts::without_data(&name)) {
                (false, None) => problems.push(format!("{}: `{name}` has no data", capture.name)),
                (false, Some(_)) => {
                    explained.insert(name.clone());
                    explained.insert(place.module.clone());
                }
                (true, _) => {}
            }
        }
    }
    for (place, _) in mwtyped_spec::facts::WITHOUT_DATA {
        if !explained.contains(*place) {
            problems.push(format!("`{place}` has data now: its reason is stale"));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// Each field typed from MediaWiki's code is in the model, never recorded: once a recording
/// holds it, it is recorded and leaves the table.
#[test]
fn fields_typed_from_the_code_are_typed_and_not_yet_recorded() {
    let mut problems = vec![];
    for (path, _, _) in mwtyped_spec::facts::FROM_CODE {
        let mut found = 0;
        for capture in mwtyped_spec::CAPTURES {
            let model = capture.answers().expect("model");
            let Some(field) = model_place(&model, path) else {
                continue;
            };
            found += 1;
            if field.from_code.is_none() {
                problems.push(format!("{}: `{path}` is recorded now", capture.name));
            }
        }
        if found == 0 {
            problems.push(format!("`{path}`: in no model"));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
