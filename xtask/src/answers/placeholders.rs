//! Values a planned request names in braces (`{lastrevid}`, `{filekey}`), looked up on the
//! wiki when the request is sent: ids the seed made, which no example can know.

use std::collections::HashMap;

use anyhow::{Context, Result};
use serde_json::Value;

use super::seed::{self, OTHER_USER, REVERTED_FILE, TALK};
use super::session::Session;

/// The names a request may hold, each with what it stands for.
const NAMES: &[(&str, &str)] = &[
    ("firstrevid", "the seed page's first revision"),
    ("lastrevid", "the seed page's last revision"),
    ("talkfirstrevid", "the seed talk page's first revision"),
    ("talklastrevid", "the seed talk page's last revision"),
    ("otherrevid", "the second user's last revision"),
    (
        "archivename",
        "the old version of the file with two versions",
    ),
    ("filekey", "a file in the upload stash"),
    ("abuselogid", "the newest AbuseFilter log entry"),
    (
        "othercommentid",
        "the second user's comment on the seed talk page",
    ),
    ("headingname", "the name of the seed talk page's topic"),
];

/// Looked up afresh each time: the writes recorded change them.
const CHANGING: &[&str] = &["firstrevid", "lastrevid"];

#[derive(Default)]
pub struct Placeholders {
    found: HashMap<&'static str, String>,
}

impl Placeholders {
    /// `value` with every placeholder it holds replaced.
    pub fn fill(&mut self, session: &mut Session, value: &str) -> Result<String> {
        let mut filled = value.to_owned();
        for (name, what) in NAMES {
            let braced = format!("{{{name}}}");
            if filled.contains(&braced) {
                let found = self
                    .value(session, name)
                    .with_context(|| format!("finding {{{name}}}, {what}"))?;
                filled = filled.replace(&braced, &found);
            }
        }
        Ok(filled)
    }

    fn value(&mut self, session: &mut Session, name: &'static str) -> Result<String> {
        if let Some(found) = self.found.get(name) {
            return Ok(found.clone());
        }
        let found = look_up(session, name)?;
        if !CHANGING.contains(&name) {
            self.found.insert(name, found.clone());
        }
        Ok(found)
    }
}

fn look_up(session: &mut Session, name: &str) -> Result<String> {
    match name {
        "firstrevid" => Ok(seed::revisions(session, seed::PAGE)?.0),
        "lastrevid" => Ok(seed::revisions(session, seed::PAGE)?.1),
        "talkfirstrevid" => Ok(seed::revisions(session, TALK)?.0),
        "talklastrevid" => Ok(seed::revisions(session, TALK)?.1),
        "otherrevid" => pointer(
            session,
            &[
                ("action", "query"),
                ("list", "usercontribs"),
                ("ucuser", OTHER_USER.0),
                ("uclimit", "1"),
            ],
            "/query/usercontribs/0/revid",
        ),
        "archivename" => pointer(
            session,
            &[
                ("action", "query"),
                ("titles", &format!("File:{REVERTED_FILE}")),
                ("prop", "imageinfo"),
                ("iiprop", "archivename"),
                ("iilimit", "2"),
            ],
            "/query/pages/0/imageinfo/1/archivename",
        ),
        "filekey" => stash(session),
        "abuselogid" => pointer(
            session,
            &[
                ("action", "query"),
                ("list", "abuselog"),
                ("afllimit", "1"),
                ("aflprop", "ids"),
            ],
            "/query/abuselog/0/id",
        ),
        "othercommentid" => talk_item(session, &format!("c-{}-", OTHER_USER.0)),
        "headingname" => talk_item(session, "h-Admin-"),
        _ => anyhow::bail!("no placeholder {{{name}}}"),
    }
}

/// The value at `path` of the answer to `params`, a string or a number, as text.
fn pointer(session: &mut Session, params: &[(&str, &str)], path: &str) -> Result<String> {
    let answer = session.call(params)?;
    match answer.pointer(path) {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Number(n)) => Ok(n.to_string()),
        _ => anyhow::bail!("no {path} in {answer}"),
    }
}

/// An image put in the upload stash: its file key.
fn stash(session: &mut Session) -> Result<String> {
    let token = session.token("csrf")?;
    let answer = session.upload_answer(
        "Mwtyped stashed.png",
        seed::fixture("other.png")?,
        &token,
        &[("stash", "1"), ("ignorewarnings", "1")],
    )?;
    answer
        .pointer("/upload/filekey")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .with_context(|| format!("no filekey in {answer}"))
}

/// The seed talk page's thread item starting with `prefix`: the longest, which is the id
/// (DiscussionTools lists a comment's name, `c-AUTHOR-TIME`, and its id, the name and the
/// parent's; a topic's name is `h-AUTHOR-TIME`).
fn talk_item(session: &mut Session, prefix: &str) -> Result<String> {
    let answer = session.call(&[("action", "discussiontoolspageinfo"), ("page", TALK)])?;
    answer
        .pointer("/discussiontoolspageinfo/transcludedfrom")
        .and_then(Value::as_object)
        .and_then(|items| {
            items
                .keys()
                .filter(|k| k.starts_with(prefix))
                .max_by_key(|k| k.len())
        })
        .cloned()
        .with_context(|| format!("no thread item {prefix}… in {answer}"))
}
