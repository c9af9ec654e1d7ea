//! Which files a run lints: paths named by the user, and the text files
//! found by walking folders (honouring `.gitignore` and `.copydeskignore`).

use crate::error::Error;
use std::path::{Path, PathBuf};

/// Extensions linted when walking a folder (files named explicitly are always linted).
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "mdown", "mkd", "mdx"];

/// Whether a walked file is one copydesk lints, by its extension.
pub fn is_text_file(path: &Path) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| TEXT_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
}

/// Expand `paths` (relative to `root`, or absolute) into files, in a stable
/// order: a file as given, a folder's text files sorted, `-` (standard
/// input) kept as it is. Paths that cannot be read are returned as errors.
pub fn files(root: &Path, paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Error>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            files.push(p.clone());
            continue;
        }
        let full = root.join(p);
        match std::fs::metadata(&full) {
            Err(e) => errors.push(Error::io(p, e)),
            Ok(m) if m.is_dir() => {
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
                                found.push(p.join(rel));
                            }
                        }
                    }
                }
                found.sort();
                files.extend(found);
            }
            Ok(_) => files.push(p.clone()),
        }
    }
    (files, errors)
}
