//! An answer of the API: its JSON and the warnings that came with it, and how MediaWiki's
//! two shapes of errors and warnings (`errorformat=bc` and the others) are read.

use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;
use std::sync::{Arc, OnceLock};

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use serde_json::value::RawValue;

use super::error::{ApiMessage, Error, excerpt};
use super::pages::Continuation;
use crate::Answer;

/// A successful answer. Warnings are handed over, never swallowed.
///
/// `A` is the module's typed answer ([`ApiModule::Answer`](crate::ApiModule::Answer)):
/// [`Response::answer`] reads the JSON the wiki sent straight into it. The JSON stays
/// reachable: as text ([`Response::json`]) and as a [`Value`] ([`Response::body`], read on
/// first use).
pub struct Response<A = Value> {
    /// The answer as the wiki sent it (`format=json&formatversion=2`).
    json: Arc<String>,
    body: OnceLock<Value>,
    /// What MediaWiki warned of (an unrecognised parameter, a deprecation, …).
    pub warnings: Vec<ApiMessage>,
    envelope: Envelope,
    /// The module that answered (`edit`, `query+revisions`), for errors.
    pub(crate) module: &'static str,
    pub(crate) answer: PhantomData<fn() -> A>,
}

/// What the client reads of every answer besides the module's data.
#[derive(Clone, Default, PartialEq)]
struct Envelope {
    continuation: Option<Continuation>,
    batch_complete: bool,
    cur_timestamp: Option<String>,
}

impl Envelope {
    /// From an answer's top-level values, each read by `small`.
    fn read(small: impl Fn(&str) -> Option<Value>) -> Envelope {
        Envelope {
            continuation: match small("continue") {
                Some(Value::Object(point)) => Some(point),
                _ => None,
            },
            batch_complete: small("batchcomplete").is_some_and(|v| v != Value::Bool(false)),
            cur_timestamp: match small("curtimestamp") {
                Some(Value::String(at)) => Some(at),
                _ => None,
            },
        }
    }
}

impl<A> Clone for Response<A> {
    fn clone(&self) -> Self {
        Response {
            json: self.json.clone(),
            body: self.body.clone(),
            warnings: self.warnings.clone(),
            envelope: self.envelope.clone(),
            module: self.module,
            answer: PhantomData,
        }
    }
}

impl<A> PartialEq for Response<A> {
    fn eq(&self, other: &Self) -> bool {
        self.json == other.json && self.warnings == other.warnings
    }
}

/// A 2xx answer read: the response, and what it says went wrong, if anything.
pub(crate) struct Answered {
    pub response: Response,
    /// MediaWiki's errors (`errors`, or `error` with `errorformat=bc`).
    pub errors: Vec<ApiMessage>,
    /// The module's answer when it says `result: Failure` or `Warning` without an error.
    pub failed: Option<Value>,
}

impl Answered {
    /// The response, or what the wiki said went wrong: its first error with every message
    /// (errors, then warnings), or a `result` of `Failure` or `Warning` without one.
    pub(crate) fn into_result(self, module: &str) -> Result<Response, Error> {
        let Some(first) = self.errors.first() else {
            return match self.failed {
                Some(failed) => Err(Error::failed(module, &failed)),
                None => Ok(self.response),
            };
        };
        let (code, text) = (first.code.clone(), first.text.clone());
        let messages = self
            .errors
            .iter()
            .chain(&self.response.warnings)
            .cloned()
            .collect();
        Err(Error::from_api(module.to_owned(), code, text, messages))
    }
}

impl Response {
    /// Reads an answer's bytes once, keeping what the client needs (errors, warnings,
    /// `continue`, `batchcomplete`, `curtimestamp`, the module's `result`) and leaving the
    /// rest as text for [`Response::answer`] to read straight into the typed answer.
    pub(crate) fn read(module: &str, bytes: Vec<u8>) -> Result<Answered, Error> {
        let not_json = |reason: String, bytes: &[u8]| {
            Error::decode(
                module,
                format!("not JSON ({reason}), beginning {:?}", excerpt(bytes)),
            )
        };
        let json = String::from_utf8(bytes).map_err(|e| not_json(e.to_string(), e.as_bytes()))?;
        // One pass over the whole answer: each top-level value stays borrowed text. An
        // answer that is not an object (`opensearch` answers an array) has no envelope.
        let top: HashMap<String, &RawValue> = match serde_json::from_str(&json) {
            Ok(top) => top,
            Err(_) => {
                serde_json::from_str::<serde::de::IgnoredAny>(&json)
                    .map_err(|e| not_json(e.to_string(), json.as_bytes()))?;
                HashMap::new()
            }
        };
        let small = |key: &str| {
            top.get(key)
                .and_then(|raw| serde_json::from_str::<Value>(raw.get()).ok())
        };
        let head: serde_json::Map<String, Value> = ["errors", "error", "warnings"]
            .into_iter()
            .filter_map(|key| Some((key.to_owned(), small(key)?)))
            .collect();
        let reading = read(&Value::Object(head));
        // `edit`, `move`, `upload`… answer `result: Failure` (a captcha, a hook's refusal),
        // `upload` also `Warning`; a query never does, and its answer is the large one.
        let failed = match top.get(module) {
            Some(raw) if !module.starts_with("query") => failed_result(raw),
            _ => None,
        };
        let envelope = Envelope::read(small);
        Ok(Answered {
            response: Response {
                json: Arc::new(json),
                body: OnceLock::new(),
                warnings: reading.warnings,
                envelope,
                module: "",
                answer: PhantomData,
            },
            errors: reading.errors,
            failed,
        })
    }

    /// An answer the client makes itself (an upload resumed at the wiki's offset).
    pub(crate) fn from_value(body: Value, warnings: Vec<ApiMessage>) -> Response {
        Response {
            json: Arc::new(body.to_string()),
            body: OnceLock::from(body),
            warnings,
            envelope: Envelope::default(),
            module: "",
            answer: PhantomData,
        }
    }

    /// The same answer, read as `module`'s (`M::Answer`).
    pub(crate) fn of<M: crate::ApiModule>(self) -> Response<M::Answer> {
        Response {
            json: self.json,
            body: self.body,
            warnings: self.warnings,
            envelope: self.envelope,
            module: M::PATH,
            answer: PhantomData,
        }
    }
}

/// The module's answer, when its `result` says nothing was done.
fn failed_result(raw: &RawValue) -> Option<Value> {
    #[derive(Deserialize)]
    struct Outcome {
        result: Option<Value>,
    }
    let outcome: Outcome = serde_json::from_str(raw.get()).ok()?;
    match outcome.result?.as_str() {
        Some("Failure" | "Warning") => serde_json::from_str(raw.get()).ok(),
        _ => None,
    }
}

impl<A: Answer> Response<A> {
    /// The typed answer, read from the JSON the wiki sent. Nothing a wiki may send fails it:
    /// a field the model does not know, a value of another kind than modelled and a certain
    /// field left out are kept in `extra` and listed by [`Answer::unmodelled`] (and logged
    /// once per place). [`Error::UnexpectedAnswer`] is an answer that is not the module's at
    /// all (not an object, or without the object MediaWiki wraps the module's answer in).
    pub fn answer(&self) -> Result<A, Error> {
        crate::answer::take_strayed();
        let answer = serde_json::from_str::<A>(&self.json).map_err(|_| {
            // Read again, tracking the path, only to say where it went wrong.
            let mut json = serde_json::Deserializer::from_str(&self.json);
            let (path, reason) = match serde_path_to_error::deserialize::<_, A>(&mut json) {
                Err(e) => (e.path().to_string(), e.into_inner().to_string()),
                Ok(_) => (String::new(), "the answer could not be read".to_owned()),
            };
            Error::UnexpectedAnswer {
                module: self.module.to_owned(),
                path,
                reason,
            }
        })?;
        if crate::answer::take_strayed() {
            warn_once(self.module, &answer.unmodelled());
        }
        Ok(answer)
    }
}

/// Logs each place of a module's answers where a value was of another kind than modelled
/// (or a certain field missing) once in the process: a wiki that sends it sends it often.
fn warn_once(module: &str, places: &[String]) {
    static WARNED: std::sync::Mutex<Option<std::collections::HashSet<String>>> =
        std::sync::Mutex::new(None);
    let Ok(mut warned) = WARNED.lock() else {
        return;
    };
    let warned = warned.get_or_insert_default();
    for place in places {
        // An index in a list is the same place for every item.
        let general: String = place
            .split('.')
            .map(|part| {
                if part.parse::<usize>().is_ok() {
                    "[]"
                } else {
                    part
                }
            })
            .collect::<Vec<_>>()
            .join(".");
        if warned.insert(format!("{module} {general}")) {
            tracing::warn!(
                module,
                place = %general,
                "an answer held a value the typed answer does not model; it is kept in `extra`"
            );
        }
    }
}

impl<A> Response<A> {
    /// The whole answer as JSON, read from the text on first use.
    pub fn body(&self) -> &Value {
        self.body.get_or_init(|| {
            // The text was read as JSON once already.
            serde_json::from_str(&self.json).unwrap_or(Value::Null)
        })
    }

    /// The answer as the wiki sent it.
    pub fn json(&self) -> &str {
        &self.json
    }

    /// Reads the answer into the caller's own type.
    pub fn parse<T: DeserializeOwned>(&self, module: &str) -> Result<T, Error> {
        serde_json::from_str(&self.json).map_err(|e| Error::decode(module, e.to_string()))
    }

    /// The value at `path` in the answer, read into `T`.
    pub(crate) fn parse_at<T: serde::de::DeserializeOwned>(
        &self,
        module: &str,
        path: &[&str],
    ) -> Result<T, Error> {
        let mut value = self.body();
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
        self.envelope.cur_timestamp.as_deref()
    }

    /// The `continue` object, when there is more to fetch.
    pub fn continuation(&self) -> Option<&Continuation> {
        self.envelope.continuation.as_ref()
    }

    /// Whether the answer says `batchcomplete`: the pages' props are complete.
    pub fn batch_complete(&self) -> bool {
        self.envelope.batch_complete
    }
}

/// Token values in an answer (`query.tokens.csrftoken`, `…token` anywhere) are credentials:
/// `Debug` masks every string under a key ending in `token`.
impl<A> fmt::Debug for Response<A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Response")
            .field("body", &redacted(self.body()))
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
    fn an_answer_is_read_once_for_what_the_client_needs() {
        let bytes = br#"{"batchcomplete":true,"continue":{"rccontinue":"x","continue":"-||"},"curtimestamp":"2026-11-30T12:00:00Z","warnings":[{"code":"w","text":"A warning.","module":"main"}],"query":{"recentchanges":[]}}"#;
        let answered = Response::read("query+recentchanges", bytes.to_vec()).expect("JSON");
        assert!(answered.errors.is_empty() && answered.failed.is_none());
        let response = answered.response;
        assert!(response.batch_complete());
        let point = response.continuation().expect("continue");
        assert_eq!(point["rccontinue"], "x");
        assert_eq!(response.cur_timestamp(), Some("2026-11-30T12:00:00Z"));
        assert_eq!(response.warnings[0].text, "A warning.");
        assert_eq!(response.json().as_bytes(), bytes);
        assert_eq!(response.body()["query"]["recentchanges"], json!([]));
        let unfinished = Response::read("query", br#"{"batchcomplete":false}"#.to_vec())
            .expect("JSON")
            .response;
        assert!(!unfinished.batch_complete() && unfinished.continuation().is_none());
    }

    #[test]
    fn refusals_and_errors_are_found_in_the_one_pass() {
        let failure = br#"{"edit":{"result":"Failure","captcha":{"type":"simple"}}}"#;
        let answered = Response::read("edit", failure.to_vec()).expect("JSON");
        let failed = answered.failed.expect("a refusal");
        assert_eq!(failed["captcha"]["type"], "simple");
        let saved = br#"{"edit":{"result":"Success","newrevid":7}}"#;
        assert!(
            Response::read("edit", saved.to_vec())
                .expect("JSON")
                .failed
                .is_none()
        );
        let error =
            br#"{"errors":[{"code":"badtoken","text":"Invalid CSRF token.","module":"main"}]}"#;
        let answered = Response::read("edit", error.to_vec()).expect("JSON");
        assert_eq!(answered.errors[0].code, "badtoken");
        let not_json = Response::read("edit", b"<html>Bad gateway".to_vec());
        let message = not_json.err().expect("not JSON").to_string();
        assert!(
            message.contains("not JSON") && message.contains("Bad gateway"),
            "{message}"
        );
        let array = br#"["Main",["Main Page"],[""],["http://127.0.0.1/index.php/Main_Page"]]"#;
        let answered = Response::read("opensearch", array.to_vec()).expect("JSON");
        assert!(answered.errors.is_empty() && answered.failed.is_none());
        assert_eq!(answered.response.body()[1][0], "Main Page");
        let not_text = Response::read("edit", vec![b'{', 0xff, b'}']);
        assert!(
            not_text
                .err()
                .expect("not UTF-8")
                .to_string()
                .contains("not JSON")
        );
    }

    #[test]
    fn tokens_never_print() {
        let response = Response::from_value(
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
