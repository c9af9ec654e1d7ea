//! `copydesk check`: arguments → workspace → reporter → exit code.

use super::args::CheckArgs;
use super::{stdout_writer, workspace, CliError};
use codespan_reporting::term::termcolor::WriteColor;
use copydesk::render::{self, FileReport, ReportOptions, Reporter, Summary};
use copydesk::workspace::{Checked, Outcome, Workspace};
use rayon::prelude::*;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

/// Files linted in parallel before their results are reported in order:
/// enough to keep every thread busy, few enough that a run over an archive
/// holds only a batch of texts at once.
const BATCH: usize = 256;

/// One input of the run.
struct Job {
    /// As the user named it (`./` dropped), or the standard-input name.
    display: String,
    /// None for standard input.
    path: Option<PathBuf>,
}

/// What linting one input gave.
enum Done {
    Checked(Checked),
    /// `--fix` on standard input: the fixed text, and what is left (None:
    /// binary input, given back as it came).
    FixedStdin(Vec<u8>, Option<Checked>),
    Binary,
    Failed(String),
}

fn display_path(p: &Path) -> String {
    let s = p.display().to_string();
    s.strip_prefix("./").map(String::from).unwrap_or(s)
}

pub fn run(args: CheckArgs) -> Result<u8, CliError> {
    let fixes = copydesk::FixOptions {
        unsafe_fixes: args.unsafe_fixes,
    };
    let ws = workspace(&args.rules, args.fail_on.map(super::level))?.with_fixes(fixes);
    let (jobs, errors) = jobs(&ws, &args)?;
    let stdin = match jobs.iter().any(|j| j.path.is_none()) {
        true => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf)?;
            Some(buf)
        }
        false => None,
    };
    let options = ReportOptions {
        quiet: args.quiet || (args.fix && stdin.is_some()),
        root: ws.root().to_path_buf(),
        rules: ws.resolve_root()?.engine.rules().to_vec(),
        docs_url: args.docs_url.clone(),
    };
    let reporter = render::reporter(&args.format, &options)
        .ok_or_else(|| CliError::Message(format!("unknown format `{}`", args.format)))?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .map_err(|e| CliError::Message(e.to_string()))?;
    let color = super::use_color(args.color, std::io::stdout().is_terminal());
    let mut out = Output {
        out: stdout_writer(color),
        reporter,
        summary: Summary {
            fixing: args.fix,
            unsafe_fixes: args.unsafe_fixes,
            ..Summary::default()
        },
        failed: false,
        had_error: !errors.is_empty(),
    };
    for e in &errors {
        eprintln!("copydesk: {e}");
    }
    for batch in jobs.chunks(BATCH) {
        let done: Vec<Done> = pool.install(|| {
            batch
                .par_iter()
                .map(|job| lint(&ws, job, args.fix, stdin.as_deref()))
                .collect()
        });
        for (job, done) in batch.iter().zip(done) {
            out.report(job, done)?;
        }
    }
    out.reporter.finish(&mut out.out, &out.summary)?;
    out.out.flush()?;
    // The process ends here: freeing the compiled packs and name index
    // piece by piece would cost a pre-commit hook a millisecond or two.
    std::mem::forget(ws);
    Ok(if out.had_error {
        2
    } else if out.failed {
        1
    } else {
        0
    })
}

/// The inputs of the run, in order, and the paths that could not be read.
/// Every config and pack the inputs need is loaded (and checked) first.
fn jobs(ws: &Workspace, args: &CheckArgs) -> Result<(Vec<Job>, Vec<copydesk::Error>), CliError> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    if paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err(CliError::Message(
            "`-` (standard input) given more than once".into(),
        ));
    }
    let (files, errors) = ws.files(&paths);
    let stdin_name = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| "<stdin>".into());
    let jobs: Vec<Job> = files
        .iter()
        .map(|f| match f.as_os_str() == "-" {
            true => Job {
                display: stdin_name.clone(),
                path: None,
            },
            false => Job {
                display: display_path(f),
                path: Some(f.clone()),
            },
        })
        .collect();
    for job in &jobs {
        ws.resolve(Path::new(&job.display_or_path()))?;
    }
    if jobs.is_empty() {
        ws.validate()?;
    }
    Ok((jobs, errors))
}

/// Where the results go, in input order, and what they add up to.
struct Output {
    out: Box<dyn WriteColor>,
    reporter: Box<dyn Reporter>,
    summary: Summary,
    failed: bool,
    had_error: bool,
}

impl Output {
    /// Report one input: its findings to the reporter (or, fixing standard
    /// input, the fixed text to stdout and what is left to stderr), its
    /// errors and notes to stderr.
    fn report(&mut self, job: &Job, done: Done) -> std::io::Result<()> {
        let binary = || {
            eprintln!(
                "copydesk: {}: skipped: binary file (contains NUL bytes)",
                job.display
            )
        };
        let checked = match done {
            Done::Failed(e) => {
                eprintln!("copydesk: {e}");
                self.had_error = true;
                return Ok(());
            }
            Done::Binary => {
                binary();
                return Ok(());
            }
            Done::FixedStdin(bytes, checked) => {
                self.out.write_all(&bytes)?;
                let Some(checked) = checked else {
                    binary();
                    return Ok(());
                };
                if !checked.diagnostics.is_empty() {
                    let _ = render::concise::write(&mut std::io::stderr(), &report(job, &checked));
                }
                checked
            }
            Done::Checked(checked) => {
                if !checked.diagnostics.is_empty() {
                    self.reporter.file(&mut self.out, &report(job, &checked))?;
                }
                checked
            }
        };
        self.summary.add(&checked.diagnostics);
        self.summary.fixed += checked.fixed;
        self.failed |= checked.failed();
        Ok(())
    }
}

impl Job {
    /// The path whose config governs the job: standard input's name picks
    /// its folder and format.
    fn display_or_path(&self) -> PathBuf {
        match &self.path {
            Some(p) => p.clone(),
            None => PathBuf::from(&self.display),
        }
    }
}

fn report<'a>(job: &'a Job, checked: &'a Checked) -> FileReport<'a> {
    FileReport {
        path: &job.display,
        text: &checked.text,
        diagnostics: &checked.diagnostics,
        rules: checked.engine.rules(),
    }
}

fn lint(ws: &Workspace, job: &Job, fix: bool, stdin: Option<&[u8]>) -> Done {
    let outcome = match &job.path {
        Some(path) => ws.check_file(path, fix),
        None => {
            let bytes = stdin.unwrap_or_default().to_vec();
            let name = job.display_or_path();
            if fix {
                match ws.fix_bytes(&name, bytes) {
                    Ok((fixed, Outcome::Checked(c))) => return Done::FixedStdin(fixed, Some(c)),
                    Ok((same, Outcome::Binary)) => return Done::FixedStdin(same, None),
                    Err(e) => Err(e),
                }
            } else {
                ws.check_bytes(&name, bytes)
            }
        }
    };
    match outcome {
        Ok(Outcome::Checked(c)) => Done::Checked(c),
        Ok(Outcome::Binary) => Done::Binary,
        Err(copydesk::Error::Io { error, .. }) => Done::Failed(format!("{}: {error}", job.display)),
        Err(e) => Done::Failed(e.to_string()),
    }
}
