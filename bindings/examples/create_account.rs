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

fn main() {
    terminal::main("create_account", AuthAction::CreateAccount, |pass| {
        format!(
            "Created the account {}.",
            pass.username.as_deref().unwrap_or_default()
        )
    });
}
