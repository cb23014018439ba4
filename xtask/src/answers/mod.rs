//! `cargo xtask answers`: records what a fresh test wiki (every bundled extension, seeded
//! content) answers to every module, into `specs/mediawiki-VERSION/answers/`, one file per
//! module. Regen infers the answer model from those files, offline.
//!
//! Every answer is `format=json&formatversion=2&errorformat=plaintext`. What is recorded is
//! trimmed so the files stay reviewable: an array keeps its first [`KEEP_ITEMS`] items, a
//! string its first [`KEEP_CHARS`] characters; tokens and sensitive values are `***`.

mod apart;
mod placeholders;
mod plan;
mod prepare;
pub(crate) mod seed;
pub(crate) mod session;

use std::collections::BTreeMap;

use anyhow::{Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use mwtyped_spec::{Exchange, Recording};
use serde_json::Value;

use crate::files;
use crate::wiki::{self, ADMIN_PASSWORD, ADMIN_USER, ExtensionSet, MwVersion, Wiki, WikiSpec};
use placeholders::Placeholders;
use plan::Planned;
use session::Session;

const KEEP_ITEMS: usize = 50;
const KEEP_CHARS: usize = 100;

#[derive(Args)]
pub struct AnswersArgs {
    /// The versions to record (both by default).
    #[arg(long = "version")]
    versions: Vec<MwVersion>,
    /// Record nothing: give the running wiki NAME the seeded content (as `cargo xtask test`
    /// does to its wikis).
    #[arg(long, value_name = "NAME", conflicts_with = "versions")]
    seed: Option<String>,
}

pub fn run(args: AnswersArgs) -> Result<()> {
    if let Some(name) = args.seed {
        let wiki = wiki::list()?
            .into_iter()
            .find(|(w, _, running)| w.name == name && *running)
            .map(|(w, _, _)| w)
            .with_context(|| format!("no running wiki named {name}"))?;
        return seed_test_wiki(&wiki);
    }
    let versions = if args.versions.is_empty() {
        MwVersion::ALL.to_vec()
    } else {
        args.versions
    };
    for version in versions {
        record(version)?;
    }
    Ok(())
}

/// The folder of a version's recordings.
pub fn answers_dir(version: MwVersion) -> std::path::PathBuf {
    files::workspace_root().join(format!("specs/mediawiki-{version}/answers"))
}

fn record(version: MwVersion) -> Result<()> {
    let capture = format!("mediawiki-{version}");
    let spec = mwtyped_spec::capture(&capture)
        .with_context(|| format!("no committed capture {capture}"))?
        .spec()?;
    // A wiki of its own, reset: the writes recorded (deletions, moves, blocks) leave the test
    // wikis alone, and every recording starts from the same content.
    let wiki = wiki::reset(&WikiSpec {
        version,
        extensions: ExtensionSet::All,
        name: Some(format!("answers-{version}")),
        port: None,
    })?;
    let mut admin = Session::new(&wiki.api_url())?;
    admin.login(ADMIN_USER, ADMIN_PASSWORD)?;
    seed::seed(&wiki, &mut admin, &mut Session::new(&wiki.api_url())?)?;
    prepare::prepare(&wiki, &mut admin)?;
    let release = release(&mut admin)?;
    // Recorded before the plan, whose writes (moves, deletions) change the seeded content.
    let mut recorded_apart: Vec<(String, Exchange)> = vec![];
    for (module, sent) in [
        ("upload", apart::uploads(&mut admin)?),
        ("import", apart::imports(&mut admin)?),
        ("cspreport", apart::csp_reports(&mut admin)?),
        (
            "acquiretempusername",
            apart::temp_user_names(version, &spec)?,
        ),
    ] {
        recorded_apart.extend(sent.into_iter().map(|e| (module.to_owned(), e)));
    }
    recorded_apart.extend(apart::policy_answers(version, &spec)?);
    recorded_apart.extend(apart::blocked_user(&wiki, &mut admin, &spec)?);
    recorded_apart.extend(apart::logged_out(&wiki, &spec)?);
    recorded_apart.extend(apart::read_notification(&mut admin, &spec)?);
    let planned = plan::plan(&spec);
    let progress = ProgressBar::new(planned.len() as u64).with_style(
        ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} {msg}")?
            .progress_chars("=> "),
    );
    progress.set_prefix(format!("recording {version}"));
    let mut recordings: BTreeMap<String, Vec<Exchange>> = BTreeMap::new();
    let mut placeholders = Placeholders::default();
    for p in &planned {
        progress.set_message(p.module.clone());
        let exchange = exchange(&mut admin, &mut placeholders, p)
            .with_context(|| format!("{}: {}", p.module, p.label))?;
        recordings
            .entry(p.module.clone())
            .or_default()
            .push(exchange);
        progress.inc(1);
    }
    progress.finish_and_clear();
    for (module, mut exchange) in recorded_apart {
        exchange.answer = trimmed(exchange.answer, None);
        recordings.entry(module).or_default().push(exchange);
    }
    let written = write(version, &release, recordings)?;
    wiki::stop(&wiki.name)?;
    println!(
        "recorded {} exchanges with {} modules of MediaWiki {release} ({} requests) into {}",
        planned.len(),
        written,
        admin.requests,
        files::display(&answers_dir(version))
    );
    Ok(())
}

/// Gives a test wiki the seeded content, once (the tests replay the recorded requests on it).
pub fn seed_test_wiki(wiki: &Wiki) -> Result<()> {
    let done = wiki.dir.join(SEEDED);
    if done.is_file() {
        return Ok(());
    }
    let mut admin = Session::new(&wiki.api_url())?;
    admin.login(ADMIN_USER, ADMIN_PASSWORD)?;
    seed::seed(wiki, &mut admin, &mut Session::new(&wiki.api_url())?)
        .with_context(|| format!("seeding {}", wiki.name))?;
    files::write_atomic(&done, b"")?;
    tracing::info!("{}: seeded for the recorded answers", wiki.name);
    Ok(())
}

/// Written in a wiki's folder once it holds the seeded content.
const SEEDED: &str = "answers-seed-v10.done";

fn release(session: &mut Session) -> Result<String> {
    let answer = session.call(&[("action", "query"), ("meta", "siteinfo")])?;
    let generator = answer
        .pointer("/query/general/generator")
        .and_then(Value::as_str)
        .context("no generator in siteinfo")?;
    Ok(generator.trim_start_matches("MediaWiki ").to_owned())
}

/// Sends one planned request (its titles made to exist, its placeholders and tokens filled
/// in) and keeps what came back, trimmed and with its secrets masked.
fn exchange(
    session: &mut Session,
    placeholders: &mut Placeholders,
    planned: &Planned,
) -> Result<Exchange> {
    let mut params = planned.params.clone();
    for name in &planned.titles {
        let titles: Vec<String> = params
            .iter()
            .filter(|(n, _)| n == name)
            .flat_map(|(_, v)| v.split('|').map(str::to_owned).collect::<Vec<_>>())
            .collect();
        for title in titles {
            seed::ensure_exists(session, &title)?;
        }
    }
    for (_, v) in &mut params {
        *v = placeholders.fill(session, v)?;
    }
    for (name, kind) in &planned.tokens {
        let token = session.token(kind)?;
        match params.iter_mut().find(|(n, _)| n == name) {
            Some((_, v)) => *v = token,
            None => params.push((name.clone(), token)),
        }
    }
    let answer = session.send(&params)?;
    if planned.module == "logout" || planned.module == "changeauthenticationdata" {
        session.forget_tokens();
    }
    let request = params
        .into_iter()
        .map(|(n, v)| {
            let masked = planned.secrets.contains(&n) || n.ends_with("token");
            (n, if masked { "***".to_owned() } else { v })
        })
        .collect();
    Ok(Exchange {
        label: planned.label.clone(),
        request,
        answer: trimmed(answer, None),
    })
}

/// The answer as recorded: arrays and strings cut, values under `…token` keys masked.
fn trimmed(value: Value, key: Option<&str>) -> Value {
    match value {
        Value::String(_) if key.is_some_and(|k| k.ends_with("token")) => {
            Value::String("***".into())
        }
        Value::String(s) if s.chars().count() > KEEP_CHARS => {
            Value::String(s.chars().take(KEEP_CHARS).collect())
        }
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .take(KEEP_ITEMS)
                .map(|v| trimmed(v, None))
                .collect(),
        ),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let v = trimmed(v, Some(&k));
                    (k, v)
                })
                .collect(),
        ),
        other => other,
    }
}

/// Replaces the version's answers folder with one file per module.
fn write(
    version: MwVersion,
    release: &str,
    recordings: BTreeMap<String, Vec<Exchange>>,
) -> Result<usize> {
    let mut out = vec![];
    for (module, exchanges) in recordings {
        let recording = Recording {
            module: module.clone(),
            mediawiki: release.to_owned(),
            exchanges,
        };
        let mut text = serde_json::to_string_pretty(&recording)?;
        text.push('\n');
        out.push((format!("{module}.json"), text.into_bytes()));
    }
    let count = out.len();
    files::replace_dir(&answers_dir(version), &out)?;
    Ok(count)
}
