//! `--format gitlab`: GitLab's Code Quality report, one JSON array of
//! issues (description, check name, a stable fingerprint, severity, the
//! file and its lines), written as files come.

use super::{FileReport, Reporter, Summary};
use crate::diagnostic::Severity;
use crate::source::LineIndex;
use codespan_reporting::term::termcolor::WriteColor;
use serde_json::json;
use std::collections::HashMap;
use std::io;

/// The GitLab Code Quality format.
#[derive(Default)]
pub struct Gitlab {
    open: bool,
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

impl Reporter for Gitlab {
    fn file(&mut self, out: &mut dyn WriteColor, file: &FileReport) -> io::Result<()> {
        let index = LineIndex::new(file.text);
        let mut seen: HashMap<u64, usize> = HashMap::new();
        for d in file.diagnostics {
            let (line, _) = index.line_col(d.span.start);
            let (end_line, _) = index.line_col(d.span.end);
            let line_text = file.text[index.line_range(line)].trim();
            let flagged = file.text.get(d.span.range()).unwrap_or("");
            // Stable when unrelated lines move: what is flagged, where in
            // its line's words, and how often that came before in the file.
            let key = super::sarif::fnv1a(&[file.path, &d.rule, flagged, line_text]);
            let nth = seen.entry(key).or_insert(0);
            *nth += 1;
            let issue = json!({
                "description": d.message,
                "check_name": d.rule,
                "fingerprint": format!("{key:016x}{nth:04x}"),
                "severity": severity(d.severity),
                "location": { "path": file.path, "lines": { "begin": line, "end": end_line } },
            });
            out.write_all(if self.open { b",\n" } else { b"[\n" })?;
            self.open = true;
            let text = serde_json::to_string(&issue).map_err(io::Error::other)?;
            write!(out, "  {text}")?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn WriteColor, _: &Summary) -> io::Result<()> {
        out.write_all(if self.open { b"\n]\n" } else { b"[]\n" })
    }
}
