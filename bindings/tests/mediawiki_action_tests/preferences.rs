// Preferences.js, "Changing a user's preferences": 5 scenarios in order, 6 assertions.
// `meta=userinfo&uiprop=options` answers each option's value as free-form JSON in the typed
// answer: the assertions on a value are gaps (GAPS.md); those on an option's presence are
// read from the typed map's keys.

use super::mw::query::UserInfoProp;

/// A POST `action=options&change=<change>`: its `options` (`success`).
async fn change(alice: &User, change: &str) -> String {
    answer_of(&alice.client, |token| {
        let mut options = mw::Options::new(token);
        options.change = vec![change.to_owned()];
        options
    })
    .await
    .options
}

/// The names of alice's options (`uiprop=options`).
async fn option_names(alice: &User) -> Vec<String> {
    user_info(&alice.client, &[UserInfoProp::Options])
        .await
        .options
        .keys()
        .cloned()
        .collect()
}

#[tokio::test]
async fn options_change_and_unknown_ones_are_not_kept() {
    let alice = alice().await;

    // 1. "should get users default date settings": a gap (the value of `date`).

    // 2. "should change date preference from default to dmy"
    assert_eq!(change(&alice, "date=dmy").await, "success");

    // 3. "should get users updated date preference": a gap (the value of `date`).

    // 4. "should allow arbitrary userjs option": `success`, then the option is there (its
    // value, `Hello World`, is a gap).
    assert_eq!(
        change(&alice, "userjs-api-test=Hello World").await,
        "success"
    );
    let names = option_names(&alice).await;
    assert!(
        names.iter().any(|name| name == "userjs-api-test"),
        "{names:?}"
    );

    // 5. "should not be able to set arbitrary option": the answer only has to be no error
    // (MediaWiki warns); then the option is not there.
    change(&alice, "api-test-yadda=Hello World").await;
    let names = option_names(&alice).await;
    assert!(
        !names.iter().any(|name| name == "api-test-yadda"),
        "{names:?}"
    );
}
