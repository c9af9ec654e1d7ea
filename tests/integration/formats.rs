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
