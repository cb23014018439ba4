//! A bot's session on the real 1.39 and 1.43 test wikis: bot passwords (made by MediaWiki's
//! `createBotPassword.php`) through `Client::login`, the assertion that follows a login, and
//! a session the server ends mid-run (its rows deleted, as an expiry would): the client logs
//! in again when it holds the credentials, else fails typed, and no edit is ever made
//! logged out, as the pages' histories show.

#![cfg(all(feature = "client", feature = "v1_39", feature = "v1_43"))]

mod common;

use common::{
    ADMIN, ADMIN_PASSWORD, BOT_OWNER, EDIT_BOT, READ_BOT, api, end_every_session, unique,
};

/// Held by every test here: ending the server's sessions ends those of the other tests too.
static SERVER_SESSIONS: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

macro_rules! on_version {
    ($name:ident, $version:ident, $var:literal, $dir_var:literal) => {
        mod $name {
            use mwtyped::token::CsrfToken;
            use mwtyped::$version::query::{
                RecentChanges, RecentChangesProp, Revisions, RevisionsDir, RevisionsProp,
            };
            use mwtyped::$version::{Edit, Query};
            use mwtyped::{Assert, AuthAction, AuthStart, AuthStep, Client, Error};

            use super::*;

            fn client() -> Client {
                Client::new(api($var), "mwtyped-tests (bot sessions on the wiki)").expect("client")
            }

            async fn edit(client: &Client, title: &str, text: &str) -> Result<(), Error> {
                client
                    .execute_with_token(|token| {
                        let mut edit = Edit::new(token);
                        edit.title = Some(title.to_owned());
                        edit.text = Some(text.to_owned());
                        edit
                    })
                    .await
                    .map(drop)
            }

            /// Who made each change of `title` in recent changes, read anonymously: the
            /// page's history must say the same.
            async fn changed_by(title: &str) -> Vec<String> {
                let mut changes = RecentChanges::new();
                changes.title = Some(title.to_owned());
                changes.prop = vec![RecentChangesProp::User];
                changes.dir = Some(mwtyped::$version::query::RecentChangesDir::Newer);
                let mut query = Query::new();
                query.select.add(changes);
                let answer = client().execute(&query).await.expect("recentchanges");
                answer.body()["query"]["recentchanges"]
                    .as_array()
                    .expect("recent changes")
                    .iter()
                    .map(|c| c["user"].as_str().expect("a user").to_owned())
                    .collect()
            }

            /// Who made each revision of `title`, oldest first, read anonymously.
            async fn authors(title: &str) -> Vec<String> {
                let mut revisions = Revisions::new();
                revisions.prop = vec![RevisionsProp::User];
                revisions.limit = Some(mwtyped::Limit::Max);
                revisions.dir = Some(RevisionsDir::Newer);
                let mut query = Query::new();
                query.titles = vec![title.to_owned()];
                query.select.add(revisions);
                let answer = client().execute(&query).await.expect("revisions");
                answer.body()["query"]["pages"][0]["revisions"]
                    .as_array()
                    .expect("the page has revisions")
                    .iter()
                    .map(|r| r["user"].as_str().expect("a user").to_owned())
                    .collect()
            }

            #[tokio::test]
            async fn a_bot_password_logs_in_through_action_login() {
                let _held = SERVER_SESSIONS.lock().await;
                let bot = client();
                let step = bot.login(EDIT_BOT.0, EDIT_BOT.1).await.expect("login");
                let AuthStep::Pass(pass) = step else {
                    panic!("a bot password passes: {step:?}")
                };
                assert_eq!(pass.username.as_deref(), Some(BOT_OWNER));
                assert_eq!(bot.logged_in_user().as_deref(), Some(BOT_OWNER));
                // A login token, then the login: nothing more.
                assert_eq!(bot.requests_sent(), 2);
                let title = unique("Mwtyped bot password ");
                edit(&bot, &title, "saved by a bot password")
                    .await
                    .expect("edit");
                assert_eq!(authors(&title).await, [BOT_OWNER]);

                let wrong = client()
                    .login(EDIT_BOT.0, "0123456789abcdef0123456789abcdef")
                    .await
                    .expect("an answer");
                let AuthStep::Fail(fail) = wrong else {
                    panic!("a wrong bot password fails: {wrong:?}")
                };
                assert_eq!(fail.code, "wrongpassword", "{fail:?}");
                assert!(!fail.message.is_empty());
            }

            #[tokio::test]
            async fn a_bot_password_without_edit_grants_is_denied_with_the_wiki_s_messages() {
                let _held = SERVER_SESSIONS.lock().await;
                let client = client();
                let step = client.login(READ_BOT.0, READ_BOT.1).await.expect("login");
                assert!(matches!(step, AuthStep::Pass(_)), "{step:?}");
                let title = unique("Mwtyped read-only bot ");
                let error = edit(&client, &title, "never saved")
                    .await
                    .expect_err("no grant");
                let Error::Denied { code, messages, .. } = &error else {
                    panic!("a typed refusal: {error:?}")
                };
                assert_eq!(code, "permissiondenied", "{error}");
                let codes: Vec<&str> = messages.iter().map(|m| m.code.as_str()).collect();
                assert!(codes.contains(&"cantcreate"), "{codes:?}");
                assert!(messages.iter().all(|m| !m.text.is_empty()), "{messages:?}");
            }

            #[tokio::test]
            async fn a_lost_session_is_logged_in_again_and_no_edit_is_anonymous() {
                let _held = SERVER_SESSIONS.lock().await;
                let client = client();
                client.login(EDIT_BOT.0, EDIT_BOT.1).await.expect("login");
                let title = unique("Mwtyped lost session ");
                edit(&client, &title, "before").await.expect("first edit");
                assert!(
                    end_every_session($dir_var) > 0,
                    "the bot's session was a row"
                );
                edit(&client, &title, "after")
                    .await
                    .expect("logged in again, then saved");
                assert_eq!(client.logged_in_user().as_deref(), Some(BOT_OWNER));
                assert_eq!(authors(&title).await, [BOT_OWNER, BOT_OWNER]);
                assert_eq!(changed_by(&title).await, [BOT_OWNER, BOT_OWNER]);
            }

            #[tokio::test]
            async fn a_lost_session_without_credentials_is_a_typed_error_and_nothing_is_saved() {
                let _held = SERVER_SESSIONS.lock().await;
                // Logged in through the AuthManager flow: the client holds no password.
                let client = client();
                let mut form = client
                    .auth_start(AuthStart::new(AuthAction::Login, api($var)))
                    .await
                    .expect("form");
                form.set("username", ADMIN)
                    .and_then(|f| f.set("password", ADMIN_PASSWORD))
                    .expect("fields");
                let step = client.auth_submit(&form).await.expect("login");
                assert!(matches!(step, AuthStep::Pass(_)), "{step:?}");
                let title = unique("Mwtyped lost session, no password ");
                edit(&client, &title, "before").await.expect("first edit");
                assert!(end_every_session($dir_var) > 0);
                let error = edit(&client, &title, "never saved")
                    .await
                    .expect_err("lost");
                let Error::SessionLost { user, .. } = &error else {
                    panic!("a typed loss: {error:?}")
                };
                assert_eq!(user, ADMIN);
                assert!(!error.to_string().contains(ADMIN_PASSWORD));
                assert_eq!(authors(&title).await, [ADMIN], "no anonymous revision");
                assert_eq!(changed_by(&title).await, [ADMIN], "no anonymous change");
            }

            #[tokio::test]
            async fn a_saved_session_is_resumed_in_one_request_and_logged_in_again_when_lost() {
                let _held = SERVER_SESSIONS.lock().await;
                let path = std::env::temp_dir().join(unique("mwtyped-session-"));
                let first = client();
                let step = first
                    .resume_or_login(&path, EDIT_BOT.0, EDIT_BOT.1)
                    .await
                    .expect("login");
                assert!(matches!(step, AuthStep::Pass(_)), "{step:?}");
                assert_eq!(first.requests_sent(), 2, "no file yet: a login");
                let text = std::fs::read_to_string(&path).expect("saved");
                assert!(!text.contains(EDIT_BOT.1), "no password in the file");
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    let mode = std::fs::metadata(&path).expect("file").permissions().mode();
                    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
                }

                // Another run: the saved session, checked in one request.
                let second = client();
                second
                    .resume_or_login(&path, EDIT_BOT.0, EDIT_BOT.1)
                    .await
                    .expect("resumed");
                assert_eq!(second.requests_sent(), 1);
                assert_eq!(second.logged_in_user().as_deref(), Some(BOT_OWNER));
                let title = unique("Mwtyped resumed session ");
                edit(&second, &title, "saved by a resumed session")
                    .await
                    .expect("edit");

                // The server forgot it: the check logs in again, and saves the new session.
                assert!(end_every_session($dir_var) > 0);
                let third = client();
                third
                    .resume_or_login(&path, EDIT_BOT.0, EDIT_BOT.1)
                    .await
                    .expect("logged in again");
                assert!(third.requests_sent() > 1, "a login happened");
                edit(&third, &title, "saved after the loss")
                    .await
                    .expect("edit");
                assert_eq!(authors(&title).await, [BOT_OWNER, BOT_OWNER]);

                // Another wiki's file, or no session file at all, is refused by name.
                let other =
                    Client::new("http://127.0.0.1:9/api.php", "mwtyped-tests").expect("client");
                let error = other.load_session(&path).expect_err("another wiki's");
                assert!(matches!(error, Error::SessionFile { .. }), "{error:?}");
                std::fs::write(&path, "not json").expect("write");
                let error = client().load_session(&path).expect_err("garbage");
                assert!(
                    error.to_string().contains(&path.display().to_string()),
                    "{error}"
                );
                std::fs::remove_file(&path).expect("cleanup");
            }

            #[tokio::test]
            async fn an_assertion_asked_for_never_blocks_the_login_and_logout_forgets() {
                let _held = SERVER_SESSIONS.lock().await;
                let client = Client::builder(api($var), "mwtyped-tests (bot sessions on the wiki)")
                    .assert(Assert::User)
                    .build()
                    .expect("client");
                let step = client.login(ADMIN, ADMIN_PASSWORD).await.expect("login");
                assert!(matches!(step, AuthStep::Pass(_)), "{step:?}");
                let token = client.token::<CsrfToken>().await.expect("csrf");
                assert_ne!(token.expose(), "+\\");
                client.logout().await.expect("logout");
                assert_eq!(client.logged_in_user(), None);
                // The assertion asked for holds: the logged-out session is refused.
                let error = client.token::<CsrfToken>().await.expect_err("asserted");
                assert_eq!(error.code(), Some("assertuserfailed"), "{error}");
            }
        }
    };
}

on_version!(
    v1_39,
    v1_39,
    "MWTYPED_TEST_API_1_39",
    "MWTYPED_TEST_WIKI_DIR_1_39"
);
on_version!(
    v1_43,
    v1_43,
    "MWTYPED_TEST_API_1_43",
    "MWTYPED_TEST_WIKI_DIR_1_43"
);
