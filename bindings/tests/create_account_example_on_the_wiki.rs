//! `examples/create_account.rs` against the real test wikis, driven as a person at a
//! terminal would: each prompt is answered once it shows, the captcha's sum read off the
//! screen (ConfirmEdit asks a new one each time, so no answer can be scripted in advance).

#![cfg(all(feature = "blocking", feature = "v1_39", feature = "v1_43"))]

mod common;

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Runs the example against the wiki in `var`, answering each prompt (`Label: `) with what
/// `answer` says for it, given the prompt's line and the transcript so far. Returns whether
/// it succeeded and the whole transcript.
fn drive(var: &str, answer: impl Fn(&str, &str) -> String) -> (bool, String) {
    let mut child = Command::new(common::example("create_account"))
        .arg(common::api(var))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = child.stdout.take().expect("stdout");
    let (sender, chunks) = mpsc::channel::<Vec<u8>>();
    let reader = std::thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        while let Ok(n) = stdout.read(&mut buffer) {
            if n == 0 || sender.send(buffer[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut transcript = String::new();
    let mut answered = 0;
    loop {
        match chunks.recv_timeout(Duration::from_secs(60)) {
            Ok(chunk) => transcript.push_str(&String::from_utf8_lossy(&chunk)),
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let _ = child.kill();
                panic!("the example stopped answering:\n{transcript}");
            }
        }
        // A prompt is a line ending in ": " that has not been answered yet.
        if transcript.ends_with(": ") && transcript.len() > answered {
            // Answers are not echoed, so the prompt is the last line of what came since.
            let prompt = transcript[answered..]
                .lines()
                .last()
                .unwrap_or_default()
                .to_owned();
            let reply = answer(&prompt, &transcript);
            writeln!(stdin, "{reply}").expect("answer");
            answered = transcript.len();
        }
    }
    reader.join().expect("reader");
    let output = child.wait_with_output().expect("the example ends");
    transcript.push_str(&String::from_utf8_lossy(&output.stderr));
    (output.status.success(), transcript)
}

/// The answer to ConfirmEdit's sum (`98−5 =`), as the example showed it last.
fn solve(transcript: &str) -> String {
    let line = transcript
        .lines()
        .rev()
        .find(|l| l.trim_end().ends_with('='))
        .unwrap_or_else(|| panic!("no sum shown:\n{transcript}"));
    // The label, then the question: the sum is the last word before `=`.
    let sum = line
        .trim_end()
        .trim_end_matches('=')
        .split_whitespace()
        .last();
    common::solve_captcha(sum.unwrap_or_default())
}

const PASSWORD: &str = "example-create-password-5";

fn answers(user: String, captcha_right: bool) -> impl Fn(&str, &str) -> String {
    move |prompt, transcript| {
        if prompt.starts_with("Username") {
            user.clone()
        } else if prompt.starts_with("CAPTCHA") {
            if captcha_right {
                solve(transcript)
            } else {
                "wrong".into()
            }
        } else if prompt.starts_with("Password") || prompt.starts_with("Retype") {
            PASSWORD.into()
        } else {
            String::new()
        }
    }
}

#[test]
fn an_account_is_created_from_the_terminal_on_both_versions() {
    for var in ["MWTYPED_TEST_API_1_39", "MWTYPED_TEST_API_1_43"] {
        let user = common::unique("Terminal");
        let (ok, transcript) = drive(var, answers(user.clone(), true));
        assert!(
            ok && transcript.contains(&format!("Created the account {user}.")),
            "{var}:\n{transcript}"
        );
        assert!(
            !transcript.contains(PASSWORD),
            "the password was echoed:\n{transcript}"
        );
        // The new account logs in.
        let client =
            mwtyped::blocking::Client::new(common::api(var), "mwtyped tests").expect("client");
        assert!(
            matches!(
                client.login(&user, PASSWORD).expect("login"),
                mwtyped::AuthStep::Pass(_)
            ),
            "{var}: {user} cannot log in"
        );
    }
}

#[test]
fn a_wrong_captcha_answer_ends_with_the_wiki_s_message() {
    let user = common::unique("Terminal");
    let (ok, transcript) = drive("MWTYPED_TEST_API_1_43", answers(user, false));
    assert!(!ok, "{transcript}");
    let error = transcript
        .split("create_account: ")
        .nth(1)
        .unwrap_or_else(|| panic!("no error shown:\n{transcript}"));
    assert!(error.contains("captcha"), "{error}");
}
