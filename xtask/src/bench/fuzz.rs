//! `cargo xtask bench fuzz`: a long fuzz run of the help-page reader.

use anyhow::{Context, Result, bail};

use super::write_section;

/// The reader's fuzz tests with `scale` times their inputs (release build), and what ran.
pub(super) fn bench(scale: usize) -> Result<()> {
    let output = crate::cargo::command()
        .args([
            "test",
            "--release",
            "-p",
            "xtask",
            "scrape::tests::fuzz",
            "--",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env("MWTYPED_FUZZ_SCALE", scale.to_string())
        .output()
        .context("running the fuzz tests")?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        bail!("the fuzz tests failed:\n{stderr}");
    }
    let mut table = String::from("| inputs | ran | seconds | panics |\n|---|---:|---:|---:|\n");
    let mut total = 0u64;
    for line in stderr.lines().filter_map(|l| l.strip_prefix("fuzz ")) {
        // `damaged seed texts: 3000 inputs ran in 1.2 s, no panic`
        let (what, rest) = line.split_once(": ").context("a fuzz line without `:`")?;
        let words: Vec<&str> = rest.split_whitespace().collect();
        let (Some(ran), Some(seconds)) = (words.first(), words.get(4)) else {
            bail!("unexpected fuzz line {line:?}");
        };
        total += ran.parse::<u64>().context("the number of inputs")?;
        table.push_str(&format!("| {what} | {ran} | {seconds} | 0 |\n"));
    }
    if total == 0 {
        bail!("the fuzz tests printed no count:\n{stderr}");
    }
    let section = format!(
        "The help-page reader (`cargo xtask scrape`) fed generated inputs by proptest: arbitrary \
         bytes, the four seed texts cut, spliced and damaged, and a real HTML help page damaged \
         the same way. The property: a page or an error naming the input, never a panic. \
         Every `cargo xtask test` runs {base} inputs; this run, {scale} times as many \
         ({total} in all), release build.\n\n{table}\n\
         Reproduce: `cargo xtask bench fuzz --runs {scale}`\n",
        base = total / scale as u64,
    );
    print!("{section}");
    write_section("fuzz", &section)
}
