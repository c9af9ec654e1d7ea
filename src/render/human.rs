//! `--format human`: span diagnostics rendered with codespan-reporting.

use super::window::{visible, Whole, Windowed};
use super::{FileReport, Reporter, Summary};
use crate::diagnostic::{excerpt, Applicability, Diagnostic, Severity};
use crate::error::FileError;
use crate::source::LineIndex;
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::WriteColor};

fn severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    }
}

/// How many characters of an edit's old and new text the help line shows.
const SHOWN_CHARS: usize = 60;

fn config() -> term::Config {
    term::Config::default()
}

fn to_codespan(text: &str, d: &Diagnostic) -> CsDiagnostic<()> {
    let mut labels = vec![Label::primary((), d.span.range())];
    for l in &d.labels {
        labels.push(Label::secondary((), l.span.range()).with_message(visible(&l.message)));
    }
    let mut notes = Vec::new();
    if let Some(fix) = &d.fix {
        let shown: Vec<String> = fix
            .edits
            .iter()
            .map(|e| {
                let old = excerpt(text.get(e.span.range()).unwrap_or(""), SHOWN_CHARS);
                if e.replacement.is_empty() {
                    format!("delete `{}`", old.escape_debug())
                } else {
                    format!(
                        "`{}` → `{}`",
                        old.escape_debug(),
                        excerpt(&e.replacement, SHOWN_CHARS).escape_debug()
                    )
                }
            })
            .collect();
        let how = match fix.applicability {
            Applicability::Safe => "(safe: `--fix` applies it)",
            Applicability::Unsafe => "(unsafe: `--fix --unsafe-fixes` applies it)",
            Applicability::DisplayOnly => "(shown only: never applied automatically)",
        };
        notes.push(format!("help: {}: {} {how}", fix.title, shown.join(", ")));
    }
    if let Some(note) = &d.note {
        notes.push(format!("note: {note}"));
    }
    CsDiagnostic::new(severity(d.severity))
        .with_code(d.rule.clone())
        .with_message(visible(&d.message))
        .with_labels(labels)
        .with_notes(notes.iter().map(|n| visible(n).into_owned()).collect())
}

/// The human format: span diagnostics, then a summary line.
pub struct Human {
    quiet: bool,
}

impl Human {
    /// `quiet`: no summary line.
    pub fn new(quiet: bool) -> Human {
        Human { quiet }
    }
}

impl Reporter for Human {
    fn file(&mut self, out: &mut dyn WriteColor, file: &FileReport) -> std::io::Result<()> {
        write(out, file)
    }

    fn finish(&mut self, out: &mut dyn WriteColor, summary: &Summary) -> std::io::Result<()> {
        if !self.quiet {
            writeln!(out, "{}.", summary_line(summary))?;
        }
        Ok(())
    }
}

/// `Found 3 problems (1 error, 2 warnings, 0 info); 2 fixable with `--fix``.
pub fn summary_line(s: &Summary) -> String {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let total = s.total();
    let mut line = if total == 0 && s.errors > 0 {
        "No problems found in what could be read".to_string()
    } else if total == 0 {
        "No problems found".to_string()
    } else {
        let (errors, warnings) = (s.count(Severity::Error), s.count(Severity::Warning));
        format!(
            "Found {total} problem{} ({errors} error{}, {warnings} warning{}, {} info)",
            plural(total),
            plural(errors),
            plural(warnings),
            s.count(Severity::Info)
        )
    };
    if s.fixed > 0 {
        line.push_str(&format!("; fixed {}", s.fixed));
    }
    line.push_str(&fixable_hint(s));
    if s.errors > 0 {
        line.push_str(&format!(
            "; {} error{} (above) left input unchecked",
            s.errors,
            plural(s.errors)
        ));
    }
    line
}

/// What more `--fix` (and `--unsafe-fixes`) would do: `; 2 fixable with
/// `--fix` (1 more with `--unsafe-fixes`)`. After fixing, only the unsafe
/// fixes can be left.
fn fixable_hint(s: &Summary) -> String {
    let (safe, unsafe_) = (s.fixable, s.unsafe_fixable);
    match (s.fixing, s.unsafe_fixes) {
        // Every fix that could be applied was.
        (true, true) => String::new(),
        (true, false) if unsafe_ > 0 => {
            format!("; {unsafe_} more fixable with `--fix --unsafe-fixes`")
        }
        (true, false) => String::new(),
        (false, true) if safe + unsafe_ > 0 => {
            format!("; {} fixable with `--fix --unsafe-fixes`", safe + unsafe_)
        }
        (false, _) if safe > 0 && unsafe_ > 0 => {
            format!("; {safe} fixable with `--fix` ({unsafe_} more with `--unsafe-fixes`)")
        }
        (false, _) if safe > 0 => format!("; {safe} fixable with `--fix`"),
        (false, _) if unsafe_ > 0 => {
            format!("; {unsafe_} fixable with `--fix --unsafe-fixes`")
        }
        (false, _) => String::new(),
    }
}

/// Render one file's diagnostics. A diagnostic on a line longer than
/// [`super::window::LONG_LINE`] characters shows the text around its labels, not
/// the whole line (see [`super::window`]).
pub fn write(out: &mut dyn WriteColor, file: &FileReport) -> std::io::Result<()> {
    let name = super::concise::quote_path(file.path);
    let index = LineIndex::new(file.text);
    let files = Whole {
        name: &name,
        index: &index,
    };
    for d in file.diagnostics {
        let mut cs = to_codespan(file.text, d);
        let ranges: Vec<_> = cs.labels.iter().map(|l| l.range.clone()).collect();
        let emitted = match Windowed::new(&name, file.text, &index, &ranges) {
            None => term::emit_to_write_style(out, &config(), &files, &cs),
            Some(windowed) => {
                for label in &mut cs.labels {
                    label.range = windowed.map(&index, label.range.clone());
                }
                term::emit_to_write_style(out, &config(), &windowed, &cs)
            }
        };
        emitted.map_err(std::io::Error::other)?;
    }
    Ok(())
}

/// Render a located error in a rule pack or config file.
pub fn write_file_error(out: &mut dyn WriteColor, e: &FileError) -> std::io::Result<()> {
    let files = SimpleFile::new(e.path.as_str(), &*e.text);
    let mut d = CsDiagnostic::error().with_message(e.message.clone());
    if let Some(span) = e.span {
        let start = span.start.min(e.text.len());
        let end = span.end.clamp(start, e.text.len());
        d = d.with_labels(vec![
            Label::primary((), start..end).with_message(e.label.clone())
        ]);
    } else {
        d = d.with_notes(vec![format!("in {}", e.path)]);
    }
    if let Some(note) = &e.note {
        d.notes.push(note.clone());
    }
    term::emit_to_write_style(out, &config(), &files, &d).map_err(std::io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Edit, Fix, Span};

    /// The help line quotes a long deletion by its start (a pasted passage
    /// of 30 Korean words, written for this test).
    #[test]
    fn help_quotes_the_start_of_a_long_edit() {
        let text = format!("A {} b", "커뮤니티 ".repeat(30).trim_end());
        let span = Span::new(2, text.len() - 2);
        let d = Diagnostic {
            rule: "stray-script".into(),
            severity: Severity::Warning,
            span,
            message: "stray".into(),
            note: None,
            labels: Vec::new(),
            fix: Some(Fix::display_only(
                "delete",
                vec![Edit {
                    span,
                    replacement: String::new(),
                }],
            )),
        };
        let notes = to_codespan(&text, &d).notes;
        let help = notes.iter().find(|n| n.starts_with("help:")).expect("help");
        let start = "커뮤니티 ".repeat(12);
        assert!(
            help.contains(&format!("delete `{}…`", start.trim_end())),
            "{help}"
        );
        assert!(!help.contains("커뮤니티 ".repeat(13).trim_end()), "{help}");
    }
}

#[cfg(test)]
mod summary_tests {
    use super::*;

    /// The summary says what `--fix` and `--unsafe-fixes` would still do.
    #[test]
    fn summary_counts_safe_and_unsafe_fixes_apart() {
        let s = |fixable, unsafe_fixable, fixing, unsafe_fixes| {
            let mut s = Summary {
                fixable,
                unsafe_fixable,
                fixing,
                unsafe_fixes,
                ..Summary::default()
            };
            s.counts[Severity::Warning as usize] = 3;
            summary_line(&s)
        };
        assert!(s(2, 1, false, false)
            .ends_with("; 2 fixable with `--fix` (1 more with `--unsafe-fixes`)"));
        assert!(s(0, 1, false, false).ends_with("; 1 fixable with `--fix --unsafe-fixes`"));
        assert!(s(2, 1, false, true).ends_with("; 3 fixable with `--fix --unsafe-fixes`"));
        assert!(s(0, 1, true, false).ends_with("; 1 more fixable with `--fix --unsafe-fixes`"));
        assert!(s(2, 0, false, false).ends_with("; 2 fixable with `--fix`"));
        assert!(!s(0, 1, true, true).contains("fixable"));
    }

    /// A run that could not read everything never says "No problems found"
    /// without saying so.
    #[test]
    fn summary_names_errors() {
        let mut s = Summary {
            errors: 1,
            ..Summary::default()
        };
        assert_eq!(
            summary_line(&s),
            "No problems found in what could be read; 1 error (above) left input unchecked"
        );
        s.counts[Severity::Warning as usize] = 2;
        s.errors = 2;
        assert!(summary_line(&s).starts_with("Found 2 problems"));
        assert!(summary_line(&s).ends_with("; 2 errors (above) left input unchecked"));
    }
}
