// UserContribs.js, "The usercontribs list query": 4 scenarios on the edits of its `before`,
// so one test; its helper's 4 assertion statements (a count, then a comment, a revision and
// a user per expected row). Fiona and Franky, self-registered in the original, are fixture
// accounts of this test alone.

use mwtyped::Namespace;

use super::mw::query::{UserContribsProp, UserContribsShow};

/// fiona's `list=usercontribs&ucuser=<fiona>|<franky>&ucprop=ids|user|comment|timestamp`,
/// with what `set` adds. `user` is no value of `ucprop` (MediaWiki only warns of it and sends
/// the user anyway), and no variant of the typed one: it is left out.
async fn contribs(
    reader: &User,
    users: [&User; 2],
    set: impl Fn(&mut mw::query::UserContribs),
) -> Vec<mw::answer::QueryUserContribs> {
    let mut list = mw::query::UserContribs::new();
    list.user = users.iter().map(|user| user.name.clone()).collect();
    list.prop = vec![
        UserContribsProp::Ids,
        UserContribsProp::Comment,
        UserContribsProp::Timestamp,
    ];
    set(&mut list);
    items(&reader.client, &list).await
}

/// The describe's `assertContribs`: as many contributions as expected, and, sorted by
/// timestamp then revision, each one's comment, revision and user those of the expected edit.
#[track_caller]
fn assert_contribs(expected: &[&Edited], mut contribs: Vec<mw::answer::QueryUserContribs>) {
    assert_eq!(contribs.len(), expected.len(), "{contribs:?}");
    contribs.sort_by(|a, b| (&a.timestamp, a.rev_id).cmp(&(&b.timestamp, b.rev_id)));
    for (edit, contrib) in expected.iter().zip(&contribs) {
        assert_eq!(contrib.comment.as_deref(), Some(edit.summary.as_str()));
        assert_eq!(contrib.rev_id, Some(edit.rev_id()));
        assert_eq!(contrib.user, edit.user);
    }
}

#[tokio::test]
async fn contributions_are_listed_and_filtered() {
    let fiona = account("Fiona_", Role::User).await;
    let franky = account("Franky_", Role::User).await;
    let title_x = format!("Contribs_{}", support::uniq());
    let title_y = format!("Talk:Contribs_{}", support::uniq());
    let minor = |text: &'static str, summary: &'static str| {
        move |edit: &mut mw::Edit| {
            saying(text, summary)(edit);
            edit.minor = true;
        }
    };

    let fiona1 = edit(&fiona, &title_x, saying("Fiona X ONE", "fiona x one")).await;
    let fiona2 = edit(&fiona, &title_x, minor("Fiona X TWO", "fiona x two")).await;
    let franky1 = edit(&franky, &title_y, saying("Franky Y ONE", "franky y one")).await;
    let franky2 = edit(&franky, &title_y, minor("Franky Y TWO", "franky y two")).await;
    let fiona3 = edit(&fiona, &title_y, saying("Fiona Y TREE", "fiona y three")).await;
    // Upstream's comment says franky, but fiona makes this edit, and its checks follow her.
    let franky3 = edit(&fiona, &title_x, saying("Franky X TREE", "franky x three")).await;
    let users = [&fiona, &franky];

    // 1. "can lists all contributions for a given set of users"
    let all = contribs(&fiona, users, |_| {}).await;
    assert_contribs(
        &[&fiona1, &fiona2, &franky1, &franky2, &fiona3, &franky3],
        all,
    );

    // 2. "can filter by namespace"
    let talk = contribs(&fiona, users, |list| list.namespace = vec![Namespace(1)]).await;
    assert_contribs(&[&franky1, &franky2, &fiona3], talk);

    // 3. "can list top only": `uctoponly`, deprecated for `ucshow=top`, is what upstream
    // sends.
    #[allow(deprecated)]
    let top = contribs(&fiona, users, |list| list.top_only = true).await;
    assert_contribs(&[&fiona3, &franky3], top);

    // 4. "can list creation only"
    let new = contribs(&fiona, users, |list| {
        list.show = vec![UserContribsShow::New]
    })
    .await;
    assert_contribs(&[&fiona1, &franky1], new);
}
