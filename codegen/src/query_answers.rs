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

/// Where a list's items are, when not at `query.NAME`: a special page's rows under its
/// `results`, `watchlistraw`'s beside `query`.
const ITEMS_AT: &[(&str, &str)] = &[
    ("querypage", "query.querypage.results"),
    ("watchlistraw", "watchlistraw"),
];

/// The JSON path of each field holding `path`, from the answer's root: `query`, then
/// `query.querypage`, then `query.querypage.results`.
fn chain(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('.')
        .map(|(i, _)| &path[..i])
        .chain(std::iter::once(path))
}

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
    let take_pages = take(&[query, pages]);
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
        let path = match ITEMS_AT.iter().find(|(name, _)| *name == module.name) {
            Some((_, path)) => (*path).to_owned(),
            None => format!("query.{}", module.name),
        };
        let holders: Option<Vec<&Held>> = chain(&path).map(held).collect();
        let (Some((item, _)), Some(holders), Some(name)) =
            (at(&path), holders, names.get(&module.path))
        else {
            continue;
        };
        if !holders.last().is_some_and(|list| list.list_of_objects) {
            continue;
        }
        let cfg = match module.origin.as_ref().and_then(|o| options.gate(o)) {
            Some(feature) => quote!(#[cfg(feature = #feature)]),
            None => quote!(),
        };
        let name = ident(name);
        let take_items = take(&holders);
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

/// The list at the end of `holders` (the fields from the answer's root to it) taken out of
/// `answer`, through each field that is an `Option`: `answer.query.pages`.
fn take(holders: &[&Held]) -> TokenStream {
    let Some((list, outer)) = holders.split_last() else {
        return quote!(::std::vec::Vec::new());
    };
    // The innermost first: the list taken out of its parent, `v{n}`.
    let parent = |depth: usize| match depth {
        0 => quote::format_ident!("answer"),
        depth => quote::format_ident!("v{}", depth - 1),
    };
    let (field, of) = (&list.rust, parent(outer.len()));
    let mut taken = if list.optional {
        quote!(#of.#field.take().unwrap_or_default())
    } else {
        quote!(::std::mem::take(&mut #of.#field))
    };
    for (depth, holder) in outer.iter().enumerate().rev() {
        let (field, of, this) = (&holder.rust, parent(depth), parent(depth + 1));
        taken = if holder.optional {
            quote!(#of.#field.as_mut().map(|#this| #taken).unwrap_or_default())
        } else {
            quote!({ let #this = &mut #of.#field; #taken })
        };
    }
    taken
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
