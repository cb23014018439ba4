//! Reading the wikitext of every page of a category through the typed page stream
//! (`generator=categorymembers&prop=revisions&rvprop=content`, pages merged across batches),
//! anonymous, as `cargo xtask bench pages` runs it beside pywikibot and mwclient on the 1.43
//! test wiki it seeded. Prints `pages <median ms> <pages> <bytes> <runs>`.

use std::time::{Duration, Instant};

use futures_util::TryStreamExt;
use mwtyped::Client;
use mwtyped::v1_43::Query;
use mwtyped::v1_43::query::{CategoryMembers, Revisions, RevisionsProp, RevisionsSlots};

/// The pages and the bytes of wikitext of one read of the category.
async fn read(api: &str, category: &str) -> (usize, usize) {
    let client = Client::new(api, "mwtyped-bench (pages)").expect("client");
    let mut members = CategoryMembers::new();
    members.title = Some(category.to_owned());
    let mut revisions = Revisions::new();
    revisions.prop = vec![RevisionsProp::Content];
    revisions.slots = vec![RevisionsSlots::Main];
    let mut query = Query::new();
    query.select.generator(members);
    query.select.add(revisions);
    client
        .pages(&query)
        .try_fold((0, 0), |(pages, bytes), page| {
            let revision = page.revisions.into_iter().next();
            let slot = revision.and_then(|mut r| r.slots.remove("main"));
            let text = slot.and_then(|s| s.content).unwrap_or_default();
            std::future::ready(Ok((pages + 1, bytes + text.len())))
        })
        .await
        .expect("the pages")
}

fn main() {
    let (Ok(api), Ok(category)) = (
        std::env::var("MWTYPED_BENCH_API"),
        std::env::var("MWTYPED_BENCH_CATEGORY"),
    ) else {
        // `cargo bench` runs every bench; this one needs the seeded wiki.
        eprintln!("pages: MWTYPED_BENCH_API is not set; run `cargo xtask bench pages`");
        return;
    };
    let runs: usize = std::env::var("MWTYPED_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let mut samples: Vec<Duration> = vec![];
    let mut last = (0, 0);
    for _ in 0..runs {
        let start = Instant::now();
        last = runtime.block_on(read(&api, &category));
        samples.push(start.elapsed());
    }
    samples.sort();
    let median = samples[samples.len() / 2].as_secs_f64() * 1000.0;
    println!("pages {median:.0} {} {} {runs}", last.0, last.1);
}
