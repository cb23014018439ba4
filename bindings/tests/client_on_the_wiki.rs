//! The client and the AuthManager flows against the real MediaWiki 1.39 and 1.43 test wikis
//! of `cargo xtask test` (every bundled extension loaded, so ConfirmEdit's captcha guards
//! account creation). The same tests run on each version, with that version's modules.

#![cfg(all(feature = "client", feature = "v1_39", feature = "v1_43"))]

mod common;

use common::{ADMIN, ADMIN_PASSWORD, api, solve_captcha, unique};

macro_rules! on_version {
    ($name:ident, $version:ident, $var:literal) => {
        mod $name {
            use futures_util::StreamExt;
            use mwtyped::token::CsrfToken;
            use mwtyped::$version as api;
            use mwtyped::$version::query::{AllPages, SiteInfo, UserInfo};
            use mwtyped::{ApiModule, AuthAction, AuthStart, AuthStep, Client};

            use super::*;

            fn client() -> Client {
                Client::new(api($var), "mwtyped-tests (client on the wiki)").expect("client")
            }

            async fn logged_in() -> Client {
                common::logged_in(client(), ADMIN, ADMIN_PASSWORD).await
            }

            #[tokio::test]
            async fn execute_answers_and_hands_over_warnings() {
                let client = client();
                let mut query = api::Query::new();
                query.select.add(SiteInfo::new());
                let answer = client.execute(&query).await.expect("siteinfo");
                let generator = answer.body()["query"]["general"]["generator"]
                    .as_str()
                    .expect("generator");
                let version = stringify!($version)
                    .trim_start_matches('v')
                    .replace('_', ".");
                assert!(
                    generator.starts_with(&format!("MediaWiki {version}")),
                    "{generator}"
                );
                assert!(answer.warnings.is_empty(), "{:?}", answer.warnings);

                let mut request = query.to_request().expect("encodes");
                request.text("mwtypednosuchparameter", "1");
                let answer = client.send("query", &request).await.expect("answer");
                assert!(
                    answer
                        .warnings
                        .iter()
                        .any(|w| w.code == "unrecognizedparams"
                            && w.text.contains("mwtypednosuchparameter")),
                    "{:?}",
                    answer.warnings
                );
            }

            #[tokio::test]
            async fn api_errors_are_typed() {
                // `+\\` alone is the valid token of anonymous users; this one is made up.
                let mut edit =
                    api::Edit::new(mwtyped::token::Token::<CsrfToken>::new("0123abcd+\\"));
                edit.title = Some("Mwtyped bad token".into());
                edit.text = Some("never saved".into());
                let error = client().execute(&edit).await.expect_err("a made-up token");
                assert_eq!(error.code(), Some("badtoken"), "{error}");
                assert!(
                    error
                        .to_string()
                        .starts_with("edit: the API answered `badtoken`"),
                    "{error}"
                );
            }

            #[tokio::test]
            async fn a_plain_login_passes_in_two_requests() {
                let client = client();
                let step = client.login(ADMIN, ADMIN_PASSWORD).await.expect("login");
                let AuthStep::Pass(pass) = step else {
                    panic!("{step:?}")
                };
                assert_eq!(pass.username.as_deref(), Some(ADMIN));
                assert_eq!(client.requests_sent(), 2);
                let mut query = api::Query::new();
                query.select.add(UserInfo::new());
                let me = client.execute(&query).await.expect("userinfo");
                assert_eq!(me.body()["query"]["userinfo"]["name"], ADMIN);
            }

            #[tokio::test]
            async fn a_wrong_password_fails() {
                let step = client()
                    .login(ADMIN, "not the password")
                    .await
                    .expect("answer");
                let AuthStep::Fail(fail) = step else {
                    panic!("{step:?}")
                };
                assert_eq!(fail.code, "wrongpassword", "{fail:?}");
                assert!(!fail.message.is_empty());
            }

            #[tokio::test]
            async fn a_wrong_form_is_refused_before_sending() {
                let client = client();
                let error = client
                    .auth_start(AuthStart::new(AuthAction::Login, "/relative"))
                    .await
                    .expect_err("relative return URL");
                assert!(error.to_string().contains("must be absolute"), "{error}");
                assert_eq!(client.requests_sent(), 0);

                let mut form = client
                    .auth_start(AuthStart::new(AuthAction::Login, "http://127.0.0.1/return"))
                    .await
                    .expect("form");
                let error = form.set("OATHToken", "123456").expect_err("not asked for");
                assert!(
                    error.to_string().contains("`OATHToken` was not asked for")
                        && error.to_string().contains("password"),
                    "{error}"
                );
                form.set("username", ADMIN).expect("username");
                let error = client.auth_submit(&form).await.expect_err("no password");
                assert_eq!(
                    error.to_string(),
                    "clientlogin: required field(s) not set: password"
                );
                assert_eq!(
                    client.requests_sent(),
                    1,
                    "nothing was sent for the bad form"
                );

                form.set("password", ADMIN_PASSWORD).expect("password");
                let shown = format!("{form:?}");
                assert!(!shown.contains(ADMIN_PASSWORD), "{shown}");
                assert!(matches!(
                    client.auth_submit(&form).await,
                    Ok(AuthStep::Pass(_))
                ));
            }

            #[tokio::test]
            async fn tokens_and_continuation() {
                let client = logged_in().await;
                let prefix = unique("Mwtyped continuation ");
                for i in 0..3 {
                    let title = format!("{prefix} {i}");
                    let answer = client
                        .execute_with_token(|token| {
                            let mut edit = api::Edit::new(token);
                            edit.title = Some(title.clone());
                            edit.text = Some("A page to list.".into());
                            edit
                        })
                        .await
                        .expect("edit");
                    assert_eq!(answer.body()["edit"]["result"], "Success", "{answer:?}");
                }
                assert_eq!(
                    client.requests_sent(),
                    2 + 1 + 3,
                    "one csrf token for three edits"
                );

                let mut pages = AllPages::new();
                pages.prefix = Some(prefix.clone());
                pages.limit = Some(mwtyped::Limit::Value(1));
                let mut query = api::Query::new();
                query.select.add(pages);
                let batches: Vec<_> = client.continued(&query).collect().await;
                let titles: Vec<String> = batches
                    .into_iter()
                    .flat_map(|b| {
                        let b = b.expect("batch");
                        b.body()["query"]["allpages"]
                            .as_array()
                            .expect("allpages")
                            .iter()
                            .map(|p| p["title"].as_str().expect("title").to_owned())
                            .collect::<Vec<_>>()
                    })
                    .collect();
                assert_eq!(titles, [0, 1, 2].map(|i| format!("{prefix} {i}")));
            }

            /// A creation form with the captcha answered by `answer`.
            async fn account_form(
                client: &Client,
                name: &str,
                password: &str,
                answer: impl FnOnce(&str) -> String,
            ) -> mwtyped::AuthForm {
                let start = AuthStart::new(AuthAction::CreateAccount, "http://127.0.0.1/return");
                common::account_form(client, start, name, password, answer).await
            }

            #[tokio::test]
            async fn create_account_with_the_captcha_then_an_existing_name_fails() {
                let client = client();
                let name = unique("Mwtyped create ");
                let password = "a long enough password for the test";
                for expect_pass in [true, false] {
                    let form = account_form(&client, &name, password, solve_captcha).await;
                    let step = client.auth_submit(&form).await.expect("answer");
                    match (expect_pass, step) {
                        (true, AuthStep::Pass(pass)) => {
                            assert_eq!(pass.username.as_deref(), Some(name.as_str()))
                        }
                        (false, AuthStep::Fail(fail)) => assert_eq!(fail.code, "userexists"),
                        (_, other) => panic!("{other:?}"),
                    }
                }
                // The new account logs in.
                let step = client
                    .new_session()
                    .expect("session")
                    .login(&name, password)
                    .await;
                assert!(matches!(step, Ok(AuthStep::Pass(_))), "{step:?}");
            }

            #[tokio::test]
            async fn a_wrong_captcha_answer_fails() {
                let client = client();
                let name = unique("Mwtyped captcha ");
                let password = "a long enough password for the test";
                let form = account_form(&client, &name, password, |_| "not a number".into()).await;
                let step = client.auth_submit(&form).await.expect("answer");
                assert!(matches!(step, AuthStep::Fail(_)), "{step:?}");
            }

            #[tokio::test]
            async fn sixteen_concurrent_logins_on_separate_sessions_pass() {
                let first = client();
                let logins = (0..16).map(|_| {
                    let client = first.new_session().expect("session");
                    tokio::spawn(async move { client.login(ADMIN, ADMIN_PASSWORD).await })
                });
                for login in futures_util::future::join_all(logins).await {
                    let step = login.expect("task").expect("login");
                    assert!(matches!(step, AuthStep::Pass(_)), "{step:?}");
                }
            }

            #[cfg(feature = "blocking")]
            #[test]
            fn the_blocking_client_logs_in() {
                let client = mwtyped::blocking::Client::new(api($var), "mwtyped-tests (blocking)")
                    .expect("client");
                let step = client.login(ADMIN, ADMIN_PASSWORD).expect("login");
                assert!(matches!(step, AuthStep::Pass(_)), "{step:?}");
                let csrf = client.token::<CsrfToken>().expect("token");
                assert!(csrf.expose().ends_with("+\\"));
                assert_eq!(format!("{csrf:?}"), "Token<csrf>(***)");
            }
        }
    };
}

on_version!(mediawiki_1_39, v1_39, "MWTYPED_TEST_API_1_39");
on_version!(mediawiki_1_43, v1_43, "MWTYPED_TEST_API_1_43");
