//! Typed answers: what the generated answer types are made of.
//!
//! Every type under a version's `answer` module (`mwtyped::v1_43::answer::Edit`) was generated
//! from what the test wikis answered (`cargo xtask answers`, then `cargo xtask regen`). A field
//! MediaWiki's contract makes certain (the table of `specs/src/answers/facts.rs`) is a plain
//! field; any other is absent-tolerant: a flag absent is `false`, a list absent is empty, a
//! map absent is empty, anything else is an `Option`. Nothing a wiki sends fails to decode
//! ([`read`]): a field the model does not know, a value of another kind than modelled, and
//! a certain field a wiki left out are kept in the object's `extra` map (the last as `null`),
//! never dropped, and [`Answer::unmodelled`] lists each by its JSON path.

mod read;

#[cfg(feature = "client")]
pub(crate) use read::take_strayed;
pub use read::{Read, certain, field, field_or_false, required};

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

/// An answer object as the generated code reads it: its fields from a JSON object's entries.
/// One visitor ([`object`]) serves every object, so each generated type carries only the
/// code that is its own (the match of its keys), which keeps the crate quick to compile.
#[doc(hidden)]
pub trait Object: Sized {
    /// The type's name, for the error of a value that is not an object.
    const NAME: &'static str;
    /// Keys skipped rather than kept in `extra`: the envelope, at an answer's root.
    const SKIPPED: &'static [&'static str] = &[];
    fn from_map<'de, A: de::MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

/// Reads an [`Object`]: a JSON object, or `[]` (PHP writes an empty associative array so).
#[doc(hidden)]
pub fn object<'de, T: Object, D: de::Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    struct ObjectVisitor<T>(std::marker::PhantomData<T>);
    impl<'de, T: Object> Visitor<'de> for ObjectVisitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "an object ({})", T::NAME)
        }
        fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::from_map(map)
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<T, A::Error> {
            match seq.next_element::<de::IgnoredAny>()? {
                None => T::from_map(de::value::MapDeserializer::new(
                    std::iter::empty::<((), ())>(),
                )),
                Some(_) => Err(de::Error::invalid_type(de::Unexpected::Seq, &self)),
            }
        }
    }
    d.deserialize_any(ObjectVisitor(std::marker::PhantomData))
}

/// Reads an [`Object`] from a JSON array whose positions are its fields (`opensearch`'s
/// answer): each position as the key of its name in `names`, a position beyond them as the
/// key of its index (kept in `extra`). Such answers are short: the array is read as values
/// first.
#[doc(hidden)]
pub fn tuple<'de, T: Object, D: de::Deserializer<'de>>(
    d: D,
    names: &'static [&'static str],
) -> Result<T, D::Error> {
    let values = Vec::<Value>::deserialize(d)?;
    let entries = values.into_iter().enumerate().map(|(i, value)| {
        let name = names
            .get(i)
            .map_or_else(|| i.to_string(), |n| (*n).to_owned());
        (name, value)
    });
    T::from_map(de::value::MapDeserializer::new(entries)).map_err(de::Error::custom)
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

/// A key of an answer object that is none of its fields: skipped when it is one of
/// `envelope` (the client reads those), else kept in `extra`.
#[doc(hidden)]
pub fn unknown<'de, A: de::MapAccess<'de>>(
    map: &mut A,
    key: Key<'de>,
    envelope: &[&str],
    extra: &mut Extra,
) -> Result<(), A::Error> {
    if envelope.contains(&&*key.0) {
        map.next_value::<de::IgnoredAny>()?;
    } else {
        extra.insert(key.0.into_owned(), map.next_value()?);
    }
    Ok(())
}

/// Adds the path of every key of `extra` below `path`.
#[doc(hidden)]
pub fn unmodelled_keys(extra: &Extra, path: &str, out: &mut Vec<String>) {
    out.extend(extra.keys().map(|key| join(path, key)));
}
