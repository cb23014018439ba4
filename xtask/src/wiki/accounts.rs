//! The accounts and the auth fixtures that make every AuthManager status reachable on a test
//! wiki (`xtask/fixtures/auth/`, see its README): a user whose login answers UI through
//! password policy, and one enrolled in two-factor TOTP. The test identity provider (REDIRECT,
//! RESTART, linking) and the policies are plain settings loaded by LocalSettings.php.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};

use super::Wiki;
use super::install::run_quiet;
use crate::files;

/// In group `bot`, whose policy asks for 30 characters with `suggestChangeOnLogin`: its
/// login answers UI `resetpass-validity-soft`.
pub const SOFT_RESET_USER: (&str, &str) = ("MwtypedBot", "mwtyped-bot-password");
/// Enrolled in OATHAuth's TOTP with [`TOTP_SECRET`]: its login answers UI `OATHToken`.
pub const TOTP_USER: (&str, &str) = ("MwtypedTotp", "mwtyped-totp-password");
pub const TOTP_SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/// The owner of the bot passwords: a user of its own, since a change of a user's
/// authentication data (as the auth tests make to `Admin`'s) invalidates its bot passwords.
pub const BOT_OWNER: (&str, &str) = ("MwtypedBotOwner", "mwtyped-bot-owner-password");

/// Bot passwords of [`BOT_OWNER`] (`MwtypedBotOwner@NAME`, made by MediaWiki's own
/// `createBotPassword.php`): one with the grants an editing bot has, one that may only read.
/// A bot password must match `^[0-9a-w]{32,}$` (no `x`, `y`, `z`: any other fails as
/// `wrongpassword`).
pub const BOT_PASSWORDS: &[(&str, &str, &str)] = &[
    (
        "mwtyped-editor",
        "basic,editpage,createeditmovepage,highvolume,uploadfile,uploadeditmovefile",
        "mwtpdeditorbotpassword0123456789abcd",
    ),
    (
        "mwtyped-reader",
        "basic",
        "mwtpdreaderbotpassword0123456789abcd",
    ),
];

/// Written once the accounts exist: they are made once per install.
const DONE: &str = "accounts-v1.done";
/// Written once the bot passwords exist (a wiki installed before they were added gets them).
const BOT_PASSWORDS_DONE: &str = "bot-passwords-v3.done";

pub fn fixtures_dir() -> PathBuf {
    files::workspace_root().join("xtask/fixtures/auth")
}

/// Creates the accounts on a freshly installed wiki (maintenance scripts, no server needed).
pub fn ensure(mw: &Path, wiki: &Wiki) -> Result<()> {
    ensure_users(mw, wiki)?;
    ensure_bot_passwords(mw, wiki)?;
    ensure_abuse_filter(wiki)
}

/// The AbuseFilter filters of `xtask/fixtures/abusefilter/test-filter.php`, where AbuseFilter
/// is loaded: one disallows adding "mwtyped-forbidden", one blocks the autopromotion of whoever
/// adds "mwtyped-no-autopromote".
fn ensure_abuse_filter(wiki: &Wiki) -> Result<()> {
    let done = wiki.dir.join("abuse-filter-v2.done");
    if done.is_file() || !wiki.has_extension("AbuseFilter") {
        return Ok(());
    }
    let script = files::workspace_root().join("xtask/fixtures/abusefilter/test-filter.php");
    run_quiet(
        Command::new("php").arg(script).arg(wiki.dir.join("data")),
        "test-filter.php",
    )?;
    files::write_atomic(&done, b"")?;
    Ok(())
}

/// Creates a plain user with MediaWiki's own `createAndPromote.php`.
pub fn create_user(wiki: &Wiki, user: &str, password: &str) -> Result<()> {
    let mw = super::mw_root(wiki.version);
    let promote = mw.join("maintenance/createAndPromote.php");
    script(
        &mw,
        wiki,
        &[&promote.to_string_lossy(), user, password],
        "createAndPromote.php",
    )
}

/// Gives `user` an e-mail address with MediaWiki's own `resetUserEmail.php`, the password
/// kept.
pub fn set_email(wiki: &Wiki, user: &str, email: &str) -> Result<()> {
    let mw = super::mw_root(wiki.version);
    let reset = mw.join("maintenance/resetUserEmail.php");
    script(
        &mw,
        wiki,
        &[&reset.to_string_lossy(), "--no-reset-password", user, email],
        "resetUserEmail.php",
    )
}

/// Adds `prefix` to the interwiki table of `wiki` (once; MediaWiki's API cannot), with
/// MediaWiki's own `sql.php`. A prefix that is a language code makes `[[prefix:…]]` a
/// language link.
pub fn add_interwiki(wiki: &Wiki, prefix: &str, url: &str) -> Result<()> {
    let mw = super::mw_root(wiki.version);
    let sql = mw.join("maintenance/sql.php");
    let query = format!(
        "INSERT OR IGNORE INTO /*_*/interwiki \
         (iw_prefix, iw_url, iw_api, iw_wikiid, iw_local, iw_trans) \
         VALUES ('{prefix}', '{url}', '', '', 0, 0)"
    );
    let sql = sql.to_string_lossy();
    script(&mw, wiki, &[&sql, "--query", &query], "sql.php")?;
    // `--status` fails a query that changed no row: the insert, when the prefix was there.
    let check = format!("SELECT iw_prefix FROM /*_*/interwiki WHERE iw_prefix = '{prefix}'");
    script(&mw, wiki, &[&sql, "--status", "--query", &check], "sql.php")
        .with_context(|| format!("the interwiki prefix {prefix} was not added"))
}

/// Runs the queued jobs of one type (`RecordLintJob`): the wiki's server never runs them
/// itself before they are needed, and the other types are left alone, so that nothing else
/// the recordings show changes.
pub fn run_jobs(wiki: &Wiki, job_type: &str) -> Result<()> {
    let mw = super::mw_root(wiki.version);
    let run = mw.join("maintenance/runJobs.php");
    script(
        &mw,
        wiki,
        &[&run.to_string_lossy(), "--type", job_type],
        "runJobs.php",
    )
}

/// Runs a PHP maintenance script against `wiki`.
fn script(mw: &Path, wiki: &Wiki, args: &[&str], what: &str) -> Result<()> {
    run_quiet(
        Command::new("php")
            .args(args)
            .env("MW_CONFIG_FILE", wiki.dir.join("conf/LocalSettings.php"))
            .env("MW_INSTALL_PATH", mw),
        what,
    )
}

fn ensure_bot_passwords(mw: &Path, wiki: &Wiki) -> Result<()> {
    let done = wiki.dir.join(BOT_PASSWORDS_DONE);
    if done.is_file() {
        return Ok(());
    }
    let promote = mw.join("maintenance/createAndPromote.php");
    let (owner, password) = BOT_OWNER;
    script(
        mw,
        wiki,
        &[&promote.to_string_lossy(), owner, password],
        "createAndPromote.php (bot owner)",
    )?;
    let create = mw.join("maintenance/createBotPassword.php");
    let create = create.to_string_lossy();
    for (app, grants, password) in BOT_PASSWORDS {
        script(
            mw,
            wiki,
            &[&create, "--appid", app, "--grants", grants, owner, password],
            "createBotPassword.php",
        )?;
    }
    files::write_atomic(&done, b"")?;
    tracing::info!("{}: bot passwords created", wiki.name);
    Ok(())
}

fn ensure_users(mw: &Path, wiki: &Wiki) -> Result<()> {
    let done = wiki.dir.join(DONE);
    if done.is_file() {
        return Ok(());
    }
    let script = |args: &[&str], what: &str| script(mw, wiki, args, what);
    let promote = mw.join("maintenance/createAndPromote.php");
    let promote = promote.to_string_lossy();
    let (user, password) = SOFT_RESET_USER;
    // Password first, group second: 1.43 checks the group's policy when setting a password.
    script(
        &[&promote, user, password],
        "createAndPromote.php (soft reset user)",
    )?;
    script(
        &[&promote, "--force", "--custom-groups=bot", user],
        "createAndPromote.php --custom-groups=bot",
    )?;
    if wiki.has_extension("OATHAuth") {
        let (user, password) = TOTP_USER;
        script(
            &[&promote, user, password],
            "createAndPromote.php (TOTP user)",
        )?;
        let enroll = fixtures_dir().join("enroll-totp.php");
        script(
            &[
                &enroll.to_string_lossy(),
                "--user",
                user,
                "--secret",
                TOTP_SECRET,
            ],
            "enroll-totp.php",
        )?;
    }
    files::write_atomic(&done, b"")?;
    tracing::info!("{}: test accounts created", wiki.name);
    Ok(())
}
