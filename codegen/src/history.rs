//! In which committed MediaWiki releases each module, parameter and enum value exists, for
//! the "since" and "until" lines of the docs.
//!
//! Derived from every committed capture named `mediawiki-X.Y`; items are matched by module
//! path, parameter name and wire value. A capture that did not load the extension an item
//! comes from says nothing of it: the note names that capture instead of "not in". Whatever
//! the oldest capture already deprecated is "deprecated since at least" that release.

use std::collections::{BTreeSet, HashMap};

use mwtyped_spec::{CAPTURES, ItemKey, Origin, ParamType, Spec, SpecError};

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
    /// Per capture, the extensions it loaded (its attribution parts); `None` when it does
    /// not say, and then every extension counts as loaded.
    loaded: Vec<Option<BTreeSet<String>>>,
    /// The extension each item comes from, where one does.
    extension: HashMap<ItemKey, String>,
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
            loaded: specs
                .iter()
                .map(|(_, s)| {
                    let parts = &s.capture.attribution;
                    (!parts.is_empty()).then(|| parts.keys().cloned().collect())
                })
                .collect(),
            ..History::default()
        };
        for (i, (_, spec)) in specs.iter().enumerate() {
            for step in &spec.capture.patches {
                for key in &step.added {
                    history.patched.insert(key.clone(), (i, step.to.clone()));
                }
            }
            for module in &spec.modules {
                history.note_origin(key(&module.path, None, None), module.origin.as_ref());
                for param in module.all_parameters() {
                    let at = key(&module.path, Some(&param.name), None);
                    history.note_origin(at, param.origin.as_ref().or(module.origin.as_ref()));
                    for (value, origin) in &param.value_origins {
                        let at = key(&module.path, Some(&param.name), Some(value));
                        history.note_origin(at, Some(origin));
                    }
                }
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

    fn note_origin(&mut self, at: ItemKey, origin: Option<&Origin>) {
        if let Some(Origin::Extension(name)) = origin {
            self.extension.insert(at, name.clone());
        }
    }

    pub fn module_note(&self, path: &str) -> Option<String> {
        let present = self.modules.get(path)?;
        Some(self.described(present, None, &key(path, None, None)))
    }

    pub fn param_note(&self, path: &str, name: &str) -> Option<String> {
        let presence = self.params.get(&(path.to_owned(), name.to_owned()))?;
        let at = key(path, Some(name), None);
        Some(self.described(&presence.present, Some(&presence.deprecated), &at))
    }

    /// Only for values that a release which loaded their extension lacks, or that a patch
    /// release added: a note on every variant would be noise.
    pub fn value_note(&self, path: &str, name: &str, value: &str) -> Option<String> {
        let present = self
            .values
            .get(&(path.to_owned(), name.to_owned(), value.to_owned()))?;
        let at = key(path, Some(name), Some(value));
        let silent = self.silent(present, &at);
        let lacking = present.iter().zip(&silent).any(|(p, s)| !p && !s);
        (lacking || self.patched.contains_key(&at)).then(|| self.described(present, None, &at))
    }

    /// Per capture: whether it says nothing of the item, lacking it for not having loaded
    /// the extension it comes from.
    fn silent(&self, present: &[bool], at: &ItemKey) -> Vec<bool> {
        let extension = self.extension.get(at);
        present
            .iter()
            .zip(&self.loaded)
            .map(|(p, loaded)| match (extension, loaded) {
                (Some(ext), Some(loaded)) => !p && !loaded.contains(ext),
                _ => false,
            })
            .collect()
    }

    /// The note on the captures that can tell, then those that cannot, then the patch
    /// release that added the item.
    fn described(&self, present: &[bool], deprecated: Option<&[bool]>, at: &ItemKey) -> String {
        let silent = self.silent(present, at);
        let told = |i: &usize| !silent[*i];
        let indices: Vec<usize> = (0..present.len()).filter(told).collect();
        let labels: Vec<&str> = indices.iter().map(|i| self.labels[*i].as_str()).collect();
        let present_told: Vec<bool> = indices.iter().map(|i| present[*i]).collect();
        let deprecated_told: Option<Vec<bool>> =
            deprecated.map(|d| indices.iter().map(|i| d[*i]).collect());
        let mut note = note_of(&labels, &present_told, deprecated_told.as_deref());
        let unloaded: Vec<&str> = (0..present.len())
            .filter(|i| silent[*i])
            .map(|i| self.labels[i].as_str())
            .collect();
        if let (false, Some(ext)) = (unloaded.is_empty(), self.extension.get(at)) {
            note.push_str(&format!(
                "; the {} capture did not load {ext}",
                unloaded.join(" and ")
            ));
        }
        if let Some((i, release)) = self.patched.get(at)
            && present.get(*i) == Some(&true)
        {
            note.push_str(&format!("; added in the patch release {release}"));
        }
        note
    }

    #[cfg(test)]
    fn note(&self, present: &[bool], deprecated: Option<&[bool]>) -> String {
        let labels: Vec<&str> = self.labels.iter().map(String::as_str).collect();
        note_of(&labels, present, deprecated)
    }
}

/// Where an item is present among releases `labels` (oldest first), and since when it is
/// deprecated. Deprecated already in the oldest is "since at least" that one: the captures
/// do not tell when.
fn note_of(labels: &[&str], present: &[bool], deprecated: Option<&[bool]>) -> String {
    let pick = |want: bool| -> Vec<&str> {
        labels
            .iter()
            .zip(present)
            .filter(|(_, p)| **p == want)
            .map(|(l, _)| *l)
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
    match deprecated.and_then(|d| d.iter().position(|x| *x)) {
        Some(0) => note.push_str(&format!(
            "; deprecated since at least MediaWiki {}",
            labels[0]
        )),
        Some(i) => note.push_str(&format!("; deprecated since MediaWiki {}", labels[i])),
        None => {}
    }
    note
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
        // The 1.39 capture did not load DiscussionTools nor Thanks: it says nothing of them.
        assert_eq!(
            h.module_note("discussiontoolsedit").as_deref(),
            Some("In MediaWiki 1.43; the 1.39 capture did not load DiscussionTools")
        );
        assert_eq!(
            h.param_note("block", "userid").as_deref(),
            Some("In MediaWiki 1.39, 1.43; deprecated since at least MediaWiki 1.39")
        );
        assert_eq!(
            h.module_note("thank").as_deref(),
            Some("In MediaWiki 1.43; the 1.39 capture did not load Thanks")
        );
        assert_eq!(
            h.value_note("query+imageinfo", "prop", "thumburls")
                .as_deref(),
            Some("Since MediaWiki 1.43; not in 1.39; added in the patch release 1.43.12")
        );
    }
}
