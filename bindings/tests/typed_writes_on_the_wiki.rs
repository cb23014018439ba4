//! The writes a bot makes, each read through its typed answer (no indexing into JSON), on the
//! real 1.39 and 1.43 test wikis: an edit creating a page, the same edit again (`nochange`),
//! another user's edit rolled back, patrolled and tagged (with a tag made and deleted), a protection, a move, a deletion
//! and its undeletion, a block and its removal, a watch, a preference, an upload.

#![cfg(all(feature = "client", feature = "v1_39", feature = "v1_43"))]

mod common;

use common::{ADMIN, ADMIN_PASSWORD, EDIT_BOT, api, logged_in, unique};

macro_rules! on_version {
    ($name:ident, $version:ident, $var:literal) => {
        mod $name {
            use mwtyped::token::{Token, TokenKind};
            use mwtyped::$version::{
                Block, Delete, Edit, ManageTags, ManageTagsOperation, Move, Options, Patrol,
                Protect, Rollback, Tag, Unblock, Undelete, Upload, Watch,
            };
            use mwtyped::{ApiModule, Client, Expiry, UploadFile};

            use super::*;

            async fn client(user: &str, password: &str) -> Client {
                let client =
                    Client::new(api($var), "mwtyped-tests (typed writes)").expect("client");
                logged_in(client, user, password).await
            }

            /// Sends the module `build` makes with a token, and reads its typed answer.
            async fn answer<K, M, F>(client: &Client, build: F) -> M::Answer
            where
                K: TokenKind,
                M: ApiModule,
                F: Fn(Token<K>) -> M,
            {
                let response = client
                    .execute_with_token(build)
                    .await
                    .unwrap_or_else(|e| panic!("{}: {e}", M::PATH));
                response
                    .answer()
                    .unwrap_or_else(|e| panic!("{}: {e}\n{}", M::PATH, response.body()))
            }

            async fn edit(
                client: &Client,
                title: &str,
                text: &str,
            ) -> mwtyped::$version::answer::EditResult {
                let edit = answer(client, |token| {
                    let mut edit = Edit::new(token);
                    edit.title = Some(title.into());
                    edit.text = Some(text.into());
                    edit
                });
                edit.await.edit
            }

            #[tokio::test]
            async fn writes_answer_typed() {
                let admin = client(ADMIN, ADMIN_PASSWORD).await;
                let title = unique("Typed answers");

                let created = edit(&admin, &title, "First text.").await;
                assert_eq!(created.result, "Success");
                assert!(created.new && !created.nochange);
                assert_eq!(created.content_model, "wikitext");
                let first = created.new_rev_id.expect("a new revision");
                let unchanged = edit(&admin, &title, "First text.").await;
                assert!(unchanged.nochange, "{unchanged:?}");
                assert_eq!(unchanged.new_rev_id, None);

                // Another user's edit, rolled back, patrolled and tagged.
                let bot = client(EDIT_BOT.0, EDIT_BOT.1).await;
                let by_bot = edit(&bot, &title, "The bot's text.").await;
                assert_eq!(by_bot.old_rev_id, Some(first));
                let bot_revision = by_bot.new_rev_id.expect("the bot's revision");
                let rolled_back = answer(&admin, |token| {
                    let mut rollback = Rollback::new("MwtypedBotOwner".into(), token);
                    rollback.title = Some(title.clone());
                    rollback
                })
                .await
                .rollback;
                assert_eq!(rolled_back.title, title);
                assert_eq!(rolled_back.old_rev_id, bot_revision);
                assert_eq!(rolled_back.last_rev_id, first);
                let patrolled = answer(&admin, |token| {
                    let mut patrol = Patrol::new(token);
                    patrol.rev_id = Some(bot_revision);
                    patrol
                })
                .await
                .patrol;
                assert_eq!(patrolled.title, title);
                assert!(patrolled.rc_id > 0);
                // A tag of the test's own, deleted at once: a defined tag is a value of every
                // `tags` parameter, and the other tests compare the wiki's paraminfo with the
                // committed capture.
                let tag_name = unique("mwtyped-typed-tag");
                let manage = |operation: ManageTagsOperation| {
                    let tag_name = tag_name.clone();
                    answer(&admin, move |token| {
                        let mut manage =
                            ManageTags::new(operation.clone(), tag_name.clone(), token);
                        manage.ignore_warnings = true;
                        manage
                    })
                };
                assert_eq!(
                    manage(ManageTagsOperation::Create).await.manage_tags.tag,
                    tag_name
                );
                // MediaWiki caches the list of defined tags (here in the database) and may
                // refuse a tag made a moment ago (`badtags`); asked again, it agrees. The
                // recorder of the answers meets the same (`xtask/src/answers/prepare.rs`).
                let mut tries = 0;
                let tagged = loop {
                    let sent = admin
                        .execute_with_token(|token| {
                            let mut tag = Tag::new(token);
                            tag.rev_id = vec![bot_revision];
                            tag.add = vec![tag_name.clone()];
                            tag
                        })
                        .await;
                    match sent {
                        Err(e) if e.code() == Some("badtags") && tries < 40 => {
                            tries += 1;
                            tokio::time::sleep(std::time::Duration::from_millis(250)).await;
                        }
                        sent => break sent.expect("tag").answer().expect("typed tag").tag,
                    }
                };
                manage(ManageTagsOperation::Delete).await;
                assert_eq!(tagged[0].status, "success");
                assert_eq!(tagged[0].rev_id, Some(bot_revision));

                let protected = answer(&admin, |token| {
                    let mut protect = Protect::new(vec!["edit=sysop".into()], token);
                    protect.title = Some(title.clone());
                    protect
                })
                .await
                .protect;
                assert_eq!(protected.protections[0].edit.as_deref(), Some("sysop"));
                // No protection listed removes every one (MediaWiki's own example).
                let lifted = answer(&admin, |token| {
                    let mut protect = Protect::new(vec![], token);
                    protect.title = Some(title.clone());
                    protect
                })
                .await
                .protect;
                assert!(lifted.protections.is_empty(), "{lifted:?}");
                // A title that does not exist is protected from creation: `create`.
                let missing = unique("Mwtyped typed protected title");
                let kept_out = answer(&admin, |token| {
                    let mut protect = Protect::new(vec!["create=sysop".into()], token);
                    protect.title = Some(missing.clone());
                    protect
                })
                .await
                .protect;
                assert_eq!(kept_out.protections[0].create.as_deref(), Some("sysop"));

                let moved_to = format!("{title} moved");
                let moved = answer(&admin, |token| {
                    let mut move_ = Move::new(moved_to.clone(), token);
                    move_.from = Some(title.clone());
                    move_
                })
                .await
                .move_;
                assert_eq!(
                    (moved.from.as_str(), moved.to.as_str()),
                    (title.as_str(), moved_to.as_str())
                );

                let deleted = answer(&admin, |token| {
                    let mut delete = Delete::new(token);
                    delete.title = Some(moved_to.clone());
                    delete
                })
                .await
                .delete;
                assert!(deleted.log_id > 0);
                let restored = answer(&admin, |token| Undelete::new(moved_to.clone(), token))
                    .await
                    .undelete;
                // The first text, the bot's, the rollback, and the null revisions the
                // protection, its removal and the move made.
                assert_eq!(restored.revisions, 6, "{restored:?}");

                let user = "192.0.2.77";
                let blocked = answer(&admin, |token| {
                    let mut block = Block::new(token);
                    block.user = Some(user.into());
                    block.expiry = Some(Expiry::Relative("1 day".into()));
                    block.no_create = true;
                    block
                })
                .await
                .block;
                assert_eq!(blocked.user, user);
                assert!(blocked.no_create);
                let unblocked = answer(&admin, |token| {
                    let mut unblock = Unblock::new(token);
                    unblock.id = Some(blocked.id);
                    unblock
                })
                .await
                .unblock;
                assert_eq!(unblocked.id, blocked.id);

                let watched = answer(&admin, |token| {
                    let mut watch = Watch::new(token);
                    watch.titles = vec![moved_to.clone()];
                    watch
                })
                .await
                .watch;
                assert!(watched[0].watched);

                let options = answer(&admin, |token| {
                    let mut options = Options::new(token);
                    options.option_name = Some("gender".into());
                    options.option_value = Some("female".into());
                    options
                })
                .await;
                assert_eq!(options.options, "success");

                let name = format!("{}.png", unique("Typed upload"));
                let uploaded = answer(&admin, |token| {
                    let mut upload = Upload::new(token);
                    upload.file_name = Some(name.clone());
                    upload.file = Some(UploadFile {
                        file_name: name.clone(),
                        bytes: common::png::png(1000),
                    });
                    upload
                })
                .await
                .upload;
                assert_eq!(uploaded.result, "Success");
                let info = uploaded.image_info.expect("imageinfo");
                assert_eq!(info.width, Some(2048));
                assert_eq!(info.mime.as_deref(), Some("image/png"));
            }
        }
    };
}

on_version!(v1_39, v1_39, "MWTYPED_TEST_API_1_39");
on_version!(v1_43, v1_43, "MWTYPED_TEST_API_1_43");
