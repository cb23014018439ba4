//! A synchronous client for code without an async runtime: the same [`crate::Client`], each
//! call run to its end on a small runtime of its own.

use std::sync::Arc;

use futures_util::StreamExt;

use crate::auth::{AuthForm, AuthInfo, AuthPurpose, AuthStart, AuthStep};
use crate::client::{Continuation, Error, Response};
use crate::module::ApiModule;
use crate::pages::{ListModule, QueryAnswer};
use crate::request::Request;
use crate::token::{Token, TokenKind};

/// [`crate::Client`], blocking. Cheap to clone; clones share the session.
#[derive(Clone, Debug)]
pub struct Client {
    inner: crate::Client,
    runtime: Arc<tokio::runtime::Runtime>,
}

impl Client {
    /// Wraps an async client (made with [`crate::Client::builder`]).
    pub fn from_async(inner: crate::Client) -> Result<Client, Error> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::Setup(format!("starting the runtime: {e}")))?;
        Ok(Client {
            inner,
            runtime: Arc::new(runtime),
        })
    }

    pub fn new(api: impl Into<String>, user_agent: impl Into<String>) -> Result<Client, Error> {
        Client::from_async(crate::Client::new(api, user_agent)?)
    }

    /// The async client underneath.
    pub fn as_async(&self) -> &crate::Client {
        &self.inner
    }

    /// How many HTTP requests this session has sent, retries included.
    pub fn requests_sent(&self) -> u64 {
        self.inner.requests_sent()
    }

    pub fn execute<M: ApiModule>(&self, module: &M) -> Result<Response<M::Answer>, Error> {
        self.runtime.block_on(self.inner.execute(module))
    }

    pub fn execute_with_token<K, M, F>(&self, build: F) -> Result<Response<M::Answer>, Error>
    where
        K: TokenKind,
        M: ApiModule,
        F: Fn(Token<K>) -> M,
    {
        self.runtime.block_on(self.inner.execute_with_token(build))
    }

    pub fn token<K: TokenKind>(&self) -> Result<Token<K>, Error> {
        self.runtime.block_on(self.inner.token::<K>())
    }

    pub fn send(&self, module: &str, request: &Request) -> Result<Response, Error> {
        self.runtime.block_on(self.inner.send(module, request))
    }

    /// Every batch of a continuing module, fetched as the iterator is advanced.
    pub fn continued<M: ApiModule>(
        &self,
        module: &M,
    ) -> impl Iterator<Item = Result<Response<M::Answer>, Error>> + use<M> {
        self.continued_from(module, None)
    }

    /// [`crate::Client::continued_from`], blocking: from a saved `continue` object.
    pub fn continued_from<M: ApiModule>(
        &self,
        module: &M,
        resume: Option<serde_json::Map<String, serde_json::Value>>,
    ) -> impl Iterator<Item = Result<Response<M::Answer>, Error>> + use<M> {
        let runtime = Arc::clone(&self.runtime);
        let mut stream = Box::pin(self.inner.continued_from(module, resume));
        std::iter::from_fn(move || runtime.block_on(stream.next()))
    }

    /// [`crate::Client::pages`], blocking: each page once, complete, fetched as the
    /// iterator is advanced.
    pub fn pages<M>(&self, query: &M) -> Resumable<<M::Answer as QueryAnswer>::Page>
    where
        M: ApiModule + 'static,
        M::Answer: QueryAnswer,
    {
        self.pages_from(query, None)
    }

    /// [`crate::Client::pages_from`], blocking: from a saved [`Resumable::resume_point`].
    pub fn pages_from<M>(
        &self,
        query: &M,
        resume: Option<Continuation>,
    ) -> Resumable<<M::Answer as QueryAnswer>::Page>
    where
        M: ApiModule + 'static,
        M::Answer: QueryAnswer,
    {
        self.resumable(self.inner.pages_from(query, resume))
    }

    /// [`crate::Client::items`], blocking: a list's typed items, fetched as the iterator is
    /// advanced.
    pub fn items<M>(&self, list: &M) -> Resumable<M::Item>
    where
        M: ListModule + 'static,
        M::Answer: QueryAnswer,
    {
        self.items_from(list, None)
    }

    /// [`crate::Client::items_from`], blocking: from a saved [`Resumable::resume_point`].
    pub fn items_from<M>(&self, list: &M, resume: Option<Continuation>) -> Resumable<M::Item>
    where
        M: ListModule + 'static,
        M::Answer: QueryAnswer,
    {
        self.resumable(self.inner.items_from(list, resume))
    }

    fn resumable<T>(&self, stream: crate::client::Resumable<T>) -> Resumable<T> {
        Resumable {
            runtime: Arc::clone(&self.runtime),
            stream,
        }
    }

    pub fn auth_info(&self, purpose: AuthPurpose) -> Result<AuthInfo, Error> {
        self.runtime.block_on(self.inner.auth_info(purpose))
    }

    pub fn auth_start(&self, start: AuthStart) -> Result<AuthForm, Error> {
        self.runtime.block_on(self.inner.auth_start(start))
    }

    pub fn auth_submit(&self, form: &AuthForm) -> Result<AuthStep, Error> {
        self.runtime.block_on(self.inner.auth_submit(form))
    }

    pub fn login(&self, username: &str, password: &str) -> Result<AuthStep, Error> {
        self.runtime.block_on(self.inner.login(username, password))
    }

    pub fn save_session(&self, path: impl AsRef<std::path::Path>) -> Result<(), Error> {
        self.inner.save_session(path)
    }

    pub fn load_session(&self, path: impl AsRef<std::path::Path>) -> Result<bool, Error> {
        self.inner.load_session(path)
    }

    pub fn resume_or_login(
        &self,
        path: impl AsRef<std::path::Path>,
        name: &str,
        password: &str,
    ) -> Result<AuthStep, Error> {
        self.runtime
            .block_on(self.inner.resume_or_login(path, name, password))
    }

    pub fn upload_in_chunks(&self, upload: &crate::ChunkedUpload) -> Result<Response, Error> {
        self.runtime.block_on(self.inner.upload_in_chunks(upload))
    }

    pub fn logout(&self) -> Result<(), Error> {
        self.runtime.block_on(self.inner.logout())
    }

    /// The user a login made this session; `None` when anonymous.
    pub fn logged_in_user(&self) -> Option<String> {
        self.inner.logged_in_user()
    }

    pub fn change_form(&self, request_id: &str) -> Result<AuthForm, Error> {
        self.runtime.block_on(self.inner.change_form(request_id))
    }

    pub fn remove_auth_data(&self, request_id: &str) -> Result<(), Error> {
        self.runtime
            .block_on(self.inner.remove_auth_data(request_id))
    }
}

/// [`crate::Resumable`], blocking: an iterator of typed pages or items that can say where to
/// resume.
pub struct Resumable<T> {
    runtime: Arc<tokio::runtime::Runtime>,
    stream: crate::client::Resumable<T>,
}

impl<T> Resumable<T> {
    /// [`crate::Resumable::resume_point`]: where a stream started again goes on.
    pub fn resume_point(&self) -> Option<&Continuation> {
        self.stream.resume_point()
    }
}

impl<T> Iterator for Resumable<T> {
    type Item = Result<T, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        self.runtime.block_on(self.stream.next())
    }
}
