//! A terminal login that asks for whatever the wiki asks: user name and password, a
//! two-factor code, a new password, the URL a third party sent you back to. On a terminal
//! the password is not echoed; otherwise answers are read from standard input line by line,
//! so the login can be scripted.
//!
//! ```sh
//! cargo run -p mwtyped --features blocking --example login -- http://127.0.0.1:8143/api.php
//! ```

mod terminal;

use mwtyped::AuthAction;
use mwtyped::blocking::Client;

fn main() {
    if let Err(e) = run() {
        eprintln!("login: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let api = std::env::args()
        .nth(1)
        .ok_or("usage: login API_URL (the full URL of the wiki's api.php)")?;
    let client = Client::new(&api, "mwtyped-example-login/0.1")?;
    let pass = terminal::converse(&client, AuthAction::Login)?;
    println!("Logged in as {}.", pass.username.unwrap_or_default());
    Ok(())
}
