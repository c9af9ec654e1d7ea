//! The run, owned by the library: every front end (the command line, an
//! editor's language server, an HTTP service, a batch job) is a thin layer
//! over one [`Workspace`].
//!
//! A workspace has a root folder (where relative paths start) and the front
//! end's own options (a config choice, extra packs, a selection layer, a
//! fail level). For any path it discovers the `copydesk.toml` that governs
//! it, loads the shipped and user packs, builds one [`Engine`] per distinct
//! set of packs, and resolves the path's [`Settings`] (overrides included).
//! Configs and engines are cached, so linting many files compiles each pack
//! set once. It lints a file on disk or a document in memory under a path —
//! an editor's unsaved buffer gets exactly the config, overrides and packs
//! of its path — and applies fixes.
//!
//! A workspace is `Sync`: a server may share one between threads.

use crate::config::{self, Config, Selection};
use crate::decode::{self, Encoding};
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::{Engine, Settings};
use crate::error::Error;
use crate::input::{self, MAX_DOCUMENT_BYTES};
use crate::rules::pack;
use crate::source::Format;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Which config governs a path.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ConfigChoice {
    /// The nearest `copydesk.toml` in the path's folder or its ancestors.
    #[default]
    Discover,
    /// This file, for every path.
    File(PathBuf),
    /// No config: the packs' defaults.
    Isolated,
}

/// What the front end adds on top of the configs.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub config: ConfigChoice,
    /// Extra rule packs, loaded after the config's own.
    pub packs: Vec<PathBuf>,
    /// The front end's selection layer (the command line's `--select` …),
    /// applied after the config and its overrides.
    pub selection: Selection,
    /// Replaces the config's `fail-on`.
    pub fail_on: Option<Severity>,
    /// Which fixes `fix_bytes` and `check_file(…, true)` apply (the safe
    /// ones unless `unsafe_fixes`).
    pub fixes: crate::fix::FixOptions,
}

/// Everything that governs one path: its engine, settings and fail level.
#[derive(Clone)]
pub struct Resolved {
    pub engine: Arc<Engine>,
    pub settings: Settings,
    /// Findings at or above this severity fail the run.
    pub fail_on: Severity,
    /// Parsed as plain text or Markdown (from the path's extension).
    pub format: Format,
    /// The config file that applies, if any.
    pub config: Option<PathBuf>,
}

impl Resolved {
    /// Lint a document that is text by construction (a string from a JSON
    /// stream, an editor's buffer) with these settings, in `format` when
    /// given, else the path's: no binary or encoding sniffing. A front end
    /// that lints many documents under one path resolves it once.
    pub fn check_string(&self, format: Option<Format>, text: String) -> Checked {
        let src = crate::Source::new(&text, format.unwrap_or(self.format));
        let diagnostics = self.engine.lint(&src, &self.settings);
        Checked {
            text,
            diagnostics,
            encoding: Encoding::Utf8,
            fixed: 0,
            fail_on: self.fail_on,
            engine: self.engine.clone(),
        }
    }
}

/// A linted document.
pub struct Checked {
    /// The decoded text (invalid bytes read as spaces); after fixes, the fixed text.
    pub text: String,
    /// Sorted by position, then rule. Spans are offsets into `text`: the
    /// file's own for UTF-8, mapped by [`Encoding::file_offset`] for UTF-16.
    pub diagnostics: Vec<Diagnostic>,
    /// How the file encodes `text`.
    pub encoding: Encoding,
    /// How many fixes were applied (0 unless fixing).
    pub fixed: usize,
    pub fail_on: Severity,
    /// The engine that linted it, for rule metadata.
    pub engine: Arc<Engine>,
}

impl Checked {
    /// Whether a finding is at or above the fail level.
    pub fn failed(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity >= self.fail_on)
    }
}

/// The outcome of linting one input.
pub enum Outcome {
    Checked(Checked),
    /// A binary file (an image, an archive …; see [`crate::decode`]): not linted.
    Binary,
}

/// A pack set's config and engine, validated against each other once.
struct Profile {
    config: Config,
    engine: Arc<Engine>,
}

#[derive(Default)]
struct Cache {
    /// Folder → the config discovered for it.
    discovered: HashMap<PathBuf, Option<PathBuf>>,
    /// Config file (None: no config) → its profile.
    profiles: HashMap<Option<PathBuf>, Arc<Profile>>,
    /// Config file → why it (or a pack it names) could not be loaded: read
    /// once, however many files it governs.
    broken: HashMap<Option<PathBuf>, Error>,
    /// Pack list → its engine.
    engines: HashMap<Vec<PathBuf>, Arc<Engine>>,
}

/// The library's run: configs, packs and engines for every path under a root.
pub struct Workspace {
    root: PathBuf,
    options: Options,
    cache: Mutex<Cache>,
}

/// Drop `.` components so globs in overrides match `./desk/a.md` like `desk/a.md`.
fn normalize(p: &Path) -> PathBuf {
    p.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect()
}

impl Workspace {
    /// A workspace rooted at `root` (an absolute folder: relative paths
    /// given to it start there).
    pub fn new(root: impl Into<PathBuf>, options: Options) -> Workspace {
        Workspace {
            root: root.into(),
            options,
            cache: Mutex::default(),
        }
    }

    /// The same workspace, applying the fixes `fixes` allows.
    pub fn with_fixes(mut self, fixes: crate::fix::FixOptions) -> Workspace {
        self.options.fixes = fixes;
        self
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Forget every cached config and engine (a config or pack changed).
    pub fn reload(&self) {
        *self.lock() = Cache::default();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Cache> {
        // A panic elsewhere cannot leave the cache half-written: every
        // insertion is one statement.
        self.cache.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// `path` made absolute against the root, without `.` components.
    pub fn absolute(&self, path: &Path) -> PathBuf {
        normalize(&self.root.join(path))
    }

    /// The config file that governs the files of folder `dir`, if any.
    fn config_for(&self, dir: &Path) -> Option<PathBuf> {
        match &self.options.config {
            ConfigChoice::Isolated => None,
            ConfigChoice::File(p) => Some(p.clone()),
            ConfigChoice::Discover => {
                let dir = dir.to_path_buf();
                self.lock()
                    .discovered
                    .entry(dir)
                    .or_insert_with_key(|dir| config::discover(dir))
                    .clone()
            }
        }
    }

    /// The engine of the shipped packs plus `packs`, built once.
    fn engine(&self, packs: Vec<PathBuf>) -> Result<Arc<Engine>, Error> {
        if let Some(e) = self.lock().engines.get(&packs) {
            return Ok(e.clone());
        }
        let engine = Arc::new(build_engine(&packs)?);
        Ok(self.lock().engines.entry(packs).or_insert(engine).clone())
    }

    fn profile(&self, key: Option<PathBuf>) -> Result<Arc<Profile>, Error> {
        {
            let cache = self.lock();
            if let Some(p) = cache.profiles.get(&key) {
                return Ok(p.clone());
            }
            if let Some(e) = cache.broken.get(&key) {
                return Err(e.duplicate());
            }
        }
        let profile = self.load_profile(&key);
        let mut cache = self.lock();
        match profile {
            Ok(p) => Ok(cache.profiles.entry(key).or_insert(p).clone()),
            Err(e) => {
                let copy = e.duplicate();
                cache.broken.insert(key, e);
                Err(copy)
            }
        }
    }

    fn load_profile(&self, key: &Option<PathBuf>) -> Result<Arc<Profile>, Error> {
        let config = match key {
            Some(p) => Config::load(p)?,
            None => Config::default(),
        };
        let mut packs = config.packs.clone();
        packs.extend(self.options.packs.iter().cloned());
        let engine = self.engine(packs)?;
        config.validate(&engine)?;
        check_selection(&engine, &self.options.selection)?;
        Ok(Arc::new(Profile { config, engine }))
    }

    /// Everything that governs `path` (a file on disk or a document that
    /// only exists in memory; relative paths start at the root).
    pub fn resolve(&self, path: &Path) -> Result<Resolved, Error> {
        let abs = self.absolute(path);
        let dir = abs.parent().unwrap_or(&self.root).to_path_buf();
        self.resolve_in(&dir, &abs, Format::from_path(&path.to_string_lossy()))
    }

    /// The settings of `abs`, governed by the config of folder `dir`.
    fn resolve_in(&self, dir: &Path, abs: &Path, format: Format) -> Result<Resolved, Error> {
        let profile = self.profile(self.config_for(dir))?;
        let cfg = &profile.config;
        let base = match cfg.path.as_ref().and_then(|p| p.parent()) {
            Some(dir) => self.absolute(dir),
            None => self.root.clone(),
        };
        let rel = abs.strip_prefix(&base).unwrap_or(abs);
        Ok(Resolved {
            settings: cfg.settings_for(&profile.engine, rel, &self.options.selection),
            engine: profile.engine.clone(),
            fail_on: self
                .options
                .fail_on
                .or(cfg.fail_on)
                .unwrap_or(Severity::Warning),
            format,
            config: cfg.path.clone(),
        })
    }

    /// The engine and settings of the root folder: for listing and
    /// explaining rules.
    pub fn resolve_root(&self) -> Result<Resolved, Error> {
        self.resolve_in(&self.root, &self.root, Format::Plain)
    }

    /// Lint a document given as bytes, under `path` (which picks its
    /// config, overrides, packs and format; the file need not exist).
    pub fn check_bytes(&self, path: &Path, bytes: Vec<u8>) -> Result<Outcome, Error> {
        let r = self.resolve(path)?;
        let encoding = Encoding::sniff(&bytes);
        let utf16 = encoding.is_utf16().then(|| bytes.clone());
        Ok(
            match crate::lint_bytes(&r.engine, &r.settings, r.format, bytes) {
                crate::Linted::Binary => Outcome::Binary,
                crate::Linted::Text {
                    text,
                    mut diagnostics,
                } => {
                    // A UTF-16 file that its text does not encode back to
                    // (an unpaired surrogate read as U+FFFD) is never
                    // written: its fixes are only shown.
                    if utf16.is_some_and(|b| encoding.encode(&text) != b) {
                        for fix in diagnostics.iter_mut().filter_map(|d| d.fix.as_mut()) {
                            fix.applicability = crate::Applicability::DisplayOnly;
                        }
                    }
                    Outcome::Checked(Checked {
                        diagnostics,
                        text,
                        encoding,
                        fixed: 0,
                        fail_on: r.fail_on,
                        engine: r.engine,
                    })
                }
            },
        )
    }

    /// Lint text held in memory (an editor's unsaved buffer) under `path`.
    pub fn check_text(&self, path: &Path, text: &str) -> Result<Checked, Error> {
        let format = Format::from_path(&path.to_string_lossy());
        self.check_text_as(path, format, text)
    }

    /// Lint text held in memory under `path`, read as `format` (an editor
    /// knows a buffer's language when its name does not tell).
    pub fn check_text_as(&self, path: &Path, format: Format, text: &str) -> Result<Checked, Error> {
        let r = self.resolve(path)?;
        Ok(
            match crate::lint_bytes(&r.engine, &r.settings, format, text.as_bytes().to_vec()) {
                crate::Linted::Text { text, diagnostics } => Checked {
                    text,
                    diagnostics,
                    encoding: Encoding::Utf8,
                    fixed: 0,
                    fail_on: r.fail_on,
                    engine: r.engine,
                },
                // Text that reads as binary: nothing a linter can read.
                crate::Linted::Binary => Checked {
                    text: text.to_string(),
                    diagnostics: Vec::new(),
                    encoding: Encoding::Utf8,
                    fixed: 0,
                    fail_on: Severity::Error,
                    engine: r.engine,
                },
            },
        )
    }

    /// Apply the fixes the options allow to text held in memory under
    /// `path`, read as `format`: the fixed text and what is left in it.
    pub fn fix_text_as(
        &self,
        path: &Path,
        format: Format,
        text: &str,
    ) -> Result<(String, Checked), Error> {
        let r = self.resolve(path)?;
        let bytes = text.as_bytes().to_vec();
        let (fixed, count, linted) =
            crate::fix_bytes_with(&r.engine, &r.settings, format, bytes, self.options.fixes);
        let fixed = String::from_utf8(fixed)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        let (text, diagnostics) = match linted {
            crate::Linted::Text { text, diagnostics } => (text, diagnostics),
            crate::Linted::Binary => (fixed.clone(), Vec::new()),
        };
        let checked = Checked {
            text,
            diagnostics,
            encoding: Encoding::Utf8,
            fixed: count,
            fail_on: r.fail_on,
            engine: r.engine,
        };
        Ok((fixed, checked))
    }

    /// The config files and rule packs the cached configs and engines were
    /// read from (a broken one's file too): a front end that watches files
    /// reloads when one of these, or any `copydesk.toml`, changes.
    pub fn loaded_files(&self) -> Vec<PathBuf> {
        let cache = self.lock();
        let configs = cache.profiles.keys().chain(cache.broken.keys()).flatten();
        let packs = cache.engines.keys().flatten();
        let broken = cache.broken.values().filter_map(|e| match e {
            Error::File(f) => Some(PathBuf::from(&f.path)),
            Error::Io { path, .. } => Some(PathBuf::from(path)),
            Error::Message(_) => None,
        });
        let mut files: Vec<PathBuf> = configs.chain(packs).cloned().chain(broken).collect();
        files.sort();
        files.dedup();
        files
    }

    /// Apply safe fixes (and unsafe ones when the options say so) to a
    /// document given as bytes, until none is left (at most ten rounds).
    /// Returns the fixed bytes (in the document's own encoding) and what is
    /// left. A UTF-16 document with invalid sequences is linted but not
    /// fixed: writing it back would replace them.
    pub fn fix_bytes(&self, path: &Path, bytes: Vec<u8>) -> Result<(Vec<u8>, Outcome), Error> {
        let encoding = Encoding::sniff(&bytes);
        if !encoding.is_utf16() {
            return self.fix_utf8(path, bytes);
        }
        let text = match decode::decode(bytes.clone()) {
            decode::Decoded::Text { text, .. } if encoding.encode(&text) == bytes => text,
            _ => return Ok((bytes.clone(), self.check_bytes(path, bytes)?)),
        };
        let (fixed, mut outcome) = self.fix_utf8(path, text.into_bytes())?;
        if let Outcome::Checked(c) = &mut outcome {
            c.encoding = encoding;
        }
        match String::from_utf8(fixed) {
            Ok(fixed) => Ok((encoding.encode(&fixed), outcome)),
            // Fixes edit whole characters; were one not to, nothing is written.
            Err(_) => Ok((bytes.clone(), self.check_bytes(path, bytes)?)),
        }
    }

    /// [`Workspace::fix_bytes`] for UTF-8 (or undecodable) bytes.
    fn fix_utf8(&self, path: &Path, bytes: Vec<u8>) -> Result<(Vec<u8>, Outcome), Error> {
        let r = self.resolve(path)?;
        let (fixed_bytes, fixed, linted) =
            crate::fix_bytes_with(&r.engine, &r.settings, r.format, bytes, self.options.fixes);
        let outcome = match linted {
            crate::Linted::Binary => Outcome::Binary,
            crate::Linted::Text { text, diagnostics } => Outcome::Checked(Checked {
                text,
                diagnostics,
                encoding: Encoding::Utf8,
                fixed,
                fail_on: r.fail_on,
                engine: r.engine,
            }),
        };
        Ok((fixed_bytes, outcome))
    }

    /// Lint a file on disk; with `fix`, apply its safe fixes and replace the
    /// file atomically when anything changed (through a symbolic link, and
    /// only if the file still holds what was read: see
    /// [`crate::fix::write_fixed`]). A file over [`MAX_DOCUMENT_BYTES`] is
    /// an error, not read.
    pub fn check_file(&self, path: &Path, fix: bool) -> Result<Outcome, Error> {
        let full = self.root.join(path);
        let bytes =
            input::read_capped(&full, MAX_DOCUMENT_BYTES).map_err(|e| Error::io(path, e))?;
        if !fix {
            return self.check_bytes(path, bytes);
        }
        let (fixed_bytes, outcome) = self.fix_bytes(path, bytes.clone())?;
        if let Outcome::Checked(c) = &outcome {
            if c.fixed > 0 {
                crate::fix::write_fixed(&full, &bytes, &fixed_bytes).map_err(|e| Error::Io {
                    path: path.display().to_string(),
                    error: match e {
                        crate::fix::WriteError::Io(io) => {
                            std::io::Error::new(io.kind(), format!("could not write fixes: {io}"))
                        }
                        changed => std::io::Error::other(changed.to_string()),
                    },
                })?;
            }
        }
        Ok(outcome)
    }

    /// What fixing a file on disk would give, without writing it: the bytes
    /// read, the fixed bytes and what is left (`check --diff`).
    pub fn fix_preview(&self, path: &Path) -> Result<(Vec<u8>, Vec<u8>, Outcome), Error> {
        let full = self.root.join(path);
        let bytes =
            input::read_capped(&full, MAX_DOCUMENT_BYTES).map_err(|e| Error::io(path, e))?;
        let (fixed, outcome) = self.fix_bytes(path, bytes.clone())?;
        Ok((bytes, fixed, outcome))
    }

    /// Check that the front end's selection names rules and styles that
    /// exist, even when no file is linted.
    pub fn validate(&self) -> Result<(), Error> {
        let engine = self.engine(self.options.packs.clone())?;
        check_selection(&engine, &self.options.selection)
    }

    /// Expand paths into the files to lint, in a stable order (see [`crate::walk`]).
    pub fn files(&self, paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Error>) {
        crate::walk::files(&self.root, paths)
    }

    /// Of files named one by one (by a hook, or by git as changed), those a
    /// folder walk would lint (see [`crate::walk::lintable`]).
    pub fn lintable(&self, files: Vec<PathBuf>) -> Vec<PathBuf> {
        crate::walk::lintable(&self.root, files)
    }
}

/// Build an engine from the shipped packs plus packs read from disk. A
/// pack named twice (by a config and by `--rules`, say) is read once, where
/// it was named first.
pub fn build_engine(packs: &[PathBuf]) -> Result<Engine, Error> {
    let mut rules = pack::shipped()?;
    let mut seen = std::collections::HashSet::new();
    for p in packs {
        if !seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| normalize(p))) {
            continue;
        }
        rules.extend(pack::load_file(p)?)?;
    }
    Engine::build(rules)
}

/// Every rule id, `pack.*` and house style a selection names must exist.
pub fn check_selection(engine: &Engine, sel: &Selection) -> Result<(), Error> {
    let all = sel
        .select
        .iter()
        .flatten()
        .chain(&sel.extend_select)
        .chain(&sel.ignore);
    for s in all {
        if !config::selector_exists(engine, s) {
            return Err(Error::Message(format!(
                "no rule or pack matches `{s}` (see `copydesk rules`)"
            )));
        }
    }
    if let Some(style) = &sel.house_style {
        if !config::style_exists(engine, style) {
            return Err(Error::Message(format!(
                "no entity table defines house style `{style}` (known: {})",
                config::known_styles(engine).join(", ")
            )));
        }
    }
    Ok(())
}
