//! A [`SpecDiff`] as Markdown, for people: a `##` heading naming both sides (so that a
//! CHANGELOG can hold one entry per version under its own `#` title), a summary line with
//! counts, then one section per module. Parameters carry their wire name too, since that is
//! what users search for (`returnurl` is sent as `loginreturnurl`).

use std::fmt::Write;

use mwtyped_spec::{Origin, ParamType};
use serde_json::Value;

use super::model::{Change, Counts, ModuleDiff, ParamDiff, ParamEntry, SpecDiff, ValueEntry};

/// Enum values shown for a type before the rest is only counted.
const SHOWN_VALUES: usize = 8;

pub fn to_markdown(diff: &SpecDiff) -> String {
    let mut out = format!(
        "## {} (MediaWiki {}) → {} (MediaWiki {})\n\n{}\n",
        diff.from.capture,
        diff.from.mediawiki,
        diff.to.capture,
        diff.to.mediawiki,
        summary(&diff.counts())
    );
    for (title, modules) in [
        ("Modules added", &diff.modules_added),
        ("Modules removed", &diff.modules_removed),
    ] {
        if modules.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n### {title}\n");
        for m in modules {
            let _ = writeln!(
                out,
                "- {}: {}, {}",
                code(&m.path),
                origin(&m.origin),
                plural(m.parameters, "parameter")
            );
        }
    }
    for module in &diff.modules_changed {
        module_section(&mut out, module);
    }
    out
}

/// One line: counts of everything that differs, or that nothing does.
pub fn summary(c: &Counts) -> String {
    if *c == Counts::default() {
        return "No differences.".to_owned();
    }
    format!(
        "{} added, {} removed, {} changed; {} added, {} removed, {} changed; {} added, {} removed, {} newly deprecated.",
        plural(c.modules_added, "module"),
        c.modules_removed,
        c.modules_changed,
        plural(c.parameters_added, "parameter"),
        c.parameters_removed,
        c.parameters_changed,
        plural(c.values_added, "enum value"),
        c.values_removed,
        c.values_deprecated,
    )
}

fn module_section(out: &mut String, module: &ModuleDiff) {
    let _ = writeln!(out, "\n### {}\n", code(&module.path));
    for change in &module.flags {
        let _ = writeln!(out, "- module {}", change_text(change));
    }
    for p in &module.parameters_added {
        let _ = writeln!(out, "- added {}", param_entry(p));
    }
    for p in &module.parameters_removed {
        let _ = writeln!(out, "- removed {}", param_entry(p));
    }
    for p in &module.parameters_changed {
        param_lines(out, p);
    }
}

fn param_lines(out: &mut String, p: &ParamDiff) {
    let name = param_name(&p.name, &p.wire);
    if !p.changes.is_empty() {
        let changes: Vec<String> = p.changes.iter().map(change_text).collect();
        let _ = writeln!(out, "- changed {name}: {}", changes.join("; "));
    }
    if !p.values_added.is_empty() {
        let _ = writeln!(out, "- {name} values added: {}", values(&p.values_added));
    }
    if !p.values_removed.is_empty() {
        let _ = writeln!(
            out,
            "- {name} values removed: {}",
            values(&p.values_removed)
        );
    }
    if !p.values_deprecated.is_empty() {
        let _ = writeln!(
            out,
            "- {name} values newly deprecated: {}",
            codes(&p.values_deprecated)
        );
    }
    if !p.values_undeprecated.is_empty() {
        let _ = writeln!(
            out,
            "- {name} values no longer deprecated: {}",
            codes(&p.values_undeprecated)
        );
    }
}

/// `` `returnurl` (`loginreturnurl`): `string`, required, core ``
pub fn param_entry(p: &ParamEntry) -> String {
    let required = if p.required { ", required" } else { "" };
    format!(
        "{}: {}{required}, {}",
        param_name(&p.name, &p.wire),
        type_text(&p.ty),
        origin(&p.origin)
    )
}

/// The name, and the wire name beside it when the module has a prefix.
pub fn param_name(name: &str, wire: &str) -> String {
    if name == wire {
        code(name)
    } else {
        format!("{} ({})", code(name), code(wire))
    }
}

/// `` `max` `500` → `5000` ``
pub fn change_text(change: &Change) -> String {
    let side = |v: &Value| {
        if change.field == "type"
            && let Ok(ty) = serde_json::from_value::<ParamType>(v.clone())
        {
            return type_text(&ty);
        }
        value_text(v)
    };
    format!(
        "{} {} → {}",
        code(&change.field),
        side(&change.from),
        side(&change.to)
    )
}

fn value_text(v: &Value) -> String {
    match v {
        Value::Null => "none".to_owned(),
        other => code(&other.to_string()),
    }
}

pub fn type_text(ty: &ParamType) -> String {
    match ty {
        ParamType::Enum(values) => {
            let shown = codes(&values[..values.len().min(SHOWN_VALUES)]);
            if values.len() > SHOWN_VALUES {
                format!("one of {shown}, … ({} values)", values.len())
            } else {
                format!("one of {shown}")
            }
        }
        // `name()` is only `None` for enums.
        named => code(named.name().unwrap_or("?")),
    }
}

/// Values grouped by origin, each group where its first value is and the values in their
/// order: `` `a`, `c` (core); `b` (extension Foo) ``.
pub fn values(list: &[ValueEntry]) -> String {
    let mut groups: Vec<(&Option<Origin>, Vec<&str>)> = Vec::new();
    for v in list {
        match groups.iter_mut().find(|(origin, _)| **origin == v.origin) {
            Some((_, group)) => group.push(&v.value),
            None => groups.push((&v.origin, vec![&v.value])),
        }
    }
    groups
        .iter()
        .map(|(o, group)| {
            let names: Vec<String> = group.iter().map(|v| code(v)).collect();
            format!("{} ({})", names.join(", "), origin(o))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn origin(origin: &Option<Origin>) -> String {
    match origin {
        Some(Origin::Core) => "core".to_owned(),
        Some(Origin::Extension(name)) => format!("extension {name}"),
        None => "origin unknown".to_owned(),
    }
}

pub fn codes(values: &[String]) -> String {
    values
        .iter()
        .map(|v| code(v))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Inline code that survives backticks and empty strings in the text.
pub fn code(text: &str) -> String {
    if text.is_empty() {
        "(empty)".to_owned()
    } else if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

/// `1 parameter`, `2 parameters`.
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
