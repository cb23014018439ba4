//! The naming rule, applied here and only here.
//!
//! Every Rust name comes from a wire name by one rule, the same in every version and for a
//! user's own spec file, so that a user can predict it and it never changes when a capture
//! is added or refreshed:
//!
//! 1. The wire name (a module's name, a parameter's name without the module's prefix, an
//!    enum value) is lowercased and split at every character that is not an ASCII letter or
//!    digit: `contentformat-{slot}` → `contentformat`, `slot`.
//! 2. Each piece is looked up in the **name table** (`names.txt`, committed and reviewed in
//!    diffs): its line `content_format` says that the piece `contentformat` is the words
//!    `content` and `format`. A piece the table does not hold is one word. Lines are only ever
//!    added, never changed, so a published name stays; a new capture's new pieces show in
//!    `cargo xtask regen` until a line is added for them.
//! 3. **Fields** join the words with `_`: `loginreturnurl` → `return_url`, `basetimestamp`
//!    → `base_timestamp`, `fromrev` → `from_rev` in every version. A Rust keyword gets a
//!    trailing `_` (`continue_`, `type_`); a name starting with a digit a leading `p`.
//!    Templated parameters are maps: `fromtext-{slot}` → `from_text_per_slot`. The fields
//!    of typed answers follow the same rule (`newrevid` → `new_rev_id`). A line is added
//!    only for a piece no published name uses yet: `editcount` stays one word in answers
//!    because `usprop=editcount` is already the variant `Editcount`.
//! 4. **Types** capitalise the words and join them: module structs take the module's name
//!    (`clientlogin` → `ClientLogin`; `query+allpages` → `query::AllPages`), an enum of
//!    values is its struct's name and its field's (`AllPagesFilterRedir`), and a variant is
//!    its value (`nonredirects` → `Nonredirects`, `text/x-wiki` → `TextXWiki`, `!bot` →
//!    `NotBot`; `Empty` for the empty value, a leading `V` before a digit).
//!
//! The wire name is always in the docs and a `#[doc(alias)]`.

use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

use mwtyped_spec::{Module, Spec};

/// The name table: piece → its words joined by `_`.
static TABLE: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    include_str!("names.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|cut| (cut.replace('_', ""), cut))
        .collect()
});

/// The words of a wire name, by the table.
pub fn words(wire: &str) -> Vec<String> {
    pieces(wire)
        .flat_map(|piece| match TABLE.get(&piece) {
            Some(cut) => cut.split('_').map(str::to_owned).collect(),
            None => vec![piece],
        })
        .collect()
}

fn pieces(wire: &str) -> impl Iterator<Item = String> + '_ {
    wire.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .map(str::to_ascii_lowercase)
}

/// A field's name: `returnurl` → `return_url`, `continue` → `continue_`.
pub fn field_name(wire: &str) -> String {
    let mut field = words(wire).join("_");
    if field.is_empty() || field.starts_with(|c: char| c.is_ascii_digit()) {
        field = format!("p{field}");
    }
    if KEYWORDS.contains(&field.as_str()) {
        field.push('_');
    }
    field
}

/// A type's name: `clientlogin` → `ClientLogin`, `text/x-wiki` → `TextXWiki`.
pub fn type_name(wire: &str) -> String {
    let mut name: String = words(wire).iter().map(|w| capitalised(w)).collect();
    if name.is_empty() {
        name = "Empty".into();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name = format!("V{name}");
    }
    name
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_ascii_uppercase().to_string() + chars.as_str()
    })
}

/// The struct name of every module of `spec`, by path.
pub fn struct_names(spec: &Spec) -> HashMap<String, String> {
    spec.modules
        .iter()
        .map(|m| (m.path.clone(), struct_name(m)))
        .collect()
}

fn struct_name(module: &Module) -> String {
    type_name(&module.name)
}

/// The enum of a parameter's values: its struct's name and its field's.
pub fn enum_name(struct_name: &str, field: &str) -> String {
    format!("{struct_name}{}", type_name(field))
}

/// An enum variant for a wire value.
pub fn variant_name(value: &str) -> String {
    match value.strip_prefix('!') {
        Some(rest) => format!("Not{}", type_name(rest)),
        None => type_name(value),
    }
}

/// The pieces of the wire names of `spec` (module names, parameter names, template
/// variables) that the name table does not hold: each is one word until a line is added.
pub fn unknown_pieces(spec: &Spec) -> BTreeSet<String> {
    let mut unknown = BTreeSet::new();
    let mut check = |wire: &str| {
        unknown.extend(pieces(wire).filter(|p| !TABLE.contains_key(p)));
    };
    for module in &spec.modules {
        check(&module.name);
        // Values need no line: a wiki's own values (its groups, tags, languages) are
        // endless, and a value not in the table is one word.
        for param in module.all_parameters() {
            check(&param.name);
        }
    }
    unknown
}

/// The pieces of the field names of `model`'s answers that the name table does not hold
/// (a map's keys are data, not names: they need none).
pub fn unknown_answer_pieces(model: &mwtyped_spec::AnswerModel) -> BTreeSet<String> {
    fn walk(shape: &mwtyped_spec::Shape, unknown: &mut BTreeSet<String>) {
        use mwtyped_spec::Shape;
        match shape {
            Shape::Object { fields } | Shape::Tuple { fields } => {
                for field in fields {
                    unknown.extend(pieces(&field.name).filter(|p| !TABLE.contains_key(p)));
                    walk(&field.shape, unknown);
                }
            }
            Shape::Array { items } => walk(items, unknown),
            Shape::Map { values } => walk(values, unknown),
            _ => {}
        }
    }
    let mut unknown = BTreeSet::new();
    for shape in model.answers.values() {
        walk(shape, &mut unknown);
    }
    unknown
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_cut_by_the_table() {
        assert_eq!(field_name("returnurl"), "return_url");
        assert_eq!(field_name("basetimestamp"), "base_timestamp");
        assert_eq!(field_name("starttimestamp"), "start_timestamp");
        assert_eq!(field_name("fromrev"), "from_rev");
        assert_eq!(field_name("continue"), "continue_");
        assert_eq!(field_name("type"), "type_");
        assert_eq!(field_name("xyzzy"), "xyzzy");
        assert_eq!(field_name("return-url"), "return_url");
        assert_eq!(field_name("filterredir"), "filter_redir");
    }

    #[test]
    fn types_are_cut_by_the_table() {
        assert_eq!(type_name("clientlogin"), "ClientLogin");
        assert_eq!(
            type_name("abusefilterchecksyntax"),
            "AbuseFilterCheckSyntax"
        );
        assert_eq!(type_name("embeddedin"), "EmbeddedIn");
        assert_eq!(type_name("unlinkaccount"), "UnlinkAccount");
        assert_eq!(
            enum_name("AllPages", "pr_filter_cascade"),
            "AllPagesPrFilterCascade"
        );
    }

    /// A new capture's new pieces must be given their words (a line in `names.txt`) before
    /// they are published: afterwards a cut would rename a field.
    #[test]
    fn every_piece_of_the_committed_captures_is_in_the_table() {
        for capture in mwtyped_spec::CAPTURES {
            let spec = capture.spec().expect("parses");
            let unknown = unknown_pieces(&spec);
            assert!(
                unknown.is_empty(),
                "{}: add lines to codegen/src/names.txt for {unknown:?}",
                capture.name
            );
        }
    }

    #[test]
    fn the_table_is_sorted_and_each_piece_has_one_line() {
        let lines: Vec<&str> = include_str!("names.txt").lines().collect();
        let keys: Vec<String> = lines.iter().map(|l| l.replace('_', "")).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(
            keys, sorted,
            "names.txt: one line per piece, in order of the piece"
        );
        for line in lines {
            assert!(
                line.split('_').all(|w| !w.is_empty()
                    && w.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())),
                "names.txt: `{line}` is not lowercase words joined by `_`"
            );
        }
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
