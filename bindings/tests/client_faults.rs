//! The client against a local HTTP server that misbehaves on purpose (the one place where a
//! stand-in for MediaWiki is right): 5xx, 429 with Retry-After, maxlag, readonly, a truncated
//! body, a reset connection, a slow answer. Retries stay bounded, errors are clear, and a
//! request that must be POSTed is never sent twice unless the server said it did nothing.

#![cfg(all(feature = "client", feature = "v1_43"))]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use mwtyped::v1_43::query::SiteInfo;
use mwtyped::v1_43::{Purge, Query};
use mwtyped::{Client, Error};

/// What the server does with one request.
#[derive(Clone)]
enum Answer {
    /// A status, extra headers and a JSON body.
    Json(u16, &'static str, &'static str),
    /// Promises a longer body than it sends, then closes.
    Truncated,
    /// Closes the connection without a word.
    Reset,
    /// Waits this long before answering OK.
    Slow(Duration),
}

const OK: &str = r#"{"batchcomplete":true,"query":{"general":{"generator":"MediaWiki 1.43.9"}}}"#;

/// A server that gives the `script`'s answers in order (the last one repeats), and records
/// each request's method.
struct Server {
    url: String,
    methods: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn start(script: Vec<Answer>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind on loopback");
        let url = format!("http://{}/api.php", listener.local_addr().expect("address"));
        let methods = Arc::new(Mutex::new(vec![]));
        let seen = Arc::clone(&methods);
        thread::spawn(move || {
            // Bounded: a test sends a few requests; the thread ends with the process.
            for (i, stream) in listener.incoming().take(64).enumerate() {
                let Ok(stream) = stream else { continue };
                let answer = script[i.min(script.len() - 1)].clone();
                let seen = Arc::clone(&seen);
                thread::spawn(move || serve(stream, answer, &seen));
            }
        });
        Server { url, methods }
    }

    fn methods(&self) -> Vec<String> {
        self.methods.lock().expect("lock").clone()
    }
}

fn serve(mut stream: TcpStream, answer: Answer, seen: &Mutex<Vec<String>>) {
    let mut request = vec![];
    let mut buf = [0u8; 4096];
    // Headers, then as much body as Content-Length says.
    loop {
        let Ok(n) = stream.read(&mut buf) else { return };
        if n == 0 {
            return;
        }
        request.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&request).to_string();
        if let Some(end) = text.find("\r\n\r\n") {
            let length = text[..end]
                .lines()
                .find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    k.eq_ignore_ascii_case("content-length")
                        .then(|| v.trim().parse::<usize>().ok())?
                })
                .unwrap_or(0);
            if request.len() >= end + 4 + length {
                break;
            }
        }
    }
    let method = String::from_utf8_lossy(&request)
        .split(' ')
        .next()
        .unwrap_or_default()
        .to_owned();
    seen.lock().expect("lock").push(method);
    let reply = |status: u16, headers: &str, body: &str| {
        format!(
            "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n{headers}\r\n{body}",
            body.len()
        )
    };
    let _ = match answer {
        Answer::Json(status, headers, body) => stream.write_all(reply(status, headers, body).as_bytes()),
        Answer::Truncated => stream.write_all(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\nConnection: close\r\n\r\n{\"query\":{\"gen",
        ),
        Answer::Reset => Ok(()),
        Answer::Slow(wait) => {
            thread::sleep(wait);
            stream.write_all(reply(200, "", OK).as_bytes())
        }
    };
}

fn client(url: &str) -> Client {
    Client::builder(url, "mwtyped-tests (faults)")
        .retries(2)
        .max_wait(Duration::from_millis(50))
        .timeout(Duration::from_millis(1500))
        .build()
        .expect("client")
}

fn read_request() -> Query {
    let mut query = Query::new();
    query.select.add(SiteInfo::new());
    query
}

/// A request that must be POSTed: it may change the wiki.
fn write_request() -> Purge {
    let mut purge = Purge::new();
    purge.titles = vec!["Main Page".into()];
    purge
}

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(f)
}

#[test]
fn a_503_with_retry_after_is_retried_then_answers() {
    let server = Server::start(vec![
        Answer::Json(503, "Retry-After: 0\r\n", "busy"),
        Answer::Json(200, "", OK),
    ]);
    let answer = block_on(client(&server.url).execute(&read_request())).expect("answer");
    assert_eq!(
        answer.body["query"]["general"]["generator"],
        "MediaWiki 1.43.9"
    );
    assert_eq!(server.methods(), ["GET", "GET"]);
}

#[test]
fn a_429_is_retried_even_for_a_post_since_nothing_was_done() {
    let server = Server::start(vec![
        Answer::Json(429, "Retry-After: 0\r\n", ""),
        Answer::Json(200, "", r#"{"purge":[]}"#),
    ]);
    block_on(client(&server.url).execute(&write_request())).expect("answer");
    assert_eq!(server.methods(), ["POST", "POST"]);
}

#[test]
fn maxlag_and_readonly_are_waited_out() {
    let server = Server::start(vec![
        Answer::Json(
            200,
            "Retry-After: 0\r\n",
            r#"{"errors":[{"code":"maxlag","text":"Waiting for 10.0.0.1: 7 seconds lagged.","module":"main"}]}"#,
        ),
        Answer::Json(
            200,
            "Retry-After: 0\r\n",
            r#"{"errors":[{"code":"readonly","text":"The wiki is in read-only mode.","module":"main"}]}"#,
        ),
        Answer::Json(200, "", r#"{"purge":[]}"#),
    ]);
    block_on(client(&server.url).execute(&write_request())).expect("answer");
    assert_eq!(server.methods(), ["POST", "POST", "POST"]);
}

#[test]
fn retries_are_bounded_and_the_error_says_how_many() {
    let server = Server::start(vec![Answer::Json(503, "Retry-After: 0\r\n", "busy")]);
    let error = block_on(client(&server.url).execute(&read_request())).expect_err("fails");
    assert!(
        matches!(
            error,
            Error::Http {
                status: 503,
                attempts: 3,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "query: HTTP 503 from the server (after 3 attempt(s))"
    );
    assert_eq!(server.methods().len(), 3);
}

#[test]
fn a_500_is_retried_for_a_read_but_not_for_a_post() {
    let server = Server::start(vec![
        Answer::Json(500, "", "oops"),
        Answer::Json(200, "", OK),
    ]);
    block_on(client(&server.url).execute(&read_request())).expect("answer");
    assert_eq!(server.methods(), ["GET", "GET"]);

    let server = Server::start(vec![
        Answer::Json(500, "", "oops"),
        Answer::Json(200, "", OK),
    ]);
    let error = block_on(client(&server.url).execute(&write_request())).expect_err("fails");
    assert!(
        matches!(error, Error::Http { status: 500, .. }),
        "{error:?}"
    );
    assert_eq!(
        server.methods(),
        ["POST"],
        "a POST that may have been done is not repeated"
    );
}

#[test]
fn a_truncated_body_is_a_clear_error_and_a_post_is_sent_once() {
    let server = Server::start(vec![Answer::Truncated]);
    let error = block_on(client(&server.url).execute(&write_request())).expect_err("fails");
    assert!(
        matches!(error, Error::Transport { .. } | Error::Decode { .. }),
        "{error:?}"
    );
    assert!(error.to_string().starts_with("purge: "), "{error}");
    assert_eq!(server.methods(), ["POST"]);

    let server = Server::start(vec![Answer::Truncated, Answer::Json(200, "", OK)]);
    block_on(client(&server.url).execute(&read_request())).expect("a read is retried");
    assert_eq!(server.methods(), ["GET", "GET"]);
}

#[test]
fn a_reset_connection_is_a_transport_error() {
    let server = Server::start(vec![Answer::Reset]);
    let error = block_on(client(&server.url).execute(&write_request())).expect_err("fails");
    assert!(
        matches!(error, Error::Transport { attempts: 1, .. }),
        "{error:?}"
    );
    assert_eq!(server.methods(), ["POST"]);
}

#[test]
fn a_slow_answer_times_out_within_the_bound() {
    let server = Server::start(vec![Answer::Slow(Duration::from_secs(5))]);
    let client = Client::builder(&server.url, "mwtyped-tests (faults)")
        .retries(0)
        .timeout(Duration::from_millis(300))
        .build()
        .expect("client");
    let error = block_on(client.execute(&read_request())).expect_err("times out");
    let Error::Transport { source, .. } = &error else {
        panic!("{error:?}")
    };
    assert!(source.is_timeout(), "{error:?}");
}

#[test]
fn an_api_error_carries_its_code_text_and_messages() {
    let server = Server::start(vec![Answer::Json(
        200,
        "",
        r#"{"errors":[{"code":"badtoken","text":"Invalid CSRF token.","module":"main"}],"warnings":[{"code":"deprecation","text":"Old.","module":"purge"}]}"#,
    )]);
    let error = block_on(client(&server.url).execute(&write_request())).expect_err("fails");
    assert_eq!(error.code(), Some("badtoken"));
    assert_eq!(
        error.to_string(),
        "purge: the API answered `badtoken`: Invalid CSRF token."
    );
    let Error::Api { messages, .. } = error else {
        unreachable!()
    };
    assert_eq!(messages.len(), 2);
}

#[test]
fn an_html_page_is_a_decode_error_naming_the_module() {
    let server = Server::start(vec![Answer::Json(
        200,
        "",
        "<!DOCTYPE html><html><body>Not an API</body></html>",
    )]);
    let client = Client::builder(&server.url, "mwtyped-tests (faults)")
        .retries(0)
        .build()
        .expect("client");
    let error = block_on(client.execute(&read_request())).expect_err("fails");
    assert!(matches!(error, Error::Decode { .. }), "{error:?}");
    assert!(error.to_string().contains("<!DOCTYPE html>"), "{error}");
}
