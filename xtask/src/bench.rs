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
    /// Encoding typical requests through the generated structs against hand-written pairs
    /// (criterion).
    Encode,
    /// Clean builds of mwtyped (one version, core only and every extension) against a crate
    /// using the untyped client `mwapi` 0.7 for the same job; the macro's expansion time.
    Build,
    /// Reading the committed recursive help pages against `scraper` alone parsing them.
    Scrape,
    /// A full login PASS through the mwtyped client against the same two requests by curl.
    Login,
    /// A long fuzz run of the help-page reader (`--runs` times the inputs of a test run).
    Fuzz,
}

pub fn run(args: BenchArgs) -> Result<()> {
    match args.what {
        Bench::Fetch => bench_fetch(args.runs.max(1)),
        Bench::Encode => bench_encode(),
        Bench::Build => bench_build(),
        Bench::Scrape => bench_scrape(args.runs.max(1)),
        Bench::Login => bench_login(args.runs.max(1)),
        Bench::Fuzz => bench_fuzz(args.runs.max(1)),
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

/// `cargo xtask scrape` on the recursive help page of every module of each committed capture,
/// side by side with the reference: `scraper` parsing the same document and nothing else.
fn bench_scrape(runs: usize) -> Result<()> {
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

/// Runs `bindings/benches/login.rs` against the local 1.43 wiki and records its medians.
fn bench_login(runs: usize) -> Result<()> {
    let spec = WikiSpec {
        version: MwVersion::V1_43,
        extensions: ExtensionSet::All,
        name: None,
        port: None,
    };
    let was_running = wiki::running(&spec)?;
    let wiki = wiki::start(&spec)?;
    let output = crate::cargo::command()
        .args([
            "bench",
            "-p",
            "mwtyped",
            "--features",
            "blocking",
            "--bench",
            "login",
        ])
        .env("MWTYPED_BENCH_API", wiki.api_url())
        .env("MWTYPED_BENCH_RUNS", runs.to_string())
        .output()
        .context("running cargo bench");
    if !was_running {
        wiki::stop(&wiki.name)?;
    }
    let output = output?;
    if !output.status.success() {
        bail!(
            "cargo bench --bench login failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let fields: Vec<&str> = stdout
        .lines()
        .find_map(|l| l.strip_prefix("login "))
        .context("the login bench printed no result line")?
        .split_whitespace()
        .collect();
    let [ours, theirs, requests, runs] = fields[..] else {
        bail!("the login bench printed {fields:?}");
    };
    let section = format!(
        "A full login (`clientlogin` PASS, user and password) on the local MediaWiki 1.43 wiki \
         with every bundled extension, each from a fresh session, median of {runs} runs, both \
         sides in one run. curl's side is the same two requests (token and fields in one GET, \
         then the POST), a process each, the token read in between.\n\n\
         | | HTTP requests | ms |\n|---|---:|---:|\n\
         | `Client::login` (blocking client) | {requests} | {ours} |\n\
         | the same two requests by `curl` | 2 | {theirs} |\n\n\
         Reproduce: `cargo xtask bench login --runs {runs}`\n"
    );
    print!("{section}");
    write_section("login", &section)
}

/// The reader's fuzz tests with `scale` times their inputs (release build), and what ran.
fn bench_fuzz(scale: usize) -> Result<()> {
    let output = crate::cargo::command()
        .args([
            "test",
            "--release",
            "-p",
            "xtask",
            "scrape::tests::fuzz",
            "--",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env("MWTYPED_FUZZ_SCALE", scale.to_string())
        .output()
        .context("running the fuzz tests")?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        bail!("the fuzz tests failed:\n{stderr}");
    }
    let mut table = String::from("| inputs | ran | seconds | panics |\n|---|---:|---:|---:|\n");
    let mut total = 0u64;
    for line in stderr.lines().filter_map(|l| l.strip_prefix("fuzz ")) {
        // `damaged seed texts: 3000 inputs ran in 1.2 s, no panic`
        let (what, rest) = line.split_once(": ").context("a fuzz line without `:`")?;
        let words: Vec<&str> = rest.split_whitespace().collect();
        let (Some(ran), Some(seconds)) = (words.first(), words.get(4)) else {
            bail!("unexpected fuzz line {line:?}");
        };
        total += ran.parse::<u64>().context("the number of inputs")?;
        table.push_str(&format!("| {what} | {ran} | {seconds} | 0 |\n"));
    }
    if total == 0 {
        bail!("the fuzz tests printed no count:\n{stderr}");
    }
    let section = format!(
        "The help-page reader (`cargo xtask scrape`) fed generated inputs by proptest: arbitrary \
         bytes, the four seed texts cut, spliced and damaged, and a real HTML help page damaged \
         the same way. The property: a page or an error naming the input, never a panic. \
         Every `cargo xtask test` runs {base} inputs; this run, {scale} times as many \
         ({total} in all), release build.\n\n{table}\n\
         Reproduce: `cargo xtask bench fuzz --runs {scale}`\n",
        base = total / scale as u64,
    );
    print!("{section}");
    write_section("fuzz", &section)
}

/// `cargo check` of the mwtyped crate alone with no version and with 1.43 (its dependencies
/// built first, then only mwtyped cleaned before each timing), in a target folder of its own.
fn version_cost_in_rustc(target: &std::path::Path) -> Result<(f64, f64)> {
    let env = [("CARGO_TARGET_DIR".to_owned(), target.display().to_string())];
    let run = |args: &[&str]| -> Result<f64> {
        let start = Instant::now();
        crate::cargo::run(args, &env)?;
        Ok(start.elapsed().as_secs_f64())
    };
    let check = |features: &str| -> Result<f64> {
        run(&["clean", "-p", "mwtyped"])?;
        run(&[
            "check",
            "-p",
            "mwtyped",
            "--lib",
            "--no-default-features",
            "--features",
            features,
        ])
    };
    // The dependencies (the macros and the client's among them), built once and not timed.
    check("client,v1_43")?;
    Ok((check("client")?, check("client,v1_43")?))
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
        _ => format!(
            "{}\n{block}\n",
            old.trim_end_matches('\n').to_owned() + "\n"
        ),
    };
    files::write_atomic(&path, new.as_bytes())?;
    eprintln!("wrote {}", files::display(&path));
    Ok(())
}

/// Runs the criterion bench `bindings/benches/encode.rs` and records its medians.
fn bench_encode() -> Result<()> {
    let root = files::workspace_root();
    crate::cargo::run(&["bench", "-p", "mwtyped", "--bench", "encode"], &[])?;
    let median_ns = |id: &str| -> Result<f64> {
        let path = root
            .join("target/criterion")
            .join(id)
            .join("new/estimates.json");
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let json: serde_json::Value = serde_json::from_str(&text)
            .with_context(|| format!("{} is not JSON", path.display()))?;
        json["median"]["point_estimate"]
            .as_f64()
            .with_context(|| format!("{}: no median", path.display()))
    };
    let mut rows = String::new();
    for (request, what) in [
        (
            "edit",
            "`action=edit`: title, text, summary, two flags, a csrf token",
        ),
        (
            "query",
            "`action=query&prop=revisions`: three titles, four props, a limit, a timestamp",
        ),
    ] {
        let typed = median_ns(&format!("{request}_mwtyped"))?;
        let hand = median_ns(&format!("{request}_by hand"))?;
        rows.push_str(&format!(
            "| {what} | {typed:.0} ns | {hand:.0} ns | {:.2}× |\n",
            typed / hand
        ));
    }
    let section = format!(
        "Building the name/value pairs of a request, median of criterion's samples, both sides \
         in one run. \"By hand\" writes the same pairs as string literals (and joins the \
         multi-values), with no checks.\n\n\
         | request | mwtyped (struct built, encoded into a `Request`) | by hand (owned pairs) | ratio |\n|---|---:|---:|---:|\n\
         {rows}\nReproduce: `cargo xtask bench encode`\n"
    );
    print!("{section}");
    write_section("encode", &section)
}

/// The job every side of the build bench does: build the parameters of one edit.
const TYPED_MAIN: &str = r#"use mwtyped::ApiModule;

fn main() {
    let mut edit = mwtyped::v1_43::Edit::new(mwtyped::token::Token::new("+\\"));
    edit.title = Some("Project:Sandbox".into());
    edit.text = Some("Hello".into());
    println!("{:?}", edit.to_request().map(|r| r.params.len()));
    // The client's builder, as far as the reference goes too.
    let builder = mwtyped::Client::builder("http://127.0.0.1/api.php", "bench/0");
    println!("{}", std::mem::size_of_val(&builder));
}
"#;

const REFERENCE_MAIN: &str = r#"fn main() {
    let params: std::collections::HashMap<String, String> = [
        ("action", "edit"),
        ("title", "Project:Sandbox"),
        ("text", "Hello"),
        ("token", "+\\"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    // The client's builder is as far as one gets without a runtime and a server.
    let builder = mwapi::Client::builder("http://127.0.0.1/api.php");
    println!("{} {}", params.len(), std::mem::size_of_val(&builder));
}
"#;

/// Clean dev builds of three small crates, one after the other, each in a fresh target
/// folder: mwtyped core only, mwtyped with every extension, and the mwapi reference.
fn bench_build() -> Result<()> {
    let root = files::workspace_root();
    let base = root.join("target/bench-build");
    let bindings = root.join("bindings");
    let sides = [
        (
            "mwtyped, MediaWiki 1.43, core only, with the client (the default features)",
            "typed-core",
            format!("mwtyped = {{ path = {:?} }}", bindings),
            TYPED_MAIN,
        ),
        (
            "mwtyped, MediaWiki 1.43, every feature (`full`, `blocking`)",
            "typed-full",
            format!(
                "mwtyped = {{ path = {:?}, features = [\"full\", \"blocking\"] }}",
                bindings
            ),
            TYPED_MAIN,
        ),
        (
            "reference: `mwapi` 0.7 (untyped client), the same job by hand",
            "reference-mwapi",
            "mwapi = \"0.7\"".to_owned(),
            REFERENCE_MAIN,
        ),
    ];
    let mut rows = vec![];
    for (label, dir, dependency, main) in &sides {
        let krate = base.join(dir);
        let manifest = format!(
            "[package]\nname = \"bench-{dir}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\n{dependency}\n\n# Not part of mwtyped's workspace.\n[workspace]\n"
        );
        files::write_atomic(&krate.join("Cargo.toml"), manifest.as_bytes())?;
        files::write_atomic(&krate.join("src/main.rs"), main.as_bytes())?;
        let target = krate.join("target");
        if target.exists() {
            std::fs::remove_dir_all(&target)
                .with_context(|| format!("removing {}", target.display()))?;
        }
        // Downloads are not build time.
        let fetched = crate::cargo::command()
            .current_dir(&krate)
            .arg("fetch")
            .status()
            .context("running cargo fetch")?;
        if !fetched.success() {
            bail!("cargo fetch failed in {}", krate.display());
        }
        let start = Instant::now();
        let built = crate::cargo::command()
            .current_dir(&krate)
            .args(["build", "--offline"])
            .env("CARGO_TARGET_DIR", &target)
            .status()
            .context("running cargo build")?;
        let seconds = start.elapsed().as_secs_f64();
        if !built.success() {
            bail!("cargo build failed in {}", krate.display());
        }
        eprintln!("{label}: {seconds:.1} s");
        rows.push((label, seconds));
    }
    let reference = rows.last().map_or(1.0, |(_, s)| *s);

    // The macro's work for one version, without rustc around it: parse the embedded spec
    // and generate the tokens (what `api!` does at expansion), in this (debug) build.
    let capture = mwtyped_spec::capture("mediawiki-1.43").context("no 1.43 capture")?;
    let mut expansions = vec![];
    for _ in 0..5 {
        let start = Instant::now();
        let spec = capture.spec()?;
        let tokens = mwtyped_codegen::api(&spec, &mwtyped_codegen::Options::bindings());
        std::hint::black_box(tokens);
        expansions.push(start.elapsed());
    }
    let expansion = median(expansions).as_secs_f64();
    let (bare, one_version) = version_cost_in_rustc(&base.join("version-cost"))?;

    let mut table = String::from(
        "| clean `cargo build` (dev profile, 2 cores) | seconds | against the reference |\n|---|---:|---:|\n",
    );
    for (label, seconds) in &rows {
        table.push_str(&format!(
            "| {label} | {seconds:.1} | {:.2}× |\n",
            seconds / reference
        ));
    }
    let section = format!(
        "Clean builds, one after the other in one run, each in a fresh target folder, of a small \
         binary that builds the parameters of one edit: through mwtyped, and by hand with the \
         untyped client `mwapi` 0.7 as the reference, and makes the client's builder. Downloads \
         are excluded. Both build an HTTP client (reqwest, tokio); mwtyped also expands the \
         typed parameters of every module of the version.\n\n{table}\n\
         The macro's own work for one version (parse the embedded 1.43 spec, generate every \
         module's tokens; debug build, median of 5): {expansion:.2} s. Inside rustc, `cargo \
         check` of the mwtyped crate alone (its dependencies already built) takes {bare:.1} s \
         with no version and {one_version:.1} s with 1.43: one version's expansion and type \
         checking cost {:.1} s.\n\n\
         Reproduce: `cargo xtask bench build`\n",
        one_version - bare
    );
    print!("{section}");
    write_section("build", &section)
}
