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
    // Cargo verifies each package against the others as crates of a local registry, and
    // takes a registry crate's name and version for its contents: it extracts one once (under
    // `CARGO_HOME/registry/src/`) and compiles one once. After a change to `mwtyped-spec`,
    // `mwtyped-codegen` would be verified against the last run's. Both go first: the
    // extracted sources, and the compiled packages, which are built in a target folder of
    // their own so that cleaning them leaves the workspace's build alone.
    forget_extracted_packages()?;
    let target = files::workspace_root().join("target/package-check");
    let target = target.to_string_lossy();
    let mut clean = vec!["clean", "--target-dir", &target];
    let mut package = vec!["package", "--allow-dirty", "--target-dir", &target];
    for name in CRATES {
        clean.extend(["-p", name]);
        package.extend(["-p", name]);
    }
    crate::cargo::run(&clean, &[])?;
    // `--allow-dirty`: what is checked is the package, not whether its sources are committed.
    crate::cargo::run(&package, &[])?;
    let dir = files::workspace_root().join("target/package-check/package");
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

/// Removes the packages' sources that cargo extracted from its local registry on a last run.
/// A local registry's folder there has no host name (`-14cd1cce6819ff87`), so the registry's
/// own crates are never touched.
fn forget_extracted_packages() -> Result<()> {
    let home = match std::env::var_os("CARGO_HOME") {
        Some(home) => std::path::PathBuf::from(home),
        None => {
            std::path::PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo")
        }
    };
    let Ok(registries) = std::fs::read_dir(home.join("registry/src")) else {
        return Ok(());
    };
    for registry in registries.flatten() {
        if !registry.file_name().to_string_lossy().starts_with('-') {
            continue;
        }
        for name in CRATES {
            let extracted = registry
                .path()
                .join(format!("{name}-{}", env!("CARGO_PKG_VERSION")));
            if extracted.exists() {
                std::fs::remove_dir_all(&extracted)
                    .with_context(|| format!("removing {}", extracted.display()))?;
            }
        }
    }
    Ok(())
}
