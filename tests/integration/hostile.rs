//! Inputs that could hang, hide or lose copy, and fixes written safely: each
//! test is a defect that once let a file be skipped silently, a run abort
//! or a fix damage a file. Texts are written for the tests.

use assert_cmd::Command;
use std::path::Path;

fn copydesk(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("copydesk").unwrap();
    cmd.env_remove("NO_COLOR").current_dir(dir);
    cmd
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A zero-width space (a safe fix) and a vague claim (no fix).
const DRAFT: &str =
    "The deal\u{2014}\u{200B}signed on Monday\u{2014}holds. Experts say it will fail.\n";
const FIXED: &str = "The deal\u{2014}signed on Monday\u{2014}holds. Experts say it will fail.\n";

#[cfg(unix)]
#[test]
fn fix_writes_through_a_symlink_and_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.txt");
    std::fs::write(&target, DRAFT).unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink("real.txt", dir.path().join("link.txt")).unwrap();
    let (code, _, err) =
        run(copydesk(dir.path()).args(["check", "--isolated", "--fix", "link.txt"]));
    assert_eq!(code, 1, "the vague claim is left: {err}");
    let link = std::fs::symlink_metadata(dir.path().join("link.txt")).unwrap();
    assert!(link.file_type().is_symlink(), "the link stays a link");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), FIXED);
    let mode = std::fs::metadata(&target).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[test]
fn exit_non_zero_on_fix_exits_1_when_a_fix_was_applied() {
    let dir = tempfile::tempdir().unwrap();
    // Only a fixable finding: clean after the fix, so exit 0 without the flag.
    let text = "The deal\u{2014}\u{200B}signed on Monday\u{2014}holds.\n";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let (code, _, _) = run(copydesk(dir.path()).args(["check", "--isolated", "--fix", "a.txt"]));
    assert_eq!(code, 0);
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let args = [
        "check",
        "--isolated",
        "--fix",
        "--exit-non-zero-on-fix",
        "a.txt",
    ];
    let (code, _, _) = run(copydesk(dir.path()).args(args));
    assert_eq!(code, 1);
    // Nothing left to fix: 0 again.
    let (code, _, _) = run(copydesk(dir.path()).args(args));
    assert_eq!(code, 0);
}

#[test]
fn fixing_standard_input_with_json_is_one_document() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = run(copydesk(dir.path())
        .args(["check", "--isolated", "--fix", "--format", "json", "-"])
        .args(["--stdin-filename", "desk/story.txt"])
        .write_stdin(DRAFT));
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    assert_eq!(v["path"], "desk/story.txt");
    assert_eq!(v["text"], FIXED);
    assert_eq!(v["fixed"], 1);
    let left = v["diagnostics"].as_array().unwrap();
    assert_eq!(left.len(), 1, "{out}");
    assert_eq!(left[0]["rule"], "unattributed-claim");
    let start = left[0]["byte_start"].as_u64().unwrap() as usize;
    assert!(
        FIXED[start..].starts_with("Experts say"),
        "offsets into the fixed text"
    );
    // Fixing standard input beside other files would mix texts: refused.
    std::fs::write(dir.path().join("a.txt"), DRAFT).unwrap();
    let (code, out, err) = run(copydesk(dir.path())
        .args(["check", "--isolated", "--fix", "-", "a.txt"])
        .write_stdin(DRAFT));
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(err.contains("standard input alone"), "{err}");
}

#[test]
fn a_stray_nul_is_reported_not_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("nul.txt"), "The minister\0 resigned.\n").unwrap();
    let (code, out, err) =
        run(copydesk(dir.path()).args(["check", "--isolated", "--format", "concise", "nul.txt"]));
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("nul.txt:1:13: warning[invisible-char] invisible character: NUL"),
        "{out}"
    );
    let (code, _, _) = run(copydesk(dir.path()).args(["check", "--isolated", "--fix", "nul.txt"]));
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("nul.txt")).unwrap(),
        "The minister resigned.\n"
    );
}

fn utf16le(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

#[test]
fn utf16_files_with_a_bom_are_linted_and_fixed_in_their_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("wire.txt");
    std::fs::write(&p, utf16le(DRAFT)).unwrap();
    let (code, out, _) =
        run(copydesk(dir.path()).args(["check", "--isolated", "--format", "json", "wire.txt"]));
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let zwsp = v
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "invisible-char")
        .unwrap();
    // BOM (2 bytes) and "The deal—" (9 UTF-16 units): the ZWSP is at byte
    // 20 of the file; columns count the BOM, as in a UTF-8 file with one.
    assert_eq!(
        (zwsp["byte_start"].as_u64(), zwsp["byte_end"].as_u64()),
        (Some(20), Some(22))
    );
    assert_eq!(
        (zwsp["line"].as_u64(), zwsp["column"].as_u64()),
        (Some(1), Some(11))
    );
    let (code, _, _) = run(copydesk(dir.path()).args(["check", "--isolated", "--fix", "wire.txt"]));
    assert_eq!(code, 1);
    assert_eq!(
        std::fs::read(&p).unwrap(),
        utf16le(FIXED),
        "written back as UTF-16"
    );
}

/// A UTF-16 file with an unpaired surrogate (a headline cut inside an
/// emoji) reads it as U+FFFD, which `mojibake` reports. Written back, the
/// surrogate would be lost, so `--fix` leaves the file as it is and no fix
/// claims it would apply. Text written for this test.
#[test]
fn a_utf16_file_with_an_unpaired_surrogate_is_not_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("cut.txt");
    let mut bytes = utf16le("The NАTO summit: ");
    bytes.extend([0x3D, 0xD8]); // a high surrogate alone
    bytes.extend(&utf16le(" ends.\n")[2..]);
    std::fs::write(&p, &bytes).unwrap();
    let (code, out, _) =
        run(copydesk(dir.path()).args(["check", "--isolated", "--format", "json", "cut.txt"]));
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rules: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["mixed-script", "mojibake"]);
    let look_alike = &v[0]["fixes"][0];
    assert_eq!(look_alike["applicability"], "display-only", "{look_alike}");
    let (code, _, err) =
        run(copydesk(dir.path()).args(["check", "--isolated", "--fix", "cut.txt"]));
    assert_eq!(code, 1, "{err}");
    assert_eq!(std::fs::read(&p).unwrap(), bytes, "not rewritten");
}

/// A PNG header and bytes that look compressed.
fn png() -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend((0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    bytes
}

#[test]
fn a_binary_file_named_on_the_command_line_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("photo.txt"), png()).unwrap();
    std::fs::write(dir.path().join("ok.txt"), "Fine copy.\n").unwrap();
    let (code, out, err) = run(copydesk(dir.path()).args([
        "check",
        "--isolated",
        "--format",
        "json",
        "photo.txt",
        "ok.txt",
    ]));
    assert_eq!(code, 2);
    assert_eq!(out, "[]\n");
    assert!(err.contains("photo.txt: binary file, not linted"), "{err}");
    // Found by walking a folder, it is skipped with a note.
    let (code, _, err) = run(copydesk(dir.path()).args(["check", "--isolated", "."]));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("photo.txt: skipped: binary file"), "{err}");
}

#[test]
fn a_broken_config_in_a_subfolder_does_not_stop_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("sports")).unwrap();
    std::fs::create_dir_all(p.join("politics")).unwrap();
    std::fs::write(p.join("sports/copydesk.toml"), "[rules\nselect = 3\n").unwrap();
    std::fs::write(p.join("sports/match.txt"), DRAFT).unwrap();
    std::fs::write(p.join("politics/vote.txt"), DRAFT).unwrap();
    let (code, out, err) = run(copydesk(p).args(["check", "--format", "json", "."]));
    assert_eq!(code, 2, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("still one JSON array");
    let paths: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert!(paths.contains(&"politics/vote.txt"), "{out}");
    assert!(!paths.iter().any(|p| p.starts_with("sports")), "{out}");
    assert!(
        err.contains("copydesk.toml"),
        "the error names the config: {err}"
    );
    assert!(err.contains("1:"), "and where in it: {err}");
    // The human summary does not call such a run clean.
    std::fs::write(p.join("politics/vote.txt"), "The council met on Tuesday.\n").unwrap();
    let (code, out, err) = run(copydesk(p).args(["check", "."]));
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        out.trim_end(),
        "No problems found in what could be read; 1 error (above) left input unchecked.",
        "{err}"
    );
}

#[test]
fn a_huge_thread_count_is_capped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), DRAFT).unwrap();
    let start = std::time::Instant::now();
    let (code, out, err) = run(copydesk(dir.path()).args([
        "check",
        "--isolated",
        "-j",
        "100000",
        "--format",
        "concise",
        "a.txt",
    ]));
    assert_eq!(code, 1, "{err}");
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(start.elapsed() < std::time::Duration::from_secs(10));
}

#[cfg(unix)]
#[test]
fn endless_and_huge_configs_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), DRAFT).unwrap();
    let (code, _, err) =
        run(copydesk(dir.path()).args(["check", "--config", "/dev/zero", "a.txt"]));
    assert_eq!(code, 2);
    assert!(err.contains("larger than 16 MiB, the limit"), "{err}");
    let pack = std::fs::File::create(dir.path().join("big.toml")).unwrap();
    pack.set_len((16 << 20) + 1).unwrap();
    let (code, _, err) =
        run(copydesk(dir.path()).args(["check", "--isolated", "--rules", "big.toml", "a.txt"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("big.toml: cannot read rule pack: larger than 16 MiB"),
        "{err}"
    );
}

#[test]
fn a_file_over_the_size_limit_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse: 256 MiB and one byte, none of it written.
    let f = std::fs::File::create(dir.path().join("huge.txt")).unwrap();
    f.set_len((256 << 20) + 1).unwrap();
    std::fs::write(dir.path().join("ok.txt"), DRAFT).unwrap();
    let (code, out, err) =
        run(copydesk(dir.path()).args(["check", "--isolated", "--format", "concise", "."]));
    assert_eq!(code, 2);
    assert!(
        err.contains("huge.txt: larger than 256 MiB, the limit; not read"),
        "{err}"
    );
    assert!(out.contains("ok.txt:1:10"), "the rest is linted: {out}");
}

#[cfg(unix)]
#[test]
fn file_names_with_line_breaks_are_escaped_in_line_formats() {
    let dir = tempfile::tempdir().unwrap();
    let name = "a\nforged.txt:1:1: error[fake] injected.txt";
    std::fs::write(dir.path().join(name), DRAFT).unwrap();
    let (_, out, _) =
        run(copydesk(dir.path()).args(["check", "--isolated", "--format", "concise", "."]));
    assert_eq!(out.lines().count(), 2, "one line a finding: {out}");
    assert!(
        out.lines()
            .all(|l| l.starts_with("\"a\\nforged.txt:1:1: error[fake] injected.txt\":1:")),
        "{out}"
    );
    let (_, out, _) =
        run(copydesk(dir.path()).args(["check", "--isolated", "--format", "github", "."]));
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(
        out.contains("file=a%0Aforged.txt%3A1%3A1%3A error[fake] injected.txt,line=1"),
        "{out}"
    );
}

/// Every format, its standard output closed before it writes: exit 0, no
/// error message (as ripgrep and `head` pipelines expect).
#[cfg(unix)]
#[test]
fn a_closed_standard_output_exits_0_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    // Enough findings to overflow a pipe's buffer.
    std::fs::write(dir.path().join("long.txt"), DRAFT.repeat(3000)).unwrap();
    for format in ["human", "concise", "json", "github", "gitlab", "sarif"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("copydesk"))
            .current_dir(dir.path())
            .args([
                "check",
                "--isolated",
                "--color",
                "never",
                "--format",
                format,
                "long.txt",
            ])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// `--fix` on a file it cannot write (a folder the user may not write to)
/// is an error, and the file's findings are still reported: none is lost.
#[cfg(unix)]
#[test]
fn findings_are_reported_when_fixes_cannot_be_written() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let desk = dir.path().join("desk");
    std::fs::create_dir(&desk).unwrap();
    std::fs::write(desk.join("a.txt"), DRAFT).unwrap();
    let mode = |p: &Path, m| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m));
    mode(dir.path(), 0o755).unwrap();
    mode(&desk.join("a.txt"), 0o644).unwrap();
    mode(&desk, 0o555).unwrap();
    // Permission bits do not bind the superuser: run as `nobody` then.
    let bin = assert_cmd::cargo::cargo_bin("copydesk");
    // (A new folder is its maker's: the superuser's, uid 0.)
    let mut cmd = if std::fs::metadata(&desk).unwrap().uid() == 0 {
        if Command::new("setpriv").arg("--version").output().is_err() {
            eprintln!("skipping: running as root and setpriv is absent");
            return;
        }
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        c
    } else {
        Command::new(&bin)
    };
    cmd.current_dir(dir.path()).env_remove("NO_COLOR").args([
        "check",
        "--isolated",
        "--fix",
        "--format",
        "concise",
        "desk/a.txt",
    ]);
    let (code, out, err) = run(&mut cmd);
    mode(&desk, 0o755).unwrap();
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains("desk/a.txt") && err.contains("could not write fixes"),
        "{err}"
    );
    // Both findings of the file as it stands: the fixable one and the claim.
    assert!(
        out.contains("desk/a.txt:1:10: warning[invisible-char]"),
        "{out}"
    );
    assert!(out.contains("[unattributed-claim]"), "{out}");
    assert_eq!(std::fs::read_to_string(desk.join("a.txt")).unwrap(), DRAFT);
}
