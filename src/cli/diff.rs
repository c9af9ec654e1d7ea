//! `check --diff`: what `--fix` would change, as a unified diff per file
//! (coloured on a terminal); nothing is written.

use codespan_reporting::term::termcolor::{Color, ColorSpec, WriteColor};
use std::io;

/// Write the diff of one file's text before and after its fixes.
pub fn write(out: &mut dyn WriteColor, path: &str, before: &[u8], after: &[u8]) -> io::Result<()> {
    let old = String::from_utf8_lossy(before);
    let new = String::from_utf8_lossy(after);
    let diff = similar::TextDiff::from_lines(old.as_ref(), new.as_ref());
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
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
