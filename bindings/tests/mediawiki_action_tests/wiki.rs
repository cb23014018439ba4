// Read into the module of one version (`v1_39`, `v1_43`) by `mediawiki_action_tests.rs`,
// where `mw` is that version's generated API and `VERSION`, `API` are set: api-testing's
// fixtures and the helpers of its `Client` (`lib/action_clients.js`, `lib/actionapi.js`),
// typed. Every answer is read through its typed model, never as JSON.

use futures_util::TryStreamExt;
use mwtyped::token::{CsrfToken, Token, TokenKind};
use mwtyped::{ApiModule, Client, Error, Limit, ListModule, QueryAnswer, QuerySubmodule};

use crate::common::{ADMIN, ADMIN_PASSWORD, api, logged_in};
use crate::support::{self, Role};

/// A session of this version's test wiki, not logged in.
fn new_client() -> Client {
    Client::new(api(API), "mwtyped-tests (MediaWiki's action API tests)")
        .expect("a client of the test wiki")
}

/// A user of api-testing (`action.alice()`, `action.getAnon()`…): a session, and the name
/// and id the wiki knows it by (`username`, `userid`; an anonymous session's name is its IP).
struct User {
    client: Client,
    name: String,
    id: i64,
}

/// The user behind `client`, as `meta=userinfo` names it.
async fn identified(client: Client) -> User {
    let info = user_info(&client, &[]).await;
    User {
        client,
        name: info.name,
        id: info.id,
    }
}

/// The fixture user `prefix` (see `support::fixture_account`), logged in with a session of
/// its own.
async fn account(prefix: &str, role: Role) -> User {
    let account = support::fixture_account(VERSION, prefix, role);
    identified(logged_in(new_client(), &account.name, &account.password).await).await
}

/// `action.alice()`: a plain user.
async fn alice() -> User {
    account("Alice", Role::User).await
}

/// `action.bob()`: another plain user.
async fn bob() -> User {
    account("Bob", Role::User).await
}

/// `action.mindy()`: a sysop.
async fn mindy() -> User {
    account("Mindy", Role::Sysop).await
}

/// `action.robby()`: a bot.
async fn robby() -> User {
    account("Robby", Role::Bot).await
}

/// `action.root()`: the wiki's own administrator (a bureaucrat, with `managechangetags`).
async fn root() -> User {
    identified(logged_in(new_client(), ADMIN, ADMIN_PASSWORD).await).await
}

/// `action.getAnon()`: a session of its own, not logged in.
async fn anonymous() -> User {
    identified(new_client()).await
}

/// `wiki.runAllJobs()`.
fn run_jobs() {
    support::run_jobs(VERSION);
}

/// Sends `module` and reads its typed answer: api-testing's `action()`, which fails the test
/// on an error.
async fn read<M: ApiModule>(client: &Client, module: &M) -> M::Answer {
    let response = client
        .execute(module)
        .await
        .unwrap_or_else(|e| panic!("{}: {e}", M::PATH));
    response
        .answer()
        .unwrap_or_else(|e| panic!("{}: {e}", M::PATH))
}

/// Sends `module`, which must fail: api-testing's `actionError()`; the error, whose
/// `code()` is the API's error code.
async fn read_refusal<M: ApiModule>(client: &Client, module: &M) -> Error {
    match client.execute(module).await {
        Ok(_) => panic!("{}: answered, where an error was expected", M::PATH),
        Err(e) => e,
    }
}

/// Sends the module `build` makes with a token of `client`'s session, and reads its typed
/// answer (api-testing's `action(…, 'POST')` with `token`).
async fn answer_of<K, M, F>(client: &Client, build: F) -> M::Answer
where
    K: TokenKind,
    M: ApiModule,
    F: Fn(Token<K>) -> M,
{
    let response = client
        .execute_with_token(build)
        .await
        .unwrap_or_else(|e| panic!("{}: {e}", M::PATH));
    response
        .answer()
        .unwrap_or_else(|e| panic!("{}: {e}", M::PATH))
}

/// [`answer_of`] for a write that must fail (`actionError(…, 'POST')`): the error.
async fn refusal_of<K, M, F>(client: &Client, build: F) -> Error
where
    K: TokenKind,
    M: ApiModule,
    F: Fn(Token<K>) -> M,
{
    match client.execute_with_token(build).await {
        Ok(_) => panic!("{}: answered, where an error was expected", M::PATH),
        Err(e) => e,
    }
}

/// `error.code` of an `actionError()`.
#[track_caller]
fn assert_code(error: &Error, code: &str) {
    assert_eq!(error.code(), Some(code), "{error}");
}

/// What api-testing's `edit()` answers: the `edit` object, with the text, the summary and
/// the user it was sent with (its `param_text`, `param_summary`, `param_user`).
struct Edited {
    answer: mw::answer::EditResult,
    text: String,
    summary: String,
    user: String,
}

impl Edited {
    /// `newrevid`.
    fn rev_id(&self) -> i64 {
        self.answer
            .new_rev_id
            .unwrap_or_else(|| panic!("no new revision of {}", self.answer.title))
    }

    /// `newtimestamp`.
    fn timestamp(&self) -> &str {
        self.answer
            .new_timestamp
            .as_deref()
            .unwrap_or_else(|| panic!("no new timestamp of {}", self.answer.title))
    }
}

/// The edit api-testing's `edit(title, params)` sends: `title`, `summary` (`testing` unless
/// given), the parameters `set` gives, and a `text` that is `Lorem ipsum` and random
/// characters when none or an empty one is given (the helper always sends one).
fn edit_module(
    title: &str,
    lorem: &str,
    set: &impl Fn(&mut mw::Edit),
    token: Token<CsrfToken>,
) -> mw::Edit {
    let mut edit = mw::Edit::new(token);
    edit.title = Some(title.to_owned());
    edit.summary = Some("testing".to_owned());
    set(&mut edit);
    if edit.text.as_deref().is_none_or(str::is_empty) {
        edit.text = Some(lorem.to_owned());
    }
    edit
}

/// api-testing's `edit()`: the edit must answer `Success`. Unlike the helper, it runs no jobs
/// after it: the scenarios that depend on them call [`run_jobs`].
async fn edit(user: &User, title: &str, set: impl Fn(&mut mw::Edit)) -> Edited {
    let lorem = format!("Lorem ipsum {}", support::uniq());
    // What goes on the wire, for the `param_*` the checks compare with.
    let sent = edit_module(title, &lorem, &set, Token::new(String::new()));
    let answer = answer_of(&user.client, |token| {
        edit_module(title, &lorem, &set, token)
    })
    .await
    .edit;
    assert_eq!(answer.result, "Success", "editing {title}: {answer:?}");
    Edited {
        answer,
        text: sent.text.unwrap_or_default(),
        summary: sent.summary.unwrap_or_default(),
        user: user.name.clone(),
    }
}

/// The same edit, which must fail (`actionError('edit', …)`): the error.
async fn edit_refused(user: &User, title: &str, set: impl Fn(&mut mw::Edit)) -> Error {
    let lorem = format!("Lorem ipsum {}", support::uniq());
    refusal_of(&user.client, |token| {
        edit_module(title, &lorem, &set, token)
    })
    .await
}

/// The parameters of most of api-testing's edits: a text and a summary.
fn saying<'a>(text: &'a str, summary: &'a str) -> impl Fn(&mut mw::Edit) + 'a {
    move |edit: &mut mw::Edit| {
        edit.text = Some(text.to_owned());
        edit.summary = Some(summary.to_owned());
    }
}

/// A text alone (the summary stays `testing`).
fn with_text(text: &str) -> impl Fn(&mut mw::Edit) + '_ {
    move |edit: &mut mw::Edit| edit.text = Some(text.to_owned())
}

/// `meta=userinfo` with `props`.
async fn user_info(
    client: &Client,
    props: &[mw::query::UserInfoProp],
) -> mw::answer::QueryUserInfo {
    let mut module = mw::query::UserInfo::new();
    module.prop = props.to_vec();
    read(client, &module)
        .await
        .query
        .and_then(|query| query.user_info)
        .expect("meta=userinfo answers `userinfo`")
}

/// Every page `query` yields, each once with its props merged across continuation.
async fn pages(client: &Client, query: &mw::Query) -> Vec<mw::answer::QueryPages> {
    client
        .pages(query)
        .try_collect()
        .await
        .unwrap_or_else(|e| panic!("query: {e}"))
}

/// The page `title`, with the prop `prop` (`action=query&titles=…&prop=…`).
async fn page<P: QuerySubmodule>(client: &Client, title: &str, prop: P) -> mw::answer::QueryPages {
    let mut query = mw::Query::new();
    query.titles = vec![title.to_owned()];
    query.select.add(prop);
    let mut found = pages(client, &query).await;
    assert_eq!(found.len(), 1, "one page for {title}: {found:?}");
    found.remove(0)
}

/// Whether the page `title` exists.
async fn exists(client: &Client, title: &str) -> bool {
    let mut query = mw::Query::new();
    query.titles = vec![title.to_owned()];
    let found = pages(client, &query).await;
    found.first().is_some_and(|page| !page.missing)
}

/// Every item of the list `list`, across continuation.
async fn items<M>(client: &Client, list: &M) -> Vec<M::Item>
where
    M: ListModule,
    M::Answer: QueryAnswer,
{
    client
        .items(list)
        .try_collect()
        .await
        .unwrap_or_else(|e| panic!("{}: {e}", M::PATH))
}

/// api-testing's `getRevision(title)`: the newest revision, with
/// `rvprop=ids|user|comment|content|timestamp|flags|contentmodel&rvslots=main`.
async fn latest_revision(client: &Client, title: &str) -> mw::answer::QueryPagesRevisions {
    use self::mw::query::RevisionsProp as P;
    let mut revisions = mw::query::Revisions::new();
    revisions.prop = vec![
        P::Ids,
        P::User,
        P::Comment,
        P::Content,
        P::Timestamp,
        P::Flags,
        P::ContentModel,
    ];
    revisions.slots = vec![mw::query::RevisionsSlots::Main];
    revisions.limit = Some(Limit::Value(1));
    page(client, title, revisions)
        .await
        .revisions
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no revision of {title}"))
}

/// The content of a revision's main slot (`slots.main['*']`).
fn main_content(revision: &mw::answer::QueryPagesRevisions) -> &str {
    revision
        .slots
        .get("main")
        .and_then(|main| main.content.as_deref())
        .expect("the main slot's content")
}

/// The `rcprop` of api-testing's `getChangeEntry`.
const CHANGE_ENTRY: &[mw::query::RecentChangesProp] = &[
    mw::query::RecentChangesProp::Ids,
    mw::query::RecentChangesProp::Flags,
    mw::query::RecentChangesProp::User,
    mw::query::RecentChangesProp::Comment,
    mw::query::RecentChangesProp::Timestamp,
    mw::query::RecentChangesProp::Title,
];

/// api-testing's `getChangeEntry({rctitle: title, rcprop})`: the newest recent change of
/// `title`.
async fn newest_change(
    client: &Client,
    title: &str,
    prop: &[mw::query::RecentChangesProp],
) -> mw::answer::QueryRecentChanges {
    let mut changes = mw::query::RecentChanges::new();
    changes.title = Some(title.to_owned());
    changes.prop = prop.to_vec();
    items(client, &changes)
        .await
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no recent change of {title}"))
}

/// api-testing's `getLogEntry({letitle: title, letype: kind})`: the newest log entry, with
/// `leprop=ids|title|type|user|timestamp|comment`.
async fn newest_log(
    client: &Client,
    title: &str,
    kind: mw::query::LogEventsType,
) -> mw::answer::QueryLogEvents {
    use self::mw::query::LogEventsProp as P;
    let mut log = mw::query::LogEvents::new();
    log.title = Some(title.to_owned());
    log.type_ = Some(kind);
    log.prop = vec![P::Ids, P::Title, P::Type, P::User, P::Timestamp, P::Comment];
    items(client, &log)
        .await
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no log entry of {title}"))
}

/// `action=parse&page=…`.
fn parse_page(title: &str) -> mw::Parse {
    let mut parse = mw::Parse::new();
    parse.page = Some(title.to_owned());
    parse
}

/// The HTML `parse` answers (`parse.text['*']`).
async fn parsed_text(client: &Client, parse: &mw::Parse) -> String {
    read(client, parse)
        .await
        .parse
        .text
        .expect("the parse answer holds the text")
}

/// api-testing's `getHtml(title)`: the page's HTML, without its comments.
async fn html(client: &Client, title: &str) -> String {
    support::without_comments(&parsed_text(client, &parse_page(title)).await)
}
