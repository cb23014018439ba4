//! A session kept between runs, so that a bot logs in once, not on every run: the cookie jar
//! and the user it is, in a file written atomically and readable by its owner only (the
//! cookies are credentials).

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::session::Credentials;
use super::{Client, Error};
use crate::auth::{AuthStep, Pass};
use crate::types::Secret;

/// What a session file holds.
#[derive(Serialize, Deserialize)]
struct SavedSession {
    /// The api.php it belongs to: a session of another wiki is refused.
    api: String,
    /// Who the session is, as MediaWiki names the user.
    user: Option<String>,
    /// The cookie jar, session cookies included (`cookie_store`'s JSON).
    cookies: String,
}

fn file_error(path: &Path, reason: impl std::fmt::Display) -> Error {
    Error::SessionFile {
        path: path.display().to_string(),
        reason: reason.to_string(),
    }
}

impl Client {
    /// Writes this session (its cookies, session cookies included, and its user) to `path`:
    /// into a new file beside it, readable by its owner only (mode 0600), then renamed over
    /// it, so that a crash leaves the old file or the new one, never half of one.
    pub fn save_session(&self, path: impl AsRef<Path>) -> Result<(), Error> {
        let path = path.as_ref();
        let mut cookies = vec![];
        {
            let jar = self
                .inner
                .jar
                .lock()
                .map_err(|_| file_error(path, "the cookie jar is poisoned"))?;
            cookie_store::serde::json::save_incl_expired_and_nonpersistent(&jar, &mut cookies)
                .map_err(|e| file_error(path, e))?;
        }
        let saved = SavedSession {
            api: self.api_url().to_owned(),
            user: self.logged_in_user(),
            cookies: String::from_utf8(cookies).map_err(|e| file_error(path, e))?,
        };
        let json = serde_json::to_vec_pretty(&saved).map_err(|e| file_error(path, e))?;
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        write_private_atomically(dir, path, &json).map_err(|e| file_error(path, e))
    }

    /// Loads a session [`Client::save_session`] wrote for this client's api.php: its cookies
    /// and its user (whom every request then asserts). `Ok(false)` when there is no file.
    /// Whether the wiki still knows the session shows on the next request; see
    /// [`Client::resume_or_login`].
    pub fn load_session(&self, path: impl AsRef<Path>) -> Result<bool, Error> {
        let path = path.as_ref();
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
            Err(e) => return Err(file_error(path, e)),
        };
        let saved: SavedSession = serde_json::from_str(&text)
            .map_err(|e| file_error(path, format!("not a session file: {e}")))?;
        if saved.api != self.api_url() {
            return Err(file_error(
                path,
                format!("a session of {}, not of {}", saved.api, self.api_url()),
            ));
        }
        let loaded = cookie_store::serde::json::load(saved.cookies.as_bytes())
            .map_err(|e| file_error(path, format!("its cookies: {e}")))?;
        *self
            .inner
            .jar
            .lock()
            .map_err(|_| file_error(path, "the cookie jar is poisoned"))? = loaded;
        self.forget_tokens();
        let mut session = self.session();
        session.user = saved.user;
        session.credentials = None;
        Ok(true)
    }

    /// The session of `path` if the wiki still knows it as `name`'s, else a login; the
    /// session is saved to `path` either way. One request when the saved session holds (a
    /// check of who the session is), a login's two (and the check) when it does not. The
    /// credentials are kept, as [`Client::login`] keeps them, to log in again should the
    /// session be lost later.
    pub async fn resume_or_login(
        &self,
        path: impl AsRef<Path>,
        name: &str,
        password: &str,
    ) -> Result<AuthStep, Error> {
        let path = path.as_ref();
        // A bot password `User@bot` logs in as `User`.
        let user = name.split('@').next().unwrap_or(name);
        let resumed = self.load_session(path)? && self.logged_in_user().as_deref() == Some(user);
        if !resumed {
            let step = self.login(name, password).await?;
            if let AuthStep::Pass(_) = step {
                self.save_session(path)?;
            }
            return Ok(step);
        }
        self.session().credentials = Some(Credentials {
            name: name.to_owned(),
            password: Secret::new(password),
        });
        // Asserted as the saved user: a session the wiki lost is logged in again here.
        let mut request = crate::Request::default();
        request.text("action", "query");
        request.text("meta", "userinfo");
        self.send("query+userinfo", &request).await?;
        self.save_session(path)?;
        Ok(AuthStep::Pass(Pass {
            username: self.logged_in_user(),
        }))
    }
}

/// Writes `bytes` to `path` through a new file beside it, readable by its owner only (0600 on
/// Unix), synced, then renamed over `path`: a crash leaves the old file or the new one, never
/// half of one, and the cookies are never readable by others, not even for a moment. Written
/// with `std` rather than `tempfile`, whose dependencies (rustix and its kin) were a tenth of
/// a user's clean build of mwtyped (BENCHMARKS.md, build).
fn write_private_atomically(dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let temporary = dir.join(format!(".{name}.{}.{nanos}.tmp", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options.open(&temporary).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    });
    if written.is_err() {
        // Nothing half-written is left beside the file.
        let _ = std::fs::remove_file(&temporary);
    }
    written
}
