//! `cargo xtask crosscheck`: a wiki's help pages, scraped in several languages, against its
//! own paraminfo, module by module and field by field.
//!
//! Compared: module names, paths, groups, prefixes, flags, source, license, help URLs, example
//! queries; per parameter the
//! name, type, enum values (as a set: old releases did not sort them), deprecated values,
//! submodule links, default, required, multi, deprecated, value limits, numeric ranges, byte and
//! character limits, the all-values specifier and template variables. A field the page could
//! not tell (marked unknown by the scraper) is counted, not compared, except the type: an
//! unknown type must be one of its candidates.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use anyhow::{Context, Result, bail};
use clap::Args;
use mwtyped_spec::{Module, ParamInfo, ParamType, Parameter};
use serde_json::Value;

use crate::scrape::module::FLAGS;
use crate::scrape::output::{ScrapedModule, ScrapedPage, UNKNOWN_TYPE};
use crate::wiki::{self, ExtensionSet, MwVersion, WikiSpec};

#[derive(Args)]
pub struct CrosscheckArgs {
    /// Languages of the help pages, comma-separated; `all` for every supported language.
    #[arg(long, value_delimiter = ',', default_value = "en,lt,hi,mr")]
    pub lang: Vec<String>,
    /// api.php URLs to check (default: the local 1.39 and 1.43 test wikis with every bundled
    /// extension, started if needed and stopped after if they were not running).
    #[arg(long)]
    pub api: Vec<String>,
    /// Compare with the paraminfo of this committed capture (`mediawiki-1.39`, or a capture
    /// folder's path) instead of each wiki's own: do a wiki's help pages describe the API of
    /// that release?
    #[arg(long, value_name = "CAPTURE")]
    pub against: Option<String>,
}

/// One field on which the help page and paraminfo disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub module: String,
    pub parameter: Option<String>,
    pub field: &'static str,
    pub help: String,
    pub paraminfo: String,
}

impl fmt::Display for Disagreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "module `{}`", self.module)?;
        if let Some(p) = &self.parameter {
            write!(f, ", parameter `{p}`")?;
        }
        write!(
            f,
            ", {}: help says {}, paraminfo says {}",
            self.field, self.help, self.paraminfo
        )
    }
}

#[derive(Debug, Default, Clone)]
pub struct Report {
    pub modules: usize,
    pub parameters: usize,
    pub disagreements: Vec<Disagreement>,
    /// Fields the help could not tell (not compared).
    pub unknowns: usize,
    /// Of those, flags that the page's language words alike (Persian's `readrights` and
    /// `writerights`): unknown in that language's text only.
    pub ambiguous_flags: usize,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} modules, {} parameters compared: {} disagreements, {} fields unknown from the help",
            self.modules,
            self.parameters,
            self.disagreements.len(),
            self.unknowns
        )
    }
}

/// Compares every module of the page and of paraminfo; `whole` says the page claims to hold
/// every module (the recursive page), so a module missing from it is a disagreement.
pub fn compare_page(page: &ScrapedPage, reference: &[Module], whole: bool) -> Report {
    let mut r = Report::default();
    let by_path: BTreeMap<&str, &Module> = reference.iter().map(|m| (m.path.as_str(), m)).collect();
    let mut seen = BTreeSet::new();
    for scraped in &page.modules {
        let path = scraped.module.path.as_str();
        seen.insert(path);
        match by_path.get(path) {
            Some(reference) => compare_module(scraped, reference, &mut r),
            None => r.disagreements.push(Disagreement {
                module: path.to_owned(),
                parameter: None,
                field: "module",
                help: "present".into(),
                paraminfo: "absent".into(),
            }),
        }
    }
    if whole {
        for path in by_path.keys().filter(|p| !seen.contains(*p)) {
            r.disagreements.push(Disagreement {
                module: (*path).to_owned(),
                parameter: None,
                field: "module",
                help: "absent".into(),
                paraminfo: "present".into(),
            });
        }
    }
    r
}

fn show<T: fmt::Debug>(v: T) -> String {
    format!("{v:?}")
}

pub fn compare_module(scraped: &ScrapedModule, reference: &Module, r: &mut Report) {
    r.modules += 1;
    r.unknowns += scraped.unknowns.len();
    // A flag is only ever unknown when the language words it like another.
    r.ambiguous_flags += scraped
        .unknowns
        .iter()
        .filter(|u| u.parameter.is_none() && FLAGS.contains(&u.field.as_str()))
        .count();
    let s = &scraped.module;
    let module = &reference.path;
    let mut found = vec![];
    let mut d = |parameter: Option<&str>, field: &'static str, help: String, paraminfo: String| {
        found.push(Disagreement {
            module: module.clone(),
            parameter: parameter.map(str::to_owned),
            field,
            help,
            paraminfo,
        });
    };
    let fields: [(&'static str, String, String); 10] = [
        ("name", show(&s.name), show(&reference.name)),
        ("group", show(&s.group), show(&reference.group)),
        ("prefix", show(&s.prefix), show(&reference.prefix)),
        ("readrights", show(s.readrights), show(reference.readrights)),
        (
            "writerights",
            show(s.writerights),
            show(reference.writerights),
        ),
        (
            "mustbeposted",
            show(s.mustbeposted),
            show(reference.mustbeposted),
        ),
        ("generator", show(s.generator), show(reference.generator)),
        ("internal", show(s.internal), show(reference.internal)),
        ("deprecated", show(s.deprecated), show(reference.deprecated)),
        (
            "dynamicparameters",
            show(s.dynamicparameters.is_some()),
            show(reference.dynamicparameters.is_some()),
        ),
    ];
    for (field, help, paraminfo) in fields {
        if help != paraminfo && scraped.is_unknown(None, field).is_none() {
            d(None, field, help, paraminfo);
        }
    }
    if scraped.is_unknown(None, "source").is_none()
        && s.source != reference.sourcename
        && s.source != reference.source
    {
        d(None, "source", show(&s.source), show(&reference.sourcename));
    }
    let queries = |m: &Module| -> Vec<String> {
        m.examples
            .iter()
            .flatten()
            .map(|e| e.query.clone())
            .collect()
    };
    if scraped.is_unknown(None, "examples").is_none() && queries(s) != queries(reference) {
        d(None, "examples", show(queries(s)), show(queries(reference)));
    }
    if scraped.is_unknown(None, "helpurls").is_none() && s.helpurls != reference.helpurls {
        d(
            None,
            "helpurls",
            show(&s.helpurls),
            show(&reference.helpurls),
        );
    }
    if s.licensetag != reference.licensetag {
        d(
            None,
            "licensetag",
            show(&s.licensetag),
            show(&reference.licensetag),
        );
    }
    let theirs: BTreeMap<&str, &Parameter> = reference
        .all_parameters()
        .map(|p| (p.name.as_str(), p))
        .collect();
    let ours: BTreeMap<&str, &Parameter> =
        s.all_parameters().map(|p| (p.name.as_str(), p)).collect();
    for name in theirs.keys().filter(|n| !ours.contains_key(*n)) {
        d(Some(name), "parameter", "absent".into(), "present".into());
    }
    for (name, ours) in &ours {
        match theirs.get(name) {
            None => d(Some(name), "parameter", "present".into(), "absent".into()),
            Some(theirs) => {
                r.parameters += 1;
                for (field, help, paraminfo) in compare_parameter(scraped, ours, theirs) {
                    d(Some(name), field, help, paraminfo);
                }
            }
        }
    }
    r.disagreements.extend(found);
}

fn set(values: &[String]) -> BTreeSet<&str> {
    values.iter().map(String::as_str).collect()
}

fn default_text(v: &Option<Value>) -> Option<String> {
    match v {
        None => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Bool(false)) => None,
        Some(Value::Array(items)) => Some(
            items
                .iter()
                .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
                .collect::<Vec<_>>()
                .join("|"),
        ),
        Some(other) => Some(other.to_string()),
    }
}

fn compare_parameter(
    scraped: &ScrapedModule,
    ours: &Parameter,
    theirs: &Parameter,
) -> Vec<(&'static str, String, String)> {
    let mut out = vec![];
    let unknown = |field: &str| scraped.is_unknown(Some(&ours.name), field);
    if unknown("info").is_some() {
        // Info lines in a language without a table: nothing they tell can be compared.
        return out;
    }
    let mut check = |field: &'static str, help: String, paraminfo: String| {
        if help != paraminfo {
            out.push((field, help, paraminfo));
        }
    };
    match (&ours.ty, &theirs.ty) {
        (ParamType::Other(t), theirs_ty) if t == UNKNOWN_TYPE => {
            let candidates = unknown("type")
                .map(|u| u.candidates.clone())
                .unwrap_or_default();
            let name = theirs_ty.name().unwrap_or("enum").to_owned();
            // No candidates: the type is not known at all, so nothing to compare.
            if !candidates.is_empty() && !candidates.contains(&name) {
                check("type", format!("one of {candidates:?}"), name);
            }
        }
        (ParamType::Enum(a), ParamType::Enum(b)) => {
            if set(a) != set(b) {
                check("enum values", show(a), show(b));
            }
        }
        (a, b) => check("type", show(a), show(b)),
    }
    if unknown("deprecatedvalues").is_none() {
        let a = ours.deprecatedvalues.clone().unwrap_or_default();
        let b = theirs.deprecatedvalues.clone().unwrap_or_default();
        if set(&a) != set(&b) {
            check("deprecatedvalues", show(a), show(b));
        }
        let a = ours.internalvalues.clone().unwrap_or_default();
        let b = theirs.internalvalues.clone().unwrap_or_default();
        if set(&a) != set(&b) {
            check("internalvalues", show(a), show(b));
        }
        check(
            "submodules",
            show(&ours.submodules),
            show(&theirs.submodules),
        );
    }
    check(
        "default",
        show(default_text(&ours.default)),
        show(default_text(&theirs.default)),
    );
    check("required", show(ours.required), show(theirs.required));
    check("tokentype", show(&ours.tokentype), show(&theirs.tokentype));
    check("multi", show(ours.multi), show(theirs.multi));
    check("deprecated", show(ours.deprecated), show(theirs.deprecated));
    if unknown("lowlimit").is_none() && theirs.multi {
        check("lowlimit", show(ours.lowlimit), show(theirs.lowlimit));
        check("highlimit", show(ours.highlimit), show(theirs.highlimit));
    }
    check("min", show(ours.min), show(theirs.min));
    check("max", show(ours.max), show(theirs.max));
    if unknown("highmax").is_none() {
        check("highmax", show(ours.highmax), show(theirs.highmax));
    }
    check("maxbytes", show(ours.maxbytes), show(theirs.maxbytes));
    check("maxchars", show(ours.maxchars), show(theirs.maxchars));
    check(
        "allspecifier",
        show(&ours.allspecifier),
        show(&theirs.allspecifier),
    );
    check(
        "templatevars",
        show(&ours.templatevars),
        show(&theirs.templatevars),
    );
    if theirs.must_exist.is_some() {
        check("mustExist", show(ours.must_exist), show(theirs.must_exist));
    }
    out
}

/// The query that asks a wiki for every module's paraminfo in one request.
pub const PARAMINFO_QUERY: &str =
    "action=paraminfo&modules=main|*|query%2B*&format=json&formatversion=2&helpformat=html";

/// The query for the recursive help page of every module in `lang`.
pub fn help_query(lang: &str) -> String {
    format!("action=help&modules=main&recursivesubmodules=1&uselang={lang}")
}

/// Fetches a wiki's pages: the recursive help page of a big wiki can take minutes to render.
pub struct Fetcher(reqwest::blocking::Client);

impl Fetcher {
    pub fn new() -> Result<Fetcher> {
        Ok(Fetcher(
            reqwest::blocking::Client::builder()
                .timeout(std::time::Duration::from_secs(300))
                .build()?,
        ))
    }

    pub fn get(&self, url: &str) -> Result<Vec<u8>> {
        let response = self
            .0
            .get(url)
            .send()
            .with_context(|| format!("fetching {url}"))?
            .error_for_status()
            .with_context(|| format!("fetching {url}"))?;
        Ok(response.bytes()?.to_vec())
    }

    /// The paraminfo of every module of the wiki at `api`.
    pub fn paraminfo(&self, api: &str) -> Result<ParamInfo> {
        let url = format!("{api}?{PARAMINFO_QUERY}");
        let body = self.get(&url)?;
        Ok(ParamInfo::parse(&url, &String::from_utf8_lossy(&body))?)
    }

    /// The recursive help page of the wiki at `api` in `lang`, as served, and its reading
    /// compared with `reference`.
    pub fn check_page(
        &self,
        api: &str,
        lang: &str,
        reference: &ParamInfo,
    ) -> Result<(Vec<u8>, Report)> {
        let url = format!("{api}?{}", help_query(lang));
        let body = self.get(&url)?;
        let page = crate::scrape::read(&url, &body, &[lang.to_owned()])?;
        let report = compare_page(&page, &reference.modules, true);
        Ok((body, report))
    }
}

/// The help pages of the wiki at `api` in `langs`, each compared with `reference`, or with
/// the wiki's own paraminfo when there is none; the reports, by language.
pub fn check_wiki(
    api: &str,
    langs: &[String],
    reference: Option<&ParamInfo>,
) -> Result<Vec<(String, Report)>> {
    let fetcher = Fetcher::new()?;
    let own;
    let paraminfo = match reference {
        Some(reference) => reference,
        None => {
            own = fetcher.paraminfo(api)?;
            &own
        }
    };
    langs
        .iter()
        .map(|lang| Ok((lang.clone(), fetcher.check_page(api, lang, paraminfo)?.1)))
        .collect()
}

/// The languages asked for, `all` standing for every supported one.
fn languages(asked: &[String]) -> Vec<String> {
    if asked.iter().any(|l| l == "all") {
        crate::scrape::lang::SUPPORTED
            .iter()
            .map(|l| (*l).to_owned())
            .collect()
    } else {
        asked.to_vec()
    }
}

/// The paraminfo of the committed capture `name`, as fetched (`specs/NAME/raw/`), or of the
/// capture folder `name` names.
pub fn committed_paraminfo(name: &str) -> Result<ParamInfo> {
    let folder = std::path::Path::new(name);
    let capture = if folder.join("raw").is_dir() {
        folder.to_path_buf()
    } else {
        crate::files::workspace_root().join("specs").join(name)
    };
    let path = capture.join("raw/paraminfo.json");
    let text = std::fs::read_to_string(&path).with_context(|| {
        format!(
            "no committed capture `{name}` ({} cannot be read)",
            crate::files::display(&path)
        )
    })?;
    Ok(ParamInfo::parse(&crate::files::display(&path), &text)?)
}

pub fn run(args: CrosscheckArgs) -> Result<()> {
    let reference = args
        .against
        .as_deref()
        .map(committed_paraminfo)
        .transpose()?;
    let mut targets: Vec<(String, String)> =
        args.api.iter().map(|a| (a.clone(), a.clone())).collect();
    let mut started = vec![];
    let result = (|| {
        if targets.is_empty() {
            for version in MwVersion::ALL {
                let spec = WikiSpec {
                    version,
                    extensions: ExtensionSet::All,
                    name: None,
                    port: None,
                };
                let was_running = wiki::running(&spec)?;
                let w = wiki::start(&spec)?;
                if !was_running {
                    started.push(w.name.clone());
                }
                targets.push((format!("MediaWiki {version}"), w.api_url()));
            }
        }
        let mut total = 0;
        let langs = languages(&args.lang);
        for (label, api) in &targets {
            for (lang, report) in check_wiki(api, &langs, reference.as_ref())? {
                for d in &report.disagreements {
                    println!("{label} [{lang}] {d}");
                }
                println!("{label} [{lang}]: {report}");
                total += report.disagreements.len();
            }
        }
        if total > 0 {
            bail!("{total} disagreements between the help pages and paraminfo");
        }
        Ok(())
    })();
    for name in started {
        if let Err(e) = wiki::stop(&name) {
            eprintln!("stopping {name}: {e:#}");
        }
    }
    result
}

#[cfg(test)]
mod tests {
    //! The comparison itself: a page that agrees gives nothing, and each field changed on the
    //! help's side is reported under its own name, so "zero disagreements" means something.

    use mwtyped_spec::{ParamType, Parameter};
    use serde_json::Value;

    use super::*;
    use crate::scrape::tests::{capture_paraminfo, fixture};

    fn page() -> (ScrapedPage, Vec<Module>) {
        let (file, bytes) = fixture("clientlogin-1.39-en.html");
        let page = crate::scrape::read(&file, &bytes, &[]).unwrap_or_else(|e| panic!("{e}"));
        (page, capture_paraminfo("1.39").modules)
    }

    fn fields_after(change: impl Fn(&mut Parameter)) -> Vec<&'static str> {
        let (mut page, reference) = page();
        let module = &mut page.modules[0].module;
        if let Some(p) = module
            .parameters
            .iter_mut()
            .find(|p| p.name == "messageformat")
        {
            change(p);
        }
        compare_page(&page, &reference, false)
            .disagreements
            .iter()
            .map(|d| d.field)
            .collect()
    }

    #[test]
    fn agreement_is_silent_and_each_change_is_named() {
        let (page, reference) = page();
        assert!(
            compare_page(&page, &reference, false)
                .disagreements
                .is_empty()
        );
        let enum_of = |v: &[&str]| ParamType::Enum(v.iter().map(|s| (*s).to_owned()).collect());
        type Change = Box<dyn Fn(&mut Parameter)>;
        let cases: Vec<(&str, Change)> = vec![
            ("type", Box::new(|p| p.ty = ParamType::Integer)),
            (
                "enum values",
                Box::new(move |p| p.ty = enum_of(&["html", "none"])),
            ),
            (
                "default",
                Box::new(|p| p.default = Some(Value::from("html"))),
            ),
            ("required", Box::new(|p| p.required = true)),
            ("multi", Box::new(|p| p.multi = true)),
            ("deprecated", Box::new(|p| p.deprecated = true)),
            ("max", Box::new(|p| p.max = Some(5))),
            (
                "deprecatedvalues",
                Box::new(|p| p.deprecatedvalues = Some(vec!["raw".into()])),
            ),
        ];
        for (field, change) in cases {
            assert_eq!(fields_after(change), [field], "{field}");
        }
    }

    #[test]
    fn missing_modules_and_parameters_are_named() {
        let (mut page, reference) = page();
        page.modules[0].module.parameters.pop();
        let report = compare_page(&page, &reference, true);
        assert!(report.disagreements.iter().any(|d| d.field == "parameter"));
        // The page holds one module; as a "whole" page every other one is missing.
        let missing = report
            .disagreements
            .iter()
            .filter(|d| d.field == "module")
            .count();
        assert_eq!(missing, reference.len() - 1);
    }
}

#[cfg(test)]
mod command_tests {
    use super::*;
    use crate::test::{reference_root, test_api};

    fn args(api: String, against: &str) -> CrosscheckArgs {
        CrosscheckArgs {
            lang: vec!["en".into()],
            api: vec![api],
            against: Some(against.to_owned()),
        }
    }

    /// The command's verdict: the local 1.43 wiki's help pages describe its 1.43 capture
    /// (success; the reference tree's, as a capture folder) and not the committed 1.39 one
    /// (failure, with the count).
    #[test]
    fn the_command_fails_exactly_when_the_help_pages_disagree() {
        let api = test_api(MwVersion::V1_43);
        let own = reference_root().join("specs/mediawiki-1.43");
        run(args(api.clone(), &own.display().to_string())).expect("1.43's help describes 1.43");
        let error = run(args(api, "mediawiki-1.39")).expect_err("1.43's help is not 1.39's API");
        assert!(
            error
                .to_string()
                .contains("disagreements between the help pages and paraminfo"),
            "{error}"
        );
        let error = run(args(String::new(), "mediawiki-0.1")).expect_err("no such capture");
        assert!(
            error
                .to_string()
                .contains("no committed capture `mediawiki-0.1`"),
            "{error}"
        );
    }
}
