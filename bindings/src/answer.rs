//! Typed answers: what the generated answer types are made of.
//!
//! Every type under a version's `answer` module (`mwtyped::v1_43::answer::Edit`) was generated
//! from what the test wikis answered (`cargo xtask answers`, then `cargo xtask regen`). A field
//! the model calls certain is a plain field, and an answer without it fails to decode, naming
//! the JSON path; a field not always sent is an `Option` (a flag sent only when true is a
//! `bool`). A field the model does not know is kept in the object's `extra` map, never
//! dropped, and [`Answer::unmodelled`] lists every such field of an answer.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Visitor};
use serde_json::Value;

/// The fields of an answer object that the answer model does not know, as MediaWiki sent them.
pub type Extra = BTreeMap<String, Value>;

/// A typed answer (or a part of one).
pub trait Answer: DeserializeOwned + fmt::Debug + Clone + Send + Sync + 'static {
    /// Adds the JSON path of every field kept in an `extra` map below `path`.
    fn collect_unmodelled(&self, path: &str, out: &mut Vec<String>);

    /// The JSON path of every field the model does not know (`query.pages.0.newfield`): empty
    /// when the whole answer was typed.
    fn unmodelled(&self) -> Vec<String> {
        let mut out = vec![];
        self.collect_unmodelled("", &mut out);
        out
    }
}

macro_rules! leaf_answers {
    ($($ty:ty),*) => {$(
        impl Answer for $ty {
            fn collect_unmodelled(&self, _: &str, _: &mut Vec<String>) {}
        }
    )*};
}
// `Value` is the free-form data MediaWiki itself does not shape (and every answer of a module
// that has no model): nothing in it is unmodelled.
leaf_answers!(bool, i64, f64, String, Value);

impl<T: Answer> Answer for Option<T> {
    fn collect_unmodelled(&self, path: &str, out: &mut Vec<String>) {
        if let Some(value) = self {
            value.collect_unmodelled(path, out);
        }
    }
}

impl<T: Answer> Answer for Vec<T> {
    fn collect_unmodelled(&self, path: &str, out: &mut Vec<String>) {
        for (i, item) in self.iter().enumerate() {
            item.collect_unmodelled(&join(path, &i.to_string()), out);
        }
    }
}

/// A JSON object whose keys are data, not names (slot roles, namespace ids, option names,
/// language codes): a `BTreeMap` by key. PHP writes an associative array whose keys happen
/// to be `0, 1, …` (or none) as a JSON array: that reads as a map keyed `"0"`, `"1"`, ….
#[derive(Debug, Clone, PartialEq)]
pub struct Map<V>(pub BTreeMap<String, V>);

impl<V> Default for Map<V> {
    fn default() -> Self {
        Map(BTreeMap::new())
    }
}

impl<V> std::ops::Deref for Map<V> {
    type Target = BTreeMap<String, V>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl<V> std::ops::DerefMut for Map<V> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl<V> IntoIterator for Map<V> {
    type Item = (String, V);
    type IntoIter = std::collections::btree_map::IntoIter<String, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, V> IntoIterator for &'a Map<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = std::collections::btree_map::Iter<'a, String, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Map<V> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MapVisitor<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for MapVisitor<V> {
            type Value = Map<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object (or an array, PHP's object keyed 0, 1, …)")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Map<V>, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((key, value)) = map.next_entry::<String, V>()? {
                    out.insert(key, value);
                }
                Ok(Map(out))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Map<V>, A::Error> {
                let mut out = BTreeMap::new();
                while let Some(value) = seq.next_element::<V>()? {
                    out.insert(out.len().to_string(), value);
                }
                Ok(Map(out))
            }
        }
        d.deserialize_any(MapVisitor(std::marker::PhantomData))
    }
}

impl<T: Answer> Answer for Map<T> {
    fn collect_unmodelled(&self, path: &str, out: &mut Vec<String>) {
        for (key, value) in &self.0 {
            value.collect_unmodelled(&join(path, key), out);
        }
    }
}

/// Reads `[]` where an object is expected (PHP writes an empty associative array so); any
/// other array is an error.
#[doc(hidden)]
pub fn empty_seq<'de, A: de::SeqAccess<'de>>(
    mut seq: A,
    expected: &dyn de::Expected,
) -> Result<(), A::Error> {
    match seq.next_element::<de::IgnoredAny>()? {
        None => Ok(()),
        Some(_) => Err(de::Error::invalid_type(de::Unexpected::Seq, expected)),
    }
}

/// An empty object, to read `[]` as one.
#[doc(hidden)]
pub fn no_entries<'de, E: de::Error>()
-> de::value::MapDeserializer<'de, std::iter::Empty<((), ())>, E> {
    de::value::MapDeserializer::new(std::iter::empty())
}

#[doc(hidden)]
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// A key of a JSON object, borrowed from the input when it can be.
#[doc(hidden)]
pub struct Key<'de>(pub Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

/// The `Deserialize` and [`Answer`] implementations of a generated answer struct:
/// `__answer_object!(object Name { field: "wire" required, other: "other" optional })`.
/// A `root` object (a whole answer) skips the keys of the `ENVELOPE` list in scope where the
/// macro is called (every answer's warnings, continuation and `batchcomplete`, which the
/// generated `answer` module lists once, from `mwtyped_spec::ENVELOPE`).
#[doc(hidden)]
#[macro_export]
macro_rules! __answer_object {
    ($kind:ident $ty:ident { $($field:ident : $wire:literal $presence:ident),* $(,)? }) => {
        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty {
            fn deserialize<D>(d: D) -> ::std::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                struct ObjectVisitor;
                impl<'de> $crate::__private::serde::de::Visitor<'de> for ObjectVisitor {
                    type Value = $ty;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter) -> ::std::fmt::Result {
                        f.write_str(::std::concat!("an object (", ::std::stringify!($ty), ")"))
                    }
                    fn visit_seq<A>(self, seq: A) -> ::std::result::Result<$ty, A::Error>
                    where
                        A: $crate::__private::serde::de::SeqAccess<'de>,
                    {
                        $crate::__private::empty_seq(seq, &self)?;
                        self.visit_map($crate::__private::no_entries::<A::Error>())
                    }
                    fn visit_map<A>(self, mut map: A) -> ::std::result::Result<$ty, A::Error>
                    where
                        A: $crate::__private::serde::de::MapAccess<'de>,
                    {
                        $(let mut $field = ::std::option::Option::None;)*
                        let mut extra = $crate::Extra::new();
                        while let ::std::option::Option::Some(key) =
                            map.next_key::<$crate::__private::Key<'de>>()?
                        {
                            match &*key.0 {
                                $($wire => $field = ::std::option::Option::Some(map.next_value()?),)*
                                key if $crate::__answer_object!(@envelope $kind key) => {
                                    map.next_value::<$crate::__private::serde::de::IgnoredAny>()?;
                                }
                                _ => {
                                    extra.insert(key.0.into_owned(), map.next_value()?);
                                }
                            }
                        }
                        ::std::result::Result::Ok($ty {
                            $($field: $crate::__answer_object!(@take $presence $field $wire),)*
                            extra,
                        })
                    }
                }
                d.deserialize_any(ObjectVisitor)
            }
        }

        impl $crate::Answer for $ty {
            fn collect_unmodelled(&self, path: &str, out: &mut ::std::vec::Vec<::std::string::String>) {
                for key in self.extra.keys() {
                    out.push($crate::__private::join(path, key));
                }
                $($crate::Answer::collect_unmodelled(
                    &self.$field,
                    &$crate::__private::join(path, $wire),
                    out,
                );)*
            }
        }
    };
    (@envelope root $key:ident) => { ENVELOPE.contains(&$key) };
    (@envelope object $key:ident) => {{
        let _ = $key;
        false
    }};
    (@take required $field:ident $wire:literal) => {
        $field.ok_or_else(|| <A::Error as $crate::__private::serde::de::Error>::missing_field($wire))?
    };
    (@take optional $field:ident $wire:literal) => { $field.unwrap_or_default() };
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The keys a root answer skips, as every generated `answer` module defines them.
    const ENVELOPE: &[&str] = &["batchcomplete", "continue", "warnings"];

    #[derive(Debug, Clone, PartialEq)]
    struct Root {
        result: Item,
        items: Option<Vec<Item>>,
        slots: Option<Map<Item>>,
        flag: bool,
        extra: Extra,
    }
    crate::__answer_object!(root Root {
        result: "result" required,
        items: "items" optional,
        slots: "slots" optional,
        flag: "flag" optional,
    });

    #[derive(Debug, Clone, PartialEq)]
    struct Item {
        id: i64,
        extra: Extra,
    }
    crate::__answer_object!(object Item { id: "id" required });

    fn read(value: serde_json::Value) -> Result<Root, String> {
        serde_path_to_error::deserialize::<_, Root>(&value)
            .map_err(|e| format!("{}: {}", e.path(), e.inner()))
    }

    #[test]
    fn known_fields_are_typed_and_the_envelope_is_skipped() {
        let root = read(
            json!({"batchcomplete": true, "result": {"id": 1}, "items": [{"id": 2}], "flag": true}),
        )
        .expect("decodes");
        assert_eq!(root.result.id, 1);
        assert_eq!(root.items.as_deref().map(<[Item]>::len), Some(1));
        assert!(root.flag);
        assert!(root.extra.is_empty(), "batchcomplete is the client's");
        assert!(root.unmodelled().is_empty());
    }

    #[test]
    fn an_unknown_field_is_kept_and_listed_with_its_path() {
        let root = read(json!({"result": {"id": 1, "new": "x"}, "items": [{"id": 2}, {"id": 3, "more": 1}], "other": []}))
            .expect("decodes");
        assert_eq!(root.result.extra["new"], json!("x"));
        assert_eq!(root.unmodelled(), ["other", "result.new", "items.1.more"]);
    }

    #[test]
    fn a_certain_field_missing_names_its_path() {
        let err =
            read(json!({"result": {"id": 1}, "items": [{"id": 2}, {}]})).expect_err("missing id");
        assert_eq!(err, "items[1]: missing field `id`");
        let err = read(json!({"result": {"id": "one"}})).expect_err("a string");
        assert!(err.starts_with("result.id: invalid type: string"), "{err}");
    }

    #[test]
    fn an_absent_flag_is_false_and_an_absent_option_none() {
        let root = read(json!({"result": {"id": 1}})).expect("decodes");
        assert!(!root.flag);
        assert_eq!(root.items, None);
    }

    #[test]
    fn php_arrays_read_as_objects_and_maps() {
        // An empty associative array is `[]`; one keyed 0, 1, … a list.
        let root = read(json!({"result": {"id": 1}, "slots": []})).expect("empty map");
        assert_eq!(root.slots.map(|m| m.len()), Some(0));
        let root = read(json!({"result": {"id": 1}, "slots": [{"id": 7}]})).expect("list as map");
        assert_eq!(root.slots.expect("slots")["0"].id, 7);
        let err = read(json!({"result": []})).expect_err("an empty object misses `id`");
        assert_eq!(err, "result: missing field `id`");
        let err = read(json!({"result": [1]})).expect_err("a list is no object");
        assert!(err.contains("invalid type: sequence"), "{err}");
    }
}
