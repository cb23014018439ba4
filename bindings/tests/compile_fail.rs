//! What must not compile, with the messages users see (`tests/ui/**/*.stderr`), and what
//! must. Each case compiles against the bindings as built for this run (same features).
//!
//! After an intended change of a message: `TRYBUILD=overwrite cargo test -p mwtyped
//! --all-features --test compile_fail` (the `fail/` cases), then the same without
//! `--all-features` (the `disabled_extension/` case), and review the `.stderr` diff.

#[cfg(feature = "v1_43")]
#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/pass/*.rs");
    // rustc shortens a type's path in its messages when the short name is unambiguous. With
    // both versions built (as `cargo xtask test` builds them) `AllPages` exists twice, so the
    // expected messages are those of that build.
    #[cfg(feature = "v1_39")]
    cases.compile_fail("tests/ui/fail/*.rs");
    // A module of an extension only exists with its feature, so this case is only meaningful
    // (and only run) without it: `cargo xtask test` runs this test once more with the default
    // features, since `--all-features` turns `ext-oathauth` on.
    #[cfg(not(feature = "ext-oathauth"))]
    cases.compile_fail("tests/ui/disabled_extension/*.rs");
}
