// Revision.js, "Testing Revisions": 1 scenario, 1 assertion (the history, as exact objects).

use super::mw::query::RevisionsProp;

/// A revision of `rvprop=ids|user|comment`: the fields those props give, and whether every
/// other field of the typed model is unset (upstream's objects are exact: no other key).
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Row {
    rev_id: Option<i64>,
    parent_id: Option<i64>,
    user: Option<String>,
    comment: Option<String>,
    nothing_else: bool,
}

#[tokio::test]
async fn the_history_lists_every_revision() {
    let alice = alice().await;
    let title = format!("Revision_{}", support::uniq());

    // `before`: the page, then two revisions.
    let create = edit(&alice, &title, |edit| {
        saying("Creating revision page ...", "create revision page")(edit);
        edit.create_only = true;
    })
    .await;
    let rev1 = edit(&alice, &title, saying("Revision 1", "revision 1")).await;
    let rev2 = edit(&alice, &title, saying("Revision 2", "revision 2")).await;

    // "should get revision history"
    let mut revisions = mw::query::Revisions::new();
    revisions.limit = Some(Limit::Value(5));
    revisions.prop = vec![
        RevisionsProp::Ids,
        RevisionsProp::User,
        RevisionsProp::Comment,
    ];
    let history = page(&alice.client, &title, revisions)
        .await
        .revisions;
    let mut seen: Vec<Row> = history
        .into_iter()
        .map(|revision| Row {
            nothing_else: !revision.minor
                && revision.slots.is_empty()
                && revision.timestamp.is_none()
                && revision.parsedcomment.is_none()
                && revision.roles.is_empty()
                && revision.sha1.is_none()
                && revision.size.is_none()
                && revision.tags.is_empty()
                && revision.user_id.is_none(),
            rev_id: revision.rev_id,
            parent_id: revision.parentid,
            user: revision.user,
            comment: revision.comment,
        })
        .collect();
    seen.sort();
    let row = |edited: &Edited, parent: i64| Row {
        rev_id: Some(edited.rev_id()),
        parent_id: Some(parent),
        user: Some(alice.name.clone()),
        comment: Some(edited.summary.clone()),
        nothing_else: true,
    };
    let mut expected = vec![
        row(&rev2, rev1.rev_id()),
        row(&rev1, create.rev_id()),
        row(&create, 0),
    ];
    expected.sort();
    assert_eq!(seen, expected);
}
