//! # mwtyped
//!
//! Typed bindings of the MediaWiki Action API, generated from MediaWiki's own description
//! of it (`action=paraminfo`), one module per supported MediaWiki version.
//!
//! Today each version module lists the facts of every API module; typed parameter structs,
//! the client and the AuthManager flows build on them.

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

/// MediaWiki 1.39 (LTS).
#[cfg(feature = "v1_39")]
pub mod v1_39 {
    mwtyped_macros::module_table!("mediawiki-1.39");
}

/// MediaWiki 1.43 (LTS).
#[cfg(feature = "v1_43")]
pub mod v1_43 {
    mwtyped_macros::module_table!("mediawiki-1.43");
}
