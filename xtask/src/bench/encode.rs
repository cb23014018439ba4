//! `cargo xtask bench encode`: the criterion bench of encoding, into BENCHMARKS.md.

use anyhow::Result;

use super::{criterion_median_ns as median_ns, write_section};

/// Runs the criterion bench `bindings/benches/encode.rs` and records its medians.
pub(super) fn bench() -> Result<()> {
    crate::cargo::run(&["bench", "-p", "mwtyped", "--bench", "encode"], &[])?;
    let mut rows = String::new();
    for (request, what) in [
        (
            "edit",
            "`action=edit`: title, text, summary, two flags, a csrf token",
        ),
        (
            "query",
            "`action=query&prop=revisions`: three titles, four props, a limit, a timestamp",
        ),
    ] {
        let typed = median_ns(&format!("{request}_mwtyped"))?;
        let hand = median_ns(&format!("{request}_by hand"))?;
        rows.push_str(&format!(
            "| {what} | {typed:.0} ns | {hand:.0} ns | {:.2}× |\n",
            typed / hand
        ));
    }
    let section = format!(
        "Building the name/value pairs of a request, median of criterion's samples, both sides \
         in one run. \"By hand\" writes the same pairs as string literals (and joins the \
         multi-values), with no checks.\n\n\
         | request | mwtyped (struct built, encoded into a `Request`) | by hand (owned pairs) | ratio |\n|---|---:|---:|---:|\n\
         {rows}\nReproduce: `cargo xtask bench encode`\n"
    );
    print!("{section}");
    write_section("encode", &section)
}
