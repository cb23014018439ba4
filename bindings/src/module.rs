//! What every generated module struct is: facts as associated consts, and an encoding.

use std::collections::BTreeMap;

use crate::request::{EncodeError, Request};
use crate::types::Secret;

/// Whether the user has high limits (`apihighlimits`, as bots and sysops do): the multi-value
/// and `limit` maximums depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Limits {
    #[default]
    Normal,
    High,
}

/// A module of the API, with the facts MediaWiki gives of it.
pub trait ApiModule {
    /// `clientlogin`, `query+allpages`.
    const PATH: &'static str;
    /// The value of its group's parameter (`action=clientlogin`, `list=allpages`).
    const NAME: &'static str;
    const GROUP: Option<&'static str>;
    /// The prefix of its parameters on the wire.
    const PREFIX: &'static str;
    /// The extension providing it; `None` for MediaWiki core.
    const EXTENSION: Option<&'static str>;
    const MUST_BE_POSTED: bool;
    const READ_RIGHTS: bool;
    const WRITE_RIGHTS: bool;
    const GENERATOR: bool;
    const INTERNAL: bool;
    const DEPRECATED: bool;
    /// What the module answers, typed (`answer::Edit`), generated from the answers the test
    /// wikis gave; `serde_json::Value` for a module whose answer was never recorded. Every
    /// query submodule answers as `action=query` does.
    type Answer: crate::Answer;

    /// Adds the module's own parameters to `request`, each name behind `extra_prefix` (`g`
    /// when a query submodule is the generator); [`ApiModule::encode`] adds its group's too.
    fn encode_params(
        &self,
        limits: Limits,
        extra_prefix: &str,
        request: &mut Request,
    ) -> Result<(), EncodeError>;

    /// The exact name/value pairs MediaWiki expects, checked against the limits given: the
    /// module's group (`action=edit`, `action=query&list=allpages`), then its parameters.
    fn encode(&self, limits: Limits) -> Result<Request, EncodeError> {
        let mut request = Request {
            params: Vec::with_capacity(8),
            must_post: Self::MUST_BE_POSTED,
        };
        match Self::GROUP {
            Some(group @ ("action" | "format")) => request.text(group, Self::NAME),
            Some(group @ ("prop" | "list" | "meta")) => {
                request.text("action", "query");
                request.text(group, Self::NAME);
            }
            _ => {}
        }
        self.encode_params(limits, "", &mut request)?;
        Ok(request)
    }

    /// [`ApiModule::encode`] for a user without high limits.
    fn to_request(&self) -> Result<Request, EncodeError> {
        self.encode(Limits::Normal)
    }
}

/// A generated enum of wire values.
pub trait WireValue {
    fn as_str(&self) -> &str;

    /// The value when it is one of the enum's own (static) spellings, sent without a copy.
    fn static_str(&self) -> Option<&'static str> {
        None
    }
}

/// The parameters a module takes beyond those paraminfo lists (the AuthManager fields of
/// `clientlogin`): an open map, checked when encoding.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DynamicParams(BTreeMap<String, DynamicValue>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DynamicValue {
    Text(String),
    Secret(Secret),
}

impl DynamicParams {
    pub fn insert(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.0.insert(name.into(), DynamicValue::Text(value.into()));
    }

    /// A sensitive field (a password): POSTed, never printed.
    pub fn insert_secret(&mut self, name: impl Into<String>, value: Secret) {
        self.0.insert(name.into(), DynamicValue::Secret(value));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    #[doc(hidden)]
    pub fn encode(
        &self,
        module: &'static str,
        declared: &[&str],
        request: &mut Request,
    ) -> Result<(), EncodeError> {
        for (name, value) in &self.0 {
            if name.is_empty() || declared.contains(&name.as_str()) || name == "action" {
                return Err(EncodeError::Invalid {
                    module,
                    param: name.clone(),
                    reason: "a dynamic parameter may not be empty or repeat a declared one".into(),
                });
            }
            match value {
                DynamicValue::Text(text) => request.text(name.clone(), text.clone()),
                DynamicValue::Secret(secret) => request.secret(name.clone(), secret.clone()),
            }
        }
        Ok(())
    }
}

/// Helpers of the generated code; not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::answer::{
        Key, Object, Read, certain, field, field_or_false, join, object, required, tuple, unknown,
        unmodelled_keys,
    };
    pub use crate::encoder::{Checked, Encoder, Rule, WireText};
    pub use crate::pages::{Merge, keep_first, page_key};
    #[cfg(feature = "testing")]
    pub use samples::SampleRow;
    pub use serde;

    /// What the client does with the bytes of `M`'s answer (errors, warnings and `continue`
    /// read in one pass; an API error, or a `result` of `Failure`, as the client's error;
    /// then the typed answer from the text): the decode bench and the tests of real answers
    /// use it.
    #[cfg(feature = "client")]
    pub fn client_answer<M: crate::ApiModule>(bytes: Vec<u8>) -> Result<M::Answer, crate::Error> {
        crate::client::Response::read(M::PATH, bytes)?
            .into_result(M::PATH)?
            .of::<M>()
            .answer()
    }

    /// A module with every parameter set to a sample value the wiki accepts.
    pub trait Sample {
        fn sample() -> Self;
    }

    /// What the tests against real wikis take of every module (feature `testing`).
    #[cfg(feature = "testing")]
    mod samples {
        use super::Sample;
        use crate::module::Limits;
        use crate::request::EncodeError;

        /// One module's sample, encoded, with the facts a test needs to send it.
        pub struct SampleRow {
            pub path: &'static str,
            /// An action or query submodule that only reads: safe to send to any wiki.
            pub read_only: bool,
            pub request: Result<crate::Request, EncodeError>,
            /// Reads an answer into the module's typed answer; the JSON paths it kept in
            /// `extra`.
            pub answer: fn(&serde_json::Value) -> Result<Vec<String>, String>,
        }

        impl SampleRow {
            pub fn of<M: Sample + crate::ApiModule>() -> SampleRow {
                SampleRow {
                    path: M::PATH,
                    // Output formats and `main` are no requests of their own.
                    read_only: matches!(M::GROUP, Some("action" | "prop" | "list" | "meta"))
                        && !M::WRITE_RIGHTS
                        && !M::MUST_BE_POSTED,
                    request: M::sample().encode(Limits::Normal),
                    answer: |body| {
                        serde_path_to_error::deserialize::<_, M::Answer>(body)
                            .map(|answer| crate::Answer::unmodelled(&answer))
                            .map_err(|e| format!("at `{}`: {}", e.path(), e.inner()))
                    },
                }
            }
        }
    }
}
