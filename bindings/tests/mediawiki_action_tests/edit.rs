// Edit.js, "The edit action": 23 scenarios, 58 assertion statements. Scenarios 1, 3, 4, 5,
// 7, 8, 9 and 10 share one page (`pageA`) in that order, so they run as one test; the others
// stand alone. Clark, self-registered in the original, is a fixture account here.

use mwtyped::Timestamp;

/// Clark, the describe's own user.
async fn clark() -> User {
    account("Clark_", Role::User).await
}

/// A new page name, `utils.title(prefix)`.
fn title(prefix: &str) -> String {
    format!("{prefix}{}", support::uniq())
}

/// The describe's `testEditAndLog`: `user` edits `page` with a random text and summary, then
/// the newest revision, the newest recent change and the HTML must show that edit (11
/// assertions; the two on the user are skipped for anonymous edits, as upstream does for the
/// temporary accounts those may be).
async fn edit_and_check(user: &User, page: &str, anonymous: bool) -> Edited {
    let (text, summary) = (support::uniq(), support::uniq());
    let edited = edit(user, page, saying(&text, &summary)).await;

    let revision = latest_revision(&user.client, page).await;
    assert_eq!(revision.rev_id, Some(edited.rev_id()));
    if !anonymous {
        assert_eq!(revision.user.as_deref(), Some(edited.user.as_str()));
    }
    assert_eq!(revision.comment.as_deref(), Some(edited.summary.as_str()));
    assert_eq!(revision.timestamp.as_deref(), Some(edited.timestamp()));
    assert_eq!(main_content(&revision), edited.text);

    let change = newest_change(&user.client, page, CHANGE_ENTRY).await;
    // `edit.oldrevid ? 'edit' : 'new'`: a creation answers `oldrevid: 0`.
    let created = edited.answer.old_rev_id.unwrap_or(0) == 0;
    assert_eq!(change.type_, if created { "new" } else { "edit" });
    assert_eq!(change.rev_id, Some(edited.rev_id()));
    if !anonymous {
        assert_eq!(change.user.as_deref(), Some(edited.user.as_str()));
    }
    assert_eq!(change.comment.as_deref(), Some(edited.summary.as_str()));
    assert_eq!(change.timestamp.as_deref(), Some(edited.timestamp()));

    let page_html = html(&user.client, page).await;
    assert!(page_html.contains(&edited.text), "{page_html}");
    edited
}

#[tokio::test]
async fn page_a_is_created_edited_logged_and_flagged() {
    let alice = alice().await;
    let page_a = title("Edit_A_");

    // 1. "allows a page to be created and modified by a logged in user"
    let page_a1 = edit_and_check(&alice, &page_a, false).await;
    let page_a2 = edit_and_check(&alice, &page_a, false).await;

    // 3. "skips redundant edit"
    let result = edit(
        &alice,
        &page_a,
        saying(&page_a2.text, "some new fancy comment"),
    )
    .await;
    assert_eq!(result.answer.new_rev_id, None);
    assert!(result.answer.nochange, "{:?}", result.answer);

    // 4. "logs page creation"
    let log = newest_log(&alice.client, &page_a, mw::query::LogEventsType::Create).await;
    assert_eq!(log.action.as_deref(), Some("create"));
    assert_eq!(log.user.as_deref(), Some(page_a1.user.as_str()));
    assert_eq!(log.comment.as_deref(), Some(page_a1.summary.as_str()));
    assert_eq!(log.timestamp.as_deref(), Some(page_a1.timestamp()));

    // 5. "applies pre-save transform"
    edit(&alice, &page_a, saying("Hi -- ~~~~", "test signature")).await;
    let revision = latest_revision(&alice.client, &page_a).await;
    let content = main_content(&revision);
    assert!(!content.contains("~~~~"), "{content}");
    // `/Alice/`: the signature names alice, whose name begins so.
    assert!(content.contains(&alice.name), "{content}");

    // 7. "allows bots to set the bot flag (or not)"
    let robby = robby().await;
    edit(&robby, &page_a, |edit| {
        edit.text = Some("Bot content".into());
        edit.summary = Some("botting".into());
        edit.bot = true;
    })
    .await;
    run_jobs();
    let change = newest_change(&alice.client, &page_a, CHANGE_ENTRY).await;
    assert!(change.bot, "{change:?}");
    edit(&robby, &page_a, saying("Not bot content", "not botting")).await;
    run_jobs();
    let change = newest_change(&alice.client, &page_a, CHANGE_ENTRY).await;
    assert!(!change.bot, "{change:?}");

    // 8. "does not allow regular users to set the bot flag"
    edit(&alice, &page_a, |edit| {
        edit.text = Some("Fake bot content".into());
        edit.summary = Some("fake botting".into());
        edit.bot = true;
    })
    .await;
    let change = newest_change(&alice.client, &page_a, CHANGE_ENTRY).await;
    assert!(!change.bot, "{change:?}");

    // 9. "allows users to set the minor flag"
    edit(&alice, &page_a, |edit| {
        edit.text = Some("Minor content".into());
        edit.summary = Some("minor change".into());
        edit.minor = true;
    })
    .await;
    let revision = latest_revision(&alice.client, &page_a).await;
    assert!(revision.minor, "{revision:?}");
    let change = newest_change(&alice.client, &page_a, CHANGE_ENTRY).await;
    assert!(change.minor, "{change:?}");

    // 10. "does not allow anon users to set the minor flag"
    let anon = anonymous().await;
    edit(&anon, &page_a, |edit| {
        edit.text = Some("Anon minor content".into());
        edit.summary = Some("anon minor change".into());
        edit.minor = true;
    })
    .await;
    let revision = latest_revision(&alice.client, &page_a).await;
    assert!(!revision.minor, "{revision:?}");
    let change = newest_change(&alice.client, &page_a, CHANGE_ENTRY).await;
    assert!(!change.minor, "{change:?}");
}

// 2. "allows a page to be created and modified by an anonymous user"
#[tokio::test]
async fn an_anonymous_user_creates_a_page() {
    let page = title("");
    // `anonymous()` names the session as `meta=userinfo` does: its IP address.
    let anon = anonymous().await;
    edit_and_check(&anon, &page, true).await;
}

// 6. "enforces the createonly and nocreate flags"
#[tokio::test]
async fn createonly_and_nocreate_are_enforced() {
    let alice = alice().await;
    let page_b = title("Edit_B_");

    let error = edit_refused(&alice, &page_b, |edit| {
        saying("Updated content", "update")(edit);
        edit.no_create = true;
    })
    .await;
    assert_code(&error, "missingtitle");

    edit(&alice, &page_b, |edit| {
        saying("Initial content", "create")(edit);
        edit.create_only = true;
    })
    .await;

    let error = edit_refused(&alice, &page_b, |edit| {
        saying("Initial content again", "create again")(edit);
        edit.create_only = true;
    })
    .await;
    assert_code(&error, "articleexists");

    edit(&alice, &page_b, |edit| {
        saying("Updated content", "update")(edit);
        edit.no_create = true;
    })
    .await;
}

// 11. "allows a user to create a page and add sections"
#[tokio::test]
async fn sections_are_added_and_replaced() {
    let clark = clark().await;
    let page_b = title("Page_B");
    let edit_text = "Some random text";
    let section_text1 = "Some text for the first section";
    let section_text2 = "Some text for the second section";
    let new_section = |heading: &'static str, text: &'static str| {
        move |edit: &mut mw::Edit| {
            edit.section = Some("new".into());
            edit.section_title = Some(heading.into());
            edit.text = Some(text.into());
        }
    };
    let in_section = |section: &'static str, text: String| {
        move |edit: &mut mw::Edit| {
            edit.section = Some(section.into());
            edit.text = Some(text.clone());
        }
    };

    edit(&clark, &page_b, with_text(edit_text)).await;
    edit(&clark, &page_b, new_section("First", section_text1)).await;
    edit(&clark, &page_b, new_section("Second", section_text2)).await;
    let first_modification = html(&clark.client, &page_b).await;
    assert!(
        first_modification.contains(edit_text),
        "{first_modification}"
    );
    assert!(
        first_modification.contains(section_text1),
        "{first_modification}"
    );
    assert!(
        first_modification.contains(section_text2),
        "{first_modification}"
    );

    let lead = format!("{edit_text} some text");
    edit(&clark, &page_b, in_section("0", lead.clone())).await;
    let second_modification = html(&clark.client, &page_b).await;
    assert!(second_modification.contains(&lead), "{second_modification}");
    assert!(
        second_modification.contains(section_text1),
        "{second_modification}"
    );
    assert!(
        second_modification.contains(section_text2),
        "{second_modification}"
    );

    let first = format!("{section_text1} some text");
    edit(
        &clark,
        &page_b,
        in_section("1", format!("== First ==\n{first}")),
    )
    .await;
    let third_modification = html(&clark.client, &page_b).await;
    assert!(third_modification.contains(&lead), "{third_modification}");
    assert!(third_modification.contains(&first), "{third_modification}");
    assert!(
        third_modification.contains(section_text2),
        "{third_modification}"
    );

    // As upstream: the helper sends its `Lorem ipsum` text in place of the empty one, so
    // section 1 is replaced by it, heading included.
    edit(&clark, &page_b, in_section("1", String::new())).await;
    let fourth_modification = html(&clark.client, &page_b).await;
    assert!(fourth_modification.contains(&lead), "{fourth_modification}");
    assert!(
        !fourth_modification.contains("== First =="),
        "{fourth_modification}"
    );
    assert!(
        fourth_modification.contains(section_text2),
        "{fourth_modification}"
    );
}

// 12. "allows a user to append text to the end of the page and prepend text to the
// beginning of the page"
#[tokio::test]
async fn text_is_appended_and_prepended() {
    let clark = clark().await;
    let page = title("Page_");
    edit(&clark, &page, with_text("text")).await;
    // The helper's `Lorem ipsum` text goes too; MediaWiki ignores it beside these.
    edit(&clark, &page, |edit| {
        edit.append_text = Some("bottom".into())
    })
    .await;
    edit(&clark, &page, |edit| edit.prepend_text = Some("top".into())).await;
    let page_content = html(&clark.client, &page).await;
    assert!(page_content.contains("toptextbottom"), "{page_content}");
}

// 13. "should allow a user make edits on a page passing the timestamp from the previous edit
// on the same page the basetimetamp"
#[tokio::test]
async fn an_edit_after_the_base_timestamp_is_saved() {
    let (alice, clark) = (alice().await, clark().await);
    let page = title("Page_");
    let edit_content = "An edit from Clark";
    edit(&alice, &page, with_text("An edit from Alice")).await;
    // Upstream passes `rev1.timestamp`, which the edit answer does not have (it is
    // `newtimestamp`): no `basetimestamp` is sent, so none is here.
    edit(&clark, &page, with_text(edit_content)).await;
    let page_content = html(&clark.client, &page).await;
    assert!(page_content.contains(edit_content), "{page_content}");
}

// 14. "should throw an error when a user tries to set the basetimestamp to a date/time
// different from the timestamp of the previous edit"
#[tokio::test]
async fn an_edit_based_on_an_old_timestamp_conflicts() {
    let (alice, clark) = (alice().await, clark().await);
    let page = title("Page_");
    edit(&alice, &page, with_text("An edit from Alice")).await;
    edit(&clark, &page, with_text("An edit from Clark")).await;
    let error = edit_refused(&alice, &page, |edit| {
        edit.text = Some("Another edit by Alice".into());
        edit.base_timestamp = Some(Timestamp::from("2001-01-01T00:00:00Z"));
    })
    .await;
    assert_code(&error, "editconflict");
}

// 15. "should throw an error when a wrong value is passed to md5"
#[tokio::test]
async fn a_wrong_md5_is_refused() {
    let clark = clark().await;
    let page = title("Page");
    let error = edit_refused(&clark, &page, |edit| {
        saying("Some Text", "Bad md5")(edit);
        edit.md5 = Some("sometext".into());
    })
    .await;
    assert_code(&error, "badmd5");
}

// 16. "should edit the page when the correct md5 hash of the text parameter is passed to it"
#[tokio::test]
async fn the_md5_of_the_text_is_accepted() {
    let clark = clark().await;
    let page = title("Page_");
    let text = "An edit with the correct md5";
    edit(&clark, &page, |edit| {
        edit.text = Some(text.into());
        edit.md5 = Some("d19dc30a12f31ec3684743bc010ef148".into());
    })
    .await;
    let page_content = html(&clark.client, &page).await;
    assert!(page_content.contains(text), "{page_content}");
}

/// The text the md5 scenarios send beside `appendtext`/`prependtext`, which override it.
const OVERRIDDEN_MD5_TEXT: &str =
    "An edit containing text and appendtext parameters with the correct md5";
const MD5_TOP: &str = "An edit just for the top";
const MD5_BOTTOM: &str = "An edit just for the bottom";

// 17. "should edit the page when the correct md5 hash of the appendtext is passed to the md5
// parameter as the appendtext parameter should override the text parameter"
#[tokio::test]
async fn the_md5_of_the_appended_text_is_accepted() {
    let clark = clark().await;
    let page = title("Page_");
    edit(&clark, &page, |edit| {
        edit.text = Some(OVERRIDDEN_MD5_TEXT.into());
        edit.append_text = Some(MD5_BOTTOM.into());
        edit.md5 = Some("83edcea6d422ba921d0442ca29abce1d".into());
    })
    .await;
    let page_content = html(&clark.client, &page).await;
    assert!(
        !page_content.contains(OVERRIDDEN_MD5_TEXT),
        "{page_content}"
    );
    assert!(page_content.contains(MD5_BOTTOM), "{page_content}");
}

// 18. "should edit the page when the correct md5 hash of the prependtext is passed to the
// md5 parameter as the prependtext parameter should override the text parameter"
#[tokio::test]
async fn the_md5_of_the_prepended_text_is_accepted() {
    let clark = clark().await;
    let page = title("Page_");
    edit(&clark, &page, |edit| {
        edit.text = Some(OVERRIDDEN_MD5_TEXT.into());
        edit.prepend_text = Some(MD5_TOP.into());
        edit.md5 = Some("0f5f08a431409bc0c504c090fe4f2f11".into());
    })
    .await;
    let page_content = html(&clark.client, &page).await;
    assert!(
        !page_content.contains(OVERRIDDEN_MD5_TEXT),
        "{page_content}"
    );
    assert!(page_content.contains(MD5_TOP), "{page_content}");
}

// 19. "should edit the page when the correct md5 hash of the prependtext and appendtext
// concatenated is passed to the md5 parameter"
#[tokio::test]
async fn the_md5_of_both_added_texts_is_accepted() {
    let clark = clark().await;
    let page = title("Page_");
    edit(&clark, &page, |edit| {
        edit.text = Some(OVERRIDDEN_MD5_TEXT.into());
        edit.prepend_text = Some(MD5_TOP.into());
        edit.append_text = Some(MD5_BOTTOM.into());
        edit.md5 = Some("b1df72139fc1202b6d817d9b1459e2d5".into());
    })
    .await;
    let page_content = html(&clark.client, &page).await;
    assert!(
        !page_content.contains(OVERRIDDEN_MD5_TEXT),
        "{page_content}"
    );
    assert!(
        page_content.contains(&format!("{MD5_TOP}{MD5_BOTTOM}")),
        "{page_content}"
    );
}

// 20. "should throw an error when the wrong md5 hash of the prependtext and appendtext
// concatenated is passed to the md5 parameter"
#[tokio::test]
async fn a_wrong_md5_of_both_added_texts_is_refused() {
    let clark = clark().await;
    let page = title("Page_");
    let error = edit_refused(&clark, &page, |edit| {
        saying(OVERRIDDEN_MD5_TEXT, "Bad md5")(edit);
        edit.prepend_text = Some(MD5_TOP.into());
        edit.append_text = Some(MD5_BOTTOM.into());
        edit.md5 = Some("badmd5139fc1202b6d817d9b1459e2d5".into());
    })
    .await;
    assert_code(&error, "badmd5");
}

/// The text scenarios 21 to 23 send beside the text that overrides it.
const OVERRIDDEN_TEXT: &str = "A text that is to be overriden";

// 21. "should override the text parameter with the appendtext parameter"
#[tokio::test]
async fn appended_text_overrides_the_text() {
    let clark = clark().await;
    let page = title("Page_");
    let bottom = "This text should override the text parameter";
    edit(&clark, &page, |edit| {
        edit.text = Some(OVERRIDDEN_TEXT.into());
        edit.append_text = Some(bottom.into());
    })
    .await;
    let page_content = html(&clark.client, &page).await;
    assert!(!page_content.contains(OVERRIDDEN_TEXT), "{page_content}");
    assert!(page_content.contains(bottom), "{page_content}");
}

// 22. "should override the text parameter with the prependtext parameter"
#[tokio::test]
async fn prepended_text_overrides_the_text() {
    let clark = clark().await;
    let page = title("Page_");
    let top = "This text should override the text parameter";
    edit(&clark, &page, |edit| {
        edit.text = Some(OVERRIDDEN_TEXT.into());
        edit.prepend_text = Some(top.into());
    })
    .await;
    let page_content = html(&clark.client, &page).await;
    assert!(!page_content.contains(OVERRIDDEN_TEXT), "{page_content}");
    assert!(page_content.contains(top), "{page_content}");
}

// 23. "should override the text parameter with the appendtext and prependtext parameters"
#[tokio::test]
async fn both_added_texts_override_the_text() {
    let clark = clark().await;
    let page = title("Page_");
    let top = "This text should override the text parameter on top";
    let bottom = "This text should override the text parameter at the end";
    edit(&clark, &page, |edit| {
        edit.text = Some(OVERRIDDEN_TEXT.into());
        edit.prepend_text = Some(top.into());
        edit.append_text = Some(bottom.into());
    })
    .await;
    let page_content = html(&clark.client, &page).await;
    assert!(!page_content.contains(OVERRIDDEN_TEXT), "{page_content}");
    assert!(
        page_content.contains(&format!("{top}{bottom}")),
        "{page_content}"
    );
}
