//! `copydesk completions SHELL` and `copydesk man`: the scripts and the page
//! are generated from the command line's definition; the committed
//! `docs/copydesk.1` is current.

use assert_cmd::Command;

fn copydesk(args: &[&str]) -> (i32, String) {
    let out = Command::cargo_bin("copydesk")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn bash_completion_offers_check_and_its_options_and_is_valid_bash() {
    let (code, script) = copydesk(&["completions", "bash"]);
    assert_eq!(code, 0);
    assert!(script.contains("complete -F _copydesk"), "{script}");
    for word in ["check", "--staged", "--diff-base", "--format", "sarif"] {
        assert!(script.contains(word), "{word} missing");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copydesk.bash");
    std::fs::write(&path, &script).unwrap();
    // Syntax only (`-n`): bash parses the script without running it.
    let status = std::process::Command::new("bash")
        .arg("-n")
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn every_shell_gets_a_completion_script_and_others_are_refused() {
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let (code, script) = copydesk(&["completions", shell]);
        assert_eq!(code, 0, "{shell}");
        assert!(
            script.contains("--staged") && script.contains("check"),
            "{shell}"
        );
    }
    assert_eq!(copydesk(&["completions", "tcsh"]).0, 2);
}

#[test]
fn man_page_names_commands_options_and_exit_codes() {
    let (code, page) = copydesk(&["man"]);
    assert_eq!(code, 0);
    assert!(page.starts_with(".ie \\n(.g .ds Aq"), "roff: {page}");
    assert!(page.contains(".TH copydesk 1"), "{page}");
    for heading in [
        "COMMANDS",
        "OPTIONS OF COPYDESK CHECK",
        "OPTIONS OF COPYDESK HOOK INSTALL",
        "EXIT STATUS",
    ] {
        assert!(page.contains(heading), "{heading} missing");
    }
    // roff writes `-` as `\-` in option names.
    for option in [
        "\\-\\-staged",
        "\\-\\-diff\\-base",
        "\\-\\-fail\\-on",
        "\\-\\-output\\-file",
        "\\-\\-unsafe\\-fixes",
    ] {
        assert!(page.contains(option), "{option} missing");
    }
    let exit_status = &page[page.find("EXIT STATUS").unwrap()..];
    for code in ["\\fB0\\fR", "\\fB1\\fR", "\\fB2\\fR"] {
        assert!(exit_status.contains(code), "{code}: {exit_status}");
    }
    assert!(exit_status.contains("could not lint"), "{exit_status}");
}

#[test]
fn committed_man_page_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/copydesk.1");
    let (_, expected) = copydesk(&["man"]);
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "docs/copydesk.1 is stale: run `BLESS=1 cargo test --test integration committed_man_page`"
    );
}
