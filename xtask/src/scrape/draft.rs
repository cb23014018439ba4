//! A parameter as it is being read, and the reading of its info lines, shared by the HTML and
//! the text reader; [`ParamDraft::finish`] turns it into the model's [`Parameter`] and says
//! what stayed unknown.

use std::collections::BTreeMap;

use mwtyped_spec::{Help, ParamType, Parameter};
use serde_json::Value;

use super::lang::Catalog;
use super::numbers::{digit_value, parse_int};
use super::output::{Constraint, Note, UNKNOWN_TYPE, UNTYPED_CANDIDATES, Unknown};
use super::template::{Captures, normalise};

#[derive(Debug, Default, Clone)]
pub struct ParamDraft {
    /// The name as the page shows it, with the module's prefix.
    pub prefixed: String,
    pub description: Vec<String>,
    pub deprecated: bool,
    pub required: bool,
    /// Told by the type line's plural form, the enum line or the "separate values" line.
    pub multi: bool,
    pub ty: Option<ParamType>,
    pub deprecated_values: Vec<String>,
    pub internal_values: Vec<String>,
    pub submodules: Option<BTreeMap<String, String>>,
    pub limits: Option<(u32, u32)>,
    pub allspecifier: Option<String>,
    pub default: Option<String>,
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub highmax: Option<i64>,
    pub maxbytes: Option<u64>,
    pub maxchars: Option<u64>,
    pub must_exist: Option<bool>,
    pub templatevars: Option<BTreeMap<String, String>>,
    /// `A "csrf" token retrieved from …`: the token type.
    pub tokentype: Option<String>,
    /// Values the description marks deprecated or internal (its per-value list).
    pub marked_in_description: Vec<(String, &'static str)>,
    pub notes: Vec<Constraint>,
    /// Whether the reader can tell deprecated and internal enum values (HTML can, text cannot).
    pub values_marked: bool,
    /// The limit line states one maximum for every client (`No more than 500 allowed.`,
    /// before 1.35): there is no higher maximum to be unknown.
    pub one_max: bool,
    /// Info lines shaped like a known message that could not be read.
    pub unreadable: Vec<UnreadLine>,
}

/// An info line shaped like a known message (its wording with a value that is not one, or
/// its opening words) that could not be read, and the fields that message tells.
#[derive(Debug, Clone)]
pub struct UnreadLine {
    pub fields: Vec<&'static str>,
    pub reason: String,
}

/// What reading one info line came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InfoLine {
    /// Every message on it was read.
    Read,
    /// Shaped like an info message but not readable: what that message tells is marked
    /// unknown, for the reason given.
    Unreadable(String),
    /// Like no info message: a module's own note, or (in text) description.
    Other,
}

/// An info line's message keys, in the order they are tried. More specific shapes come first
/// (`default-empty` before `default`, `multi-max-simple` after `multi-max`).
const INFO_KEYS: &[&str] = &[
    "required",
    "deprecated",
    "internal",
    "multi-separate",
    "multi-max",
    "multi-max-simple",
    "multi-all",
    "default-empty",
    "default",
    "type-presenceboolean",
    "type-boolean",
    "type-integer",
    "type-limit",
    "type-float",
    "type-timestamp",
    "type-expiry",
    "type-title",
    "type-title-must-exist",
    "type-title-no-must-exist",
    "type-user",
    "type-upload",
    "upload",
    "type-enum",
    "type-number-minmax",
    "type-number-min",
    "type-number-max",
    "type-string-maxbytes",
    "type-string-maxchars",
    "templated",
    "limit",
    "limit2",
];

/// The info messages that exist to state a number (a range, a length, a limit, a value count).
/// Another wording of one still states its number, so a line without a digit is no variant of
/// it however it opens: a module's own note can open with the same words (`Ne peut pas être
/// utilisé avec adruser.` like `Ne peut pas être plus long que $1 octets.`, and so in Russian,
/// Polish and Arabic), and is kept as a note.
const NUMBER_KEYS: &[&str] = &[
    "multi-max",
    "multi-max-simple",
    "type-number-minmax",
    "type-number-min",
    "type-number-max",
    "type-string-maxbytes",
    "type-string-maxchars",
    "limit",
    "limit2",
];

/// Whether `text` holds a digit, of any script ([`digit_value`]).
fn has_digit(text: &str) -> bool {
    text.chars().any(|c| digit_value(c).is_some())
}

/// What went wrong reading a line that did match a message: a number that is not one.
#[derive(Debug)]
struct BadValue {
    key: &'static str,
    reason: String,
}

impl ParamDraft {
    pub fn new(prefixed: &str, values_marked: bool) -> ParamDraft {
        ParamDraft {
            prefixed: prefixed.to_owned(),
            values_marked,
            ..ParamDraft::default()
        }
    }

    /// Reads one info line (whitespace-normalised, see [`normalise`]), or several messages
    /// run together on it. A line that matches no message but opens like one (`resemble`:
    /// only where the page marks it as an info line; like one of [`NUMBER_KEYS`] only if it
    /// holds a digit) is unreadable, like a line whose number is not one; it never stops the
    /// page.
    pub fn read_info_line(&mut self, cat: &Catalog, line: &str, resemble: bool) -> InfoLine {
        let text = line.trim();
        match self.read_message(cat, text) {
            Ok(Some(_)) => return InfoLine::Read,
            Err(bad) => return self.unreadable(&[bad.key], bad.reason),
            Ok(None) => {}
        }
        if let Some(read) = self.read_sentences(cat, text) {
            return read;
        }
        let keys: Vec<&str> = if resemble {
            cat.resembled(INFO_KEYS, text)
                .into_iter()
                .filter(|key| !NUMBER_KEYS.contains(key) || has_digit(text))
                .collect()
        } else {
            vec![]
        };
        if keys.is_empty() {
            return InfoLine::Other;
        }
        let reason = format!("`{text}` opens like {keys:?} but matches none of their wordings");
        self.unreadable(&keys, reason)
    }

    /// Messages run together on one line, split at sentence ends: releases before 1.35 show
    /// `Separate values with |. Maximum number of values is 50 (500 for bots).` as one line,
    /// and a browser's copy may join lines. Every sentence must be some message, or nothing
    /// is taken.
    fn read_sentences(&mut self, cat: &Catalog, text: &str) -> Option<InfoLine> {
        let mut trial = self.clone();
        let mut outcome = InfoLine::Read;
        let mut rest = text;
        'sentences: loop {
            for (i, _) in rest.match_indices(". ") {
                let (head, tail) = (&rest[..=i], rest[i + 1..].trim_start());
                match trial.read_message(cat, head) {
                    Ok(None) => continue,
                    Ok(Some(_)) => {}
                    Err(bad) => outcome = trial.unreadable(&[bad.key], bad.reason),
                }
                rest = tail;
                continue 'sentences;
            }
            // No sentence end read: the line whole was tried by the caller.
            if rest == text {
                return None;
            }
            match trial.read_message(cat, rest) {
                Ok(None) => return None,
                Ok(Some(_)) => {}
                Err(bad) => outcome = trial.unreadable(&[bad.key], bad.reason),
            }
            *self = trial;
            return Some(outcome);
        }
    }

    /// Records a line that could not be read as marking what `keys` tell unknown.
    fn unreadable(&mut self, keys: &[&str], reason: String) -> InfoLine {
        let mut fields: Vec<&'static str> = vec![];
        for field in keys.iter().flat_map(|k| fields_told(k)) {
            if !fields.contains(field) {
                fields.push(field);
            }
        }
        self.unreadable.push(UnreadLine {
            fields,
            reason: reason.clone(),
        });
        InfoLine::Unreadable(reason)
    }

    /// Reads one message; the key it is, or `None` when no known message matches. Of several
    /// messages the line has the shape of, the first whose values read is taken.
    fn read_message(
        &mut self,
        cat: &Catalog,
        text: &str,
    ) -> Result<Option<&'static str>, BadValue> {
        let mut matches = cat.find_each(INFO_KEYS, text).into_iter();
        let Some((key, c)) = matches.next() else {
            return Ok(None);
        };
        let mut trial = self.clone();
        let first = match trial.apply(key, &c, cat, text) {
            Ok(key) => {
                *self = trial;
                return Ok(key);
            }
            Err(bad) => bad,
        };
        for (key, c) in matches {
            let mut trial = self.clone();
            if let Ok(key) = trial.apply(key, &c, cat, text) {
                *self = trial;
                return Ok(key);
            }
        }
        Err(first)
    }

    /// Takes in what the message `key` told, its parameters read from `c`.
    fn apply(
        &mut self,
        key: &'static str,
        c: &Captures,
        cat: &Catalog,
        text: &str,
    ) -> Result<Option<&'static str>, BadValue> {
        let multi_from = |c: &Captures| c.plural.get(&1) == Some(&2);
        let bad = |reason: String| BadValue { key, reason };
        let int = |n: u8| -> Result<i64, BadValue> {
            let s = c.get(n).unwrap_or("");
            parse_int(s).ok_or_else(|| bad(format!("`{s}` in `{text}` is not a number")))
        };
        let count = |n: u8| -> Result<u32, BadValue> {
            u32::try_from(int(n)?).map_err(|_| bad(format!("a negative count in `{text}`")))
        };
        match key {
            "required" => self.required = true,
            "deprecated" => self.deprecated = true,
            "internal" => {}
            "multi-separate" => self.multi = true,
            "multi-max" => {
                self.multi = true;
                self.limits = Some((count(1)?, count(2)?));
            }
            "multi-max-simple" => {
                self.multi = true;
                let n = count(1)?;
                self.limits = Some((n, n));
            }
            "multi-all" => self.allspecifier = c.get(1).map(str::to_owned),
            "default-empty" => self.default = Some(String::new()),
            "default" => self.default = c.get(1).map(str::to_owned),
            "type-presenceboolean" | "type-boolean" => self.set_type(ParamType::Boolean, c),
            "type-integer" => self.set_type(ParamType::Integer, c),
            "type-limit" => self.ty = Some(ParamType::Limit),
            "type-float" => self.set_type(ParamType::Other("float".into()), c),
            "type-timestamp" => self.set_type(ParamType::Timestamp, c),
            "type-expiry" => self.set_type(ParamType::Expiry, c),
            "type-title" => self.ty = Some(ParamType::Title),
            "type-title-must-exist" => self.must_exist = Some(true),
            "type-title-no-must-exist" => self.must_exist = Some(false),
            "type-user" => self.set_type(ParamType::User, c),
            "type-upload" | "upload" => self.ty = Some(ParamType::Upload),
            "type-enum" => {
                self.multi |= multi_from(c);
                let values = enum_values(cat, c.get(2).unwrap_or(""));
                self.ty = Some(ParamType::Enum(values));
            }
            "type-number-minmax" => {
                self.min = Some(int(2)?);
                self.max = Some(int(3)?);
            }
            "type-number-min" => self.min = Some(int(2)?),
            "type-number-max" => self.max = Some(int(3)?),
            "type-string-maxbytes" => self.maxbytes = Some(int(1)?.unsigned_abs()),
            "type-string-maxchars" => self.maxchars = Some(int(1)?.unsigned_abs()),
            "templated" => {
                // The variables are read from the line's structure by the caller (HTML `var`s)
                // or from its text; an empty map marks the parameter as templated meanwhile.
                self.templatevars.get_or_insert_with(BTreeMap::new);
                if let Some(list) = c.get(2) {
                    self.read_templatevars_text(cat, list);
                }
            }
            "limit" => {
                self.max = Some(int(1)?);
                self.one_max = true;
            }
            "limit2" => {
                self.max = Some(int(1)?);
                self.highmax = Some(int(2)?);
            }
            _ => return Ok(None),
        }
        Ok(Some(key))
    }

    /// Whether a line was read that tells `field` (a field name of [`fields_told`]).
    fn told(&self, field: &str) -> bool {
        match field {
            "required" => self.required,
            "deprecated" => self.deprecated,
            "multi" => self.multi,
            "lowlimit" => self.limits.is_some(),
            "allspecifier" => self.allspecifier.is_some(),
            "default" => self.default.is_some(),
            "mustExist" => self.must_exist.is_some(),
            "type" => self.ty.is_some(),
            "min" => self.min.is_some(),
            "max" => self.max.is_some(),
            "highmax" => self.highmax.is_some(),
            "maxbytes" => self.maxbytes.is_some(),
            "maxchars" => self.maxchars.is_some(),
            "templatevars" => self.templatevars.is_some(),
            _ => false,
        }
    }

    /// The fields the unreadable lines would have told and no other line told.
    fn unread_unknowns(&self, name: &str) -> Vec<Unknown> {
        let mut out: Vec<Unknown> = vec![];
        for line in &self.unreadable {
            for field in line.fields.iter().filter(|f| !self.told(f)) {
                if !out.iter().any(|u| u.field == *field) {
                    out.push(Unknown::parameter(name, field, &line.reason));
                }
            }
        }
        out
    }

    /// Nothing read yet but the name.
    pub fn is_blank(&self) -> bool {
        self.description.is_empty()
            && self.ty.is_none()
            && !self.multi
            && !self.required
            && !self.deprecated
            && self.default.is_none()
            && self.notes.is_empty()
    }

    /// Reads what the description itself tells: a token parameter's description is
    /// MediaWiki's `api-help-param-token` message naming the token type. MediaWiki names
    /// that parameter `token` (behind the module's prefix), so no other is read this way.
    pub fn read_description(&mut self, cat: &Catalog, description: &str) {
        if !self.prefixed.ends_with("token") {
            return;
        }
        for line in description.lines() {
            if let Some((_, c)) = cat.find(&["token"], &normalise(line)) {
                self.tokentype = c.get(1).map(str::to_owned);
            }
        }
    }

    fn set_type(&mut self, ty: ParamType, c: &super::template::Captures) {
        self.multi |= c.plural.get(&1) == Some(&2);
        self.ty = Some(ty);
    }

    /// `{slot} in the parameter's name should be replaced with values of fromslots`, in any
    /// language: `… mit Werten von fromslots ersetzt werden` (German), `يجب استبدال {slot} …
    /// بقيم fromslots` (Arabic). The list has one piece per `{var}`, the first in the shape of
    /// `templated-var-first`, the others of `templated-var`, joined by the language's list
    /// separators. Each piece is looked for around its `{var}`, between the end of the
    /// previous one and the next `{`, the longest that has its shape first. A piece with no
    /// known shape leaves its variable out, and the comparison shows it, rather than a guess.
    fn read_templatevars_text(&mut self, cat: &Catalog, list: &str) {
        let text = normalise(list);
        let vars = self.templatevars.get_or_insert_with(BTreeMap::new);
        let braces: Vec<usize> = text.match_indices('{').map(|(i, _)| i).collect();
        let bounds: Vec<usize> = std::iter::once(0)
            .chain(
                text.char_indices()
                    .filter(|(_, c)| c.is_whitespace())
                    .map(|(i, _)| i),
            )
            .chain(std::iter::once(text.len()))
            .collect();
        // The list's separators are the language's commas (`, `, `، `, `、`…), around spaces.
        let separators: Vec<char> = cat.commas.iter().flat_map(|c| c.trim().chars()).collect();
        let separator = |c: char| c.is_whitespace() || separators.contains(&c);
        let mut from = 0;
        for (n, &brace) in braces.iter().enumerate() {
            let until = braces.get(n + 1).copied().unwrap_or(text.len());
            let key = if n == 0 {
                "templated-var-first"
            } else {
                "templated-var"
            };
            let starts = bounds.iter().copied().filter(|&b| b >= from && b <= brace);
            let found = starts.into_iter().find_map(|start| {
                bounds
                    .iter()
                    .rev()
                    .copied()
                    .filter(|&e| e > brace && e <= until)
                    .find_map(|end| {
                        let piece = text[start..end].trim_matches(separator);
                        let (_, c) = cat.find(&[key], piece)?;
                        Some((end, c.get(1)?.to_owned(), c.get(2)?.to_owned()))
                    })
            });
            if let Some((end, var, param)) = found {
                vars.insert(var, param);
                from = end;
            }
        }
    }

    /// Reads the constraints stated in the description's prose (English shapes only: the
    /// prose is each module's own message).
    fn prose_notes(&self) -> Vec<Constraint> {
        let mut notes = vec![];
        let joined = self.description.join(" ");
        if !joined.contains("Either this or ") {
            return notes;
        }
        let text = normalise(&strip_tags(&joined));
        let mut rest = text.as_str();
        while let Some(at) = rest.find("Either this or ") {
            let after = &rest[at + "Either this or ".len()..];
            if let Some(end) = after.find(" is required") {
                let others: Vec<String> = after[..end]
                    .split([',', ' '])
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '_'))
                    .filter(|w| !w.is_empty() && *w != "or")
                    .map(str::to_owned)
                    .collect();
                if !others.is_empty() {
                    notes.push(Constraint::EitherRequired { others });
                }
            }
            rest = after;
        }
        notes
    }

    /// The model's parameter, its notes and what stayed unknown.
    pub fn finish(
        mut self,
        prefix: &str,
        index: u32,
        supported: bool,
        unknowns: &mut Vec<Unknown>,
        notes: &mut Vec<Note>,
    ) -> Parameter {
        let name = self
            .prefixed
            .strip_prefix(prefix)
            .filter(|n| !n.is_empty())
            .unwrap_or(&self.prefixed)
            .to_owned();
        if !prefix.is_empty() && !self.prefixed.starts_with(prefix) {
            unknowns.push(Unknown::parameter(
                &name,
                "name",
                &format!(
                    "`{}` does not start with the module's prefix `{prefix}`",
                    self.prefixed
                ),
            ));
        }
        if let Some(vars) = self.templatevars.as_mut() {
            for param in vars.values_mut() {
                if let Some(bare) = param.strip_prefix(prefix).filter(|b| !b.is_empty()) {
                    *param = bare.to_owned();
                }
            }
        }
        // In a language without a table an unread line may be a type, a range or a default:
        // everything the info lines tell is then unknown, not absent.
        let unread: Vec<String> = self
            .notes
            .iter()
            .filter_map(|n| match n {
                Constraint::Info { text } => Some(text.clone()),
                Constraint::EitherRequired { .. } => None,
            })
            .collect();
        let blind = !supported && !unread.is_empty();
        if blind {
            unknowns.push(Unknown::parameter(
                &name,
                "info",
                &format!("info lines in a language without a table: {unread:?}"),
            ));
        }
        // What an unreadable line would tell is unknown, and that reason comes first: the
        // usual ones below (no type line, no value limit) would say the page shows none.
        let mut own: Vec<Unknown> = self.unread_unknowns(&name);
        let first_own = unknowns.len();
        unknowns.append(&mut own);
        let mut own_notes = std::mem::take(&mut self.notes);
        own_notes.extend(self.prose_notes());
        notes.extend(own_notes.into_iter().map(|constraint| Note {
            parameter: name.clone(),
            constraint,
        }));
        // MediaWiki declares every token parameter itself (`ApiBase::getFinalParams`): a
        // required, sensitive string described by the token message. A module may describe a
        // parameter of its own with that message (`action=login`'s optional `lgtoken`): without
        // the required flag the message proves nothing.
        if !self.required {
            self.tokentype = None;
        }
        let token = self.tokentype.is_some() && self.ty.is_none();
        let ty = match self.ty.take() {
            Some(ty) => ty,
            None if token => ParamType::String,
            None if blind => {
                unknowns.push(Unknown::parameter(
                    &name,
                    "type",
                    "no type line was understood",
                ));
                ParamType::Other(UNKNOWN_TYPE.into())
            }
            None => {
                unknowns.push(Unknown {
                    candidates: UNTYPED_CANDIDATES.iter().map(|s| (*s).to_owned()).collect(),
                    ..Unknown::parameter(&name, "type", "the page shows no type line")
                });
                ParamType::Other(UNKNOWN_TYPE.into())
            }
        };
        let ty = namespace_or_enum(ty);
        let is_enum = matches!(ty, ParamType::Enum(_));
        if self.multi && self.limits.is_none() {
            unknowns.push(Unknown::parameter(
                &name,
                "lowlimit",
                "the page states no maximum number of values (MediaWiki omits it when an enum has fewer values)",
            ));
        }
        if ty == ParamType::Limit && self.min.is_none() {
            unknowns.push(Unknown::parameter(
                &name,
                "min",
                "the page states the maximum only (`No more than …`, before 1.35)",
            ));
        }
        if ty == ParamType::Limit && self.highmax.is_none() && !self.one_max {
            unknowns.push(Unknown::parameter(
                &name,
                "highmax",
                "the page shows one maximum, that of the user who loaded it (read as `max`: \
                 pages are fetched without the apihighlimits right)",
            ));
        }
        if is_enum && !self.values_marked {
            unknowns.push(Unknown::parameter(
                &name,
                "deprecatedvalues",
                "a text page does not mark deprecated or internal values",
            ));
        }
        if let ParamType::Enum(values) = &ty {
            for (value, mark) in &self.marked_in_description {
                let list = match *mark {
                    "deprecated" => &mut self.deprecated_values,
                    _ => &mut self.internal_values,
                };
                if values.contains(value) && !list.contains(value) {
                    list.push(value.clone());
                }
            }
        }
        dedupe_from(unknowns, first_own);
        let default = self.default.take().map(|d| typed_default(&ty, d));
        let (lowlimit, highlimit) = match self.limits {
            Some((l, h)) => (Some(l), Some(h)),
            None => (None, None),
        };
        Parameter {
            index: Some(index),
            name,
            templatevars: self.templatevars,
            description: (!self.description.is_empty())
                .then(|| Help::Text(self.description.join("\n"))),
            ty,
            required: self.required,
            default,
            multi: self.multi,
            lowlimit,
            highlimit,
            limit: lowlimit,
            allowsduplicates: false,
            allspecifier: self.allspecifier,
            min: self.min,
            max: self.max,
            highmax: self.highmax,
            maxbytes: self.maxbytes,
            maxchars: self.maxchars,
            deprecated: self.deprecated,
            deprecatedvalues: (!self.deprecated_values.is_empty())
                .then_some(self.deprecated_values),
            internalvalues: (!self.internal_values.is_empty()).then_some(self.internal_values),
            sensitive: token,
            tokentype: self.tokentype,
            extranamespaces: None,
            subtypes: None,
            must_exist: self.must_exist,
            info: None,
            submodules: self.submodules,
            submoduleparamprefix: None,
            origin: None,
            value_origins: BTreeMap::new(),
            wiki_values: false,
            unknown: BTreeMap::new(),
        }
    }
}

/// The fields of the model an info message tells, by its key; what a line shaped like it
/// leaves unknown when it cannot be read.
fn fields_told(key: &str) -> &'static [&'static str] {
    match key {
        "required" => &["required"],
        "deprecated" => &["deprecated"],
        "multi-separate" => &["multi"],
        "multi-max" | "multi-max-simple" => &["multi", "lowlimit"],
        "multi-all" => &["allspecifier"],
        "default" | "default-empty" => &["default"],
        "type-title-must-exist" | "type-title-no-must-exist" => &["mustExist"],
        "type-enum" => &["type", "multi"],
        "type-number-minmax" | "type-number-min" | "type-number-max" => &["min", "max"],
        "type-string-maxbytes" => &["maxbytes"],
        "type-string-maxchars" => &["maxchars"],
        "templated" => &["templatevars"],
        "limit" | "limit2" => &["max", "highmax"],
        "upload" => &["type"],
        k if k.starts_with("type-") => &["type"],
        _ => &[],
    }
}

/// Keeps the first unknown of each parameter and field from `from` on.
fn dedupe_from(unknowns: &mut Vec<Unknown>, from: usize) {
    let mut seen: Vec<(Option<String>, String)> = vec![];
    let mut i = from;
    while i < unknowns.len() {
        let key = (unknowns[i].parameter.clone(), unknowns[i].field.clone());
        if seen.contains(&key) {
            unknowns.remove(i);
        } else {
            seen.push(key);
            i += 1;
        }
    }
}

/// The values of an enum line's list: `a, b, c`, or "Can be empty, or a, b", or "Must be empty".
fn enum_values(cat: &Catalog, list: &str) -> Vec<String> {
    if let Some((_, c)) = cat.find(&["type-enum-can-be-empty"], list) {
        let mut values = vec![String::new()];
        if let Some(rest) = c.get(1) {
            values.extend(cat.split_list(rest).into_iter().map(str::to_owned));
        }
        return values;
    }
    cat.split_list(list)
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// Namespace parameters render as an enum of namespace numbers. Every namespace list holds
/// the main namespace, `0`; an enum of numbers without it (`imagerotate`'s 90, 180, 270) stays
/// an enum.
fn namespace_or_enum(ty: ParamType) -> ParamType {
    match &ty {
        ParamType::Enum(values)
            if values.iter().any(|v| v == "0")
                && values.iter().all(|v| v.parse::<i64>().is_ok()) =>
        {
            ParamType::Namespace
        }
        _ => ty,
    }
}

/// Defaults are shown as text; numbers of numeric types are numbers in the model, as paraminfo
/// sends them.
fn typed_default(ty: &ParamType, default: String) -> Value {
    match ty {
        // `5,000`, `5 000`, `५,०००`: as the page's language groups digits.
        ParamType::Integer | ParamType::Limit | ParamType::Namespace => {
            parse_int(&default).map_or(Value::String(default), Value::from)
        }
        _ => Value::String(default),
    }
}

/// The text of an HTML fragment, for reading its prose (a plain text is returned as it is).
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
}
