//! The `cargo xtask wiki` subcommands: thin shells over the functions in `mod.rs`.

use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};

use super::{ExtensionSet, MwVersion, WikiSpec, state};

#[derive(Args)]
pub struct WikiArgs {
    #[command(subcommand)]
    command: WikiCommand,
}

#[derive(Subcommand)]
enum WikiCommand {
    /// Install (when needed) and start a wiki; prints its api.php URL on stdout.
    Start(StartArgs),
    /// Stop a wiki's server (its data stays).
    Stop(StopArgs),
    /// List every wiki: name, version, port, running or not, api.php URL, extensions.
    Status,
    /// Stop a wiki, delete its data and install it again; prints its api.php URL.
    Reset(ResetArgs),
    /// List the bundled extensions of a version (both by default) and what each requires.
    Extensions {
        #[arg(long)]
        version: Option<MwVersion>,
    },
}

#[derive(Args)]
struct StartArgs {
    #[arg(long)]
    version: MwVersion,
    /// `all`, `none` or bundled extension names separated by commas (dependencies are added).
    #[arg(long, default_value = "all")]
    extensions: ExtensionSet,
    /// Default: `{version}-{extensions}`, e.g. `1.39-all`.
    #[arg(long)]
    name: Option<String>,
    /// Default: 8139/8143 for `all`, 8239/8243 for `none`, else the first free from 8300.
    #[arg(long)]
    port: Option<u16>,
}

/// Names a wiki: `--name`, or `--version` with `--extensions` (default `all`).
#[derive(Args)]
struct Selector {
    /// With --extensions, names the wiki `{version}-{extensions}`.
    #[arg(long, conflicts_with = "name")]
    version: Option<MwVersion>,
    /// `all` (default), `none` or names separated by commas.
    #[arg(long, requires = "version")]
    extensions: Option<ExtensionSet>,
    /// The wiki's name, as `status` lists it.
    #[arg(long)]
    name: Option<String>,
}

impl Selector {
    fn name(&self) -> Option<String> {
        match (&self.name, self.version) {
            (Some(name), _) => Some(name.clone()),
            (None, Some(version)) => Some(self.spec(version).default_name()),
            (None, None) => None,
        }
    }

    fn spec(&self, version: MwVersion) -> WikiSpec {
        WikiSpec {
            version,
            extensions: self.extensions.clone().unwrap_or(ExtensionSet::All),
            name: self.name.clone(),
            port: None,
        }
    }
}

#[derive(Args)]
struct StopArgs {
    #[command(flatten)]
    which: Selector,
    /// Stop every wiki this tool runs.
    #[arg(long, conflicts_with_all = ["version", "name"])]
    all: bool,
}

#[derive(Args)]
struct ResetArgs {
    #[command(flatten)]
    which: Selector,
    /// Default: the port the wiki had.
    #[arg(long)]
    port: Option<u16>,
}

pub fn run(args: WikiArgs) -> Result<()> {
    match args.command {
        WikiCommand::Start(a) => {
            let wiki = super::start(&WikiSpec {
                version: a.version,
                extensions: a.extensions,
                name: a.name,
                port: a.port,
            })?;
            println!("{}", wiki.api_url());
        }
        WikiCommand::Stop(a) if a.all => {
            for st in state::all()? {
                super::stop(&st.name)?;
            }
        }
        WikiCommand::Stop(a) => {
            let name = a
                .which
                .name()
                .context("say which wiki: --name NAME, --version V [--extensions E] or --all")?;
            super::stop(&name)?;
        }
        WikiCommand::Status => status()?,
        WikiCommand::Extensions { version } => {
            let versions = version.map_or(MwVersion::ALL.to_vec(), |v| vec![v]);
            for version in versions {
                for ext in super::bundled_extensions(version)? {
                    let deps = super::extension_dependencies(version, &ext)?;
                    println!("{version} {ext} {}", deps.join(","));
                }
            }
        }
        WikiCommand::Reset(a) => {
            let name = a
                .which
                .name()
                .context("say which wiki: --name NAME or --version V [--extensions E]")?;
            let mut spec = match (
                state::State::load(&state::wiki_dir(&name))?,
                a.which.version,
            ) {
                (Some(st), _) => WikiSpec {
                    version: st.version,
                    extensions: st.set.parse()?,
                    name: Some(name),
                    port: Some(st.port),
                },
                (None, Some(version)) => a.which.spec(version),
                (None, None) => bail!("there is no wiki named {name}; give --version to create it"),
            };
            if let Some(version) = a.which.version {
                spec.version = version;
            }
            if let Some(extensions) = a.which.extensions {
                spec.extensions = extensions;
            }
            spec.port = a.port.or(spec.port);
            let wiki = super::reset(&spec)?;
            println!("{}", wiki.api_url());
        }
    }
    Ok(())
}

fn status() -> Result<()> {
    let wikis = super::list()?;
    if wikis.is_empty() {
        println!("no wikis yet: cargo xtask wiki start --version 1.39");
        return Ok(());
    }
    let width = wikis
        .iter()
        .map(|(w, _, _)| w.name.len())
        .max()
        .unwrap_or(0);
    println!(
        "{:<width$} {:<7} {:<5} {:<7} {:<30} EXTENSIONS",
        "NAME", "VERSION", "PORT", "STATE", "API"
    );
    for (wiki, set, running) in wikis {
        let extensions = match set {
            ExtensionSet::All => format!("all ({})", wiki.extensions.len()),
            _ if wiki.extensions.is_empty() => "none".to_owned(),
            _ => wiki.extensions.join(","),
        };
        println!(
            "{:<width$} {:<7} {:<5} {:<7} {:<30} {}",
            wiki.name,
            wiki.version,
            wiki.port,
            if running { "running" } else { "stopped" },
            wiki.api_url(),
            extensions
        );
    }
    Ok(())
}
