// Rollback.js, "The rollback action": 10 scenarios, 20 assertions. Scenarios 6 (no token),
// 7 (no user) and 9 (a GET) cannot be sent through the typed module: see GAPS.md.

/// Three users of api-testing, as the describe's `before` makes them.
async fn users() -> (User, User, User) {
    (alice().await, bob().await, mindy().await)
}

/// A new page, `utils.title('Rollback_')`.
fn rollback_title() -> String {
    format!("Rollback_{}", support::uniq())
}

/// A rollback of `user`'s edits, with what `set` adds (the page, the summary, `markbot`).
fn rollback(
    user: &str,
    set: impl Fn(&mut mw::Rollback),
) -> impl Fn(Token<mwtyped::token::RollbackToken>) -> mw::Rollback {
    let user = user.to_owned();
    move |token| {
        let mut rollback = mw::Rollback::new(user.clone(), token);
        set(&mut rollback);
        rollback
    }
}

/// `title` and `summary`.
fn of_title<'a>(title: &'a str, summary: &'a str) -> impl Fn(&mut mw::Rollback) + 'a {
    move |rollback: &mut mw::Rollback| {
        rollback.title = Some(title.to_owned());
        rollback.summary = Some(summary.to_owned());
    }
}

// 1. "rolls back consecutive edits"
#[tokio::test]
async fn consecutive_edits_are_rolled_back() {
    let (alice, bob, mindy) = users().await;
    let title = rollback_title();
    edit(&alice, &title, saying("One", "first")).await;
    edit(&bob, &title, saying("Two", "second")).await;
    let alice3 = edit(&alice, &title, saying("Three", "third")).await;
    edit(&bob, &title, saying("Four", "fourth")).await;
    let bob5 = edit(&bob, &title, saying("Five", "fifth")).await;

    let result = answer_of(
        &mindy.client,
        rollback(&bob.name, of_title(&title, "revert vandalism")),
    )
    .await
    .rollback;
    support::assert_same_title(&result.title, &title);
    assert_eq!(result.old_rev_id, bob5.rev_id());
    assert_eq!(result.last_rev_id, alice3.rev_id());

    let rev = latest_revision(&mindy.client, &title).await;
    assert_eq!(rev.rev_id, Some(result.rev_id));
    assert_eq!(main_content(&rev), "Three");
    assert_eq!(rev.user.as_deref(), Some(mindy.name.as_str()));
}

// 2. "doesn't roll back edits by another user"
#[tokio::test]
async fn edits_of_another_user_are_not_rolled_back() {
    let (alice, bob, mindy) = users().await;
    let title = rollback_title();
    edit(&alice, &title, saying("One", "first")).await;
    edit(&bob, &title, saying("Two", "second")).await;
    edit(&alice, &title, saying("Three", "third")).await;
    let error = refusal_of(
        &mindy.client,
        rollback(&bob.name, of_title(&title, "revert vandalism")),
    )
    .await;
    assert_code(&error, "alreadyrolled");
}

// 3. "doesn't allow a regular user to roll back edits"
#[tokio::test]
async fn a_regular_user_may_not_roll_back() {
    let (alice, bob, _) = users().await;
    let title = rollback_title();
    edit(&alice, &title, saying("One", "first")).await;
    edit(&bob, &title, saying("Two", "second")).await;
    // With alice's own rollback token.
    let error = refusal_of(
        &alice.client,
        rollback(&bob.name, of_title(&title, "revert vandalism")),
    )
    .await;
    assert_code(&error, "permissiondenied");
}

// 4. "should undo the last edit on the page using the pageid parameter"
#[tokio::test]
async fn the_last_edit_is_rolled_back_by_page_id() {
    let (alice, bob, mindy) = users().await;
    let title = rollback_title();
    let first_edit = edit(&alice, &title, saying("One", "first")).await;
    let second_edit = edit(&bob, &title, saying("Two", "second")).await;
    let result = answer_of(
        &mindy.client,
        rollback(&bob.name, |rollback| {
            rollback.page_id = Some(first_edit.answer.page_id);
            rollback.summary = Some("revert".into());
        }),
    )
    .await
    .rollback;
    let rev = latest_revision(&mindy.client, &title).await;
    support::assert_same_title(&result.title, &title);
    assert_eq!(result.old_rev_id, second_edit.rev_id());
    assert_eq!(rev.rev_id, Some(result.rev_id));
}

// 5. "should throw an error with code missingparam when neither pageid nor title is
// provided for a rollback action"
#[tokio::test]
async fn a_rollback_without_page_is_refused() {
    let (alice, bob, mindy) = users().await;
    let title = rollback_title();
    edit(&alice, &title, saying("One", "first")).await;
    edit(&bob, &title, saying("Two", "second")).await;
    let error = refusal_of(
        &mindy.client,
        rollback(&bob.name, |rollback| {
            rollback.summary = Some("revert".into());
        }),
    )
    .await;
    assert_code(&error, "missingparam");
}

// 8. "should throw an error with code onlyauthor if the page has only one author"
#[tokio::test]
async fn a_page_of_one_author_is_not_rolled_back() {
    let (alice, _, mindy) = users().await;
    let title = rollback_title();
    edit(&alice, &title, saying("One", "first")).await;
    let error = refusal_of(
        &mindy.client,
        rollback(&alice.name, of_title(&title, "revert")),
    )
    .await;
    assert_code(&error, "onlyauthor");
}

// 10. "should mark the revert as a bot edit"
#[tokio::test]
async fn a_rollback_is_marked_as_a_bot_edit() {
    let (alice, bob, mindy) = users().await;
    let title = rollback_title();
    let first_edit = edit(&alice, &title, saying("One", "first")).await;
    let second_edit = edit(&bob, &title, saying("Two", "second")).await;
    let result = answer_of(
        &mindy.client,
        rollback(&bob.name, |rollback| {
            rollback.page_id = Some(first_edit.answer.page_id);
            rollback.summary = Some("revert".into());
            rollback.mark_bot = true;
        }),
    )
    .await
    .rollback;
    let recent_changes = newest_change(&mindy.client, &title, CHANGE_ENTRY).await;
    assert!(recent_changes.bot, "{recent_changes:?}");
    support::assert_same_title(&result.title, &title);
    assert_eq!(result.old_rev_id, second_edit.rev_id());
    assert_eq!(recent_changes.rev_id, Some(result.rev_id));
}
