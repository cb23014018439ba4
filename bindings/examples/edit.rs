//! The bot the README leads with: saves standard input as the text of a page, and prints
//! the new revision's id.
//!
//! ```sh
//! echo "Hello" | MWTYPED_USER='MyUser@my-bot' MWTYPED_PASSWORD=… \
//!     cargo run -p mwtyped --example edit -- https://wiki.example.org/w/api.php Sandbox --summary "a test"
//! ```
//!
//! It logs in with `MWTYPED_USER` and `MWTYPED_PASSWORD` (a bot password `User@name`, or a
//! main account's password), or authenticates with an OAuth 2 access token in
//! `MWTYPED_OAUTH2_TOKEN`. A refused login, a denied right or any other failure exits
//! non-zero with the wiki's own message; no password or token is ever printed.

use std::io::Read;
use std::process::ExitCode;

use mwtyped::v1_43::Edit;
use mwtyped::{AuthStep, Client, Error};

const USAGE: &str = "usage: edit API_URL TITLE [--summary TEXT]  (the text on standard input; \
                     MWTYPED_USER and MWTYPED_PASSWORD, or MWTYPED_OAUTH2_TOKEN)";

struct Args {
    api: String,
    title: String,
    summary: String,
}

impl Args {
    fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
        let (Some(api), Some(title)) = (args.next(), args.next()) else {
            return Err(USAGE.into());
        };
        let summary = match (args.next().as_deref(), args.next()) {
            (None, _) => String::new(),
            (Some("--summary"), Some(summary)) => summary,
            _ => return Err(USAGE.into()),
        };
        match args.next() {
            None => Ok(Args {
                api,
                title,
                summary,
            }),
            Some(_) => Err(USAGE.into()),
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(saved) => {
            println!("{saved}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("edit: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<String, String> {
    let args = Args::parse(std::env::args().skip(1))?;
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| format!("reading the text from standard input: {e}"))?;
    let client = logged_in(&args.api).await?;
    let answer = client
        .execute_with_token(|token| {
            let mut edit = Edit::new(token);
            edit.title = Some(args.title.clone());
            edit.text = Some(text.clone());
            edit.summary = Some(args.summary.clone());
            edit
        })
        .await
        .map_err(|e| described(&e))?;
    let saved = &answer.body()["edit"];
    Ok(match saved["newrevid"].as_u64() {
        Some(revision) => revision.to_string(),
        // MediaWiki saves no revision when the text is the page's already.
        None => format!("no change to {}", args.title),
    })
}

/// A client logged in from the environment.
async fn logged_in(api: &str) -> Result<Client, String> {
    let user_agent = "mwtyped-edit-example/0.1 (https://example.invalid/mwtyped)";
    if let Ok(token) = std::env::var("MWTYPED_OAUTH2_TOKEN") {
        return Client::builder(api, user_agent)
            .bearer_token(token)
            .build()
            .map_err(|e| described(&e));
    }
    let (Ok(user), Ok(password)) = (
        std::env::var("MWTYPED_USER"),
        std::env::var("MWTYPED_PASSWORD"),
    ) else {
        return Err(format!("no credentials in the environment; {USAGE}"));
    };
    let client = Client::new(api, user_agent).map_err(|e| described(&e))?;
    match client
        .login(&user, &password)
        .await
        .map_err(|e| described(&e))?
    {
        AuthStep::Pass(_) => Ok(client),
        AuthStep::Fail(fail) => Err(format!("login refused ({}): {}", fail.code, fail.message)),
        other => Err(format!(
            "the wiki asks for more than a password ({}): use a bot password",
            other.status()
        )),
    }
}

/// The error, and every message the wiki sent with it.
fn described(error: &Error) -> String {
    let mut text = error.to_string();
    for message in error.messages().iter().skip(1) {
        text.push_str(&format!("\n  {message}"));
    }
    text
}
