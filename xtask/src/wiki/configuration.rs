//! Test wikis configured otherwise. Like the big wikis: a wiki whose name ends in `-{CONFIGURED}`
//! loads `xtask/fixtures/configuration/{CONFIGURED}.php` after the test settings
//! (Wikipedia's and Commons' usual extras: another user group and right, change tags, a slot
//! role, a content model, namespaces, a log type, more skins), and gets a page whose revision
//! holds two slots, which the API cannot write.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Result;

use super::install::run_quiet;
use super::{ADMIN_USER, ExtensionSet, MwVersion, Wiki, WikiSpec};
use crate::files;

/// The name of the configuration.
pub const CONFIGURED: &str = "wikipedia-like";

/// Temporary accounts on, as on Wikipedia since 2025 (`temp-accounts.php`): only `cargo xtask
/// answers` starts such a wiki, for `acquiretempusername`, which answers nothing but an error
/// where they are off. The test wikis keep them off: an edit made logged out stays an IP's.
pub const TEMP_ACCOUNTS: &str = "temp-accounts";

/// What the big wikis set and the test wikis leave off (`policies.php`: a content language
/// with a fallback, rate limits, a group members add to themselves, a promotion on edit,
/// watches that expire): only `cargo xtask answers` starts such a wiki, for the parts of
/// answers that stay empty on the test wikis.
pub const POLICIES: &str = "policies";

/// The page [`seed`] saves with a `main` and a `mediainfo` slot.
pub const TWO_SLOTS_PAGE: &str = "Mwtyped two slots";

/// Written once the page exists: it is made once per install.
const DONE: &str = "configured-v1.done";

fn fixtures_dir() -> PathBuf {
    files::workspace_root().join("xtask/fixtures/configuration")
}

/// The configuration file a wiki of that name loads, if its name asks for one.
pub fn configuration_of(name: &str) -> Option<PathBuf> {
    [CONFIGURED, TEMP_ACCOUNTS, POLICIES]
        .into_iter()
        .find(|configuration| is_named(name, configuration))
        .map(|configuration| fixtures_dir().join(format!("{configuration}.php")))
}

/// Whether a wiki of that name has `configuration`.
fn is_named(name: &str, configuration: &str) -> bool {
    name.ends_with(&format!("-{configuration}"))
}

/// The wiki of `version` with every bundled extension, under the configuration [`CONFIGURED`].
pub fn configured(version: MwVersion) -> WikiSpec {
    WikiSpec {
        version,
        extensions: ExtensionSet::All,
        name: Some(format!("{version}-{CONFIGURED}")),
        port: None,
    }
}

/// On a configured wiki, saves [`TWO_SLOTS_PAGE`] once (a maintenance script, no server
/// needed); on any other, nothing.
pub fn seed(mw: &Path, wiki: &Wiki) -> Result<()> {
    let done = wiki.dir.join(DONE);
    if !is_named(&wiki.name, CONFIGURED) || done.is_file() {
        return Ok(());
    }
    let script = fixtures_dir().join("two-slots.php");
    run_quiet(
        Command::new("php")
            .arg(&script)
            .args(["--title", TWO_SLOTS_PAGE, "--user", ADMIN_USER])
            .env("MW_CONFIG_FILE", wiki.dir.join("conf/LocalSettings.php"))
            .env("MW_INSTALL_PATH", mw),
        "two-slots.php",
    )?;
    files::write_atomic(&done, b"")?;
    tracing::info!("{}: a page with two slots saved", wiki.name);
    Ok(())
}
