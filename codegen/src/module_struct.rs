//! One module: its parameter struct, its enums, and its `ApiModule` implementation (facts as
//! associated consts, and the encoding into name/value pairs).

use mwtyped_spec::{Help, Module, Origin};
use proc_macro2::TokenStream;
use quote::quote;

use crate::docs;
use crate::fields::{self, Field, Scalar, ident};
use crate::{History, Options};

pub fn module_items(
    module: &Module,
    struct_name: &str,
    options: &Options,
    history: Option<&History>,
) -> TokenStream {
    let rt = &options.runtime;
    let gate = |origin: &Origin| options.gate(origin);
    let cfg_of = |origin: Option<&Origin>| match origin.and_then(gate) {
        Some(feature) => quote!(#[cfg(feature = #feature)]),
        None => quote!(),
    };
    let module_cfg = cfg_of(module.origin.as_ref());
    // What the module's own gate already covers needs no gate of its own.
    let inner_cfg = |origin: Option<&Origin>| {
        if origin == module.origin.as_ref() {
            quote!()
        } else {
            cfg_of(origin)
        }
    };
    let name = ident(struct_name);
    let fields = fields::fields(module, struct_name);

    let enums = fields.iter().filter_map(|f| match &f.scalar {
        Scalar::Enum(..) => Some(enum_items(
            f,
            rt,
            &module_cfg,
            &|origin: Option<&Origin>| match origin {
                Some(Origin::Extension(name)) if origin != module.origin.as_ref() => {
                    Some(name.clone())
                }
                _ => None,
            },
            &|value: &str| history.and_then(|h| h.value_note(&module.path, &f.param.name, value)),
        )),
        _ => None,
    });
    let enums: Vec<TokenStream> = enums.collect();

    let struct_fields = fields.iter().map(|f| {
        let mut docs = fields::field_docs(f, gate);
        if let Some(note) = history.and_then(|h| h.param_note(&module.path, &f.param.name)) {
            docs.push(format!(" - {note}"));
        }
        let ident = &f.ident;
        let ty = field_type(f, rt);
        let wire = f.wire.replace(['{', '}'], "");
        // rustdoc refuses an alias equal to the name itself (unprefixed modules).
        let alias = (f.ident != wire).then(|| quote!(#[doc(alias = #wire)]));
        let cfg = inner_cfg(f.param.origin.as_ref());
        let deprecated = f.param.deprecated.then(|| quote!(#[deprecated]));
        quote! {
            #(#[doc = #docs])*
            #alias
            #cfg
            #deprecated
            pub #ident: #ty,
        }
    });
    let dynamic_field = module.dynamicparameters.as_ref().map(|help| {
        let text = match help {
            Help::Text(html) => docs::markdown(html),
            Help::Raw(_) => String::new(),
        };
        let lines = text.lines().map(str::to_owned);
        quote! {
            #(#[doc = #lines])*
            #[doc = ""]
            #[doc = "Checked when encoding: a name the module declares is refused here."]
            pub dynamic: #rt::DynamicParams,
        }
    });

    let required: Vec<&Field> = fields.iter().filter(|f| f.required).collect();
    let new_args = required.iter().map(|f| {
        let ident = &f.ident;
        let ty = field_type(f, rt);
        quote!(#ident: #ty)
    });
    let new_inits = fields.iter().map(|f| {
        let ident = &f.ident;
        let cfg = inner_cfg(f.param.origin.as_ref());
        if f.required {
            quote!(#cfg #ident,)
        } else {
            quote!(#cfg #ident: ::std::default::Default::default(),)
        }
    });
    let dynamic_init = module
        .dynamicparameters
        .as_ref()
        .map(|_| quote!(dynamic: ::std::default::Default::default(),));

    let encodes = fields.iter().map(|f| {
        let cfg = inner_cfg(f.param.origin.as_ref());
        let body = encode_field(f, rt);
        quote!(#cfg { #body })
    });
    let declared: Vec<String> = fields
        .iter()
        .filter(|f| f.template_var.is_none())
        .map(|f| f.wire.clone())
        .collect();
    let dynamic_encode = module
        .dynamicparameters
        .as_ref()
        .map(|_| quote!(self.dynamic.encode(path, &[#(#declared),*], request)?;));
    // `action=query` carries the typed selection of its submodules.
    let is_query = module.path == "query";
    let select_field = is_query.then(|| {
        quote! {
            /// The `prop`, `list` and `meta` submodules and the generator, each with its own
            /// parameters; merged with what `prop`, `list`, `meta` and `generator` say.
            pub select: #rt::Selection,
        }
    });
    let select_init = is_query.then(|| quote!(select: ::std::default::Default::default(),));
    let select_encode = is_query.then(|| quote!(self.select.merge_into(limits, &mut request)?;));
    let query_impls =
        matches!(module.group.as_deref(), Some("prop" | "list" | "meta")).then(|| {
            let generator_impl = module.generator.then(|| {
                quote! {
                    #module_cfg
                    #[allow(deprecated)]
                    impl #rt::GeneratorSubmodule for #name {}
                }
            });
            quote! {
                #module_cfg
                #[allow(deprecated)]
                impl #rt::QuerySubmodule for #name {
                    fn encode_params(
                        &self,
                        limits: #rt::Limits,
                        extra_prefix: &str,
                        request: &mut #rt::Request,
                    ) -> Result<(), #rt::EncodeError> {
                        self.__encode_params(limits, extra_prefix, request)
                    }
                }
                #generator_impl
            }
        });

    let path = &module.path;
    let mw_name = &module.name;
    let group = option_str(module.group.as_deref());
    let prefix = &module.prefix;
    let extension = match &module.origin {
        Some(Origin::Extension(e)) => quote!(Some(#e)),
        _ => quote!(None),
    };
    let (mustbeposted, readrights, writerights) =
        (module.mustbeposted, module.readrights, module.writerights);
    let (generator, internal, deprecated) = (module.generator, module.internal, module.deprecated);
    let prologue = match module.group.as_deref() {
        Some("action") => quote!(request.text("action", #mw_name);),
        Some("format") => quote!(request.text("format", #mw_name);),
        Some(group @ ("prop" | "list" | "meta")) => {
            quote!(request.text("action", "query"); request.text(#group, #mw_name);)
        }
        _ => quote!(),
    };
    let samples = options.samples.as_ref().map(|samples_cfg| {
        let inits = fields.iter().map(|f| {
            let ident = &f.ident;
            let cfg = inner_cfg(f.param.origin.as_ref());
            let value = crate::samples::sample_value(f, rt);
            quote!(#cfg #ident: #value,)
        });
        quote! {
            #module_cfg
            #samples_cfg
            #[allow(deprecated)]
            impl #rt::__private::Sample for #name {
                fn sample() -> Self {
                    Self {
                        #(#inits)*
                        #dynamic_init
                        #select_init
                    }
                }
            }
        }
    });
    let mut struct_docs = struct_docs(module, gate);
    if let Some(note) = history.and_then(|h| h.module_note(&module.path)) {
        struct_docs.push(format!(" - {note}"));
    }
    let struct_deprecated = module.deprecated.then(|| quote!(#[deprecated]));

    quote! {
        #(#enums)*

        #(#[doc = #struct_docs])*
        #[doc(alias = #path)]
        #[derive(Debug, Clone, PartialEq)]
        // An extension's feature adds fields: built with `new`, never by a literal, so
        // turning a feature on breaks no other crate.
        #[non_exhaustive]
        #module_cfg
        #struct_deprecated
        pub struct #name {
            #(#struct_fields)*
            #dynamic_field
            #select_field
        }

        #module_cfg
        #[allow(deprecated)]
        impl #name {
            /// The module with its required parameters; every other is left unset.
            pub fn new(#(#new_args),*) -> Self {
                Self {
                    #(#new_inits)*
                    #dynamic_init
                    #select_init
                }
            }

            /// Adds the module's own parameters to `request`, each name behind
            /// `extra_prefix` (`g` for a generator). Used by [`ApiModule::encode`] and by
            /// query selections.
            #[doc(hidden)]
            pub fn __encode_params(
                &self,
                limits: #rt::Limits,
                extra_prefix: &str,
                request: &mut #rt::Request,
            ) -> Result<(), #rt::EncodeError> {
                let _ = limits;
                let path = <Self as #rt::ApiModule>::PATH;
                // Static names cost nothing; only a generator's `g…` names are built.
                let wire = |name: &'static str| -> #rt::Name {
                    if extra_prefix.is_empty() {
                        ::std::borrow::Cow::Borrowed(name)
                    } else {
                        ::std::borrow::Cow::Owned(::std::format!("{extra_prefix}{name}"))
                    }
                };
                let _ = &wire;
                #(#encodes)*
                #dynamic_encode
                Ok(())
            }
        }

        #module_cfg
        #[allow(deprecated)]
        impl #rt::ApiModule for #name {
            const PATH: &'static str = #path;
            const NAME: &'static str = #mw_name;
            const GROUP: Option<&'static str> = #group;
            const PREFIX: &'static str = #prefix;
            const EXTENSION: Option<&'static str> = #extension;
            const MUST_BE_POSTED: bool = #mustbeposted;
            const READ_RIGHTS: bool = #readrights;
            const WRITE_RIGHTS: bool = #writerights;
            const GENERATOR: bool = #generator;
            const INTERNAL: bool = #internal;
            const DEPRECATED: bool = #deprecated;

            fn encode(&self, limits: #rt::Limits) -> Result<#rt::Request, #rt::EncodeError> {
                let mut request = #rt::Request {
                    params: ::std::vec::Vec::with_capacity(8),
                    must_post: Self::MUST_BE_POSTED,
                };
                #prologue
                self.__encode_params(limits, "", &mut request)?;
                #select_encode
                Ok(request)
            }
        }

        #query_impls

        #samples
    }
}

fn option_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(v) => quote!(Some(#v)),
        None => quote!(None),
    }
}

fn field_type(f: &Field, rt: &TokenStream) -> TokenStream {
    let one = f.scalar.rust_type(rt);
    let value = if f.multi {
        quote!(::std::vec::Vec<#one>)
    } else {
        one
    };
    if f.template_var.is_some() {
        quote!(::std::collections::BTreeMap<::std::string::String, #value>)
    } else if f.required || f.multi || matches!(f.scalar, Scalar::Bool) {
        value
    } else {
        quote!(::std::option::Option<#value>)
    }
}

/// The statements that add field `f` (in `self`) to `request`.
fn encode_field(f: &Field, rt: &TokenStream) -> TokenStream {
    let ident = &f.ident;
    let wire = &f.wire;
    let to_text = f.scalar.to_text(rt, wire);
    let to_result = f.scalar.to_result(rt, wire);
    let push = |name: TokenStream, text: TokenStream| -> TokenStream {
        match &f.scalar {
            Scalar::Upload => quote!(request.file(#name, v);),
            _ if f.scalar.is_secret() => {
                quote!(request.secret(#name, #rt::Secret::new(#text));)
            }
            _ => quote!(request.text(#name, #text);),
        }
    };
    let (low, high) = (
        f.param.lowlimit.unwrap_or(u32::MAX),
        f.param.highlimit.unwrap_or(u32::MAX),
    );
    // A multi-value: each value to text, the count checked, joined.
    let multi_text = |values: TokenStream| {
        // Strings and enum values are joined in place, without a copy of each.
        if matches!(f.scalar, Scalar::Text | Scalar::Enum(..)) {
            return quote! {
                #rt::__private::join(path, #wire, #values.iter().map(|v| v.as_str()), #low, #high, limits)?
            };
        }
        quote! {{
            let texts = #values
                .iter()
                .map(|v| #to_result)
                .collect::<Result<::std::vec::Vec<::std::string::String>, #rt::EncodeError>>()?;
            #rt::__private::join(path, #wire, texts.iter().map(::std::string::String::as_str), #low, #high, limits)?
        }}
    };
    match (&f.template_var, f.multi) {
        (Some(var), multi) => {
            let placeholder = format!("{{{var}}}");
            let text = if multi {
                multi_text(quote!(v))
            } else {
                to_text
            };
            let name = quote!(::std::format!("{extra_prefix}{}", #wire.replace(#placeholder, key)));
            let push = push(name, text);
            quote! {
                for (key, v) in &self.#ident {
                    #push
                }
            }
        }
        (None, true) => {
            let text = multi_text(quote!(self.#ident));
            let push = push(quote!(wire(#wire)), quote!(joined));
            let required = f.required.then(|| {
                quote! {
                    if self.#ident.is_empty() {
                        return Err(#rt::__private::missing(path, #wire));
                    }
                }
            });
            quote! {
                #required
                if !self.#ident.is_empty() {
                    let joined = #text;
                    #push
                }
            }
        }
        (None, false) if matches!(f.scalar, Scalar::Bool) => {
            // MediaWiki takes a boolean's presence as true, whatever its value.
            quote!(if self.#ident { request.text(wire(#wire), "1"); })
        }
        (None, false) if f.required => {
            let push = push(quote!(wire(#wire)), to_text);
            quote!(let v = &self.#ident; #push)
        }
        (None, false) => {
            let push = push(quote!(wire(#wire)), to_text);
            quote!(if let Some(v) = &self.#ident { #push })
        }
    }
}

/// An enum of a parameter's values. Its variants do not depend on Cargo features: what an
/// extension adds to a core parameter is always there (its docs name the extension), so a
/// crate turning a feature on never changes another crate's enum. `#[non_exhaustive]`, for
/// the values later releases add.
fn enum_items(
    field: &Field,
    rt: &TokenStream,
    module_cfg: &TokenStream,
    added_by: &dyn Fn(Option<&Origin>) -> Option<String>,
    value_note: &dyn Fn(&str) -> Option<String>,
) -> TokenStream {
    let Scalar::Enum(name, values, open) = &field.scalar else {
        return quote!();
    };
    let (open, wire) = (*open, &field.wire);
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
    let doc = format!(" The values of `{wire}`.");
    if open {
        let known: Vec<&proc_macro2::Ident> = values.iter().map(|v| &v.variant).collect();
        return open_enum_items(name, variants, arms, &known, &doc, rt, module_cfg);
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
        }
    }
}

/// An enum whose values the wiki's configuration decides: the captured ones typed, and
/// `Other` for those of another wiki (the aws-sdk pattern).
fn open_enum_items(
    name: &proc_macro2::Ident,
    variants: impl Iterator<Item = TokenStream>,
    arms: impl Iterator<Item = TokenStream>,
    known: &[&proc_macro2::Ident],
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

fn struct_docs(module: &Module, gate: impl Fn(&Origin) -> Option<String>) -> Vec<String> {
    let mut lines = vec![];
    if let Some(Help::Text(html)) = &module.description {
        lines.extend(docs::markdown(html).lines().map(|l| format!(" {l}")));
        lines.push(String::new());
    }
    let wire = match module.group.as_deref() {
        Some(group @ ("prop" | "list" | "meta")) => format!("action=query&{group}={}", module.name),
        Some(group) => format!("{group}={}", module.name),
        None => module.path.clone(),
    };
    lines.push(match module.prefix.as_str() {
        "" => format!(" - Module: `{wire}`, parameters not prefixed"),
        prefix => format!(" - Module: `{wire}`, parameters prefixed `{prefix}`"),
    });
    let flags: Vec<&str> = [
        (module.readrights, "needs read rights"),
        (module.writerights, "needs write rights"),
        (module.mustbeposted, "POST only"),
        (module.generator, "usable as a generator"),
        (module.internal, "internal"),
        (module.deprecated, "deprecated"),
    ]
    .into_iter()
    .filter_map(|(on, text)| on.then_some(text))
    .collect();
    if !flags.is_empty() {
        lines.push(format!(" - {}", flags.join(", ")));
    }
    lines.push(format!(" - Source: {}", module.sourcename));
    if let Some(feature) = module.origin.as_ref().and_then(&gate) {
        lines.push(format!(" - Needs the feature `{feature}`"));
    }
    for url in &module.helpurls {
        lines.push(format!(" - Help: <{url}>"));
    }
    if let Some(examples) = module.examples.as_ref().filter(|e| !e.is_empty()) {
        lines.push(String::new());
        lines.push(" Examples:".into());
        lines.push(String::new());
        lines.push(" ```text".into());
        for example in examples {
            if let Some(Help::Text(html)) = &example.description {
                lines.push(format!(" # {}", docs::markdown(html).replace('\n', " ")));
            }
            lines.push(format!(" api.php?{}", example.query));
        }
        lines.push(" ```".into());
    }
    lines
}
