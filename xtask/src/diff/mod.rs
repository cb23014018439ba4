//! `cargo xtask diff A B [--json]`: what changed in the API from one capture to another
//! (modules, parameters, enum values, flags), as Markdown or JSON.
//!
//! The comparison itself ([`diff`], [`markdown_between`]) is pure and deterministic, so that
//! `regen` can write a CHANGELOG from it; only [`run`] reads files.

mod compute;
mod markdown;
mod model;
#[cfg(test)]
mod tests;

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::Args;
use mwtyped_spec::Spec;

use crate::{files, regen};

pub use compute::diff;
pub use markdown::{
    change_text, code, codes, origin, param_entry, param_name, plural, summary, to_markdown, values,
};
pub use model::SpecDiff;

#[derive(Args)]
pub struct DiffArgs {
    /// The older side: a capture name (a folder under specs/, e.g. `mediawiki-1.39`), a
    /// capture folder, or a spec.json file.
    from: String,
    /// The newer side, in the same forms.
    to: String,
    /// Print the differences as JSON instead of Markdown.
    #[arg(long)]
    json: bool,
}

/// The Markdown of what changed from `a` to `b`: no dates, no paths, the same text for the
/// same two specs.
pub fn markdown_between(a: &Spec, b: &Spec) -> String {
    to_markdown(&diff(a, b))
}

pub fn run(args: DiffArgs) -> Result<()> {
    let specs = files::workspace_root().join("specs");
    let a = load(&specs, &args.from)?;
    let b = load(&specs, &args.to)?;
    if args.json {
        let json = serde_json::to_string_pretty(&diff(&a, &b))
            .context("writing the differences as JSON")?;
        println!("{json}");
    } else {
        print!("{}", markdown_between(&a, &b));
    }
    Ok(())
}

/// The spec `arg` names: a spec.json file, a capture folder, or a folder name under `specs`.
fn load(specs: &Path, arg: &str) -> Result<Spec> {
    let given = PathBuf::from(arg);
    if given.is_file() {
        return read_spec(&given);
    }
    let dir = if given.is_dir() {
        given
    } else {
        specs.join(arg)
    };
    if dir.join("spec.json").is_file() {
        return read_spec(&dir.join("spec.json"));
    }
    // A capture just fetched, before `regen` wrote its spec.json.
    if dir.join("raw/provenance.json").is_file() {
        let name = dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(arg)
            .to_owned();
        return regen::load_capture(&dir, &name)
            .map(|c| c.spec)
            .with_context(|| format!("normalising the capture {}", files::display(&dir)));
    }
    bail!(
        "`{arg}` is neither a spec.json file nor a capture (no {} and no {})",
        files::display(&dir.join("spec.json")),
        files::display(&dir.join("raw/provenance.json"))
    )
}

fn read_spec(path: &Path) -> Result<Spec> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(Spec::parse(&files::display(path), &text)?)
}
