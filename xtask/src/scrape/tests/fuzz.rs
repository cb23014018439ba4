//! Property-based fuzzing of the reader: arbitrary bytes, and real pages cut, spliced and
//! damaged at random. The property: `read` returns (a page or an error naming the input) and
//! never panics. Each run counts its inputs and prints the number (`--nocapture` shows it).

use std::cell::Cell;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use super::fixture;
use crate::scrape;

fn damage(base: &[u8], cut: usize, at: usize, insert: &[u8], delete: usize) -> Vec<u8> {
    let mut v = base[..cut.min(base.len())].to_vec();
    let at = at.min(v.len());
    let end = (at + delete).min(v.len());
    v.splice(at..end, insert.iter().copied());
    v
}

fn read_one(name: &str, bytes: &[u8]) {
    match scrape::read(name, bytes, &[]) {
        Ok(page) => assert!(!page.modules.is_empty()),
        Err(e) => assert!(e.to_string().starts_with(name)),
    }
}

/// Runs `cases` inputs of `strategy` through `check`; returns how many ran.
fn fuzz<S: Strategy>(what: &str, cases: u32, strategy: S, check: impl Fn(S::Value)) -> u32 {
    let config = Config {
        cases,
        // No regression files written into the source tree.
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let ran = Cell::new(0u32);
    let result = runner.run(&strategy, |value| {
        ran.set(ran.get() + 1);
        check(value);
        Ok(())
    });
    if let Err(e) = result {
        panic!("fuzz {what}: {e}");
    }
    eprintln!("fuzz {what}: {} inputs ran, no panic", ran.get());
    ran.get()
}

#[test]
fn arbitrary_bytes() {
    let ran = fuzz(
        "arbitrary bytes",
        3000,
        proptest::collection::vec(any::<u8>(), 0..2048),
        |bytes| read_one("fuzz.bin", &bytes),
    );
    assert_eq!(ran, 3000);
}

#[test]
fn damaged_seeds() {
    let names = [
        "seeds/000_31c79a1da39889f8.txt",
        "seeds/001_7fd24c0682980ec8.txt",
        "seeds/002_ebf9ca88c1d7d9b5.txt",
        "seeds/003_5b0256d8a4bcf2f4.txt",
    ];
    let seeds: Vec<Vec<u8>> = names.iter().map(|n| fixture(n).1).collect();
    let strategy = (
        0usize..4,
        0usize..4000,
        0usize..4000,
        "(\\PC|\n| \\(|\\)|=|•|- |[0-9०-९]){0,40}",
        0usize..64,
    );
    let ran = fuzz(
        "damaged seed texts",
        3000,
        strategy,
        |(s, cut, at, insert, delete)| {
            read_one(
                "fuzz.txt",
                &damage(&seeds[s], cut, at, insert.as_bytes(), delete),
            );
        },
    );
    assert_eq!(ran, 3000);
}

#[test]
fn damaged_html() {
    let (_, base) = fixture("clientlogin-1.39-en.html");
    let strategy = (
        0usize..12000,
        0usize..12000,
        "(<dd class=\"info\">|<dt>|</dl>|<h2 class=\"apihelp-header apihelp-module-name\">|\\PC|[0-9]){0,12}",
        0usize..256,
    );
    let ran = fuzz(
        "damaged HTML pages",
        500,
        strategy,
        |(cut, at, insert, delete)| {
            // Mostly keep the end, so that most cases pass the truncation check and reach the
            // reader; one in four is cut short.
            let mut bytes = damage(&base, base.len(), at, insert.as_bytes(), delete);
            if cut % 4 == 0 {
                bytes.truncate(cut);
            }
            read_one("fuzz.html", &bytes);
        },
    );
    assert_eq!(ran, 500);
}
