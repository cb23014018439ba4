//! MediaWiki 1.43 on bookworm: Debian trixie's `mediawiki` and `mediawiki-classes` are
//! `Architecture: all` and run on bookworm's PHP 8.2. They are fetched with a private apt
//! configuration (own sources, lists, cache and an empty dpkg status) so the system's apt state
//! never changes, then unpacked with `dpkg-deb -x` into `target/mediawiki/1.43/`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result, bail};

use super::install::{mw_release, remove_any, run};

const PACKAGES: &[&str] = &["mediawiki", "mediawiki-classes"];
/// bookworm's keyring already carries trixie's keys.
const KEYRING: &str = "/usr/share/keyrings/debian-archive-keyring.gpg";
/// Written last into the unpacked tree: a tree without it is a failed attempt.
const COMPLETE: &str = "mwtyped-complete";

pub fn tree(base: &Path) -> PathBuf {
    base.join("1.43")
}

/// Fetches and unpacks the packages unless a complete tree is there.
pub fn ensure(base: &Path) -> Result<()> {
    let dest = tree(base);
    if dest.join(COMPLETE).is_file() {
        return Ok(());
    }
    let began = Instant::now();
    fs::create_dir_all(base).with_context(|| format!("creating {}", base.display()))?;
    // Everything happens in a scratch folder beside the destination and is renamed into
    // place at the end: an interrupted run leaves nothing that looks complete.
    let staging = tempfile::Builder::new()
        .prefix(".1.43-")
        .tempdir_in(base)
        .with_context(|| format!("creating a temporary folder in {}", base.display()))?;
    let apt_config = write_apt_config(&staging.path().join("apt"))?;
    tracing::info!(
        "fetching Debian trixie's {} (private apt state)",
        PACKAGES.join(" and ")
    );
    run(
        Command::new("apt-get")
            .args(["-q", "update"])
            .env("APT_CONFIG", &apt_config),
        "apt-get update (private, trixie)",
    )?;
    let debs = staging.path().join("debs");
    fs::create_dir_all(&debs).with_context(|| format!("creating {}", debs.display()))?;
    run(
        Command::new("apt-get")
            .args(["-q", "download"])
            .args(PACKAGES)
            .current_dir(&debs)
            .env("APT_CONFIG", &apt_config),
        "apt-get download (private, trixie)",
    )?;
    let unpacked = staging.path().join("tree");
    let mut versions = String::new();
    for deb in deb_files(&debs)? {
        let fields = Command::new("dpkg-deb")
            .args(["-f"])
            .arg(&deb)
            .args(["Package", "Version"])
            .output()
            .with_context(|| format!("running dpkg-deb -f {}", deb.display()))?;
        versions.push_str(&String::from_utf8_lossy(&fields.stdout));
        run(
            Command::new("dpkg-deb").arg("-x").arg(&deb).arg(&unpacked),
            &format!("dpkg-deb -x {}", deb.display()),
        )?;
    }
    let root = unpacked.join("usr/share/mediawiki");
    fix_links(&root)?;
    let release = mw_release(&root)?;
    fs::write(unpacked.join(COMPLETE), &versions)
        .with_context(|| format!("writing {}", unpacked.join(COMPLETE).display()))?;
    if dest.join(COMPLETE).is_file() {
        // Another process finished first: its tree is as good as ours.
        return Ok(());
    }
    remove_any(&dest)?;
    fs::rename(&unpacked, &dest)
        .with_context(|| format!("moving the unpacked tree to {}", dest.display()))?;
    tracing::info!(
        "MediaWiki {release} ({}) unpacked into {} in {:.1} s",
        versions
            .lines()
            .filter_map(|l| l.split_once(": ").map(|(_, v)| v))
            .collect::<Vec<_>>()
            .join(" "),
        dest.display(),
        began.elapsed().as_secs_f64()
    );
    Ok(())
}

fn deb_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut debs: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("listing {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "deb"))
        .collect();
    debs.sort();
    if debs.len() != PACKAGES.len() {
        bail!(
            "apt-get download left {} .deb files in {}, expected {}",
            debs.len(),
            dir.display(),
            PACKAGES.len()
        );
    }
    Ok(debs)
}

/// Writes a private apt configuration under `dir`; returns the file for `APT_CONFIG`.
fn write_apt_config(dir: &Path) -> Result<PathBuf> {
    for sub in [
        "state/lists/partial",
        "cache/archives/partial",
        "log",
        "sources.list.d",
        "preferences.d",
    ] {
        let path = dir.join(sub);
        fs::create_dir_all(&path).with_context(|| format!("creating {}", path.display()))?;
    }
    let write = |name: &str, text: &str| -> Result<PathBuf> {
        let path = dir.join(name);
        fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
        Ok(path)
    };
    write("state/status", "")?;
    write("sources.list", "")?;
    write("sources.list.d/trixie.sources", &trixie_sources()?)?;
    // Read after the system's apt.conf.d (which is kept for its proxy and validity settings):
    // drop the hooks that would act on the system's cache, and indexes a download needs not.
    let late = write(
        "late.conf",
        "#clear APT::Update::Post-Invoke;\n\
         #clear APT::Update::Post-Invoke-Success;\n\
         #clear DPkg::Post-Invoke;\n\
         #clear Acquire::IndexTargets::deb::DEP-11;\n\
         Acquire::Languages \"none\";\n",
    )?;
    let d = dir.display();
    let config = format!(
        "Dir::State \"{d}/state/\";\n\
         Dir::State::status \"{d}/state/status\";\n\
         Dir::Cache \"{d}/cache/\";\n\
         Dir::Log \"{d}/log/\";\n\
         Dir::Etc::SourceList \"{d}/sources.list\";\n\
         Dir::Etc::SourceParts \"{d}/sources.list.d/\";\n\
         Dir::Etc::Preferences \"{d}/preferences\";\n\
         Dir::Etc::PreferencesParts \"{d}/preferences.d/\";\n\
         Dir::Etc::main \"{}\";\n\
         APT::Sandbox::User \"root\";\n",
        late.display()
    );
    write("apt.conf", &config)
}

/// A deb822 sources entry for trixie and trixie-security, on the mirrors the system uses
/// (read at run time, so no host name is written into this project).
fn trixie_sources() -> Result<String> {
    let mut entries: Vec<(String, String)> = vec![];
    let deb822 = Path::new("/etc/apt/sources.list.d/debian.sources");
    let one_line = Path::new("/etc/apt/sources.list");
    if deb822.is_file() {
        let text =
            fs::read_to_string(deb822).with_context(|| format!("reading {}", deb822.display()))?;
        entries.extend(parse_deb822(&text));
    }
    if one_line.is_file() {
        let text = fs::read_to_string(one_line)
            .with_context(|| format!("reading {}", one_line.display()))?;
        entries.extend(parse_one_line(&text));
    }
    let mut out = String::new();
    for (uris, suite) in &entries {
        let Some(suite) = trixie_suite(suite) else {
            continue;
        };
        out.push_str(&format!(
            "Types: deb\nURIs: {uris}\nSuites: {suite}\nComponents: main\nSigned-By: {KEYRING}\n\n"
        ));
    }
    if out.is_empty() {
        bail!(
            "no bookworm (or trixie) entry in {} or {} to derive trixie's sources from",
            deb822.display(),
            one_line.display()
        );
    }
    Ok(out)
}

/// The trixie suite standing for a system suite; updates and backports are not needed.
fn trixie_suite(suite: &str) -> Option<&'static str> {
    match suite {
        "bookworm" | "trixie" => Some("trixie"),
        "bookworm-security" | "trixie-security" => Some("trixie-security"),
        _ => None,
    }
}

/// (URIs, suite) of each enabled `Types: deb` stanza.
fn parse_deb822(text: &str) -> Vec<(String, String)> {
    let mut out = vec![];
    for stanza in text.split("\n\n") {
        let field = |key: &str| {
            stanza
                .lines()
                .filter(|l| !l.starts_with('#'))
                .find_map(|l| {
                    l.split_once(':')
                        .filter(|(k, _)| k.trim().eq_ignore_ascii_case(key))
                })
                .map(|(_, v)| v.trim().to_owned())
                .unwrap_or_default()
        };
        let is_deb = field("Types").split_whitespace().any(|t| t == "deb");
        if !is_deb || field("Enabled").eq_ignore_ascii_case("no") || field("URIs").is_empty() {
            continue;
        }
        for suite in field("Suites").split_whitespace() {
            out.push((field("URIs"), suite.to_owned()));
        }
    }
    out
}

/// (URI, suite) of each `deb [options] URI suite components…` line.
fn parse_one_line(text: &str) -> Vec<(String, String)> {
    let mut out = vec![];
    for line in text.lines().map(str::trim) {
        let Some(rest) = line.strip_prefix("deb ") else {
            continue;
        };
        let rest = match rest.trim_start().strip_prefix('[') {
            Some(options) => options.split_once(']').map(|(_, r)| r).unwrap_or(""),
            None => rest,
        };
        let mut words = rest.split_whitespace();
        if let (Some(uri), Some(suite)) = (words.next(), words.next()) {
            out.push((uri.to_owned(), suite.to_owned()));
        }
    }
    out
}

/// The package points a few entries at the *installed* 1.39 (`/var/lib/mediawiki/…`):
/// `extensions` becomes the tree's own `extensions-core`, `images` a real folder, and the
/// rest (`config`, `LocalSettings.php`) go: each wiki brings its own settings.
fn fix_links(root: &Path) -> Result<()> {
    let entries = fs::read_dir(root).with_context(|| format!("listing {}", root.display()))?;
    for entry in entries {
        let path = entry
            .with_context(|| format!("listing {}", root.display()))?
            .path();
        let Ok(target) = fs::read_link(&path) else {
            continue;
        };
        if !target.is_absolute() {
            continue;
        }
        remove_any(&path)?;
        match path.file_name().and_then(|n| n.to_str()) {
            Some("extensions") => std::os::unix::fs::symlink("extensions-core", &path)
                .with_context(|| format!("linking {} to extensions-core", path.display()))?,
            Some("images") => {
                fs::create_dir(&path).with_context(|| format!("creating {}", path.display()))?
            }
            _ => {}
        }
    }
    if !root.join("extensions/ConfirmEdit/extension.json").is_file() {
        bail!(
            "{} has no bundled extensions after unpacking",
            root.display()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deb822_stanzas_map_to_trixie() {
        let text = "Types: deb\n# a comment\nURIs: http://mirror.invalid/debian\n\
                    Suites: bookworm bookworm-updates\nComponents: main\n\n\
                    Types: deb\nURIs: http://mirror.invalid/debian-security\n\
                    Suites: bookworm-security\nComponents: main\n\n\
                    Types: deb-src\nURIs: http://mirror.invalid/debian\nSuites: bookworm\n";
        let mapped: Vec<_> = parse_deb822(text)
            .into_iter()
            .filter_map(|(uri, suite)| trixie_suite(&suite).map(|s| (uri, s)))
            .collect();
        assert_eq!(
            mapped,
            [
                ("http://mirror.invalid/debian".to_owned(), "trixie"),
                (
                    "http://mirror.invalid/debian-security".to_owned(),
                    "trixie-security"
                ),
            ]
        );
    }

    #[test]
    fn one_line_sources_skip_options() {
        let text = "# deb http://old.invalid/ bookworm main\n\
                    deb [arch=amd64 signed-by=/k.gpg] http://mirror.invalid/debian bookworm main\n\
                    deb-src http://mirror.invalid/debian bookworm main\n";
        assert_eq!(
            parse_one_line(text),
            [(
                "http://mirror.invalid/debian".to_owned(),
                "bookworm".to_owned()
            )]
        );
    }
}
