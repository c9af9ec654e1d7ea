//! The CI formats: SARIF for code scanning, GitHub Actions annotations and
//! GitLab's Code Quality report, on drafts written for these tests.

use assert_cmd::Command;

fn copydesk_in(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("copydesk").unwrap();
    cmd.current_dir(dir).env_remove("NO_COLOR");
    cmd
}

/// A draft with a stray token after two emoji (UTF-16 columns differ from
/// scalar-value columns), a look-alike letter and a name spelled two ways.
const DRAFT: &str =
    "Intro line.\n😀😀 The 커뮤니티 met NАTO envoys.\nKim Jong-un spoke. Kim Jong Un left.\n";

fn run(dir: &std::path::Path, format: &str, file: &str) -> (i32, String) {
    let out = copydesk_in(dir)
        .args(["check", "--isolated", "--format", format, file])
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

fn sarif_of(text: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("desk")).unwrap();
    std::fs::write(dir.path().join("desk/draft.md"), text).unwrap();
    let (code, out) = run(dir.path(), "sarif", "desk/draft.md");
    assert_eq!(code, 1);
    serde_json::from_str(&out).unwrap()
}

#[test]
fn sarif_has_one_run_with_rules_results_regions_and_fixes() {
    let log = sarif_of(DRAFT);
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(log["runs"].as_array().unwrap().len(), 1);
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "copydesk");
    assert!(driver["version"].is_string());
    let rules = driver["rules"].as_array().unwrap();
    for id in [
        "stray-script",
        "mixed-script",
        "name-romanization",
        "invalid-utf8",
    ] {
        let r = rules.iter().find(|r| r["id"] == id).expect(id);
        assert!(r["shortDescription"]["text"]
            .as_str()
            .unwrap()
            .ends_with('.'));
        assert!(r["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("Rule reference"));
        let help = r["helpUri"].as_str().unwrap();
        assert!(
            help.contains("://") && help.ends_with(&format!("#{id}")),
            "{help}"
        );
        assert!(r["defaultConfiguration"]["level"].is_string());
    }
    let results = run["results"].as_array().unwrap();
    let stray = results
        .iter()
        .find(|r| r["ruleId"] == "stray-script")
        .unwrap();
    assert_eq!(
        rules[stray["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "stray-script"
    );
    assert_eq!(stray["level"], "warning");
    let loc = &stray["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "desk/draft.md");
    assert_eq!(loc["artifactLocation"]["uriBaseId"], "SRCROOT");
    // `😀😀 The ` is 2 + 2 + 5 UTF-16 code units: the token starts at column 10.
    assert_eq!(loc["region"]["startLine"], 2);
    assert_eq!(loc["region"]["startColumn"], 10);
    assert_eq!(loc["region"]["endColumn"], 14);
    let fix = &stray["fixes"][0];
    // `The 커뮤니티 met`: the token is the sentence's subject, so deleting
    // it is a suggestion.
    assert_eq!(fix["properties"]["applicability"], "unsafe");
    assert!(fix["artifactChanges"][0]["replacements"][0]["deletedRegion"]["startLine"] == 2);
    let names = results
        .iter()
        .find(|r| r["ruleId"] == "name-romanization")
        .unwrap();
    assert_eq!(
        names["relatedLocations"][0]["physicalLocation"]["region"]["startLine"],
        3
    );
    let root = run["originalUriBaseIds"]["SRCROOT"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        root.starts_with("file:///") && root.ends_with('/'),
        "{root}"
    );
}

#[test]
fn sarif_fingerprints_stay_when_lines_above_move() {
    let prints = |text: &str| -> Vec<(String, String)> {
        let log = sarif_of(text);
        log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["ruleId"].as_str().unwrap().to_string(),
                    r["partialFingerprints"]["copydesk/v1"]
                        .as_str()
                        .unwrap()
                        .to_string(),
                )
            })
            .collect()
    };
    let before = prints(DRAFT);
    let after = prints(&format!("A new first paragraph.\n\nAnd another.\n{DRAFT}"));
    assert_eq!(before, after);
    // Two identical findings on identical lines are told apart.
    let twice = prints("The 커뮤니티 met.\nThe 커뮤니티 met.\n");
    assert_ne!(twice[0].1, twice[1].1);
}

/// The real validator: `.ci/run` installs Microsoft's SARIF Multitool and
/// runs this test with `SARIF_MULTITOOL` pointing at it.
#[test]
#[ignore = "needs Microsoft's SARIF Multitool: .ci/run installs it and sets SARIF_MULTITOOL"]
fn sarif_multitool_validates_the_log() {
    let tool = std::env::var("SARIF_MULTITOOL").expect("SARIF_MULTITOOL is set");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.md"), DRAFT).unwrap();
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for (cwd, target) in [(dir.path(), "draft.md"), (seed.as_path(), ".")] {
        let (_, out) = run(cwd, "sarif", target);
        let log = dir.path().join("log.sarif");
        std::fs::write(&log, out).unwrap();
        let v = std::process::Command::new(&tool)
            .arg("validate")
            .arg(&log)
            .output()
            .unwrap();
        let text =
            String::from_utf8_lossy(&v.stdout).to_string() + &String::from_utf8_lossy(&v.stderr);
        assert!(v.status.success(), "{text}");
        let problems: Vec<&str> = text
            .lines()
            .filter(|l| l.contains(": error ") || l.contains(": warning "))
            .collect();
        assert!(problems.is_empty(), "{problems:#?}");
    }
}

#[test]
fn github_annotations_escape_hostile_paths_and_messages() {
    let out = copydesk_in(std::path::Path::new("."))
        .args(["check", "--isolated", "--format", "github", "-"])
        .args(["--stdin-filename", "desk/a,b:c%.txt"])
        .write_stdin("The 커뮤니티 met.\n")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text}");
    assert!(
        lines[0].starts_with(
            "::warning file=desk/a%2Cb%3Ac%25.txt,line=1,endLine=1,col=5,endColumn=9,title=copydesk stray-script::"
        ),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("커뮤니티"));
}

#[test]
fn gitlab_code_quality_entries() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.md"), DRAFT).unwrap();
    let (code, out) = run(dir.path(), "gitlab", "draft.md");
    assert_eq!(code, 1);
    let issues: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert!(issues.len() >= 3);
    let stray = issues
        .iter()
        .find(|i| i["check_name"] == "stray-script")
        .unwrap();
    assert_eq!(stray["severity"], "minor");
    assert_eq!(stray["location"]["path"], "draft.md");
    assert_eq!(stray["location"]["lines"]["begin"], 2);
    let mixed = issues
        .iter()
        .find(|i| i["check_name"] == "mixed-script")
        .unwrap();
    assert_eq!(mixed["severity"], "major");
    let prints: std::collections::HashSet<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(prints.len(), issues.len(), "fingerprints are unique");
    // An empty run is an empty report.
    std::fs::write(dir.path().join("clean.md"), "Fine.\n").unwrap();
    assert_eq!(
        run(dir.path(), "gitlab", "clean.md"),
        (0, "[]\n".to_string())
    );
}

#[test]
fn json_lines_are_the_json_array_one_object_a_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.md"), DRAFT).unwrap();
    let (code, array) = run(dir.path(), "json", "draft.md");
    assert_eq!(code, 1);
    let array: Vec<serde_json::Value> = serde_json::from_str(&array).unwrap();
    let (code, lines) = run(dir.path(), "json-lines", "draft.md");
    assert_eq!(code, 1);
    let lines: Vec<serde_json::Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() >= 3);
    assert_eq!(lines, array);
    std::fs::write(dir.path().join("clean.md"), "Fine.\n").unwrap();
    assert_eq!(
        run(dir.path(), "json-lines", "clean.md"),
        (0, String::new())
    );
}

#[test]
fn junit_is_well_formed_with_one_failure_a_finding() {
    let dir = tempfile::tempdir().unwrap();
    // A name with XML's special characters and a finding whose message
    // quotes the flagged text.
    let name = "a&b<c>.md";
    std::fs::write(dir.path().join(name), DRAFT).unwrap();
    let (code, xml) = run(dir.path(), "junit", name);
    assert_eq!(code, 1);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let suites: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    assert_eq!(suites.len(), 1);
    assert_eq!(suites[0].attribute("name"), Some(name));
    let failures: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .collect();
    assert_eq!(
        suites[0].attribute("failures"),
        Some(failures.len().to_string().as_str())
    );
    let stray = failures
        .iter()
        .find(|f| f.attribute("type") == Some("stray-script"))
        .unwrap();
    assert!(stray.attribute("message").unwrap().contains("커뮤니티"));
    assert_eq!(stray.parent().unwrap().attribute("line"), Some("2"));
    // No finding: one passing case, still well formed.
    std::fs::write(dir.path().join("clean.md"), "Fine.\n").unwrap();
    let (code, xml) = run(dir.path(), "junit", "clean.md");
    assert_eq!(code, 0);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name("testcase"))
            .count(),
        1
    );
    assert!(!xml.contains("<failure"));
}

#[test]
fn rdjson_positions_count_utf8_bytes_and_fixes_are_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.md"), DRAFT).unwrap();
    let (code, out) = run(dir.path(), "rdjson", "draft.md");
    assert_eq!(code, 1);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["source"]["name"], "copydesk");
    let diags = doc["diagnostics"].as_array().unwrap();
    let stray = diags
        .iter()
        .find(|d| d["code"]["value"] == "stray-script")
        .unwrap();
    assert_eq!(stray["severity"], "WARNING");
    assert_eq!(stray["location"]["path"], "draft.md");
    // `😀😀 The ` is 4 + 4 + 1 + 4 bytes: the token starts at byte column 14.
    let range = &stray["location"]["range"];
    assert_eq!(range["start"], serde_json::json!({"line": 2, "column": 14}));
    assert_eq!(range["end"], serde_json::json!({"line": 2, "column": 26}));
    let suggestion = &stray["suggestions"][0];
    assert_eq!(suggestion["text"], "");
    assert!(stray["code"]["url"]
        .as_str()
        .unwrap()
        .ends_with("#stray-script"));
    std::fs::write(dir.path().join("clean.md"), "Fine.\n").unwrap();
    let (code, out) = run(dir.path(), "rdjson", "clean.md");
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["diagnostics"], serde_json::json!([]));
}

#[test]
fn statistics_count_each_rule_as_the_findings_do() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), DRAFT).unwrap();
    std::fs::write(dir.path().join("b.md"), "A 커뮤니티 here. NАTO met.\n").unwrap();
    let (_, array) = run(dir.path(), "json", ".");
    let array: Vec<serde_json::Value> = serde_json::from_str(&array).unwrap();
    let out = copydesk_in(dir.path())
        .args([
            "check",
            "--isolated",
            "--statistics",
            "--format",
            "json",
            ".",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stats: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let mut total = 0;
    for row in &stats {
        let rule = row["rule"].as_str().unwrap();
        let n = array.iter().filter(|d| d["rule"] == rule).count();
        assert_eq!(row["count"].as_u64().unwrap() as usize, n, "{rule}");
        total += n;
    }
    assert_eq!(total, array.len());
    let stray = stats.iter().find(|r| r["rule"] == "stray-script").unwrap();
    assert_eq!(stray["count"], 2);
    // Most frequent first.
    let counts: Vec<u64> = stats.iter().map(|r| r["count"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
    // The table: one row a rule, the fixable ones marked.
    let out = copydesk_in(dir.path())
        .args([
            "check",
            "--isolated",
            "--statistics",
            "--color",
            "never",
            ".",
        ])
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    let row = table
        .lines()
        .find(|l| l.contains(" stray-script "))
        .unwrap();
    assert!(row.trim_start().starts_with("2 "), "{row}");
    assert!(row.contains("[*]"), "{row}");
    assert!(!table.contains("커뮤니티"), "no findings, only counts");
}

#[test]
fn output_file_holds_the_report_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.md"), DRAFT).unwrap();
    let (_, expected) = run(dir.path(), "sarif", "draft.md");
    let out = copydesk_in(dir.path())
        .args(["check", "--isolated", "--format", "sarif"])
        .args(["--output-file", "reports/copydesk.sarif", "draft.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let path = dir.path().join("reports/copydesk.sarif");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_ne!(mode & 0o044, 0, "readable by others as ordinary files are");
    }
    // A place that cannot hold a file is an error naming it; nothing is
    // linted for nobody to read.
    let out = copydesk_in(dir.path())
        .args(["check", "--isolated", "--format", "sarif"])
        .args(["--output-file", "draft.md/copydesk.sarif", "draft.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("draft.md/copydesk.sarif"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("draft.md")).unwrap(),
        DRAFT
    );
}

/// `--output-file` through a symbolic link writes the link's target and
/// keeps the link; a target that is not a regular file (a FIFO here; a
/// device or `/dev/stdout` the same way) is written to, never replaced by a
/// regular file.
#[cfg(unix)]
#[test]
fn output_file_writes_through_links_fifos_and_devices() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.md"), DRAFT).unwrap();
    let (_, expected) = run(dir.path(), "concise", "draft.md");
    let report = |target: &str| {
        copydesk_in(dir.path())
            .args(["check", "--isolated", "--format", "concise"])
            .args(["--output-file", target, "draft.md"])
            .output()
            .unwrap()
    };
    std::fs::create_dir(dir.path().join("reports")).unwrap();
    std::fs::write(dir.path().join("reports/old.txt"), "old").unwrap();
    std::os::unix::fs::symlink("reports/old.txt", dir.path().join("latest")).unwrap();
    assert_eq!(report("latest").status.code(), Some(1));
    let meta = std::fs::symlink_metadata(dir.path().join("latest")).unwrap();
    assert!(meta.file_type().is_symlink(), "the link stays a link");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("reports/old.txt")).unwrap(),
        expected
    );

    // A FIFO: a reader gets the report, and the FIFO is still one.
    let fifo = dir.path().join("pipe");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    assert_eq!(report("pipe").status.code(), Some(1));
    assert_eq!(reader.join().unwrap(), expected);
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());

    // A folder is refused by name.
    let out = report("reports");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("reports: is a folder"), "{err}");
}

/// Front matter: a YAML or TOML string's quotation marks are syntax, not
/// speech (no `unattributed-quote` on a quoted `description`), and TOML's
/// `summary` and a YAML block value are linted (texts written for this
/// test).
#[test]
fn front_matter_strings_are_prose_without_their_quotes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "---\ndescription: \"Council approves the new budget after a long night of debate.\"\ntitle: 'Budget night at city hall, and what comes next'\n---\nBody.\n",
    )
    .unwrap();
    assert_eq!(run(dir.path(), "concise", "a.md"), (0, String::new()));
    std::fs::write(
        dir.path().join("b.md"),
        "+++\nsummary = \"New Zealand, 커뮤니티 shared it.\"\n+++\nBody.\n",
    )
    .unwrap();
    let (code, out) = run(dir.path(), "concise", "b.md");
    assert_eq!(code, 1);
    assert!(out.starts_with("b.md:2:25: warning[stray-script]"), "{out}");
    std::fs::write(
        dir.path().join("c.md"),
        "---\nsummary: |\n  New Zealand, 커뮤니티 shared it.\n---\nBody.\n",
    )
    .unwrap();
    let (code, out) = run(dir.path(), "concise", "c.md");
    assert_eq!(code, 1);
    assert!(out.starts_with("c.md:3:16: warning[stray-script]"), "{out}");
}

#[test]
fn a_format_statistics_or_diff_cannot_write_is_refused() {
    // Written for this test.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Leaders met 커뮤니티 here.\n").unwrap();
    for (mode, format) in [
        ("--statistics", "sarif"),
        ("--statistics", "junit"),
        ("--statistics", "json-lines"),
        ("--diff", "json"),
        ("--diff", "sarif"),
        ("--diff", "concise"),
    ] {
        let out = copydesk_in(dir.path())
            .args(["check", "--isolated", mode, "--format", format])
            .args(["-o", "report.out", "a.txt"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{mode} {format}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("'--format {format}' cannot be used with '{mode}'")),
            "{mode} {format}: {err}"
        );
        assert!(!dir.path().join("report.out").exists(), "{mode} {format}");
    }
    // The formats they do write.
    for (mode, format, starts) in [
        ("--statistics", "json", "["),
        ("--statistics", "human", "1"),
        ("--statistics", "concise", "1"),
        ("--diff", "human", "--- a/a.txt"),
    ] {
        let out = copydesk_in(dir.path())
            .args(["check", "--isolated", "--color", "never", mode])
            .args(["--format", format, "a.txt"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{mode} {format}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.starts_with(starts), "{mode} {format}: {text}");
    }
}
