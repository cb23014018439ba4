//! The `type` of a parameter: a name (`integer`, `limit`, …) or, for an enum or a submodule
//! choice, the list of allowed values.

use serde::de::{self, Deserializer, SeqAccess, Visitor};
#[cfg(feature = "capture")]
use serde::{Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ParamType {
    String,
    Text,
    Raw,
    Password,
    Integer,
    Limit,
    Boolean,
    Timestamp,
    Expiry,
    Namespace,
    Title,
    User,
    Upload,
    Tags,
    /// One of these values (in the order MediaWiki lists them). Submodule parameters are
    /// enums too, with [`crate::Parameter::submodules`] naming each value's module.
    Enum(Vec<String>),
    /// A type name this model does not know yet: kept verbatim and reported.
    Other(String),
}

/// The named types and their wire names, in one place for both directions.
const NAMED: &[(&str, ParamType)] = &[
    ("string", ParamType::String),
    ("text", ParamType::Text),
    ("raw", ParamType::Raw),
    ("password", ParamType::Password),
    ("integer", ParamType::Integer),
    ("limit", ParamType::Limit),
    ("boolean", ParamType::Boolean),
    ("timestamp", ParamType::Timestamp),
    ("expiry", ParamType::Expiry),
    ("namespace", ParamType::Namespace),
    ("title", ParamType::Title),
    ("user", ParamType::User),
    ("upload", ParamType::Upload),
    ("tags", ParamType::Tags),
];

impl ParamType {
    /// The type as paraminfo names it; `None` for enums.
    pub fn name(&self) -> Option<&str> {
        match self {
            ParamType::Enum(_) => None,
            ParamType::Other(name) => Some(name),
            named => NAMED.iter().find(|(_, t)| t == named).map(|(n, _)| *n),
        }
    }

    pub fn from_name(name: &str) -> ParamType {
        NAMED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| ParamType::Other(name.to_owned()))
    }
}

#[cfg(feature = "capture")]
impl Serialize for ParamType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match (self, self.name()) {
            (ParamType::Enum(values), _) => values.serialize(serializer),
            (_, Some(name)) => serializer.serialize_str(name),
            (_, None) => Err(serde::ser::Error::custom("a parameter type without a name")),
        }
    }
}

impl<'de> serde::Deserialize<'de> for ParamType {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TypeVisitor;
        impl<'de> Visitor<'de> for TypeVisitor {
            type Value = ParamType;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a type name or a list of allowed values")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ParamType, E> {
                Ok(ParamType::from_name(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ParamType, A::Error> {
                let mut values = Vec::new();
                // MediaWiki sends enum values as strings; a numeric value (rare) is kept as its text.
                while let Some(v) = seq.next_element::<serde_json::Value>()? {
                    match v {
                        serde_json::Value::String(s) => values.push(s),
                        serde_json::Value::Number(n) => values.push(n.to_string()),
                        other => {
                            return Err(de::Error::custom(format!(
                                "an enum value must be a string, found {other}"
                            )));
                        }
                    }
                }
                Ok(ParamType::Enum(values))
            }
        }
        deserializer.deserialize_any(TypeVisitor)
    }
}
