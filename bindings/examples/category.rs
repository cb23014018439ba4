//! Prints every page of a category, into its subcategories to a given depth, with the byte
//! length of its wikitext, one per line (`Title<TAB>bytes`), through the typed page stream.
//!
//! ```sh
//! cargo run -p mwtyped --example category -- https://wiki.example.org/w/api.php "Category:Physics" --depth 1
//! ```
//!
//! Each category is one query, `generator=categorymembers` with `prop=revisions`: the page
//! stream merges the content MediaWiki spreads over batches, so each page comes once, with
//! its text. A page in two categories of the tree is printed once.

use std::collections::HashSet;
use std::process::ExitCode;

use futures_util::TryStreamExt;
use mwtyped::v1_43::Query;
use mwtyped::v1_43::query::{CategoryMembers, Revisions, RevisionsProp, RevisionsSlots};
use mwtyped::{Client, Error};

const USAGE: &str = "usage: category API_URL CATEGORY [--depth N]";
/// The category namespace.
const CATEGORY: i64 = 14;

fn parse(mut args: impl Iterator<Item = String>) -> Result<(String, String, usize), String> {
    let (Some(api), Some(category)) = (args.next(), args.next()) else {
        return Err(USAGE.into());
    };
    let depth = match (args.next().as_deref(), args.next()) {
        (None, _) => 0,
        (Some("--depth"), Some(n)) => n.parse().map_err(|_| format!("--depth {n}: {USAGE}"))?,
        _ => return Err(USAGE.into()),
    };
    match args.next() {
        None => Ok((api, category, depth)),
        Some(_) => Err(USAGE.into()),
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let result = match parse(std::env::args().skip(1)) {
        Ok((api, category, depth)) => run(&api, category, depth).await.map_err(|e| e.to_string()),
        Err(usage) => Err(usage),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("category: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(api: &str, category: String, depth: usize) -> Result<(), Error> {
    let client = Client::new(
        api,
        "mwtyped-example-category/0.1 (https://example.org/mwtyped)",
    )?;
    let (mut level, mut seen_categories, mut printed) =
        (vec![category], HashSet::new(), HashSet::new());
    for remaining in (0..=depth).rev() {
        let mut below = vec![];
        for category in level
            .into_iter()
            .filter(|c| seen_categories.insert(c.clone()))
        {
            let mut pages = client.pages(&members_with_text(category));
            while let Some(page) = pages.try_next().await? {
                let title = page.title.clone().unwrap_or_default();
                if page.ns == Some(CATEGORY) && remaining > 0 {
                    below.push(title.clone());
                }
                if printed.insert(title.clone()) {
                    println!("{title}\t{}", main_slot_text(page).len());
                }
            }
        }
        level = below;
    }
    Ok(())
}

/// `generator=categorymembers&prop=revisions&rvprop=content&rvslots=main`.
fn members_with_text(category: String) -> Query {
    let mut members = CategoryMembers::new();
    members.title = Some(category);
    let mut revisions = Revisions::new();
    revisions.prop = vec![RevisionsProp::Content];
    revisions.slots = vec![RevisionsSlots::Main];
    let mut query = Query::new();
    query.select.generator(members);
    query.select.add(revisions);
    query
}

fn main_slot_text(page: mwtyped::v1_43::answer::QueryPages) -> String {
    let revision = page.revisions.into_iter().next();
    let slot = revision.and_then(|mut r| r.slots.remove("main"));
    slot.and_then(|s| s.content).unwrap_or_default()
}
