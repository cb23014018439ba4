//! Which failures are worth another attempt. The rule that keeps writes from happening twice:
//! a request that must be POSTed (it may change the wiki) is sent again only when the server
//! said it did nothing (429, 503, `maxlag`, `readonly`) or when the connection was never made;
//! a GET is also sent again after a 5xx, a cut connection or a truncated answer.

use std::time::Duration;

use super::error::{DENIED, Error, excerpt};
use super::response::{self, Response};

/// What one HTTP exchange gave.
pub(crate) enum Attempt {
    Answer {
        status: u16,
        retry_after: Option<Duration>,
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
            body,
        } => {
            let http = || Error::Http {
                module: module.to_owned(),
                status,
                attempts,
            };
            // 429 and 503 say nothing was done; another 5xx may have done it, so only a
            // request that is safe to repeat goes again.
            if status == 429 || status == 503 || (status >= 500 && safe_to_repeat) {
                return Verdict::Retry {
                    after: retry_after,
                    failure: http(),
                };
            }
            if !(200..300).contains(&status) {
                return Verdict::Done(Err(http()));
            }
            let body: serde_json::Value = match serde_json::from_slice(&body) {
                Ok(body) => body,
                Err(e) => {
                    let failure = Error::decode(
                        module,
                        format!("not JSON ({e}), beginning {:?}", excerpt(&body)),
                    );
                    return if safe_to_repeat {
                        Verdict::Retry {
                            after: None,
                            failure,
                        }
                    } else {
                        Verdict::Done(Err(failure))
                    };
                }
            };
            let reading = response::read(&body);
            let Some(first) = reading.errors.first() else {
                return Verdict::Done(Ok(Response {
                    body,
                    warnings: reading.warnings,
                }));
            };
            let (module, code, text) = (module.to_owned(), first.code.clone(), first.text.clone());
            let messages = reading
                .errors
                .iter()
                .chain(&reading.warnings)
                .cloned()
                .collect();
            let error = match DENIED.contains(&code.as_str()) {
                // Extension:OAuth's refusals of a token, whatever their suffix.
                _ if code.starts_with("mwoauth-invalid-authorization") => {
                    Error::Unauthorized { module, code, text }
                }
                true => Error::Denied {
                    module,
                    code,
                    text,
                    messages,
                },
                false => Error::Api {
                    module,
                    code,
                    text,
                    messages,
                },
            };
            // Both mean "nothing was done, come back later".
            if matches!(error.code(), Some("maxlag" | "readonly")) {
                Verdict::Retry {
                    after: retry_after.or(Some(Duration::from_secs(5))),
                    failure: error,
                }
            } else {
                Verdict::Done(Err(error))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_stays_bounded() {
        assert_eq!(backoff(1), Duration::from_millis(500));
        assert_eq!(backoff(2), Duration::from_secs(1));
        assert_eq!(backoff(3), Duration::from_secs(2));
        assert!(backoff(u32::MAX) <= Duration::from_millis(500 * 1024));
    }
}
