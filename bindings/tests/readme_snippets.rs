//! Every ```rust block of README.md is quoted line for line from `examples/readme.rs`, which
//! `cargo xtask test` builds: a snippet that no longer compiles, or a README edited apart from
//! the example, fails here. (Blocks marked `rust,ignore` are compiled elsewhere, as the
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
    let example =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/readme.rs"))
            .expect("examples/readme.rs");
    let example = trimmed(&example);
    let mut blocks = 0;
    let mut rest = readme.as_str();
    while let Some(start) = rest.find("```rust\n") {
        let body = &rest[start + "```rust\n".len()..];
        let end = body.find("```").expect("a closed block");
        let block = trimmed(&body[..end]);
        assert!(
            example.windows(block.len()).any(|w| w == block.as_slice()),
            "README.md block {} is not in examples/readme.rs:\n{}",
            blocks + 1,
            block.join("\n")
        );
        blocks += 1;
        rest = &body[end..];
    }
    assert_eq!(blocks, 3, "the README's Rust blocks");
}
