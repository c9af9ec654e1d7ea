//! `copydesk report FINDINGS.ndjson -o audit.html`: read the findings line by
//! line into the library's [`copydesk::report::Audit`], write its page.

use super::args::ReportArgs;
use super::check::ReportFile;
use super::{note, stdout, CliError};
use copydesk::report::{html, Audit};
use std::io::{BufRead, BufReader, Write};

pub fn run(args: ReportArgs) -> Result<u8, CliError> {
    let name = args.findings.display().to_string();
    let reader: Box<dyn BufRead> = match args.findings.as_os_str() == "-" {
        true => Box::new(std::io::stdin().lock()),
        false => Box::new(BufReader::new(
            std::fs::File::open(&args.findings)
                .map_err(|e| CliError::Message(format!("{name}: {e}")))?,
        )),
    };
    let mut audit = Audit::default();
    for (i, line) in reader.split(b'\n').enumerate() {
        let line = line.map_err(|e| CliError::Message(format!("{name}: {e}")))?;
        audit.add_line(i + 1, &String::from_utf8_lossy(&line));
    }
    let page = html::page(&mut audit, &name);
    match &args.output {
        Some(path) => {
            let file = ReportFile::create(path)?;
            let mut w = file.writer()?;
            w.write_all(page.as_bytes())?;
            w.flush()?;
            drop(w);
            file.persist()?;
        }
        None => stdout().write_all(page.as_bytes())?,
    }
    if audit.errors > 0 {
        note(format_args!(
            "{name}: {} line(s) were not findings of a document (listed in the page)",
            audit.errors
        ));
    }
    Ok(0)
}
