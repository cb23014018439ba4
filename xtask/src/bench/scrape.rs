//! `cargo xtask bench scrape`: the help-page reader against `scraper` alone.

use std::time::Instant;

use anyhow::{Context, Result};

use super::{median, write_section};
use crate::files;

/// `cargo xtask scrape` on the recursive help page of every module of each committed capture,
/// side by side with the reference: `scraper` parsing the same document and nothing else.
pub(super) fn bench(runs: usize) -> Result<()> {
    let mut rows = String::new();
    for version in ["1.39", "1.43"] {
        let path = files::workspace_root().join(format!("specs/mediawiki-{version}/raw/help.html"));
        let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        let text = std::str::from_utf8(&bytes).context("help.html is not UTF-8")?;
        let name = files::display(&path);
        let (mut parse, mut read) = (vec![], vec![]);
        let mut modules = 0;
        let mut parameters = 0;
        for _ in 0..runs {
            // Both sides build the document and free it: `read` drops its own at the end.
            let start = Instant::now();
            let doc = scraper::Html::parse_document(text);
            drop(doc);
            parse.push(start.elapsed());
            let start = Instant::now();
            let page = crate::scrape::read(&name, &bytes, &[])?;
            read.push(start.elapsed());
            modules = page.modules.len();
            parameters = page
                .modules
                .iter()
                .map(|m| m.module.all_parameters().count())
                .sum();
        }
        let (parse, read) = (median(parse).as_secs_f64(), median(read).as_secs_f64());
        rows.push_str(&format!(
            "| {version} | {kib} | {modules} | {parameters} | {parse:.3} | {read:.3} | {extra:+.0}% |\n",
            kib = bytes.len() / 1024,
            extra = (read / parse - 1.0) * 100.0,
        ));
    }
    let (profile, command) = if cfg!(debug_assertions) {
        ("debug", "cargo xtask")
    } else {
        ("release", "cargo run --release -p xtask --")
    };
    let section = format!(
        "Reading the recursive help page of every module (`raw/help.html` of each committed \
         capture, English) into the spec model, side by side in one run with `scraper` alone \
         parsing the same document (and freeing it, as the reader does); median of {runs} runs, \
         {profile} build.\n\n\
         | MediaWiki | KiB | modules | parameters | `scraper` parse (s) | `xtask scrape` read, parse included (s) | added by reading |\n\
         |---|---:|---:|---:|---:|---:|---:|\n{rows}\n\
         Reproduce: `{command} bench scrape --runs {runs}`\n"
    );
    print!("{section}");
    write_section("scrape", &section)
}
