//! Comparing two specs. Only what changes how a client calls the API is compared: help
//! texts, examples and origins are not (origins are noted on added and removed items, but a
//! wiki captured without attribution parts must not differ from the same wiki captured with
//! them).

use std::collections::{BTreeMap, BTreeSet};

use mwtyped_spec::{Module, Origin, ParamType, Parameter, Spec};
use serde::Serialize;
use serde_json::Value;

use super::model::{
    Change, ModuleDiff, ModuleEntry, ParamDiff, ParamEntry, Side, SpecDiff, ValueEntry,
};

/// What changed from `a` to `b`.
pub fn diff(a: &Spec, b: &Spec) -> SpecDiff {
    // By path rather than by position: a spec.json given by hand need not be sorted.
    let old = by_path(a);
    let new = by_path(b);
    SpecDiff {
        from: side(a),
        to: side(b),
        modules_added: only_in(&new, &old),
        modules_removed: only_in(&old, &new),
        modules_changed: old
            .iter()
            .filter_map(|(path, m)| Some(module_diff(m, new.get(path)?)))
            .filter(|d| !d.is_empty())
            .collect(),
    }
}

fn side(spec: &Spec) -> Side {
    Side {
        capture: spec.capture.name.clone(),
        mediawiki: spec.capture.mediawiki.clone(),
    }
}

fn by_path(spec: &Spec) -> BTreeMap<&str, &Module> {
    spec.modules.iter().map(|m| (m.path.as_str(), m)).collect()
}

fn only_in(these: &BTreeMap<&str, &Module>, not: &BTreeMap<&str, &Module>) -> Vec<ModuleEntry> {
    these
        .iter()
        .filter(|(path, _)| !not.contains_key(*path))
        .map(|(path, m)| ModuleEntry {
            path: (*path).to_owned(),
            origin: m.origin.clone(),
            parameters: m.all_parameters().count(),
        })
        .collect()
}

fn module_diff(a: &Module, b: &Module) -> ModuleDiff {
    let mut flags = Vec::new();
    compare(&mut flags, "readrights", &a.readrights, &b.readrights);
    compare(&mut flags, "writerights", &a.writerights, &b.writerights);
    compare(&mut flags, "mustbeposted", &a.mustbeposted, &b.mustbeposted);
    compare(&mut flags, "generator", &a.generator, &b.generator);
    compare(&mut flags, "internal", &a.internal, &b.internal);
    compare(&mut flags, "deprecated", &a.deprecated, &b.deprecated);
    compare(&mut flags, "prefix", &a.prefix, &b.prefix);
    compare(&mut flags, "group", &a.group, &b.group);

    let old = params_by_name(a);
    let new = params_by_name(b);
    let entries = |these: &BTreeMap<&str, &Parameter>, not: &BTreeMap<&str, &Parameter>, m| {
        these
            .iter()
            .filter(|(name, _)| !not.contains_key(*name))
            .map(|(_, p)| param_entry(m, p))
            .collect()
    };
    ModuleDiff {
        path: b.path.clone(),
        prefix: b.prefix.clone(),
        flags,
        parameters_added: entries(&new, &old, b),
        parameters_removed: entries(&old, &new, a),
        parameters_changed: old
            .iter()
            .filter_map(|(name, p)| Some(param_diff(&b.prefix, p, new.get(name)?)))
            .filter(|d| !d.is_empty())
            .collect(),
    }
}

fn params_by_name(module: &Module) -> BTreeMap<&str, &Parameter> {
    module
        .all_parameters()
        .map(|p| (p.name.as_str(), p))
        .collect()
}

fn param_entry(module: &Module, param: &Parameter) -> ParamEntry {
    ParamEntry {
        name: param.name.clone(),
        wire: format!("{}{}", module.prefix, param.name),
        ty: param.ty.clone(),
        required: param.required,
        origin: param.origin.clone(),
    }
}

fn param_diff(prefix: &str, a: &Parameter, b: &Parameter) -> ParamDiff {
    let mut changes = Vec::new();
    // Two enums differ in their values, reported one by one below, not as a type change.
    let both_enums = matches!((&a.ty, &b.ty), (ParamType::Enum(_), ParamType::Enum(_)));
    if !both_enums {
        compare(&mut changes, "type", &a.ty, &b.ty);
    }
    compare(&mut changes, "required", &a.required, &b.required);
    compare(&mut changes, "default", &a.default, &b.default);
    compare(&mut changes, "limit", &a.limit, &b.limit);
    compare(&mut changes, "lowlimit", &a.lowlimit, &b.lowlimit);
    compare(&mut changes, "highlimit", &a.highlimit, &b.highlimit);
    compare(&mut changes, "min", &a.min, &b.min);
    compare(&mut changes, "max", &a.max, &b.max);
    compare(&mut changes, "highmax", &a.highmax, &b.highmax);
    compare(&mut changes, "maxbytes", &a.maxbytes, &b.maxbytes);
    compare(&mut changes, "maxchars", &a.maxchars, &b.maxchars);
    compare(&mut changes, "multi", &a.multi, &b.multi);
    compare(&mut changes, "deprecated", &a.deprecated, &b.deprecated);
    compare(&mut changes, "tokentype", &a.tokentype, &b.tokentype);
    compare(&mut changes, "sensitive", &a.sensitive, &b.sensitive);

    // When the type itself changed (enum to string), its values are in that change.
    let (old_values, new_values) = if both_enums {
        (enum_values(a), enum_values(b))
    } else {
        (&[][..], &[][..])
    };
    let values_added = values_only_in(b, new_values, old_values);
    let values_removed = values_only_in(a, old_values, new_values);
    let old_deprecated = deprecated(a);
    let new_deprecated = deprecated(b);
    // Only values on both sides: an added or removed value is reported as such already.
    let on_both = |v: &&str| old_values.iter().any(|x| x == v) && new_values.iter().any(|x| x == v);
    ParamDiff {
        name: b.name.clone(),
        wire: format!("{prefix}{}", b.name),
        changes,
        values_added,
        values_removed,
        values_deprecated: new_deprecated
            .difference(&old_deprecated)
            .filter(|v| on_both(v))
            .map(|v| (*v).to_owned())
            .collect(),
        values_undeprecated: old_deprecated
            .difference(&new_deprecated)
            .filter(|v| on_both(v))
            .map(|v| (*v).to_owned())
            .collect(),
    }
}

fn enum_values(param: &Parameter) -> &[String] {
    match &param.ty {
        ParamType::Enum(values) => values,
        _ => &[],
    }
}

fn deprecated(param: &Parameter) -> BTreeSet<&str> {
    param
        .deprecatedvalues
        .iter()
        .flatten()
        .map(String::as_str)
        .collect()
}

/// The values of `these` missing from `not`, in `these`' order, each with its origin: the
/// extension that adds it to the parameter, else the parameter's own.
fn values_only_in(param: &Parameter, these: &[String], not: &[String]) -> Vec<ValueEntry> {
    these
        .iter()
        .filter(|v| !not.contains(v))
        .map(|v| ValueEntry {
            value: v.clone(),
            origin: value_origin(param, v),
        })
        .collect()
}

fn value_origin(param: &Parameter, value: &str) -> Option<Origin> {
    param
        .value_origins
        .get(value)
        .or(param.origin.as_ref())
        .cloned()
}

/// Records `field` when it differs, with both sides as JSON.
fn compare<T: PartialEq + Serialize>(out: &mut Vec<Change>, field: &str, a: &T, b: &T) {
    if a != b {
        out.push(Change {
            field: field.to_owned(),
            // Plain values (bools, numbers, strings, lists of strings) always serialise.
            from: serde_json::to_value(a).unwrap_or(Value::Null),
            to: serde_json::to_value(b).unwrap_or(Value::Null),
        });
    }
}
