//! What a module struct turns into: the exact name/value pairs MediaWiki expects, and whether
//! they must be POSTed.

use std::borrow::Cow;
use std::fmt;

use crate::types::{Secret, UploadFile};

/// One value on the wire.
#[derive(Clone, PartialEq, Eq)]
pub enum Value {
    /// Enum values, flags and module names are static and cost nothing.
    Text(Cow<'static, str>),
    /// A password or another sensitive value: sent only in a POST body, never printed.
    Secret(Secret),
    /// A file, sent as a multipart part.
    File(UploadFile),
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Text(text) => fmt::Debug::fmt(text, f),
            Value::Secret(secret) => fmt::Debug::fmt(secret, f),
            Value::File(upload) => fmt::Debug::fmt(upload, f),
        }
    }
}

/// A parameter's name: the generated wire names are static, so most cost nothing.
pub type Name = Cow<'static, str>;

/// A request ready for the wire: parameters in the order MediaWiki documents them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Request {
    pub params: Vec<(Name, Value)>,
    /// The module must be posted, or a value is sensitive or a file.
    pub must_post: bool,
}

impl Request {
    pub fn text(&mut self, name: impl Into<Name>, value: impl Into<Cow<'static, str>>) {
        self.params.push((name.into(), Value::Text(value.into())));
    }

    pub fn secret(&mut self, name: impl Into<Name>, value: Secret) {
        self.must_post = true;
        self.params.push((name.into(), Value::Secret(value)));
    }

    pub fn file(&mut self, name: impl Into<Name>, value: &UploadFile) {
        self.must_post = true;
        self.params.push((name.into(), Value::File(value.clone())));
    }

    /// The value sent for `name`, if any (for tests and logs; secrets stay wrapped).
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.params.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// The text pairs, as a form or query string would carry them. Secrets are revealed
    /// here, for the HTTP layer only; files are left out (they go as multipart parts).
    pub fn form_pairs(&self) -> Vec<(&str, &str)> {
        self.params
            .iter()
            .filter_map(|(name, value)| match value {
                Value::Text(text) => Some((name.as_ref(), text.as_ref())),
                Value::Secret(secret) => Some((name.as_ref(), secret.expose())),
                Value::File(_) => None,
            })
            .collect()
    }
}

/// A request refused before anything is sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EncodeError {
    #[error("{module}: `{param}` takes at most {max} values, {given} given")]
    TooManyValues {
        module: &'static str,
        param: String,
        given: usize,
        max: u32,
    },
    #[error("{module}: `{param}` must be between {min} and {max}, {value} given")]
    OutOfRange {
        module: &'static str,
        param: String,
        value: i64,
        min: i64,
        max: i64,
    },
    #[error("{module}: `{param}` is not a valid value: {reason}")]
    Invalid {
        module: &'static str,
        param: String,
        reason: String,
    },
}
