//! Typed bindings for a wiki of your own, the way a crate outside mwtyped gets them.
//!
//! `wiki/spec.json` is what `cargo xtask fetch --api URL --name own-wiki --spec-file FILE`
//! captured from the local MediaWiki 1.43 test wiki with every bundled extension loaded
//! (`cargo xtask wiki start --version 1.43`). [`api`] holds a typed struct for each of its
//! modules, the extensions' ones included (`api::query::AbuseFilters` from AbuseFilter,
//! `api::OathValidate` from OATHAuth), with no Cargo feature to turn on. The crate is rebuilt
//! when the spec file changes: capture again, and the compiler shows what the change breaks.

use mwtyped::ApiModule;
use mwtyped::blocking::Client;

/// Every module of the wiki in `wiki/spec.json`.
pub mod api {
    mwtyped::api_from_spec!("wiki/spec.json");
}

/// One abuse filter, as `list=abusefilters` describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub id: u64,
    pub description: String,
    pub enabled: bool,
}

/// `list=abusefilters` of the enabled filters, with their id, description and status.
pub fn enabled_filters_query() -> api::Query {
    use api::query::{AbuseFilters, AbuseFiltersProp, AbuseFiltersShow};
    let mut filters = AbuseFilters::new();
    filters.show = vec![AbuseFiltersShow::Enabled];
    filters.prop = vec![
        AbuseFiltersProp::Id,
        AbuseFiltersProp::Description,
        AbuseFiltersProp::Status,
    ];
    let mut query = api::Query::new();
    query.select.add(filters);
    query
}

/// The wiki's enabled abuse filters, following `continue` to the end: a list module that
/// only the AbuseFilter extension provides, reached through the typed query.
pub fn enabled_filters(client: &Client) -> Result<Vec<Filter>, mwtyped::Error> {
    let mut found = vec![];
    for batch in client.continued(&enabled_filters_query()) {
        let batch = batch?;
        for filter in batch.body()["query"]["abusefilters"]
            .as_array()
            .into_iter()
            .flatten()
        {
            found.push(Filter {
                id: filter["id"].as_u64().unwrap_or_default(),
                description: filter["description"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                enabled: filter.get("enabled").is_some_and(|e| e != false),
            });
        }
    }
    Ok(found)
}

/// AbuseFilter's verdict on a filter's syntax.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Syntax {
    Ok,
    /// The parser's message and the character where it stopped.
    Error {
        message: String,
        at: Option<u64>,
    },
}

/// Asks the wiki whether `filter` is a valid AbuseFilter rule (`action=abusefilterchecksyntax`,
/// an action module of the extension; the user needs the right `abusefilter-modify`).
pub fn check_syntax(client: &Client, filter: &str) -> Result<Syntax, mwtyped::Error> {
    let response = client.execute(&api::AbuseFilterCheckSyntax::new(filter.to_owned()))?;
    let answer = &response.body()["abusefilterchecksyntax"];
    Ok(match answer["status"].as_str() {
        Some("ok") => Syntax::Ok,
        _ => Syntax::Error {
            message: answer["message"].as_str().unwrap_or_default().to_owned(),
            at: answer["character"].as_u64(),
        },
    })
}

/// What the spec file says of the wiki: its MediaWiki version and how many of its modules
/// each extension provides (core as `None`).
pub fn modules_by_extension() -> Vec<(Option<&'static str>, usize)> {
    let mut counts: Vec<(Option<&'static str>, usize)> = vec![];
    for module in api::MODULES {
        match counts.iter_mut().find(|(e, _)| *e == module.extension) {
            Some((_, n)) => *n += 1,
            None => counts.push((module.extension, 1)),
        }
    }
    counts.sort();
    counts
}

/// The module facts of a struct, to show that they come from the spec file.
pub fn path_of<M: ApiModule>() -> &'static str {
    M::PATH
}
