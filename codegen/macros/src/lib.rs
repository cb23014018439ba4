//! # mwtyped-macros
//!
//! The proc macros of mwtyped: parse the arguments, load the embedded spec, call
//! `mwtyped-codegen`, and turn every error into a compile error at the argument's span.

use proc_macro::TokenStream;
use syn::{LitStr, parse_macro_input};

/// `api!("mediawiki-1.43")`: every module of a committed capture as typed structs, with
/// `MEDIAWIKI_VERSION` and the `MODULES` facts table.
#[proc_macro]
pub fn api(input: TokenStream) -> TokenStream {
    let name = parse_macro_input!(input as LitStr);
    match load(&name) {
        Ok((spec, answers)) => mwtyped_codegen::api_with_answers(
            &spec,
            &answers,
            &mwtyped_codegen::Options::bindings(),
        )
        .into(),
        Err(message) => syn::Error::new(name.span(), message)
            .to_compile_error()
            .into(),
    }
}

/// `api_from_spec!("wiki/spec.json")`: every module of a spec file captured from your own
/// wiki (`cargo xtask fetch --api URL --name NAME --spec-file FILE`), the path relative to
/// the invoking crate's `Cargo.toml`. The crate is rebuilt when the file changes.
#[proc_macro]
pub fn api_from_spec(input: TokenStream) -> TokenStream {
    let file = parse_macro_input!(input as LitStr);
    match load_file(&file.value()) {
        Ok((spec, path)) => {
            let api = mwtyped_codegen::api(&spec, &mwtyped_codegen::Options::spec_file());
            // Cargo rebuilds a crate when a file it `include_str!`s changes (a proc macro has
            // no stable way of its own to declare that dependency).
            let path = path.to_string_lossy();
            quote::quote! {
                const _: &str = include_str!(#path);
                #api
            }
            .into()
        }
        Err(message) => syn::Error::new(file.span(), message)
            .to_compile_error()
            .into(),
    }
}

/// The spec in `given`, relative to the invoking crate's folder, and its absolute path.
fn load_file(given: &str) -> Result<(mwtyped_spec::Spec, std::path::PathBuf), String> {
    let base = std::env::var_os("CARGO_MANIFEST_DIR")
        .ok_or("CARGO_MANIFEST_DIR is not set: build with cargo")?;
    let path = std::path::Path::new(&base).join(given);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!("cannot read the spec file `{given}` (relative to the crate's Cargo.toml): {e}")
    })?;
    let spec = mwtyped_spec::Spec::parse(given, &text).map_err(|e| {
        format!("{e}\n(a spec file is what `cargo xtask fetch --api URL --name NAME --spec-file FILE` writes)")
    })?;
    Ok((spec, path))
}

fn load(name: &LitStr) -> Result<(mwtyped_spec::Spec, mwtyped_spec::AnswerModel), String> {
    let capture = mwtyped_spec::capture(&name.value()).ok_or_else(|| {
        let known: Vec<&str> = mwtyped_spec::CAPTURES.iter().map(|c| c.name).collect();
        format!(
            "no committed capture named `{}`; known: {}",
            name.value(),
            known.join(", ")
        )
    })?;
    let spec = capture.spec().map_err(|e| e.to_string())?;
    let answers = capture.answers().map_err(|e| e.to_string())?;
    Ok((spec, answers))
}

#[cfg(test)]
mod tests {
    use super::load_file;

    fn write(name: &str, text: &str) -> (tempfile::TempDir, String) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        (dir, path.to_string_lossy().into_owned())
    }

    #[test]
    fn a_missing_file_is_named_as_given() {
        let error = load_file("no/such/spec.json").expect_err("missing");
        assert!(
            error.starts_with(
                "cannot read the spec file `no/such/spec.json` (relative to the crate's Cargo.toml)"
            ),
            "{error}"
        );
    }

    #[test]
    fn a_malformed_file_is_named_with_the_place() {
        let (_dir, path) = write("spec.json", "{\n  \"capture\": {\"name\": 3}\n}\n");
        let error = load_file(&path).expect_err("malformed");
        assert!(error.contains(&path), "{error}");
        assert!(error.contains("line 2"), "{error}");
        assert!(error.contains("--spec-file"), "{error}");
    }

    #[test]
    fn a_spec_file_is_read_and_its_path_made_absolute() {
        let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/small.json");
        let (spec, path) = load_file(fixture).expect("the fixture loads");
        assert!(path.is_absolute());
        assert_eq!(spec.capture.name, "small");
    }
}
