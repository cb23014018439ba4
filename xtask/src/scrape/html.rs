//! Reading help pages as MediaWiki serves them (`action=help`, the recursive page,
//! `Special:ApiHelp` transcluded in a wiki page). The structure comes from the `apihelp-…`
//! classes, which no language changes; only the info lines need the localisation tables.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use mwtyped_spec::{Example, Help, ParamType};
use scraper::{ElementRef, Html, Selector};

use super::draft::{InfoLine, ParamDraft};
use super::lang::Catalog;
use super::module::{FLAGS, Heading, ModuleDraft};
use super::output::{Constraint, ScrapedModule};
use super::template::normalise;

struct Selectors {
    header: Selector,
    flag_items: Selector,
    source_value: Selector,
    license_link: Selector,
    links: Selector,
    dl: Selector,
    deprecated_value: Selector,
    internal_value: Selector,
    deprecated_flag: Selector,
    var: Selector,
    html_root: Selector,
    nested_dl: Selector,
    internal_flag: Selector,
}

fn selectors() -> &'static Selectors {
    static SELECTORS: OnceLock<Selectors> = OnceLock::new();
    SELECTORS.get_or_init(|| {
        // Constant selectors: a failure here is a bug in this file, caught by every test.
        let s = |css: &str| Selector::parse(css).expect("a constant CSS selector");
        Selectors {
            header: s(".apihelp-header"),
            flag_items: s("li > span"),
            source_value: s("span[dir], span[lang]"),
            license_link: s("a"),
            links: s("a[href]"),
            dl: s(":scope > dl"),
            deprecated_value: s(".apihelp-deprecated-value"),
            internal_value: s(".apihelp-internal-value"),
            deprecated_flag: s(".apihelp-deprecated"),
            var: s("var"),
            html_root: s("html"),
            nested_dl: s("dl"),
            internal_flag: s(".apihelp-internal"),
        }
    })
}

/// The page's language as `<html lang>` states it.
pub fn language(doc: &Html) -> Option<String> {
    doc.select(&selectors().html_root)
        .next()
        .and_then(|h| h.value().attr("lang"))
        .map(str::to_owned)
}

fn has_class(e: &ElementRef, class: &str) -> bool {
    e.value().classes().any(|c| c == class)
}

fn text_of(e: &ElementRef) -> String {
    normalise(&e.text().collect::<String>())
}

/// Every module of the page, in page order.
pub fn read(
    file: &str,
    doc: &Html,
    cat: &Catalog,
    warnings: &mut Vec<String>,
) -> Vec<ScrapedModule> {
    let mut modules = vec![];
    for header in doc.select(&selectors().header) {
        let id = header.value().attr("id").unwrap_or("");
        let heading = if has_class(&header, "apihelp-module-name") {
            match Heading::parse(&text_of(&header)) {
                Some(h) => h,
                None => {
                    warnings.push(format!(
                        "{file}: a module heading `{}` that is not `group=name (prefix)`; skipped",
                        text_of(&header)
                    ));
                    continue;
                }
            }
        } else if id == "main" || cat.is("api-help-main-header", &text_of(&header)) {
            Heading::main()
        } else {
            // Data types, templated parameters, credits: sections of the main page.
            continue;
        };
        modules.push(read_module(file, header, heading, cat, warnings));
    }
    modules
}

fn read_module(
    file: &str,
    header: ElementRef,
    heading: Heading,
    cat: &Catalog,
    warnings: &mut Vec<String>,
) -> ScrapedModule {
    let mut m = ModuleDraft {
        path: header
            .value()
            .attr("id")
            // A module shown twice gets the anchor `path|2`.
            .map(|id| id.split('|').next().unwrap_or(id).to_owned())
            .filter(|id| !id.is_empty()),
        heading: Some(heading),
        ..ModuleDraft::default()
    };
    let section = header
        .next_siblings()
        .filter_map(ElementRef::wrap)
        .take_while(|e| !has_class(e, "apihelp-header"));
    for block in section {
        if has_class(&block, "apihelp-linktrail") {
            let trail = text_of(&block);
            let items: Vec<&str> = trail
                .trim_start_matches('(')
                .trim_end_matches(')')
                .split('|')
                .map(str::trim)
                .collect();
            if items.len() > 1 && m.path.is_none() {
                m.path = Some(items[1..].join("+"));
            }
        } else if has_class(&block, "apihelp-flags") {
            read_flags(&block, cat, &mut m);
        } else if has_class(&block, "apihelp-help-urls") {
            m.helpurls = block
                .select(&selectors().links)
                .filter_map(|a| a.value().attr("href").map(str::to_owned))
                .collect();
        } else if has_class(&block, "apihelp-parameters") {
            read_parameters(file, &block, cat, &mut m, warnings);
        } else if has_class(&block, "apihelp-examples") {
            read_examples(&block, &mut m);
        } else if has_class(&block, "apihelp-block") {
            // Permissions, submodules: not part of the spec model.
        } else {
            m.description.push(block.html());
        }
    }
    m.finish(cat.supported)
}

fn read_flags(block: &ElementRef, cat: &Catalog, m: &mut ModuleDraft) {
    for span in block.select(&selectors().flag_items) {
        if let Some(flag) = FLAGS
            .iter()
            .find(|f| has_class(&span, &format!("apihelp-flag-{f}")))
        {
            m.flags.insert(flag, true);
        } else if has_class(&span, "apihelp-source") {
            // `Source: <span dir="ltr">MediaWiki</span>` names the extension; without the span
            // the text is its display name in the page's language (DiscussionTools in Hindi is
            // `चर्चा उपकरण`), which does not tell the extension.
            match span.select(&selectors().source_value).next() {
                Some(name) => m.source = Some(text_of(&name)),
                None => {
                    m.sourcename = cat
                        .find(&["api-help-source"], &text_of(&span))
                        .and_then(|(_, c)| c.get(1).map(str::to_owned));
                }
            }
        } else if has_class(&span, "apihelp-license")
            && let Some(a) = span.select(&selectors().license_link).next()
        {
            m.licensetag = Some(text_of(&a));
            m.licenselink = a.value().attr("href").map(str::to_owned);
        }
    }
}

fn read_parameters(
    file: &str,
    block: &ElementRef,
    cat: &Catalog,
    m: &mut ModuleDraft,
    warnings: &mut Vec<String>,
) {
    let Some(dl) = block.select(&selectors().dl).next() else {
        return;
    };
    let mut in_dynamic = false;
    for item in dl.children().filter_map(ElementRef::wrap) {
        match item.value().name() {
            "dt" => {
                let name = text_of(&item);
                in_dynamic = name == "*";
                if in_dynamic {
                    m.dynamic = Some(vec![]);
                } else {
                    m.params.push(ParamDraft::new(&name, true));
                }
            }
            "dd" if in_dynamic => {
                if let Some(d) = m.dynamic.as_mut() {
                    d.push(item.inner_html().trim().to_owned());
                }
            }
            "dd" => {
                let Some(p) = m.params.last_mut() else {
                    warnings.push(format!(
                        "{file}: module `{}`: a parameter line before any parameter name",
                        m.path.as_deref().unwrap_or("?")
                    ));
                    continue;
                };
                if has_class(&item, "description") {
                    p.description.push(item.inner_html().trim().to_owned());
                    p.read_description(cat, &item.text().collect::<String>());
                    p.marked_in_description.extend(marked_values(&item, cat));
                } else if has_class(&item, "info")
                    && let InfoLine::Unreadable(reason) = read_info(&item, cat, p)
                {
                    warnings.push(format!(
                        "{file}: module `{}`, parameter `{}`: {reason}; what it tells is marked \
                         unknown",
                        m.heading.as_ref().map_or("?", |h| h.name.as_str()),
                        p.prefixed
                    ));
                }
            }
            _ => {}
        }
    }
}

/// Reads an info line into `p`; what it came to.
fn read_info(dd: &ElementRef, cat: &Catalog, p: &mut ParamDraft) -> InfoLine {
    let s = selectors();
    if dd.select(&s.deprecated_flag).next().is_some() {
        p.deprecated = true;
        return InfoLine::Read;
    }
    let text = text_of(dd);
    let had_enum = matches!(p.ty, Some(ParamType::Enum(_)));
    let had_templated = p.templatevars.is_some();
    let outcome = p.read_info_line(cat, &text, true);
    if outcome == InfoLine::Other {
        p.notes.push(Constraint::Info { text });
        return outcome;
    }
    // The line's markup tells what its text cannot: deprecated values, submodule links and
    // template variables.
    if !had_enum {
        read_enum_markup(dd, p);
    }
    if !had_templated {
        read_templated_markup(dd, p);
    }
    outcome
}

fn read_enum_markup(dd: &ElementRef, p: &mut ParamDraft) {
    let s = selectors();
    if let Some(ParamType::Enum(values)) = &p.ty {
        p.deprecated_values = dd
            .select(&s.deprecated_value)
            .map(|e| text_of(&e))
            .collect();
        p.internal_values = dd.select(&s.internal_value).map(|e| text_of(&e)).collect();
        // Submodule values link to their module's help; the "alternative" link of the
        // message itself is not a value.
        let links: BTreeMap<String, String> = dd
            .select(&s.links)
            .filter_map(|a| Some((text_of(&a), module_of_link(a.value().attr("href")?)?)))
            .filter(|(value, _)| values.contains(value))
            .collect();
        if !links.is_empty() && links.len() == values.iter().filter(|v| !v.is_empty()).count() {
            p.submodules = Some(links);
        }
    }
}

fn read_templated_markup(dd: &ElementRef, p: &mut ParamDraft) {
    let s = selectors();
    if let Some(vars) = p.templatevars.as_mut() {
        // `<var>{slot}</var> … <var>fromslots</var>`, pairwise; the names are prefixed here and
        // lose the prefix in `ParamDraft::finish`.
        let v: Vec<String> = dd.select(&s.var).map(|e| text_of(&e)).collect();
        vars.clear();
        for pair in v.chunks(2) {
            if let [var, param] = pair {
                let var = var.trim_start_matches('{').trim_end_matches('}');
                vars.insert(var.to_owned(), param.clone());
            }
        }
    }
}

/// Values of the description's per-value list (`<dl><dt>value</dt><dd>…</dd>`) whose
/// description starts with MediaWiki's "Deprecated." or "Internal." label. The label must be
/// the message itself: an extension's prose may style its own "Deprecated" alike (Echo's
/// `notformat`) for values paraminfo does not call deprecated.
fn marked_values(description: &ElementRef, cat: &Catalog) -> Vec<(String, &'static str)> {
    let s = selectors();
    let mut out = vec![];
    for dl in description.select(&s.nested_dl) {
        let mut value: Option<String> = None;
        for item in dl.children().filter_map(ElementRef::wrap) {
            match item.value().name() {
                "dt" => value = Some(text_of(&item)),
                "dd" => {
                    let Some(v) = value.take() else { continue };
                    let label = |sel: &Selector, key: &str| {
                        item.select(sel)
                            .next()
                            .is_some_and(|l| cat.is(key, &text_of(&l)))
                    };
                    if label(&s.deprecated_flag, "deprecated") {
                        out.push((v, "deprecated"));
                    } else if label(&s.internal_flag, "internal") {
                        out.push((v, "internal"));
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// The module a help link points to: `#query+allpages`, `…?action=help&modules=query%2Ballpages`
/// or `…/Special:ApiHelp/query%2Ballpages`.
fn module_of_link(href: &str) -> Option<String> {
    if let Some(fragment) = href.strip_prefix('#') {
        return Some(fragment.split('|').next().unwrap_or(fragment).to_owned());
    }
    if let Some((_, query)) = href.split_once('?') {
        for pair in query.split('&') {
            if let Some(v) = pair.strip_prefix("modules=") {
                return Some(percent_decode(v));
            }
        }
    }
    href.rsplit_once("Special:ApiHelp/")
        .map(|(_, m)| percent_decode(m.split(['#', '?']).next().unwrap_or(m)))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b'+'),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn read_examples(block: &ElementRef, m: &mut ModuleDraft) {
    let Some(dl) = block.select(&selectors().dl).next() else {
        return;
    };
    let mut description: Option<String> = None;
    for item in dl.children().filter_map(ElementRef::wrap) {
        match item.value().name() {
            "dt" => description = Some(item.inner_html().trim().to_owned()),
            "dd" => {
                let Some(a) = item.select(&selectors().links).next() else {
                    continue;
                };
                let shown = text_of(&a);
                let query = shown
                    .split_once('?')
                    .map_or(shown.as_str(), |(_, q)| q)
                    .to_owned();
                m.examples.push(Example {
                    query,
                    description: description.take().map(Help::Text),
                    unknown: BTreeMap::new(),
                });
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_modules() {
        assert_eq!(
            module_of_link("#query+allpages").as_deref(),
            Some("query+allpages")
        );
        assert_eq!(
            module_of_link("/api.php?action=help&modules=query%2Ballpages").as_deref(),
            Some("query+allpages")
        );
        assert_eq!(
            module_of_link("/index.php/Special:ApiHelp/query%2Btokens").as_deref(),
            Some("query+tokens")
        );
        assert_eq!(module_of_link("https://example.org/"), None);
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%zz"), "%zz");
    }
}
