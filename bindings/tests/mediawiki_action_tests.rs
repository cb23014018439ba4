//! MediaWiki's own tests of the action API (`tests/api-testing/action/*.js` in MediaWiki's
//! repository), ported scenario by scenario to mwtyped's typed requests and typed answers, on
//! the real 1.39 and 1.43 test wikis. No answer is read as JSON: what the typed answers cannot
//! say is listed, with the reason, in `mediawiki_action_tests/GAPS.md`.
//!
//! One module per version (`v1_39`, `v1_43`), holding one module per original file
//! (`edit` for `Edit.js`…). The fixture users of api-testing (alice, bob, mindy the sysop,
//! robby the bot, and the self-registered ones) are made with MediaWiki's own
//! `createAndPromote.php`, once per version and run: the wikis keep their data between runs,
//! so every name is new.

#![cfg(all(feature = "client", feature = "v1_39", feature = "v1_43"))]

mod common;

// What the ports share whatever the version: accounts, the job queue, names, text checks.
#[path = "mediawiki_action_tests/support.rs"]
mod support;

/// The ports against the wiki of one version: `mw` names that version's generated API, and
/// every file under `mediawiki_action_tests/` is read in here (with `include!`, so that one
/// text serves both versions).
macro_rules! on_version {
    ($name:ident, $version:ident, $suffix:literal, $api:literal) => {
        mod $name {
            use mwtyped::$version as mw;

            /// The suffix of this version's environment variables
            /// (`MWTYPED_TEST_WIKI_DIR_1_39`, `MWTYPED_TEST_MEDIAWIKI_1_39`).
            const VERSION: &str = $suffix;
            /// The variable holding this version's api.php URL.
            const API: &str = $api;

            include!("mediawiki_action_tests/wiki.rs");

            mod autopatrolling {
                use super::*;
                include!("mediawiki_action_tests/autopatrolling.rs");
            }
            mod block {
                use super::*;
                include!("mediawiki_action_tests/block.rs");
            }
            mod categories {
                use super::*;
                include!("mediawiki_action_tests/categories.rs");
            }
            mod delete {
                use super::*;
                include!("mediawiki_action_tests/delete.rs");
            }
            mod diff_compare {
                use super::*;
                include!("mediawiki_action_tests/diff_compare.rs");
            }
            mod edit {
                use super::*;
                include!("mediawiki_action_tests/edit.rs");
            }
            mod move_page {
                use super::*;
                include!("mediawiki_action_tests/move_page.rs");
            }
            mod new_talk_notification {
                use super::*;
                include!("mediawiki_action_tests/new_talk_notification.rs");
            }
            mod parse {
                use super::*;
                include!("mediawiki_action_tests/parse.rs");
            }
            mod patrolling {
                use super::*;
                include!("mediawiki_action_tests/patrolling.rs");
            }
            mod preferences {
                use super::*;
                include!("mediawiki_action_tests/preferences.rs");
            }
            mod recent_changes {
                use super::*;
                include!("mediawiki_action_tests/recent_changes.rs");
            }
            mod reparse_dependent_pages {
                use super::*;
                include!("mediawiki_action_tests/reparse_dependent_pages.rs");
            }
            mod revision {
                use super::*;
                include!("mediawiki_action_tests/revision.rs");
            }
            mod rollback {
                use super::*;
                include!("mediawiki_action_tests/rollback.rs");
            }
            mod site_stats {
                use super::*;
                include!("mediawiki_action_tests/site_stats.rs");
            }
            mod tag {
                use super::*;
                include!("mediawiki_action_tests/tag.rs");
            }
            mod undo {
                use super::*;
                include!("mediawiki_action_tests/undo.rs");
            }
            mod user_block {
                use super::*;
                include!("mediawiki_action_tests/user_block.rs");
            }
            mod user_contribs {
                use super::*;
                include!("mediawiki_action_tests/user_contribs.rs");
            }
            mod user_info {
                use super::*;
                include!("mediawiki_action_tests/user_info.rs");
            }
            mod watchlist {
                use super::*;
                include!("mediawiki_action_tests/watchlist.rs");
            }
        }
    };
}

on_version!(v1_39, v1_39, "1_39", "MWTYPED_TEST_API_1_39");
on_version!(v1_43, v1_43, "1_43", "MWTYPED_TEST_API_1_43");
