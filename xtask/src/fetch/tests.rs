//! `fetch` against the real local wikis, and against a server that dies part way.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::thread;

use super::{Kind, fetch};
use crate::files::workspace_root;
use crate::served::OWN_WIKI_SPEC;
use crate::test::{reference_root, test_api};
use crate::wiki::MwVersion;

fn committed_raw(version: MwVersion) -> PathBuf {
    workspace_root().join(format!("specs/mediawiki-{version}/raw"))
}

/// Blanks what changes from one answer to the next: the clock and per-request ids.
fn without_volatile(name: &str, bytes: &[u8]) -> String {
    let mut text = String::from_utf8_lossy(bytes).into_owned();
    let keys: &[&str] = match name {
        "siteinfo.json" => &["\"time\":"],
        "help.html" => &["\"wgRequestId\":", "\"wgBackendResponseTime\":"],
        "provenance.json" => &["\"fetched\": "],
        _ => &[],
    };
    for key in keys {
        let mut from = 0;
        while let Some(at) = text[from..].find(key) {
            let start = from + at + key.len();
            let end = text[start..]
                .find([',', '}', '\n'])
                .map_or(text.len(), |e| start + e);
            text.replace_range(start..end, "…");
            from = start;
        }
    }
    text
}

/// What a fetch of the wiki of `version` must reproduce: the committed capture, or where the
/// wiki serves another release, that release adopted into the reference tree.
fn reference_raw(version: MwVersion) -> PathBuf {
    reference_root().join(format!("specs/mediawiki-{version}/raw"))
}

#[test]
fn fetch_reproduces_the_reference_captures() {
    for version in [MwVersion::V1_39, MwVersion::V1_43] {
        let api = test_api(version);
        let tmp = tempfile::tempdir().expect("temp dir");
        let capture = fetch(&api, tmp.path().join("raw"), Kind::Main).expect("fetch");
        assert_eq!(
            capture.requests, 3,
            "siteinfo, paraminfo and help: the minimum"
        );
        assert_reproduces(&capture, &reference_raw(version));
    }
}

/// The files of a main capture, in name order.
const MAIN_FILES: [&str; 4] = [
    "help.html",
    "paraminfo.json",
    "provenance.json",
    "siteinfo.json",
];

/// The fetched `capture` holds exactly the files of the capture folder `committed`, but for
/// what changes from one answer to the next.
pub fn assert_reproduces(capture: &super::Capture, committed: &Path) {
    let version = capture.provenance.mediawiki_version();
    let mut names: Vec<&str> = capture.files.iter().map(|(n, _)| n.as_str()).collect();
    names.sort();
    assert_eq!(names, MAIN_FILES);
    for (name, fresh) in &capture.files {
        let old = std::fs::read(committed.join(name)).expect("committed file");
        assert!(
            without_volatile(name, fresh) == without_volatile(name, &old),
            "{version}: {name} differs from {}",
            committed.display()
        );
    }
}

/// Serves the committed answers of a capture by the action asked for, but cuts the answer
/// to the `fail_at`th request (1-based) short: headers promise more than is sent, then the
/// connection closes, as when a server dies mid-answer.
fn dying_server(raw: &Path, fail_at: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = listener.local_addr().expect("address");
    let raw = raw.to_path_buf();
    thread::spawn(move || {
        for (n, stream) in listener.incoming().enumerate().take(fail_at) {
            let Ok(mut stream) = stream else { return };
            let mut line = String::new();
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            if reader.read_line(&mut line).is_err() {
                return;
            }
            // Drain the request headers.
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|len| len > 2) {
                header.clear();
            }
            let file = if line.contains("action=paraminfo") {
                "paraminfo.json"
            } else if line.contains("action=help") {
                "help.html"
            } else {
                "siteinfo.json"
            };
            let mut body = vec![];
            std::fs::File::open(raw.join(file))
                .and_then(|mut f| f.read_to_end(&mut body))
                .expect("committed file");
            let promised = body.len();
            if n + 1 == fail_at {
                body.truncate(promised / 3);
            }
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Length: {promised}\r\nConnection: close\r\n\r\n"
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    format!("http://{address}/api.php")
}

fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| {
            let path = e.expect("entry").path();
            let bytes = std::fs::read(&path).expect("file");
            (path, bytes)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_server_dying_mid_fetch_leaves_the_capture_untouched() {
    let committed = committed_raw(MwVersion::V1_39);
    for fail_at in 1..=3 {
        let specs = tempfile::tempdir().expect("temp dir");
        let raw = specs.path().join("mediawiki-1.39/raw");
        std::fs::create_dir_all(&raw).expect("mkdir");
        for (path, bytes) in snapshot(&committed) {
            std::fs::write(raw.join(path.file_name().expect("name")), bytes).expect("copy");
        }
        let before = snapshot(&raw);
        let api = dying_server(&committed, fail_at);
        let result = fetch(&api, raw.clone(), Kind::Main).and_then(|c| c.write());
        let error = format!("{:#}", result.expect_err("a cut-off answer must fail"));
        assert!(
            error.contains("127.0.0.1"),
            "the error names the server: {error}"
        );
        assert_eq!(
            snapshot(&raw),
            before,
            "request {fail_at} cut: the capture changed"
        );
        let leftovers = std::fs::read_dir(specs.path().join("mediawiki-1.39"))
            .expect("dir")
            .count();
        assert_eq!(leftovers, 1, "no temporary folder left behind");
    }
}

#[test]
fn a_complete_fetch_replaces_the_old_capture() {
    let api = test_api(MwVersion::V1_39);
    let specs = tempfile::tempdir().expect("temp dir");
    let raw = specs.path().join("wiki/raw");
    std::fs::create_dir_all(&raw).expect("mkdir");
    std::fs::write(raw.join("stale.txt"), "from an older capture").expect("write");
    fetch(&api, raw.clone(), Kind::Main)
        .and_then(|c| c.write())
        .expect("fetch");
    let names: Vec<String> = snapshot(&raw)
        .iter()
        .filter_map(|(p, _)| p.file_name()?.to_str().map(str::to_owned))
        .collect();
    assert_eq!(names, MAIN_FILES);
}

/// The example crate's spec file is what `fetch --spec-file` writes from the local 1.43 wiki
/// today (its `fetched` time aside), so the example shows the path a user takes, not a file
/// edited by hand. (The reference tree's copy: where the wiki serves another release than
/// the committed one, the file as adopted.)
#[test]
fn the_own_wiki_example_spec_is_what_fetch_writes_today() {
    let committed_path = reference_root().join(OWN_WIKI_SPEC);
    let committed = std::fs::read_to_string(&committed_path).expect("the example's spec file");
    let mut committed = mwtyped_spec::Spec::parse("examples/own-wiki/wiki/spec.json", &committed)
        .expect("the example's spec file parses");
    let mut fetched =
        super::spec_of(&test_api(MwVersion::V1_43), "own-wiki", Kind::Spec).expect("fetch");
    fetched.capture.fetched.clear();
    committed.capture.fetched.clear();
    assert!(
        fetched.to_json() == committed.to_json(),
        "examples/own-wiki/wiki/spec.json is stale: run `cargo xtask fetch --api {} --name own-wiki --spec-file examples/own-wiki/wiki/spec.json`",
        test_api(MwVersion::V1_43)
    );
}
