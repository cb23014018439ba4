//! Sample values for every module (behind the bindings' `testing` feature): each parameter
//! set to a value MediaWiki accepts, so a test can send every module to a real wiki and
//! prove the encoding right.

use mwtyped_spec::ParamType;
use proc_macro2::TokenStream;
use quote::quote;

use crate::fields::{self, EnumValue, Field, Scalar};

/// An expression of the field's type holding a valid value.
pub fn sample_value(f: &Field, rt: &TokenStream) -> TokenStream {
    let one = |index: usize| sample_scalar(f, rt, index);
    let value = if f.multi {
        // Every value of an enum (up to the limit), else one.
        let count = match &f.scalar {
            Scalar::Enum(_, values, _) => values
                .iter()
                .filter(|v| usable_first(v))
                .count()
                .min(f.param.lowlimit.unwrap_or(1) as usize)
                .max(1),
            _ => 1,
        };
        let values = (0..count).map(one);
        quote!(::std::vec![#(#values),*])
    } else {
        one(0)
    };
    if f.template_var.is_some() {
        quote!(::std::collections::BTreeMap::from([(::std::string::String::from("main"), #value)]))
    } else if f.required || f.multi || matches!(f.scalar, Scalar::Bool) {
        value
    } else {
        quote!(::std::option::Option::Some(#value))
    }
}

fn sample_scalar(f: &Field, rt: &TokenStream, index: usize) -> TokenStream {
    match &f.scalar {
        Scalar::Text => {
            let name = f.param.name.as_str();
            let text = match f.param.ty {
                ParamType::Title => "Main Page",
                ParamType::User => "Admin",
                // Language codes are checked against the wiki's languages.
                _ if name.ends_with("code") || name.ends_with("lang") => "en",
                _ => "1",
            };
            quote!(::std::string::String::from(#text))
        }
        Scalar::Secret => quote!(#rt::Secret::new("1")),
        Scalar::Bool => quote!(true),
        Scalar::Integer { min, max } => {
            let n = min.or(*max).unwrap_or(1).max(min.unwrap_or(i64::MIN));
            let n = if *min == Some(0) || min.is_none() {
                n.max(1).min(max.unwrap_or(i64::MAX))
            } else {
                n
            };
            quote!(#n)
        }
        Scalar::Limit { .. } => quote!(#rt::Limit::Max),
        Scalar::Timestamp => quote!(#rt::Timestamp::from_unix(979_570_560)),
        Scalar::Expiry => quote!(#rt::Expiry::Infinite),
        Scalar::Namespace { .. } => quote!(#rt::Namespace(0)),
        Scalar::Upload => {
            quote!(#rt::UploadFile { file_name: "sample.txt".into(), bytes: b"sample".to_vec() })
        }
        Scalar::Enum(name, values, _) => {
            // Core, current values first: those every wiki of the version has.
            let mut usable = values.iter().filter(|v| usable_first(v)).chain(
                values
                    .iter()
                    .filter(|v| !usable_first(v) && v.wire != fields::ALL_VALUES),
            );
            let variant = usable
                .nth(index)
                .map(|v| &v.variant)
                .or_else(|| values.first().map(|v| &v.variant));
            quote!(#name::#variant)
        }
        Scalar::Token(_) => quote!(#rt::token::Token::new("+\\")),
    }
}

/// A value every wiki of the version has: core, current, public, and not `*` (which stands
/// alone, not among other values).
fn usable_first(value: &EnumValue) -> bool {
    value.origin.is_none()
        && !value.deprecated
        && !value.internal
        && value.wire != fields::ALL_VALUES
}
