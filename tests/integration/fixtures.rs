//! Fixture drafts under `tests/fixtures/`: the rendered diagnostics and the
//! text after fixes are compared with the files beside each draft.
//! `BLESS=1` rewrites them; review the diff.

use codespan_reporting::term::termcolor::Buffer;
use copydesk::render::{human, FileReport};
use copydesk::workspace::{self, Outcome, Workspace};
use std::path::{Path, PathBuf};

fn drafts() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md"))
                && p.file_name().is_some_and(|n| n != "README.md")
                && !p.to_string_lossy().contains(".fixed.")
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Compare `actual` with the file at `path`, or write it under BLESS.
fn expect_file(path: &Path, actual: Option<&[u8]>, failures: &mut Vec<String>) {
    if std::env::var_os("BLESS").is_some() {
        match actual {
            Some(a) => std::fs::write(path, a).unwrap(),
            None => {
                let _ = std::fs::remove_file(path);
            }
        }
        return;
    }
    let expected = std::fs::read(path).ok();
    if expected.as_deref() != actual {
        failures.push(format!(
            "{} differs (run with BLESS=1 and review the diff)\n--- expected\n{}\n--- actual\n{}",
            path.display(),
            String::from_utf8_lossy(expected.as_deref().unwrap_or(b"<missing>")),
            String::from_utf8_lossy(actual.unwrap_or(b"<none>")),
        ));
    }
}

#[test]
fn fixture_drafts_match_their_expected_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The fixtures are linted with the packs' defaults, whatever config
    // the project has.
    let ws = Workspace::new(
        root,
        workspace::Options {
            config: workspace::ConfigChoice::Isolated,
            ..Default::default()
        },
    );
    let mut failures = Vec::new();
    let drafts = drafts();
    assert!(drafts.len() >= 4, "fixture drafts missing");
    for draft in drafts {
        let rel = draft.strip_prefix(root).unwrap();
        let shown = rel.display().to_string();
        let Outcome::Checked(checked) = ws.check_file(rel, false).unwrap() else {
            panic!("{shown} is binary");
        };
        let mut buf = Buffer::no_color();
        human::write(
            &mut buf,
            &FileReport {
                path: &shown,
                text: &checked.text,
                diagnostics: &checked.diagnostics,
                rules: checked.engine.rules(),
                encoding: checked.encoding,
            },
        )
        .unwrap();
        expect_file(
            &draft.with_extension("expected"),
            Some(buf.as_slice()),
            &mut failures,
        );
        let (fixed, after) = ws.fix_bytes(rel, std::fs::read(&draft).unwrap()).unwrap();
        let Outcome::Checked(after) = after else {
            panic!("{shown} is binary");
        };
        let fixed_path = draft.with_extension(format!(
            "fixed.{}",
            draft.extension().unwrap().to_string_lossy()
        ));
        expect_file(
            &fixed_path,
            (after.fixed > 0).then_some(fixed.as_slice()),
            &mut failures,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
