//! Help pages of releases before 1.39 (`xtask/tests/fixtures/scrape/older/`, made by hand; their
//! README says what each changes from the committed 1.39 page and why).
//!
//! Read: the English info lines of **1.27** (`One value`, `Values (separate with |)`,
//! `Separate values with |.`, `No more than 500 (5,000 for bots) allowed.`, `Type: user name`,
//! separator and maximum joined on one line) and of **1.28 to 1.38** (`… or alternative`,
//! `… (500 for bots)`, `… (500 for clients allowed higher limits)`), besides 1.39 and 1.43.
//! Marked unknown, with a warning and never an error: a line shaped like an info message that
//! matches none of its wordings (a wiki's own edit of the message, a release's wording not in
//! the tables) or whose number is not one; what that message tells is what becomes unknown.
//! Numbers with digit grouping (`5,000`, `104,857,600`, `१०,४८,५७,६००`) are numbers wherever they
//! stand: ranges, limits, value counts and defaults.

use mwtyped_spec::{ParamType, Parameter};
use serde_json::Value;

use super::fixture;
use super::text_dump::inner_text;
use crate::scrape::output::ScrapedModule;
use crate::scrape::{self, ScrapedPage};

fn read(name: &str) -> ScrapedPage {
    let (file, bytes) = fixture(&format!("older/{name}"));
    scrape::read(&file, &bytes, &[]).unwrap_or_else(|e| panic!("{e}"))
}

fn module<'p>(page: &'p ScrapedPage, path: &str) -> &'p ScrapedModule {
    page.modules
        .iter()
        .find(|m| m.module.path == path)
        .unwrap_or_else(|| panic!("{}: no module `{path}`", page.source))
}

fn param<'m>(m: &'m ScrapedModule, name: &str) -> &'m Parameter {
    m.module
        .all_parameters()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("`{}` has no parameter `{name}`", m.module.path))
}

fn strings(values: &[&str]) -> ParamType {
    ParamType::Enum(values.iter().map(|v| (*v).to_owned()).collect())
}

/// The warnings about lines that could not be read.
fn unreadable_warnings(page: &ScrapedPage) -> Vec<&String> {
    page.warnings
        .iter()
        .filter(|w| w.contains("marked unknown"))
        .collect()
}

/// What 1.27 and 1.32 pages both tell of `upload`, `list=allpages` and `prop=categories`.
fn check_common_modules(page: &ScrapedPage) {
    let upload = module(page, "upload");
    assert!(upload.module.writerights && upload.module.mustbeposted);
    let watch = param(upload, "watch");
    assert!(
        watch.deprecated,
        "the deprecated line comes before the description"
    );
    assert_eq!(watch.ty, ParamType::Boolean);
    let watchlist = param(upload, "watchlist");
    assert_eq!(watchlist.ty, strings(&["watch", "preferences", "nochange"]));
    assert_eq!(watchlist.default, Some(Value::from("preferences")));
    assert_eq!(param(upload, "file").ty, ParamType::Upload);
    // `The value must be between 0 and 104,857,600.`, before `Type: integer`.
    let filesize = param(upload, "filesize");
    assert_eq!(
        (&filesize.ty, filesize.min, filesize.max),
        (&ParamType::Integer, Some(0), Some(104_857_600))
    );
    let offset = param(upload, "offset");
    assert_eq!((offset.min, offset.max), (Some(0), None));
    let token = param(upload, "token");
    assert!(token.required && token.sensitive);
    assert_eq!(token.tokentype.as_deref(), Some("csrf"));

    let allpages = module(page, "query+allpages");
    assert_eq!(allpages.module.prefix, "ap");
    let namespace = param(allpages, "namespace");
    assert_eq!(namespace.ty, ParamType::Namespace);
    assert_eq!(namespace.default, Some(Value::from(0)));
    let prtype = param(allpages, "prtype");
    assert!(prtype.multi);
    assert_eq!(prtype.ty, strings(&["edit", "move", "upload"]));
    // Fewer values than the limit: MediaWiki states none, and none is guessed.
    assert!(allpages.is_unknown(Some("prtype"), "lowlimit").is_some());
    assert_eq!(
        param(allpages, "prlevel").ty,
        strings(&["", "autoconfirmed", "sysop"])
    );
    // `No more than 500 (5,000 for bots) allowed.`: both maxima, and no minimum stated.
    let limit = param(allpages, "limit");
    assert_eq!(
        (&limit.ty, limit.max, limit.highmax),
        (&ParamType::Limit, Some(500), Some(5000))
    );
    assert_eq!(limit.default, Some(Value::from(10)));
    assert!(allpages.is_unknown(Some("limit"), "highmax").is_none());
    assert!(allpages.is_unknown(Some("limit"), "min").is_some());
    assert_eq!(
        param(allpages, "dir").ty,
        strings(&["ascending", "descending"])
    );

    let categories = module(page, "query+categories");
    // Separator and maximum on one line.
    let titles = param(categories, "categories");
    assert_eq!(
        (titles.multi, titles.lowlimit, titles.highlimit),
        (true, Some(50), Some(500))
    );
    let prop = param(categories, "prop");
    assert!(prop.multi);
    assert_eq!(prop.ty, strings(&["sortkey", "timestamp", "hidden"]));
    let cllimit = param(categories, "limit");
    assert_eq!((cllimit.max, cllimit.highmax), (Some(500), Some(5000)));
}

#[test]
fn mediawiki_1_27_is_read() {
    let page = read("help-1.27-en.html");
    let paths: Vec<&str> = page
        .modules
        .iter()
        .map(|m| m.module.path.as_str())
        .collect();
    assert_eq!(
        paths,
        ["block", "upload", "query+allpages", "query+categories"]
    );
    assert_eq!(unreadable_warnings(&page), Vec::<&String>::new());
    check_common_modules(&page);

    let block = module(&page, "block");
    // `Source: MediaWiki` without the span naming the extension: its display name only.
    assert_eq!(block.module.sourcename, "MediaWiki");
    assert!(block.is_unknown(None, "source").is_some());
    assert_eq!(block.module.licensetag.as_deref(), Some("GPL-2.0+"));
    let user = param(block, "user");
    assert!(user.required);
    assert_eq!(user.ty, ParamType::User, "`Type: user name`");
    let tags = param(block, "tags");
    assert_eq!((&tags.ty, tags.multi), (&strings(&[]), true));
    assert_eq!(param(block, "reason").default, Some(Value::from("")));
    assert_eq!(param(block, "expiry").default, Some(Value::from("never")));
    // No line of 1.27 is left as a note: each was read as a message.
    assert_eq!(page.modules.iter().map(|m| m.notes.len()).sum::<usize>(), 0);
}

#[test]
fn mediawiki_1_32_is_read() {
    let page = read("help-1.32-en.html");
    assert_eq!(page.modules.len(), 3);
    assert_eq!(unreadable_warnings(&page), Vec::<&String>::new());
    check_common_modules(&page);
    let upload = module(&page, "upload");
    assert_eq!(upload.module.source, "MediaWiki");
    assert_eq!(
        upload.module.licensetag.as_deref(),
        Some("GPL-2.0-or-later")
    );
}

/// A browser's copy of the older pages: the same facts from the text alone.
#[test]
fn older_pages_as_text_are_read() {
    for name in ["help-1.27-en.html", "help-1.32-en.html"] {
        let (_, html) = fixture(&format!("older/{name}"));
        let text = inner_text(&String::from_utf8_lossy(&html));
        let what = format!("{name} as text");
        let page = scrape::read(&what, text.as_bytes(), &[]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(page.form, "text");
        assert_eq!(unreadable_warnings(&page), Vec::<&String>::new(), "{what}");
        let allpages = module(&page, "query+allpages");
        let limit = param(allpages, "limit");
        assert_eq!(
            (limit.max, limit.highmax),
            (Some(500), Some(5000)),
            "{what}"
        );
        let filesize = param(module(&page, "upload"), "filesize");
        assert_eq!(filesize.max, Some(104_857_600), "{what}");
        let titles = param(module(&page, "query+categories"), "categories");
        assert_eq!((titles.lowlimit, titles.highlimit), (Some(50), Some(500)));
        assert_eq!(
            param(allpages, "filterredir").ty,
            strings(&["all", "redirects", "nonredirects"]),
            "{what}"
        );
    }
}

/// Lines a wiki reworded in its `MediaWiki:` namespace: each leaves what it would tell
/// unknown, says so in a warning, and the page is read to the end.
#[test]
fn lines_not_understood_are_unknown_not_fatal() {
    let page = read("overridden-1.32-en.html");
    assert_eq!(page.modules.len(), 3, "every module read");
    let warnings = unreadable_warnings(&page);
    assert_eq!(warnings.len(), 4, "one warning per line: {warnings:#?}");

    // `Type: whole number`: shaped like a type line, so the type is unknown, and not one of
    // the types that show no type line.
    let allpages = module(&page, "query+allpages");
    let minsize = allpages
        .is_unknown(Some("minsize"), "type")
        .expect("minsize's type unknown");
    assert!(minsize.candidates.is_empty(), "{minsize:?}");
    assert!(minsize.reason.contains("Type: whole number"), "{minsize:?}");
    assert!(warnings.iter().any(|w| w.contains("`apminsize`")));

    // `No more than 500 (5,000 for bots and sysops) allowed.`: both maxima unknown; the type
    // and the default on the lines around it are still read.
    let limit = param(allpages, "limit");
    assert_eq!(
        (&limit.ty, limit.max, limit.highmax),
        (&ParamType::Limit, None, None)
    );
    assert_eq!(limit.default, Some(Value::from(10)));
    for field in ["max", "highmax"] {
        assert!(
            allpages.is_unknown(Some("limit"), field).is_some(),
            "{field}"
        );
    }

    // `The value must be from 0 to 104,857,600.`: the range unknown, the type read.
    let upload = module(&page, "upload");
    let filesize = param(upload, "filesize");
    assert_eq!(
        (&filesize.ty, filesize.min, filesize.max),
        (&ParamType::Integer, None, None)
    );
    assert!(upload.is_unknown(Some("filesize"), "min").is_some());
    assert!(upload.is_unknown(Some("filesize"), "max").is_some());

    // `… Maximum number of values is 5O (500 for bots).`: the separator sentence is read, the
    // count is not a number.
    let categories = module(&page, "query+categories");
    let titles = param(categories, "categories");
    assert!(titles.multi);
    assert_eq!((titles.lowlimit, titles.highlimit), (None, None));
    let count = categories
        .is_unknown(Some("categories"), "lowlimit")
        .expect("the value count unknown");
    assert!(count.reason.contains("`5O`"), "{count:?}");
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("`clcategories`") && w.contains("not a number"))
    );

    // Everything else of the page is as on the unedited page.
    let unedited = read("help-1.32-en.html");
    assert_eq!(
        param(module(&unedited, "query+allpages"), "limit").max,
        Some(500),
        "the unedited line is read"
    );
    assert_eq!(
        param(upload, "watchlist"),
        param(module(&unedited, "upload"), "watchlist")
    );
}

/// A module's own info line may open with the words of a message that states a number, in
/// the page's language (`Ne peut pas être utilisé avec adruser.` and `Ne peut pas être plus
/// long que $1 octets.`; `Не может быть`, `Nie może być`, `لا يمكن أن` alike): without a number it
/// is a note, not an unreadable limit. With one, it is a reworded limit, as above.
#[test]
fn a_module_note_opening_like_a_limit_is_a_note() {
    let page_of = |lang: &str, info: &[&str]| {
        let dds: String = info
            .iter()
            .map(|i| format!(r#"<dd class="info">{i}</dd>"#))
            .collect();
        let html = format!(
            r#"<!DOCTYPE html><html lang="{lang}"><body>
<h4 class="apihelp-header apihelp-module-name" id="query+alldeletedrevisions">list=alldeletedrevisions (adr)</h4>
<div class="apihelp-block apihelp-parameters"><dl>
<dt><span dir="ltr" lang="en">adrfrom</span></dt><dd class="description"><p>From.</p></dd>{dds}
</dl></div></body></html>"#
        );
        scrape::read("note.html", html.as_bytes(), &[lang.to_owned()])
            .unwrap_or_else(|e| panic!("{e}"))
    };
    for (lang, note) in [
        ("fr", "Ne peut pas être utilisé avec <var>adruser</var>."),
        (
            "ru",
            "Не может быть использовано одновременно с <var>adruser</var>.",
        ),
        ("pl", "Nie może być używane z <var>adruser</var>."),
        ("ar", "لا يمكن أن تُستخدَم مع <var>adruser</var>."),
        ("en", "Cannot be used with <var>adruser</var>."),
        (
            "en",
            "No more than one of <var>adrfrom</var> and <var>adrto</var>.",
        ),
    ] {
        let page = page_of(lang, &[note]);
        assert_eq!(unreadable_warnings(&page), Vec::<&String>::new(), "{note}");
        let m = module(&page, "query+alldeletedrevisions");
        assert!(
            m.unknowns
                .iter()
                .all(|u| u.field != "maxbytes" && u.field != "max")
        );
        assert_eq!(m.notes.len(), 1, "{note}: kept as a note: {:?}", m.notes);
    }
    // The same opening with a number: the byte limit reworded, unknown with a warning.
    let page = page_of(
        "fr",
        &["Ne peut pas être plus long que 255 octets (UTF-8)."],
    );
    assert_eq!(unreadable_warnings(&page).len(), 1);
    let m = module(&page, "query+alldeletedrevisions");
    assert!(m.is_unknown(Some("from"), "maxbytes").is_some());
}

/// Grouped numbers in every place a number stands, in text as a browser copies it.
#[test]
fn grouped_numbers_are_numbers_everywhere() {
    let text = "action=upload\n\
        Parameters:\n\
        filesize\nFilesize of entire upload.\nType: integer\n\
        The value must be between 1,000 and 1,000,000.\nDefault: 5,000\n\
        chunks\nChunk numbers.\nType: list of integers\n\
        Separate values with | or alternative. Maximum number of values is 1,000 (5,000 for bots).\n\
        limit\nHow many.\nNo more than 5,000 (50,000 for bots) allowed.\nType: integer or max\n\
        Default: 1,000\n";
    let page = scrape::read("grouped.txt", text.as_bytes(), &[]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(unreadable_warnings(&page), Vec::<&String>::new());
    let upload = module(&page, "upload");
    let filesize = param(upload, "filesize");
    assert_eq!((filesize.min, filesize.max), (Some(1000), Some(1_000_000)));
    assert_eq!(filesize.default, Some(Value::from(5000)));
    let chunks = param(upload, "chunks");
    assert_eq!(
        (chunks.lowlimit, chunks.highlimit),
        (Some(1000), Some(5000))
    );
    let limit = param(upload, "limit");
    assert_eq!((limit.max, limit.highmax), (Some(5000), Some(50_000)));
    assert_eq!(limit.default, Some(Value::from(1000)));

    // The wording of 1.35 to 1.38.
    let later = "action=query\nParameters:\ntitles\nA list of titles to work on.\n\
        Maximum number of values is 50 (500 for clients allowed higher limits).\n";
    let page = scrape::read("later.txt", later.as_bytes(), &[]).unwrap_or_else(|e| panic!("{e}"));
    let titles = param(module(&page, "query"), "titles");
    assert_eq!((titles.lowlimit, titles.highlimit), (Some(50), Some(500)));

    // The page language's digits and grouping: Hindi's Devanagari with Indian grouping, in
    // English wording (a message Hindi leaves untranslated falls back to English).
    let hindi = "action=upload\nParameters:\nfilesize\nFilesize of entire upload.\n\
        The value must be between ० and १०,४८,५७,६००.\n";
    let page = scrape::read("hindi.txt", hindi.as_bytes(), &["hi".to_owned()])
        .unwrap_or_else(|e| panic!("{e}"));
    let filesize = param(module(&page, "upload"), "filesize");
    assert_eq!((filesize.min, filesize.max), (Some(0), Some(104_857_600)));
}
