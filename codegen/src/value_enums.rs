//! The enums of parameters' values, each value set defined once per version: parameters
//! whose enums would be the same item (same values, docs and gate) share one definition, and
//! every other parameter's enum name is a type alias of it. Every name the naming rule
//! gives stays usable, variants included (`RevisionsSlots::Main`), while the compiler
//! checks each value set once, not once per parameter (248 enums of 1.43 hold 139 sets).

use std::collections::HashMap;

use mwtyped_spec::Origin;
use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::fields::{self, Field, Scalar, ident};

/// The enums of one version emitted so far, by what they hold.
#[derive(Default)]
pub struct SharedEnums {
    /// The items of an enum under a placeholder name → where its definition is (the Rust
    /// module of the version, `""` or `query`) and its name.
    defined: HashMap<String, (&'static str, Ident)>,
}

/// Where an enum is emitted: its version's Rust module and the module struct's gate.
pub struct EnumSite<'a> {
    pub rust_module: &'static str,
    pub module_cfg: &'a TokenStream,
    /// The extension that added a value, when it is not the module's own.
    pub added_by: &'a dyn Fn(Option<&Origin>) -> Option<String>,
    /// The history note of a value ("added in 1.43").
    pub value_note: &'a dyn Fn(&str) -> Option<String>,
}

impl SharedEnums {
    /// The enum of `field`: its definition, or an alias of the same enum defined earlier.
    pub fn items(&mut self, field: &Field, rt: &TokenStream, site: &EnumSite) -> TokenStream {
        let Scalar::Enum(name, ..) = &field.scalar else {
            return quote!();
        };
        let placeholder = ident("__MwtypedValues");
        let key = enum_items(field, &placeholder, "", rt, site).to_string();
        let wire = &field.wire;
        if let Some((home, shared)) = self.defined.get(&key) {
            let path = relative_path(site.rust_module, home, shared);
            let doc = format!(" The values of `{wire}`: the same as those of [`{shared}`].");
            let module_cfg = site.module_cfg;
            return quote! {
                #[doc = #doc]
                #module_cfg
                pub type #name = #path;
            };
        }
        self.defined.insert(key, (site.rust_module, name.clone()));
        enum_items(field, name, &format!(" The values of `{wire}`."), rt, site)
    }
}

/// The path of `name`, defined in the version's Rust module `home`, seen from `from`.
fn relative_path(from: &str, home: &str, name: &Ident) -> TokenStream {
    match (from, home) {
        (from, home) if from == home => quote!(#name),
        ("", home) => {
            let home = ident(home);
            quote!(#home::#name)
        }
        (_, "") => quote!(super::#name),
        (_, home) => {
            let home = ident(home);
            quote!(super::#home::#name)
        }
    }
}

/// An enum of a parameter's values. Its variants do not depend on Cargo features: what an
/// extension adds to a core parameter is always there (its docs name the extension), so a
/// crate turning a feature on never changes another crate's enum. `#[non_exhaustive]`, for
/// the values later releases add.
fn enum_items(
    field: &Field,
    name: &Ident,
    doc: &str,
    rt: &TokenStream,
    site: &EnumSite,
) -> TokenStream {
    let Scalar::Enum(_, values, open) = &field.scalar else {
        return quote!();
    };
    let (open, module_cfg) = (*open, site.module_cfg);
    let (added_by, value_note) = (site.added_by, site.value_note);
    let variants = values.iter().map(|v| {
        let variant = &v.variant;
        let value = &v.wire;
        let deprecated = v.deprecated.then(|| quote!(#[deprecated]));
        let mut doc = match value.as_str() {
            fields::ALL_VALUES => " `*`: every value".to_owned(),
            _ if v.internal => format!(" `{value}` (internal)"),
            _ => format!(" `{value}`"),
        };
        let notes: Vec<String> = added_by(v.origin.as_ref())
            .map(|ext| format!("added by the extension {ext}"))
            .into_iter()
            .chain(value_note(value))
            .collect();
        if !notes.is_empty() {
            doc.push_str(&format!(" ({})", notes.join("; ")));
        }
        quote!(#[doc = #doc] #deprecated #variant,)
    });
    let arms = values.iter().map(|v| {
        let variant = &v.variant;
        let value = &v.wire;
        quote!(Self::#variant => #value,)
    });
    if open {
        let known: Vec<&Ident> = values.iter().map(|v| &v.variant).collect();
        return open_enum_items(name, variants, arms, &known, doc, rt, module_cfg);
    }
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        #module_cfg
        pub enum #name {
            #(#variants)*
        }

        #module_cfg
        #[allow(deprecated)]
        impl #name {
            /// The value as MediaWiki spells it.
            pub fn as_str(&self) -> &'static str {
                match *self {
                    #(#arms)*
                }
            }
        }

        #module_cfg
        impl #rt::WireValue for #name {
            fn as_str(&self) -> &str {
                #name::as_str(self)
            }

            fn static_str(&self) -> Option<&'static str> {
                Some(#name::as_str(self))
            }
        }
    }
}

/// An enum whose values the wiki's configuration decides: the captured ones typed, and
/// `Other` for those of another wiki (the aws-sdk pattern).
fn open_enum_items(
    name: &Ident,
    variants: impl Iterator<Item = TokenStream>,
    arms: impl Iterator<Item = TokenStream>,
    known: &[&Ident],
    doc: &str,
    rt: &TokenStream,
    module_cfg: &TokenStream,
) -> TokenStream {
    let doc_open = " The values listed are those of the captured wiki: each wiki's configuration \
        decides its own (user groups, change tags, slot roles, content models…), so a value of \
        another wiki goes in `Other`.";
    quote! {
        #[doc = #doc]
        #[doc = ""]
        #[doc = #doc_open]
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        #module_cfg
        pub enum #name {
            #(#variants)*
            /// A value of another wiki, as MediaWiki spells it.
            Other(::std::string::String),
        }

        #module_cfg
        #[allow(deprecated)]
        impl #name {
            /// The value as MediaWiki spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#arms)*
                    Self::Other(value) => value,
                }
            }
        }

        #module_cfg
        impl #rt::WireValue for #name {
            fn as_str(&self) -> &str {
                #name::as_str(self)
            }
        }

        #module_cfg
        impl ::std::convert::From<&str> for #name {
            /// The variant of a captured value, else `Other`.
            fn from(value: &str) -> Self {
                #[allow(deprecated)]
                let known = [#(Self::#known),*];
                known
                    .into_iter()
                    .find(|v| v.as_str() == value)
                    .unwrap_or_else(|| Self::Other(value.to_owned()))
            }
        }
    }
}
