//! Typed selections for `action=query`: the `prop`, `list` and `meta` submodules, and the
//! generator, each with its own parameters, merged into one request.
//!
//! ```
//! use mwtyped::{ApiModule, Limit};
//! use mwtyped::v1_43::Query;
//! use mwtyped::v1_43::query::{AllPages, Info, SiteInfo};
//!
//! let mut query = Query::new();
//! let mut pages = AllPages::new();
//! pages.limit = Some(Limit::Value(5));
//! query.select.generator(pages); // generator=allpages&gaplimit=5
//! query.select.add(Info::new()); // prop=info
//! query.select.add(SiteInfo::new()); // meta=siteinfo
//! let request = query.to_request().unwrap();
//! assert_eq!(
//!     request.form_pairs(),
//!     [("action", "query"), ("prop", "info"), ("meta", "siteinfo"), ("generator", "allpages"), ("gaplimit", "5")]
//! );
//! ```

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use crate::module::{ApiModule, Limits};
use crate::request::{EncodeError, Request, Value};

/// A `prop`, `list` or `meta` submodule of `action=query`: its parameters
/// ([`ApiModule::encode_params`]) go into a [`Selection`].
pub trait QuerySubmodule: ApiModule + Clone + Send + Sync + 'static {}

/// A submodule MediaWiki can use as a generator (`generator=allpages`): only these compile
/// in [`Selection::generator`].
pub trait GeneratorSubmodule: QuerySubmodule {}

type Encoder = Arc<dyn Fn(Limits, &str, &mut Request) -> Result<(), EncodeError> + Send + Sync>;

#[derive(Clone)]
struct Part {
    group: &'static str,
    name: &'static str,
    encode: Encoder,
}

impl Part {
    fn of<M: QuerySubmodule>(module: M) -> Part {
        Part {
            group: M::GROUP.unwrap_or("list"),
            name: M::NAME,
            encode: Arc::new(move |limits, prefix, request| {
                module.encode_params(limits, prefix, request)
            }),
        }
    }
}

/// The submodules chosen for one `action=query` request.
#[derive(Clone, Default)]
pub struct Selection {
    parts: Vec<Part>,
    generator: Option<Part>,
}

impl Selection {
    /// Adds a `prop`, `list` or `meta` submodule with its parameters.
    pub fn add<M: QuerySubmodule>(&mut self, module: M) -> &mut Self {
        self.parts.push(Part::of(module));
        self
    }

    /// Sets the generator; its parameters go on the wire behind `g`.
    pub fn generator<M: GeneratorSubmodule>(&mut self, module: M) -> &mut Self {
        self.generator = Some(Part::of(module));
        self
    }

    pub fn is_empty(&self) -> bool {
        self.parts.is_empty() && self.generator.is_none()
    }

    /// Merges the selection into a query request: names joined into `prop`/`list`/`meta`
    /// (after any set through the plain fields), then each submodule's parameters.
    #[doc(hidden)]
    pub fn merge_into(&self, limits: Limits, request: &mut Request) -> Result<(), EncodeError> {
        for group in ["prop", "list", "meta"] {
            let mut names = self
                .parts
                .iter()
                .filter(|p| p.group == group)
                .map(|p| p.name);
            let Some(first) = names.next() else {
                continue;
            };
            // One submodule, the usual case: its name is static, nothing to allocate.
            let mut joined = Cow::Borrowed(first);
            for name in names {
                let joined = joined.to_mut();
                joined.push('|');
                joined.push_str(name);
            }
            match request.params.iter_mut().find(|(n, _)| n == group) {
                Some((_, Value::Text(existing))) => {
                    let existing = existing.to_mut();
                    existing.push('|');
                    existing.push_str(&joined);
                }
                _ => request.text(group, joined),
            }
        }
        if let Some(generator) = &self.generator {
            if request.get("generator").is_some() {
                return Err(EncodeError::Invalid {
                    module: "query",
                    param: "generator".into(),
                    reason: "set both as a field and as a typed selection".into(),
                });
            }
            request.text("generator", generator.name);
        }
        for part in &self.parts {
            (part.encode)(limits, "", request)?;
        }
        if let Some(generator) = &self.generator {
            (generator.encode)(limits, "g", request)?;
        }
        Ok(())
    }

    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .parts
            .iter()
            .map(|p| format!("{}={}", p.group, p.name))
            .collect();
        if let Some(g) = &self.generator {
            names.push(format!("generator={}", g.name));
        }
        names
    }
}

impl fmt::Debug for Selection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.names()).finish()
    }
}

/// Two selections are equal when they send the same thing.
impl PartialEq for Selection {
    fn eq(&self, other: &Self) -> bool {
        let encode = |s: &Selection| {
            let mut request = Request::default();
            s.merge_into(Limits::High, &mut request).map(|()| request)
        };
        encode(self) == encode(other)
    }
}
