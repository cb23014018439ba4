//! The value types of parameters that are more than a string.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

/// A password or another sensitive value. Its `Debug` and `Display` never show it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The value itself, for the one place that sends it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Secret {
        Secret::new(value)
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Secret {
        Secret(value)
    }
}

/// A file to upload, sent as a multipart part.
#[derive(Clone, PartialEq, Eq)]
pub struct UploadFile {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

impl fmt::Debug for UploadFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "UploadFile({:?}, {} bytes)",
            self.file_name,
            self.bytes.len()
        )
    }
}

/// A `limit` parameter: a number, or `max`, the most the user may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Max,
    Value(u32),
}

impl From<u32> for Limit {
    fn from(value: u32) -> Limit {
        Limit::Value(value)
    }
}

/// A namespace number (`0` articles, `2` user pages, `14` categories…), or
/// [`Namespace::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Namespace(pub i32);

impl Namespace {
    /// Every namespace of the wiki, sent as `*`: taken by the parameters whose docs say
    /// "`*` for every namespace"; any other refuses it with [`crate::EncodeError::Invalid`]
    /// before anything is sent. (No namespace has this number: MediaWiki's are small.)
    pub const ALL: Namespace = Namespace(i32::MIN);
}

/// A point in time as MediaWiki reads it: ISO 8601 in UTC, or `now`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timestamp(String);

impl Timestamp {
    pub fn now() -> Timestamp {
        Timestamp("now".into())
    }

    /// From seconds since the Unix epoch.
    pub fn from_unix(seconds: i64) -> Timestamp {
        let days = seconds.div_euclid(86_400);
        let secs = seconds.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        Timestamp(format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        ))
    }

    pub fn from_system_time(time: SystemTime) -> Timestamp {
        let seconds = match time.duration_since(UNIX_EPOCH) {
            Ok(d) => d.as_secs() as i64,
            Err(e) => -(e.duration().as_secs() as i64),
        };
        Timestamp::from_unix(seconds)
    }

    /// Any form MediaWiki accepts (`20010115145600`, `2001-01-15T14:56:00Z`…), unchecked.
    pub fn raw(value: impl Into<String>) -> Timestamp {
        Timestamp(value.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A timestamp MediaWiki wrote (`2024-05-01T12:00:00Z` from an answer), unchecked.
impl From<String> for Timestamp {
    fn from(value: String) -> Timestamp {
        Timestamp(value)
    }
}

impl From<&str> for Timestamp {
    fn from(value: &str) -> Timestamp {
        Timestamp(value.to_owned())
    }
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// An expiry: `infinite`, a timestamp, or a relative time (`1 week`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expiry {
    Infinite,
    At(Timestamp),
    Relative(String),
}

impl Expiry {
    pub fn as_str(&self) -> &str {
        match self {
            Expiry::Infinite => "infinite",
            Expiry::At(t) => t.as_str(),
            Expiry::Relative(r) => r,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_iso_8601_utc() {
        assert_eq!(Timestamp::from_unix(0).as_str(), "1970-01-01T00:00:00Z");
        assert_eq!(
            Timestamp::from_unix(979_570_560).as_str(),
            "2001-01-15T14:56:00Z"
        );
        assert_eq!(
            Timestamp::from_unix(1_709_251_199).as_str(),
            "2024-02-29T23:59:59Z"
        );
    }

    #[test]
    fn secrets_never_print() {
        let secret = Secret::new("hunter2");
        assert_eq!(format!("{secret:?}"), "Secret(***)");
        assert_eq!(secret.expose(), "hunter2");
    }
}
