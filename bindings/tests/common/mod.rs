//! What the tests against the real wikis share. Each test file is a crate of its own and
//! uses only part of this, hence the `allow`.
#![allow(dead_code)]

pub mod png;

/// The user every test wiki is installed with (see `cargo xtask wiki`).
pub const ADMIN: &str = "Admin";
pub const ADMIN_PASSWORD: &str = "mwtyped-admin-password";

/// The api.php URL in `var`, set by `cargo xtask test`. Fails the test without it: a test
/// that needs a wiki must not pass without one.
pub fn api(var: &str) -> String {
    std::env::var(var).unwrap_or_else(|_| {
        panic!("{var} is not set: run the tests through `cargo xtask test`, which starts the wikis")
    })
}

/// The user owning the test bot passwords (a change of `Admin`'s authentication data, as the
/// auth tests make, would invalidate bot passwords of `Admin`).
pub const BOT_OWNER: &str = "MwtypedBotOwner";
/// The bot passwords of [`BOT_OWNER`] on every test wiki (`xtask/src/wiki/accounts.rs`
/// makes them with MediaWiki's `createBotPassword.php`): one with an editing bot's grants…
pub const EDIT_BOT: (&str, &str) = (
    "MwtypedBotOwner@mwtyped-editor",
    "mwtpdeditorbotpassword0123456789abcd",
);
/// …and one with `basic` alone: it may read, not edit.
pub const READ_BOT: (&str, &str) = (
    "MwtypedBotOwner@mwtyped-reader",
    "mwtpdreaderbotpassword0123456789abcd",
);

/// Ends every session on the server of the test wiki whose folder is in `var` (set by
/// `cargo xtask test`): the wikis keep sessions as rows of `objectcache` in
/// `data/wikicache.sqlite`, as an expiry would. Answers how many ended.
pub fn end_every_session(var: &str) -> usize {
    let dir = std::env::var(var).unwrap_or_else(|_| {
        panic!("{var} is not set: run the tests through `cargo xtask test`, which starts the wikis")
    });
    let db = format!("{dir}/data/wikicache.sqlite");
    let php = format!(
        "$db = new PDO('sqlite:{db}'); \
         echo $db->exec(\"DELETE FROM objectcache WHERE keyname LIKE '%:MWSession:%'\");"
    );
    let out = std::process::Command::new("php")
        .args(["-r", &php])
        .output()
        .expect("php runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("a count of rows")
}

/// Runs the PHP script `script` (a path under the workspace) against the test wiki of
/// `version` (`1_39`, `1_43`) with `args`, as a maintenance script; its standard output.
pub fn maintenance(version: &str, script: &str, args: &[&str]) -> String {
    let var = |name: &str| {
        let name = format!("{name}_{version}");
        std::env::var(&name).unwrap_or_else(|_| {
            panic!("{name} is not set: run the tests through `cargo xtask test`")
        })
    };
    let dir = var("MWTYPED_TEST_WIKI_DIR");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../").to_owned() + script;
    let out = std::process::Command::new("php")
        .arg(&script)
        .args(args)
        .env("MW_CONFIG_FILE", format!("{dir}/conf/LocalSettings.php"))
        .env("MW_INSTALL_PATH", var("MWTYPED_TEST_MEDIAWIKI"))
        .output()
        .expect("php runs");
    assert!(
        out.status.success(),
        "{script}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// A new bearer token of `user` on the test wiki of `version`, issued by the bearer fixture
/// (`xtask/fixtures/bearer/`), MediaWiki's stand-in for Extension:OAuth's owner-only tokens.
pub fn issue_bearer_token(version: &str, user: &str) -> String {
    maintenance(
        version,
        "xtask/fixtures/bearer/issue-bearer-token.php",
        &["--user", user],
    )
}

/// Revokes a token [`issue_bearer_token`] gave.
pub fn revoke_bearer_token(version: &str, token: &str) {
    maintenance(
        version,
        "xtask/fixtures/bearer/issue-bearer-token.php",
        &["--revoke", token],
    );
}

/// A name no earlier run used: the wikis keep their accounts and pages between runs.
pub fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_nanos();
    format!("{prefix}{nanos}")
}

/// The example `name` as `cargo xtask test` built it (`target/debug/examples/`), beside this
/// test's own binary.
pub fn example(name: &str) -> std::path::PathBuf {
    let exe = std::env::current_exe().expect("test binary");
    let debug = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target dir");
    let path = debug.join("examples").join(name);
    assert!(
        path.is_file(),
        "{} is not built: run `cargo xtask test` (it builds the examples first)",
        path.display()
    );
    path
}

/// Runs the example `name` (see [`example`]) with `args` and `env`, `input` on its standard
/// input, to its end; none of the credentials of the test's own environment leak into it.
pub fn run_example(
    name: &str,
    args: &[&str],
    env: &[(&str, &str)],
    input: &str,
) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(example(name))
        .args(args)
        .env_remove("MWTYPED_USER")
        .env_remove("MWTYPED_PASSWORD")
        .env_remove("MWTYPED_OAUTH2_TOKEN")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("its input");
    child.wait_with_output().expect("the example ends")
}

/// ConfirmEdit's SimpleCaptcha asks a sum or a difference: `captchaInfo` is `8+10 =`.
pub fn solve_captcha(question: &str) -> String {
    let question = question.trim().trim_end_matches('=').trim();
    let (at, op) = question
        .char_indices()
        .skip(1)
        .find(|(_, c)| matches!(c, '+' | '-' | '−'))
        .unwrap_or_else(|| panic!("no arithmetic in the captcha {question:?}"));
    let a: i64 = question[..at].trim().parse().expect("first operand");
    let b: i64 = question[at + op.len_utf8()..]
        .trim()
        .parse()
        .expect("second operand");
    (if op == '+' { a + b } else { a - b }).to_string()
}

/// The first form of an account creation (`start`), filled with the name, the password twice
/// and `answer` to ConfirmEdit's question.
#[cfg(feature = "client")]
pub async fn account_form(
    client: &mwtyped::Client,
    start: mwtyped::AuthStart,
    name: &str,
    password: &str,
    answer: impl FnOnce(&str) -> String,
) -> mwtyped::AuthForm {
    let mut form = client.auth_start(start).await.expect("form");
    let question = form
        .field("captchaInfo")
        .and_then(|f| f.given_value())
        .expect("ConfirmEdit asks a question");
    form.set("username", name)
        .and_then(|f| f.set("password", password))
        .and_then(|f| f.set("retype", password))
        .and_then(|f| f.set("captchaWord", answer(&question)))
        .expect("fields");
    form
}

/// `client`, logged in as `user` (the login must PASS).
#[cfg(feature = "client")]
pub async fn logged_in(client: mwtyped::Client, user: &str, password: &str) -> mwtyped::Client {
    let step = client.login(user, password).await.expect("login");
    assert!(
        matches!(step, mwtyped::AuthStep::Pass(_)),
        "login of {user}: {step:?}"
    );
    client
}
