// Parse.js, "The parse action" and its four nested describes: 13 scenarios, 13 assertions,
// every one a GET `action=parse` by alice whose `parse.text['*']` must (or must not) hold a
// text. They share the page and the template the `before`s make, so they run as one test.

/// `action=parse&title=<title>&text=<text>` and what `set` adds: the HTML.
async fn parse_text(alice: &User, title: &str, text: &str, set: impl Fn(&mut mw::Parse)) -> String {
    let mut parse = mw::Parse::new();
    parse.title = Some(title.to_owned());
    parse.text = Some(text.to_owned());
    set(&mut parse);
    parsed_text(&alice.client, &parse).await
}

/// `text` parsed as if on the page `title`.
async fn parse_on(alice: &User, title: &str, text: &str) -> String {
    parse_text(alice, title, text, |_| {}).await
}

#[tokio::test]
async fn pages_and_texts_are_parsed() {
    let alice = alice().await;
    let page_title = format!("Parsing_{}", support::uniq());
    let page_creation = edit(&alice, &page_title, with_text("This is a ''test''")).await;

    // 1. "supports parsing the current content of a page"
    let text = parsed_text(&alice.client, &parse_page(&page_title)).await;
    assert!(text.contains("This is a <i>test</i>"), "{text}");

    // 2. "supports parsing text supplied as a parameter"
    let text = parse_on(&alice, &page_title, "This is another ''test''").await;
    assert!(text.contains("another <i>test</i>"), "{text}");

    // with magic words
    // 3. "supports __FORCETOC__"
    let text = parse_on(&alice, &page_title, "__FORCETOC__\n== One ==== Two ==").await;
    assert!(text.contains("id=\"toc\""), "{text}");
    // 4. "supports __NOTOC__"
    let text = parse_on(
        &alice,
        &page_title,
        "__NOTOC__\n== One ==== Two ==== Three ==== Four ==",
    )
    .await;
    assert!(!text.contains("id=\"toc\""), "{text}");

    // with variables
    // 5. "supports {{PAGENAMEE}}"
    let text = parse_on(&alice, &page_title, "This is {{PAGENAMEE}}").await;
    assert!(text.contains(&format!("This is {page_title}")), "{text}");
    // 6. "supports {{REVISIONID}} and {{REVISIONUSER}} via parameters"
    let magic = "This is {{REVISIONID}} by {{REVISIONUSER}}";
    let text = parse_text(&alice, &page_title, magic, |parse| {
        parse.rev_id = Some(page_creation.rev_id());
    })
    .await;
    let expected = format!(
        "This is {} by {}",
        page_creation.rev_id(),
        page_creation.user
    );
    assert!(text.contains(&expected), "{text}");
    // 7. "supports {{REVISIONID}} and {{REVISIONUSER}} of a saved revision"
    let another_title = format!("Parser_saved_magic_{}", support::uniq());
    let another_edit = edit(&alice, &another_title, with_text(magic)).await;
    let text = parsed_text(&alice.client, &parse_page(&another_title)).await;
    let expected = format!("This is {} by {}", another_edit.rev_id(), another_edit.user);
    assert!(text.contains(&expected), "{text}");

    // with templates: its `before` makes the template.
    let template_title = format!("Template:Parsing_{}", support::uniq());
    edit(
        &alice,
        &template_title,
        with_text("{{{greeting|Hello}}} {{{1|world}}}!"),
    )
    .await;
    // 8. "supports optional parameters"
    let say = |arguments: &str| format!("Say: {{{{{template_title}{arguments}}}}}");
    let text = parse_on(&alice, &page_title, &say("")).await;
    assert!(text.contains("Say: Hello world!"), "{text}");
    // 9. "supports positional parameters"
    let text = parse_on(&alice, &page_title, &say("|you")).await;
    assert!(text.contains("Say: Hello you!"), "{text}");
    // 10. "supports named parameters"
    let text = parse_on(&alice, &page_title, &say("|greeting=Ciao")).await;
    assert!(text.contains("Say: Ciao world!"), "{text}");

    // with parser functions
    // 11. "supports {{plural}}"
    let text = parse_on(
        &alice,
        &page_title,
        "{{plural:1|one|many}} or {{plural:2|one|many}}",
    )
    .await;
    assert!(text.contains("one or many"), "{text}");
    // 12. "supports {{ns}}"
    let text = parse_on(&alice, &page_title, "{{ns:1}}, {{ns:2}}, {{ns:3}}").await;
    assert!(text.contains("Talk, User, User talk"), "{text}");
    // 13. "supports {{uc}} and {{lc}}"
    let text = parse_on(&alice, &page_title, "{{uc:Foo}} or {{lc:Foo}}").await;
    assert!(text.contains("FOO or foo"), "{text}");
}
