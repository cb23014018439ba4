//! `cargo xtask bench pages`: the wikitext of 2,000 seeded pages read through mwtyped's typed
//! page stream, against pywikibot's preloading generator and mwclient, on the local 1.43 wiki:
//! HTTP requests sent and wall time, every side anonymous, in one run.

use anyhow::{Context, Result, bail};

use super::{api_requests_served, on_the_wiki, result_line, write_section};
use crate::answers::session::Session;
use crate::files;

/// The category the seed fills, and how many pages it holds.
const CATEGORY: &str = "Category:Mwtyped bench pages";
const PAGES: usize = 2000;
/// The peers, from the Python package registry into a virtual environment of the bench.
const PEERS: &[&str] = &["pywikibot", "mwclient"];
const PEERS_SCRIPT: &str = include_str!("pages_peers.py");

pub(super) fn bench(runs: usize) -> Result<()> {
    let rows = on_the_wiki("pages", runs, |env, wiki| {
        seed(&wiki.api_url())?;
        let mut env = env.to_vec();
        env.push(("MWTYPED_BENCH_CATEGORY".into(), CATEGORY.into()));
        let python = peers_installed()?;
        // Built before the count starts: building sends no request.
        super::run_bindings_bench("pages", &[])?;
        let mut rows = vec![];
        for side in ["mwtyped", "pywikibot", "mwclient"] {
            let before = api_requests_served(wiki)?;
            let output = match side {
                "mwtyped" => super::run_bindings_bench("pages", &env)?,
                peer => run_peer(&python, peer, &wiki.api_url(), runs)?,
            };
            let requests = (api_requests_served(wiki)? - before) as f64 / runs as f64;
            let tag = if side == "mwtyped" { "pages" } else { side };
            let [ms, pages, bytes, _] = result_line(&output, tag)?;
            if pages != PAGES.to_string() {
                bail!("{side} read {pages} pages of {PAGES}");
            }
            rows.push((side, requests, ms.to_owned(), bytes.to_owned()));
        }
        Ok(rows)
    })?;
    let mut table = String::from(
        "| | HTTP requests | seconds | bytes of wikitext read |\n|---|---:|---:|---:|\n",
    );
    let labels = [
        "mwtyped: `Client::pages`, `generator=categorymembers` with `prop=revisions`",
        "pywikibot: `PreloadingGenerator(category.members())`",
        "mwclient: `site.categories[…]`, then `page.text()` for each",
    ];
    for ((_, requests, ms, bytes), label) in rows.iter().zip(labels) {
        let seconds = ms.parse::<f64>().unwrap_or_default() / 1000.0;
        table.push_str(&format!(
            "| {label} | {requests:.0} | {seconds:.2} | {bytes} |\n"
        ));
    }
    let section = format!(
        "The wikitext of {PAGES} pages of one category on the local MediaWiki 1.43 wiki (seeded \
         by the bench), read anonymously, each side in turn in one run, median of {runs} runs; \
         requests counted in the wiki's server log. MediaWiki sends the content of at most 50 \
         pages a request to a client without high limits, so {} requests is the fewest it \
         allows; mwtyped's stream asks `gcmlimit=max` and merges each page's content from the \
         batches it comes in.\n\n{table}\nReproduce: `cargo xtask bench pages --runs {runs}`\n",
        PAGES / 50
    );
    print!("{section}");
    write_section("pages", &section)
}

/// Makes sure the category holds its pages (an edit each, once per wiki: later runs find
/// them).
fn seed(api: &str) -> Result<()> {
    let mut admin = Session::new(api)?;
    admin.login(crate::wiki::ADMIN_USER, crate::wiki::ADMIN_PASSWORD)?;
    let info = admin.call(&[
        ("action", "query"),
        ("prop", "categoryinfo"),
        ("titles", CATEGORY),
    ])?;
    let held = info
        .pointer("/query/pages/0/categoryinfo/pages")
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(0) as usize;
    if held >= PAGES {
        return Ok(());
    }
    let progress = indicatif::ProgressBar::new(PAGES as u64).with_message("seeding pages");
    for i in 0..PAGES {
        let title = format!("Mwtyped bench page {i:04}");
        // Some text of a real page's size, different on each.
        let text = format!(
            "Page {i} of the bench. {}\n\n[[{CATEGORY}]]",
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(20 + i % 40)
        );
        crate::answers::seed::edit(&mut admin, &title, &text)?;
        progress.inc(1);
    }
    progress.finish_and_clear();
    Ok(())
}

/// A virtual environment under `target/bench-build/py` with the peers installed (once);
/// its python.
fn peers_installed() -> Result<std::path::PathBuf> {
    let dir = files::workspace_root().join("target/bench-build/py");
    let python = dir.join("venv/bin/python");
    if !python.exists() {
        let made = std::process::Command::new("python3")
            .args(["-m", "venv"])
            .arg(dir.join("venv"))
            .status()
            .context("running python3 -m venv")?;
        if !made.success() {
            bail!("python3 -m venv failed");
        }
    }
    let installed = std::process::Command::new(&python)
        .args(["-m", "pip", "install", "--quiet"])
        .args(PEERS)
        .status()
        .context("running pip")?;
    if !installed.success() {
        bail!("pip install {} failed", PEERS.join(" "));
    }
    files::write_atomic(&dir.join("pages.py"), PEERS_SCRIPT.as_bytes())?;
    Ok(python)
}

fn run_peer(python: &std::path::Path, peer: &str, api: &str, runs: usize) -> Result<String> {
    let dir = files::workspace_root().join("target/bench-build/py");
    let output = std::process::Command::new(python)
        .arg(dir.join("pages.py"))
        .args([peer, api, CATEGORY, &runs.to_string()])
        // pywikibot without a user-config.py of its own, its files in the bench's folder.
        .env("PYWIKIBOT_NO_USER_CONFIG", "1")
        .env("PYWIKIBOT_DIR", &dir)
        .current_dir(&dir)
        .output()
        .with_context(|| format!("running the {peer} side"))?;
    if !output.status.success() {
        bail!(
            "the {peer} side failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}
