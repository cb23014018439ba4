//! The content every module is exercised on: pages with links, templates, categories, a file
//! and a redirect; a second user's edits and an expiring group membership; a deleted page, a
//! block, a protected title, a watched page, gadgets, a page with a lint error. Made through
//! the API itself (but for one interwiki prefix and Linter's jobs, made by MediaWiki's own
//! scripts), so a fresh wiki gets the same content on every recording. The recording's own
//! wiki gets more (`prepare.rs`).

use anyhow::{Context, Result};
use serde_json::Value;

use super::session::Session;
use crate::files;
use crate::wiki::{self, Wiki};

/// The page the prop modules are sent for, with everything a page can have.
pub const PAGE: &str = "Mwtyped seed";
pub const CATEGORY: &str = "Category:Mwtyped seed category";
pub const TEMPLATE: &str = "Template:Mwtyped seed template";
pub const FILE: &str = "File:Mwtyped seed.png";
pub const REDIRECT: &str = "Mwtyped seed redirect";
pub const TALK: &str = "Talk:Mwtyped seed";
/// A file with two versions, for `filerevert`.
pub const REVERTED_FILE: &str = "Mwtyped reverted.png";
/// The second user, named as MediaWiki's examples name their user.
pub const OTHER_USER: (&str, &str) = ("Example", "mwtyped-example-password");
/// The change tag of the recording's wiki.
pub const TAG: &str = "mwtyped-seed-tag";
/// A page that never exists.
const MISSING: &str = "Mwtyped seed missing";
/// Titles the recorded requests name that must not be made to exist: a missing page, a
/// deleted one (its deleted revisions), a message that exists only as a message (`known`),
/// a title to protect from creation.
const STAYS_MISSING: &[&str] = &[
    MISSING,
    "Mwtyped seed deleted",
    "MediaWiki:Edit",
    "Mwtyped protected title",
];
/// The titles every prop module is asked about: the seeded pages (the template for its
/// transclusions), a missing page, an invalid title (answered without `ns` and `pageid`), a
/// deleted page (its deleted revisions), a special page (`special`) and a message that
/// exists only as a message (`known`).
pub const PROP_TITLES: &str = "Mwtyped seed|Mwtyped seed redirect|File:Mwtyped seed.png|\
    Category:Mwtyped seed category|Mwtyped seed missing|Mwtyped <invalid>|\
    Template:Mwtyped seed template|Mwtyped seed deleted|Special:RecentChanges|MediaWiki:Edit";

const PAGE_TEXT: &str = "{{DISPLAYTITLE:Mwtyped seed}}{{DEFAULTSORT:Seed, Mwtyped}}\n'''Seed''' text linking [[Mwtyped seed target]] \
and [[Main Page]], using {{Mwtyped seed template|x}}, showing [[File:Mwtyped seed.png|thumb|A seed image]], \
and linking [https://www.mediawiki.org/ out] and [[mw:Help:Contents|to another wiki]].\n== Section ==\nMore text.\n\n\
[[Category:Mwtyped seed category]]\n[[de:Mwtyped Saat]]";

/// The language prefix of the seeded page's language link ([`seed`] adds it).
const LANGUAGE_PREFIX: &str = "de";

/// The seeded gadgets, in a section of their own (`list=gadgets`, `list=gadgetcategories`):
/// one plain, one with every setting the definition can hold (dependencies, peers, where it
/// loads), so the answer's lists have items.
const GADGETS_DEFINITION: &str = "== mwtyped-seed ==\n\
* mwtyped-gadget[ResourceLoader|default|rights=edit]|mwtyped-gadget.js|mwtyped-gadget.css\n\
* mwtyped-gadget-limited[ResourceLoader|package|dependencies=mediawiki.util|peers=mwtyped-gadget|\
skins=vector|actions=view,edit|namespaces=0|categories=Mwtyped seed category|\
contentModels=wikitext]|mwtyped-gadget-limited.js|mwtyped-gadget-limited.json\n";

/// A page with a lint error (an obsolete tag), for Linter's `list=linterrors`.
const LINT_PAGE: (&str, &str) = (
    "Mwtyped lint",
    "<center>A centred line, linted as an obsolete tag.</center>",
);

/// Makes the seeded content; `other` is a fresh session that becomes [`OTHER_USER`].
pub fn seed(wiki: &Wiki, admin: &mut Session, other: &mut Session) -> Result<()> {
    // A move with its talk page and a subpage (the User namespace has subpages), so that the
    // answer holds `talkfrom`, `talkto` and `subpages`. First: the recent changes recorded
    // (the last ten) are then the same as before they were added, the tagged one among them.
    for (title, text) in [
        (
            "User:Mwtyped move source",
            "A page moved with its talk page and subpage.",
        ),
        ("User talk:Mwtyped move source", "Its talk page."),
        ("User:Mwtyped move source/sub", "Its subpage."),
        (
            "User talk:Mwtyped move source/sub",
            "Its talk page's subpage.",
        ),
    ] {
        edit(admin, title, text)?;
    }
    edit(
        admin,
        TEMPLATE,
        "A template: {{{1|none}}}.<noinclude>[[Category:Mwtyped seed category]]</noinclude>\
         <includeonly>[[Category:Mwtyped seed category]]</includeonly>",
    )?;
    edit(
        admin,
        "Mwtyped seed target",
        "The target of the seed's links.",
    )?;
    edit(admin, CATEGORY, "The seed's category.")?;
    upload(admin)?;
    // A fresh wiki's interwiki table has other wikis (`mw`), but no other language.
    wiki::add_interwiki(wiki, LANGUAGE_PREFIX, "https://de.example.invalid/wiki/$1")?;
    edit(admin, PAGE, PAGE_TEXT)?;
    edit(admin, "MediaWiki:Gadgets-definition", GADGETS_DEFINITION)?;
    edit(admin, LINT_PAGE.0, LINT_PAGE.1)?;
    // A topic with a heading, which the second user answers (DiscussionTools' modules find,
    // subscribe to and thank for comments).
    edit(admin, TALK, "== A seeded topic ==\nA talk page. ~~~~")?;
    edit(admin, REDIRECT, "#REDIRECT [[Mwtyped seed]]")?;
    // A history merge needs a source older than its target.
    edit(
        admin,
        "Mwtyped merge source",
        "The older page of a history merge.",
    )?;
    edit(
        admin,
        "Mwtyped merge target",
        "The newer page of a history merge.",
    )?;
    // Its last edit is the other user's, for a rollback (nobody else touches it).
    edit(
        admin,
        "Mwtyped rollback target",
        "A page the second user edits last.",
    )?;
    edit(
        admin,
        "Mwtyped seed deleted",
        "A page deleted before the recording.",
    )?;
    let token = admin.token("csrf")?;
    admin.send(&pairs(&[
        ("action", "delete"),
        ("title", "Mwtyped seed deleted"),
        ("reason", "seed"),
        ("token", &token),
    ]))?;
    let watch = admin.token("watch")?;
    admin.call(&[("action", "watch"), ("titles", PAGE), ("token", &watch)])?;
    // Sent, not called: on a wiki seeded before, the address is blocked already.
    admin.send(&pairs(&[
        ("action", "block"),
        ("user", "192.0.2.99"),
        ("expiry", "1 year"),
        ("reason", "seed"),
        ("token", &token),
    ]))?;
    // A partial block: `list=blocks` then has restrictions.
    admin.send(&pairs(&[
        ("action", "block"),
        ("user", "192.0.2.98"),
        ("expiry", "1 year"),
        ("partial", "1"),
        ("allowusertalk", "1"),
        ("pagerestrictions", "Mwtyped seed target"),
        ("reason", "seed"),
        ("token", &token),
    ]))?;
    for (title, protections) in [
        ("Mwtyped seed protected title", "create=sysop"),
        // Moves only: the page stays editable by everyone.
        (PAGE, "move=sysop"),
    ] {
        admin.call(&[
            ("action", "protect"),
            ("title", title),
            ("protections", protections),
            ("expiry", "infinite"),
            ("token", &token),
        ])?;
    }
    // A deleted file (`list=filearchive`).
    upload_as(admin, "Mwtyped deleted.png")?;
    admin.send(&pairs(&[
        ("action", "delete"),
        ("title", "File:Mwtyped deleted.png"),
        ("reason", "seed"),
        ("token", &token),
    ]))?;
    second_user(wiki, other)?;
    // The administrator answers the second user's reply: DiscussionTools' comparison of the
    // talk page before and after lists an added comment with its replies.
    append(admin, TALK, "\n::A reply to the reply. ~~~~")?;
    // A group membership that expires (`list=users` group memberships); the recording's
    // `userrights` removes it.
    let token = admin.token("userrights")?;
    admin.call(&[
        ("action", "userrights"),
        ("user", OTHER_USER.0),
        ("add", "interface-admin"),
        ("expiry", "1 year"),
        ("reason", "seed"),
        ("token", &token),
    ])?;
    // Linter keeps the lint errors of the seeded pages in jobs, until they run.
    if wiki.has_extension("Linter") {
        wiki::run_jobs(wiki, "RecordLintJob")?;
    }
    Ok(())
}

/// [`OTHER_USER`] is created and edits the seed page and the main page (contributions,
/// rollback and diffs between two users need them).
fn second_user(wiki: &Wiki, other: &mut Session) -> Result<()> {
    let (user, password) = OTHER_USER;
    let known = other.call(&[("action", "query"), ("list", "users"), ("ususers", user)])?;
    if known.pointer("/query/users/0/missing").is_some() {
        wiki::create_user(wiki, user, password)?;
    }
    other.login(user, password)?;
    edit(other, PAGE, &format!("{PAGE_TEXT}\nA second user's line."))?;
    edit(
        other,
        "Main Page",
        "The main page, edited by a second user.",
    )?;
    edit(other, "Mwtyped rollback target", "The second user's text.")?;
    // A message on the administrator's talk page, which Echo notifies (`edit-user-talk`).
    edit(
        other,
        &format!("User talk:{}", wiki::ADMIN_USER),
        "A message for the administrator. ~~~~",
    )?;
    append(other, TALK, "\n:A reply. ~~~~")?;
    let token = other.token("csrf")?;
    // AbuseFilter's test filter refuses this edit and logs the hit (`list=abuselog`).
    other.send(&pairs(&[
        ("action", "edit"),
        ("title", "Mwtyped seed target"),
        ("appendtext", " mwtyped-forbidden"),
        ("token", &token),
    ]))?;
    Ok(())
}

pub fn pairs(params: &[(&str, &str)]) -> Vec<(String, String)> {
    params
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect()
}

/// Saves `text` as `title` (nothing changes when it is already that).
pub fn edit(session: &mut Session, title: &str, text: &str) -> Result<Value> {
    let token = session.token("csrf")?;
    session
        .call(&[
            ("action", "edit"),
            ("title", title),
            ("text", text),
            ("summary", "seed"),
            ("token", &token),
        ])
        .with_context(|| format!("seeding {title}"))
}

/// Adds `text` at the end of `title` (each call adds it again).
fn append(session: &mut Session, title: &str, text: &str) -> Result<Value> {
    let token = session.token("csrf")?;
    session
        .call(&[
            ("action", "edit"),
            ("title", title),
            ("appendtext", text),
            ("summary", "seed"),
            ("token", &token),
        ])
        .with_context(|| format!("seeding {title}"))
}

/// Makes sure a page the examples name exists (a file is uploaded only for `.png` names: the
/// one seeded image is a PNG).
pub fn ensure_exists(session: &mut Session, title: &str) -> Result<()> {
    let lower = title.to_ascii_lowercase();
    if STAYS_MISSING.contains(&title)
        || lower.starts_with("special:")
        || lower.starts_with("media:")
        || title.contains(['#', '<', '>', '[', ']', '{', '}'])
    {
        return Ok(());
    }
    if lower.starts_with("file:") {
        if lower.ends_with(".png") {
            upload_as(session, &title[5..])?;
        }
        return Ok(());
    }
    let answer = session.call(&[("action", "query"), ("titles", title)])?;
    if answer.pointer("/query/pages/0/missing").is_some() {
        edit(
            session,
            title,
            "A page MediaWiki's examples name. [[Mwtyped seed target]]\n\n[[Category:Mwtyped seed category]]",
        )?;
    }
    Ok(())
}

fn upload(session: &mut Session) -> Result<()> {
    upload_as(session, &FILE[5..])
}

/// The first and last revision ids of `title`.
pub fn revisions(session: &mut Session, title: &str) -> Result<(String, String)> {
    let answer = session.call(&[
        ("action", "query"),
        ("prop", "revisions"),
        ("titles", title),
        ("rvprop", "ids"),
        ("rvlimit", "max"),
        ("rvdir", "newer"),
    ])?;
    let ids: Vec<String> = answer
        .pointer("/query/pages/0/revisions")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|r| r.get("revid").map(Value::to_string))
        .collect();
    match (ids.first(), ids.last()) {
        (Some(first), Some(last)) => Ok((first.clone(), last.clone())),
        _ => anyhow::bail!("no revisions of {title}: {answer}"),
    }
}

pub fn upload_as(session: &mut Session, name: &str) -> Result<()> {
    let answer = session.call(&[
        ("action", "query"),
        ("titles", &format!("File:{name}")),
        ("prop", "imageinfo"),
    ])?;
    if answer.pointer("/query/pages/0/imageinfo").is_some() {
        return Ok(());
    }
    let token = session.token("csrf")?;
    session.upload(name, fixture("seed.png")?, &token)
}

/// An image of `xtask/fixtures/answers/`.
pub fn fixture(name: &str) -> Result<Vec<u8>> {
    let path = files::workspace_root()
        .join("xtask/fixtures/answers")
        .join(name);
    std::fs::read(&path).with_context(|| format!("reading {}", path.display()))
}

pub fn last_revision(session: &mut Session, title: &str) -> Result<String> {
    let answer = session.call(&[("action", "query"), ("prop", "info"), ("titles", title)])?;
    answer
        .pointer("/query/pages/0/lastrevid")
        .map(Value::to_string)
        .with_context(|| format!("no lastrevid for {title}: {answer}"))
}
