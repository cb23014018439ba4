//! Every AuthManager status on the real MediaWiki 1.39 and 1.43 test wikis: UI through
//! password policy (a suggested change skipped; a forced change with a mismatched retype,
//! then a valid password) and through two-factor TOTP; REDIRECT and RESTART through the test
//! identity provider; a login and an account creation with preserved state that confirm the
//! link; linkaccount and unlinkaccount; changing and removing authentication data. The
//! accounts and the provider are what `cargo xtask wiki` sets up (see
//! `xtask/fixtures/auth/README.md`).

#![cfg(all(feature = "client", feature = "v1_39", feature = "v1_43"))]

mod common;

use common::{ADMIN, ADMIN_PASSWORD, account_form, api, solve_captcha, unique};
use hmac::{Hmac, Mac};

/// In group `bot`: its policy suggests a change on login.
const SOFT_RESET_USER: (&str, &str) = ("MwtypedBot", "mwtyped-bot-password");
/// Enrolled in TOTP with `TOTP_SECRET`.
const TOTP_USER: (&str, &str) = ("MwtypedTotp", "mwtyped-totp-password");
const TOTP_SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const RETURN_URL: &str = "http://127.0.0.1/mwtyped-return";

/// RFC 6238: HMAC-SHA1 over the 30-second window, six digits.
fn totp(secret_base32: &str, window_offset: i64) -> String {
    let mut bits = 0u64;
    let mut count = 0;
    let mut key = vec![];
    for c in secret_base32.bytes() {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'2'..=b'7' => c - b'2' + 26,
            _ => continue,
        };
        bits = (bits << 5) | u64::from(value);
        count += 5;
        if count >= 8 {
            key.push((bits >> (count - 8)) as u8);
            count -= 8;
        }
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64;
    let counter = (now / 30 + window_offset) as u64;
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(&key).expect("any key length");
    mac.update(&counter.to_be_bytes());
    let hash = mac.finalize().into_bytes();
    let offset = (hash[19] & 0x0f) as usize;
    let code = u32::from_be_bytes([
        hash[offset],
        hash[offset + 1],
        hash[offset + 2],
        hash[offset + 3],
    ]) & 0x7fff_ffff;
    format!("{:06}", code % 1_000_000)
}

macro_rules! on_version {
    ($name:ident, $version:ident, $var:literal) => {
        mod $name {
            use mwtyped::$version as api;
            use mwtyped::{
                AuthAction, AuthForm, AuthPurpose, AuthStart, AuthStep, Client, Redirect,
            };

            use super::*;

            fn client() -> Client {
                Client::new(api($var), "mwtyped-tests (auth flows)").expect("client")
            }

            async fn logged_in((user, password): (&str, &str)) -> Client {
                common::logged_in(client(), user, password).await
            }

            /// ConfirmLink's UI after a RESTART: a value that is no option is refused before
            /// sending; the remote account is confirmed and the form submitted.
            async fn confirm_the_link(client: &Client, step: AuthStep, remote: &str) -> AuthStep {
                let AuthStep::Ui(mut form) = step else {
                    panic!("ConfirmLink should ask which identity to link: {step:?}")
                };
                let link = form
                    .field("confirmedLinkIDs")
                    .and_then(|f| f.options.clone())
                    .expect("a multiselect of links to confirm")
                    .into_keys()
                    .find(|id| id.ends_with(remote))
                    .expect("the remote account is offered");
                assert!(form.set_many("confirmedLinkIDs", ["nothing-such"]).is_err());
                form.set_many("confirmedLinkIDs", [link]).expect("field");
                client.auth_submit(&form).await.expect("answer")
            }

            /// The id of the request for the link to `remote` that the wiki offers for
            /// `purpose` (unlink, remove).
            async fn link_id(client: &Client, purpose: AuthPurpose, remote: &str) -> String {
                let info = client.auth_info(purpose).await.expect("authmanagerinfo");
                info.requests
                    .into_iter()
                    .find(|r| r.id.ends_with(remote))
                    .unwrap_or_else(|| panic!("the link to {remote} is offered for {purpose:?}"))
                    .id
            }

            /// In a fresh session, the remote identity now logs in as `user`.
            async fn the_remote_logs_in_as(client: &Client, remote: &str, user: &str) {
                let fresh = client.new_session().expect("session");
                let step = through_the_provider(&fresh, AuthAction::Login, remote).await;
                let AuthStep::Pass(pass) = step else {
                    panic!("{step:?}")
                };
                assert_eq!(pass.username.as_deref(), Some(user));
            }

            /// Creates `user` as Admin (no captcha for sysops); answers Admin's session.
            async fn created_by_admin(user: &str, password: &str) -> Client {
                let admin = logged_in((ADMIN, ADMIN_PASSWORD)).await;
                let mut form = admin
                    .auth_start(AuthStart::new(AuthAction::CreateAccount, RETURN_URL))
                    .await
                    .expect("form");
                form.set("username", user)
                    .and_then(|f| f.set("password", password))
                    .and_then(|f| f.set("retype", password))
                    .expect("fields");
                let step = admin.auth_submit(&form).await.expect("answer");
                assert!(matches!(step, AuthStep::Pass(_)), "{step:?}");
                admin
            }

            /// Plays the third party: follows the redirect target to the return URL it
            /// answers with, and reads that into the next form.
            async fn come_back(redirect: &Redirect) -> AuthForm {
                let browser = reqwest::Client::builder()
                    .redirect(reqwest::redirect::Policy::none())
                    .build()
                    .expect("browser");
                let answer = browser.get(&redirect.target).send().await.expect("target");
                assert_eq!(answer.status().as_u16(), 302, "{}", redirect.target);
                let location = answer.headers()["location"].to_str().expect("location");
                assert!(location.starts_with(RETURN_URL), "{location}");
                redirect
                    .returned(location)
                    .expect("the return URL fills the form")
            }

            /// Starts `action` through the test identity provider as `remote`.
            async fn through_the_provider(
                client: &Client,
                action: AuthAction,
                remote: &str,
            ) -> AuthStep {
                let mut form = client
                    .auth_start(AuthStart::new(action, RETURN_URL))
                    .await
                    .expect("form");
                form.set("testidpuser", remote)
                    .expect("the provider asks for it");
                let step = client.auth_submit(&form).await.expect("answer");
                let AuthStep::Redirect(redirect) = step else {
                    panic!("{step:?}")
                };
                assert!(
                    redirect.target.contains("MwtypedTestIdp"),
                    "{}",
                    redirect.target
                );
                let back = come_back(&redirect).await;
                client.auth_submit(&back).await.expect("answer")
            }

            #[tokio::test]
            async fn ui_a_suggested_password_change_skipped() {
                let client = client();
                let step = client
                    .login(SOFT_RESET_USER.0, SOFT_RESET_USER.1)
                    .await
                    .expect("answer");
                let AuthStep::Ui(mut form) = step else {
                    panic!("{step:?}")
                };
                assert_eq!(
                    form.message_code.as_deref(),
                    Some("resetpass-validity-soft")
                );
                for field in ["password", "retype", "skipReset"] {
                    assert!(form.asks_for(field), "{form:?}");
                }
                form.check("skipReset").expect("a button");
                let step = client.auth_submit(&form).await.expect("answer");
                assert!(matches!(step, AuthStep::Pass(_)), "{step:?}");
            }

            #[tokio::test]
            async fn ui_a_forced_password_change_retyped_wrong_then_right() {
                // A user of its own: the change it is forced to make sticks.
                let user = unique("Mwtyped forced ");
                let old = "a short old password";
                let admin = created_by_admin(&user, old).await;
                admin
                    .execute_with_token(|token| {
                        let mut rights = api::UserRights::new(token);
                        rights.user = Some(user.clone());
                        rights.add = vec![api::UserRightsAdd::Suppress];
                        rights
                    })
                    .await
                    .expect("userrights");

                let client = client();
                let step = client.login(&user, old).await.expect("answer");
                let AuthStep::Ui(mut form) = step else {
                    panic!("{step:?}")
                };
                assert_eq!(form.message_code.as_deref(), Some("resetpass-validity"));
                let new = "a new password long enough for the policy";
                form.set("password", new)
                    .and_then(|f| f.set("retype", "something else"))
                    .expect("fields");
                let step = client.auth_submit(&form).await.expect("answer");
                let AuthStep::Ui(mut form) = step else {
                    panic!("{step:?}")
                };
                assert_eq!(form.message_code.as_deref(), Some("badretype"));
                form.set("password", new)
                    .and_then(|f| f.set("retype", new))
                    .expect("fields");
                let step = client.auth_submit(&form).await.expect("answer");
                assert!(matches!(step, AuthStep::Pass(_)), "{step:?}");
            }

            #[tokio::test]
            async fn ui_two_factor_a_wrong_code_then_the_right_one() {
                let client = client();
                let step = client
                    .login(TOTP_USER.0, TOTP_USER.1)
                    .await
                    .expect("answer");
                let AuthStep::Ui(mut form) = step else {
                    panic!("{step:?}")
                };
                assert!(form.asks_for("OATHToken"), "{form:?}");
                let right = totp(TOTP_SECRET, 0);
                let wrong = format!(
                    "{:06}",
                    (right.parse::<u32>().expect("digits") + 1) % 1_000_000
                );
                form.set("OATHToken", wrong).expect("field");
                let step = client.auth_submit(&form).await.expect("answer");
                let AuthStep::Ui(mut form) = step else {
                    panic!("{step:?}")
                };
                assert_eq!(form.message_code.as_deref(), Some("oathauth-login-failed"));
                // A window's code is accepted once: an earlier run may have spent this one.
                for offset in 0..4 {
                    form.set("OATHToken", totp(TOTP_SECRET, offset))
                        .expect("field");
                    match client.auth_submit(&form).await.expect("answer") {
                        AuthStep::Pass(pass) => {
                            assert_eq!(pass.username.as_deref(), Some(TOTP_USER.0));
                            return;
                        }
                        AuthStep::Ui(next) => form = next,
                        other => panic!("{other:?}"),
                    }
                }
                panic!("no TOTP code of the next four windows was accepted");
            }

            #[tokio::test]
            async fn redirect_restart_then_a_login_that_links_the_remote_account() {
                let remote = unique("remote");
                let client = client();
                let step = through_the_provider(&client, AuthAction::Login, &remote).await;
                let AuthStep::Restart(restart) = step else {
                    panic!("{step:?}")
                };
                assert_eq!(restart.code, "authmanager-authn-no-local-user-link");
                assert!(restart.can_preserve_state);

                let mut form = client
                    .auth_start(AuthStart::new(AuthAction::Login, RETURN_URL).preserve_state())
                    .await
                    .expect("form");
                form.set("username", ADMIN)
                    .and_then(|f| f.set("password", ADMIN_PASSWORD))
                    .expect("fields");
                let step = client.auth_submit(&form).await.expect("answer");
                let step = confirm_the_link(&client, step, &remote).await;
                assert!(matches!(step, AuthStep::Pass(_)), "{step:?}");
                the_remote_logs_in_as(&client, &remote, ADMIN).await;
            }

            #[tokio::test]
            async fn redirect_restart_then_an_account_creation_that_links_the_remote_account() {
                let remote = unique("newremote");
                let client = client();
                let step = through_the_provider(&client, AuthAction::Login, &remote).await;
                let AuthStep::Restart(restart) = step else {
                    panic!("{step:?}")
                };
                assert!(restart.can_preserve_state);

                // An account created in the same session, keeping the remote identity.
                let name = unique("Mwtyped linked ");
                let password = "a long enough password for the link test";
                let start = AuthStart::new(AuthAction::CreateAccount, RETURN_URL).preserve_state();
                let form = account_form(&client, start, &name, password, solve_captcha).await;
                let step = client.auth_submit(&form).await.expect("answer");
                let step = confirm_the_link(&client, step, &remote).await;
                let AuthStep::Pass(pass) = step else {
                    panic!("{step:?}")
                };
                assert_eq!(pass.username.as_deref(), Some(name.as_str()));
                the_remote_logs_in_as(&client, &remote, &name).await;
            }

            #[tokio::test]
            async fn change_a_password_then_log_in_with_the_new_one() {
                let user = unique("Mwtyped change ");
                let old = "the first password of this user";
                let new = "the second password of this user";
                created_by_admin(&user, old).await;
                let client = logged_in((&user, old)).await;

                let error = client
                    .change_form("NoSuchRequest")
                    .await
                    .expect_err("none such");
                assert!(
                    error.to_string().contains("PasswordAuthenticationRequest"),
                    "the offered ids are named: {error}"
                );
                let mut form = client
                    .change_form("MediaWiki\\Auth\\PasswordAuthenticationRequest")
                    .await
                    .expect("form");
                assert!(form.asks_for("password") && form.asks_for("retype"));
                form.set("password", new)
                    .and_then(|f| f.set("retype", "not the same"))
                    .expect("fields");
                let refused = client.auth_submit(&form).await.expect_err("mismatch");
                assert!(refused.code().is_some(), "an API error: {refused:?}");
                assert!(!format!("{refused:?}").contains(new), "{refused:?}");
                form.set("retype", new).expect("field");
                let step = client.auth_submit(&form).await.expect("changed");
                assert!(matches!(step, AuthStep::Pass(_)), "{step:?}");

                let fresh = client.new_session().expect("session");
                let step = fresh.login(&user, old).await.expect("answer");
                assert!(matches!(step, AuthStep::Fail(_)), "the old one: {step:?}");
                let step = fresh.login(&user, new).await.expect("answer");
                assert!(matches!(step, AuthStep::Pass(_)), "the new one: {step:?}");
            }

            #[tokio::test]
            async fn link_then_remove_the_link_as_authentication_data() {
                let remote = unique("removed");
                let admin = logged_in((ADMIN, ADMIN_PASSWORD)).await;
                let step = through_the_provider(&admin, AuthAction::LinkAccount, &remote).await;
                assert!(matches!(step, AuthStep::Pass(_)), "{step:?}");
                let id = link_id(&admin, AuthPurpose::Remove, &remote).await;
                let refused = admin
                    .remove_auth_data("NoSuchRequest")
                    .await
                    .expect_err("none such");
                assert!(refused.code().is_some(), "{refused:?}");
                admin.remove_auth_data(&id).await.expect("removed");
                let step = through_the_provider(&client(), AuthAction::Login, &remote).await;
                assert!(matches!(step, AuthStep::Restart(_)), "removed: {step:?}");
            }

            #[tokio::test]
            async fn link_then_unlink_an_account() {
                let remote = unique("linked");
                let admin = logged_in((ADMIN, ADMIN_PASSWORD)).await;
                let step = through_the_provider(&admin, AuthAction::LinkAccount, &remote).await;
                assert!(matches!(step, AuthStep::Pass(_)), "{step:?}");
                let step = through_the_provider(&client(), AuthAction::Login, &remote).await;
                assert!(
                    matches!(step, AuthStep::Pass(_)),
                    "a login through the link: {step:?}"
                );

                let request = link_id(&admin, AuthPurpose::Unlink, &remote).await;
                admin
                    .execute_with_token(|token| api::UnlinkAccount::new(request.clone(), token))
                    .await
                    .expect("unlinkaccount");
                let step = through_the_provider(&client(), AuthAction::Login, &remote).await;
                assert!(matches!(step, AuthStep::Restart(_)), "unlinked: {step:?}");
            }
        }
    };
}

on_version!(mediawiki_1_39, v1_39, "MWTYPED_TEST_API_1_39");
on_version!(mediawiki_1_43, v1_43, "MWTYPED_TEST_API_1_43");
