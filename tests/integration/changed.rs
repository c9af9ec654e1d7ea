//! `check --staged`, `--diff-base` and `--force-exclude` in throwaway git
//! repositories, with drafts written for these tests.

use crate::util::{git, git_repo};
use assert_cmd::Command;
use std::path::Path;

/// A repository with one committed legacy draft that already has findings.
fn repo() -> tempfile::TempDir {
    let dir = git_repo();
    let d = dir.path();
    write(d, "legacy.md", LEGACY);
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "legacy"]);
    dir
}

const LEGACY: &str = "An old 커뮤니티 slip nobody fixed.\n\nKim Jong-un spoke at the summit.\n";

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Exit code and `concise` lines of `check ARGS` in `dir`.
fn check(dir: &Path, args: &[&str]) -> (i32, Vec<String>, String) {
    let out = Command::cargo_bin("copydesk")
        .unwrap()
        .current_dir(dir)
        .args(["check", "--isolated", "--format", "concise"])
        .args(args)
        .output()
        .unwrap();
    let lines = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let stderr = String::from_utf8(out.stderr).unwrap();
    (out.status.code().unwrap(), lines, stderr)
}

fn rules(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|l| {
            let (place, rest) = l.split_once(": ").unwrap();
            let rule = &rest[rest.find('[').unwrap() + 1..rest.find(']').unwrap()];
            format!("{place} {rule}")
        })
        .collect()
}

#[test]
fn staged_lints_the_index_and_reports_only_staged_changes() {
    let dir = repo();
    let d = dir.path();
    // One new line with a stray token and the second spelling of a name
    // whose first use is on an unchanged line.
    write(
        d,
        "legacy.md",
        &format!("{LEGACY}\nA new 커뮤니티 paragraph. Kim Jong Un left.\n"),
    );
    git(d, &["add", "legacy.md"]);
    // The working copy is then cleaned, but the index still holds the token.
    write(
        d,
        "legacy.md",
        &format!("{LEGACY}\nA new paragraph. Kim Jong Un left.\n"),
    );
    let (code, lines, _) = check(d, &["--staged"]);
    assert_eq!(code, 1);
    assert_eq!(
        rules(&lines),
        [
            "legacy.md:5:7 stray-script",
            "legacy.md:5:23 name-romanization"
        ],
        "the old line 1 finding is not reported; the name is matched with its first use"
    );
    // Once the clean text is staged, the commit may go ahead.
    git(d, &["add", "legacy.md"]);
    let (code, lines, _) = check(d, &["--staged"]);
    assert_eq!(
        (code, rules(&lines)),
        (1, vec!["legacy.md:5:18 name-romanization".to_string()])
    );
    // Nothing staged: nothing to report.
    git(d, &["commit", "-q", "-m", "more"]);
    assert_eq!(check(d, &["--staged"]).0, 0);
}

#[test]
fn staged_new_files_are_wholly_changed_and_filters_apply() {
    let dir = repo();
    let d = dir.path();
    write(d, "desk/new.md", "A 커뮤니티 here.\n");
    write(d, "desk/tool.rs", "// 커뮤니티\n");
    write(d, "wire/copy.md", "A 커뮤니티 there.\n");
    write(d, ".copydeskignore", "wire/\n");
    git(d, &["add", "."]);
    let (code, lines, _) = check(d, &["--staged"]);
    assert_eq!(
        (code, rules(&lines)),
        (1, vec!["desk/new.md:1:3 stray-script".to_string()])
    );
    // From a subfolder, as every check: that folder unless paths are named.
    let (code, lines, _) = check(&d.join("desk"), &["--staged"]);
    assert_eq!(
        (code, rules(&lines)),
        (1, vec!["new.md:1:3 stray-script".to_string()])
    );
    let (_, lines, _) = check(&d.join("desk"), &["--staged", ".."]);
    assert_eq!(rules(&lines), ["new.md:1:3 stray-script"]);
}

#[test]
fn renames_deletions_and_binary_files_have_clear_answers() {
    let dir = repo();
    let d = dir.path();
    // A pure rename changes no line: its old findings are not news.
    git(d, &["mv", "legacy.md", "moved.md"]);
    let (code, lines, _) = check(d, &["--staged"]);
    assert_eq!((code, lines.len()), (0, 0));
    // A rename with an edit reports the edited line only.
    let edited = format!("{LEGACY}\nThe 커뮤니티 again.\n");
    write(d, "moved.md", &edited);
    git(d, &["add", "moved.md"]);
    let (_, lines, _) = check(d, &["--staged"]);
    assert_eq!(rules(&lines), ["moved.md:5:5 stray-script"]);
    git(d, &["commit", "-q", "-m", "moved"]);
    // A deletion has nothing to lint.
    git(d, &["rm", "-q", "moved.md"]);
    assert_eq!(check(d, &["--staged"]).0, 0);
    // A binary file with a text extension is skipped with a note.
    write(d, "scan.md", "PNG\0\0\u{1}binary 커뮤니티");
    git(d, &["add", "scan.md"]);
    let (code, lines, stderr) = check(d, &["--staged"]);
    assert_eq!((code, lines.len()), (0, 0));
    assert!(stderr.contains("scan.md: skipped: binary file"), "{stderr}");
}

#[test]
fn diff_base_reports_lines_changed_since_the_merge_base() {
    let dir = repo();
    let d = dir.path();
    git(d, &["checkout", "-q", "-b", "story"]);
    write(
        d,
        "legacy.md",
        &format!("{LEGACY}\nCommitted 커뮤니티 line.\n"),
    );
    write(d, "brief.md", "Brief 커뮤니티 text.\n");
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "story"]);
    // main moves on meanwhile: its change is not the story's.
    git(d, &["checkout", "-q", "main"]);
    write(d, "other.md", "Main's own 커뮤니티 line.\n");
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "main"]);
    git(d, &["checkout", "-q", "story"]);
    // An uncommitted edit counts too: the working tree is compared.
    write(
        d,
        "legacy.md",
        &format!("{LEGACY}\nCommitted 커뮤니티 line.\nUncommitted 커뮤니티 line.\n"),
    );
    let (code, lines, stderr) = check(d, &["--diff-base", "main"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        rules(&lines),
        [
            "brief.md:1:7 stray-script",
            "legacy.md:5:11 stray-script",
            "legacy.md:6:13 stray-script"
        ]
    );
    let (code, _, stderr) = check(d, &["--diff-base", "no-such-branch"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no-such-branch"), "{stderr}");
}

#[test]
fn outside_a_repository_changed_lines_are_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", "A 커뮤니티 here.\n");
    let (code, lines, stderr) = check(dir.path(), &["--staged"]);
    assert_eq!((code, lines.len()), (2, 0));
    assert!(stderr.contains("not in a git repository"), "{stderr}");
    // Fixing the index is not a thing: the flags conflict.
    let (code, _, stderr) = check(dir.path(), &["--staged", "--fix"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--fix"), "{stderr}");
}

#[test]
fn force_exclude_makes_named_files_honour_ignores_and_extensions() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "draft.md", "A 커뮤니티 here.\n");
    write(d, "wire/copy.md", "A 커뮤니티 there.\n");
    write(d, "notes.rs", "// 커뮤니티\n");
    write(d, ".copydeskignore", "wire/\n");
    let named = ["draft.md", "wire/copy.md", "notes.rs"];
    let (code, lines, _) = check(d, &named);
    assert_eq!(
        (code, lines.len()),
        (1, 3),
        "named files are linted as named"
    );
    let (code, lines, _) = check(d, &[&["--force-exclude"][..], &named].concat());
    assert_eq!(
        (code, rules(&lines)),
        (1, vec!["draft.md:1:3 stray-script".to_string()])
    );
}
