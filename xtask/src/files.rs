//! Writing files so that a failure part way never loses what was there: every write goes to
//! a temporary file or folder beside its target and is renamed into place only when complete.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// The workspace root (xtask lives one level below it).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// `path` relative to the workspace root, for messages.
pub fn display(path: &Path) -> String {
    path.strip_prefix(workspace_root())
        .unwrap_or(path)
        .display()
        .to_string()
}

fn parent(path: &Path) -> Result<&Path> {
    path.parent()
        .with_context(|| format!("{} has no parent folder", path.display()))
}

/// Writes `contents` to `path` atomically (temporary file in the same folder, then rename).
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let dir = parent(path)?;
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    // A temporary file is private (0600); what replaces a file a person edits and commits
    // is read by others, so it gets the usual 0644.
    let mut tmp = tempfile::Builder::new()
        .prefix(".mwtyped-")
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644))
        .tempfile_in(dir)
        .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    std::io::Write::write_all(&mut tmp, contents)
        .with_context(|| format!("writing {}", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("replacing {}", path.display()))?;
    Ok(())
}

/// Replaces the folder `dir` by one holding exactly `files` (name → contents). The new folder
/// is written completely beside the old one first; the old one is removed only after the new
/// one is in place, and put back if that fails.
pub fn replace_dir(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<()> {
    let base = parent(dir)?;
    fs::create_dir_all(base).with_context(|| format!("creating {}", base.display()))?;
    let staged = tempfile::Builder::new()
        .prefix(".mwtyped-new-")
        .tempdir_in(base)
        .with_context(|| format!("creating a temporary folder in {}", base.display()))?;
    for (name, contents) in files {
        let path = staged.path().join(name);
        fs::write(&path, contents).with_context(|| format!("writing {}", path.display()))?;
    }
    let old = base.join(format!(
        ".mwtyped-old-{}",
        dir.file_name().and_then(|n| n.to_str()).unwrap_or("dir")
    ));
    if old.exists() {
        fs::remove_dir_all(&old).with_context(|| format!("removing {}", old.display()))?;
    }
    let had_old = dir.exists();
    if had_old {
        fs::rename(dir, &old).with_context(|| format!("moving {} aside", dir.display()))?;
    }
    let staged = staged.keep();
    if let Err(e) = fs::rename(&staged, dir) {
        if had_old {
            let _ = fs::rename(&old, dir);
        }
        let _ = fs::remove_dir_all(&staged);
        return Err(e).with_context(|| format!("moving the new {} into place", dir.display()));
    }
    if had_old {
        fs::remove_dir_all(&old).with_context(|| format!("removing {}", old.display()))?;
    }
    Ok(())
}
