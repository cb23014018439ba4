//! The `php -S` server of a wiki: started in its own session (so it is its own process group
//! and outlives this process), recognised again through /proc, stopped as a whole group.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

/// Parallel requests (tests log in concurrently); workers are forked into the same group.
const WORKERS: &str = "4";
/// The first request builds the localisation cache of every extension: give it time.
const READY_TIMEOUT: Duration = Duration::from_secs(120);

/// Starts `php -S 127.0.0.1:PORT -t MW` for the wiki in `dir`; returns its process group.
pub fn spawn(mw: &Path, dir: &Path, port: u16) -> Result<u32> {
    let log = dir.join("server.log");
    let conf = dir.join("conf").join("LocalSettings.php");
    // `sh` starts `setsid php` in the background and exits at once: the server is then
    // nobody's child here (no zombie in a long-running caller), and as `sh`'s background
    // job is no group leader, setsid makes php's own pid its session and group id.
    // Its output goes to the log, so no pipe of ours stays open after we return.
    let output = Command::new("sh")
        .args([
            "-c",
            r#"log=$1; shift; setsid "$@" >>"$log" 2>&1 </dev/null & echo $!"#,
            "sh",
        ])
        .arg(&log)
        .arg("php")
        // PHP's errors to the log, never into API answers, whatever php.ini says.
        .args([
            "-d",
            "display_errors=0",
            "-d",
            "log_errors=1",
            "-d",
            "error_log=",
            "-S",
        ])
        .arg(format!("127.0.0.1:{port}"))
        .arg("-t")
        .arg(mw)
        .env("MW_CONFIG_FILE", &conf)
        .env("MW_INSTALL_PATH", mw)
        .env("PHP_CLI_SERVER_WORKERS", WORKERS)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .context("running sh to start `php -S`")?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let pid: u32 = stdout
        .trim()
        .parse()
        .with_context(|| format!("starting `php -S`: sh answered {stdout:?}"))?;
    // The group id becomes the pid once the background job has run setsid (see above), a
    // moment after sh printed it; anything else, and `stop` could not find the server.
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        match proc_stat(pid) {
            Some(stat) if stat.pgrp == pid => return Ok(pid),
            Some(stat) if Instant::now() > deadline => {
                // Not in a group of its own: signal the process alone, never its group (ours).
                let _ = signal(&pid.to_string(), "TERM");
                bail!(
                    "php -S (pid {pid}) stayed in process group {}, not its own",
                    stat.pgrp
                )
            }
            Some(_) => std::thread::sleep(Duration::from_millis(10)),
            None => bail!("php -S exited at once:\n{}", log_tail(dir)),
        }
    }
}

/// Polls `api.php?action=query&meta=siteinfo` until it answers JSON, the server dies, or the
/// timeout passes; errors carry the end of the server log.
pub fn wait_ready(api_url: &str, pgid: u32, dir: &Path) -> Result<()> {
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .context("building an HTTP client")?;
    let url = format!("{api_url}?action=query&meta=siteinfo&format=json");
    let deadline = Instant::now() + READY_TIMEOUT;
    loop {
        let last = match client.get(&url).send().and_then(|r| r.error_for_status()) {
            Ok(resp) => {
                let body = resp.text().unwrap_or_default();
                match serde_json::from_str::<serde_json::Value>(&body) {
                    Ok(v) if v.pointer("/query/general/generator").is_some() => return Ok(()),
                    _ => format!(
                        "not siteinfo JSON: {}",
                        body.chars().take(500).collect::<String>()
                    ),
                }
            }
            Err(e) => e.to_string(),
        };
        if proc_stat(pgid).is_none() {
            bail!(
                "the server for {api_url} exited; server log:\n{}",
                log_tail(dir)
            );
        }
        if Instant::now() > deadline {
            bail!(
                "{api_url} did not answer in {} s (last: {last}); server log:\n{}",
                READY_TIMEOUT.as_secs(),
                log_tail(dir)
            );
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// Whether `pgid` still leads the `php -S` this tool started on `port` for the wiki whose
/// settings are `conf`: a recorded pid may since have been reused by anything.
pub fn is_our_server(pgid: u32, port: u16, conf: &Path) -> bool {
    let Some(stat) = proc_stat(pgid) else {
        return false;
    };
    let cmdline = fs::read(format!("/proc/{pgid}/cmdline")).unwrap_or_default();
    let args: Vec<&[u8]> = cmdline.split(|b| *b == 0).collect();
    let listen = format!("127.0.0.1:{port}");
    let is_php = args.first().is_some_and(|a| a.ends_with(b"php"));
    let serves = args
        .windows(2)
        .any(|w| w[0] == b"-S" && w[1] == listen.as_bytes());
    // Unreadable environ (another user's process) means not ours either.
    let environ = fs::read(format!("/proc/{pgid}/environ")).unwrap_or_default();
    let mut wanted = b"MW_CONFIG_FILE=".to_vec();
    wanted.extend_from_slice(conf.as_os_str().as_encoded_bytes());
    let configured = environ.split(|b| *b == 0).any(|e| e == wanted.as_slice());
    stat.pgrp == pgid && is_php && serves && configured
}

/// Ends the whole group (the workers survive a signal to the parent alone): TERM, then KILL
/// whatever is left after a few seconds.
pub fn kill_group(pgid: u32) -> Result<()> {
    signal_group(pgid, "TERM")?;
    let deadline = Instant::now() + Duration::from_secs(5);
    while group_alive(pgid) {
        if Instant::now() > deadline {
            tracing::warn!("process group {pgid} ignored TERM; sending KILL");
            signal_group(pgid, "KILL")?;
            std::thread::sleep(Duration::from_millis(200));
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    if group_alive(pgid) {
        bail!("process group {pgid} is still alive after KILL");
    }
    Ok(())
}

fn signal_group(pgid: u32, sig: &str) -> Result<()> {
    let status = signal(&format!("-{pgid}"), sig)?;
    if !status.success() && group_alive(pgid) {
        bail!("kill -s {sig} -- -{pgid} failed ({status})");
    }
    Ok(())
}

/// `target` is a pid, or a process group as `-PGID`.
fn signal(target: &str, sig: &str) -> Result<std::process::ExitStatus> {
    // The shell's builtin kill: no procps needed on a minimal machine, no unsafe libc call.
    Command::new("sh")
        .args(["-c", r#"kill -s "$1" -- "$2""#, "sh", sig, target])
        .stderr(Stdio::null())
        .status()
        .context("running sh to signal the server")
}

fn group_alive(pgid: u32) -> bool {
    let Ok(entries) = fs::read_dir("/proc") else {
        return false;
    };
    entries.flatten().any(|e| {
        e.file_name()
            .to_str()
            .and_then(|s| s.parse().ok())
            .and_then(proc_stat)
            .is_some_and(|stat| stat.pgrp == pgid)
    })
}

struct Stat {
    pgrp: u32,
}

/// `/proc/PID/stat` of a live process (zombies count as gone).
fn proc_stat(pid: u32) -> Option<Stat> {
    let text = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces and parentheses: fields resume after the last ')'.
    let rest = &text[text.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace();
    let state = fields.next()?;
    let _ppid = fields.next()?;
    let pgrp = fields.next()?.parse().ok()?;
    (state != "Z" && state != "X").then_some(Stat { pgrp })
}

/// The last lines of the wiki's server log, for error messages.
pub fn log_tail(dir: &Path) -> String {
    let path = dir.join("server.log");
    match fs::read_to_string(&path) {
        Ok(text) => {
            let lines: Vec<&str> = text.lines().collect();
            lines[lines.len().saturating_sub(30)..].join("\n")
        }
        Err(e) => format!("({}: {e})", path.display()),
    }
}
