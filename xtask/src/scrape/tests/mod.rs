//! Tests of the scraper against real pages: the seeds and small pages in several forms checked
//! against the committed captures' paraminfo, the recursive help page of both committed
//! versions, help pages of older releases, the local wikis in four languages, bad input, and a
//! property-based fuzz.

mod bad_input;
mod captures;
mod forms;
mod fuzz;
mod live;
mod older_releases;
mod seeds;
mod text_dump;

use std::path::PathBuf;

use mwtyped_spec::ParamInfo;

use super::ScrapedPage;
use crate::crosscheck::{Disagreement, Report, compare_module};

/// The committed captures the tests check against.
pub const VERSIONS: &[&str] = &["1.39", "1.43"];

pub fn workspace_file(path: &str) -> PathBuf {
    crate::files::workspace_root().join(path)
}

pub fn fixture(name: &str) -> (String, Vec<u8>) {
    let path = workspace_file(&format!("xtask/tests/fixtures/scrape/{name}"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (path.display().to_string(), bytes)
}

/// The paraminfo of the committed capture of `version` (`specs/mediawiki-<v>/raw/paraminfo.json`).
pub fn capture_paraminfo(version: &str) -> ParamInfo {
    crate::crosscheck::committed_paraminfo(&format!("mediawiki-{version}"))
        .unwrap_or_else(|e| panic!("{e:#}"))
}

/// Compares every module of `page` with the capture, and returns the report.
pub fn check_against(page: &ScrapedPage, paraminfo: &ParamInfo) -> Report {
    let mut report = Report::default();
    for scraped in &page.modules {
        let reference = paraminfo
            .modules
            .iter()
            .find(|m| m.path == scraped.module.path)
            .unwrap_or_else(|| panic!("module `{}` not in the capture", scraped.module.path));
        compare_module(scraped, reference, &mut report);
    }
    report
}

pub fn assert_no_disagreement(what: &str, disagreements: &[Disagreement]) {
    let lines: Vec<String> = disagreements.iter().map(ToString::to_string).collect();
    assert!(
        lines.is_empty(),
        "{what}: {} disagreements:\n{}",
        lines.len(),
        lines.join("\n")
    );
}
