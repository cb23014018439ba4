//! The localisation tables: the MediaWiki messages that make up a help page's chrome and its
//! info lines, per language, compiled into [`Template`]s.
//!
//! `messages.json` holds, for each supported language, every `api-help-*` and
//! `paramvalidator-help-*` message (and the list separators) of MediaWiki 1.39.17 and 1.43.9,
//! verbatim from their `includes/api/i18n/`, `languages/i18n/` and
//! `includes/libs/ParamValidator/i18n/` files; where the two releases differ, both wordings are
//! kept. It is written by `cargo xtask scrape --update-messages MW_ROOT...` (see [`super::update`]);
//! to support a language, add it to [`SUPPORTED`] and run that. [`HISTORICAL_EN`] adds the
//! English wordings of releases 1.27 to 1.38 where they differ (`scrape::tests::older_releases`).
//!
//! Supported languages (their message shapes are read): **en, lt, hi, mr, bn, ar, fa, de, fr,
//! es, ru, ja, pl, uk, it, nl, pt, tr, sv**; each is crosschecked against both local wikis, as
//! HTML and as text, with zero disagreements and nothing more unknown than in English
//! (`scrape::tests::live`). Not yet: `zh-hans` (its list separator and headings need more work) and
//! `ko` (an empty enum list renders in a shape not read yet).
//! A message a language has not translated falls back to English, as MediaWiki does, so English
//! is always tried too. Digits of every script are read whatever the language
//! ([`super::numbers`]).
//!
//! The API prefers `api-help-param-X` and falls back to `paramvalidator-help-X` (see
//! `ApiParamValidator::getHelpInfo`), and a language may translate either; both families are
//! filed under one name, `X` (`type-boolean`, `multi-max`, …).

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use super::template::{Captures, Template};

const MESSAGES_JSON: &str = include_str!("messages.json");

/// English wordings of releases before 1.39, as their help pages show them: what MediaWiki
/// 1.27 to 1.38 worded otherwise (the releases given are approximate: the help pages of 1.27
/// and 1.32 and saved copies of later ones are what they rest on). The others rendered as now (`The value must be between $2
/// and $3.` was `api-help-param-integer-minmax`, `Can be empty, or $2` was
/// `api-help-param-list-can-be-empty`, with their parameters in another order but the same
/// text). Filed under the key of the message that took their place.
const HISTORICAL_EN: &[(&str, &str)] = &[
    // Until about 1.34 (a 1.32 page shows it).
    (
        "multi-max",
        "Maximum number of values is {{PLURAL:$1|$1}} ({{PLURAL:$2|$2}} for bots).",
    ),
    // After that, until 1.39 added "that are".
    (
        "multi-max",
        "Maximum number of values is {{PLURAL:$1|$1}} ({{PLURAL:$2|$2}} for clients allowed higher limits).",
    ),
    ("api-help-parameters", "{{PLURAL:$1|Parameter|Parameters}}:"),
    // Limits before 1.35 state the maximum, and the bots' maximum, not a range.
    ("limit", "No more than $1 allowed."),
    ("limit2", "No more than $1 ($2 for bots) allowed."),
    (
        "type-user",
        "Type: {{PLURAL:$1|1=user name|2=list of user names}}",
    ),
    // From 1.28, when the alternative separator (U+001F) came, until "One of the following
    // values" took its place.
    (
        "type-enum",
        "{{PLURAL:$1|1=One value|2=Values (separate with <kbd>{{!}}</kbd> or [[Special:ApiHelp/main#main/datatypes|alternative]])}}: $2",
    ),
    // Until 1.27, when `|` was the only separator.
    (
        "type-enum",
        "{{PLURAL:$1|1=One value|2=Values (separate with <kbd>{{!}}</kbd>)}}: $2",
    ),
    ("multi-separate", "Separate values with <kbd>|</kbd>."),
];

/// The languages whose message shapes this reader knows.
pub const SUPPORTED: &[&str] = &[
    "en", "lt", "hi", "mr", "bn", "ar", "fa", "de", "fr", "es", "ru", "ja", "pl", "uk", "it", "nl",
    "pt", "tr", "sv",
];

/// The compiled messages of some languages.
#[derive(Debug)]
pub struct Catalog {
    /// Canonical key → the templates of every wording in the chosen languages.
    /// Hashed rather than ordered: every info line of a page looks up some forty keys.
    by_key: HashMap<String, Vec<Template>>,
    /// Every comma separator of the chosen languages (`, `, `، `, …).
    pub commas: Vec<String>,
    /// False when a requested language has no table: its info lines may go unread.
    pub supported: bool,
}

/// `api-help-param-type-boolean` and `paramvalidator-help-type-boolean` → `type-boolean`.
fn canonical(key: &str) -> &str {
    key.strip_prefix("api-help-param-")
        .or_else(|| key.strip_prefix("paramvalidator-help-"))
        .unwrap_or(key)
}

type Raw = BTreeMap<String, BTreeMap<String, Vec<String>>>;

fn raw() -> &'static Raw {
    static RAW: OnceLock<Raw> = OnceLock::new();
    // The table is part of the binary and checked by a test; an unreadable one is empty.
    RAW.get_or_init(|| serde_json::from_str(MESSAGES_JSON).unwrap_or_default())
}

impl Catalog {
    /// The catalog for `languages` (English always included); every supported language when
    /// none is given.
    pub fn new(languages: &[String]) -> Catalog {
        let supported = languages.iter().all(|l| SUPPORTED.contains(&l.as_str()));
        let mut langs: Vec<String> = if languages.is_empty() {
            SUPPORTED.iter().map(|s| (*s).to_owned()).collect()
        } else {
            languages.to_vec()
        };
        if !langs.iter().any(|l| l == "en") {
            langs.push("en".into());
        }
        let mut by_key: HashMap<String, Vec<Template>> = HashMap::new();
        let mut commas = vec![];
        for lang in &langs {
            let Some(table) = raw().get(lang.as_str()) else {
                continue;
            };
            for (key, wordings) in table {
                for w in wordings {
                    if key == "comma-separator" {
                        push_unique(&mut commas, unescape(w));
                    }
                    let c = canonical(key);
                    by_key
                        .entry(c.to_owned())
                        .or_default()
                        .push(Template::compile(w));
                }
            }
        }
        for (key, w) in HISTORICAL_EN {
            by_key
                .entry((*key).to_owned())
                .or_default()
                .push(Template::compile(w));
        }
        push_unique(&mut commas, ", ".into());
        Catalog {
            by_key,
            commas,
            supported,
        }
    }

    /// The first of `keys` whose message matches the whole `text`.
    pub fn find<'k>(&self, keys: &[&'k str], text: &str) -> Option<(&'k str, Captures)> {
        keys.iter().find_map(|key| {
            self.by_key
                .get(*key)?
                .iter()
                .find_map(|t| t.matches(text))
                .map(|c| (*key, c))
        })
    }

    /// Every one of `keys` whose message matches the whole `text`, in order: a line can have
    /// the shape of two messages (`No more than 500 (5,000 for bots) allowed.` is also `No more
    /// than $1 allowed.` with a `$1` that is no number), and only one reads.
    pub fn find_each<'k>(&self, keys: &[&'k str], text: &str) -> Vec<(&'k str, Captures)> {
        keys.iter()
            .filter_map(|key| {
                self.by_key
                    .get(*key)?
                    .iter()
                    .find_map(|t| t.matches(text))
                    .map(|c| (*key, c))
            })
            .collect()
    }

    /// The keys among `keys` one of whose wordings `text` opens like (see
    /// [`Template::resembles`]): what an unreadable info line is most likely a variant of.
    pub fn resembled<'k>(&self, keys: &[&'k str], text: &str) -> Vec<&'k str> {
        keys.iter()
            .copied()
            .filter(|key| {
                self.by_key
                    .get(*key)
                    .is_some_and(|ts| ts.iter().any(|t| t.resembles(text)))
            })
            .collect()
    }

    /// Whether some wording of `key` matches `text`.
    pub fn is(&self, key: &str, text: &str) -> bool {
        self.find(&[key], text).is_some()
    }

    /// Splits a list rendered with the language's comma separator.
    pub fn split_list<'t>(&self, text: &'t str) -> Vec<&'t str> {
        let text = text.trim();
        if text.is_empty() {
            return vec![];
        }
        let mut parts = vec![text];
        for comma in &self.commas {
            let sep = comma.trim_end();
            if sep.is_empty() {
                continue;
            }
            parts = parts
                .into_iter()
                .flat_map(|p| p.split(sep))
                .map(str::trim)
                .collect();
        }
        parts
    }
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !item.trim().is_empty() && !list.contains(&item) {
        list.push(item);
    }
}

fn unescape(s: &str) -> String {
    s.replace("&#32;", " ").replace("&nbsp;", "\u{a0}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_supported_language_is_in_the_table() {
        let raw: Raw = serde_json::from_str(MESSAGES_JSON).expect("messages.json is JSON");
        for lang in SUPPORTED {
            assert!(raw.contains_key(*lang), "{lang} missing from messages.json");
        }
        assert!(raw["en"].len() > 50);
    }

    #[test]
    fn lithuanian_and_hindi_shapes() {
        let lt = Catalog::new(&["lt".into()]);
        assert!(lt.find(&["source"], "Šaltinis: MediaWiki").is_none());
        assert!(
            lt.find(&["api-help-source"], "Šaltinis: MediaWiki")
                .is_some()
        );
        assert!(lt.is("default-empty", "Numatytasis: (tuščia)"));
        let hi = Catalog::new(&["hi".into()]);
        assert!(hi.is("type-title", "प्रकार: पृष्ठ शीर्षक"));
        let c = hi
            .find(
                &["multi-max"],
                "Maximum number of values is ५० (५०० for clients that are allowed higher limits).",
            )
            .map(|(_, c)| c);
        assert_eq!(
            c.and_then(|c| c.get(2).map(str::to_owned)).as_deref(),
            Some("५००")
        );
    }
}
