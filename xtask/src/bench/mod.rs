//! `cargo xtask bench`: measurements side by side with a reference taken in the same run,
//! written into their own section of BENCHMARKS.md.

mod build;
mod decode;
mod encode;
mod fetch;
mod fuzz;
mod login;
mod pages;
mod scrape;
mod upload;

use std::time::Duration;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};

use crate::files;

#[derive(Args)]
pub struct BenchArgs {
    /// What to measure.
    what: Bench,
    /// Runs of each side; the median is reported.
    #[arg(long, default_value_t = 7)]
    runs: usize,
}

#[derive(Clone, Copy, ValueEnum)]
enum Bench {
    /// A full `fetch` of the local 1.39 wiki against the same requests made by curl.
    Fetch,
    /// Encoding typical requests through the generated structs against hand-written pairs
    /// (criterion).
    Encode,
    /// Clean builds of mwtyped (one version, core only and every extension) against a crate
    /// using the untyped client `mwapi` 0.7 for the same job; the macro's expansion time.
    Build,
    /// Reading the committed recursive help pages against `scraper` alone parsing them.
    Scrape,
    /// Logins through the mwtyped client (a main account, a bot password) against the same
    /// requests by curl and a bot-password login by `mwapi` 0.7.
    Login,
    /// A 20 MiB chunked upload through the mwtyped client against curl sending the same
    /// chunks: time and peak memory.
    Upload,
    /// Decoding large query answers into the typed answer against `serde_json::Value`
    /// (criterion).
    Decode,
    /// The wikitext of 2,000 seeded pages through the typed page stream against pywikibot's
    /// preloading generator and mwclient: requests and wall time.
    Pages,
    /// A long fuzz run of the help-page reader (`--runs` times the inputs of a test run).
    Fuzz,
}

pub fn run(args: BenchArgs) -> Result<()> {
    match args.what {
        Bench::Fetch => fetch::bench(args.runs.max(1)),
        Bench::Encode => encode::bench(),
        Bench::Decode => decode::bench(),
        Bench::Build => build::bench(args.runs.max(1)),
        Bench::Scrape => scrape::bench(args.runs.max(1)),
        Bench::Login => login::bench(args.runs.max(1)),
        Bench::Pages => pages::bench(args.runs.max(1)),
        Bench::Upload => upload::bench(args.runs.max(1)),
        Bench::Fuzz => fuzz::bench(args.runs.max(1)),
    }
}

/// The median, in nanoseconds, criterion recorded for the bench `id` of its last run.
pub(super) fn criterion_median_ns(id: &str) -> Result<f64> {
    let path = files::workspace_root()
        .join("target/criterion")
        .join(id)
        .join("new/estimates.json");
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("{} is not JSON", path.display()))?;
    json["median"]["point_estimate"]
        .as_f64()
        .with_context(|| format!("{}: no median", path.display()))
}

pub(super) fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// Replaces the section `name` of BENCHMARKS.md (between its markers), or appends it.
pub(super) fn write_section(name: &str, body: &str) -> Result<()> {
    let path = files::workspace_root().join("BENCHMARKS.md");
    let old = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        "# Benchmarks\n\nEach section is written by the command it names; do not edit by hand.\n"
            .to_owned()
    });
    let (open, close) = (
        format!("<!-- bench:{name} -->"),
        format!("<!-- /bench:{name} -->"),
    );
    let block = format!("{open}\n## {name}\n\n{body}{close}");
    let new = match (old.find(&open), old.find(&close)) {
        (Some(start), Some(end)) if end > start => {
            format!("{}{block}{}", &old[..start], &old[end + close.len()..])
        }
        _ => format!(
            "{}\n{block}\n",
            old.trim_end_matches('\n').to_owned() + "\n"
        ),
    };
    files::write_atomic(&path, new.as_bytes())?;
    eprintln!("wrote {}", files::display(&path));
    Ok(())
}

/// Runs `measure` with the local 1.43 wiki up (started for it, and stopped after, unless it
/// was running), given the environment a bench of the bindings reads: the api.php, a bot
/// password with an editing bot's grants, and the number of runs.
fn on_the_wiki<T>(
    name: &str,
    runs: usize,
    measure: impl FnOnce(&[(String, String)], &crate::wiki::Wiki) -> Result<T>,
) -> Result<T> {
    use crate::wiki::{self, BOT_OWNER, BOT_PASSWORDS, ExtensionSet, MwVersion, WikiSpec};
    let spec = WikiSpec {
        version: MwVersion::V1_43,
        extensions: ExtensionSet::All,
        name: None,
        port: None,
    };
    let was_running = wiki::running(&spec)?;
    let wiki = wiki::start(&spec)?;
    let (app, _, password) = BOT_PASSWORDS[0];
    let env = [
        ("MWTYPED_BENCH_API", wiki.api_url()),
        ("MWTYPED_BENCH_RUNS", runs.to_string()),
        ("MWTYPED_BENCH_BOT_USER", format!("{}@{app}", BOT_OWNER.0)),
        ("MWTYPED_BENCH_BOT_PASSWORD", password.to_owned()),
    ]
    .map(|(k, v)| (k.to_owned(), v));
    let result = measure(&env, &wiki).with_context(|| format!("the {name} bench"));
    if !was_running {
        wiki::stop(&wiki.name)?;
    }
    result
}

/// Runs `bindings/benches/{bench}.rs` (release, with the blocking client) with `env`; its
/// standard output.
fn run_bindings_bench(bench: &str, env: &[(String, String)]) -> Result<String> {
    let output = crate::cargo::command()
        .args([
            "bench",
            "-p",
            "mwtyped",
            "--features",
            "blocking",
            "--bench",
            bench,
        ])
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .output()
        .context("running cargo bench")?;
    if !output.status.success() {
        anyhow::bail!(
            "cargo bench --bench {bench} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The `N` fields after `tag` on the line of `output` that begins with it.
fn result_line<'o, const N: usize>(output: &'o str, tag: &str) -> Result<[&'o str; N]> {
    let fields: Vec<&str> = output
        .lines()
        .find_map(|l| l.strip_prefix(tag)?.strip_prefix(' '))
        .with_context(|| format!("no `{tag}` result line in: {output}"))?
        .split_whitespace()
        .collect();
    fields
        .try_into()
        .map_err(|fields| anyhow::anyhow!("`{tag}` printed {fields:?}, not {N} fields"))
}

/// How many api.php requests the server of `wiki` has answered so far (its `php -S` log).
fn api_requests_served(wiki: &crate::wiki::Wiki) -> Result<usize> {
    let log = wiki.dir.join("server.log");
    let text =
        std::fs::read_to_string(&log).with_context(|| format!("reading {}", log.display()))?;
    Ok(text
        .lines()
        .filter(|l| l.contains("]: GET /api.php") || l.contains("]: POST /api.php"))
        .count())
}
