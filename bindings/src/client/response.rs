//! An answer of the API: its JSON and the warnings that came with it, and how MediaWiki's
//! two shapes of errors and warnings (`errorformat=bc` and the others) are read.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::error::{ApiMessage, Error};
use crate::Answer;

/// A successful answer. Warnings are handed over, never swallowed.
///
/// `A` is the module's typed answer ([`ApiModule::Answer`](crate::ApiModule::Answer)):
/// [`Response::answer`] reads the body into it. The JSON stays in `body`.
pub struct Response<A = Value> {
    /// The whole answer (`format=json&formatversion=2`).
    pub body: Value,
    /// What MediaWiki warned of (an unrecognised parameter, a deprecation, …).
    pub warnings: Vec<ApiMessage>,
    /// The module that answered (`edit`, `query+revisions`), for errors.
    pub(crate) module: &'static str,
    pub(crate) answer: PhantomData<fn() -> A>,
}

impl<A> Clone for Response<A> {
    fn clone(&self) -> Self {
        Response {
            body: self.body.clone(),
            warnings: self.warnings.clone(),
            module: self.module,
            answer: PhantomData,
        }
    }
}

impl<A> PartialEq for Response<A> {
    fn eq(&self, other: &Self) -> bool {
        self.body == other.body && self.warnings == other.warnings
    }
}

impl Response {
    pub(crate) fn new(body: Value, warnings: Vec<ApiMessage>) -> Response {
        Response {
            body,
            warnings,
            module: "",
            answer: PhantomData,
        }
    }

    /// The same answer, read as `module`'s (`M::Answer`).
    pub(crate) fn of<M: crate::ApiModule>(self) -> Response<M::Answer> {
        Response {
            body: self.body,
            warnings: self.warnings,
            module: M::PATH,
            answer: PhantomData,
        }
    }
}

impl<A: Answer> Response<A> {
    /// The typed answer. A field the model calls certain that is missing, or a value of
    /// another kind, is [`Error::UnexpectedAnswer`] naming the JSON path; a field the model
    /// does not know is kept in its object's `extra` map.
    pub fn answer(&self) -> Result<A, Error> {
        A::deserialize(&self.body).map_err(|_| {
            // Read again, tracking the path, only to say where it went wrong.
            let (path, reason) = match serde_path_to_error::deserialize::<_, A>(&self.body) {
                Err(e) => (e.path().to_string(), e.into_inner().to_string()),
                Ok(_) => (String::new(), "the answer could not be read".to_owned()),
            };
            Error::UnexpectedAnswer {
                module: self.module.to_owned(),
                path,
                reason,
            }
        })
    }
}

impl<A> Response<A> {
    /// Reads the answer into the caller's own type.
    pub fn parse<T: DeserializeOwned>(&self, module: &str) -> Result<T, Error> {
        T::deserialize(&self.body).map_err(|e| Error::decode(module, e.to_string()))
    }

    /// The value at `path` in the answer, read into `T`.
    pub(crate) fn parse_at<T: serde::de::DeserializeOwned>(
        &self,
        module: &str,
        path: &[&str],
    ) -> Result<T, Error> {
        let mut value = &self.body;
        for key in path {
            value = value.get(*key).ok_or_else(|| {
                Error::decode(module, format!("no `{}` in the answer", path.join(".")))
            })?;
        }
        T::deserialize(value)
            .map_err(|e| Error::decode(module, format!("`{}`: {e}", path.join("."))))
    }

    /// When the wiki answered, if asked ([`Client::execute_with_timestamp`](super::Client::execute_with_timestamp)).
    pub fn cur_timestamp(&self) -> Option<&str> {
        self.body.get("curtimestamp")?.as_str()
    }

    /// The `continue` object, when there is more to fetch.
    pub fn continuation(&self) -> Option<&serde_json::Map<String, Value>> {
        self.body.get("continue")?.as_object()
    }
}

/// Token values in an answer (`query.tokens.csrftoken`, `…token` anywhere) are credentials:
/// `Debug` masks every string under a key ending in `token`.
impl<A> fmt::Debug for Response<A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Response")
            .field("body", &redacted(&self.body))
            .field("warnings", &self.warnings)
            .finish()
    }
}

fn redacted(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let v = if k.ends_with("token") && v.is_string() {
                        Value::String("***".into())
                    } else {
                        redacted(v)
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(redacted).collect()),
        other => other.clone(),
    }
}

/// What one answer says: its errors (the first decides the code) and its warnings.
pub(crate) struct Reading {
    pub errors: Vec<ApiMessage>,
    pub warnings: Vec<ApiMessage>,
}

/// Reads errors and warnings in either shape: `errors`/`warnings` arrays (errorformat other
/// than `bc`) or the `error` object and `warnings` keyed by module (`bc`).
pub(crate) fn read(body: &Value) -> Reading {
    let mut errors = messages(body.get("errors"));
    if let Some(error) = body.get("error").filter(|e| e.is_object())
        && let Ok(message) = ApiMessage::deserialize(error)
    {
        errors.push(message);
    }
    Reading {
        errors,
        warnings: messages(body.get("warnings")),
    }
}

fn messages(value: Option<&Value>) -> Vec<ApiMessage> {
    match value {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|m| ApiMessage::deserialize(m).ok())
            .collect(),
        // `bc`: {"query": {"warnings": "text"}} (or "*" with formatversion=1).
        Some(Value::Object(by_module)) => by_module
            .iter()
            .map(|(module, m)| ApiMessage {
                code: "warning".into(),
                text: m
                    .get("warnings")
                    .or_else(|| m.get("*"))
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
                module: Some(module.clone()),
                data: None,
            })
            .collect(),
        _ => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn both_shapes_of_errors_and_warnings() {
        let plain = json!({
            "errors": [{"code": "badtoken", "text": "Invalid CSRF token.", "module": "main"}],
            "warnings": [{"code": "unrecognizedparams", "text": "Unrecognized parameter: foo.", "module": "main"}]
        });
        let r = read(&plain);
        assert_eq!(r.errors[0].code, "badtoken");
        assert_eq!(r.warnings[0].text, "Unrecognized parameter: foo.");
        let bc = json!({
            "error": {"code": "maxlag", "info": "Waiting for a database server: 3 seconds lagged."},
            "warnings": {"query": {"warnings": "Unrecognized value for parameter \"list\": x"}}
        });
        let r = read(&bc);
        assert_eq!(r.errors[0].code, "maxlag");
        assert!(r.errors[0].text.starts_with("Waiting"));
        assert_eq!(r.warnings[0].module.as_deref(), Some("query"));
    }

    #[test]
    fn tokens_never_print() {
        let response = Response::new(
            json!({"query": {"tokens": {"csrftoken": "abc123+\\", "logintoken": "def"}}}),
            vec![],
        );
        let shown = format!("{response:?}");
        assert!(
            !shown.contains("abc123") && !shown.contains("def\""),
            "{shown}"
        );
        assert!(shown.contains("csrftoken"));
    }
}
