//! `cargo xtask package`: the crates users depend on, packaged as `cargo publish` would
//! package them (their answer recordings included) and built from those packages, as
//! `cargo publish` verifies them; each must stay under the registry's 10 MiB.

use anyhow::{Context, Result, ensure};

use crate::files;

/// The published crates, each after the crates it depends on.
const CRATES: &[&str] = &[
    "mwtyped-spec",
    "mwtyped-codegen",
    "mwtyped-macros",
    "mwtyped",
];

/// The most a crate may weigh on the registry.
const LIMIT: u64 = 10 * 1024 * 1024;

pub fn run() -> Result<()> {
    // `--allow-dirty`: what is checked is the package, not whether its sources are committed.
    let mut args = vec!["package", "--allow-dirty"];
    for name in CRATES {
        args.extend(["-p", name]);
    }
    crate::cargo::run(&args, &[])?;
    let dir = files::workspace_root().join("target/package");
    let mut too_big = vec![];
    for name in CRATES {
        // Every crate has the workspace's version, as xtask does.
        let path = dir.join(format!("{name}-{}.crate", env!("CARGO_PKG_VERSION")));
        let bytes = std::fs::metadata(&path)
            .with_context(|| format!("no package at {}", path.display()))?
            .len();
        let kib = bytes as f64 / 1024.0;
        println!("{name}: {kib:.0} KiB of {} KiB", LIMIT / 1024);
        if bytes > LIMIT {
            too_big.push(format!("{name} ({kib:.0} KiB)"));
        }
    }
    ensure!(
        too_big.is_empty(),
        "over the registry's 10 MiB: {}",
        too_big.join(", ")
    );
    Ok(())
}
