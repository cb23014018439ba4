//! Running cargo from xtask: the cargo that runs xtask (`$CARGO`, so the same toolchain),
//! in the workspace.

use std::process::Command;

use anyhow::{Context, Result, bail};

/// `cargo`, ready to run in the workspace.
pub fn command() -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command.current_dir(crate::files::workspace_root());
    command
}

/// Runs `cargo ARGS` in the workspace with `env` added; fails when it does.
pub fn run(args: &[&str], env: &[(String, String)]) -> Result<()> {
    let status = command()
        .args(args)
        .envs(env.iter().cloned())
        .status()
        .with_context(|| format!("running cargo {}", args.join(" ")))?;
    if !status.success() {
        bail!("cargo {} failed ({status})", args.join(" "));
    }
    Ok(())
}
