//! `examples/category.rs` run as a user runs it, on the real 1.43 test wiki: a category tree
//! made by the test, printed at depth 0 and 1 (title, tab, bytes of wikitext), each page once;
//! a bad depth and a wiki that is not there fail with a message.

#![cfg(all(feature = "client", feature = "v1_43"))]

mod common;

use common::{ADMIN, ADMIN_PASSWORD, api, logged_in, unique};
use mwtyped::Client;
use mwtyped::v1_43::Edit;

const API: &str = "MWTYPED_TEST_API_1_43";

fn category(args: &[&str]) -> (bool, String, String) {
    let out = common::run_example("category", args, &[], "");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn sorted_lines(out: &str) -> Vec<String> {
    let mut lines: Vec<String> = out.lines().map(str::to_owned).collect();
    lines.sort();
    lines
}

#[tokio::test]
async fn prints_each_page_of_the_tree_with_its_wikitext_length() {
    let client = Client::new(api(API), "mwtyped-tests (category example)").expect("client");
    let client = logged_in(client, ADMIN, ADMIN_PASSWORD).await;
    let top = unique("Category:Example tree ");
    let sub = format!("{top} sub");
    let pages = [
        (top.clone(), "The top.".to_owned()),
        (sub.clone(), format!("[[{top}]]")),
        (format!("{top} page é"), format!("[[{top}]] ünïcode")),
        (format!("{top} in both"), format!("[[{top}]] [[{sub}]]")),
        (format!("{top} deep"), format!("[[{sub}]]")),
    ];
    for (title, text) in &pages {
        client
            .execute_with_token(|token| {
                let mut edit = Edit::new(token);
                edit.title = Some(title.clone());
                edit.text = Some(text.clone());
                edit
            })
            .await
            .unwrap_or_else(|e| panic!("saving {title}: {e}"));
    }
    let line = |i: usize| format!("{}\t{}", pages[i].0, pages[i].1.len());
    let api = api(API);
    // The links update of the last edits may still be running: ask until the tree is whole.
    let mut last = String::new();
    for _ in 0..50 {
        let (ok, out, err) = category(&[&api, &top, "--depth", "1"]);
        assert!(ok, "{err}");
        if sorted_lines(&out).len() == 4 {
            let mut expected = vec![line(1), line(2), line(3), line(4)];
            expected.sort();
            assert_eq!(
                sorted_lines(&out),
                expected,
                "each page once, the shared one too"
            );
            let (ok, out, err) = category(&[&api, &top]);
            assert!(ok, "{err}");
            let mut expected = vec![line(1), line(2), line(3)];
            expected.sort();
            assert_eq!(
                sorted_lines(&out),
                expected,
                "depth 0: the top's own members"
            );
            return;
        }
        last = out;
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("the tree never listed its 4 pages:\n{last}");
}

#[test]
fn a_bad_depth_or_an_absent_wiki_fails_with_a_message() {
    let (ok, out, err) = category(&[&api(API), "Category:X", "--depth", "deep"]);
    assert!(!ok && out.is_empty());
    assert!(
        err.contains("--depth deep") && err.contains("usage"),
        "{err}"
    );
    let (ok, _, err) = category(&["http://127.0.0.1:9/api.php", "Category:X"]);
    assert!(!ok);
    assert!(err.starts_with("category: "), "{err}");
}
