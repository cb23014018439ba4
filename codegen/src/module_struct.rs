//! One module: its parameter struct, its enums, and its `ApiModule` implementation (facts as
//! associated consts, and the encoding into name/value pairs).

use mwtyped_spec::{Help, Module, Origin};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::docs;
use crate::fields::{self, Field, Scalar, ident};
use crate::value_enums::{EnumSite, SharedEnums};
use crate::{History, Options};

/// Everything generated for `module`, whose struct is `struct_name` in the version's Rust
/// module `rust_module` (`""` or `query`).
pub fn module_items(
    module: &Module,
    (rust_module, struct_name): (&'static str, &str),
    answer: &TokenStream,
    options: &Options,
    history: Option<&History>,
    shared_enums: &mut SharedEnums,
) -> TokenStream {
    let emit = Emit {
        module,
        name: ident(struct_name),
        fields: fields::fields(module, struct_name),
        rt: &options.runtime,
        options,
        history,
        module_cfg: cfg_of(options, module.origin.as_ref()),
        answer,
    };
    let enums: Vec<TokenStream> = emit
        .fields
        .iter()
        .map(|f| emit.value_enum(f, rust_module, shared_enums))
        .collect();
    let (struct_item, constructor) = (emit.struct_item(), emit.constructor());
    let (api_module, query_impls) = (emit.api_module_impl(), emit.query_impls());
    let sample = emit.sample_impl();
    quote! {
        #(#enums)*
        #struct_item
        #constructor
        #api_module
        #query_impls
        #sample
    }
}

/// `#[cfg(feature = …)]` for what `origin` provides, when it is gated.
fn cfg_of(options: &Options, origin: Option<&Origin>) -> TokenStream {
    match origin.and_then(|o| options.gate(o)) {
        Some(feature) => quote!(#[cfg(feature = #feature)]),
        None => quote!(),
    }
}

/// One module being generated.
struct Emit<'a> {
    module: &'a Module,
    name: Ident,
    fields: Vec<Field<'a>>,
    rt: &'a TokenStream,
    options: &'a Options,
    history: Option<&'a History>,
    module_cfg: TokenStream,
    /// The type of its answer (`answer::Edit`, or JSON when it has no model).
    answer: &'a TokenStream,
}

impl Emit<'_> {
    /// The gate of a field or value: what the module's own gate already covers needs none.
    fn inner_cfg(&self, origin: Option<&Origin>) -> TokenStream {
        if origin == self.module.origin.as_ref() {
            quote!()
        } else {
            cfg_of(self.options, origin)
        }
    }

    fn is_query(&self) -> bool {
        self.module.path == "query"
    }

    /// The enum of field `f`'s values (or an alias of the same one), if it has one.
    fn value_enum(
        &self,
        f: &Field,
        rust_module: &'static str,
        shared: &mut SharedEnums,
    ) -> TokenStream {
        let module = self.module;
        let added_by = |origin: Option<&Origin>| match origin {
            Some(Origin::Extension(name)) if origin != module.origin.as_ref() => Some(name.clone()),
            _ => None,
        };
        let value_note = |value: &str| {
            self.history
                .and_then(|h| h.value_note(&module.path, &f.param.name, value))
        };
        let site = EnumSite {
            rust_module,
            module_cfg: &self.module_cfg,
            added_by: &added_by,
            value_note: &value_note,
        };
        shared.items(f, self.rt, &site)
    }

    fn struct_item(&self) -> TokenStream {
        let (rt, module, name) = (self.rt, self.module, &self.name);
        let gate = |origin: &Origin| self.options.gate(origin);
        let struct_fields = self.fields.iter().map(|f| {
            let mut docs = fields::field_docs(f, gate);
            if let Some(note) = self
                .history
                .and_then(|h| h.param_note(&module.path, &f.param.name))
            {
                docs.push(format!(" - {note}"));
            }
            let ident = &f.ident;
            let ty = field_type(f, rt);
            let wire = f.wire.replace(['{', '}'], "");
            // rustdoc refuses an alias equal to the name itself (unprefixed modules).
            let alias = (f.ident != wire).then(|| quote!(#[doc(alias = #wire)]));
            let cfg = self.inner_cfg(f.param.origin.as_ref());
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
        // `action=query` carries the typed selection of its submodules.
        let select_field = self.is_query().then(|| {
            quote! {
                /// The `prop`, `list` and `meta` submodules and the generator, each with its own
                /// parameters; merged with what `prop`, `list`, `meta` and `generator` say.
                pub select: #rt::Selection,
            }
        });
        let mut struct_docs = struct_docs(module, gate);
        if let Some(note) = self.history.and_then(|h| h.module_note(&module.path)) {
            struct_docs.push(format!(" - {note}"));
        }
        let path = &module.path;
        let module_cfg = &self.module_cfg;
        let deprecated = module.deprecated.then(|| quote!(#[deprecated]));
        quote! {
            #(#[doc = #struct_docs])*
            #[doc(alias = #path)]
            #[derive(Debug, Clone, PartialEq)]
            // An extension's feature adds fields: built with `new`, never by a literal, so
            // turning a feature on breaks no other crate.
            #[non_exhaustive]
            #module_cfg
            #deprecated
            pub struct #name {
                #(#struct_fields)*
                #dynamic_field
                #select_field
            }
        }
    }

    /// The fields beside the parameters (`dynamic`, `select`), set to their defaults.
    fn extra_inits(&self) -> TokenStream {
        let dynamic = self
            .module
            .dynamicparameters
            .as_ref()
            .map(|_| quote!(dynamic: ::std::default::Default::default(),));
        let select = self
            .is_query()
            .then(|| quote!(select: ::std::default::Default::default(),));
        quote!(#dynamic #select)
    }

    /// `new`, taking the required parameters.
    fn constructor(&self) -> TokenStream {
        let (rt, name, module_cfg) = (self.rt, &self.name, &self.module_cfg);
        let new_args = self.fields.iter().filter(|f| f.required).map(|f| {
            let ident = &f.ident;
            let ty = field_type(f, rt);
            quote!(#ident: #ty)
        });
        let new_inits = self.fields.iter().map(|f| {
            let ident = &f.ident;
            let cfg = self.inner_cfg(f.param.origin.as_ref());
            if f.required {
                quote!(#cfg #ident,)
            } else {
                quote!(#cfg #ident: ::std::default::Default::default(),)
            }
        });
        let extra_inits = self.extra_inits();
        quote! {
            #module_cfg
            #[allow(deprecated)]
            impl #name {
                /// The module with its required parameters; every other is left unset.
                pub fn new(#(#new_args),*) -> Self {
                    Self {
                        #(#new_inits)*
                        #extra_inits
                    }
                }
            }
        }
    }

    /// The facts as consts, and the encoding: one call per field.
    fn api_module_impl(&self) -> TokenStream {
        let (rt, module, name, module_cfg) = (self.rt, self.module, &self.name, &self.module_cfg);
        let answer = self.answer;
        let encodes = self.fields.iter().map(|f| {
            let cfg = self.inner_cfg(f.param.origin.as_ref());
            let call = encode_field(f, rt);
            match cfg.is_empty() {
                true => call,
                false => quote!(#cfg { #call }),
            }
        });
        let declared: Vec<&str> = self
            .fields
            .iter()
            .filter(|f| f.template_var.is_none())
            .map(|f| f.wire.as_str())
            .collect();
        let dynamic_encode = module
            .dynamicparameters
            .as_ref()
            .map(|_| quote!(self.dynamic.encode(Self::PATH, &[#(#declared),*], e.request())?;));
        let select_encode = self
            .is_query()
            .then(|| quote!(self.select.merge_into(limits, e.request())?;));
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
        let (generator, internal, deprecated) =
            (module.generator, module.internal, module.deprecated);
        quote! {
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
                type Answer = #answer;

                fn encode_params(
                    &self,
                    limits: #rt::Limits,
                    extra_prefix: &str,
                    request: &mut #rt::Request,
                ) -> Result<(), #rt::EncodeError> {
                    let mut e = #rt::__private::Encoder::new(request, Self::PATH, extra_prefix, limits);
                    // A module without fields (or with all of them behind features) uses none.
                    let _ = &mut e;
                    #(#encodes)*
                    #dynamic_encode
                    #select_encode
                    Ok(())
                }
            }
        }
    }

    /// A `prop`, `list` or `meta` submodule goes into a query's selection; a generator too.
    fn query_impls(&self) -> Option<TokenStream> {
        if !matches!(self.module.group.as_deref(), Some("prop" | "list" | "meta")) {
            return None;
        }
        let (rt, name, module_cfg) = (self.rt, &self.name, &self.module_cfg);
        let generator_impl = self.module.generator.then(|| {
            quote! {
                #module_cfg
                #[allow(deprecated)]
                impl #rt::GeneratorSubmodule for #name {}
            }
        });
        Some(quote! {
            #module_cfg
            #[allow(deprecated)]
            impl #rt::QuerySubmodule for #name {}
            #generator_impl
        })
    }

    /// Every parameter set to a value the wiki accepts (for tests against a real wiki).
    fn sample_impl(&self) -> Option<TokenStream> {
        let samples_cfg = self.options.samples.as_ref()?;
        let (rt, name, module_cfg) = (self.rt, &self.name, &self.module_cfg);
        let inits = self.fields.iter().map(|f| {
            let ident = &f.ident;
            let cfg = self.inner_cfg(f.param.origin.as_ref());
            let value = crate::samples::sample_value(f, rt);
            quote!(#cfg #ident: #value,)
        });
        let extra_inits = self.extra_inits();
        Some(quote! {
            #module_cfg
            #samples_cfg
            #[allow(deprecated)]
            impl #rt::__private::Sample for #name {
                fn sample() -> Self {
                    Self {
                        #(#inits)*
                        #extra_inits
                    }
                }
            }
        })
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

/// The call that adds field `f` (in `self`) to the request, through the runtime's
/// `Encoder` (`e`): one line per field, the checks stated as a `Rule`.
fn encode_field(f: &Field, rt: &TokenStream) -> TokenStream {
    let ident = &f.ident;
    let wire = &f.wire;
    let mut rule = f.scalar.rule(rt);
    if f.multi {
        let (low, high) = (
            f.param.lowlimit.unwrap_or(u32::MAX),
            f.param.highlimit.unwrap_or(u32::MAX),
        );
        rule = quote!(#rule.values(#low, #high));
    }
    match (&f.template_var, f.multi) {
        (Some(var), multi) => {
            let placeholder = format!("{{{var}}}");
            let method = if multi { quote!(per_many) } else { quote!(per) };
            quote!(e.#method(#wire, #placeholder, &self.#ident, #rule)?;)
        }
        (None, true) if f.required && f.empty_list_is_a_value => {
            quote!(e.many_or_empty(#wire, &self.#ident, #rule)?;)
        }
        (None, true) => {
            let required = f.required;
            quote!(e.many(#wire, &self.#ident, #rule, #required)?;)
        }
        // MediaWiki takes a boolean's presence as true, whatever its value.
        (None, false) if matches!(f.scalar, Scalar::Bool) => quote!(e.flag(#wire, self.#ident);),
        (None, false) if f.required => quote!(e.one(#wire, &self.#ident, #rule)?;),
        (None, false) => quote!(e.opt(#wire, &self.#ident, #rule)?;),
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
