//! The diff on the committed captures (what the issue names for 1.39 → 1.43) and on small
//! hand-made specs (one kind of change each).

use mwtyped_spec::{Origin, ParamType, Spec};
use serde_json::{Value, json};

use super::model::{ModuleDiff, ParamDiff};
use super::*;

fn committed(name: &str) -> Spec {
    mwtyped_spec::capture(name)
        .unwrap_or_else(|| panic!("no committed capture {name}"))
        .spec()
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn lts_diff() -> SpecDiff {
    diff(&committed("mediawiki-1.39"), &committed("mediawiki-1.43"))
}

fn module<'a>(d: &'a SpecDiff, path: &str) -> &'a ModuleDiff {
    d.modules_changed
        .iter()
        .find(|m| m.path == path)
        .unwrap_or_else(|| panic!("`{path}` should have changed"))
}

fn param<'a>(m: &'a ModuleDiff, name: &str) -> &'a ParamDiff {
    m.parameters_changed
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("`{}` `{name}` should have changed", m.path))
}

fn added(m: &ModuleDiff) -> Vec<&str> {
    m.parameters_added.iter().map(|p| p.name.as_str()).collect()
}

fn ext(name: &str) -> Option<Origin> {
    Some(Origin::Extension(name.to_owned()))
}

#[test]
fn lts_diff_has_the_new_module_and_parameters_the_issue_names() {
    let d = lts_diff();
    let new_module = d
        .modules_added
        .iter()
        .find(|m| m.path == "acquiretempusername")
        .expect("acquiretempusername is new in 1.43");
    assert_eq!(new_module.origin, Some(Origin::Core));
    assert!(
        d.modules_added
            .iter()
            .any(|m| m.path == "thank" && m.origin == ext("Thanks")),
        "Thanks is bundled since 1.41"
    );
    assert!(d.modules_removed.is_empty(), "{:?}", d.modules_removed);

    assert_eq!(
        added(module(&d, "edit")),
        ["returnto", "returntoanchor", "returntoquery"]
    );
    assert_eq!(added(module(&d, "parse")), ["parsoid", "usearticle"]);
    let info = module(&d, "query+info");
    for name in ["editintrostyle", "preloadcustom", "preloadnewsection"] {
        assert!(added(info).contains(&name), "query+info {name}");
    }
    let style = info
        .parameters_added
        .iter()
        .find(|p| p.name == "editintrostyle")
        .expect("editintrostyle");
    assert_eq!(style.wire, "ineditintrostyle");
    assert_eq!(style.origin, Some(Origin::Core));
    assert_eq!(
        style.ty,
        ParamType::Enum(vec!["lessframes".into(), "moreframes".into()])
    );
    assert_eq!(added(module(&d, "userrights")), ["watchuser"]);
    assert_eq!(added(module(&d, "unblock")), ["watchuser"]);
}

#[test]
fn lts_diff_has_removed_and_changed_items() {
    let d = lts_diff();
    let oath = module(&d, "oathvalidate");
    let removed = &oath.parameters_removed;
    assert_eq!(removed.len(), 1, "{removed:?}");
    assert_eq!(removed[0].name, "totp");
    assert_eq!(removed[0].origin, ext("OATHAuth"));
    let data = &param(oath, "data").changes;
    assert_eq!(
        (data[0].field.as_str(), &data[0].from, &data[0].to),
        ("required", &json!(false), &json!(true))
    );

    let oldid = &param(module(&d, "visualeditoredit"), "oldid").changes[0];
    assert_eq!(
        (oldid.field.as_str(), &oldid.from, &oldid.to),
        ("type", &json!("string"), &json!("integer"))
    );
    let logout = &module(&d, "logout").flags;
    assert_eq!(logout.len(), 1);
    assert_eq!(logout[0].field, "writerights");
    let expandurl = param(module(&d, "query+extlinks"), "expandurl");
    assert_eq!(expandurl.wire, "elexpandurl");
    assert_eq!(expandurl.changes[0].field, "deprecated");
}

#[test]
fn lts_diff_has_enum_values_added_removed_and_deprecated() {
    let d = lts_diff();
    let prop = param(module(&d, "parse"), "prop");
    assert_eq!(prop.values_added.len(), 1);
    assert_eq!(prop.values_added[0].value, "tocdata");
    assert_eq!(prop.values_added[0].origin, Some(Origin::Core));
    // An extension's value in a core list keeps the extension's name.
    let letype = param(module(&d, "query+logevents"), "type");
    assert!(
        letype
            .values_added
            .iter()
            .any(|v| v.value == "thanks" && v.origin == ext("Thanks")),
        "{letype:?}"
    );
    let action = param(module(&d, "main"), "action");
    assert!(
        action
            .values_added
            .iter()
            .any(|v| v.value == "acquiretempusername")
    );
    let lang = param(module(&d, "setpagelanguage"), "lang");
    assert!(lang.values_removed.iter().any(|v| v.value == "ak"));
    let inprop = param(module(&d, "query+info"), "prop");
    assert_eq!(inprop.values_deprecated, ["preload"]);

    let c = d.counts();
    assert_eq!((c.modules_added, c.modules_removed), (19, 0));
    assert!(c.values_added > 100 && c.values_removed > 0, "{c:?}");
}

#[test]
fn a_capture_against_itself_is_empty() {
    for capture in mwtyped_spec::CAPTURES {
        let spec = committed(capture.name);
        let d = diff(&spec, &spec);
        assert!(d.is_empty(), "{}: {d:?}", capture.name);
        let text = to_markdown(&d);
        assert!(text.contains("\n\nNo differences.\n"), "{text}");
        assert!(!text.contains("###"), "{text}");
    }
}

#[test]
fn markdown_of_the_lts_diff_has_its_key_lines() {
    let a = committed("mediawiki-1.39");
    let b = committed("mediawiki-1.43");
    let text = markdown_between(&a, &b);
    let first = text.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        "## mediawiki-1.39 (MediaWiki 1.39.17) → mediawiki-1.43 (MediaWiki 1.43.12)"
    );
    for line in [
        "19 modules added, 0 removed, 37 changed; 28 parameters added, 1 removed, 42 changed; 166 enum values added, 13 removed, 1 newly deprecated.",
        "### Modules added",
        "- `acquiretempusername`: core, 0 parameters",
        "- `thank`: extension Thanks, 4 parameters",
        "### `edit`",
        "- added `returnto`: `title`, core",
        "### `query+info`",
        "- added `editintrostyle` (`ineditintrostyle`): one of `lessframes`, `moreframes`, core",
        "- `prop` (`inprop`) values newly deprecated: `preload`",
        "- `prop` values added: `tocdata` (core)",
        "- removed `totp`: `string`, extension OATHAuth",
        "- module `writerights` `false` → `true`",
        "- changed `oldid`: `type` `string` → `integer`",
        "- changed `expandurl` (`elexpandurl`): `deprecated` `false` → `true`",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing line {line:?} in:\n{text}"
        );
    }
    assert!(!text.contains("### Modules removed"), "none were removed");
    // Pure: the same text each time, nothing of where or when it ran.
    assert_eq!(text, markdown_between(&a, &b));
    assert!(!text.contains("specs/") && !text.contains(&b.capture.fetched));
}

#[test]
fn json_round_trips() {
    let d = lts_diff();
    let text = serde_json::to_string_pretty(&d).expect("serialise");
    let back: SpecDiff = serde_json::from_str(&text).expect("deserialise");
    assert_eq!(back, d);
    let value: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(value["from"]["capture"], "mediawiki-1.39");
    assert_eq!(value["modules_added"][0]["path"], "acquiretempusername");
    assert_eq!(value["modules_added"][0]["origin"], "core");
}

/// A spec with one module `m` (prefix `x`) holding `params`.
fn spec_with(module: Value, params: Value) -> Spec {
    let mut module_json = json!({
        "name": "m", "classname": "ApiM", "path": "m", "prefix": "x",
        "source": "MediaWiki", "sourcename": "MediaWiki", "origin": "core",
        "parameters": params,
    });
    if let (Some(into), Some(from)) = (module_json.as_object_mut(), module.as_object()) {
        into.extend(from.clone());
    }
    serde_json::from_value(json!({
        "capture": {
            "name": "t", "mediawiki": "1.0.0", "generator": "MediaWiki 1.0.0",
            "api_url": "http://127.0.0.1/api.php", "fetched": "2000-01-01T00:00:00Z",
            "helpformat": null, "extensions": [], "attribution": {},
        },
        "modules": [module_json],
    }))
    .expect("a valid test spec")
}

fn only_param(d: &SpecDiff) -> &ParamDiff {
    assert_eq!(d.modules_changed.len(), 1, "{d:?}");
    let m = &d.modules_changed[0];
    assert_eq!(m.parameters_changed.len(), 1, "{m:?}");
    &m.parameters_changed[0]
}

fn fields(p: &ParamDiff) -> Vec<&str> {
    p.changes.iter().map(|c| c.field.as_str()).collect()
}

#[test]
fn every_compared_parameter_fact_is_reported() {
    let a = spec_with(
        json!({}),
        json!([{ "name": "limit", "type": "limit", "required": false, "multi": false,
                 "min": 1, "max": 50, "highmax": 500, "default": 10 }]),
    );
    let b = spec_with(
        json!({}),
        json!([{ "name": "limit", "type": "integer", "required": true, "multi": true,
                 "min": 1, "max": 500, "highmax": 5000, "default": 10, "limit": 50,
                 "lowlimit": 50, "highlimit": 500, "maxbytes": 255, "maxchars": 100,
                 "deprecated": true, "tokentype": "csrf", "sensitive": true }]),
    );
    let d = diff(&a, &b);
    let p = only_param(&d);
    assert_eq!(p.wire, "xlimit");
    assert_eq!(
        fields(p),
        [
            "type",
            "required",
            "limit",
            "lowlimit",
            "highlimit",
            "max",
            "highmax",
            "maxbytes",
            "maxchars",
            "multi",
            "deprecated",
            "tokentype",
            "sensitive"
        ]
    );
    let max = &p.changes[5];
    assert_eq!((&max.from, &max.to), (&json!(50), &json!(500)));
    let markdown = to_markdown(&d);
    assert!(
        markdown.contains("`max` `50` → `500`; `highmax` `500` → `5000`"),
        "{markdown}"
    );
    assert!(
        markdown.contains("`tokentype` none → `\"csrf\"`"),
        "{markdown}"
    );
}

#[test]
fn enum_values_carry_the_origin_of_whoever_adds_them() {
    let a = spec_with(
        json!({}),
        json!([{ "name": "prop", "type": ["a", "old", "gone"], "origin": "core",
                 "deprecatedvalues": ["old"] }]),
    );
    let b = spec_with(
        json!({}),
        json!([{ "name": "prop", "type": ["a", "old", "new", "ext"], "origin": "core",
                 "deprecatedvalues": ["a", "new"],
                 "value_origins": { "ext": { "extension": "Foo" } } }]),
    );
    let d = diff(&a, &b);
    let p = only_param(&d);
    assert!(p.changes.is_empty(), "values are not a type change: {p:?}");
    let added: Vec<_> = p
        .values_added
        .iter()
        .map(|v| (v.value.as_str(), v.origin.clone()))
        .collect();
    assert_eq!(
        added,
        [("new", Some(Origin::Core)), ("ext", ext("Foo"))],
        "in MediaWiki's order"
    );
    assert_eq!(p.values_removed[0].value, "gone");
    // `new` arrives deprecated: it is reported as added, not as newly deprecated.
    assert_eq!(p.values_deprecated, ["a"]);
    assert_eq!(p.values_undeprecated, ["old"]);
    assert_eq!(
        values(&p.values_added),
        "`new` (core); `ext` (extension Foo)"
    );
}

#[test]
fn an_enum_becoming_a_string_is_a_type_change_not_removed_values() {
    let a = spec_with(json!({}), json!([{ "name": "p", "type": ["a", "b"] }]));
    let b = spec_with(json!({}), json!([{ "name": "p", "type": "string" }]));
    let d = diff(&a, &b);
    let p = only_param(&d);
    assert_eq!(fields(p), ["type"]);
    assert!(p.values_removed.is_empty());
    let markdown = to_markdown(&d);
    assert!(
        markdown.contains("- changed `p` (`xp`): `type` one of `a`, `b` → `string`"),
        "{markdown}"
    );
}

#[test]
fn module_flags_and_a_new_prefix_are_reported() {
    let a = spec_with(json!({}), json!([{ "name": "p", "type": "string" }]));
    let b = spec_with(
        json!({ "prefix": "y", "mustbeposted": true, "group": "list" }),
        json!([{ "name": "p", "type": "string" }]),
    );
    let d = diff(&a, &b);
    let m = &d.modules_changed[0];
    let flags: Vec<_> = m.flags.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(flags, ["mustbeposted", "prefix", "group"]);
    assert!(m.parameters_changed.is_empty(), "same name, same facts");
    assert!(to_markdown(&d).contains("- module `prefix` `\"x\"` → `\"y\"`"));
}

#[test]
fn modules_are_matched_by_path_in_any_order() {
    let one = spec_with(json!({}), json!([]));
    let mut two = one.clone();
    let mut other = two.modules[0].clone();
    other.path = "a".into();
    other.origin = ext("Bar");
    // Deliberately unsorted, as a hand-written spec.json may be.
    two.modules.push(other);
    let d = diff(&one, &two);
    assert_eq!(d.modules_added.len(), 1);
    assert_eq!(d.modules_added[0].origin, ext("Bar"));
    assert!(d.modules_changed.is_empty());
    let back = diff(&two, &one);
    assert_eq!(back.modules_removed[0].path, "a");
    assert!(
        to_markdown(&back).contains("### Modules removed\n\n- `a`: extension Bar, 0 parameters\n")
    );
}

#[test]
fn origins_alone_are_no_difference() {
    let a = spec_with(
        json!({}),
        json!([{ "name": "p", "type": ["a"], "origin": "core" }]),
    );
    let b = spec_with(
        json!({ "origin": { "extension": "Foo" } }),
        json!([{ "name": "p", "type": ["a"], "origin": { "extension": "Foo" },
                 "value_origins": { "a": { "extension": "Foo" } } }]),
    );
    assert!(diff(&a, &b).is_empty());
}

#[test]
fn sides_are_named_as_given_and_unknown_names_are_errors() {
    let specs = crate::files::workspace_root().join("specs");
    let by_name = load(&specs, "mediawiki-1.39").expect("by capture name");
    let by_file = load(
        &specs,
        &specs.join("mediawiki-1.39/spec.json").display().to_string(),
    )
    .expect("by spec.json path");
    assert_eq!(by_name, by_file);
    let error = format!(
        "{:#}",
        load(&specs, "mediawiki-0.1").expect_err("no such capture")
    );
    assert!(error.contains("mediawiki-0.1"), "{error}");
}
