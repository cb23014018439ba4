//! What names a wiki (version, extension set, name, port) and what a running one is.

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use anyhow::{Result, bail};
use serde::{Deserialize, Serialize};

use super::state::State;

/// The MediaWiki versions this tool can run: the two LTS releases the bindings target.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    clap::ValueEnum,
    Serialize,
    Deserialize,
)]
pub enum MwVersion {
    #[value(name = "1.39")]
    #[serde(rename = "1.39")]
    V1_39,
    #[value(name = "1.43")]
    #[serde(rename = "1.43")]
    V1_43,
}

impl MwVersion {
    pub const ALL: [MwVersion; 2] = [MwVersion::V1_39, MwVersion::V1_43];

    pub fn as_str(self) -> &'static str {
        match self {
            MwVersion::V1_39 => "1.39",
            MwVersion::V1_43 => "1.43",
        }
    }
}

impl fmt::Display for MwVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for MwVersion {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim() {
            "1.39" => Ok(MwVersion::V1_39),
            "1.43" => Ok(MwVersion::V1_43),
            other => bail!("unknown MediaWiki version {other:?} (expected 1.39 or 1.43)"),
        }
    }
}

/// Which bundled extensions a wiki loads; dependencies are added when the wiki starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExtensionSet {
    All,
    None,
    Only(Vec<String>),
}

impl ExtensionSet {
    /// The part of the default wiki name: `all`, `none` or the sorted names joined by `+`.
    pub fn label(&self) -> String {
        match self {
            ExtensionSet::All => "all".into(),
            ExtensionSet::None => "none".into(),
            ExtensionSet::Only(names) => {
                let mut names = names.clone();
                names.sort();
                names.dedup();
                if names.is_empty() {
                    "none".into()
                } else {
                    names.join("+")
                }
            }
        }
    }
}

/// `all`, `none` or the names joined by `,`: what [`FromStr`] reads back.
impl fmt::Display for ExtensionSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExtensionSet::Only(names) if !names.is_empty() => f.pad(&names.join(",")),
            other => f.pad(&other.label()),
        }
    }
}

impl FromStr for ExtensionSet {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim() {
            "all" => return Ok(ExtensionSet::All),
            "none" | "" => return Ok(ExtensionSet::None),
            _ => {}
        }
        let mut names = vec![];
        for name in s.split([',', '+']).map(str::trim).filter(|n| !n.is_empty()) {
            if !name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            {
                bail!("{name:?} is not an extension name (letters, digits, _ and - only)");
            }
            names.push(name.to_owned());
        }
        names.sort();
        names.dedup();
        Ok(ExtensionSet::Only(names))
    }
}

/// What to start: the name and port default from the version and the extension set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WikiSpec {
    pub version: MwVersion,
    pub extensions: ExtensionSet,
    pub name: Option<String>,
    pub port: Option<u16>,
}

impl WikiSpec {
    /// `{version}-{extensions}`, e.g. `1.39-all`, `1.43-none`, `1.39-ConfirmEdit+OATHAuth`.
    pub fn default_name(&self) -> String {
        format!("{}-{}", self.version, self.extensions.label())
    }

    pub fn name(&self) -> String {
        self.name.clone().unwrap_or_else(|| self.default_name())
    }

    /// Fixed ports for the wikis scripts and CI use most; `None` means "first free from 8300".
    pub(super) fn default_port(&self) -> Option<u16> {
        if self
            .name
            .as_ref()
            .is_some_and(|n| *n != self.default_name())
        {
            return None;
        }
        match (&self.extensions, self.version) {
            (ExtensionSet::All, MwVersion::V1_39) => Some(8139),
            (ExtensionSet::All, MwVersion::V1_43) => Some(8143),
            (ExtensionSet::None, MwVersion::V1_39) => Some(8239),
            (ExtensionSet::None, MwVersion::V1_43) => Some(8243),
            (ExtensionSet::Only(v), MwVersion::V1_39) if v.is_empty() => Some(8239),
            (ExtensionSet::Only(v), MwVersion::V1_43) if v.is_empty() => Some(8243),
            _ => None,
        }
    }
}

/// A wiki this tool runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wiki {
    pub name: String,
    pub version: MwVersion,
    /// The resolved, sorted list actually loaded (dependencies included).
    pub extensions: Vec<String>,
    pub port: u16,
    /// `target/wikis/<name>/`: conf/, data/, state.json, server.log.
    pub dir: PathBuf,
}

impl Wiki {
    pub fn api_url(&self) -> String {
        format!("http://127.0.0.1:{}/api.php", self.port)
    }

    /// Whether the wiki loads the extension `name`.
    pub fn has_extension(&self, name: &str) -> bool {
        self.extensions.iter().any(|e| e == name)
    }

    pub(super) fn from_state(state: &State, dir: PathBuf) -> Wiki {
        Wiki {
            name: state.name.clone(),
            version: state.version,
            extensions: state.extensions.clone(),
            port: state.port,
            dir,
        }
    }
}

/// The user every wiki is installed with (a bureaucrat and sysop).
pub const ADMIN_USER: &str = "Admin";
/// Its password: a test wiki on loopback, so a fixed, known one.
pub const ADMIN_PASSWORD: &str = "mwtyped-admin-password";

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(version: MwVersion, extensions: &str) -> WikiSpec {
        WikiSpec {
            version,
            extensions: extensions.parse().expect("a valid set"),
            name: None,
            port: None,
        }
    }

    #[test]
    fn names_and_ports() {
        let all = spec(MwVersion::V1_39, "all");
        assert_eq!(
            (all.name(), all.default_port()),
            ("1.39-all".into(), Some(8139))
        );
        let none = spec(MwVersion::V1_43, "none");
        assert_eq!(
            (none.name(), none.default_port()),
            ("1.43-none".into(), Some(8243))
        );
        let some = spec(MwVersion::V1_39, "OATHAuth, ConfirmEdit");
        assert_eq!(some.name(), "1.39-ConfirmEdit+OATHAuth");
        assert_eq!(some.default_port(), None);
        let renamed = WikiSpec {
            name: Some("mine".into()),
            ..all
        };
        assert_eq!(renamed.default_port(), None);
    }

    #[test]
    fn sets_round_trip() {
        for text in ["all", "none", "ConfirmEdit,OATHAuth"] {
            let set: ExtensionSet = text.parse().expect("a valid set");
            assert_eq!(set.to_string(), text);
        }
        assert!("Confirm/Edit".parse::<ExtensionSet>().is_err());
        assert_eq!("1.43".parse::<MwVersion>().ok(), Some(MwVersion::V1_43));
    }
}
