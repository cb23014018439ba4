//! Reading help pages as text: a browser's copy or a text dump, like the seeds. There are no
//! classes to lean on, so the page's shape does the work:
//!
//! - a module starts at a line `group=name (prefix)` (or the main module's heading);
//! - `(main | query | allpages)` right after it gives the path;
//! - bullets (`•`, `◦`, `- `, `* `) and step numbers (`1.`) are dropped before reading a line;
//! - a parameter starts at a line holding one name that begins with the module's prefix (a
//!   `Parameters:` heading, when present, also opens the list, which lets a module without a
//!   prefix be read); `*` opens the dynamic-parameters note;
//! - every other line of a parameter is tried against the info messages of the supported
//!   languages (two messages run together on one line are split at sentence ends), and is
//!   description otherwise;
//! - a line `api.php?…` is an example; the line before it is its description.
//!
//! The message shapes read are those of the languages in [`super::lang::SUPPORTED`] (en, lt,
//! hi, mr, bn, ar, fa, de, fr, es, ru, ja, pl, uk, it, nl, pt, tr, sv; both 1.39 and 1.43
//! wordings, plus older English ones), all tried at once unless `--lang` names some; digits of
//! any script.
//!
//! Limits of text: deprecated and internal enum values look like the others, submodule values
//! carry no link, an extension's name cannot be told from its (translated) display name, and a
//! copy may leave out the help links and examples; those fields are reported unknown. In a
//! module without a prefix, a one-word line is a parameter only after a parameter that has a
//! description, and per-value lists are folded back into their parameter.

use mwtyped_spec::{Example, Help, ParamType};
use std::collections::BTreeMap;

use super::draft::{InfoLine, ParamDraft};
use super::lang::Catalog;
use super::module::{FLAGS, Heading, ModuleDraft};
use super::output::{ScrapedModule, Unknown};
use super::template::normalise;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Head,
    Params,
    Dynamic,
    Examples,
    Other,
}

/// The line without list bullets or step numbers.
fn strip_marker(line: &str) -> &str {
    let mut l = line.trim();
    loop {
        let before = l;
        for bullet in ["•", "◦", "▪", "·", "- ", "* ", "– "] {
            if let Some(rest) = l.strip_prefix(bullet) {
                l = rest.trim_start();
            }
        }
        let digits = l.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 {
            let rest = &l[digits..];
            if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
                l = rest.trim_start();
            }
        }
        if l == before {
            return l;
        }
    }
}

fn is_name(line: &str) -> bool {
    !line.is_empty()
        && line
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '{' | '}' | '.'))
        && !line.ends_with('.')
}

struct Reader<'c> {
    cat: &'c Catalog,
    file: String,
    modules: Vec<ScrapedModule>,
    current: Option<ModuleDraft>,
    section: Section,
    /// A line that may turn out to be the description of the example that follows.
    pending: Option<String>,
}

pub fn read(
    file: &str,
    text: &str,
    cat: &Catalog,
    warnings: &mut Vec<String>,
) -> Vec<ScrapedModule> {
    let mut r = Reader {
        cat,
        file: file.to_owned(),
        modules: vec![],
        current: None,
        section: Section::Head,
        pending: None,
    };
    for raw in text.lines() {
        let line = normalise(strip_marker(raw));
        if line.is_empty() {
            continue;
        }
        r.line(&line, warnings);
    }
    r.close();
    r.modules
}

impl Reader<'_> {
    fn close(&mut self) {
        if let Some(mut m) = self.current.take() {
            fold_value_lists(&mut m.params);
            if m.source.is_some() {
                // HTML marks an extension's own name apart from its display name; text does
                // not, and the display name may be translated.
                m.sourcename = m.source.clone();
                m.unknowns.push(Unknown::module(
                    "source",
                    "a text page shows the source's display name, which may be translated",
                ));
            }
            // A copy or a dump often leaves the link list and the examples out: none read
            // does not mean none there.
            if m.helpurls.is_empty() {
                m.unknowns.push(Unknown::module(
                    "helpurls",
                    "no help URL line in the text (copies often leave them out)",
                ));
            }
            if m.examples.is_empty() {
                m.unknowns.push(Unknown::module(
                    "examples",
                    "no example in the text (copies often leave them out)",
                ));
            }
            self.modules.push(m.finish(self.cat.supported));
        }
    }

    fn open(&mut self, heading: Heading) {
        self.close();
        self.current = Some(ModuleDraft {
            heading: Some(heading),
            ..ModuleDraft::default()
        });
        self.section = Section::Head;
        self.pending = None;
    }

    fn line(&mut self, line: &str, warnings: &mut Vec<String>) {
        if let Some(h) = Heading::parse(line) {
            self.open(h);
            return;
        }
        if self.cat.is("api-help-main-header", line) {
            self.open(Heading::main());
            return;
        }
        let cat = self.cat;
        let Some(m) = self.current.as_mut() else {
            // The page's lead, before the first module.
            return;
        };
        let prefix = m
            .heading
            .as_ref()
            .map_or("", |h| h.prefix.as_str())
            .to_owned();

        if self.section == Section::Head
            && m.params.is_empty()
            && m.path.is_none()
            && let Some(trail) = line.strip_prefix('(').and_then(|l| l.strip_suffix(')'))
        {
            let items: Vec<&str> = trail.split('|').map(str::trim).collect();
            if items.len() > 1 && items.iter().all(|i| is_name(i)) {
                m.path = Some(items[1..].join("+"));
                return;
            }
        }
        let flags: Vec<&'static str> = FLAGS
            .iter()
            .copied()
            .filter(|f| cat.is(&format!("api-help-flag-{f}"), line))
            .collect();
        match flags.as_slice() {
            [] => {}
            [flag] => {
                m.flags.insert(flag, true);
                return;
            }
            _ => {
                m.ambiguous_flags.push(flags);
                return;
            }
        }
        if let Some((_, c)) = cat.find(&["api-help-source"], line) {
            m.source = c.get(1).map(str::to_owned);
            return;
        }
        if let Some((_, c)) = cat.find(&["api-help-license", "api-help-license-noname"], line) {
            m.licensetag = c.get(2).map(str::to_owned);
            return;
        }
        if cat.is("api-help-source-unknown", line) || cat.is("api-help-license-unknown", line) {
            return;
        }
        if cat.is("api-help-parameters", line) {
            self.section = Section::Params;
            return;
        }
        if cat.is("api-help-parameters-note", line) {
            return;
        }
        if cat.is("api-help-examples", line) {
            self.section = Section::Examples;
            self.pending = None;
            return;
        }
        if cat.is("api-help-permissions", line) {
            self.section = Section::Other;
            return;
        }
        if let Some(query) = line.strip_prefix("api.php?") {
            let description = match self.section {
                Section::Examples => self.pending.take(),
                // No `Examples:` heading: the example's description was read as the last line
                // of what came before.
                Section::Dynamic => m.dynamic.as_mut().and_then(Vec::pop),
                Section::Params => m.params.last_mut().and_then(|p| p.description.pop()),
                Section::Head | Section::Other => m.description.pop(),
            };
            m.examples.push(Example {
                query: strip_sandbox(cat, query),
                description: description.map(Help::Text),
                unknown: BTreeMap::new(),
            });
            self.section = Section::Examples;
            return;
        }
        let starts_list = is_name(line) && !prefix.is_empty() && line.starts_with(&prefix);
        match self.section {
            Section::Head if starts_list => {
                self.section = Section::Params;
                m.params.push(ParamDraft::new(line, false));
            }
            // The block of help links shows each URL alone on its line.
            Section::Head
                if (line.starts_with("https://") || line.starts_with("http://"))
                    && !line.contains(' ') =>
            {
                m.helpurls.push(line.to_owned());
            }
            Section::Head => m.description.push(line.to_owned()),
            Section::Params | Section::Dynamic if line == "*" => {
                self.section = Section::Dynamic;
                m.dynamic = Some(vec![]);
            }
            // Every parameter has a description (MediaWiki writes "(no description)" when there
            // is none), so a name right after a name is the first one's description: the value
            // `html` of `errorformat` is described as just `HTML`.
            Section::Params
                if is_name(line)
                    && (prefix.is_empty() || line.starts_with(&prefix))
                    && !m.params.last().is_some_and(ParamDraft::is_blank) =>
            {
                m.params.push(ParamDraft::new(line, false));
            }
            Section::Params => {
                let Some(p) = m.params.last_mut() else {
                    m.description.push(line.to_owned());
                    return;
                };
                // Only exact wordings are read: in text, any description line may open like
                // an info message.
                match p.read_info_line(cat, line, false) {
                    InfoLine::Read => {}
                    InfoLine::Unreadable(reason) => warnings.push(format!(
                        "{}: parameter `{}`: {reason}; what it tells is marked unknown",
                        self.file, p.prefixed
                    )),
                    InfoLine::Other => {
                        p.read_description(cat, line);
                        p.description.push(line.to_owned());
                    }
                }
            }
            Section::Dynamic => {
                if let Some(d) = m.dynamic.as_mut() {
                    d.push(line.to_owned());
                }
            }
            Section::Examples => {
                if let Some(old) = self.pending.replace(line.to_owned()) {
                    warnings.push(format!(
                        "{}: an example line without a query: `{old}`",
                        self.file
                    ));
                }
            }
            Section::Other => {}
        }
    }
}

/// In a module without a prefix, the per-value list of a parameter's description (`action`'s
/// `abusefiltercheckmatch`, then what it does, …) looks like parameters. They are recognised
/// afterwards: a run of "parameters" with no info line, whose names are all values of the enum
/// line that follows them, belongs to the parameter before the run.
fn fold_value_lists(params: &mut Vec<ParamDraft>) {
    let mut j = 0;
    while j < params.len() {
        let values = match &params[j].ty {
            Some(ParamType::Enum(values)) => values.clone(),
            _ => {
                j += 1;
                continue;
            }
        };
        if !values.contains(&params[j].prefixed) {
            j += 1;
            continue;
        }
        let mut k = j;
        while k > 0
            && values.contains(&params[k - 1].prefixed)
            && params[k - 1].ty.is_none()
            && !params[k - 1].required
        {
            k -= 1;
        }
        if k == 0 {
            j += 1;
            continue;
        }
        // params[k..=j] are values; params[k - 1] owns them and the facts read into params[j].
        let run: Vec<ParamDraft> = params.drain(k..=j).collect();
        let owner = &mut params[k - 1];
        let mut facts = run[run.len() - 1].clone();
        let mut description = std::mem::take(&mut owner.description);
        for value in &run {
            description.push(value.prefixed.clone());
            description.extend(value.description.iter().cloned());
        }
        facts.prefixed = std::mem::take(&mut owner.prefixed);
        facts.description = description;
        facts.deprecated |= owner.deprecated;
        *owner = facts;
        j = k;
    }
}

fn strip_sandbox(cat: &Catalog, query: &str) -> String {
    // `… [open in sandbox]`: the sandbox link's label, in any supported language.
    if let Some(at) = query.rfind(" [")
        && cat.is("api-help-open-in-apisandbox", &query[at + 1..])
    {
        return query[..at].to_owned();
    }
    query.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        assert_eq!(strip_marker("  • Source: MediaWiki"), "Source: MediaWiki");
        assert_eq!(strip_marker("- createrequests"), "createrequests");
        assert_eq!(strip_marker("- *"), "*");
        assert_eq!(strip_marker("*"), "*");
        assert_eq!(strip_marker("  1. Fetch the fields"), "Fetch the fields");
        assert_eq!(strip_marker("    ◦ If you received"), "If you received");
    }
}
