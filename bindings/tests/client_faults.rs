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
    /// OK, the body gzip-compressed (`Content-Encoding: gzip`).
    Gzip(&'static str),
}

/// One request as the server saw it.
#[derive(Clone, Debug)]
struct Seen {
    method: String,
    /// The request line's target: path and query.
    target: String,
    /// The header lines, lowercased.
    headers: String,
    body: String,
    at: std::time::Instant,
}

const OK: &str = r#"{"batchcomplete":true,"query":{"general":{"generator":"MediaWiki 1.43.9"}}}"#;

/// A server that gives the `script`'s answers in order (the last one repeats), and records
/// each request's method.
struct Server {
    url: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    fn start(script: Vec<Answer>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind on loopback");
        let url = format!("http://{}/api.php", listener.local_addr().expect("address"));
        let seen = Arc::new(Mutex::new(vec![]));
        let log = Arc::clone(&seen);
        thread::spawn(move || {
            // Bounded: a test sends a few requests; the thread ends with the process.
            for (i, stream) in listener.incoming().take(64).enumerate() {
                let Ok(stream) = stream else { continue };
                let answer = script[i.min(script.len() - 1)].clone();
                let log = Arc::clone(&log);
                thread::spawn(move || serve(stream, answer, &log));
            }
        });
        Server { url, seen }
    }

    fn requests(&self) -> Vec<Seen> {
        self.seen.lock().expect("lock").clone()
    }

    fn methods(&self) -> Vec<String> {
        self.requests().into_iter().map(|s| s.method).collect()
    }
}

fn serve(mut stream: TcpStream, answer: Answer, seen: &Mutex<Vec<Seen>>) {
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
    let text = String::from_utf8_lossy(&request).to_string();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut words = head.split(' ');
    seen.lock().expect("lock").push(Seen {
        method: words.next().unwrap_or_default().to_owned(),
        target: words.next().unwrap_or_default().to_owned(),
        headers: head.to_lowercase(),
        body: body.to_owned(),
        at: std::time::Instant::now(),
    });
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
        Answer::Gzip(body) => {
            let mut gz = flate2::write::GzEncoder::new(vec![], flate2::Compression::default());
            gz.write_all(body.as_bytes()).expect("gzip");
            let gz = gz.finish().expect("gzip");
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                gz.len()
            );
            stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(&gz))
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
        answer.body()["query"]["general"]["generator"],
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

#[test]
fn a_bare_503_to_a_post_is_not_sent_again_since_a_proxy_may_answer_it_after_the_save() {
    let server = Server::start(vec![
        Answer::Json(503, "", "Service Unavailable"),
        Answer::Json(200, "", r#"{"purge":[]}"#),
    ]);
    let error = block_on(client(&server.url).execute(&write_request())).expect_err("once");
    assert!(
        matches!(
            error,
            Error::Http {
                status: 503,
                attempts: 1,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(server.methods(), ["POST"]);

    // A 503 that says when to come back (as a date, too) said nothing was done.
    let server = Server::start(vec![
        Answer::Json(
            503,
            "Retry-After: Wed, 21 Oct 2015 07:28:00 GMT\r\n",
            "busy",
        ),
        Answer::Json(200, "", r#"{"purge":[]}"#),
    ]);
    block_on(client(&server.url).execute(&write_request())).expect("answer");
    assert_eq!(server.methods(), ["POST", "POST"]);
}

#[test]
fn ratelimited_is_waited_out_within_the_bounds() {
    let limited = r#"{"errors":[{"code":"ratelimited","text":"You've exceeded your rate limit.","module":"main"}]}"#;
    let server = Server::start(vec![
        Answer::Json(200, "", limited),
        Answer::Json(200, "", r#"{"purge":[]}"#),
    ]);
    block_on(client(&server.url).execute(&write_request())).expect("answer");
    assert_eq!(server.methods(), ["POST", "POST"]);

    let server = Server::start(vec![Answer::Json(200, "", limited)]);
    let error = block_on(client(&server.url).execute(&write_request())).expect_err("bounded");
    assert_eq!(error.code(), Some("ratelimited"));
    assert_eq!(
        server.methods().len(),
        3,
        "the first attempt and two retries"
    );
}

#[test]
fn a_read_follows_a_redirect_and_a_write_never_does() {
    let target = Server::start(vec![Answer::Json(200, "", OK)]);
    let moved: &'static str = Box::leak(format!("Location: {}\r\n", target.url).into_boxed_str());
    let server = Server::start(vec![Answer::Json(301, moved, "")]);
    block_on(client(&server.url).execute(&read_request())).expect("followed");
    assert_eq!(target.methods(), ["GET"]);

    let server = Server::start(vec![Answer::Json(301, moved, "")]);
    let error = block_on(client(&server.url).execute(&write_request())).expect_err("not followed");
    let Error::Redirected {
        status, location, ..
    } = &error
    else {
        panic!("{error:?}")
    };
    assert_eq!((*status, location.as_str()), (301, target.url.as_str()));
    assert_eq!(server.methods(), ["POST"]);
    assert_eq!(
        target.methods(),
        ["GET"],
        "the write did not reach the other URL"
    );
}

#[test]
fn a_secret_anywhere_and_a_long_encoded_query_go_in_a_post_body() {
    // A secret put in by hand, the request not marked as one to POST.
    let server = Server::start(vec![Answer::Json(200, "", OK)]);
    let mut request = mwtyped::Request::default();
    request.text("action", "query");
    request.params.push((
        "mwtypedsecret".into(),
        mwtyped::Value::Secret(mwtyped::Secret::new("hunter2")),
    ));
    assert!(!request.must_post);
    block_on(client(&server.url).send("query", &request)).expect("answer");
    let seen = &server.requests()[0];
    assert_eq!(seen.method, "POST");
    assert!(!seen.target.contains("hunter2"), "{}", seen.target);

    // 700 characters that encode to 2,100: long once encoded.
    let server = Server::start(vec![Answer::Json(200, "", OK)]);
    let mut request = mwtyped::Request::default();
    request.text("action", "query");
    request.text("titles", "é".repeat(350));
    block_on(client(&server.url).send("query", &request)).expect("answer");
    assert_eq!(server.methods(), ["POST"]);
}

#[test]
fn answers_come_gzipped_and_maxlag_is_sent_by_default() {
    let server = Server::start(vec![Answer::Gzip(OK)]);
    let answer = block_on(client(&server.url).execute(&read_request())).expect("answer");
    assert_eq!(
        answer.body()["query"]["general"]["generator"],
        "MediaWiki 1.43.9"
    );
    let seen = &server.requests()[0];
    assert!(
        seen.headers.contains("accept-encoding: gzip"),
        "{}",
        seen.headers
    );
    assert!(seen.target.contains("maxlag=5"), "{}", seen.target);
}

#[test]
fn writes_keep_the_pause_asked_for() {
    let server = Server::start(vec![Answer::Json(200, "", r#"{"purge":[]}"#)]);
    let pause = Duration::from_millis(400);
    let client = Client::builder(&server.url, "mwtyped-tests (faults)")
        .write_pause(pause)
        .build()
        .expect("client");
    block_on(async {
        client.execute(&write_request()).await.expect("first");
        client
            .execute(&read_request())
            .await
            .expect("a read is not paced");
        client.execute(&write_request()).await.expect("second");
    });
    let seen = server.requests();
    assert_eq!(seen.len(), 3);
    assert!(
        seen[2].at - seen[0].at >= pause,
        "{:?}",
        seen[2].at - seen[0].at
    );
    assert!(
        seen[2].body.contains("titles=Main+Page"),
        "{}",
        seen[2].body
    );
}

const TOKEN: &str = r#"{"batchcomplete":true,"query":{"tokens":{"csrftoken":"0123abcd+\\"}}}"#;

/// The value of the field `name` in a request body, multipart or URL-encoded.
fn field(body: &str, name: &str) -> Option<String> {
    if !body.contains("Content-Disposition") {
        return url::form_urlencoded::parse(body.as_bytes())
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.into_owned());
    }
    let at = body.find(&format!("name=\"{name}\""))?;
    let value = &body[at..];
    let value = &value[value.find("\r\n\r\n")? + 4..];
    Some(value[..value.find("\r\n")?].to_owned())
}

#[test]
fn a_chunk_whose_answer_was_lost_is_sent_again_and_the_upload_goes_on() {
    let path = std::env::temp_dir().join(format!("mwtyped-chunks-{}.png", std::process::id()));
    std::fs::write(&path, b"0123456789").expect("file");
    let mut upload = mwtyped::ChunkedUpload::new(&path, "Chunks.png");
    upload.chunk_size = 6;

    // The first chunk's answer is lost (a 502 from a proxy): it goes again.
    let server = Server::start(vec![
        Answer::Json(200, "", TOKEN),
        Answer::Json(502, "", "Bad Gateway"),
        Answer::Json(
            200,
            "",
            r#"{"upload":{"result":"Continue","offset":6,"filekey":"k1"}}"#,
        ),
        Answer::Json(200, "", r#"{"upload":{"result":"Success","filekey":"k2"}}"#),
        Answer::Json(
            200,
            "",
            r#"{"upload":{"result":"Success","filename":"Chunks.png"}}"#,
        ),
    ]);
    let answer = block_on(client(&server.url).upload_in_chunks(&upload)).expect("uploaded");
    assert_eq!(answer.body()["upload"]["filename"], "Chunks.png");
    let seen = server.requests();
    let offsets: Vec<Option<String>> = seen[1..4]
        .iter()
        .map(|s| field(&s.body, "offset"))
        .collect();
    assert_eq!(
        offsets,
        [Some("0".into()), Some("0".into()), Some("6".into())]
    );
    assert_eq!(field(&seen[3].body, "filekey").as_deref(), Some("k1"));
    assert_eq!(
        field(&seen[4].body, "filekey").as_deref(),
        Some("k2"),
        "the last key is published"
    );
    assert_eq!(field(&seen[4].body, "offset"), None);

    // The wiki had the chunk: its refusal names the offset to go on from. (A first chunk
    // sent again starts a new stash, so this is a later one, whose key is known.)
    upload.chunk_size = 4;
    let server = Server::start(vec![
        Answer::Json(200, "", TOKEN),
        Answer::Json(
            200,
            "",
            r#"{"upload":{"result":"Continue","offset":4,"filekey":"k1"}}"#,
        ),
        Answer::Json(502, "", "Bad Gateway"),
        Answer::Json(
            200,
            "",
            r#"{"errors":[{"code":"stashfailed","text":"Invalid chunk offset.","module":"upload","data":{"offset":8}}]}"#,
        ),
        Answer::Json(200, "", r#"{"upload":{"result":"Success","filekey":"k2"}}"#),
        Answer::Json(
            200,
            "",
            r#"{"upload":{"result":"Success","filename":"Chunks.png"}}"#,
        ),
    ]);
    block_on(client(&server.url).upload_in_chunks(&upload)).expect("uploaded");
    let seen = server.requests();
    let offsets: Vec<Option<String>> = seen[1..5]
        .iter()
        .map(|s| field(&s.body, "offset"))
        .collect();
    let offsets: Vec<Option<&str>> = offsets.iter().map(Option::as_deref).collect();
    assert_eq!(offsets, [Some("0"), Some("4"), Some("4"), Some("8")]);
    assert_eq!(field(&seen[4].body, "filekey").as_deref(), Some("k1"));
    assert_eq!(field(&seen[5].body, "filekey").as_deref(), Some("k2"));
    std::fs::remove_file(&path).expect("cleanup");
}

#[test]
fn a_continue_answered_with_itself_ends_the_stream_with_an_error() {
    use futures_util::StreamExt;
    let looping = r#"{"continue":{"apcontinue":"B","continue":"-||"},"query":{"allpages":[]}}"#;
    let server = Server::start(vec![Answer::Json(200, "", looping)]);
    let client = client(&server.url);
    let batches: Vec<Result<mwtyped::Response<_>, Error>> =
        block_on(client.continued(&read_request()).collect());
    assert_eq!(batches.len(), 2, "{batches:?}");
    assert!(batches[0].is_ok());
    let error = batches[1].as_ref().expect_err("a loop");
    assert!(
        error.to_string().contains("same `continue` again"),
        "{error}"
    );
    assert_eq!(server.methods().len(), 2);
}

#[test]
fn the_page_and_item_streams_end_with_the_error_of_a_repeated_continue() {
    use futures_util::StreamExt;
    use mwtyped::v1_43::query::AllPages;
    let looping = r#"{"batchcomplete":true,"continue":{"gapcontinue":"B","continue":"gapcontinue||"},"query":{"pages":[{"pageid":1,"ns":0,"title":"A"}],"allpages":[{"pageid":1,"ns":0,"title":"A"}]}}"#;
    let server = Server::start(vec![Answer::Json(200, "", looping)]);
    let client = client(&server.url);
    let mut query = Query::new();
    query.select.generator(AllPages::new());
    let pages: Vec<Result<_, Error>> = block_on(client.pages(&query).collect());
    assert_eq!(
        pages.len(),
        2,
        "the page of the first batch, then the error: {pages:?}"
    );
    assert_eq!(
        pages[0].as_ref().expect("a page").title.as_deref(),
        Some("A")
    );
    let error = pages[1].as_ref().expect_err("a loop");
    assert!(
        error.to_string().contains("same `continue` again"),
        "{error}"
    );
    let items: Vec<Result<_, Error>> = block_on(client.items(&AllPages::new()).collect());
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(items[1].is_err());
    let sent = server.requests();
    assert!(
        sent.iter()
            .all(|s| s.body.contains("aplimit=max") || s.target.contains("aplimit=max")),
        "the generator's and the list's limit are max"
    );
}
