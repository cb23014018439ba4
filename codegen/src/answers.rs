//! The typed answers of a version, from its answer model: one struct per object of each
//! answer, in the version's `answer` module.
//!
//! Names follow the naming rule ([`crate::naming`]): an answer is named as its module's struct
//! (`answer::Edit`); the object MediaWiki wraps it in, under the module's own name, is
//! `answer::EditResult`; any other object is its parent's name and its field's, counted from
//! the answer (`answer::QueryPages`, `answer::QueryPagesRevisions`). An array's items and a
//! map's values are named as the field holding them.

use std::collections::{BTreeMap, HashMap, HashSet};

use mwtyped_spec::{AnswerModel, ENVELOPE, Field, Module, Origin, Shape, Spec, answer_key};
use proc_macro2::TokenStream;
use quote::quote;

use crate::Options;
use crate::fields::ident;
use crate::naming;

/// The `answer` module of a version, and the answer type of each module by path (the name
/// of its struct in `answer`; `None` for a module with no typed answer).
pub struct AnswerTypes {
    pub module: TokenStream,
    pub by_path: BTreeMap<String, Option<proc_macro2::Ident>>,
}

impl AnswerTypes {
    /// The type `ApiModule::Answer` names, from the Rust module `rust_module` of the version.
    pub fn answer_of(&self, path: &str, rust_module: &str, rt: &TokenStream) -> TokenStream {
        match self.by_path.get(path).cloned().flatten() {
            Some(name) if rust_module.is_empty() => quote!(answer::#name),
            Some(name) => quote!(super::answer::#name),
            None => quote!(#rt::serde_json::Value),
        }
    }
}

pub fn answer_types(
    spec: &Spec,
    model: &AnswerModel,
    names: &HashMap<String, String>,
    options: &Options,
) -> AnswerTypes {
    let rt = &options.runtime;
    let mut emit = Emit {
        rt,
        options,
        items: vec![],
        taken: HashSet::new(),
        shapes: HashMap::new(),
        root: String::new(),
        holders: vec![],
        structs: HashMap::new(),
        fields: HashMap::new(),
        merges: HashMap::new(),
        request: String::new(),
        cfg: quote!(),
    };
    let mut roots = BTreeMap::new();
    for (key, shape) in &model.answers {
        let (Some(module), Some(name)) = (spec.module(key), names.get(key)) else {
            continue;
        };
        let cfg = match module.origin.as_ref().and_then(|o| options.gate(o)) {
            Some(feature) => quote!(#[cfg(feature = #feature)]),
            None => quote!(),
        };
        let (Shape::Object { fields } | Shape::Tuple { fields }) = shape else {
            continue;
        };
        emit.cfg = cfg;
        emit.root = key.clone();
        emit.request = request_of(module);
        let root = Place {
            name: name.clone(),
            base: name.clone(),
            json_path: String::new(),
            wrapper_of: Some(module),
            positional: matches!(shape, Shape::Tuple { .. }),
        };
        let (ident, _) = emit.object(&root, fields, &root_doc(spec, model, module, shape));
        roots.insert(key.clone(), ident);
    }
    let by_path = spec
        .modules
        .iter()
        .map(|m| {
            let answer = match m.group.as_deref() {
                Some("format") | None => None,
                _ => roots.get(answer_key(&m.path)).cloned(),
            };
            (m.path.clone(), answer)
        })
        .collect();
    let mut items = std::mem::take(&mut emit.items);
    items.extend(crate::query_answers::query_impls(
        spec, names, options, &emit,
    ));
    let envelope = ENVELOPE;
    let module = quote! {
        /// Typed answers, generated from what the test wikis answered to every module
        /// (`cargo xtask answers`): `answer::Edit` is what `action=edit` answers.
        pub mod answer {
            /// The keys of every answer that are not its module's data (read by the client).
            const ENVELOPE: &[&str] = &[#(#envelope),*];
            #(#items)*
        }
    };
    AnswerTypes { module, by_path }
}

/// `action=edit`, `action=query`.
fn request_of(module: &Module) -> String {
    match module.group.as_deref() {
        Some("action") => format!("`action={}`", module.name),
        _ => "`action=query`".to_owned(),
    }
}

fn root_doc(spec: &Spec, model: &AnswerModel, module: &Module, shape: &Shape) -> String {
    let request = request_of(module);
    let (mediawiki, capture) = (&model.mediawiki, &spec.capture.name);
    let file = if module.path == "query" {
        "query+*.json".to_owned()
    } else {
        format!("{}.json", module.path)
    };
    let mut doc = format!(
        " What {request} answers (MediaWiki {mediawiki}), inferred from the answers recorded in \
         `specs/{capture}/answers/{file}`. Warnings, continuation and `batchcomplete` are read \
         by the client."
    );
    let unknown: Vec<String> = model
        .without_data
        .iter()
        .filter(|(path, _)| answer_key(path) == answer_key(&module.path))
        .flat_map(|(path, places)| {
            places.iter().map(move |(what, why)| match what == path {
                true => format!(" - `{path}`: {why}"),
                false => format!(" - `{path}` `{what}`: {why}"),
            })
        })
        .collect();
    if !unknown.is_empty() {
        doc.push_str(
            "\n\n What MediaWiki documents but no recording held with data (its fields are \
             kept in `extra`, where a wiki sends them):\n\n",
        );
        doc.push_str(&unknown.join("\n"));
    }
    if let Shape::Tuple { fields } = shape {
        let names: Vec<String> = fields.iter().map(|f| format!("`{}`", f.name)).collect();
        doc.push_str(&format!(
            "\n\n MediaWiki answers a JSON array: its positions are {}, in this order; a \
             position beyond them is kept in `extra`, by its index.",
            names.join(", ")
        ));
    }
    doc
}

/// A field as the query streams reach it.
pub(crate) struct Held {
    pub(crate) rust: proc_macro2::Ident,
    /// An `Option`.
    pub(crate) optional: bool,
    pub(crate) list_of_objects: bool,
}

/// How a page's field takes a later batch's (`PageAnswer::merge`).
#[derive(Clone, Copy)]
pub(crate) enum Merging {
    /// Through the runtime's `Merge`: lists appended, maps and unknown fields added to, flags
    /// or-ed, a value already known kept.
    Merged,
    /// An object not always sent: the first batch's, or a later one's.
    FirstStays,
    /// An object always sent: the first batch's.
    Kept,
}

pub(crate) struct Emit<'a> {
    rt: &'a TokenStream,
    options: &'a Options,
    items: Vec<TokenStream>,
    taken: HashSet<String>,
    /// The first struct emitted for each list of fields.
    shapes: HashMap<String, proc_macro2::Ident>,
    /// The answer being emitted (`query`), and what was emitted of it by JSON path: the
    /// struct at each path, and the field holding each path.
    root: String,
    /// The structs being emitted, innermost last ([`Shape::Recursive`] is the last).
    holders: Vec<proc_macro2::Ident>,
    /// By (answer, JSON path): the struct's own name, and the struct it is.
    pub(crate) structs: HashMap<(String, String), (proc_macro2::Ident, proc_macro2::Ident)>,
    pub(crate) fields: HashMap<(String, String), Held>,
    /// How each struct's fields merge, for a page's `PageAnswer::merge`.
    pub(crate) merges: HashMap<proc_macro2::Ident, Vec<(proc_macro2::Ident, Merging, TokenStream)>>,
    /// The request whose answer is being emitted (`action=edit`), for docs.
    request: String,
    cfg: TokenStream,
}

/// Where an object is: its name, the name its children's names start from, its JSON path.
#[derive(Clone)]
struct Place<'m> {
    name: String,
    base: String,
    json_path: String,
    /// For an answer's root: the module whose name MediaWiki wraps the answer in.
    wrapper_of: Option<&'m Module>,
    /// Read from a JSON array, its fields by position ([`Shape::Tuple`]).
    positional: bool,
}

impl Place<'_> {
    fn child(&self, field: &str) -> Place<'static> {
        // The JSON path, for docs: `query.pages`, `edit.newrevid`.
        let json_path = match self.json_path.as_str() {
            "" => field.to_owned(),
            parent => format!("{parent}.{field}"),
        };
        if self.wrapper_of.is_some_and(|m| m.name == field) {
            return Place {
                name: format!("{}Result", self.name),
                base: self.base.clone(),
                json_path,
                wrapper_of: None,
                positional: false,
            };
        }
        let name = format!("{}{}", self.base, naming::type_name(field));
        Place {
            base: name.clone(),
            name,
            json_path,
            wrapper_of: None,
            positional: false,
        }
    }
}

impl Emit<'_> {
    fn unique(&mut self, name: &str) -> String {
        let mut unique = name.to_owned();
        let mut n = 2;
        while !self.taken.insert(unique.clone()) {
            unique = format!("{name}{n}");
            n += 1;
        }
        unique
    }

    /// Emits the struct of an object and everything below it; returns its name, and the
    /// name of the struct it is (itself, or the first of the same fields).
    fn object(
        &mut self,
        place: &Place,
        fields: &[Field],
        doc: &str,
    ) -> (proc_macro2::Ident, proc_macro2::Ident) {
        let name = ident(&self.unique(&place.name));
        self.holders.push(name.clone());
        let (members, entries, merges) = self.members(place, fields);
        self.holders.pop();
        let rt = self.rt;
        let cfg = &self.cfg;
        // An object of the same fields as one already emitted (a page in `pages` and in
        // `redirects`, a user in two lists) is that struct under its own name: a type alias,
        // which the compiler checks once. Its parent then holds the first struct's type, so
        // parents of the same fields are shared in turn.
        let signature = format!(
            "{cfg} {} {} {}",
            place.wrapper_of.is_some(),
            place.positional,
            entries
                .iter()
                .map(|e| format!(
                    "{} {} {} {} {:?}",
                    e.cfg, e.rust, e.wire, e.canonical, e.presence
                ))
                .collect::<Vec<_>>()
                .join(";")
        );
        if let Some(first) = self.shapes.get(&signature).cloned() {
            let doc = format!("{doc}\n\n The same fields as [`{first}`]: that type, by this name.");
            self.items.push(quote! {
                #[doc = #doc]
                #cfg
                pub type #name = #first;
            });
            self.structs.insert(
                (self.root.clone(), place.json_path.clone()),
                (name.clone(), first.clone()),
            );
            return (name, first);
        }
        self.shapes.insert(signature, name.clone());
        self.structs.insert(
            (self.root.clone(), place.json_path.clone()),
            (name.clone(), name.clone()),
        );
        self.merges.insert(name.clone(), merges);
        let reading = match (place.positional, place.wrapper_of.is_some()) {
            (true, _) => Reading::Positions,
            (false, true) => Reading::Root,
            (false, false) => Reading::Object,
        };
        let deserialize = deserialize_impl(rt, cfg, &name, &entries, reading);
        let answer = answer_impl(rt, &name, &entries);
        self.items.push(quote! {
            #[doc = #doc]
            #cfg
            #[derive(Debug, Clone, PartialEq)]
            #[non_exhaustive]
            pub struct #name {
                #(#members)*
                /// Fields the model does not know, as MediaWiki sent them.
                pub extra: #rt::Extra,
            }
            #deserialize
            #cfg
            #answer
        });
        (name.clone(), name)
    }

    /// The members of an object's struct, how `Deserialize` reads each, and how each
    /// merges.
    #[allow(clippy::type_complexity)]
    fn members<'f>(
        &mut self,
        place: &Place,
        fields: &'f [Field],
    ) -> (
        Vec<TokenStream>,
        Vec<Entry<'f>>,
        Vec<(proc_macro2::Ident, Merging, TokenStream)>,
    ) {
        let mut idents: HashSet<String> = HashSet::from(["extra".to_owned()]);
        let mut members = vec![];
        let mut entries = vec![];
        let mut merges = vec![];
        for field in fields {
            let child = place.child(&field.name);
            // A field only an extension sends (in an answer that is not the extension's
            // own) exists with that extension's feature; without it, it is kept in `extra`.
            let cfg = field
                .extension
                .as_ref()
                .and_then(|e| self.options.gate(&Origin::Extension(e.clone())))
                .map(|feature| quote!(#[cfg(feature = #feature)]))
                .unwrap_or_default();
            let outer = self.cfg.clone();
            self.cfg.extend(cfg.clone());
            let (ty, canonical) = self.ty(&field.shape, &child);
            self.cfg = outer;
            let mut rust = naming::field_name(&field.name);
            if idents.contains(&rust) {
                rust = format!("{rust}_{}", idents.len());
            }
            idents.insert(rust.clone());
            let rust = ident(&rust);
            let wire = field.name.as_str();
            // Absent-tolerant unless MediaWiki's contract makes the field certain: a flag
            // absent is false, a list or a map absent is empty, anything else an `Option`.
            let flag = matches!(field.shape, Shape::Bool { .. });
            let collection = matches!(field.shape, Shape::Array { .. } | Shape::Map { .. });
            let certain = field.certain && !field.nullable && !field.false_for_none && !flag;
            let presence = match (
                certain,
                place.wrapper_of.is_some_and(|m| m.name == field.name),
            ) {
                (true, true) => Presence::Wrapper,
                (true, false) => Presence::Certain,
                (false, _) => Presence::Tolerated,
            };
            let (ty, canonical) = if certain || flag || collection {
                (ty, canonical)
            } else {
                (
                    quote!(::std::option::Option<#ty>),
                    format!("Option<{canonical}>"),
                )
            };
            let doc = field_doc(field, flag, collection);
            let alias = (rust != wire).then(|| quote!(#[doc(alias = #wire)]));
            members.push(quote! {
                #[doc = #doc]
                #alias
                #cfg
                pub #rust: #ty,
            });
            let merging = match (&field.shape, certain) {
                (Shape::Object { .. }, true) => Merging::Kept,
                (Shape::Object { .. }, false) => Merging::FirstStays,
                _ => Merging::Merged,
            };
            merges.push((rust.clone(), merging, cfg.clone()));
            self.fields.insert(
                (self.root.clone(), child.json_path.clone()),
                Held {
                    rust: rust.clone(),
                    optional: !certain && !flag && !collection,
                    list_of_objects: matches!(&field.shape, Shape::Array { items } if matches!(**items, Shape::Object { .. } | Shape::Recursive)),
                },
            );
            entries.push(Entry {
                rust,
                wire,
                ty,
                canonical,
                presence,
                false_for_none: field.false_for_none,
                holds_object: holds_object(&field.shape),
                cfg,
            });
        }
        (members, entries, merges)
    }

    /// The Rust type of a value of `shape`, and the same with each shared struct named by
    /// its first name (what tells two objects of the same fields apart, or not).
    fn ty(&mut self, shape: &Shape, place: &Place) -> (TokenStream, String) {
        let rt = self.rt;
        let plain = |tokens: TokenStream| {
            let canonical = tokens.to_string();
            (tokens, canonical)
        };
        match shape {
            Shape::Bool { .. } => plain(quote!(bool)),
            Shape::Integer => plain(quote!(i64)),
            Shape::Number => plain(quote!(f64)),
            Shape::String => plain(quote!(::std::string::String)),
            Shape::Any { .. } | Shape::Unknown => plain(quote!(#rt::serde_json::Value)),
            // Its holder's struct (a comment's replies are comments).
            Shape::Recursive => match self.holders.last() {
                Some(holder) => (quote!(#holder), "Self".to_owned()),
                None => plain(quote!(#rt::serde_json::Value)),
            },
            Shape::Array { items } => {
                let (item, canonical) = self.ty(items, place);
                (quote!(::std::vec::Vec<#item>), format!("Vec<{canonical}>"))
            }
            Shape::Map { values } => {
                let (value, canonical) = self.ty(values, place);
                (quote!(#rt::Map<#value>), format!("Map<{canonical}>"))
            }
            Shape::Object { fields } | Shape::Tuple { fields } => {
                let doc = format!(
                    " An object of {}'s answer, at `{}`.",
                    self.request, place.json_path
                );
                let place = Place {
                    positional: matches!(shape, Shape::Tuple { .. }),
                    ..place.clone()
                };
                let (name, canonical) = self.object(&place, fields, &doc);
                (quote!(#name), canonical.to_string())
            }
        }
    }
}

/// A field as its struct's `Deserialize` reads it.
struct Entry<'a> {
    rust: proc_macro2::Ident,
    wire: &'a str,
    /// The field's Rust type.
    ty: TokenStream,
    /// The same, each shared struct by its first name.
    canonical: String,
    presence: Presence,
    /// `false` is read as `None`.
    false_for_none: bool,
    /// Whether an object (and so an `extra` map) can be inside it.
    holds_object: bool,
    /// The extension's feature gating it, if any.
    cfg: TokenStream,
}

/// Whether a field is always there, and what its absence means.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Presence {
    /// The object an action's answer is wrapped in: without it, the answer is not the
    /// module's (serde's `missing_field`).
    Wrapper,
    /// Certain by MediaWiki's contract: a wiki that leaves it out gets its empty value, with
    /// `null` kept in `extra` under its key.
    Certain,
    /// Absent-tolerant: `None`, `false` or empty.
    Tolerated,
}

/// Whether a value of this shape can hold an answer object.
fn holds_object(shape: &Shape) -> bool {
    match shape {
        Shape::Object { .. } | Shape::Tuple { .. } | Shape::Recursive => true,
        Shape::Array { items } => holds_object(items),
        Shape::Map { values } => holds_object(values),
        _ => false,
    }
}

/// How an answer object is read.
#[derive(Clone, Copy, PartialEq)]
enum Reading {
    Object,
    /// An answer's root: the `ENVELOPE` keys the client reads are skipped.
    Root,
    /// A JSON array, each position the field of its name ([`Shape::Tuple`]).
    Positions,
}

/// `Deserialize` of an answer object: each known key into its field (a missing certain one
/// is serde's `missing_field`), any other into `extra`; a root skips the `ENVELOPE` keys the
/// client reads; a tuple's positions are read as the keys of their names. Written out rather
/// than derived: serde's derive cannot keep unknown keys without buffering the whole object.
/// What every object shares (the visitor, reading PHP's `[]` as an empty object) is the
/// runtime's `object`: each type brings only its key match, with its slots typed, which is
/// what keeps the crate's type checking short.
fn deserialize_impl(
    rt: &TokenStream,
    cfg: &TokenStream,
    name: &proc_macro2::Ident,
    entries: &[Entry],
    reading: Reading,
) -> TokenStream {
    let private = quote!(#rt::__private);
    let slots: Vec<proc_macro2::Ident> = (0..entries.len())
        .map(|i| quote::format_ident!("f{i}"))
        .collect();
    let cfgs: Vec<&TokenStream> = entries.iter().map(|e| &e.cfg).collect();
    let types = entries.iter().map(|e| &e.ty);
    let wires: Vec<&str> = entries.iter().map(|e| e.wire).collect();
    let readers = entries.iter().map(|e| {
        if e.false_for_none {
            quote!(#private::field_or_false)
        } else {
            quote!(#private::field)
        }
    });
    let values = entries.iter().zip(&slots).map(|(e, slot)| {
        let (rust, wire, cfg) = (&e.rust, e.wire, &e.cfg);
        match e.presence {
            Presence::Wrapper => quote!(#cfg #rust: #private::required(#slot, #wire)?),
            Presence::Certain => quote!(#cfg #rust: #private::certain(#slot, #wire, &mut extra)),
            Presence::Tolerated => quote!(#cfg #rust: #slot.unwrap_or_default()),
        }
    });
    let skipped = (reading == Reading::Root).then(|| {
        quote!(
            const SKIPPED: &'static [&'static str] = ENVELOPE;
        )
    });
    let type_name = name.to_string();
    let read = match reading {
        Reading::Positions => {
            let names = entries.iter().map(|e| e.wire);
            quote!(#private::tuple(d, &[#(#names),*]))
        }
        Reading::Object | Reading::Root => quote!(#private::object(d)),
    };
    quote! {
        #cfg
        impl<'de> #private::serde::Deserialize<'de> for #name {
            #[inline]
            fn deserialize<D: #private::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                #read
            }
        }
        #cfg
        impl #private::Object for #name {
            const NAME: &'static str = #type_name;
            #skipped
            fn from_map<'de, A: #private::serde::de::MapAccess<'de>>(mut map: A) -> ::std::result::Result<Self, A::Error> {
                #(#cfgs let mut #slots: ::std::option::Option<#types> = ::std::option::Option::None;)*
                let mut extra = #rt::Extra::new();
                while let ::std::option::Option::Some(key) = map.next_key::<#private::Key<'de>>()? {
                    match &*key.0 {
                        #(#cfgs #wires => #readers(&mut map, &mut #slots, #wires, &mut extra),)*
                        _ => #private::unknown(&mut map, key, Self::SKIPPED, &mut extra),
                    }?;
                }
                ::std::result::Result::Ok(#name { #(#values,)* extra })
            }
        }
    }
}

/// [`Answer`](mwtyped::Answer): the unknown keys of this object, then of each field that can
/// hold an object (a number or a string has none).
fn answer_impl(rt: &TokenStream, name: &proc_macro2::Ident, entries: &[Entry]) -> TokenStream {
    let nested: Vec<&Entry> = entries.iter().filter(|e| e.holds_object).collect();
    let rust = nested.iter().map(|e| &e.rust);
    let wire = nested.iter().map(|e| e.wire);
    let cfgs = nested.iter().map(|e| &e.cfg);
    quote! {
        impl #rt::Answer for #name {
            // Inline: compiled only where a crate asks for the unmodelled fields.
            #[inline]
            fn collect_unmodelled(&self, path: &str, out: &mut ::std::vec::Vec<::std::string::String>) {
                #rt::__private::unmodelled_keys(&self.extra, path, out);
                #(#cfgs #rt::Answer::collect_unmodelled(&self.#rust, &#rt::__private::join(path, #wire), out);)*
            }
        }
    }
}

fn field_doc(field: &Field, flag: bool, collection: bool) -> String {
    let mut doc = format!(" `{}`: ", field.name);
    doc.push_str(match (field.certain && !field.nullable, flag, collection) {
        (true, true, _) => "always sent; `false` when absent.",
        (false, true, _) => "`false` when absent.",
        (true, false, _) => "always sent (MediaWiki's contract).",
        (false, false, true) => "empty when absent.",
        (false, false, false) => "not always sent.",
    });
    if field.false_for_none {
        doc.push_str(" `None` also when MediaWiki sends `false` for no value.");
    }
    let quoted = |items: &[String]| {
        items
            .iter()
            .map(|i| format!("`{i}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !field.modules.is_empty() {
        doc.push_str(&format!(" Seen from {}.", quoted(&field.modules)));
    }
    if !field.with.is_empty() {
        doc.push_str(&format!(" Seen with {}.", quoted(&field.with)));
    }
    if let Some(why) = &field.from_code {
        doc.push_str(&format!(
            " Never recorded: typed from MediaWiki's code: {why}."
        ));
    }
    if let Some(extension) = &field.extension {
        let feature = naming::extension_feature(extension);
        doc.push_str(&format!(
            " Sent by {extension}: with the feature `{feature}`, else kept in `extra`."
        ));
    }
    match &field.shape {
        Shape::Any { why } => doc.push_str(&format!(" Free-form JSON: {why}.")),
        Shape::Unknown => doc.push_str(" Free-form JSON: never recorded with a value."),
        Shape::Array { items } if matches!(**items, Shape::Recursive) => {
            doc.push_str(" Objects of this same type, to any depth.")
        }
        _ => {}
    }
    doc
}
