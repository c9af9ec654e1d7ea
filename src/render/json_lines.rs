//! `--format json-lines`: one diagnostic a line, each the object of
//! `--format json` on one line, written as files come (a consumer can act on
//! the first finding of a long run before the run ends).

use super::{json, FileReport, Reporter, Summary};
use codespan_reporting::term::termcolor::WriteColor;
use std::io;

/// The JSON Lines format.
pub struct JsonLines;

impl Reporter for JsonLines {
    fn file(&mut self, out: &mut dyn WriteColor, file: &FileReport) -> io::Result<()> {
        let index = json::Index::new(file);
        for d in file.diagnostics {
            let value = json::diagnostic(&index, file, d);
            serde_json::to_writer(&mut *out, &value).map_err(io::Error::other)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn finish(&mut self, _: &mut dyn WriteColor, _: &Summary) -> io::Result<()> {
        Ok(())
    }
}
