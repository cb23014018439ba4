//! The answer model: what regen infers from the recordings of a capture (`answers.json`
//! beside `spec.json`), and what the generator makes the typed answers from.

use std::collections::BTreeMap;

use serde::Deserialize;
#[cfg(feature = "capture")]
use serde::Serialize;

use crate::error::SpecError;

/// The answers of one capture.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "capture", derive(Serialize))]
pub struct AnswerModel {
    /// The release the recordings come from.
    pub mediawiki: String,
    /// What each answer holds, by the module whose answer it is. Every query submodule's
    /// answer is `query`'s: the pages and lists of an `action=query` request.
    pub answers: BTreeMap<String, Shape>,
    /// For every module of the capture: which answer it has, or why none.
    pub modules: BTreeMap<String, Coverage>,
    /// The data places no recording holds with data, by module (`parse`: `prop=…`, or the
    /// module's path for its whole answer), each with why ([`crate::facts::WITHOUT_DATA`]):
    /// what MediaWiki documents that the typed answer cannot know.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub without_data: BTreeMap<String, Vec<(String, String)>>,
}

/// Whether a module's answer is typed.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "capture", derive(Serialize))]
#[serde(rename_all = "lowercase")]
pub enum Coverage {
    /// Typed: the key of its answer in [`AnswerModel::answers`].
    Typed {
        answer: String,
        exchanges: usize,
        succeeded: usize,
    },
    /// Not typed, and why (every request failed, the answer is not JSON, …).
    Untyped { why: String },
}

/// The shape of a value, merged over every time it was seen.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "capture", derive(Serialize))]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Shape {
    /// `true` or `false`; `seen_false` tells whether `false` was ever sent (MediaWiki mostly
    /// sends `true` or nothing).
    Bool {
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        seen_false: bool,
    },
    Integer,
    /// A number that was not always an integer.
    Number,
    String,
    Array {
        items: Box<Shape>,
    },
    /// Named fields, in the order MediaWiki first sent them.
    Object {
        fields: Vec<Field>,
    },
    /// A JSON array whose positions each mean something else (`opensearch`: the search, the
    /// titles found, their descriptions, their URLs), each position a named field, in order.
    Tuple {
        fields: Vec<Field>,
    },
    /// Keys that are data (slot roles, namespace ids, option names), one shape of value.
    Map {
        values: Box<Shape>,
    },
    /// Free-form: seen as different kinds of values, or as data MediaWiki does not shape.
    Any {
        why: String,
    },
    /// Never seen with a value (only in empty arrays, or as `null`).
    Unknown,
    /// The object holding this place's array, again, to any depth: a DiscussionTools
    /// comment's `replies` are comments (only as an array's items).
    Recursive,
}

/// A field of an object.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "capture", derive(Serialize))]
pub struct Field {
    pub name: String,
    pub shape: Shape,
    /// In every object of this kind that was recorded.
    pub certain: bool,
    /// Seen as `null` at least once.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nullable: bool,
    /// `false` stands for no value (PHP's way): read as `None`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub false_for_none: bool,
    /// The query submodules whose requests it was seen in, when not all (at most three).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modules: Vec<String>,
    /// The values of prop-like parameters it was seen with, when not all (at most three):
    /// `rvprop=content`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<String>,
    /// The extension whose modules alone sent it, where its object is not that extension's
    /// own (`query.abusefilters` comes from AbuseFilter's `list=abusefilters`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<String>,
    /// Never recorded: MediaWiki's code writes it where no wiki like the test wikis can
    /// send it, and why ([`crate::facts::FROM_CODE`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_code: Option<String>,
}

impl AnswerModel {
    pub fn parse(file: &str, text: &str) -> Result<AnswerModel, SpecError> {
        serde_json::from_str(text).map_err(|e| SpecError::json(file, text, e))
    }

    #[cfg(feature = "capture")]
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// The answer `module` has, if typed.
    pub fn answer_of(&self, module: &str) -> Option<(&str, &Shape)> {
        match self.modules.get(module)? {
            Coverage::Typed { answer, .. } => {
                let shape = self.answers.get(answer)?;
                Some((answer.as_str(), shape))
            }
            Coverage::Untyped { .. } => None,
        }
    }
}

/// How many keys of recorded answers land on typed fields, and how many in free-form JSON.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FieldCount {
    pub typed: usize,
    pub free_form: usize,
    /// Keys the model has no field for (none on the recordings it was inferred from).
    pub unmodelled: usize,
}

impl std::ops::AddAssign for FieldCount {
    fn add_assign(&mut self, other: FieldCount) {
        self.typed += other.typed;
        self.free_form += other.free_form;
        self.unmodelled += other.unmodelled;
    }
}

impl Shape {
    /// Counts the keys of `value` (an answer or a part of one) against this shape.
    pub fn count(&self, value: &serde_json::Value) -> FieldCount {
        self.count_within(value, self)
    }

    /// [`Shape::count`], `holder` being the object whose fields hold this place (what
    /// [`Shape::Recursive`] stands for).
    fn count_within(&self, value: &serde_json::Value, holder: &Shape) -> FieldCount {
        use serde_json::Value;
        let mut count = FieldCount::default();
        match (self, value) {
            // A tuple is counted on its data as an object of its positions by name.
            (Shape::Object { fields } | Shape::Tuple { fields }, Value::Object(map)) => {
                for (key, value) in map {
                    match fields.iter().find(|f| &f.name == key) {
                        Some(field) => {
                            count.typed += 1;
                            count += field.shape.count_within(value, self);
                        }
                        None => count.unmodelled += 1 + keys(value),
                    }
                }
            }
            (Shape::Map { values: inner }, Value::Object(map)) => {
                for value in map.values() {
                    count += inner.count_within(value, holder);
                }
            }
            (Shape::Array { items: inner }, Value::Array(values)) => {
                for value in values {
                    count += inner.count_within(value, holder);
                }
            }
            // Only an object holds a recursion; anywhere else it counts nothing.
            (Shape::Recursive, value)
                if matches!(holder, Shape::Object { .. } | Shape::Tuple { .. }) =>
            {
                count += holder.count_within(value, holder)
            }
            (Shape::Any { .. } | Shape::Unknown, value) => count.free_form += keys(value),
            _ => {}
        }
        count
    }
}

/// The places of a model held as free-form JSON, by why, each as its JSON path (`[]` an
/// array's items, `*` a map's values).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FreeFormPlaces {
    /// Sent as several kinds of values, or free-form data by MediaWiki's own design: each
    /// with why.
    pub free_form: Vec<(String, String)>,
    /// Never recorded with a value ([`Shape::Unknown`]).
    pub never_seen: Vec<String>,
}

impl Shape {
    /// The places of this shape, itself included (at `path`), that are free-form.
    pub fn free_form_places(&self, path: &str) -> FreeFormPlaces {
        let mut places = FreeFormPlaces::default();
        self.collect_places(path, &mut places);
        places
    }

    /// Adds the free-form places of this shape (at `path`) to `places`.
    pub fn collect_places(&self, path: &str, places: &mut FreeFormPlaces) {
        match self {
            Shape::Object { fields } | Shape::Tuple { fields } => {
                for field in fields {
                    let path = match path {
                        "" => field.name.clone(),
                        _ => format!("{path}.{}", field.name),
                    };
                    field.shape.collect_places(&path, places);
                }
            }
            Shape::Array { items } => items.collect_places(&format!("{path}[]"), places),
            Shape::Map { values } => values.collect_places(&format!("{path}.*"), places),
            Shape::Any { why } => places.free_form.push((path.to_owned(), why.clone())),
            Shape::Unknown => places.never_seen.push(path.to_owned()),
            Shape::Bool { .. }
            | Shape::Integer
            | Shape::Number
            | Shape::String
            | Shape::Recursive => {}
        }
    }
}

/// The keys of every object in `value`.
fn keys(value: &serde_json::Value) -> usize {
    match value {
        serde_json::Value::Object(map) => map.len() + map.values().map(keys).sum::<usize>(),
        serde_json::Value::Array(items) => items.iter().map(keys).sum(),
        _ => 0,
    }
}
