//! `--format concise`: `path:line:col: severity[rule] message`, one finding a line.

use super::{FileReport, Reporter, Summary};
use crate::source::LineIndex;
use codespan_reporting::term::termcolor::WriteColor;
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

/// Write one file's findings, one a line.
pub fn write(out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
    let index = LineIndex::new(file.text);
    for d in file.diagnostics {
        let (line, col) = index.line_col(d.span.start);
        writeln!(
            out,
            "{}:{line}:{col}: {}[{}] {}",
            file.path, d.severity, d.rule, d.message
        )?;
    }
    Ok(())
}
