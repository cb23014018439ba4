//! # mwtyped
//!
//! Typed bindings of the MediaWiki Action API, generated from MediaWiki's own description
//! of it (`action=paraminfo`), one module per supported MediaWiki version.
//!
//! Each version module has a struct per API module, named as MediaWiki's class names it
//! (`ClientLogin`, `query::AllPages`), with fields named without the module's prefix
//! (`ClientLogin::return_url` goes on the wire as `loginreturnurl`). [`ApiModule::encode`]
//! turns one into the exact name/value pairs MediaWiki expects.
//!
//! ```
//! use mwtyped::{ApiModule, Limit};
//! use mwtyped::v1_43::query::{AllPages, AllPagesFilterRedir};
//!
//! let mut pages = AllPages::new();
//! pages.limit = Some(Limit::Max);
//! pages.filter_redir = Some(AllPagesFilterRedir::Nonredirects);
//! let request = pages.to_request().unwrap();
//! assert_eq!(
//!     request.form_pairs(),
//!     [("action", "query"), ("list", "allpages"), ("apfilterredir", "nonredirects"), ("aplimit", "max")]
//! );
//! ```
//!
//! [`Client`] sends them to a wiki (async, over reqwest), with typed tokens, continuation,
//! bounded retries, and the AuthManager flows of `clientlogin`, `createaccount` and
//! `linkaccount` ([`Client::auth_start`]).
//!
//! Answers are typed too: each version has an `answer` module generated from what the test
//! wikis answered to every module (`v1_43::answer::Edit` for `action=edit`, one
//! `v1_43::answer::Query` for every query submodule), named by [`ApiModule::Answer`];
//! [`Response::answer`] reads an answer into it, a field the model lacks kept in `extra`
//! ([`Answer::unmodelled`] lists them).
//!
//! Queries read as a bot wants them: [`Client::pages`] yields each page of a query once, its
//! props merged across the batches MediaWiki spreads them over, and [`Client::items`] a list's
//! typed items; both ask `limit=max` where the caller set none, and are [`Resumable`] from a
//! saved point.
//!
//! Features: `v1_39`, `v1_43` (the default) choose the versions; `ext-<name>` turns on what a
//! bundled extension adds (`ext-confirmedit`, `ext-oathauth`, …); `full` turns them all on.
//! `client` (the default) is the HTTP client; `blocking` adds [`blocking::Client`] for
//! synchronous code.

// The generated code names the runtime `::mwtyped`, as it would from a user's crate.
extern crate self as mwtyped;

mod answer;
#[cfg(feature = "client")]
mod auth;
#[cfg(feature = "blocking")]
pub mod blocking;
#[cfg(feature = "client")]
mod client;
mod encoder;
mod module;
mod pages;
mod query;
mod request;
pub mod token;
mod types;

pub use answer::{Answer, Extra, Map};
pub use module::{__private, ApiModule, DynamicParams, DynamicValue, Limits, WireValue};
/// Typed structs for your own wiki: `mwtyped::api_from_spec!("wiki/spec.json")` expands, in
/// the module where it is written, to a struct per module of the spec file that
/// `cargo xtask fetch --api URL --name NAME --spec-file FILE` wrote from the wiki's api.php
/// (the path is relative to your crate's `Cargo.toml`; the crate is rebuilt when the file
/// changes). Everything the wiki has, its extensions' modules and parameters included, is there
/// with no feature to turn on. `examples/own-wiki` in the repository is a crate doing this.
pub use mwtyped_macros::api_from_spec;
pub use pages::{ListModule, PageAnswer, PageKey, QueryAnswer};
pub use query::{GeneratorSubmodule, QuerySubmodule, Selection};
pub use request::{EncodeError, Name, Request, Value};
/// The JSON of answers that are not typed (and of free-form parts of typed ones).
pub use serde_json;
pub use types::{Expiry, Limit, Namespace, Secret, Timestamp, UploadFile};

#[cfg(feature = "client")]
pub use auth::{
    AuthAction, AuthField, AuthForm, AuthInfo, AuthPurpose, AuthRequest, AuthStart, AuthStep, Fail,
    FieldKind, Pass, Redirect, Requirement, Restart,
};
#[cfg(feature = "client")]
pub use client::{
    AbuseFilterHit, ApiMessage, Assert, Captcha, ChunkedUpload, Client, ClientBuilder,
    Continuation, Error, Response, Resumable,
};

/// What MediaWiki says of one API module, apart from its parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModuleFacts {
    /// The module's path: `clientlogin`, `query+allpages`, `json`.
    pub path: &'static str,
    /// The prefix of its parameters on the wire (`login` for `clientlogin`).
    pub prefix: &'static str,
    /// MediaWiki's class implementing it.
    pub classname: &'static str,
    /// `action`, `format`, `prop`, `list` or `meta`; `None` for `main`.
    pub group: Option<&'static str>,
    /// The extension providing it; `None` for MediaWiki core.
    pub extension: Option<&'static str>,
    pub mustbeposted: bool,
    pub readrights: bool,
    pub writerights: bool,
    /// Usable as a query generator.
    pub generator: bool,
    pub internal: bool,
    pub deprecated: bool,
}

/// Looks a module up by path in a version's table.
pub fn find_module(modules: &'static [ModuleFacts], path: &str) -> Option<&'static ModuleFacts> {
    modules
        .binary_search_by(|m| m.path.cmp(path))
        .ok()
        .map(|i| &modules[i])
}

// One module per committed capture (`mwtyped::v1_39`, …), written by `cargo xtask regen`.
include!("versions.rs");
