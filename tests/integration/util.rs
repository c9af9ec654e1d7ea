//! Shared helpers: the shipped engine, the shared corpus, linting text.

use copydesk::rules::pack;
use copydesk::{lint_bytes, Diagnostic, Engine, Format, Linted, Settings};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(pack::shipped().expect("shipped packs load")).unwrap())
}

pub fn settings() -> Settings {
    engine().default_settings()
}

/// Lint `text` as plain text with the shipped defaults.
pub fn lint(text: &str) -> Vec<Diagnostic> {
    lint_with(text, &settings())
}

pub fn lint_with(text: &str, settings: &Settings) -> Vec<Diagnostic> {
    match lint_bytes(engine(), settings, Format::Plain, text.as_bytes().to_vec()) {
        Linted::Text { diagnostics, .. } => diagnostics,
        Linted::Binary => panic!("text treated as binary"),
    }
}

/// `../shared/corpus` beside the project. Tests that read it are marked
/// `#[cfg_attr(not(copydesk_corpus), ignore = "…")]` (see `build.rs`): they
/// are reported as ignored, with the reason, when it is absent.
pub fn corpus_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    assert!(dir.is_dir(), "shared corpus not found at {}", dir.display());
    dir
}

/// One article of a corpus file.
pub struct Article {
    pub id: String,
    pub text: String,
}

/// Read a `.jsonl` corpus file (`id`, `text` per line).
pub fn articles(file: &str) -> Vec<Article> {
    let path = corpus_dir().join(file);
    let data = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("corpus line is JSON");
            Article {
                id: v["id"].as_str().unwrap_or("").to_string(),
                text: v["text"].as_str().unwrap_or("").to_string(),
            }
        })
        .collect()
}

/// Run git in `dir`; its standard output (the test fails if git does).
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// A new, empty git repository (branch `main`, an author, no signing).
pub fn git_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["config", "user.email", "desk@example.com"]);
    git(d, &["config", "user.name", "Desk"]);
    git(d, &["config", "commit.gpgsign", "false"]);
    dir
}
