//! `cargo xtask features`: every version and feature combination of `mwtyped` that a user
//! can pick compiles without a warning.
//!
//! The generated code puts each extension's items behind its own feature, so a mistake in
//! the gating (an item of one extension used by another's, a helper left unused when a
//! feature is off) only shows in some combinations. The full power set (2^27) is out of
//! reach; what is checked is each version alone, each version with each extension alone,
//! each version with everything, no version at all, and the client features on their own.
//! `clippy --all-features` in CI covers both versions together. Then the two crates of
//! `examples/additive`, which prove that turning a feature on breaks no other crate.

use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::Value;

#[derive(Args, Default)]
pub struct FeaturesArgs {
    /// Print each combination as it is checked.
    #[arg(long)]
    verbose: bool,
}

pub fn run(args: FeaturesArgs) -> Result<()> {
    let features = mwtyped_features()?;
    let combinations = combinations(&features);
    let progress = ProgressBar::new(combinations.len() as u64).with_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {msg} [{elapsed}]")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    progress.enable_steady_tick(Duration::from_millis(200));
    let started = Instant::now();
    let mut failed = vec![];
    for combination in &combinations {
        let shown = show(combination);
        progress.set_message(shown.clone());
        let warnings = check(combination)?;
        if args.verbose {
            progress.suspend(|| eprintln!("{shown}: {} warning line(s)", warnings.len()));
        }
        if !warnings.is_empty() {
            progress.suspend(|| eprintln!("{shown}:\n{}", warnings.join("\n")));
            failed.push(shown);
        }
        progress.inc(1);
    }
    progress.finish_and_clear();
    for package in ADDITIVE {
        let warnings = cargo_check(&["-p", package, "--all-targets"], package)?;
        if !warnings.is_empty() {
            eprintln!("{package}:\n{}", warnings.join("\n"));
            failed.push((*package).to_owned());
        }
    }
    eprintln!(
        "{} feature combinations of mwtyped and the {} crates of examples/additive checked in {:.0} s",
        combinations.len(),
        ADDITIVE.len(),
        started.elapsed().as_secs_f64()
    );
    if !failed.is_empty() {
        bail!(
            "{} combination(s) do not compile cleanly: {}",
            failed.len(),
            failed.join("; ")
        );
    }
    Ok(())
}

/// The features `mwtyped` declares, from `cargo metadata`.
fn mwtyped_features() -> Result<Vec<String>> {
    let output = crate::cargo::command()
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .output()
        .context("running cargo metadata")?;
    if !output.status.success() {
        bail!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let metadata: Value =
        serde_json::from_slice(&output.stdout).context("reading cargo metadata's answer")?;
    let package = metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["name"] == "mwtyped")
        .context("cargo metadata lists no package mwtyped")?;
    let mut features: Vec<String> = package["features"]
        .as_object()
        .context("mwtyped has no features table")?
        .keys()
        .cloned()
        .collect();
    features.sort();
    Ok(features)
}

/// The combinations checked, each a list of features on top of `--no-default-features`.
fn combinations(features: &[String]) -> Vec<Vec<String>> {
    let versions: Vec<&String> = features.iter().filter(|f| is_version(f)).collect();
    let extensions: Vec<&String> = features.iter().filter(|f| f.starts_with("ext-")).collect();
    let owned = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let mut out = vec![owned(&[]), owned(&["client"]), owned(&["blocking"])];
    for version in versions {
        out.push(vec![version.clone()]);
        out.push(vec![version.clone(), "client".into()]);
        out.push(vec![
            version.clone(),
            "full".into(),
            "blocking".into(),
            "testing".into(),
        ]);
        for extension in &extensions {
            out.push(vec![version.clone(), extension.to_string()]);
        }
    }
    out
}

/// `v1_39`, `v1_43`: a MediaWiki version's feature.
fn is_version(feature: &str) -> bool {
    feature.strip_prefix('v').is_some_and(|rest| {
        rest.contains('_') && rest.chars().all(|c| c.is_ascii_digit() || c == '_')
    })
}

fn show(combination: &[String]) -> String {
    if combination.is_empty() {
        "no features".into()
    } else {
        combination.join(",")
    }
}

/// Features are additive: a crate written without extension features (checked alone, with
/// its own features) and one turning them on for both (see `examples/additive/README.md`).
const ADDITIVE: &[&str] = &[
    "mwtyped-example-core-user",
    "mwtyped-example-extension-user",
];

/// `cargo check` of the library with these features; the warning lines it printed.
fn check(combination: &[String]) -> Result<Vec<String>> {
    let features = combination.join(",");
    let mut args = vec!["-p", "mwtyped", "--lib", "--no-default-features"];
    if !combination.is_empty() {
        args.extend(["--features", &features]);
    }
    cargo_check(&args, &show(combination))
}

/// `cargo check ARGS`, failing when it does; the warning lines it printed.
fn cargo_check(args: &[&str], shown: &str) -> Result<Vec<String>> {
    let output = crate::cargo::command()
        .arg("check")
        .args(args)
        .args(["--message-format", "short"])
        .output()
        .with_context(|| format!("running cargo check with {shown}"))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        bail!("cargo check with {shown} failed:\n{stderr}");
    }
    Ok(stderr
        .lines()
        .filter(|line| line.contains("warning"))
        .map(str::to_owned)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_extension_is_checked_with_every_version() {
        let features: Vec<String> = [
            "default", "blocking", "client", "ext-a", "ext-b", "full", "testing", "v1_39", "v1_43",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let shown: Vec<String> = combinations(&features).iter().map(|c| show(c)).collect();
        for expected in [
            "no features",
            "client",
            "blocking",
            "v1_39",
            "v1_43,client",
            "v1_39,ext-a",
            "v1_43,ext-b",
            "v1_43,full,blocking,testing",
        ] {
            assert!(
                shown.contains(&expected.to_string()),
                "{expected}: {shown:?}"
            );
        }
        assert_eq!(shown.len(), 3 + 2 * (3 + 2));
    }
}
