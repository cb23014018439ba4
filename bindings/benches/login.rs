//! Logins through mwtyped, side by side in one run with the same HTTP requests made by
//! `curl`: a main account (`clientlogin`: token and fields, then the POST) and a bot password
//! (`action=login`: a login token, then the POST). Run through `cargo xtask bench login`,
//! which starts the 1.43 test wiki and passes its api.php and a bot password in the
//! environment. Prints two lines, `login` and `botpassword`, each
//! `<mwtyped ms> <curl ms> <requests> <runs>`.

use std::process::Command;
use std::time::{Duration, Instant};

use mwtyped::AuthStep;
use mwtyped::blocking::Client;

const USER: &str = "Admin";
const PASSWORD: &str = "mwtyped-admin-password";

fn median(mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    samples[samples.len() / 2].as_secs_f64() * 1000.0
}

fn curl(args: &[&str]) -> String {
    let out = Command::new("curl")
        .arg("-sf")
        .args(args)
        .output()
        .expect("curl runs");
    assert!(out.status.success(), "curl failed: {:?}", out.status);
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// curl's login token, read from `query` (a `meta=tokens` request with `type=login`), its
/// cookies kept in `jar`.
fn login_token(jar: &str, query: &str) -> String {
    let answer = curl(&["-c", jar, query]);
    let json: serde_json::Value = serde_json::from_str(&answer).expect("JSON");
    json["query"]["tokens"]["logintoken"]
        .as_str()
        .expect("token")
        .to_owned()
}

/// curl POSTing `fields` (and `format=json&formatversion=2`) to `api` in the session of `jar`.
fn curl_post(jar: &str, api: &str, fields: &[String]) -> String {
    let mut args = vec!["-b", jar, "-c", jar];
    for field in fields
        .iter()
        .map(String::as_str)
        .chain(["format=json", "formatversion=2"])
    {
        args.extend(["--data-urlencode", field]);
    }
    args.push(api);
    curl(&args)
}

fn main() {
    let Ok(api) = std::env::var("MWTYPED_BENCH_API") else {
        // `cargo bench` runs every bench; this one needs a wiki.
        eprintln!("login: MWTYPED_BENCH_API is not set; run `cargo xtask bench login`");
        return;
    };
    let runs: usize = std::env::var("MWTYPED_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(15);
    let bot = (
        std::env::var("MWTYPED_BENCH_BOT_USER").expect("MWTYPED_BENCH_BOT_USER"),
        std::env::var("MWTYPED_BENCH_BOT_PASSWORD").expect("MWTYPED_BENCH_BOT_PASSWORD"),
    );
    let first = Client::new(&api, "mwtyped-bench (login)").expect("client");
    let jar = std::env::temp_dir().join(format!("mwtyped-bench-{}.cookies", std::process::id()));
    let jar = jar.to_str().expect("path");
    let (mut ours, mut theirs, mut requests) = (vec![], vec![], 0);
    let (mut bot_ours, mut bot_theirs, mut bot_requests) = (vec![], vec![], 0);
    for _ in 0..runs {
        // A session of its own each time: a login from nothing.
        let client =
            Client::from_async(first.as_async().new_session().expect("session")).expect("client");
        let start = Instant::now();
        let step = client.login(USER, PASSWORD).expect("login");
        ours.push(start.elapsed());
        assert!(matches!(step, AuthStep::Pass(_)), "{step:?}");
        requests = client.requests_sent();

        let _ = std::fs::remove_file(jar);
        let start = Instant::now();
        let token = login_token(
            jar,
            &format!(
                "{api}?action=query&meta=tokens|authmanagerinfo&type=login&amirequestsfor=login&format=json&formatversion=2"
            ),
        );
        let answer = curl_post(
            jar,
            &api,
            &[
                "action=clientlogin".into(),
                format!("loginreturnurl={api}"),
                format!("username={USER}"),
                format!("password={PASSWORD}"),
                format!("logintoken={token}"),
            ],
        );
        theirs.push(start.elapsed());
        assert!(answer.contains("\"PASS\""), "curl login: {answer}");

        let client =
            Client::from_async(first.as_async().new_session().expect("session")).expect("client");
        let start = Instant::now();
        let step = client.login(&bot.0, &bot.1).expect("login");
        bot_ours.push(start.elapsed());
        assert!(matches!(step, AuthStep::Pass(_)), "{step:?}");
        bot_requests = client.requests_sent();

        let _ = std::fs::remove_file(jar);
        let start = Instant::now();
        let token = login_token(
            jar,
            &format!("{api}?action=query&meta=tokens&type=login&format=json&formatversion=2"),
        );
        let answer = curl_post(
            jar,
            &api,
            &[
                "action=login".into(),
                format!("lgname={}", bot.0),
                format!("lgpassword={}", bot.1),
                format!("lgtoken={token}"),
            ],
        );
        bot_theirs.push(start.elapsed());
        assert!(
            answer.contains("\"Success\""),
            "curl's bot-password login: {answer}"
        );
    }
    let _ = std::fs::remove_file(jar);
    println!(
        "login {:.1} {:.1} {requests} {runs}",
        median(ours),
        median(theirs)
    );
    println!(
        "botpassword {:.1} {:.1} {bot_requests} {runs}",
        median(bot_ours),
        median(bot_theirs)
    );
}
