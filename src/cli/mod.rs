//! The command line: seen only by the binary. It reads files and the
//! environment, calls the library, prints, and picks the exit code.

mod args;
mod changed;
mod check;
mod diff;
mod docs;
mod hook;
#[cfg(feature = "lsp")]
mod lsp;
mod progress;
mod report;
#[cfg(feature = "serve")]
mod serve;
mod stream;

use args::{Cli, Command, Level, RuleOptions, RulesFormat};
use clap::{CommandFactory, FromArgMatches};
use codespan_reporting::term::termcolor::{Ansi, NoColor, WriteColor};
use copydesk::config::{self, Selection};
use copydesk::rules::pack;
use copydesk::workspace::{ConfigChoice, Options, Workspace};
use copydesk::{FileError, Severity};
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set when standard output was closed under a command (`copydesk … |
/// head`): the run then ends quietly with exit code 0, whatever the format
/// or command.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// Whether standard output was closed under the run.
pub fn stdout_closed() -> bool {
    STDOUT_CLOSED.load(Ordering::Relaxed)
}

/// Standard output that notes a closed pipe, however the writer above it
/// wraps the error.
pub struct Stdout(std::io::StdoutLock<'static>);

/// Standard output, locked.
pub fn stdout() -> Stdout {
    Stdout(std::io::stdout().lock())
}

fn note_closed(e: std::io::Error) -> std::io::Error {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        STDOUT_CLOSED.store(true, Ordering::Relaxed);
    }
    e
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf).map_err(note_closed)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush().map_err(note_closed)
    }
}

/// Print `copydesk: {message}` on standard error (a closed standard error
/// is ignored: the exit code still tells).
pub fn note(message: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "copydesk: {message}");
}

/// Why a run could not finish normally. Exit code 2.
pub enum CliError {
    File(Box<FileError>),
    Io(std::io::Error),
    Message(String),
}

impl From<FileError> for CliError {
    fn from(e: FileError) -> Self {
        CliError::File(Box::new(e))
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::Io(e)
    }
}

impl From<copydesk::Error> for CliError {
    fn from(e: copydesk::Error) -> Self {
        match e {
            copydesk::Error::File(e) => CliError::File(e),
            other => CliError::Message(other.to_string()),
        }
    }
}

impl CliError {
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, CliError::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }

    /// Print the error on stderr, a located one with codespan.
    pub fn report(&self) {
        match self {
            CliError::File(e) => {
                let mut err = stderr_writer();
                if copydesk::render::human::write_file_error(&mut err, e).is_err() {
                    note(e);
                }
            }
            CliError::Io(e) => note(e),
            CliError::Message(m) => note(m),
        }
    }
}

fn use_color(choice: args::ColorChoice, terminal: bool) -> bool {
    match choice {
        args::ColorChoice::Always => true,
        args::ColorChoice::Never => false,
        args::ColorChoice::Auto => {
            terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

fn stderr_writer() -> codespan_reporting::term::termcolor::StandardStream {
    use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
    let color = use_color(args::ColorChoice::Auto, std::io::stderr().is_terminal());
    StandardStream::stderr(if color {
        ColorChoice::Always
    } else {
        ColorChoice::Never
    })
}

pub fn run() -> Result<u8, CliError> {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    if let (Command::Check(a), Some(("check", m))) = (&cli.command, matches.subcommand()) {
        if let Err(e) = args::check_conflicts(a, m) {
            e.exit()
        }
    }
    match cli.command {
        Command::Check(a) => check::run(a),
        Command::Rules(a) => rules(&a.rules, a.format),
        Command::Explain(a) => explain(&a.id, &a.rules),
        Command::TestRules(a) => test_rules(&a.packs),
        Command::Init(a) => init(a.force),
        Command::Hook(c) => hook::run(c),
        Command::Completions { shell } => Ok(docs::completions(shell)?),
        Command::Man => Ok(docs::man()?),
        #[cfg(feature = "lsp")]
        Command::Lsp(a) => lsp::run(a),
        #[cfg(feature = "serve")]
        Command::Serve(a) => serve::run(a),
        Command::Report(a) => report::run(a),
    }
}

pub fn level(l: Level) -> Severity {
    match l {
        Level::Error => Severity::Error,
        Level::Warning => Severity::Warning,
        Level::Info => Severity::Info,
    }
}

/// The library's workspace for the command line's rule options, rooted at
/// the current folder.
pub fn workspace(o: &RuleOptions, fail_on: Option<Severity>) -> Result<Workspace, CliError> {
    Ok(Workspace::new(
        std::env::current_dir()?,
        workspace_options(o, fail_on),
    ))
}

/// The library's options for the command line's rule options.
pub fn workspace_options(o: &RuleOptions, fail_on: Option<Severity>) -> Options {
    let config = if o.isolated {
        ConfigChoice::Isolated
    } else if let Some(p) = &o.config {
        ConfigChoice::File(p.clone())
    } else {
        ConfigChoice::Discover
    };
    Options {
        config,
        packs: o.rules.clone(),
        selection: Selection {
            select: o.select.clone(),
            extend_select: o.extend_select.clone(),
            ignore: o.ignore.clone(),
            house_style: o.house_style.clone(),
            preview: o.preview.then_some(true),
            ..Default::default()
        },
        fail_on,
        ..Default::default()
    }
}

/// Standard output for a reporter: ANSI colour or none. Buffered (a
/// finding is a few small writes): the caller flushes after each file.
pub fn stdout_writer(color: bool) -> Box<dyn WriteColor> {
    let stdout = std::io::BufWriter::with_capacity(1 << 16, stdout());
    if color {
        Box::new(Ansi::new(stdout))
    } else {
        Box::new(NoColor::new(stdout))
    }
}

fn rules(o: &RuleOptions, format: RulesFormat) -> Result<u8, CliError> {
    let root = workspace(o, None)?.resolve_root()?;
    let (engine, settings) = (&root.engine, &root.settings);
    let mut out = stdout();
    match format {
        RulesFormat::Text => {
            for (i, r) in engine.rules().iter().enumerate() {
                writeln!(
                    out,
                    "{:<22} {:<15} {:<8} {:<4} {}{}",
                    r.id,
                    r.kind().as_str(),
                    settings.severity[i].as_str(),
                    if settings.enabled[i] { "on" } else { "off" },
                    if r.preview { "[preview] " } else { "" },
                    r.one_line()
                )?;
            }
        }
        RulesFormat::Markdown => {
            out.write_all(copydesk::render::markdown_reference(engine).as_bytes())?
        }
        RulesFormat::Json => {
            let v: Vec<serde_json::Value> = engine
                .rules()
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    serde_json::json!({
                        "id": r.id, "pack": r.pack, "kind": r.kind().as_str(),
                        "severity": settings.severity[i].as_str(), "enabled": settings.enabled[i],
                        "default_severity": r.severity.as_str(), "preview": r.preview,
                        "summary": r.summary(), "link": r.link, "docs": r.docs_anchor(),
                    })
                })
                .collect();
            // Written as one string: a closed pipe is then an I/O error of
            // its own kind, which exits quietly.
            let json = serde_json::to_string_pretty(&v).map_err(std::io::Error::other)?;
            writeln!(out, "{json}")?;
        }
    }
    Ok(0)
}

fn explain(id: &str, o: &RuleOptions) -> Result<u8, CliError> {
    let root = workspace(o, None)?.resolve_root()?;
    let engine = &root.engine;
    let Some(rule) = engine.rules().iter().find(|r| r.id == id) else {
        return Err(CliError::Message(format!(
            "no rule `{id}` (see `copydesk rules`)"
        )));
    };
    let mut out = stdout();
    writeln!(
        out,
        "{} ({} rule, {}, pack `{}`)\n",
        rule.id,
        rule.kind().as_str(),
        rule.severity,
        rule.pack
    )?;
    writeln!(out, "{}\n", rule.description.trim())?;
    if let Some(link) = &rule.link {
        writeln!(out, "See: {link}\n")?;
    }
    if !rule.flag.is_empty() {
        writeln!(out, "Flagged:")?;
        for ex in &rule.flag {
            writeln!(out, "  ✗ {}", ex.text.escape_debug())?;
            if let Some(fixed) = &ex.fixed {
                writeln!(out, "    → {}", fixed.escape_debug())?;
            }
        }
    }
    if !rule.pass.is_empty() {
        writeln!(out, "Not flagged:")?;
        for ok in &rule.pass {
            writeln!(out, "  ✓ {}", ok.escape_debug())?;
        }
    }
    Ok(0)
}

fn test_rules(packs: &[std::path::PathBuf]) -> Result<u8, CliError> {
    let engine = copydesk::workspace::build_engine(packs)?;
    let shipped = pack::shipped()?.rules.len();
    let test_shipped = packs.is_empty();
    let report = copydesk::testing::run_examples(&engine, &|i| test_shipped || i >= shipped);
    let mut out = stdout();
    for f in &report.failures {
        writeln!(out, "FAIL {}: {:?}: {}", f.rule, f.example, f.problem)?;
    }
    writeln!(
        out,
        "{} passed, {} failed",
        report.passed,
        report.failures.len()
    )?;
    Ok(if report.failures.is_empty() { 0 } else { 1 })
}

fn init(force: bool) -> Result<u8, CliError> {
    let path = Path::new(config::FILE_NAME);
    if path.exists() && !force {
        return Err(CliError::Message(format!(
            "{} already exists (use --force to overwrite)",
            config::FILE_NAME
        )));
    }
    copydesk::fix::write_atomic(path, config::STARTER.as_bytes())?;
    writeln!(stdout(), "wrote {}", config::FILE_NAME)?;
    Ok(0)
}
