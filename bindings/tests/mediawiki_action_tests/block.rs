// Block.js, "Block": 1 scenario, 7 assertions.

/// A POST `action=block&user=<target>&token=…`: no reason, no expiry, no `newblock`.
async fn block(
    client: &Client,
    target: &str,
) -> Result<mwtyped::Response<mw::answer::Block>, Error> {
    client
        .execute_with_token(|token| {
            let mut block = mw::Block::new(token);
            block.user = Some(target.to_owned());
            block
        })
        .await
}

// "should not allow multiblocks without newblock (T389028)": two blocks of one address sent
// at once, neither with `newblock`: one blocks, the other answers `alreadyblocked`.
#[tokio::test]
async fn multiblocks_need_newblock() {
    let mindy = mindy().await;
    let target = support::random_ipv6();
    let answers = {
        let (first, second) =
            tokio::join!(block(&mindy.client, &target), block(&mindy.client, &target));
        [first, second]
    };

    assert_eq!(answers.len(), 2);
    // HTTP 200 twice: each is an answer of the API, a block or an API error (an HTTP status
    // or a transport failure would be an error without an API code).
    for answer in &answers {
        if let Err(e) = answer {
            assert!(e.code().is_some(), "not an answer of the API: {e}");
        }
    }
    let (good, bad): (Vec<_>, Vec<_>) = answers.into_iter().partition(Result::is_ok);

    let good = good
        .into_iter()
        .next()
        .and_then(Result::ok)
        .expect("one of the two blocks the address");
    let blocked = good.answer().unwrap_or_else(|e| panic!("block: {e}")).block;
    assert!(blocked.id > 0, "{blocked:?}");

    let bad = bad
        .into_iter()
        .next()
        .and_then(Result::err)
        .expect("the other answers an error");
    assert_code(&bad, "alreadyblocked");

    // Not upstream: the wikis keep their blocks between runs, so the address is unblocked.
    answer_of(&mindy.client, |token| {
        let mut unblock = mw::Unblock::new(token);
        unblock.id = Some(blocked.id);
        unblock
    })
    .await;
}
