//! `cargo xtask bench fetch`: a full capture against the same requests made by curl.

use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result, bail};

use super::{median, write_section};
use crate::fetch::{self, Kind};
use crate::wiki::{self, ExtensionSet, MwVersion, WikiSpec};

pub(super) fn bench(runs: usize) -> Result<()> {
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
