//! What the terminal examples share: the AuthManager conversation, asking the user for
//! whatever each step wants. (A folder without `main.rs` is not an example of its own.)

use std::io::{self, BufRead, IsTerminal, Write};

use mwtyped::blocking::Client;
use mwtyped::{AuthAction, AuthForm, AuthStart, AuthStep, FieldKind, Pass};

/// Where a third party sends the user back; they paste the URL they land on.
pub const RETURN_URL: &str = "http://127.0.0.1/mwtyped-terminal-return";

/// The whole program: `NAME API_URL`, the conversation of `action` on that wiki, and
/// `done`'s line once it passes; an error ends the program with the wiki's message.
pub fn main(name: &str, action: AuthAction, done: impl Fn(&Pass) -> String) {
    let run = || -> Result<String, Box<dyn std::error::Error>> {
        let api = std::env::args()
            .nth(1)
            .ok_or_else(|| format!("usage: {name} API_URL (the full URL of the wiki's api.php)"))?;
        let client = Client::new(&api, format!("mwtyped-example-{name}/0.1"))?;
        Ok(done(&converse(&client, action)?))
    };
    match run() {
        Ok(line) => println!("{line}"),
        Err(e) => {
            eprintln!("{name}: {e}");
            std::process::exit(1);
        }
    }
}

/// Runs `action` to its end: PASS is returned; FAIL and RESTART are errors with the wiki's
/// message; UI asks for the new fields; REDIRECT shows the address and asks for the one the
/// browser came back to.
pub fn converse(client: &Client, action: AuthAction) -> Result<Pass, Box<dyn std::error::Error>> {
    let mut form = client.auth_start(AuthStart::new(action, RETURN_URL))?;
    loop {
        fill(&mut form)?;
        form = match client.auth_submit(&form)? {
            AuthStep::Pass(pass) => return Ok(pass),
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
