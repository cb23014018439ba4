// RecentChanges.js, "Recent Changes": 2 scenarios in order, 8 assertions.

use super::mw::query::RecentChangesType;

/// `list=recentchanges&rctype=<kind>&rctitle=<title>` (the default `rcprop`,
/// `title|timestamp|ids`): the newest row.
async fn newest_of_type(
    client: &Client,
    title: &str,
    kind: RecentChangesType,
) -> mw::answer::QueryRecentChanges {
    let mut changes = mw::query::RecentChanges::new();
    changes.type_ = vec![kind];
    changes.title = Some(title.to_owned());
    items(client, &changes)
        .await
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no recent change of {title}"))
}

#[tokio::test]
async fn a_creation_and_an_edit_are_recent_changes() {
    let alice = alice().await;
    let title = format!("Recent_Changes_{}", support::uniq());

    // 1. "should create page and get new page recent changes"
    let created = edit(&alice, &title, |edit| {
        edit.text = Some("Recent changes testing".into());
        edit.create_only = true;
    })
    .await;
    let change = newest_of_type(&alice.client, &title, RecentChangesType::New).await;
    assert_eq!(change.type_, "new");
    support::assert_same_title(change.title.as_deref().expect("the change's title"), &title);
    assert_eq!(change.page_id, Some(created.answer.page_id));
    assert_eq!(change.rev_id, Some(created.rev_id()));

    // 2. "should edit page and get most recent edit changes"
    let edited = edit(&alice, &title, with_text("Recent changes testing..R1")).await;
    let change = newest_of_type(&alice.client, &title, RecentChangesType::Edit).await;
    assert_eq!(change.type_, "edit");
    support::assert_same_title(change.title.as_deref().expect("the change's title"), &title);
    assert_eq!(change.page_id, Some(edited.answer.page_id));
    assert_eq!(change.rev_id, Some(edited.rev_id()));
}
