//! `specs/<capture>/patches.json`: the patch releases a capture was refreshed across.
//!
//! A capture folder holds one release of a MediaWiki version (`mediawiki-1.43`); Debian's
//! security releases move it on (1.43.9 → 1.43.12). The folder then holds only the newer
//! release, so what the step changed would be lost: `cargo xtask fetch` records it here when
//! it replaces a capture of an older patch release of the same version. `regen` turns the
//! record into CHANGELOG entries and "since 1.43.12" notes; the file is an input, committed
//! with the capture, never generated.

use std::path::Path;

use anyhow::{Context, Result};
use mwtyped_spec::{ItemKey, PatchStep, Spec};
use serde::{Deserialize, Serialize};

use crate::diff::{self, SpecDiff};
use crate::files;

pub const FILE: &str = "patches.json";

/// One patch step: the two releases and everything `cargo xtask diff` finds between them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PatchRecord {
    pub from: String,
    pub to: String,
    pub diff: SpecDiff,
}

impl PatchRecord {
    /// What the spec model keeps of the step: the items it added.
    pub fn step(&self) -> PatchStep {
        let mut added = vec![];
        let key = |module: &str, parameter: Option<&str>, value: Option<&str>| ItemKey {
            module: module.to_owned(),
            parameter: parameter.map(str::to_owned),
            value: value.map(str::to_owned),
        };
        for module in &self.diff.modules_added {
            added.push(key(&module.path, None, None));
        }
        for module in &self.diff.modules_changed {
            for param in &module.parameters_added {
                added.push(key(&module.path, Some(&param.name), None));
            }
            for param in &module.parameters_changed {
                for value in &param.values_added {
                    added.push(key(&module.path, Some(&param.name), Some(&value.value)));
                }
            }
        }
        added.sort();
        PatchStep {
            from: self.from.clone(),
            to: self.to.clone(),
            added,
        }
    }
}

/// The steps recorded for the capture in `dir`, oldest first; none when there is no file.
pub fn read(dir: &Path) -> Result<Vec<PatchRecord>> {
    let path = dir.join(FILE);
    if !path.is_file() {
        return Ok(vec![]);
    }
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| {
        format!(
            "{}: not a list of patch steps (from, to, diff)",
            files::display(&path)
        )
    })
}

/// `major.minor` of a version such as `1.43.12` or `1.45.0-wmf.3`.
fn minor(version: &str) -> Option<&str> {
    let mut dots = version.match_indices('.');
    let (second, _) = dots.nth(1)?;
    Some(&version[..second])
}

/// Records the step from `old` to `new` (the same capture before and after a fetch) in the
/// capture folder `dir` when they are two patch releases of one version. Returns the step
/// recorded, if any. A capture of another version (a folder reused for 1.44) is no patch
/// step and records nothing.
pub fn record(dir: &Path, old: &Spec, new: &Spec) -> Result<Option<PatchRecord>> {
    let (from, to) = (&old.capture.mediawiki, &new.capture.mediawiki);
    if from == to || minor(from).is_none() || minor(from) != minor(to) {
        return Ok(None);
    }
    let record = PatchRecord {
        from: from.clone(),
        to: to.clone(),
        diff: diff::diff(old, new),
    };
    let mut records = read(dir)?;
    records.push(record.clone());
    let mut json = serde_json::to_string_pretty(&records).context("writing the patch steps")?;
    json.push('\n');
    files::write_atomic(&dir.join(FILE), json.as_bytes())?;
    Ok(Some(record))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minor_versions_are_read_from_release_and_development_names() {
        assert_eq!(minor("1.43.12"), Some("1.43"));
        assert_eq!(minor("1.45.0-wmf.3"), Some("1.45"));
        assert_eq!(minor("1.43"), None);
    }

    fn spec_of(version: &str) -> Spec {
        let mut spec = mwtyped_spec::capture("mediawiki-1.39")
            .expect("committed")
            .spec()
            .expect("parses");
        spec.capture.mediawiki = version.to_owned();
        spec
    }

    #[test]
    fn a_patch_step_is_recorded_with_what_it_added_and_nothing_else_is() {
        let dir = tempfile::tempdir().expect("temp dir");
        let old = spec_of("1.39.16");
        let mut new = spec_of("1.39.17");
        let module = new
            .modules
            .iter_mut()
            .find(|m| m.path == "query+allimages")
            .expect("allimages");
        let prop = module
            .parameters
            .iter_mut()
            .find(|p| p.name == "prop")
            .expect("prop");
        if let mwtyped_spec::ParamType::Enum(values) = &mut prop.ty {
            values.push("thumburls".into());
        }
        let record = record(dir.path(), &old, &new)
            .expect("writes")
            .expect("a step");
        let step = record.step();
        assert_eq!(
            (step.from.as_str(), step.to.as_str()),
            ("1.39.16", "1.39.17")
        );
        assert_eq!(
            step.added,
            [ItemKey {
                module: "query+allimages".into(),
                parameter: Some("prop".into()),
                value: Some("thumburls".into()),
            }]
        );
        assert_eq!(read(dir.path()).expect("reads"), [record]);

        assert!(
            super::record(dir.path(), &new, &spec_of("1.43.12"))
                .expect("no error")
                .is_none(),
            "another version is no patch step"
        );
        assert!(
            super::record(dir.path(), &new, &new)
                .expect("no error")
                .is_none()
        );
        assert_eq!(read(dir.path()).expect("reads").len(), 1);
    }

    #[test]
    fn a_broken_record_is_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join(FILE), "[{\"from\": 1}]").expect("write");
        let error = format!("{:#}", read(dir.path()).expect_err("must fail"));
        assert!(error.contains("patches.json"), "{error}");
    }
}
