//! The CI examples in `examples/ci/` run as written: every `copydesk check`
//! command of the GitHub workflow and the GitLab job is run by a shell, with
//! the built binary on `PATH`, in a throwaway git repository holding the
//! sample drafts of `examples/` and a change on top (a draft written for
//! these tests); `check.sh` runs there too, and the README's "Use in CI"
//! commands are those of the examples.

use crate::util::{git, git_repo};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use yaml_rust2::{Yaml, YamlLoader};

fn project() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(project().join(path)).unwrap()
}

fn yaml(path: &str) -> Yaml {
    YamlLoader::load_from_str(&read(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .remove(0)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The stray token of a pull request: the one finding on changed lines.
const CHANGE: &str = "Leaders from Canada and New Zealand, 커뮤니티 shared their plans.\n";

/// A repository whose main branch (also `origin/main`) holds the sample
/// drafts and config of `examples/`, with one commit on top adding a draft.
fn repo() -> tempfile::TempDir {
    let dir = git_repo();
    let d = dir.path();
    for file in ["copydesk.toml", "house-style.toml"] {
        std::fs::copy(project().join("examples").join(file), d.join(file)).unwrap();
    }
    copy_dir(&project().join("examples/drafts"), &d.join("drafts"));
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "drafts"]);
    git(d, &["update-ref", "refs/remotes/origin/main", "HEAD"]);
    git(d, &["checkout", "-q", "-b", "change"]);
    std::fs::write(d.join("drafts/change.md"), CHANGE).unwrap();
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "change"]);
    dir
}

/// `PATH` with the built copydesk first.
fn path_with_copydesk() -> std::ffi::OsString {
    let bin = assert_cmd::cargo::cargo_bin("copydesk");
    let mut dirs = vec![bin.parent().unwrap().to_path_buf()];
    dirs.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap()));
    std::env::join_paths(dirs).unwrap()
}

/// Run a CI script line with `sh` in `dir`, as a runner would.
fn shell(dir: &Path, line: &str, env: &[(&str, &str)]) -> Output {
    Command::new("sh")
        .current_dir(dir)
        .args(["-c", line])
        .env("PATH", path_with_copydesk())
        .env_remove("NO_COLOR")
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

/// The script lines of a workflow or job that run `copydesk check`.
fn check_lines(lines: impl IntoIterator<Item = String>) -> Vec<String> {
    lines
        .into_iter()
        .flat_map(|s| s.lines().map(String::from).collect::<Vec<_>>())
        .filter(|l| l.trim_start().starts_with("copydesk check"))
        .collect()
}

/// The value after `flag` in a command line.
fn option(line: &str, flag: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words.iter().position(|w| *w == flag).unwrap();
    words[at + 1].trim_matches('"').to_string()
}

#[test]
fn github_workflow_commands_upload_sarif_and_annotate_changed_lines() {
    let workflow = yaml("examples/ci/github-workflow.yml");
    let steps = workflow["jobs"]["copydesk"]["steps"].as_vec().unwrap();
    let runs = steps
        .iter()
        .filter_map(|s| s["run"].as_str().map(String::from));
    let lines = check_lines(runs);
    assert_eq!(lines.len(), 2, "{lines:?}");
    let uses = |action: &str| {
        steps
            .iter()
            .find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with(action)))
            .unwrap_or_else(|| panic!("no step uses {action}"))
    };
    uses("actions/checkout");
    let cache = uses("actions/cache");
    assert!(cache["with"]["path"].as_str().unwrap().contains("copydesk"));
    let upload = uses("github/codeql-action/upload-sarif");
    let dir = repo();
    let d = dir.path();
    let mut seen = Vec::new();
    for line in &lines {
        let out = shell(d, line, &[("GITHUB_BASE_REF", "main")]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let stdout = String::from_utf8(out.stdout).unwrap();
        match option(line, "--format").as_str() {
            "sarif" => {
                // Findings do not stop the step, so the upload runs.
                assert_eq!(out.status.code(), Some(0), "{line}: {stderr}");
                let file = option(line, "--output-file");
                assert_eq!(upload["with"]["sarif_file"].as_str(), Some(file.as_str()));
                let text = std::fs::read_to_string(d.join(&file)).unwrap();
                let log: serde_json::Value = serde_json::from_str(&text).unwrap();
                assert_eq!(log["version"], "2.1.0");
                let results = log["runs"][0]["results"].as_array().unwrap();
                // The whole tree: the sample drafts' findings and the change.
                let uri = |r: &serde_json::Value| {
                    r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                        .as_str()
                        .unwrap()
                        .to_string()
                };
                assert!(results.iter().any(|r| uri(r) == "drafts/change.md"));
                assert!(results.iter().any(|r| uri(r) != "drafts/change.md"));
                seen.push("sarif");
            }
            "github" => {
                assert_eq!(out.status.code(), Some(1), "{line}: {stderr}");
                let annotations: Vec<&str> = stdout.lines().collect();
                assert!(!annotations.is_empty(), "{line}: {stderr}");
                for a in &annotations {
                    assert!(a.starts_with("::"), "{a}");
                    // Only the pull request's changed lines.
                    assert!(a.contains("file=drafts/change.md,line=1,"), "{a}");
                }
                assert!(stdout.contains("copydesk stray-script::"), "{stdout}");
                seen.push("github");
            }
            other => panic!("unexpected format {other} in {line}"),
        }
    }
    assert_eq!(seen, ["sarif", "github"]);
}

#[test]
fn gitlab_job_writes_the_code_quality_report_it_declares() {
    let ci = yaml("examples/ci/gitlab-ci.yml");
    let job = &ci["copydesk"];
    let script = job["script"].as_vec().unwrap();
    let lines = check_lines(script.iter().filter_map(|l| l.as_str().map(String::from)));
    assert_eq!(lines.len(), 1, "{lines:?}");
    let line = &lines[0];
    assert_eq!(option(line, "--format"), "gitlab");
    let file = option(line, "--output-file");
    assert_eq!(
        job["artifacts"]["reports"]["codequality"].as_str(),
        Some(file.as_str())
    );
    assert_eq!(job["artifacts"]["when"].as_str(), Some("always"));
    let dir = repo();
    let out = shell(dir.path(), line, &[]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(dir.path().join(&file)).unwrap();
    let report: serde_json::Value = serde_json::from_str(&text).unwrap();
    let issues = report.as_array().unwrap();
    assert!(!issues.is_empty());
    for issue in issues {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(issue[key].is_string(), "{key}: {issue}");
        }
        assert!(issue["location"]["lines"]["begin"].is_u64(), "{issue}");
    }
    assert!(issues
        .iter()
        .any(|i| i["location"]["path"] == "drafts/change.md"));
}

fn check_sh() -> PathBuf {
    project().join("examples/ci/check.sh")
}

fn run_check_sh(dir: &Path, env: &[(&str, &str)]) -> (Option<i32>, String, String) {
    let out = shell(dir, &format!("'{}'", check_sh().display()), env);
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn check_sh_reports_changed_lines_and_passes_the_exit_code_through() {
    let dir = repo();
    let d = dir.path();
    // The change's finding, and none of the sample drafts' old ones.
    let (code, out, err) = run_check_sh(d, &[]);
    assert_eq!(code, Some(1), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(!lines.is_empty(), "{err}");
    for l in &lines {
        assert!(
            l.starts_with("drafts/change.md:1:") && l.contains("warning[stray-script]"),
            "{l}"
        );
    }
    // Compared with the change itself, nothing changed: exit 0.
    let (code, out, err) = run_check_sh(d, &[("COPYDESK_BASE", "HEAD")]);
    assert_eq!((code, out.as_str()), (Some(0), ""), "{err}");
    // Another format, through the environment.
    let (code, out, _) = run_check_sh(d, &[("COPYDESK_FORMAT", "github")]);
    assert_eq!(code, Some(1));
    assert!(out.lines().all(|l| l.starts_with("::")), "{out}");
    // Outside a git repository copydesk cannot lint changes: exit 2.
    let outside = tempfile::tempdir().unwrap();
    let (code, _, err) = run_check_sh(outside.path(), &[]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.starts_with("copydesk:"), "{err}");
}

#[test]
fn readme_ci_commands_are_those_of_the_examples() {
    let readme = read("README.md");
    let start = readme
        .find("\n## Use in CI\n")
        .expect("README has Use in CI");
    let section = &readme[start + 1..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |e| e + 3)];
    let examples = ["github-workflow.yml", "gitlab-ci.yml", "check.sh"]
        .map(|f| read(&format!("examples/ci/{f}")))
        .join("\n");
    let mut commands = 0;
    for line in section.lines().map(str::trim) {
        if line.starts_with("copydesk ") || line.starts_with("- copydesk ") {
            let command = line.trim_start_matches("- ");
            assert!(examples.contains(command), "not in examples/ci: {command}");
            commands += 1;
        }
    }
    assert!(commands >= 2, "{section}");
    for f in ["github-workflow.yml", "gitlab-ci.yml", "check.sh"] {
        assert!(section.contains(&format!("examples/ci/{f}")), "{f}");
    }
}
