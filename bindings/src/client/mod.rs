//! The client: one api.php, one cookie session, JSON answers, bounded retries, typed tokens
//! and continuation. Cheap to clone (clones share the session) and safe to use from many
//! tasks at once.
//!
//! ```no_run
//! # async fn run() -> Result<(), mwtyped::Error> {
//! use mwtyped::Client;
//! use mwtyped::v1_43::query::AllPages;
//! use mwtyped::v1_43::Query;
//!
//! let client = Client::builder("https://wiki.example.org/w/api.php", "my-bot/1.0 (me@example.org)")
//!     .maxlag(5)
//!     .build()?;
//! let mut query = Query::new();
//! query.select.add(AllPages::new());
//! let answer = client.execute(&query).await?;
//! println!("{}", answer.body()["query"]["allpages"]);
//! # Ok(()) }
//! ```

mod error;
mod login;
mod pages;
mod response;
mod retry;
mod session;
mod session_file;
mod upload;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::Stream;
use serde_json::Value;

pub use error::{AbuseFilterHit, ApiMessage, Captcha, Error};
pub use pages::{Continuation, Resumable};
pub use response::Response;
use retry::{Attempt, Verdict};
use session::Session;
pub use upload::ChunkedUpload;

use crate::module::{ApiModule, Limits};
use crate::request::{Request, Value as WireValue};
use crate::token::{Token, TokenKind};
use crate::types::Secret;

/// What the client asserts of the session on every request (`assert=`): MediaWiki answers
/// `assertuserfailed`/`assertbotfailed` instead of acting as someone else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assert {
    Anon,
    User,
    Bot,
}

impl Assert {
    fn as_str(self) -> &'static str {
        match self {
            Assert::Anon => "anon",
            Assert::User => "user",
            Assert::Bot => "bot",
        }
    }
}

/// A query string longer than this goes as a POST body: servers and proxies cut long URLs.
const POST_ABOVE: usize = 2000;

/// How a [`Client`] talks to its wiki.
#[derive(Debug, Clone)]
pub struct ClientBuilder {
    api: String,
    user_agent: String,
    maxlag: Option<u32>,
    assert: Option<Assert>,
    error_format: &'static str,
    retries: u32,
    max_wait: Duration,
    timeout: Duration,
    limits: Limits,
    /// An OAuth 2 access token sent as `Authorization: Bearer …`.
    bearer: Option<Secret>,
    write_pause: Duration,
    /// Headers sent with every request; values kept as secrets (one may be a credential).
    headers: Vec<(String, Secret)>,
}

impl ClientBuilder {
    /// Authenticates every request with an OAuth 2 access token (`Authorization: Bearer …`),
    /// such as the owner-only tokens Wikimedia recommends for bots (Special:OAuthConsumerRegistration).
    /// No login is needed, nor possible: the token is the session. A wrong, expired or revoked
    /// token is [`Error::Unauthorized`], never an anonymous request.
    pub fn bearer_token(mut self, token: impl Into<String>) -> Self {
        self.bearer = Some(Secret::new(token));
        self
    }

    /// A header sent with every request (a proxy's, a gateway's). Its value never shows in
    /// `Debug` output or errors.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), Secret::new(value)));
        self
    }

    /// `maxlag=N`: ask MediaWiki to refuse work while its replicas lag more than `seconds`;
    /// refusals are retried after the wait it gives. Default 5, as Wikimedia asks of bots;
    /// `None` sends none (for interactive tools).
    pub fn maxlag(mut self, seconds: impl Into<Option<u32>>) -> Self {
        self.maxlag = seconds.into();
        self
    }

    /// A pause between two writes of this client (requests that must be POSTed), as
    /// pywikibot's `put_throttle`: a bot that edits fast still edits at this pace.
    /// Default none.
    pub fn write_pause(mut self, pause: Duration) -> Self {
        self.write_pause = pause;
        self
    }

    /// `assert=user|bot|anon` on every request.
    pub fn assert(mut self, assert: Assert) -> Self {
        self.assert = Some(assert);
        self
    }

    /// `errorformat`: `plaintext` (the default), `wikitext`, `html`, `raw`, `none` or `bc`.
    pub fn error_format(mut self, format: &'static str) -> Self {
        self.error_format = format;
        self
    }

    /// How many times a request is sent again after a refusal that says to come back
    /// (429, 503, maxlag, readonly) or, for requests that change nothing, a failure on the
    /// way. Default 3.
    pub fn retries(mut self, retries: u32) -> Self {
        self.retries = retries;
        self
    }

    /// The longest wait between two attempts, whatever Retry-After says. Default 30 s.
    pub fn max_wait(mut self, wait: Duration) -> Self {
        self.max_wait = wait;
        self
    }

    /// The time one HTTP request may take. Default 60 s.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The user has `apihighlimits` (bots, sysops): multi-values and limits up to 500.
    pub fn high_limits(mut self) -> Self {
        self.limits = Limits::High;
        self
    }

    pub fn build(self) -> Result<Client, Error> {
        let url = url::Url::parse(&self.api)
            .map_err(|e| Error::Setup(format!("the api.php URL {:?}: {e}", self.api)))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(Error::Setup(format!(
                "the api.php URL {:?} is not http(s)",
                self.api
            )));
        }
        if self.user_agent.trim().is_empty() {
            return Err(Error::Setup(
                "a user agent is required (Wikimedia's policy: name, version, contact)".into(),
            ));
        }
        if !names_a_contact(&self.user_agent) {
            tracing::warn!(
                user_agent = %self.user_agent,
                "the user agent names no contact (an e-mail address or a URL), which \
                 Wikimedia's User-Agent policy asks for"
            );
        }
        let jar = Arc::new(reqwest_cookie_store::CookieStoreMutex::default());
        let http = |redirects: reqwest::redirect::Policy| {
            reqwest::Client::builder()
                .default_headers(self.default_headers()?)
                .user_agent(&self.user_agent)
                .cookie_provider(Arc::clone(&jar))
                .timeout(self.timeout)
                .redirect(redirects)
                .build()
                .map_err(|e| Error::Setup(e.without_url().to_string()))
        };
        // A read follows a redirect (api.php moved to https, to another path); a write
        // never: a POST redirected would be resent, or turned into a GET.
        let (get, post) = (
            http(reqwest::redirect::Policy::limited(5))?,
            http(reqwest::redirect::Policy::none())?,
        );
        Ok(Client {
            inner: Arc::new(Inner {
                get,
                post,
                last_write: tokio::sync::Mutex::new(None),
                settings: self,
                tokens: Mutex::new(HashMap::new()),
                session: Mutex::new(Session::default()),
                jar,
                sent: AtomicU64::new(0),
            }),
        })
    }
}

impl ClientBuilder {
    /// The custom headers and the bearer token, checked, their values marked sensitive
    /// (hidden from reqwest's own `Debug`).
    fn default_headers(&self) -> Result<reqwest::header::HeaderMap, Error> {
        use reqwest::header::{AUTHORIZATION, HeaderName, HeaderValue};
        let mut map = reqwest::header::HeaderMap::new();
        let value = |name: &str, value: &str| {
            let mut value = HeaderValue::from_str(value).map_err(|_| {
                Error::Setup(format!(
                    "the value of the header {name} is not a header value"
                ))
            })?;
            value.set_sensitive(true);
            Ok::<_, Error>(value)
        };
        for (name, secret) in &self.headers {
            let header = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| Error::Setup(format!("{name:?} is not a header name")))?;
            map.append(header, value(name, secret.expose())?);
        }
        if let Some(token) = &self.bearer {
            if token.expose().trim().is_empty() {
                return Err(Error::Setup("the bearer token is empty".into()));
            }
            let bearer = format!("Bearer {}", token.expose());
            map.insert(AUTHORIZATION, value("Authorization", &bearer)?);
        }
        Ok(map)
    }
}

/// A session with one wiki's api.php.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    /// For reads: follows redirects.
    get: reqwest::Client,
    /// For writes: follows none. Both share the cookie jar.
    post: reqwest::Client,
    /// When the last write was sent, for `write_pause`.
    last_write: tokio::sync::Mutex<Option<tokio::time::Instant>>,
    settings: ClientBuilder,
    /// Tokens of this session by kind (`csrf`, `login`, …).
    tokens: Mutex<HashMap<&'static str, String>>,
    /// Who the session is, and how to log in again.
    session: Mutex<Session>,
    /// The cookies of the session (saved and loaded by `save_session`/`load_session`).
    jar: Arc<reqwest_cookie_store::CookieStoreMutex>,
    /// HTTP requests sent, retries included.
    sent: AtomicU64,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("api", &self.inner.settings.api)
            .field("user_agent", &self.inner.settings.user_agent)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client of `api` (the full URL of api.php) that names itself `user_agent`.
    pub fn builder(api: impl Into<String>, user_agent: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            api: api.into(),
            user_agent: user_agent.into(),
            maxlag: Some(5),
            assert: None,
            error_format: "plaintext",
            retries: 3,
            max_wait: Duration::from_secs(30),
            timeout: Duration::from_secs(60),
            limits: Limits::Normal,
            bearer: None,
            write_pause: Duration::ZERO,
            headers: vec![],
        }
    }

    /// [`Client::builder`] with the defaults.
    pub fn new(api: impl Into<String>, user_agent: impl Into<String>) -> Result<Client, Error> {
        Client::builder(api, user_agent).build()
    }

    /// A client with the same settings and a session of its own (no cookies, no tokens).
    pub fn new_session(&self) -> Result<Client, Error> {
        self.inner.settings.clone().build()
    }

    /// How many HTTP requests this session has sent, retries included.
    pub fn requests_sent(&self) -> u64 {
        self.inner.sent.load(Ordering::Relaxed)
    }

    pub fn api_url(&self) -> &str {
        &self.inner.settings.api
    }

    /// Sends `module` and returns its answer: [`Response::answer`] reads it into the module's
    /// typed answer (`M::Answer`), `body` holds the JSON.
    pub async fn execute<M: ApiModule>(&self, module: &M) -> Result<Response<M::Answer>, Error> {
        let request = module.encode(self.inner.settings.limits)?;
        Ok(self.send(M::PATH, &request).await?.of::<M>())
    }

    /// [`Client::execute`], asking the wiki for its clock too (`curtimestamp`):
    /// [`Response::cur_timestamp`] is when it answered, the `starttimestamp` of an edit based
    /// on what was read, so that a deletion since is detected.
    pub async fn execute_with_timestamp<M: ApiModule>(
        &self,
        module: &M,
    ) -> Result<Response<M::Answer>, Error> {
        let mut request = module.encode(self.inner.settings.limits)?;
        request.text("curtimestamp", "1");
        Ok(self.send(M::PATH, &request).await?.of::<M>())
    }

    /// Sends the module `build` makes with a token of this session, fetched (and cached) on
    /// demand; on `badtoken` the token is fetched again and the request sent once more.
    pub async fn execute_with_token<K, M, F>(&self, build: F) -> Result<Response<M::Answer>, Error>
    where
        K: TokenKind,
        M: ApiModule,
        F: Fn(Token<K>) -> M,
    {
        let build = &build;
        self.with_token(K::NAME, |token| async move {
            self.execute(&build(Token::new(token))).await
        })
        .await
    }

    /// Sends `request` to `module` with this session's token named `kind` as `token_param`;
    /// on `badtoken` the token is fetched again and the request sent once more. For the
    /// requests the runtime builds itself (the AuthManager flows), where no typed module is.
    pub(crate) async fn send_with_token(
        &self,
        module: &str,
        request: &Request,
        kind: &'static str,
        token_param: &str,
    ) -> Result<Response, Error> {
        self.with_token(kind, |token| async move {
            let mut full = request.clone();
            full.secret(token_param.to_owned(), crate::types::Secret::new(token));
            self.send(module, &full).await
        })
        .await
    }

    /// Runs `attempt` with this session's token named `kind`; on `badtoken`, once more with
    /// a token fetched again.
    async fn with_token<A, F, Fut>(
        &self,
        kind: &'static str,
        attempt: F,
    ) -> Result<Response<A>, Error>
    where
        F: Fn(String) -> Fut,
        Fut: std::future::Future<Output = Result<Response<A>, Error>>,
    {
        match attempt(self.token_by_name(kind).await?).await {
            Err(e) if e.code() == Some("badtoken") => {
                self.forget_token(kind);
                attempt(self.token_by_name(kind).await?).await
            }
            other => other,
        }
    }

    /// A token of kind `K` for this session, from the cache or `meta=tokens`.
    pub async fn token<K: TokenKind>(&self) -> Result<Token<K>, Error> {
        Ok(Token::new(self.token_by_name(K::NAME).await?))
    }

    /// The token named `kind` (`csrf`, `login`, …), from the cache or `meta=tokens`.
    pub(crate) async fn token_by_name(&self, kind: &'static str) -> Result<String, Error> {
        if let Some(value) = self.tokens().get(kind) {
            return Ok(value.clone());
        }
        let mut request = Request::default();
        request.text("action", "query");
        request.text("meta", "tokens");
        request.text("type", kind);
        let answer = self.send("query+tokens", &request).await?;
        let value = self.remember_token(&answer, kind)?;
        // `+\` is every anonymous session's token: a logged-in session that gets it is lost,
        // and a write with it would be made logged out.
        if value == "+\\"
            && kind != crate::token::LoginToken::NAME
            && let Some(user) = self.logged_in_user()
        {
            self.forget_tokens();
            return Err(Error::SessionLost {
                module: "query+tokens".to_owned(),
                user,
                reason: "the wiki gave the anonymous token".to_owned(),
            });
        }
        Ok(value)
    }

    /// Reads the token named `kind` out of an answer to `meta=tokens` (alone or with other
    /// `meta` modules) and caches it for this session.
    pub(crate) fn remember_token(
        &self,
        answer: &Response,
        kind: &'static str,
    ) -> Result<String, Error> {
        let value: String = answer.parse_at(
            "query+tokens",
            &["query", "tokens", &format!("{kind}token")],
        )?;
        self.tokens().insert(kind, value.clone());
        Ok(value)
    }

    pub(crate) fn forget_token(&self, kind: &str) {
        self.tokens().remove(kind);
    }

    /// Tokens belong to a session: after a login or a logout they are all stale.
    pub fn forget_tokens(&self) {
        self.tokens().clear();
    }

    fn tokens(&self) -> std::sync::MutexGuard<'_, HashMap<&'static str, String>> {
        // A panic elsewhere while the lock was held leaves a map that is still whole.
        self.inner
            .tokens
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn session(&self) -> std::sync::MutexGuard<'_, Session> {
        self.inner
            .session
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The user a login made this session, as MediaWiki names it; `None` when anonymous.
    pub fn logged_in_user(&self) -> Option<String> {
        self.session().user.clone()
    }

    /// Every batch of a module that continues (`query` with a list, a generator…): the
    /// first answer, then one per `continue` MediaWiki sends, to the end.
    pub fn continued<M: ApiModule>(
        &self,
        module: &M,
    ) -> impl Stream<Item = Result<Response<M::Answer>, Error>> + Send + use<M> {
        self.continued_from(module, None)
    }

    /// [`Client::continued`] from a saved point: `resume` is the `continue` object of the
    /// last batch a run handled ([`Response::continuation`]), so a bot restarted after a
    /// crash goes on where it stopped; `None` starts at the beginning. A wiki that answers a
    /// `continue` with the same `continue` again ends the stream with an error rather than
    /// a loop.
    pub fn continued_from<M: ApiModule>(
        &self,
        module: &M,
        resume: Option<Continuation>,
    ) -> impl Stream<Item = Result<Response<M::Answer>, Error>> + Send + use<M> {
        let request = module
            .encode(self.inner.settings.limits)
            .map_err(Error::from);
        self.continued_request::<M>(request, resume)
    }

    /// [`Client::continued_from`] for a request already encoded (the streams add `limit`s).
    fn continued_request<M: ApiModule>(
        &self,
        request: Result<Request, Error>,
        resume: Option<Continuation>,
    ) -> impl Stream<Item = Result<Response<M::Answer>, Error>> + Send + use<M> {
        let client = self.clone();
        let first = request.map(|request| match &resume {
            Some(point) => with_continuation(&request, point),
            None => request,
        });
        // The request to send, and the `continue` it carries.
        futures_util::stream::unfold(Some((first, resume)), move |next| {
            let client = client.clone();
            async move {
                let (request, sent_with) = next?;
                let request = match request {
                    Ok(request) => request,
                    Err(e) => return Some((Err(e), None)),
                };
                let answer = match client.send(M::PATH, &request).await {
                    Ok(answer) => answer,
                    Err(e) => return Some((Err(e), None)),
                };
                let answer = answer.of::<M>();
                let Some(point) = answer.continuation().cloned() else {
                    return Some((Ok(answer), None));
                };
                if sent_with.as_ref() == Some(&point) {
                    let repeated = Error::decode(
                        M::PATH,
                        format!(
                            "the wiki answered `continue` {} with the same `continue` again: \
                             stopped rather than loop",
                            Value::Object(point)
                        ),
                    );
                    return Some((Err(repeated), None));
                }
                let next = Ok(with_continuation(&request, &point));
                Some((Ok(answer), Some((next, Some(point)))))
            }
        })
    }

    /// Sends an encoded request for `module` (a module path, for errors and logs), with the
    /// client's format, error format, maxlag and assertions, retrying as the settings allow.
    /// After a login it asserts the user; if the server lost the session, the client logs in
    /// again (when [`Client::login`] gave it the credentials) and sends the request once
    /// more, or answers [`Error::SessionLost`]: never is it sent as anonymous.
    pub async fn send(&self, module: &str, request: &Request) -> Result<Response, Error> {
        let answer = match self.send_asserted(module, request).await {
            Err(e)
                if e.code()
                    .is_some_and(|c| session::ASSERT_FAILURES.contains(&c)) =>
            {
                self.log_in_again(module, e).await?;
                self.send_asserted(module, request).await?
            }
            other => other?,
        };
        if let Some(user) = session::change_in(module, &answer) {
            // Tokens belong to a session: after a login or a logout they are all stale.
            self.forget_tokens();
            let mut session = self.session();
            session.user = user;
            // Credentials are the last `Client::login`'s, which sets them after this.
            session.credentials = None;
        }
        Ok(answer)
    }

    /// After the server refused `module` for a session it no longer knows: a login with the
    /// credentials held, or [`Error::SessionLost`].
    async fn log_in_again(&self, module: &str, refusal: Error) -> Result<(), Error> {
        self.forget_tokens();
        let (user, credentials) = {
            let session = self.session();
            (session.user.clone(), session.credentials.clone())
        };
        let lost = |reason: String| Error::SessionLost {
            module: module.to_owned(),
            user: user.clone().unwrap_or_default(),
            reason,
        };
        let Some(credentials) = credentials else {
            return Err(match user {
                Some(_) => lost(format!(
                    "the wiki no longer knows the session ({refusal}) and the client holds no \
                     credentials to log in again"
                )),
                // An assertion the caller asked for (`ClientBuilder::assert`) on a session
                // that never logged in: the refusal itself.
                None => refusal,
            });
        };
        tracing::warn!(
            module,
            "the wiki no longer knows the session: logging in again"
        );
        // Boxed: a login sends requests itself.
        let login = Box::pin(self.login(&credentials.name, credentials.password.expose()));
        match login.await {
            Ok(crate::AuthStep::Pass(_)) => Ok(()),
            Ok(step) => Err(lost(format!("logging in again answered {}", step.status()))),
            Err(e) => Err(lost(format!("logging in again failed: {e}"))),
        }
    }

    /// [`Client::send`] without the second login: the assertions of this session added.
    async fn send_asserted(&self, module: &str, request: &Request) -> Result<Response, Error> {
        let settings = &self.inner.settings;
        let mut assertions: Vec<(&'static str, String)> = vec![];
        if !session::is_login_request(module, request) {
            if let Some(assert) = settings.assert {
                assertions.push(("assert", assert.as_str().to_owned()));
            }
            if let Some(user) = self.logged_in_user() {
                assertions.push(("assertuser", user));
            }
        }
        let maxlag = settings.maxlag.map(|m| m.to_string());
        let form = self.wire_form(request, &assertions, &maxlag);
        let posted = is_posted(request, &form);
        let files: Vec<(String, crate::UploadFile)> = request
            .params
            .iter()
            .filter_map(|(name, value)| match value {
                WireValue::File(upload) => Some((name.to_string(), upload.clone())),
                _ => None,
            })
            .collect();
        let mut attempts = 0;
        loop {
            attempts += 1;
            if request.must_post {
                self.pace_write().await;
            }
            let attempt = self.send_once(&settings.api, &form, &files, posted).await;
            match retry::judge(module, attempt, request.must_post, attempts) {
                Verdict::Done(result) => return result,
                Verdict::Retry { after, failure } => {
                    if attempts > settings.retries {
                        return Err(failure);
                    }
                    let wait = after
                        .unwrap_or_else(|| retry::backoff(attempts))
                        .min(settings.max_wait);
                    tracing::warn!(module, attempts, ?wait, "retrying: {failure}");
                    tokio::time::sleep(wait).await;
                }
            }
        }
    }

    /// The pairs sent for `request`: its own, then the client's (format, error format,
    /// maxlag, assertions).
    fn wire_form<'r>(
        &self,
        request: &'r Request,
        assertions: &'r [(&'static str, String)],
        maxlag: &'r Option<String>,
    ) -> Vec<(&'r str, &'r str)> {
        let mut form = request.form_pairs();
        if request.get("format").is_none() {
            form.extend([("format", "json"), ("formatversion", "2")]);
        }
        form.push(("errorformat", self.inner.settings.error_format));
        if let Some(maxlag) = maxlag {
            form.push(("maxlag", maxlag));
        }
        form.extend(
            assertions
                .iter()
                .map(|(name, value)| (*name, value.as_str())),
        );
        form
    }

    /// Waits out the pause between writes (`write_pause`), then notes this write's time.
    async fn pace_write(&self) {
        let pause = self.inner.settings.write_pause;
        if pause.is_zero() {
            return;
        }
        let mut last = self.inner.last_write.lock().await;
        if let Some(at) = *last {
            tokio::time::sleep_until(at + pause).await;
        }
        *last = Some(tokio::time::Instant::now());
    }

    async fn send_once(
        &self,
        api: &str,
        form: &[(&str, &str)],
        files: &[(String, crate::UploadFile)],
        posted: bool,
    ) -> Attempt {
        let inner = &self.inner;
        let builder = if !files.is_empty() {
            let mut multipart = reqwest::multipart::Form::new();
            for (name, value) in form {
                multipart = multipart.text(name.to_string(), value.to_string());
            }
            for (name, upload) in files {
                multipart = multipart.part(
                    name.clone(),
                    reqwest::multipart::Part::bytes(upload.bytes.clone())
                        .file_name(upload.file_name.clone()),
                );
            }
            inner.post.post(api).multipart(multipart)
        } else if posted {
            inner.post.post(api).form(form)
        } else {
            inner.get.get(api).query(form)
        };
        inner.sent.fetch_add(1, Ordering::Relaxed);
        match builder.send().await {
            Ok(answer) => {
                let status = answer.status().as_u16();
                let header = |name| answer.headers().get(name).and_then(|v| v.to_str().ok());
                let retry_after = header(reqwest::header::RETRY_AFTER).and_then(retry::retry_after);
                let location = header(reqwest::header::LOCATION).map(str::to_owned);
                match answer.bytes().await {
                    Ok(body) => Attempt::Answer {
                        status,
                        retry_after,
                        location,
                        body: body.into(),
                    },
                    Err(e) => Attempt::Cut(e.without_url()),
                }
            }
            Err(e) => Attempt::Failed(e.without_url()),
        }
    }
}

/// Whether `request`, sent as `form`, goes as a POST: when the module must be posted, when
/// any value is a secret or a file (whoever put it there: a secret never goes in a URL), or
/// when the encoded query is longer than servers and proxies take in a URL.
fn is_posted(request: &Request, form: &[(&str, &str)]) -> bool {
    let secret = request
        .params
        .iter()
        .any(|(_, value)| !matches!(value, WireValue::Text(_)));
    request.must_post
        || secret
        || form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish()
            .len()
            > POST_ABOVE
}

/// A user agent names a contact when it holds an e-mail address or a URL.
fn names_a_contact(user_agent: &str) -> bool {
    user_agent.contains('@') || user_agent.contains("://") || user_agent.contains("www.")
}

/// The first request again with the values of MediaWiki's `continue` object in place.
fn with_continuation(first: &Request, continuation: &serde_json::Map<String, Value>) -> Request {
    let mut next = first.clone();
    for (name, value) in continuation {
        let value = match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        next.params.retain(|(n, _)| n != name);
        next.text(name.clone(), value);
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_agent_names_a_contact_with_an_address_or_a_url() {
        assert!(names_a_contact("my-bot/1.0 (me@example.org)"));
        assert!(names_a_contact("my-bot/1.0 (https://example.org/bot)"));
        assert!(!names_a_contact("my-bot/1.0"));
    }
}
