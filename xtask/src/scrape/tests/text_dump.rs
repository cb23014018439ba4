//! The text reader on whole pages: the recursive help page turned into what a browser's
//! "copy all" gives (block elements on their own lines, `•` bullets, numbered steps), then read
//! as text and compared with paraminfo like the HTML.

use scraper::{ElementRef, Html};

use super::{VERSIONS, assert_no_disagreement, capture_paraminfo, workspace_file};
use crate::crosscheck::{Report, compare_page};
use crate::scrape;

const BLOCKS: &[&str] = &[
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd", "ul", "ol", "tr", "table",
    "br", "pre",
];

/// The page's text as a browser copies it.
pub fn inner_text(html: &str) -> String {
    fn walk(element: ElementRef, lists: &mut Vec<(bool, usize)>, out: &mut String) {
        let name = element.value().name();
        if matches!(name, "script" | "style" | "head") {
            return;
        }
        if name == "li" {
            out.push('\n');
            out.push_str(&"  ".repeat(lists.len()));
            match lists.last_mut() {
                Some((true, n)) => {
                    *n += 1;
                    out.push_str(&format!("{n}. "));
                }
                _ => out.push_str("• "),
            }
        } else if BLOCKS.contains(&name) {
            out.push('\n');
        }
        let list = matches!(name, "ul" | "ol");
        if list {
            lists.push((name == "ol", 0));
        }
        for child in element.children() {
            if let Some(e) = ElementRef::wrap(child) {
                walk(e, lists, out);
            } else if let Some(t) = child.value().as_text() {
                out.push_str(&t.replace('\n', " "));
            }
        }
        if list {
            lists.pop();
        }
        if BLOCKS.contains(&name) {
            out.push('\n');
        }
    }
    let doc = Html::parse_document(html);
    let mut raw = String::new();
    walk(doc.root_element(), &mut vec![], &mut raw);
    let mut out = String::new();
    let mut blank = true;
    for line in raw.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
        } else {
            out.push_str(&line);
            out.push('\n');
            blank = false;
        }
    }
    out
}

/// Reads the text of `html` and compares it with `reference`.
pub fn check_text_of(
    what: &str,
    html: &[u8],
    reference: &[mwtyped_spec::Module],
    lang: &[String],
) -> Report {
    let report = text_report(what, html, reference, lang);
    assert_no_disagreement(what, &report.disagreements);
    report
}

/// The page's text, as a browser's copy gives it, read and compared with `reference`.
pub fn text_report(
    what: &str,
    html: &[u8],
    reference: &[mwtyped_spec::Module],
    lang: &[String],
) -> Report {
    let text = inner_text(&String::from_utf8_lossy(html));
    let page = scrape::read(what, text.as_bytes(), lang).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(page.form, "text");
    compare_page(&page, reference, true)
}

#[test]
fn recursive_pages_as_text_agree_with_paraminfo() {
    for version in VERSIONS {
        let paraminfo = capture_paraminfo(version);
        let path = workspace_file(&format!("specs/mediawiki-{version}/raw/help.html"));
        let html = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let report = check_text_of(
            &format!("{version} help.html as text"),
            &html,
            &paraminfo.modules,
            &[],
        );
        eprintln!("MediaWiki {version}, committed help page as text: {report}");
        assert_eq!(report.modules, paraminfo.modules.len());
    }
}
