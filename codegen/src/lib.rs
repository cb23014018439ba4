//! # mwtyped-codegen
//!
//! The generator as a plain library: a [`Spec`] in, Rust tokens out. The proc macros of
//! `mwtyped-macros` are a thin shell over it, and tests and xtask call it directly (the
//! progenitor pattern), so what the macros emit can be rendered, read and snapshotted.

mod module_table;

pub use module_table::module_table;
pub use mwtyped_spec::Spec;
