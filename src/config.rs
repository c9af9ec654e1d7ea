//! `copydesk.toml`: which rules are on, at what severity, which scripts a
//! publication expects, accepted tokens, extra packs and per-path overrides.
//!
//! Loaded in two steps like packs: a flat serde struct with spans, then
//! validation against the engine's rules. Precedence: command line >
//! `--config` > discovered file > defaults.

use crate::diagnostic::{Severity, Span};
use crate::engine::{Engine, Settings};
use crate::error::FileError;
use crate::rules::script::{parse_script, Expected};
use crate::tables;
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

/// The name of the config file discovered by walking up from a linted file.
pub const FILE_NAME: &str = "copydesk.toml";

/// The selection keys of a config, at its top level or in an override.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSelection {
    house_style: Option<Spanned<String>>,
    select: Option<Vec<Spanned<String>>>,
    extend_select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    severity: Option<BTreeMap<String, Spanned<String>>>,
    scripts: Option<Vec<Spanned<String>>>,
    accept: Option<Vec<String>>,
    preview: Option<bool>,
}

/// A config's own keys; the rest of its top level is a [`RawSelection`].
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    rules: Option<Vec<Spanned<String>>>,
    fail_on: Option<Spanned<String>>,
    /// Read one by one: an override's `files`, then its selection.
    #[serde(default)]
    #[allow(dead_code)]
    overrides: Vec<serde::de::IgnoredAny>,
}

/// The key of an override besides its selection.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFiles {
    files: Spanned<Vec<Spanned<String>>>,
}

/// One layer of selection: applied on top of what came before it.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Replaces the set of enabled rules (ids or `pack.*`).
    pub select: Option<Vec<String>>,
    /// Adds rules.
    pub extend_select: Vec<String>,
    /// Removes rules.
    pub ignore: Vec<String>,
    pub severity: Vec<(String, Severity)>,
    pub scripts: Option<Vec<unicode_script::Script>>,
    pub accept: Vec<String>,
    /// The name rules' house style (`ap`, `seoul`, a newsroom's own), or
    /// `consistency` to go back to consistency within the draft.
    pub house_style: Option<String>,
    /// Preview mode (`--preview`, `preview = true`): preview rules may run.
    pub preview: Option<bool>,
}

/// A validated config file.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Where it was read from (None for the built-in defaults).
    pub path: Option<PathBuf>,
    /// Extra rule packs, resolved relative to the config file.
    pub packs: Vec<PathBuf>,
    pub fail_on: Option<Severity>,
    pub base: Selection,
    overrides: Vec<(GlobSet, Selection)>,
    /// For error messages when selection names an unknown rule.
    text: Option<Arc<str>>,
    unchecked_ids: Vec<(String, Span)>,
    unchecked_styles: Vec<(String, Span)>,
}

fn strings(v: Option<Vec<Spanned<String>>>, ids: &mut Vec<(String, Span)>) -> Option<Vec<String>> {
    v.map(|v| {
        v.into_iter()
            .map(|s| {
                ids.push((s.get_ref().clone(), Span::new(s.span().start, s.span().end)));
                s.into_inner()
            })
            .collect()
    })
}

/// Reading one config file: its name and text, for located errors, and
/// the rule ids and house styles it names, checked once the engine is built.
struct Reader {
    shown: String,
    text: Arc<str>,
    ids: Vec<(String, Span)>,
    styles: Vec<(String, Span)>,
}

fn span_of<T>(s: &Spanned<T>) -> Span {
    Span::new(s.span().start, s.span().end)
}

impl Reader {
    fn error(&self, span: Span, message: impl Into<String>) -> FileError {
        FileError::new(&self.shown, &self.text, Some(span), message)
    }

    fn toml(&self, e: toml::de::Error) -> FileError {
        FileError::from_toml(&self.shown, &self.text, &e)
    }

    fn severity(&self, level: &Spanned<String>) -> Result<Severity, FileError> {
        Severity::parse(level.get_ref()).ok_or_else(|| {
            self.error(
                span_of(level),
                format!("unknown severity `{}`", level.get_ref()),
            )
            .label("expected `error`, `warning` or `info`")
        })
    }

    /// A key of `table` that is neither one of `own` nor a selection key,
    /// as serde words it but listing both parts' keys.
    fn deny_unknown(
        &self,
        table: &tables::Table<'_>,
        own: &[&str],
        selection: &[&str],
    ) -> Result<(), FileError> {
        let known: Vec<&str> = own.iter().chain(selection).copied().collect();
        match tables::unknown_key(table, &known) {
            None => Ok(()),
            Some((key, span)) => Err(self.error(
                Span::new(span.start, span.end),
                format!(
                    "unknown field `{key}`, expected one of `{}`",
                    known.join("`, `")
                ),
            )),
        }
    }

    /// One selection layer (the top level, or an override).
    fn selection(&mut self, sel: RawSelection) -> Result<Selection, FileError> {
        let house_style = sel.house_style.map(|s| {
            self.styles.push((s.get_ref().clone(), span_of(&s)));
            s.into_inner()
        });
        let mut severity = Vec::new();
        for (rule, level) in sel.severity.unwrap_or_default() {
            let sev = self.severity(&level)?;
            self.ids.push((rule.clone(), span_of(&level)));
            severity.push((rule, sev));
        }
        let scripts = match sel.scripts {
            None => None,
            Some(list) => Some(
                list.iter()
                    .map(|s| {
                        parse_script(s.get_ref()).ok_or_else(|| {
                            self.error(span_of(s), format!("unknown script `{}`", s.get_ref()))
                                .label("not a Unicode script name")
                                .note("use Unicode script names such as Latin, Hangul, Han, Cyrillic, Greek, Arabic")
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?,
            ),
        };
        Ok(Selection {
            select: strings(sel.select, &mut self.ids),
            extend_select: strings(sel.extend_select, &mut self.ids).unwrap_or_default(),
            ignore: strings(sel.ignore, &mut self.ids).unwrap_or_default(),
            preview: sel.preview,
            severity,
            scripts,
            accept: sel.accept.unwrap_or_default(),
            house_style,
        })
    }

    /// An override's globs, compiled.
    fn globs(&self, files: &Spanned<Vec<Spanned<String>>>) -> Result<GlobSet, FileError> {
        let mut builder = GlobSetBuilder::new();
        for g in files.get_ref() {
            let glob = Glob::new(g.get_ref())
                .map_err(|e| self.error(span_of(g), "invalid glob").note(e.to_string()))?;
            builder.add(glob);
        }
        builder.build().map_err(|e| {
            self.error(span_of(files), "invalid globs")
                .note(e.to_string())
        })
    }
}

impl Config {
    /// Parse and validate a config file's text.
    pub fn parse(path: &Path, text: &str) -> Result<Config, FileError> {
        let mut r = Reader {
            shown: path.display().to_string(),
            text: Arc::from(text),
            ids: Vec::new(),
            styles: Vec::new(),
        };
        let text = r.text.clone();
        let doc = tables::parse(&text).map_err(|e| r.toml(e))?;
        let selection = tables::fields_of::<RawSelection>();
        r.deny_unknown(&doc, &["rules", "fail-on", "overrides"], selection)?;
        let (own, base_keys) = tables::split(&doc, &["rules", "fail-on", "overrides"]);
        let raw: RawConfig = tables::typed(own).map_err(|e| r.toml(e))?;
        let base_keys: RawSelection = tables::typed(base_keys).map_err(|e| r.toml(e))?;
        let base = r.selection(base_keys)?;
        let mut overrides = Vec::new();
        for table in tables::array(&doc, "overrides") {
            r.deny_unknown(table, &["files"], selection)?;
            let (files, sel) = tables::split(table, &["files"]);
            let o: RawFiles = tables::typed(files).map_err(|e| r.toml(e))?;
            let sel: RawSelection = tables::typed(sel).map_err(|e| r.toml(e))?;
            overrides.push((r.globs(&o.files)?, r.selection(sel)?));
        }
        let fail_on = raw.fail_on.as_ref().map(|s| r.severity(s)).transpose()?;
        let dir = path.parent().unwrap_or(Path::new("."));
        Ok(Config {
            path: Some(path.to_path_buf()),
            packs: raw
                .rules
                .unwrap_or_default()
                .into_iter()
                .map(|p| dir.join(p.into_inner()))
                .collect(),
            fail_on,
            base,
            overrides,
            text: Some(r.text),
            unchecked_ids: r.ids,
            unchecked_styles: r.styles,
        })
    }

    /// Read and parse a config file (at most [`crate::input::MAX_TOML_BYTES`]).
    pub fn load(path: &Path) -> Result<Config, FileError> {
        let error = |message: String| {
            FileError::new(&path.display().to_string(), &Arc::from(""), None, message)
        };
        let bytes = crate::input::read_capped(path, crate::input::MAX_TOML_BYTES)
            .map_err(|e| error(format!("cannot read config: {e}")))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            error(format!(
                "cannot read config: not valid UTF-8 (byte {})",
                e.utf8_error().valid_up_to()
            ))
        })?;
        Config::parse(path, &text)
    }

    /// Check that every rule id or `pack.*` named in the config exists, and
    /// that every house style is defined by the entity table.
    pub fn validate(&self, engine: &Engine) -> Result<(), FileError> {
        for (style, span) in &self.unchecked_styles {
            if !style_exists(engine, style) {
                return Err(self
                    .error_at(
                        *span,
                        format!("no entity table defines house style `{style}`"),
                    )
                    .label("unknown house style")
                    .note(format!("known styles: {}", known_styles(engine).join(", "))));
            }
        }
        for (id, span) in &self.unchecked_ids {
            if !selector_exists(engine, id) {
                return Err(self
                    .error_at(*span, format!("no rule or pack matches `{id}`"))
                    .label("unknown rule")
                    .note("`copydesk rules` lists every rule id; use `pack.*` for a whole pack"));
            }
        }
        Ok(())
    }

    /// An error located in this config file.
    fn error_at(&self, span: Span, message: String) -> FileError {
        let shown = self
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let text = self.text.clone().unwrap_or_else(|| Arc::from(""));
        FileError::new(&shown, &text, Some(span), message)
    }

    /// Resolve the settings for one file (`rel` is its path relative to the config's folder).
    pub fn settings_for(&self, engine: &Engine, rel: &Path, cli: &Selection) -> Settings {
        let mut s = engine.ungated_settings();
        apply(engine, &mut s, &self.base);
        for (set, sel) in &self.overrides {
            if set.is_match(rel) {
                apply(engine, &mut s, sel);
            }
        }
        apply(engine, &mut s, cli);
        engine.gate_preview(&mut s);
        s
    }
}

/// The house styles the engine's entity tables define, plus `consistency`.
pub fn known_styles(engine: &Engine) -> Vec<String> {
    let mut styles: Vec<String> = engine
        .entities()
        .iter()
        .flat_map(|e| e.styles.keys().cloned())
        .collect();
    styles.push("consistency".into());
    styles.sort();
    styles.dedup();
    styles
}

/// Whether a house style is defined (or is `consistency`).
pub fn style_exists(engine: &Engine, style: &str) -> bool {
    style == "consistency"
        || engine
            .entities()
            .iter()
            .any(|e| e.styles.contains_key(style))
}

/// Whether `sel` names at least one rule (`id`, `pack.*`, `pack`, or `ALL`).
pub fn selector_exists(engine: &Engine, sel: &str) -> bool {
    engine
        .rules()
        .iter()
        .any(|r| matches_selector(&r.id, &r.pack, sel))
}

fn matches_selector(id: &str, pack: &str, sel: &str) -> bool {
    sel == "ALL" || sel == id || sel.strip_suffix(".*").is_some_and(|p| p == pack) || sel == pack
}

/// Apply one selection layer to settings.
pub fn apply(engine: &Engine, s: &mut Settings, sel: &Selection) {
    let rules = engine.rules();
    if let Some(select) = &sel.select {
        for (i, r) in rules.iter().enumerate() {
            s.enabled[i] = select.iter().any(|x| matches_selector(&r.id, &r.pack, x));
        }
    }
    for (i, r) in rules.iter().enumerate() {
        if sel
            .extend_select
            .iter()
            .any(|x| matches_selector(&r.id, &r.pack, x))
        {
            s.enabled[i] = true;
        }
        if sel
            .ignore
            .iter()
            .any(|x| matches_selector(&r.id, &r.pack, x))
        {
            s.enabled[i] = false;
        }
        for (x, sev) in &sel.severity {
            if matches_selector(&r.id, &r.pack, x) {
                s.severity[i] = *sev;
            }
        }
    }
    if let Some(scripts) = &sel.scripts {
        s.expected = Expected::new(scripts);
    }
    s.accept.extend(sel.accept.iter().cloned());
    if let Some(style) = &sel.house_style {
        s.house_style = (style != "consistency").then(|| style.clone());
    }
    if let Some(preview) = sel.preview {
        s.preview = preview;
    }
}

/// Find the nearest `copydesk.toml` in `dir` or its ancestors.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// The commented starter config written by `copydesk init`.
pub const STARTER: &str = r#"# copydesk configuration. Discovered by walking up from each linted file.
# Every key is optional; delete what you do not need.

# Extra rule packs (TOML), relative to this file.
# rules = ["house-style.toml"]

# Exit with 1 when a finding is at or above this severity: "error", "warning" or "info".
# fail-on = "warning"

# Preview mode: new rules (marked `preview` in `copydesk rules`) run too.
# Off by default, so an upgrade adds no finding to a pinned CI.
# preview = true

# Which rules run: ids or whole packs ("unicode.*"). `select` replaces the
# default set, `extend-select` adds to it, `ignore` removes from it.
# select = ["unicode.*"]
# ignore = ["invisible-char"]

# Change a rule's severity.
# [severity]
# stray-script = "error"

# The scripts this publication prints. Letters of any other script are stray.
scripts = ["Latin"]

# Tokens that are never flagged (exact text).
accept = []

# Name spelling: by default a name spelled two ways in one draft is flagged.
# A house style flags every form that is not the house form: "ap", "seoul",
# or a style your own entity table defines ("consistency" goes back to the default).
# house-style = "ap"

# Per-path overrides, applied in order to files matching the globs
# (relative to this file's folder).
# [[overrides]]
# files = ["desk/korea/**"]
# scripts = ["Latin", "Hangul"]
# ignore = ["stray-script"]
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::pack;

    fn engine() -> Engine {
        Engine::new(pack::shipped().unwrap()).unwrap()
    }

    #[test]
    fn starter_config_parses() {
        let c = Config::parse(Path::new("copydesk.toml"), STARTER).unwrap();
        c.validate(&engine()).unwrap();
    }

    #[test]
    fn unknown_key_is_located() {
        let e = Config::parse(Path::new("c.toml"), "scripts = [\"Latin\"]\nbogus = true\n")
            .unwrap_err();
        assert_eq!(e.line_col().unwrap().0, 2, "{e}");
    }

    #[test]
    fn unknown_rule_and_script_are_errors() {
        let c = Config::parse(Path::new("c.toml"), "ignore = [\"no-such-rule\"]\n").unwrap();
        let e = c.validate(&engine()).unwrap_err();
        assert!(e.message.contains("no-such-rule"));
        let e = Config::parse(Path::new("c.toml"), "scripts = [\"Klingon\"]\n").unwrap_err();
        assert!(e.message.contains("Klingon"));
    }

    #[test]
    fn overrides_and_precedence() {
        let text = "ignore = [\"invisible-char\"]\n[severity]\nstray-script = \"error\"\n[[overrides]]\nfiles = [\"korea/**\"]\nscripts = [\"Latin\", \"Hangul\"]\nextend-select = [\"invisible-char\"]\n";
        let c = Config::parse(Path::new("c.toml"), text).unwrap();
        let e = engine();
        let inv = e.rule_index("invisible-char").unwrap();
        let stray = e.rule_index("stray-script").unwrap();
        let s = c.settings_for(&e, Path::new("world/a.txt"), &Selection::default());
        assert!(!s.enabled[inv]);
        assert_eq!(s.severity[stray], Severity::Error);
        assert!(s.expected.is_foreign('한'));
        let s = c.settings_for(&e, Path::new("korea/a.txt"), &Selection::default());
        assert!(s.enabled[inv]);
        assert!(!s.expected.is_foreign('한'));
        let cli = Selection {
            ignore: vec!["unicode.*".into()],
            ..Default::default()
        };
        let s = c.settings_for(&e, Path::new("korea/a.txt"), &cli);
        for (i, r) in e.rules().iter().enumerate() {
            // (`weasel-words` is off by default; preview rules stay off
            // without preview mode.)
            assert_eq!(
                s.enabled[i],
                r.pack != "unicode" && r.default_enabled && !r.preview,
                "{}",
                r.id
            );
        }
    }
}
