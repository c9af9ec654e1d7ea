//! Keystroke latency of `copydesk lsp`, measured through the server loop:
//! a driver that speaks JSON-RPC to the binary opens a 5,000-word draft
//! (BBC articles of the shared corpus, then the seed article), then makes
//! one-character edits (a letter typed, then deleted, in the middle of the
//! draft) and times each from sending `didChange` to receiving the
//! `publishDiagnostics` of that version. Prints the median and p99.
//!
//!   benches/lsp.sh                      # builds, then runs this
//!   cargo run --release --example bench-lsp -- target/release/copydesk [ITERATIONS]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

const WORDS: usize = 5_000;

fn send(to: &mut impl Write, v: &Value) {
    let body = v.to_string();
    write!(to, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
    to.flush().unwrap();
}

fn receive(from: &mut BufReader<ChildStdout>) -> Value {
    let mut length = 0;
    loop {
        let mut line = String::new();
        assert!(from.read_line(&mut line).unwrap() > 0, "the server ended");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse().unwrap();
        }
    }
    let mut body = vec![0; length];
    from.read_exact(&mut body).unwrap();
    serde_json::from_slice(&body).unwrap()
}

/// BBC articles, a paragraph at a time, until the seed after them makes
/// 5,000 words or more; then the seed.
fn draft(corpus: &std::path::Path) -> String {
    let seed = std::fs::read_to_string(corpus.join("seed/nato-summit.txt")).unwrap();
    let seed_words = seed.split_whitespace().count();
    let bbc = std::fs::read_to_string(corpus.join("bbc2225.jsonl")).unwrap();
    let mut text = String::new();
    let mut words = 0;
    'articles: for line in bbc.lines() {
        let article: Value = serde_json::from_str(line).unwrap();
        for para in article["text"].as_str().unwrap().split("\n\n") {
            if words + seed_words >= WORDS {
                break 'articles;
            }
            let n = para.split_whitespace().count();
            text.push_str(para.trim());
            text.push_str("\n\n");
            words += n;
        }
    }
    text.push_str(&seed);
    text
}

fn main() {
    let mut args = std::env::args().skip(1);
    let bin = args
        .next()
        .unwrap_or_else(|| "target/release/copydesk".into());
    let bin = std::fs::canonicalize(&bin).unwrap_or_else(|e| panic!("{bin}: {e}"));
    let iterations: usize = args.next().map_or(400, |n| n.parse().unwrap());
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("skipping: shared corpus not found at {}", corpus.display());
        return;
    }
    let text = draft(&corpus);
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(&bin)
        .args(["lsp", "--isolated"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut to = child.stdin.take().unwrap();
    let mut from = BufReader::new(child.stdout.take().unwrap());
    send(
        &mut to,
        &json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
    );
    receive(&mut from);
    send(
        &mut to,
        &json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    );
    let uri = format!("file://{}/draft.txt", dir.path().display());
    let open = json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}});
    send(
        &mut to,
        &json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": open}),
    );
    let first = receive(&mut from);
    let findings = first["params"]["diagnostics"]
        .as_array()
        .map_or(0, Vec::len);
    // The middle line of the draft, at its start: a letter typed, then deleted.
    let line = text.lines().count() / 2;
    let mut times = Vec::with_capacity(iterations);
    for i in 0..iterations {
        let version = i as i64 + 2;
        let change = if i % 2 == 0 {
            json!({"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": "x"})
        } else {
            json!({"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 1}}, "text": ""})
        };
        let params =
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]});
        let start = Instant::now();
        send(
            &mut to,
            &json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": params}),
        );
        loop {
            let m = receive(&mut from);
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == version
            {
                break;
            }
        }
        times.push(start.elapsed());
    }
    send(
        &mut to,
        &json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}),
    );
    receive(&mut from);
    send(&mut to, &json!({"jsonrpc": "2.0", "method": "exit"}));
    let status = child.wait().unwrap();
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "lsp keystroke → diagnostics, {} words ({} bytes, {findings} findings), {iterations} edits: median {:.2} ms, p99 {:.2} ms, max {:.2} ms (server exit {})",
        text.split_whitespace().count(),
        text.len(),
        ms(at(0.5)),
        ms(at(0.99)),
        ms(times[times.len() - 1]),
        status.code().unwrap_or(-1),
    );
}
