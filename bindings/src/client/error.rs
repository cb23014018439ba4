//! The one error of the client: every variant says which module and what went wrong, and
//! none carries a secret (reqwest's errors are stripped of their URL, bodies are cut short).

use std::fmt;

use serde::Deserialize;

use crate::request::EncodeError;

/// One message MediaWiki sent, an error or a warning (`errorformat=plaintext`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct ApiMessage {
    pub code: String,
    /// The message's text (empty with `errorformat=none`).
    #[serde(default, alias = "*", alias = "info")]
    pub text: String,
    /// The module that sent it (`main`, `query+allpages`).
    #[serde(default)]
    pub module: Option<String>,
    /// What the message carries beside its text: AbuseFilter's `abusefilter` (the filter's
    /// id, description and actions), an upload's `offset`…
    #[serde(default)]
    pub data: Option<serde_json::Value>,
}

impl fmt::Display for ApiMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.module {
            Some(module) => write!(f, "{module}: {}: {}", self.code, self.text),
            None => write!(f, "{}: {}", self.code, self.text),
        }
    }
}

/// Everything a call can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// MediaWiki answered with an error: its code, text and every message it sent.
    #[error("{module}: the API answered `{code}`: {text}")]
    Api {
        module: String,
        code: String,
        text: String,
        messages: Vec<ApiMessage>,
    },
    /// MediaWiki refused for want of a right: the user (or the bot password's grants, or an
    /// OAuth token's) may not do it, the page is protected, the user is blocked. `code` is
    /// the first error's; `messages` are all the wiki sent (`permissiondenied` comes with
    /// `cantcreate` and the like, which name the groups that may).
    #[error("{module}: not allowed (`{code}`): {text}")]
    Denied {
        module: String,
        code: String,
        text: String,
        messages: Vec<ApiMessage>,
    },
    /// The wiki refused the client's credentials on a request: an OAuth 2 bearer token that
    /// is wrong, expired or revoked (`mwoauth-invalid-authorization…`). Nothing was done,
    /// and nothing is sent again without them.
    #[error("{module}: the credentials are refused (`{code}`): {text}")]
    Unauthorized {
        module: String,
        code: String,
        text: String,
    },
    /// The server answered a write with a redirect, which is never followed (a POST would be
    /// sent again, or turned into a GET): give the client the URL it names.
    #[error("{module}: HTTP {status}: the api.php URL redirects to {location:?}; use that URL")]
    Redirected {
        module: String,
        status: u16,
        location: String,
    },
    /// An AbuseFilter filter stopped the action (`abusefilter-disallowed`), or warns of it
    /// first (`abusefilter-warning`: the same request sent again goes through). `filter`
    /// is the filter's id, public description and actions; `text` the wiki's message.
    #[error("{module}: stopped by the abuse filter {} ({}): {text}", .filter.id, .filter.description)]
    AbuseFilter {
        module: String,
        code: String,
        text: String,
        filter: Box<AbuseFilterHit>,
    },
    /// The page changed since the edit's base revision (`basetimestamp`, `starttimestamp`,
    /// `baserevid`): nothing was saved. Read the page again, merge, and edit anew.
    #[error("{module}: edit conflict: {text}")]
    EditConflict { module: String, text: String },
    /// The module answered `result: Failure`: nothing was done. `captcha` is what the wiki
    /// asks to be solved (send its id and the answer with the same request: `captcha_id`,
    /// `captcha_word` with the feature `ext-confirmedit`); `answer` is the module's whole
    /// answer (a hook's refusal, a spam filter's match…).
    #[error("{module}: not done: {}", failure_summary(.answer, .captcha.as_deref()))]
    Failed {
        module: String,
        captcha: Option<Box<Captcha>>,
        answer: serde_json::Value,
    },
    /// An HTTP status that is no API answer, after the retries allowed.
    #[error("{module}: HTTP {status} from the server (after {attempts} attempt(s))")]
    Http {
        module: String,
        status: u16,
        attempts: u32,
    },
    /// The connection failed, timed out or was cut.
    #[error("{module}: {source} (after {attempts} attempt(s))")]
    Transport {
        module: String,
        attempts: u32,
        #[source]
        source: reqwest::Error,
    },
    /// The answer was not the JSON expected (a truncated body, an HTML error page…).
    #[error("{module}: the answer is not what was expected: {reason}")]
    Decode { module: String, reason: String },
    /// The answer is not its module's at all: not a JSON object (or, for `opensearch`, not
    /// an array), or without the object MediaWiki wraps the module's answer in (`edit`).
    /// Anything else a wiki may send reads, what does not fit kept in `extra`
    /// ([`Answer::unmodelled`](crate::Answer::unmodelled)). `path` is where, in the JSON.
    /// The JSON is still in [`Response::body`](crate::Response::body).
    #[error("{module}: the answer does not fit its typed model at `{path}`: {reason}")]
    UnexpectedAnswer {
        module: String,
        path: String,
        reason: String,
    },
    /// Refused before anything was sent: a limit exceeded, a value out of range.
    #[error(transparent)]
    Encode(#[from] EncodeError),
    /// The wiki no longer knows the logged-in session (it expired or was ended on the
    /// server) and the client could not log in again: it holds no credentials (the login was
    /// an AuthManager flow, not [`Client::login`](crate::Client::login)) or the login failed.
    /// The request was not carried out, and was not sent again as anonymous.
    #[error("{module}: the session of {user} is lost: {reason}")]
    SessionLost {
        module: String,
        user: String,
        reason: String,
    },
    /// A session file could not be written or read (or is another wiki's).
    #[error("the session file {path}: {reason}")]
    SessionFile { path: String, reason: String },
    /// An AuthManager form filled wrongly, refused before anything was sent.
    #[error("{action}: {reason}")]
    Form {
        action: &'static str,
        reason: String,
    },
    /// The client could not be set up (a malformed api.php URL, no TLS backend…).
    #[error("setting up the client: {0}")]
    Setup(String),
}

impl Error {
    /// The API error code, when MediaWiki answered with an error.
    pub fn code(&self) -> Option<&str> {
        match self {
            Error::Api { code, .. }
            | Error::Denied { code, .. }
            | Error::Unauthorized { code, .. }
            | Error::AbuseFilter { code, .. } => Some(code),
            Error::EditConflict { .. } => Some("editconflict"),
            _ => None,
        }
    }

    /// Every message MediaWiki sent with an error answer (errors, then warnings).
    pub fn messages(&self) -> &[ApiMessage] {
        match self {
            Error::Api { messages, .. } | Error::Denied { messages, .. } => messages,
            _ => &[],
        }
    }

    /// The error of an API error answer whose first error is `code`: typed by what it means.
    pub(crate) fn from_api(
        module: String,
        code: String,
        text: String,
        messages: Vec<ApiMessage>,
    ) -> Error {
        let filter = messages
            .first()
            .and_then(|m| m.data.as_ref()?.get("abusefilter"))
            .and_then(|hit| AbuseFilterHit::deserialize(hit).ok());
        if let Some(filter) = filter {
            return Error::AbuseFilter {
                module,
                code,
                text,
                filter: Box::new(filter),
            };
        }
        match code.as_str() {
            "editconflict" => Error::EditConflict { module, text },
            // Extension:OAuth's refusals of a token, whatever their suffix.
            _ if code.starts_with("mwoauth-invalid-authorization") => {
                Error::Unauthorized { module, code, text }
            }
            _ if DENIED.contains(&code.as_str()) => Error::Denied {
                module,
                code,
                text,
                messages,
            },
            _ => Error::Api {
                module,
                code,
                text,
                messages,
            },
        }
    }

    /// The error of a module's `result: Failure` answer (`answer` is the module's object).
    pub(crate) fn failed(module: &str, answer: &serde_json::Value) -> Error {
        Error::Failed {
            module: module.to_owned(),
            captcha: answer
                .get("captcha")
                .and_then(|c| Captcha::deserialize(c).ok())
                .map(Box::new),
            answer: answer.clone(),
        }
    }

    pub(crate) fn decode(module: &str, reason: impl Into<String>) -> Error {
        Error::Decode {
            module: module.to_owned(),
            reason: reason.into(),
        }
    }
}

/// The AbuseFilter filter an action matched, as the refusal names it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct AbuseFilterHit {
    /// The filter's number (a text: global filters are `global-12`).
    pub id: String,
    /// Its public description.
    pub description: String,
    /// What it does: `disallow`, `warn`, `tag`, `throttle`…
    #[serde(default)]
    pub actions: Vec<String>,
}

/// A captcha the wiki asks to be solved before it saves (ConfirmEdit).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct Captcha {
    /// Sent back as `captchaid`.
    pub id: String,
    /// `simple` (arithmetic), `question`, `image`, `fancy`…
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub mime: String,
    /// The question to answer, for text captchas (`20+3`).
    #[serde(default)]
    pub question: Option<String>,
    /// The image to read, for image captchas.
    #[serde(default)]
    pub url: Option<String>,
}

fn failure_summary(answer: &serde_json::Value, captcha: Option<&Captcha>) -> String {
    match captcha {
        Some(c) => format!(
            "a {} captcha to solve ({})",
            c.kind,
            c.question
                .as_deref()
                .or(c.url.as_deref())
                .unwrap_or("no question")
        ),
        None => format!(
            "the answer was `result: Failure`: {}",
            excerpt(answer.to_string().as_bytes())
        ),
    }
}

/// The error codes of a refusal for want of a right ([`Error::Denied`]).
pub(crate) const DENIED: &[&str] = &[
    "permissiondenied",
    "cantcreate",
    "protectedpage",
    "protectedtitle",
    "protectednamespace",
    "protectednamespace-interface",
    "cascadeprotected",
    "customcssprotected",
    "customjsprotected",
    "customjsonprotected",
    "readapidenied",
    "writeapidenied",
    "noapiwrite",
    "blocked",
    "autoblocked",
    "mustbeloggedin",
];

/// At most this much of a body goes into an error, so that an error never carries a whole
/// page (or anything sensitive a page might echo).
pub(crate) fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut cut: String = text.chars().take(120).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    cut
}
