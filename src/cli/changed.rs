//! `check --staged` and `check --diff-base REF`: the inputs are the files git
//! reports as changed (under the paths named, if any), each reported only
//! on its changed lines.

use super::check::Job;
use super::CliError;
use copydesk::changes::{self, Since};
use copydesk::workspace::Workspace;
use std::path::{Path, PathBuf};

/// An absolute path with symlinks resolved where it exists.
fn real(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// `path` from `base` (both absolute): `../b.md` from `/r/sub` to `/r/b.md`.
fn relative(path: &Path, base: &Path) -> PathBuf {
    let shared = path
        .components()
        .zip(base.components())
        .take_while(|(a, b)| a == b)
        .count();
    let up = base.components().count() - shared;
    let mut rel: PathBuf = std::iter::repeat_n("..", up).collect();
    rel.extend(path.components().skip(shared));
    rel
}

/// The jobs of a changed-lines run, in git's order (by path).
pub fn jobs(ws: &Workspace, since: &Since, paths: &[PathBuf]) -> Result<Vec<Job>, CliError> {
    if paths.iter().any(|p| p.as_os_str() == "-") {
        return Err(CliError::Message(
            "`-` (standard input) has no git changes: drop it, or drop --staged/--diff-base".into(),
        ));
    }
    let here = real(ws.root());
    let changes = changes::changes(&here, since)?;
    let top = real(&changes.top);
    // As with every `check`, the current folder unless paths are named.
    let scopes: Vec<PathBuf> = match paths.is_empty() {
        true => vec![here.clone()],
        false => paths.iter().map(|p| real(&here.join(p))).collect(),
    };
    let mut jobs = Vec::new();
    let mut candidates = Vec::new();
    for changed in changes.files {
        let full = top.join(&changed.path);
        if !scopes.iter().any(|s| full.starts_with(s)) {
            continue;
        }
        let rel = relative(&full, &here);
        candidates.push(changed.path.clone());
        jobs.push((rel, changed));
    }
    // The filters of a walk of the repository: text extensions, ignore files.
    let keep: std::collections::HashSet<PathBuf> = copydesk::walk::lintable(&top, candidates)
        .into_iter()
        .collect();
    let mut out = Vec::new();
    for (rel, changed) in jobs {
        if !keep.contains(&changed.path) {
            continue;
        }
        let display = rel.display().to_string();
        if changed.binary {
            eprintln!("copydesk: {display}: skipped: binary file");
            continue;
        }
        let staged = (*since == Since::Staged).then(|| (top.clone(), changed.path.clone()));
        out.push(Job {
            display,
            path: Some(rel),
            named: false,
            staged,
            changed: Some(changed),
        });
    }
    Ok(out)
}
