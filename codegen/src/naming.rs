//! The naming rule, applied here and only here.
//!
//! - **Structs** take the name MediaWiki's own class gives the module, without its namespace,
//!   the `Api` prefix and any part before the module's name: `ApiClientLogin` → `ClientLogin`,
//!   `ApiAMCreateAccount` → `CreateAccount`, `ApiQueryAllPages` → `AllPages` (in `query::`).
//!   Where the class name does not end in the module's name (one class serves `backlinks`,
//!   `embeddedin` and `imageusage`), the module's name is capitalised: `Embeddedin`.
//! - **Fields** are the parameter's name without the module's prefix, cut into words found in
//!   the spec's own descriptions and joined by `_`: `loginreturnurl` → `return_url`. A name
//!   that cannot be cut whole stays one word; a Rust keyword gets a trailing `_`
//!   (`continue_`). The wire name is always in the docs and a `#[doc(alias)]`.
//! - **Enum variants** capitalise the words of the value: `nonredirects` → `Nonredirects`,
//!   `text/x-wiki` → `TextXWiki`, `!bot` → `NotBot`.

use std::collections::{BTreeSet, HashMap};

use mwtyped_spec::{Module, Spec};

use crate::docs;

/// The struct name of every module of `spec`, by path.
pub fn struct_names(spec: &Spec) -> HashMap<String, String> {
    spec.modules
        .iter()
        .map(|m| (m.path.clone(), struct_name(m)))
        .collect()
}

fn struct_name(module: &Module) -> String {
    let class = module
        .classname
        .rsplit('\\')
        .next()
        .unwrap_or(&module.classname);
    let class = class.strip_prefix("Api").unwrap_or(class);
    let wanted: String = module
        .name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    // The part of the class name that spells the module's name, keeping the class's capitals.
    if class.len() >= wanted.len() && !wanted.is_empty() {
        let tail = &class[class.len() - wanted.len()..];
        if tail.to_ascii_lowercase() == wanted && tail.starts_with(|c: char| c.is_ascii_uppercase())
        {
            return tail.to_owned();
        }
    }
    upper_camel(&module.name)
}

/// Capitalises each alphanumeric run: `text/x-wiki` → `TextXWiki`.
pub fn upper_camel(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

/// An enum variant for a wire value.
pub fn variant_name(value: &str) -> String {
    let (negated, rest) = match value.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, value),
    };
    let mut name = upper_camel(rest);
    if negated {
        name = format!("Not{name}");
    }
    if name.is_empty() {
        name = "Empty".into();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name = format!("V{name}");
    }
    name
}

/// The Cargo feature that enables what an extension adds.
pub fn extension_feature(extension: &str) -> String {
    format!(
        "ext-{}",
        extension
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            })
            .collect::<String>()
    )
}

const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

const SHORT_WORDS: &[&str] = &["id", "to", "by", "ip"];

/// Words for cutting parameter names: every word of two letters or more in the prose of the
/// spec's descriptions (not in their code spans, which name parameters whole).
pub struct Vocabulary(BTreeSet<String>);

impl Vocabulary {
    pub fn of(spec: &Spec) -> Vocabulary {
        let mut words = BTreeSet::new();
        let mut add = |text: &str| {
            for word in docs::prose(text).split(|c: char| !c.is_ascii_alphanumeric()) {
                // Two-letter words cut too eagerly (`filterredir` → `filter_re_dir`): only
                // those that name things in parameter names are taken.
                let short_ok = SHORT_WORDS.contains(&word.to_ascii_lowercase().as_str());
                if (word.len() >= 3 || short_ok) && word.chars().all(|c| c.is_ascii_alphabetic()) {
                    words.insert(word.to_ascii_lowercase());
                }
            }
        };
        for module in &spec.modules {
            if let Some(mwtyped_spec::Help::Text(text)) = &module.description {
                add(text);
            }
            for param in module.all_parameters() {
                if let Some(mwtyped_spec::Help::Text(text)) = &param.description {
                    add(text);
                }
            }
        }
        Vocabulary(words)
    }

    /// `returnurl` → `return_url`; the fewest words win, then the longest first word.
    pub fn field_name(&self, name: &str) -> String {
        let name = name.to_ascii_lowercase();
        let base: Vec<String> = name
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|p| !p.is_empty())
            .map(|part| self.cut(part).unwrap_or_else(|| part.to_owned()))
            .collect();
        let mut field = base.join("_");
        if field.is_empty() || field.starts_with(|c: char| c.is_ascii_digit()) {
            field = format!("p{field}");
        }
        if KEYWORDS.contains(&field.as_str()) {
            field.push('_');
        }
        field
    }

    fn cut(&self, word: &str) -> Option<String> {
        if self.0.contains(word) {
            return Some(word.to_owned());
        }
        let n = word.len();
        // best[i]: the best cut of word[i..] as (number of words, words).
        let mut best: Vec<Option<(usize, Vec<&str>)>> = vec![None; n + 1];
        best[n] = Some((0, vec![]));
        for i in (0..n).rev() {
            for j in (i + 2..=n).rev() {
                let piece = &word[i..j];
                if !self.0.contains(piece) {
                    continue;
                }
                if let Some((count, rest)) = &best[j] {
                    let better = best[i].as_ref().is_none_or(|(c, _)| count + 1 < *c);
                    if better {
                        let mut words = vec![piece];
                        words.extend(rest.iter().copied());
                        best[i] = Some((count + 1, words));
                    }
                }
            }
        }
        best[0].take().map(|(_, words)| words.join("_"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary(words: &[&str]) -> Vocabulary {
        Vocabulary(words.iter().map(|w| w.to_string()).collect())
    }

    #[test]
    fn fields_are_cut_into_known_words() {
        let v = vocabulary(&[
            "return", "url", "message", "format", "continue", "re", "turn",
        ]);
        assert_eq!(v.field_name("returnurl"), "return_url");
        assert_eq!(v.field_name("messageformat"), "message_format");
        assert_eq!(v.field_name("continue"), "continue_");
        assert_eq!(v.field_name("xyzzy"), "xyzzy");
        assert_eq!(v.field_name("return-url"), "return_url");
        assert_eq!(v.field_name("type"), "type_");
        assert_eq!(v.field_name("filterredir"), "filterredir");
    }

    #[test]
    fn variants() {
        assert_eq!(variant_name("text/x-wiki"), "TextXWiki");
        assert_eq!(variant_name("!bot"), "NotBot");
        assert_eq!(variant_name(""), "Empty");
        assert_eq!(variant_name("2fa"), "V2fa");
    }

    #[test]
    fn features() {
        assert_eq!(
            extension_feature("SyntaxHighlight_GeSHi"),
            "ext-syntaxhighlight-geshi"
        );
        assert_eq!(extension_feature("Abuse Filter"), "ext-abusefilter");
    }
}
