//! OAuth 2 bearer tokens and custom headers on the real 1.39 and 1.43 test wikis. Extension:OAuth
//! is not in Debian: the wikis load a test-only session provider (`xtask/fixtures/bearer/`)
//! that accepts the tokens it issued, through MediaWiki's own session machinery, and refuses
//! others as Extension:OAuth does (`mwoauth-invalid-authorization`).

#![cfg(all(feature = "client", feature = "v1_39", feature = "v1_43"))]

mod common;

use common::{BOT_OWNER, api, issue_bearer_token, revoke_bearer_token, unique};

macro_rules! on_version {
    ($name:ident, $version:ident, $var:literal, $suffix:literal) => {
        mod $name {
            use mwtyped::token::CsrfToken;
            use mwtyped::$version::query::UserInfo;
            use mwtyped::$version::{Edit, Query};
            use mwtyped::{Client, Error};

            use super::*;

            fn with_token(token: &str) -> Client {
                Client::builder(api($var), "mwtyped-tests (bearer tokens on the wiki)")
                    .bearer_token(token)
                    .build()
                    .expect("client")
            }

            async fn user_name(client: &Client) -> Result<String, Error> {
                let mut query = Query::new();
                query.select.add(UserInfo::new());
                let answer = client.execute(&query).await?;
                Ok(answer.body()["query"]["userinfo"]["name"]
                    .as_str()
                    .expect("a name")
                    .to_owned())
            }

            #[tokio::test]
            async fn a_bearer_token_is_its_user_s_session_for_reads_and_writes() {
                let token = issue_bearer_token($suffix, BOT_OWNER);
                let client = with_token(&token);
                assert_eq!(user_name(&client).await.expect("userinfo"), BOT_OWNER);
                let title = unique("Mwtyped bearer ");
                let answer = client
                    .execute_with_token(|csrf| {
                        let mut edit = Edit::new(csrf);
                        edit.title = Some(title.clone());
                        edit.text = Some("saved with a bearer token".into());
                        edit
                    })
                    .await
                    .expect("edit");
                assert_eq!(answer.body()["edit"]["result"], "Success");
                let csrf = client.token::<CsrfToken>().await.expect("csrf");
                assert_ne!(csrf.expose(), "+\\", "a logged-in token");
                // The token never shows.
                for shown in [format!("{client:?}"), format!("{answer:?}")] {
                    assert!(!shown.contains(&token), "{shown}");
                }
            }

            #[tokio::test]
            async fn a_wrong_or_revoked_token_is_a_typed_refusal_never_anonymous() {
                let wrong = with_token("0123456789abcdef0123456789abcdef");
                let error = user_name(&wrong).await.expect_err("a wrong token");
                let Error::Unauthorized { code, .. } = &error else {
                    panic!("typed: {error:?}")
                };
                assert_eq!(code, "mwoauth-invalid-authorization");

                let token = issue_bearer_token($suffix, BOT_OWNER);
                let client = with_token(&token);
                assert_eq!(user_name(&client).await.expect("valid"), BOT_OWNER);
                revoke_bearer_token($suffix, &token);
                let error = client
                    .token::<CsrfToken>()
                    .await
                    .expect_err("a revoked token");
                assert!(matches!(error, Error::Unauthorized { .. }), "{error:?}");
                assert!(!format!("{error} {error:?}").contains(&token));
            }

            #[tokio::test]
            async fn custom_headers_go_with_every_request() {
                // MediaWiki honours this header: a write module refuses to run.
                let client =
                    Client::builder(api($var), "mwtyped-tests (bearer tokens on the wiki)")
                        .bearer_token(issue_bearer_token($suffix, BOT_OWNER))
                        .header("Promise-Non-Write-API-Action", "1")
                        .build()
                        .expect("client");
                let error = client
                    .execute_with_token(|csrf| {
                        let mut edit = Edit::new(csrf);
                        edit.title = Some(unique("Mwtyped promised "));
                        edit.text = Some("never saved".into());
                        edit
                    })
                    .await
                    .expect_err("promised no write");
                assert_eq!(error.code(), Some("promised-nonwrite-api"), "{error}");
                let refused = Client::builder(api($var), "mwtyped-tests")
                    .header("Not a header", "x")
                    .build()
                    .expect_err("a bad name");
                assert!(refused.to_string().contains("Not a header"), "{refused}");
            }
        }
    };
}

on_version!(v1_39, v1_39, "MWTYPED_TEST_API_1_39", "1_39");
on_version!(v1_43, v1_43, "MWTYPED_TEST_API_1_43", "1_43");
