//! `--format github`: GitHub Actions workflow commands, one a finding
//! (`::warning file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`),
//! which the runner shows as annotations on the pull request.

use super::{FileReport, Reporter, Summary};
use crate::diagnostic::Severity;
use crate::source::LineIndex;
use codespan_reporting::term::termcolor::WriteColor;
use std::io;

/// The GitHub Actions format.
pub struct Github;

/// A command's message, escaped as the runner expects: `%`, CR and LF.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property value (file, title): the message's escapes, and
/// `:` and `,`, which separate properties.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

impl Reporter for Github {
    fn file(&mut self, out: &mut dyn WriteColor, file: &FileReport) -> io::Result<()> {
        let index = LineIndex::new(file.text);
        let path = escape_property(file.path);
        for d in file.diagnostics {
            let (line, col) = index.line_col(d.span.start);
            let (end_line, end_col) = index.line_col(d.span.end);
            writeln!(
                out,
                "::{} file={path},line={line},endLine={end_line},col={col},endColumn={end_col},title={}::{}",
                command(d.severity),
                escape_property(&format!("copydesk {}", d.rule)),
                escape_data(&d.message),
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _: &mut dyn WriteColor, _: &Summary) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_messages_and_paths_are_escaped() {
        assert_eq!(
            escape_data("50% off\r\n::error::x"),
            "50%25 off%0D%0A::error::x"
        );
        assert_eq!(
            escape_property("desk/a,b:c%.md\n::error"),
            "desk/a%2Cb%3Ac%25.md%0A%3A%3Aerror"
        );
    }
}
