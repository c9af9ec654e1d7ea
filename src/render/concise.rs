//! `path:line:col: severity[rule] message`, one finding a line.

use super::FileDiagnostics;
use crate::source::LineIndex;
use std::io::Write;

pub fn write(out: &mut dyn Write, file: &FileDiagnostics) -> std::io::Result<()> {
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
