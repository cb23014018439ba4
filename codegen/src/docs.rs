//! MediaWiki's help text (HTML, as `helpformat=html` gives it) as rustdoc Markdown.
//!
//! The help HTML uses a handful of tags (`p`, `kbd`, `var`, `samp`, `code`, `a`, lists,
//! `dl`); a small scanner is enough and keeps the macros' dependency tree light.

/// The HTML as Markdown: code spans for `kbd`/`var`/`samp`/`code`, lists as `- ` items,
/// paragraphs separated by blank lines, entities decoded, Markdown's own characters escaped.
pub fn markdown(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    let mut code_depth = 0usize;
    let mut list_depth = 0usize;
    while let Some(lt) = rest.find('<') {
        push_text(&mut out, &rest[..lt], code_depth > 0);
        let Some(gt) = rest[lt..].find('>') else {
            push_text(&mut out, &rest[lt..], code_depth > 0);
            rest = "";
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        match (name.as_str(), closing) {
            ("kbd" | "var" | "samp" | "code" | "tt", false) => {
                if code_depth == 0 {
                    out.push('`');
                }
                code_depth += 1;
            }
            ("kbd" | "var" | "samp" | "code" | "tt", true) => {
                code_depth = code_depth.saturating_sub(1);
                if code_depth == 0 {
                    out.push('`');
                }
            }
            ("p" | "div" | "dl", _) => paragraph(&mut out),
            ("br", _) => out.push('\n'),
            ("ul" | "ol", false) => {
                list_depth += 1;
                paragraph(&mut out);
            }
            ("ul" | "ol", true) => {
                list_depth = list_depth.saturating_sub(1);
                paragraph(&mut out);
            }
            ("li" | "dd" | "dt", false) => {
                newline(&mut out);
                out.push_str(&"  ".repeat(list_depth.saturating_sub(1)));
                out.push_str("- ");
            }
            ("b" | "strong", _) => out.push_str("**"),
            ("i" | "em", _) => out.push('*'),
            _ => {}
        }
    }
    push_text(&mut out, rest, code_depth > 0);
    tidy(&out)
}

/// The text of the HTML alone, entities decoded (for word lists and comparisons).
pub fn plain_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode(&rest[..lt]));
        out.push(' ');
        match rest[lt..].find('>') {
            Some(gt) => rest = &rest[lt + gt + 1..],
            None => rest = "",
        }
    }
    out.push_str(&decode(rest));
    out
}

/// The text of the HTML without its code spans (`var`, `kbd`, `samp`, `code`): the prose.
pub fn prose(html: &str) -> String {
    let mut text = html.to_owned();
    for tag in ["var", "kbd", "samp", "code"] {
        let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
        let mut out = String::with_capacity(text.len());
        let mut rest = text.as_str();
        while let Some(start) = rest.find(&open) {
            out.push_str(&rest[..start]);
            out.push(' ');
            rest = rest[start..]
                .find(&close)
                .map_or("", |end| &rest[start + end + close.len()..]);
        }
        out.push_str(rest);
        text = out;
    }
    plain_text(&text)
}

fn push_text(out: &mut String, text: &str, in_code: bool) {
    let text = decode(text);
    for c in text.chars() {
        match c {
            '`' if in_code => out.push('\''),
            '\n' if !in_code => out.push(' '),
            '*' | '_' | '[' | ']' | '<' | '>' | '\\' | '#' | '`' if !in_code => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
}

fn newline(out: &mut String) {
    let trimmed = out.trim_end_matches(' ').len();
    out.truncate(trimmed);
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn paragraph(out: &mut String) {
    newline(out);
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

/// Decodes the entities MediaWiki writes: named ones of XML and numeric ones.
fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let entity = &rest[1..e];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Trims each line's end, collapses runs of blank lines and spaces.
fn tidy(text: &str) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in text.lines() {
        let mut collapsed = String::with_capacity(line.len());
        let indent = line.len() - line.trim_start().len();
        collapsed.push_str(&line[..indent]);
        let mut space = false;
        for c in line.trim().chars() {
            if c == ' ' {
                space = true;
                continue;
            }
            if space {
                collapsed.push(' ');
                space = false;
            }
            collapsed.push(c);
        }
        if collapsed.trim().is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push('\n');
            blank = false;
        }
        out.push_str(&collapsed);
        out.push('\n');
    }
    out.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_html_becomes_markdown() {
        let html = "<p>Log in to the wiki.\n</p>\n<ol><li>Fetch from <kbd><a href=\"/x\">action=query&amp;meta=tokens</a></kbd>.</li>\n<li>Post <var>loginreturnurl</var>.\n<ul><li>If <samp>PASS</samp>, done.</li></ul></li></ol>";
        assert_eq!(
            markdown(html),
            "Log in to the wiki.\n\n- Fetch from `action=query&meta=tokens`.\n- Post `loginreturnurl`.\n\n  - If `PASS`, done."
        );
    }

    #[test]
    fn markdown_characters_are_escaped_outside_code() {
        assert_eq!(
            markdown("a [[link]] *b* <var>x_y</var>"),
            "a \\[\\[link\\]\\] \\*b\\* `x_y`"
        );
        assert_eq!(markdown("fromtext-&#x7b;slot}"), "fromtext-{slot}");
    }
}
