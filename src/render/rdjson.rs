//! `--format rdjson`: reviewdog's diagnostic format (one JSON object with a
//! `diagnostics` array), with each fix that may be applied as a suggestion (not the display-only
//! ones),
//! so reviewdog can post review comments with "apply suggestion" on a pull
//! request. Positions are 1-based; columns count UTF-8 bytes, as the format
//! says.

use super::{FileReport, Reporter, Summary};
use crate::diagnostic::{Applicability, Severity, Span};
use crate::source::LineIndex;
use codespan_reporting::term::termcolor::WriteColor;
use serde_json::{json, Value};
use std::io;

/// The reviewdog format, written as files come.
pub struct Rdjson {
    docs: String,
    open: bool,
}

impl Rdjson {
    pub fn new(docs: Option<String>) -> Rdjson {
        Rdjson {
            docs: docs.unwrap_or_else(|| super::sarif::DEFAULT_DOCS.to_string()),
            open: false,
        }
    }
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}

/// A line and a 1-based column counted in UTF-8 bytes.
fn point(index: &LineIndex, offset: usize) -> Value {
    let (line, _) = index.line_col(offset);
    let start = index.line_range(line).start;
    json!({ "line": line, "column": offset - start + 1 })
}

fn range(index: &LineIndex, span: Span) -> Value {
    json!({ "start": point(index, span.start), "end": point(index, span.end) })
}

const HEADER: &str = r#"{"source":{"name":"copydesk"},"diagnostics":["#;

impl Reporter for Rdjson {
    fn file(&mut self, out: &mut dyn WriteColor, file: &FileReport) -> io::Result<()> {
        let index = LineIndex::new(file.text);
        for d in file.diagnostics {
            let suggestions: Vec<Value> = d
                .fix
                .iter()
                .filter(|f| f.applicability != Applicability::DisplayOnly)
                .flat_map(|f| &f.edits)
                .map(|e| json!({ "range": range(&index, e.span), "text": e.replacement }))
                .collect();
            let value = json!({
                "message": d.message,
                "location": { "path": file.path, "range": range(&index, d.span) },
                "severity": severity(d.severity),
                "code": { "value": d.rule, "url": format!("{}#{}", self.docs, d.rule) },
                "suggestions": suggestions,
            });
            out.write_all(if self.open { b",\n" } else { HEADER.as_bytes() })?;
            if !self.open {
                out.write_all(b"\n")?;
            }
            self.open = true;
            serde_json::to_writer(&mut *out, &value).map_err(io::Error::other)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn WriteColor, _: &Summary) -> io::Result<()> {
        if !self.open {
            out.write_all(HEADER.as_bytes())?;
        }
        out.write_all(b"\n]}\n")
    }
}
