//! The progress bar: on standard error for a long run on a terminal, never
//! otherwise. A terminal is given with util-linux's `script`, which runs the
//! command on a pseudo-terminal and copies what it shows. Drafts written for
//! these tests.

use assert_cmd::Command;
use std::path::Path;

/// A folder of `n` drafts, each with one stray token.
fn drafts(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        let text = format!("Leaders from Canada and New Zealand, 커뮤니티 shared plan {i}.\n");
        std::fs::write(dir.path().join(format!("d{i}.md")), text).unwrap();
    }
    dir
}

/// What a terminal shows of `copydesk ARGS` run on it in `dir` (standard
/// output to a file, so only standard error reaches the terminal), with
/// `env` set on top of a terminal's environment outside CI.
fn on_terminal(dir: &Path, args: &str, env: &[(&str, &str)]) -> (i32, String) {
    let bin = assert_cmd::cargo::cargo_bin("copydesk");
    let line = format!("'{}' {args} > report.out", bin.display());
    let out = std::process::Command::new("script")
        .current_dir(dir)
        .args(["-qec", &line, "/dev/null"])
        .stdin(std::process::Stdio::null())
        .env_remove("CI")
        .env("TERM", "xterm")
        .envs(env.iter().copied())
        .output()
        .expect("util-linux `script`");
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn no_progress_output_when_stderr_is_not_a_terminal() {
    let dir = drafts(150);
    for format in ["human", "concise", "json"] {
        let out = Command::cargo_bin("copydesk")
            .unwrap()
            .current_dir(dir.path())
            .env_remove("CI")
            .env("TERM", "xterm")
            .args(["check", "--isolated", "--format", format, "."])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(String::from_utf8(out.stderr).unwrap(), "", "{format}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(!stdout.contains("150 files") && !stdout.contains('\r'));
    }
}

#[test]
fn progress_bar_on_a_terminal_for_many_files_and_not_when_quiet_or_in_ci() {
    let dir = drafts(150);
    let d = dir.path();
    let (code, shown) = on_terminal(d, "check --isolated --format concise .", &[]);
    assert_eq!(code, 1, "{shown}");
    assert!(shown.contains("150/150 files"), "{shown:?}");
    // The report itself is whole.
    let report = std::fs::read_to_string(d.join("report.out")).unwrap();
    assert_eq!(report.lines().count(), 150);
    assert!(report.lines().all(|l| l.contains("warning[stray-script]")));
    for (args, env) in [
        ("check --isolated --format concise --quiet .", &[][..]),
        ("check --isolated --format concise .", &[("CI", "true")][..]),
        (
            "check --isolated --format concise .",
            &[("TERM", "dumb")][..],
        ),
        // A few files that take no time.
        ("check --isolated --format concise d1.md d2.md", &[][..]),
    ] {
        let (code, shown) = on_terminal(d, args, env);
        assert_eq!(code, 1, "{args} {env:?}: {shown}");
        assert!(!shown.contains("files"), "{args} {env:?}: {shown:?}");
    }
    // Standard input.
    let (code, shown) = on_terminal(d, "check --isolated - < d1.md", &[]);
    assert_eq!(code, 1, "{shown}");
    assert!(!shown.contains("files"), "{shown:?}");
}
