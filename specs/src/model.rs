//! What `action=paraminfo` (formatversion=2) says of a module and of a parameter.
//!
//! The field names are MediaWiki's own, so a reader can put a capture beside this file.
//! Nothing is dropped: a key this model does not know lands in `unknown` and is written back
//! unchanged; a parameter type it does not know is [`ParamType::Other`]. [`crate::Spec::findings`]
//! reports both, so a new MediaWiki release is noticed rather than silently half-read.
//!
//! MediaWiki omits the module flags (`readrights`, `mustbeposted`, …) when they are false, so
//! they are plain `bool`s skipped when false; `required` and `multi` are always sent.

use std::collections::BTreeMap;

use serde::Deserialize;
#[cfg(feature = "capture")]
use serde::Serialize;
use serde_json::Value;

pub use crate::param_type::ParamType;

/// Where a module, a parameter or an enum value comes from: MediaWiki itself, or an
/// extension that adds it (ConfirmEdit adds `captchaword` to the core module `edit`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[cfg_attr(feature = "capture", derive(Serialize))]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Core,
    Extension(String),
}

/// Help text as the capture's `helpformat` gives it: a string for `html` and `wikitext`,
/// message objects for `raw`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "capture", derive(Serialize))]
#[serde(untagged)]
pub enum Help {
    Text(String),
    Raw(Value),
}

/// One module (`action=clientlogin`, `list=allpages`, `format=json`, or `main` itself).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "capture", derive(Serialize))]
pub struct Module {
    pub name: String,
    pub classname: String,
    /// `clientlogin`, `query+allpages`: the key every other part of mwtyped uses.
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    pub prefix: String,
    pub source: String,
    pub sourcename: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licensetag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licenselink: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Help>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub readrights: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub writerights: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub mustbeposted: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub generator: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub internal: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub deprecated: bool,
    #[serde(default)]
    pub helpurls: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub examples: Option<Vec<Example>>,
    /// Present when the module takes parameters that paraminfo cannot list (the
    /// AuthManager fields of `clientlogin`): the help text that says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dynamicparameters: Option<Help>,
    #[serde(default)]
    pub parameters: Vec<Parameter>,
    #[serde(default)]
    pub templatedparameters: Vec<Parameter>,
    /// Filled by normalisation; absent from raw captures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    #[serde(flatten)]
    pub unknown: BTreeMap<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "capture", derive(Serialize))]
pub struct Example {
    pub query: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Help>,
    #[serde(flatten)]
    pub unknown: BTreeMap<String, Value>,
}

/// One parameter, named without the module's prefix (`returnurl`, sent as `loginreturnurl`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "capture", derive(Serialize))]
pub struct Parameter {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<u32>,
    pub name: String,
    /// For templated parameters (`fromtext-{slot}`): which parameter's values fill each variable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub templatevars: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Help>,
    #[serde(rename = "type")]
    pub ty: ParamType,
    #[serde(default)]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Value>,
    #[serde(default)]
    pub multi: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lowlimit: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub highlimit: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub allowsduplicates: bool,
    /// The value meaning "all values" (`*`) of a multi-value parameter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allspecifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    /// The maximum for users with high limits (`apihighlimits`), for `limit` parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub highmax: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maxbytes: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maxchars: Option<u64>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub deprecated: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecatedvalues: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internalvalues: Option<Vec<String>>,
    /// Passwords and the like: never to be logged, sent only in a POST body.
    #[serde(default, skip_serializing_if = "is_false")]
    pub sensitive: bool,
    /// The kind of token (`csrf`, `login`, …) this parameter takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokentype: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extranamespaces: Option<Vec<i64>>,
    /// For `title` and `user` parameters: what kinds of value are accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtypes: Option<Vec<String>>,
    #[serde(rename = "mustExist", default, skip_serializing_if = "Option::is_none")]
    pub must_exist: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info: Option<Vec<Info>>,
    /// For submodule parameters (`action`, `list`, `generator`): value → module path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submodules: Option<BTreeMap<String, String>>,
    /// The prefix the chosen submodule's parameters take here (`g` for generators).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submoduleparamprefix: Option<String>,
    /// Filled by normalisation; absent from raw captures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    /// Filled by normalisation: enum values an extension adds to this parameter.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub value_origins: BTreeMap<String, Origin>,
    /// Filled by normalisation: the wiki's configuration decides the values (its user
    /// groups, change tags, slot roles, content models…), as a capture of the same wiki
    /// configured otherwise showed ([`crate::mark_wiki_values`]). The values listed are this
    /// capture's; another wiki has others.
    #[serde(default, skip_serializing_if = "is_false")]
    pub wiki_values: bool,
    #[serde(flatten)]
    pub unknown: BTreeMap<String, Value>,
}

/// A remark on a parameter that paraminfo gives only as a message (`May only be used with …`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "capture", derive(Serialize))]
pub struct Info {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Help>,
    #[serde(flatten)]
    pub unknown: BTreeMap<String, Value>,
}

#[cfg(feature = "capture")]
fn is_false(b: &bool) -> bool {
    !*b
}

impl Module {
    /// Every parameter, the plain ones then the templated ones.
    pub fn all_parameters(&self) -> impl Iterator<Item = &Parameter> {
        self.parameters.iter().chain(&self.templatedparameters)
    }
}

impl Parameter {
    /// True when the value chooses a submodule (`action`, `prop`, `generator`, `format`).
    pub fn is_submodule(&self) -> bool {
        self.submodules.is_some()
    }
}
