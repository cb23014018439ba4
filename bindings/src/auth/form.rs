//! The fields a step of a flow asks for, and the values the user gives them: checked as they
//! are set and before anything is sent.

use std::collections::BTreeMap;
use std::fmt;

use super::info::{AuthField, AuthRequest, FieldKind, Requirement};
use super::{AuthAction, Stage};
use crate::client::Error;
use crate::request::Request;
use crate::types::Secret;

/// A value given to a field.
#[derive(Clone, PartialEq, Eq)]
enum FieldValue {
    Text(String),
    Secret(Secret),
    Many(Vec<String>),
}

/// What one step of a flow asks for: the requests and their fields, and the values set so
/// far. Made by [`Client::auth_start`](crate::Client::auth_start) or by a UI or REDIRECT
/// answer; sent by [`Client::auth_submit`](crate::Client::auth_submit).
#[derive(Clone)]
pub struct AuthForm {
    pub(super) action: AuthAction,
    pub(super) stage: Stage,
    /// MediaWiki's message with this step (UI), as wikitext.
    pub message: Option<String>,
    pub message_code: Option<String>,
    pub requests: Vec<AuthRequest>,
    values: BTreeMap<String, FieldValue>,
}

impl AuthForm {
    pub(super) fn new(
        action: AuthAction,
        stage: Stage,
        requests: Vec<AuthRequest>,
        message: Option<String>,
        message_code: Option<String>,
    ) -> AuthForm {
        AuthForm {
            action,
            stage,
            message,
            message_code,
            requests,
            values: BTreeMap::new(),
        }
    }

    pub fn action(&self) -> AuthAction {
        self.action
    }

    /// Every field asked for, by name (a name several requests share appears once).
    pub fn fields(&self) -> BTreeMap<&str, &AuthField> {
        self.requests
            .iter()
            .flat_map(|r| r.fields.iter().map(|(n, f)| (n.as_str(), f)))
            .collect()
    }

    pub fn field(&self, name: &str) -> Option<&AuthField> {
        self.requests.iter().find_map(|r| r.fields.get(name))
    }

    /// Whether some request asks for `name`.
    pub fn asks_for(&self, name: &str) -> bool {
        self.field(name).is_some()
    }

    /// Sets a string, password or select field (a sensitive field's value becomes a
    /// [`Secret`]); a checkbox or button is set with [`AuthForm::check`].
    pub fn set(&mut self, name: &str, value: impl Into<String>) -> Result<&mut Self, Error> {
        let field = self.asked(name)?;
        let value = value.into();
        let stored = match field.kind {
            FieldKind::Multiselect => {
                return Err(self.refuse(format!("`{name}` takes several values: use set_many")));
            }
            FieldKind::Null => {
                return Err(self.refuse(format!("`{name}` is shown only, not sent")));
            }
            FieldKind::Select => {
                self.check_option(name, &field, &value)?;
                FieldValue::Text(value)
            }
            _ if field.sensitive || field.kind == FieldKind::Password => {
                FieldValue::Secret(Secret::new(value))
            }
            _ => FieldValue::Text(value),
        };
        self.values.insert(name.to_owned(), stored);
        Ok(self)
    }

    /// Sets a multiselect field; sent as `name[]` once per value.
    pub fn set_many<I, S>(&mut self, name: &str, values: I) -> Result<&mut Self, Error>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let field = self.asked(name)?;
        if field.kind != FieldKind::Multiselect {
            return Err(self.refuse(format!("`{name}` is not a multiselect field")));
        }
        let values: Vec<String> = values.into_iter().map(Into::into).collect();
        for value in &values {
            self.check_option(name, &field, value)?;
        }
        self.values
            .insert(name.to_owned(), FieldValue::Many(values));
        Ok(self)
    }

    /// Ticks a checkbox or presses a button (`skipReset`).
    pub fn check(&mut self, name: &str) -> Result<&mut Self, Error> {
        let field = self.asked(name)?;
        if !matches!(field.kind, FieldKind::Checkbox | FieldKind::Button) {
            return Err(self.refuse(format!("`{name}` is no checkbox or button")));
        }
        self.values
            .insert(name.to_owned(), FieldValue::Text("1".into()));
        Ok(self)
    }

    pub fn unset(&mut self, name: &str) -> &mut Self {
        self.values.remove(name);
        self
    }

    /// Whether the user gave `name` a value.
    pub fn is_set(&self, name: &str) -> bool {
        self.values.contains_key(name)
    }

    /// The fields still to fill before the form can be sent: every needed field of a request
    /// that is required or that the user began to fill, and, when none of the
    /// primary-required requests is begun, those of the first.
    pub fn missing(&self) -> Vec<String> {
        let begun = |r: &AuthRequest| {
            r.fields
                .iter()
                .any(|(n, f)| f.kind != FieldKind::Hidden && self.values.contains_key(n))
        };
        let primaries: Vec<&AuthRequest> = self
            .requests
            .iter()
            .filter(|r| r.required == Requirement::PrimaryRequired)
            .collect();
        let mut in_play: Vec<&AuthRequest> = self
            .requests
            .iter()
            .filter(|r| r.required == Requirement::Required || begun(r))
            .collect();
        if !primaries.iter().any(|r| begun(r))
            && let Some(first) = primaries.first()
        {
            in_play.push(first);
        }
        let mut missing: Vec<String> = in_play
            .iter()
            .flat_map(|r| r.fields.iter())
            .filter(|(n, f)| f.needs_value() && !self.values.contains_key(*n))
            .map(|(n, _)| n.clone())
            .collect();
        missing.sort();
        missing.dedup();
        missing
    }

    /// The values on the wire: hidden fields with MediaWiki's value, the rest as set.
    pub(super) fn encode_fields(&self, request: &mut Request) -> Result<(), Error> {
        let missing = self.missing();
        if !missing.is_empty() {
            return Err(self.refuse(format!("required field(s) not set: {}", missing.join(", "))));
        }
        for (name, field) in self.fields() {
            if field.kind == FieldKind::Hidden
                && !self.values.contains_key(name)
                && let Some(value) = field.given_value()
            {
                request.text(name.to_owned(), value);
            }
        }
        for (name, value) in &self.values {
            match value {
                FieldValue::Text(text) => request.text(name.clone(), text.clone()),
                FieldValue::Secret(secret) => request.secret(name.clone(), secret.clone()),
                FieldValue::Many(values) => {
                    for value in values {
                        request.text(format!("{name}[]"), value.clone());
                    }
                }
            }
        }
        Ok(())
    }

    fn asked(&self, name: &str) -> Result<AuthField, Error> {
        self.field(name).cloned().ok_or_else(|| {
            let asked: Vec<&str> = self.fields().into_keys().collect();
            self.refuse(format!(
                "`{name}` was not asked for; this step asks for: {}",
                if asked.is_empty() {
                    "nothing".to_owned()
                } else {
                    asked.join(", ")
                }
            ))
        })
    }

    fn check_option(&self, name: &str, field: &AuthField, value: &str) -> Result<(), Error> {
        match &field.options {
            Some(options) if !options.contains_key(value) => Err(self.refuse(format!(
                "`{value}` is not an option of `{name}`; it takes: {}",
                options.keys().cloned().collect::<Vec<_>>().join(", ")
            ))),
            _ => Ok(()),
        }
    }

    fn refuse(&self, reason: String) -> Error {
        Error::Form {
            action: self.action.module(),
            reason,
        }
    }
}

/// Sensitive values show as `***`; the rest as set.
impl fmt::Debug for AuthForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let values: BTreeMap<&str, String> = self
            .values
            .iter()
            .map(|(n, v)| {
                let shown = match v {
                    FieldValue::Text(t) => format!("{t:?}"),
                    FieldValue::Secret(_) => "***".to_owned(),
                    FieldValue::Many(m) => format!("{m:?}"),
                };
                (n.as_str(), shown)
            })
            .collect();
        f.debug_struct("AuthForm")
            .field("action", &self.action)
            .field("stage", &self.stage)
            .field("message", &self.message)
            .field("fields", &self.fields().into_keys().collect::<Vec<_>>())
            .field("values", &values)
            .finish()
    }
}
