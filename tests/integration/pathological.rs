//! Inputs whose size or shape once made a run print, hold or take far more
//! than the text warrants. Output sizes are asserted here; time and memory
//! are measured by `benches/pathological.sh`, not in tests. Texts are
//! written for the tests.

use assert_cmd::Command;
use std::path::Path;

fn copydesk(dir: &Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("copydesk")
        .unwrap()
        .env_remove("NO_COLOR")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// Columns a terminal gives a character of the test's text: Hangul
/// syllables are wide.
fn width(c: char) -> usize {
    match c {
        '\u{AC00}'..='\u{D7A3}' => 2,
        _ => 1,
    }
}

/// The text a caret line (`  │     ^^^^`) underlines in the source line
/// above it (`1 │ …text…`).
fn underlined(source: &str, carets: &str) -> String {
    let source = source.split_once("│ ").expect("source line").1;
    let carets = carets.split_once("│ ").expect("caret line").1;
    let from = carets.find('^').expect("carets");
    let to = from + carets[from..].chars().take_while(|&c| c == '^').count();
    let mut at = 0;
    let mut out = String::new();
    for c in source.chars() {
        if at >= from && at < to {
            out.push(c);
        }
        at += width(c);
    }
    out
}

/// A 100 KB paragraph on one line with a stray Korean word in each
/// sentence: the human format once printed the whole line for each of its
/// findings (205 MB for 1,389 findings). Each finding now shows the text
/// around it, under the file's own line and column.
#[test]
fn human_output_of_a_long_line_shows_a_window_around_each_finding() {
    let dir = tempfile::tempdir().unwrap();
    let sentence = "The council met on Tuesday and the 커뮤니티 group agreed to the plan. ";
    let line = sentence.repeat(100_000 / sentence.len() + 1);
    std::fs::write(dir.path().join("long.txt"), format!("Headline\n{line}\n")).unwrap();
    let concise = copydesk(
        dir.path(),
        &["check", "--isolated", "--format", "concise", "long.txt"],
    );
    let human = copydesk(
        dir.path(),
        &["check", "--isolated", "--color", "never", "long.txt"],
    );
    let findings = concise.lines().count();
    assert!(findings > 1_000, "{findings} findings");
    assert!(
        human.len() < 1_000_000,
        "{} bytes for {findings} findings",
        human.len()
    );
    let lines: Vec<&str> = human.lines().collect();
    let mut checked = 0;
    for (i, l) in lines.iter().enumerate() {
        let Some(locus) = l.strip_prefix("  ┌─ ") else {
            continue;
        };
        // The header's position is the concise format's.
        let position = concise.lines().nth(checked).unwrap();
        assert!(
            position.starts_with(&format!("{locus}: ")),
            "{locus} {position}"
        );
        let (source, carets) = (lines[i + 2], lines[i + 3]);
        assert!(source.starts_with("2 │ "), "{source}");
        assert!(source.chars().count() < 200, "{source}");
        assert_eq!(underlined(source, carets), "커뮤니티", "{source}\n{carets}");
        checked += 1;
    }
    assert_eq!(checked, findings);
}

/// Every diagnostic of a rule shares the rule's note: 300,000 findings once
/// held 300,000 copies of it (text written for the test).
#[test]
fn diagnostics_of_one_rule_share_its_note() {
    let found = crate::util::lint("The 커뮤니티 group met.\nThe 커뮤니티 desk agreed.\n");
    let notes: Vec<_> = found
        .iter()
        .filter(|d| d.rule == "stray-script")
        .map(|d| d.note.clone().expect("a note"))
        .collect();
    assert_eq!(notes.len(), 2);
    assert!(std::sync::Arc::ptr_eq(&notes[0], &notes[1]));
}
