//! The AuthManager flows of `clientlogin`, `createaccount` and `linkaccount`: one machinery,
//! a conversation of typed steps.
//!
//! [`Client::auth_start`] asks for a token and the fields in one request; the user fills the
//! [`AuthForm`]; [`Client::auth_submit`] posts it and answers an [`AuthStep`]: PASS, FAIL,
//! UI (a new form: a two-factor code, a new password), REDIRECT (a third party's page; its
//! return URL gives the next form) or RESTART (a remote account with no local one: link it
//! by logging in or creating an account with `preserve_state`). A plain login is two HTTP
//! requests. A logged-in user's authentication data is changed with the same forms
//! ([`Client::change_form`], then `auth_submit`) and removed with
//! [`Client::remove_auth_data`].
//!
//! ```no_run
//! # async fn run() -> Result<(), mwtyped::Error> {
//! use mwtyped::{AuthAction, AuthStart, AuthStep, Client};
//!
//! let client = Client::new("http://127.0.0.1:8143/api.php", "my-tool/1.0 (me@example.org)")?;
//! let mut form = client.auth_start(AuthStart::new(AuthAction::Login, "http://127.0.0.1/return")).await?;
//! form.set("username", "Alice")?.set("password", "correct horse battery staple")?;
//! loop {
//!     form = match client.auth_submit(&form).await? {
//!         AuthStep::Pass(pass) => break println!("logged in as {:?}", pass.username),
//!         AuthStep::Fail(fail) => panic!("{}", fail.message),
//!         AuthStep::Ui(mut next) => {
//!             next.set("OATHToken", "123456")?; // whatever `next.fields()` asks for
//!             next
//!         }
//!         AuthStep::Redirect(redirect) => {
//!             // Send the user to `redirect.target`; they come back to the return URL.
//!             redirect.returned("http://127.0.0.1/return?code=…&state=…")?
//!         }
//!         AuthStep::Restart(restart) => panic!("{}", restart.message),
//!     };
//! }
//! # Ok(()) }
//! ```

mod form;
mod info;

use serde::Deserialize;
use serde_json::Value;

pub use form::AuthForm;
pub use info::{AuthField, AuthInfo, AuthPurpose, AuthRequest, FieldKind, Requirement};

use crate::client::{Client, Error, Response};
use crate::request::Request;
use crate::token::{self, TokenKind};

/// The modules that hold a conversation: the three flows, and the one-step change of
/// authentication data that shares their forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuthAction {
    /// `action=clientlogin` (prefix `login`, a login token).
    Login,
    /// `action=createaccount` (prefix `create`, a createaccount token).
    CreateAccount,
    /// `action=linkaccount` (prefix `link`, a csrf token; needs a logged-in user).
    LinkAccount,
    /// `action=changeauthenticationdata` (prefix `changeauth`, a csrf token; needs a
    /// logged-in user): one step, begun with [`Client::change_form`] rather than
    /// `auth_start`; `auth_submit` answers `Pass` once the data is changed.
    ChangeData,
}

impl AuthAction {
    /// The module's name: `clientlogin`, `createaccount`, `linkaccount`.
    pub fn module(self) -> &'static str {
        match self {
            AuthAction::Login => "clientlogin",
            AuthAction::CreateAccount => "createaccount",
            AuthAction::LinkAccount => "linkaccount",
            AuthAction::ChangeData => "changeauthenticationdata",
        }
    }

    /// The prefix of its parameters on the wire.
    pub fn prefix(self) -> &'static str {
        match self {
            AuthAction::Login => "login",
            AuthAction::CreateAccount => "create",
            AuthAction::LinkAccount => "link",
            AuthAction::ChangeData => "changeauth",
        }
    }

    /// The kind of token it takes.
    pub fn token_kind(self) -> &'static str {
        match self {
            AuthAction::Login => token::LoginToken::NAME,
            AuthAction::CreateAccount => token::CreateAccountToken::NAME,
            AuthAction::LinkAccount | AuthAction::ChangeData => token::CsrfToken::NAME,
        }
    }

    fn purpose(self) -> AuthPurpose {
        match self {
            AuthAction::Login => AuthPurpose::Login,
            AuthAction::CreateAccount => AuthPurpose::Create,
            AuthAction::LinkAccount => AuthPurpose::Link,
            AuthAction::ChangeData => AuthPurpose::Change,
        }
    }

    fn wire(self, name: &str) -> String {
        format!("{}{name}", self.prefix())
    }
}

/// Where a form is in its flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Stage {
    /// The first post: with the return URL, and `preservestate` when asked.
    Begin {
        return_url: String,
        preserve_state: bool,
    },
    /// A `…continue` post after UI or REDIRECT.
    Continue,
    /// The one post of `changeauthenticationdata`, for the request of that id.
    Change { request: String },
}

/// How a flow begins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthStart {
    pub action: AuthAction,
    /// Where a third party sends the user back after a REDIRECT; must be absolute.
    pub return_url: String,
    /// After a RESTART: link the remote account to the one this login or creation reaches
    /// (`loginpreservestate`, `createpreservestate`).
    pub preserve_state: bool,
}

impl AuthStart {
    pub fn new(action: AuthAction, return_url: impl Into<String>) -> AuthStart {
        AuthStart {
            action,
            return_url: return_url.into(),
            preserve_state: false,
        }
    }

    pub fn preserve_state(mut self) -> AuthStart {
        self.preserve_state = true;
        self
    }
}

/// What an AuthManager module answered.
#[derive(Debug, Clone)]
pub enum AuthStep {
    Pass(Pass),
    Fail(Fail),
    /// More is asked: fill the form and submit it.
    Ui(AuthForm),
    Redirect(Redirect),
    Restart(Restart),
}

impl AuthStep {
    /// MediaWiki's name of the status: `PASS`, `FAIL`, `UI`, `REDIRECT`, `RESTART`.
    pub fn status(&self) -> &'static str {
        match self {
            AuthStep::Pass(_) => "PASS",
            AuthStep::Fail(_) => "FAIL",
            AuthStep::Ui(_) => "UI",
            AuthStep::Redirect(_) => "REDIRECT",
            AuthStep::Restart(_) => "RESTART",
        }
    }
}

/// Done: logged in, account created, or account linked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pass {
    /// The user logged in or created (not sent by `linkaccount` nor by a change).
    pub username: Option<String>,
}

/// Refused, for good: start again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fail {
    pub message: String,
    pub code: String,
    /// The state can be kept for a login or account creation with `preserve_state`.
    pub can_preserve_state: bool,
}

/// Send the user to `target`; the third party sends them back to the return URL.
#[derive(Debug, Clone)]
pub struct Redirect {
    pub target: String,
    /// What the provider gives the client along with the target, if anything.
    pub data: Option<Value>,
    /// The fields the return URL will carry (`code`, `state`, …).
    pub form: AuthForm,
}

impl Redirect {
    /// The next form, filled from the URL the user came back to: each field this step
    /// asks for that the URL's query carries.
    pub fn returned(&self, url: &str) -> Result<AuthForm, Error> {
        let parsed = url::Url::parse(url).map_err(|e| Error::Form {
            action: self.form.action.module(),
            reason: format!("the return URL {url:?} is not a URL: {e}"),
        })?;
        let mut form = self.form.clone();
        for (name, value) in parsed.query_pairs() {
            if form.asks_for(&name) {
                form.set(&name, value.into_owned())?;
            }
        }
        Ok(form)
    }
}

/// A remote account with no local one linked: log in or create an account with
/// [`AuthStart::preserve_state`] to link it.
#[derive(Debug, Clone)]
pub struct Restart {
    pub message: String,
    pub code: String,
    pub can_preserve_state: bool,
}

impl Client {
    /// `meta=authmanagerinfo`: the requests the wiki takes for `purpose`.
    pub async fn auth_info(&self, purpose: AuthPurpose) -> Result<AuthInfo, Error> {
        let mut request = Request::default();
        request.text("action", "query");
        request.text("meta", "authmanagerinfo");
        request.text("amirequestsfor", purpose.as_str());
        let answer = self.send("query+authmanagerinfo", &request).await?;
        answer.parse_at("query+authmanagerinfo", &["query", "authmanagerinfo"])
    }

    /// The first form of a flow: its token and fields in one request.
    pub async fn auth_start(&self, start: AuthStart) -> Result<AuthForm, Error> {
        let action = start.action;
        let parsed = url::Url::parse(&start.return_url);
        if !matches!(parsed, Ok(ref u) if u.has_host()) {
            return Err(Error::Form {
                action: action.module(),
                reason: format!(
                    "the return URL must be absolute (scheme and host), not {:?}",
                    start.return_url
                ),
            });
        }
        if action == AuthAction::ChangeData {
            return Err(Error::Form {
                action: action.module(),
                reason:
                    "changing authentication data is one step: begin it with `Client::change_form`"
                        .to_owned(),
            });
        }
        let info = self.token_and_info(action).await?;
        Ok(AuthForm::new(
            action,
            Stage::Begin {
                return_url: start.return_url,
                preserve_state: start.preserve_state,
            },
            info.requests,
            None,
            None,
        ))
    }

    /// A token of the kind `action` takes and the wiki's requests for it, in one request
    /// (`meta=tokens|authmanagerinfo`).
    async fn token_and_info(&self, action: AuthAction) -> Result<AuthInfo, Error> {
        let kind = action.token_kind();
        let mut request = Request::default();
        request.text("action", "query");
        request.text("meta", "tokens|authmanagerinfo");
        request.text("type", kind);
        request.text("amirequestsfor", action.purpose().as_str());
        let answer = self.send("query+authmanagerinfo", &request).await?;
        self.remember_token(&answer, kind)?;
        answer.parse_at("query+authmanagerinfo", &["query", "authmanagerinfo"])
    }

    /// Posts a form and reads the answer. Nothing is sent when a required field is missing.
    /// A stale token is fetched again, once.
    pub async fn auth_submit(&self, form: &AuthForm) -> Result<AuthStep, Error> {
        let action = form.action;
        let mut request = Request::default();
        request.text("action", action.module());
        match &form.stage {
            Stage::Begin {
                return_url,
                preserve_state,
            } => {
                request.text(action.wire("returnurl"), return_url.clone());
                if *preserve_state {
                    request.text(action.wire("preservestate"), "1");
                }
            }
            Stage::Continue => request.text(action.wire("continue"), "1"),
            Stage::Change { request: id } => request.text(action.wire("request"), id.clone()),
        }
        form.encode_fields(&mut request)?;
        let answer = self
            .send_with_token(
                action.module(),
                &request,
                action.token_kind(),
                &action.wire("token"),
            )
            .await?;
        self.read_step(action, &answer)
    }

    /// The form to change one kind of the logged-in user's authentication data
    /// (`changeauthenticationdata`), its csrf token and fields fetched in one request: the
    /// wiki's requests for `change`, narrowed to `request_id`
    /// (`MediaWiki\Auth\PasswordAuthenticationRequest` for the password, with `password`
    /// and `retype`). Fill it and [`auth_submit`](Client::auth_submit) it: `Pass` once
    /// changed; a refusal (a password too weak, a retype that differs) is an
    /// [`Error::Api`]. An id the wiki does not offer is refused, naming those it does.
    pub async fn change_form(&self, request_id: &str) -> Result<AuthForm, Error> {
        let action = AuthAction::ChangeData;
        let info = self.token_and_info(action).await?;
        let (requests, others): (Vec<AuthRequest>, Vec<AuthRequest>) =
            info.requests.into_iter().partition(|r| r.id == request_id);
        if requests.is_empty() {
            let offered: Vec<&str> = others.iter().map(|r| r.id.as_str()).collect();
            return Err(Error::Form {
                action: action.module(),
                reason: format!(
                    "the wiki offers no `{request_id}` to change for this user; it offers: {}",
                    if offered.is_empty() {
                        "nothing (is the session logged in?)".to_owned()
                    } else {
                        offered.join(", ")
                    }
                ),
            });
        }
        Ok(AuthForm::new(
            action,
            Stage::Change {
                request: request_id.to_owned(),
            },
            requests,
            None,
            None,
        ))
    }

    /// Removes one kind of the logged-in user's authentication data
    /// (`removeauthenticationdata`): a link to a remote account, a temporary password. The
    /// ids the wiki offers are in [`auth_info`](Client::auth_info)`(AuthPurpose::Remove)`;
    /// another is refused by the wiki with an [`Error::Api`].
    pub async fn remove_auth_data(&self, request_id: &str) -> Result<(), Error> {
        let mut request = Request::default();
        request.text("action", "removeauthenticationdata");
        request.text("request", request_id.to_owned());
        self.send_with_token(
            "removeauthenticationdata",
            &request,
            token::CsrfToken::NAME,
            "token",
        )
        .await?;
        Ok(())
    }

    fn read_step(&self, action: AuthAction, answer: &Response) -> Result<AuthStep, Error> {
        let module = action.module();
        let body = &answer.body()[module];
        if action == AuthAction::ChangeData {
            // One step, no status machine: success, or an API error already raised.
            return match body["status"].as_str() {
                Some("success") => Ok(AuthStep::Pass(Pass { username: None })),
                other => Err(Error::decode(module, format!("no known status: {other:?}"))),
            };
        }
        let text = |key: &str| body[key].as_str().unwrap_or_default().to_owned();
        let requests = || -> Result<Vec<AuthRequest>, Error> {
            match body.get("requests") {
                Some(requests) => Vec::<AuthRequest>::deserialize(requests)
                    .map_err(|e| Error::decode(module, format!("its requests: {e}"))),
                None => Ok(vec![]),
            }
        };
        let can_preserve_state = body["canpreservestate"].as_bool().unwrap_or(false);
        let step = match body["status"].as_str() {
            // `Client::send` has made the session the user's and forgotten its tokens.
            Some("PASS") => AuthStep::Pass(Pass {
                username: body["username"].as_str().map(str::to_owned),
            }),
            Some("FAIL") => AuthStep::Fail(Fail {
                message: text("message"),
                code: text("messagecode"),
                can_preserve_state,
            }),
            Some("UI") => AuthStep::Ui(AuthForm::new(
                action,
                Stage::Continue,
                requests()?,
                Some(text("message")),
                Some(text("messagecode")),
            )),
            Some("REDIRECT") => AuthStep::Redirect(Redirect {
                target: text("redirecttarget"),
                data: body.get("redirectdata").cloned(),
                form: AuthForm::new(action, Stage::Continue, requests()?, None, None),
            }),
            Some("RESTART") => AuthStep::Restart(Restart {
                message: text("message"),
                code: text("messagecode"),
                can_preserve_state,
            }),
            other => {
                return Err(Error::decode(module, format!("no known status: {other:?}")));
            }
        };
        Ok(step)
    }
}
