// NewTalkNotification.js, "Testing a new talk page notification": 2 scenarios in order, 3
// assertions. Kam, self-registered in the original, is a fixture account of this test alone.

use super::mw::query::UserInfoProp;

#[tokio::test]
async fn a_talk_page_edit_notifies_its_user() {
    let (alice, kam) = (alice().await, account("Kam_", Role::User).await);

    // 1. "should edit a user's talk page"
    edit(&alice, &format!("User_talk:{}", kam.name), |edit| {
        saying("Hi, Kam! ~~~~", "saying hello")(edit);
        edit.create_only = true;
    })
    .await;
    // Upstream's helper runs the jobs after the edit (and a FIXME names replication lag):
    // the notification is written after the edit's answer.
    run_jobs();

    // 2. "user should have a new message notification"
    let info = user_info(&kam.client, &[UserInfoProp::Hasmsg]).await;
    // The `messages` key exists: the typed flag is set.
    assert!(info.messages, "{info:?}");
    assert_eq!(info.name, kam.name);
    assert_eq!(info.id, kam.id);
}
