//! `cargo xtask bench build`: clean builds against the mwapi reference, and one version's
//! cost inside rustc.

use std::time::Instant;

use anyhow::{Context, Result, bail};

use super::{median, write_section};
use crate::files;

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
/// folder: mwtyped core only, mwtyped with every extension, and the mwapi reference; `runs`
/// rounds of the three in turn, each side's fastest round reported (a build on two cores
/// varies by a tenth from one run to the next, and only ever upwards: other work on the
/// machine, the disk).
pub(super) fn bench(runs: usize) -> Result<()> {
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
    let mut fastest: Vec<f64> = vec![f64::INFINITY; sides.len()];
    for round in 0..runs {
        for (side, (label, dir, dependency, main)) in sides.iter().enumerate() {
            let seconds = clean_build(&base.join(dir), dependency, main)?;
            eprintln!("round {}: {label}: {seconds:.1} s", round + 1);
            fastest[side] = fastest[side].min(seconds);
        }
    }
    let rows: Vec<(&&str, f64)> = sides.iter().map(|s| &s.0).zip(fastest).collect();
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
        "Clean builds, each in a fresh target folder, of a small binary that builds the \
         parameters of one edit, the three sides in turn, {runs} rounds in one run, each side's \
         fastest round (a clean build on two cores varies by a tenth between runs): through mwtyped, and by hand with the \
         untyped client `mwapi` 0.7 as the reference, and makes the client's builder. Downloads \
         are excluded. Incremental compilation is off (`CARGO_INCREMENTAL=0`), as for a \
         dependency from the registry: mwtyped is a path dependency here, which cargo would \
         otherwise build incrementally. Both build an HTTP client (reqwest, tokio); mwtyped also expands the \
         typed parameters and answers of every module of the version.\n\n{table}\n\
         The macro's own work for one version (parse the embedded 1.43 spec, generate every \
         module's tokens; debug build, median of 5): {expansion:.2} s. Inside rustc, `cargo \
         check` of the mwtyped crate alone (its dependencies already built) takes {bare:.1} s \
         with no version and {one_version:.1} s with 1.43: one version's expansion and type \
         checking cost {:.1} s.\n\n\
         Reproduce: `cargo xtask bench build --runs {runs}`\n",
        one_version - bare
    );
    print!("{section}");
    write_section("build", &section)
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

/// One clean build of a small crate at `krate` depending on `dependency`: its seconds,
/// downloads excluded.
fn clean_build(krate: &std::path::Path, dependency: &str, main: &str) -> Result<f64> {
    let dir = krate.file_name().unwrap_or_default().to_string_lossy();
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
        .current_dir(krate)
        .arg("fetch")
        .status()
        .context("running cargo fetch")?;
    if !fetched.success() {
        bail!("cargo fetch failed in {}", krate.display());
    }
    let start = Instant::now();
    let built = crate::cargo::command()
        .current_dir(krate)
        .args(["build", "--offline"])
        .env("CARGO_TARGET_DIR", &target)
        // A path dependency builds incrementally, one from the registry never: without this,
        // mwtyped (a path here) would pay for writing incremental caches that a user's build
        // of it does not (3 s of its 15). The same for every side.
        .env("CARGO_INCREMENTAL", "0")
        .status()
        .context("running cargo build")?;
    let seconds = start.elapsed().as_secs_f64();
    if !built.success() {
        bail!("cargo build failed in {}", krate.display());
    }
    Ok(seconds)
}
