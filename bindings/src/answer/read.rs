//! How the generated answer types read a value: never failing on what a wiki may send.
//!
//! A wiki of another release, configuration or set of extensions sends what the recordings
//! never showed: a number as a string, a string where a number was seen, an object where a
//! string was. Each field is read through [`Read`], which takes what it can (a number sent as
//! a string is that number; a number where text is modelled is its JSON text; a list sent as
//! PHP's object keyed by index is its values) and hands anything else back as sent: the
//! object holding it keeps that value in its `extra` map under the field's key (inside a list
//! or a map, the key, a dot and the item's index or key), where [`Answer::unmodelled`]
//! finds it. Only an answer that is not the module's at all fails.
//!
//! [`Answer::unmodelled`]: super::Answer::unmodelled

use std::cell::Cell;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::{Extra, Map, Object};

/// Values found in a list or a map of another kind than its items, by their path below it
/// (`3`, `main`, `3.main`), as sent.
pub type Strays = Vec<(String, Value)>;

/// A value an answer field holds. Each hook takes one kind of JSON value and answers
/// `None` when this type cannot hold it; the value is then a stray, kept as sent.
pub trait Read: Sized {
    fn from_bool(_: bool) -> Option<Self> {
        None
    }
    fn from_i64(_: i64) -> Option<Self> {
        None
    }
    fn from_u64(v: u64) -> Option<Self> {
        i64::try_from(v).ok().and_then(Self::from_i64)
    }
    fn from_f64(_: f64) -> Option<Self> {
        None
    }
    fn from_str(_: &str) -> Option<Self> {
        None
    }
    /// An owned string, handed back when this type cannot hold it.
    fn from_string(v: String) -> Result<Self, String> {
        Self::from_str(&v).ok_or(v)
    }
    fn from_null() -> Option<Self> {
        None
    }
    /// A JSON object; an object of another kind than this type is handed back as sent.
    fn from_map<'de, A: MapAccess<'de>>(
        map: A,
        _: &mut Strays,
    ) -> Result<Result<Self, Value>, A::Error> {
        Value::deserialize(MapAccessDeserializer::new(map)).map(Err)
    }
    /// A JSON array; an array of another kind than this type is handed back as sent.
    fn from_seq<'de, A: SeqAccess<'de>>(
        seq: A,
        _: &mut Strays,
    ) -> Result<Result<Self, Value>, A::Error> {
        Value::deserialize(SeqAccessDeserializer::new(seq)).map(Err)
    }
}

impl Read for bool {
    fn from_bool(v: bool) -> Option<Self> {
        Some(v)
    }
    // PHP's `1` and `0` for a flag.
    fn from_i64(v: i64) -> Option<Self> {
        match v {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Read for i64 {
    fn from_i64(v: i64) -> Option<Self> {
        Some(v)
    }
    fn from_f64(v: f64) -> Option<Self> {
        // An integer written as a float (`3.0`) is that integer; a fraction is not.
        (v.fract() == 0.0 && v.abs() < 9.0e15).then_some(v as i64)
    }
    fn from_str(v: &str) -> Option<Self> {
        v.trim().parse().ok()
    }
}

impl Read for f64 {
    fn from_i64(v: i64) -> Option<Self> {
        Some(v as f64)
    }
    fn from_u64(v: u64) -> Option<Self> {
        Some(v as f64)
    }
    fn from_f64(v: f64) -> Option<Self> {
        Some(v)
    }
    fn from_str(v: &str) -> Option<Self> {
        v.trim().parse().ok()
    }
}

impl Read for String {
    fn from_str(v: &str) -> Option<Self> {
        Some(v.to_owned())
    }
    fn from_string(v: String) -> Result<Self, String> {
        Ok(v)
    }
    // A number where text was modelled: its JSON text, nothing lost.
    fn from_i64(v: i64) -> Option<Self> {
        Some(v.to_string())
    }
    fn from_u64(v: u64) -> Option<Self> {
        Some(v.to_string())
    }
    fn from_f64(v: f64) -> Option<Self> {
        Some(Value::from(v).to_string())
    }
}

/// Free-form JSON holds anything.
impl Read for Value {
    fn from_bool(v: bool) -> Option<Self> {
        Some(Value::Bool(v))
    }
    fn from_i64(v: i64) -> Option<Self> {
        Some(Value::from(v))
    }
    fn from_u64(v: u64) -> Option<Self> {
        Some(Value::from(v))
    }
    fn from_f64(v: f64) -> Option<Self> {
        Some(Value::from(v))
    }
    fn from_str(v: &str) -> Option<Self> {
        Some(Value::from(v))
    }
    fn from_string(v: String) -> Result<Self, String> {
        Ok(Value::String(v))
    }
    fn from_null() -> Option<Self> {
        Some(Value::Null)
    }
    fn from_map<'de, A: MapAccess<'de>>(
        map: A,
        _: &mut Strays,
    ) -> Result<Result<Self, Value>, A::Error> {
        Value::deserialize(MapAccessDeserializer::new(map)).map(Ok)
    }
    fn from_seq<'de, A: SeqAccess<'de>>(
        seq: A,
        _: &mut Strays,
    ) -> Result<Result<Self, Value>, A::Error> {
        Value::deserialize(SeqAccessDeserializer::new(seq)).map(Ok)
    }
}

/// `null` is `None`; anything else is read as `T`.
impl<T: Read> Read for Option<T> {
    fn from_bool(v: bool) -> Option<Self> {
        T::from_bool(v).map(Some)
    }
    fn from_i64(v: i64) -> Option<Self> {
        T::from_i64(v).map(Some)
    }
    fn from_u64(v: u64) -> Option<Self> {
        T::from_u64(v).map(Some)
    }
    fn from_f64(v: f64) -> Option<Self> {
        T::from_f64(v).map(Some)
    }
    fn from_str(v: &str) -> Option<Self> {
        T::from_str(v).map(Some)
    }
    fn from_string(v: String) -> Result<Self, String> {
        T::from_string(v).map(Some)
    }
    fn from_null() -> Option<Self> {
        Some(None)
    }
    fn from_map<'de, A: MapAccess<'de>>(
        map: A,
        strays: &mut Strays,
    ) -> Result<Result<Self, Value>, A::Error> {
        Ok(T::from_map(map, strays)?.map(Some))
    }
    fn from_seq<'de, A: SeqAccess<'de>>(
        seq: A,
        strays: &mut Strays,
    ) -> Result<Result<Self, Value>, A::Error> {
        Ok(T::from_seq(seq, strays)?.map(Some))
    }
}

/// An item of another kind is a stray (by its index); PHP writes a list with gaps as an
/// object keyed by index: its values are the items; `null` is none (as a list absent).
impl<T: Read> Read for Vec<T> {
    fn from_null() -> Option<Self> {
        Some(Vec::new())
    }
    fn from_seq<'de, A: SeqAccess<'de>>(
        mut seq: A,
        strays: &mut Strays,
    ) -> Result<Result<Self, Value>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        let mut index = 0;
        while let Some(item) = seq.next_element_seed(Seed::<T>::new(strays, At::Index(index)))? {
            if let Some(item) = item {
                items.push(item);
            }
            index += 1;
        }
        Ok(Ok(items))
    }
    fn from_map<'de, A: MapAccess<'de>>(
        mut map: A,
        strays: &mut Strays,
    ) -> Result<Result<Self, Value>, A::Error> {
        let mut items = vec![];
        while let Some(key) = map.next_key::<String>()? {
            if let Some(item) = map.next_value_seed(Seed::<T>::new(strays, At::Key(&key)))? {
                items.push(item);
            }
        }
        Ok(Ok(items))
    }
}

/// A value of another kind is a stray (by its key); PHP writes an associative array keyed
/// `0, 1, …` as a JSON array: keyed `"0"`, `"1"`, …; `null` is none (as a map absent).
impl<V: Read> Read for Map<V> {
    fn from_null() -> Option<Self> {
        Some(Map::default())
    }
    fn from_map<'de, A: MapAccess<'de>>(
        mut map: A,
        strays: &mut Strays,
    ) -> Result<Result<Self, Value>, A::Error> {
        let mut out = Map::default();
        while let Some(key) = map.next_key::<String>()? {
            if let Some(value) = map.next_value_seed(Seed::<V>::new(strays, At::Key(&key)))? {
                out.insert(key, value);
            }
        }
        Ok(Ok(out))
    }
    fn from_seq<'de, A: SeqAccess<'de>>(
        mut seq: A,
        strays: &mut Strays,
    ) -> Result<Result<Self, Value>, A::Error> {
        let mut out = Map::default();
        let mut index = 0usize;
        while let Some(value) = seq.next_element_seed(Seed::<V>::new(strays, At::Index(index)))? {
            if let Some(value) = value {
                out.insert(index.to_string(), value);
            }
            index += 1;
        }
        Ok(Ok(out))
    }
}

/// An answer object; `[]` is an empty one (PHP writes an empty associative array so).
impl<T: Object> Read for T {
    fn from_map<'de, A: MapAccess<'de>>(
        map: A,
        _: &mut Strays,
    ) -> Result<Result<Self, Value>, A::Error> {
        T::from_map(map).map(Ok)
    }
    fn from_seq<'de, A: SeqAccess<'de>>(
        seq: A,
        _: &mut Strays,
    ) -> Result<Result<Self, Value>, A::Error> {
        let value = Value::deserialize(SeqAccessDeserializer::new(seq))?;
        if value.as_array().is_some_and(Vec::is_empty) {
            let empty =
                de::value::MapDeserializer::<_, A::Error>::new(std::iter::empty::<((), ())>());
            return <T as Object>::from_map(empty).map(Ok);
        }
        Ok(Err(value))
    }
}

/// Reads one value as `T`, its strays added to `strays` under `at`; `None` when the value
/// itself is a stray (then added too). `at` is only written out for a stray: reading an item
/// costs no allocation.
struct Seed<'s, 'k, T> {
    strays: &'s mut Strays,
    at: At<'k>,
    of: PhantomData<T>,
}

/// Where a value is below the field being read.
#[derive(Clone, Copy)]
enum At<'k> {
    /// The field's value itself.
    Here,
    Index(usize),
    Key(&'k str),
}

impl At<'_> {
    fn path(self) -> String {
        match self {
            At::Here => String::new(),
            At::Index(i) => i.to_string(),
            At::Key(key) => key.to_owned(),
        }
    }
}

impl<'s, 'k, T> Seed<'s, 'k, T> {
    fn new(strays: &'s mut Strays, at: At<'k>) -> Self {
        Seed {
            strays,
            at,
            of: PhantomData,
        }
    }
}

impl<'de, T: Read> DeserializeSeed<'de> for Seed<'_, '_, T> {
    type Value = Option<T>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
        let mut inner = Strays::new();
        let read = d.deserialize_any(Reader::<T>(&mut inner, PhantomData))?;
        if !inner.is_empty() {
            let at = self.at.path();
            self.strays.extend(
                inner
                    .into_iter()
                    .map(|(path, value)| (super::join(&at, &path), value)),
            );
        }
        Ok(match read {
            Ok(value) => Some(value),
            Err(value) => {
                self.strays.push((self.at.path(), value));
                None
            }
        })
    }
}

/// The visitor behind [`Read`]: every kind of JSON value goes to its hook.
struct Reader<'s, T>(&'s mut Strays, PhantomData<T>);

macro_rules! scalar_visits {
    ($($visit:ident($ty:ty) => $hook:ident),*) => {$(
        fn $visit<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
            Ok(T::$hook(v).ok_or_else(|| Value::from(v)))
        }
    )*};
}

impl<'de, T: Read> Visitor<'de> for Reader<'_, T> {
    type Value = Result<T, Value>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    scalar_visits!(visit_bool(bool) => from_bool, visit_i64(i64) => from_i64,
        visit_u64(u64) => from_u64, visit_f64(f64) => from_f64);
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(T::from_str(v).ok_or_else(|| Value::from(v)))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(T::from_string(v).map_err(Value::String))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(T::from_null().ok_or(Value::Null))
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::from_map(map, self.0)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        T::from_seq(seq, self.0)
    }
}

thread_local! {
    /// Set when a value of another kind than modelled was read on this thread (for the one
    /// warning [`crate::client::Response::answer`] logs).
    static STRAYED: Cell<bool> = const { Cell::new(false) };
}

/// Whether a value strayed on this thread since the last call.
#[cfg(feature = "client")]
pub(crate) fn take_strayed() -> bool {
    STRAYED.with(|s| s.replace(false))
}

/// Reads the value of a known key into its slot; a value of another kind, or of another
/// kind in its lists and maps, is kept in `extra` (by `key`, or `key.index`).
#[doc(hidden)]
#[inline]
pub fn field<'de, A: MapAccess<'de>, T: Read>(
    map: &mut A,
    slot: &mut Option<T>,
    key: &str,
    extra: &mut Extra,
) -> Result<(), A::Error> {
    let mut strays = Strays::new();
    *slot = map.next_value_seed(Seed::<T>::new(&mut strays, At::Here))?;
    if !strays.is_empty() {
        STRAYED.with(|s| s.set(true));
        for (path, value) in strays {
            let at = match path.as_str() {
                "" => key.to_owned(),
                path => super::join(key, path),
            };
            extra.insert(at, value);
        }
    }
    Ok(())
}

/// Reads the value of a key where MediaWiki sends `false` for no value (a change tag's
/// `displayname` when its message is disabled): `false` is `None`.
#[doc(hidden)]
pub fn field_or_false<'de, A: MapAccess<'de>, T: Read>(
    map: &mut A,
    slot: &mut Option<Option<T>>,
    key: &str,
    extra: &mut Extra,
) -> Result<(), A::Error> {
    let mut read: Option<FalseForNone<T>> = None;
    field(map, &mut read, key, extra)?;
    *slot = read.map(|FalseForNone(value)| value);
    Ok(())
}

/// `false` is `None`, anything else `T` ([`field_or_false`]).
struct FalseForNone<T>(Option<T>);

impl<T: Read> Read for FalseForNone<T> {
    fn from_bool(v: bool) -> Option<Self> {
        match v {
            false => Some(FalseForNone(None)),
            true => T::from_bool(true).map(|t| FalseForNone(Some(t))),
        }
    }
    fn from_i64(v: i64) -> Option<Self> {
        T::from_i64(v).map(|t| FalseForNone(Some(t)))
    }
    fn from_u64(v: u64) -> Option<Self> {
        T::from_u64(v).map(|t| FalseForNone(Some(t)))
    }
    fn from_f64(v: f64) -> Option<Self> {
        T::from_f64(v).map(|t| FalseForNone(Some(t)))
    }
    fn from_str(v: &str) -> Option<Self> {
        T::from_str(v).map(|t| FalseForNone(Some(t)))
    }
    fn from_null() -> Option<Self> {
        Some(FalseForNone(None))
    }
    fn from_map<'de, A: MapAccess<'de>>(
        map: A,
        strays: &mut Strays,
    ) -> Result<Result<Self, Value>, A::Error> {
        Ok(T::from_map(map, strays)?.map(|t| FalseForNone(Some(t))))
    }
    fn from_seq<'de, A: SeqAccess<'de>>(
        seq: A,
        strays: &mut Strays,
    ) -> Result<Result<Self, Value>, A::Error> {
        Ok(T::from_seq(seq, strays)?.map(|t| FalseForNone(Some(t))))
    }
}

/// A field MediaWiki always sends ([`certain`] by its contract): when a wiki did not, its
/// type's empty value, and `null` in `extra` under its key, so that the answer still reads
/// and [`Answer::unmodelled`](super::Answer::unmodelled) names what was missing.
#[doc(hidden)]
#[inline]
pub fn certain<T: Default>(value: Option<T>, key: &'static str, extra: &mut Extra) -> T {
    value.unwrap_or_else(|| {
        STRAYED.with(|s| s.set(true));
        extra.insert(key.to_owned(), Value::Null);
        T::default()
    })
}

/// The object MediaWiki wraps an action's answer in, under the module's name: without it,
/// the answer is not the module's at all (serde's `missing_field`).
#[doc(hidden)]
pub fn required<T, E: de::Error>(value: Option<T>, wire: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(wire))
}
