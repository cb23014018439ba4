//! A terminal login that asks for whatever the wiki asks: user name and password, a
//! two-factor code, a new password, the URL a third party sent you back to. On a terminal
//! the password is not echoed; otherwise answers are read from standard input line by line,
//! so the login can be scripted.
//!
//! ```sh
//! cargo run -p mwtyped --features blocking --example login -- http://127.0.0.1:8143/api.php
//! ```

use std::io::{self, BufRead, IsTerminal, Write};

use mwtyped::blocking::Client;
use mwtyped::{AuthAction, AuthForm, AuthStart, AuthStep, FieldKind};

/// Where a third party sends the user back; they paste the URL they land on.
const RETURN_URL: &str = "http://127.0.0.1/mwtyped-login-return";

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
    let mut form = client.auth_start(AuthStart::new(AuthAction::Login, RETURN_URL))?;
    loop {
        fill(&mut form)?;
        form = match client.auth_submit(&form)? {
            AuthStep::Pass(pass) => {
                println!("Logged in as {}.", pass.username.unwrap_or_default());
                return Ok(());
            }
            AuthStep::Fail(fail) => return Err(format!("{} ({})", fail.message, fail.code).into()),
            AuthStep::Restart(restart) => {
                return Err(format!(
                    "{} ({}): log in with a local account to link it",
                    restart.message, restart.code
                )
                .into());
            }
            AuthStep::Ui(next) => {
                if let Some(message) = &next.message {
                    println!("{message}");
                }
                next
            }
            AuthStep::Redirect(redirect) => {
                println!("Open this address in a browser: {}", redirect.target);
                let url = ask("The address you were sent back to", false)?;
                redirect.returned(&url)?
            }
        };
    }
}

/// Asks for every field of the form that is sent (the user name first); an empty answer
/// leaves an optional field unset.
fn fill(form: &mut AuthForm) -> Result<(), Box<dyn std::error::Error>> {
    let mut fields: Vec<(String, mwtyped::AuthField)> = form
        .fields()
        .into_iter()
        .map(|(n, f)| (n.to_owned(), f.clone()))
        .collect();
    fields.sort_by_key(|(name, _)| name != "username");
    for (name, field) in fields {
        let label = if field.label.is_empty() {
            name.clone()
        } else {
            field.label.clone()
        };
        match field.kind {
            FieldKind::Hidden => {}
            FieldKind::Null => println!("{label} {}", field.given_value().unwrap_or_default()),
            FieldKind::Checkbox | FieldKind::Button => {
                if ask(&format!("{label} [y/N]"), false)?.eq_ignore_ascii_case("y") {
                    form.check(&name)?;
                }
            }
            FieldKind::Multiselect => {
                let options = field.options.clone().unwrap_or_default();
                let keys: Vec<&String> = options.keys().collect();
                let answer = ask(&format!("{label} (comma-separated, of {keys:?})"), false)?;
                let chosen: Vec<&str> = answer
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect();
                if !chosen.is_empty() {
                    form.set_many(&name, chosen)?;
                }
            }
            _ => {
                let hidden = field.sensitive || field.kind == FieldKind::Password;
                let answer = ask(&label, hidden)?;
                if !answer.is_empty() {
                    form.set(&name, answer)?;
                }
            }
        }
    }
    Ok(())
}

/// One answer: from the terminal (not echoed when `hidden`), or the next line of input.
fn ask(prompt: &str, hidden: bool) -> Result<String, Box<dyn std::error::Error>> {
    if hidden && io::stdin().is_terminal() {
        return Ok(rpassword::prompt_password(format!("{prompt}: "))?);
    }
    print!("{prompt}: ");
    io::stdout().flush()?;
    let mut line = String::new();
    if io::stdin().lock().read_line(&mut line)? == 0 {
        return Err(format!("no answer for {prompt:?}: the input ended").into());
    }
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}
