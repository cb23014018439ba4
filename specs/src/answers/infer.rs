//! From recordings to the answer model: every successful answer of a module is walked, each
//! value's kind counted per place, then each place becomes a [`Shape`]. Offline and
//! deterministic: the same recordings give the same model.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::model::{AnswerModel, Coverage, Field, Shape};
use super::places::data_places;
use super::recording::{Exchange, Recording, positions, prop_label};
use super::{answer_key, exercised, facts};
use crate::{Origin, Spec};

/// Fields whose keys are data, not names: slot roles, page property names, option names,
/// metadata names, rate-limited actions, language codes, field names of a form, user groups
/// (each with its promotion's conditions), message keys (VisualEditor's notices).
const MAPS: &[&str] = &[
    "autopromote",
    "defaultoptions",
    "extmetadata",
    "fields",
    "imagelimits",
    "languageinfo",
    "languagevariants",
    "notices",
    "onEdit",
    "options",
    "pageprops",
    "properties",
    "ratelimits",
    "slots",
    "thumblimits",
    "transcludedfrom",
    "unreadnotificationpages",
    "variantnames",
    "varianttitles",
];

/// Fields MediaWiki sends as `false` when it has no value (PHP's way), though the recordings
/// may not show it: a change tag's `displayname` is `false` when its message is disabled
/// (WikiEditor's tag). A field seen both as `false` and as another kind is read so too.
const FALSE_FOR_NONE: &[&str] = &["displayname"];

/// Fields MediaWiki fills with free-form data: a log entry's parameters (by log type), an
/// AbuseFilter hit's variables, a template's TemplateData parameters (written by users).
const FREE_FORM: &[&str] = &["details", "logparams", "params"];

/// An object with at least this many keys, every one holding an object, is a map (a
/// language code or a user name to its data), whatever the keys look like.
const MAP_KEYS: usize = 20;

/// Infers the model of every answer recorded for `spec`'s modules.
pub fn infer(spec: &Spec, recordings: &[Recording]) -> AnswerModel {
    let extensions: Extensions = spec
        .modules
        .iter()
        .map(|m| {
            let extension = match &m.origin {
                Some(Origin::Extension(name)) => Some(name.clone()),
                _ => None,
            };
            (m.path.clone(), extension)
        })
        .collect();
    let mut sketches: BTreeMap<String, Sketch> = BTreeMap::new();
    let mut modules = BTreeMap::new();
    let by_module: BTreeMap<&str, &Recording> =
        recordings.iter().map(|r| (r.module.as_str(), r)).collect();
    for module in &spec.modules {
        let coverage = match (exercised(module), by_module.get(module.path.as_str())) {
            (Err(why), _) => Coverage::Untyped { why: why.into() },
            (Ok(()), None) => Coverage::Untyped {
                why: "not recorded".into(),
            },
            (Ok(()), Some(recording)) => {
                let answer = answer_key(&module.path).to_owned();
                let sketch = sketches.entry(answer.clone()).or_default();
                observe_recording(sketch, recording);
                coverage(recording, answer)
            }
        };
        modules.insert(module.path.clone(), coverage);
    }
    let answers = sketches
        .into_iter()
        .filter(|(_, s)| s.seen > 0)
        .map(|(k, s)| {
            let shape = positional(&k, s.shape(None, &Place::root(&k), &extensions));
            (k, shape)
        })
        .collect();
    AnswerModel {
        mediawiki: recordings
            .first()
            .map(|r| r.mediawiki.clone())
            .unwrap_or_default(),
        answers,
        modules,
        without_data: without_data(spec, recordings),
    }
}

/// The data places without recorded data, by module, each with why.
fn without_data(spec: &Spec, recordings: &[Recording]) -> BTreeMap<String, Vec<(String, String)>> {
    let mut out: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for place in data_places(spec, recordings)
        .into_iter()
        .filter(|p| !p.with_data)
    {
        let why = facts::without_data(&place.name()).unwrap_or("not recorded");
        let what = place.value.clone().unwrap_or_else(|| place.module.clone());
        out.entry(place.module)
            .or_default()
            .push((what, why.to_owned()));
    }
    out
}

/// The answer of a module answering a JSON array: observed as an object of its positions by
/// name (`Exchange::data`), it is a tuple of them.
fn positional(key: &str, shape: Shape) -> Shape {
    match (shape, positions(key)) {
        (Shape::Object { mut fields }, Some(names)) => {
            // In the order of the positions, whatever the order of the object's keys.
            fields.sort_by_key(|f| {
                names
                    .iter()
                    .position(|n| *n == f.name)
                    .unwrap_or(usize::MAX)
            });
            Shape::Tuple { fields }
        }
        (shape, _) => shape,
    }
}

fn coverage(recording: &Recording, answer: String) -> Coverage {
    let exchanges = recording.exchanges.len();
    let succeeded = recording
        .exchanges
        .iter()
        .filter(|e| e.succeeded(&recording.module))
        .count();
    if succeeded > 0 {
        return Coverage::Typed {
            answer,
            exchanges,
            succeeded,
        };
    }
    let not_json = recording.exchanges.iter().find_map(|e| match &e.answer {
        Value::String(text) if text.trim_start().starts_with('<') => Some("XML or HTML"),
        Value::String(_) => Some("text"),
        Value::Array(_) => Some("a JSON array whose positions have no names"),
        _ => None,
    });
    let why = match not_json {
        Some(kind) => format!("answers {kind}, not a JSON object"),
        None => {
            let codes: BTreeSet<&str> = recording
                .exchanges
                .iter()
                .flat_map(Exchange::error_codes)
                .collect();
            let codes: Vec<&str> = codes.into_iter().collect();
            format!("every request recorded failed ({})", codes.join(", "))
        }
    };
    Coverage::Untyped { why }
}

fn observe_recording(sketch: &mut Sketch, recording: &Recording) {
    for exchange in &recording.exchanges {
        let Some(data) = exchange.data(&recording.module) else {
            continue;
        };
        let seen = Seen {
            module: &recording.module,
            label: prop_label(&exchange.label),
        };
        sketch.observe(&Value::Object(data), &seen);
    }
}

/// The extension providing each module (`None` for core), by path.
type Extensions = BTreeMap<String, Option<String>>;

/// The extension every one of `modules` comes from, when it is one.
fn only_extension(modules: &BTreeSet<String>, extensions: &Extensions) -> Option<String> {
    let mut of = modules.iter().map(|m| extensions.get(m).cloned().flatten());
    let first = of.next()??;
    of.all(|e| e.as_deref() == Some(first.as_str()))
        .then_some(first)
}

/// A place of an answer: its JSON path from the answer's root (`edit.result`,
/// `query.pages[].title`; `[]` an array's items, `*` a map's values), and the answer's key.
struct Place<'a> {
    answer: &'a str,
    path: String,
}

impl<'a> Place<'a> {
    fn root(answer: &'a str) -> Self {
        Place {
            answer,
            path: String::new(),
        }
    }

    fn field(&self, name: &str) -> Place<'a> {
        let path = match self.path.as_str() {
            "" => name.to_owned(),
            path => format!("{path}.{name}"),
        };
        Place {
            answer: self.answer,
            path,
        }
    }

    fn items(&self) -> Place<'a> {
        Place {
            answer: self.answer,
            path: format!("{}[]", self.path),
        }
    }

    fn values(&self) -> Place<'a> {
        Place {
            answer: self.answer,
            path: format!("{}.*", self.path),
        }
    }

    /// Whether MediaWiki's contract makes a field at this place certain: the object an
    /// action's answer is wrapped in (under the module's name; `query` has none: a query
    /// with nothing to answer is `{"batchcomplete":true}`), or a place of [`facts::CERTAIN`].
    fn certain(&self) -> bool {
        (self.path == self.answer && self.answer != "query") || facts::certain(&self.path)
    }
}

/// Where a value was seen.
struct Seen<'a> {
    module: &'a str,
    label: Option<&'a str>,
}

/// Everything seen at one place of an answer.
#[derive(Default)]
struct Sketch {
    /// Values seen, `null` apart.
    seen: usize,
    nulls: usize,
    trues: bool,
    falses: bool,
    integers: bool,
    fractions: bool,
    strings: bool,
    /// Arrays seen; what was in them is in `items`.
    arrays: usize,
    items: Option<Box<Sketch>>,
    /// An array of the object holding it ([`Sketch::fold_recursion`]): its items were
    /// folded into that object's place.
    recursive: bool,
    object: Option<ObjectSketch>,
}

#[derive(Default)]
struct ObjectSketch {
    instances: usize,
    modules: BTreeSet<String>,
    fields: Vec<(String, FieldSketch)>,
}

#[derive(Default)]
struct FieldSketch {
    sketch: Sketch,
    /// Objects it was in with a value other than `null`.
    present: usize,
    modules: BTreeSet<String>,
    with: BTreeSet<String>,
}

impl Sketch {
    fn observe(&mut self, value: &Value, seen: &Seen) {
        if value.is_null() {
            self.nulls += 1;
            return;
        }
        self.seen += 1;
        match value {
            Value::Bool(true) => self.trues = true,
            Value::Bool(false) => self.falses = true,
            Value::Number(n) if n.is_i64() || n.is_u64() => self.integers = true,
            Value::Number(_) => self.fractions = true,
            Value::String(_) => self.strings = true,
            Value::Array(items) => {
                self.arrays += 1;
                let sketch = self.items.get_or_insert_default();
                for item in items {
                    sketch.observe(item, seen);
                }
            }
            Value::Object(map) => {
                let object = self.object.get_or_insert_default();
                object.instances += 1;
                object.modules.insert(seen.module.to_owned());
                for (key, value) in map {
                    let field = object.field(key);
                    if !value.is_null() {
                        field.present += 1;
                    }
                    field.modules.insert(seen.module.to_owned());
                    if let Some(label) = seen.label {
                        field.with.insert(label.to_owned());
                    }
                    field.sketch.observe(value, seen);
                }
            }
            Value::Null => {}
        }
    }

    /// Adds what `other` saw (the values of a map are one place).
    fn absorb(&mut self, other: Sketch) {
        self.seen += other.seen;
        self.nulls += other.nulls;
        self.trues |= other.trues;
        self.falses |= other.falses;
        self.integers |= other.integers;
        self.fractions |= other.fractions;
        self.strings |= other.strings;
        self.arrays += other.arrays;
        self.recursive |= other.recursive;
        if let Some(items) = other.items {
            self.items.get_or_insert_default().absorb(*items);
        }
        if let Some(object) = other.object {
            let mine = self.object.get_or_insert_default();
            mine.instances += object.instances;
            mine.modules.extend(object.modules);
            for (key, field) in object.fields {
                let into = mine.field(&key);
                into.present += field.present;
                into.modules.extend(field.modules);
                into.with.extend(field.with);
                into.sketch.absorb(field.sketch);
            }
        }
    }

    /// The shape of this place; `key` is the field holding it.
    fn shape(mut self, key: Option<&str>, place: &Place, extensions: &Extensions) -> Shape {
        if key.is_some_and(|k| FREE_FORM.contains(&k)) && self.seen > 0 {
            return Shape::Any {
                why: "MediaWiki sends free-form data here".into(),
            };
        }
        // PHP writes an empty associative array as `[]`: beside objects, an array never seen
        // with an item is that object, empty (the generated types read `[]` so).
        let only_empty_arrays = self.items.as_ref().is_some_and(|i| i.seen + i.nulls == 0);
        if let (Some(object), true) = (&mut self.object, only_empty_arrays) {
            object.instances += self.arrays;
            self.items = None;
        }
        let kinds = [
            (self.trues || self.falses, "a boolean"),
            (self.integers || self.fractions, "a number"),
            (self.strings, "a string"),
            (self.items.is_some() || self.recursive, "an array"),
            (self.object.is_some(), "an object"),
        ];
        let present: Vec<&str> = kinds.iter().filter(|(k, _)| *k).map(|(_, n)| *n).collect();
        match present.as_slice() {
            [] => Shape::Unknown,
            [_] => self.single_shape(key, place, extensions),
            several => Shape::Any {
                why: format!("sent as {}", several.join(" or ")),
            },
        }
    }

    fn single_shape(self, key: Option<&str>, place: &Place, extensions: &Extensions) -> Shape {
        if self.trues || self.falses {
            return Shape::Bool {
                seen_false: self.falses,
            };
        }
        if self.fractions {
            return Shape::Number;
        }
        if self.integers {
            return Shape::Integer;
        }
        if self.strings {
            return Shape::String;
        }
        if self.recursive {
            return Shape::Array {
                items: Box::new(Shape::Recursive),
            };
        }
        if let Some(mut items) = self.items {
            if let Some(key) = key {
                items.fold_recursion(key);
            }
            return Shape::Array {
                items: Box::new(items.shape(None, &place.items(), extensions)),
            };
        }
        match self.object {
            Some(object) if is_map(key, &object) => {
                let mut values = Sketch::default();
                for (_, field) in object.fields {
                    values.absorb(field.sketch);
                }
                Shape::Map {
                    values: Box::new(values.shape(None, &place.values(), extensions)),
                }
            }
            Some(object) => object.shape(place, extensions),
            None => Shape::Unknown,
        }
    }

    /// A comment's replies are comments: where these objects (the items of the array
    /// `key`) hold an array `key` again, of objects or always empty, its items are this place
    /// at any depth. They are folded into it, and the inner array becomes an array of its
    /// holder ([`Shape::Recursive`]), one type however deep the answers go.
    fn fold_recursion(&mut self, key: &str) {
        let mut folded = false;
        while let Some(inner) = self.take_inner(key) {
            self.absorb(*inner);
            folded = true;
        }
        if let (true, Some(object)) = (folded, &mut self.object) {
            object.field(key).sketch.recursive = true;
        }
    }

    /// The items of these objects' array `key`, taken out, when they are objects or none
    /// and `key` was never anything but an array (PHP's `[]` for an empty object stays one).
    fn take_inner(&mut self, key: &str) -> Option<Box<Sketch>> {
        let object = self.object.as_mut()?;
        let (_, field) = object.fields.iter_mut().find(|(k, _)| k == key)?;
        let outer = &field.sketch;
        if outer.holds_scalars() || outer.object.is_some() {
            return None;
        }
        let items = field.sketch.items.as_ref()?;
        if items.holds_scalars() || items.items.is_some() || items.recursive {
            return None;
        }
        field.sketch.items.take()
    }

    /// Whether a boolean, a number or a string was seen here.
    fn holds_scalars(&self) -> bool {
        self.trues || self.falses || self.integers || self.fractions || self.strings
    }
}

impl ObjectSketch {
    /// The fields of [`facts::FROM_CODE`] at this place that no recording held, as seen
    /// once with a value of their kind (and in no object: never certain).
    fn add_from_code(&mut self, place: &Place) {
        for (path, kind, _) in facts::FROM_CODE {
            let Some(name) = path
                .strip_prefix(place.path.as_str())
                .and_then(|rest| rest.strip_prefix('.'))
                .filter(|name| !name.contains(['.', '[']))
            else {
                continue;
            };
            if self.fields.iter().any(|(k, _)| k == name) {
                continue;
            }
            let sketch = &mut self.field(name).sketch;
            sketch.seen = 1;
            match *kind {
                facts::Kind::String => sketch.strings = true,
                facts::Kind::Integer => sketch.integers = true,
            }
        }
    }

    fn field(&mut self, key: &str) -> &mut FieldSketch {
        let index = match self.fields.iter().position(|(k, _)| k == key) {
            Some(index) => index,
            None => {
                self.fields.push((key.to_owned(), FieldSketch::default()));
                self.fields.len() - 1
            }
        };
        &mut self.fields[index].1
    }

    fn shape(mut self, place: &Place, extensions: &Extensions) -> Shape {
        self.add_from_code(place);
        let instances = self.instances;
        let all_modules = self.modules;
        // An object an extension sends whole is gated once, where it is held.
        let object_extension = only_extension(&all_modules, extensions);
        let fields = self
            .fields
            .into_iter()
            .map(|(name, f)| {
                let field_place = place.field(&name);
                // Certain by MediaWiki's contract, and so in every object recorded here.
                let certain = field_place.certain() && f.present == instances;
                let extension = only_extension(&f.modules, extensions)
                    .filter(|e| object_extension.as_ref() != Some(e));
                let modules = if f.modules == all_modules || f.modules.len() > 3 {
                    vec![]
                } else {
                    f.modules.into_iter().collect()
                };
                let with = if certain || f.with.len() > 3 {
                    vec![]
                } else {
                    f.with.into_iter().collect()
                };
                let nullable = f.sketch.nulls > 0;
                let mut sketch = f.sketch;
                let other_kind = sketch.integers
                    || sketch.fractions
                    || sketch.strings
                    || sketch.items.is_some()
                    || sketch.recursive
                    || sketch.object.is_some();
                let false_for_none = other_kind
                    && !sketch.trues
                    && (sketch.falses || FALSE_FOR_NONE.contains(&name.as_str()));
                if false_for_none {
                    sketch.falses = false;
                }
                Field {
                    from_code: facts::from_code(&field_place.path)
                        .filter(|_| f.present == 0)
                        .map(|(_, why)| why.to_owned()),
                    shape: sketch.shape(Some(&name), &field_place, extensions),
                    false_for_none,
                    extension,
                    certain,
                    nullable,
                    name,
                    modules,
                    with,
                }
            })
            .collect();
        Shape::Object { fields }
    }
}

/// An object is a map when the field holding it is one of [`MAPS`], when any of its keys is
/// not a name (a namespace id, a title, a message key with spaces), or when it has
/// [`MAP_KEYS`] keys or more that all hold objects.
fn is_map(key: Option<&str>, object: &ObjectSketch) -> bool {
    let all_objects = || {
        object.fields.iter().all(|(_, f)| {
            let s = &f.sketch;
            s.object.is_some() && !s.holds_scalars()
        })
    };
    key.is_some_and(|k| MAPS.contains(&k))
        || object.fields.iter().any(|(k, _)| !is_name(k))
        || (object.fields.len() >= MAP_KEYS && all_objects())
}

fn is_name(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_alphabetic())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}
