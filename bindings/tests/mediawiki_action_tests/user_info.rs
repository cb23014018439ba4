// UserInfo.js, "Changing a user's `editfont` option": 4 scenarios in order, 4 assertions.
// Rick, self-registered in the original, is a fixture account of this test alone. Scenarios
// 2 and 4 read the value of an option, which the typed answer holds as free-form JSON: they
// are gaps (GAPS.md).

use super::mw::query::UserInfoProp;

/// `meta=userinfo&uiprop=editcount`.
async fn edit_count(user: &User) -> i64 {
    user_info(&user.client, &[UserInfoProp::Editcount])
        .await
        .editcount
        .expect("uiprop=editcount answers `editcount`")
}

#[tokio::test]
async fn the_edit_count_rises_and_the_editfont_option_changes() {
    let rick = account("Rick_", Role::User).await;
    let random_page = format!("random{}", support::uniq());

    // 1. "should make edits to a page and update the editcount". Upstream passes the string
    // 'Random text' where the helper wants parameters: the helper's own random text goes,
    // so all three edits change the page, as these do.
    let initial = edit_count(&rick).await;
    for _ in 0..3 {
        edit(&rick, &random_page, |_| {}).await;
    }
    // The edit count is raised by an update deferred past the edit's answer.
    run_jobs();
    let updated = edit_count(&rick).await;
    assert_eq!(updated, initial + 3);

    // 2. "should get users default editfont preference": a gap.

    // 3. "should change editfont preference from monospace to serif"
    let changed = answer_of(&rick.client, |token| {
        let mut options = mw::Options::new(token);
        options.change = vec!["editfont=serif".into()];
        options
    })
    .await;
    assert_eq!(changed.options, "success");

    // 4. "should get users updated editfont preference": a gap.
}
