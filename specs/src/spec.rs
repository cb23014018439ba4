//! The normalised spec of one capture: what `cargo xtask regen` writes to
//! `specs/<capture>/spec.json` and what the generator reads.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
#[cfg(feature = "capture")]
use serde::Serialize;

use crate::SpecError;
use crate::model::{Module, ParamType, Parameter};

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "capture", derive(Serialize))]
pub struct Spec {
    pub capture: CaptureInfo,
    /// Sorted by path.
    pub modules: Vec<Module>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "capture", derive(Serialize))]
pub struct CaptureInfo {
    /// The capture's folder name under `specs/`, e.g. `mediawiki-1.39`.
    pub name: String,
    /// The MediaWiki version, e.g. `1.39.17`.
    pub mediawiki: String,
    pub generator: String,
    pub api_url: String,
    pub fetched: String,
    pub helpformat: Option<String>,
    pub extensions: Vec<ExtensionInfo>,
    /// The attribution parts used: part name → the extensions loaded in it.
    pub attribution: BTreeMap<String, Vec<String>>,
    /// The patch releases this capture was refreshed across, oldest first: `cargo xtask
    /// fetch` over a capture of an older patch release of the same version records each
    /// step in `specs/<capture>/patches.json`, so that the docs can say "since 1.43.12".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub patches: Vec<PatchStep>,
}

/// One refresh of a capture from one patch release to the next, and what it added.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "capture", derive(Serialize))]
pub struct PatchStep {
    /// The MediaWiki version captured before, e.g. `1.43.9`.
    pub from: String,
    /// The MediaWiki version captured since, e.g. `1.43.12`.
    pub to: String,
    /// Modules, parameters and enum values that `to` has and `from` had not.
    pub added: Vec<ItemKey>,
}

/// A module (`query+allimages`), one of its parameters (`prop`), or one of that parameter's
/// enum values (`thumburls`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[cfg_attr(feature = "capture", derive(Serialize))]
pub struct ItemKey {
    pub module: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Something in a capture that deserves a look but does not stop the work: a key or a
/// parameter type the model does not know, an item whose origin is unclear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub module: Option<String>,
    pub parameter: Option<String>,
    pub message: String,
}

impl Finding {
    pub fn capture(message: String) -> Finding {
        Finding {
            module: None,
            parameter: None,
            message,
        }
    }

    pub fn module(module: &str) -> Finding {
        Finding {
            module: Some(module.to_owned()),
            parameter: None,
            message: String::new(),
        }
    }

    pub fn parameter(module: &str, parameter: &str) -> Finding {
        Finding {
            parameter: Some(parameter.to_owned()),
            ..Finding::module(module)
        }
    }

    /// The same place, with more said about it.
    pub fn with(&self, message: &str) -> Finding {
        let message = if self.message.is_empty() {
            message.to_owned()
        } else {
            format!("{}: {message}", self.message)
        };
        Finding {
            message,
            ..self.clone()
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(module) = &self.module {
            write!(f, "module `{module}`, ")?;
        }
        if let Some(parameter) = &self.parameter {
            write!(f, "parameter `{parameter}`, ")?;
        }
        f.write_str(&self.message)
    }
}

impl Spec {
    /// Parses a normalised spec (`spec.json`); `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Spec, SpecError> {
        serde_json::from_str(text).map_err(|e| SpecError::json(file, text, e))
    }

    /// The text `regen` writes: pretty JSON, keys in the model's order, a final newline.
    #[cfg(feature = "capture")]
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    pub fn module(&self, path: &str) -> Option<&Module> {
        self.modules
            .binary_search_by(|m| m.path.as_str().cmp(path))
            .ok()
            .map(|i| &self.modules[i])
    }

    pub fn parameter_count(&self) -> usize {
        self.modules
            .iter()
            .map(|m| m.all_parameters().count())
            .sum()
    }

    /// Keys and parameter types this model does not know: kept, and reported here.
    pub fn findings(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        for module in &self.modules {
            let at = Finding::module(&module.path);
            unknown_keys(&at, module.unknown.keys(), &mut findings);
            for example in module.examples.iter().flatten() {
                unknown_keys(&at.with("example"), example.unknown.keys(), &mut findings);
            }
            for param in module.all_parameters() {
                parameter_findings(&module.path, param, &mut findings);
            }
        }
        findings
    }
}

fn parameter_findings(module: &str, param: &Parameter, findings: &mut Vec<Finding>) {
    let at = Finding::parameter(module, &param.name);
    unknown_keys(&at, param.unknown.keys(), findings);
    for info in param.info.iter().flatten() {
        unknown_keys(&at.with("info"), info.unknown.keys(), findings);
    }
    if let ParamType::Other(name) = &param.ty {
        findings.push(at.with(&format!("unknown parameter type `{name}` (kept as is)")));
    }
}

fn unknown_keys<'a>(
    at: &Finding,
    keys: impl Iterator<Item = &'a String>,
    findings: &mut Vec<Finding>,
) {
    findings.extend(keys.map(|k| at.with(&format!("unknown key `{k}` (kept as is)"))));
}

/// An extension a wiki reported loaded (`siteinfo`'s `extensions`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[cfg_attr(feature = "capture", derive(Serialize))]
pub struct ExtensionInfo {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}
