//! `cargo xtask fetch`: capture what a live api.php says of itself into `specs/<name>/raw/`.
//!
//! Three requests, the fewest MediaWiki allows for this content: siteinfo (version,
//! extensions, namespaces), paraminfo of every module and submodule at once
//! (`modules=main|main+**`; wildcards do not count against the 50-values limit), and the
//! recursive help page. Everything is fetched and checked in memory first and written only
//! when complete, so a server that dies part way leaves the previous capture untouched.
//!
//! `--local 1.39` captures a local test wiki with every bundled extension, plus the
//! attribution parts (`specs/<name>/attribution/<part>/`: the same wiki with no extension, and
//! with each extension alone) that tell which extension adds what.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use mwtyped_spec::{CORE_PART, ExtensionInfo, ParamInfo, Provenance, Spec, normalise};
use serde_json::Value;

use crate::files;
use crate::patches::{self, PatchRecord};
use crate::regen;
use crate::wiki::{self, ExtensionSet, MwVersion, WikiSpec};

#[derive(Args)]
pub struct FetchArgs {
    /// The api.php to capture, e.g. http://127.0.0.1:8139/api.php.
    #[arg(long, required_unless_present = "local", conflicts_with = "local")]
    api: Option<String>,
    /// The capture's name: its folder under specs/ (default with --local: mediawiki-X.Y).
    #[arg(long, required_unless_present = "local")]
    name: Option<String>,
    /// Store the answer as attribution part PART of the capture (paraminfo only).
    #[arg(long, requires = "api")]
    part: Option<String>,
    /// Capture the local test wiki of this version, with its attribution parts
    /// (starts and stops the wikis it needs).
    #[arg(long)]
    local: Option<MwVersion>,
    /// Where the captures live (default: the workspace's specs/).
    #[arg(long)]
    specs_dir: Option<PathBuf>,
    /// Write one normalised spec file here instead of a capture folder: what the macro
    /// `mwtyped::api_from_spec!` reads in a crate of your own.
    #[arg(long, requires = "api", conflicts_with_all = ["part", "specs_dir"])]
    spec_file: Option<PathBuf>,
}

/// What one capture writes: a folder and its files.
pub struct Capture {
    pub dir: PathBuf,
    pub files: Vec<(String, Vec<u8>)>,
    pub requests: usize,
    pub provenance: Provenance,
    /// How many modules paraminfo described.
    pub modules: usize,
}

impl Capture {
    /// Replaces the capture's folder by the fetched files, atomically.
    pub fn write(&self) -> Result<()> {
        files::replace_dir(&self.dir, &self.files)
    }
}

/// The recursive help page and paraminfo with HTML help text make the main capture; a spec
/// file needs the help text but not the page (only paraminfo is normalised); an attribution
/// part needs only the names, so it asks for no help text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Main,
    Spec,
    Part,
}

pub fn run(args: FetchArgs) -> Result<()> {
    let specs = args
        .specs_dir
        .unwrap_or_else(|| files::workspace_root().join("specs"));
    let started = Instant::now();
    if let (Some(file), Some(api)) = (&args.spec_file, &args.api) {
        let name = args.name.context("--name is required with --api")?;
        return write_spec_file(api, &name, file);
    }
    let (name, captures) = match (args.local, args.api) {
        (Some(version), _) => {
            let name = args.name.unwrap_or_else(|| format!("mediawiki-{version}"));
            let captures = fetch_local(version, &specs.join(&name))?;
            (name, captures)
        }
        (None, Some(api)) => {
            let name = args.name.context("--name is required with --api")?;
            let dir = match &args.part {
                Some(part) => specs.join(&name).join("attribution").join(part),
                None => specs.join(&name).join("raw"),
            };
            let kind = if args.part.is_some() {
                Kind::Part
            } else {
                Kind::Main
            };
            (name, vec![fetch(&api, dir, kind)?])
        }
        (None, None) => bail!("give --api URL --name NAME, or --local VERSION"),
    };
    // Written only now that every answer is in and checked.
    if args.part.is_some() {
        captures.iter().try_for_each(Capture::write)?;
    } else if let Some(step) = write_capture(&specs.join(&name), &name, &captures)? {
        println!(
            "recorded the patch step {} → {} in {}",
            step.from,
            step.to,
            files::display(&specs.join(&name).join(patches::FILE))
        );
    }
    let requests: usize = captures.iter().map(|c| c.requests).sum();
    for capture in &captures {
        println!("wrote {}", files::display(&capture.dir));
    }
    eprintln!(
        "{requests} requests in {:.1} s; run `cargo xtask regen` to update the specs",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Writes the fetched parts of the capture in `dir`. When they replace a capture of an older
/// patch release of the same version, records the step (see [`patches`]) and returns it.
pub fn write_capture(dir: &Path, name: &str, captures: &[Capture]) -> Result<Option<PatchRecord>> {
    let old = if dir.join("raw/provenance.json").is_file() {
        match regen::load_capture(dir, name) {
            Ok(old) => Some(old.spec),
            Err(e) => {
                eprintln!("the previous capture cannot be read ({e:#}): no patch step recorded");
                None
            }
        }
    } else {
        None
    };
    captures.iter().try_for_each(Capture::write)?;
    match old {
        Some(old) => patches::record(dir, &old, &regen::load_capture(dir, name)?.spec),
        None => Ok(None),
    }
}

/// `fetch --api URL --name NAME --spec-file FILE`: one api.php, normalised into one spec file
/// for a crate of the user's own. With no attribution parts, each module's origin is the
/// `source` paraminfo gives it and its parameters follow the module.
fn write_spec_file(api: &str, name: &str, file: &Path) -> Result<()> {
    let started = Instant::now();
    let spec = spec_of(api, name, Kind::Spec)?;
    files::write_atomic(file, spec.to_json().as_bytes())?;
    println!(
        "wrote {} ({} modules)",
        files::display(file),
        spec.modules.len()
    );
    eprintln!(
        "in {:.1} s; `mwtyped::api_from_spec!(\"…\")` in your crate turns it into typed structs",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The normalised spec of a live api.php, in memory, without attribution parts (nothing is
/// written; `Kind::Part` leaves out the help texts).
pub fn spec_of(api: &str, name: &str, kind: Kind) -> Result<Spec> {
    let capture = fetch(api, PathBuf::from(name), kind)?;
    let paraminfo = capture
        .files
        .iter()
        .find(|(file, _)| file == "paraminfo.json")
        .context("the capture has no paraminfo")?;
    let paraminfo = ParamInfo::parse(
        &format!("{api} paraminfo"),
        &String::from_utf8_lossy(&paraminfo.1),
    )?;
    let (mut spec, findings) = normalise(name, &capture.provenance, paraminfo, &[]);
    if kind == Kind::Spec {
        mark_as_committed(&mut spec)?;
    }
    if !findings.is_empty() {
        eprintln!(
            "{} finding(s) in {api}: keys or types the model does not know are kept as they are",
            findings.len()
        );
    }
    Ok(spec)
}

/// A wiki's own spec file has no capture under another configuration: its parameters whose
/// values the committed captures found configuration-dependent are marked as there.
fn mark_as_committed(spec: &mut Spec) -> Result<()> {
    let mut marked = std::collections::HashSet::new();
    for capture in mwtyped_spec::CAPTURES {
        for module in capture.spec()?.modules {
            for param in module.all_parameters().filter(|p| p.wiki_values) {
                marked.insert((module.path.clone(), param.name.clone()));
            }
        }
    }
    for module in &mut spec.modules {
        for param in module
            .parameters
            .iter_mut()
            .chain(module.templatedparameters.iter_mut())
        {
            if marked.contains(&(module.path.clone(), param.name.clone())) {
                param.wiki_values = true;
            }
        }
    }
    Ok(())
}

/// Captures one api.php into memory. Fails, writing nothing, on any HTTP error, API error,
/// or answer that does not parse.
pub fn fetch(api: &str, dir: PathBuf, kind: Kind) -> Result<Capture> {
    let client = reqwest::blocking::Client::builder()
        .user_agent(concat!(
            "mwtyped-xtask/",
            env!("CARGO_PKG_VERSION"),
            " (capture of API descriptions)"
        ))
        .timeout(Duration::from_secs(300))
        .build()?;
    let progress = ProgressBar::new_spinner().with_style(
        ProgressStyle::with_template("{spinner} {prefix}: {msg} [{elapsed}]")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    progress.set_prefix(files::display(&dir));
    progress.enable_steady_tick(Duration::from_millis(120));

    let helpformat = match kind {
        Kind::Main | Kind::Spec => "html",
        Kind::Part => "none",
    };
    let siteinfo_query = "action=query&meta=siteinfo&siprop=general|extensions|namespaces|namespacealiases&format=json&formatversion=2";
    let paraminfo_query = format!(
        "action=paraminfo&modules=main|main%2B**&helpformat={helpformat}&format=json&formatversion=2"
    );
    let help_query = "action=help&modules=main&recursivesubmodules=1";

    progress.set_message("siteinfo");
    let siteinfo = get(&client, api, siteinfo_query)?;
    let site: Value = serde_json::from_slice(&siteinfo)
        .with_context(|| format!("{api}: the siteinfo answer is not JSON"))?;
    if let Some(error) = site.get("error") {
        bail!("{api}: siteinfo answered with API error {error}");
    }
    let generator = site["query"]["general"]["generator"]
        .as_str()
        .with_context(|| format!("{api}: siteinfo has no query.general.generator"))?
        .to_owned();

    progress.set_message(format!("paraminfo ({generator})"));
    let paraminfo = get(&client, api, &paraminfo_query)?;
    let text = String::from_utf8_lossy(&paraminfo);
    let parsed = ParamInfo::parse(&format!("{api} paraminfo"), &text)?;
    let mut requests = vec![siteinfo_query.to_owned(), paraminfo_query.clone()];

    let mut files = vec![];
    if kind == Kind::Main {
        progress.set_message(format!("help page ({} modules)", parsed.modules.len()));
        let help = get(&client, api, help_query)?;
        check_help_page(api, &help)?;
        requests.push(help_query.to_owned());
        files.push(("help.html".to_owned(), help));
        files.push(("siteinfo.json".to_owned(), siteinfo));
    }
    files.push(("paraminfo.json".to_owned(), paraminfo));

    let provenance = Provenance {
        api_url: api.to_owned(),
        generator,
        fetched: humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string(),
        extensions: extensions(&site),
        requests: requests.clone(),
        tool: concat!("mwtyped xtask fetch ", env!("CARGO_PKG_VERSION")).to_owned(),
    };
    let mut provenance_json = serde_json::to_string_pretty(&provenance)?;
    provenance_json.push('\n');
    files.push(("provenance.json".to_owned(), provenance_json.into_bytes()));
    progress.finish_and_clear();
    Ok(Capture {
        dir,
        files,
        requests: requests.len(),
        provenance,
        modules: parsed.modules.len(),
    })
}

fn get(client: &reqwest::blocking::Client, api: &str, query: &str) -> Result<Vec<u8>> {
    let url = format!("{api}?{query}");
    let response = client
        .get(&url)
        .send()
        .with_context(|| format!("GET {url}"))?;
    let status = response.status();
    if !status.is_success() {
        bail!("GET {url}: HTTP {status}");
    }
    // reqwest checks the body against Content-Length, so a cut-off answer is an error here.
    let body = response
        .bytes()
        .with_context(|| format!("GET {url}: reading the answer"))?;
    if body.is_empty() {
        bail!("GET {url}: empty answer");
    }
    Ok(body.to_vec())
}

/// A complete help page ends its document and holds module sections.
fn check_help_page(api: &str, page: &[u8]) -> Result<()> {
    let text = String::from_utf8_lossy(page);
    if !text.trim_end().ends_with("</html>") || !text.contains("apihelp-module-name") {
        bail!("{api}: the help page is incomplete or not an API help page");
    }
    Ok(())
}

fn extensions(site: &Value) -> Vec<ExtensionInfo> {
    let mut list: Vec<ExtensionInfo> = site["query"]["extensions"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| {
            Some(ExtensionInfo {
                name: e["name"].as_str()?.to_owned(),
                version: e["version"].as_str().map(str::to_owned),
            })
        })
        .collect();
    list.sort();
    list.dedup();
    list
}

/// The main capture of a local test wiki with every bundled extension, and its attribution
/// parts. Wikis this starts are stopped again; wikis already running are left running.
pub fn fetch_local(version: MwVersion, capture_dir: &Path) -> Result<Vec<Capture>> {
    let wiki_of = |extensions| WikiSpec {
        version,
        extensions,
        name: None,
        port: None,
    };
    // Each wiki, what the bar calls it, where its capture goes and what it holds.
    let mut wikis = vec![
        (
            wiki_of(ExtensionSet::All),
            "all extensions".to_owned(),
            capture_dir.join("raw"),
            Kind::Main,
        ),
        (
            wiki_of(ExtensionSet::None),
            CORE_PART.to_owned(),
            capture_dir.join("attribution").join(CORE_PART),
            Kind::Part,
        ),
    ];
    for ext in wiki::bundled_extensions(version)? {
        let dir = capture_dir.join("attribution").join(&ext);
        wikis.push((
            wiki_of(ExtensionSet::Only(vec![ext.clone()])),
            ext,
            dir,
            Kind::Part,
        ));
    }
    // The same wiki under another configuration: regen marks the parameters whose values moved.
    wikis.push((
        wiki::configured(version),
        wiki::CONFIGURED.to_owned(),
        capture_dir.join(CONFIGURATION_DIR).join(wiki::CONFIGURED),
        Kind::Part,
    ));
    let bar = ProgressBar::new(wikis.len() as u64).with_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} wikis of {prefix} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_prefix(version.to_string());
    let mut captures = vec![];
    for (spec, label, dir, kind) in wikis {
        bar.set_message(label);
        let was_running = wiki::running(&spec)?;
        let wiki = wiki::start(&spec)?;
        let result = fetch(&wiki.api_url(), dir, kind);
        if !was_running {
            wiki::stop(&wiki.name)?;
        }
        captures.push(result?);
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok(captures)
}

/// Where a capture keeps its captures under other configurations.
pub const CONFIGURATION_DIR: &str = "configuration";

#[cfg(test)]
pub mod tests;
