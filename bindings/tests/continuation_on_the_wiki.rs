//! Continuation on the real 1.39 and 1.43 test wikis: a stream resumed from a saved
//! `continue` object goes on where the first one stopped.

#![cfg(all(feature = "client", feature = "v1_39", feature = "v1_43"))]

mod common;

use common::{EDIT_BOT, api, unique};

macro_rules! on_version {
    ($name:ident, $version:ident, $var:literal) => {
        mod $name {
            use futures_util::StreamExt;
            use mwtyped::$version::query::AllPages;
            use mwtyped::$version::{Edit, Query};
            use mwtyped::{AuthStep, Client, Limit, Response};

            use super::*;

            fn titles<A>(batch: &Response<A>) -> Vec<String> {
                batch.body()["query"]["allpages"]
                    .as_array()
                    .expect("allpages")
                    .iter()
                    .map(|p| p["title"].as_str().expect("a title").to_owned())
                    .collect()
            }

            #[tokio::test]
            async fn a_stream_resumed_from_a_saved_continue_goes_on_where_it_stopped() {
                let client =
                    Client::new(api($var), "mwtyped-tests (continuation)").expect("client");
                let step = client.login(EDIT_BOT.0, EDIT_BOT.1).await.expect("login");
                assert!(matches!(step, AuthStep::Pass(_)), "{step:?}");
                let prefix = unique("Mwtyped continuation ");
                for n in 1..=3 {
                    client
                        .execute_with_token(|token| {
                            let mut edit = Edit::new(token);
                            edit.title = Some(format!("{prefix} {n}"));
                            edit.text = Some("a page to list".into());
                            edit
                        })
                        .await
                        .expect("created");
                }
                let mut pages = AllPages::new();
                pages.prefix = Some(prefix.clone());
                pages.limit = Some(Limit::Value(1));
                let mut query = Query::new();
                query.select.add(pages);

                let all: Vec<Response<_>> = client
                    .continued(&query)
                    .map(|batch| batch.expect("a batch"))
                    .collect()
                    .await;
                let listed: Vec<String> = all.iter().flat_map(titles).collect();
                assert_eq!(
                    listed,
                    (1..=3).map(|n| format!("{prefix} {n}")).collect::<Vec<_>>()
                );

                // A run that handled the first batch and stopped: its saved point.
                let saved = all[0]
                    .continuation()
                    .cloned()
                    .expect("more after the first");
                let rest: Vec<String> = client
                    .continued_from(&query, Some(saved))
                    .map(|batch| titles(&batch.expect("a batch")))
                    .collect::<Vec<_>>()
                    .await
                    .concat();
                assert_eq!(rest, listed[1..]);
            }
        }
    };
}

on_version!(v1_39, v1_39, "MWTYPED_TEST_API_1_39");
on_version!(v1_43, v1_43, "MWTYPED_TEST_API_1_43");
