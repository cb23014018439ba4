//! A wiki's LocalSettings.php: what `install.php` writes, then one block of ours after a marker,
//! rewritten whenever it would differ (so changing it here reaches existing wikis on start).

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result};

use super::install::run_quiet;
use super::{ADMIN_PASSWORD, ADMIN_USER, MwVersion, Wiki};
use crate::files;

const MARKER: &str =
    "# ---- mwtyped: written by `cargo xtask wiki`; everything below is rewritten on start ----";

/// Folders each wiki keeps its own: database, caches, uploads.
const DIRS: &[&str] = &["conf", "data", "cache", "images"];

fn conf_file(dir: &Path) -> std::path::PathBuf {
    dir.join("conf").join("LocalSettings.php")
}

pub fn installed(dir: &Path) -> bool {
    conf_file(dir).is_file() && dir.join("data").join("wikidb.sqlite").is_file()
}

/// Runs `install.php` for a new wiki in `dir` (SQLite in `data/`, settings in `conf/`).
pub fn install(mw: &Path, dir: &Path, port: u16) -> Result<()> {
    for sub in DIRS {
        let path = dir.join(sub);
        fs::create_dir_all(&path).with_context(|| format!("creating {}", path.display()))?;
    }
    run_quiet(
        Command::new("php")
            .arg(mw.join("maintenance/install.php"))
            .args(["--dbtype", "sqlite", "--dbname", "wikidb", "--dbpath"])
            .arg(dir.join("data"))
            .args(["--server", &format!("http://127.0.0.1:{port}")])
            .args(["--scriptpath", "", "--lang", "en", "--skins", "Vector"])
            .args(["--pass", ADMIN_PASSWORD, "--confpath"])
            .arg(dir.join("conf"))
            .args(["TestWiki", ADMIN_USER])
            // With it set, install.php believes the wiki exists already.
            .env_remove("MW_CONFIG_FILE")
            .env("MW_INSTALL_PATH", mw),
        &format!("php {}/maintenance/install.php", mw.display()),
    )
}

/// Whether LocalSettings.php already holds our current block for `wiki`.
pub fn is_current(wiki: &Wiki) -> Result<bool> {
    let (old, new) = render(wiki)?;
    Ok(old == new)
}

/// Brings our block of LocalSettings.php up to date and, when it changed (fresh install,
/// other extensions or port), runs `update.php` for the tables new extensions need. Should
/// that fail, the old file is put back, so the next start tries again.
pub fn apply(mw: &Path, wiki: &Wiki) -> Result<()> {
    let (old, new) = render(wiki)?;
    if new == old {
        return Ok(());
    }
    let path = conf_file(&wiki.dir);
    files::write_atomic(&path, new.as_bytes())?;
    if let Err(e) = update(mw, &wiki.dir) {
        files::write_atomic(&path, old.as_bytes())?;
        return Err(e);
    }
    Ok(())
}

/// The file as it is, and as it should be.
fn render(wiki: &Wiki) -> Result<(String, String)> {
    let path = conf_file(&wiki.dir);
    let old = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let installer_part = old.split(MARKER).next().unwrap_or_default().trim_end();
    let new = format!("{installer_part}\n\n{MARKER}\n{}", settings_php(wiki));
    Ok((old, new))
}

/// `update.php --quick`: creates the tables newly loaded extensions need.
fn update(mw: &Path, dir: &Path) -> Result<()> {
    let began = Instant::now();
    run_quiet(
        Command::new("php")
            .arg(mw.join("maintenance/update.php"))
            .arg("--quick")
            .env("MW_CONFIG_FILE", conf_file(dir))
            .env("MW_INSTALL_PATH", mw),
        &format!("php {}/maintenance/update.php --quick", mw.display()),
    )?;
    tracing::info!("update.php took {:.1} s", began.elapsed().as_secs_f64());
    Ok(())
}

/// Our settings for `wiki`: the one place to add accounts, captcha or test providers.
fn settings_php(wiki: &Wiki) -> String {
    let dir = |sub: &str| php_string(&wiki.dir.join(sub).to_string_lossy());
    let mut php = format!(
        r#"$wgServer = 'http://127.0.0.1:{port}';
# No APCu under php -S; CACHE_DB also keeps sessions across restarts.
$wgMainCacheType = CACHE_DB;
$wgSessionCacheType = CACHE_DB;
# Per-wiki caches and uploads (the code folder is shared between wikis).
$wgCacheDirectory = {cache};
$wgUploadDirectory = {images};
$wgUploadPath = "$wgScriptPath/img_auth.php";
$wgEnableUploads = true;
# Test runs repeat logins and account creations from 127.0.0.1.
$wgPasswordAttemptThrottle = [];
$wgAccountCreationThrottle = [];
$wgRateLimits = [];
$wgGroupPermissions['*']['createaccount'] = true;
$wgShowExceptionDetails = true;
# What some modules need before they answer anything but an error (`cargo xtask answers`
# records every module): rights and switches, so the API the wiki describes stays the same.
$wgGroupPermissions['sysop']['deleterevision'] = true;
$wgGroupPermissions['sysop']['deletelogentry'] = true;
$wgPageLanguageUseDB = true;
$wgGroupPermissions['sysop']['pagelang'] = true;
# The machine has no mail server: a mail is dropped as sent (`AlternateUserMailer` answering
# false means "handled"), and an address counts without confirmation.
$wgEmailAuthentication = false;
$wgHooks['AlternateUserMailer'][] = static function () {{ return false; }};
$wgDebugLogGroups['exception'] = {errors};
$wgDebugLogGroups['error'] = {errors};
"#,
        port = wiki.port,
        cache = dir("cache"),
        images = dir("images"),
        errors = dir("mediawiki-errors.log"),
    );
    for ext in &wiki.extensions {
        php.push_str(&format!("wfLoadExtension( {} );\n", php_string(ext)));
    }
    for ext in &wiki.extensions {
        if let Some(config) = extension_config(wiki.version, ext) {
            php.push_str(config);
        }
    }
    // Every AuthManager status reachable (password policies, the test identity provider):
    // plain settings, so the API the wiki describes is the same with or without them.
    php.push_str(&format!(
        "$wgMwtypedTestIdpLinkFile = {};
require_once {};
",
        dir("data/mwtyped-testidp-links.json"),
        php_string(
            &super::accounts::fixtures_dir()
                .join("settings.php")
                .to_string_lossy()
        )
    ));
    // `Authorization: Bearer` sessions, as Extension:OAuth's owner-only OAuth 2 tokens give
    // (`xtask/fixtures/bearer/`): a session provider, so the API described stays the same.
    php.push_str(&format!(
        "$wgMwtypedBearerTokenFile = {};
require_once {};
",
        dir("data/mwtyped-bearer-tokens.json"),
        php_string(&bearer_fixtures_dir().join("settings.php").to_string_lossy())
    ));
    if let Some(configuration) = super::configuration::configuration_of(&wiki.name) {
        php.push_str(&format!(
            "require_once {};\n",
            php_string(&configuration.to_string_lossy())
        ));
    }
    php
}

/// The bearer-token session provider (`xtask/fixtures/bearer/`).
pub fn bearer_fixtures_dir() -> std::path::PathBuf {
    crate::files::workspace_root().join("xtask/fixtures/bearer")
}

/// What a bundled extension needs to load cleanly and behave on an offline test wiki.
fn extension_config(version: MwVersion, ext: &str) -> Option<&'static str> {
    Some(match (ext, version) {
        // After three failed logins from one address, every login would answer `wrongpassword`.
        ("ConfirmEdit", _) => "$wgCaptchaTriggers['badlogin'] = false;\n",
        ("Scribunto", _) => "$wgScribuntoDefaultEngine = 'luastandalone';\n",
        // `echocreateevent` answers `moduledisabled` without it.
        ("Echo", _) => "$wgEchoEnableApiEvents = true;\n",
        // Parsoid lints only when told to; Linter records nothing without it.
        ("Linter", _) => "$wgParsoidSettings['linting'] = true;\n",
        ("OATHAuth", _) => "$wgGroupPermissions['sysop']['oathauth-api-all'] = true;\n",
        ("AbuseFilter", _) => {
            "$wgAbuseFilterLogPrivateDetailsAccess = true;\n\
             $wgGroupPermissions['sysop']['abusefilter-privatedetails'] = true;\n\
             $wgGroupPermissions['sysop']['abusefilter-privatedetails-log'] = true;\n"
        }
        // The default lists are fetched from a remote wiki on every edit with a link.
        ("SpamBlacklist", _) => {
            "$wgBlacklistSettings = ['spam' => ['files' => []], 'email' => ['files' => []]];\n"
        }
        // 1.39 renders formulae through a remote service; 1.43 renders them itself.
        ("Math", MwVersion::V1_39) => {
            "$wgMathValidModes = ['source'];\n$wgDefaultUserOptions['math'] = 'source';\n\
             $wgMathDisableTexFilter = 'always';\n"
        }
        _ => return None,
    })
}

/// A PHP single-quoted string literal.
fn php_string(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}
