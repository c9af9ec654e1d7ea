//! `--format junit`: JUnit XML for CI test dashboards (GitLab's test
//! reports, Jenkins, Azure Pipelines): one test suite a file with findings,
//! one failed test case a finding; a run with no finding is one passing
//! case. Written as files come.

use super::{FileReport, Reporter, Summary};
use crate::source::LineIndex;
use codespan_reporting::term::termcolor::WriteColor;
use std::io;

/// The JUnit format.
#[derive(Default)]
pub struct Junit {
    open: bool,
}

const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"copydesk\">\n";

/// Text as XML character data or an attribute value. Line breaks and tabs
/// are character references (a parser turns a raw one in an attribute into
/// a space, and a raw `\r` anywhere into `\n`); characters XML 1.0 cannot
/// hold (most C0 controls) are written as `\u{..}`, so nothing of the
/// flagged text or a file's name is lost.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                out.push_str(&c.escape_unicode().to_string())
            }
            c => out.push(c),
        }
    }
    out
}

impl Reporter for Junit {
    fn file(&mut self, out: &mut dyn WriteColor, file: &FileReport) -> io::Result<()> {
        if !self.open {
            out.write_all(HEAD.as_bytes())?;
            self.open = true;
        }
        let index = LineIndex::new(file.text);
        let path = escape(file.path);
        let n = file.diagnostics.len();
        writeln!(
            out,
            "  <testsuite name=\"{path}\" tests=\"{n}\" failures=\"{n}\" errors=\"0\" skipped=\"0\">"
        )?;
        for d in file.diagnostics {
            let (line, col) = index.line_col(d.span.start);
            let rule = escape(&d.rule);
            let message = escape(&d.message);
            writeln!(
                out,
                "    <testcase name=\"{rule} at {line}:{col}\" classname=\"{path}\" file=\"{path}\" line=\"{line}\">"
            )?;
            writeln!(
                out,
                "      <failure message=\"{message}\" type=\"{rule}\">{path}:{line}:{col}: {}[{rule}] {message}</failure>",
                d.severity.as_str()
            )?;
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")
    }

    fn finish(&mut self, out: &mut dyn WriteColor, _: &Summary) -> io::Result<()> {
        if !self.open {
            out.write_all(HEAD.as_bytes())?;
            out.write_all(
                b"  <testsuite name=\"copydesk\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n    <testcase name=\"no findings\" classname=\"copydesk\"/>\n  </testsuite>\n",
            )?;
        }
        out.write_all(b"</testsuites>\n")
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_quotes_and_controls_are_escaped() {
        assert_eq!(
            escape("<a href=\"x\">Tom & Jerry's</a>\u{7}"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;\\u{7}"
        );
        // A file name with a line break keeps it as an attribute.
        assert_eq!(escape("a\nb\r\tc.txt"), "a&#10;b&#13;&#9;c.txt");
    }
}
