//! `copydesk hook install` / `uninstall`: a plain git `pre-commit` hook that
//! runs `check --staged`, for teams without the pre-commit framework. The
//! hook goes where git looks for hooks (`core.hooksPath` honoured).
//!
//! A hook is copydesk's only if it is byte for byte what `install` writes
//! (any copydesk path in it): a hook another tool wrote, or copydesk's
//! edited by hand, is the user's. A user's hook is never replaced without
//! `--force`, and never destroyed: `--force` moves it to the first free
//! name of `pre-commit.old`, `pre-commit.old.1`, … and the hook written
//! records that name, so `uninstall` puts it back (as the pre-commit
//! framework does with `pre-commit.legacy`).

use super::args::HookCommand;
use super::CliError;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The line that opens copydesk's hook, after the shebang.
const MARK: &str = "# Written by `copydesk hook install`";

/// The line, when the hook replaced one, that says where that one is:
/// `SAVED` + its file name + `SAVED_END`.
const SAVED: &str = "# It replaced a hook, kept as ";
const SAVED_END: &str = ": `copydesk hook uninstall` puts it back.";

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

/// `s` as one single-quoted word of the shell.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// The hook, running the copydesk at `quoted` (a quoted path) if it is
/// still there, else the one on `PATH`.
fn script_with(quoted: &str, saved: Option<&str>) -> String {
    let saved = saved
        .map(|s| format!("{SAVED}{s}{SAVED_END}\n"))
        .unwrap_or_default();
    format!(
        "#!/bin/sh\n{MARK}: lint the staged drafts before each commit.\n\
         # Skip once with `git commit --no-verify`; remove with `copydesk hook uninstall`.\n\
         {saved}\
         copydesk={quoted}\n\
         [ -x \"$copydesk\" ] || copydesk=copydesk\n\
         exec \"$copydesk\" check --staged\n"
    )
}

/// The hook this copydesk writes.
fn script(saved: Option<&str>) -> String {
    let exe = std::env::current_exe()
        .ok()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "copydesk".into());
    script_with(&quote(&exe), saved)
}

/// A name `install --force` gives a replaced hook: `pre-commit.old` or
/// `pre-commit.old.N`.
fn is_backup_name(name: &str) -> bool {
    match name.strip_prefix("pre-commit.old") {
        Some("") => true,
        Some(n) => n
            .strip_prefix('.')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())),
        None => false,
    }
}

/// Whether `text` is a hook copydesk wrote, unchanged: `Some` with the
/// name of the hook it replaced, if any. Only the copydesk path (a quoted
/// word, as `install` quotes it) and that name may vary; an edited hook is
/// `None`, the user's.
fn ours(text: &str) -> Option<Option<String>> {
    let quoted = text.lines().find_map(|l| l.strip_prefix("copydesk="))?;
    let unquoted = quoted
        .strip_prefix('\'')?
        .strip_suffix('\'')?
        .replace("'\\''", "'");
    if quote(&unquoted) != quoted {
        return None;
    }
    let saved = text
        .lines()
        .find_map(|l| l.strip_prefix(SAVED)?.strip_suffix(SAVED_END));
    if saved.is_some_and(|s| !is_backup_name(s)) {
        return None;
    }
    (text == script_with(quoted, saved)).then(|| saved.map(str::to_string))
}

/// What is at `path`: nothing, copydesk's hook (with the name of the hook
/// it replaced), or the user's (a dangling symbolic link included).
enum Existing {
    None,
    Ours(Option<String>),
    Theirs,
}

fn existing(path: &Path) -> Existing {
    if std::fs::symlink_metadata(path).is_err() {
        return Existing::None;
    }
    match std::fs::read(path)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
    {
        Some(text) => ours(&text).map_or(Existing::Theirs, Existing::Ours),
        None => Existing::Theirs,
    }
}

/// The first of `pre-commit.old`, `pre-commit.old.1`, … that names nothing
/// in `dir`.
fn free_backup(dir: &Path) -> String {
    (0..)
        .map(|n| match n {
            0 => "pre-commit.old".to_string(),
            n => format!("pre-commit.old.{n}"),
        })
        .find(|name| std::fs::symlink_metadata(dir.join(name)).is_err())
        .unwrap_or_default()
}

fn write_hook(dir: &Path, hook: &Path, saved: Option<&str>) -> Result<(), CliError> {
    std::fs::create_dir_all(dir)?;
    let mut file = tempfile::Builder::new().tempfile_in(dir)?;
    file.write_all(script(saved).as_bytes())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o755))?;
    }
    file.persist(hook).map_err(|e| CliError::Io(e.error))?;
    Ok(())
}

pub fn run(command: HookCommand) -> Result<u8, CliError> {
    let dir = hooks_dir()?;
    let hook = dir.join("pre-commit");
    let shown = hook.display();
    match command {
        HookCommand::Install { force } => {
            let saved = match existing(&hook) {
                Existing::None => None,
                // Rewritten (this copydesk's path), still pointing at the
                // hook it replaced.
                Existing::Ours(saved) => saved,
                Existing::Theirs if !force => {
                    return Err(CliError::Message(format!(
                        "{shown} exists and is not the hook copydesk writes (another tool's, or edited since): left alone (--force replaces it, keeping it as {})",
                        free_backup(&dir)
                    )));
                }
                Existing::Theirs => {
                    let name = free_backup(&dir);
                    std::fs::rename(&hook, dir.join(&name))?;
                    eprintln!(
                        "copydesk: the hook it replaces is kept as {} (`copydesk hook uninstall` puts it back)",
                        dir.join(&name).display()
                    );
                    Some(name)
                }
            };
            write_hook(&dir, &hook, saved.as_deref())?;
            eprintln!("copydesk: installed {shown} (runs `copydesk check --staged`)");
            Ok(0)
        }
        HookCommand::Uninstall => match existing(&hook) {
            Existing::None => {
                eprintln!("copydesk: no pre-commit hook at {shown}");
                Ok(0)
            }
            Existing::Theirs => Err(CliError::Message(format!(
                "{shown} is not the hook copydesk writes (another tool's, or edited since): left alone"
            ))),
            Existing::Ours(saved) => {
                let backup = saved.as_deref().map(|s| dir.join(s));
                match &backup {
                    Some(b) if std::fs::symlink_metadata(b).is_ok() => {
                        // One step: the user's hook takes the place of ours.
                        std::fs::rename(b, &hook)?;
                        eprintln!(
                            "copydesk: removed copydesk's hook and put back the one it replaced (from {})",
                            b.display()
                        );
                    }
                    Some(b) => {
                        std::fs::remove_file(&hook)?;
                        eprintln!(
                            "copydesk: removed {shown}; the hook it replaced, kept as {}, is no longer there",
                            b.display()
                        );
                    }
                    None => {
                        std::fs::remove_file(&hook)?;
                        eprintln!("copydesk: removed {shown}");
                    }
                }
                Ok(0)
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_hook_as_written_is_ours() {
        let plain = script_with(&quote("/opt/it's/copydesk"), None);
        assert_eq!(ours(&plain), Some(None));
        let saved = script_with("'/usr/bin/copydesk'", Some("pre-commit.old.2"));
        assert_eq!(ours(&saved), Some(Some("pre-commit.old.2".into())));
        // Edited: a line added, a line changed, an unquoted path, a saved
        // name that is not a backup's.
        assert_eq!(ours(&format!("{plain}echo more\n")), None);
        assert_eq!(ours(&plain.replace("--staged", "--staged -q")), None);
        assert_eq!(
            ours(&script_with("/usr/bin/copydesk", None)),
            None,
            "unquoted"
        );
        assert_eq!(ours(&script_with("'a'b'", None)), None);
        assert_eq!(ours(&script_with("'x'", Some("../config"))), None);
        assert_eq!(ours("#!/bin/sh\n"), None);
    }

    #[test]
    fn backup_names() {
        assert!(is_backup_name("pre-commit.old"));
        assert!(is_backup_name("pre-commit.old.12"));
        assert!(!is_backup_name("pre-commit.old."));
        assert!(!is_backup_name("pre-commit.old.1/x"));
        assert!(!is_backup_name("pre-commit"));
    }
}
