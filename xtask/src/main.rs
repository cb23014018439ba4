//! `cargo xtask`: mwtyped's automation, one binary (the rust-analyzer pattern).
//!
//! Only `fetch`, `answers`, `check-live`, `crosscheck` and `wiki` touch the network or the system; every other
//! subcommand is offline and deterministic.

mod answers;
mod bench;
mod cargo;
mod check_live;
mod crosscheck;
mod diff;
mod features;
mod fetch;
mod files;
mod package;
mod patches;
mod regen;
mod scrape;
mod served;
mod test;
mod wiki;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "cargo xtask", about = "mwtyped's automation")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run local MediaWiki test wikis (Debian packages, SQLite, `php -S` on 127.0.0.1).
    Wiki(wiki::WikiArgs),
    /// Capture a live api.php (or a local test wiki) into specs/NAME/.
    Fetch(fetch::FetchArgs),
    /// Regenerate every generated file from the committed captures (offline).
    Regen(regen::RegenArgs),
    /// Run the whole test suite against freshly started local wikis.
    Test(test::TestArgs),
    /// Check that every version and feature combination of mwtyped compiles without a warning.
    Features(features::FeaturesArgs),
    /// Record what a fresh test wiki answers to every module into specs/mediawiki-VERSION/answers/.
    Answers(answers::AnswersArgs),
    /// Measure, side by side with a reference, and record in BENCHMARKS.md.
    Bench(bench::BenchArgs),
    /// Read API help pages (HTML or text, any supported language) into the spec model as JSON.
    Scrape(scrape::ScrapeArgs),
    /// Scrape a wiki's help pages in several languages and compare them with its paraminfo.
    Crosscheck(crosscheck::CrosscheckArgs),
    /// What changed in the API between two captures (modules, parameters, values, flags).
    Diff(diff::DiffArgs),
    /// Compare a live wiki's API with the nearest committed capture; fails when they differ.
    CheckLive(check_live::CheckLiveArgs),
    /// Package the published crates as `cargo publish` would, build them, check their size.
    Package,
}

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .without_time()
        .init();
    match Cli::parse().command {
        Command::Wiki(args) => wiki::run(args),
        Command::Fetch(args) => fetch::run(args),
        Command::Regen(args) => regen::run(args),
        Command::Test(args) => test::run(args),
        Command::Features(args) => features::run(args),
        Command::Answers(args) => answers::run(args),
        Command::Bench(args) => bench::run(args),
        Command::Scrape(args) => scrape::run(args),
        Command::Crosscheck(args) => crosscheck::run(args),
        Command::Diff(args) => diff::run(args),
        Command::CheckLive(args) => check_live::run(args),
        Command::Package => package::run(),
    }
}
