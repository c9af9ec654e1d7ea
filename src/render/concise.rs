//! `--format concise`: `path:line:col: severity[rule] message`, one finding a line.
//!
//! A path is written as it is, unless it holds a control character (a line
//! break, a tab …) or starts with a double quote: then it is written in
//! double quotes with C-style escapes (`"a\nb.txt"`), as git writes such
//! names, so a file name can never forge a line of the report.

use super::{FileReport, Reporter, Summary};
use crate::source::LineIndex;
use codespan_reporting::term::termcolor::WriteColor;
use std::borrow::Cow;
use std::io::{self, Write};

/// The concise format.
pub struct Concise;

impl Reporter for Concise {
    fn file(&mut self, out: &mut dyn WriteColor, file: &FileReport) -> io::Result<()> {
        write(out, file)
    }

    fn finish(&mut self, _: &mut dyn WriteColor, _: &Summary) -> io::Result<()> {
        Ok(())
    }
}

/// A path as line formats and messages write it: as it is, or quoted with
/// escapes when it holds a control character or starts with `"`.
pub fn quote_path(path: &str) -> Cow<'_, str> {
    if !path.starts_with('"') && !path.chars().any(char::is_control) {
        return Cow::Borrowed(path);
    }
    let mut out = String::with_capacity(path.len() + 2);
    out.push('"');
    for c in path.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    Cow::Owned(out)
}

/// Write one file's findings, one a line.
pub fn write(out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
    let index = LineIndex::new(file.text);
    let path = quote_path(file.path);
    for d in file.diagnostics {
        let (line, col) = index.line_col(d.span.start);
        writeln!(
            out,
            "{path}:{line}:{col}: {}[{}] {}",
            d.severity,
            d.rule,
            super::window::visible(&d.message)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::quote_path;

    #[test]
    fn paths_with_control_characters_are_quoted() {
        assert_eq!(quote_path("desk/a b.txt"), "desk/a b.txt");
        assert_eq!(quote_path(r"C:\desk\a.txt"), r"C:\desk\a.txt");
        assert_eq!(
            quote_path("a\nb:1:1: error.txt"),
            r#""a\nb:1:1: error.txt""#
        );
        assert_eq!(quote_path("t\tab\\\u{1b}"), r#""t\tab\\\u{1b}""#);
        assert_eq!(quote_path("\"q\".txt"), r#""\"q\".txt""#);
    }
}
