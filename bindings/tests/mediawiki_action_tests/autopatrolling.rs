// Autopatrolling.js, "Testing default autopatrolling rights": 3 scenarios in order, 2
// assertions. The recent-change rows have no `anon` flag in the typed answer (GAPS.md): the
// read adds `rcprop=userid`, and the anonymous row is told by its `userid` 0.

use super::mw::query::RecentChangesProp;

/// What a row of `list=recentchanges&rcprop=patrolled|user|userid` holds in the typed
/// answer, every field the model has for those props and the flags that must stay unset.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Row {
    type_: String,
    user: Option<String>,
    user_id: Option<i64>,
    patrolled: bool,
    autopatrolled: bool,
    unpatrolled: bool,
    bot: bool,
    minor: bool,
    new: bool,
}

#[tokio::test]
async fn a_sysops_edit_is_autopatrolled_an_anonymous_one_is_not() {
    let mindy = mindy().await;
    // Made when the describe's body runs, as upstream's.
    let anon = anonymous().await;
    let title = format!("Autopatrol_{}", support::uniq());

    // 1. "should edit page as a user in autopatrol group"
    edit(&mindy, &title, with_text("Is this page autopatrolled?")).await;

    // 2. "should edit page as an anonymous user" (its csrf token is `+\`)
    edit(
        &anon,
        &title,
        with_text("Anonymous: Is this page autopatrolled?"),
    )
    .await;

    // 3. "should confirm autopatrolling rights"
    let anon_name = user_info(&anon.client, &[]).await.name;
    let mut changes = mw::query::RecentChanges::new();
    changes.title = Some(title.clone());
    changes.prop = vec![
        RecentChangesProp::Patrolled,
        RecentChangesProp::User,
        RecentChangesProp::UserId,
    ];
    let rows = items(&mindy.client, &changes).await;
    assert_eq!(rows.len(), 2, "{rows:?}");
    let mut seen: Vec<Row> = rows
        .into_iter()
        .map(|row| Row {
            type_: row.type_,
            user: row.user,
            user_id: row.user_id,
            patrolled: row.patrolled,
            autopatrolled: row.autopatrolled,
            unpatrolled: row.unpatrolled,
            bot: row.bot,
            minor: row.minor,
            new: row.new,
        })
        .collect();
    seen.sort();
    // Upstream: `{anon, type: edit, unpatrolled, user: <anon>}` and
    // `{type: new, patrolled, autopatrolled, user: <mindy>}`, in any order.
    let mut expected = vec![
        Row {
            type_: "edit".into(),
            user: Some(anon_name),
            // `anon`: no user id.
            user_id: Some(0),
            patrolled: false,
            autopatrolled: false,
            unpatrolled: true,
            bot: false,
            minor: false,
            new: false,
        },
        Row {
            type_: "new".into(),
            user: Some(mindy.name.clone()),
            user_id: Some(mindy.id),
            patrolled: true,
            autopatrolled: true,
            unpatrolled: false,
            bot: false,
            minor: false,
            new: false,
        },
    ];
    expected.sort();
    assert_eq!(seen, expected);
}
