//! What a test wiki answered: the file `cargo xtask answers` writes per module under
//! `specs/NAME/answers/`, and the input of the answer model's inference.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::ENVELOPE;
use crate::error::SpecError;

/// Answers that are a JSON array whose positions each mean something else, by module, with
/// the names of the positions: `opensearch` answers the OpenSearch suggestions format (the
/// search, then the titles found, their descriptions and their URLs).
const TUPLES: &[(&str, &[&str])] = &[("opensearch", &["search", "titles", "descriptions", "urls"])];

/// The names of the positions of `module`'s answer, when it answers a JSON array.
pub fn positions(module: &str) -> Option<&'static [&'static str]> {
    TUPLES
        .iter()
        .find(|(m, _)| *m == module)
        .map(|(_, names)| *names)
}

/// Every exchange recorded for one module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recording {
    /// The module's path (`edit`, `query+revisions`).
    pub module: String,
    /// The release that answered (`1.43.12`).
    pub mediawiki: String,
    pub exchanges: Vec<Exchange>,
}

/// One request and what the wiki answered (`format=json&formatversion=2`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exchange {
    /// Why it was sent: `example 2` (the module's own example), `rvprop=content` (one value of
    /// a prop-like parameter), `rvprop=*` (all of them).
    pub label: String,
    /// The parameters sent, tokens and sensitive values replaced by `***`.
    pub request: Vec<(String, String)>,
    /// The answer; a string when the wiki did not answer JSON (a feed, an output format).
    pub answer: Value,
}

impl Exchange {
    /// The value of `name` in the request.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.request
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The error codes of an answer that failed (`errorformat` other than `bc`), or of the
    /// old `error` object.
    pub fn error_codes(&self) -> Vec<&str> {
        let mut codes: Vec<&str> = self
            .answer
            .get("errors")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|e| e.get("code").and_then(Value::as_str))
            .collect();
        if let Some(code) = self.answer.pointer("/error/code").and_then(Value::as_str) {
            codes.push(code);
        }
        codes
    }

    /// An answer of `module` holding data: a JSON object (or the array of a module whose
    /// positions have names), and no error.
    pub fn succeeded(&self, module: &str) -> bool {
        let shaped = match &self.answer {
            Value::Object(_) => true,
            Value::Array(_) => positions(module).is_some(),
            _ => false,
        };
        shaped && self.error_codes().is_empty()
    }

    /// The data of a successful answer of `module`, as an object: the envelope left out, an
    /// array's positions by name (a position beyond those named, by its index).
    pub fn data(&self, module: &str) -> Option<Map<String, Value>> {
        if !self.succeeded(module) {
            return None;
        }
        match &self.answer {
            Value::Object(root) => Some(
                root.iter()
                    .filter(|(k, _)| !ENVELOPE.contains(&k.as_str()))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            ),
            Value::Array(items) => {
                let names = positions(module)?;
                let name = |i: usize| names.get(i).map_or_else(|| i.to_string(), |n| (*n).into());
                Some(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, v)| (name(i), v.clone()))
                        .collect(),
                )
            }
            _ => None,
        }
    }
}

impl Recording {
    pub fn parse(file: &str, text: &str) -> Result<Recording, SpecError> {
        serde_json::from_str(text).map_err(|e| SpecError::json(file, text, e))
    }
}

/// `rvprop=content` for an exchange sent with one value of a prop-like parameter.
pub(crate) fn prop_label(label: &str) -> Option<&str> {
    (label.contains('=') && !label.ends_with("=*")).then_some(label)
}
