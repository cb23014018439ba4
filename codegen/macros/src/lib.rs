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
        Ok(spec) => mwtyped_codegen::api(&spec, &mwtyped_codegen::Options::bindings()).into(),
        Err(message) => syn::Error::new(name.span(), message)
            .to_compile_error()
            .into(),
    }
}

fn load(name: &LitStr) -> Result<mwtyped_spec::Spec, String> {
    let capture = mwtyped_spec::capture(&name.value()).ok_or_else(|| {
        let known: Vec<&str> = mwtyped_spec::CAPTURES.iter().map(|c| c.name).collect();
        format!(
            "no committed capture named `{}`; known: {}",
            name.value(),
            known.join(", ")
        )
    })?;
    capture.spec().map_err(|e| e.to_string())
}
