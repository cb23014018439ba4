//! What a scrape produces: the spec model's [`Module`], plus what the model has no place for
//! yet: constraints that only the prose states, and the fields a help page cannot tell.
//!
//! A field the page does not tell is never guessed: it is left empty (or, for the type, set to
//! [`UNKNOWN_TYPE`]) and listed in [`ScrapedModule::unknowns`] with the reason.

use mwtyped_spec::Module;
use serde::Serialize;

/// The type written when the page does not show one: `string`, `text`, `password` and `raw`
/// parameters all render without a type line.
pub const UNKNOWN_TYPE: &str = "unknown";

/// The types a parameter without a type line can have.
pub const UNTYPED_CANDIDATES: &[&str] = &["string", "text", "password", "raw"];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScrapedModule {
    #[serde(flatten)]
    pub module: Module,
    /// Constraints stated only in prose or in module-specific info lines.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// Fields the page could not tell, each with why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unknowns: Vec<Unknown>,
}

/// A constraint on a parameter that paraminfo does not carry as data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// The unprefixed parameter name.
    pub parameter: String,
    #[serde(flatten)]
    pub constraint: Constraint,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Constraint {
    /// "Either this or logincontinue is required": one of these (prefixed names) must be sent.
    EitherRequired { others: Vec<String> },
    /// A module-specific info line (`May only be used with a single page (mode #2).`), as text.
    Info { text: String },
}

/// A field the page does not tell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unknown {
    /// The unprefixed parameter name; `None` for a module field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
    /// The model's field name (`type`, `highmax`, `classname`, …).
    pub field: String,
    pub reason: String,
    /// For `type`: what it can be.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<String>,
}

impl Unknown {
    pub fn module(field: &str, reason: &str) -> Unknown {
        Unknown {
            parameter: None,
            field: field.to_owned(),
            reason: reason.to_owned(),
            candidates: vec![],
        }
    }

    pub fn parameter(parameter: &str, field: &str, reason: &str) -> Unknown {
        Unknown {
            parameter: Some(parameter.to_owned()),
            ..Unknown::module(field, reason)
        }
    }
}

impl ScrapedModule {
    /// Whether `field` of `parameter` (or of the module, for `None`) is marked unknown.
    pub fn is_unknown(&self, parameter: Option<&str>, field: &str) -> Option<&Unknown> {
        self.unknowns
            .iter()
            .find(|u| u.parameter.as_deref() == parameter && u.field == field)
    }
}

/// Everything read from one input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScrapedPage {
    /// The file or URL read.
    pub source: String,
    /// `html` or `text`.
    pub form: &'static str,
    /// The page's language where the page says it (`<html lang>`), else `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    pub modules: Vec<ScrapedModule>,
    /// Page-wide remarks (what a text input cannot tell at all, lines not understood).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl ScrapedPage {
    pub fn unknown_count(&self) -> usize {
        self.modules.iter().map(|m| m.unknowns.len()).sum()
    }
}
