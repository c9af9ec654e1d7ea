//! `check --diff`: what `--fix` would change, as a unified diff per file
//! (coloured on a terminal); nothing is written.

use codespan_reporting::term::termcolor::{Color, ColorSpec, WriteColor};
use std::io;

/// A file name for a diff's `---`/`+++` line, quoted as git quotes one
/// (`"a/x\ny.md"`) when it holds a quotation mark, a backslash or a
/// control character, so that a line break cannot end the header; other
/// characters are written as they are (git's `core.quotePath=false`).
fn header_name(prefix: &str, path: &str) -> String {
    if !path
        .chars()
        .any(|c| c == '"' || c == '\\' || c.is_control())
    {
        return format!("{prefix}{path}");
    }
    let mut out = format!("\"{prefix}");
    for c in path.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{b}' => out.push_str("\\v"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("\\{b:03o}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Write the diff of one file's text before and after its fixes.
pub fn write(out: &mut dyn WriteColor, path: &str, before: &[u8], after: &[u8]) -> io::Result<()> {
    let old = String::from_utf8_lossy(before);
    let new = String::from_utf8_lossy(after);
    let diff = similar::TextDiff::from_lines(old.as_ref(), new.as_ref());
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(&header_name("a/", path), &header_name("b/", path))
        .to_string();
    for line in text.split_inclusive('\n') {
        let color = match line.as_bytes().first() {
            Some(b'+') if !line.starts_with("+++") => Some(Color::Green),
            Some(b'-') if !line.starts_with("---") => Some(Color::Red),
            Some(b'@') => Some(Color::Cyan),
            _ => None,
        };
        match color {
            Some(c) => {
                out.set_color(ColorSpec::new().set_fg(Some(c)))?;
                out.write_all(line.trim_end_matches('\n').as_bytes())?;
                out.reset()?;
                out.write_all(b"\n")?;
            }
            None => out.write_all(line.as_bytes())?,
        }
        if !line.ends_with('\n') {
            // The last line of a file without a final line break.
            out.write_all(b"\n\\ No newline at end of file\n")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::header_name;

    #[test]
    fn names_that_could_break_a_header_are_quoted_as_git_does() {
        assert_eq!(header_name("a/", "drafts/kyiv.md"), "a/drafts/kyiv.md");
        assert_eq!(header_name("a/", "커뮤니티.md"), "a/커뮤니티.md");
        assert_eq!(
            header_name("b/", "x\ny \"q\"\\z\u{7}\u{1}.md"),
            "\"b/x\\ny \\\"q\\\"\\\\z\\a\\001.md\""
        );
    }
}
