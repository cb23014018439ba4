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

fn main() {
    terminal::main("login", AuthAction::Login, |pass| {
        format!(
            "Logged in as {}.",
            pass.username.as_deref().unwrap_or_default()
        )
    });
}
