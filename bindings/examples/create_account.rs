//! Creates an account from the terminal, asking for whatever the wiki asks: user name,
//! password and its retype, email, real name, a captcha (ConfirmEdit shows its question and
//! asks for the answer), and whatever a later step wants. On a terminal passwords are not
//! echoed; otherwise answers are read from standard input line by line.
//!
//! ```sh
//! cargo run -p mwtyped --features blocking --example create_account -- http://127.0.0.1:8143/api.php
//! ```

mod terminal;

use mwtyped::AuthAction;
use mwtyped::blocking::Client;

fn main() {
    if let Err(e) = run() {
        eprintln!("create_account: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let api = std::env::args()
        .nth(1)
        .ok_or("usage: create_account API_URL (the full URL of the wiki's api.php)")?;
    let client = Client::new(&api, "mwtyped-example-create-account/0.1")?;
    let pass = terminal::converse(&client, AuthAction::CreateAccount)?;
    println!("Created the account {}.", pass.username.unwrap_or_default());
    Ok(())
}
