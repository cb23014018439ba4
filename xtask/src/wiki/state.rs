//! Where wikis live (`target/wikis/<name>/`), what is recorded about each (`state.json`),
//! locking against concurrent starts, and port choice.

use std::fs;
use std::io::{ErrorKind, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use super::{MwVersion, server};
use crate::files;

/// What `start` needs to find a wiki again, from another process.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct State {
    pub name: String,
    pub version: MwVersion,
    /// The extension set as asked for (`all`, `none`, `A,B`), so `reset` asks again.
    pub set: String,
    /// The resolved list loaded (dependencies included), sorted.
    pub extensions: Vec<String>,
    pub port: u16,
    /// The server's process group (its leader is `php -S`); `None` when stopped.
    pub pgid: Option<u32>,
}

impl State {
    pub fn load(dir: &Path) -> Result<Option<State>> {
        let path = dir.join("state.json");
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
        };
        let state = serde_json::from_str(&text).with_context(|| {
            format!(
                "parsing {} (`cargo xtask wiki reset` rebuilds it)",
                path.display()
            )
        })?;
        Ok(Some(state))
    }

    pub fn save(&self, dir: &Path) -> Result<()> {
        let json = serde_json::to_string_pretty(self).context("serialising the wiki state")?;
        files::write_atomic(&dir.join("state.json"), format!("{json}\n").as_bytes())
    }

    /// The recorded process group, if it is still the server this tool started for this wiki.
    pub fn running_pgid(&self) -> Option<u32> {
        let pgid = self.pgid?;
        let conf = wiki_dir(&self.name).join("conf").join("LocalSettings.php");
        server::is_our_server(pgid, self.port, &conf).then_some(pgid)
    }
}

pub fn wikis_dir() -> PathBuf {
    files::workspace_root().join("target").join("wikis")
}

pub fn wiki_dir(name: &str) -> PathBuf {
    wikis_dir().join(name)
}

/// Names become folder names: keep them plain.
pub fn check_name(name: &str) -> Result<()> {
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '+' | '-');
    if name.is_empty() || name.starts_with('.') || !name.chars().all(plain) {
        bail!("wiki name {name:?}: use letters, digits and . _ + - (not first)");
    }
    Ok(())
}

/// Every recorded wiki, by name.
pub fn all() -> Result<Vec<State>> {
    let dir = wikis_dir();
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(vec![]),
        Err(e) => return Err(e).with_context(|| format!("listing {}", dir.display())),
    };
    let mut states = vec![];
    for entry in entries {
        let entry = entry.with_context(|| format!("listing {}", dir.display()))?;
        if entry.path().is_dir()
            && let Some(state) = State::load(&entry.path())?
        {
            states.push(state);
        }
    }
    states.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(states)
}

/// The recorded port of another wiki, or one something else listens on, cannot be ours.
pub fn check_port_free(port: u16, name: &str) -> Result<()> {
    if let Some(other) = all()?.iter().find(|s| s.port == port && s.name != name)
        && other.running_pgid().is_some()
    {
        bail!("port {port} is taken by the running wiki {}", other.name);
    }
    TcpListener::bind(("127.0.0.1", port))
        .map(drop)
        .with_context(|| format!("port {port} on 127.0.0.1 is in use by another program"))
}

/// The default port when there is one, else the first from 8300 no wiki records and
/// nothing listens on.
pub fn choose_port(default: Option<u16>, name: &str) -> Result<u16> {
    if let Some(port) = default {
        return Ok(port);
    }
    let recorded: Vec<u16> = all()?
        .iter()
        .filter(|s| s.name != name)
        .map(|s| s.port)
        .collect();
    (8300..9000)
        .find(|p| !recorded.contains(p) && TcpListener::bind(("127.0.0.1", *p)).is_ok())
        .context("no free port on 127.0.0.1 between 8300 and 8999")
}

/// Holds a wiki against other threads (one mutex for the process: installs are not
/// parallel-safe) and other processes (`target/wikis/<name>.lock`).
pub struct Lock {
    _file: FileLock,
    _thread: MutexGuard<'static, ()>,
}

static PROCESS_LOCK: Mutex<()> = Mutex::new(());

pub fn lock(name: &str) -> Result<Lock> {
    check_name(name)?;
    // A panic elsewhere while holding it leaves nothing on disk that a later start does not
    // repair, so a poisoned mutex is still usable.
    let thread = PROCESS_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let file = file_lock(&wikis_dir().join(format!("{name}.lock")))?;
    Ok(Lock {
        _file: file,
        _thread: thread,
    })
}

/// A lock file holding our pid, removed on drop; one left by a dead process is taken over.
pub struct FileLock {
    path: PathBuf,
}

pub fn file_lock(path: &Path) -> Result<FileLock> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    // An install with apt can take minutes; longer than that, something is stuck.
    let deadline = Instant::now() + Duration::from_secs(600);
    let mut waiting = false;
    loop {
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
        {
            Ok(mut file) => {
                write!(file, "{}", std::process::id())
                    .with_context(|| format!("writing {}", path.display()))?;
                return Ok(FileLock {
                    path: path.to_owned(),
                });
            }
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {
                let holder = fs::read_to_string(path).unwrap_or_default();
                // Our own pid counts as alive: another thread of ours holds it. An empty
                // file is one being written, unless it has been empty for a while.
                let alive = match holder.trim().parse::<u32>() {
                    Ok(pid) => Path::new(&format!("/proc/{pid}")).exists(),
                    Err(_) => fs::metadata(path)
                        .and_then(|m| m.modified())
                        .is_ok_and(|t| t.elapsed().is_ok_and(|age| age.as_secs() < 5)),
                };
                if !alive {
                    // Left by a process that died: stale.
                    let _ = fs::remove_file(path);
                    continue;
                }
                if Instant::now() > deadline {
                    bail!(
                        "{} is held by process {} for more than 10 minutes",
                        path.display(),
                        holder.trim()
                    );
                }
                if !waiting {
                    tracing::info!("waiting for process {} ({})", holder.trim(), path.display());
                    waiting = true;
                }
                std::thread::sleep(Duration::from_millis(200));
            }
            Err(e) => return Err(e).with_context(|| format!("creating {}", path.display())),
        }
    }
}

impl Drop for FileLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}
