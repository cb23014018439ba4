//! The encoding of a generated module's fields into name/value pairs, one call per field.
//!
//! The generated code states only what differs between fields (the wire name and the
//! [`Rule`] paraminfo gives); how a value of each type becomes text lives here, once. This
//! keeps the expansion of a version small: every field costs the compiler one method call,
//! not an unrolled block of checks.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::module::Limits;
use crate::request::{EncodeError, Name, Request};
use crate::token::{Token, TokenKind};
use crate::types::{Expiry, Limit, Namespace, Secret, Timestamp, UploadFile};
use crate::{Value, WireValue};

/// What paraminfo says of one parameter that encoding checks: an integer's range, a limit's
/// maximums, a multi-value's counts, whether `*` is a namespace it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    min: i64,
    max: i64,
    highmax: i64,
    low: u32,
    high: u32,
    takes_all: bool,
}

impl Rule {
    /// No bound.
    pub const ANY: Rule = Rule {
        min: i64::MIN,
        max: i64::MAX,
        highmax: i64::MAX,
        low: u32::MAX,
        high: u32::MAX,
        takes_all: false,
    };

    /// An integer from `min` to `max`.
    pub const fn range(self, min: i64, max: i64) -> Rule {
        Rule { min, max, ..self }
    }

    /// A limit from `min` to `max`, or `highmax` with high limits.
    pub const fn limit(self, min: i64, max: i64, highmax: i64) -> Rule {
        Rule {
            min,
            max,
            highmax,
            ..self
        }
    }

    /// At most `low` values, or `high` with high limits.
    pub const fn values(self, low: u32, high: u32) -> Rule {
        Rule { low, high, ..self }
    }

    /// A namespace parameter that takes `*`.
    pub const fn takes_all(self) -> Rule {
        Rule {
            takes_all: true,
            ..self
        }
    }
}

/// The module's request being filled, and what every field's checks need.
pub struct Encoder<'r> {
    request: &'r mut Request,
    module: &'static str,
    /// `g` for a generator's parameters, else empty.
    extra_prefix: &'r str,
    limits: Limits,
}

impl<'r> Encoder<'r> {
    pub fn new(
        request: &'r mut Request,
        module: &'static str,
        extra_prefix: &'r str,
        limits: Limits,
    ) -> Self {
        Encoder {
            request,
            module,
            extra_prefix,
            limits,
        }
    }

    /// The request, for what the fields do not cover (a module's dynamic parameters).
    pub fn request(&mut self) -> &mut Request {
        self.request
    }

    fn checked<'w>(&self, wire: &'w str, rule: Rule) -> Checked<'w> {
        Checked {
            module: self.module,
            param: wire,
            rule,
            limits: self.limits,
        }
    }

    /// Static names cost nothing; only a generator's `g…` names are built.
    fn name(&self, wire: &'static str) -> Name {
        if self.extra_prefix.is_empty() {
            Cow::Borrowed(wire)
        } else {
            Cow::Owned(format!("{}{wire}", self.extra_prefix))
        }
    }

    fn push<T: WireText + ?Sized>(
        &mut self,
        name: Name,
        wire: &'static str,
        value: &T,
        rule: Rule,
    ) -> Result<(), EncodeError> {
        let value = match value.static_str() {
            Some(text) => Value::Text(Cow::Borrowed(text)),
            None => value.wire_value(&self.checked(wire, rule))?,
        };
        self.request.must_post |= !matches!(value, Value::Text(_));
        self.request.params.push((name, value));
        Ok(())
    }

    /// A required parameter.
    pub fn one<T: WireText>(
        &mut self,
        wire: &'static str,
        value: &T,
        rule: Rule,
    ) -> Result<(), EncodeError> {
        self.push(self.name(wire), wire, value, rule)
    }

    /// An optional parameter: sent when set.
    pub fn opt<T: WireText>(
        &mut self,
        wire: &'static str,
        value: &Option<T>,
        rule: Rule,
    ) -> Result<(), EncodeError> {
        match value {
            Some(value) => self.one(wire, value, rule),
            None => Ok(()),
        }
    }

    /// A boolean: MediaWiki takes its presence as true, whatever its value.
    pub fn flag(&mut self, wire: &'static str, value: bool) {
        if value {
            let name = self.name(wire);
            self.request.text(name, "1");
        }
    }

    /// A multi-value parameter: its values counted and joined; `required` refuses none.
    pub fn many<T: WireText>(
        &mut self,
        wire: &'static str,
        values: &[T],
        rule: Rule,
        required: bool,
    ) -> Result<(), EncodeError> {
        if values.is_empty() {
            return match required {
                true => Err(EncodeError::Invalid {
                    module: self.module,
                    param: wire.to_owned(),
                    reason: "required, give at least one value".into(),
                }),
                false => Ok(()),
            };
        }
        let joined = self.joined(wire, values, rule)?;
        let name = self.name(wire);
        self.request.text(name, joined);
        Ok(())
    }

    /// A required multi-value parameter whose empty list is a value of its own, sent as an
    /// empty string (`protections=`: every protection removed).
    pub fn many_or_empty<T: WireText>(
        &mut self,
        wire: &'static str,
        values: &[T],
        rule: Rule,
    ) -> Result<(), EncodeError> {
        if values.is_empty() {
            let name = self.name(wire);
            self.request.text(name, "");
            return Ok(());
        }
        self.many(wire, values, rule, true)
    }

    /// The values joined with `|`, or, when one holds a `|`, with U+001F behind a leading
    /// U+001F (MediaWiki's alternative multi-value form); their count checked first. One
    /// pass, no copy of each value, unless a value holds a `|`.
    fn joined<T: WireText>(
        &self,
        wire: &'static str,
        values: &[T],
        rule: Rule,
    ) -> Result<String, EncodeError> {
        let max = match self.limits {
            Limits::High => rule.high,
            Limits::Normal => rule.low,
        };
        if values.len() > max as usize {
            return Err(EncodeError::TooManyValues {
                module: self.module,
                param: wire.to_owned(),
                given: values.len(),
                max,
            });
        }
        let joined = self.join_with(wire, values, rule, '|')?;
        // n values hold n - 1 separators: one `|` more is a `|` inside a value.
        match joined.matches('|').count() >= values.len() {
            true => self.join_with(wire, values, rule, '\u{1f}'),
            false => Ok(joined),
        }
    }

    fn join_with<T: WireText>(
        &self,
        wire: &'static str,
        values: &[T],
        rule: Rule,
        separator: char,
    ) -> Result<String, EncodeError> {
        // Room for the usual short values (titles, prop names), grown when they are longer.
        let mut joined = String::with_capacity(values.len() * 16);
        if separator != '|' {
            joined.push(separator);
        }
        for (i, value) in values.iter().enumerate() {
            if i > 0 {
                joined.push(separator);
            }
            joined.push_str(&value.wire_text(&self.checked(wire, rule))?);
        }
        Ok(joined)
    }

    /// A templated parameter (`fromtext-{slot}`): one pair per key, `placeholder` (`{slot}`)
    /// replaced by the key.
    pub fn per<T: WireText>(
        &mut self,
        wire: &'static str,
        placeholder: &str,
        values: &BTreeMap<String, T>,
        rule: Rule,
    ) -> Result<(), EncodeError> {
        for (key, value) in values {
            let name = format!("{}{}", self.extra_prefix, wire.replace(placeholder, key));
            self.push(Cow::Owned(name), wire, value, rule)?;
        }
        Ok(())
    }

    /// A templated multi-value parameter: one joined pair per key.
    pub fn per_many<T: WireText>(
        &mut self,
        wire: &'static str,
        placeholder: &str,
        values: &BTreeMap<String, Vec<T>>,
        rule: Rule,
    ) -> Result<(), EncodeError> {
        for (key, values) in values {
            let joined = self.joined(wire, values, rule)?;
            let name = format!("{}{}", self.extra_prefix, wire.replace(placeholder, key));
            self.request.text(name, joined);
        }
        Ok(())
    }
}

/// Where a value is checked: its module and parameter (for errors), the parameter's
/// [`Rule`], and the user's limits.
#[derive(Clone, Copy)]
pub struct Checked<'a> {
    pub module: &'static str,
    pub param: &'a str,
    pub rule: Rule,
    pub limits: Limits,
}

impl Checked<'_> {
    fn in_range(&self, value: i64, max: i64) -> Result<String, EncodeError> {
        in_range(self.module, self.param, value, self.rule.min, max)
    }
}

/// A value of a field as MediaWiki reads it: text, checked against the field's [`Rule`].
pub trait WireText {
    /// The text when it is static (a closed enum's value): sent as it is.
    fn static_str(&self) -> Option<&'static str> {
        None
    }

    fn wire_text(&self, at: &Checked) -> Result<Cow<'_, str>, EncodeError>;

    /// The pair's value: text, unless the value is a secret or a file.
    fn wire_value(&self, at: &Checked) -> Result<Value, EncodeError> {
        let text = self.wire_text(at)?;
        Ok(Value::Text(Cow::Owned(text.into_owned())))
    }
}

/// The generated enums, whose wire values are their own.
impl<T: WireValue> WireText for T {
    fn static_str(&self) -> Option<&'static str> {
        WireValue::static_str(self)
    }

    fn wire_text(&self, _: &Checked) -> Result<Cow<'_, str>, EncodeError> {
        Ok(Cow::Borrowed(self.as_str()))
    }
}

/// Values whose text is their own, sent as they are.
macro_rules! text_as_is {
    ($($ty:ty),*) => {$(
        impl WireText for $ty {
            fn wire_text(&self, _: &Checked) -> Result<Cow<'_, str>, EncodeError> {
                Ok(Cow::Borrowed(self.as_str()))
            }
        }
    )*};
}
text_as_is!(String, Timestamp, Expiry);

impl WireText for i64 {
    fn wire_text(&self, at: &Checked) -> Result<Cow<'_, str>, EncodeError> {
        at.in_range(*self, at.rule.max).map(Cow::Owned)
    }
}

impl WireText for Limit {
    fn wire_text(&self, at: &Checked) -> Result<Cow<'_, str>, EncodeError> {
        let max = match at.limits {
            Limits::High => at.rule.highmax,
            Limits::Normal => at.rule.max,
        };
        match self {
            Limit::Max => Ok(Cow::Borrowed("max")),
            Limit::Value(n) => at.in_range(i64::from(*n), max).map(Cow::Owned),
        }
    }
}

impl WireText for Namespace {
    fn wire_text(&self, at: &Checked) -> Result<Cow<'_, str>, EncodeError> {
        match *self {
            Namespace::ALL if at.rule.takes_all => Ok(Cow::Borrowed("*")),
            Namespace::ALL => Err(EncodeError::Invalid {
                module: at.module,
                param: at.param.to_owned(),
                reason: "`*` (Namespace::ALL) is not accepted here".to_owned(),
            }),
            Namespace(number) => Ok(Cow::Owned(number.to_string())),
        }
    }
}

/// Sent only in a POST body and never shown.
impl WireText for Secret {
    fn wire_text(&self, _: &Checked) -> Result<Cow<'_, str>, EncodeError> {
        Ok(Cow::Borrowed(self.expose()))
    }

    fn wire_value(&self, _: &Checked) -> Result<Value, EncodeError> {
        Ok(Value::Secret(self.clone()))
    }
}

/// A token is a secret: sent only in a POST body and never shown.
impl<K: TokenKind> WireText for Token<K> {
    fn wire_text(&self, _: &Checked) -> Result<Cow<'_, str>, EncodeError> {
        Ok(Cow::Borrowed(self.expose()))
    }

    fn wire_value(&self, _: &Checked) -> Result<Value, EncodeError> {
        Ok(Value::Secret(Secret::new(self.expose())))
    }
}

/// A file: its name as text, its bytes as a part of a multipart POST.
impl WireText for UploadFile {
    fn wire_text(&self, _: &Checked) -> Result<Cow<'_, str>, EncodeError> {
        Ok(Cow::Borrowed(&self.file_name))
    }

    fn wire_value(&self, _: &Checked) -> Result<Value, EncodeError> {
        Ok(Value::File(self.clone()))
    }
}

fn in_range(
    module: &'static str,
    param: &str,
    value: i64,
    min: i64,
    max: i64,
) -> Result<String, EncodeError> {
    if value < min || value > max {
        return Err(EncodeError::OutOfRange {
            module,
            param: param.to_owned(),
            value,
            min,
            max,
        });
    }
    Ok(value.to_string())
}
