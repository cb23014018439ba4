//! The local test wikis (every bundled extension loaded, as `cargo xtask test` starts them):
//! the recursive help page in every supported language, read as HTML and as text (what a
//! browser's copy gives), against the same wiki's paraminfo. Zero disagreements in every
//! language, and nothing more left unknown than in English: a language whose info lines
//! were not read would leave them unknown rather than disagree. The URLs come from
//! `MWTYPED_TEST_API_1_39` / `MWTYPED_TEST_API_1_43`; without them the tests fail, never skip.

use crate::crosscheck::Fetcher;
use crate::scrape::{self, lang::SUPPORTED};
use crate::test::test_api;
use crate::wiki::MwVersion;

use super::text_dump::text_report;

fn crosscheck(version: MwVersion) {
    let api = test_api(version);
    let fetcher = Fetcher::new().expect("client");
    let paraminfo = fetcher.paraminfo(&api).unwrap_or_else(|e| panic!("{e:#}"));
    // English first: what it leaves unknown, the help pages do not say in any language.
    assert_eq!(SUPPORTED.first(), Some(&"en"));
    let mut english = None;
    // Every language is read before the verdict, so that one run shows all that fails.
    let mut failures = vec![];
    for lang in SUPPORTED {
        let (html, as_html) = fetcher
            .check_page(&api, lang, &paraminfo)
            .unwrap_or_else(|e| panic!("{e:#}"));
        let langs = [(*lang).to_owned()];
        let what = format!("{version} [{lang}]");
        eprintln!("MediaWiki {what}: {as_html}");
        assert!(as_html.modules > 100, "{what}: {as_html}");
        let as_text = text_report(
            &format!("{what} as text"),
            &html,
            &paraminfo.modules,
            &langs,
        );
        eprintln!("MediaWiki {what} as text: {as_text}");
        for (form, report) in [("HTML", &as_html), ("text", &as_text)] {
            failures.extend(
                report
                    .disagreements
                    .iter()
                    .map(|d| format!("{what} as {form}: {d}")),
            );
        }
        let (html_unknowns, text_unknowns) =
            *english.get_or_insert((as_html.unknowns, as_text.unknowns));
        // Flags a language words alike cannot be told apart in its text; nothing else may
        // be left unknown beyond what English leaves.
        let text_read = as_text.unknowns - as_text.ambiguous_flags;
        if as_html.unknowns > html_unknowns || text_read > text_unknowns {
            failures.push(format!(
                "{what}: {} unknown fields as HTML and {} as text, English {html_unknowns} and \
                 {text_unknowns}: info lines were not read",
                as_html.unknowns, as_text.unknowns
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "MediaWiki {version}: {} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn crosscheck_1_39_in_every_supported_language() {
    crosscheck(MwVersion::V1_39);
}

#[test]
fn crosscheck_1_43_in_every_supported_language() {
    crosscheck(MwVersion::V1_43);
}

/// `cargo xtask scrape URL FILE --out F`: a help page fetched from the wiki and a seed read
/// from a file, written together to one JSON file (atomically).
#[test]
fn the_scrape_command_reads_a_url_and_a_file_into_one_json_file() {
    let api = test_api(MwVersion::V1_43);
    let url = format!("{api}?action=help&modules=clientlogin&uselang=lt");
    let seed = super::workspace_file("xtask/tests/fixtures/scrape/seeds/001_7fd24c0682980ec8.txt");
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("pages.json");
    scrape::run(scrape::ScrapeArgs {
        inputs: vec![url.clone(), seed.display().to_string()],
        update_messages: vec![],
        out: Some(out.clone()),
        lang: vec![],
    })
    .expect("scrape");
    let pages: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out).expect("written")).expect("JSON");
    let pages = pages.as_array().expect("one entry per input");
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[0]["source"], url.as_str());
    assert_eq!(pages[0]["language"], "lt");
    assert_eq!(pages[0]["modules"][0]["path"], "clientlogin");
    assert_eq!(pages[1]["form"], "text");
    assert!(
        pages[1]["modules"][0]["parameters"]
            .as_array()
            .is_some_and(|p| p.len() > 3),
        "{}",
        pages[1]
    );
}
