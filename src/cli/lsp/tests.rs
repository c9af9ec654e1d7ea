//! The protocol loop in process, with every message queued before it runs:
//! what one batch does is then certain (the integration tests drive the
//! binary, where batches depend on timing).

use super::server::{serve, Setup};
use super::transport::Incoming;
use serde_json::{json, Value};
use std::sync::mpsc;

fn message(v: Value) -> Incoming {
    Incoming::Message(serde_json::from_value(v).expect("a JSON-RPC message"))
}

fn request(id: i32, method: &str, params: Value) -> Incoming {
    message(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
}

fn notification(method: &str, params: Value) -> Incoming {
    message(json!({"jsonrpc": "2.0", "method": method, "params": params}))
}

/// Run the server over `input` (then the input ends): its exit code and
/// every message it wrote.
fn run(input: Vec<Incoming>) -> (u8, Vec<Value>) {
    let dir = tempfile::tempdir().unwrap();
    let (tx, rx) = mpsc::channel();
    for m in input {
        tx.send(m).unwrap();
    }
    drop(tx);
    let mut out = Vec::new();
    let setup = Setup {
        options: copydesk::workspace::Options {
            config: copydesk::workspace::ConfigChoice::Isolated,
            ..Default::default()
        },
        docs_url: None,
        cwd: dir.path().to_path_buf(),
    };
    let code = serve(rx, &mut out, setup);
    // Raw frames: an error answering no request has a null id, which is no
    // `lsp_server::Message`.
    let mut written = Vec::new();
    let mut rest = &out[..];
    while !rest.is_empty() {
        let text = std::str::from_utf8(rest).unwrap();
        let head_end = text.find("\r\n\r\n").expect("a header block");
        let length: usize = text[..head_end]
            .strip_prefix("Content-Length: ")
            .and_then(|n| n.parse().ok())
            .expect("a Content-Length header");
        let body = &rest[head_end + 4..head_end + 4 + length];
        written.push(serde_json::from_slice(body).expect("JSON"));
        rest = &rest[head_end + 4 + length..];
    }
    (code, written)
}

fn initialize() -> Incoming {
    request(1, "initialize", json!({"capabilities": {}}))
}

const URI: &str = "file:///desk/story.txt";

fn change(version: i32, text: &str) -> Incoming {
    notification(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": version},
               "contentChanges": [{"text": text}]}),
    )
}

/// Three edits queued behind the open are linted once, at the last
/// version; a code action cancelled in the same batch is answered
/// RequestCancelled, the next one against the latest text (texts written
/// for this test).
#[test]
fn queued_edits_are_linted_once_at_their_latest_version() {
    let open = notification(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "plaintext", "version": 1,
               "text": "The Seoul desk said.\n"}}),
    );
    let latest = "The Seoul 커뮤니티 desk said.\n";
    let range = json!({"start": {"line": 0, "character": 10}, "end": {"line": 0, "character": 10}});
    let actions =
        json!({"textDocument": {"uri": URI}, "range": range, "context": {"diagnostics": []}});
    let (code, out) = run(vec![
        initialize(),
        notification("initialized", json!({})),
        open,
        change(2, "The Seoul desk\n"),
        change(3, latest),
        request(2, "textDocument/codeAction", actions.clone()),
        notification("$/cancelRequest", json!({"id": 2})),
        request(3, "textDocument/codeAction", actions),
    ]);
    assert_eq!(code, 1, "the input ended without exit");
    let published: Vec<&Value> = out
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .collect();
    assert_eq!(published.len(), 1, "{out:#?}");
    assert_eq!(published[0]["params"]["version"], 3);
    let diagnostics = published[0]["params"]["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0]["code"], "stray-script");
    let cancelled = out.iter().find(|m| m["id"] == 2).unwrap();
    assert_eq!(cancelled["error"]["code"], -32800);
    let answered = out.iter().find(|m| m["id"] == 3).unwrap();
    let titles: Vec<&str> = answered["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"Disable stray-script for this line"),
        "{titles:?}"
    );
}

/// Before `initialize`, requests are refused and the server waits; a bad
/// message is answered with a parse error.
#[test]
fn requests_before_initialize_are_refused() {
    let (code, out) = run(vec![
        request(7, "textDocument/codeAction", json!({})),
        Incoming::Malformed("not JSON".into()),
        initialize(),
        request(8, "shutdown", Value::Null),
        request(9, "textDocument/codeAction", json!({})),
        notification("exit", Value::Null),
    ]);
    assert_eq!(code, 0);
    assert_eq!(out[0]["error"]["code"], -32002);
    assert_eq!(out[1]["error"]["code"], -32700);
    assert_eq!(out[2]["id"], 1);
    assert_eq!(
        out[2]["result"]["capabilities"]["positionEncoding"],
        "utf-16"
    );
    assert_eq!(out[3]["id"], 8);
    assert_eq!(out[4]["error"]["code"], -32600, "requests after shutdown");
}
