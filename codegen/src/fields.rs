//! From a parameter of the spec to a field: its Rust type, how it is encoded, its docs.

use mwtyped_spec::{Help, Module, Origin, ParamType, Parameter};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::docs;
use crate::naming;

/// The token kinds the runtime knows (`mwtyped::token::…`), by MediaWiki's name.
const TOKEN_KINDS: &[(&str, &str)] = &[
    ("csrf", "CsrfToken"),
    ("login", "LoginToken"),
    ("createaccount", "CreateAccountToken"),
    ("patrol", "PatrolToken"),
    ("rollback", "RollbackToken"),
    ("userrights", "UserRightsToken"),
    ("watch", "WatchToken"),
];

/// The wire value of the variant that asks for every value, where paraminfo gives an
/// `allspecifier` (MediaWiki's is always `*`).
pub const ALL_VALUES: &str = "*";

/// One value's kind, before `Option`/`Vec`/map wrapping.
pub enum Scalar {
    Text,
    Secret,
    Bool,
    Integer {
        min: Option<i64>,
        max: Option<i64>,
    },
    Limit {
        min: i64,
        max: i64,
        highmax: i64,
    },
    Timestamp,
    Expiry,
    /// `all`: the parameter takes `*` ([`Namespace::ALL`] at run time).
    Namespace {
        all: bool,
    },
    Upload,
    /// A generated enum: its name and values (wire value, variant, deprecated, origin).
    /// The enum, its values, and whether the wiki decides them (then it has `Other`).
    Enum(Ident, Vec<EnumValue>, bool),
    Token(Ident),
}

pub struct EnumValue {
    pub wire: String,
    pub variant: Ident,
    pub deprecated: bool,
    pub internal: bool,
    pub origin: Option<Origin>,
}

pub struct Field<'a> {
    pub param: &'a Parameter,
    pub ident: Ident,
    /// The name on the wire; for templated parameters, with `{var}` placeholders.
    pub wire: String,
    /// The variable of a templated parameter (`slot` in `fromtext-{slot}`).
    pub template_var: Option<String>,
    pub scalar: Scalar,
    pub multi: bool,
    /// Required at construction (not for booleans and templated parameters).
    pub required: bool,
    /// A required list whose empty value MediaWiki takes ([`EMPTY_LIST_IS_A_VALUE`]).
    pub empty_list_is_a_value: bool,
}

/// Required multi-value parameters whose empty list means something (MediaWiki's own
/// examples send it): `protections=` removes every protection. Any other required list
/// refuses to be empty before it is sent.
const EMPTY_LIST_IS_A_VALUE: &[(&str, &str)] = &[("protect", "protections")];

pub fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

pub fn fields<'a>(module: &'a Module, struct_name: &str) -> Vec<Field<'a>> {
    let mut fields: Vec<Field> = vec![];
    for param in module.all_parameters() {
        let template_var = param
            .templatevars
            .as_ref()
            .and_then(|vars| vars.keys().next().cloned());
        // `fromtext-{slot}` is the field `from_text_per_slot`, a map from slot to text.
        let mut field_name = match &template_var {
            Some(var) => format!(
                "{}_per_{}",
                naming::field_name(&param.name.replace(&format!("{{{var}}}"), "")),
                naming::field_name(var)
            ),
            None => naming::field_name(&param.name),
        };
        let base = field_name.clone();
        let mut n = 1;
        while fields.iter().any(|f| f.ident == field_name) {
            n += 1;
            field_name = format!("{base}_{n}");
        }
        let scalar = scalar(param, struct_name, &field_name);
        let required = param.required && template_var.is_none() && !matches!(scalar, Scalar::Bool);
        fields.push(Field {
            param,
            ident: ident(&field_name),
            wire: format!("{}{}", module.prefix, param.name),
            template_var,
            scalar,
            multi: param.multi,
            required,
            empty_list_is_a_value: EMPTY_LIST_IS_A_VALUE
                .contains(&(module.path.as_str(), param.name.as_str())),
        });
    }
    fields
}

fn scalar(param: &Parameter, struct_name: &str, field: &str) -> Scalar {
    if let Some(kind) = &param.tokentype {
        if let Some((_, rust)) = TOKEN_KINDS.iter().find(|(k, _)| k == kind) {
            return Scalar::Token(ident(rust));
        }
        return Scalar::Secret;
    }
    match &param.ty {
        _ if param.sensitive => Scalar::Secret,
        ParamType::Password => Scalar::Secret,
        ParamType::Boolean => Scalar::Bool,
        ParamType::Integer => Scalar::Integer {
            min: param.min,
            max: param.max,
        },
        ParamType::Limit => Scalar::Limit {
            min: param.min.unwrap_or(1),
            max: param.max.unwrap_or(i64::MAX),
            highmax: param.highmax.or(param.max).unwrap_or(i64::MAX),
        },
        ParamType::Timestamp => Scalar::Timestamp,
        ParamType::Expiry => Scalar::Expiry,
        // paraminfo calls block, protect and userrights expiries strings; their help (and
        // MediaWiki's code) reads `infinite`, a relative time or a timestamp.
        ParamType::String if param.name == "expiry" => Scalar::Expiry,
        ParamType::Namespace => Scalar::Namespace {
            all: param.allspecifier.is_some(),
        },
        ParamType::Upload => Scalar::Upload,
        // An empty list is the wiki's own data (no change tags defined yet), not a closed set.
        ParamType::Enum(values) if values.is_empty() => Scalar::Text,
        ParamType::Enum(values) => {
            let name = naming::enum_name(struct_name, field);
            let deprecated = param.deprecatedvalues.as_deref().unwrap_or_default();
            let internal = param.internalvalues.as_deref().unwrap_or_default();
            let mut seen: Vec<String> = vec![];
            let all = param.allspecifier.as_deref().map(|_| ALL_VALUES.to_owned());
            let values = values
                .iter()
                .chain(all.as_ref())
                .map(|wire| {
                    let mut variant = match wire.as_str() {
                        // `all` is a value of some parameters.
                        ALL_VALUES if values.iter().any(|v| v == "all") => "AllValues".to_owned(),
                        ALL_VALUES => "All".to_owned(),
                        _ => naming::variant_name(wire),
                    };
                    while seen.contains(&variant) {
                        variant.push('_');
                    }
                    seen.push(variant.clone());
                    EnumValue {
                        wire: wire.clone(),
                        variant: ident(&variant),
                        deprecated: deprecated.contains(wire),
                        internal: internal.contains(wire),
                        origin: param.value_origins.get(wire).cloned(),
                    }
                })
                .collect();
            Scalar::Enum(ident(&name), values, param.wiki_values)
        }
        ParamType::String
        | ParamType::Text
        | ParamType::Raw
        | ParamType::Title
        | ParamType::User
        | ParamType::Tags
        | ParamType::Other(_) => Scalar::Text,
    }
}

impl Scalar {
    /// The Rust type of one value.
    pub fn rust_type(&self, rt: &TokenStream) -> TokenStream {
        match self {
            Scalar::Text => quote!(::std::string::String),
            Scalar::Secret => quote!(#rt::Secret),
            Scalar::Bool => quote!(bool),
            Scalar::Integer { .. } => quote!(i64),
            Scalar::Limit { .. } => quote!(#rt::Limit),
            Scalar::Timestamp => quote!(#rt::Timestamp),
            Scalar::Expiry => quote!(#rt::Expiry),
            Scalar::Namespace { .. } => quote!(#rt::Namespace),
            Scalar::Upload => quote!(#rt::UploadFile),
            Scalar::Enum(name, ..) => quote!(#name),
            Scalar::Token(kind) => quote!(#rt::token::Token<#rt::token::#kind>),
        }
    }

    /// The checks paraminfo gives for one value (`mwtyped::__private::Rule`): an integer's
    /// range, a limit's maximums, `*` as a namespace.
    pub fn rule(&self, rt: &TokenStream) -> TokenStream {
        let any = quote!(#rt::__private::Rule::ANY);
        match self {
            Scalar::Integer {
                min: None,
                max: None,
            } => any,
            Scalar::Integer { min, max } => {
                let (min, max) = (min.unwrap_or(i64::MIN), max.unwrap_or(i64::MAX));
                quote!(#any.range(#min, #max))
            }
            Scalar::Limit { min, max, highmax } => quote!(#any.limit(#min, #max, #highmax)),
            Scalar::Namespace { all: true } => quote!(#any.takes_all()),
            _ => any,
        }
    }
}

/// The field's documentation: MediaWiki's description, then the facts a caller needs.
pub fn field_docs(field: &Field, gate: impl Fn(&Origin) -> Option<String>) -> Vec<String> {
    let p = field.param;
    let mut lines = vec![];
    if let Some(Help::Text(html)) = &p.description {
        lines.extend(docs::markdown(html).lines().map(str::to_owned));
        lines.push(String::new());
    }
    let mut lines = facts_lines(field, gate, lines);
    // A space after `///`, as a person would write it.
    for line in &mut lines {
        line.insert(0, ' ');
    }
    lines
}

fn facts_lines(
    field: &Field,
    gate: impl Fn(&Origin) -> Option<String>,
    mut lines: Vec<String>,
) -> Vec<String> {
    let p = field.param;
    lines.push(format!("- Wire name: `{}`", field.wire));
    let type_name = match &p.ty {
        ParamType::Enum(_) if p.is_submodule() => "submodule".to_owned(),
        ParamType::Enum(_) => "one of the enum's values".to_owned(),
        other => other.name().unwrap_or("?").to_owned(),
    };
    lines.push(format!(
        "- Type: {type_name}{}",
        if p.multi { ", several values" } else { "" }
    ));
    if let Some(var) = &field.template_var {
        lines.push(format!(
            "- Templated: one value per `{var}`, sent as `{}`",
            field.wire
        ));
    }
    if p.required {
        lines.push("- Required".into());
    }
    if let Some(default) = &p.default {
        let shown = match default {
            serde_json::Value::String(s) if s.is_empty() => "(empty)".to_owned(),
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        lines.push(format!("- Default: `{shown}`"));
    }
    if let (Some(low), Some(high)) = (p.lowlimit, p.highlimit) {
        lines.push(format!("- At most {low} values ({high} with high limits)"));
    }
    match (p.min, p.max, p.highmax) {
        (Some(min), Some(max), Some(high)) if high != max => {
            lines.push(format!("- From {min} to {max} ({high} with high limits)"))
        }
        (Some(min), Some(max), _) => lines.push(format!("- From {min} to {max}")),
        (Some(min), None, _) => lines.push(format!("- At least {min}")),
        (None, Some(max), _) => lines.push(format!("- At most {max}")),
        _ => {}
    }
    if let Some(kind) = &p.tokentype {
        lines.push(format!("- Token: `{kind}`"));
    }
    if p.sensitive {
        lines.push("- Sensitive: sent only in a POST body, never printed".into());
    }
    if p.deprecated {
        lines.push("- Deprecated".into());
    }
    if let Some(feature) = p.origin.as_ref().and_then(&gate) {
        lines.push(format!("- Needs the feature `{feature}`"));
    }
    lines
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    /// The naming rule's promise: a wire parameter has one Rust name, whatever the capture.
    #[test]
    fn every_wire_parameter_has_one_rust_name_in_every_capture() {
        let mut seen: HashMap<(String, String), (String, &str)> = HashMap::new();
        for capture in mwtyped_spec::CAPTURES {
            let spec = capture.spec().expect("parses");
            for module in &spec.modules {
                let struct_name = naming::type_name(&module.name);
                for field in fields(module, &struct_name) {
                    let key = (module.path.clone(), field.wire.clone());
                    let name = field.ident.to_string();
                    let (first, in_capture) =
                        seen.entry(key).or_insert((name.clone(), capture.name));
                    assert_eq!(
                        *first, name,
                        "{} `{}`: `{first}` in {in_capture}, `{name}` in {}",
                        module.path, field.wire, capture.name
                    );
                }
            }
        }
        assert!(seen.len() > 1000, "{} parameters", seen.len());
    }
}
