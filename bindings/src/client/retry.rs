//! Which failures are worth another attempt. The rule that keeps writes from happening twice:
//! a request that must be POSTed (it may change the wiki) is sent again only when the server
//! said it did nothing: MediaWiki's own answer (`maxlag`, `readonly`, `ratelimited`), a 429,
//! a 503 that says when to come back (Retry-After), or a connection never made. A bare 503
//! may come from a proxy after MediaWiki saved: a write is not sent again after it. A read
//! is also sent again after any 5xx, a cut connection or a truncated answer.

use std::time::Duration;

use super::error::Error;
use super::response::Response;

/// What one HTTP exchange gave.
pub(crate) enum Attempt {
    Answer {
        status: u16,
        retry_after: Option<Duration>,
        /// Where a redirect points.
        location: Option<String>,
        body: Vec<u8>,
    },
    /// The answer began, then the connection was cut.
    Cut(reqwest::Error),
    /// No answer: refused, reset, timed out.
    Failed(reqwest::Error),
}

pub(crate) enum Verdict {
    Done(Result<Response, Error>),
    /// Worth another attempt, after `after` if the server said; `failure` if none is left.
    Retry {
        after: Option<Duration>,
        failure: Error,
    },
}

/// A Retry-After header's wait: seconds, or an HTTP date (a date already past waits not).
pub(crate) fn retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(
        at.duration_since(std::time::SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

/// The wait before attempt `attempts + 1` when the server named none: 0.5 s, 1 s, 2 s, …
pub(crate) fn backoff(attempts: u32) -> Duration {
    Duration::from_millis(500u64.saturating_mul(1 << attempts.saturating_sub(1).min(10)))
}

pub(crate) fn judge(module: &str, attempt: Attempt, must_post: bool, attempts: u32) -> Verdict {
    let safe_to_repeat = !must_post;
    let transport = |source: reqwest::Error| Error::Transport {
        module: module.to_owned(),
        attempts,
        source,
    };
    match attempt {
        Attempt::Failed(e) if e.is_connect() || safe_to_repeat => Verdict::Retry {
            after: None,
            failure: transport(e),
        },
        Attempt::Failed(e) => Verdict::Done(Err(transport(e))),
        Attempt::Cut(e) if safe_to_repeat => Verdict::Retry {
            after: None,
            failure: transport(e),
        },
        Attempt::Cut(e) => Verdict::Done(Err(transport(e))),
        Attempt::Answer {
            status,
            retry_after,
            location,
            body,
        } => {
            let http = || Error::Http {
                module: module.to_owned(),
                status,
                attempts,
            };
            // A 429 says nothing was done, and so does a 503 that says when to come back;
            // another 5xx may have done it, so only a request safe to repeat goes again.
            let said_nothing_done = status == 429 || (status == 503 && retry_after.is_some());
            if said_nothing_done || (status >= 500 && safe_to_repeat) {
                return Verdict::Retry {
                    after: retry_after,
                    failure: http(),
                };
            }
            // A read followed it already; a write is never sent to another URL.
            if (300..400).contains(&status) {
                return Verdict::Done(Err(Error::Redirected {
                    module: module.to_owned(),
                    status,
                    location: location.unwrap_or_default(),
                }));
            }
            if !(200..300).contains(&status) {
                return Verdict::Done(Err(http()));
            }
            let answered = match Response::read(module, body) {
                Ok(answered) => answered,
                Err(failure) if safe_to_repeat => {
                    return Verdict::Retry {
                        after: None,
                        failure,
                    };
                }
                Err(failure) => return Verdict::Done(Err(failure)),
            };
            let error = match answered.into_result(module) {
                Ok(response) => return Verdict::Done(Ok(response)),
                Err(error) => error,
            };
            // Each means "nothing was done, come back later"; MediaWiki names no wait for
            // `ratelimited`, so the backoff decides, within `retries` and `max_wait`.
            match error.code() {
                Some("maxlag" | "readonly") => Verdict::Retry {
                    after: retry_after.or(Some(Duration::from_secs(5))),
                    failure: error,
                },
                Some("ratelimited") => Verdict::Retry {
                    after: retry_after,
                    failure: error,
                },
                _ => Verdict::Done(Err(error)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_is_seconds_or_a_date() {
        assert_eq!(retry_after(" 7 "), Some(Duration::from_secs(7)));
        let soon = std::time::SystemTime::now() + Duration::from_secs(120);
        let wait = retry_after(&httpdate::fmt_http_date(soon)).expect("a date");
        assert!(
            wait > Duration::from_secs(100) && wait <= Duration::from_secs(120),
            "{wait:?}"
        );
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("soon"), None);
    }

    #[test]
    fn backoff_doubles_and_stays_bounded() {
        assert_eq!(backoff(1), Duration::from_millis(500));
        assert_eq!(backoff(2), Duration::from_secs(1));
        assert_eq!(backoff(3), Duration::from_secs(2));
        assert!(backoff(u32::MAX) <= Duration::from_millis(500 * 1024));
    }
}
