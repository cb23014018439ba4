//! What MediaWiki's contract says of its answers, keyed by JSON path from the answer's root
//! (`[]` an array's items, `*` a map's values), each entry checked against the recordings
//! (`specs/tests/answers.rs`: every entry is a recorded place, sent in every object recorded
//! there, in every capture).
//!
//! **The rule of certainty.** Recordings from two wikis are evidence of what MediaWiki can
//! send, never proof of what it always sends: a field can be in every recorded answer because
//! of the test wikis' configuration, of the requests sent, or of the release. A field of a
//! typed answer is certain (a plain value, not an `Option`) only where MediaWiki's own code
//! writes it into every object at that place, whatever the release (1.39 on), the wiki's
//! configuration and extensions, and the request's other parameters: the object an action's
//! answer is wrapped in (under the module's name), and the places below, each with the
//! reason. A place whose fields follow a prop-like parameter (`rvprop`, `iiprop`, `cmprop`)
//! has no certain field here but those every value of it brings.

/// The certain places, with why MediaWiki always sends each.
pub const CERTAIN: &[(&str, &str)] = &[
    // Not a page's `title`: a page id that does not exist is answered with `pageid` and
    // `missing` alone; nor its `ns`: an invalid title has none.
    ("query.redirects[].from", "a redirect resolved"),
    ("query.redirects[].to", "a redirect resolved"),
    ("query.normalized[].from", "a title normalised"),
    ("query.normalized[].to", "a title normalised"),
    // What the prop modules without a prop parameter write for each item.
    ("query.pages[].links[].ns", "ApiQueryLinks: a link's target"),
    (
        "query.pages[].links[].title",
        "ApiQueryLinks: a link's target",
    ),
    (
        "query.pages[].templates[].ns",
        "ApiQueryLinks: a transclusion",
    ),
    (
        "query.pages[].templates[].title",
        "ApiQueryLinks: a transclusion",
    ),
    ("query.pages[].images[].ns", "ApiQueryImages: a file used"),
    (
        "query.pages[].images[].title",
        "ApiQueryImages: a file used",
    ),
    (
        "query.pages[].categories[].ns",
        "ApiQueryCategories: a category",
    ),
    (
        "query.pages[].categories[].title",
        "ApiQueryCategories: a category",
    ),
    (
        "query.pages[].langlinks[].lang",
        "ApiQueryLangLinks: a language link",
    ),
    (
        "query.pages[].langlinks[].title",
        "ApiQueryLangLinks: a language link",
    ),
    (
        "query.pages[].iwlinks[].prefix",
        "ApiQueryIWLinks: an interwiki link",
    ),
    (
        "query.pages[].iwlinks[].title",
        "ApiQueryIWLinks: an interwiki link",
    ),
    (
        "query.pages[].extlinks[].url",
        "ApiQueryExternalLinks: a link out",
    ),
    (
        "query.pages[].protection[].type",
        "ApiQueryInfo: a protection",
    ),
    (
        "query.pages[].protection[].level",
        "ApiQueryInfo: a protection",
    ),
    (
        "query.pages[].protection[].expiry",
        "ApiQueryInfo: a protection",
    ),
    ("query.pages[].categoryinfo.size", "ApiQueryCategoryInfo"),
    ("query.pages[].categoryinfo.pages", "ApiQueryCategoryInfo"),
    ("query.pages[].categoryinfo.files", "ApiQueryCategoryInfo"),
    ("query.pages[].categoryinfo.subcats", "ApiQueryCategoryInfo"),
    (
        "query.pages[].contributors[].userid",
        "ApiQueryContributors",
    ),
    ("query.pages[].contributors[].name", "ApiQueryContributors"),
    // Lists whose items always name their page.
    ("query.allpages[].pageid", "ApiQueryAllPages"),
    ("query.allpages[].ns", "ApiQueryAllPages"),
    ("query.allpages[].title", "ApiQueryAllPages"),
    ("query.prefixsearch[].ns", "ApiQueryPrefixSearch"),
    ("query.prefixsearch[].title", "ApiQueryPrefixSearch"),
    ("query.prefixsearch[].pageid", "ApiQueryPrefixSearch"),
    ("query.search[].ns", "ApiQuerySearch: whatever `srprop`"),
    ("query.search[].title", "ApiQuerySearch: whatever `srprop`"),
    ("query.allusers[].userid", "ApiQueryAllUsers"),
    ("query.allusers[].name", "ApiQueryAllUsers"),
    (
        "query.recentchanges[].type",
        "ApiQueryRecentChanges: whatever `rcprop`",
    ),
    (
        "query.watchlist[].type",
        "ApiQueryWatchlist: whatever `wlprop`",
    ),
    ("query.tags[].name", "ApiQueryTags: whatever `tgprop`"),
    (
        "query.statistics.pages",
        "ApiQuerySiteinfo::appendStatistics",
    ),
    (
        "query.statistics.articles",
        "ApiQuerySiteinfo::appendStatistics",
    ),
    (
        "query.statistics.edits",
        "ApiQuerySiteinfo::appendStatistics",
    ),
    (
        "query.statistics.images",
        "ApiQuerySiteinfo::appendStatistics",
    ),
    (
        "query.statistics.users",
        "ApiQuerySiteinfo::appendStatistics",
    ),
    (
        "query.statistics.activeusers",
        "ApiQuerySiteinfo::appendStatistics",
    ),
    (
        "query.statistics.admins",
        "ApiQuerySiteinfo::appendStatistics",
    ),
    (
        "query.statistics.jobs",
        "ApiQuerySiteinfo::appendStatistics",
    ),
    (
        "query.usercontribs[].userid",
        "ApiQueryUserContribs: the user asked for",
    ),
    (
        "query.usercontribs[].user",
        "ApiQueryUserContribs: the user asked for",
    ),
    ("watchlistraw[].ns", "ApiQueryWatchlistRaw: a watched title"),
    (
        "watchlistraw[].title",
        "ApiQueryWatchlistRaw: a watched title",
    ),
    ("query.userinfo.id", "ApiQueryUserInfo: 0 for an IP"),
    ("query.userinfo.name", "ApiQueryUserInfo: the IP for an IP"),
    // An action's outcome.
    ("edit.result", "ApiEditPage: Success (Failure is an error)"),
    ("edit.title", "ApiEditPage: the page saved"),
    ("edit.pageid", "ApiEditPage: the page saved"),
    ("edit.contentmodel", "ApiEditPage: the page saved"),
    ("clientlogin.status", "an AuthManager response"),
    ("createaccount.status", "an AuthManager response"),
    ("linkaccount.status", "an AuthManager response"),
    (
        "changeauthenticationdata.status",
        "ApiChangeAuthenticationData",
    ),
    ("login.result", "ApiLogin"),
    ("checktoken.result", "ApiCheckToken"),
    ("delete.title", "ApiDelete"),
    ("delete.reason", "ApiDelete"),
    ("delete.logid", "ApiDelete"),
    ("move.from", "ApiMove"),
    ("move.to", "ApiMove"),
    ("move.reason", "ApiMove"),
    // A subpage that could not be moved has `errors` in place of `to`.
    ("move.subpages[].from", "ApiMove::moveSubpages"),
    ("move.subpages-talk[].from", "ApiMove::moveSubpages"),
    ("protect.title", "ApiProtect"),
    ("protect.reason", "ApiProtect"),
    (
        "protect.protections",
        "ApiProtect: empty when every protection is removed",
    ),
    ("rollback.title", "ApiRollback"),
    ("rollback.pageid", "ApiRollback"),
    ("rollback.summary", "ApiRollback"),
    ("rollback.revid", "ApiRollback"),
    ("rollback.old_revid", "ApiRollback"),
    ("rollback.last_revid", "ApiRollback"),
    ("managetags.operation", "ApiManageTags"),
    ("managetags.tag", "ApiManageTags"),
    ("tag[].status", "ApiTag: success or error, for each id"),
    ("undelete.title", "ApiUndelete"),
    ("undelete.revisions", "ApiUndelete"),
    ("undelete.fileversions", "ApiUndelete"),
    ("undelete.reason", "ApiUndelete"),
    ("block.user", "ApiBlock"),
    ("block.expiry", "ApiBlock"),
    ("block.id", "ApiBlock"),
    ("block.userID", "ApiBlock: 0 for an IP"),
    ("block.reason", "ApiBlock"),
    ("unblock.id", "ApiUnblock"),
    ("unblock.user", "ApiUnblock"),
    ("unblock.userid", "ApiUnblock: 0 for an IP"),
    ("unblock.reason", "ApiUnblock"),
    ("patrol.rcid", "ApiPatrol"),
    ("patrol.ns", "ApiPatrol"),
    ("patrol.title", "ApiPatrol"),
    ("purge[].title", "ApiPurge: each title asked"),
    ("import[].title", "ApiImport: each page imported"),
    ("import[].ns", "ApiImport: each page imported"),
    ("import[].revisions", "ApiImport: each page imported"),
    ("filerevert.result", "ApiFileRevert"),
    (
        "upload.result",
        "ApiUpload: Success, Warning, Continue or Poll",
    ),
    ("emailuser.result", "ApiEmailUser"),
    ("parse.title", "ApiParse: the page or the title parsed as"),
    ("parse.pageid", "ApiParse: 0 for text without a page"),
    ("parse.links[].ns", "ApiParse::formatLinks"),
    ("parse.links[].title", "ApiParse::formatLinks"),
    ("parse.templates[].ns", "ApiParse::formatLinks"),
    ("parse.templates[].title", "ApiParse::formatLinks"),
    (
        "parse.categories[].sortkey",
        "ApiParse::formatCategoryLinks",
    ),
    (
        "parse.categories[].category",
        "ApiParse::formatCategoryLinks",
    ),
    ("parse.langlinks[].lang", "ApiParse::formatLangLinks"),
    ("parse.langlinks[].title", "ApiParse::formatLangLinks"),
    ("parse.iwlinks[].prefix", "ApiParse::formatIWLinks"),
    ("parse.iwlinks[].title", "ApiParse::formatIWLinks"),
    (
        "parse.sections[].toclevel",
        "a section of the parser's output",
    ),
    ("parse.sections[].level", "a section of the parser's output"),
    ("parse.sections[].line", "a section of the parser's output"),
    (
        "parse.sections[].number",
        "a section of the parser's output",
    ),
    ("parse.sections[].index", "a section of the parser's output"),
    (
        "parse.sections[].anchor",
        "a section of the parser's output",
    ),
    ("paraminfo.modules[].name", "ApiParamInfo"),
    ("paraminfo.modules[].classname", "ApiParamInfo"),
    ("paraminfo.modules[].path", "ApiParamInfo"),
    ("paraminfo.modules[].prefix", "ApiParamInfo"),
    ("paraminfo.modules[].parameters[].name", "ApiParamInfo"),
    ("paraminfo.modules[].parameters[].index", "ApiParamInfo"),
];

/// Whether the field at `path` is certain by MediaWiki's contract ([`CERTAIN`]).
pub fn certain(path: &str) -> bool {
    CERTAIN.iter().any(|(p, _)| *p == path)
}

/// Data places (a module, or one value of a prop-like parameter: `query+search
/// srprop=hasrelated`; a module's path alone stands for all of its places) that no recording
/// holds with data, and why: MediaWiki sends nothing there on a wiki like the test wikis.
pub const WITHOUT_DATA: &[(&str, &str)] = &[
    ("feedcontributions", "answers a feed (XML), not JSON"),
    ("feedrecentchanges", "answers a feed (XML), not JSON"),
    ("feedwatchlist", "answers a feed (XML), not JSON"),
    ("help", "answers HTML, not JSON data"),
    ("rsd", "answers XML, not JSON"),
    ("logout", "answers `{}`: there is nothing to say"),
    (
        "compare prop=rel",
        "`rel` names the revisions before and after those compared; the recorded ones have none",
    ),
    (
        "expandtemplates prop=categories",
        "only categories kept out of the expanded wikitext; the recorded template's category \
         stays in it",
    ),
    (
        "expandtemplates prop=ttl",
        "only where the expansion's cache time is limited; `{{CURRENTTIME}}` does not limit \
         it on these wikis",
    ),
    (
        "query+abusefilters abfprop=hits",
        "AbuseFilter 1.43 fails on it with the example's `abfshow` (an internal TypeError)",
    ),
    (
        "query+abusefilters abfprop=private",
        "the example asks for filters that are not private",
    ),
    (
        "query+abusefilters abfprop=protected",
        "the example asks for filters that are not private, and none is protected",
    ),
    (
        "query+abuselog aflprop=revid",
        "the recorded hits disallowed their edits: no revision was saved",
    ),
    (
        "query+info inprop=editintro",
        "MediaWiki answers it for one page alone; the variants ask about ten",
    ),
    (
        "query+info inprop=preloadcontent",
        "MediaWiki answers it for one page alone; the variants ask about ten",
    ),
    (
        "query+revisions rvprop=parsetree",
        "deprecated, and refused beside `rvslots`, which the variants send",
    ),
    (
        "query+deletedrevisions drvprop=parsetree",
        "deprecated, and refused beside `drvslots`, which the variants send",
    ),
    (
        "query+deletedrevs drprop=content",
        "MediaWiki 1.43's deprecated `list=deletedrevs` fails on it (an internal error: \
         `serialize()` on null)",
    ),
    (
        "discussiontoolsgetsubscriptions",
        "read before the recording subscribes to the seeded topic: no subscription yet",
    ),
];

/// Why the data place `name` (`query+search srprop=hasrelated`) has no recorded data, if
/// [`WITHOUT_DATA`] says.
pub fn without_data(name: &str) -> Option<&'static str> {
    let module = name.split(' ').next().unwrap_or_default();
    WITHOUT_DATA
        .iter()
        .find(|(place, _)| *place == name || *place == module)
        .map(|(_, why)| *why)
}

/// The kind of a field [`FROM_CODE`] adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    String,
    Integer,
}

/// Fields MediaWiki's code (core, or a bundled extension) writes where no wiki like the test
/// wikis can send them, so no recording holds them: typed from the code, as `Option`s, each
/// with where it comes from. Real answers hold them (`bindings/tests/realworld_answers.rs`);
/// `specs/tests/answers.rs` fails once a recording holds one (then it is recorded).
pub const FROM_CODE: &[(&str, Kind, &str)] = &[
    (
        "query.searchinfo.suggestion",
        Kind::String,
        "ApiQuerySearch, from a search backend that suggests (CirrusSearch; not the database's)",
    ),
    (
        "query.searchinfo.suggestionsnippet",
        Kind::String,
        "ApiQuerySearch, from a search backend that suggests (CirrusSearch; not the database's)",
    ),
    (
        "query.general.git-branch",
        Kind::String,
        "ApiQuerySiteinfo, on a wiki installed from git",
    ),
    (
        "query.general.git-hash",
        Kind::String,
        "ApiQuerySiteinfo, on a wiki installed from git",
    ),
    (
        "query.general.hhvmversion",
        Kind::String,
        "ApiQuerySiteinfo before 1.34, on HHVM",
    ),
    (
        "discussiontoolsedit.edit.captcha.key",
        Kind::String,
        "ConfirmEdit's hCaptcha (the test wikis ask its simple captcha)",
    ),
    (
        "discussiontoolsedit.edit.captcha.error",
        Kind::String,
        "ConfirmEdit's hCaptcha (the test wikis ask its simple captcha)",
    ),
];

/// The kind and origin of the field at `path`, if [`FROM_CODE`] adds it.
pub fn from_code(path: &str) -> Option<(Kind, &'static str)> {
    FROM_CODE
        .iter()
        .find(|(p, _, _)| *p == path)
        .map(|(_, kind, why)| (*kind, *why))
}
