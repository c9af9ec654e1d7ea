//! `--format json`: one JSON array of diagnostics for the whole run.
//!
//! The fields are a public contract (documented in the README): `path`,
//! `rule`, `severity`, `message`, `line`, `column`, `end_line`, `end_column`
//! (1-based; columns count Unicode scalar values), `byte_start`, `byte_end`
//! (half-open byte offsets into the file: UTF-8, or UTF-16 for a UTF-16
//! file), `text`, `note`, `fixes` (`{byte_start, byte_end, replacement,
//! applicability}`, the applicability `safe`, `unsafe` or `display-only`)
//! and `labels`.

use super::{FileReport, Reporter, Summary};
use crate::decode::FileOffsets;
use crate::diagnostic::{Diagnostic, Span};
use crate::source::LineIndex;
use codespan_reporting::term::termcolor::WriteColor;
use serde_json::{json, Value};
use std::io;

/// The JSON format: one array for the whole run, written as files come
/// (a run over an archive holds no more than one file's findings).
#[derive(Default)]
pub struct Json {
    /// Whether the array was opened.
    open: bool,
}

impl Reporter for Json {
    fn file(&mut self, out: &mut dyn WriteColor, file: &FileReport) -> io::Result<()> {
        let index = Index::new(file);
        // One finding's value at a time: a file with 300,000 findings never
        // holds them all as JSON values.
        for d in file.diagnostics {
            let value = diagnostic(&index, file, d);
            out.write_all(if self.open { b",\n" } else { b"[\n" })?;
            self.open = true;
            // The layout of `serde_json::to_writer_pretty` on the whole
            // array: each element indented by two spaces.
            write_indented(out, &value, "  ")?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn WriteColor, _: &Summary) -> io::Result<()> {
        out.write_all(if self.open { b"\n]\n" } else { b"[]\n" })
    }
}

/// `value` as `serde_json::to_writer_pretty` lays it out inside an array
/// or object whose members are indented by `indent`: every line indented.
pub(super) fn write_indented(
    out: &mut dyn io::Write,
    value: &Value,
    indent: &str,
) -> io::Result<()> {
    let element = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    for (i, line) in element.split('\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        out.write_all(indent.as_bytes())?;
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// Where a file's text is: its lines, and its offsets in the file.
pub struct Index<'a> {
    pub lines: LineIndex<'a>,
    pub offsets: FileOffsets<'a>,
}

impl<'a> Index<'a> {
    pub fn new(file: &FileReport<'a>) -> Index<'a> {
        Index::of(file.text, file.encoding)
    }

    /// The index of `text`, which the file holds in `encoding`.
    pub fn of(text: &'a str, encoding: crate::decode::Encoding) -> Index<'a> {
        Index {
            lines: LineIndex::new(text),
            offsets: FileOffsets::new(text, encoding),
        }
    }
}

fn position(index: &Index, text: &str, span: Span) -> Value {
    let (line, column) = index.lines.line_col(span.start);
    let (end_line, end_column) = index.lines.line_col(span.end);
    json!({
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "byte_start": index.offsets.get(span.start),
        "byte_end": index.offsets.get(span.end),
        "text": text.get(span.range()).unwrap_or(""),
    })
}

/// One diagnostic as a JSON object.
pub fn diagnostic(index: &Index, file: &FileReport, d: &Diagnostic) -> Value {
    let mut obj = json!({
        "path": file.path,
        "rule": d.rule,
        "severity": d.severity.as_str(),
        "message": d.message,
        "note": d.note.as_deref(),
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
                    "byte_start": index.offsets.get(e.span.start),
                    "byte_end": index.offsets.get(e.span.end),
                    "replacement": e.replacement,
                    "applicability": f.applicability.as_str(),
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
pub fn file_values(file: &FileReport) -> Vec<Value> {
    let index = Index::new(file);
    file.diagnostics
        .iter()
        .map(|d| diagnostic(&index, file, d))
        .collect()
}
