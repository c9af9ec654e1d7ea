//! `copydesk report`: the audit page's numbers against counts computed
//! from the NDJSON it reads, escaping, and (ignored, run by `.ci/run`)
//! rendering in headless Chromium.

use assert_cmd::Command;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::Path;

/// Stream `docs` through `check --input-format ndjson`, then `report`;
/// returns the findings NDJSON and the page.
fn audit(dir: &Path, docs: &[Value]) -> (String, String) {
    let input: String = docs.iter().map(|d| format!("{d}\n")).collect();
    let out = Command::cargo_bin("copydesk")
        .unwrap()
        .current_dir(dir)
        .args(["check", "--isolated", "--input-format", "ndjson", "-"])
        .write_stdin(input)
        .output()
        .unwrap();
    let findings = String::from_utf8(out.stdout).unwrap();
    std::fs::write(dir.join("findings.ndjson"), &findings).unwrap();
    let status = Command::cargo_bin("copydesk")
        .unwrap()
        .current_dir(dir)
        .args(["report", "findings.ndjson", "-o", "audit.html"])
        .output()
        .unwrap()
        .status;
    assert!(status.success());
    (
        findings,
        std::fs::read_to_string(dir.join("audit.html")).unwrap(),
    )
}

/// The `data-findings` and `data-documents` of a row.
fn row(page: &str, key: &str) -> Option<(usize, usize)> {
    let at = page.find(&format!("data-key=\"{key}\" "))?;
    let rest = &page[at..];
    let num = |attr: &str| -> usize {
        let s = &rest[rest.find(&format!("{attr}=\"")).unwrap() + attr.len() + 2..];
        s[..s.find('"').unwrap()].parse().unwrap()
    };
    Some((num("data-findings"), num("data-documents")))
}

#[test]
#[cfg_attr(
    not(copydesk_corpus),
    ignore = "needs the shared corpus at ../shared/corpus"
)]
fn the_pages_numbers_are_the_ndjsons() {
    // 400 KCNA dispatches (names, dates, topics) and 150 Wikipedia
    // articles (scripts, invisible characters), with metadata as
    // examples/spark/corpus_to_ndjson.py writes it.
    let mut docs: Vec<Value> = Vec::new();
    for (i, a) in crate::util::articles("kcna2024.jsonl")
        .into_iter()
        .take(400)
        .enumerate()
    {
        let month = ["2024-01-15", "2024-02-03", "2024-03-30"][i % 3];
        let section = ["News", "Commentary"][i % 2];
        docs.push(json!({"id": a.id, "text": a.text, "date": month, "section": section}));
    }
    for a in crate::util::articles("wikipedia-unicode.jsonl")
        .into_iter()
        .take(150)
    {
        docs.push(json!({"id": a.id, "text": a.text}));
    }
    let dir = tempfile::tempdir().unwrap();
    let (findings, page) = audit(dir.path(), &docs);
    // The counts, from the NDJSON.
    let mut rules: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut months: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut sections: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut total, mut documents) = (0, 0);
    for line in findings.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let diags = v["diagnostics"].as_array().unwrap();
        documents += 1;
        total += diags.len();
        if diags.is_empty() {
            continue;
        }
        let mut seen = std::collections::HashSet::new();
        for d in diags {
            let r = rules.entry(d["rule"].as_str().unwrap().into()).or_default();
            r.0 += 1;
            if seen.insert(d["rule"].as_str().unwrap().to_string()) {
                r.1 += 1;
            }
        }
        if let Some(date) = v["date"].as_str() {
            let m = months.entry(date[..7].into()).or_default();
            m.0 += diags.len();
            m.1 += 1;
        }
        if let Some(s) = v["section"].as_str() {
            let m = sections.entry(s.into()).or_default();
            m.0 += diags.len();
            m.1 += 1;
        }
    }
    assert_eq!(documents, docs.len());
    assert!(page.contains(&format!("<b data-key=\"documents\">{documents}</b>")));
    assert!(page.contains(&format!("<b data-key=\"findings\">{total}</b>")));
    assert!(
        rules.len() >= 4,
        "{rules:?}: too few rules fire for a meaningful test"
    );
    assert_eq!(months.len(), 3);
    for (kind, map) in [("rule", &rules), ("month", &months), ("section", &sections)] {
        for (key, counts) in map {
            assert_eq!(
                row(&page, &format!("{kind}:{key}")),
                Some(*counts),
                "{kind} {key}"
            );
        }
    }
    // Every example link points at a list on the page; no link leaves it.
    let links = page.matches("href=\"#ex-").count();
    assert!(links > 10);
    assert_eq!(page.matches("href=").count(), links);
    assert_eq!(page.matches("<section id=\"ex-").count(), links);
    assert!(!page.contains("http://") && !page.contains("https://") && !page.contains("src="));
}

#[test]
fn names_group_their_spellings_and_scripts_and_mojibake_are_counted() {
    // Written for this test: one name in two spellings in each of two
    // documents, stray Hangul and Cyrillic, and UTF-8 read as Windows-1252.
    let docs = [
        json!({"id": "n1", "text": "Kim Jong-un visited the plant. Later, Kim Jong Un spoke to workers."}),
        json!({"id": "n2", "text": "Kim Jong-un arrived on Monday. Kim Jong Un left on Tuesday."}),
        json!({"id": "s1", "text": "The minister met 커뮤니티 leaders on Monday."}),
        json!({"id": "s2", "text": "The council met 커뮤니티 leaders and 사람 visitors."}),
        json!({"id": "m1", "text": "The cafÃ© on the corner reopened on Monday."}),
    ];
    let dir = tempfile::tempdir().unwrap();
    let (findings, page) = audit(dir.path(), &docs);
    let names = findings.matches("\"rule\":\"name-romanization\"").count();
    assert!(names >= 2, "{findings}");
    assert!(
        page.contains("data-form=\"Kim Jong Un\" data-documents=\"2\""),
        "{page}"
    );
    assert!(
        page.contains("data-form=\"Kim Jong-un\" data-documents=\"2\""),
        "{page}"
    );
    assert!(page.contains("data-forms=\"2\""), "{page}");
    let strays = findings.matches("\"rule\":\"stray-script\"").count();
    assert_eq!(row(&page, "script:Hangul"), Some((strays, 2)));
    assert_eq!(
        row(&page, "mojibake:UTF-8 read as Windows-1252"),
        Some((1, 1))
    );
}

#[test]
fn text_from_articles_cannot_inject_markup() {
    // Written for this test: markup in an id, in metadata and in the
    // flagged text itself.
    let docs = [json!({
        "id": "<script>alert(1)</script>",
        "section": "\"><img src=x onerror=alert(2)>",
        "date": "2024-07-10",
        "text": "The minister met <b>커뮤니티</b> leaders on Monday."
    })];
    let dir = tempfile::tempdir().unwrap();
    let (_, page) = audit(dir.path(), &docs);
    assert!(!page.contains("<script"), "{page}");
    assert!(!page.contains("<img"), "{page}");
    assert!(!page.contains("<b>커"), "{page}");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
}

#[test]
#[ignore = "needs Debian's chromium; run by .ci/run"]
fn the_page_renders_in_headless_chromium() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "chromium".into());
    let dir = tempfile::tempdir().unwrap();
    let docs = [
        json!({"id": "a1", "date": "2024-07-10", "section": "world", "text": "The minister met 커뮤니티 leaders. The cafÃ© reopened."}),
        json!({"id": "a2", "date": "2024-08-01", "section": "sport", "text": "Kim Jong-un visited. Later, Kim Jong Un spoke."}),
    ];
    let (_, _) = audit(dir.path(), &docs);
    let page = dir.path().join("audit.html");
    let run = |extra: &[&str]| {
        let profile = tempfile::tempdir().unwrap();
        let out = std::process::Command::new("timeout")
            .arg("120")
            .arg(&chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(extra)
            .arg(format!("file://{}", page.display()))
            .output()
            .expect("chromium runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let dom = run(&["--dump-dom"]);
    assert!(
        dom.contains("Findings per rule") && dom.contains("<svg"),
        "{dom}"
    );
    assert!(dom.contains("data-key=\"script:Hangul\""), "{dom}");
    let shot = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/report-screenshot.png");
    let _ = std::fs::remove_file(&shot);
    run(&[
        &format!("--screenshot={}", shot.display()),
        "--window-size=1280,2000",
    ]);
    let png = std::fs::read(&shot).expect("the screenshot was written");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "{} bytes",
        png.len()
    );
}

#[test]
fn a_document_line_is_never_taken_for_an_error_line() {
    // Written for this test: a result line of a document whose metadata
    // held an `error` key (as stream mode wrote them before such keys were
    // refused), beside a real error line.
    let dir = tempfile::tempdir().unwrap();
    let finding =
        json!({"rule": "stray-script", "text": "커뮤니티", "message": "stray Hangul text"});
    // A diagnostic that is not an object naming its rule is an error of
    // the file, not a finding of a rule named "".
    let lines = [
        json!({"id": "j", "error": "meta", "section": "world", "diagnostics": [finding]}),
        json!({"line": 2, "id": "k", "error": "<stdin>:2: a document needs a `text`"}),
        json!({"id": "l", "diagnostics": ["stray-script", {"text": "x"}, {"rule": ""}]}),
    ];
    let input: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(dir.path().join("findings.ndjson"), input).unwrap();
    let out = Command::cargo_bin("copydesk")
        .unwrap()
        .current_dir(dir.path())
        .args(["report", "findings.ndjson", "-o", "audit.html"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let page = std::fs::read_to_string(dir.path().join("audit.html")).unwrap();
    for (key, n) in [("documents", 2), ("findings", 1), ("errors", 4)] {
        assert!(
            page.contains(&format!("<b data-key=\"{key}\">{n}</b>")),
            "{key}"
        );
    }
    assert_eq!(row(&page, "rule:stray-script"), Some((1, 1)));
    assert_eq!(row(&page, "rule:"), None);
    assert!(
        page.contains("line 3: diagnostic 2 has no `rule`"),
        "{page}"
    );
    assert_eq!(row(&page, "section:world"), Some((1, 1)));
}
