//! From the raw files of a capture to its normalised [`Spec`]: modules sorted by path, and
//! every module, parameter and enum value attributed to core or to the extension adding it.
//!
//! Attribution compares the main capture with attribution parts: captures of the same wiki
//! with no extension (`core`) and with one extension each (plus what it requires). A thing
//! missing from `core` belongs to the smallest part that has it, so an item of Echo is not
//! credited to Thanks, which loads Echo too. Without parts (a user's own wiki captured
//! plainly) a module is attributed by its `source` and its parameters follow their module.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::model::{Module, Origin, ParamType, Parameter};
use crate::raw::{ParamInfo, Provenance};
use crate::spec::{CaptureInfo, Finding, Spec};

/// `raw/attribution/<name>/`: the same wiki with fewer extensions loaded.
#[derive(Debug, Clone)]
pub struct AttributionPart {
    /// `core`, or the extension the part was taken for.
    pub name: String,
    /// Every extension loaded in that part (the extension and what it requires).
    pub extensions: Vec<String>,
    pub paraminfo: ParamInfo,
}

/// The name of the part with no extension loaded.
pub const CORE_PART: &str = "core";

pub fn normalise(
    name: &str,
    provenance: &Provenance,
    paraminfo: ParamInfo,
    parts: &[AttributionPart],
) -> (Spec, Vec<Finding>) {
    let mut findings = Vec::new();
    let attribution = Attribution::new(parts);
    if !parts.is_empty() && attribution.core.is_none() {
        findings.push(Finding::capture(format!(
            "attribution parts present but no `{CORE_PART}` part: nothing can be attributed to core"
        )));
    }
    let mut modules = paraminfo.modules;
    modules.sort_by(|a, b| a.path.cmp(&b.path));
    // Modules first: a submodule parameter's values take the origin of their modules.
    let origins: HashMap<String, Origin> = modules
        .iter()
        .map(|m| (m.path.clone(), attribution.module_origin(m, &mut findings)))
        .collect();
    for module in &mut modules {
        let origin = origins.get(&module.path).cloned().unwrap_or(Origin::Core);
        let path = module.path.clone();
        for param in module
            .parameters
            .iter_mut()
            .chain(module.templatedparameters.iter_mut())
        {
            attribution.parameter(&path, &origin, &origins, param, &mut findings);
        }
        module.origin = Some(origin);
    }
    let spec = Spec {
        capture: CaptureInfo {
            name: name.to_owned(),
            mediawiki: provenance.mediawiki_version().to_owned(),
            generator: provenance.generator.clone(),
            api_url: provenance.api_url.clone(),
            fetched: provenance.fetched.clone(),
            helpformat: paraminfo.helpformat,
            extensions: provenance.extensions.clone(),
            attribution: parts
                .iter()
                .map(|p| (p.name.clone(), p.extensions.clone()))
                .collect(),
            patches: vec![],
        },
        modules,
    };
    let mut spec = spec;
    mark_decided_by_configuration(&mut spec);
    findings.extend(spec.findings());
    (spec, findings)
}

/// Parameters whose values a wiki's configuration decides by MediaWiki's code, though the
/// captures' configurations happen to agree: the protocols of `$wgUrlProtocols`.
const DECIDED_BY_CONFIGURATION: &[(&str, &str)] = &[
    ("query+extlinks", "protocol"),
    ("query+exturlusage", "protocol"),
];

/// Marks the parameters of [`DECIDED_BY_CONFIGURATION`] as taking the wiki's values.
fn mark_decided_by_configuration(spec: &mut Spec) {
    for module in &mut spec.modules {
        for param in &mut module.parameters {
            if DECIDED_BY_CONFIGURATION.contains(&(module.path.as_str(), param.name.as_str())) {
                param.wiki_values = true;
            }
        }
    }
}

/// An attribution part indexed for lookups by module path.
struct PartIndex<'a> {
    name: &'a str,
    size: usize,
    modules: HashMap<&'a str, &'a Module>,
}

impl<'a> PartIndex<'a> {
    fn new(part: &'a AttributionPart) -> Self {
        PartIndex {
            name: &part.name,
            size: part.extensions.len(),
            modules: part
                .paraminfo
                .modules
                .iter()
                .map(|m| (m.path.as_str(), m))
                .collect(),
        }
    }

    fn parameter(&self, module: &str, param: &str) -> Option<&'a Parameter> {
        self.modules
            .get(module)?
            .all_parameters()
            .find(|p| p.name == param)
    }
}

/// What can be looked up in the parts: a module, a parameter of a module, or one enum value.
#[derive(Clone, Copy)]
enum Item<'s> {
    Module(&'s str),
    Parameter(&'s str, &'s str),
    Value(&'s str, &'s str, &'s str),
}

impl Item<'_> {
    fn in_part(self, part: &PartIndex) -> bool {
        match self {
            Item::Module(m) => part.modules.contains_key(m),
            Item::Parameter(m, p) => part.parameter(m, p).is_some(),
            Item::Value(m, p, v) => part
                .parameter(m, p)
                .is_some_and(|p| matches!(&p.ty, ParamType::Enum(vs) if vs.iter().any(|x| x == v))),
        }
    }
}

struct Attribution<'a> {
    core: Option<PartIndex<'a>>,
    extensions: Vec<PartIndex<'a>>,
}

impl<'a> Attribution<'a> {
    fn new(parts: &'a [AttributionPart]) -> Self {
        let (core, extensions): (Vec<_>, Vec<_>) = parts
            .iter()
            .map(PartIndex::new)
            .partition(|p| p.name == CORE_PART);
        Attribution {
            core: core.into_iter().next(),
            extensions,
        }
    }

    fn enabled(&self) -> bool {
        self.core.is_some()
    }

    /// Core if the core part has the item, else the smallest extension part that has it;
    /// `None` when no part has it.
    fn origin(&self, item: Item, findings: &mut Vec<Finding>, at: &Finding) -> Option<Origin> {
        if self.core.as_ref().is_some_and(|c| item.in_part(c)) {
            return Some(Origin::Core);
        }
        let mut holders: Vec<&PartIndex> =
            self.extensions.iter().filter(|p| item.in_part(p)).collect();
        holders.sort_by_key(|p| (p.size, p.name));
        let (first, rest) = holders.split_first()?;
        if let Some(second) = rest.first().filter(|s| s.size == first.size) {
            findings.push(at.with(&format!(
                "equally in the parts `{}` and `{}`; attributed to the first",
                first.name, second.name
            )));
        }
        Some(Origin::Extension(first.name.to_owned()))
    }

    fn module_origin(&self, module: &Module, findings: &mut Vec<Finding>) -> Origin {
        let by_source = if module.source == "MediaWiki" {
            Origin::Core
        } else {
            Origin::Extension(module.source.clone())
        };
        if !self.enabled() {
            return by_source;
        }
        let at = Finding::module(&module.path);
        match self.origin(Item::Module(&module.path), findings, &at) {
            Some(origin) => {
                if !same_origin(&origin, &by_source) {
                    findings.push(at.with(&format!(
                        "attributed to {origin:?} but its source says {by_source:?}"
                    )));
                }
                origin
            }
            None => {
                // Some modules exist only when two extensions meet (DiscussionTools with Thanks).
                findings.push(at.with(&format!(
                    "in no single-extension part; attributed by its source to {by_source:?}"
                )));
                by_source
            }
        }
    }

    fn parameter(
        &self,
        module: &str,
        module_origin: &Origin,
        modules: &HashMap<String, Origin>,
        param: &mut Parameter,
        findings: &mut Vec<Finding>,
    ) {
        // A submodule value belongs to whoever provides the submodule.
        if let Some(submodules) = &param.submodules {
            param.value_origins = submodules
                .iter()
                .filter_map(|(value, path)| match modules.get(path) {
                    Some(Origin::Core) | None => None,
                    Some(ext) => Some((value.clone(), ext.clone())),
                })
                .collect();
        }
        // What an extension's own module has is that extension's; only a core module can
        // have been extended by someone else.
        if *module_origin != Origin::Core || !self.enabled() {
            param.origin = Some(module_origin.clone());
            return;
        }
        let at = Finding::parameter(module, &param.name);
        param.origin = self.origin(Item::Parameter(module, &param.name), findings, &at);
        if param.origin.is_none() {
            findings.push(at.with("in no attribution part: origin unknown"));
        }
        if param.origin != Some(Origin::Core) || param.submodules.is_some() {
            return;
        }
        if let ParamType::Enum(values) = &param.ty {
            let mut value_origins = BTreeMap::new();
            for value in values {
                let at = at.with(&format!("value `{value}`"));
                match self.origin(Item::Value(module, &param.name, value), findings, &at) {
                    Some(Origin::Core) => {}
                    Some(ext) => {
                        value_origins.insert(value.clone(), ext);
                    }
                    None => findings.push(at.with("in no attribution part: origin unknown")),
                }
            }
            param.value_origins = value_origins;
        }
    }
}

/// `source` gives an extension's display name ("Abuse Filter"), the parts its folder name
/// ("AbuseFilter").
fn same_origin(a: &Origin, b: &Origin) -> bool {
    let key = |name: &str| {
        name.chars()
            .filter(|c| !c.is_whitespace() && *c != '_')
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    match (a, b) {
        (Origin::Extension(a), Origin::Extension(b)) => key(a) == key(b),
        _ => a == b,
    }
}

/// Marks every enum parameter of `spec` whose values differ in `other`, a capture of the same
/// wiki under another configuration (more user groups, change tags, slot roles, content
/// models, namespaces, log types…): the wiki decides those values. Returns how many were
/// marked. Submodule choices (`prop`, `list`, `action`) follow the extensions loaded, not the
/// configuration, and are never marked.
pub fn mark_wiki_values(spec: &mut Spec, other: &ParamInfo) -> usize {
    let mut marked = 0;
    for module in &mut spec.modules {
        let Some(theirs) = other.modules.iter().find(|m| m.path == module.path) else {
            continue;
        };
        for param in module
            .parameters
            .iter_mut()
            .chain(module.templatedparameters.iter_mut())
        {
            if param.is_submodule() {
                continue;
            }
            let their_param = theirs
                .parameters
                .iter()
                .chain(&theirs.templatedparameters)
                .find(|p| p.name == param.name);
            let (Some(ours), Some(their_values)) =
                (values_of(param), their_param.and_then(values_of))
            else {
                continue;
            };
            if ours != their_values && !param.wiki_values {
                param.wiki_values = true;
                marked += 1;
            }
        }
    }
    marked
}

fn values_of(param: &Parameter) -> Option<BTreeSet<&String>> {
    match &param.ty {
        ParamType::Enum(values) => Some(values.iter().collect()),
        _ => None,
    }
}
