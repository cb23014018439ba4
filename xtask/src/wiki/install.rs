//! MediaWiki's code. 1.39 is Debian bookworm's `mediawiki` package, installed with the
//! system's apt; 1.43 is Debian trixie's `mediawiki` and `mediawiki-classes`, fetched with a
//! private apt state (the system's is never touched) and unpacked under `target/mediawiki/`.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result, bail};

use super::{MwVersion, state, trixie};
use crate::files;

/// What MediaWiki needs from the system on either version (1.43's code needs them too).
const PHP_PACKAGES: &[&str] = &[
    "php-cli",
    "php-sqlite3",
    "php-intl",
    "php-mbstring",
    "php-xml",
    "php-gmp",
    "curl",
];

/// Another apt run (unattended upgrades, another job) may hold dpkg's lock for a while.
const LOCK_TIMEOUT: &str = "DPkg::Lock::Timeout=300";

/// Where bookworm's package puts the code.
const SYSTEM_MW: &str = "/usr/share/mediawiki";

/// The folder holding `api.php` for `version` (present or not).
pub fn mw_root(version: MwVersion) -> PathBuf {
    match version {
        MwVersion::V1_39 => PathBuf::from(SYSTEM_MW),
        MwVersion::V1_43 => trixie::tree(&mediawiki_dir()).join("usr/share/mediawiki"),
    }
}

/// `target/mediawiki/`: unpacked releases that are not the system's.
fn mediawiki_dir() -> PathBuf {
    files::workspace_root().join("target").join("mediawiki")
}

/// Makes sure `version`'s code and PHP are there (installing them when not); returns the
/// code's folder. Quick when everything is present.
pub fn ensure(version: MwVersion) -> Result<PathBuf> {
    // Two starts at once would both run apt (the second failing on dpkg's lock) or both fetch.
    let _lock = state::file_lock(&mediawiki_dir().join("install.lock"))?;
    let mut packages = PHP_PACKAGES.to_vec();
    if version == MwVersion::V1_39 {
        packages.insert(0, "mediawiki");
    }
    ensure_packages(&packages)?;
    if version == MwVersion::V1_43 {
        trixie::ensure(&mediawiki_dir())?;
    }
    let root = mw_root(version);
    if !root.join("api.php").is_file() {
        bail!(
            "{} has no api.php: the MediaWiki {version} install is broken",
            root.display()
        );
    }
    Ok(root)
}

/// The release in `includes/Defines.php` (`define( 'MW_VERSION', '1.39.17' );`).
pub fn mw_release(root: &Path) -> Result<String> {
    let path = root.join("includes/Defines.php");
    let text = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    text.lines()
        .find(|l| l.contains("'MW_VERSION'"))
        .and_then(|l| l.split('\'').nth(3))
        .map(str::to_owned)
        .with_context(|| format!("no MW_VERSION in {}", path.display()))
}

/// Installs the packages missing from `packages` with apt-get: as root only; otherwise says
/// which command to run.
fn ensure_packages(packages: &[&str]) -> Result<()> {
    let missing = missing_packages(packages)?;
    if missing.is_empty() {
        return Ok(());
    }
    let command = format!(
        "apt-get install -y --no-install-recommends {}",
        missing.join(" ")
    );
    if !is_root()? {
        bail!(
            "missing Debian packages {}: run `sudo {command}`",
            missing.join(", ")
        );
    }
    tracing::info!("installing {} with apt-get", missing.join(" "));
    let began = Instant::now();
    // A fresh machine (a CI container) has no package lists yet.
    run(
        Command::new("apt-get").args(["-o", LOCK_TIMEOUT, "update"]),
        "apt-get update",
    )?;
    run(
        Command::new("apt-get")
            .args([
                "-o",
                LOCK_TIMEOUT,
                "install",
                "-y",
                "--no-install-recommends",
            ])
            .args(&missing)
            .env("DEBIAN_FRONTEND", "noninteractive"),
        &command,
    )?;
    tracing::info!(
        "apt-get installed {} in {:.1} s",
        missing.join(" "),
        began.elapsed().as_secs_f64()
    );
    let still = missing_packages(packages)?;
    if !still.is_empty() {
        bail!("{command} left {} uninstalled", still.join(", "));
    }
    Ok(())
}

fn missing_packages(packages: &[&str]) -> Result<Vec<String>> {
    // One line per known package; unknown ones only on stderr (and exit status 1).
    let output = Command::new("dpkg-query")
        .args(["-W", "-f", "${Package} ${db:Status-Abbrev}\\n"])
        .args(packages)
        .stderr(Stdio::null())
        .output()
        .context("running dpkg-query (is this Debian?)")?;
    let listing = String::from_utf8_lossy(&output.stdout);
    let installed: Vec<&str> = listing
        .lines()
        .filter_map(|l| l.split_once(' '))
        .filter(|(_, status)| status.starts_with("ii"))
        .map(|(name, _)| name)
        .collect();
    Ok(packages
        .iter()
        .filter(|p| !installed.contains(p))
        .map(|p| p.to_string())
        .collect())
}

fn is_root() -> Result<bool> {
    let status = fs::read_to_string("/proc/self/status").context("reading /proc/self/status")?;
    // `Uid:` real, effective, saved, filesystem.
    let euid = status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .context("no Uid line in /proc/self/status")?;
    Ok(euid == "0")
}

/// Runs `cmd` with its output on our stderr (stdout is for results), failing on a bad exit.
pub fn run(cmd: &mut Command, what: &str) -> Result<()> {
    let stderr = std::io::stderr();
    let err = std::os::fd::AsFd::as_fd(&stderr)
        .try_clone_to_owned()
        .context("duplicating stderr")?;
    let status = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::from(err))
        .status()
        .with_context(|| format!("running {what}"))?;
    if !status.success() {
        bail!("{what} failed ({status})");
    }
    Ok(())
}

/// Runs `cmd` quietly (maintenance scripts print pages of progress): its output shows at
/// debug level, and its end in the error when it fails.
pub fn run_quiet(cmd: &mut Command, what: &str) -> Result<()> {
    let output = cmd
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("running {what}"))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    tracing::debug!("{what}:\n{text}");
    if !output.status.success() {
        let lines: Vec<&str> = text.lines().collect();
        bail!(
            "{what} failed ({}):\n{}",
            output.status,
            lines[lines.len().saturating_sub(40)..].join("\n")
        );
    }
    Ok(())
}

/// Removes `path` whatever it is; absent is fine.
pub fn remove_any(path: &Path) -> Result<()> {
    let result = match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    };
    result.with_context(|| format!("removing {}", path.display()))
}
