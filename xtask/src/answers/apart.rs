//! Exchanges recorded apart from the plan (`plan.rs`): those a form cannot send (a file, an
//! XML import, a JSON body), and those that need another user or a wiki configured otherwise
//! (temporary accounts, the big wikis' policies, a blocked user).

use anyhow::Result;
use mwtyped_spec::{Exchange, Spec};
use serde_json::Value;

use super::seed::{OTHER_USER, PAGE, fixture, pairs};
use super::session::Session;
use crate::wiki::{self, ExtensionSet, MwVersion, Wiki, WikiSpec};

/// Uploads recorded as exchanges of `upload` (a file cannot go through the plain form): the
/// seed image again under a new name (refused with a duplicate warning, then accepted when
/// warnings are ignored), and an image of its own (accepted without a warning).
pub fn uploads(session: &mut Session) -> Result<Vec<Exchange>> {
    let (seed, other) = (fixture("seed.png")?, fixture("other.png")?);
    let mut exchanges = vec![];
    for (label, name, bytes, ignore) in [
        ("seeded duplicate", "Mwtyped upload.png", &seed, false),
        (
            "seeded ignoring warnings",
            "Mwtyped upload 2.png",
            &seed,
            true,
        ),
        ("seeded new file", "Mwtyped upload 3.png", &other, false),
        // Refused with warnings (an existing name, a duplicate): `result: Warning`.
        (
            "seeded over an existing file",
            "Mwtyped upload 3.png",
            &seed,
            false,
        ),
    ] {
        let token = session.token("csrf")?;
        let options: &[(&str, &str)] = if ignore {
            &[("ignorewarnings", "1")]
        } else {
            &[]
        };
        let answer = session.upload_answer(name, bytes.clone(), &token, options)?;
        let mut request = vec![
            ("action", "upload"),
            ("filename", name),
            ("file", "(a PNG of xtask/fixtures/answers/)"),
        ];
        if ignore {
            request.push(("ignorewarnings", "1"));
        }
        request.push(("token", "***"));
        exchanges.push(Exchange {
            label: label.into(),
            request: request
                .into_iter()
                .map(|(n, v)| (n.to_owned(), v.to_owned()))
                .collect(),
            answer,
        });
    }
    Ok(exchanges)
}

/// An import recorded as an exchange of `import` (the XML goes up as a file): the seed page
/// as `Special:Export` gives it, under a root page of its own (in the User namespace, which
/// has subpages).
pub fn imports(session: &mut Session) -> Result<Vec<Exchange>> {
    let xml = session.send(&pairs(&[
        ("action", "query"),
        ("titles", PAGE),
        ("export", "1"),
        ("exportnowrap", "1"),
    ]))?;
    let Value::String(xml) = xml else {
        anyhow::bail!("the export of {PAGE} is not XML: {xml}");
    };
    let token = session.token("csrf")?;
    let params = [
        ("action", "import"),
        ("interwikiprefix", "mwtyped"),
        ("rootpage", "User:Mwtyped imported"),
        ("summary", "recorded"),
        ("token", token.as_str()),
    ];
    let answer = session.send_file(&params, ("xml", "export.xml", xml.into_bytes()))?;
    let mut request = pairs(&params[..4]);
    request.push(("xml".into(), format!("(the XML export of {PAGE})")));
    request.push(("token".into(), "***".into()));
    Ok(vec![Exchange {
        label: "seeded XML upload".into(),
        request,
        answer,
    }])
}

/// A report of a Content Security Policy violation, as a browser posts it to
/// `action=cspreport`: JSON as the body, not a form.
pub fn csp_reports(session: &mut Session) -> Result<Vec<Exchange>> {
    let params = [("action", "cspreport"), ("reportonly", "1")];
    let report = serde_json::json!({"csp-report": {
        "document-uri": "http://127.0.0.1/index.php",
        "blocked-uri": "https://example.invalid/script.js",
        "violated-directive": "script-src",
        "effective-directive": "script-src",
        "original-policy": "script-src 'self'",
    }});
    let report = report.to_string();
    let answer = session.send_body(&params, "application/csp-report", report.clone())?;
    let mut request = pairs(&params);
    request.push(("(body)".into(), report));
    Ok(vec![Exchange {
        label: "seeded report".into(),
        request,
        answer,
    }])
}

/// `acquiretempusername`, sent logged out to a wiki of its own with temporary accounts on
/// (see [`wiki::TEMP_ACCOUNTS`]); nothing where the release has no such module.
pub fn temp_user_names(version: MwVersion, spec: &Spec) -> Result<Vec<Exchange>> {
    const MODULE: &str = "acquiretempusername";
    if spec.module(MODULE).is_none() {
        return Ok(vec![]);
    }
    let params = pairs(&[("action", MODULE)]);
    let answer = on_configured_wiki(version, ExtensionSet::None, wiki::TEMP_ACCOUNTS, |wiki| {
        Session::new(&wiki.api_url()).and_then(|mut s| s.send(&params))
    })?;
    Ok(vec![Exchange {
        label: "logged out, temporary accounts on".into(),
        request: params,
        answer,
    }])
}

/// What `ask` makes of a fresh wiki of its own under `configuration`
/// (`answers-1.43-policies`), stopped after.
fn on_configured_wiki<T>(
    version: MwVersion,
    extensions: ExtensionSet,
    configuration: &str,
    ask: impl FnOnce(&Wiki) -> Result<T>,
) -> Result<T> {
    let wiki = wiki::reset(&WikiSpec {
        version,
        extensions,
        name: Some(format!("answers-{version}-{configuration}")),
        port: None,
    })?;
    let answers = ask(&wiki);
    wiki::stop(&wiki.name)?;
    answers
}

/// What a wiki configured as the big wikis are answers (see [`wiki::POLICIES`]), as
/// `(module, exchange)`: its language fallback, a promotion on edit, rate limits and a group
/// users add themselves to (asked by [`OTHER_USER`]: an administrator has no limits and may
/// add any group), and watches that expire (an edit, a watch, a page's watch, a VisualEditor
/// save).
pub fn policy_answers(version: MwVersion, spec: &Spec) -> Result<Vec<(String, Exchange)>> {
    on_configured_wiki(version, ExtensionSet::All, wiki::POLICIES, |wiki| {
        ask_policies(wiki, spec)
    })
}

fn ask_policies(wiki: &Wiki, spec: &Spec) -> Result<Vec<(String, Exchange)>> {
    let (user, password) = OTHER_USER;
    wiki::create_user(wiki, user, password)?;
    let mut admin = Session::new(&wiki.api_url())?;
    admin.login(wiki::ADMIN_USER, wiki::ADMIN_PASSWORD)?;
    let as_admin: [Asked; 5] = [
        (
            "query",
            &[
                ("action", "query"),
                ("meta", "siteinfo|userinfo"),
                ("siprop", "general|usergroups|autopromote|autopromoteonce"),
                ("uiprop", "groups|changeablegroups|ratelimits"),
            ],
            None,
        ),
        // Watches that expire.
        (
            "edit",
            &[
                ("action", "edit"),
                ("title", PAGE),
                ("text", "Watched for a week."),
                ("watchlist", "watch"),
                ("watchlistexpiry", "1 week"),
            ],
            Some("csrf"),
        ),
        (
            "watch",
            &[
                ("action", "watch"),
                ("titles", "Main Page"),
                ("expiry", "1 week"),
            ],
            Some("watch"),
        ),
        (
            "query+info",
            &[
                ("action", "query"),
                ("prop", "info"),
                ("inprop", "watched"),
                ("titles", PAGE),
            ],
            None,
        ),
        (
            "visualeditoredit",
            &[
                ("action", "visualeditoredit"),
                ("paction", "save"),
                ("page", "Mwtyped visual edit"),
                ("wikitext", "Saved and watched for a week."),
                ("watchlist", "watch"),
                ("watchlistexpiry", "1 week"),
            ],
            Some("csrf"),
        ),
    ];
    let mut exchanges = ask_each(&mut admin, spec, "big-wiki policies", &as_admin)?;
    let mut other = Session::new(&wiki.api_url())?;
    other.login(user, password)?;
    let as_user: [Asked; 1] = [(
        "query",
        &[
            ("action", "query"),
            ("meta", "userinfo"),
            ("uiprop", "groups|changeablegroups|ratelimits"),
        ],
        None,
    )];
    let label = "big-wiki policies, as a user";
    exchanges.extend(ask_each(&mut other, spec, label, &as_user)?);
    Ok(exchanges)
}

/// A request of a module: its parameters, and the kind of token it needs.
type Asked<'a> = (&'a str, &'a [(&'a str, &'a str)], Option<&'a str>);

/// Sends each request whose module the release has (with a fresh token of its kind, if it
/// needs one) and keeps the exchanges under `label`, as `(module, exchange)`, tokens masked.
fn ask_each(
    session: &mut Session,
    spec: &Spec,
    label: &str,
    asked: &[Asked],
) -> Result<Vec<(String, Exchange)>> {
    let mut exchanges = vec![];
    for &(module, params, token) in asked {
        if spec.module(module).is_none() {
            continue;
        }
        let mut request = pairs(params);
        if let Some(kind) = token {
            request.push(("token".into(), session.token(kind)?));
        }
        let answer = session.send(&request)?;
        if let Some(token) = request.iter_mut().find(|(n, _)| n == "token") {
            token.1 = "***".into();
        }
        let exchange = Exchange {
            label: label.into(),
            request,
            answer,
        };
        exchanges.push((module.into(), exchange));
    }
    Ok(exchanges)
}

/// A user the administrator blocks from one page, as MediaWiki's examples name a blocked one.
const BLOCKED_USER: (&str, &str) = ("Mwtyped blocked", "mwtyped-blocked-password");
/// The page [`BLOCKED_USER`] may not edit.
const BLOCKED_FROM: &str = "Mwtyped seed target";

/// What a blocked user is answered, as `(module, exchange)`: its block (`meta=userinfo`), and
/// VisualEditor's notices and block details for the page it may not edit.
pub fn blocked_user(
    wiki: &Wiki,
    admin: &mut Session,
    spec: &Spec,
) -> Result<Vec<(String, Exchange)>> {
    let (user, password) = BLOCKED_USER;
    wiki::create_user(wiki, user, password)?;
    let token = admin.token("csrf")?;
    admin.call(&[
        ("action", "block"),
        ("user", user),
        ("expiry", "1 year"),
        ("partial", "1"),
        ("allowusertalk", "1"),
        ("pagerestrictions", BLOCKED_FROM),
        ("reason", "seed"),
        ("token", &token),
    ])?;
    let mut blocked = Session::new(&wiki.api_url())?;
    blocked.login(user, password)?;
    let asked: [Asked; 2] = [
        (
            "query+userinfo",
            &[
                ("action", "query"),
                ("meta", "userinfo"),
                ("uiprop", "blockinfo"),
            ],
            None,
        ),
        (
            "visualeditor",
            &[
                ("action", "visualeditor"),
                ("paction", "metadata"),
                ("page", BLOCKED_FROM),
            ],
            None,
        ),
    ];
    ask_each(
        &mut blocked,
        spec,
        "as a user blocked from one page",
        &asked,
    )
}

/// What a visitor who is not logged in is answered, as `(module, exchange)`: the forms of
/// account creation with ConfirmEdit's captcha (the recording's administrator skips it), and
/// an IP's edit, after which the page's contributors count it among the anonymous ones.
pub fn logged_out(wiki: &Wiki, spec: &Spec) -> Result<Vec<(String, Exchange)>> {
    let mut visitor = Session::new(&wiki.api_url())?;
    let edited = "Category:Mwtyped seed category";
    let asked: [Asked; 4] = [
        (
            "query+authmanagerinfo",
            &[
                ("action", "query"),
                ("meta", "authmanagerinfo"),
                ("amirequestsfor", "create"),
            ],
            None,
        ),
        (
            "edit",
            &[
                ("action", "edit"),
                ("title", edited),
                ("appendtext", "\n\nAn IP's edit."),
                ("summary", "recorded"),
            ],
            Some("csrf"),
        ),
        (
            "query+contributors",
            &[
                ("action", "query"),
                ("prop", "contributors"),
                ("titles", edited),
            ],
            None,
        ),
        // A link out asks a visitor for a captcha: DiscussionTools answers the edit's refusal.
        (
            "discussiontoolsedit",
            &[
                ("action", "discussiontoolsedit"),
                ("paction", "addtopic"),
                ("page", "Talk:Mwtyped seed"),
                ("sectiontitle", "A visitor's topic"),
                ("wikitext", "A link out: https://www.example.org/"),
                ("summary", "recorded"),
            ],
            Some("csrf"),
        ),
    ];
    ask_each(&mut visitor, spec, "logged out", &asked)
}

/// A notification of the administrator's read (the first of the seeded ones), and what Echo
/// answers of read notifications, as `(module, exchange)`.
pub fn read_notification(admin: &mut Session, spec: &Spec) -> Result<Vec<(String, Exchange)>> {
    if spec.module("query+notifications").is_none() {
        return Ok(vec![]);
    }
    let listed = admin.call(&[
        ("action", "query"),
        ("meta", "notifications"),
        ("notlimit", "1"),
    ])?;
    let Some(id) = listed
        .pointer("/query/notifications/list/0/id")
        .map(|id| id.to_string().trim_matches('"').to_owned())
    else {
        return Ok(vec![]);
    };
    let token = admin.token("csrf")?;
    admin.call(&[("action", "echomarkread"), ("list", &id), ("token", &token)])?;
    let asked: [Asked; 1] = [(
        "query+notifications",
        &[
            ("action", "query"),
            ("meta", "notifications"),
            ("notfilter", "read"),
        ],
        None,
    )];
    ask_each(admin, spec, "one notification read", &asked)
}
