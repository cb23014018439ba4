//! The recursive help page of every module (`raw/help.html`) of both committed captures,
//! scraped and compared with the same capture's paraminfo: zero disagreements.

use super::{VERSIONS, assert_no_disagreement, capture_paraminfo, workspace_file};
use crate::crosscheck::compare_page;
use crate::scrape;

#[test]
fn recursive_help_pages_agree_with_paraminfo() {
    for version in VERSIONS {
        let paraminfo = capture_paraminfo(version);
        let path = workspace_file(&format!("specs/mediawiki-{version}/raw/help.html"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| {
            panic!("{}: {e}: the committed capture is missing", path.display())
        });
        let file = path.display().to_string();
        let page = scrape::read(&file, &bytes, &[]).unwrap_or_else(|e| panic!("{e}"));
        // Every info line of the releases the tables were made from is read or is a module's
        // own note: none looks like a message it fails to match.
        let unreadable: Vec<&String> = page
            .warnings
            .iter()
            .filter(|w| w.contains("marked unknown"))
            .collect();
        assert!(unreadable.is_empty(), "{version}: {unreadable:#?}");
        let report = compare_page(&page, &paraminfo.modules, true);
        eprintln!("MediaWiki {version}, committed help page: {report}");
        assert_no_disagreement(&format!("{version} help.html"), &report.disagreements);
        assert_eq!(
            report.modules,
            paraminfo.modules.len(),
            "{version}: every module"
        );
        let parameters: usize = paraminfo
            .modules
            .iter()
            .map(|m| m.all_parameters().count())
            .sum();
        assert_eq!(report.parameters, parameters, "{version}: every parameter");
        assert!(
            report.modules > 100,
            "{version}: the recursive page holds every module"
        );
    }
}
