//! `cargo xtask bench login`: logins through the mwtyped client against the same requests
//! by curl, and a bot-password login against `mwapi` 0.7's, on the local 1.43 wiki.

use anyhow::{Context, Result, bail};

use super::{api_requests_served, on_the_wiki, result_line, write_section};
use crate::files;

/// mwapi's side: a crate of its own under `target/bench-build/`, outside the workspace.
const MWAPI_MAIN: &str = include_str!("login_mwapi.rs");

pub(super) fn bench(runs: usize) -> Result<()> {
    let (ours, mwapi, mwapi_requests) = on_the_wiki("login", runs, |env, wiki| {
        let ours = super::run_bindings_bench("login", env)?;
        let before = api_requests_served(wiki)?;
        let mwapi = run_mwapi(env)?;
        // mwapi does not say: the server's log counts its requests.
        let requests = (api_requests_served(wiki)? - before) as f64 / runs as f64;
        Ok((ours, mwapi, requests))
    })?;
    let [main_ours, main_curl, main_requests, _] = result_line(&ours, "login")?;
    let [bot_ours, bot_curl, bot_requests, _] = result_line(&ours, "botpassword")?;
    let [bot_mwapi, _] = result_line(&mwapi, "mwapi")?;
    let section = format!(
        "Logins on the local MediaWiki 1.43 wiki with every bundled extension, each from a fresh \
         session, median of {runs} runs, every side in one run. A main account logs in through \
         `clientlogin` (user and password); a bot password through `action=login`, the only \
         module that takes one. curl's side is the same requests, a process each, the token \
         read in between; mwapi 0.7's is its client built with `set_botpassword`, which logs in.\n\n\
         | | HTTP requests | ms |\n|---|---:|---:|\n\
         | main account: `Client::login` (blocking client) | {main_requests} | {main_ours} |\n\
         | main account: the same requests by `curl` | 2 | {main_curl} |\n\
         | bot password: `Client::login` (blocking client) | {bot_requests} | {bot_ours} |\n\
         | bot password: the same requests by `curl` | 2 | {bot_curl} |\n\
         | bot password: `mwapi` 0.7 | {mwapi_requests} | {bot_mwapi} |\n\n\
         Reproduce: `cargo xtask bench login --runs {runs}`\n"
    );
    print!("{section}");
    write_section("login", &section)
}

/// Builds and runs the mwapi side (release build; its download and build are not timed).
fn run_mwapi(env: &[(String, String)]) -> Result<String> {
    let krate = files::workspace_root().join("target/bench-build/login-mwapi");
    let manifest = "[package]\nname = \"bench-login-mwapi\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
         publish = false\n\n[dependencies]\nmwapi = \"0.7\"\n\
         tokio = { version = \"1\", features = [\"macros\", \"rt\"] }\n\n\
         # Not part of mwtyped's workspace.\n[workspace]\n";
    files::write_atomic(&krate.join("Cargo.toml"), manifest.as_bytes())?;
    files::write_atomic(&krate.join("src/main.rs"), MWAPI_MAIN.as_bytes())?;
    let output = crate::cargo::command()
        .current_dir(&krate)
        .args(["run", "--release", "--quiet"])
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .output()
        .context("running the mwapi side")?;
    if !output.status.success() {
        bail!(
            "the mwapi side failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}
