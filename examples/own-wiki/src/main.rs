//! `cargo run -p mwtyped-example-own-wiki -- API_URL [USER PASSWORD FILTER]`: what the typed
//! bindings of your own wiki (`wiki/spec.json`) can reach on it.
//!
//! Prints how many modules core and each extension provide, the wiki's enabled abuse
//! filters, and, logged in as USER, whether FILTER is a valid AbuseFilter rule.

use std::process::ExitCode;

use mwtyped::AuthStep;
use mwtyped::blocking::Client;
use mwtyped_example_own_wiki::{Syntax, check_syntax, enabled_filters, modules_by_extension};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(api) = args.first() else {
        eprintln!("usage: own-wiki API_URL [USER PASSWORD FILTER]");
        return ExitCode::from(2);
    };
    match run(api, &args[1..]) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(api: &str, login: &[String]) -> Result<(), mwtyped::Error> {
    println!(
        "MediaWiki {}",
        mwtyped_example_own_wiki::api::MEDIAWIKI_VERSION
    );
    for (extension, modules) in modules_by_extension() {
        println!("{modules:>4} modules from {}", extension.unwrap_or("core"));
    }
    let client = Client::new(api, "mwtyped-example-own-wiki/0.1 (a mwtyped example)")?;
    let filters = enabled_filters(&client)?;
    println!("{} enabled abuse filter(s)", filters.len());
    for filter in filters {
        println!("  #{} {}", filter.id, filter.description);
    }
    if let [user, password, filter] = login {
        match client.login(user, password)? {
            AuthStep::Pass(_) => {}
            other => {
                return Err(mwtyped::Error::Setup(format!(
                    "the login did not pass: {other:?}"
                )));
            }
        }
        match check_syntax(&client, filter)? {
            Syntax::Ok => println!("`{filter}` is a valid filter"),
            Syntax::Error { message, at } => {
                println!("`{filter}` is not valid: {message} (at {at:?})")
            }
        }
    }
    Ok(())
}
