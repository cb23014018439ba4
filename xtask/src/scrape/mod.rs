//! `cargo xtask scrape`: MediaWiki's API help pages, read into the spec model.
//!
//! Input forms: HTML as MediaWiki serves it (`action=help&modules=…`, the recursive page of
//! every module, `Special:ApiHelp/…` transcluded in a wiki page) and text (a browser's copy
//! or a text dump). HTML is read by its `apihelp-…` classes ([`html`]); text by its shape
//! ([`text`]). Info lines are read in any language whose messages are in the localisation
//! tables ([`lang::SUPPORTED`]: en, lt, hi, mr, bn, ar, fa, de, fr, es, ru, ja, pl, uk, it, nl,
//! pt, tr, sv), with digits of any script ([`numbers`]), as MediaWiki 1.39 and 1.43 word them,
//! and in English as releases from 1.27 on do. In another language the structure is still
//! read, and what the unread info lines would tell is marked unknown; so is what a line tells
//! that looks like an info message but cannot be read (a wiki's own edit of the message), with
//! a warning.
//!
//! What a page does not tell is marked unknown with the reason ([`output::Unknown`]), never
//! guessed; constraints only the prose states become notes ([`output::Constraint`]).

mod draft;
pub mod html;
pub mod lang;
pub mod module;
pub mod numbers;
pub mod output;
mod template;
pub mod text;
mod update;

#[cfg(test)]
pub mod tests;

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use scraper::Html;

pub use lang::Catalog;
pub use output::ScrapedPage;

#[derive(Args)]
pub struct ScrapeArgs {
    /// Help pages to read: files (HTML or text) or http(s) URLs.
    #[arg(
        required_unless_present = "update_messages",
        value_name = "FILE_OR_URL"
    )]
    inputs: Vec<String>,
    /// Instead of reading pages, rewrite the localisation tables (`messages.json`) from these
    /// MediaWiki installations (their root folders, one per release covered).
    #[arg(long, num_args = 1.., value_name = "MW_ROOT", conflicts_with_all = ["inputs", "out"])]
    update_messages: Vec<PathBuf>,
    /// Write the JSON here instead of printing it.
    #[arg(long)]
    out: Option<PathBuf>,
    /// The pages' languages, comma-separated (default: the page's `<html lang>`, else every
    /// supported language). English is always tried too.
    #[arg(long, value_delimiter = ',')]
    lang: Vec<String>,
}

/// A help page that cannot be read, naming the input and what was expected.
#[derive(Debug, thiserror::Error)]
pub enum ScrapeError {
    #[error("{file}: empty input; expected a MediaWiki API help page (HTML or text)")]
    Empty { file: String },
    #[error(
        "{file}: not UTF-8 text (invalid byte at offset {offset}); expected a MediaWiki API help page"
    )]
    NotText { file: String, offset: usize },
    #[error(
        "{file}: no API module found; expected a MediaWiki API help page ({expected}), found {found}"
    )]
    NotApiHelp {
        file: String,
        expected: &'static str,
        found: String,
    },
    #[error("{file}: the HTML document ends early (no closing `</html>`): truncated download?")]
    Truncated { file: String },
}

const EXPECTED_HTML: &str = "elements of class `apihelp-header apihelp-module-name`";
const EXPECTED_TEXT: &str = "a line `group=name (prefix)` such as `action=clientlogin (login)`";

/// Reads one help page; `file` names it in errors and in the output.
pub fn read(file: &str, bytes: &[u8], languages: &[String]) -> Result<ScrapedPage, ScrapeError> {
    let content = std::str::from_utf8(bytes).map_err(|e| ScrapeError::NotText {
        file: file.to_owned(),
        offset: e.valid_up_to(),
    })?;
    let content = content.trim_start_matches('\u{feff}');
    if content.trim().is_empty() {
        return Err(ScrapeError::Empty {
            file: file.to_owned(),
        });
    }
    let mut warnings = vec![];
    if looks_like_html(content) {
        check_complete(file, content)?;
        let doc = Html::parse_document(content);
        let language = html::language(&doc);
        let langs = match (languages.is_empty(), &language) {
            (false, _) => languages.to_vec(),
            (true, Some(l)) if lang::SUPPORTED.contains(&l.as_str()) => vec![l.clone()],
            _ => vec![],
        };
        let cat = Catalog::new(&langs);
        if !cat.supported {
            warnings.push(format!(
                "{file}: no message table for {langs:?}; info lines not understood leave their \
                 fields unknown"
            ));
        } else if let Some(l) = language.as_ref().filter(|l| langs.is_empty() && *l != "en") {
            warnings.push(format!(
                "{file}: the page is in `{l}`, which has no message table; every supported \
                 language's messages were tried"
            ));
        }
        let modules = html::read(file, &doc, &cat, &mut warnings);
        if modules.is_empty() {
            return Err(not_api_help(file, EXPECTED_HTML, &doc));
        }
        Ok(ScrapedPage {
            source: file.to_owned(),
            form: "html",
            language,
            modules,
            warnings,
        })
    } else {
        let cat = Catalog::new(languages);
        let modules = text::read(file, content, &cat, &mut warnings);
        if modules.is_empty() {
            let first = content.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            return Err(ScrapeError::NotApiHelp {
                file: file.to_owned(),
                expected: EXPECTED_TEXT,
                found: format!("text starting `{}`", clip(first.trim(), 60)),
            });
        }
        warnings.push(
            "text input: deprecated and internal enum values and submodule links cannot be told"
                .into(),
        );
        Ok(ScrapedPage {
            source: file.to_owned(),
            form: "text",
            language: None,
            modules,
            warnings,
        })
    }
}

fn looks_like_html(content: &str) -> bool {
    let head = content.trim_start();
    let lower: String = head
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with('<')
        && (lower.starts_with("<!doctype html")
            || lower.contains("<html")
            || lower.contains("<div")
            || lower.contains("<h"))
}

/// A whole document must end with `</html>`; a fragment (a parsed wiki page) cannot be
/// checked this way.
fn check_complete(file: &str, content: &str) -> Result<(), ScrapeError> {
    let lower_start: String = content
        .trim_start()
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    let is_document = lower_start.starts_with("<!doctype") || lower_start.starts_with("<html");
    let tail: String = content
        .trim_end()
        .chars()
        .rev()
        .take(16)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_ascii_lowercase();
    if is_document && !tail.ends_with("</html>") {
        return Err(ScrapeError::Truncated {
            file: file.to_owned(),
        });
    }
    Ok(())
}

fn not_api_help(file: &str, expected: &'static str, doc: &Html) -> ScrapeError {
    let title = scraper::Selector::parse("title")
        .ok()
        .and_then(|s| doc.select(&s).next().map(|t| t.text().collect::<String>()));
    ScrapeError::NotApiHelp {
        file: file.to_owned(),
        expected,
        found: match title {
            Some(t) => format!("an HTML page titled `{}`", clip(t.trim(), 80)),
            None => "an HTML page without a title".into(),
        },
    }
}

fn clip(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out
}

/// Reads a file, or fetches a URL.
pub fn load(input: &str) -> Result<Vec<u8>> {
    if input.starts_with("http://") || input.starts_with("https://") {
        let response = reqwest::blocking::Client::builder()
            .user_agent(concat!("mwtyped-xtask/", env!("CARGO_PKG_VERSION")))
            .timeout(std::time::Duration::from_secs(120))
            .build()?
            .get(input)
            .send()
            .with_context(|| format!("fetching {input}"))?
            .error_for_status()
            .with_context(|| format!("fetching {input}"))?;
        Ok(response.bytes()?.to_vec())
    } else {
        std::fs::read(input).with_context(|| format!("reading {input}"))
    }
}

pub fn run(args: ScrapeArgs) -> Result<()> {
    if !args.update_messages.is_empty() {
        return update::update_messages(&args.update_messages);
    }
    let mut pages = vec![];
    for input in &args.inputs {
        let bytes = load(input)?;
        let page = read(input, &bytes, &args.lang)?;
        for w in &page.warnings {
            tracing::warn!("{w}");
        }
        tracing::info!(
            "{input}: {} modules, {} parameters, {} unknown fields",
            page.modules.len(),
            page.modules
                .iter()
                .map(|m| m.module.all_parameters().count())
                .sum::<usize>(),
            page.unknown_count()
        );
        pages.push(page);
    }
    let json = serde_json::to_string_pretty(&pages)? + "\n";
    match &args.out {
        Some(path) => crate::files::write_atomic(path, json.as_bytes())?,
        None => print!("{json}"),
    }
    Ok(())
}
