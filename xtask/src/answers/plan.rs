//! What is sent to each module: its own examples (from paraminfo), and for a query submodule
//! one request per value of each prop-like parameter and one with all of them, so the model
//! learns which field each value adds.

use mwtyped_spec::{Module, ParamType, Spec, exercised, prop_like};

use super::seed;

/// One request to send.
pub struct Planned {
    pub module: String,
    pub label: String,
    pub params: Vec<(String, String)>,
    /// The parameters taking a token, with the token's kind: filled in when sent.
    pub tokens: Vec<(String, String)>,
    /// The parameters holding titles that must exist when it is sent.
    pub titles: Vec<String>,
    /// Wire names whose values are secrets: recorded as `***`.
    pub secrets: Vec<String>,
}

/// In the order they run: what reads, then what writes, then what ends or changes the
/// session (logins, logouts, a change of the password).
pub fn plan(spec: &Spec) -> Vec<Planned> {
    let mut planned: Vec<Planned> = spec
        .modules
        .iter()
        .filter(|m| exercised(m).is_ok())
        .flat_map(|m| module_plan(spec, m))
        .collect();
    planned.sort_by_key(|p| stage(spec, &p.module));
    planned
}

/// Requests on the seeded content for modules whose examples name what no wiki has
/// (`rcid=230672766`). Names in braces (`{lastrevid}`) are looked up when sent
/// (`placeholders.rs`).
const EXTRA: &[(&str, &str)] = &[
    (
        "move",
        "action=move&from=User:Mwtyped move source&to=User:Mwtyped moved source&reason=seed&movetalk=1&movesubpages=1&noredirect=1",
    ),
    // The last 50 changes, not 10: each `rcprop` variant (built on the first seeded request)
    // then sees edits with tags and log entries, whatever the order of the seed's last
    // seconds.
    (
        "query+recentchanges",
        "action=query&list=recentchanges&rclimit=50",
    ),
    // The last 50, not 10: the seeded watched page's tagged edit and the tagged log entry
    // (`tags` with items) are among them, whatever the order of the seed's last seconds.
    ("query+watchlist", "action=query&list=watchlist&wllimit=50"),
    ("query+logevents", "action=query&list=logevents&lelimit=50"),
    // A module with templated parameters (`fromtext-{slot}`).
    ("paraminfo", "action=paraminfo&modules=compare"),
    // Links to another wiki and to another language's wiki, from the seeded page.
    (
        "query+iwbacklinks",
        "action=query&list=iwbacklinks&iwblprefix=mw",
    ),
    (
        "query+langbacklinks",
        "action=query&list=langbacklinks&lbllang=de",
    ),
    // The seeded page's external link is https (1.39 looks for http unless told).
    (
        "query+exturlusage",
        "action=query&list=exturlusage&euquery=www.mediawiki.org&euprotocol=https",
    ),
    // Titles found (the example's `Te` finds none on the seeded wiki).
    (
        "opensearch",
        "action=opensearch&search=Mwtyped seed&limit=5",
    ),
    // A redirect resolved: `query.redirects`.
    (
        "query",
        "action=query&titles=Mwtyped seed redirect|Mwtyped seed&redirects=1",
    ),
    // An account made (the example's name is taken): `PASS` with its name. The recording's
    // administrator skips the captcha.
    (
        "createaccount",
        "action=createaccount&username=Mwtyped recorded account&password=mwtyped-recorded-password-0123&retype=mwtyped-recorded-password-0123&createreturnurl=http://127.0.0.1/",
    ),
    // Run last but one (see `LAST`): no login follows it.
    (
        "changeauthenticationdata",
        "action=changeauthenticationdata&changeauthrequest=MediaWiki%5CAuth%5CPasswordAuthenticationRequest&password=mwtyped-changed-password-0123&retype=mwtyped-changed-password-0123",
    ),
    (
        "discussiontoolscompare",
        "action=discussiontoolscompare&fromtitle=Talk:Mwtyped seed&totitle=Talk:Mwtyped seed",
    ),
    // The talk page before and after the second user's reply: a comment added, and removed.
    (
        "discussiontoolscompare",
        "action=discussiontoolscompare&fromrev={talkfirstrevid}&torev={talklastrevid}",
    ),
    (
        "discussiontoolscompare",
        "action=discussiontoolscompare&fromrev={talklastrevid}&torev={talkfirstrevid}",
    ),
    (
        "discussiontoolsfindcomment",
        "action=discussiontoolsfindcomment&idorname={othercommentid}",
    ),
    (
        "discussiontoolsfindcomment",
        "action=discussiontoolsfindcomment&heading=A seeded topic&page=Talk:Mwtyped seed",
    ),
    (
        "discussiontoolsgetsubscriptions",
        "action=discussiontoolsgetsubscriptions&commentname=h-Mwtyped-seed",
    ),
    (
        "discussiontoolspreview",
        "action=discussiontoolspreview&type=reply&page=Talk:Mwtyped seed&wikitext=A reply.",
    ),
    // A new topic with a reference: the preview names the modules it needs.
    (
        "discussiontoolspreview",
        "action=discussiontoolspreview&type=topic&page=Talk:Mwtyped seed&sectiontitle=A previewed topic&wikitext=A previewed topic with a note.<ref>A note.</ref>",
    ),
    // One notification of several: the answer says where to continue.
    (
        "query+notifications",
        "action=query&meta=notifications&notlimit=1",
    ),
    (
        "echomute",
        "action=echomute&type=page-linked-title&mute=Mwtyped seed",
    ),
    ("echomute", "action=echomute&type=user&mute=Example"),
    (
        "scribunto-console",
        "action=scribunto-console&title=Module:Mwtyped console&content=return {}&question==1%2B1&clear=1",
    ),
    (
        "block",
        "action=block&user=192.0.2.100&expiry=1 day&reason=recorded&nocreate=1",
    ),
    // A partial block: the answer names its restrictions.
    (
        "block",
        "action=block&user=192.0.2.101&expiry=1 day&reason=recorded&partial=1&allowusertalk=1&pagerestrictions=Mwtyped seed target&namespacerestrictions=10",
    ),
    // The seeded page parsed: its categories, links out, images, sections and language link.
    ("parse", "action=parse&page=Mwtyped seed"),
    // A template given one argument twice: the parse has a warning.
    (
        "parse",
        "action=parse&title=Mwtyped seed&contentmodel=wikitext&text={{Mwtyped seed template|1%3Da|1%3Db}}",
    ),
    (
        "categorytree",
        "action=categorytree&category=Mwtyped seed category",
    ),
    (
        "delete",
        "action=delete&title=Mwtyped recorded deletion&reason=recorded",
    ),
    (
        "discussiontoolspageinfo",
        "action=discussiontoolspageinfo&page=Talk:Mwtyped seed",
    ),
    (
        "edit",
        "action=edit&title=Mwtyped seed target&text=The target of the seed's links.&summary=unchanged",
    ),
    (
        "edit",
        "action=edit&title=Mwtyped recorded new page&text=A new page.&createonly=1&summary=new",
    ),
    (
        "edit",
        "action=edit&title=Mwtyped seed target&appendtext=%0A%0AAppended.&summary=appended",
    ),
    (
        "editcheckreferenceurl",
        "action=editcheckreferenceurl&url=https://www.mediawiki.org/",
    ),
    (
        "mergehistory",
        "action=mergehistory&from=Mwtyped merge source&to=Mwtyped merge target&reason=seed",
    ),
    (
        "move",
        "action=move&from=Mwtyped seed target&to=Mwtyped moved target&reason=seed&movetalk=1",
    ),
    (
        "options",
        "action=options&optionname=gender&optionvalue=female",
    ),
    ("patrol", "action=patrol&revid={lastrevid}"),
    (
        "protect",
        "action=protect&title=Mwtyped seed&protections=edit=sysop|move=sysop&expiry=1 week|infinite&reason=recorded",
    ),
    // A text whose expansion adds a category (through the template), sets a page property
    // and limits how long it may be cached: the base of the `prop` variants.
    (
        "expandtemplates",
        "action=expandtemplates&title=Mwtyped seed&text={{DISPLAYTITLE:Mwtyped seed}}{{CURRENTTIME}}{{Mwtyped seed template|x}}",
    ),
    // A title that does not exist, protected from creation: the answer says `create`.
    (
        "protect",
        "action=protect&title=Mwtyped protected title&protections=create=sysop&expiry=infinite&reason=recorded",
    ),
    // A thumbnail's URL and size (`iiurlwidth`).
    (
        "query+imageinfo",
        "action=query&prop=imageinfo&titles=File:Mwtyped seed.png&iiprop=url|size&iiurlwidth=50",
    ),
    // Which pages are redirects to the seeded page.
    (
        "query+backlinks",
        "action=query&list=backlinks&bltitle=Mwtyped seed&blfilterredir=redirects",
    ),
    // Every kind of token: `createaccounttoken` among them.
    (
        "query+tokens",
        "action=query&meta=tokens&type=createaccount|csrf|login|patrol|rollback|userrights|watch",
    ),
    // The old format of a revision's content (no `rvslots`): the content model on the
    // revision. Sent as `query`'s: the first request of `query+revisions` is the base of its
    // `rvprop` variants, which ask for slots.
    (
        "query",
        "action=query&prop=revisions&titles=Mwtyped seed&rvprop=content|contentmodel|ids",
    ),
    // A redirect followed before parsing: `redirects`.
    (
        "parse",
        "action=parse&page=Mwtyped seed redirect&redirects=1&prop=text",
    ),
    (
        "query+categorymembers",
        "action=query&list=categorymembers&cmtitle=Category:Mwtyped seed category",
    ),
    (
        "query+embeddedin",
        "action=query&list=embeddedin&eititle=Template:Mwtyped seed template",
    ),
    (
        "query+imageusage",
        "action=query&list=imageusage&iutitle=File:Mwtyped seed.png",
    ),
    ("query+allusers", "action=query&list=allusers"),
    // The seeded deleted page's revisions (the examples name a user and pages with none).
    (
        "query+alldeletedrevisions",
        "action=query&list=alldeletedrevisions&adrnamespace=0",
    ),
    (
        "query+deletedrevs",
        "action=query&list=deletedrevs&titles=Mwtyped seed deleted",
    ),
    // A page id that does not exist: answered with `pageid` and `missing` only.
    ("query+info", "action=query&prop=info&pageids=99999999"),
    (
        "query+oath",
        "action=query&meta=oath&oathuser=Example&oathreason=recording",
    ),
    (
        "query+prefixsearch",
        "action=query&list=prefixsearch&pssearch=Mwtyped",
    ),
    ("query+search", "action=query&list=search&srsearch=seed"),
    // The pages a search found, in its order (`index`); after the list's own request,
    // the base of its `srprop` variants.
    (
        "query+search",
        "action=query&generator=search&gsrsearch=seed&prop=info",
    ),
    // A generator's redirects resolved carry the order too.
    (
        "query+prefixsearch",
        "action=query&generator=prefixsearch&gpssearch=Mwtyped seed&redirects=1&prop=info",
    ),
    ("query+abuselog", "action=query&list=abuselog"),
    ("query+filearchive", "action=query&list=filearchive"),
    (
        "revisiondelete",
        "action=revisiondelete&type=revision&target=Mwtyped seed&ids={firstrevid}&hide=comment&reason=seed",
    ),
    (
        "rollback",
        "action=rollback&title=Mwtyped rollback target&user=Example&summary=seed",
    ),
    (
        "stashedit",
        "action=stashedit&title=Mwtyped seed&text=Stashed text&contentmodel=wikitext&contentformat=text/x-wiki&baserevid={lastrevid}&summary=seed",
    ),
    (
        "tag",
        "action=tag&revid={lastrevid}&remove=mwtyped-seed-tag&reason=recorded",
    ),
    ("thank", "action=thank&rev={otherrevid}&source=diff"),
    // With a summary: 1.39 fails on a content model change without one (a TypeError).
    (
        "changecontentmodel",
        "action=changecontentmodel&title=Mwtyped content model page&model=text&summary=recorded",
    ),
    (
        "filerevert",
        "action=filerevert&filename=Mwtyped reverted.png&archivename={archivename}&comment=recorded",
    ),
    (
        "setpagelanguage",
        "action=setpagelanguage&title=Mwtyped seed target&lang=de&reason=recorded",
    ),
    (
        "query+stashimageinfo",
        "action=query&prop=stashimageinfo&siifilekey={filekey}",
    ),
    (
        "abuselogprivatedetails",
        "action=abuselogprivatedetails&logid={abuselogid}&reason=recorded",
    ),
    (
        "abusefilterunblockautopromote",
        "action=abusefilterunblockautopromote&user=Example",
    ),
    (
        "abusefiltercheckmatch",
        "action=abusefiltercheckmatch&filter=user_name %3D%3D %22Example%22&logid={abuselogid}",
    ),
    (
        "emailuser",
        "action=emailuser&target=Example&subject=Recorded&text=A recorded mail.",
    ),
    (
        "discussiontoolsedit",
        "action=discussiontoolsedit&paction=addtopic&page=Talk:Mwtyped seed&sectiontitle=A recorded topic&wikitext=A recorded topic. ~~~~&summary=recorded",
    ),
    (
        "discussiontoolsedit",
        "action=discussiontoolsedit&paction=addcomment&page=Talk:Mwtyped seed&commentid={othercommentid}&wikitext=A recorded reply. ~~~~",
    ),
    // A new topic on a page that shows its contents: the answer lists the page's sections.
    (
        "discussiontoolsedit",
        "action=discussiontoolsedit&paction=addtopic&page=Talk:Mwtyped contents&sectiontitle=A topic with contents&wikitext=__FORCETOC__ A topic on a page that shows its contents. ~~~~&summary=recorded",
    ),
    (
        "discussiontoolssubscribe",
        "action=discussiontoolssubscribe&page=Talk:Mwtyped seed&commentname={headingname}&subscribe=1",
    ),
    (
        "discussiontoolsthank",
        "action=discussiontoolsthank&page=Talk:Mwtyped seed&commentid={othercommentid}",
    ),
    (
        "visualeditoredit",
        "action=visualeditoredit&paction=save&page=Mwtyped visual edit&wikitext=Saved through VisualEditor.&summary=recorded",
    ),
    // A page with a table of contents and a reference: the answer lists its sections and
    // the modules (Cite's) the page needs.
    (
        "visualeditoredit",
        "action=visualeditoredit&paction=save&page=Mwtyped visual edit sections&wikitext=A note.<ref>A reference.</ref>%0A__TOC__%0A== One ==%0AText.%0A== Two ==%0AText.%0A<references />&summary=recorded",
    ),
    (
        "unlinkaccount",
        "action=unlinkaccount&request=MwtypedTestIdpLinkAuthenticationRequest:mwtyped-remote-one",
    ),
    (
        "removeauthenticationdata",
        "action=removeauthenticationdata&request=MwtypedTestIdpLinkAuthenticationRequest:mwtyped-remote-two",
    ),
    (
        "undelete",
        "action=undelete&title=Mwtyped seed deleted&reason=recorded",
    ),
    ("unblock", "action=unblock&user=192.0.2.99&reason=seed"),
    (
        "userrights",
        "action=userrights&user=Example&add=bot&remove=interface-admin&reason=seed",
    ),
    (
        "visualeditor",
        "action=visualeditor&page=Mwtyped seed&paction=parse",
    ),
    // A user page of nobody, never saved: VisualEditor's notices say both.
    (
        "visualeditor",
        "action=visualeditor&page=User:Mwtyped nobody&paction=metadata",
    ),
    ("watch", "action=watch&titles=Mwtyped seed|Main Page"),
    ("watch", "action=watch&titles=Mwtyped seed&unwatch=1"),
];

/// Modules that change the session run last, in this order.
const LAST: &[&str] = &[
    "login",
    "clientlogin",
    "createaccount",
    "linkaccount",
    "unlinkaccount",
    "removeauthenticationdata",
    "changeauthenticationdata",
    "logout",
];

fn stage(spec: &Spec, path: &str) -> usize {
    if let Some(i) = LAST.iter().position(|m| *m == path) {
        return 2 + i;
    }
    let writes = spec
        .module(path)
        .is_some_and(|m| m.writerights || m.mustbeposted);
    usize::from(writes)
}

fn module_plan(spec: &Spec, module: &Module) -> Vec<Planned> {
    let examples: Vec<Vec<(String, String)>> = module
        .examples
        .iter()
        .flatten()
        .map(|e| parse_query(&e.query))
        .collect();
    let seeded: Vec<Vec<(String, String)>> = EXTRA
        .iter()
        .filter(|(path, _)| *path == module.path)
        .map(|(_, query)| parse_query(query))
        .collect();
    let mut planned: Vec<Planned> = examples
        .iter()
        .enumerate()
        .map(|(i, params)| request(spec, module, format!("example {}", i + 1), params.clone()))
        .collect();
    for (i, params) in seeded.iter().enumerate() {
        planned.push(request(
            spec,
            module,
            format!("seeded {}", i + 1),
            params.clone(),
        ));
    }
    if planned.is_empty() {
        planned.push(request(spec, module, "bare".into(), bare(module)));
    }
    // A prop module is asked about the seeded titles too, which have what the examples'
    // `Main Page` lacks (links, templates, images, links out, page props, transclusions,
    // deleted revisions): every data place recorded with data.
    if module.group.as_deref() == Some("prop") {
        let base = variant_base(module, examples.first());
        planned.push(request(spec, module, "seeded titles".into(), base));
    }
    if varies_by_prop(spec, module) {
        // A request on the seeded content shows more than an example naming what is not there.
        let base = variant_base(module, seeded.first().or(examples.first()));
        for param in prop_like(module) {
            let wire = format!("{}{}", module.prefix, param.name);
            let ParamType::Enum(values) = &param.ty else {
                continue;
            };
            for value in values {
                let mut params = base.clone();
                set(&mut params, &wire, value);
                planned.push(request(spec, module, format!("{wire}={value}"), params));
            }
            // Every current value: a deprecated one may not mix with the others
            // (`rvprop=parsetree` with `rvslots`).
            let deprecated = param.deprecatedvalues.as_deref().unwrap_or_default();
            let current: Vec<&str> = values
                .iter()
                .filter(|v| !deprecated.contains(v))
                .map(String::as_str)
                .collect();
            let mut params = base.clone();
            set(&mut params, &wire, &current.join("|"));
            planned.push(request(spec, module, format!("{wire}=*"), params));
        }
    }
    planned
}

/// Whether one request per value of each prop-like parameter is sent: a query submodule,
/// and an action that only reads (`parse`'s `prop`, `compare`'s `prop`).
fn varies_by_prop(spec: &Spec, module: &Module) -> bool {
    match module.group.as_deref() {
        Some("prop" | "list" | "meta") => true,
        Some("action") => stage(spec, &module.path) == 0 && prop_like(module).next().is_some(),
        _ => false,
    }
}

/// A query submodule's request before a prop value is set: a prop module is asked about the
/// seeded titles, with its own parameters from its first example; a list or meta module is
/// sent its first example.
fn variant_base(module: &Module, example: Option<&Vec<(String, String)>>) -> Vec<(String, String)> {
    let mut params = bare(module);
    // One of the module's own parameters (`titles` starts with `transcludedin`'s prefix
    // `ti`, but is `query`'s).
    let own = |name: &str| {
        module
            .all_parameters()
            .any(|p| format!("{}{}", module.prefix, p.name) == name)
    };
    for (name, value) in example.into_iter().flatten() {
        let keep = match module.group.as_deref() {
            Some("prop") => own(name),
            Some("action") => true,
            _ => !matches!(name.as_str(), "action" | "prop" | "list" | "meta"),
        };
        if keep {
            set(&mut params, name, value);
        }
    }
    params
}

/// The least request naming the module.
fn bare(module: &Module) -> Vec<(String, String)> {
    let pair = |n: &str, v: &str| (n.to_owned(), v.to_owned());
    match module.group.as_deref() {
        Some(group @ ("list" | "meta")) => vec![pair("action", "query"), pair(group, &module.name)],
        Some("prop") => vec![
            pair("action", "query"),
            pair("prop", &module.name),
            pair("titles", seed::PROP_TITLES),
        ],
        _ => vec![pair("action", &module.name)],
    }
}

fn request(spec: &Spec, module: &Module, label: String, params: Vec<(String, String)>) -> Planned {
    let mut tokens = vec![];
    let mut titles = vec![];
    let mut secrets = vec![];
    for p in module.all_parameters() {
        let wire = format!("{}{}", module.prefix, p.name);
        if let Some(kind) = &p.tokentype {
            tokens.push((wire.clone(), kind.clone()));
        }
        if p.sensitive || p.tokentype.is_some() {
            secrets.push(wire.clone());
        }
        // A move's target must not exist; an edit makes its page.
        let target = (module.path == "move" && p.name == "to") || module.path == "edit";
        if p.ty == ParamType::Title && !target {
            titles.push(wire);
        }
    }
    if module.path.starts_with("query") && spec.module("query").is_some() {
        titles.push("titles".into());
    }
    Planned {
        module: module.path.clone(),
        label,
        params,
        tokens,
        titles,
        secrets,
    }
}

fn set(params: &mut Vec<(String, String)>, name: &str, value: &str) {
    match params.iter_mut().find(|(n, _)| n == name) {
        Some((_, v)) => *v = value.to_owned(),
        None => params.push((name.to_owned(), value.to_owned())),
    }
}

/// An example's query string as pairs (`api.php?` and any `format` dropped: every answer is
/// recorded as JSON).
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    let query = query.trim_start_matches("api.php?");
    let url = format!(
        "http://example.invalid/api.php?{}",
        query.replace(' ', "%20")
    );
    reqwest::Url::parse(&url)
        .map(|u| {
            u.query_pairs()
                .map(|(n, v)| (n.into_owned(), v.into_owned()))
                .filter(|(n, _)| n != "format")
                .collect()
        })
        .unwrap_or_default()
}
