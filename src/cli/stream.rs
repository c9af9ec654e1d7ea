//! `copydesk check --input-format ndjson`: NDJSON documents in, one NDJSON
//! result a document out. The work is the library's ([`copydesk::stream`]);
//! this opens the inputs, picks the pool and the exit code.

use super::args::CheckArgs;
use super::check::{threads, ReportFile};
use super::{note, stdout, workspace, CliError};
use copydesk::stream::{self, Limits, Totals};
use std::io::{BufRead, BufReader, Write};

pub fn run(args: CheckArgs) -> Result<u8, CliError> {
    let ws = workspace(&args.rules, args.fail_on.map(super::level))?;
    ws.validate()?;
    let inputs = match args.paths.is_empty() {
        true => vec!["-".into()],
        false => args.paths.clone(),
    };
    if inputs.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err(CliError::Message(
            "`-` (standard input) given more than once".into(),
        ));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads(args.threads, usize::MAX))
        .build()
        .map_err(|e| CliError::Message(e.to_string()))?;
    let report_file = args
        .output_file
        .as_deref()
        .map(ReportFile::create)
        .transpose()?;
    let mut out: Box<dyn Write> = match &report_file {
        Some(file) => Box::new(file.writer()?),
        None => Box::new(std::io::BufWriter::with_capacity(1 << 16, stdout())),
    };
    let mut totals = Totals::default();
    let mut unread = false;
    for path in &inputs {
        let (name, mut reader): (String, Box<dyn BufRead>) = match path.as_os_str() == "-" {
            true => ("<stdin>".into(), Box::new(std::io::stdin().lock())),
            false => match std::fs::File::open(path) {
                Ok(f) => (
                    path.display().to_string(),
                    Box::new(BufReader::with_capacity(1 << 16, f)),
                ),
                Err(e) => {
                    note(format_args!("{}: {e}", path.display()));
                    unread = true;
                    continue;
                }
            },
        };
        let limits = Limits::default();
        stream::run(
            &ws,
            &name,
            &mut reader,
            &mut out,
            limits,
            Some(&pool),
            &mut totals,
        )
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::BrokenPipe => CliError::Io(e),
            _ => CliError::Message(format!("{name}: {e}")),
        })?;
    }
    out.flush()?;
    drop(out);
    if let Some(file) = report_file {
        file.persist()?;
    }
    if totals.errors > 0 && !args.quiet {
        note(format_args!(
            "{} input line(s) could not be linted (see their \"error\" lines)",
            totals.errors
        ));
    }
    std::mem::forget(ws);
    Ok(if unread || totals.errors > 0 {
        2
    } else {
        u8::from(totals.failed)
    })
}
