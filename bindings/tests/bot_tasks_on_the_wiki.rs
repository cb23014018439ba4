//! The README's bot tasks (`tests/bot_tasks/tasks.rs`), the same code with 1.39 and 1.43, on
//! the real test wikis: wikitext read (a page, a missing one, an invalid title), a category
//! tree walked to each depth, a user's contributions, recent changes since a time, an edit
//! that detects a conflict, and the page stream merging a generator's pages.

#![cfg(all(feature = "client", feature = "v1_39", feature = "v1_43"))]

mod common;

use common::{ADMIN, ADMIN_PASSWORD, EDIT_BOT, api, logged_in, unique};

macro_rules! on_version {
    ($name:ident, $version:ident, $var:literal) => {
        #[allow(dead_code)]
        mod $name {
            use mwtyped::$version as mw;

            include!("bot_tasks/tasks.rs");

            use super::*;

            async fn admin() -> Client {
                as_user(ADMIN, ADMIN_PASSWORD).await
            }

            async fn as_user(user: &str, password: &str) -> Client {
                let client = Client::new(api($var), "mwtyped-tests (bot tasks)").expect("client");
                logged_in(client, user, password).await
            }

            async fn save(client: &Client, title: &str, text: &str) -> i64 {
                let saved = edit_checked(client, title, &Wikitext::Missing, text, "setup")
                    .await
                    .unwrap_or_else(|e| panic!("creating {title}: {e}"));
                saved.new_rev_id.expect("a new revision")
            }

            /// Category pages are listed once the wiki's links update ran (after the edit's
            /// answer): the members, asked again until they are all there.
            async fn members_when_listed(
                client: &Client,
                category: &str,
                depth: usize,
                expected: usize,
            ) -> Vec<String> {
                for _ in 0..50 {
                    let members = category_members(client, category, depth)
                        .await
                        .expect("category members");
                    if members.len() >= expected {
                        let mut titles: Vec<String> =
                            members.into_iter().filter_map(|m| m.title).collect();
                        titles.sort();
                        return titles;
                    }
                    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                }
                panic!("{category} never listed {expected} members");
            }

            #[tokio::test]
            async fn wikitext_is_read_with_missing_and_invalid_titles_as_cases() {
                let client = admin().await;
                let title = unique("Bot task read ");
                let revision = save(&client, &title, "Some ''wikitext'' é.").await;
                let Wikitext::Text {
                    text,
                    revision: read,
                    timestamp,
                    read_at,
                } = read_wikitext(&client, &title).await.expect("read")
                else {
                    panic!("{title} has text");
                };
                assert_eq!(text, "Some ''wikitext'' é.");
                assert_eq!(read, revision);
                assert!(timestamp <= read_at, "{timestamp} read at {read_at}");
                assert_eq!(
                    read_wikitext(&client, &unique("Bot task never saved "))
                        .await
                        .expect("read"),
                    Wikitext::Missing
                );
                match read_wikitext(&client, "Bad <title>").await.expect("read") {
                    Wikitext::Invalid { reason } => assert!(!reason.is_empty()),
                    other => panic!("an invalid title read as {other:?}"),
                }
            }

            #[tokio::test]
            async fn a_category_tree_is_walked_to_each_depth() {
                let client = admin().await;
                let top = unique("Category:Bot task tree ");
                let (sub, subsub) = (format!("{top} sub"), format!("{top} subsub"));
                save(&client, &top, "The top.").await;
                save(&client, &sub, &format!("[[{top}]]")).await;
                save(&client, &subsub, &format!("[[{sub}]]")).await;
                for (page, category) in [("A", &top), ("B", &top), ("C", &sub), ("D", &subsub)] {
                    save(
                        &client,
                        &format!("{top} page {page}"),
                        &format!("[[{category}]]"),
                    )
                    .await;
                }
                let depth0 = members_when_listed(&client, &top, 0, 3).await;
                assert_eq!(
                    depth0,
                    [
                        format!("{top} page A"),
                        format!("{top} page B"),
                        sub.clone()
                    ]
                );
                let depth1 = members_when_listed(&client, &top, 1, 5).await;
                assert_eq!(depth1.len(), 5, "{depth1:?}");
                assert!(depth1.contains(&format!("{top} page C")) && depth1.contains(&subsub));
                let depth2 = members_when_listed(&client, &top, 2, 6).await;
                assert!(depth2.contains(&format!("{top} page D")), "{depth2:?}");
                assert_eq!(depth2.len(), 6, "{depth2:?}");
                // Through the page stream: each page once, its wikitext merged in.
                let mut lengths = titles_and_lengths(&client, &top).await.expect("pages");
                lengths.sort();
                assert_eq!(
                    lengths,
                    [
                        (format!("{top} page A"), top.len() + 4),
                        (format!("{top} page B"), top.len() + 4),
                        (sub.clone(), top.len() + 4),
                    ]
                );
            }

            #[tokio::test]
            async fn contributions_and_recent_changes_are_typed_items() {
                let client = admin().await;
                let since = read_now(&client).await;
                let title = unique("Bot task contributions ");
                let first = save(&client, &title, "One.").await;
                let read = read_wikitext(&client, &title).await.expect("read");
                let second = edit_checked(&client, &title, &read, "Two.", "second")
                    .await
                    .expect("second edit")
                    .new_rev_id
                    .expect("a revision");
                let mine = contributions(&client, ADMIN).await.expect("contributions");
                let ours: Vec<i64> = mine
                    .iter()
                    .filter(|c| c.title.as_deref() == Some(title.as_str()))
                    .filter_map(|c| c.rev_id)
                    .collect();
                assert_eq!(ours, [second, first], "newest first");
                assert!(mine.iter().all(|c| c.user == ADMIN));
                let changes = recent_changes_since(&client, &since)
                    .await
                    .expect("changes");
                let ours: Vec<i64> = changes
                    .iter()
                    .filter(|c| c.title.as_deref() == Some(title.as_str()))
                    .filter_map(|c| c.rev_id)
                    .collect();
                assert_eq!(ours, [first, second], "oldest first");
                assert!(
                    changes
                        .iter()
                        .all(|c| c.timestamp.as_deref() >= Some(since.as_str()))
                );
            }

            #[tokio::test]
            async fn an_edit_over_a_stale_read_is_a_conflict() {
                let client = admin().await;
                let title = unique("Bot task conflict ");
                save(&client, &title, "Base.").await;
                let stale = read_wikitext(&client, &title).await.expect("read");
                // Another user saves meanwhile (MediaWiki lets a user overwrite their own
                // edits: only another's is a conflict), in a later second than the read
                // revision: MediaWiki compares timestamps to the second, and misses a save in the
                // same second (tried with curl on both versions, whatever `baserevid` says).
                tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
                let other = as_user(EDIT_BOT.0, EDIT_BOT.1).await;
                let fresh = read_wikitext(&other, &title).await.expect("read");
                edit_checked(&other, &title, &fresh, "Theirs.", "another bot")
                    .await
                    .expect("the first save");
                match edit_checked(&client, &title, &stale, "Mine.", "stale").await {
                    Err(mwtyped::Error::EditConflict { .. }) => {}
                    other => panic!("a save over a stale read gave {other:?}"),
                }
                let Wikitext::Text { text, .. } =
                    read_wikitext(&client, &title).await.expect("read")
                else {
                    panic!("{title} has text");
                };
                assert_eq!(text, "Theirs.", "nothing saved over the conflict");
                // A page read as missing, created by someone else since: refused too.
                let created = unique("Bot task created since ");
                let missing = read_wikitext(&client, &created).await.expect("read");
                save(&client, &created, "First.").await;
                let refused = edit_checked(&client, &created, &missing, "Second.", "late").await;
                assert_eq!(
                    refused
                        .err()
                        .and_then(|e| e.code().map(str::to_owned))
                        .as_deref(),
                    Some("articleexists")
                );
            }

            /// The wiki's clock, read through a typed answer.
            async fn read_now(client: &Client) -> String {
                let query = mw::Query::new();
                let response = client.execute_with_timestamp(&query).await.expect("query");
                response.cur_timestamp().expect("curtimestamp").to_owned()
            }
        }
    };
}

on_version!(on_1_39, v1_39, "MWTYPED_TEST_API_1_39");
on_version!(on_1_43, v1_43, "MWTYPED_TEST_API_1_43");
