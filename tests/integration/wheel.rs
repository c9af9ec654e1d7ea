//! The Python wheel (`pyproject.toml`, maturin with `bindings = "bin"`):
//! built, installed into a fresh virtual environment, and run from the
//! environment's own `bin`. The draft is written for this test.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.code().is_some(),
        "{cmd:?} ended by a signal: {out:?}"
    );
    out
}

fn ok(cmd: &mut Command) -> Output {
    let out = run(cmd);
    assert!(
        out.status.success(),
        "{cmd:?}:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The one `.whl` file in `dir`.
fn wheel_in(dir: &Path) -> PathBuf {
    let wheels: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "whl"))
        .collect();
    assert_eq!(wheels.len(), 1, "{wheels:?}");
    wheels.into_iter().next().unwrap()
}

#[test]
#[ignore = "builds the Python wheel (slow): .ci/run installs maturin and sets MATURIN"]
fn python_wheel_installs_a_working_copydesk_into_a_virtual_environment() {
    let maturin = std::env::var("MATURIN").expect("MATURIN: path to maturin");
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let project = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let dist = tmp.path().join("dist");
    // The project's target folder: the release build reuses the compiled
    // dependencies instead of building them from nothing.
    ok(Command::new(&maturin)
        .current_dir(project)
        .args(["build", "--release", "--quiet", "--out"])
        .arg(&dist)
        .env("CARGO_TARGET_DIR", project.join("target")));
    let wheel = wheel_in(&dist);
    let version = env!("CARGO_PKG_VERSION");
    let name = wheel.file_name().unwrap().to_str().unwrap();
    assert!(
        name.starts_with(&format!("copydesk-{version}-py3-none-")),
        "{name}"
    );

    let venv = tmp.path().join("venv");
    ok(Command::new(&python).args(["-m", "venv"]).arg(&venv));
    let bin = venv.join(if cfg!(windows) { "Scripts" } else { "bin" });
    // From the file alone: nothing is fetched.
    ok(Command::new(bin.join("pip"))
        .args([
            "install",
            "--quiet",
            "--no-index",
            "--disable-pip-version-check",
        ])
        .arg(&wheel));
    let copydesk = bin.join("copydesk");
    let out = ok(Command::new(&copydesk).arg("--version"));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        format!("copydesk {version}")
    );
    let draft = tmp.path().join("draft.md");
    std::fs::write(
        &draft,
        "Leaders from Canada and New Zealand, 커뮤니티 shared their plans.\n",
    )
    .unwrap();
    let out = run(Command::new(&copydesk).current_dir(tmp.path()).args([
        "check",
        "--isolated",
        "--format",
        "concise",
        "draft.md",
    ]));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.starts_with("draft.md:1:38: warning[stray-script]"),
        "{stdout}"
    );
}
