//! What only the recording's own wiki gets before its requests are sent, because only its
//! writes need it: a change tag, e-mail addresses, a page and a file to change, identities
//! linked through the test identity provider (`xtask/fixtures/auth/`).

use anyhow::{Context, Result, bail};
use serde_json::Value;

use super::seed::{self, OTHER_USER, PAGE, REVERTED_FILE, TAG};
use super::session::Session;
use crate::wiki::{self, ADMIN_USER, Wiki};

/// The remote identities linked to Admin: `unlinkaccount` takes the first away,
/// `removeauthenticationdata` the second.
pub const LINKED: [&str; 2] = ["mwtyped-remote-one", "mwtyped-remote-two"];

/// The page `changecontentmodel` is recorded on.
const CONTENT_MODEL_PAGE: &str = "Mwtyped content model page";

pub fn prepare(wiki: &Wiki, admin: &mut Session) -> Result<()> {
    seed_tag(admin)?;
    // `emailuser` needs an address on both sides (the wiki confirms none: see settings.rs).
    wiki::set_email(wiki, ADMIN_USER, "admin@example.invalid")?;
    wiki::set_email(wiki, OTHER_USER.0, "example@example.invalid")?;
    seed::edit(
        admin,
        CONTENT_MODEL_PAGE,
        "Wikitext whose model becomes plain text.",
    )?;
    // The new version is an image of its own: a copy of another file would make every
    // recorded upload of that file a duplicate.
    seed::upload_as(admin, REVERTED_FILE)?;
    let token = admin.token("csrf")?;
    admin.upload(REVERTED_FILE, seed::fixture("revision.png")?, &token)?;
    block_autopromotion(wiki)?;
    for remote in LINKED {
        link_identity(admin, remote).with_context(|| format!("linking {remote}"))?;
    }
    Ok(())
}

/// The second user adds what the test wiki's autopromote filter watches for, which blocks
/// the user's autopromotion (undone by `abusefilterunblockautopromote`).
fn block_autopromotion(wiki: &Wiki) -> Result<()> {
    if !wiki.has_extension("AbuseFilter") {
        return Ok(());
    }
    let mut other = Session::new(&wiki.api_url())?;
    let (user, password) = OTHER_USER;
    other.login(user, password)?;
    // Refused (`abusefilter-disallowed`): the filter's hit is what counts.
    let token = other.token("csrf")?;
    other.send(&seed::pairs(&[
        ("action", "edit"),
        ("title", "Mwtyped autopromote target"),
        ("text", "Text with mwtyped-no-autopromote."),
        ("token", &token),
    ]))?;
    Ok(())
}

/// A change tag, applied to the seed page's last revision and to the log entry of its own
/// creation (`list=logevents` tags). Only the recording's own wiki gets one: a tag is a value
/// of every `tags` parameter, so on a test wiki it would make the wiki's paraminfo differ
/// from the committed capture.
fn seed_tag(admin: &mut Session) -> Result<()> {
    let token = admin.token("csrf")?;
    let created = admin.call(&[
        ("action", "managetags"),
        ("operation", "create"),
        ("tag", TAG),
        ("reason", "seed"),
        ("token", &token),
    ])?;
    let logid = created
        .pointer("/managetags/logid")
        .map(Value::to_string)
        .with_context(|| format!("no logid in {created}"))?;
    let revid = seed::last_revision(admin, PAGE)?;
    tag_with_retries(admin, &[("revid", &revid), ("add", TAG), ("token", &token)])?;
    tag_with_retries(admin, &[("logid", &logid), ("add", TAG), ("token", &token)])
}

/// Sends `action=tag` with `params` until a server worker knows the tag.
fn tag_with_retries(admin: &mut Session, params: &[(&str, &str)]) -> Result<()> {
    let mut request = vec![("action", "tag")];
    request.extend_from_slice(params);
    // The wiki's server workers each cache the list of defined tags for a moment: one that
    // has not seen the creation yet refuses the tag (`badtags`). Asked again, another agrees.
    let mut tries = 0;
    loop {
        let tagged = admin.call(&request);
        match tagged {
            Err(e) if tries < 20 && e.to_string().contains("badtags") => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(250));
            }
            other => return other.map(|_| ()),
        }
    }
}

/// Links `remote` to the session's user as a person would: `linkaccount` answers REDIRECT to
/// the identity provider's page, whose redirect back carries `state` and `code`, which
/// `linkcontinue` sends.
fn link_identity(session: &mut Session, remote: &str) -> Result<()> {
    let token = session.token("csrf")?;
    let started = session.call(&[
        ("action", "linkaccount"),
        ("testidpuser", remote),
        ("linkreturnurl", "http://127.0.0.1/mwtyped-auth-return"),
        ("linktoken", &token),
    ])?;
    let target = started
        .pointer("/linkaccount/redirecttarget")
        .and_then(Value::as_str)
        .with_context(|| format!("no redirect target in {started}"))?;
    let (state, code) = follow_provider(target)?;
    let done = session.call(&[
        ("action", "linkaccount"),
        ("linkcontinue", "1"),
        ("state", &state),
        ("code", &code),
        ("linktoken", &token),
    ])?;
    match done.pointer("/linkaccount/status").and_then(Value::as_str) {
        Some("PASS") => Ok(()),
        _ => bail!("linkaccount answered {}", done["linkaccount"]),
    }
}

/// The `state` and `code` of the provider page's redirect back (not followed: the return
/// address is nowhere).
fn follow_provider(target: &str) -> Result<(String, String)> {
    let http = reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let answer = http.get(target).send()?;
    let location = answer
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|l| l.to_str().ok())
        .with_context(|| format!("no redirect from the provider ({})", answer.status()))?;
    let url = reqwest::Url::parse(location)?;
    let param = |name: &str| {
        url.query_pairs()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.into_owned())
            .with_context(|| format!("no {name} in the provider's redirect"))
    };
    Ok((param("state")?, param("code")?))
}
