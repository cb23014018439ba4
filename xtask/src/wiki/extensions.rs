//! The extensions a MediaWiki release bundles, and what each one requires.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use super::{ExtensionSet, MwVersion, install};

/// The names in `version`'s extensions folder that `wfLoadExtension` can load (those with
/// an `extension.json`), sorted. ConfirmEdit's captcha modules are sub-folders, so not listed.
pub fn bundled_extensions(version: MwVersion) -> Result<Vec<String>> {
    let dir = install::ensure(version)?.join("extensions");
    let entries = fs::read_dir(&dir).with_context(|| format!("listing {}", dir.display()))?;
    let mut names = vec![];
    for entry in entries {
        let entry = entry.with_context(|| format!("listing {}", dir.display()))?;
        if entry.path().join("extension.json").is_file()
            && let Some(name) = entry.file_name().to_str()
        {
            names.push(name.to_owned());
        }
    }
    names.sort();
    Ok(names)
}

/// What `ext` needs loaded with it (its extension.json's `requires.extensions`, and theirs),
/// sorted, without `ext` itself.
pub fn extension_dependencies(version: MwVersion, ext: &str) -> Result<Vec<String>> {
    let dir = install::ensure(version)?.join("extensions");
    let mut found = BTreeSet::new();
    let mut todo = vec![ext.to_owned()];
    while let Some(name) = todo.pop() {
        for dep in direct_requirements(&dir, &name)? {
            if dep != ext && found.insert(dep.clone()) {
                todo.push(dep);
            }
        }
    }
    Ok(found.into_iter().collect())
}

/// The sorted list a set stands for in `version`, dependencies included.
pub fn resolve(version: MwVersion, set: &ExtensionSet) -> Result<Vec<String>> {
    let asked = match set {
        ExtensionSet::All => return bundled_extensions(version),
        ExtensionSet::None => return Ok(vec![]),
        ExtensionSet::Only(names) => names,
    };
    let bundled = bundled_extensions(version)?;
    let mut all = BTreeSet::new();
    for name in asked {
        if !bundled.contains(name) {
            bail!(
                "MediaWiki {version} bundles no extension {name}; it has: {}",
                bundled.join(", ")
            );
        }
        all.insert(name.clone());
        for dep in extension_dependencies(version, name)? {
            if !bundled.contains(&dep) {
                bail!(
                    "{name} requires the extension {dep}, which MediaWiki {version} does not bundle"
                );
            }
            all.insert(dep);
        }
    }
    Ok(all.into_iter().collect())
}

#[derive(Deserialize)]
struct Manifest {
    #[serde(default)]
    requires: Requires,
}

#[derive(Default, Deserialize)]
struct Requires {
    /// Name → version constraint; only the names matter here.
    #[serde(default)]
    extensions: serde_json::Map<String, serde_json::Value>,
}

fn direct_requirements(dir: &Path, name: &str) -> Result<Vec<String>> {
    let path = dir.join(name).join("extension.json");
    let text = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let manifest: Manifest =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    Ok(manifest.requires.extensions.keys().cloned().collect())
}
