//! Configuration reload: which changed files matter (any `copydesk.toml`,
//! and every config and pack the workspace read), the file watcher the
//! server asks a client to run for it, and the broken-config diagnostics:
//! one on each config or pack that could not be loaded, cleared when it
//! loads again.

use lsp_types::{
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern, Registration,
    RegistrationParams, Uri,
};
use std::collections::HashMap;
use std::path::Path;

/// Whether a change to `path` may change what the workspace lints with.
pub fn matters(path: &Path, loaded: &[std::path::PathBuf]) -> bool {
    path.file_name()
        .is_some_and(|n| n == copydesk::config::FILE_NAME)
        || loaded.iter().any(|l| l == path)
}

/// Whether the client can watch files for the server (dynamic
/// registration of `workspace/didChangeWatchedFiles`).
pub fn client_watches(caps: &lsp_types::ClientCapabilities) -> bool {
    caps.workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false)
}

/// The registration asking the client to report changes to config files
/// and rule packs (TOML files; those that matter are picked on arrival).
pub fn watcher_registration() -> RegistrationParams {
    let watchers = ["**/copydesk.toml", "**/*.toml"]
        .into_iter()
        .map(|glob| FileSystemWatcher {
            glob_pattern: GlobPattern::String(glob.into()),
            kind: None,
        })
        .collect();
    let options = DidChangeWatchedFilesRegistrationOptions { watchers };
    RegistrationParams {
        registrations: vec![Registration {
            id: "copydesk-config-watcher".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(options).ok(),
        }],
    }
}

/// The broken-config diagnostics published, by file.
#[derive(Default)]
pub struct LoadErrors {
    /// By the file's URI as text (a `Uri` is no hash key for clippy).
    published: HashMap<String, (Uri, lsp_types::Diagnostic)>,
}

impl LoadErrors {
    /// The publications that take the client from what it was told to
    /// `now` (one diagnostic a file): new or changed errors, and empty
    /// lists for files that load again.
    pub fn update(
        &mut self,
        now: impl IntoIterator<Item = (Uri, lsp_types::Diagnostic)>,
    ) -> Vec<(Uri, Vec<lsp_types::Diagnostic>)> {
        let now: HashMap<String, (Uri, lsp_types::Diagnostic)> = now
            .into_iter()
            .map(|(u, d)| (u.as_str().to_string(), (u, d)))
            .collect();
        let mut out = Vec::new();
        for (key, (uri, _)) in &self.published {
            if !now.contains_key(key) {
                out.push((uri.clone(), Vec::new()));
            }
        }
        for (key, (uri, d)) in &now {
            if self.published.get(key).map(|p| &p.1) != Some(d) {
                out.push((uri.clone(), vec![d.clone()]));
            }
        }
        self.published = now;
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_files_and_loaded_packs_matter() {
        let loaded = vec![std::path::PathBuf::from("/desk/house.toml")];
        assert!(matters(Path::new("/desk/sub/copydesk.toml"), &loaded));
        assert!(matters(Path::new("/desk/house.toml"), &loaded));
        assert!(!matters(Path::new("/desk/Cargo.toml"), &loaded));
    }

    #[test]
    fn errors_are_published_once_and_cleared() {
        let uri: Uri = "file:///desk/copydesk.toml".parse().unwrap();
        let d = lsp_types::Diagnostic {
            message: "bad".into(),
            ..Default::default()
        };
        let mut errors = LoadErrors::default();
        let now = [(uri.clone(), d.clone())];
        assert_eq!(errors.update(now.clone()), vec![(uri.clone(), vec![d])]);
        assert_eq!(errors.update(now), vec![]);
        assert_eq!(errors.update([]), vec![(uri, vec![])]);
    }
}
