//! The library's run, as a front end other than the command line (an
//! editor's language server, a CMS service) uses it: only the public API,
//! a project folder with a config, overrides and a pack of its own, and
//! documents that exist only in memory.

use copydesk::workspace::{ConfigChoice, Options, Outcome, Workspace};
use std::path::Path;

/// A newsroom project: the world desk prints Latin only; the Korea desk
/// prints Hangul too; a house pack adds a pattern rule.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("copydesk.toml"),
        r#"rules = ["house.toml"]
scripts = ["Latin"]

[[overrides]]
files = ["korea/**"]
scripts = ["Latin", "Hangul"]
"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("house.toml"),
        r#"[pack]
name = "house"

[[rule]]
id = "house-percent"
kind = "pattern"
severity = "info"
message = "house style writes `{replacement}` for `{text}`"
description = "Our house style uses the percent sign after figures."
patterns = ['\b(\d+) per ?cent\b']
replacement = "$1%"
"#,
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("korea")).unwrap();
    dir
}

fn rules_found(ws: &Workspace, path: &str, text: &str) -> Vec<String> {
    let checked = ws.check_text(Path::new(path), text).unwrap();
    checked
        .diagnostics
        .iter()
        .map(|d| format!("{}:{}", d.rule, &checked.text[d.span.range()]))
        .collect()
}

/// Text written for this test.
const DRAFT: &str = "Exports rose 4 per cent, the 커뮤니티 said in `커뮤니티` notes.\n";

#[test]
fn an_unsaved_buffer_gets_the_config_overrides_and_packs_of_its_path() {
    let dir = project();
    let ws = Workspace::new(dir.path(), Options::default());
    // Neither file exists: an editor's buffers, never saved.
    assert!(!dir.path().join("world/draft.md").exists());
    assert_eq!(
        rules_found(&ws, "world/draft.md", DRAFT),
        // Markdown (from the extension): the code span is not prose.
        ["house-percent:4 per cent", "stray-script:커뮤니티"]
    );
    // The Korea desk's override expects Hangul.
    assert_eq!(
        rules_found(&ws, "korea/draft.md", DRAFT),
        ["house-percent:4 per cent"]
    );
    // Plain text: the code span is prose.
    assert_eq!(
        rules_found(&ws, "world/draft.txt", DRAFT),
        [
            "house-percent:4 per cent",
            "stray-script:커뮤니티",
            "stray-script:커뮤니티"
        ]
    );
    // Absolute paths resolve the same way.
    let abs = dir.path().join("korea/draft.md");
    assert_eq!(
        rules_found(&ws, abs.to_str().unwrap(), DRAFT),
        ["house-percent:4 per cent"]
    );
    let r = ws.resolve(Path::new("korea/draft.md")).unwrap();
    assert_eq!(
        r.config.as_deref(),
        Some(dir.path().join("copydesk.toml").as_path())
    );
}

#[test]
fn fixes_of_a_buffer_use_the_house_pack_and_the_file_is_replaced_on_disk() {
    let dir = project();
    let ws = Workspace::new(dir.path(), Options::default());
    let (fixed, rest) = ws
        .fix_bytes(
            Path::new("world/draft.txt"),
            b"Exports rose 4 per cent.\n".to_vec(),
        )
        .unwrap();
    assert_eq!(fixed, b"Exports rose 4%.\n");
    let Outcome::Checked(rest) = rest else {
        panic!("binary")
    };
    assert_eq!((rest.fixed, rest.diagnostics.len()), (1, 0));

    std::fs::write(dir.path().join("korea/a.txt"), "Up 7 per cent.\n").unwrap();
    let Outcome::Checked(c) = ws.check_file(Path::new("korea/a.txt"), true).unwrap() else {
        panic!("binary")
    };
    assert_eq!(c.fixed, 1);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("korea/a.txt")).unwrap(),
        "Up 7%.\n"
    );
}

#[test]
fn isolated_and_explicit_configs_and_errors_located_in_the_config() {
    let dir = project();
    let isolated = Workspace::new(
        dir.path(),
        Options {
            config: ConfigChoice::Isolated,
            ..Default::default()
        },
    );
    // No config: no house pack, Latin expected everywhere.
    assert_eq!(
        rules_found(&isolated, "korea/draft.md", DRAFT),
        ["stray-script:커뮤니티"]
    );
    std::fs::write(dir.path().join("broken.toml"), "scripts = [\"Klingon\"]\n").unwrap();
    let broken = Workspace::new(
        dir.path(),
        Options {
            config: ConfigChoice::File(dir.path().join("broken.toml")),
            ..Default::default()
        },
    );
    let Err(copydesk::Error::File(e)) = broken.resolve(Path::new("a.txt")) else {
        panic!("a bad config is an error");
    };
    assert!(e.message.contains("Klingon"), "{}", e.message);
    assert_eq!(e.line_col(), Some((1, 12)));
}

#[test]
fn a_changed_config_is_read_again_after_reload() {
    let dir = project();
    let ws = Workspace::new(dir.path(), Options::default());
    assert_eq!(rules_found(&ws, "world/a.txt", "커뮤니티 x\n").len(), 1);
    std::fs::write(
        dir.path().join("copydesk.toml"),
        "scripts = [\"Latin\", \"Hangul\"]\n",
    )
    .unwrap();
    // Cached until the front end says a config changed.
    assert_eq!(rules_found(&ws, "world/a.txt", "커뮤니티 x\n").len(), 1);
    ws.reload();
    assert!(rules_found(&ws, "world/a.txt", "커뮤니티 x\n").is_empty());
}
