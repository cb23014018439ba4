//! What `meta=authmanagerinfo` and the answers of the AuthManager modules say of the
//! authentication requests a wiki takes, typed.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

/// Why the requests are asked for (`amirequestsfor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthPurpose {
    Login,
    LoginContinue,
    Create,
    CreateContinue,
    Link,
    LinkContinue,
    Change,
    Remove,
    Unlink,
}

impl AuthPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            AuthPurpose::Login => "login",
            AuthPurpose::LoginContinue => "login-continue",
            AuthPurpose::Create => "create",
            AuthPurpose::CreateContinue => "create-continue",
            AuthPurpose::Link => "link",
            AuthPurpose::LinkContinue => "link-continue",
            AuthPurpose::Change => "change",
            AuthPurpose::Remove => "remove",
            AuthPurpose::Unlink => "unlink",
        }
    }
}

/// `meta=authmanagerinfo`: whether the session can go on, and the requests it may use.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AuthInfo {
    #[serde(default)]
    pub canauthenticatenow: Option<bool>,
    #[serde(default)]
    pub cancreateaccounts: Option<bool>,
    #[serde(default)]
    pub canlinkaccounts: Option<bool>,
    /// The user name a RESTART kept for the next login or account creation.
    #[serde(default)]
    pub preservedusername: Option<String>,
    #[serde(default)]
    pub haspreservedstate: Option<bool>,
    #[serde(default)]
    pub requests: Vec<AuthRequest>,
}

/// One authentication request: a way to give (part of) what a provider needs.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AuthRequest {
    /// `MediaWiki\Auth\PasswordAuthenticationRequest`, or a provider's own id.
    pub id: String,
    pub required: Requirement,
    /// Who asks for it, as a message (`Password-based authentication`).
    #[serde(default)]
    pub provider: String,
    /// The account it concerns (for link, unlink and remove).
    #[serde(default)]
    pub account: String,
    #[serde(default)]
    pub metadata: Option<Value>,
    #[serde(default)]
    pub fields: BTreeMap<String, AuthField>,
}

/// Whether a request must be filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Requirement {
    /// Must be filled.
    Required,
    /// One of the primary-required requests must be filled.
    PrimaryRequired,
    /// Filled only if the user wants (the "remember me" checkbox).
    Optional,
}

/// One field of a request.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AuthField {
    #[serde(rename = "type")]
    pub kind: FieldKind,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub help: String,
    #[serde(default)]
    pub optional: bool,
    /// A password or another secret: sent only in a POST body, never printed.
    #[serde(default)]
    pub sensitive: bool,
    /// The value MediaWiki gives (a hidden field's, or a default).
    #[serde(default)]
    pub value: Option<Value>,
    /// The choices of a select or multiselect field: value → label.
    #[serde(default)]
    pub options: Option<BTreeMap<String, String>>,
}

/// The kinds of field AuthManager knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    String,
    Password,
    Select,
    Checkbox,
    Multiselect,
    /// A choice made by sending the field (`skipReset`).
    Button,
    /// Sent back as MediaWiki gave it (`captchaId`).
    Hidden,
    /// Only shown, never sent (a captcha's question).
    Null,
    /// A kind added by a newer MediaWiki: treated as a string.
    #[serde(other)]
    Other,
}

impl AuthField {
    /// A field the user must fill for its request to count: buttons, checkboxes, hidden and
    /// null fields never are.
    pub fn needs_value(&self) -> bool {
        !self.optional
            && matches!(
                self.kind,
                FieldKind::String
                    | FieldKind::Password
                    | FieldKind::Select
                    | FieldKind::Multiselect
                    | FieldKind::Other
            )
    }

    /// The value MediaWiki gave, as text (hidden fields are sent back with it).
    pub fn given_value(&self) -> Option<String> {
        match self.value.as_ref()? {
            Value::String(s) => Some(s.clone()),
            Value::Null => None,
            other => Some(other.to_string()),
        }
    }
}
