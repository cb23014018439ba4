//! `cargo xtask bench`: measurements side by side with a reference taken in the same run,
//! written into their own section of BENCHMARKS.md.

use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};

use crate::fetch::{self, Kind};
use crate::files;
use crate::wiki::{self, ExtensionSet, MwVersion, WikiSpec};

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
}

pub fn run(args: BenchArgs) -> Result<()> {
    match args.what {
        Bench::Fetch => bench_fetch(args.runs.max(1)),
    }
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn bench_fetch(runs: usize) -> Result<()> {
    let spec = WikiSpec {
        version: MwVersion::V1_39,
        extensions: ExtensionSet::All,
        name: None,
        port: None,
    };
    let was_running = wiki::running(&spec)?;
    let wiki = wiki::start(&spec)?;
    let api = wiki.api_url();
    let result = (|| {
        let tmp = tempfile::tempdir()?;
        // The reference: the same three requests, nothing else, by curl.
        let probe = fetch::fetch(&api, tmp.path().join("raw"), Kind::Main)?;
        let queries = probe.provenance.requests.clone();
        let mut curl = Command::new("curl");
        curl.arg("-sf");
        for query in &queries {
            curl.args(["-o", "/dev/null", &format!("{api}?{query}")]);
        }
        let (mut ours, mut theirs) = (vec![], vec![]);
        for _ in 0..runs {
            let start = Instant::now();
            let capture = fetch::fetch(&api, tmp.path().join("raw"), Kind::Main)?;
            capture.write()?;
            ours.push(start.elapsed());
            let start = Instant::now();
            let status = curl.status().context("running curl")?;
            theirs.push(start.elapsed());
            if !status.success() {
                bail!("curl failed: {status}");
            }
        }
        let bytes: usize = probe.files.iter().map(|(_, b)| b.len()).sum();
        Ok(format!(
            "A full capture of the local MediaWiki {version} wiki with every bundled extension \
             ({modules} modules, {kib} KiB), median of {runs} runs, both sides in one run.\n\n\
             | | HTTP requests | seconds |\n|---|---:|---:|\n\
             | `cargo xtask fetch` (fetch, check, write atomically) | {n} | {ours:.3} |\n\
             | the minimum: the same requests by `curl`, nothing checked or written | {n} | {theirs:.3} |\n\n\
             Three requests is the fewest MediaWiki allows for this content: siteinfo \
             (`action=query`), paraminfo (`action=paraminfo`, one request for every module via \
             `modules=main|main+**`) and the help page (`action=help`) are three different actions.\n\n\
             Reproduce: `cargo xtask bench fetch --runs {runs}`\n",
            version = probe.provenance.mediawiki_version(),
            modules = probe.modules,
            kib = bytes / 1024,
            n = queries.len(),
            ours = median(ours).as_secs_f64(),
            theirs = median(theirs).as_secs_f64(),
        ))
    })();
    if !was_running {
        wiki::stop(&wiki.name)?;
    }
    let section = result?;
    print!("{section}");
    write_section("fetch", &section)
}

/// Replaces the section `name` of BENCHMARKS.md (between its markers), or appends it.
fn write_section(name: &str, body: &str) -> Result<()> {
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
        _ => format!("{}\n{block}\n", old.trim_end_matches('\n').to_owned() + "\n"),
    };
    files::write_atomic(&path, new.as_bytes())?;
    eprintln!("wrote {}", files::display(&path));
    Ok(())
}
