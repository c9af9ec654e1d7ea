//! `--format json`: one JSON array of diagnostics for the whole run.
//!
//! The fields are a public contract (documented in the README): `path`,
//! `rule`, `severity`, `message`, `line`, `column`, `end_line`, `end_column`
//! (1-based; columns count Unicode scalar values), `byte_start`, `byte_end`
//! (half-open UTF-8 byte offsets into the file), `text`, `note`, `fixes`
//! (`{byte_start, byte_end, replacement, applicability}`) and `labels`.

use super::FileDiagnostics;
use crate::diagnostic::{Applicability, Diagnostic, Span};
use crate::source::LineIndex;
use serde_json::{json, Value};

fn position(index: &LineIndex, text: &str, span: Span) -> Value {
    let (line, column) = index.line_col(span.start);
    let (end_line, end_column) = index.line_col(span.end);
    json!({
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "byte_start": span.start,
        "byte_end": span.end,
        "text": text.get(span.range()).unwrap_or(""),
    })
}

/// One diagnostic as a JSON object.
pub fn diagnostic(index: &LineIndex, file: &FileDiagnostics, d: &Diagnostic) -> Value {
    let mut obj = json!({
        "path": file.path,
        "rule": d.rule,
        "severity": d.severity.as_str(),
        "message": d.message,
        "note": d.note,
    });
    let map = obj.as_object_mut().expect("object");
    if let Value::Object(pos) = position(index, file.text, d.span) {
        map.extend(pos);
    }
    let fixes: Vec<Value> = d
        .fix
        .iter()
        .flat_map(|f| {
            f.edits.iter().map(move |e| {
                json!({
                    "byte_start": e.span.start,
                    "byte_end": e.span.end,
                    "replacement": e.replacement,
                    "applicability": match f.applicability {
                        Applicability::Safe => "safe",
                        Applicability::DisplayOnly => "display-only",
                    },
                })
            })
        })
        .collect();
    map.insert("fixes".into(), Value::Array(fixes));
    let labels: Vec<Value> = d
        .labels
        .iter()
        .map(|l| {
            let mut v = position(index, file.text, l.span);
            v.as_object_mut()
                .expect("object")
                .insert("message".into(), Value::String(l.message.clone()));
            v
        })
        .collect();
    map.insert("labels".into(), Value::Array(labels));
    obj
}

/// All diagnostics of one file.
pub fn file_values(file: &FileDiagnostics) -> Vec<Value> {
    let index = LineIndex::new(file.text);
    file.diagnostics
        .iter()
        .map(|d| diagnostic(&index, file, d))
        .collect()
}
