//! `cargo xtask test`: the whole test suite against real wikis. Brings up the local 1.39 and
//! 1.43 wikis with every bundled extension, checks that generated files are fresh and that every
//! feature combination compiles without a warning (`cargo xtask features`), runs every
//! test of the workspace with the wikis' api.php URLs in the environment, and stops the wikis
//! it started (those already running are left running). Each version also runs configured
//! like the big wikis (`xtask/fixtures/configuration/`).

use anyhow::Result;
use clap::Args;

use crate::cargo::run as cargo;
use crate::features::{self, FeaturesArgs};
use crate::files;
use crate::regen::{self, RegenArgs};
use crate::served;
use crate::wiki::{self, ExtensionSet, MwVersion, WikiSpec};

#[derive(Args)]
pub struct TestArgs {
    /// Extra arguments for `cargo test` (after `--`), e.g. a test name filter.
    #[arg(last = true)]
    cargo_args: Vec<String>,
}

/// The environment variable holding the api.php URL of the test wiki of `version`.
pub fn api_env_var(version: MwVersion) -> String {
    format!("MWTYPED_TEST_API_{}", version.to_string().replace('.', "_"))
}

/// The environment variable holding the api.php URL of the wiki of `version` configured as
/// [`wiki::CONFIGURED`].
pub fn configured_api_env_var(version: MwVersion) -> String {
    format!(
        "MWTYPED_TEST_CONFIGURED_API_{}",
        version.to_string().replace('.', "_")
    )
}

/// The environment variable holding the folder of the test wiki of `version` (its
/// `data/wikicache.sqlite` holds the sessions a test ends on the server side;
/// `conf/LocalSettings.php` is what its maintenance scripts read).
pub fn wiki_dir_env_var(version: MwVersion) -> String {
    format!(
        "MWTYPED_TEST_WIKI_DIR_{}",
        version.to_string().replace('.', "_")
    )
}

/// The environment variable holding MediaWiki's code of `version` (`MW_INSTALL_PATH` for
/// the maintenance scripts a test runs, such as the bearer fixture's token issuer).
pub fn mediawiki_env_var(version: MwVersion) -> String {
    format!(
        "MWTYPED_TEST_MEDIAWIKI_{}",
        version.to_string().replace('.', "_")
    )
}

/// The environment variable holding the reference tree: the folder whose captures and
/// generated files the tests compare with (see [`crate::served`]).
pub const REFERENCE_ENV: &str = "MWTYPED_TEST_REFERENCE";

pub fn run(args: TestArgs) -> Result<()> {
    let mut started = vec![];
    let mut drifts = vec![];
    let result = (|| {
        let mut env = vec![];
        let mut wikis = vec![];
        for version in MwVersion::ALL {
            let spec = WikiSpec {
                version,
                extensions: ExtensionSet::All,
                name: None,
                port: None,
            };
            let wiki = start(&spec, &mut started)?;
            // The content the answers were recorded on: the tests replay those requests.
            crate::answers::seed_test_wiki(&wiki)?;
            env.push((api_env_var(version), wiki.api_url()));
            env.push((wiki_dir_env_var(version), wiki.dir.display().to_string()));
            env.push((
                mediawiki_env_var(version),
                wiki::mw_root(version).display().to_string(),
            ));
            wikis.push((version, wiki.api_url()));
            // The same wiki configured like the big ones, for the typed requests that use
            // values a wiki's configuration decides.
            let configured = start(&wiki::configured(version), &mut started)?;
            env.push((configured_api_env_var(version), configured.api_url()));
        }
        drifts = served::drifts(&wikis)?;
        env.push((REFERENCE_ENV.to_owned(), reference_tree(&drifts)?));
        regen::run(RegenArgs {
            check: true,
            verbose: false,
        })?;
        features::run(FeaturesArgs::default())?;
        // The examples as users run them (`cargo test` builds them only as test harnesses):
        // `login_example_on_the_wiki` scripts `target/debug/examples/login`.
        cargo(
            &["build", "-p", "mwtyped", "--all-features", "--examples"],
            &[],
        )?;
        let mut all = vec!["test", "--workspace", "--all-targets", "--all-features"];
        all.extend(args.cargo_args.iter().map(String::as_str));
        cargo(&all, &env)?;
        // What must not compile without an extension's feature can only be seen without
        // `--all-features`: the compile-fail cases once more, with the default features.
        cargo(&["test", "-p", "mwtyped", "--test", "compile_fail"], &[])?;
        // The crates stay publishable: packaged, built from the package, under 10 MiB.
        crate::package::run()?;
        Ok(())
    })();
    for name in started {
        if let Err(e) = wiki::stop(&name) {
            eprintln!("stopping {name}: {e:#}");
        }
    }
    // Said again at the end, where a reader of the log looks first.
    for drift in &drifts {
        eprintln!("\n{}", drift.notice());
    }
    result
}

/// Starts the wiki `spec` names, noting it in `started` when this run started it.
fn start(spec: &WikiSpec, started: &mut Vec<String>) -> Result<wiki::Wiki> {
    let was_running = wiki::running(spec)?;
    let wiki = wiki::start(spec)?;
    if !was_running {
        started.push(wiki.name.clone());
    }
    eprintln!("test wiki {}: {}", wiki.name, wiki.api_url());
    Ok(wiki)
}

/// The workspace when every wiki serves its committed capture; else a scratch copy under
/// `target/served/` with the served releases adopted, after a notice for each.
fn reference_tree(drifts: &[served::Drift]) -> Result<String> {
    let root = files::workspace_root();
    if drifts.is_empty() {
        return Ok(root.display().to_string());
    }
    for drift in drifts {
        eprintln!("{}", drift.notice());
    }
    let scratch = served::adopt(&root, drifts, &root.join("target/served"))?;
    eprintln!(
        "the tests compare with {}, where the served releases are adopted",
        files::display(&scratch)
    );
    Ok(scratch.display().to_string())
}

/// The reference tree of this test run: its captures and generated files are what `fetch`,
/// `regen`, `check-live` and `crosscheck` must reproduce (the committed ones, unless a
/// wiki serves another release). Fails the test when unset, like [`test_api`].
#[cfg(test)]
pub fn reference_root() -> std::path::PathBuf {
    std::env::var(REFERENCE_ENV)
        .map(Into::into)
        .unwrap_or_else(|_| {
            panic!("{REFERENCE_ENV} is not set: run the tests through `cargo xtask test`")
        })
}

/// Held by the tests that run `fetch --local`: it starts and stops one wiki per extension,
/// and two of them at once would stop each other's wikis.
#[cfg(test)]
pub static FETCH_LOCAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The api.php of the test wiki of `version`, for tests. Fails the test when the wiki is not
/// there: a test that needs a wiki must not pass without one.
#[cfg(test)]
pub fn test_api(version: MwVersion) -> String {
    let var = api_env_var(version);
    std::env::var(&var).unwrap_or_else(|_| {
        panic!("{var} is not set: run the tests through `cargo xtask test`, which starts the wikis")
    })
}
