//! `examples/edit.rs`, the bot the README leads with, run as a user runs it against the real
//! test wikis: a bot password, an OAuth 2 token, a wrong password and a bot password without
//! the grant to edit. The wiki's messages reach the terminal; no password or token does.

#![cfg(all(feature = "client", feature = "v1_39", feature = "v1_43"))]

mod common;

use common::{BOT_OWNER, EDIT_BOT, READ_BOT, api, issue_bearer_token, unique};

/// Runs the example with `env`, `args` after the api.php of `var`, and `text` on standard
/// input: whether it succeeded, its standard output and its standard error.
fn edit(var: &str, env: &[(&str, &str)], args: &[&str], text: &str) -> (bool, String, String) {
    let api = api(var);
    let args: Vec<&str> = std::iter::once(api.as_str())
        .chain(args.iter().copied())
        .collect();
    let out = common::run_example("edit", &args, env, text);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_bot_password_saves_standard_input_and_prints_the_revision() {
    for (var, version) in [
        ("MWTYPED_TEST_API_1_39", "1_39"),
        ("MWTYPED_TEST_API_1_43", "1_43"),
    ] {
        let title = unique("Mwtyped edit example ");
        let env = [
            ("MWTYPED_USER", EDIT_BOT.0),
            ("MWTYPED_PASSWORD", EDIT_BOT.1),
        ];
        let (ok, out, err) = edit(
            var,
            &env,
            &[&title, "--summary", "from the example"],
            "Hello",
        );
        assert!(ok, "{var}: {out}{err}");
        let revision: u64 = out
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("a revision id: {out}"));
        assert!(revision > 0);
        let (ok, out, _) = edit(var, &env, &[&title], "Hello");
        assert!(ok && out.trim() == format!("no change to {title}"), "{out}");

        let token = issue_bearer_token(version, BOT_OWNER);
        let env = [("MWTYPED_OAUTH2_TOKEN", token.as_str())];
        let (ok, out, err) = edit(var, &env, &[&title], "Hello again");
        assert!(ok, "{var}: {out}{err}");
        assert!(out.trim().parse::<u64>().expect("a revision id") > revision);
        assert!(!format!("{out}{err}").contains(&token));
    }
}

#[test]
fn a_refused_login_or_a_missing_grant_exits_with_the_wiki_s_message() {
    for var in ["MWTYPED_TEST_API_1_39", "MWTYPED_TEST_API_1_43"] {
        let title = unique("Mwtyped edit example refused ");
        let wrong = "0123456789abcdef0123456789abcdef";
        let env = [("MWTYPED_USER", EDIT_BOT.0), ("MWTYPED_PASSWORD", wrong)];
        let (ok, out, err) = edit(var, &env, &[&title], "never saved");
        assert!(!ok, "{var}: {out}");
        assert!(
            err.contains("login refused (wrongpassword)"),
            "{var}: {err}"
        );
        assert!(!err.contains(wrong) && !out.contains(wrong), "{err}");

        let env = [
            ("MWTYPED_USER", READ_BOT.0),
            ("MWTYPED_PASSWORD", READ_BOT.1),
        ];
        let (ok, out, err) = edit(var, &env, &[&title], "never saved");
        assert!(!ok, "{var}: {out}");
        assert!(err.contains("permissiondenied"), "{var}: {err}");
        assert!(
            err.contains("cantcreate"),
            "{var}: the wiki's other messages: {err}"
        );
        assert!(!err.contains(READ_BOT.1), "{err}");

        let (ok, _, err) = edit(var, &[], &[&title], "never saved");
        assert!(!ok && err.contains("no credentials"), "{err}");
    }
}
