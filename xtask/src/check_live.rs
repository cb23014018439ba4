//! `cargo xtask check-live --api URL`: is a live wiki's API still what the bindings were made
//! from? Fetches its siteinfo and paraminfo into memory (nothing is written), compares them
//! with the nearest committed capture, and says what the bindings lack (in the live wiki
//! only), have extra (in the capture only) and get differently. Exits non-zero when anything
//! differs, so a scheduled job notices when a new capture is due.
//!
//! The live wiki is normalised without attribution parts, so its origins come from each
//! module's `source`; origins are not compared, only reported.

use std::fmt::Write;

use anyhow::{Context, Result, bail};
use clap::Args;
use mwtyped_spec::{CAPTURES, Capture, Spec};

use crate::diff::{self, SpecDiff, code, codes, origin, param_entry, param_name, plural, values};
use crate::fetch::{self, Kind};

#[derive(Args)]
pub struct CheckLiveArgs {
    /// The live wiki's api.php, e.g. https://wiki.example.org/w/api.php.
    #[arg(long)]
    api: String,
    /// Compare with this committed capture (e.g. `mediawiki-1.39`) instead of the nearest one.
    #[arg(long)]
    capture: Option<String>,
    /// Compare with this spec file instead (what `fetch --spec-file` wrote for
    /// `api_from_spec!`): are a crate's own bindings still those of its wiki?
    #[arg(long, value_name = "FILE", conflicts_with = "capture")]
    spec_file: Option<std::path::PathBuf>,
    /// Print the differences (committed → live) as JSON instead of the report.
    #[arg(long)]
    json: bool,
}

/// Said under what the bindings lack, whose origins come from the live wiki.
const LIVE_ORIGINS: &str = "(Origins on the live side follow each module's `source`, since a live \
    wiki has no attribution parts: what an extension adds to a core module shows as core.)\n";

/// A live wiki compared with a committed capture.
pub struct Outcome {
    pub api: String,
    /// The committed capture's name, or the spec file's path.
    pub capture: String,
    /// `committed capture` or `spec file`: what `capture` names, for the report.
    pub kind: &'static str,
    /// Committed → live.
    pub diff: SpecDiff,
    /// Extensions loaded on one side only, for context: they need not change the API.
    pub extensions_live_only: Vec<String>,
    pub extensions_committed_only: Vec<String>,
}

pub fn run(args: CheckLiveArgs) -> Result<()> {
    let live = fetch_live(&args.api)?;
    if let Some(file) = &args.spec_file {
        let shown = crate::files::display(file);
        let text = std::fs::read_to_string(file).with_context(|| format!("reading {shown}"))?;
        let spec = Spec::parse(&shown, &text)?;
        return conclude(&args, compare(&args.api, &shown, "spec file", &spec, &live));
    }
    let capture = match &args.capture {
        Some(name) => mwtyped_spec::capture(name).with_context(|| {
            format!(
                "no committed capture `{name}`; there are: {}",
                capture_names()
            )
        })?,
        None => nearest(&live.capture.mediawiki, CAPTURES).with_context(|| {
            format!(
                "{}: cannot compare MediaWiki `{}` with any committed capture ({})",
                args.api,
                live.capture.mediawiki,
                capture_names()
            )
        })?,
    };
    conclude(&args, compare_capture(&args.api, capture, &live)?)
}

/// Prints the outcome as asked; an error (a non-zero exit) when anything differs.
fn conclude(args: &CheckLiveArgs, outcome: Outcome) -> Result<()> {
    if args.json {
        let json = serde_json::to_string_pretty(&outcome.diff)
            .context("writing the differences as JSON")?;
        println!("{json}");
    } else {
        print!("{}", outcome.report());
    }
    match outcome.verdict() {
        Some(verdict) => bail!(verdict),
        None => {
            eprintln!(
                "{}: the API is identical to the {} {}; the bindings are up to date",
                args.api, outcome.kind, outcome.capture
            );
            Ok(())
        }
    }
}

/// The live wiki's API, normalised like a capture without attribution parts.
pub fn fetch_live(api: &str) -> Result<Spec> {
    fetch::spec_of(api, api, Kind::Part)
}

/// Compares the live wiki at `api` with `capture`, whichever version that is (`run` picks
/// the capture from the live version, so only the tests need this).
#[cfg(test)]
fn check_against(api: &str, capture: &Capture) -> Result<Outcome> {
    compare_capture(api, capture, &fetch_live(api)?)
}

/// The committed `capture` against the live wiki's `live`.
fn compare_capture(api: &str, capture: &Capture, live: &Spec) -> Result<Outcome> {
    let committed = capture
        .spec()
        .with_context(|| format!("reading the committed capture {}", capture.name))?;
    Ok(compare(
        api,
        capture.name,
        "committed capture",
        &committed,
        live,
    ))
}

/// `committed` (named `name`, a `kind`) against the live wiki's `live`.
pub fn compare(
    api: &str,
    name: &str,
    kind: &'static str,
    committed: &Spec,
    live: &Spec,
) -> Outcome {
    let names = |spec: &Spec| -> Vec<String> {
        spec.capture
            .extensions
            .iter()
            .map(|e| e.name.clone())
            .collect()
    };
    let (live_ext, committed_ext) = (names(live), names(committed));
    Outcome {
        api: api.to_owned(),
        capture: name.to_owned(),
        kind,
        diff: diff::diff(committed, live),
        extensions_live_only: live_ext
            .iter()
            .filter(|e| !committed_ext.contains(e))
            .cloned()
            .collect(),
        extensions_committed_only: committed_ext
            .iter()
            .filter(|e| !live_ext.contains(e))
            .cloned()
            .collect(),
    }
}

fn capture_names() -> String {
    CAPTURES
        .iter()
        .map(|c| c.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `1.43.9`, `1.45.0-wmf.3` → (1, 43, 9); `None` without at least a major and a minor number.
fn version(text: &str) -> Option<(u32, u32, u32)> {
    let numeric: String = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let mut parts = numeric.split('.').map(str::parse::<u32>);
    let major = parts.next()?.ok()?;
    let minor = parts.next()?.ok()?;
    let patch = parts.next().and_then(Result::ok).unwrap_or(0);
    Some((major, minor, patch))
}

/// The committed capture closest to MediaWiki `live_version`: the same major.minor when there
/// is one, else the nearest release by number; on a tie between an older and a newer
/// release, the newer, since that is the one users of the bindings are meant to adopt.
fn nearest<'a>(live_version: &str, captures: &'a [Capture]) -> Option<&'a Capture> {
    let (major, minor, patch) = version(live_version)?;
    let live = i64::from(major) * 1000 + i64::from(minor);
    captures
        .iter()
        .filter_map(|c| {
            let spec_version = capture_version(c)?;
            let (cmaj, cmin, cpatch) = version(&spec_version)?;
            let distance = (i64::from(cmaj) * 1000 + i64::from(cmin) - live).abs();
            let newer_first = std::cmp::Reverse((cmaj, cmin));
            Some(((distance, newer_first, cpatch.abs_diff(patch), c.name), c))
        })
        .min_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, c)| c)
}

/// The MediaWiki version a committed capture was taken from; its name (`mediawiki-1.43`)
/// when the spec does not parse, so that one broken capture does not hide the others.
fn capture_version(capture: &Capture) -> Option<String> {
    capture
        .spec()
        .ok()
        .map(|s| s.capture.mediawiki)
        .or_else(|| capture.name.strip_prefix("mediawiki-").map(str::to_owned))
}

impl Outcome {
    /// `None` when the API is the same on both sides; else one line saying what differs.
    pub fn verdict(&self) -> Option<String> {
        if self.diff.is_empty() {
            return None;
        }
        let c = self.diff.counts();
        Some(format!(
            "{} differs from the {} {}: the bindings lack {}, {} and {}; \
             they have {}, {} and {} extra; {} differ; a new capture is due",
            self.api,
            self.kind,
            self.capture,
            plural(c.modules_added, "module"),
            plural(c.parameters_added, "parameter"),
            plural(c.values_added, "enum value"),
            plural(c.modules_removed, "module"),
            plural(c.parameters_removed, "parameter"),
            plural(c.values_removed, "enum value"),
            plural(self.changed().len(), "other fact"),
        ))
    }

    /// The report for people: which capture, what the bindings lack, what they have extra,
    /// what differs.
    pub fn report(&self) -> String {
        let d = &self.diff;
        let mut out = format!(
            "Compared {} (MediaWiki {}) with the {} {} (MediaWiki {}).\n",
            self.api, d.to.mediawiki, self.kind, self.capture, d.from.mediawiki
        );
        if !self.extensions_live_only.is_empty() {
            let _ = writeln!(
                out,
                "Extensions only on the live wiki: {}.",
                self.extensions_live_only.join(", ")
            );
        }
        if !self.extensions_committed_only.is_empty() {
            let _ = writeln!(
                out,
                "Extensions only in {}: {}.",
                self.capture,
                self.extensions_committed_only.join(", ")
            );
        }
        let _ = writeln!(out, "{}", diff::summary(&d.counts()));
        let sections = [
            (
                format!(
                    "The bindings lack (on the live wiki, not in {})",
                    self.capture
                ),
                self.lacking(),
                LIVE_ORIGINS,
            ),
            (
                format!(
                    "The bindings have extra (in {}, not on the live wiki)",
                    self.capture
                ),
                self.extra(),
                "",
            ),
            ("Different on the two sides".to_owned(), self.changed(), ""),
        ];
        for (title, lines, note) in sections {
            if !lines.is_empty() {
                let _ = writeln!(out, "\n{title}:");
                for line in lines {
                    let _ = writeln!(out, "- {line}");
                }
                out.push_str(note);
            }
        }
        out
    }

    fn lacking(&self) -> Vec<String> {
        let d = &self.diff;
        let mut lines: Vec<String> = d
            .modules_added
            .iter()
            .map(|m| format!("module {} ({})", code(&m.path), origin(&m.origin)))
            .collect();
        for m in &d.modules_changed {
            for p in &m.parameters_added {
                lines.push(format!("{} parameter {}", code(&m.path), param_entry(p)));
            }
            for p in m
                .parameters_changed
                .iter()
                .filter(|p| !p.values_added.is_empty())
            {
                lines.push(format!(
                    "{} {} values {}",
                    code(&m.path),
                    param_name(&p.name, &p.wire),
                    values(&p.values_added)
                ));
            }
        }
        lines
    }

    fn extra(&self) -> Vec<String> {
        let d = &self.diff;
        let mut lines: Vec<String> = d
            .modules_removed
            .iter()
            .map(|m| format!("module {} ({})", code(&m.path), origin(&m.origin)))
            .collect();
        for m in &d.modules_changed {
            for p in &m.parameters_removed {
                lines.push(format!("{} parameter {}", code(&m.path), param_entry(p)));
            }
            for p in m
                .parameters_changed
                .iter()
                .filter(|p| !p.values_removed.is_empty())
            {
                lines.push(format!(
                    "{} {} values {}",
                    code(&m.path),
                    param_name(&p.name, &p.wire),
                    values(&p.values_removed)
                ));
            }
        }
        lines
    }

    /// Flags and parameter facts that differ: neither lacking nor extra, but wrong.
    fn changed(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for m in &self.diff.modules_changed {
            for change in &m.flags {
                lines.push(format!(
                    "{} module {}",
                    code(&m.path),
                    diff::change_text(change)
                ));
            }
            for p in &m.parameters_changed {
                let mut facts: Vec<String> = p.changes.iter().map(diff::change_text).collect();
                if !p.values_deprecated.is_empty() {
                    facts.push(format!(
                        "newly deprecated values: {}",
                        codes(&p.values_deprecated)
                    ));
                }
                if !p.values_undeprecated.is_empty() {
                    facts.push(format!(
                        "values no longer deprecated: {}",
                        codes(&p.values_undeprecated)
                    ));
                }
                if !facts.is_empty() {
                    lines.push(format!(
                        "{} {}: {}",
                        code(&m.path),
                        param_name(&p.name, &p.wire),
                        facts.join("; ")
                    ));
                }
            }
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test::{reference_root, test_api};
    use crate::wiki::MwVersion;

    fn committed(name: &str) -> &'static Capture {
        mwtyped_spec::capture(name).unwrap_or_else(|| panic!("no committed capture {name}"))
    }

    #[test]
    fn versions_are_read_from_release_and_development_names() {
        assert_eq!(version("1.43.9"), Some((1, 43, 9)));
        assert_eq!(version("1.45.0-wmf.3"), Some((1, 45, 0)));
        assert_eq!(version("1.44"), Some((1, 44, 0)));
        assert_eq!(version("MediaWiki"), None);
        assert_eq!(version("1"), None);
    }

    #[test]
    fn the_nearest_capture_is_the_same_minor_else_the_closest() {
        let name = |v: &str| nearest(v, CAPTURES).map(|c| c.name);
        assert_eq!(name("1.43.2"), Some("mediawiki-1.43"));
        assert_eq!(name("1.39.1"), Some("mediawiki-1.39"));
        assert_eq!(name("1.45.0-wmf.3"), Some("mediawiki-1.43"));
        assert_eq!(name("1.35.14"), Some("mediawiki-1.39"));
        assert_eq!(name("1.40.0"), Some("mediawiki-1.39"));
        assert_eq!(
            name("1.41.1"),
            Some("mediawiki-1.43"),
            "a tie goes to the newer"
        );
        assert_eq!(name("1.42.3"), Some("mediawiki-1.43"));
        assert_eq!(name("unknown"), None);
    }

    /// The live wiki of `version` against its own capture in the reference tree (the
    /// committed one, or the served release adopted): nothing may differ, or `fetch --local`
    /// and `regen` no longer reproduce what the wikis serve.
    fn same_version_is_identical(version: MwVersion, capture: &str) {
        let api = test_api(version);
        let live = fetch_live(&api).expect("fetch the live wiki");
        let found = nearest(&live.capture.mediawiki, CAPTURES).map(|c| c.name);
        assert_eq!(found, Some(capture), "nearest capture of {api}");
        let path = reference_root()
            .join("specs")
            .join(capture)
            .join("spec.json");
        let text = std::fs::read_to_string(&path).expect("the reference spec");
        let reference = Spec::parse(&path.display().to_string(), &text).expect("parses");
        let outcome = compare(&api, capture, "committed capture", &reference, &live);
        assert!(
            outcome.verdict().is_none(),
            "{api} should match {capture}:\n{}",
            outcome.report()
        );
        assert!(outcome.report().contains("No differences."));
    }

    #[test]
    fn live_1_43_matches_the_committed_1_43() {
        same_version_is_identical(MwVersion::V1_43, "mediawiki-1.43");
    }

    #[test]
    fn live_1_39_matches_the_committed_1_39() {
        same_version_is_identical(MwVersion::V1_39, "mediawiki-1.39");
    }

    #[test]
    fn live_1_43_against_the_1_39_capture_differs() {
        let api = test_api(MwVersion::V1_43);
        let outcome = check_against(&api, committed("mediawiki-1.39")).expect("check");
        let verdict = outcome.verdict().expect("1.43 is not 1.39");
        assert!(verdict.contains("a new capture is due"), "{verdict}");
        assert!(verdict.contains("mediawiki-1.39"), "{verdict}");
        assert!(!verdict.contains('\n'), "one line: {verdict}");
        let report = outcome.report();
        let lack = report
            .split("The bindings lack")
            .nth(1)
            .expect("a section of what the bindings lack");
        assert!(
            lack.contains("module `acquiretempusername` (core)"),
            "{report}"
        );
        assert!(report.contains("with the committed capture mediawiki-1.39"));
    }

    /// The other way round: an older wiki than the capture shows what the bindings have
    /// extra, and the JSON form carries the same differences.
    #[test]
    fn live_1_39_against_the_1_43_capture_has_extras() {
        let api = test_api(MwVersion::V1_39);
        let outcome = check_against(&api, committed("mediawiki-1.43")).expect("check");
        assert!(outcome.verdict().is_some());
        let report = outcome.report();
        let extra = report
            .split("The bindings have extra")
            .nth(1)
            .expect("a section of what the bindings have extra");
        assert!(extra.contains("module `acquiretempusername`"), "{report}");
        let json = serde_json::to_value(&outcome.diff).expect("JSON");
        let removed = json["modules_removed"].to_string();
        assert!(removed.contains("acquiretempusername"), "{json}");
    }

    /// A crate's own spec file (the own-wiki example's, captured from the 1.43 wiki) against
    /// that wiki, and against the older one: the command's verdict in both directions.
    #[test]
    fn a_spec_file_is_checked_against_its_wiki() {
        let file = reference_root().join(crate::served::OWN_WIKI_SPEC);
        let args = |version| CheckLiveArgs {
            api: test_api(version),
            capture: None,
            spec_file: Some(file.clone()),
            json: false,
        };
        run(args(MwVersion::V1_43)).expect("the spec file is its wiki's API");
        let error = run(args(MwVersion::V1_39)).expect_err("1.39 is not that wiki");
        let message = error.to_string();
        assert!(
            message.contains("differs from the spec file")
                && message.contains(crate::served::OWN_WIKI_SPEC),
            "{message}"
        );
    }
}
