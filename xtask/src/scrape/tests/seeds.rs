//! The four seed text dumps: each gives the right module with every parameter, checked
//! against the paraminfo of both committed captures.

use mwtyped_spec::ParamType;

use super::{VERSIONS, assert_no_disagreement, capture_paraminfo, check_against, fixture};
use crate::scrape::{self, ScrapedPage};

/// Seed file, the module it documents, its prefix.
const SEEDS: &[(&str, &str, &str)] = &[
    // English, an older release's wording ("for bots", unsorted enum values, `GPL-2.0+`).
    ("seeds/000_31c79a1da39889f8.txt", "linkaccount", "link"),
    // English chrome, Hindi digits (`५०`).
    ("seeds/001_7fd24c0682980ec8.txt", "clientlogin", "login"),
    // Lithuanian chrome, every line a `- ` bullet, no headings.
    ("seeds/002_ebf9ca88c1d7d9b5.txt", "createaccount", "create"),
    // English.
    ("seeds/003_5b0256d8a4bcf2f4.txt", "createaccount", "create"),
];

fn read_seed(name: &str) -> ScrapedPage {
    let (file, bytes) = fixture(name);
    scrape::read(&file, &bytes, &[]).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn each_seed_gives_its_module_and_agrees_with_both_captures() {
    for version in VERSIONS {
        let paraminfo = capture_paraminfo(version);
        for (seed, path, prefix) in SEEDS {
            let page = read_seed(seed);
            assert_eq!(page.form, "text");
            assert_eq!(page.modules.len(), 1, "{seed}: one module");
            let m = &page.modules[0].module;
            assert_eq!(
                (m.path.as_str(), m.prefix.as_str()),
                (*path, *prefix),
                "{seed}"
            );
            assert!(
                m.writerights && m.mustbeposted && !m.readrights,
                "{seed}: flags"
            );
            assert_eq!(m.source, "MediaWiki", "{seed}: source");
            assert!(m.dynamicparameters.is_some(), "{seed}: the `*` note");
            let reference = paraminfo
                .modules
                .iter()
                .find(|r| r.path == *path)
                .unwrap_or_else(|| panic!("{path} not in the {version} capture"));
            assert_eq!(
                m.all_parameters().count(),
                reference.all_parameters().count(),
                "{seed}: every parameter ({version})"
            );
            let report = check_against(&page, &paraminfo);
            // The license tag is not a parameter's: seed 000 comes from a release that still
            // wrote `GPL-2.0+`.
            let disagreements: Vec<_> = report
                .disagreements
                .into_iter()
                .filter(|d| d.field != "licensetag")
                .collect();
            assert_no_disagreement(&format!("{seed} against {version}"), &disagreements);
        }
    }
}

#[test]
fn seed_values_read_in_every_script_and_language() {
    let clientlogin = read_seed("seeds/001_7fd24c0682980ec8.txt");
    let m = &clientlogin.modules[0].module;
    let requests = m.parameters.iter().find(|p| p.name == "requests");
    let requests = requests.expect("loginrequests");
    assert!(requests.multi);
    // `५०` and `५००`: Devanagari digits.
    assert_eq!(
        (requests.lowlimit, requests.highlimit),
        (Some(50), Some(500))
    );
    let token = m
        .parameters
        .iter()
        .find(|p| p.name == "token")
        .expect("logintoken");
    assert!(token.required && token.sensitive);
    assert_eq!(token.tokentype.as_deref(), Some("login"));
    assert_eq!(token.ty, ParamType::String);
    assert_eq!(m.examples.as_ref().map(Vec::len), Some(2));

    let lithuanian = read_seed("seeds/002_ebf9ca88c1d7d9b5.txt");
    let m = &lithuanian.modules[0].module;
    assert_eq!(
        m.licensetag.as_deref(),
        Some("GPL-2.0-or-later"),
        "`Licencija:`"
    );
    let format = m.parameters.iter().find(|p| p.name == "messageformat");
    assert_eq!(
        format.map(|p| &p.ty),
        Some(&ParamType::Enum(
            ["html", "none", "raw", "wikitext"]
                .map(String::from)
                .to_vec()
        ))
    );
    assert_eq!(
        format.and_then(|p| p.default.clone()),
        Some("wikitext".into())
    );
    let example = m.examples.as_ref().and_then(|e| e.first());
    assert!(example.is_some_and(|e| e.query.starts_with("action=createaccount&")));

    let old = read_seed("seeds/000_31c79a1da39889f8.txt");
    let requests = old.modules[0]
        .module
        .parameters
        .iter()
        .find(|p| p.name == "requests");
    // "Separate values with | or alternative. Maximum number of values is 50 (500 for bots).":
    // two messages on one line, the second in a pre-1.35 wording.
    assert_eq!(
        requests.map(|p| (p.multi, p.lowlimit, p.highlimit)),
        Some((true, Some(50), Some(500)))
    );
}

#[test]
fn prose_constraints_become_notes() {
    for (seed, _, prefix) in SEEDS {
        let page = read_seed(seed);
        let notes = &page.modules[0].notes;
        let either = |param: &str, other: &str| {
            notes.iter().any(|n| {
                n.parameter == param
                    && n.constraint
                        == scrape::output::Constraint::EitherRequired {
                            others: vec![format!("{prefix}{other}")],
                        }
            })
        };
        assert!(either("returnurl", "continue"), "{seed}: {notes:?}");
        assert!(either("continue", "returnurl"), "{seed}: {notes:?}");
    }
}

#[test]
fn unknowns_are_marked_never_guessed() {
    let page = read_seed("seeds/003_5b0256d8a4bcf2f4.txt");
    let m = &page.modules[0];
    let returnurl = m
        .is_unknown(Some("returnurl"), "type")
        .expect("returnurl's type unknown");
    assert_eq!(returnurl.candidates, ["string", "text", "password", "raw"]);
    assert!(m.is_unknown(None, "classname").is_some());
    assert!(
        m.is_unknown(Some("messageformat"), "deprecatedvalues")
            .is_some()
    );
    assert!(!page.warnings.is_empty());
}
