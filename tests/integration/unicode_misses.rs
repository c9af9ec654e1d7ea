//! Issue 20's misses of the Unicode rules, end to end through the command
//! line: full-width Latin (`fullwidth-latin`, a preview rule) and stray names
//! rendered rather than deleted. All drafts were written for these tests.

use assert_cmd::Command;

fn run(text: &str, args: &[&str]) -> (String, String) {
    let out = Command::cargo_bin("copydesk")
        .unwrap()
        .args([
            "check",
            "-",
            "--isolated",
            "--format",
            "concise",
            "--color",
            "never",
        ])
        .args(args)
        .write_stdin(text)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The text `--fix` (plus `extra`) leaves.
fn fixed(text: &str, extra: &[&str]) -> String {
    let out = Command::cargo_bin("copydesk")
        .unwrap()
        .args(["check", "-", "--isolated", "--fix"])
        .args(extra)
        .write_stdin(text)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn fullwidth_latin_is_a_preview_rule_with_a_safe_fix_outside_quotes() {
    let text = "Leaders gathered for the ＮＡＴＯ summit.\n";
    assert!(
        !run(text, &[]).0.contains("fullwidth-latin"),
        "off without --preview"
    );
    let (out, _) = run(text, &["--preview"]);
    assert!(out.contains("fullwidth-latin"), "{out}");
    assert!(out.contains("reads `NATO`"), "{out}");
    assert_eq!(
        fixed(text, &["--preview"]),
        "Leaders gathered for the NATO summit.\n"
    );
    // Quoted speech: a suggestion, which `--fix` leaves and
    // `--unsafe-fixes` applies.
    let quoted = "“The ＮＡＴＯ summit was a success,” she said.\n";
    assert!(run(quoted, &["--preview"]).0.contains("fullwidth-latin"));
    assert_eq!(fixed(quoted, &["--preview"]), quoted);
    assert_eq!(
        fixed(quoted, &["--preview", "--unsafe-fixes"]),
        "“The NATO summit was a success,” she said.\n"
    );
    // CJK context: full-width forms are the norm there.
    let cjk = "北约（ＮＡＴＯ）峰会在华盛顿举行。\n";
    assert!(!run(cjk, &["--preview"]).0.contains("fullwidth-latin"));
}

#[test]
fn a_stray_name_is_rendered_in_the_house_style_not_deleted() {
    let text = "Officials said 김정은 had watched the launch.\n";
    let (out, _) = run(text, &[]);
    assert!(out.contains("the native form of Kim Jong-un"), "{out}");
    // A suggestion: `--fix` alone leaves it; with unsafe fixes it is
    // rendered, never deleted.
    assert_eq!(fixed(text, &[]), text);
    assert_eq!(
        fixed(text, &["--unsafe-fixes"]),
        "Officials said Kim Jong-un had watched the launch.\n"
    );
    assert_eq!(
        fixed(text, &["--unsafe-fixes", "--house-style", "ap"]),
        "Officials said Kim Jong Un had watched the launch.\n"
    );
    // Quoted speech is never rewritten, even with unsafe fixes.
    let quoted = "“We spoke with 习近平 for an hour,” the envoy said.\n";
    assert!(run(quoted, &[]).0.contains("the native form of Xi Jinping"));
    assert_eq!(fixed(quoted, &["--unsafe-fixes"]), quoted);
    // Debris keeps its safe deletion.
    assert_eq!(
        fixed("The 커뮤니티 guidelines changed.\n", &[]),
        "The guidelines changed.\n"
    );
}
