// Patrolling.js, "The patrol action": 3 scenarios in order, 10 assertions. Upstream also
// sends `title` to action=patrol, which has no such parameter (a warning only): nothing stands
// for it here.

use super::mw::query::RecentChangesProp;

/// The `rcprop` of the scenarios' recent-change reads.
const PATROL_ENTRY: &[RecentChangesProp] = &[
    RecentChangesProp::Ids,
    RecentChangesProp::Flags,
    RecentChangesProp::Patrolled,
];

/// A patrol of the revision `rev_id`.
fn patrol(rev_id: i64) -> impl Fn(Token<mwtyped::token::PatrolToken>) -> mw::Patrol {
    move |token| {
        let mut patrol = mw::Patrol::new(token);
        patrol.rev_id = Some(rev_id);
        patrol
    }
}

#[tokio::test]
async fn only_sysops_patrol_and_see_the_patrol_flags() {
    let (alice, mindy) = (alice().await, mindy().await);
    let page_title = format!("Patroll_{}", support::uniq());

    // 1. "doesn't allow a users to patrol their own edit": with alice's own patrol token.
    let edited = edit(&alice, &page_title, saying("One", "first")).await;
    let error = refusal_of(&alice.client, patrol(edited.rev_id())).await;
    assert_code(&error, "permissiondenied");
    let rc = newest_change(&mindy.client, &page_title, PATROL_ENTRY).await;
    assert_eq!(rc.type_, "new");
    assert!(!rc.autopatrolled, "{rc:?}");
    assert!(!rc.patrolled, "{rc:?}");
    assert!(rc.unpatrolled, "{rc:?}");

    // 2. "allows sysops to patrol an edit"
    let patrolled = answer_of(&mindy.client, patrol(edited.rev_id()))
        .await
        .patrol;
    assert_eq!(Some(patrolled.rc_id), rc.rc_id);
    let rc = newest_change(&mindy.client, &page_title, PATROL_ENTRY).await;
    assert_eq!(rc.type_, "new");
    assert!(rc.patrolled, "{rc:?}");
    assert!(!rc.unpatrolled, "{rc:?}");

    // 3. "doesn't allow regular users to see the patrol flags"
    let mut changes = mw::query::RecentChanges::new();
    changes.title = Some(page_title.clone());
    changes.prop = PATROL_ENTRY.to_vec();
    let error = read_refusal(&alice.client, &changes).await;
    assert_code(&error, "permissiondenied");
}
