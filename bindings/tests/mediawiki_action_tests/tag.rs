// Tag.js, "The tag action module": 2 scenarios in order, 4 assertions.
//
// Upstream's tags are `foo-bar` and `foo-bar-baz`, made once and kept. Here they carry a
// random part and are deleted at the end, pass or fail: a defined tag is a value of every
// `tags` parameter, and other tests compare the wikis' paraminfo with the committed capture.
// The random part keeps their order (`foo-bar-…` sorts before `foo-bar-…-baz`).

use futures_util::FutureExt;

use super::mw::query::{RecentChangesProp, RevisionsProp, TagsProp};

/// api-testing's `action.makeTag(name)`: root lists the tags (`tgprop=displayname`) and
/// makes `name` when it is not among them.
async fn make_tag(root: &User, name: &str) {
    let mut tags = mw::query::Tags::new();
    tags.prop = vec![TagsProp::Displayname];
    let known = items(&root.client, &tags).await;
    if !known.iter().any(|tag| tag.name == name) {
        let made = manage_tag(root, mw::ManageTagsOperation::Create, name).await;
        // The helper's own check: `managetags.tag` is set.
        assert_eq!(made.tag, name);
    }
    run_jobs();
}

/// `action=managetags` on `name` (warnings ignored: a tag in use warns on deletion).
async fn manage_tag(
    root: &User,
    operation: mw::ManageTagsOperation,
    name: &str,
) -> mw::answer::ManageTagsResult {
    answer_of(&root.client, |token| {
        let mut manage = mw::ManageTags::new(operation, name.to_owned(), token);
        manage.ignore_warnings = true;
        manage
    })
    .await
    .manage_tags
}

/// The tags of the revision `rev_id` of the page `page_id`
/// (`prop=revisions&revids=…&rvprop=tags`, `pages[pageid].revisions[0].tags`).
async fn revision_tags(client: &Client, page_id: i64, rev_id: i64) -> Option<Vec<String>> {
    let mut revisions = mw::query::Revisions::new();
    revisions.prop = vec![RevisionsProp::Tags];
    let mut query = mw::Query::new();
    query.rev_ids = vec![rev_id];
    query.select.add(revisions);
    let found = pages(client, &query).await;
    let page = found
        .into_iter()
        .find(|page| page.page_id == Some(page_id))
        .unwrap_or_else(|| panic!("no page {page_id}"));
    page.revisions
        .into_iter()
        .next()
        .map(|revision| revision.tags)
}

/// The tags of the newest recent change of `title` (`rcprop=tags`, `[0].tags`).
async fn change_tags(client: &Client, title: &str) -> Option<Vec<String>> {
    newest_change(client, title, &[RecentChangesProp::Tags])
        .await
        .tags
        .into()
}

/// `action=tag` by `user` on a revision or a recent change (`set` says which, and what).
async fn tag(user: &User, set: impl Fn(&mut mw::Tag)) {
    answer_of(&user.client, |token| {
        let mut tag = mw::Tag::new(token);
        set(&mut tag);
        tag
    })
    .await;
}

#[tokio::test]
async fn tags_are_added_to_and_removed_from_revisions_and_changes() {
    let (root, bob) = (root().await, bob().await);
    let foo_bar = format!("foo-bar-{}", support::uniq());
    let foo_bar_baz = format!("{foo_bar}-baz");
    make_tag(&root, &foo_bar).await;
    make_tag(&root, &foo_bar_baz).await;

    let scenarios = std::panic::AssertUnwindSafe(scenarios(&bob, &foo_bar, &foo_bar_baz));
    let outcome = scenarios.catch_unwind().await;
    for name in [&foo_bar, &foo_bar_baz] {
        manage_tag(&root, mw::ManageTagsOperation::Delete, name).await;
    }
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

/// The describe's `before` (bob's page and its recent change) and both scenarios.
async fn scenarios(bob: &User, foo_bar: &str, foo_bar_baz: &str) {
    let page = format!("Tag_{}", support::uniq());
    edit(bob, &page, with_text("Revision to tag")).await;
    run_jobs();
    let change = newest_change(&bob.client, &page, CHANGE_ENTRY).await;
    let page_id = change.page_id.expect("the change's page id");
    let rev_id = change.rev_id.expect("the change's revision id");
    let rc_id = change.rc_id.expect("the change's id");

    // 1. "Adds and removes tags from revision"
    tag(bob, |tag| {
        tag.rev_id = vec![rev_id];
        tag.add = vec![foo_bar.to_owned()];
        tag.reason = Some("For testing tags".into());
    })
    .await;
    assert_eq!(
        revision_tags(&bob.client, page_id, rev_id).await,
        Some(vec![foo_bar.to_owned()])
    );
    tag(bob, |tag| {
        tag.rev_id = vec![rev_id];
        tag.remove = vec![foo_bar.to_owned()];
    })
    .await;
    assert_eq!(
        revision_tags(&bob.client, page_id, rev_id).await,
        Some(vec![])
    );

    // 2. "Adds and removes tags from recent change": in this order.
    tag(bob, |tag| {
        tag.rc_id = vec![rc_id];
        tag.add = vec![foo_bar.to_owned(), foo_bar_baz.to_owned()];
        tag.reason = Some("For testing tags".into());
    })
    .await;
    assert_eq!(
        change_tags(&bob.client, &page).await,
        Some(vec![foo_bar.to_owned(), foo_bar_baz.to_owned()])
    );
    tag(bob, |tag| {
        tag.rc_id = vec![rc_id];
        tag.remove = vec![foo_bar.to_owned()];
    })
    .await;
    assert_eq!(
        change_tags(&bob.client, &page).await,
        Some(vec![foo_bar_baz.to_owned()])
    );
}
