// Delete.js, "The delete/undelete action": 4 scenarios in order, 8 assertions.
//
// Upstream sends `summary=testing` to delete and undelete, which take `reason`: MediaWiki only
// warns of the unknown parameter, so nothing stands for it here.

#[tokio::test]
async fn an_admin_deletes_and_undeletes_a_page() {
    let (alice, mindy) = (alice().await, mindy().await);
    let title = format!("Delete_{}", support::uniq());

    // 1. "allows an admin to delete a page"
    edit(&alice, &title, |edit| {
        saying("Testing the testy test", "first")(edit);
        edit.create_only = true;
    })
    .await;
    let deleted = answer_of(&mindy.client, |token| {
        let mut delete = mw::Delete::new(token);
        delete.title = Some(title.clone());
        delete
    })
    .await
    .delete;
    support::assert_same_title(&deleted.title, &title);
    let error = read_refusal(&mindy.client, &parse_page(&title)).await;
    assert_code(&error, "missingtitle");

    // 2. "logs the deletion"
    let log = newest_log(&alice.client, &title, mw::query::LogEventsType::Delete).await;
    assert_eq!(log.user.as_deref(), Some(mindy.name.as_str()));
    assert_eq!(log.action.as_deref(), Some("delete"));

    // 3. "allows an admin to undelete a page"
    let restored = answer_of(&mindy.client, |token| {
        mw::Undelete::new(title.clone(), token)
    })
    .await
    .undelete;
    support::assert_same_title(&restored.title, &title);
    let page_html = html(&alice.client, &title).await;
    assert!(page_html.contains("Testing the testy test"), "{page_html}");

    // 4. "logs the undeletion"
    let log = newest_log(&alice.client, &title, mw::query::LogEventsType::Delete).await;
    assert_eq!(log.user.as_deref(), Some(mindy.name.as_str()));
    assert_eq!(log.action.as_deref(), Some("restore"));
}
