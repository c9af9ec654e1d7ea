//! Command-line arguments (clap derive).

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "copydesk",
    version,
    about = "An editorial text-quality linter for newsrooms",
    long_about = "copydesk finds the defects spell-checkers miss in news drafts: stray foreign-script tokens, look-alike letters, invisible characters, mojibake, and more, as rule packs you can tune.\n\nExit codes: 0 no finding at or above --fail-on; 1 findings; 2 could not lint."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Lint files, directories (recursively, honouring .gitignore and .copydeskignore, skipping hidden files) or `-` for standard input.
    Check(CheckArgs),
    /// List every rule: id, kind, severity, on/off, one line.
    Rules(RulesArgs),
    /// Print a rule's description and examples.
    Explain(ExplainArgs),
    /// Run the examples of the rules in rule packs.
    TestRules(TestRulesArgs),
    /// Write a commented starter copydesk.toml in the current folder.
    Init(InitArgs),
    /// Install or remove a git pre-commit hook that runs `check --staged`.
    #[command(subcommand)]
    Hook(HookCommand),
    /// Print a shell completion script (e.g. `copydesk completions bash > ~/.local/share/bash-completion/completions/copydesk`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff; `copydesk man | man -l -`).
    Man,
    /// Run the language server on standard input and output (for editors).
    #[cfg(feature = "lsp")]
    Lsp(LspArgs),
    /// Serve an HTTP API and a checking page (default http://127.0.0.1:7878).
    #[cfg(feature = "serve")]
    Serve(ServeArgs),
    /// Write an audit's findings (stream mode's NDJSON output) as one self-contained HTML page.
    Report(ReportArgs),
}

/// `copydesk serve`: where it listens and its limits.
#[cfg(feature = "serve")]
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The address to listen on (a port of 0 picks a free one; it is printed).
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:7878")]
    pub listen: std::net::SocketAddr,
    #[command(flatten)]
    pub rules: RuleOptions,
    /// Require `Authorization: Bearer TOKEN`, the token read from this file (default: the COPYDESK_TOKEN environment variable, if set).
    #[arg(long, value_name = "PATH")]
    pub token_file: Option<PathBuf>,
    /// Allow cross-origin requests from this origin (repeatable; e.g. https://cms.example.org). Default: none.
    #[arg(long, value_name = "ORIGIN")]
    pub cors_origin: Vec<String>,
    /// The largest request body, in bytes (larger: 413).
    #[arg(long, value_name = "BYTES", default_value_t = 4 * 1024 * 1024)]
    pub max_body: usize,
    /// Seconds a request may take to arrive and be answered (longer: 408).
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    pub timeout: u64,
    /// Requests handled at once (more: 503 with Retry-After).
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub max_concurrent: usize,
    /// The absolute URI where your team publishes the rule reference (the rules' `docs` links; rule ids are its anchors).
    #[arg(long, value_name = "URL")]
    pub docs_url: Option<String>,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// The findings: `check --input-format ndjson` output (`-`: standard input).
    pub findings: PathBuf,
    /// The page to write (whole, or not at all); default standard output.
    #[arg(short = 'o', long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum HookCommand {
    /// Write .git/hooks/pre-commit (or under core.hooksPath).
    Install {
        /// Replace a hook copydesk did not write, or one edited since (kept as
        /// pre-commit.old, or .old.1 … if taken; uninstall puts it back).
        #[arg(long)]
        force: bool,
    },
    /// Remove the hook copydesk wrote, putting back the one it replaced (any
    /// other or edited hook is left alone).
    Uninstall,
}

/// The formats the library registers (`copydesk::render::FORMATS`).
fn output_formats() -> PossibleValuesParser {
    PossibleValuesParser::new(
        copydesk::render::FORMATS
            .iter()
            .map(|f| PossibleValue::new(f.name).help(f.help)),
    )
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Level {
    Error,
    Warning,
    Info,
}

/// Options that choose rules and config, shared by several commands.
#[derive(Args, Debug, Clone, Default)]
pub struct RuleOptions {
    /// Use this config file instead of discovering copydesk.toml.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Ignore every config file.
    #[arg(long, conflicts_with = "config")]
    pub isolated: bool,
    /// An extra rule pack (repeatable).
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// Only these rules (ids or `pack.*`, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    pub select: Option<Vec<String>>,
    /// Also these rules.
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    pub extend_select: Vec<String>,
    /// Not these rules.
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    pub ignore: Vec<String>,
    /// House style of the name rules (`ap`, `seoul`, a style of your entity table, or `consistency`).
    #[arg(long, value_name = "STYLE")]
    pub house_style: Option<String>,
    /// Preview mode: new rules (marked `preview` in `copydesk rules`) run too; a preview rule needs it even when selected by id.
    #[arg(long)]
    pub preview: bool,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files or directories to lint; `-` reads standard input. Default: the current directory.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub rules: RuleOptions,
    /// Output format.
    #[arg(long, default_value = "human", value_parser = output_formats())]
    pub format: String,
    /// When to use colour (auto: only on a terminal and when NO_COLOR is unset).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Exit 1 when a finding is at or above this severity (default: warning, or the config's fail-on).
    #[arg(long, value_enum)]
    pub fail_on: Option<Level>,
    /// With --fix: exit 1 when any fix was applied (for pre-commit hooks).
    #[arg(long, requires = "fix")]
    pub exit_non_zero_on_fix: bool,
    /// Apply safe fixes in place (atomically); with `-`, print the fixed text and what is left on stderr (with --format json: one JSON object).
    #[arg(long)]
    pub fix: bool,
    /// With --fix, apply the unsafe fixes (suggestions) too; without it, count them as fixable.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// The name to report for standard input; its extension picks the format.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Number of threads (files are linted in parallel; at most one a core and one a file); 1 is single-threaded.
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// Print no summary line.
    #[arg(short, long)]
    pub quiet: bool,
    /// Print what --fix would change as a unified diff; write nothing; exit 1 when there is something to fix.
    #[arg(long, conflicts_with_all = ["fix", "staged", "diff_base", "statistics"])]
    pub diff: bool,
    /// Lint the staged text (the index, not the working copy) and report findings on staged changes only.
    #[arg(long, conflicts_with_all = ["diff_base", "fix"])]
    pub staged: bool,
    /// Report findings only on lines changed since the merge base of REF and HEAD (files are still linted whole).
    #[arg(long, value_name = "REF", conflicts_with = "fix")]
    pub diff_base: Option<String>,
    /// Files named on the command line honour .gitignore, .copydeskignore, the extension filter and the skipping of hidden files too (for hooks).
    #[arg(long)]
    pub force_exclude: bool,
    /// Instead of the findings, how many each rule raised (with `--format json`: as JSON).
    #[arg(long)]
    pub statistics: bool,
    /// Write the report to this file (whole, or not at all) instead of standard output.
    #[arg(short = 'o', long, value_name = "PATH")]
    pub output_file: Option<PathBuf>,
    /// The absolute URI where your team publishes the rule reference (SARIF help links; rule ids are its anchors).
    #[arg(long, value_name = "URL")]
    pub docs_url: Option<String>,
    /// What the inputs are: files to lint, or NDJSON streams of documents (`{"id", "text", "format", "path", …}` a line; one result line each; --fix, --diff, --staged, --diff-base, --statistics, --format, --stdin-filename and --force-exclude do not apply).
    #[arg(long, value_enum, default_value_t = InputFormat::Files)]
    pub input_format: InputFormat,
}

/// The options stream mode refuses (they need files, or write another
/// output): clap ids.
const NOT_WITH_NDJSON: [&str; 8] = [
    "fix",
    "diff",
    "staged",
    "diff_base",
    "statistics",
    "format",
    "stdin_filename",
    "force_exclude",
];

/// The formats `--statistics` writes: a table, or JSON.
const STATISTICS_FORMATS: [&str; 3] = ["human", "concise", "json"];

/// Combinations of `check`'s options that clap cannot state, refused as
/// clap refuses its own conflicts (exit 2, with the usage): stream mode
/// with an option given on the command line that it does not apply
/// (`--input-format files`, the default, refuses nothing), and a
/// `--format` that `--statistics` or `--diff` cannot write.
pub fn check_conflicts(args: &CheckArgs, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
    use clap::error::ErrorKind;
    use clap::parser::ValueSource;
    use clap::CommandFactory;
    let mut cli = Cli::command();
    cli.build();
    let cmd = cli.find_subcommand_mut("check").expect("the check command");
    let given = |id: &str| matches.value_source(id) == Some(ValueSource::CommandLine);
    let shown = |cmd: &clap::Command, id: &str| -> String {
        let arg = cmd
            .get_arguments()
            .find(|a| a.get_id() == id)
            .expect("an argument of check");
        let long = arg.get_long().expect("a long option");
        match arg.get_action().takes_values() {
            true => match arg.get_value_names().and_then(|v| v.first()) {
                Some(name) => format!("--{long} <{name}>"),
                None => format!("--{long} <{}>", id.to_ascii_uppercase()),
            },
            false => format!("--{long}"),
        }
    };
    let conflict = |cmd: &mut clap::Command, message: String| {
        Err(cmd.error(ErrorKind::ArgumentConflict, message))
    };
    if args.input_format == InputFormat::Ndjson {
        if let Some(id) = NOT_WITH_NDJSON.into_iter().find(|id| given(id)) {
            let other = shown(cmd, id);
            return conflict(
                cmd,
                format!("the argument '--input-format ndjson' cannot be used with '{other}'"),
            );
        }
    }
    if args.statistics && !STATISTICS_FORMATS.contains(&args.format.as_str()) {
        return conflict(
            cmd,
            format!(
                "the argument '--format {}' cannot be used with '--statistics' (statistics are a table, or JSON with '--format json')",
                args.format
            ),
        );
    }
    if args.diff && args.format != "human" {
        return conflict(
            cmd,
            format!(
                "the argument '--format {}' cannot be used with '--diff' (it prints unified diffs)",
                args.format
            ),
        );
    }
    Ok(())
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Files and folders (standard input: one document).
    Files,
    /// One JSON document a line; one JSON result a line.
    Ndjson,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Args, Debug)]
pub struct RulesArgs {
    #[command(flatten)]
    pub rules: RuleOptions,
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    pub format: RulesFormat,
}

#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// The rule id.
    pub id: String,
    #[command(flatten)]
    pub rules: RuleOptions,
}

#[derive(Args, Debug)]
pub struct TestRulesArgs {
    /// Rule packs to test; without any, the shipped packs.
    pub packs: Vec<PathBuf>,
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// Overwrite an existing copydesk.toml.
    #[arg(long)]
    pub force: bool,
}

#[cfg(feature = "lsp")]
#[derive(Args, Debug)]
pub struct LspArgs {
    #[command(flatten)]
    pub rules: RuleOptions,
    /// The absolute URI where your team publishes the rule reference (each diagnostic's link; rule ids are its anchors).
    #[arg(long, value_name = "URL")]
    pub docs_url: Option<String>,
    /// Accepted for editors that pass it; standard input and output are always used.
    #[arg(long, hide = true)]
    pub stdio: bool,
}
