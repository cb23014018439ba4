//! MediaWiki messages (`Type: {{PLURAL:$1|1=integer|2=list of integers}}`) turned into
//! patterns that match what the help page shows once the message is rendered.
//!
//! The help page is MediaWiki's messages with their parameters filled in, so the most reliable
//! way to read an info line in any language is to run the language's own message backwards:
//! `$n` becomes a capture, `{{PLURAL:…}}` and `{{GENDER:…}}` an alternative between their forms
//! (an explicit form `2=…` also tells the value of the parameter), `[[target|label]]` its label,
//! HTML tags nothing. Each message is expanded into its few linear variants once, when the
//! tables are built; matching a variant is then a plain left-to-right scan.

use std::collections::BTreeMap;

/// One piece of a linear pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Lit(String),
    /// `$n`; 0 stands for a part of the message that cannot be read back (`{{SITENAME}}`).
    Cap(u8),
}

/// One way a message can render: its pieces and what the chosen PLURAL forms imply.
#[derive(Debug, Clone)]
struct Variant {
    pieces: Vec<Piece>,
    /// `$n` → the number an explicit PLURAL form (`2=…`) stands for.
    implies: Vec<(u8, i64)>,
}

/// A compiled message.
#[derive(Debug, Clone)]
pub struct Template {
    variants: Vec<Variant>,
    /// The characters a rendering can begin with, when every variant opens with text; a
    /// line beginning otherwise is rejected at once (each info line of a page is tried
    /// against every message in turn).
    openers: Option<Vec<char>>,
    /// How each rendering opens, for telling which message an unreadable line is a variant
    /// of (see [`Template::resembles`]).
    openings: Vec<String>,
}

/// What a successful match read: the text of each `$n`, and the numbers PLURAL forms implied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Captures {
    pub params: BTreeMap<u8, String>,
    pub plural: BTreeMap<u8, i64>,
}

impl Captures {
    pub fn get(&self, n: u8) -> Option<&str> {
        self.params.get(&n).map(String::as_str)
    }
}

/// A node of the parsed message, before expansion.
#[derive(Debug, Clone)]
enum Node {
    Text(String),
    Cap(u8),
    Choice(Option<u8>, Vec<(Option<i64>, Vec<Node>)>),
}

/// More variants than this means a message this reader was not made for; it keeps the first.
const MAX_VARIANTS: usize = 64;

impl Template {
    pub fn compile(message: &str) -> Template {
        let text = decode_entities(&message.replace("{{!}}", "\u{E000}"));
        let nodes = parse(&text);
        let mut variants = vec![Variant {
            pieces: vec![],
            implies: vec![],
        }];
        expand(&nodes, &mut variants);
        for v in &mut variants {
            v.pieces = tidy(std::mem::take(&mut v.pieces));
        }
        let openers = variants
            .iter()
            .map(|v| match v.pieces.first() {
                Some(Piece::Lit(first)) => first.chars().next(),
                _ => None,
            })
            .collect::<Option<Vec<char>>>();
        let mut openings: Vec<String> = vec![];
        for opening in variants.iter().filter_map(opening) {
            if !openings.contains(&opening) {
                openings.push(opening);
            }
        }
        Template {
            variants,
            openers,
            openings,
        }
    }

    /// Whether `text` opens as some rendering of this message does, though it may not match
    /// it: a release or a wiki that words the message otherwise (`Values (separate with |)`
    /// before 1.28, `… (500 for bots)` before 1.35, an on-wiki override) keeps its opening.
    pub fn resembles(&self, text: &str) -> bool {
        self.openings.iter().any(|o| {
            text.strip_prefix(o.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        })
    }

    /// Matches the whole of `text` (already whitespace-normalised by [`normalise`]).
    pub fn matches(&self, text: &str) -> Option<Captures> {
        if let Some(openers) = &self.openers
            && !text.chars().next().is_some_and(|c| openers.contains(&c))
        {
            return None;
        }
        self.variants.iter().find_map(|v| {
            // A variant with no text of its own (a message that is only `$1`) would match any
            // line: it identifies nothing.
            if !v
                .pieces
                .iter()
                .any(|p| matches!(p, Piece::Lit(s) if !s.trim().is_empty()))
            {
                return None;
            }
            // Cheap rejections first: the opening literal, then every literal somewhere.
            if let Some(Piece::Lit(first)) = v.pieces.first()
                && !text.starts_with(first.trim_end())
            {
                return None;
            }
            let absent = |p: &Piece| matches!(p, Piece::Lit(s) if !text.contains(s.trim()));
            if v.pieces.iter().any(absent) {
                return None;
            }
            let mut caps = BTreeMap::new();
            match_pieces(&v.pieces, text, &mut caps).then(|| Captures {
                params: caps
                    .into_iter()
                    .filter(|(n, _)| *n != 0)
                    .map(|(n, s)| (n, s.trim().to_owned()))
                    .collect(),
                plural: v.implies.iter().copied().collect(),
            })
        })
    }
}

/// The opening that identifies a rendering: its label (`Type:`, `Default:`) when the first
/// word ends with a colon, else its first three words (`Maximum number of`, `No more than`,
/// `The value must`); fewer words say too little (`Cannot be` opens the byte limit and
/// module notes such as `Cannot be used with adruser.` alike). `None` when the rendering
/// does not open with that much text.
fn opening(variant: &Variant) -> Option<String> {
    let Some(Piece::Lit(first)) = variant.pieces.first() else {
        return None;
    };
    let words: Vec<&str> = first.split_whitespace().collect();
    let label = words
        .first()
        .filter(|w| w.chars().count() > 1 && (w.ends_with(':') || w.ends_with('：')));
    match label {
        Some(label) => Some((*label).to_owned()),
        None if words.len() >= 3 => Some(words[..3].join(" ")),
        None => None,
    }
}

/// Collapses every run of white space (the no-break spaces of French or Lithuanian number
/// grouping too) into one space, and trims, so that line wrapping never matters.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c == '\u{200b}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn decode_entities(text: &str) -> String {
    const ENTITIES: &[(&str, &str)] = &[
        ("&#32;", " "),
        ("&#x7B;", "{"),
        ("&#x7D;", "}"),
        ("&#123;", "{"),
        ("&#125;", "}"),
        ("&#124;", "\u{E000}"),
        ("&nbsp;", " "),
        ("&#160;", " "),
        ("&quot;", "\""),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&amp;", "&"),
    ];
    let mut text = text.to_owned();
    for (entity, by) in ENTITIES {
        if text.contains(entity) {
            text = text.replace(entity, by);
        }
    }
    text
}

/// Splits `s` at `|` outside of `{{ }}` and `[[ ]]`.
fn split_top(s: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut start) = (vec![], 0i32, 0);
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match &bytes[i..] {
            [b'{', b'{', ..] | [b'[', b'[', ..] => {
                depth += 1;
                i += 2;
                continue;
            }
            [b'}', b'}', ..] | [b']', b']', ..] => {
                depth -= 1;
                i += 2;
                continue;
            }
            [b'|', ..] if depth == 0 => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    parts.push(&s[start..]);
    parts
}

/// The end (exclusive, after the closer) of the construct opened at `s[0..2]`.
fn closing(s: &str, open: &str, close: &str) -> Option<usize> {
    let mut depth = 0;
    let mut i = 0;
    while i < s.len() {
        if s[i..].starts_with(open) {
            depth += 1;
            i += open.len();
        } else if s[i..].starts_with(close) {
            depth -= 1;
            i += close.len();
            if depth == 0 {
                return Some(i);
            }
        } else {
            i += s[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    None
}

fn parse(s: &str) -> Vec<Node> {
    let mut nodes = vec![];
    let mut text = String::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("{{") {
            if let Some(end) = closing(rest, "{{", "}}") {
                flush(&mut text, &mut nodes);
                nodes.push(parse_magic(&rest[2..end - 2]));
                rest = &rest[end..];
                continue;
            }
        } else if rest.starts_with("[[") {
            if let Some(end) = closing(rest, "[[", "]]") {
                let inner = &rest[2..end - 2];
                let parts = split_top(inner);
                let label = parts.get(1).copied().unwrap_or(inner);
                flush(&mut text, &mut nodes);
                nodes.extend(parse(label));
                rest = &rest[end..];
                continue;
            }
        } else if c == '<' {
            // An HTML tag renders as nothing; `<` not starting a tag is text.
            if let Some(end) = rest.find('>') {
                let tag = &rest[1..end];
                if tag
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic() || c == '/')
                {
                    rest = &rest[end + 1..];
                    continue;
                }
            }
        } else if c == '$' {
            let digits: String = rest[1..].chars().take_while(char::is_ascii_digit).collect();
            if let Ok(n) = digits.parse::<u8>() {
                flush(&mut text, &mut nodes);
                nodes.push(Node::Cap(n));
                rest = &rest[1 + digits.len()..];
                continue;
            }
        } else if rest.starts_with("'''") || rest.starts_with("''") {
            // Bold and italic marks render as formatting, not text.
            rest = rest.trim_start_matches('\'');
            continue;
        }
        text.push(if c == '\u{E000}' { '|' } else { c });
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut text, &mut nodes);
    nodes
}

fn flush(text: &mut String, nodes: &mut Vec<Node>) {
    if !text.is_empty() {
        nodes.push(Node::Text(std::mem::take(text)));
    }
}

/// `PLURAL:$1|a|b`, `GENDER:$1|he|she`, or anything else (`SITENAME`, `int:…`): unreadable.
fn parse_magic(inner: &str) -> Node {
    let parts = split_top(inner);
    let head = parts[0];
    let (name, arg) = head.split_once(':').unwrap_or((head, ""));
    let name = name.trim().to_ascii_uppercase();
    if name == "PLURAL" || name == "GENDER" {
        let param = arg.trim().strip_prefix('$').and_then(|n| n.parse().ok());
        let mut forms = vec![];
        for form in &parts[1..] {
            // The parser trims each argument of a parser function first, so ` 1=user`
            // (Bengali) is `1=user`.
            let form = form.trim();
            // MediaWiki's rule (`Language::handleExplicitPluralForms`): a form containing
            // digits then `=` is explicit; it applies when the text before the first `=` is
            // exactly the number, and is dropped otherwise. So `2=list` is explicit, while
            // `2 = list` (a translation slip in Arabic) is an ordinary form, shown as written.
            if name == "PLURAL" && has_digits_then_equals(form) {
                if let Some((k, v)) = form.split_once('=')
                    && let Ok(k) = k.parse::<i64>()
                {
                    forms.push((Some(k), parse(v)));
                }
                continue;
            }
            forms.push((None, parse(form)));
        }
        if forms.is_empty() {
            forms.push((None, vec![]));
        }
        return Node::Choice(param, forms);
    }
    if name == "!" {
        return Node::Text("|".into());
    }
    Node::Cap(0)
}

fn has_digits_then_equals(form: &str) -> bool {
    let b = form.as_bytes();
    (1..b.len()).any(|i| b[i] == b'=' && b[i - 1].is_ascii_digit())
}

fn expand(nodes: &[Node], variants: &mut Vec<Variant>) {
    for node in nodes {
        match node {
            Node::Text(t) => variants
                .iter_mut()
                .for_each(|v| v.pieces.push(Piece::Lit(t.clone()))),
            Node::Cap(n) => variants
                .iter_mut()
                .for_each(|v| v.pieces.push(Piece::Cap(*n))),
            Node::Choice(param, forms) => {
                let mut next = vec![];
                for v in variants.iter() {
                    for (k, form) in forms {
                        let mut branch = vec![v.clone()];
                        expand(form, &mut branch);
                        for mut b in branch {
                            if let (Some(p), Some(k)) = (param, k) {
                                b.implies.push((*p, *k));
                            }
                            if next.len() < MAX_VARIANTS {
                                next.push(b);
                            }
                        }
                    }
                }
                *variants = next;
            }
        }
    }
}

/// Joins adjacent literals, normalises their white space, and drops empty ones; the leading
/// and trailing white space of the whole message goes too, as it does on the page.
fn tidy(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = vec![];
    for p in pieces {
        match (out.last_mut(), p) {
            (Some(Piece::Lit(a)), Piece::Lit(b)) => a.push_str(&b),
            (_, p) => out.push(p),
        }
    }
    let last = out.len().saturating_sub(1);
    for (i, p) in out.iter_mut().enumerate() {
        if let Piece::Lit(s) = p {
            let mut n = collapse(s);
            if i == 0 {
                n = n.trim_start().to_owned();
            }
            if i == last {
                n = n.trim_end().to_owned();
            }
            *s = n;
        }
    }
    out.retain(|p| !matches!(p, Piece::Lit(s) if s.is_empty()));
    out
}

/// Like [`normalise`] but keeps one space at either end, where a literal meets a capture.
fn collapse(s: &str) -> String {
    let inner = normalise(s);
    let lead = s.starts_with(char::is_whitespace) && !inner.is_empty();
    let trail = s.ends_with(char::is_whitespace) && !inner.is_empty();
    match (lead, trail, inner.is_empty() && !s.is_empty()) {
        (_, _, true) => " ".into(),
        (l, t, _) => format!(
            "{}{inner}{}",
            if l { " " } else { "" },
            if t { " " } else { "" }
        ),
    }
}

/// Backtracking over the captures: each takes the shortest text that lets the rest match.
fn match_pieces<'t>(pieces: &[Piece], text: &'t str, caps: &mut BTreeMap<u8, &'t str>) -> bool {
    match pieces.split_first() {
        None => text.trim().is_empty(),
        Some((Piece::Lit(lit), rest)) => {
            let t = if lit.starts_with(' ') {
                text
            } else {
                text.trim_start()
            };
            // A literal's final space goes when the line ends there (an empty list).
            t.strip_prefix(lit.as_str())
                .or_else(|| t.strip_prefix(lit.trim_end()).filter(|a| a.is_empty()))
                .is_some_and(|after| match_pieces(rest, after, caps))
        }
        Some((Piece::Cap(n), rest)) => {
            // A capture seen before must read the same text again.
            if *n != 0
                && let Some(prev) = caps.get(n).copied()
            {
                return text
                    .trim_start()
                    .strip_prefix(prev.trim())
                    .is_some_and(|after| match_pieces(rest, after, caps));
            }
            // Where the capture can end: where the next literal can start (at a space before
            // it, or at its first character), or anywhere when a capture follows.
            let first = match rest.first() {
                None => None,
                // Only white space between two captures (`$2 $3`): end at a space.
                Some(Piece::Lit(l)) => Some(l.trim_start().chars().next().unwrap_or(' ')),
                Some(Piece::Cap(_)) => Some('\0'),
            };
            let ends = text
                .char_indices()
                .filter(|&(_, c)| match first {
                    None => false,
                    Some('\0') => true,
                    Some(f) => c == f || c.is_whitespace(),
                })
                .map(|(i, _)| i)
                .chain(std::iter::once(text.len()));
            for end in ends {
                caps.insert(*n, &text[..end]);
                if match_pieces(rest, &text[end..], caps) {
                    return true;
                }
            }
            caps.remove(n);
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(message: &str, text: &str) -> Option<Captures> {
        Template::compile(message).matches(&normalise(text))
    }

    #[test]
    fn plural_forms_tell_the_parameter() {
        let msg = "Type: {{PLURAL:$1|1=integer|2=list of integers}}";
        assert_eq!(m(msg, "Type: integer").map(|c| c.plural[&1]), Some(1));
        assert_eq!(
            m(msg, "Type: list of integers").map(|c| c.plural[&1]),
            Some(2)
        );
        assert!(m(msg, "Type: integers").is_none());
    }

    #[test]
    fn captures_links_and_tags() {
        let msg = "Maximum number of values is {{PLURAL:$1|$1}} ({{PLURAL:$2|$2}} for clients that are allowed higher limits).";
        let c = m(
            msg,
            "Maximum number of values is ५० (५०० for clients that are allowed higher limits).",
        )
        .unwrap_or_default();
        assert_eq!(c.get(1), Some("५०"));
        assert_eq!(c.get(2), Some("५००"));
        let msg = "Type: boolean ([[Special:ApiHelp/main#main/datatype/boolean|details]])";
        assert!(m(msg, "Type: boolean (details)").is_some());
        let msg = "{{PLURAL:$1|1=One of the following values|2=Values (separate with <kbd>{{!}}</kbd> or [[Special:ApiHelp/main#main/datatypes|alternative]])}}: $2";
        let c = m(msg, "Values (separate with | or alternative): a, b").unwrap_or_default();
        assert_eq!((c.get(2), c.plural.get(&1)), (Some("a, b"), Some(&2)));
        let c = m(msg, "One of the following values:").unwrap_or_default();
        assert_eq!(c.get(2), Some(""));
        let msg = "Default: <span class=\"apihelp-empty\">(empty)</span>";
        assert!(m(msg, "Default: (empty)").is_some());
    }

    /// MediaWiki trims each PLURAL form before it looks for `N=`: Bengali's ` 1=…` is
    /// explicit, Arabic's `1 = …` (a space before `=`) is an ordinary form, shown as written
    /// (both as rendered by MediaWiki 1.43 in `uselang=bn` and `uselang=ar`).
    #[test]
    fn plural_forms_are_trimmed_as_mediawiki_trims_them() {
        let bn = "প্রকার: {{PLURAL:$1| 1=ব্যবহারকারী|2=ব্যবহারকারীদের তালিকা}}, {{PLURAL:$3|$2 দ্বারা|যে কোনো $2 দ্বারা}}";
        let c = m(
            bn,
            "প্রকার: ব্যবহারকারী, যে কোনো ব্যবহারকারী নাম এবং অস্থায়ী ব্যবহারকারী দ্বারা",
        )
        .expect("the Bengali user type line");
        assert_eq!(c.plural.get(&1), Some(&1));
        let ar = "{{PLURAL:$1| 1 = القيمة | 2 = القيم}} يجب أن تكون بين $2 $3 .";
        let c = m(ar, "2 = القيم يجب أن تكون بين ١ ٥٠٠ .").expect("the Arabic range line");
        assert_eq!((c.get(2), c.get(3)), (Some("١"), Some("٥٠٠")));
    }

    #[test]
    fn odd_messages_do_not_panic() {
        for msg in [
            "{{PLURAL:",
            "[[",
            "$",
            "{{PLURAL:$1}}",
            "<",
            "{{!}}",
            "$999",
            "}}]]",
        ] {
            let _ = m(msg, "anything");
        }
    }
}
