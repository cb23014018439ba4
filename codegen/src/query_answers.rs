//! What the page and item streams need of a version's query answer: `QueryAnswer` for
//! `answer::Query` (its pages, the submodules' `limit` names), `PageAnswer` for the page
//! (its key, how a later batch merges into it), and `ListModule` for each list whose items
//! the recordings hold (`query::CategoryMembers` → `answer::QueryCategoryMembers`).

use std::collections::HashMap;

use mwtyped_spec::{ParamType, Spec};
use proc_macro2::TokenStream;
use quote::quote;

use crate::Options;
use crate::answers::{Emit, Held, Merging};
use crate::fields::ident;

const QUERY: &str = "query";

/// The impls, or none when the version's query answer has no pages (never for a wiki).
pub(crate) fn query_impls(
    spec: &Spec,
    names: &HashMap<String, String>,
    options: &Options,
    emit: &Emit,
) -> Vec<TokenStream> {
    let rt = &options.runtime;
    let at = |path: &str| emit.structs.get(&(QUERY.to_owned(), path.to_owned()));
    let held = |path: &str| emit.fields.get(&(QUERY.to_owned(), path.to_owned()));
    let (Some((root, _)), Some((page, page_struct)), Some(query), Some(pages)) = (
        at(""),
        at("query.pages"),
        held("query"),
        held("query.pages"),
    ) else {
        return vec![];
    };
    let mut out = vec![];
    let take_pages = take(query, pages);
    let limits = limits(spec);
    out.push(quote! {
        impl #rt::QueryAnswer for #root {
            type Page = #page;
            const LIMITS: &'static [(&'static str, &'static str)] = &[#(#limits),*];
            fn take_pages(&mut self) -> ::std::vec::Vec<#page> {
                let answer = self;
                #take_pages
            }
        }
    });
    out.push(page_impl(rt, page, page_struct, emit));
    for module in spec
        .modules
        .iter()
        .filter(|m| m.group.as_deref() == Some("list"))
    {
        let path = format!("query.{}", module.name);
        let (Some((item, _)), Some(list), Some(name)) =
            (at(&path), held(&path), names.get(&module.path))
        else {
            continue;
        };
        if !list.list_of_objects {
            continue;
        }
        let cfg = match module.origin.as_ref().and_then(|o| options.gate(o)) {
            Some(feature) => quote!(#[cfg(feature = #feature)]),
            None => quote!(),
        };
        let name = ident(name);
        let take_items = take(query, list);
        out.push(quote! {
            #cfg
            #[allow(deprecated)]
            impl #rt::ListModule for super::query::#name {
                type Item = #item;
                fn take_items(answer: &mut #root) -> ::std::vec::Vec<#item> {
                    #take_items
                }
            }
        });
    }
    out
}

/// `answer.query.pages` taken out, whichever of the two is an `Option`.
fn take(query: &Held, list: &Held) -> TokenStream {
    let (query, optional, list_field) = (&query.rust, query.optional, &list.rust);
    let inner = if list.optional {
        quote!(q.#list_field.take().unwrap_or_default())
    } else {
        quote!(::std::mem::take(&mut q.#list_field))
    };
    if optional {
        quote!(answer.#query.as_mut().map(|q| #inner).unwrap_or_default())
    } else {
        quote!({ let q = &mut answer.#query; #inner })
    }
}

/// `("categorymembers", "cmlimit")` for each query submodule with a `limit`.
fn limits(spec: &Spec) -> Vec<TokenStream> {
    spec.modules
        .iter()
        .filter(|m| m.path.starts_with("query+"))
        .filter_map(|m| {
            let limit = m.parameters.iter().find(|p| p.ty == ParamType::Limit)?;
            let wire = format!("{}{}", m.prefix, limit.name);
            let name = &m.name;
            Some(quote!((#name, #wire)))
        })
        .collect()
}

/// `PageAnswer` for the page (`page`, a name of the struct `page_struct`).
fn page_impl(
    rt: &TokenStream,
    page: &proc_macro2::Ident,
    page_struct: &proc_macro2::Ident,
    emit: &Emit,
) -> TokenStream {
    let field = |wire: &str| {
        emit.fields
            .get(&(QUERY.to_owned(), format!("query.pages.{wire}")))
    };
    let (id, title) = match (field("pageid"), field("title")) {
        (Some(id), Some(title)) => (&id.rust, &title.rust),
        _ => return quote!(),
    };
    let merges =
        emit.merges.get(page_struct).into_iter().flatten().map(
            |(rust, merging, cfg)| match merging {
                Merging::Merged => {
                    quote!(#cfg #rt::__private::Merge::merge_from(&mut self.#rust, later.#rust);)
                }
                Merging::FirstStays => {
                    quote!(#cfg #rt::__private::keep_first(&mut self.#rust, later.#rust);)
                }
                Merging::Kept => quote!(),
            },
        );
    quote! {
        impl #rt::PageAnswer for #page {
            fn key(&self) -> #rt::PageKey {
                #rt::__private::page_key(self.#id.clone().into(), self.#title.clone().into())
            }
            fn merge(&mut self, later: Self) {
                #(#merges)*
                #rt::__private::Merge::merge_from(&mut self.extra, later.extra);
            }
        }
    }
}
