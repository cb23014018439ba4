// Undo.js, "Testing undo functionality": 5 scenarios in order, 1 assertion (the first four
// have only the edit helper's `Success`).

#[tokio::test]
async fn a_revision_in_the_middle_is_undone() {
    let alice = alice().await;
    let title = format!("Undo_{}", support::uniq());

    // 1. "should create a page"
    edit(&alice, &title, |edit| {
        edit.text = Some("Undo Page\n\nFoo".into());
        edit.create_only = true;
    })
    .await;

    // 2. "should edit a page, revision 2"
    let revision = edit(&alice, &title, with_text("Undo Pages\n\nFoo")).await;

    // 3. "should edit a page, revision 3"
    edit(&alice, &title, with_text("Undo Page\n\nFoo\n\nBar")).await;

    // 4. "should undo revision 2": the helper's `Lorem ipsum` text goes too; `undo` overrides
    // it. The undo must merge cleanly.
    edit(&alice, &title, |edit| edit.undo = Some(revision.rev_id())).await;

    // 5. "should confirm undo action"
    let page_html = html(&alice.client, &title).await;
    assert!(
        page_html.contains("<p>Undo Page\n</p><p>Foo\n</p><p>Bar\n</p>"),
        "{page_html}"
    );
}
