// The tasks every bot does, as README.md shows them (`tests/readme_snippets.rs` checks that it
// quotes them line for line). They name the version once, `mw`: the including module says
// `use mwtyped::v1_43 as mw;`, and `bot_tasks_on_the_wiki.rs` runs them with 1.39 and 1.43.

use futures_util::TryStreamExt;
use mwtyped::{Client, Error, QueryAnswer, Timestamp};

/// A page's wikitext (its main slot), or why it has none.
#[derive(Debug, PartialEq)]
pub enum Wikitext {
    /// With what an edit needs to detect a conflict: the revision read, and when.
    Text { text: String, revision: i64, timestamp: String, read_at: String },
    Missing,
    Invalid { reason: String },
}

pub async fn read_wikitext(client: &Client, title: &str) -> Result<Wikitext, Error> {
    use mw::query::{Revisions, RevisionsProp, RevisionsSlots};
    let mut revisions = Revisions::new();
    revisions.prop = vec![RevisionsProp::Content, RevisionsProp::Ids, RevisionsProp::Timestamp];
    revisions.slots = vec![RevisionsSlots::Main];
    let mut query = mw::Query::new();
    query.titles = vec![title.to_owned()];
    query.select.add(revisions);
    let response = client.execute_with_timestamp(&query).await?;
    let read_at = response.cur_timestamp().unwrap_or_default().to_owned();
    let Some(mut page) = response.answer()?.take_pages().pop() else {
        return Ok(Wikitext::Missing);
    };
    if page.invalid {
        return Ok(Wikitext::Invalid { reason: page.invalidreason.and_then(|r| r.text).unwrap_or_default() });
    }
    match page.revisions.pop() {
        None => Ok(Wikitext::Missing),
        Some(mut revision) => Ok(Wikitext::Text {
            text: revision.slots.remove("main").and_then(|s| s.content).unwrap_or_default(),
            revision: revision.rev_id.unwrap_or_default(),
            timestamp: revision.timestamp.unwrap_or_default(),
            read_at,
        }),
    }
}

/// Every member of a category, and of its subcategories down to `depth` (0: its own members).
pub async fn category_members(client: &Client, category: &str, depth: usize)
    -> Result<Vec<mw::answer::QueryCategoryMembers>, Error> {
    let (mut members, mut level, mut seen) = (vec![], vec![category.to_owned()], std::collections::HashSet::new());
    for remaining in (0..=depth).rev() {
        let mut below = vec![];
        for category in level.into_iter().filter(|c| seen.insert(c.clone())) {
            let mut list = mw::query::CategoryMembers::new();
            list.title = Some(category);
            let found: Vec<_> = client.items(&list).try_collect().await?;
            for member in found {
                if member.ns == Some(14) && remaining > 0 {
                    below.push(member.title.clone().unwrap_or_default());
                }
                members.push(member);
            }
        }
        level = below;
    }
    Ok(members)
}

/// A user's contributions, newest first.
pub async fn contributions(client: &Client, user: &str)
    -> Result<Vec<mw::answer::QueryUserContribs>, Error> {
    let mut list = mw::query::UserContribs::new();
    list.user = vec![user.to_owned()];
    client.items(&list).try_collect().await
}

/// Recent changes since a time, oldest first.
pub async fn recent_changes_since(client: &Client, since: &str)
    -> Result<Vec<mw::answer::QueryRecentChanges>, Error> {
    let mut list = mw::query::RecentChanges::new();
    list.dir = Some(mw::query::RecentChangesDir::Newer);
    list.start = Some(Timestamp::raw(since));
    client.items(&list).try_collect().await
}

/// Saves `text` over what `read` read. If anyone else saved the page since (in a later second:
/// MediaWiki compares timestamps to the second), this is `Error::EditConflict` (deleted since:
/// `pagedeleted`; a page read as missing and created since: `articleexists`); nothing is saved.
pub async fn edit_checked(client: &Client, title: &str, read: &Wikitext, text: &str, summary: &str)
    -> Result<mw::answer::EditResult, Error> {
    let saved = client.execute_with_token(|token| {
        let mut edit = mw::Edit::new(token);
        edit.title = Some(title.to_owned());
        edit.text = Some(text.to_owned());
        edit.summary = Some(summary.to_owned());
        match read {
            Wikitext::Text { revision, timestamp, read_at, .. } => {
                // The revision too: a save in the same second leaves the timestamp unchanged.
                edit.base_rev_id = Some(*revision);
                edit.base_timestamp = Some(Timestamp::raw(timestamp.as_str()));
                edit.start_timestamp = Some(Timestamp::raw(read_at.as_str()));
            }
            _ => edit.create_only = true,
        }
        edit
    }).await?.answer()?;
    Ok(saved.edit)
}

/// Every page of a category as its title and the byte length of its wikitext: the page
/// stream with a generator, the revisions' content merged into each page.
pub async fn titles_and_lengths(client: &Client, category: &str) -> Result<Vec<(String, usize)>, Error> {
    use mw::query::{CategoryMembers, Revisions, RevisionsProp, RevisionsSlots};
    let mut members = CategoryMembers::new();
    members.title = Some(category.to_owned());
    let mut revisions = Revisions::new();
    revisions.prop = vec![RevisionsProp::Content];
    revisions.slots = vec![RevisionsSlots::Main];
    let mut query = mw::Query::new();
    query.select.generator(members);
    query.select.add(revisions);
    client.pages(&query).map_ok(|page| {
        let text = page.revisions.into_iter().next().and_then(|mut r| r.slots.remove("main")).and_then(|s| s.content).unwrap_or_default();
        (page.title.unwrap_or_default(), text.len())
    }).try_collect().await
}
