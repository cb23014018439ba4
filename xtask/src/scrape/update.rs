//! `cargo xtask scrape --update-messages MW_ROOT...`: rewrites `messages.json`, the
//! localisation tables, from MediaWiki installations (one per release to cover), so the tables
//! are reproduced, not typed in. Run it when a release or a language is added.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde_json::Value;

use super::lang::SUPPORTED;
use crate::files;

/// Where a MediaWiki tree keeps the messages the help pages are made of.
const DIRS: &[&str] = &[
    "includes/api/i18n",
    "languages/i18n",
    "includes/libs/ParamValidator/i18n",
];

/// The messages of a help page's chrome and info lines.
fn wanted(key: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "api-help-param-",
        "api-help-flag-",
        "api-help-source",
        "api-help-license",
        "api-help-parameters",
        "api-help-examples",
        "api-help-permissions",
        "api-help-main-header",
        "api-help-open-in-apisandbox",
        "api-help-undocumented-module",
        "api-help-help-urls",
        "api-help-datatypes-header",
        "api-help-templatedparams-header",
        "api-help-credits-header",
        "paramvalidator-help-",
    ];
    const EXACT: &[&str] = &[
        "api-help-title",
        "api-help-lead",
        "comma-separator",
        "and",
        "word-separator",
        "colon-separator",
    ];
    // Prose of single parameters, not shapes to read.
    const SKIP: &[&str] = &[
        "api-help-param-continue",
        "api-help-param-direction",
        "api-help-param-token-webui",
        "api-help-param-limited-in-miser",
        "api-help-param-disabled-in-miser",
        "api-help-param-no-description",
        "api-help-paramvalue",
    ];
    (EXACT.contains(&key) || PREFIXES.iter().any(|p| key.starts_with(p)))
        && !SKIP.iter().any(|p| key.starts_with(p))
}

fn read_json(path: &Path) -> Result<BTreeMap<String, Value>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{}: not a JSON object", path.display()))
}

pub fn update_messages(roots: &[PathBuf]) -> Result<()> {
    let mut table: BTreeMap<&str, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for lang in SUPPORTED {
        let entry = table.entry(lang).or_default();
        for root in roots {
            for dir in DIRS {
                let path = root.join(dir).join(format!("{lang}.json"));
                if !path.exists() {
                    continue;
                }
                for (key, value) in read_json(&path)? {
                    let (false, true, Value::String(text)) =
                        (key.starts_with('@'), wanted(&key), value)
                    else {
                        continue;
                    };
                    let wordings = entry.entry(key).or_default();
                    if !wordings.contains(&text) {
                        wordings.push(text);
                    }
                }
            }
        }
        anyhow::ensure!(
            !entry.is_empty(),
            "no messages for `{lang}` under {roots:?}: expected MediaWiki installations"
        );
    }
    let path = files::workspace_root().join("xtask/src/scrape/messages.json");
    let json = serde_json::to_string_pretty(&table)? + "\n";
    files::write_atomic(&path, json.as_bytes())?;
    eprintln!(
        "wrote {} ({} languages)",
        files::display(&path),
        table.len()
    );
    Ok(())
}
