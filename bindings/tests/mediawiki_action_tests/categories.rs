// Categories.js, "Categories": 5 scenarios in order (4 and 5 build on the state the earlier
// ones leave), 10 assertions. Titles are compared in dbkey form, as upstream's helpers map
// them.

use std::collections::BTreeSet;

use mwtyped::Namespace;

use super::mw::query::CategoryMembersType;

/// The dbkeys of `titles`, as a set (the originals compare members, in any order).
fn set(titles: &[&str]) -> BTreeSet<String> {
    titles.iter().map(|title| support::dbkey(title)).collect()
}

/// The describe's `listCategories(page)`: `prop=categories&titles=<page>`.
async fn categories_of(client: &Client, page_title: &str) -> BTreeSet<String> {
    page(client, page_title, mw::query::Categories::new())
        .await
        .categories
        .iter()
        .map(|category| support::dbkey(&category.title))
        .collect()
}

/// The describe's `listMembers(cat, extra)`: `list=categorymembers&cmtitle=<cat>` and what
/// `set` adds.
async fn members_of(
    client: &Client,
    category: &str,
    set: impl Fn(&mut mw::query::CategoryMembers),
) -> BTreeSet<String> {
    let mut list = mw::query::CategoryMembers::new();
    list.title = Some(category.to_owned());
    set(&mut list);
    items(client, &list)
        .await
        .iter()
        .map(|member| support::dbkey(member.title.as_deref().expect("a member's title")))
        .collect()
}

#[tokio::test]
async fn categories_are_added_listed_filtered_updated_and_nested() {
    let alice = alice().await;
    let page_x = format!("CatTest_X_{}", support::uniq());
    let page_y = format!("Talk:CatTest_Y_{}", support::uniq());
    let cat_a = format!("Cat_A_{}", support::uniq());
    let cat_b = format!("Cat_B_{}", support::uniq());
    let title_a = format!("Category:{cat_a}");
    let title_b = format!("Category:{cat_b}");
    let client = &alice.client;

    // `before`. The category tables are written after the edit's answer: the helper runs
    // the jobs after every edit, and so does this test where it reads them.
    edit(&alice, &page_x, with_text(&format!("Foo [[{title_a}]]"))).await;
    edit(
        &alice,
        &page_y,
        with_text(&format!("Bar [[{title_a}]] [[{title_b}]]")),
    )
    .await;
    run_jobs();

    // 1. "can be added using wikitext syntax"
    assert_eq!(categories_of(client, &page_x).await, set(&[&title_a]));
    assert_eq!(
        categories_of(client, &page_y).await,
        set(&[&title_a, &title_b])
    );

    // 2. "can be listed"
    assert_eq!(
        members_of(client, &title_a, |_| {}).await,
        set(&[&page_x, &page_y])
    );
    assert_eq!(members_of(client, &title_b, |_| {}).await, set(&[&page_y]));

    // 3. "can be filtered by namespace"
    let in_main = |list: &mut mw::query::CategoryMembers| list.namespace = vec![Namespace(0)];
    assert_eq!(members_of(client, &title_a, in_main).await, set(&[&page_x]));

    // 4. "are updated on edit"
    edit(
        &alice,
        &page_x,
        with_text(&format!("Foo [[{title_a}]] [[{title_b}]]")),
    )
    .await;
    edit(&alice, &page_y, with_text(&format!("Bar [[{title_b}]]"))).await;
    run_jobs();
    assert_eq!(
        categories_of(client, &page_x).await,
        set(&[&title_a, &title_b])
    );
    assert_eq!(categories_of(client, &page_y).await, set(&[&title_b]));
    assert_eq!(members_of(client, &title_a, |_| {}).await, set(&[&page_x]));
    assert_eq!(
        members_of(client, &title_b, |_| {}).await,
        set(&[&page_x, &page_y])
    );

    // 5. "can be nested"
    edit(&alice, &title_b, with_text(&format!("Crud [[{title_a}]]"))).await;
    run_jobs();
    let subcats = |list: &mut mw::query::CategoryMembers| {
        list.type_ = vec![CategoryMembersType::Subcat];
    };
    assert_eq!(
        members_of(client, &title_a, subcats).await,
        set(&[&title_b])
    );
}
