//! No generated name is one of the runtime's: a user who imports `mwtyped::*`,
//! `mwtyped::token::*` and a version's modules never meets two things of one name. Read from
//! the sources themselves, so a new runtime name or a new capture is checked as it comes.

use std::collections::BTreeSet;
use std::path::Path;

fn source(path: &str) -> String {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

/// The names `lib.rs` exports (its `pub use` lists and its own items) and the token kinds.
fn runtime_names() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let lib = source("src/lib.rs");
    let mut rest = lib.as_str();
    while let Some(at) = rest.find("pub use ") {
        rest = &rest[at + "pub use ".len()..];
        let end = rest.find(';').expect("a `pub use` ends");
        let list = &rest[..end];
        let list = list.rsplit("::").next().unwrap_or(list);
        for name in list.trim_matches(['{', '}']).split(',') {
            names.insert(name.trim().to_owned());
        }
    }
    names.extend(declared(&lib, &["pub struct ", "pub enum ", "pub trait "]));
    // `token_kinds! { CsrfToken => "csrf", … }`
    for line in source("src/token.rs").lines() {
        if let Some((kind, _)) = line.trim().split_once(" => \"") {
            names.insert(kind.to_owned());
        }
    }
    names.retain(|n| !n.is_empty() && n.starts_with(|c: char| c.is_ascii_uppercase()));
    names
}

fn declared(text: &str, keywords: &[&str]) -> Vec<String> {
    let mut names = vec![];
    for line in text.lines() {
        for keyword in keywords {
            if let Some(rest) = line.trim_start().strip_prefix(keyword) {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                names.push(name);
            }
        }
    }
    names
}

#[test]
fn no_generated_name_is_a_runtime_name() {
    let runtime = runtime_names();
    for expected in [
        "Client",
        "Request",
        "UploadFile",
        "GeneratorSubmodule",
        "CsrfToken",
        "LoginToken",
    ] {
        assert!(
            runtime.contains(expected),
            "{expected} read from the runtime: {runtime:?}"
        );
    }
    for capture in ["mediawiki-1.39", "mediawiki-1.43"] {
        let rendered = source(&format!("rendered/{capture}.rs"));
        let generated = declared(&rendered, &["pub struct ", "pub enum ", "pub type "]);
        assert!(
            generated.len() > 300,
            "{capture}: {} types",
            generated.len()
        );
        let clashes: Vec<&String> = generated.iter().filter(|n| runtime.contains(*n)).collect();
        assert!(
            clashes.is_empty(),
            "{capture}: {clashes:?} are runtime names too"
        );
    }
}
