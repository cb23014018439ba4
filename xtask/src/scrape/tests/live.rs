//! The local test wikis (every bundled extension loaded, as `cargo xtask test` starts them):
//! help pages in English, Lithuanian, Hindi and Marathi against the same wiki's paraminfo.
//! The URLs come from `MWTYPED_TEST_API_1_39` / `MWTYPED_TEST_API_1_43`; without them the
//! tests fail, never skip.

use crate::crosscheck::check_wiki;
use crate::test::test_api;
use crate::wiki::MwVersion;

use super::assert_no_disagreement;

const LANGS: &[&str] = &["en", "lt", "hi", "mr"];

fn crosscheck(version: MwVersion) {
    let api = test_api(version);
    let langs: Vec<String> = LANGS.iter().map(|l| (*l).to_owned()).collect();
    let reports = check_wiki(&api, &langs).unwrap_or_else(|e| panic!("{api}: {e:#}"));
    assert_eq!(reports.len(), LANGS.len());
    for (lang, report) in reports {
        eprintln!("MediaWiki {version} [{lang}]: {report}");
        assert!(report.modules > 100, "{version} [{lang}]: {report}");
        assert_no_disagreement(&format!("{version} [{lang}]"), &report.disagreements);
    }
}

#[test]
fn crosscheck_1_39_in_four_languages() {
    crosscheck(MwVersion::V1_39);
}

#[test]
fn crosscheck_1_43_in_four_languages() {
    crosscheck(MwVersion::V1_43);
}
