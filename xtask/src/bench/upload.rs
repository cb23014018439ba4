//! `cargo xtask bench upload`: a 20 MiB chunked upload through the mwtyped client against
//! curl sending the same chunks, on the local 1.43 wiki: time and peak memory.

use anyhow::Result;

use super::{on_the_wiki, result_line, write_section};

pub(super) fn bench(runs: usize) -> Result<()> {
    let out = on_the_wiki("upload", runs, |env, _| {
        super::run_bindings_bench("upload", env)
    })?;
    let [ours, our_peak, theirs, curl_peak, requests, chunks, _] = result_line(&out, "upload")?;
    let mib = |kib: &str| -> Result<String> { Ok(format!("{:.1}", kib.parse::<f64>()? / 1024.0)) };
    let section = format!(
        "A 20 MiB PNG uploaded in 1 MiB chunks into the stash, then published, on the local \
         MediaWiki 1.43 wiki with every bundled extension, logged in with a bot password; median \
         of {runs} runs, both sides in one run. mwtyped's side is `upload_in_chunks` reading the \
         file from disk (peak: the process's resident memory during the upload, `VmHWM` reset \
         before it); curl's side is one process per chunk (with no `Expect: 100-continue` \
         wait), the file cut into chunk files beforehand (not timed), then the publishing \
         request (peak: the largest of its processes, read from `/proc` every millisecond). \
         mwtyped's requests include the csrf token's; curl's session and token come first, \
         not timed. The file is 20 MiB: a client holding it whole would peak above that.\n\n\
         | | HTTP requests | seconds | peak memory (MiB) |\n|---|---:|---:|---:|\n\
         | `Client::upload_in_chunks` (blocking client) | {requests} | {ours} | {} |\n\
         | the same chunks by `curl` | {} | {theirs} | {} |\n\n\
         Reproduce: `cargo xtask bench upload --runs {runs}`\n",
        mib(our_peak)?,
        chunks.parse::<u64>()? + 1,
        mib(curl_peak)?,
    );
    print!("{section}");
    write_section("upload", &section)
}
