//! Who the session is, and the rule that keeps a write from going out logged out.
//!
//! After a login, every request asserts the user (`assertuser=NAME`), except the requests
//! of a login itself. When the server no longer knows the session (it expired, it was
//! purged), MediaWiki refuses the request instead of running it as anonymous
//! (`assertnameduserfailed`); the client then logs in again when it holds the credentials
//! ([`Client::login`](crate::Client::login) keeps them), and sends the request once more,
//! or fails with [`Error::SessionLost`](crate::Error::SessionLost). Nothing is ever sent
//! again as anonymous.

use super::response::Response;
use crate::request::{Request, Value as WireValue};
use crate::types::Secret;

/// The session as the client knows it.
#[derive(Default)]
pub(crate) struct Session {
    /// The user a login made the session, as MediaWiki names it (`Admin` for the bot
    /// password `Admin@bot`).
    pub user: Option<String>,
    /// What [`Client::login`](crate::Client::login) was given, to log in again.
    pub credentials: Option<Credentials>,
}

/// A user name (or a bot password's `User@name`) and its password.
#[derive(Clone)]
pub(crate) struct Credentials {
    pub name: String,
    pub password: Secret,
}

/// The API error codes of an assertion that failed: the session is not the one logged in.
pub(crate) const ASSERT_FAILURES: &[&str] = &[
    "assertuserfailed",
    "assertnameduserfailed",
    "assertbotfailed",
];

/// A request that takes part in logging in: it runs while the session is nobody's yet, so
/// it asserts nothing (a login token, the AuthManager fields of a login, the login).
pub(crate) fn is_login_request(module: &str, request: &Request) -> bool {
    let text = |name: &str| match request.get(name) {
        Some(WireValue::Text(value)) => Some(value.as_ref()),
        _ => None,
    };
    matches!(module, "login" | "clientlogin")
        || text("action").is_some_and(|a| a == "login" || a == "clientlogin")
        || text("type") == Some("login")
        || text("amirequestsfor") == Some("login")
}

/// What a successful answer says of the session: a login made it `Some(user)`'s, a logout
/// anonymous's (`Some(None)`); `None` when it says nothing of it.
pub(crate) fn change_in(module: &str, answer: &Response) -> Option<Option<String>> {
    // Only these answers are read as JSON here: any other stays text until asked for.
    let (key, flag, done, user) = match module {
        "logout" => return Some(None),
        "login" => ("login", "result", "Success", "lgusername"),
        "clientlogin" => ("clientlogin", "status", "PASS", "username"),
        _ => return None,
    };
    let body = &answer.body()[key];
    (body[flag] == done).then(|| body[user].as_str().map(str::to_owned))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_login_s_own_requests_assert_nothing() {
        let mut token = Request::default();
        token.text("action", "query");
        token.text("meta", "tokens");
        token.text("type", "login");
        assert!(is_login_request("query+tokens", &token));
        let mut csrf = Request::default();
        csrf.text("action", "query");
        csrf.text("type", "csrf");
        assert!(!is_login_request("query+tokens", &csrf));
        assert!(is_login_request("clientlogin", &Request::default()));
        assert!(!is_login_request("edit", &Request::default()));
    }

    #[test]
    fn logins_and_logouts_change_the_session() {
        use serde_json::Value;
        let answer = |body: Value| Response::from_value(body, vec![]);
        let pass =
            answer(serde_json::json!({"clientlogin": {"status": "PASS", "username": "Admin"}}));
        assert_eq!(change_in("clientlogin", &pass), Some(Some("Admin".into())));
        let ui = answer(serde_json::json!({"clientlogin": {"status": "UI"}}));
        assert_eq!(change_in("clientlogin", &ui), None);
        let success =
            answer(serde_json::json!({"login": {"result": "Success", "lgusername": "Admin"}}));
        assert_eq!(change_in("login", &success), Some(Some("Admin".into())));
        assert_eq!(
            change_in("logout", &answer(serde_json::json!({}))),
            Some(None)
        );
        assert_eq!(change_in("edit", &success), None);
    }
}
