//! Reading the raw files of a capture (`specs/<capture>/raw/`), exactly as the wiki served them.
//!
//! Parsing goes in two steps, JSON first and then module by module, so that an error names
//! the module and the parameter it is in, not only a line and a column.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::SpecError;
use crate::model::{Module, Parameter};
pub use crate::spec::ExtensionInfo;

/// The answer of `action=paraminfo&modules=main|main+**&formatversion=2`.
#[derive(Debug, Clone, PartialEq)]
pub struct ParamInfo {
    /// `html`, `wikitext`, `raw` or `none`: what the `description` fields hold.
    pub helpformat: Option<String>,
    pub modules: Vec<Module>,
    /// Warnings the wiki sent with the answer (an unknown module name, say), kept for the report.
    pub warnings: Option<Value>,
}

/// `raw/provenance.json`: where and when a capture was taken. Written by `xtask fetch`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The api.php the capture was taken from.
    pub api_url: String,
    /// `siteinfo.general.generator`, e.g. `MediaWiki 1.39.17`.
    pub generator: String,
    /// When the capture was taken (RFC 3339, UTC).
    pub fetched: String,
    /// Every extension the wiki reported loaded, sorted by name.
    pub extensions: Vec<ExtensionInfo>,
    /// The requests made, as query strings, in order.
    pub requests: Vec<String>,
    /// The tool and its version.
    pub tool: String,
}

impl Provenance {
    /// The MediaWiki version without the product name: `1.39.17`.
    pub fn mediawiki_version(&self) -> &str {
        self.generator
            .strip_prefix("MediaWiki ")
            .unwrap_or(&self.generator)
    }

    pub fn parse(file: &str, text: &str) -> Result<Provenance, SpecError> {
        serde_json::from_str(text).map_err(|e| SpecError::json(file, text, e))
    }
}

impl ParamInfo {
    /// Parses a paraminfo answer; `file` is only used to name the place in errors.
    pub fn parse(file: &str, text: &str) -> Result<ParamInfo, SpecError> {
        let root: Value = serde_json::from_str(text).map_err(|e| SpecError::json(file, text, e))?;
        if let Some(error) = root.get("error") {
            return Err(SpecError::Api {
                file: file.to_owned(),
                code: error["code"].as_str().unwrap_or("?").to_owned(),
                info: error["info"].as_str().unwrap_or("").to_owned(),
            });
        }
        let missing = |key: &str| SpecError::Missing {
            file: file.to_owned(),
            key: key.to_owned(),
        };
        let paraminfo = root
            .get("paraminfo")
            .and_then(Value::as_object)
            .ok_or_else(|| missing("paraminfo"))?;
        let modules = paraminfo
            .get("modules")
            .and_then(Value::as_array)
            .ok_or_else(|| missing("paraminfo.modules"))?;
        let modules = modules
            .iter()
            .enumerate()
            .map(|(i, m)| parse_module(file, i, m))
            .collect::<Result<_, _>>()?;
        Ok(ParamInfo {
            helpformat: paraminfo
                .get("helpformat")
                .and_then(Value::as_str)
                .map(str::to_owned),
            modules,
            warnings: root.get("warnings").cloned(),
        })
    }

    /// The answer as MediaWiki would have sent it, for the round-trip check.
    pub fn to_value(&self) -> Value {
        let mut paraminfo = serde_json::Map::new();
        if let Some(helpformat) = &self.helpformat {
            paraminfo.insert("helpformat".into(), helpformat.clone().into());
        }
        paraminfo.insert(
            "modules".into(),
            serde_json::to_value(&self.modules).unwrap_or(Value::Null),
        );
        let mut root = serde_json::Map::new();
        if let Some(warnings) = &self.warnings {
            root.insert("warnings".into(), warnings.clone());
        }
        root.insert("paraminfo".into(), paraminfo.into());
        root.into()
    }
}

fn parse_module(file: &str, index: usize, value: &Value) -> Result<Module, SpecError> {
    let module = value
        .get("path")
        .or_else(|| value.get("name"))
        .and_then(Value::as_str)
        .map_or_else(|| format!("modules[{index}]"), str::to_owned);
    let error = |parameter: Option<String>, message: String| SpecError::Module {
        file: file.to_owned(),
        module: module.clone(),
        parameter,
        message,
    };
    if !value.is_object() {
        return Err(error(None, format!("expected an object, found {value}")));
    }
    // Check the parameters one by one first: serde's message for the whole module would not
    // say which parameter is wrong.
    for key in ["parameters", "templatedparameters"] {
        let Some(params) = value.get(key) else {
            continue;
        };
        let params = params
            .as_array()
            .ok_or_else(|| error(None, format!("`{key}` is not a list")))?;
        for (i, param) in params.iter().enumerate() {
            if let Err(e) = Parameter::deserialize(param) {
                let name = param
                    .get("name")
                    .and_then(Value::as_str)
                    .map_or_else(|| format!("{key}[{i}]"), str::to_owned);
                return Err(error(Some(name), e.to_string()));
            }
        }
    }
    Module::deserialize(value).map_err(|e| error(None, e.to_string()))
}
