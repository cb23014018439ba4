//! The crate's one error type. Each variant names the file and, where it can, the module and
//! the parameter, so a broken capture is found without a debugger.
//!
//! Hand-written `Display` rather than `thiserror`: this crate sits under the proc macros and
//! depends on serde and serde_json only.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpecError {
    /// The file holds nothing (a fetch that wrote no body, a truncated copy).
    Empty { file: String },
    /// Not JSON, or JSON cut short.
    Json {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// A key every capture must have is missing or of the wrong kind.
    Missing { file: String, key: String },
    /// The wiki answered with an API error instead of the data.
    Api {
        file: String,
        code: String,
        info: String,
    },
    /// A module or one of its parameters does not fit the model.
    Module {
        file: String,
        module: String,
        parameter: Option<String>,
        message: String,
    },
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpecError::Empty { file } => write!(f, "{file}: the file is empty, expected JSON"),
            SpecError::Json {
                file,
                line,
                column,
                message,
            } => write!(f, "{file}:{line}:{column}: not valid JSON: {message}"),
            SpecError::Missing { file, key } => {
                write!(f, "{file}: missing or malformed `{key}`")
            }
            SpecError::Api { file, code, info } => {
                write!(
                    f,
                    "{file}: the wiki answered with API error `{code}`: {info}"
                )
            }
            SpecError::Module {
                file,
                module,
                parameter: Some(parameter),
                message,
            } => write!(
                f,
                "{file}: module `{module}`, parameter `{parameter}`: {message}"
            ),
            SpecError::Module {
                file,
                module,
                parameter: None,
                message,
            } => write!(f, "{file}: module `{module}`: {message}"),
        }
    }
}

impl std::error::Error for SpecError {}

impl SpecError {
    pub(crate) fn json(file: &str, text: &str, err: serde_json::Error) -> SpecError {
        if text.trim().is_empty() {
            return SpecError::Empty {
                file: file.to_owned(),
            };
        }
        SpecError::Json {
            file: file.to_owned(),
            line: err.line(),
            column: err.column(),
            message: err.to_string(),
        }
    }
}
