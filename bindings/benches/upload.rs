//! A 20 MiB chunked upload through mwtyped, side by side in one run with curl sending the
//! same chunks (one process per chunk, the file cut beforehand), on the local 1.43 wiki. Run
//! through `cargo xtask bench upload`, which starts the wiki and passes its api.php and a bot
//! password in the environment. Prints one line:
//! `upload <mwtyped s> <mwtyped peak KiB> <curl s> <curl peak KiB> <requests> <chunks> <runs>`.

#[path = "../tests/common/png.rs"]
mod png;

use std::process::Command;
use std::time::{Duration, Instant};

use mwtyped::blocking::Client;
use mwtyped::{AuthStep, ChunkedUpload};

const CHUNK: usize = 1 << 20;

fn median(mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    samples[samples.len() / 2].as_secs_f64()
}

/// Starts this process's peak resident memory afresh (Linux's `clear_refs`, value 5).
fn reset_peak() {
    std::fs::write("/proc/self/clear_refs", "5").expect("/proc/self/clear_refs");
}

/// This process's peak resident memory since the last reset (`VmHWM`), in KiB.
fn peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    vm_hwm(&status).expect("VmHWM")
}

/// The peak resident memory (`VmHWM`, KiB) in a `/proc/<pid>/status` text.
fn vm_hwm(status: &str) -> Option<u64> {
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// Runs curl with `args`; its standard output and its peak resident memory in KiB, read
/// from `/proc` every millisecond while it runs (the mark only grows, so the last reading is
/// its peak but for the last millisecond).
fn curl(args: &[String]) -> (String, u64) {
    let mut child = Command::new("curl")
        .arg("-sf")
        // No `Expect: 100-continue` wait on large bodies, which php -S never answers.
        .args(["-H", "Expect:"])
        .args(args)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("curl runs");
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut text).expect("curl's answer");
        text
    });
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    let status = loop {
        if let Some(kib) = std::fs::read_to_string(&status_file)
            .ok()
            .as_deref()
            .and_then(vm_hwm)
        {
            peak = peak.max(kib);
        }
        if let Some(status) = child.try_wait().expect("curl's status") {
            break status;
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    assert!(status.success(), "curl failed: {status:?}");
    (reader.join().expect("reader"), peak)
}

fn main() {
    let (Ok(api), Ok(user), Ok(password)) = (
        std::env::var("MWTYPED_BENCH_API"),
        std::env::var("MWTYPED_BENCH_BOT_USER"),
        std::env::var("MWTYPED_BENCH_BOT_PASSWORD"),
    ) else {
        eprintln!("upload: run `cargo xtask bench upload`, which starts the wiki");
        return;
    };
    let runs: usize = std::env::var("MWTYPED_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let dir = std::env::temp_dir().join(format!("mwtyped-bench-upload-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let file = dir.join("upload.png");
    let bytes = png::png(20 << 20);
    std::fs::write(&file, &bytes).expect("the file");
    let chunks: Vec<_> = bytes
        .chunks(CHUNK)
        .enumerate()
        .map(|(i, chunk)| {
            let path = dir.join(format!("chunk-{i}"));
            std::fs::write(&path, chunk).expect("a chunk");
            path
        })
        .collect();
    drop(bytes);

    let client = Client::new(&api, "mwtyped-bench (upload)").expect("client");
    let step = client.login(&user, &password).expect("login");
    assert!(matches!(step, AuthStep::Pass(_)), "{step:?}");
    let jar = dir.join("cookies").display().to_string();
    // curl's session: a bot-password login, not timed.
    let (token_json, _) = curl(&[
        "-c".into(),
        jar.clone(),
        format!("{api}?action=query&meta=tokens&type=login&format=json"),
    ]);
    let token: serde_json::Value = serde_json::from_str(&token_json).expect("JSON");
    let login_token = token["query"]["tokens"]["logintoken"]
        .as_str()
        .expect("token")
        .to_owned();
    let (login, _) = curl(&[
        "-b".into(),
        jar.clone(),
        "-c".into(),
        jar.clone(),
        "--data-urlencode".into(),
        "action=login".into(),
        "--data-urlencode".into(),
        format!("lgname={user}"),
        "--data-urlencode".into(),
        format!("lgpassword={password}"),
        "--data-urlencode".into(),
        format!("lgtoken={login_token}"),
        "--data-urlencode".into(),
        "format=json".into(),
        api.clone(),
    ]);
    assert!(login.contains("Success"), "curl's login: {login}");
    let (csrf, _) = curl(&[
        "-b".into(),
        jar.clone(),
        format!("{api}?action=query&meta=tokens&format=json"),
    ]);
    let csrf: serde_json::Value = serde_json::from_str(&csrf).expect("JSON");
    let csrf = csrf["query"]["tokens"]["csrftoken"]
        .as_str()
        .expect("csrf")
        .to_owned();

    let size = std::fs::metadata(&file).expect("size").len();
    let (mut ours, mut theirs, mut requests) = (vec![], vec![], 0);
    let (mut our_peak, mut curl_peak) = (0, 0);
    for run in 0..runs {
        let stamp = format!("{}-{run}", std::process::id());
        let mut upload = ChunkedUpload::new(&file, format!("Mwtyped bench {stamp}.png"));
        upload.ignore_warnings = true;
        upload.chunk_size = CHUNK;
        let before = client.requests_sent();
        reset_peak();
        let start = Instant::now();
        client.upload_in_chunks(&upload).expect("uploaded");
        ours.push(start.elapsed());
        our_peak = our_peak.max(peak_kib());
        requests = client.requests_sent() - before;

        let name = format!("Mwtyped bench curl {stamp}.png");
        let start = Instant::now();
        let mut filekey = String::new();
        let mut offset = 0u64;
        for chunk in &chunks {
            let mut args: Vec<String> = vec!["-b".into(), jar.clone()];
            for (field, value) in [
                ("action", "upload".to_owned()),
                ("format", "json".to_owned()),
                ("stash", "1".to_owned()),
                ("ignorewarnings", "1".to_owned()),
                ("filename", name.clone()),
                ("filesize", size.to_string()),
                ("offset", offset.to_string()),
                ("token", csrf.clone()),
            ] {
                args.push("-F".into());
                args.push(format!("{field}={value}"));
            }
            if !filekey.is_empty() {
                args.push("-F".into());
                args.push(format!("filekey={filekey}"));
            }
            args.push("-F".into());
            args.push(format!("chunk=@{};filename={name}", chunk.display()));
            args.push(api.clone());
            let (answer, peak) = curl(&args);
            curl_peak = curl_peak.max(peak);
            let answer: serde_json::Value = serde_json::from_str(&answer).expect("JSON");
            filekey = answer["upload"]["filekey"]
                .as_str()
                .expect("filekey")
                .to_owned();
            offset += std::fs::metadata(chunk).expect("chunk").len();
        }
        let (answer, peak) = curl(&[
            "-b".into(),
            jar.clone(),
            "--data-urlencode".into(),
            "action=upload".into(),
            "--data-urlencode".into(),
            "format=json".into(),
            "--data-urlencode".into(),
            "ignorewarnings=1".into(),
            "--data-urlencode".into(),
            format!("filename={name}"),
            "--data-urlencode".into(),
            format!("filekey={filekey}"),
            "--data-urlencode".into(),
            format!("token={csrf}"),
            api.clone(),
        ]);
        curl_peak = curl_peak.max(peak);
        theirs.push(start.elapsed());
        assert!(answer.contains("Success"), "curl's upload: {answer}");
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "upload {:.2} {} {:.2} {curl_peak} {requests} {} {runs}",
        median(ours),
        our_peak,
        median(theirs),
        chunks.len(),
    );
}
