//! Input that is not an API help page gives an error naming the file and what was expected,
//! never a panic.

use super::fixture;
use crate::scrape::{self, ScrapeError};

fn error(name: &str, bytes: &[u8]) -> String {
    match scrape::read(name, bytes, &[]) {
        Ok(page) => panic!("{name}: read as {} modules", page.modules.len()),
        Err(e) => {
            let message = e.to_string();
            assert!(
                message.starts_with(name),
                "the error names the input: {message}"
            );
            message
        }
    }
}

#[test]
fn empty_and_blank() {
    assert!(error("empty.html", b"").contains("expected a MediaWiki API help page"));
    assert!(error("blank.txt", b" \n\t\n").contains("empty input"));
}

#[test]
fn random_bytes_are_not_text() {
    // A fixed pseudo-random sequence (xorshift), so the test is the same every run.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    let message = error("random.bin", &bytes);
    assert!(message.contains("not UTF-8"), "{message}");
}

#[test]
fn truncated_html() {
    let (_, bytes) = fixture("clientlogin-1.39-en.html");
    let half = &bytes[..bytes.len() / 2];
    let message = error("clientlogin-half.html", half);
    assert!(message.contains("truncated"), "{message}");
    // Cut inside a multi-byte character: still an error, not a panic.
    let (_, hindi) = fixture("allpages-edit-1.39-hi.html");
    let at = (1000..hindi.len()).find(|&i| hindi[i] >= 0x80 && hindi[i] < 0xc0);
    if let Some(at) = at {
        let _ = error("hindi-cut.html", &hindi[..at]);
    }
}

#[test]
fn a_wiki_page_that_is_not_api_help() {
    let (file, bytes) = fixture("not-api-help-main-page.html");
    let message = error(&file, &bytes);
    assert!(message.contains("apihelp-module-name"), "{message}");
    assert!(
        message.contains("an HTML page titled `TestWiki`"),
        "says what it found: {message}"
    );
}

#[test]
fn help_pages_of_other_software() {
    let (file, bytes) = fixture("other-software-pydoc.html");
    let message = error(&file, &bytes);
    assert!(message.contains("no API module found"), "{message}");
    let (file, bytes) = fixture("other-software-curl-help.txt");
    let message = error(&file, &bytes);
    assert!(message.contains("action=clientlogin (login)"), "{message}");
    assert!(message.contains("Usage: curl"), "{message}");
}

#[test]
fn paraminfo_json_is_not_a_help_page() {
    let json = br#"{"paraminfo":{"modules":[{"name":"clientlogin","prefix":"login"}]}}"#;
    assert!(matches!(
        scrape::read("paraminfo.json", json, &[]),
        Err(ScrapeError::NotApiHelp { .. })
    ));
}

/// A line with the shape of a message but no number where one must be is not a reason to
/// give up the page: what it would tell is unknown, and a warning names the parameter.
#[test]
fn a_bad_number_is_unknown_and_named() {
    for bad in ["many", "1 2", "५x०"] {
        let text = format!(
            "action=clientlogin (login)\nParameters:\nloginrequests\nRequests.\n\
             Maximum number of values is {bad} (500 for bots).\nlogintoken\nA token.\n"
        );
        let page = scrape::read("odd.txt", text.as_bytes(), &[]).unwrap_or_else(|e| panic!("{e}"));
        let m = &page.modules[0];
        assert_eq!(m.module.parameters.len(), 2, "the page is read to the end");
        assert!(
            m.is_unknown(Some("requests"), "lowlimit").is_some(),
            "{bad}"
        );
        let warning = page.warnings.iter().find(|w| w.contains("not a number"));
        assert!(
            warning.is_some_and(|w| w.contains("loginrequests") && w.starts_with("odd.txt")),
            "{bad}: {:?}",
            page.warnings
        );
    }
}
