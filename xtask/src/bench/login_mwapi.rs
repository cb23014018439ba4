//! The reference of `cargo xtask bench login`: mwapi 0.7 logging in with a bot password,
//! each time from a fresh client. Prints `mwapi <median ms> <runs>`.

use std::time::{Duration, Instant};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let var = |name: &str| std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set"));
    let (api, user, password) = (
        var("MWTYPED_BENCH_API"),
        var("MWTYPED_BENCH_BOT_USER"),
        var("MWTYPED_BENCH_BOT_PASSWORD"),
    );
    let runs: usize = var("MWTYPED_BENCH_RUNS").parse().expect("runs");
    let mut samples: Vec<Duration> = vec![];
    for _ in 0..runs {
        let start = Instant::now();
        let client = mwapi::Client::builder(&api)
            .set_user_agent("mwtyped-bench (login, mwapi)")
            .set_botpassword(&user, &password)
            .build()
            .await
            .expect("mwapi logs in");
        samples.push(start.elapsed());
        drop(client);
    }
    samples.sort();
    println!(
        "mwapi {:.1} {runs}",
        samples[samples.len() / 2].as_secs_f64() * 1000.0
    );
}
