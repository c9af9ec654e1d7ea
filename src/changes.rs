//! Only what changed: the files and lines git reports as changed, for
//! `check --staged` (the index against `HEAD`) and `check --diff-base REF`
//! (the working tree against the merge base of `REF` and `HEAD`).
//!
//! Whole files are still linted — the name rules need a name's first use and
//! attribution the paragraph before a quote — and only the reporting is
//! filtered to the changed lines. With `--staged` the text linted is the
//! staged text (the index), not the working copy.
//!
//! git is run as a program (as pre-commit and most hooks do): file names come
//! from `--name-only -z`, so no name is ever parsed out of quoted patch
//! headers; the patch of the same diff gives each file's added lines, one
//! `diff --git` block a file, in the same order.

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::source::LineIndex;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What to compare.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Since {
    /// The index against `HEAD` (for a pre-commit hook).
    Staged,
    /// The working tree against the merge base of this revision and `HEAD`.
    Base(String),
}

/// A changed file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changed {
    /// Relative to the repository's top folder, `/`-separated as git gives it.
    pub path: PathBuf,
    /// The changed lines of the new text, 1-based, half-open; a new file is
    /// wholly changed.
    pub lines: Vec<Range<usize>>,
    /// git sees the file as binary (it is not linted).
    pub binary: bool,
}

impl Changed {
    /// Whether any line from `first` to `last` (1-based, inclusive) changed.
    pub fn touches(&self, first: usize, last: usize) -> bool {
        self.lines.iter().any(|r| r.start <= last && first < r.end)
    }

    /// Keep the findings of the file's `text` that touch a changed line.
    pub fn retain(&self, text: &str, diagnostics: &mut Vec<Diagnostic>) {
        let index = LineIndex::new(text);
        diagnostics.retain(|d| {
            let (first, _) = index.line_col(d.span.start);
            // A span that ends with its line's break ends on that line.
            let ends_line = d.span.end > d.span.start && text.as_bytes()[d.span.end - 1] == b'\n';
            let (last, _) = index.line_col(d.span.end - usize::from(ends_line));
            self.touches(first, last)
        });
    }
}

/// The changed files of a repository.
#[derive(Clone, Debug)]
pub struct Changes {
    /// The repository's top folder.
    pub top: PathBuf,
    /// In git's order (by path). Deleted files are not changes to lint.
    pub files: Vec<Changed>,
}

/// Run git in `dir` and return its standard output.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, Error> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| Error::Message(format!("could not run git: {e}")))?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        return Err(Error::Message(format!(
            "git {}: {}",
            args.join(" "),
            stderr.trim()
        )));
    }
    Ok(out.stdout)
}

/// The top folder of the repository `dir` is in.
pub fn toplevel(dir: &Path) -> Result<PathBuf, Error> {
    let top = git(dir, &["rev-parse", "--show-toplevel"]).map_err(|e| match e {
        // git itself is missing: say so.
        Error::Message(m) if m.starts_with("could not run git") => Error::Message(m),
        _ => Error::Message(format!(
            "{}: not in a git repository (--staged and --diff-base compare with git)",
            dir.display()
        )),
    })?;
    Ok(PathBuf::from(String::from_utf8_lossy(&top).trim_end()))
}

/// The changed files and lines of the repository `dir` is in.
pub fn changes(dir: &Path, since: &Since) -> Result<Changes, Error> {
    let top = toplevel(dir)?;
    let base;
    let mut diff = vec![
        "diff",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        "--find-renames",
        "--diff-filter=ACMR",
    ];
    match since {
        Since::Staged => diff.push("--cached"),
        Since::Base(rev) => {
            let merge_base = git(&top, &["merge-base", rev, "HEAD"])?;
            base = String::from_utf8_lossy(&merge_base).trim().to_string();
            diff.push(&base);
        }
    }
    let names = git(&top, &[&diff[..], &["--name-only", "-z"]].concat())?;
    let patch = git(&top, &[&diff[..], &["-U0", "--"]].concat())?;
    let names: Vec<PathBuf> = names
        .split(|&b| b == 0)
        .filter(|n| !n.is_empty())
        .map(|n| PathBuf::from(String::from_utf8_lossy(n).into_owned()))
        .collect();
    let blocks = parse_patch(&patch);
    if blocks.len() != names.len() {
        return Err(Error::Message(format!(
            "git listed {} changed files but its patch has {}",
            names.len(),
            blocks.len()
        )));
    }
    let files = names
        .into_iter()
        .zip(blocks)
        .map(|(path, (lines, binary))| Changed {
            path,
            lines,
            binary,
        })
        .collect();
    Ok(Changes { top, files })
}

/// The staged text of a file (its path relative to the top folder).
pub fn staged_text(top: &Path, path: &Path) -> Result<Vec<u8>, Error> {
    let spec = format!(":{}", path.to_string_lossy());
    git(top, &["cat-file", "blob", &spec])
}

/// One entry a `diff --git` block: the added lines, and whether git saw the
/// file as binary.
fn parse_patch(patch: &[u8]) -> Vec<(Vec<Range<usize>>, bool)> {
    let mut blocks: Vec<(Vec<Range<usize>>, bool)> = Vec::new();
    for line in patch.split(|&b| b == b'\n') {
        if line.starts_with(b"diff --git ") {
            blocks.push((Vec::new(), false));
            continue;
        }
        let Some((lines, binary)) = blocks.last_mut() else {
            continue;
        };
        if line.starts_with(b"Binary files ") || line == b"GIT binary patch" {
            *binary = true;
        } else if let Some(range) = hunk_new_lines(line) {
            if !range.is_empty() {
                lines.push(range);
            }
        }
    }
    blocks
}

/// The new side of a hunk header `@@ -a,b +c,d @@`: lines `c..c+d`
/// (`d` is 1 when left out; 0 when the hunk only deletes).
fn hunk_new_lines(line: &[u8]) -> Option<Range<usize>> {
    let line = std::str::from_utf8(line.strip_prefix(b"@@ ")?).ok()?;
    let new = line.split(' ').find_map(|w| w.strip_prefix('+'))?;
    let (start, count) = match new.split_once(',') {
        Some((s, c)) => (s.parse::<usize>().ok()?, c.parse::<usize>().ok()?),
        None => (new.parse::<usize>().ok()?, 1),
    };
    Some(start..start + count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunk_headers_give_the_new_lines() {
        assert_eq!(hunk_new_lines(b"@@ -3,0 +4,2 @@ Intro"), Some(4..6));
        assert_eq!(hunk_new_lines(b"@@ -7 +7 @@"), Some(7..8));
        assert_eq!(hunk_new_lines(b"@@ -5,2 +4,0 @@"), Some(4..4));
        assert_eq!(hunk_new_lines(b"+@@ not a header"), None);
    }

    #[test]
    fn a_patch_is_one_block_a_file() {
        let patch = b"diff --git a/a.md b/a.md\nindex 1..2 100644\n--- a/a.md\n+++ b/a.md\n@@ -2 +2 @@\n-old\n+new\n@@ -9,0 +10,3 @@\n+x\n+y\n+z\ndiff --git a/p.png b/p.png\nBinary files a/p.png and b/p.png differ\ndiff --git a/old.md b/new.md\nsimilarity index 100%\nrename from old.md\nrename to new.md\n";
        let blocks = parse_patch(patch);
        assert_eq!(
            blocks,
            vec![(vec![2..3, 10..13], false), (vec![], true), (vec![], false)]
        );
        let changed = Changed {
            path: "a.md".into(),
            lines: blocks[0].0.clone(),
            binary: false,
        };
        assert!(changed.touches(2, 2));
        assert!(changed.touches(1, 2));
        assert!(!changed.touches(3, 9));
        assert!(changed.touches(12, 20));
    }
}
