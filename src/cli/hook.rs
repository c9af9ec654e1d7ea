//! `copydesk hook install` / `uninstall`: a plain git `pre-commit` hook that
//! runs `check --staged`, for teams without the pre-commit framework. The
//! hook goes where git looks for hooks (`core.hooksPath` honoured), and an
//! existing hook that copydesk did not write is never replaced without
//! `--force` (which keeps it beside as `pre-commit.old`).

use super::args::HookCommand;
use super::CliError;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The line that marks a hook as copydesk's own.
const MARK: &str = "# Written by `copydesk hook install`";

/// Where git runs hooks from, for the repository of the current folder.
fn hooks_dir() -> Result<PathBuf, CliError> {
    let out = std::process::Command::new("git")
        .args(["rev-parse", "--git-path", "hooks"])
        .output()
        .map_err(|e| CliError::Message(format!("could not run git: {e}")))?;
    if !out.status.success() {
        return Err(CliError::Message(
            "not in a git repository: a hook needs one".into(),
        ));
    }
    Ok(PathBuf::from(
        String::from_utf8_lossy(&out.stdout).trim_end().to_string(),
    ))
}

/// The hook: this copydesk if it is still there, else the one on `PATH`.
fn script() -> String {
    let exe = std::env::current_exe()
        .ok()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "copydesk".into());
    let quoted = format!("'{}'", exe.replace('\'', "'\\''"));
    format!(
        "#!/bin/sh\n{MARK}: lint the staged drafts before each commit.\n\
         # Skip once with `git commit --no-verify`; remove with `copydesk hook uninstall`.\n\
         copydesk={quoted}\n\
         [ -x \"$copydesk\" ] || copydesk=copydesk\n\
         exec \"$copydesk\" check --staged\n"
    )
}

fn is_ours(path: &Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|s| s.contains(MARK))
}

pub fn run(command: HookCommand) -> Result<u8, CliError> {
    let dir = hooks_dir()?;
    let hook = dir.join("pre-commit");
    let shown = hook.display();
    match command {
        HookCommand::Install { force } => {
            if hook.exists() && !is_ours(&hook) {
                if !force {
                    return Err(CliError::Message(format!(
                        "{shown} exists and was not written by copydesk: left alone (--force replaces it, keeping it as pre-commit.old)"
                    )));
                }
                std::fs::rename(&hook, dir.join("pre-commit.old"))?;
                eprintln!(
                    "copydesk: the old hook is kept as {}",
                    dir.join("pre-commit.old").display()
                );
            }
            std::fs::create_dir_all(&dir)?;
            let mut file = tempfile::Builder::new().tempfile_in(&dir)?;
            file.write_all(script().as_bytes())?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                file.as_file()
                    .set_permissions(std::fs::Permissions::from_mode(0o755))?;
            }
            file.persist(&hook).map_err(|e| CliError::Io(e.error))?;
            eprintln!("copydesk: installed {shown} (runs `copydesk check --staged`)");
            Ok(0)
        }
        HookCommand::Uninstall => {
            if !hook.exists() {
                eprintln!("copydesk: no pre-commit hook at {shown}");
                return Ok(0);
            }
            if !is_ours(&hook) {
                return Err(CliError::Message(format!(
                    "{shown} was not written by copydesk: left alone"
                )));
            }
            std::fs::remove_file(&hook)?;
            eprintln!("copydesk: removed {shown}");
            Ok(0)
        }
    }
}
