//! In which committed MediaWiki releases each module, parameter and enum value exists, for
//! the "since" and "until" lines of the docs.
//!
//! Derived from every committed capture named `mediawiki-X.Y`; items are matched by module
//! path, parameter name and wire value.

use std::collections::HashMap;

use mwtyped_spec::{CAPTURES, ItemKey, ParamType, Spec, SpecError};

#[derive(Debug, Default)]
pub struct History {
    /// `1.39`, `1.43`, oldest first.
    labels: Vec<String>,
    modules: HashMap<String, Vec<bool>>,
    params: HashMap<(String, String), Presence>,
    values: HashMap<(String, String, String), Vec<bool>>,
    /// Items a patch release added to a capture (its `patches`): the capture's index and
    /// the release, e.g. `1.43.12`.
    patched: HashMap<ItemKey, (usize, String)>,
}

#[derive(Debug, Default, Clone)]
struct Presence {
    present: Vec<bool>,
    deprecated: Vec<bool>,
}

impl History {
    /// The history of the committed releases.
    pub fn of_committed() -> Result<History, SpecError> {
        let mut releases: Vec<(Vec<u32>, String, Spec)> = vec![];
        for capture in CAPTURES {
            let Some(version) = capture.name.strip_prefix("mediawiki-") else {
                continue;
            };
            let key = version.split('.').filter_map(|p| p.parse().ok()).collect();
            releases.push((key, version.to_owned(), capture.spec()?));
        }
        releases.sort_by(|a, b| a.0.cmp(&b.0));
        let specs: Vec<(String, Spec)> = releases.into_iter().map(|(_, l, s)| (l, s)).collect();
        Ok(History::of(&specs))
    }

    /// The history of `specs`, given oldest first with their labels.
    pub fn of(specs: &[(String, Spec)]) -> History {
        let n = specs.len();
        let mut history = History {
            labels: specs.iter().map(|(l, _)| l.clone()).collect(),
            ..History::default()
        };
        for (i, (_, spec)) in specs.iter().enumerate() {
            for step in &spec.capture.patches {
                for key in &step.added {
                    history.patched.insert(key.clone(), (i, step.to.clone()));
                }
            }
            for module in &spec.modules {
                history
                    .modules
                    .entry(module.path.clone())
                    .or_insert_with(|| vec![false; n])[i] = true;
                for param in module.all_parameters() {
                    let key = (module.path.clone(), param.name.clone());
                    let entry = history.params.entry(key).or_insert_with(|| Presence {
                        present: vec![false; n],
                        deprecated: vec![false; n],
                    });
                    entry.present[i] = true;
                    entry.deprecated[i] = param.deprecated;
                    if let ParamType::Enum(values) = &param.ty {
                        for value in values {
                            let key = (module.path.clone(), param.name.clone(), value.clone());
                            history.values.entry(key).or_insert_with(|| vec![false; n])[i] = true;
                        }
                    }
                }
            }
        }
        history
    }

    pub fn module_note(&self, path: &str) -> Option<String> {
        let present = self.modules.get(path)?;
        Some(self.with_patch(self.note(present, None), present, &key(path, None, None)))
    }

    pub fn param_note(&self, path: &str, name: &str) -> Option<String> {
        let presence = self.params.get(&(path.to_owned(), name.to_owned()))?;
        let note = self.note(&presence.present, Some(&presence.deprecated));
        Some(self.with_patch(note, &presence.present, &key(path, Some(name), None)))
    }

    /// Only for values that some release lacks or a patch release added: a note on every
    /// variant would be noise.
    pub fn value_note(&self, path: &str, name: &str, value: &str) -> Option<String> {
        let present = self
            .values
            .get(&(path.to_owned(), name.to_owned(), value.to_owned()))?;
        let key = key(path, Some(name), Some(value));
        (!present.iter().all(|p| *p) || self.patched.contains_key(&key))
            .then(|| self.with_patch(self.note(present, None), present, &key))
    }

    /// `note`, and the patch release that added the item, when one did: a wiki of an
    /// older patch release of that version does not know it.
    fn with_patch(&self, mut note: String, present: &[bool], key: &ItemKey) -> String {
        if let Some((i, release)) = self.patched.get(key)
            && present.get(*i) == Some(&true)
        {
            note.push_str(&format!("; added in the patch release {release}"));
        }
        note
    }

    fn note(&self, present: &[bool], deprecated: Option<&[bool]>) -> String {
        let pick = |want: bool| -> Vec<&str> {
            self.labels
                .iter()
                .zip(present)
                .filter(|(_, p)| **p == want)
                .map(|(l, _)| l.as_str())
                .collect()
        };
        let (have, lack) = (pick(true), pick(false));
        let first = present.iter().position(|p| *p);
        let last = present.iter().rposition(|p| *p);
        let contiguous = match (first, last) {
            (Some(f), Some(l)) => present[f..=l].iter().all(|p| *p),
            _ => false,
        };
        let mut note = if lack.is_empty() {
            format!("In MediaWiki {}", have.join(", "))
        } else if contiguous && last == Some(present.len() - 1) {
            format!("Since MediaWiki {}; not in {}", have[0], lack.join(", "))
        } else if contiguous && first == Some(0) {
            format!(
                "Until MediaWiki {}; not in {}",
                have.last().copied().unwrap_or_default(),
                lack.join(", ")
            )
        } else {
            format!(
                "In MediaWiki {}; not in {}",
                have.join(", "),
                lack.join(", ")
            )
        };
        if let Some(since) = deprecated
            .and_then(|d| d.iter().position(|x| *x))
            .and_then(|i| self.labels.get(i))
        {
            note.push_str(&format!("; deprecated since MediaWiki {since}"));
        }
        note
    }
}

fn key(module: &str, parameter: Option<&str>, value: Option<&str>) -> ItemKey {
    ItemKey {
        module: module.to_owned(),
        parameter: parameter.map(str::to_owned),
        value: value.map(str::to_owned),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn history(present: Vec<bool>) -> (History, Vec<bool>) {
        let labels = ["1.39", "1.43", "1.45"].map(str::to_owned).to_vec();
        (
            History {
                labels,
                ..History::default()
            },
            present,
        )
    }

    #[test]
    fn notes_say_since_and_until() {
        let (h, p) = history(vec![true, true, true]);
        assert_eq!(h.note(&p, None), "In MediaWiki 1.39, 1.43, 1.45");
        let (h, p) = history(vec![false, true, true]);
        assert_eq!(h.note(&p, None), "Since MediaWiki 1.43; not in 1.39");
        let (h, p) = history(vec![true, false, false]);
        assert_eq!(h.note(&p, None), "Until MediaWiki 1.39; not in 1.43, 1.45");
        let (h, p) = history(vec![true, false, true]);
        assert_eq!(
            h.note(&p, Some(&[false, false, true])),
            "In MediaWiki 1.39, 1.45; not in 1.43; deprecated since MediaWiki 1.45"
        );
    }

    #[test]
    fn committed_releases() {
        let h = History::of_committed().expect("committed captures parse");
        assert_eq!(h.labels, ["1.39", "1.43"]);
        assert_eq!(
            h.module_note("acquiretempusername").as_deref(),
            Some("Since MediaWiki 1.43; not in 1.39")
        );
        assert_eq!(
            h.param_note("edit", "returnto").as_deref(),
            Some("Since MediaWiki 1.43; not in 1.39")
        );
        assert_eq!(
            h.param_note("edit", "text").as_deref(),
            Some("In MediaWiki 1.39, 1.43")
        );
    }
}
