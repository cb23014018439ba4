// Watchlist.js, "The watchlist": 3 scenarios in order, 12 assertions. Walter, self-registered
// in the original, is a fixture account of this test alone.
//
// Two differences, both from the typed answers (GAPS.md): a watchlist item's `user` is
// free-form JSON in the typed answer, so the read adds `wlprop=userid` and the user is told
// by its id; and `action=watch` is sent with `titles`, not the deprecated `title`, whose
// answer (an object where `titles` answers a list) the typed answer does not model.

use super::mw::query::{WatchlistProp, WatchlistType};

/// walter's `list=watchlist&wltype=edit|new&wlprop=ids|title|flags|user|comment|timestamp`
/// (and `userid`, see above).
async fn watchlist(walter: &User) -> Vec<mw::answer::QueryWatchlist> {
    let mut list = mw::query::Watchlist::new();
    list.type_ = vec![WatchlistType::Edit, WatchlistType::New];
    list.prop = vec![
        WatchlistProp::Ids,
        WatchlistProp::Title,
        WatchlistProp::Flags,
        WatchlistProp::User,
        WatchlistProp::UserId,
        WatchlistProp::Comment,
        WatchlistProp::Timestamp,
    ];
    items(&walter.client, &list).await
}

/// `action=watch` of `title` (`unwatch` to take it off).
async fn watch(walter: &User, title: &str, unwatch: bool) {
    answer_of(&walter.client, |token| {
        let mut watch = mw::Watch::new(token);
        watch.titles = vec![title.to_owned()];
        watch.unwatch = unwatch;
        watch
    })
    .await;
}

#[tokio::test]
async fn items_come_and_go_with_edits_and_watches() {
    let (walter, alice) = (account("Walter_", Role::User).await, alice().await);
    let title = format!("Watch_{}", support::uniq());

    // 1. "can have items added by an edit"
    let created = edit(&walter, &title, |edit| {
        edit.watchlist = Some(mw::EditWatchlist::Watch);
    })
    .await;
    run_jobs();
    let items = watchlist(&walter).await;
    let item = items.first().expect("an item in the watchlist");
    support::assert_same_title(item.title.as_deref().expect("the item's title"), &title);
    assert_eq!(item.type_, "new");
    assert_eq!(item.rev_id, Some(created.rev_id()));
    // `user == walter`, by id.
    assert_eq!(item.user_id, Some(walter.id));
    assert_eq!(item.comment.as_deref(), Some("testing"));
    assert_eq!(item.timestamp.as_deref(), Some(created.timestamp()));

    // 2. "can have items removed using the unwatch flag"
    watch(&walter, &title, true).await;
    let items = watchlist(&walter).await;
    assert!(items.is_empty(), "{items:?}");

    // 3. "can have items added using the watch action"
    watch(&walter, &title, false).await;
    let edited = edit(&alice, &title, |_| {}).await;
    run_jobs();
    // Upstream's FIXME "force a sync with the replica": kept, for the time it takes.
    latest_revision(&alice.client, &title).await;
    let items = watchlist(&walter).await;
    let item = items.first().expect("an item in the watchlist");
    assert_eq!(item.type_, "edit");
    assert_eq!(item.rev_id, Some(edited.rev_id()));
    // `user == alice`, by id.
    assert_eq!(item.user_id, Some(alice.id));
    assert_eq!(item.comment.as_deref(), Some("testing"));
    assert_eq!(item.timestamp.as_deref(), Some(edited.timestamp()));
}
