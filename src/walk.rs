//! Which files a run lints: paths named by the user, and the text files
//! found by walking folders (honouring `.gitignore`, `.ignore` and
//! `.copydeskignore`, and skipping hidden files and folders, as ripgrep
//! does; a hidden path named by the user is linted).

use crate::error::Error;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Extensions linted when walking a folder (files named explicitly are always linted).
pub const TEXT_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "mdown", "mkd", "mdx", "html", "htm",
];

/// Whether a walked file is one copydesk lints, by its extension.
pub fn is_text_file(path: &Path) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| TEXT_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
}

/// Expand `paths` (relative to `root`, or absolute) into files, in a stable
/// order: a file as given, a folder's text files sorted, `-` (standard
/// input) kept as it is. A file met twice (named twice, under two
/// spellings or through a symbolic link, or named and found in a folder
/// named too) is listed once, as it was met first: it is linted, counted
/// and fixed once. Paths that cannot be read are returned as errors.
pub fn files(root: &Path, paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Error>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    // The files listed, as resolved (symbolic links followed).
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let resolved = |full: &Path| std::fs::canonicalize(full).unwrap_or_else(|_| full.to_path_buf());
    for p in paths {
        if p.as_os_str() == "-" {
            files.push(p.clone());
            continue;
        }
        let full = root.join(p);
        match std::fs::metadata(&full) {
            Err(e) => errors.push(Error::io(p, e)),
            Ok(m) if m.is_dir() => {
                // The walk follows no link: a file's resolved path is the
                // folder's and its path under it.
                let base = resolved(&full);
                let mut found = Vec::new();
                let walker = ignore::WalkBuilder::new(&full)
                    .require_git(false)
                    .add_custom_ignore_filename(".copydeskignore")
                    .build();
                for entry in walker {
                    match entry {
                        Err(e) => errors.push(Error::Message(e.to_string())),
                        Ok(e) => {
                            let is_file = e.file_type().is_some_and(|t| t.is_file());
                            if is_file && is_text_file(e.path()) {
                                // Keep the path as the user wrote it.
                                let rel = e.path().strip_prefix(&full).unwrap_or(e.path());
                                found.push((p.join(rel), base.join(rel)));
                            }
                        }
                    }
                }
                found.sort();
                for (file, key) in found {
                    if seen.insert(key) {
                        files.push(file);
                    }
                }
            }
            Ok(_) => {
                if seen.insert(resolved(&full)) {
                    files.push(p.clone());
                }
            }
        }
    }
    (files, errors)
}

/// Of files named one by one (by a hook, or by git as changed), those a
/// walk of `root` would lint: a text extension, and not excluded by
/// `.gitignore` or `.copydeskignore` (`check --force-exclude`). The walk
/// only enters the folders that lead to a named file. A file not on disk
/// (staged, then deleted from the working copy) or outside `root` is judged
/// by its extension alone; `-` (standard input) is kept.
pub fn lintable(root: &Path, files: Vec<PathBuf>) -> Vec<PathBuf> {
    // Absolute, without `.` components, as the walk reports paths.
    let full = |f: &Path| -> PathBuf { root.join(f).components().collect() };
    let on_disk = |f: &Path| {
        let p = full(f);
        p.is_file() && p.starts_with(root) && !f.components().any(|c| c.as_os_str() == "..")
    };
    let wanted: HashSet<PathBuf> = files
        .iter()
        .filter(|f| f.as_os_str() != "-" && is_text_file(f) && on_disk(f))
        .map(|f| full(f))
        .collect();
    let folders: HashSet<PathBuf> = wanted
        .iter()
        .flat_map(|p| p.ancestors().skip(1).take_while(|a| a.starts_with(root)))
        .map(Path::to_path_buf)
        .collect();
    let mut kept = HashSet::new();
    if !wanted.is_empty() {
        let walker = ignore::WalkBuilder::new(root)
            .require_git(false)
            .add_custom_ignore_filename(".copydeskignore")
            .filter_entry(move |e| {
                !e.file_type().is_some_and(|t| t.is_dir()) || folders.contains(e.path())
            })
            .build();
        for entry in walker.flatten() {
            if wanted.contains(entry.path()) {
                kept.insert(entry.into_path());
            }
        }
    }
    files
        .into_iter()
        .filter(|f| {
            f.as_os_str() == "-" || (is_text_file(f) && (!on_disk(f) || kept.contains(&full(f))))
        })
        .collect()
}
