//! Output formats. Each format is one type behind the [`Reporter`] trait:
//! it is handed each linted file in input order, then the run's summary.
//! None is used by the library's linting, so the JSON contract never
//! depends on the terminal renderer.
//!
//! Adding a format: a new file here with a type that implements
//! [`Reporter`], and one line in [`FORMATS`].

pub mod concise;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod json_lines;
pub mod junit;
pub mod rdjson;
pub mod sarif;
pub mod statistics;
pub mod window;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Rule;
use codespan_reporting::term::termcolor::WriteColor;
use std::io;

/// A linted file as the reporters see it.
pub struct FileReport<'a> {
    /// The file as the user named it (or the name given to standard input).
    pub path: &'a str,
    pub text: &'a str,
    /// Sorted by position, then rule.
    pub diagnostics: &'a [Diagnostic],
    /// The rules of the engine that linted the file: every diagnostic's
    /// rule is among them.
    pub rules: &'a [Rule],
    /// How the file encodes `text`: the JSON byte offsets are the file's.
    pub encoding: crate::decode::Encoding,
}

impl FileReport<'_> {
    /// The rule a diagnostic was raised by (its id, pack, kind, default
    /// severity, description and docs anchor).
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

/// What the whole run found and fixed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Findings by severity: `[info, warning, error]`.
    pub counts: [usize; 3],
    /// Fixes applied.
    pub fixed: usize,
    /// Findings with a safe fix (that `--fix` would apply).
    pub fixable: usize,
    /// Findings with an unsafe fix (that `--fix --unsafe-fixes` would apply).
    pub unsafe_fixable: usize,
    /// Whether the run applied fixes.
    pub fixing: bool,
    /// Whether the run applies (or would apply) unsafe fixes too.
    pub unsafe_fixes: bool,
    /// Errors reported on standard error (inputs, configs or packs that
    /// could not be read): what they kept out is not among the counts.
    pub errors: usize,
}

impl Summary {
    /// Count one file's findings.
    pub fn add(&mut self, diagnostics: &[Diagnostic]) {
        for d in diagnostics {
            self.counts[d.severity as usize] += 1;
            match d.fix.as_ref().map(|f| f.applicability) {
                Some(crate::Applicability::Safe) => self.fixable += 1,
                Some(crate::Applicability::Unsafe) => self.unsafe_fixable += 1,
                _ => {}
            }
        }
    }

    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.counts[severity as usize]
    }
}

/// One output format.
pub trait Reporter {
    /// Report one file's findings. Called in input order, only for files
    /// with at least one finding.
    fn file(&mut self, out: &mut dyn WriteColor, file: &FileReport) -> io::Result<()>;
    /// Close the report once every file was reported.
    fn finish(&mut self, out: &mut dyn WriteColor, summary: &Summary) -> io::Result<()>;
}

/// What a front end tells a reporter when it makes one.
#[derive(Clone, Debug, Default)]
pub struct ReportOptions {
    /// No summary line.
    pub quiet: bool,
    /// The folder reported paths are relative to (the repository root).
    pub root: std::path::PathBuf,
    /// The rules of the run (for formats that describe every rule).
    pub rules: Vec<Rule>,
    /// Where the team publishes the rule reference (an absolute URI);
    /// by default the reference this build was made from.
    pub docs_url: Option<String>,
}

/// A registered output format.
pub struct Format {
    pub name: &'static str,
    /// One line for `--help`.
    pub help: &'static str,
    pub make: fn(&ReportOptions) -> Box<dyn Reporter>,
}

/// Every output format, by the name `--format` takes.
pub const FORMATS: &[Format] = &[
    Format {
        name: "human",
        help: "Span diagnostics with the text underlined",
        make: |o| Box::new(human::Human::new(o.quiet)),
    },
    Format {
        name: "concise",
        help: "path:line:col: severity[rule] message",
        make: |_| Box::new(concise::Concise),
    },
    Format {
        name: "json",
        help: "One JSON array of diagnostics",
        make: |_| Box::new(json::Json::default()),
    },
    Format {
        name: "json-lines",
        help: "One JSON diagnostic a line, streamed",
        make: |_| Box::new(json_lines::JsonLines),
    },
    Format {
        name: "junit",
        help: "JUnit XML for CI test dashboards",
        make: |_| Box::new(junit::Junit::default()),
    },
    Format {
        name: "rdjson",
        help: "reviewdog's diagnostic format, with suggestions",
        make: |o| Box::new(rdjson::Rdjson::new(o.docs_url.clone())),
    },
    Format {
        name: "github",
        help: "GitHub Actions annotations (workflow commands)",
        make: |_| Box::new(github::Github),
    },
    Format {
        name: "gitlab",
        help: "GitLab Code Quality report (JSON)",
        make: |_| Box::new(gitlab::Gitlab::default()),
    },
    Format {
        name: "sarif",
        help: "SARIF 2.1.0 for code scanning",
        make: |o| {
            Box::new(sarif::Sarif::new(
                o.root.clone(),
                o.rules.clone(),
                o.docs_url.clone(),
            ))
        },
    },
];

/// The reporter of a format name, if there is one.
pub fn reporter(name: &str, options: &ReportOptions) -> Option<Box<dyn Reporter>> {
    FORMATS
        .iter()
        .find(|f| f.name == name)
        .map(|f| (f.make)(options))
}

/// The rule reference in Markdown, generated from the loaded packs
/// (`copydesk rules --format markdown`; the committed `docs/rules.md`):
/// every rule, then every family's options with their values.
pub fn markdown_reference(engine: &crate::Engine) -> String {
    let mut s = String::from(
        "# Rule reference\n\nGenerated by `copydesk rules --format markdown` from the shipped packs; do not edit by hand.\n",
    );
    rules_reference(&mut s, engine.rules());
    options_reference(&mut s, engine.options());
    s
}

fn rules_reference(s: &mut String, rules: &[crate::rules::Rule]) {
    use std::fmt::Write;
    let mut pack = "";
    for r in rules {
        if r.pack != pack {
            pack = &r.pack;
            let _ = write!(s, "\n## Pack `{pack}`\n");
        }
        let _ = write!(
            s,
            "\n### `{}`\n\nKind `{}`, severity `{}`, {}.\n\n{}\n",
            r.id,
            r.kind().as_str(),
            r.severity,
            match (r.preview, r.default_enabled) {
                (true, true) => "**preview** (runs only with `--preview` or `preview = true`; then on by default)",
                (true, false) => "**preview** (runs only with `--preview` or `preview = true`), off by default",
                (false, true) => "on by default",
                (false, false) => "off by default",
            },
            r.description.trim()
        );
        if let Some(link) = &r.link {
            let _ = writeln!(s, "\nSee <{link}>.");
        }
        if !r.flag.is_empty() {
            s.push_str("\nFlagged:\n\n");
            for ex in &r.flag {
                let _ = write!(s, "- `{}`", ex.text.escape_debug());
                if ex.latin1 {
                    s.push_str(" (saved as Latin-1)");
                }
                if let Some(fixed) = &ex.fixed {
                    let _ = write!(s, " → `{}`", fixed.escape_debug());
                }
                s.push('\n');
            }
        }
        if !r.pass.is_empty() {
            s.push_str("\nNot flagged:\n\n");
            for ok in &r.pass {
                let _ = writeln!(s, "- `{}`", ok.escape_debug());
            }
        }
    }
}

/// The families' options: what each key means and its value.
fn options_reference(s: &mut String, options: &crate::rules::options::Options) {
    use std::fmt::Write;
    s.push_str(
        "\n## Options\n\nThe word lists and thresholds of the rule families, as the shipped packs set them. A house pack tunes them in its own `[options.<family>]` table: `key = …` replaces a value, `extend-key = […]` adds to a list.\n",
    );
    for (family, table) in options.tables() {
        let _ = write!(s, "\n### `[options.{family}]`\n");
        if let Some((_, who)) = crate::rules::options::FAMILIES
            .iter()
            .find(|(f, _)| *f == family)
        {
            let _ = writeln!(s, "\nRead by {who}.");
        }
        for (key, value) in table {
            let _ = write!(s, "\n- `{key}`");
            let doc = options.doc(family, key);
            if !doc.is_empty() {
                let _ = write!(s, ": {doc}");
            }
            let _ = writeln!(s, "\n\n  {}", value_markdown(value));
        }
    }
}

/// A value as the reference shows it: a list as its items.
fn value_markdown(value: &toml::Value) -> String {
    match value {
        toml::Value::Array(items) => {
            let shown: Vec<String> = items
                .iter()
                .map(|v| match v {
                    toml::Value::String(x) => format!("`{x}`"),
                    other => format!("`{other}`"),
                })
                .collect();
            format!("{} items: {}", items.len(), shown.join(", "))
        }
        toml::Value::Table(t) => {
            let shown: Vec<String> = t.iter().map(|(k, v)| format!("`{k}` = `{v}`")).collect();
            format!("{} entries: {}", t.len(), shown.join("; "))
        }
        other => format!("`{other}`"),
    }
}
