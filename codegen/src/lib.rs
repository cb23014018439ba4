//! # mwtyped-codegen
//!
//! The generator as a plain library: a [`Spec`] in, Rust tokens out. The proc macros of
//! `mwtyped-macros` are a thin shell over it, and tests and xtask call it directly (the
//! progenitor pattern), so what the macros emit can be rendered, read and snapshotted.
//!
//! The naming rule is documented once, in [`naming`].

mod answers;
mod api;
pub mod docs;
mod fields;
mod history;
mod module_struct;
mod module_table;
pub mod naming;
mod query_answers;
mod samples;
mod value_enums;

use mwtyped_spec::Origin;
use proc_macro2::TokenStream;
use quote::quote;

pub use api::{api, api_with_answers};
pub use history::History;
pub use module_table::module_table;
pub use mwtyped_spec::Spec;

/// How the generated code refers to the runtime and gates extensions.
pub struct Options {
    /// The path of the runtime crate as seen from the generated code (`::mwtyped`).
    pub runtime: TokenStream,
    /// The path of the `ModuleFacts` type.
    pub facts: TokenStream,
    /// Put what an extension adds behind that extension's Cargo feature (the bindings crate
    /// declares one per extension; a user's crate generating from its own spec does not).
    pub gate_extensions: bool,
    /// Emit `Sample` implementations and `__samples()` under this attribute
    /// (`#[cfg(feature = "testing")]` in mwtyped), for tests against a real wiki.
    pub samples: Option<TokenStream>,
    /// Say in the docs in which committed releases each item exists ("since 1.43").
    pub history: bool,
}

impl Options {
    /// The options of the `mwtyped` crate itself.
    pub fn bindings() -> Options {
        Options {
            runtime: quote!(::mwtyped),
            facts: quote!(::mwtyped::ModuleFacts),
            gate_extensions: true,
            samples: Some(quote!(#[cfg(feature = "testing")])),
            history: true,
        }
    }

    /// The options of a crate generating from a spec file of its own wiki
    /// (`mwtyped::api_from_spec!`): everything the wiki has, ungated, and no history, since
    /// the committed releases say nothing of another wiki.
    pub fn spec_file() -> Options {
        Options {
            gate_extensions: false,
            samples: None,
            history: false,
            ..Options::bindings()
        }
    }

    /// The feature gating what `origin` provides, if any.
    pub fn gate(&self, origin: &Origin) -> Option<String> {
        match origin {
            Origin::Extension(name) if self.gate_extensions => {
                Some(naming::extension_feature(name))
            }
            _ => None,
        }
    }
}

/// The generated code of `spec` as formatted Rust, for snapshots and the committed rendering.
#[cfg(feature = "render")]
pub fn render(tokens: TokenStream) -> Result<String, syn::Error> {
    Ok(prettyplease::unparse(&syn::parse2(tokens)?))
}
