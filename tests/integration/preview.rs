//! Preview rules: off unless `--preview` or `preview = true`, even when
//! selected by id; marked in `copydesk rules` and the rule reference.

use assert_cmd::Command;

/// A pack with one preview rule (written for this test).
const PACK: &str = r#"
[pack]
name = "trial"
description = "A preview rule."

[[rule]]
id = "trial-word"
kind = "pattern"
severity = "warning"
message = "trial word"
description = "A word the desk is trying out."
preview = true
patterns = ["zyzzyva"]
"#;

const TEXT: &str = "The zyzzyva is a weevil.\n";

fn run(dir: &std::path::Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("copydesk")
        .unwrap()
        .current_dir(dir)
        .args(["check", "-", "--format", "concise", "--color", "never"])
        .args(args)
        .write_stdin(TEXT)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn preview_rules_run_only_in_preview_mode() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("trial.toml"), PACK).unwrap();
    let d = dir.path();
    let base = ["--rules", "trial.toml", "--isolated"];
    assert!(!run(d, &base).contains("trial-word"), "off by default");
    let selected = [&base[..], &["--select", "trial-word"]].concat();
    assert!(
        !run(d, &selected).contains("trial-word"),
        "selecting a preview rule by id does not run it without preview mode"
    );
    let preview = [&base[..], &["--preview"]].concat();
    assert!(run(d, &preview).contains("trial-word"), "--preview runs it");
    let ignored = [&preview[..], &["--ignore", "trial-word"]].concat();
    assert!(!run(d, &ignored).contains("trial-word"));
    // The config's `preview = true`.
    std::fs::write(
        d.join("copydesk.toml"),
        "rules = [\"trial.toml\"]\npreview = true\n",
    )
    .unwrap();
    assert!(run(d, &[]).contains("trial-word"), "preview = true runs it");
    std::fs::write(d.join("copydesk.toml"), "rules = [\"trial.toml\"]\n").unwrap();
    assert!(!run(d, &[]).contains("trial-word"));
}

#[test]
fn rules_listing_and_reference_mark_preview_rules() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("trial.toml"), PACK).unwrap();
    let out = |format: &str| {
        let o = Command::cargo_bin("copydesk")
            .unwrap()
            .current_dir(dir.path())
            .args([
                "rules",
                "--isolated",
                "--rules",
                "trial.toml",
                "--format",
                format,
            ])
            .output()
            .unwrap();
        String::from_utf8(o.stdout).unwrap()
    };
    let text = out("text");
    let line = text.lines().find(|l| l.starts_with("trial-word")).unwrap();
    assert!(line.contains("off") && line.contains("[preview]"), "{line}");
    let stray = text
        .lines()
        .find(|l| l.starts_with("stray-script"))
        .unwrap();
    assert!(!stray.contains("[preview]"), "{stray}");
    let json: serde_json::Value = serde_json::from_str(&out("json")).unwrap();
    let rule = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "trial-word")
        .unwrap();
    assert_eq!(rule["preview"], true);
    assert_eq!(rule["enabled"], false);
    let md = out("markdown");
    let at = md.find("### `trial-word`").unwrap();
    assert!(md[at..].contains("**preview**"));
}
