//! Typed requests on a wiki configured like the big ones (`xtask/fixtures/configuration/`:
//! an `extendedconfirmed` group, a `mediainfo` slot, change tags, a `Portal` namespace, more
//! skins), on both versions: the values its configuration decides are sent through the
//! enums' `Other` (or `All` for `*`), and MediaWiki answers without a warning.

#![cfg(all(feature = "client", feature = "v1_39", feature = "v1_43"))]

mod common;

use common::{ADMIN, ADMIN_PASSWORD, api, unique};

/// The `key` of every item of the list `list` in a query's answer.
fn strings<'a, A>(answer: &'a mwtyped::Response<A>, list: &str, key: &str) -> Vec<&'a str> {
    answer.body()["query"][list]
        .as_array()
        .unwrap_or_else(|| panic!("no list {list}: {}", answer.body()))
        .iter()
        .filter_map(|item| item[key].as_str())
        .collect()
}

macro_rules! on_version {
    ($name:ident, $version:ident, $var:literal) => {
        mod $name {
            use mwtyped::$version as api;
            use mwtyped::$version::query::{
                AllPages, AllUsers, AllUsersGroup, RecentChanges, Revisions, RevisionsProp,
                RevisionsSlots,
            };
            use mwtyped::{Client, Limit, Namespace, Response};

            use super::*;

            async fn admin() -> Client {
                let client =
                    Client::new(api($var), "mwtyped-tests (configured wiki)").expect("client");
                common::logged_in(client, ADMIN, ADMIN_PASSWORD).await
            }

            fn quiet<A>(answer: &Response<A>) {
                assert!(answer.warnings.is_empty(), "{:?}", answer.warnings);
            }

            #[test]
            fn captured_values_are_variants_and_others_are_other() {
                assert_eq!(RevisionsSlots::from("main"), RevisionsSlots::Main);
                assert_eq!(
                    RevisionsSlots::from("mediainfo"),
                    RevisionsSlots::Other("mediainfo".into())
                );
                assert_eq!(
                    RevisionsSlots::Other("mediainfo".into()).as_str(),
                    "mediainfo"
                );
            }

            #[tokio::test]
            async fn a_group_of_the_wiki_lists_its_members() {
                let client = admin().await;
                let answer = client
                    .execute_with_token(|token| {
                        let mut rights = api::UserRights::new(token);
                        rights.user = Some(ADMIN.into());
                        rights.add = vec![api::UserRightsAdd::Other("extendedconfirmed".into())];
                        rights
                    })
                    .await
                    .expect("userrights");
                quiet(&answer);
                let mut users = AllUsers::new();
                users.group = vec![AllUsersGroup::Other("extendedconfirmed".into())];
                let mut query = api::Query::new();
                query.select.add(users);
                let answer = client.execute(&query).await.expect("allusers");
                quiet(&answer);
                let names = strings(&answer, "allusers", "name");
                assert!(names.contains(&ADMIN), "{names:?}");
            }

            #[tokio::test]
            async fn every_slot_and_a_named_slot_of_the_wiki() {
                let client = admin().await;
                for slots in [
                    vec![RevisionsSlots::All],
                    vec![RevisionsSlots::Main, RevisionsSlots::from("mediainfo")],
                ] {
                    let mut generator = AllPages::new();
                    generator.limit = Some(Limit::Value(2));
                    let mut revisions = Revisions::new();
                    revisions.limit = None;
                    revisions.prop = vec![RevisionsProp::Content];
                    revisions.slots = slots;
                    let mut query = api::Query::new();
                    query.select.generator(generator).add(revisions);
                    let answer = client.execute(&query).await.expect("revisions");
                    quiet(&answer);
                    let pages = answer.body()["query"]["pages"].as_array().expect("pages");
                    assert!(
                        pages
                            .iter()
                            .all(|p| p["revisions"][0]["slots"]["main"].is_object()),
                        "{}",
                        answer.body()
                    );
                }
            }

            /// The page the configured wiki is seeded with: a revision of two slots, as
            /// on Commons (`xtask/fixtures/configuration/two-slots.php`).
            #[tokio::test]
            async fn a_revision_of_two_slots_comes_whole_with_every_slot() {
                let client = admin().await;
                for (slots, expected) in [
                    (vec![RevisionsSlots::All], &["main", "mediainfo"][..]),
                    (vec![RevisionsSlots::from("mediainfo")], &["mediainfo"][..]),
                ] {
                    let mut revisions = Revisions::new();
                    revisions.limit = None;
                    revisions.prop = vec![RevisionsProp::Content];
                    revisions.slots = slots;
                    let mut query = api::Query::new();
                    query.titles = vec!["Mwtyped two slots".into()];
                    query.select.add(revisions);
                    let answer = client.execute(&query).await.expect("revisions");
                    quiet(&answer);
                    let slots = answer.body()["query"]["pages"][0]["revisions"][0]["slots"]
                        .as_object()
                        .unwrap_or_else(|| panic!("slots: {}", answer.body()));
                    let names: Vec<&str> = slots.keys().map(String::as_str).collect();
                    assert_eq!(names, expected, "{}", answer.body());
                }
            }

            #[tokio::test]
            async fn an_edit_with_a_tag_of_the_wiki_in_a_namespace_of_the_wiki() {
                let client = admin().await;
                let title = format!("Portal:{}", unique("Tagged"));
                let answer = client
                    .execute_with_token(|token| {
                        let mut edit = api::Edit::new(token);
                        edit.title = Some(title.clone());
                        edit.text = Some("A page of the Portal namespace.".into());
                        edit.tags = vec!["mwtyped-bot".into()];
                        edit
                    })
                    .await
                    .expect("edit");
                quiet(&answer);
                assert_eq!(
                    answer.body()["edit"]["result"],
                    "Success",
                    "{}",
                    answer.body()
                );

                let mut changes = RecentChanges::new();
                changes.namespace = vec![Namespace(100)];
                changes.tag = Some("mwtyped-bot".into());
                changes.prop = vec![api::query::RecentChangesProp::Title];
                let mut query = api::Query::new();
                query.select.add(changes);
                let answer = client.execute(&query).await.expect("recentchanges");
                quiet(&answer);
                let titles = strings(&answer, "recentchanges", "title");
                assert!(titles.contains(&title.as_str()), "{titles:?}");
            }
        }
    };
}

on_version!(on_1_39, v1_39, "MWTYPED_TEST_CONFIGURED_API_1_39");
on_version!(on_1_43, v1_43, "MWTYPED_TEST_CONFIGURED_API_1_43");
