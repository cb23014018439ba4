//! Every ```rust block of README.md is quoted line for line from `examples/readme.rs`, which
//! `cargo xtask test` builds, or from the bot tasks (`tests/bot_tasks/tasks.rs`), which
//! `bot_tasks_on_the_wiki.rs` runs on both wikis: a snippet that no longer compiles, or a
//! README edited apart from them, fails here. (Blocks marked `rust,ignore` are compiled elsewhere, as the
//! own-wiki example's `api_from_spec!`.)

fn trimmed(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn the_readme_quotes_the_compiled_example() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).expect("README.md");
    let read = |path: &str| {
        std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
            .unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let (example, tasks) = (read("examples/readme.rs"), read("tests/bot_tasks/tasks.rs"));
    let (example, tasks) = (trimmed(&example), trimmed(&tasks));
    let mut blocks = 0;
    let mut rest = readme.as_str();
    while let Some(start) = rest.find("```rust\n") {
        let body = &rest[start + "```rust\n".len()..];
        let end = body.find("```").expect("a closed block");
        let block = trimmed(&body[..end]);
        let quoted = |source: &[&str]| source.windows(block.len()).any(|w| w == block.as_slice());
        assert!(
            quoted(&example) || quoted(&tasks),
            "README.md block {} is in neither examples/readme.rs nor tests/bot_tasks/tasks.rs:\n{}",
            blocks + 1,
            block.join("\n")
        );
        blocks += 1;
        rest = &body[end..];
    }
    assert_eq!(blocks, 7, "the README's Rust blocks");
}
