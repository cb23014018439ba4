//! Logging in and out with a name and a password: bot passwords through `action=login`,
//! main accounts through `action=clientlogin`, one typed outcome for both.

use serde_json::Value;

use super::session::Credentials;
use super::{Client, Error};
use crate::auth::{AuthAction, AuthStart, AuthStep, Fail, Pass};
use crate::request::Request;
use crate::token::{CsrfToken, LoginToken, TokenKind};
use crate::types::Secret;

impl Client {
    /// Logs in with a user name and a password, and keeps them to log in again should the
    /// wiki lose the session (see [`Client::send`]).
    ///
    /// A **bot password** (`User@name`, made on Special:BotPasswords; MediaWiki forbids `@`
    /// in user names, so a name holding one is a bot password's) goes through `action=login`,
    /// the only module that takes it: `Pass`, or `Fail` with the wiki's reason. A **main
    /// account** goes through `action=clientlogin`: `Pass`, `Fail`, or the step the wiki
    /// asks for next (`Ui` for a two-factor code or a new password; continue it with
    /// [`Client::auth_submit`]).
    ///
    /// After a `Pass`, every request asserts the user (`assertuser`).
    pub async fn login(&self, username: &str, password: &str) -> Result<AuthStep, Error> {
        let step = if username.contains('@') {
            self.login_with_bot_password(username, password).await?
        } else {
            self.client_login(username, password).await?
        };
        if let AuthStep::Pass(_) = step {
            self.session().credentials = Some(Credentials {
                name: username.to_owned(),
                password: Secret::new(password),
            });
        }
        Ok(step)
    }

    async fn client_login(&self, username: &str, password: &str) -> Result<AuthStep, Error> {
        // Only a REDIRECT would use it, and a password login has none.
        let return_url = self.api_url().to_owned();
        let mut form = self
            .auth_start(AuthStart::new(AuthAction::Login, return_url))
            .await?;
        form.set("username", username)?.set("password", password)?;
        self.auth_submit(&form).await
    }

    /// `action=login` with a login token; a token the wiki calls stale is fetched again once.
    async fn login_with_bot_password(&self, name: &str, password: &str) -> Result<AuthStep, Error> {
        let mut fresh_token_sent = false;
        loop {
            let token = self.token_by_name(LoginToken::NAME).await?;
            let mut request = Request::default();
            request.text("action", "login");
            request.text("lgname", name.to_owned());
            request.secret("lgpassword", Secret::new(password));
            request.secret("lgtoken", Secret::new(token));
            let answer = self.send("login", &request).await?;
            let login = &answer.body()["login"];
            match login["result"].as_str() {
                Some("Success") => {
                    return Ok(AuthStep::Pass(Pass {
                        username: login["lgusername"].as_str().map(str::to_owned),
                    }));
                }
                Some("NeedToken" | "WrongToken") if !fresh_token_sent => {
                    self.forget_token(LoginToken::NAME);
                    fresh_token_sent = true;
                }
                Some(result) => return Ok(AuthStep::Fail(failure(result, &login["reason"]))),
                None => {
                    return Err(Error::decode(
                        "login",
                        format!("no `login.result` in the answer: {}", answer.body()),
                    ));
                }
            }
        }
    }

    /// Ends the session on the wiki (`action=logout`) and forgets its tokens and the
    /// credentials: later requests are anonymous, by the caller's choice.
    pub async fn logout(&self) -> Result<(), Error> {
        let mut request = Request::default();
        request.text("action", "logout");
        self.send_with_token("logout", &request, CsrfToken::NAME, "token")
            .await?;
        Ok(())
    }
}

/// An `action=login` that did not succeed: `Failed` with its reason (an object `{code,
/// text}` with `errorformat` other than `bc`, a text with `bc`), `Aborted`, `Throttled`…
fn failure(result: &str, reason: &Value) -> Fail {
    let (code, message) = match reason {
        Value::Object(_) => (
            reason["code"].as_str().unwrap_or(result),
            reason["text"].as_str().unwrap_or_default(),
        ),
        Value::String(text) => (result, text.as_str()),
        _ => (result, ""),
    };
    Fail {
        message: message.to_owned(),
        code: code.to_owned(),
        can_preserve_state: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_login_reads_both_forms_of_its_reason() {
        let object = serde_json::json!({"code": "wrongpassword", "text": "Incorrect password."});
        let fail = failure("Failed", &object);
        assert_eq!(
            (fail.code.as_str(), fail.message.as_str()),
            ("wrongpassword", "Incorrect password.")
        );
        let text = serde_json::json!("Incorrect password.");
        let fail = failure("Failed", &text);
        assert_eq!(
            (fail.code.as_str(), fail.message.as_str()),
            ("Failed", "Incorrect password.")
        );
        assert_eq!(failure("Aborted", &Value::Null).code, "Aborted");
    }
}
