//! Coverage by data place: a module's answer, and each value of each of its prop-like
//! parameters (`rvprop=content`), counted as recorded only where an answer holds its data,
//! not where a request merely succeeded (`prop=links` asked of a page without links answers
//! the page alone).

use serde_json::{Map, Value};

use super::recording::{Recording, prop_label};
use super::{ENVELOPE, exercised};
use crate::{Module, ParamType, Parameter, Spec};

/// One place where a module's data goes: the module itself (`value` `None`), or one value of
/// one of its prop-like parameters (`rvprop=content`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataPlace {
    /// The module's path (`query+links`, `parse`).
    pub module: String,
    pub value: Option<String>,
    /// Some recorded answer holds its data, present and not empty.
    pub with_data: bool,
}

impl DataPlace {
    /// `query+revisions rvprop=content`, or the module's path alone.
    pub fn name(&self) -> String {
        match &self.value {
            Some(value) => format!("{} {value}", self.module),
            None => self.module.clone(),
        }
    }
}

/// Keys every page of a page set may have, whatever props were asked: not a prop's data.
const PAGE_SET_KEYS: &[&str] = &[
    "pageid",
    "ns",
    "title",
    "missing",
    "invalid",
    "invalidreason",
    "known",
    "special",
    "index",
];

/// The data places of every module of `spec` that gets requests of its own, each with
/// whether `recordings` hold its data.
pub fn data_places(spec: &Spec, recordings: &[Recording]) -> Vec<DataPlace> {
    let mut places = vec![];
    for module in spec.modules.iter().filter(|m| exercised(m).is_ok()) {
        let recording = recordings.iter().find(|r| r.module == module.path);
        let holds = |label: Option<&str>| {
            recording.is_some_and(|r| {
                r.exchanges.iter().any(|e| {
                    (label.is_none() || prop_label(&e.label) == label)
                        && e.data(&r.module)
                            .is_some_and(|data| has_data(module, &data))
                })
            })
        };
        places.push(DataPlace {
            module: module.path.clone(),
            value: None,
            with_data: holds(None),
        });
        for param in prop_like(module) {
            let ParamType::Enum(values) = &param.ty else {
                continue;
            };
            for value in values {
                let label = format!("{}{}={value}", module.prefix, param.name);
                places.push(DataPlace {
                    module: module.path.clone(),
                    with_data: holds(Some(&label)),
                    value: Some(label),
                });
            }
        }
    }
    places
}

/// The parameters that choose which fields the answer has (`rvprop`, `siprop`, `uiprop`).
pub fn prop_like(module: &Module) -> impl Iterator<Item = &Parameter> {
    module.parameters.iter().filter(|p| {
        // `query`'s `prop` chooses submodules, not fields.
        p.multi
            && p.name.ends_with("prop")
            && matches!(p.ty, ParamType::Enum(_))
            && !p.is_submodule()
    })
}

/// Whether an answer's data (its envelope apart) holds `module`'s data: a prop module's
/// keys on some page beyond the page set's own, a list's items, a meta module's object, an
/// action's answer; each present and not empty.
fn has_data(module: &Module, data: &Map<String, Value>) -> bool {
    let query = data.get("query").and_then(Value::as_object);
    let at = |key: &str| query.and_then(|q| q.get(key));
    match module.group.as_deref() {
        // `stashimageinfo` answers beside the pages, under its name.
        Some("prop") if at(&module.name).is_some_and(filled) => true,
        Some("prop") => at("pages").and_then(Value::as_array).is_some_and(|pages| {
            pages.iter().filter_map(Value::as_object).any(|page| {
                page.iter()
                    .any(|(k, v)| !PAGE_SET_KEYS.contains(&k.as_str()) && filled(v))
            })
        }),
        Some("list") => match module.name.as_str() {
            "watchlistraw" => data.get("watchlistraw").is_some_and(filled),
            "querypage" => at("querypage")
                .and_then(|q| q.get("results"))
                .is_some_and(filled),
            name => at(name).is_some_and(filled),
        },
        Some("meta") => query.is_some_and(|q| {
            q.iter().any(|(k, v)| {
                !matches!(k.as_str(), "pages" | "normalized" | "redirects") && filled(v)
            })
        }),
        _ => data
            .iter()
            .any(|(k, v)| !ENVELOPE.contains(&k.as_str()) && filled(v)),
    }
}

/// Present and not empty.
fn filled(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::String(s) => !s.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => !map.is_empty(),
        Value::Bool(_) | Value::Number(_) => true,
    }
}
