//! Writes the wiki refuses, as typed errors, on the real 1.39 and 1.43 test wikis: a captcha
//! (ConfirmEdit asks one of a user without `skipcaptcha` who adds a link), solved and sent
//! again; an AbuseFilter filter's refusal; an edit conflict (another user saved since the
//! base revision).

#![cfg(all(
    feature = "client",
    feature = "v1_39",
    feature = "v1_43",
    feature = "ext-confirmedit"
))]

mod common;

use common::{ADMIN, ADMIN_PASSWORD, EDIT_BOT, api, solve_captcha, unique};

macro_rules! on_version {
    ($name:ident, $version:ident, $var:literal) => {
        mod $name {
            use mwtyped::token::{CsrfToken, Token};
            use mwtyped::$version::query::{Revisions, RevisionsProp};
            use mwtyped::$version::{Edit, Query};
            use mwtyped::{AuthStep, Client, Error, Timestamp};

            use super::*;

            async fn logged_in(name: &str, password: &str) -> Client {
                let client =
                    Client::new(api($var), "mwtyped-tests (write failures)").expect("client");
                let step = client.login(name, password).await.expect("login");
                assert!(matches!(step, AuthStep::Pass(_)), "{step:?}");
                client
            }

            fn edit(token: Token<CsrfToken>, title: &str, text: &str) -> Edit {
                let mut edit = Edit::new(token);
                edit.title = Some(title.to_owned());
                edit.text = Some(text.to_owned());
                edit
            }

            #[tokio::test]
            async fn a_captcha_is_a_typed_failure_and_its_answer_saves() {
                let bot = logged_in(EDIT_BOT.0, EDIT_BOT.1).await;
                let title = unique("Mwtyped captcha ");
                let text = "see https://example.org/mwtyped";
                let error = bot
                    .execute_with_token(|token| edit(token, &title, text))
                    .await
                    .expect_err("a captcha first");
                let Error::Failed {
                    captcha: Some(captcha),
                    answer,
                    ..
                } = &error
                else {
                    panic!("a captcha: {error:?}")
                };
                assert_eq!(answer["result"], "Failure");
                assert_eq!(captcha.kind, "simple");
                assert!(!captcha.id.is_empty());
                let question = captcha.question.clone().expect("a question");
                assert!(error.to_string().contains(&question), "{error}");

                let (id, word) = (captcha.id.clone(), solve_captcha(&question));
                let answer = bot
                    .execute_with_token(|token| {
                        let mut edit = edit(token, &title, text);
                        edit.captcha_id = Some(id.clone());
                        edit.captcha_word = Some(word.clone());
                        edit
                    })
                    .await
                    .expect("solved");
                assert_eq!(answer.body()["edit"]["result"], "Success");
            }

            #[tokio::test]
            async fn an_abuse_filter_s_refusal_names_the_filter() {
                // The test wikis' filter (`xtask/fixtures/abusefilter/`) disallows this text.
                let bot = logged_in(EDIT_BOT.0, EDIT_BOT.1).await;
                let title = unique("Mwtyped abuse filter ");
                let error = bot
                    .execute_with_token(|token| edit(token, &title, "mwtyped-forbidden"))
                    .await
                    .expect_err("disallowed");
                let Error::AbuseFilter {
                    code, filter, text, ..
                } = &error
                else {
                    panic!("typed: {error:?}")
                };
                assert_eq!(code, "abusefilter-disallowed");
                assert_eq!(filter.description, "mwtyped test filter");
                assert_eq!(filter.actions, ["disallow"]);
                assert!(filter.id.parse::<u32>().is_ok(), "{filter:?}");
                assert!(text.contains("mwtyped test filter"), "{text}");
            }

            #[tokio::test]
            async fn an_edit_over_another_user_s_change_is_a_typed_conflict() {
                let bot = logged_in(EDIT_BOT.0, EDIT_BOT.1).await;
                let admin = logged_in(ADMIN, ADMIN_PASSWORD).await;
                let title = unique("Mwtyped conflict ");
                bot.execute_with_token(|token| edit(token, &title, "first line"))
                    .await
                    .expect("created");
                // The bot reads the page: its base revision and when it began.
                let started = Timestamp::from_system_time(std::time::SystemTime::now());
                let mut revisions = Revisions::new();
                revisions.prop = vec![RevisionsProp::Timestamp];
                let mut query = Query::new();
                query.titles = vec![title.clone()];
                query.select.add(revisions);
                let read = bot.execute(&query).await.expect("read");
                let base = read.body()["query"]["pages"][0]["revisions"][0]["timestamp"]
                    .as_str()
                    .expect("a timestamp")
                    .to_owned();
                // Someone else saves meanwhile, a second later: MediaWiki's timestamps count
                // seconds, and a base as new as the last revision is no conflict.
                tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
                admin
                    .execute_with_token(|token| edit(token, &title, "another user's line"))
                    .await
                    .expect("admin's edit");
                let error = bot
                    .execute_with_token(|token| {
                        let mut edit = edit(token, &title, "the bot's line");
                        edit.base_timestamp = Some(base.clone().into());
                        edit.start_timestamp = Some(started.as_str().to_owned().into());
                        edit
                    })
                    .await
                    .expect_err("a conflict");
                assert!(matches!(error, Error::EditConflict { .. }), "{error:?}");
                assert_eq!(error.code(), Some("editconflict"));
            }
        }
    };
}

on_version!(v1_39, v1_39, "MWTYPED_TEST_API_1_39");
on_version!(v1_43, v1_43, "MWTYPED_TEST_API_1_43");
