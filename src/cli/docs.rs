//! `copydesk completions SHELL` and `copydesk man`: shell completion scripts
//! (clap_complete) and the manual page (clap_mangen), both generated from
//! the command-line definition, so they never drift from it. The committed
//! `docs/copydesk.1` is this output, kept current by a test.

use super::args::Cli;
use clap::CommandFactory;
use clap_mangen::roff::{bold, roman, Roff};
use clap_mangen::Man;
use std::io::Write;

/// Print the completion script for `shell` on standard output.
pub fn completions(shell: clap_complete::Shell) -> std::io::Result<u8> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "copydesk", &mut out);
    super::stdout().write_all(&out)?;
    Ok(0)
}

/// Print the manual page (roff) on standard output.
pub fn man() -> std::io::Result<u8> {
    super::stdout().write_all(&manual()?)?;
    Ok(0)
}

/// The exit codes, as README's "Exit codes" states them.
const EXIT_CODES: [(&str, &str); 3] = [
    ("0", "no finding at or above --fail-on"),
    ("1", "findings at or above --fail-on (or, with --exit-non-zero-on-fix, a fix applied)"),
    ("2", "could not lint: bad config or pack, unknown rule, unreadable path (other files are still linted and reported)"),
];

/// One page: the command, its commands, the options of each command (the
/// nested ones too), the exit status and the version.
fn manual() -> std::io::Result<Vec<u8>> {
    let cmd = Cli::command();
    let man = Man::new(cmd.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    // The commands, each named as typed (the page is one: no
    // `copydesk-check(1)` pages to point at).
    let mut roff = Roff::default();
    roff.control("SH", ["COMMANDS"]);
    for sub in cmd.get_subcommands() {
        roff.control("TP", []);
        roff.text([bold(format!("copydesk {}", sub.get_name()))]);
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        roff.text([roman(about)]);
    }
    roff.to_writer(&mut out)?;
    for sub in cmd.get_subcommands() {
        options(&mut out, sub, "copydesk")?;
    }
    let mut roff = Roff::default();
    roff.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in EXIT_CODES {
        roff.control("TP", []);
        roff.text([bold(code)]);
        roff.text([roman(meaning)]);
    }
    roff.control("SH", ["SEE ALSO"]);
    roff.text([roman(
        "README.md (the user guide) and docs/rules.md (the rule reference) in copydesk's repository; `copydesk explain RULE`.",
    )]);
    roff.to_writer(&mut out)?;
    man.render_version_section(&mut out)?;
    Ok(one_preamble(&out))
}

/// The page with the preamble each rendered part starts with written once.
fn one_preamble(page: &[u8]) -> Vec<u8> {
    const PREAMBLE: &str = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n";
    let page = String::from_utf8_lossy(page);
    let rest = page.strip_prefix(PREAMBLE).unwrap_or(&page);
    format!("{PREAMBLE}{}", rest.replace(PREAMBLE, "")).into_bytes()
}

/// A section `OPTIONS OF COPYDESK CHECK` for a command with arguments, then
/// its own commands'.
fn options(out: &mut Vec<u8>, cmd: &clap::Command, parent: &str) -> std::io::Result<()> {
    let name = format!("{parent} {}", cmd.get_name());
    // clap takes a heading as `&'static str`; the page is printed once and
    // the process ends.
    let heading: &'static str = Box::leak(format!("options of {name}").into_boxed_str());
    let shown = cmd
        .get_arguments()
        .any(|a| !a.is_hide_set() && a.get_id() != "help");
    if shown {
        let cmd = cmd
            .clone()
            .disable_help_flag(true)
            .mut_args(|a| a.help_heading(heading));
        Man::new(cmd).render_options_section(out)?;
    }
    for sub in cmd.get_subcommands() {
        options(out, sub, &name)?;
    }
    Ok(())
}
