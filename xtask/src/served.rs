//! What the test wikis serve, against what is committed.
//!
//! The test wikis run whatever Debian serves on the day, and Debian ships security releases
//! of MediaWiki without notice (1.43.9 → 1.43.12 added `thumburls`). A new patch release is
//! news for the project, not a broken machine: `cargo xtask test` compares each wiki with its
//! committed capture ([`drift`]), prints a notice naming the release, what changed and the
//! command that adopts it, and runs the suite against a *reference tree*: the committed
//! captures and generated files when nothing moved, else a scratch copy in which the served
//! releases were adopted by the README's runbook ([`adopt`]). The tests that prove `fetch`,
//! `regen`, `check-live` and `crosscheck` compare with that tree, so they hold whatever
//! patch release is served. `cargo xtask check-live` stays strict: its non-zero exit is the
//! scheduled job's signal that a new capture is due.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use mwtyped_spec::Spec;

use crate::fetch::{self, Kind};
use crate::wiki::MwVersion;
use crate::{check_live, files, regen};

/// The own-wiki example's spec file, captured from the local 1.43 wiki.
pub const OWN_WIKI_SPEC: &str = "examples/own-wiki/wiki/spec.json";
/// The version of the wiki the own-wiki example is captured from.
const OWN_WIKI_VERSION: MwVersion = MwVersion::V1_43;

/// A test wiki that serves another release, or another API, than its committed capture.
pub struct Drift {
    pub version: MwVersion,
    pub api: String,
    /// The committed capture's name, e.g. `mediawiki-1.43`.
    pub capture: String,
    /// The committed capture's MediaWiki version, e.g. `1.43.9`.
    pub committed: String,
    /// What the wiki serves, e.g. `1.43.12`.
    pub served: String,
    /// `check-live`'s report: what the bindings lack, have extra, get differently.
    pub report: String,
}

/// Compares the wiki of `version` at `api` with `committed`; `None` when it serves exactly
/// that release and that API.
pub fn drift(version: MwVersion, api: &str, committed: &Spec) -> Result<Option<Drift>> {
    let live = check_live::fetch_live(api)?;
    let outcome = check_live::compare(
        api,
        &committed.capture.name,
        "committed capture",
        committed,
        &live,
    );
    if live.capture.mediawiki == committed.capture.mediawiki && outcome.verdict().is_none() {
        return Ok(None);
    }
    Ok(Some(Drift {
        version,
        api: api.to_owned(),
        capture: committed.capture.name.clone(),
        committed: committed.capture.mediawiki.clone(),
        served: live.capture.mediawiki,
        report: outcome.report(),
    }))
}

/// The drift of each test wiki from the committed capture of its version.
pub fn drifts(wikis: &[(MwVersion, String)]) -> Result<Vec<Drift>> {
    let mut found = vec![];
    for (version, api) in wikis {
        let name = format!("mediawiki-{version}");
        let committed = mwtyped_spec::capture(&name)
            .with_context(|| format!("no committed capture {name}"))?
            .spec()?;
        found.extend(drift(*version, api, &committed)?);
    }
    Ok(found)
}

impl Drift {
    /// The commands that adopt the served release for good.
    pub fn command(&self) -> String {
        let mut command = format!(
            "cargo xtask fetch --local {} && cargo xtask regen",
            self.version
        );
        if self.version == OWN_WIKI_VERSION {
            command.push_str(&format!(
                " && cargo xtask fetch --api {} --name own-wiki --spec-file {OWN_WIKI_SPEC}",
                self.api
            ));
        }
        command
    }

    /// What `cargo xtask test` says, before the tests and again after them.
    pub fn notice(&self) -> String {
        format!(
            "NOTICE: the {version} test wiki serves MediaWiki {served}; the committed capture \
             {capture} is MediaWiki {committed}. This is news, not a failure: the tests run \
             against the served release, adopted into a scratch copy.\n{report}\
             To adopt MediaWiki {served} for good, run `{command}` and commit what changed.\n",
            version = self.version,
            served = self.served,
            capture = self.capture,
            committed = self.committed,
            report = self.report,
            command = self.command(),
        )
    }
}

/// Copies the captures and generated files of the tree `from` into `to`, adopts there the
/// release each drifted wiki serves by the runbook (`fetch --local`, which records the
/// patch step, then `regen`, and the own-wiki example's spec file), and returns `to`.
pub fn adopt(from: &Path, drifts: &[Drift], to: &Path) -> Result<PathBuf> {
    if to.exists() {
        fs::remove_dir_all(to).with_context(|| format!("removing {}", to.display()))?;
    }
    copy_inputs(from, to)?;
    for drift in drifts {
        let dir = to.join("specs").join(&drift.capture);
        let captures = fetch::fetch_local(drift.version, &dir)?;
        fetch::write_capture(&dir, &drift.capture, &captures)?;
        if drift.version == OWN_WIKI_VERSION {
            let spec = fetch::spec_of(&drift.api, "own-wiki", Kind::Spec)?;
            files::write_atomic(&to.join(OWN_WIKI_SPEC), spec.to_json().as_bytes())?;
        }
    }
    regen::write_outputs(to)?;
    Ok(to.to_path_buf())
}

/// What regen reads and the tests compare: every capture folder (raw, attribution, patch
/// steps, spec, recorded answers), the bindings' Cargo.toml (regen rewrites its features),
/// README.md (its answer coverage table) and the own-wiki example's spec file.
fn copy_inputs(from: &Path, to: &Path) -> Result<()> {
    for entry in fs::read_dir(from.join("specs"))? {
        let path = entry?.path();
        if path.join("raw/provenance.json").is_file() {
            let name = path.file_name().context("a capture folder has a name")?;
            copy_tree(&path, &to.join("specs").join(name))?;
        }
    }
    // README.md holds the answer coverage table regen rewrites.
    for file in ["bindings/Cargo.toml", "README.md", OWN_WIKI_SPEC] {
        let target = to.join(file);
        fs::create_dir_all(target.parent().context("a file has a folder")?)?;
        fs::copy(from.join(file), &target)
            .with_context(|| format!("copying {} to {}", file, target.display()))?;
    }
    Ok(())
}

pub fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
    for entry in fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let path = entry?.path();
        let target = to.join(path.file_name().context("an entry has a name")?);
        if path.is_dir() {
            copy_tree(&path, &target)?;
        } else {
            fs::copy(&path, &target)
                .with_context(|| format!("copying {}", files::display(&path)))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    //! A wiki that serves a newer patch release than the capture it is compared with: the
    //! 1.43.9 capture, kept as a fixture, against whatever 1.43 Debian serves today.

    use super::*;
    use crate::fetch::{fetch, tests::assert_reproduces};
    use crate::test::{FETCH_LOCAL, test_api};

    fn fixture_tree() -> tempfile::TempDir {
        let root = files::workspace_root();
        let tree = tempfile::tempdir().expect("temp dir");
        copy_inputs(&root, tree.path()).expect("copy");
        let capture = tree.path().join("specs/mediawiki-1.43");
        fs::remove_dir_all(&capture).expect("remove");
        copy_tree(
            &root.join("xtask/tests/fixtures/releases/mediawiki-1.43.9"),
            &capture,
        )
        .expect("copy the fixture");
        tree
    }

    #[test]
    fn an_older_capture_is_a_notice_and_the_paths_hold_against_the_adopted_release() {
        let _wikis = FETCH_LOCAL.lock();
        let api = test_api(MwVersion::V1_43);
        let served = check_live::fetch_live(&api)
            .expect("live")
            .capture
            .mediawiki;
        let base = fixture_tree();
        let old = regen::load_capture(&base.path().join("specs/mediawiki-1.43"), "mediawiki-1.43")
            .expect("the fixture loads")
            .spec;

        let found = drift(MwVersion::V1_43, &api, &old)
            .expect("compares")
            .expect("1.43.9 is not what Debian serves");
        let notice = found.notice();
        for said in [
            "MediaWiki 1.43.9",
            &format!("serves MediaWiki {served}"),
            "`thumburls`",
            "not a failure",
            "cargo xtask fetch --local 1.43 && cargo xtask regen",
            OWN_WIKI_SPEC,
        ] {
            assert!(notice.contains(said), "the notice says {said:?}:\n{notice}");
        }

        let scratch = tempfile::tempdir().expect("temp dir");
        let reference = adopt(base.path(), &[found], &scratch.path().join("tree")).expect("adopt");
        let adopted = reference.join("specs/mediawiki-1.43");
        let steps = crate::patches::read(&adopted).expect("steps");
        let step = steps.last().expect("the patch step is recorded").step();
        assert_eq!(
            (step.from.as_str(), step.to.as_str()),
            ("1.43.9", served.as_str())
        );
        assert!(
            step.added
                .iter()
                .any(|k| k.module == "query+imageinfo" && k.value.as_deref() == Some("thumburls"))
        );
        let changelog = fs::read_to_string(reference.join("CHANGELOG.md")).expect("changelog");
        assert!(changelog.contains(&format!(
            "## mediawiki-1.43 (MediaWiki 1.43.9) → mediawiki-1.43 (MediaWiki {served})"
        )));

        // The paths the suite proves, green against the adopted tree.
        let fresh = tempfile::tempdir().expect("temp dir");
        let capture = fetch(&api, fresh.path().join("raw"), Kind::Main).expect("fetch");
        assert_reproduces(&capture, &adopted.join("raw"));
        let spec = |path: &Path| {
            let text = fs::read_to_string(path).expect("spec");
            Spec::parse(&path.display().to_string(), &text).expect("parses")
        };
        assert!(
            drift(MwVersion::V1_43, &api, &spec(&adopted.join("spec.json")))
                .expect("compares")
                .is_none(),
            "the adopted capture is what the wiki serves"
        );
        let own = spec(&reference.join(OWN_WIKI_SPEC));
        assert_eq!(own.capture.mediawiki, served);
        crate::crosscheck::run(crate::crosscheck::CrosscheckArgs {
            lang: vec!["en".into()],
            api: vec![api.clone()],
            against: Some(adopted.display().to_string()),
        })
        .expect("the help pages describe the adopted capture");
    }
}
