//! Git hooks: the pre-commit framework's hooks (`.pre-commit-hooks.yaml`),
//! run for real with `pre-commit try-repo`, and `copydesk hook install`.
//! Drafts written for these tests.

use assert_cmd::Command;
use std::path::Path;

use crate::util::{git, git_repo as repo};

/// The model case of a stray token: deleting it restores the sentence.
const DIRTY: &str = "Leaders from Canada and New Zealand, 커뮤니티 shared their plans.\n";

#[test]
#[ignore = "needs the pre-commit framework: .ci/run installs it and sets PRE_COMMIT"]
fn pre_commit_hooks_refuse_fix_and_pass() {
    let pre_commit = std::env::var("PRE_COMMIT").expect("PRE_COMMIT: path to pre-commit");
    let project = env!("CARGO_MANIFEST_DIR");
    let dir = repo();
    let d = dir.path();
    std::fs::write(d.join("draft.md"), DIRTY).unwrap();
    // An HTML draft, named as some CMS exports do.
    std::fs::write(
        d.join("page.HTML"),
        format!("<p>{}</p>\n", DIRTY.trim_end()),
    )
    .unwrap();
    std::fs::write(d.join("tool.py"), "# 커뮤니티 is not a draft\n").unwrap();
    git(d, &["add", "."]);
    let try_repo = |hook: Option<&str>| {
        let mut cmd = std::process::Command::new(&pre_commit);
        cmd.current_dir(d)
            .args(["try-repo", project])
            .args(hook)
            .arg("--verbose")
            // The hook's `cargo install` reuses the project's compiled
            // dependencies instead of building them from nothing.
            .env("CARGO_TARGET_DIR", Path::new(project).join("target"))
            .env("PRE_COMMIT_HOME", d.join(".pre-commit-home"))
            .env_remove("NO_COLOR");
        let out = cmd.output().unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.code(), text)
    };
    // Both hooks, as a commit would run them: the check refuses the draft,
    // the fixing hook fixes it and fails so the fix can be staged.
    let (code, out) = try_repo(None);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("stray-script"), "{out}");
    assert!(out.contains("files were modified by this hook"), "{out}");
    let fixed = std::fs::read_to_string(d.join("draft.md")).unwrap();
    assert!(!fixed.contains("커뮤니티"), "{fixed}");
    assert!(
        fixed.starts_with("Leaders from Canada and New Zealand,"),
        "{fixed}"
    );
    assert!(fixed.ends_with(" shared their plans.\n"), "{fixed}");
    assert!(out.contains("page.HTML"), "HTML drafts are linted: {out}");
    let page = std::fs::read_to_string(d.join("page.HTML")).unwrap();
    assert!(!page.contains("커뮤니티"), "{page}");
    assert!(!out.contains("tool.py"), "only drafts are linted: {out}");
    // The fixed drafts, staged, pass the check.
    git(d, &["add", "draft.md", "page.HTML"]);
    let (code, out) = try_repo(Some("copydesk"));
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("Passed"), "{out}");
}

/// The framework picks the files a hook sees by the hooks' `files`
/// pattern (Python's `re.search`, whose syntax here is the regex crate's
/// too): it must pick what a folder walk lints, HTML drafts included and
/// in any case, and nothing else.
#[test]
fn pre_commit_hooks_files_pattern_is_the_walks_extension_filter() {
    use copydesk::walk::{is_text_file, TEXT_EXTENSIONS};
    use yaml_rust2::YamlLoader;
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml");
    let hooks = YamlLoader::load_from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let hooks = hooks[0].as_vec().expect("a list of hooks");
    let mut names: Vec<String> = vec![
        "tool.py".into(),
        "notes.html.bak".into(),
        "README.rst".into(),
        "page.xhtml".into(),
        "html".into(),
        "desk/story.txt~".into(),
    ];
    for x in TEXT_EXTENSIONS {
        names.push(format!("desk/story.{x}"));
        names.push(format!("STORY.{}", x.to_uppercase()));
    }
    assert!(TEXT_EXTENSIONS.contains(&"html") && TEXT_EXTENSIONS.contains(&"htm"));
    assert_eq!(hooks.len(), 2);
    for hook in hooks {
        let id = hook["id"].as_str().unwrap();
        let files = hook["files"].as_str().expect("a files pattern");
        let re = regex::Regex::new(files).unwrap();
        for name in &names {
            assert_eq!(
                re.is_match(name),
                is_text_file(Path::new(name)),
                "hook {id}: {files} on {name}"
            );
        }
    }
}

fn copydesk(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::cargo_bin("copydesk")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// `git commit` in `dir`: whether it went through, and what it printed.
fn commit(dir: &Path) -> (bool, String) {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(["commit", "-q", "-m", "draft"])
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn installed_hook_checks_the_staged_text_at_commit() {
    let dir = repo();
    let d = dir.path();
    assert_eq!(copydesk(d, &["hook", "install"]).0, 0);
    let hook = d.join(".git/hooks/pre-commit");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&hook).unwrap().permissions().mode();
        assert_eq!(mode & 0o111, 0o111, "executable");
    }
    std::fs::write(d.join("draft.md"), DIRTY).unwrap();
    git(d, &["add", "draft.md"]);
    // The working copy is cleaned but not staged: the commit is still refused.
    std::fs::write(d.join("draft.md"), DIRTY.replace("커뮤니티 ", "")).unwrap();
    let (ok, out) = commit(d);
    assert!(!ok, "{out}");
    assert!(out.contains("stray-script"), "{out}");
    git(d, &["add", "draft.md"]);
    let (ok, out) = commit(d);
    assert!(ok, "{out}");
    // Uninstalled, nothing runs.
    assert_eq!(copydesk(d, &["hook", "uninstall"]).0, 0);
    assert!(!hook.exists());
}

#[test]
fn hook_install_honours_hooks_path_and_never_clobbers_a_hook() {
    let dir = repo();
    let d = dir.path();
    git(d, &["config", "core.hooksPath", "ci/hooks"]);
    std::fs::create_dir_all(d.join("ci/hooks")).unwrap();
    let theirs = "#!/bin/sh\necho the team's own hook\n";
    std::fs::write(d.join("ci/hooks/pre-commit"), theirs).unwrap();
    let (code, err) = copydesk(d, &["hook", "install"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("ci/hooks/pre-commit") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(d.join("ci/hooks/pre-commit")).unwrap(),
        theirs
    );
    // Uninstall leaves a hook copydesk did not write.
    assert_eq!(copydesk(d, &["hook", "uninstall"]).0, 2);
    assert!(d.join("ci/hooks/pre-commit").exists());
    // --force replaces it and keeps it beside.
    assert_eq!(copydesk(d, &["hook", "install", "--force"]).0, 0);
    assert_eq!(
        std::fs::read_to_string(d.join("ci/hooks/pre-commit.old")).unwrap(),
        theirs
    );
    let ours = std::fs::read_to_string(d.join("ci/hooks/pre-commit")).unwrap();
    assert!(ours.contains("check --staged"), "{ours}");
    assert!(!d.join(".git/hooks/pre-commit").exists());
    // Outside a repository: a clear error.
    let outside = tempfile::tempdir().unwrap();
    let (code, err) = copydesk(outside.path(), &["hook", "install"]);
    assert_eq!(code, 2);
    assert!(err.contains("not in a git repository"), "{err}");
}

#[test]
fn hook_install_force_never_overwrites_a_kept_hook_and_uninstall_puts_it_back() {
    let dir = repo();
    let d = dir.path();
    let hooks = d.join(".git/hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    let theirs = "#!/bin/sh\necho the team's own hook\n";
    let older = "#!/bin/sh\necho an older hook, set aside by hand\n";
    std::fs::write(hooks.join("pre-commit"), theirs).unwrap();
    std::fs::write(hooks.join("pre-commit.old"), older).unwrap();
    let (code, err) = copydesk(d, &["hook", "install"]);
    assert_eq!(code, 2);
    assert!(err.contains("pre-commit.old.1"), "{err}");
    let (code, err) = copydesk(d, &["hook", "install", "--force"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("pre-commit.old.1"), "{err}");
    let read = |name: &str| std::fs::read_to_string(hooks.join(name)).unwrap();
    assert_eq!(
        read("pre-commit.old"),
        older,
        "a kept file is never replaced"
    );
    assert_eq!(read("pre-commit.old.1"), theirs);
    assert!(read("pre-commit").contains("check --staged"));
    // Installing again keeps the record of the hook it replaced.
    assert_eq!(copydesk(d, &["hook", "install"]).0, 0);
    let (code, err) = copydesk(d, &["hook", "uninstall"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("put back"), "{err}");
    assert_eq!(read("pre-commit"), theirs, "the user's hook is back");
    assert!(!hooks.join("pre-commit.old.1").exists());
    assert_eq!(read("pre-commit.old"), older);
    // Uninstalling a hook that replaced none touches no kept file.
    std::fs::remove_file(hooks.join("pre-commit")).unwrap();
    assert_eq!(copydesk(d, &["hook", "install"]).0, 0);
    assert_eq!(copydesk(d, &["hook", "uninstall"]).0, 0);
    assert!(!hooks.join("pre-commit").exists());
    assert_eq!(read("pre-commit.old"), older);
}

#[test]
fn an_edited_copydesk_hook_is_the_users() {
    let dir = repo();
    let d = dir.path();
    let hook = d.join(".git/hooks/pre-commit");
    assert_eq!(copydesk(d, &["hook", "install"]).0, 0);
    let written = std::fs::read_to_string(&hook).unwrap();
    // The same hook naming a copydesk elsewhere is still copydesk's.
    let line = written
        .lines()
        .find(|l| l.starts_with("copydesk="))
        .unwrap();
    let elsewhere = written.replace(line, "copydesk='/opt/newsroom/bin/copydesk'");
    std::fs::write(&hook, &elsewhere).unwrap();
    assert_eq!(copydesk(d, &["hook", "install"]).0, 0);
    assert_eq!(std::fs::read_to_string(&hook).unwrap(), written);
    // Edited by hand, it is the user's: left alone without --force.
    let edited = format!("{written}echo and the desk's spell checker\n");
    std::fs::write(&hook, &edited).unwrap();
    let (code, err) = copydesk(d, &["hook", "install"]);
    assert_eq!(code, 2);
    assert!(err.contains("edited") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&hook).unwrap(), edited);
    let (code, err) = copydesk(d, &["hook", "uninstall"]);
    assert_eq!(code, 2);
    assert!(err.contains("left alone"), "{err}");
    assert_eq!(std::fs::read_to_string(&hook).unwrap(), edited);
    // --force keeps it, and uninstall puts it back.
    assert_eq!(copydesk(d, &["hook", "install", "--force"]).0, 0);
    assert_eq!(
        std::fs::read_to_string(d.join(".git/hooks/pre-commit.old")).unwrap(),
        edited
    );
    assert!(!std::fs::read_to_string(&hook)
        .unwrap()
        .contains("spell checker"));
    assert_eq!(copydesk(d, &["hook", "uninstall"]).0, 0);
    assert_eq!(std::fs::read_to_string(&hook).unwrap(), edited);
}
