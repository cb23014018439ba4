//! What the ports of MediaWiki's `tests/api-testing/action/*.js` share whatever the version:
//! the accounts (made with MediaWiki's own maintenance scripts, as the test wikis' own accounts
//! are), the job queue, random names, and the checks of text that api-testing's `assert` and
//! `utils` make (`sameTitle`, `getHtml`'s comment stripping, DiffCompare's regexes).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::hash::{BuildHasher, Hasher};
use std::process::Command;
use std::sync::{Mutex, PoisonError};

/// The groups of api-testing's fixture users: alice and bob are plain users, mindy is a
/// sysop, robby a bot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    User,
    Sysop,
    Bot,
}

/// An account made for this run.
#[derive(Debug, Clone)]
pub struct Account {
    pub name: String,
    pub password: String,
}

/// The variable `name` of the test wiki of `version` (`1_39`, `1_43`), set by
/// `cargo xtask test`.
fn wiki_var(name: &str, version: &str) -> String {
    let var = format!("{name}_{version}");
    std::env::var(&var)
        .unwrap_or_else(|_| panic!("{var} is not set: run the tests through `cargo xtask test`"))
}

/// Runs MediaWiki's maintenance script `script` (under `maintenance/` of the MediaWiki code
/// the test wiki of `version` runs) against that wiki, as `common::maintenance` runs the
/// workspace's own scripts. The arguments are not shown on failure: they may hold a password.
pub fn mediawiki_script(version: &str, script: &str, args: &[&str]) {
    let wiki = wiki_var("MWTYPED_TEST_WIKI_DIR", version);
    let mediawiki = wiki_var("MWTYPED_TEST_MEDIAWIKI", version);
    let path = format!("{mediawiki}/maintenance/{script}");
    let out = Command::new("php")
        .arg(&path)
        .args(args)
        .env("MW_CONFIG_FILE", format!("{wiki}/conf/LocalSettings.php"))
        .env("MW_INSTALL_PATH", &mediawiki)
        .output()
        .unwrap_or_else(|e| panic!("running php {path}: {e}"));
    assert!(
        out.status.success(),
        "{path} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs every queued job of the wiki of `version`: api-testing's `wiki.runAllJobs()`
/// (which asks `Special:RunJobs`; `runJobs.php` does the same without the wiki's secret key).
/// Besides the jobs, it gives the secondary updates MediaWiki defers past its answer (links
/// tables, edit counts) the time to end, as the originals' extra request does.
pub fn run_jobs(version: &str) {
    mediawiki_script(version, "runJobs.php", &[]);
}

/// A new account named `prefix` and random characters, in `role`'s groups, with a long
/// random password (the bot group's policy on the test wikis asks for 30 characters, or the
/// login would ask for a new password).
pub fn create_account(version: &str, prefix: &str, role: Role) -> Account {
    let name = format!("{prefix}{}", uniq());
    let password = random_hex(48);
    let mut args = match role {
        Role::User => vec![],
        Role::Sysop => vec!["--sysop"],
        Role::Bot => vec!["--bot"],
    };
    args.extend([name.as_str(), password.as_str()]);
    mediawiki_script(version, "createAndPromote.php", &args);
    Account { name, password }
}

/// The accounts made so far, by version and prefix.
static ACCOUNTS: Mutex<BTreeMap<(String, String), Account>> = Mutex::new(BTreeMap::new());

/// The account of the fixture `prefix` on the wiki of `version`, made on first use: as
/// api-testing's `action.alice()` and kin, one per process, shared by every test that asks
/// for it (a prefix used by one test alone is a fresh user, as the originals' self-registered
/// `Eve_`, `Fiona_`… are).
pub fn fixture_account(version: &str, prefix: &str, role: Role) -> Account {
    let mut accounts = ACCOUNTS.lock().unwrap_or_else(PoisonError::into_inner);
    accounts
        .entry((version.to_owned(), prefix.to_owned()))
        .or_insert_with(|| create_account(version, prefix, role))
        .clone()
}

/// api-testing's `utils.uniq()`: ten random characters (hexadecimal digits here).
pub fn uniq() -> String {
    random_hex(10)
}

/// `len` random hexadecimal digits (std's randomly keyed hasher, fed the time).
pub fn random_hex(len: usize) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_nanos();
    let mut out = String::with_capacity(len + 16);
    while out.len() < len {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u128(nanos);
        hasher.write_usize(out.len());
        write!(out, "{:016x}", hasher.finish()).expect("writing to a string");
    }
    out.truncate(len);
    out
}

/// An IPv6 address no earlier run blocked: Block.js picks `::` and four random hex digits,
/// which on wikis that keep their blocks between runs would sooner or later be blocked
/// already; this one is random in the documentation prefix `2001:db8::/32`.
pub fn random_ipv6() -> String {
    let hex = random_hex(16);
    format!(
        "2001:db8:{}:{}:{}:{}::1",
        &hex[0..4],
        &hex[4..8],
        &hex[8..12],
        &hex[12..16]
    )
}

/// `utils.dbkey`: spaces as underscores.
pub fn dbkey(title: &str) -> String {
    title.replace(' ', "_")
}

/// api-testing's `assert.sameTitle`: equal once both are in dbkey form.
#[track_caller]
pub fn assert_same_title(actual: &str, expected: &str) {
    assert_eq!(dbkey(actual), dbkey(expected), "not the same title");
}

/// `getHtml`'s text: the HTML with every comment (`<!-- … -->`, the parser's limit report)
/// taken out.
pub fn without_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = match rest[start..].find("-->") {
            Some(end) => &rest[start + end + 3..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// Whether a line of the diff `html` matches DiffCompare.js's regex
/// `<td class=.{class}.*>.*{text}`: a cell opening with one character (the quote) before
/// `class`, then, after a `>`, `text`; as in the regex, nothing crosses a line.
pub fn has_diff_cell(html: &str, class: &str, text: &str) -> bool {
    const OPEN: &str = "<td class=";
    html.lines().any(|line| {
        line.match_indices(OPEN).any(|(at, _)| {
            let mut after_open = line[at + OPEN.len()..].chars();
            // The one character the regex's `.` takes.
            if after_open.next().is_none() {
                return false;
            }
            let Some(rest) = after_open.as_str().strip_prefix(class) else {
                return false;
            };
            rest.find('>')
                .is_some_and(|gt| rest[gt + 1..].contains(text))
        })
    })
}
