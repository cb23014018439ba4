// DiffCompare.js, "Diff Compare with Variables": 6 scenarios in order, 2 assertions (the
// four edits have only the helper's `Success`). The regexes are matched by
// `support::has_diff_cell` (the tests have no regex crate).

/// `action=compare&fromrev=<from>&torev=<to>`: the diff's HTML (`compare['*']`).
async fn diff(client: &Client, from: i64, to: i64) -> String {
    let mut compare = mw::Compare::new();
    compare.from_rev = Some(from);
    compare.to_rev = Some(to);
    read(client, &compare)
        .await
        .compare
        .body
        .expect("the diff")
}

#[tokio::test]
async fn revisions_compare_with_added_and_deleted_lines() {
    let wikiuser = alice().await;
    let title = format!("DiffCompare{}", support::uniq());

    // 1. "should edit a page", 2. "revision 2", 3. "revision 3", 4. "revision 4"
    let rev1 = edit(&wikiuser, &title, with_text("Counting: \n* One")).await;
    edit(&wikiuser, &title, with_text("Counting: \n* One \n* Two")).await;
    let rev3 = edit(
        &wikiuser,
        &title,
        with_text("Counting: \n* One \n* Two \n* Three"),
    )
    .await;
    let rev4 = edit(&wikiuser, &title, with_text("Counting: \n* One \n* Two")).await;

    // 5. "should compare revisions 1 and 4": `/<td class=.diff-addedline.*>.*\* Two/`
    let body = diff(&wikiuser.client, rev1.rev_id(), rev4.rev_id()).await;
    assert!(
        support::has_diff_cell(&body, "diff-addedline", "* Two"),
        "{body}"
    );

    // 6. "should compare revisions 3 and 4": `/<td class=.diff-deletedline.*>.*\* Three/`
    let body = diff(&wikiuser.client, rev3.rev_id(), rev4.rev_id()).await;
    assert!(
        support::has_diff_cell(&body, "diff-deletedline", "* Three"),
        "{body}"
    );
}
