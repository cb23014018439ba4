//! A whole version: every module's struct, grouped as users find them (actions at the top,
//! `query::` for `prop`/`list`/`meta` submodules, `format::` for output formats).

use std::collections::{BTreeMap, HashSet};

use std::ops::Not;

use mwtyped_spec::{AnswerModel, Spec};
use proc_macro2::TokenStream;
use quote::quote;

use crate::answers::answer_types;
use crate::fields::ident;
use crate::module_struct::module_items;
use crate::naming;
use crate::value_enums::SharedEnums;
use crate::{History, Options, module_table};

/// The Rust module a MediaWiki module's struct lives in.
fn rust_module(group: Option<&str>) -> &'static str {
    match group {
        Some("prop" | "list" | "meta") => "query",
        Some("format") => "format",
        _ => "",
    }
}

/// Every module of `spec` as typed structs, with no typed answers (a spec with no recorded
/// answers: a user's own wiki).
pub fn api(spec: &Spec, options: &Options) -> TokenStream {
    api_with_answers(spec, &AnswerModel::default(), options)
}

/// Every module of `spec` as typed structs, each with its typed answer from `answers`.
pub fn api_with_answers(spec: &Spec, answers: &AnswerModel, options: &Options) -> TokenStream {
    // A committed capture that does not parse cannot be here: the spec crate's tests load them all.
    let history = options
        .history
        .then(History::of_committed)
        .and_then(Result::ok);
    let names = naming::struct_names(spec);
    let answer_types = answer_types(spec, answers, &names, options);
    let mut by_rust_module: BTreeMap<&str, Vec<TokenStream>> = BTreeMap::new();
    let mut taken: HashSet<(&str, String)> = HashSet::new();
    let mut sample_rows = vec![];
    let mut shared_enums = SharedEnums::default();
    for module in &spec.modules {
        let rust_module = rust_module(module.group.as_deref());
        let mut name = names
            .get(&module.path)
            .cloned()
            .unwrap_or_else(|| naming::type_name(&module.name));
        // Two modules of one Rust module with one name: the second takes its group too.
        if taken.contains(&(rust_module, name.clone())) {
            name.push_str(&naming::type_name(
                module.group.as_deref().unwrap_or("main"),
            ));
        }
        taken.insert((rust_module, name.clone()));
        if let Some(samples_cfg) = &options.samples {
            let ty = ident(&name);
            let path = if rust_module.is_empty() {
                quote!(#ty)
            } else {
                let m = ident(rust_module);
                quote!(#m::#ty)
            };
            let cfg = match module.origin.as_ref().and_then(|o| options.gate(o)) {
                Some(feature) => quote!(#[cfg(feature = #feature)]),
                None => quote!(),
            };
            let rt = &options.runtime;
            sample_rows.push(quote! {
                #cfg
                out.push(#rt::__private::SampleRow::of::<#path>());
            });
            let _ = samples_cfg;
        }
        by_rust_module
            .entry(rust_module)
            .or_default()
            .push(module_items(
                module,
                (rust_module, &name),
                &answer_types.answer_of(&module.path, rust_module, &options.runtime),
                options,
                history.as_ref(),
                &mut shared_enums,
            ));
    }
    let facts = &options.facts;
    let table = module_table(spec, &quote!(#facts));
    let groups = by_rust_module.into_iter().map(|(rust_module, items)| {
        if rust_module.is_empty() {
            return quote!(#(#items)*);
        }
        let doc = match rust_module {
            "query" => " The submodules of `action=query`: `prop=…`, `list=…` and `meta=…`.",
            _ => " The output formats (`format=…`).",
        };
        let module = ident(rust_module);
        quote! {
            #[doc = #doc]
            pub mod #module {
                #(#items)*
            }
        }
    });
    let samples = options.samples.as_ref().map(|samples_cfg| {
        let rt = &options.runtime;
        quote! {
            /// Every module with each parameter set to a sample value (for tests).
            #samples_cfg
            #[doc(hidden)]
            #[allow(deprecated)]
            pub fn __samples() -> ::std::vec::Vec<#rt::__private::SampleRow> {
                let mut out = ::std::vec::Vec::new();
                #(#sample_rows)*
                out
            }
        }
    });
    let answer_module = answers
        .answers
        .is_empty()
        .not()
        .then_some(answer_types.module);
    quote! {
        #table
        #(#groups)*
        #answer_module
        #samples
    }
}
