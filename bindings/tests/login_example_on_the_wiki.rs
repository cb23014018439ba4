//! `examples/login.rs`, scripted through standard input, against the real test wikis: a
//! plain login, and one the wiki answers with UI (a suggested password change, skipped).

#![cfg(all(feature = "blocking", feature = "v1_39", feature = "v1_43"))]

mod common;

fn login(var: &str, input: &str) -> (bool, String) {
    let out = common::run_example("login", &[&common::api(var)], &[], input);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn a_scripted_login_passes_on_both_versions() {
    for var in ["MWTYPED_TEST_API_1_39", "MWTYPED_TEST_API_1_43"] {
        // User name, password, then nothing for the other ways in (remember me, the test
        // identity provider).
        let (ok, text) = login(var, "Admin\nmwtyped-admin-password\n\n\n\n\n");
        assert!(ok && text.contains("Logged in as Admin."), "{var}: {text}");
        assert!(
            !text.contains("mwtyped-admin-password"),
            "the password was echoed: {text}"
        );
    }
}

#[test]
fn a_scripted_login_answers_what_the_wiki_asks_next() {
    for var in ["MWTYPED_TEST_API_1_39", "MWTYPED_TEST_API_1_43"] {
        // The first step, then UI: no new password, no retype, skip the change.
        let (ok, text) = login(var, "MwtypedBot\nmwtyped-bot-password\n\n\n\n\ny\n");
        assert!(
            ok && text.contains("Logged in as MwtypedBot."),
            "{var}: {text}"
        );
    }
}

#[test]
fn a_wrong_password_ends_with_the_wiki_s_message() {
    let (ok, text) = login("MWTYPED_TEST_API_1_43", "Admin\nwrong\n\n\n\n\n");
    assert!(!ok && text.contains("wrongpassword"), "{text}");
}
