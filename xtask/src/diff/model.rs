//! What [`super::diff`] finds between two specs, as data: serialisable for `--json`, and in a
//! fixed order (modules by path, parameters by name, enum values in MediaWiki's own order) so
//! that the same two captures always give the same text.

use mwtyped_spec::{Origin, ParamType};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Everything that changed from one spec (`from`) to another (`to`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpecDiff {
    pub from: Side,
    pub to: Side,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modules_added: Vec<ModuleEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modules_removed: Vec<ModuleEntry>,
    /// Modules on both sides that differ in a flag, a parameter or an enum value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modules_changed: Vec<ModuleDiff>,
}

/// One side of the comparison, as its spec names itself (no file paths, no dates).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Side {
    /// The capture name, e.g. `mediawiki-1.39`.
    pub capture: String,
    /// The MediaWiki version, e.g. `1.39.17`.
    pub mediawiki: String,
}

/// A module present on one side only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleEntry {
    /// `acquiretempusername`, `query+info`.
    pub path: String,
    pub origin: Option<Origin>,
    /// How many parameters it takes, templated ones included.
    pub parameters: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModuleDiff {
    pub path: String,
    /// The prefix on the `to` side, which the wire names below carry.
    pub prefix: String,
    /// Module-level facts: `readrights`, `mustbeposted`, `prefix`, `group`, …
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<Change>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parameters_added: Vec<ParamEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parameters_removed: Vec<ParamEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parameters_changed: Vec<ParamDiff>,
}

/// A parameter present on one side only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParamEntry {
    /// Without the module's prefix: `returnurl`.
    pub name: String,
    /// As sent: `loginreturnurl`.
    pub wire: String,
    #[serde(rename = "type")]
    pub ty: ParamType,
    pub required: bool,
    pub origin: Option<Origin>,
}

/// A parameter on both sides that differs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParamDiff {
    pub name: String,
    pub wire: String,
    /// `type`, `required`, `default`, the limits, `multi`, `deprecated`, `tokentype`, `sensitive`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values_added: Vec<ValueEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values_removed: Vec<ValueEntry>,
    /// Values on both sides that only `to` lists in `deprecatedvalues`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values_deprecated: Vec<String>,
    /// Values on both sides that only `from` lists in `deprecatedvalues`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values_undeprecated: Vec<String>,
}

/// An enum value (or submodule choice) present on one side only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueEntry {
    pub value: String,
    pub origin: Option<Origin>,
}

/// One field that differs, with its value on each side as paraminfo writes it (`null` when
/// absent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub field: String,
    pub from: Value,
    pub to: Value,
}

/// How many items of each kind differ, for the summary line and the verdicts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub modules_added: usize,
    pub modules_removed: usize,
    pub modules_changed: usize,
    pub parameters_added: usize,
    pub parameters_removed: usize,
    pub parameters_changed: usize,
    pub values_added: usize,
    pub values_removed: usize,
    pub values_deprecated: usize,
}

impl SpecDiff {
    pub fn is_empty(&self) -> bool {
        self.modules_added.is_empty()
            && self.modules_removed.is_empty()
            && self.modules_changed.is_empty()
    }

    pub fn counts(&self) -> Counts {
        let mut counts = Counts {
            modules_added: self.modules_added.len(),
            modules_removed: self.modules_removed.len(),
            modules_changed: self.modules_changed.len(),
            ..Counts::default()
        };
        for module in &self.modules_changed {
            counts.parameters_added += module.parameters_added.len();
            counts.parameters_removed += module.parameters_removed.len();
            counts.parameters_changed += module.parameters_changed.len();
            for param in &module.parameters_changed {
                counts.values_added += param.values_added.len();
                counts.values_removed += param.values_removed.len();
                counts.values_deprecated += param.values_deprecated.len();
            }
        }
        counts
    }
}

impl ModuleDiff {
    pub fn is_empty(&self) -> bool {
        self.flags.is_empty()
            && self.parameters_added.is_empty()
            && self.parameters_removed.is_empty()
            && self.parameters_changed.is_empty()
    }
}

impl ParamDiff {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
            && self.values_added.is_empty()
            && self.values_removed.is_empty()
            && self.values_deprecated.is_empty()
            && self.values_undeprecated.is_empty()
    }
}
