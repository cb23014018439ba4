//! Pages and items of `action=query` answers: what the page and item streams
//! ([`Client::pages`](crate::Client::pages), [`Client::items`](crate::Client::items)) take
//! from each batch. The traits are implemented by the generated answer types of every
//! version (`answer::Query`, `answer::QueryPages`) and list modules (`query::CategoryMembers`).

use std::collections::BTreeMap;

use serde_json::Value;

use crate::answer::{Answer, Map};
use crate::query::QuerySubmodule;

/// What tells the pages of one query apart: the page id, or for a page without one (a
/// missing or an invalid title) its title.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PageKey {
    Id(i64),
    Title(String),
    /// Neither id nor title: such a page is never merged with another.
    Unknown,
}

/// The typed answer of `action=query` (`mwtyped::v1_43::answer::Query`).
pub trait QueryAnswer: Answer {
    /// A page of `query.pages`, with the fields of every `prop` the recordings selected.
    type Page: PageAnswer;
    /// Each query submodule with a `limit` parameter, and that parameter's name on the wire
    /// (`("categorymembers", "cmlimit")`): the streams send `max` for those the caller left
    /// unset.
    const LIMITS: &'static [(&'static str, &'static str)];
    /// Takes the pages out of the answer (none when it has none).
    fn take_pages(&mut self) -> Vec<Self::Page>;
}

/// A page of a query's answer, whose props may come in several batches.
pub trait PageAnswer: Answer {
    fn key(&self) -> PageKey;
    /// Adds what a later batch sent of the same page: its lists are appended (revisions,
    /// categories, links), a field not yet known is taken, a flag set in either is set.
    fn merge(&mut self, later: Self);
}

/// A `list` submodule (`query::CategoryMembers`), whose items
/// [`Client::items`](crate::Client::items) yields typed.
pub trait ListModule: QuerySubmodule {
    /// One item of the list (`answer::QueryCategoryMembers`).
    type Item: Answer;
    /// Takes this list's items out of a query's answer.
    fn take_items(answer: &mut Self::Answer) -> Vec<Self::Item>;
}

/// How a field of a page takes the same field of a later batch ([`PageAnswer::merge`]).
#[doc(hidden)]
pub trait Merge {
    fn merge_from(&mut self, later: Self);
}

/// A flag set in either batch is set.
impl Merge for bool {
    fn merge_from(&mut self, later: bool) {
        *self |= later;
    }
}

/// A value does not change between batches: the first one stays.
macro_rules! first_stays {
    ($($ty:ty),*) => {$(
        impl Merge for $ty {
            fn merge_from(&mut self, _: $ty) {}
        }
    )*};
}
first_stays!(i64, f64, String, Value);

/// A list continues: a later batch's items follow.
impl<T> Merge for Vec<T> {
    fn merge_from(&mut self, later: Vec<T>) {
        self.extend(later);
    }
}

/// Keys are added; a key already known keeps its value.
impl<V> Merge for Map<V> {
    fn merge_from(&mut self, later: Map<V>) {
        for (key, value) in later {
            self.entry(key).or_insert(value);
        }
    }
}

/// The fields the model does not know, merged as a map.
impl Merge for BTreeMap<String, Value> {
    fn merge_from(&mut self, later: BTreeMap<String, Value>) {
        for (key, value) in later {
            self.entry(key).or_insert(value);
        }
    }
}

impl<T: Merge> Merge for Option<T> {
    fn merge_from(&mut self, later: Option<T>) {
        match (self.as_mut(), later) {
            (Some(known), Some(later)) => known.merge_from(later),
            (None, later) => *self = later,
            (Some(_), None) => {}
        }
    }
}

/// An object field of a page (not a list): the first batch's stays, or a later one fills it.
#[doc(hidden)]
pub fn keep_first<T>(known: &mut Option<T>, later: Option<T>) {
    if known.is_none() {
        *known = later;
    }
}

#[doc(hidden)]
pub fn page_key(id: Option<i64>, title: Option<String>) -> PageKey {
    match (id, title) {
        (Some(id), _) if id > 0 => PageKey::Id(id),
        (_, Some(title)) => PageKey::Title(title),
        _ => PageKey::Unknown,
    }
}
