//! A module as it is being read: its heading, flags and blocks, shared by both readers.

use std::collections::BTreeMap;

use mwtyped_spec::{Example, Help, Module};

use super::draft::ParamDraft;
use super::output::{Note, ScrapedModule, Unknown};

/// What a module heading says: `list=allpages (ap)` → group `list`, name `allpages`, prefix `ap`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub group: Option<String>,
    pub name: String,
    pub prefix: String,
}

impl Heading {
    pub fn main() -> Heading {
        Heading {
            group: None,
            name: "main".into(),
            prefix: String::new(),
        }
    }

    /// Reads `group=name` with an optional ` (prefix)`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Heading> {
        let text = text.trim();
        let (head, prefix) = match text.strip_suffix(')').and_then(|t| t.rsplit_once(" (")) {
            Some((head, prefix)) => (head.trim(), prefix),
            None => (text, ""),
        };
        let (group, name) = head.split_once('=')?;
        let word = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '+'))
        };
        let prefix_ok = prefix.is_empty() || word(prefix);
        (word(group) && word(name) && prefix_ok).then(|| Heading {
            group: Some(group.to_owned()),
            name: name.to_owned(),
            prefix: prefix.to_owned(),
        })
    }

    /// The module path when no link trail or anchor tells it: query submodules are under
    /// `query+`, every other group is a submodule of main.
    pub fn guessed_path(&self) -> (String, bool) {
        match self.group.as_deref() {
            None => (self.name.clone(), true),
            Some("list" | "prop" | "meta") => (format!("query+{}", self.name), true),
            Some("action" | "format") => (self.name.clone(), true),
            Some(_) => (self.name.clone(), false),
        }
    }
}

#[derive(Debug, Default)]
pub struct ModuleDraft {
    pub heading: Option<Heading>,
    pub path: Option<String>,
    pub flags: BTreeMap<&'static str, bool>,
    /// Flag lines (in text) whose words are those of several flags: some languages translate
    /// two flags alike (Persian gives `writerights` the words of `readrights`).
    pub ambiguous_flags: Vec<Vec<&'static str>>,
    pub source: Option<String>,
    /// The display name, when the page shows only that.
    pub sourcename: Option<String>,
    pub licensetag: Option<String>,
    pub licenselink: Option<String>,
    pub description: Vec<String>,
    pub helpurls: Vec<String>,
    pub params: Vec<ParamDraft>,
    pub dynamic: Option<Vec<String>>,
    pub examples: Vec<Example>,
    pub unknowns: Vec<Unknown>,
}

/// The module flags and the message (or class suffix) naming each.
pub const FLAGS: &[&str] = &[
    "readrights",
    "writerights",
    "mustbeposted",
    "generator",
    "internal",
    "deprecated",
];

/// The reason given for a flag that a language's messages cannot tell apart from another.
const AMBIGUOUS_FLAG: &str = "this language words these flags alike";

impl ModuleDraft {
    /// As many lines as flags worded alike: the module has them all. Fewer: which ones it has
    /// cannot be told, and each is marked unknown.
    fn settle_ambiguous_flags(&mut self, unknowns: &mut Vec<Unknown>) {
        let mut groups: BTreeMap<Vec<&'static str>, usize> = BTreeMap::new();
        for flags in std::mem::take(&mut self.ambiguous_flags) {
            *groups.entry(flags).or_default() += 1;
        }
        for (flags, lines) in groups {
            if lines >= flags.len() {
                for flag in flags {
                    self.flags.insert(flag, true);
                }
                continue;
            }
            for flag in &flags {
                unknowns.push(Unknown::module(
                    flag,
                    &format!(
                        "{AMBIGUOUS_FLAG} ({}), and the page shows {lines} such line(s)",
                        flags.join(", ")
                    ),
                ));
            }
        }
    }

    /// `supported`: whether the page's language has a table (see [`super::lang::Catalog`]).
    pub fn finish(mut self, supported: bool) -> ScrapedModule {
        let heading = self.heading.clone().unwrap_or_else(Heading::main);
        let path = match self.path.take() {
            Some(p) => p,
            None => {
                let (path, sure) = heading.guessed_path();
                if !sure {
                    self.unknowns.push(Unknown::module(
                        "path",
                        "no link trail or anchor, and the group is not one of MediaWiki's own",
                    ));
                }
                path
            }
        };
        let mut unknowns = std::mem::take(&mut self.unknowns);
        unknowns.push(Unknown::module(
            "classname",
            "help pages do not name the PHP class",
        ));
        let source = self.source.clone().unwrap_or_else(|| {
            let reason = match &self.sourcename {
                Some(_) => "the page shows the source's display name only",
                None => "the page shows no source",
            };
            unknowns.push(Unknown::module("source", reason));
            String::new()
        });
        let sourcename = self.sourcename.clone().unwrap_or_else(|| source.clone());
        let mut notes: Vec<Note> = vec![];
        let mut parameters = vec![];
        let mut templated = vec![];
        for (i, p) in std::mem::take(&mut self.params).into_iter().enumerate() {
            let is_templated = p.templatevars.is_some();
            let param = p.finish(
                &heading.prefix,
                i as u32 + 1,
                supported,
                &mut unknowns,
                &mut notes,
            );
            if is_templated {
                templated.push(param);
            } else {
                parameters.push(param);
            }
        }
        self.settle_ambiguous_flags(&mut unknowns);
        let flag = |f: &str| self.flags.get(f).copied().unwrap_or(false);
        let module = Module {
            name: heading.name.clone(),
            classname: String::new(),
            path,
            group: heading.group.clone(),
            prefix: heading.prefix.clone(),
            sourcename,
            source,
            licensetag: self.licensetag.clone(),
            licenselink: self.licenselink.clone(),
            description: (!self.description.is_empty())
                .then(|| Help::Text(self.description.join("\n"))),
            readrights: flag("readrights"),
            writerights: flag("writerights"),
            mustbeposted: flag("mustbeposted"),
            generator: flag("generator"),
            internal: flag("internal"),
            deprecated: flag("deprecated"),
            helpurls: std::mem::take(&mut self.helpurls),
            examples: Some(std::mem::take(&mut self.examples)),
            dynamicparameters: self.dynamic.take().map(|d| Help::Text(d.join("\n"))),
            parameters,
            templatedparameters: templated,
            origin: None,
            unknown: BTreeMap::new(),
        };
        ScrapedModule {
            module,
            notes,
            unknowns,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        let h = Heading::parse("list=allpages (ap)");
        assert_eq!(
            h,
            Some(Heading {
                group: Some("list".into()),
                name: "allpages".into(),
                prefix: "ap".into()
            })
        );
        assert_eq!(
            Heading::parse("action=edit").map(|h| h.prefix),
            Some(String::new())
        );
        assert_eq!(Heading::parse("Main module"), None);
        assert_eq!(Heading::parse("action=query&meta=tokens"), None);
        assert_eq!(Heading::parse("= (x)"), None);
    }
}
