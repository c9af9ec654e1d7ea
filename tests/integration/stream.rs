//! Stream mode (`check --input-format ndjson`): documents as NDJSON lines in,
//! one result line each out, on real text.

use assert_cmd::Command;
use serde_json::{json, Value};
use std::path::Path;

/// Run `copydesk check --input-format ndjson ARGS` on `input` in `dir`.
fn stream(dir: &Path, args: &[&str], input: &str) -> (i32, Vec<Value>, String) {
    let out = Command::cargo_bin("copydesk")
        .unwrap()
        .current_dir(dir)
        .args(["check", "--input-format", "ndjson"])
        .args(args)
        .write_stdin(input)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let stderr = String::from_utf8(out.stderr).unwrap();
    (out.status.code().unwrap_or(-1), lines, stderr)
}

fn ndjson(docs: &[Value]) -> String {
    docs.iter().map(|d| format!("{d}\n")).collect()
}

/// (rule, byte_start, byte_end) of a result line's diagnostics.
fn found(line: &Value) -> Vec<(String, u64, u64)> {
    line["diagnostics"]
        .as_array()
        .unwrap_or_else(|| panic!("no diagnostics in {line}"))
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["byte_start"].as_u64().unwrap(),
                d["byte_end"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
#[cfg_attr(
    not(copydesk_corpus),
    ignore = "needs the shared corpus at ../shared/corpus"
)]
fn the_seed_article_gives_the_findings_of_checking_its_file() {
    let seed = crate::util::corpus_dir().join("seed/nato-summit.txt");
    let text = std::fs::read_to_string(&seed).unwrap();
    let file = Command::cargo_bin("copydesk")
        .unwrap()
        .args(["check", "--isolated", "--format", "json"])
        .arg(&seed)
        .output()
        .unwrap();
    let mut expected: Vec<Value> = serde_json::from_slice(&file.stdout).unwrap();
    let input = ndjson(&[json!({"id": "seed", "text": text})]);
    let (code, lines, _) = stream(Path::new("."), &["--isolated", "-"], &input);
    assert_eq!(code, 1, "the stray Hangul word is a warning");
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["id"], "seed");
    // The same objects of the public schema, `path` naming the document.
    for d in &mut expected {
        d["path"] = json!("seed");
    }
    assert_eq!(lines[0]["diagnostics"], Value::Array(expected));
    assert_eq!(found(&lines[0])[0].0, "stray-script");
}

#[test]
#[cfg_attr(
    not(copydesk_corpus),
    ignore = "needs the shared corpus at ../shared/corpus"
)]
fn corpus_articles_in_parallel_come_out_in_input_order_with_the_libraries_findings() {
    // The first 120 articles of wikipedia-unicode.jsonl (glosses in many
    // scripts, a few real artifacts) and 80 of kcna2024.jsonl (names).
    let mut articles = crate::util::articles("wikipedia-unicode.jsonl");
    articles.truncate(120);
    articles.extend(crate::util::articles("kcna2024.jsonl").into_iter().take(80));
    let docs: Vec<Value> = articles
        .iter()
        .map(|a| json!({"id": a.id, "text": a.text}))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    // Batches of 256 documents: 200 documents in one, linted by two threads.
    let (code, lines, _) = stream(dir.path(), &["--isolated", "-j", "2", "-"], &ndjson(&docs));
    assert_eq!(lines.len(), articles.len());
    let ws = copydesk::Workspace::new(
        dir.path(),
        copydesk::workspace::Options {
            config: copydesk::workspace::ConfigChoice::Isolated,
            ..Default::default()
        },
    );
    let mut any = 0;
    let mut failed = false;
    for (a, line) in articles.iter().zip(&lines) {
        assert_eq!(line["id"], a.id.as_str(), "output out of input order");
        let checked = ws.check_text(Path::new("<stream>"), &a.text).unwrap();
        failed |= checked.failed();
        let want: Vec<_> = checked
            .diagnostics
            .iter()
            .map(|d| (d.rule.to_string(), d.span.start as u64, d.span.end as u64))
            .collect();
        assert_eq!(found(line), want, "{}", a.id);
        any += usize::from(!want.is_empty());
    }
    assert!(
        any >= 10,
        "only {any} articles with findings: the test tests little"
    );
    assert_eq!(code, i32::from(failed));
}

#[test]
fn a_malformed_line_is_an_error_line_and_the_stream_goes_on() {
    // Written for this test.
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"The minister met 커뮤니티 leaders.\"}\n",
        "{\"id\": \"b\", \"text\": \"unterminated\n",
        "\n",
        "{\"text\": \"no id here\"}\n",
        "{\"id\": \"d\", \"text\": 42}\n",
        "[1, 2]\n",
        "{\"id\": \"e\", \"text\": \"Clean copy.\"}\n",
    );
    let (code, lines, stderr) = stream(Path::new("."), &["--isolated"], input);
    assert_eq!(code, 2, "lines that could not be linted exit 2");
    assert!(
        stderr.contains("4 input line(s) could not be linted"),
        "{stderr}"
    );
    let ids: Vec<_> = lines.iter().map(|l| l["id"].clone()).collect();
    assert_eq!(
        ids,
        [
            json!("a"),
            Value::Null,
            Value::Null,
            json!("d"),
            Value::Null,
            json!("e")
        ]
    );
    assert_eq!(found(&lines[0])[0].0, "stray-script");
    let errors: Vec<(u64, &str)> = lines
        .iter()
        .filter(|l| l.get("error").is_some())
        .map(|l| (l["line"].as_u64().unwrap(), l["error"].as_str().unwrap()))
        .collect();
    assert_eq!(errors.len(), 4);
    // Line 3 is blank (skipped): lines are counted as the file has them.
    assert_eq!(errors[0].0, 2);
    assert!(
        errors[0]
            .1
            .starts_with("<stdin>:2:33: EOF while parsing a string"),
        "{}",
        errors[0].1
    );
    assert_eq!(errors[1], (4, "<stdin>:4: a document needs an `id`"));
    assert_eq!(errors[2], (5, "<stdin>:5: `text` must be a string"));
    assert!(errors[3].1.starts_with("<stdin>:6:"), "{}", errors[3].1);
    assert_eq!(lines[5]["diagnostics"], json!([]));
}

/// A byte-order mark before the first line (as Windows tools write) and a
/// lone surrogate escape in a text (a headline cut inside an emoji, as
/// JavaScript writes it) are read, not refused (text written for this
/// test).
#[test]
fn a_leading_bom_and_a_lone_surrogate_escape_are_read() {
    let input = "\u{FEFF}{\"id\": \"bom\", \"text\": \"The minister met 커뮤니티 leaders.\"}\n\
                 {\"id\": \"cut\", \"text\": \"Cut here \\ud83d and 커뮤니티 there.\"}\n";
    let (code, lines, stderr) = stream(Path::new("."), &["--isolated"], input);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "bom");
    assert_eq!(found(&lines[0])[0].0, "stray-script");
    assert_eq!(lines[1]["id"], "cut");
    let rules: Vec<String> = found(&lines[1]).into_iter().map(|f| f.0).collect();
    assert!(rules.contains(&"stray-script".to_string()), "{rules:?}");
}

#[test]
fn metadata_passes_through_unchanged_in_input_order() {
    // Written for this test.
    let input = "{\"section\": \"world\", \"id\": 7, \"date\": \"2024-07-10\", \"text\": \"Clean copy.\", \"score\": 1.50, \"tags\": {\"b\": 1, \"a\": [true, null]}}\n";
    let (code, _, _) = stream(Path::new("."), &["--isolated"], input);
    assert_eq!(code, 0);
    let out = Command::cargo_bin("copydesk")
        .unwrap()
        .args(["check", "--isolated", "--input-format", "ndjson"])
        .write_stdin(input)
        .output()
        .unwrap();
    // Byte for byte: `1.50` stays `1.50`, the object keeps its key order.
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "{\"id\":7,\"section\":\"world\",\"date\":\"2024-07-10\",\"score\":1.50,\"tags\":{\"b\": 1, \"a\": [true, null]},\"diagnostics\":[]}\n"
    );
}

#[test]
fn format_markdown_mdx_and_html_read_the_text_as_those_formats() {
    // Written for this test: a Korean word in a Markdown code span and in
    // an HTML comment is not prose; read as plain text, it is.
    let md = "Type `커뮤니티` into the search box.";
    let html = "<p>The minister spoke.</p><!-- 커뮤니티 --><p>Leaders met.</p>";
    let mdx = "import Map from './커뮤니티-map.js'\n\n<Figure credit=\"커뮤니티\">\nLeaders met.\n</Figure>\n";
    let docs = [
        json!({"id": "md", "format": "markdown", "text": md}),
        json!({"id": "md-plain", "text": md}),
        json!({"id": "html", "format": "html", "text": html}),
        json!({"id": "html-plain", "format": "text", "text": html}),
        // A path's extension picks the format when `format` is absent.
        json!({"id": "html-path", "path": "desk/page.html", "text": html}),
        // MDX: an import and a component's attribute are code; read as
        // Markdown, the import is prose.
        json!({"id": "mdx", "format": "mdx", "text": mdx}),
        json!({"id": "mdx-path", "path": "desk/page.mdx", "text": mdx}),
        json!({"id": "mdx-markdown", "format": "markdown", "text": mdx}),
    ];
    let (_, lines, _) = stream(Path::new("."), &["--isolated"], &ndjson(&docs));
    let rules = |i: usize| -> Vec<String> { found(&lines[i]).into_iter().map(|f| f.0).collect() };
    assert!(rules(0).is_empty(), "{:?}", lines[0]);
    assert_eq!(rules(1), ["stray-script"]);
    assert!(rules(2).is_empty(), "{:?}", lines[2]);
    assert_eq!(rules(3), ["stray-script"]);
    assert!(rules(4).is_empty(), "{:?}", lines[4]);
    assert_eq!(lines[4]["diagnostics"], json!([]));
    assert_eq!(lines[5]["diagnostics"], json!([]));
    assert_eq!(lines[6]["diagnostics"], json!([]));
    assert_eq!(rules(7), ["stray-script"]);
}

#[test]
fn a_path_picks_the_configs_override() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("copydesk.toml"),
        "[[overrides]]\nfiles = [\"desk/korea/**\"]\nignore = [\"stray-script\"]\n",
    )
    .unwrap();
    // Written for this test.
    let text = "The minister met 커뮤니티 leaders in Seoul.";
    let docs = [
        json!({"id": 1, "path": "desk/korea/a.txt", "text": text}),
        json!({"id": 2, "path": "desk/world/a.txt", "text": text}),
        json!({"id": 3, "text": text}),
    ];
    let (code, lines, _) = stream(dir.path(), &[], &ndjson(&docs));
    assert_eq!(code, 1);
    assert_eq!(found(&lines[0]), []);
    assert_eq!(found(&lines[1])[0].0, "stray-script");
    assert_eq!(lines[1]["diagnostics"][0]["path"], "desk/world/a.txt");
    assert_eq!(found(&lines[2])[0].0, "stray-script");
    assert_eq!(lines[2]["diagnostics"][0]["path"], "3");
}

#[test]
fn ndjson_files_named_on_the_command_line_are_read_in_order() {
    let dir = tempfile::tempdir().unwrap();
    // Written for this test.
    std::fs::write(
        dir.path().join("a.ndjson"),
        "{\"id\":\"a1\",\"text\":\"One.\"}\n{\"id\":\"a2\",\"text\":\"Two.\"}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.ndjson"),
        "{\"id\":\"b1\",\"text\":\"Caf\u{c3}\u{a9} au lait.\"}",
    )
    .unwrap();
    let out = Command::cargo_bin("copydesk")
        .unwrap()
        .current_dir(dir.path())
        .args([
            "check",
            "--isolated",
            "--input-format",
            "ndjson",
            "a.ndjson",
            "b.ndjson",
            "missing.ndjson",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let ids: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].clone())
        .collect();
    assert_eq!(ids, [json!("a1"), json!("a2"), json!("b1")]);
    assert!(
        stdout
            .lines()
            .nth(2)
            .unwrap()
            .contains("\"rule\":\"mojibake\""),
        "{stdout}"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("missing.ndjson"), "{stderr}");
    assert_eq!(
        out.status.code(),
        Some(2),
        "an input that cannot be read exits 2"
    );
}

#[test]
fn stream_mode_refuses_options_that_need_files() {
    for extra in [
        &["--fix"][..],
        &["--format", "json"],
        &["--statistics"],
        &["--diff"],
    ] {
        let out = Command::cargo_bin("copydesk")
            .unwrap()
            .args(["check", "--input-format", "ndjson"])
            .args(extra)
            .write_stdin("")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{extra:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("cannot be used with"),
            "{extra:?}"
        );
    }
}

#[test]
fn metadata_named_like_an_output_key_is_refused_on_its_line() {
    // Written for this test: `line`, `error` and `diagnostics` are the
    // output's own keys; a document carrying one as metadata would give a
    // line with the key twice, or one that reads as an error line.
    let text = "Leaders met 커뮤니티 here.";
    let input = ndjson(&[
        json!({"id": "i", "text": text, "diagnostics": "x"}),
        json!({"id": "j", "text": text, "error": "meta"}),
        json!({"id": "k", "text": text, "line": 3}),
        json!({"id": "m", "text": text, "errors": "fine", "section": "world"}),
    ]);
    let out = Command::cargo_bin("copydesk")
        .unwrap()
        .args(["check", "--isolated", "--input-format", "ndjson"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "a document not linted exits 2");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    for (n, (id, key)) in [("i", "diagnostics"), ("j", "error"), ("k", "line")]
        .into_iter()
        .enumerate()
    {
        let l = &lines[n];
        assert_eq!(l["id"], json!(id));
        assert_eq!(l["line"], json!(n + 1));
        assert_eq!(
            l["error"],
            json!(format!(
                "<stdin>:{}: metadata key `{key}` is one of the output's own keys (`line`, `error`, `diagnostics`); rename it",
                n + 1
            ))
        );
        assert!(l.get("diagnostics").is_none(), "{l}");
    }
    // Each key appears once in every line written.
    for raw in stdout.lines() {
        for key in ["\"diagnostics\":", "\"error\":", "\"line\":"] {
            assert!(raw.matches(key).count() <= 1, "{raw}");
        }
    }
    // Other keys pass through, even ones that look like them.
    assert_eq!(
        stdout
            .lines()
            .nth(3)
            .unwrap()
            .split(",\"diagnostics\"")
            .next(),
        Some("{\"id\":\"m\",\"errors\":\"fine\",\"section\":\"world\"")
    );
    assert_eq!(found(&lines[3])[0].0, "stray-script");
}
