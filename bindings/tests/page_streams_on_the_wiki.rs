//! The typed page and item streams on the real 1.39 and 1.43 wikis: a page whose props
//! MediaWiki spreads over batches comes once, merged (categories one per batch; the content
//! of more pages than one batch holds), a list's items come typed with `limit=max` unless
//! set, and a stream resumed from a saved point misses nothing; the blocking client's
//! iterators do the same.

#![cfg(all(feature = "client", feature = "v1_39", feature = "v1_43"))]

mod common;

use common::{ADMIN, ADMIN_PASSWORD, api, logged_in, unique};

macro_rules! on_version {
    ($name:ident, $version:ident, $var:literal) => {
        mod $name {
            use futures_util::{StreamExt, TryStreamExt};
            use mwtyped::$version::query::{
                AllPages, Categories, CategoryMembers, QueryPage, QueryPagePage, Revisions,
                RevisionsProp, RevisionsSlots, WatchlistRaw,
            };
            use mwtyped::$version::{Edit, Query};
            use mwtyped::{Client, Limit};

            use super::*;

            async fn admin() -> Client {
                let client =
                    Client::new(api($var), "mwtyped-tests (page streams)").expect("client");
                logged_in(client, ADMIN, ADMIN_PASSWORD).await
            }

            async fn save(client: &Client, title: &str, text: &str) {
                client
                    .execute_with_token(|token| {
                        let mut edit = Edit::new(token);
                        edit.title = Some(title.into());
                        edit.text = Some(text.into());
                        edit
                    })
                    .await
                    .unwrap_or_else(|e| panic!("saving {title}: {e}"));
            }

            /// How many batches `query` takes, by the raw batch stream.
            async fn batches(client: &Client, query: &Query) -> usize {
                client
                    .continued(query)
                    .map(|batch| batch.expect("a batch"))
                    .count()
                    .await
            }

            #[tokio::test]
            async fn props_spread_over_batches_merge_into_one_page() {
                let client = admin().await;
                let base = unique("Stream merge ");
                let titles: Vec<String> = (1..=3).map(|i| format!("{base} {i}")).collect();
                for title in &titles {
                    save(
                        &client,
                        title,
                        "[[Category:Stream X]] [[Category:Stream Y]]",
                    )
                    .await;
                }
                let mut categories = Categories::new();
                // One category per batch: each page's two come in two batches.
                categories.limit = Some(Limit::Value(1));
                let mut query = Query::new();
                query.titles = titles.clone();
                query.select.add(categories);
                assert!(batches(&client, &query).await >= 2, "the props are spread");
                let pages: Vec<_> = client.pages(&query).try_collect().await.expect("pages");
                let mut seen: Vec<(String, Vec<String>)> = pages
                    .into_iter()
                    .map(|page| {
                        let categories = page.categories;
                        let names = categories.into_iter().map(|c| c.title).collect();
                        (page.title.unwrap_or_default(), names)
                    })
                    .collect();
                seen.sort();
                let both = vec![
                    "Category:Stream X".to_owned(),
                    "Category:Stream Y".to_owned(),
                ];
                let expected: Vec<(String, Vec<String>)> =
                    titles.iter().map(|t| (t.clone(), both.clone())).collect();
                assert_eq!(seen, expected, "each page once, with both categories");
            }

            #[tokio::test]
            async fn a_generator_of_more_pages_than_a_batch_of_content_holds() {
                let client = admin().await;
                let category = unique("Category:Stream content ");
                // MediaWiki sends the content of at most 50 pages a batch.
                for i in 0..55 {
                    save(
                        &client,
                        &format!("{category} page {i}"),
                        &format!("[[{category}]] {i}"),
                    )
                    .await;
                }
                let mut members = CategoryMembers::new();
                members.title = Some(category.clone());
                let mut revisions = Revisions::new();
                revisions.prop = vec![RevisionsProp::Content];
                revisions.slots = vec![RevisionsSlots::Main];
                let mut query = Query::new();
                query.select.generator(members);
                query.select.add(revisions);
                let mut listed = 0;
                for _ in 0..50 {
                    let pages: Vec<_> = client.pages(&query).try_collect().await.expect("pages");
                    listed = pages.len();
                    if listed < 55 {
                        // The links update of the last edits may still be running.
                        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                        continue;
                    }
                    let mut texts: Vec<String> = pages
                        .into_iter()
                        .map(|page| {
                            let revision = page.revisions.into_iter().next();
                            let slot = revision.and_then(|mut r| r.slots.remove("main"));
                            slot.and_then(|s| s.content)
                                .expect("every page has its content")
                        })
                        .collect();
                    texts.sort();
                    let mut expected: Vec<String> =
                        (0..55).map(|i| format!("[[{category}]] {i}")).collect();
                    expected.sort();
                    assert_eq!(texts, expected);
                    assert!(batches(&client, &query).await >= 2, "the content is spread");
                    return;
                }
                panic!("{category} listed {listed} of 55 pages");
            }

            #[tokio::test]
            async fn list_items_come_typed_at_max_limit_and_resume_without_a_gap() {
                let client = admin().await;
                let prefix = unique("Stream items ");
                for i in 0..12 {
                    save(&client, &format!("{prefix}{i:02}"), "An item.").await;
                }
                let mut list = AllPages::new();
                list.prefix = Some(prefix.clone());
                // No limit set: `aplimit=max`, one batch, so no point to resume from.
                let mut stream = client.items(&list);
                let mut all = vec![];
                while let Some(item) = stream.try_next().await.expect("an item") {
                    assert_eq!(stream.resume_point(), None, "one batch holds all 12");
                    all.push(item.title);
                }
                let expected: Vec<String> = (0..12).map(|i| format!("{prefix}{i:02}")).collect();
                assert_eq!(all, expected);

                // Five a batch: stop after seven items, as a crashed bot would, and resume.
                list.limit = Some(Limit::Value(5));
                let mut stream = client.items(&list);
                let mut handled = vec![];
                let mut saved = None;
                for _ in 0..7 {
                    let item = stream
                        .try_next()
                        .await
                        .expect("an item")
                        .expect("seven items");
                    handled.push(item.title);
                    saved = stream.resume_point().cloned();
                }
                drop(stream);
                let saved = saved.expect("a point inside the second batch");
                let rest: Vec<String> = client
                    .items_from(&list, Some(saved))
                    .map_ok(|item| item.title)
                    .try_collect()
                    .await
                    .expect("the rest");
                // The second batch (items 5 to 9) comes again, whole; nothing is missed.
                assert_eq!(rest, expected[5..].to_vec());
                handled.extend(rest);
                let mut unique_titles = handled.clone();
                unique_titles.sort();
                unique_titles.dedup();
                assert_eq!(unique_titles, expected);
            }

            /// Lists whose items are not at `query.NAME`: a special page's rows (under
            /// `query.querypage.results`) and the raw watchlist (beside `query`).
            #[tokio::test]
            async fn items_come_from_where_each_list_puts_them() {
                let client = admin().await;
                // The oldest pages: the seeded ones lead, whatever other tests create.
                let oldest = |limit| {
                    let client = &client;
                    async move {
                        let mut rows = QueryPage::new(QueryPagePage::Ancientpages);
                        rows.limit = limit;
                        client
                            .items(&rows)
                            .take(5)
                            .map_ok(|row| (row.title, row.timestamp))
                            .try_collect::<Vec<_>>()
                            .await
                    }
                };
                let in_one_batch = oldest(None).await.expect("rows");
                assert_eq!(in_one_batch.len(), 5, "{in_one_batch:?}");
                let two_a_batch = oldest(Some(Limit::Value(2))).await.expect("rows");
                assert_eq!(two_a_batch, in_one_batch);

                let watched: Vec<String> = client
                    .items(&WatchlistRaw::new())
                    .map_ok(|item| item.title)
                    .try_collect()
                    .await
                    .expect("the watchlist");
                assert!(watched.iter().any(|t| t == "Mwtyped seed"), "{watched:?}");
            }

            /// The same streams through the blocking client: iterators, resumable too.
            #[cfg(feature = "blocking")]
            #[test]
            fn the_blocking_client_streams_pages_and_items() {
                let client = mwtyped::blocking::Client::new(api($var), "mwtyped-tests (blocking)")
                    .expect("client");
                client.login(ADMIN, ADMIN_PASSWORD).expect("login");
                let prefix = unique("Stream blocking ");
                let expected: Vec<String> = (0..6).map(|i| format!("{prefix}{i:02}")).collect();
                for (i, title) in expected.iter().enumerate() {
                    client
                        .execute_with_token(|token| {
                            let mut edit = Edit::new(token);
                            edit.title = Some(title.clone());
                            edit.text = Some(format!("Text {i}."));
                            edit
                        })
                        .expect("saved");
                }
                let mut list = AllPages::new();
                list.prefix = Some(prefix.clone());
                list.limit = Some(Limit::Value(4));
                let mut items = client.items(&list);
                let first: Vec<String> = items
                    .by_ref()
                    .take(5)
                    .map(|item| item.expect("an item").title)
                    .collect();
                assert_eq!(first, expected[..5].to_vec());
                let saved = items
                    .resume_point()
                    .cloned()
                    .expect("inside the second batch");
                let rest: Vec<String> = client
                    .items_from(&list, Some(saved))
                    .map(|item| item.expect("an item").title)
                    .collect();
                assert_eq!(
                    rest,
                    expected[4..].to_vec(),
                    "the second batch again, whole"
                );

                let mut pages = AllPages::new();
                pages.prefix = Some(prefix.clone());
                let mut revisions = Revisions::new();
                revisions.prop = vec![RevisionsProp::Content];
                revisions.slots = vec![RevisionsSlots::Main];
                let mut query = Query::new();
                query.select.generator(pages);
                query.select.add(revisions);
                let mut texts: Vec<String> = client
                    .pages(&query)
                    .map(|page| {
                        let page = page.expect("a page");
                        let revision = page.revisions.into_iter().next();
                        let slot = revision.and_then(|mut r| r.slots.remove("main"));
                        slot.and_then(|s| s.content).expect("its content")
                    })
                    .collect();
                texts.sort();
                let wanted: Vec<String> = (0..6).map(|i| format!("Text {i}.")).collect();
                assert_eq!(texts, wanted);
            }
        }
    };
}

on_version!(on_1_39, v1_39, "MWTYPED_TEST_API_1_39");
on_version!(on_1_43, v1_43, "MWTYPED_TEST_API_1_43");

/// Linter's list (1.43 only): the seeded page's obsolete tag comes as a typed item.
#[cfg(feature = "ext-linter")]
#[tokio::test]
async fn lint_errors_of_1_43_come_typed() {
    use futures_util::TryStreamExt;
    use mwtyped::v1_43::query::{LintErrors, LintErrorsCategories};

    let client = mwtyped::Client::new(api("MWTYPED_TEST_API_1_43"), "mwtyped-tests (lint errors)")
        .expect("client");
    let mut obsolete = LintErrors::new();
    obsolete.categories = vec![LintErrorsCategories::ObsoleteTag];
    let errors: Vec<_> = client
        .items(&obsolete)
        .try_collect()
        .await
        .expect("lint errors");
    let seeded = errors
        .iter()
        .find(|e| e.title.as_deref() == Some("Mwtyped lint"))
        .unwrap_or_else(|| panic!("the seeded page's lint error is not listed: {errors:?}"));
    assert_eq!(seeded.category.as_deref(), Some("obsolete-tag"));
    assert_eq!(seeded.params.as_ref().expect("params")["name"], "center");
    assert_eq!(seeded.location.len(), 2, "{seeded:?}");
}
