// Move.js, "Move action": 2 scenarios on the pages its `before` makes, so one test; 22
// assertions, each through the typed answers (`talkfrom`, `talkto`, `subpages`,
// `subpages-talk`, `query.redirects`); where the pages ended up is checked on the wiki too.

/// `move` from `from` to `to` by `mindy`, with `reason=testing` and what `set` adds.
async fn moved(
    mindy: &User,
    from: &str,
    to: &str,
    set: impl Fn(&mut mw::Move),
) -> mw::answer::MoveResult {
    answer_of(&mindy.client, |token| {
        let mut move_ = mw::Move::new(to.to_owned(), token);
        move_.from = Some(from.to_owned());
        move_.reason = Some("testing".into());
        set(&mut move_);
        move_
    })
    .await
    .move_
}

#[tokio::test]
async fn pages_move_with_and_without_redirect_subpages_and_talk() {
    let mindy = mindy().await;
    let user_page = format!("MoveWith_{}", support::uniq());
    let page1 = format!("MoveWithout_{}", support::uniq());
    let page2 = format!("User:{user_page}");
    let (page1_subpage, page2_subpage) = (support::uniq(), support::uniq());
    let page1_talk = format!("Talk:{page1}");
    let page2_talk = format!("User_talk:{user_page}");

    // `before`: page1, a subpage and its talk page; page2, a subpage and its talk page.
    edit(
        &mindy,
        &page1,
        with_text("Move without redirect, subpage and talkpage"),
    )
    .await;
    let page1_sub = format!("{page1}/{page1_subpage}");
    edit(
        &mindy,
        &page1_sub,
        with_text(&format!("Subpage of {page1}")),
    )
    .await;
    edit(
        &mindy,
        &page1_talk,
        with_text(&format!("Talk page of {page1}")),
    )
    .await;
    edit(
        &mindy,
        &page2,
        with_text("Move with redirect, subpage and talkpage"),
    )
    .await;
    let page2_sub = format!("{page2}/{page2_subpage}");
    edit(
        &mindy,
        &page2_sub,
        with_text(&format!("Subpage of {page2}")),
    )
    .await;
    edit(
        &mindy,
        &page2_talk,
        with_text(&format!("Talk page of {page2}")),
    )
    .await;

    // 1. "should move a page without a redirect or its subpages and talkpages"
    let new_page1 = format!("{page1}_{}", support::uniq());
    let move_ = moved(&mindy, &page1, &new_page1, |move_| move_.no_redirect = true).await;
    support::assert_same_title(&move_.from, &page1);
    support::assert_same_title(&move_.to, &new_page1);
    assert_eq!(move_.reason, "testing");
    // `redirectcreated` absent: the typed flag is false.
    assert!(!move_.redirect_created, "{move_:?}");
    assert!(move_.subpages.is_empty(), "{move_:?}");
    assert!(move_.talkto.is_none() && move_.talkfrom.is_none(), "{move_:?}");
    // The talk page and the subpage stayed where they were.
    assert!(
        exists(&mindy.client, &page1_talk).await,
        "{page1_talk} moved"
    );
    assert!(exists(&mindy.client, &page1_sub).await, "{page1_sub} moved");
    let new_page = html(&mindy.client, &new_page1).await;
    let old_page = read_refusal(&mindy.client, &parse_page(&page1)).await;
    assert!(
        new_page.contains("Move without redirect, subpage and talkpage"),
        "{new_page}"
    );
    assert_code(&old_page, "missingtitle");

    // 2. "should move a page with a redirect and its subpages and talkpages"
    let new_title = format!("Move_{}", support::uniq());
    let new_page2 = format!("User:{new_title}");
    let new_page2_talk = format!("User_talk:{new_title}");
    let move_ = moved(&mindy, &page2, &new_page2, |move_| {
        move_.move_talk = true;
        move_.move_subpages = true;
    })
    .await;
    support::assert_same_title(&move_.from, &page2);
    support::assert_same_title(&move_.to, &new_page2);
    support::assert_same_title(move_.talkfrom.as_deref().expect("talkfrom"), &page2_talk);
    support::assert_same_title(move_.talkto.as_deref().expect("talkto"), &new_page2_talk);
    // The talk page is now at newPage2Talk.
    assert!(
        exists(&mindy.client, &new_page2_talk).await,
        "{page2_talk} did not move to {new_page2_talk}"
    );
    let new_page2_sub = format!("{new_page2}/{page2_subpage}");
    let subpages = &move_.subpages;
    assert!(!subpages.is_empty(), "{move_:?}");
    support::assert_same_title(&subpages[0].from, &page2_sub);
    support::assert_same_title(subpages[0].to.as_deref().expect("moved"), &new_page2_sub);
    // The describe checks that `subpages-talk` is there; the talk page has no subpages, so it
    // is `[]`, and a list sent empty reads as one absent: empty.
    assert!(move_.subpages_talk.is_empty(), "{move_:?}");
    // The subpage is now under newPage2.
    assert!(
        exists(&mindy.client, &new_page2_sub).await,
        "{page2_sub} did not move to {new_page2_sub}"
    );
    assert_eq!(move_.reason, "testing");
    assert!(move_.redirect_created, "{move_:?}");

    let new_page_html = html(&mindy.client, &new_page2).await;
    assert!(
        new_page_html.contains("Move with redirect, subpage and talkpage"),
        "{new_page_html}"
    );

    // `action=query&titles=<page2>&redirects=true`: page2 redirects to newPage2.
    let mut redirect_info = mw::Query::new();
    redirect_info.titles = vec![page2.clone()];
    redirect_info.redirects = true;
    let answer = read(&mindy.client, &redirect_info).await;
    let redirects = answer.query.map(|q| q.redirects).expect("query.redirects");
    support::assert_same_title(&redirects[0].from, &page2);
    support::assert_same_title(&redirects[0].to, &new_page2);
    // And the page it resolves to is one page, newPage2.
    let resolved = pages(&mindy.client, &redirect_info).await;
    assert_eq!(
        resolved.len(),
        1,
        "{page2} resolves to one page: {resolved:?}"
    );
    let target = resolved[0]
        .title
        .as_deref()
        .expect("the resolved page's title");
    assert!(!resolved[0].missing, "{resolved:?}");
    support::assert_same_title(target, &new_page2);
}
