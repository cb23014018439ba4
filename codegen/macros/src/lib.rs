//! # mwtyped-macros
//!
//! The proc macros of mwtyped: parse the arguments, load the embedded spec, call
//! `mwtyped-codegen`, and turn every error into a compile error at the argument's span.

use proc_macro::TokenStream;
use quote::quote;
use syn::{LitStr, parse_macro_input};

/// `module_table!("mediawiki-1.39")`: the facts of every module of a committed capture
/// (`MEDIAWIKI_VERSION` and `MODULES: &[crate::ModuleFacts]`).
#[proc_macro]
pub fn module_table(input: TokenStream) -> TokenStream {
    let name = parse_macro_input!(input as LitStr);
    match load(&name) {
        Ok(spec) => mwtyped_codegen::module_table(&spec, &quote!(crate::ModuleFacts)).into(),
        Err(message) => syn::Error::new(name.span(), message).to_compile_error().into(),
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
