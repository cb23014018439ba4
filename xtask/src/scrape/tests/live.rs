//! The local test wikis (every bundled extension loaded, as `cargo xtask test` starts them):
//! help pages in English, Lithuanian, Hindi and Marathi against the same wiki's paraminfo.
//! The URLs come from `MWTYPED_TEST_API_1_39` / `MWTYPED_TEST_API_1_43`; without them the
//! tests fail, never skip.

use mwtyped_spec::ParamInfo;

use crate::crosscheck::{PARAMINFO_QUERY, check_wiki, help_query};
use crate::test::test_api;
use crate::wiki::MwVersion;

use super::assert_no_disagreement;
use super::text_dump::check_text_of;

const LANGS: &[&str] = &["en", "lt", "hi", "mr"];

fn crosscheck(version: MwVersion) {
    let api = test_api(version);
    text_in_every_language(&api, version);
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

/// The same pages, as a browser would copy them, read by the text reader.
fn text_in_every_language(api: &str, version: MwVersion) {
    let get = |url: &str| -> Vec<u8> {
        reqwest::blocking::get(url)
            .and_then(|r| r.error_for_status())
            .and_then(|r| r.bytes())
            .unwrap_or_else(|e| panic!("{url}: {e}"))
            .to_vec()
    };
    let paraminfo = get(&format!("{api}?{PARAMINFO_QUERY}"));
    let paraminfo = ParamInfo::parse(api, &String::from_utf8_lossy(&paraminfo))
        .unwrap_or_else(|e| panic!("{e}"));
    for lang in LANGS {
        let html = get(&format!("{api}?{}", help_query(lang)));
        let what = format!("{version} [{lang}] as text");
        let report = check_text_of(&what, &html, &paraminfo.modules, &[(*lang).to_owned()]);
        eprintln!("MediaWiki {what}: {report}");
    }
}
