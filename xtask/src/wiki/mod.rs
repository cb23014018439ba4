//! `cargo xtask wiki`: real MediaWiki test wikis (Debian's packages, SQLite, `php -S` on
//! 127.0.0.1), several at once, each in `target/wikis/<name>/`.
//!
//! The public functions are what `fetch` and `test` build on; the subcommands are thin shells
//! over them. Logs go to stderr through `tracing`; `start` prints only the api.php URL on
//! stdout so scripts can capture it.

mod accounts;
mod cli;
mod configuration;
mod extensions;
mod install;
mod server;
mod settings;
mod spec;
mod state;
mod trixie;

use std::fs;
use std::time::Instant;

use anyhow::{Context, Result, bail};

pub use accounts::{BOT_OWNER, BOT_PASSWORDS, add_interwiki, create_user, run_jobs, set_email};
pub use cli::{WikiArgs, run};
pub use configuration::{CONFIGURED, POLICIES, TEMP_ACCOUNTS, configured};
pub use extensions::{bundled_extensions, extension_dependencies};
pub use install::mw_root;
pub use spec::{ADMIN_PASSWORD, ADMIN_USER, ExtensionSet, MwVersion, Wiki, WikiSpec};
use state::State;

/// Starts the wiki `spec` names, installing MediaWiki and the wiki first when needed.
/// Idempotent: a wiki already running with the same settings is returned as it is.
pub fn start(spec: &WikiSpec) -> Result<Wiki> {
    let name = spec.name();
    let _lock = state::lock(&name)?;
    start_locked(spec, &name)
}

/// Whether the wiki `spec` names is running (started by this tool and still alive).
pub fn running(spec: &WikiSpec) -> Result<bool> {
    let name = spec.name();
    state::check_name(&name)?;
    Ok(match State::load(&state::wiki_dir(&name))? {
        Some(st) => st.running_pgid().is_some(),
        None => false,
    })
}

/// Stops the wiki `name` (its whole process group). Stopping a stopped wiki is fine; an
/// unknown name is an error.
pub fn stop(name: &str) -> Result<()> {
    let _lock = state::lock(name)?;
    stop_locked(name)
}

/// Stops the wiki, deletes its data and installs it again with the same settings (those of
/// `spec` when it was never installed). Returns the running wiki.
pub fn reset(spec: &WikiSpec) -> Result<Wiki> {
    let name = spec.name();
    let _lock = state::lock(&name)?;
    let dir = state::wiki_dir(&name);
    let mut spec = spec.clone();
    if let Some(st) = State::load(&dir)? {
        stop_locked(&name)?;
        spec.port = spec.port.or(Some(st.port));
    }
    if dir.exists() {
        fs::remove_dir_all(&dir).with_context(|| format!("removing {}", dir.display()))?;
    }
    start_locked(&spec, &name)
}

/// Every wiki under `target/wikis/`, with whether it is running.
pub fn list() -> Result<Vec<(Wiki, ExtensionSet, bool)>> {
    let mut wikis = vec![];
    for st in state::all()? {
        let running = st.running_pgid().is_some();
        let set = st.set.parse()?;
        wikis.push((
            Wiki::from_state(&st, state::wiki_dir(&st.name)),
            set,
            running,
        ));
    }
    Ok(wikis)
}

fn start_locked(spec: &WikiSpec, name: &str) -> Result<Wiki> {
    let dir = state::wiki_dir(name);
    let mw = install::ensure(spec.version)?;
    let extensions = extensions::resolve(spec.version, &spec.extensions)?;
    let mut existing = State::load(&dir)?;
    if existing.is_some() && !settings::installed(&dir) {
        tracing::warn!("{name}: the install is incomplete, installing it again");
        stop_locked(name)?;
        existing = None;
    }
    if let Some(st) = &existing
        && st.version != spec.version
    {
        bail!(
            "wiki {name} is MediaWiki {}, not {}: choose another --name, or stop it and \
             delete {}",
            st.version,
            spec.version,
            dir.display()
        );
    }
    let port = match (spec.port, &existing) {
        (Some(port), _) => port,
        (None, Some(st)) => st.port,
        (None, None) => state::choose_port(spec.default_port(), name)?,
    };
    if let Some(st) = &existing
        && let Some(pgid) = st.running_pgid()
    {
        let wiki = Wiki::from_state(st, dir.clone());
        if st.port == port && st.extensions == extensions && settings::is_current(&wiki)? {
            server::wait_ready(&wiki.api_url(), pgid, &dir)?;
            tracing::info!("{name} is already running");
            return Ok(wiki);
        }
        tracing::info!("{name} runs with other settings: restarting it");
        stop_locked(name)?;
        existing = State::load(&dir)?;
    }
    state::check_port_free(port, name)?;
    let mut st = match existing {
        Some(st) => st,
        None => {
            if dir.exists() {
                // Leftovers of a failed install: install.php refuses an existing database.
                fs::remove_dir_all(&dir).with_context(|| format!("removing {}", dir.display()))?;
            }
            let began = Instant::now();
            settings::install(&mw, &dir, port)?;
            tracing::info!(
                "installed wiki {name} in {:.1} s",
                began.elapsed().as_secs_f64()
            );
            State {
                name: name.to_owned(),
                version: spec.version,
                set: spec.extensions.to_string(),
                extensions: vec![],
                port,
                pgid: None,
            }
        }
    };
    st.set = spec.extensions.to_string();
    st.extensions = extensions;
    st.port = port;
    let wiki = Wiki::from_state(&st, dir.clone());
    // Saved only once the settings are in place: a fresh install that fails before is
    // redone from scratch on the next start.
    settings::apply(&mw, &wiki)?;
    accounts::ensure(&mw, &wiki)?;
    configuration::seed(&mw, &wiki)?;
    let began = Instant::now();
    let pgid = server::spawn(&mw, &dir, port)?;
    st.pgid = Some(pgid);
    st.save(&dir)?;
    if let Err(e) = server::wait_ready(&wiki.api_url(), pgid, &dir) {
        let _ = stop_locked(name);
        return Err(e);
    }
    tracing::info!(
        "{name} (MediaWiki {}, {} extensions) answers at {} after {:.1} s",
        install::mw_release(&mw).unwrap_or_else(|_| spec.version.to_string()),
        wiki.extensions.len(),
        wiki.api_url(),
        began.elapsed().as_secs_f64()
    );
    Ok(wiki)
}

fn stop_locked(name: &str) -> Result<()> {
    let dir = state::wiki_dir(name);
    let Some(mut st) = State::load(&dir)? else {
        bail!(
            "there is no wiki named {name} (known: {})",
            state::all()?
                .iter()
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    };
    match st.running_pgid() {
        Some(pgid) => {
            server::kill_group(pgid)?;
            tracing::info!("stopped {name}");
        }
        None => tracing::info!("{name} is not running"),
    }
    if st.pgid.take().is_some() {
        st.save(&dir)?;
    }
    Ok(())
}
