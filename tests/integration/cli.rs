//! The command line as users and scripts see it: exit codes, stdin, JSON
//! fields, colour, fixes, config, and broken rule packs.

use assert_cmd::Command;

fn copydesk() -> Command {
    let mut cmd = Command::cargo_bin("copydesk").unwrap();
    cmd.env_remove("NO_COLOR");
    cmd
}

fn seed() -> std::path::PathBuf {
    crate::util::corpus_dir().join("seed/nato-summit.txt")
}

fn stdout_of(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
#[cfg_attr(
    not(copydesk_corpus),
    ignore = "needs the shared corpus at ../shared/corpus"
)]
fn seed_article_has_exactly_one_finding() {
    let seed = seed();
    let (code, out, _) =
        stdout_of(
            copydesk()
                .arg("check")
                .arg(&seed)
                .args(["--format", "json", "--isolated"]),
        );
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 1, "{out}");
    let d = &arr[0];
    assert_eq!(d["rule"], "stray-script");
    assert_eq!(d["line"], 3);
    assert_eq!(d["text"], "커뮤니티");
    let bytes = std::fs::read(&seed).unwrap();
    let (s, e) = (
        d["byte_start"].as_u64().unwrap() as usize,
        d["byte_end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&bytes[s..e], "커뮤니티".as_bytes());
}

#[test]
fn json_has_every_documented_field() {
    let (code, out, _) = stdout_of(
        copydesk()
            .args([
                "check",
                "-",
                "--isolated",
                "--format",
                "json",
                "--stdin-filename",
                "desk/a.txt",
            ])
            .write_stdin("Line one.\nThe NАTO summit, 커뮤니티 ok.\n"),
    );
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 2);
    for d in arr {
        for field in [
            "path",
            "rule",
            "severity",
            "message",
            "line",
            "column",
            "end_line",
            "end_column",
            "byte_start",
            "byte_end",
            "text",
            "fixes",
            "labels",
        ] {
            assert!(d.get(field).is_some(), "missing {field} in {d}");
        }
        assert_eq!(d["path"], "desk/a.txt");
        assert_eq!(d["line"], 2);
    }
    let mixed = &arr[0];
    assert_eq!(mixed["rule"], "mixed-script");
    assert_eq!(mixed["column"], 5);
    assert_eq!(mixed["end_column"], 9);
    assert_eq!(mixed["fixes"][0]["replacement"], "A");
    let stray = &arr[1];
    // Columns count Unicode scalar values: `커` is column 18 of line 2 but byte 28
    // of the file (line 1 is 10 bytes; the Cyrillic `А` is 2).
    assert_eq!(stray["column"], 18);
    assert_eq!(stray["byte_start"], 28);
    assert_eq!(stray["byte_end"], 28 + 12);
    assert_eq!(
        stray["fixes"][0]["byte_end"],
        28 + 13,
        "the fix takes one space too"
    );
}

#[test]
fn exit_codes() {
    // 0: clean.
    let (code, _, _) = stdout_of(
        copydesk()
            .args(["check", "-", "--isolated"])
            .write_stdin("All clear.\n"),
    );
    assert_eq!(code, 0);
    // 1: findings at or above --fail-on.
    let (code, _, _) = stdout_of(
        copydesk()
            .args(["check", "-", "--isolated"])
            .write_stdin("a 커뮤니티 b\n"),
    );
    assert_eq!(code, 1);
    // 0 again when --fail-on is above the finding's severity.
    let (code, _, _) = stdout_of(
        copydesk()
            .args(["check", "-", "--isolated", "--fail-on", "error"])
            .write_stdin("a 커뮤니티 b\n"),
    );
    assert_eq!(code, 0);
    // 2: an unreadable path, reported on stderr; the other file is still linted.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ok.txt"), "a 커뮤니티 b\n").unwrap();
    let (code, out, err) = stdout_of(copydesk().current_dir(dir.path()).args([
        "check",
        "--isolated",
        "--format",
        "concise",
        "missing.txt",
        "ok.txt",
    ]));
    assert_eq!(code, 2);
    assert!(err.contains("copydesk: missing.txt"), "{err}");
    assert!(out.contains("ok.txt:1:3: warning[stray-script]"), "{out}");
    // 2: an unknown rule on the command line.
    let (code, _, err) = stdout_of(
        copydesk()
            .args(["check", "-", "--isolated", "--select", "nope"])
            .write_stdin(""),
    );
    assert_eq!(code, 2);
    assert!(err.contains("nope"));
}

#[test]
fn broken_pack_is_rendered_against_the_toml() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("house.toml");
    std::fs::write(
        &pack,
        "[[rule]]\nid = \"okay\"\nkind = \"pattern\"\nseverity = \"warning\"\nmessage = \"m\"\ndescription = \"d.\"\npatterns = [\"(okay\"]\n",
    )
    .unwrap();
    let (code, _, err) = stdout_of(
        copydesk()
            .args(["check", "-", "--isolated", "--color", "never", "--rules"])
            .arg(&pack)
            .write_stdin("text"),
    );
    assert_eq!(code, 2);
    assert!(err.contains("invalid regular expression"), "{err}");
    assert!(err.contains("house.toml:7:13"), "{err}");
    assert!(err.contains("^^^^^^^"), "{err}");
}

#[test]
fn newsroom_style_for_a_shipped_name_and_broken_entity_rows() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("desk.toml");
    // A newsroom's own form for a name the shipped table knows.
    std::fs::write(
        &pack,
        "[[entity]]\nname = \"Kim Jong Un\"\nkind = \"person\"\nstyles = { desk = \"Kim Jong-un\" }\n",
    )
    .unwrap();
    let (code, out, err) = stdout_of(
        copydesk()
            .args([
                "check",
                "-",
                "--isolated",
                "--color",
                "never",
                "--format",
                "concise",
            ])
            .args(["--house-style", "desk", "--rules"])
            .arg(&pack)
            .write_stdin("Kim Jong Un met Kim Jong-un.\n"),
    );
    assert_eq!(code, 1, "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("<stdin>:1:1: warning[name-romanization] house style (desk) writes this name `Kim Jong-un`"), "{out}");
    // A row whose forms belong to two shipped entities stops the run, located.
    std::fs::write(
        &pack,
        "[[entity]]\nname = \"Kim Jong Un\"\nkind = \"person\"\nvariants = [\"Kiev\"]\n",
    )
    .unwrap();
    let (code, _, err) = stdout_of(
        copydesk()
            .args(["check", "-", "--isolated", "--color", "never", "--rules"])
            .arg(&pack)
            .write_stdin("text"),
    );
    assert_eq!(code, 2);
    assert!(err.contains("desk.toml:2:8"), "{err}");
    assert!(err.contains("two entities of earlier packs"), "{err}");
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let (_, out, _) = stdout_of(
        copydesk()
            .args(["check", "-", "--isolated", "--color", "never"])
            .write_stdin("a 커뮤니티 b\n"),
    );
    assert!(!out.contains('\u{1b}'), "{out}");
    assert!(out.contains("warning[stray-script]"));
    let (_, out, _) = stdout_of(
        copydesk()
            .args(["check", "-", "--isolated", "--color", "always"])
            .write_stdin("a 커뮤니티 b\n"),
    );
    assert!(out.contains('\u{1b}'));
    // auto on a pipe: no colour.
    let (_, out, _) = stdout_of(
        copydesk()
            .args(["check", "-", "--isolated"])
            .write_stdin("a 커뮤니티 b\n"),
    );
    assert!(!out.contains('\u{1b}'));
}

#[test]
fn fix_rewrites_files_atomically_and_stdin_prints_fixed_text() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.md");
    std::fs::write(
        &draft,
        "# Note\n\nThe NАTO summit, 커뮤니티 opened.\n\n`커뮤니티` in code stays.\n",
    )
    .unwrap();
    let (code, _, _) = stdout_of(
        copydesk()
            .args(["check", "--isolated", "--fix"])
            .arg(&draft),
    );
    assert_eq!(code, 0, "everything was fixable");
    assert_eq!(
        std::fs::read_to_string(&draft).unwrap(),
        "# Note\n\nThe NATO summit, opened.\n\n`커뮤니티` in code stays.\n"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
    let (code, out, _) = stdout_of(
        copydesk()
            .args(["check", "-", "--isolated", "--fix"])
            .write_stdin("He donâ€™t know.\n"),
    );
    assert_eq!(code, 0);
    assert_eq!(out, "He don’t know.\n");
}

#[test]
fn invalid_utf8_binary_and_empty_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut bad = b"Good text \xff then 4 \xe2\x80 more ".to_vec();
    bad.extend_from_slice("커뮤니티 here.\n".as_bytes());
    std::fs::write(dir.path().join("bad.txt"), bad).unwrap();
    std::fs::write(dir.path().join("nul.txt"), b"abc\0def").unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..600u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    std::fs::write(dir.path().join("bin.txt"), png).unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    std::fs::write(
        dir.path().join("crlf.txt"),
        "\u{feff}Line\r\nNext 커뮤니티 x\r\n",
    )
    .unwrap();
    let (code, out, err) = stdout_of(copydesk().current_dir(dir.path()).args([
        "check",
        ".",
        "--isolated",
        "--format",
        "concise",
    ]));
    assert_eq!(code, 1);
    assert!(out.contains("bad.txt:1:11: error[invalid-utf8]"), "{out}");
    // Each invalid byte counts as one column.
    assert!(
        out.contains("bad.txt:1:28: warning[stray-script]"),
        "the rest is still linted: {out}"
    );
    assert!(out.contains("crlf.txt:2:6: warning[stray-script]"), "{out}");
    assert!(err.contains("bin.txt: skipped: binary file"), "{err}");
    // A stray NUL does not make a text file binary: it is a finding.
    assert!(
        out.contains("nul.txt:1:4: warning[invisible-char]"),
        "{out}"
    );
    assert!(!out.contains("empty.txt"));
}

#[test]
fn walking_honours_gitignore_and_copydeskignore() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("drafts")).unwrap();
    std::fs::create_dir_all(p.join("archive")).unwrap();
    std::fs::write(p.join(".gitignore"), "archive/\n").unwrap();
    std::fs::write(p.join(".copydeskignore"), "drafts/skip.md\n").unwrap();
    for f in [
        "drafts/a.md",
        "drafts/skip.md",
        "archive/b.txt",
        "notes.txt",
    ] {
        std::fs::write(p.join(f), "x 커뮤니티 y\n").unwrap();
    }
    std::fs::write(p.join("image.png"), "x 커뮤니티 y\n").unwrap();
    let (_, out, _) =
        stdout_of(
            copydesk()
                .current_dir(p)
                .args(["check", "--isolated", "--format", "concise"]),
        );
    let files: Vec<&str> = out.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(files, ["drafts/a.md", "notes.txt"], "{out}");
}

#[test]
fn config_discovery_overrides_and_isolated() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("desk/korea")).unwrap();
    std::fs::write(
        p.join("copydesk.toml"),
        "accept = [\"김치\"]\n[[overrides]]\nfiles = [\"desk/korea/**\"]\nscripts = [\"Latin\", \"Hangul\"]\n",
    )
    .unwrap();
    std::fs::write(p.join("desk/world.txt"), "The 김치 and 커뮤니티 here.\n").unwrap();
    std::fs::write(
        p.join("desk/korea/seoul.txt"),
        "윤석열 대통령은 NATO 정상회의에서 커뮤니티.\n",
    )
    .unwrap();
    let (_, out, _) = stdout_of(
        copydesk()
            .current_dir(p.join("desk"))
            .args(["check", ".", "--format", "concise"]),
    );
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.contains("world.txt:1:12: warning[stray-script] stray Hangul text `커뮤니티`"),
        "{out}"
    );
    let (_, out, _) = stdout_of(copydesk().current_dir(p).args([
        "check",
        "desk",
        "--isolated",
        "--format",
        "concise",
    ]));
    assert_eq!(
        out.lines().count(),
        4,
        "--isolated ignores the accept list and the override: {out}"
    );
    // A config error points into the config file.
    std::fs::write(
        p.join("copydesk.toml"),
        "scripts = [\"Latin\"]\nunknown-key = 1\n",
    )
    .unwrap();
    let (code, _, err) = stdout_of(
        copydesk()
            .current_dir(p)
            .args(["check", "desk", "--color", "never"]),
    );
    assert_eq!(code, 2);
    assert!(err.contains("copydesk.toml:2:1"), "{err}");
}

#[test]
fn markdown_suppression_comments() {
    let text = "Intro.\n\n<!-- copydesk-disable-next-line stray-script -->\nA 커뮤니티 here.\n\n<!-- copydesk-disable -->\nB 커뮤니티 here.\n<!-- copydesk-enable -->\n\nC 커뮤니티 here.\n";
    let (_, out, _) = stdout_of(
        copydesk()
            .args([
                "check",
                "-",
                "--isolated",
                "--format",
                "concise",
                "--stdin-filename",
                "x.md",
            ])
            .write_stdin(text),
    );
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with("x.md:10:3:"), "{out}");
}

#[test]
fn rules_explain_init_and_test_rules() {
    let (code, out, _) = stdout_of(copydesk().args(["rules", "--isolated"]));
    assert_eq!(code, 0);
    for id in ["stray-script", "mixed-script", "invisible-char", "mojibake"] {
        assert!(out.contains(id), "{out}");
    }
    let (code, out, _) = stdout_of(copydesk().args(["explain", "mojibake"]));
    assert_eq!(code, 0);
    assert!(out.contains("donâ€™t"), "{out}");
    let (code, _, _) = stdout_of(copydesk().args(["explain", "no-such-rule"]));
    assert_eq!(code, 2);

    let dir = tempfile::tempdir().unwrap();
    let (code, _, _) = stdout_of(copydesk().current_dir(dir.path()).arg("init"));
    assert_eq!(code, 0);
    let (code, _, _) = stdout_of(copydesk().current_dir(dir.path()).arg("init"));
    assert_eq!(code, 2, "does not overwrite");
    let (code, _, _) = stdout_of(
        copydesk()
            .current_dir(dir.path())
            .args(["check", "-"])
            .write_stdin("ok"),
    );
    assert_eq!(code, 0, "the starter config is valid");

    let pack = dir.path().join("house.toml");
    std::fs::write(
        &pack,
        r#"[[rule]]
id = "okay-ok"
kind = "pattern"
severity = "warning"
message = "write `OK`, not `{text}`"
description = "House style spells it OK."
phrases = ["okay"]
replacement = "OK"
flag = [{ text = "It is okay.", fixed = "It is OK." }]
pass = ["The Okefenokee swamp."]
"#,
    )
    .unwrap();
    let (code, out, _) = stdout_of(copydesk().arg("test-rules").arg(&pack));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("2 passed, 0 failed"), "{out}");
    std::fs::write(
        &pack,
        std::fs::read_to_string(&pack)
            .unwrap()
            .replace("It is OK.", "It is Ok."),
    )
    .unwrap();
    let (code, out, _) = stdout_of(copydesk().arg("test-rules").arg(&pack));
    assert_eq!(code, 1);
    assert!(out.contains("FAIL okay-ok"), "{out}");
}

#[test]
fn single_and_multi_threaded_output_is_identical() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..20 {
        std::fs::write(
            dir.path().join(format!("d{i:02}.txt")),
            format!("Story {i} 커뮤니티 and NАTO.\n"),
        )
        .unwrap();
    }
    let run = |j: &str| {
        stdout_of(copydesk().current_dir(dir.path()).args([
            "check",
            ".",
            "--isolated",
            "--format",
            "json",
            "-j",
            j,
        ]))
        .1
    };
    assert_eq!(run("1"), run("4"));
}

/// A file name holding a line break or a quotation mark is quoted in the
/// diff's header as git quotes it, so `git apply` still finds the file and
/// makes it what `--fix` writes. Draft written for the test.
#[cfg(unix)]
#[test]
fn a_diff_of_a_file_with_a_line_break_in_its_name_applies() {
    let dir = tempfile::tempdir().unwrap();
    let draft = "The NАTO summit ended.\n";
    let names = ["two\nlines.md", "say \"hi\".md"];
    for name in names {
        std::fs::write(dir.path().join(name), draft).unwrap();
    }
    let out = assert_cmd::Command::cargo_bin("copydesk")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "--isolated", "--diff", "--color", "never"])
        .args(names)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(diff.contains("--- \"a/two\\nlines.md\"\n"), "{diff}");
    assert!(diff.contains("+++ \"b/say \\\"hi\\\".md\"\n"), "{diff}");
    let Ok(git) = std::process::Command::new("git")
        .args(["apply", "-"])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("skipped `git apply`: git not found");
        return;
    };
    let mut git = git;
    use std::io::Write as _;
    git.stdin
        .take()
        .unwrap()
        .write_all(diff.as_bytes())
        .unwrap();
    assert!(git.wait().unwrap().success(), "{diff}");
    for name in names {
        assert_eq!(
            std::fs::read_to_string(dir.path().join(name)).unwrap(),
            "The NATO summit ended.\n"
        );
    }
}

/// `--diff` prints what `--fix` would change, writes nothing, and exits 1
/// only when there is something to fix. Drafts written for the test.
#[test]
fn diff_shows_the_fixes_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let draft = "Leaders from Canada and New Zealand, 커뮤니티 shared their plans.\nThe NАTO summit ended.\n";
    std::fs::write(dir.path().join("draft.md"), draft).unwrap();
    std::fs::write(dir.path().join("clean.md"), "Nothing to see.\n").unwrap();
    let out = assert_cmd::Command::cargo_bin("copydesk")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "--isolated", "--diff", "--color", "never", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(
        diff.starts_with("--- a/draft.md\n+++ b/draft.md\n@@ -1,2 +1,2 @@\n"),
        "{diff}"
    );
    assert!(diff.contains("\n-Leaders from Canada and New Zealand, 커뮤니티 shared their plans.\n"));
    assert!(diff.contains("\n+The NATO summit ended.\n"), "{diff}");
    assert!(!diff.contains("clean.md"));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("would fix 2 problem(s) in 1 file(s)"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("draft.md")).unwrap(),
        draft
    );
    // The diff applies with `patch` to exactly what `--fix` writes.
    let fixed_dir = tempfile::tempdir().unwrap();
    std::fs::write(fixed_dir.path().join("draft.md"), draft).unwrap();
    assert_cmd::Command::cargo_bin("copydesk")
        .unwrap()
        .current_dir(fixed_dir.path())
        .args(["check", "--isolated", "--fix", "draft.md"])
        .output()
        .unwrap();
    let fixed = std::fs::read_to_string(fixed_dir.path().join("draft.md")).unwrap();
    let plus: Vec<&str> = diff
        .lines()
        .filter(|l| l.starts_with('+') && !l.starts_with("+++"))
        .map(|l| &l[1..])
        .collect();
    assert_eq!(plus.join("\n") + "\n", fixed);
    // Nothing to fix: exit 0, no diff.
    let out = assert_cmd::Command::cargo_bin("copydesk")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "--isolated", "--diff", "clean.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn stating_the_default_input_format_keeps_every_option() {
    // Written for this test: `--input-format files` is the default; said
    // aloud it refuses nothing that works without it.
    let dir = tempfile::tempdir().unwrap();
    let draft = "Leaders met 커뮤니티 here.\n";
    std::fs::write(dir.path().join("a.txt"), draft).unwrap();
    let run = |extra: &[&str]| {
        stdout_of(
            copydesk()
                .current_dir(dir.path())
                .args(["check", "--isolated", "--color", "never"])
                .args(extra)
                .arg("a.txt"),
        )
    };
    for extra in [
        &["--format", "json"][..],
        &["--diff"],
        &["--statistics"],
        &["--force-exclude"],
        &["--stdin-filename", "x.md"],
    ] {
        let plain = run(extra);
        let stated: Vec<&str> = ["--input-format", "files"]
            .into_iter()
            .chain(extra.iter().copied())
            .collect();
        assert_eq!(run(&stated), plain, "{extra:?}");
        assert_eq!(plain.0, 1, "{extra:?}: {plain:?}");
    }
    let fixed = run(&["--input-format", "files", "--fix"]);
    assert_eq!(fixed.0, 0, "{fixed:?}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        "Leaders met here.\n"
    );
    // `ndjson` still refuses them, `--format` even when it names the default.
    let (code, _, err) = stdout_of(
        copydesk()
            .args(["check", "--input-format", "ndjson", "--format", "human"])
            .write_stdin(""),
    );
    assert_eq!(code, 2);
    assert!(err.contains("cannot be used with '--format"), "{err}");
}

/// The findings of a JSON report: (path, rule, line).
fn json_findings(out: &str) -> Vec<(String, String, u64)> {
    let v: serde_json::Value = serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"));
    v.as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_file_named_twice_is_linted_and_fixed_once() {
    // Written for this test.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("desk")).unwrap();
    std::fs::write(d.join("desk/a.txt"), "Leaders met 커뮤니티 here.\n").unwrap();
    std::fs::write(d.join("d.txt"), "Leaders met 커뮤니티 here.\n").unwrap();
    let json = |paths: &[&str]| {
        let (code, out, err) = stdout_of(
            copydesk()
                .current_dir(d)
                .args(["check", "--isolated", "--format", "json"])
                .args(paths),
        );
        assert_eq!(code, 1, "{paths:?}: {err}");
        json_findings(&out)
    };
    let once = |path: &str| vec![(path.to_string(), "stray-script".to_string(), 1)];
    assert_eq!(json(&["d.txt", "d.txt"]), once("d.txt"));
    assert_eq!(json(&["d.txt", "./d.txt"]), once("d.txt"));
    // A folder and a file in it: the file once, under the first name met.
    assert_eq!(json(&["desk", "desk/a.txt"]), once("desk/a.txt"));
    assert_eq!(json(&["desk/./a.txt", "desk"]), once("desk/./a.txt"));
    assert_eq!(
        json(&["desk/../desk/a.txt", "desk"]),
        once("desk/../desk/a.txt")
    );
    // The summary counts it once.
    let (_, out, _) = stdout_of(copydesk().current_dir(d).args([
        "check",
        "--isolated",
        "--color",
        "never",
        "d.txt",
        "d.txt",
    ]));
    assert!(out.contains("Found 1 problem"), "{out}");
    // Fixing it twice over would find the file changed under the second fix.
    let (code, out, err) = stdout_of(copydesk().current_dir(d).args([
        "check",
        "--isolated",
        "--fix",
        "d.txt",
        "d.txt",
    ]));
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert_eq!(
        std::fs::read_to_string(d.join("d.txt")).unwrap(),
        "Leaders met here.\n"
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("desk/a.txt", d.join("link.txt")).unwrap();
        let (code, _, err) = stdout_of(copydesk().current_dir(d).args([
            "check",
            "--isolated",
            "--fix",
            "link.txt",
            "desk/a.txt",
        ]));
        assert_eq!((code, err.as_str()), (0, ""));
        assert_eq!(
            std::fs::read_to_string(d.join("desk/a.txt")).unwrap(),
            "Leaders met here.\n"
        );
    }
}

#[test]
fn files_are_reported_sorted_by_path_whatever_the_order_named() {
    // Written for this test: the same drafts named in two orders give the
    // same report, byte for byte, in every format.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("desk")).unwrap();
    for f in ["z.txt", "a.txt", "desk/m.md", "desk-b.txt"] {
        std::fs::write(d.join(f), "Leaders met 커뮤니티 here.\n").unwrap();
    }
    let run = |format: &str, paths: &[&str]| {
        stdout_of(
            copydesk()
                .current_dir(d)
                .args([
                    "check",
                    "--isolated",
                    "--color",
                    "never",
                    "--format",
                    format,
                ])
                .args(paths),
        )
        .1
    };
    let out = run("json", &["z.txt", "desk", "a.txt", "desk-b.txt"]);
    let paths: Vec<String> = json_findings(&out).into_iter().map(|f| f.0).collect();
    // By path, a component at a time (`desk/` before `desk-b.txt`).
    assert_eq!(paths, ["a.txt", "desk/m.md", "desk-b.txt", "z.txt"]);
    for format in ["json", "human", "concise", "sarif", "junit"] {
        assert_eq!(
            run(format, &["z.txt", "desk", "a.txt", "desk-b.txt"]),
            run(format, &["desk-b.txt", "a.txt", "desk", "z.txt"]),
            "{format}"
        );
    }
}

#[test]
fn a_folder_walk_skips_hidden_files_and_folders_but_a_named_one_is_linted() {
    // Written for this test: as ripgrep, a walk leaves out names starting
    // with `.`; a hidden file or folder named on the command line is linted.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join(".drafts")).unwrap();
    std::fs::create_dir_all(d.join("desk/.old")).unwrap();
    for f in [
        ".drafts/a.md",
        ".b.txt",
        "c.txt",
        "desk/.old/x.txt",
        "desk/y.txt",
    ] {
        std::fs::write(d.join(f), "Leaders met 커뮤니티 here.\n").unwrap();
    }
    let paths = |args: &[&str]| -> Vec<String> {
        let (_, out, err) = stdout_of(
            copydesk()
                .current_dir(d)
                .args(["check", "--isolated", "--format", "json"])
                .args(args),
        );
        assert_eq!(err, "", "{args:?}");
        json_findings(&out).into_iter().map(|f| f.0).collect()
    };
    assert_eq!(paths(&["."]), ["c.txt", "desk/y.txt"]);
    assert_eq!(paths(&["desk"]), ["desk/y.txt"]);
    assert_eq!(
        paths(&[".b.txt", ".drafts", "desk/.old/x.txt"]),
        [".b.txt", ".drafts/a.md", "desk/.old/x.txt"]
    );
    // Under --force-exclude a named file meets the walk's filters, this one too.
    assert!(paths(&["--force-exclude", ".b.txt", ".drafts/a.md"]).is_empty());
}

#[test]
fn option_values_duplicate_rules_and_config_typos_are_located_in_their_files() {
    // Written for this test.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), "Leaders met here.\n").unwrap();
    let rule = |id: &str, extra: &str| {
        format!("[[rule]]\nid = \"{id}\"\nkind = \"unattributed-quote\"\nseverity = \"info\"\nmessage = \"m\"\ndescription = \"d.\"\n{extra}")
    };
    let check = |args: &[&str]| {
        let (code, out, err) = stdout_of(
            copydesk()
                .current_dir(d)
                .arg("check")
                .args(args)
                .arg("a.txt"),
        );
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        err
    };
    // A value of the right TOML type that the option's type does not take.
    std::fs::write(
        d.join("neg.toml"),
        "[options.attribution]\nmin-quote-words = -3\n",
    )
    .unwrap();
    let err = check(&["--isolated", "--rules", "neg.toml"]);
    assert!(
        err.contains("error: `min-quote-words`: invalid value: integer `-3`"),
        "{err}"
    );
    assert!(err.contains("neg.toml:2:19"), "{err}");
    std::fs::write(
        d.join("window.toml"),
        "[options.stray-script]\nbracket-window = -600\n",
    )
    .unwrap();
    let err = check(&["--isolated", "--rules", "window.toml"]);
    assert!(
        err.contains("`bracket-window`: invalid value") && err.contains("window.toml:2:18"),
        "{err}"
    );
    // In a rule's own table, and a value out of range.
    std::fs::write(
        d.join("own.toml"),
        rule("my-quote", "attribution = { min-quote-words = -12 }\n"),
    )
    .unwrap();
    let err = check(&["--isolated", "--rules", "own.toml"]);
    assert!(
        err.contains("error: rule `my-quote`: `min-quote-words`: invalid value"),
        "{err}"
    );
    assert!(err.contains("own.toml:7:35"), "{err}");
    std::fs::write(
        d.join("zero.toml"),
        rule("my-quote", "attribution = { min-quote-words = 0 }\n"),
    )
    .unwrap();
    let err = check(&["--isolated", "--rules", "zero.toml"]);
    assert!(
        err.contains("rule `my-quote`: `min-quote-words` must be at least 1"),
        "{err}"
    );
    assert!(err.contains("zero.toml:7:35"), "{err}");
    // Two packs defining one rule id: both named.
    std::fs::write(d.join("one.toml"), rule("house-quote", "")).unwrap();
    std::fs::write(
        d.join("two.toml"),
        format!("# again\n{}", rule("house-quote", "")),
    )
    .unwrap();
    let err = check(&["--isolated", "--rules", "one.toml", "--rules", "two.toml"]);
    assert!(
        err.contains("error: rule id `house-quote` is defined by more than one pack"),
        "{err}"
    );
    assert!(err.contains("two.toml:3:6"), "{err}");
    assert!(err.contains("first defined at one.toml:2:6"), "{err}");
    // One pack named twice, by the config and by --rules, is read once.
    std::fs::write(d.join("copydesk.toml"), "rules = [\"one.toml\"]\n").unwrap();
    let (code, _, err) = stdout_of(
        copydesk()
            .current_dir(d)
            .args(["check", "--rules", "one.toml", "a.txt"]),
    );
    assert_eq!((code, err.as_str()), (0, ""));
    // A misspelt key of the config lists every key it could be.
    std::fs::write(d.join("copydesk.toml"), "fail-onn = \"error\"\n").unwrap();
    let err = check(&[]);
    assert!(err.contains("unknown field `fail-onn`, expected one of `rules`, `fail-on`, `overrides`, `house-style`"), "{err}");
    assert!(err.contains("copydesk.toml:1:1"), "{err}");
    std::fs::write(
        d.join("copydesk.toml"),
        "[[overrides]]\nfiles = [\"*.txt\"]\nignor = [\"mojibake\"]\n",
    )
    .unwrap();
    let err = check(&[]);
    assert!(
        err.contains("unknown field `ignor`, expected one of `files`, `house-style`"),
        "{err}"
    );
    assert!(err.contains("copydesk.toml:3:1"), "{err}");
}
