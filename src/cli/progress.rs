//! A progress bar on standard error for long runs on a terminal, and never
//! otherwise: not when standard error is a file or a pipe (CI logs, tests,
//! editors), not under a CI system (`CI` set, as most set it), not on a
//! `dumb` terminal, not with `--quiet`, not when standard input is linted.
//! A run of more than [`MANY_FILES`] files shows it from the start; a
//! shorter one once it has taken [`LONG`]. It is cleared before the summary
//! and while findings are written, so it never mixes with the report.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// More files than this: the bar is shown from the start.
pub const MANY_FILES: usize = 100;
/// A run of fewer files that has taken this long shows the bar.
pub const LONG: Duration = Duration::from_secs(2);

/// When the bar is drawn.
#[derive(Debug, PartialEq, Eq)]
pub enum Show {
    Never,
    Now,
    After(Duration),
}

/// What decides whether a run may show the bar.
pub struct Run {
    pub stderr_terminal: bool,
    pub ci: bool,
    pub dumb_terminal: bool,
    pub quiet: bool,
    pub stdin: bool,
    pub files: usize,
}

impl Run {
    /// This process's terminal and environment.
    pub fn here(quiet: bool, stdin: bool, files: usize) -> Run {
        let set = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        Run {
            stderr_terminal: std::io::stderr().is_terminal(),
            ci: set("CI"),
            dumb_terminal: std::env::var_os("TERM").is_some_and(|t| t == "dumb"),
            quiet,
            stdin,
            files,
        }
    }

    pub fn show(&self) -> Show {
        if !self.stderr_terminal || self.ci || self.dumb_terminal || self.quiet || self.stdin {
            Show::Never
        } else if self.files > MANY_FILES {
            Show::Now
        } else if self.files > 1 {
            Show::After(LONG)
        } else {
            Show::Never
        }
    }
}

/// The run's bar: counts linted files from any thread.
pub struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    after: Option<Duration>,
    drawn: AtomicBool,
}

impl Progress {
    pub fn new(run: &Run) -> Progress {
        let (bar, after) = match run.show() {
            Show::Never => (None, None),
            Show::Now => (Some(bar(run.files, ProgressDrawTarget::stderr())), None),
            Show::After(d) => (Some(bar(run.files, ProgressDrawTarget::hidden())), Some(d)),
        };
        Progress {
            drawn: AtomicBool::new(after.is_none()),
            bar,
            start: Instant::now(),
            after,
        }
    }

    /// One more file linted.
    pub fn inc(&self) {
        let Some(bar) = &self.bar else { return };
        if let Some(after) = self.after {
            if self.start.elapsed() >= after && !self.drawn.swap(true, Ordering::Relaxed) {
                bar.set_draw_target(ProgressDrawTarget::stderr());
            }
        }
        bar.inc(1);
    }

    /// Run `f` (writing findings) with the bar cleared from the terminal.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Clear the bar for good (before the summary).
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

fn bar(files: usize, target: ProgressDrawTarget) -> ProgressBar {
    let style = ProgressStyle::with_template("{bar:30} {pos}/{len} files  {elapsed}")
        .expect("a valid template")
        .progress_chars("=> ");
    ProgressBar::with_draw_target(Some(files as u64), target).with_style(style)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terminal_run(files: usize) -> Run {
        Run {
            stderr_terminal: true,
            ci: false,
            dumb_terminal: false,
            quiet: false,
            stdin: false,
            files,
        }
    }

    #[test]
    fn many_files_on_a_terminal_show_at_once_and_fewer_after_a_while() {
        assert_eq!(terminal_run(MANY_FILES + 1).show(), Show::Now);
        assert_eq!(terminal_run(MANY_FILES).show(), Show::After(LONG));
        assert_eq!(terminal_run(1).show(), Show::Never);
    }

    #[test]
    fn never_off_a_terminal_in_ci_quiet_or_with_standard_input() {
        let never = |change: fn(&mut Run)| {
            let mut run = terminal_run(10_000);
            change(&mut run);
            assert_eq!(run.show(), Show::Never);
        };
        never(|r| r.stderr_terminal = false);
        never(|r| r.ci = true);
        never(|r| r.dumb_terminal = true);
        never(|r| r.quiet = true);
        never(|r| r.stdin = true);
    }
}
