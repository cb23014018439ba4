// UserBlock.js, "The block/unblock action": 4 scenarios in order, 7 assertions. Eve,
// self-registered in the original, is a fixture account of this test alone.

#[tokio::test]
async fn an_admin_blocks_and_unblocks_a_user() {
    let (eve, mindy) = (account("Eve_", Role::User).await, mindy().await);
    let page_title = format!("Block_{}", support::uniq());

    // 1. "allows an admin to block a user"
    edit(&eve, &page_title, saying("One", "first")).await;
    let block = answer_of(&mindy.client, |token| {
        let mut block = mw::Block::new(token);
        block.user = Some(eve.name.clone());
        block.reason = Some("testing".into());
        block
    })
    .await
    .block;
    // `block.id` exists: the typed answer has one, a block id is positive.
    assert!(block.id > 0, "{block:?}");
    assert_eq!(block.user_id, eve.id);
    assert_eq!(block.user, eve.name);

    // 2. "prevents a blocked user from editing"
    let error = edit_refused(&eve, &page_title, saying("Two", "second")).await;
    assert_code(&error, "blocked");

    // 3. "allows an admin to unblock a user"
    let unblock = answer_of(&mindy.client, |token| {
        let mut unblock = mw::Unblock::new(token);
        unblock.user = Some(eve.name.clone());
        unblock.reason = Some("testing".into());
        unblock
    })
    .await
    .unblock;
    assert!(unblock.id > 0, "{unblock:?}");
    assert_eq!(unblock.user_id, eve.id);
    assert_eq!(unblock.user, eve.name);

    // 4. "allows a user to edit after being unblocked": `edit` asserts `Success`.
    edit(&eve, &page_title, saying("Three", "third")).await;
}
