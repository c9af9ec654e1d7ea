//! `copydesk check`: walk the inputs, resolve each file's config, lint in
//! parallel, print in a deterministic order, and pick the exit code.

use super::args::{CheckArgs, Level, OutputFormat};
use super::{build_engine, check_selectors, cli_selection, use_color, CliError};
use copydesk::config::{self, Config, Selection};
use copydesk::render::{concise, human, json, FileDiagnostics};
use copydesk::{fix, Engine, Format, Linted, Settings, Severity};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

/// Extensions linted when walking a directory (files named explicitly are always linted).
const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "mdown", "mkd", "mdx"];

struct Job {
    display: String,
    /// None for standard input.
    path: Option<PathBuf>,
    engine: usize,
    settings: Settings,
    fail_on: Severity,
    format: Format,
}

struct Done {
    output: Vec<u8>,
    json: Vec<serde_json::Value>,
    counts: [usize; 3],
    fixable: usize,
    fixed: usize,
    failed: bool,
    error: Option<String>,
    note: Option<String>,
    fixed_stdin: Option<Vec<u8>>,
}

fn level(l: Level) -> Severity {
    match l {
        Level::Error => Severity::Error,
        Level::Warning => Severity::Warning,
        Level::Info => Severity::Info,
    }
}

/// Expand the command-line paths into files, in a stable order.
fn collect_files(paths: &[PathBuf], errors: &mut Vec<String>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            files.push(p.clone());
            continue;
        }
        match std::fs::metadata(p) {
            Err(e) => errors.push(format!("{}: {e}", p.display())),
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                let walker = ignore::WalkBuilder::new(p)
                    .require_git(false)
                    .add_custom_ignore_filename(".copydeskignore")
                    .build();
                for entry in walker {
                    match entry {
                        Err(e) => errors.push(e.to_string()),
                        Ok(e) => {
                            let is_file = e.file_type().is_some_and(|t| t.is_file());
                            let ext_ok =
                                e.path()
                                    .extension()
                                    .and_then(|x| x.to_str())
                                    .is_some_and(|x| {
                                        TEXT_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str())
                                    });
                            if is_file && ext_ok {
                                found.push(e.into_path());
                            }
                        }
                    }
                }
                found.sort();
                files.extend(found);
            }
            Ok(_) => files.push(p.clone()),
        }
    }
    files
}

/// Drop `.` components so globs in overrides match `./desk/a.md` like `desk/a.md`.
fn normalize(p: &Path) -> PathBuf {
    p.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

fn display_path(p: &Path) -> String {
    let s = p.display().to_string();
    s.strip_prefix("./").map(String::from).unwrap_or(s)
}

pub fn run(args: CheckArgs) -> Result<u8, CliError> {
    let mut errors: Vec<String> = Vec::new();
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
    let files = collect_files(&paths, &mut errors);
    let cwd = std::env::current_dir()?;
    let cli_sel: Selection = cli_selection(&args.rules);

    // Configs: one per discovered file, loaded once.
    let mut configs: Vec<Config> = Vec::new();
    let mut config_by_path: HashMap<Option<PathBuf>, usize> = HashMap::new();
    let mut discovered: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
    let mut config_index = |dir: &Path| -> Result<usize, CliError> {
        let key = if args.rules.isolated {
            None
        } else if let Some(p) = &args.rules.config {
            Some(p.clone())
        } else {
            discovered
                .entry(dir.to_path_buf())
                .or_insert_with(|| config::discover(dir))
                .clone()
        };
        if let Some(&i) = config_by_path.get(&key) {
            return Ok(i);
        }
        let cfg = match &key {
            Some(p) => Config::load(p)?,
            None => Config::default(),
        };
        configs.push(cfg);
        config_by_path.insert(key, configs.len() - 1);
        Ok(configs.len() - 1)
    };

    let mut file_configs = Vec::with_capacity(files.len());
    for f in &files {
        let dir = if f.as_os_str() == "-" {
            match &args.stdin_filename {
                Some(name) => cwd
                    .join(name)
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or(cwd.clone()),
                None => cwd.clone(),
            }
        } else {
            let abs = normalize(&cwd.join(f));
            abs.parent().map(Path::to_path_buf).unwrap_or(cwd.clone())
        };
        file_configs.push(config_index(&dir)?);
    }

    // Engines: one per distinct set of extra packs.
    let mut engines: Vec<Engine> = Vec::new();
    let mut engine_by_packs: HashMap<Vec<PathBuf>, usize> = HashMap::new();
    let mut engine_of_config = Vec::with_capacity(configs.len());
    for cfg in &configs {
        let mut packs = cfg.packs.clone();
        packs.extend(args.rules.rules.iter().cloned());
        let i = match engine_by_packs.get(&packs) {
            Some(&i) => i,
            None => {
                engines.push(build_engine(&packs)?);
                engine_by_packs.insert(packs, engines.len() - 1);
                engines.len() - 1
            }
        };
        cfg.validate(&engines[i])?;
        check_selectors(&engines[i], &cli_sel)?;
        engine_of_config.push(i);
    }
    if configs.is_empty() {
        // No files: still validate the command line against the shipped rules.
        let engine = build_engine(&args.rules.rules)?;
        check_selectors(&engine, &cli_sel)?;
    }

    let mut jobs = Vec::with_capacity(files.len());
    for (f, &ci) in files.iter().zip(&file_configs) {
        let cfg = &configs[ci];
        let engine = engine_of_config[ci];
        let is_stdin = f.as_os_str() == "-";
        let display = if is_stdin {
            args.stdin_filename
                .clone()
                .unwrap_or_else(|| "<stdin>".into())
        } else {
            display_path(f)
        };
        let abs = normalize(&cwd.join(if is_stdin {
            Path::new(&display)
        } else {
            f.as_path()
        }));
        let rel = match cfg.path.as_ref().and_then(|p| p.parent()) {
            Some(dir) => {
                let dir = normalize(&cwd.join(dir));
                abs.strip_prefix(&dir)
                    .map(Path::to_path_buf)
                    .unwrap_or(abs.clone())
            }
            None => abs
                .strip_prefix(&cwd)
                .map(Path::to_path_buf)
                .unwrap_or(abs.clone()),
        };
        let settings = cfg.settings_for(&engines[engine], &rel, &cli_sel);
        let fail_on = args
            .fail_on
            .map(level)
            .or(cfg.fail_on)
            .unwrap_or(Severity::Warning);
        jobs.push(Job {
            format: Format::from_path(&display),
            display,
            path: if is_stdin { None } else { Some(f.clone()) },
            engine,
            settings,
            fail_on,
        });
    }

    let mut stdin_bytes = None;
    if jobs.iter().any(|j| j.path.is_none()) {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf)?;
        stdin_bytes = Some(buf);
    }

    let color = use_color(args.color, std::io::stdout().is_terminal());
    let threads = args.threads.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| CliError::Message(e.to_string()))?;
    let results: Vec<Done> = pool.install(|| {
        jobs.par_iter()
            .map(|job| {
                lint_job(
                    job,
                    &engines[job.engine],
                    &args,
                    color,
                    stdin_bytes.as_deref(),
                )
            })
            .collect()
    });

    // Print in order.
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut all_json = Vec::new();
    let mut counts = [0usize; 3];
    let (mut fixable, mut fixed, mut failed, mut had_error) = (0, 0, false, !errors.is_empty());
    for e in &errors {
        eprintln!("copydesk: {e}");
    }
    for r in results {
        if let Some(note) = &r.note {
            eprintln!("copydesk: {note}");
        }
        if let Some(e) = &r.error {
            eprintln!("copydesk: {e}");
            had_error = true;
        }
        if let Some(bytes) = &r.fixed_stdin {
            out.write_all(bytes)?;
        } else {
            out.write_all(&r.output)?;
        }
        all_json.extend(r.json);
        for (total, n) in counts.iter_mut().zip(r.counts) {
            *total += n;
        }
        fixable += r.fixable;
        fixed += r.fixed;
        failed |= r.failed;
    }
    let total: usize = counts.iter().sum();
    match args.format {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &all_json).map_err(std::io::Error::other)?;
            writeln!(out)?;
        }
        OutputFormat::Human if !(args.quiet || args.fix && stdin_bytes.is_some()) => {
            let mut line = if total == 0 {
                "No problems found".to_string()
            } else {
                format!(
                    "Found {total} problem{} ({} error{}, {} warning{}, {} info)",
                    if total == 1 { "" } else { "s" },
                    counts[2],
                    if counts[2] == 1 { "" } else { "s" },
                    counts[1],
                    if counts[1] == 1 { "" } else { "s" },
                    counts[0]
                )
            };
            if fixed > 0 {
                line.push_str(&format!("; fixed {fixed}"));
            }
            if fixable > 0 && !args.fix {
                line.push_str(&format!("; {fixable} fixable with `--fix`"));
            }
            writeln!(out, "{line}.")?;
        }
        _ => {}
    }
    out.flush()?;
    // The process ends here: freeing the compiled packs and name index
    // piece by piece would cost a pre-commit hook a millisecond or two.
    std::mem::forget(engines);
    Ok(if had_error {
        2
    } else if failed {
        1
    } else {
        0
    })
}

fn lint_job(
    job: &Job,
    engine: &Engine,
    args: &CheckArgs,
    color: bool,
    stdin: Option<&[u8]>,
) -> Done {
    let mut done = Done {
        output: Vec::new(),
        json: Vec::new(),
        counts: [0; 3],
        fixable: 0,
        fixed: 0,
        failed: false,
        error: None,
        note: None,
        fixed_stdin: None,
    };
    let bytes = match &job.path {
        None => stdin.unwrap_or_default().to_vec(),
        Some(p) => match std::fs::read(p) {
            Ok(b) => b,
            Err(e) => {
                done.error = Some(format!("{}: {e}", job.display));
                return done;
            }
        },
    };
    let linted = if args.fix {
        let (new_bytes, n, linted) = copydesk::fix_bytes(engine, &job.settings, job.format, bytes);
        done.fixed = n;
        match &job.path {
            None => done.fixed_stdin = Some(new_bytes),
            Some(p) if n > 0 => {
                if let Err(e) = fix::write_atomic(p, &new_bytes) {
                    done.error = Some(format!("{}: could not write fixes: {e}", job.display));
                }
            }
            Some(_) => {}
        }
        linted
    } else {
        copydesk::lint_bytes(engine, &job.settings, job.format, bytes)
    };
    let (text, diagnostics) = match linted {
        Linted::Binary => {
            done.note = Some(format!(
                "{}: skipped: binary file (contains NUL bytes)",
                job.display
            ));
            return done;
        }
        Linted::Text { text, diagnostics } => (text, diagnostics),
    };
    for d in &diagnostics {
        done.counts[d.severity as usize] += 1;
        if d.severity >= job.fail_on {
            done.failed = true;
        }
        if d.fix
            .as_ref()
            .is_some_and(|f| f.applicability == copydesk::Applicability::Safe)
        {
            done.fixable += 1;
        }
    }
    // A clean file prints nothing: the writers, which index the whole
    // text by line, are not called.
    if diagnostics.is_empty() {
        return done;
    }
    let file = FileDiagnostics {
        path: &job.display,
        text: &text,
        diagnostics: &diagnostics,
    };
    // With `--fix` on standard input the fixed text goes to stdout; findings to stderr.
    let result = match (args.format, job.path.is_none() && args.fix) {
        (_, true) => {
            let mut buf = Vec::new();
            let r = concise::write(&mut buf, &file);
            let _ = std::io::stderr().write_all(&buf);
            r
        }
        (OutputFormat::Json, _) => {
            done.json = json::file_values(&file);
            Ok(())
        }
        (OutputFormat::Concise, _) => concise::write(&mut done.output, &file),
        (OutputFormat::Human, _) => {
            use codespan_reporting::term::termcolor::Buffer;
            let mut buf = if color {
                Buffer::ansi()
            } else {
                Buffer::no_color()
            };
            let r = human::write(&mut buf, &file);
            done.output = buf.into_inner();
            r
        }
    };
    if let Err(e) = result {
        done.error = Some(format!("{}: {e}", job.display));
    }
    done
}
