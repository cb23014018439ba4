//! Property-based fuzzing of the reader: arbitrary bytes, and real pages cut, spliced and
//! damaged at random. The property: `read` returns (a page or an error naming the input) and
//! never panics. Each run counts its inputs and prints the number (`--nocapture` shows it);
//! `MWTYPED_FUZZ_SCALE=N` runs N times as many, and `cargo xtask bench fuzz` records a long
//! run in BENCHMARKS.md.

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

/// How many times the usual number of inputs to run (`MWTYPED_FUZZ_SCALE`, default 1).
fn scale() -> u32 {
    std::env::var("MWTYPED_FUZZ_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
}

/// Runs `cases` (times the scale) inputs of `strategy` through `check`, and checks that they
/// all ran.
fn fuzz<S: Strategy>(what: &str, cases: u32, strategy: S, check: impl Fn(S::Value)) {
    let cases = cases * scale();
    let started = std::time::Instant::now();
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
    // `cargo xtask bench fuzz` reads this line.
    eprintln!(
        "fuzz {what}: {} inputs ran in {:.1} s, no panic",
        ran.get(),
        started.elapsed().as_secs_f64()
    );
    assert_eq!(ran.get(), cases, "fuzz {what}: not every input ran");
}

#[test]
fn arbitrary_bytes() {
    fuzz(
        "arbitrary bytes",
        3000,
        proptest::collection::vec(any::<u8>(), 0..2048),
        |bytes| read_one("fuzz.bin", &bytes),
    );
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
    fuzz(
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
    fuzz(
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
}
