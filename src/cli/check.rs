//! `copydesk check`: arguments → workspace → reporter → exit code.

use super::args::CheckArgs;
use super::{note, stdout_writer, workspace, CliError};
use codespan_reporting::term::termcolor::{NoColor, WriteColor};
use copydesk::changes::{self, Changed, Since};
use copydesk::input::{read_capped_from, MAX_DOCUMENT_BYTES};
use copydesk::render::concise::quote_path;
use copydesk::render::statistics::Statistics;
use copydesk::render::{self, FileReport, ReportOptions, Reporter, Summary};
use copydesk::workspace::{Checked, Outcome, Workspace};
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Files linted in parallel before their results are reported in order:
/// enough to keep every thread busy, few enough that a run over an archive
/// holds only a batch of texts at once.
const BATCH: usize = 256;

/// One input of the run.
pub struct Job {
    /// As the user named it (`./` dropped), or the standard-input name.
    pub display: String,
    /// None for standard input.
    pub path: Option<PathBuf>,
    /// Named on the command line (not found by walking a folder): a binary
    /// file is then an error, not a note.
    pub named: bool,
    /// `--staged`: the repository's top folder and the file's path in it;
    /// the text linted is the staged one.
    pub staged: Option<(PathBuf, PathBuf)>,
    /// `--staged`/`--diff-base`: only findings on these lines are reported.
    pub changed: Option<Changed>,
}

/// What linting one input gave.
enum Done {
    Checked(Checked),
    /// `--fix` on standard input: the fixed text, and what is left (None:
    /// binary input, given back as it came).
    FixedStdin(Vec<u8>, Option<Checked>),
    /// `--diff`: the bytes read, the bytes `--fix` would write, and what is
    /// left after them.
    Diff(Vec<u8>, Vec<u8>, Checked),
    Binary,
    Failed(String),
    /// `--fix` could not write the file (or it changed after it was read):
    /// why, and the findings of the file as it stands, so none is lost.
    NotFixed(String, Checked),
}

fn display_path(p: &Path) -> String {
    let s = p.display().to_string();
    s.strip_prefix("./").map(String::from).unwrap_or(s)
}

pub fn run(args: CheckArgs) -> Result<u8, CliError> {
    if args.input_format == super::args::InputFormat::Ndjson {
        return super::stream::run(args);
    }
    let fixes = copydesk::FixOptions {
        unsafe_fixes: args.unsafe_fixes,
    };
    let ws = workspace(&args.rules, args.fail_on.map(super::level))?.with_fixes(fixes);
    let (jobs, errors) = jobs(&ws, &args)?;
    let stdin = match jobs.iter().any(|j| j.path.is_none()) {
        true => Some(
            read_capped_from(std::io::stdin().lock(), MAX_DOCUMENT_BYTES)
                .map_err(|e| CliError::Message(format!("standard input: {e}")))?,
        ),
        false => None,
    };
    if args.fix && stdin.is_some() && jobs.len() > 1 {
        return Err(CliError::Message(
            "--fix with `-` fixes standard input alone: name no other file".into(),
        ));
    }
    let options = ReportOptions {
        quiet: args.quiet || (args.fix && stdin.is_some()),
        root: ws.root().to_path_buf(),
        // A broken root config is reported with the files it governs.
        rules: ws
            .resolve_root()
            .map(|r| r.engine.rules().to_vec())
            .unwrap_or_default(),
        docs_url: args.docs_url.clone(),
    };
    let reporter: Box<dyn Reporter> = match args.statistics {
        true => Box::new(Statistics::new(args.format == "json")),
        false => render::reporter(&args.format, &options)
            .ok_or_else(|| CliError::Message(format!("unknown format `{}`", args.format)))?,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads(args.threads, jobs.len()))
        .build()
        .map_err(|e| CliError::Message(e.to_string()))?;
    let (writer, report_file) = match &args.output_file {
        Some(path) => {
            let file = ReportFile::create(path)?;
            (file.writer()?, Some(file))
        }
        None => {
            let color = super::use_color(args.color, std::io::stdout().is_terminal());
            (stdout_writer(color), None)
        }
    };
    let mut out = Output {
        out: writer,
        reporter,
        summary: Summary {
            fixing: args.fix,
            unsafe_fixes: args.unsafe_fixes,
            errors: errors.len(),
            ..Summary::default()
        },
        failed: false,
        stdin_json: args.format == "json",
        diffed: 0,
    };
    for e in errors {
        CliError::from(e).report();
    }
    let run = super::progress::Run::here(args.quiet, stdin.is_some(), jobs.len());
    let progress = super::progress::Progress::new(&run);
    for batch in jobs.chunks(BATCH) {
        let done: Vec<Done> = pool.install(|| {
            batch
                .par_iter()
                .map(|job| {
                    let done = match args.diff {
                        true => preview(&ws, job, stdin.as_deref()),
                        false => lint(&ws, job, args.fix, stdin.as_deref()),
                    };
                    progress.inc();
                    done
                })
                .collect()
        });
        progress.suspend(|| {
            batch
                .iter()
                .zip(done)
                .try_for_each(|(job, done)| out.report(job, done))
        })?;
    }
    progress.finish();
    if args.diff {
        let (fixes, files) = (out.summary.fixed, out.diffed);
        match fixes {
            0 => eprintln!("copydesk: nothing to fix"),
            n => eprintln!("copydesk: --fix would fix {n} problem(s) in {files} file(s)"),
        }
    }
    // Fixing standard input writes the fixed text (or its JSON object), and
    // `--diff` the diffs: no report around them.
    if !(args.diff || args.fix && stdin.is_some()) {
        out.reporter.finish(&mut out.out, &out.summary)?;
    }
    out.out.flush()?;
    drop(out.out);
    if let Some(file) = report_file {
        file.persist()?;
    }
    // The process ends here: freeing the compiled packs and name index
    // piece by piece would cost a pre-commit hook a millisecond or two.
    std::mem::forget(ws);
    Ok(if out.summary.errors > 0 {
        2
    } else if args.diff {
        u8::from(out.summary.fixed > 0)
    } else if out.failed || (args.exit_non_zero_on_fix && out.summary.fixed > 0) {
        1
    } else {
        0
    })
}

/// The threads a run uses: as asked (`0` or none: one a core), but never
/// more than the cores or the files, which is all that helps.
pub(super) fn threads(asked: Option<usize>, files: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    match asked {
        None | Some(0) => cores,
        Some(n) => n.min(cores),
    }
    .min(files.max(1))
}

/// The inputs of the run, sorted by the path shown (a component at a time,
/// as a folder's files are), and the paths that could not be read: a
/// report does not depend on the order files were named in. Every config
/// and pack the inputs need is loaded (and checked) first: an input whose
/// config or packs are broken is left out, and the error (once each) is
/// among those returned.
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
    let since = match (&args.staged, &args.diff_base) {
        (true, _) => Some(Since::Staged),
        (false, Some(rev)) => Some(Since::Base(rev.clone())),
        (false, None) => None,
    };
    let (mut jobs, errors) = match since {
        Some(since) => (super::changed::jobs(ws, &since, &args.paths)?, Vec::new()),
        None => named_jobs(ws, args, &paths),
    };
    if jobs.is_empty() {
        ws.validate()?;
    }
    jobs.sort_by(|a, b| Path::new(&a.display).cmp(Path::new(&b.display)));
    let mut errors = errors;
    let mut seen = HashSet::new();
    jobs.retain(|job| match ws.resolve(&job.display_or_path()) {
        Ok(_) => true,
        Err(e) => {
            if seen.insert(e.to_string()) {
                errors.push(e);
            }
            false
        }
    });
    Ok((jobs, errors))
}

/// The jobs of the paths named (folders walked), and the paths that could
/// not be read.
fn named_jobs(
    ws: &Workspace,
    args: &CheckArgs,
    paths: &[PathBuf],
) -> (Vec<Job>, Vec<copydesk::Error>) {
    let (mut files, errors) = ws.files(paths);
    if args.force_exclude {
        files = ws.lintable(files);
    }
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
                named: true,
                staged: None,
                changed: None,
            },
            false => Job {
                display: display_path(f),
                path: Some(f.clone()),
                named: paths.contains(f),
                staged: None,
                changed: None,
            },
        })
        .collect();
    (jobs, errors)
}

/// `--output-file`: the report is written to a temporary file beside the
/// target and renamed over it at the end, so a reader never sees half a
/// report and a failed run leaves the old one. A symbolic link is written
/// through (its target is replaced, the link stays); a target that is not
/// a regular file (`/dev/stdout`, a FIFO, a device) is written to as it is,
/// never replaced.
pub(super) enum ReportFile {
    Atomic {
        temp: tempfile::NamedTempFile,
        path: PathBuf,
    },
    Direct(std::fs::File),
}

impl ReportFile {
    pub(super) fn create(path: &Path) -> Result<ReportFile, CliError> {
        let io_error = |e: std::io::Error| CliError::Message(format!("{}: {e}", path.display()));
        let target = match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                return Err(CliError::Message(format!(
                    "{}: is a folder, not a file to write the report to",
                    path.display()
                )))
            }
            Ok(meta) if !meta.is_file() => {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .map_err(io_error)?;
                return Ok(ReportFile::Direct(file));
            }
            Ok(_) => std::fs::canonicalize(path).map_err(io_error)?,
            Err(_) => path.to_path_buf(),
        };
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        std::fs::create_dir_all(dir).map_err(io_error)?;
        let mut builder = tempfile::Builder::new();
        // An ordinary file for the reader (the umask applies), not the
        // private mode temporary files get.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let temp = builder.tempfile_in(dir).map_err(io_error)?;
        Ok(ReportFile::Atomic { temp, path: target })
    }

    pub(super) fn writer(&self) -> Result<Box<dyn WriteColor>, CliError> {
        let file = match self {
            ReportFile::Atomic { temp, .. } => temp.reopen()?,
            ReportFile::Direct(file) => file.try_clone()?,
        };
        Ok(Box::new(NoColor::new(std::io::BufWriter::new(file))))
    }

    pub(super) fn persist(self) -> Result<(), CliError> {
        match self {
            ReportFile::Atomic { temp, path } => {
                temp.persist(&path)
                    .map_err(|e| CliError::Message(format!("{}: {}", path.display(), e.error)))?;
            }
            ReportFile::Direct(_) => {}
        }
        Ok(())
    }
}

/// Where the results go, in input order, and what they add up to.
struct Output {
    out: Box<dyn WriteColor>,
    reporter: Box<dyn Reporter>,
    summary: Summary,
    failed: bool,
    /// Fixing standard input with `--format json`: one JSON object.
    stdin_json: bool,
    /// `--diff`: files with something to fix.
    diffed: usize,
}

impl Output {
    /// Report one input (see [`Output::write`]) and flush standard output:
    /// each file's findings show when it is done, before the next one's notes.
    fn report(&mut self, job: &Job, done: Done) -> std::io::Result<()> {
        self.write(job, done)?;
        self.out.flush()
    }

    /// Write one input's report: its findings to the reporter (or, fixing
    /// standard input, the fixed text to stdout and what is left to
    /// stderr), its errors and notes to stderr.
    fn write(&mut self, job: &Job, done: Done) -> std::io::Result<()> {
        let checked = match done {
            Done::Failed(e) => {
                note(e);
                self.summary.errors += 1;
                return Ok(());
            }
            Done::Binary => {
                self.binary(job);
                return Ok(());
            }
            Done::Diff(before, after, checked) => {
                if checked.fixed > 0 {
                    super::diff::write(&mut self.out, &job.display, &before, &after)?;
                    self.diffed += 1;
                    self.summary.fixed += checked.fixed;
                }
                return Ok(());
            }
            Done::FixedStdin(bytes, checked) => {
                let Some(checked) = checked else {
                    // Given back as it came, so a pipe loses nothing.
                    if !self.stdin_json {
                        self.out.write_all(&bytes)?;
                        self.out.flush()?;
                    }
                    self.binary(job);
                    return Ok(());
                };
                if self.stdin_json {
                    stdin_json(&mut self.out, job, &bytes, &checked)?;
                } else {
                    self.out.write_all(&bytes)?;
                    self.out.flush()?;
                    if !checked.diagnostics.is_empty() {
                        let _ =
                            render::concise::write(&mut std::io::stderr(), &report(job, &checked));
                    }
                }
                checked
            }
            Done::NotFixed(e, checked) => {
                note(e);
                self.summary.errors += 1;
                if !checked.diagnostics.is_empty() {
                    self.reporter.file(&mut self.out, &report(job, &checked))?;
                }
                checked
            }
            Done::Checked(mut checked) => {
                if let Some(changed) = &job.changed {
                    changed.retain(&checked.text, &mut checked.diagnostics);
                }
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

    /// A binary input: an error when it was named, a note when a folder
    /// walk found it.
    fn binary(&mut self, job: &Job) {
        let path = quote_path(&job.display);
        if job.named {
            note(format_args!("{path}: binary file, not linted"));
            self.summary.errors += 1;
        } else {
            note(format_args!("{path}: skipped: binary file"));
        }
    }
}

/// Fixed standard input as one JSON object: the input's name, its fixed
/// text, the fixes applied and the findings left (the objects of the JSON
/// array, their positions in the fixed text).
fn stdin_json(
    out: &mut dyn Write,
    job: &Job,
    fixed: &[u8],
    checked: &Checked,
) -> std::io::Result<()> {
    let text = match checked.encoding.is_utf16() {
        true => std::borrow::Cow::Borrowed(checked.text.as_str()),
        false => String::from_utf8_lossy(fixed),
    };
    let doc = serde_json::json!({
        "path": job.display,
        "text": text,
        "fixed": checked.fixed,
        "diagnostics": render::json::file_values(&report(job, checked)),
    });
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::other)?;
    out.write_all(b"\n")
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
        encoding: checked.encoding,
    }
}

/// `--diff`: fix in memory, write nothing.
fn preview(ws: &Workspace, job: &Job, stdin: Option<&[u8]>) -> Done {
    let result = match &job.path {
        Some(path) => ws.fix_preview(path),
        None => {
            let bytes = stdin.unwrap_or_default().to_vec();
            ws.fix_bytes(&job.display_or_path(), bytes.clone())
                .map(|(fixed, outcome)| (bytes, fixed, outcome))
        }
    };
    match result {
        Ok((before, after, Outcome::Checked(c))) => Done::Diff(before, after, c),
        Ok((_, _, Outcome::Binary)) => Done::Binary,
        Err(copydesk::Error::Io { error, .. }) => {
            Done::Failed(format!("{}: {error}", quote_path(&job.display)))
        }
        Err(e) => Done::Failed(e.to_string()),
    }
}

fn lint(ws: &Workspace, job: &Job, fix: bool, stdin: Option<&[u8]>) -> Done {
    let outcome = match &job.path {
        Some(path) if job.staged.is_some() => {
            let (top, in_repo) = job.staged.as_ref().expect("staged");
            changes::staged_text(top, in_repo).and_then(|bytes| ws.check_bytes(path, bytes))
        }
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
    let failed = |e| match e {
        copydesk::Error::Io { error, .. } => format!("{}: {error}", quote_path(&job.display)),
        e => e.to_string(),
    };
    match outcome {
        Ok(Outcome::Checked(c)) => Done::Checked(c),
        Ok(Outcome::Binary) => Done::Binary,
        // Fixes not written: the file's findings as it stands, if it can
        // still be read.
        Err(e) if fix && job.staged.is_none() && job.path.is_some() => {
            let path = job.path.as_deref().expect("a path");
            match ws.check_file(path, false) {
                Ok(Outcome::Checked(c)) => Done::NotFixed(failed(e), c),
                _ => Done::Failed(failed(e)),
            }
        }
        Err(e) => Done::Failed(failed(e)),
    }
}
