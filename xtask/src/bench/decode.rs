//! `cargo xtask bench decode`: the criterion bench of decoding answers, into BENCHMARKS.md.

use anyhow::Result;

use super::{criterion_median_ns as median_ns, write_section};

/// Runs the criterion bench `bindings/benches/decode.rs` and records its medians.
pub(super) fn bench() -> Result<()> {
    crate::cargo::run(&["bench", "-p", "mwtyped", "--bench", "decode"], &[])?;
    let mut rows = String::new();
    for (name, what) in [
        (
            "revisions",
            "500 revisions with content (2,000 characters each), on 50 pages",
        ),
        (
            "list",
            "5,000 `list=recentchanges` items with every `rcprop`",
        ),
    ] {
        let value = median_ns(&format!("decode_{name}_value"))?;
        let typed = median_ns(&format!("decode_{name}_typed"))?;
        let client = median_ns(&format!("decode_{name}_client"))?;
        let via = median_ns(&format!("decode_{name}_typed_via_value"))?;
        let ms = |ns: f64| ns / 1e6;
        let cell = |ns: f64| format!("{:.2} ms ({:.2}×)", ms(ns), ns / value);
        rows.push_str(&format!(
            "| {what} | {:.2} ms | {} | {} | {} |\n",
            ms(value),
            cell(typed),
            cell(client),
            cell(via),
        ));
    }
    let section = format!(
        "Decoding large answers, median of criterion's samples, all sides in one run. The \
         answers are built from recorded ones (`bindings/benches/decode.rs`). \"Typed\" reads \
         the bytes into `v1_43::answer::Query` (every field kept, nothing unmodelled). \
         \"The client\" is all the client does with the bytes of an answer before the caller \
         has the typed answer: one pass for errors, warnings and `continue` (the module's data \
         left as text), then `Response::answer` from the text \
         (`mwtyped::__private::client_answer`). \"Via `Value`\" is what the client did before \
         it kept the text: the whole answer as a `Value`, then the typed answer from it.\n\n\
         | answer | `serde_json::Value` | typed | the client | typed via `Value` |\n\
         |---|---:|---:|---:|---:|\n{rows}\nReproduce: `cargo xtask bench decode`\n"
    );
    print!("{section}");
    write_section("decode", &section)
}
