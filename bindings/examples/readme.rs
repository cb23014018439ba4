//! The Rust snippets of README.md, compiled: `tests/readme_snippets.rs` checks that the
//! README quotes each of them line for line, so what a newcomer copies from it builds. They
//! name `wiki.example.org`, so `main` only runs the one that needs no wiki.

#![allow(dead_code)]

/// "Using the bindings".
#[rustfmt::skip] // as the README shows it
fn using_the_bindings() -> Result<(), mwtyped::EncodeError> {
    use mwtyped::{ApiModule, Limit};
    use mwtyped::v1_43::query::{AllPages, AllPagesFilterRedir};

    let mut pages = AllPages::new();
    pages.limit = Some(Limit::Max);
    pages.filter_redir = Some(AllPagesFilterRedir::Nonredirects);
    let request = pages.to_request()?; // action=query&list=allpages&apfilterredir=nonredirects&aplimit=max
    println!("{:?}", request.form_pairs());
    Ok(())
}

/// "Talking to a wiki".
#[rustfmt::skip]
async fn talking_to_a_wiki() -> Result<(), mwtyped::Error> {
    use futures_util::StreamExt;
    use mwtyped::{AuthStep, Client};
    use mwtyped::v1_43::{Edit, Query};
    use mwtyped::v1_43::query::AllPages;

    let client = Client::builder("https://wiki.example.org/w/api.php", "my-bot/1.0 (me@example.org)")
        .maxlag(5)
        .build()?;
    // A bot password (`User@name`, made on Special:BotPasswords) or a main account's password.
match client.login("MyUser@my-bot", "0123456789abcdefghijklmnopqrstuv").await? {
        AuthStep::Pass(_) => {}
        other => panic!("refused, or the wiki asks for more: {other:?}"),
    }
    // The csrf token is fetched once, cached, and fetched again on `badtoken`.
    let saved = client.execute_with_token(|token| {
        let mut edit = Edit::new(token);
        edit.title = Some("Sandbox".into());
        edit.text = Some("Hello".into());
        edit
    }).await?.answer()?; // the typed answer: `mwtyped::v1_43::answer::Edit`
    println!("saved revision {:?}", saved.edit.new_rev_id);
    // Every batch, following `continue` to the end, read into `answer::Query`.
    let mut query = Query::new();
    query.select.add(AllPages::new());
    let mut batches = std::pin::pin!(client.continued(&query));
    while let Some(batch) = batches.next().await {
        for page in batch?.answer()?.query.map(|q| q.all_pages).unwrap_or_default() {
            println!("{}", page.title);
        }
    }
    Ok(())
}

/// "Logging in, creating and linking accounts".
#[rustfmt::skip]
async fn creating_an_account(
    client: &mwtyped::Client,
    pw: &str,
    answer: &str,
) -> Result<mwtyped::AuthStep, mwtyped::Error> {
    use mwtyped::{AuthAction, AuthStart, AuthStep};

    let mut form = client.auth_start(AuthStart::new(AuthAction::CreateAccount, "https://my.app/return")).await?;
    for (name, field) in form.fields() {
        println!("{name} ({:?}): {}", field.kind, field.label); // username, password, retype, captchaWord…
    }
    form.set("username", "Alice")?.set("password", pw)?.set("retype", pw)?.set("captchaWord", answer)?;
    let step = client.auth_submit(&form).await?;
    let _: &AuthStep = &step;
    Ok(step)
}

fn main() -> Result<(), mwtyped::EncodeError> {
    using_the_bindings()
}
