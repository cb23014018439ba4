// SiteStats.js, "Testing site statistics' edits value": 2 scenarios, the second skipped
// upstream; 3 assertions (2 in the skipped one, ported as an ignored test).

use super::mw::query::SiteInfoProp;

/// `meta=siteinfo&siprop=statistics`: `statistics.edits`.
async fn site_edits(client: &Client) -> i64 {
    let mut site_info = mw::query::SiteInfo::new();
    site_info.prop = vec![SiteInfoProp::Statistics];
    read(client, &site_info)
        .await
        .query
        .and_then(|query| query.statistics)
        .expect("siprop=statistics answers `statistics`")
        .edits
}

// 1. "should GET site statistics"
#[tokio::test]
async fn the_site_statistics_hold_an_edit_count() {
    let wikiuser = alice().await;
    // Upstream parses `edits` as a base-10 integer and asserts a number: the typed answer's
    // `edits` is an integer, or the answer would not have been read.
    let edits: i64 = site_edits(&wikiuser.client).await;
    assert!(edits >= 0, "{edits}");
}

// 2. "should GET an increased site edits stat after editing a page"
#[tokio::test]
#[ignore = "skipped upstream (it.skip): the count is raised by a deferred update"]
async fn the_edit_count_rises_after_an_edit() {
    let wikiuser = alice().await;
    let before = site_edits(&wikiuser.client).await;
    let title = format!("TestingSiteStats_{}", support::uniq());
    edit(&wikiuser, &title, with_text("testing site stats ...")).await;
    run_jobs();
    let after: i64 = site_edits(&wikiuser.client).await;
    assert!(after >= 0, "{after}");
    assert!(after > before, "{after} after, {before} before");
}
