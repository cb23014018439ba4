//! The other HTML forms: a single module's `action=help` page, several modules in Hindi, and
//! `Special:ApiHelp` transcluded in a wiki page rendered in Marathi (no `<html>`, no anchors).

use super::{assert_no_disagreement, capture_paraminfo, check_against, fixture};
use crate::scrape;

fn check(name: &str, lang: &[String], paths: &[&str]) {
    let (file, bytes) = fixture(name);
    let page = scrape::read(&file, &bytes, lang).unwrap_or_else(|e| panic!("{e}"));
    let got: Vec<&str> = page
        .modules
        .iter()
        .map(|m| m.module.path.as_str())
        .collect();
    assert_eq!(got, paths, "{name}");
    let report = check_against(&page, &capture_paraminfo("1.39"));
    assert!(report.parameters > 0);
    assert_no_disagreement(name, &report.disagreements);
}

#[test]
fn single_module_page() {
    check("clientlogin-1.39-en.html", &[], &["clientlogin"]);
}

#[test]
fn several_modules_in_hindi() {
    // `<html lang="hi">` picks the Hindi table by itself.
    check(
        "allpages-edit-1.39-hi.html",
        &[],
        &["query+allpages", "edit"],
    );
}

#[test]
fn transcluded_in_marathi() {
    check(
        "allpages-transcluded-1.39-mr.html",
        &["mr".to_owned()],
        &["query+allpages"],
    );
}
