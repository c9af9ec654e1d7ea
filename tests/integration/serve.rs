//! `copydesk serve`, started for real on a free loopback port and spoken to
//! over raw HTTP/1.1: every endpoint, the error answers, the token, the
//! virtual path, SIGHUP. Drafts are written for these tests unless a corpus
//! file is named.
#![cfg(feature = "serve")]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A running server; killed when dropped.
pub struct Server {
    child: Child,
    pub addr: String,
    /// Its standard error, as it comes.
    log: Arc<Mutex<String>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// `copydesk serve --listen 127.0.0.1:0 ARGS` in folder `dir`.
    pub fn start(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_copydesk"));
        cmd.args(["serve", "--listen", "127.0.0.1:0"])
            .args(args)
            .current_dir(dir)
            .env_remove("COPYDESK_TOKEN")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("copydesk serve starts");
        let mut err = BufReader::new(child.stderr.take().unwrap());
        let mut first = String::new();
        err.read_line(&mut first).unwrap();
        let addr = first
            .trim()
            .strip_prefix("copydesk: listening on http://")
            .unwrap_or_else(|| panic!("no address in {first:?}"))
            .to_string();
        let log = Arc::new(Mutex::new(String::new()));
        let sink = log.clone();
        std::thread::spawn(move || {
            for line in err.lines().map_while(Result::ok) {
                let mut s = sink.lock().unwrap();
                s.push_str(&line);
                s.push('\n');
            }
        });
        Server { child, addr, log }
    }

    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// One request; returns the status, the headers (lower-cased) and the body.
    pub fn raw(&self, head: &str, body: &[u8]) -> (u16, String, Vec<u8>) {
        let mut s = TcpStream::connect(&self.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        s.write_all(head.as_bytes()).unwrap();
        s.write_all(body).unwrap();
        let mut out = Vec::new();
        s.read_to_end(&mut out).unwrap();
        parse_response(&out)
    }

    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[&str],
        body: &[u8],
    ) -> (u16, String, Vec<u8>) {
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.addr,
            body.len()
        );
        for h in headers {
            head.push_str(h);
            head.push_str("\r\n");
        }
        head.push_str("\r\n");
        self.raw(&head, body)
    }

    /// POST a JSON value; the status and the JSON answer.
    pub fn post(&self, path: &str, body: &Value, headers: &[&str]) -> (u16, Value) {
        let mut h = vec!["Content-Type: application/json"];
        h.extend_from_slice(headers);
        let (status, _, b) = self.request("POST", path, &h, body.to_string().as_bytes());
        (status, serde_json::from_slice(&b).expect("a JSON answer"))
    }

    pub fn get(&self, path: &str) -> (u16, Value) {
        let (status, _, b) = self.request("GET", path, &[], b"");
        (status, serde_json::from_slice(&b).expect("a JSON answer"))
    }
}

fn parse_response(raw: &[u8]) -> (u16, String, Vec<u8>) {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no response head in {:?}", String::from_utf8_lossy(raw)));
    let head = String::from_utf8_lossy(&raw[..split]).to_lowercase();
    let status = head[9..12].parse().unwrap();
    let mut body = raw[split + 4..].to_vec();
    if head.contains("transfer-encoding: chunked") {
        let mut out = Vec::new();
        let mut rest = &body[..];
        while let Some(eol) = rest.windows(2).position(|w| w == b"\r\n") {
            let n = usize::from_str_radix(std::str::from_utf8(&rest[..eol]).unwrap().trim(), 16)
                .unwrap();
            if n == 0 {
                break;
            }
            out.extend_from_slice(&rest[eol + 2..eol + 2 + n]);
            rest = &rest[eol + 4 + n..];
        }
        body = out;
    }
    (status, head, body)
}

fn isolated() -> (tempfile::TempDir, Server) {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &["--isolated"], &[]);
    (dir, server)
}

/// UTF-16 offset of byte offset `b` of `text`, as JavaScript counts.
fn utf16(text: &str, b: usize) -> u64 {
    text[..b].encode_utf16().count() as u64
}

#[test]
#[cfg_attr(not(copydesk_corpus), ignore = "needs ../shared/corpus")]
fn serve_check_seed_article_gives_one_finding_with_utf16_offsets() {
    let path = crate::util::corpus_dir().join("seed/nato-summit.txt");
    let seed = std::fs::read_to_string(&path).unwrap();
    let (_dir, server) = isolated();
    let (status, v) = server.post("/v1/check", &json!({ "text": seed }), &[]);
    assert_eq!(status, 200, "{v}");
    let diags = v["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1, "{v}");
    let d = &diags[0];
    assert_eq!(
        (d["rule"].as_str(), d["text"].as_str()),
        (Some("stray-script"), Some("커뮤니티"))
    );
    let b = seed.find("커뮤니티").unwrap();
    assert_eq!(d["byte_start"], b);
    assert_eq!(d["utf16_start"], utf16(&seed, b));
    assert_eq!(d["utf16_end"], utf16(&seed, b) + 4);
    let fix = &d["fixes"][0];
    assert_eq!(
        fix["utf16_start"],
        utf16(&seed, fix["byte_start"].as_u64().unwrap() as usize)
    );
    assert_eq!(
        fix["utf16_end"],
        utf16(&seed, fix["byte_end"].as_u64().unwrap() as usize)
    );
    // The public JSON schema, field for field, plus the UTF-16 offsets.
    let cli = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--isolated", "--format", "json", "-"])
        .stdin(std::fs::File::open(&path).unwrap())
        .output()
        .unwrap();
    let mut expected: Value = serde_json::from_slice::<Value>(&cli.stdout).unwrap()[0].clone();
    // A request without a path is reported as `-`.
    expected["path"] = json!("-");
    expected["utf16_start"] = d["utf16_start"].clone();
    expected["utf16_end"] = d["utf16_end"].clone();
    expected["fixes"][0]["utf16_start"] = fix["utf16_start"].clone();
    expected["fixes"][0]["utf16_end"] = fix["utf16_end"].clone();
    assert_eq!(d, &expected);
}

#[test]
fn serve_utf16_offsets_count_emoji_before_a_finding() {
    let (_dir, server) = isolated();
    let text = "😀😀 The leaders met the 커뮤니티 on Tuesday in Washington.";
    let (_, v) = server.post("/v1/check", &json!({ "text": text, "format": "text" }), &[]);
    let d = &v["diagnostics"][0];
    assert_eq!(d["text"], "커뮤니티", "{v}");
    let b = text.find("커뮤니티").unwrap();
    // Two emoji are four UTF-16 units, not two characters.
    assert_eq!(d["utf16_start"], 25);
    assert_eq!(d["utf16_start"], utf16(text, b));
    assert_eq!(d["column"], 24);
}

#[test]
fn serve_fix_applies_safe_fixes_and_suggestions_only_when_asked() {
    let (_dir, server) = isolated();
    // The draft of tests/integration/fixes.rs: inside the quotation the
    // deletion is a suggestion, outside it is safe.
    let draft = "“We will go,” the 커뮤니티 said. The plan, 커뮤니티, went ahead.\n";
    let (status, v) = server.post("/v1/fix", &json!({ "text": draft }), &[]);
    assert_eq!(status, 200, "{v}");
    assert_eq!(
        v["text"],
        "“We will go,” the 커뮤니티 said. The plan, went ahead.\n"
    );
    assert_eq!(v["applied"], 1);
    let fixes = v["fixes"].as_array().unwrap();
    assert_eq!(fixes.len(), 1, "{v}");
    assert_eq!(fixes[0]["applicability"], "safe");
    let b = draft.rfind("커뮤니티").unwrap();
    assert_eq!(fixes[0]["byte_start"], b);
    assert_eq!(fixes[0]["utf16_start"], utf16(draft, b));
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v["diagnostics"][0]["fixes"][0]["applicability"], "unsafe");
    let (_, v) = server.post(
        "/v1/fix",
        &json!({ "text": draft, "unsafe_fixes": true }),
        &[],
    );
    assert_eq!(v["text"], "“We will go,” the said. The plan, went ahead.\n");
    assert_eq!(v["applied"], 2);
    assert_eq!(v["diagnostics"], json!([]));
}

/// A desk config whose override switches the stray-script rule off under
/// `desk/korea/`.
const DESK_CONFIG: &str =
    "[[overrides]]\nfiles = [\"desk/korea/**\"]\nignore = [\"stray-script\"]\n";
const STRAY: &str = "The leaders met the 커뮤니티 on Tuesday in Washington.";

fn rules_found(server: &Server, body: Value) -> Vec<String> {
    let (status, v) = server.post("/v1/check", &body, &[]);
    assert_eq!(status, 200, "{v}");
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn serve_virtual_path_picks_overrides_and_reads_no_file() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("srv");
    std::fs::create_dir_all(root.join("desk/korea")).unwrap();
    std::fs::write(root.join("copydesk.toml"), DESK_CONFIG).unwrap();
    // A broken config outside the root, and one in a folder under it: were
    // either read for a request, the answer would be an error.
    std::fs::create_dir_all(tmp.path().join("other")).unwrap();
    std::fs::write(tmp.path().join("other/copydesk.toml"), "scripts = 3\n").unwrap();
    std::fs::write(root.join("desk/korea/copydesk.toml"), "scripts = 3\n").unwrap();
    let server = Server::start(&root, &[], &[]);
    assert_eq!(
        rules_found(&server, json!({ "text": STRAY })),
        ["stray-script"]
    );
    assert!(rules_found(
        &server,
        json!({ "text": STRAY, "path": "desk/korea/a.txt" })
    )
    .is_empty());
    assert!(rules_found(
        &server,
        json!({ "text": STRAY, "path": "/desk/korea/a.md" })
    )
    .is_empty());
    for path in [
        "../other/a.txt",
        "../../etc/passwd",
        "/etc/passwd",
        "../../../../../../etc/shadow",
    ] {
        let (status, v) = server.post("/v1/check", &json!({ "text": STRAY, "path": path }), &[]);
        assert_eq!(status, 200, "{path}: {v}");
        assert_eq!(v["diagnostics"].as_array().unwrap().len(), 1, "{path}: {v}");
        assert_eq!(v["diagnostics"][0]["path"], path);
        // The text linted is the request's, never the file's.
        assert_eq!(v["diagnostics"][0]["text"], "커뮤니티");
    }
}

#[test]
fn serve_format_picks_the_parser() {
    let (_dir, server) = isolated();
    // In Markdown a code span is not prose; in plain text it is.
    let text = "See `커뮤니티` in the code.\n";
    assert_eq!(
        rules_found(&server, json!({ "text": text, "format": "text" })),
        ["stray-script"]
    );
    assert!(rules_found(&server, json!({ "text": text, "format": "markdown" })).is_empty());
    assert!(rules_found(&server, json!({ "text": text, "path": "a.md" })).is_empty());
    // The format, when given, wins over the path's extension.
    assert_eq!(
        rules_found(
            &server,
            json!({ "text": text, "path": "a.md", "format": "text" })
        ),
        ["stray-script"]
    );
    let html = "<p>The leaders met the <b>커뮤니티</b> on Tuesday.</p><!-- 커뮤니티 -->";
    assert_eq!(
        rules_found(&server, json!({ "text": html, "format": "html" })),
        ["stray-script"]
    );
}

#[test]
fn serve_requires_the_token_when_given_one() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(
        dir.path(),
        &["--isolated"],
        &[("COPYDESK_TOKEN", "s3cret-token-1")],
    );
    let body = json!({ "text": STRAY });
    let (status, _, b) = server.request(
        "POST",
        "/v1/check",
        &["Content-Type: application/json"],
        body.to_string().as_bytes(),
    );
    assert_eq!(status, 401);
    assert!(String::from_utf8_lossy(&b).contains("bearer token"));
    let (status, _) = server.post(
        "/v1/check",
        &body,
        &["Authorization: Bearer s3cret-token-2"],
    );
    assert_eq!(status, 401);
    let (status, _) = server.post(
        "/v1/check",
        &body,
        &["Authorization: Bearer s3cret-token-1"],
    );
    assert_eq!(status, 200);
    // The scheme is case-insensitive (RFC 7235 §2.1); the token is not.
    for auth in [
        "Authorization: bearer s3cret-token-1",
        "Authorization: BEARER s3cret-token-1",
        "Authorization: bEaReR  s3cret-token-1",
    ] {
        assert_eq!(server.post("/v1/check", &body, &[auth]).0, 200, "{auth}");
    }
    for auth in [
        "Authorization: bearer S3CRET-TOKEN-1",
        "Authorization: bearers3cret-token-1",
        "Authorization: Basic s3cret-token-1",
    ] {
        assert_eq!(server.post("/v1/check", &body, &[auth]).0, 401, "{auth}");
    }
    let (status, _, _) = server.request("GET", "/v1/rules", &[], b"");
    assert_eq!(status, 401);
    // Health, the page and the description carry no data.
    assert_eq!(server.get("/healthz").0, 200);
    assert_eq!(server.request("GET", "/", &[], b"").0, 200);
    // The description requires the token everywhere but on /healthz.
    let (_, doc) = server.get("/openapi.json");
    assert_eq!(doc["security"], json!([{ "bearer": [] }]));
    assert_eq!(doc["paths"]["/healthz"]["get"]["security"], json!([]));
    for (p, m) in [
        ("/v1/check", "post"),
        ("/v1/fix", "post"),
        ("/v1/rules", "get"),
    ] {
        assert!(doc["paths"][p][m].get("security").is_none(), "{p}");
    }
    drop(server);
    // From a file (white space around it dropped).
    std::fs::write(dir.path().join("token"), "from-a-file\n").unwrap();
    let server = Server::start(dir.path(), &["--isolated", "--token-file", "token"], &[]);
    assert_eq!(
        server
            .post("/v1/check", &body, &["Authorization: Bearer from-a-file"])
            .0,
        200
    );
    assert_eq!(
        server
            .post("/v1/check", &body, &["Authorization: Bearer from-a-fil"])
            .0,
        401
    );
}

#[test]
fn serve_answers_bad_requests_with_json_errors_and_keeps_serving() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(
        dir.path(),
        &["--isolated", "--max-body", "1000", "--timeout", "4"],
        &[],
    );
    let json_ct = ["Content-Type: application/json"];
    // (what, body, headers, status, the error says)
    type Case<'a> = (&'a str, Vec<u8>, &'a [&'a str], u16, &'a str);
    let cases: Vec<Case> = vec![
        (
            "big",
            format!("{{\"text\": \"{}\"}}", "a".repeat(2000)).into_bytes(),
            &json_ct,
            413,
            "1000 bytes",
        ),
        (
            "malformed",
            b"{\"text\": \"a\"".to_vec(),
            &json_ct,
            400,
            "malformed JSON",
        ),
        (
            "not UTF-8",
            b"{\"text\": \"caf\xe9\"}".to_vec(),
            &json_ct,
            400,
            "not valid UTF-8",
        ),
        (
            "form",
            b"text=a".to_vec(),
            &["Content-Type: application/x-www-form-urlencoded"],
            415,
            "application/json",
        ),
        (
            "no type",
            b"{\"text\": \"a\"}".to_vec(),
            &[],
            415,
            "application/json",
        ),
        (
            "no text",
            b"{\"path\": \"a.md\"}".to_vec(),
            &json_ct,
            422,
            "missing field `text`",
        ),
        (
            "unknown field",
            b"{\"text\": \"a\", \"lang\": \"en\"}".to_vec(),
            &json_ct,
            422,
            "unknown field `lang`",
        ),
        (
            "unknown format",
            b"{\"text\": \"a\", \"format\": \"docx\"}".to_vec(),
            &json_ct,
            422,
            "unknown variant `docx`",
        ),
        (
            "array",
            b"[]".to_vec(),
            &json_ct,
            422,
            "must be a JSON object",
        ),
        (
            "fields as an array",
            "[\"x 커뮤니티 y\"]".as_bytes().to_vec(),
            &json_ct,
            422,
            "must be a JSON object",
        ),
        (
            "a string",
            b"\"text\"".to_vec(),
            &json_ct,
            422,
            "must be a JSON object",
        ),
        (
            "null format",
            b"{\"text\": \"a\", \"format\": null}".to_vec(),
            &json_ct,
            422,
            "invalid type: null",
        ),
    ];
    for (what, body, headers, want, says) in cases {
        let (status, head, b) = server.request("POST", "/v1/check", headers, &body);
        let v: Value = serde_json::from_slice(&b).unwrap_or_else(|_| panic!("{what}: {b:?}"));
        assert_eq!(status, want, "{what}: {v}");
        assert!(
            head.contains("content-type: application/json"),
            "{what}: {head}"
        );
        assert!(v["error"].as_str().unwrap().contains(says), "{what}: {v}");
    }
    // A body larger than the limit without a Content-Length (chunked).
    let head = format!(
        "POST /v1/check HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n",
        1500
    );
    let (status, _, _) = server.raw(
        &head,
        format!("{}\r\n0\r\n\r\n", "a".repeat(1500)).as_bytes(),
    );
    assert_eq!(status, 413);
    assert_eq!(server.request("GET", "/nowhere", &[], b"").0, 404);
    let (status, head, _) = server.request("GET", "/v1/check", &[], b"");
    assert_eq!(status, 405);
    assert!(head.contains("allow: post"), "{head}");
    // A client that sends half its body and stops: 408 after --timeout.
    let started = Instant::now();
    let head = "POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n";
    let (status, _, b) = server.raw(head, b"{\"text\": \"a");
    assert_eq!(status, 408, "{}", String::from_utf8_lossy(&b));
    assert!(started.elapsed() < Duration::from_secs(10));
    // One that never finishes its headers is cut off.
    let mut s = TcpStream::connect(&server.addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    assert!(!out.windows(3).any(|w| w == b"200"), "{out:?}");
    assert!(started.elapsed() < Duration::from_secs(20));
    // And the server still serves.
    assert_eq!(
        server.get("/healthz"),
        (
            200,
            json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") })
        )
    );
    assert_eq!(
        rules_found(&server, json!({ "text": STRAY })),
        ["stray-script"]
    );
}

#[test]
fn serve_lists_rules_and_describes_itself() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("copydesk.toml"),
        "ignore = [\"mixed-script\"]\n",
    )
    .unwrap();
    let server = Server::start(
        dir.path(),
        &["--docs-url", "https://desk.example/rules"],
        &[],
    );
    let (status, v) = server.get("/v1/rules");
    assert_eq!(status, 200);
    let rules = v["rules"].as_array().unwrap();
    let rule = |id: &str| rules.iter().find(|r| r["id"] == id).unwrap().clone();
    let stray = rule("stray-script");
    assert_eq!(stray["enabled"], true);
    assert_eq!(stray["docs"], "https://desk.example/rules#stray-script");
    assert!(stray["description"]
        .as_str()
        .unwrap()
        .contains("copy-paste"));
    assert_eq!(rule("mixed-script")["enabled"], false);
    let (status, doc) = server.get("/openapi.json");
    assert_eq!(status, 200);
    assert_eq!(doc["openapi"], "3.0.3");
    for p in ["/v1/check", "/v1/fix", "/v1/rules", "/healthz"] {
        assert!(doc["paths"][p].is_object(), "{p}");
    }
    for p in ["/v1/check", "/v1/fix"] {
        let responses = &doc["paths"][p]["post"]["responses"];
        for code in [
            "200", "400", "401", "408", "413", "415", "422", "500", "503",
        ] {
            assert!(responses[code].is_object(), "{p} {code}");
        }
        assert!(doc["paths"][p]["post"].get("security").is_none());
    }
    // Without a token the bearer scheme is optional (a client generated
    // from this document can still send one); health is open.
    assert_eq!(doc["security"], json!([{ "bearer": [] }, {}]));
    assert_eq!(doc["paths"]["/healthz"]["get"]["security"], json!([]));
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    // The schemas say what the server really sends: every field of a real
    // answer is a property, and every required field is there.
    let schemas = &doc["components"]["schemas"];
    let (_, v) = server.post("/v1/check", &json!({ "text": STRAY }), &[]);
    let (_, fixed) = server.post(
        "/v1/fix",
        &json!({ "text": STRAY, "unsafe_fixes": true }),
        &[],
    );
    let closed = |schema: &str, value: &Value| {
        let s = &schemas[schema];
        assert_eq!(s["additionalProperties"], false, "{schema}");
        let props: Vec<&String> = s["properties"].as_object().unwrap().keys().collect();
        let mut keys: Vec<&String> = value.as_object().unwrap().keys().collect();
        let mut required: Vec<&str> = s["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap())
            .collect();
        keys.sort();
        required.sort();
        let mut props = props.clone();
        props.sort();
        assert_eq!(
            keys.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
            required,
            "{schema}"
        );
        assert_eq!(keys, props, "{schema}");
    };
    closed("CheckResponse", &v);
    closed("Diagnostic", &v["diagnostics"][0]);
    closed("DiagnosticFix", &v["diagnostics"][0]["fixes"][0]);
    closed("FixResponse", &fixed);
    closed("AppliedFix", &fixed["fixes"][0]);
    closed("Rule", &rules[0]);
    closed("Health", &server.get("/healthz").1);
}

/// Each answer the server really gives an operation, its layers' (body
/// limit, in-flight limit, timeout, token) included, is one the
/// description lists for it, with the headers it says.
#[test]
fn serve_openapi_lists_the_answers_each_operation_gives() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(
        dir.path(),
        &[
            "--isolated",
            "--max-concurrent",
            "1",
            "--max-body",
            "1000",
            "--timeout",
            "12",
        ],
        &[("COPYDESK_TOKEN", "s3cret")],
    );
    let auth = "Authorization: Bearer s3cret";
    let (_, doc) = server.get("/openapi.json");
    let mut seen: Vec<(&str, &str, u16, String)> = Vec::new();
    let mut ask = |method: &'static str, path: &'static str, headers: &[&str], body: &[u8]| {
        let (status, head, _) = server.request(method, path, headers, body);
        seen.push((method, path, status, head));
        status
    };
    assert_eq!(ask("GET", "/healthz", &[], b""), 200);
    assert_eq!(ask("GET", "/v1/rules", &[auth], b""), 200);
    assert_eq!(ask("GET", "/v1/rules", &[], b""), 401);
    // A body announced over the limit is refused before any handler.
    let big = vec![b'x'; 2000];
    assert_eq!(ask("GET", "/healthz", &[], &big), 413);
    assert_eq!(ask("GET", "/v1/rules", &[auth], &big), 413);
    // One request in flight (its body never finishes) holds the one slot:
    // every other is a 503, health probes included.
    let mut slow = TcpStream::connect(&server.addr).unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    slow.write_all(
        format!("POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n{auth}\r\nContent-Length: 100\r\n\r\n{{\"text\": \"a")
            .as_bytes(),
    )
    .unwrap();
    let started = Instant::now();
    let busy = loop {
        let status = ask("GET", "/healthz", &[], b"");
        // Well inside the 12 s timeout that frees the slot, with room for
        // a machine busy with other tests.
        if status == 503 || started.elapsed() > Duration::from_secs(9) {
            break status;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(busy, 503);
    assert_eq!(ask("GET", "/v1/rules", &[auth], b""), 503);
    let check = json!({ "text": STRAY }).to_string();
    assert_eq!(
        ask(
            "POST",
            "/v1/check",
            &["Content-Type: application/json", auth],
            check.as_bytes()
        ),
        503
    );
    let mut out = Vec::new();
    slow.read_to_end(&mut out).unwrap();
    let (status, head, _) = parse_response(&out);
    assert_eq!(status, 408);
    seen.push(("POST", "/v1/check", status, head));
    for (method, path, status, head) in &seen {
        let op = &doc["paths"][*path][method.to_lowercase()];
        let answer = &op["responses"][status.to_string()];
        assert!(answer.is_object(), "{method} {path} {status}: not listed");
        if let Some(headers) = answer.get("headers").and_then(Value::as_object) {
            for h in headers.keys() {
                let h = h.to_lowercase();
                assert!(
                    head.contains(&format!("{h}:")),
                    "{method} {path} {status}: {h}"
                );
            }
        }
        if *status == 503 {
            assert!(head.contains("retry-after: 1"), "{head}");
            assert!(answer["headers"]["Retry-After"].is_object());
        }
    }
}

/// JavaScript's `JSON.stringify` of a headline cut inside an emoji sends
/// a lone surrogate escape: it is read as U+FFFD (one UTF-16 unit, as the
/// surrogate was), `mojibake` flags it, and the offsets after it count
/// the client's string.
#[test]
fn serve_reads_a_lone_surrogate_escape_as_a_replacement_character() {
    let (_dir, server) = isolated();
    let json_ct = ["Content-Type: application/json"];
    let post = |body: &str| {
        let (status, _, b) = server.request("POST", "/v1/check", &json_ct, body.as_bytes());
        let v: Value = serde_json::from_slice(&b).unwrap();
        (status, v)
    };
    let (status, v) = post(r#"{"text":"Breaking: \ud83d"}"#);
    assert_eq!(status, 200, "{v}");
    let d = &v["diagnostics"].as_array().unwrap()[..];
    assert_eq!(d.len(), 1, "{v}");
    assert_eq!(d[0]["rule"], "mojibake");
    assert!(d[0]["message"].as_str().unwrap().contains("U+FFFD"), "{v}");
    // "Breaking: " is 10 UTF-16 units; the surrogate one.
    assert_eq!(
        (&d[0]["utf16_start"], &d[0]["utf16_end"]),
        (&json!(10), &json!(11))
    );
    // A lone low surrogate first, a stray token after it: its offsets are
    // the JavaScript string's.
    let js_prefix = " The leaders met the ";
    let (status, v) = post(&format!(
        r#"{{"text":"\udc00{js_prefix}커뮤니티 on Tuesday."}}"#
    ));
    assert_eq!(status, 200, "{v}");
    let stray = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "stray-script")
        .unwrap_or_else(|| panic!("{v}"))
        .clone();
    let start = 1 + js_prefix.encode_utf16().count() as u64;
    assert_eq!(stray["utf16_start"], start);
    assert_eq!(
        stray["utf16_end"],
        start + "커뮤니티".encode_utf16().count() as u64
    );
    // A whole pair is the emoji, and no finding.
    let (status, v) = post(r#"{"text":"Breaking: \ud83d\ude00"}"#);
    assert_eq!((status, v), (200, json!({ "diagnostics": [] })));
    // Fixing gives the text back with U+FFFD in its place.
    let (status, _, b) = server.request(
        "POST",
        "/v1/fix",
        &json_ct,
        r#"{"text":"Cut \ud83d"}"#.as_bytes(),
    );
    let v: Value = serde_json::from_slice(&b).unwrap();
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["text"], "Cut \u{FFFD}");
    // Still malformed JSON: a 400 that says so.
    let (status, v) = post(r#"{"text":"\ud83d"#);
    assert_eq!(status, 400, "{v}");
    assert!(
        v["error"].as_str().unwrap().contains("malformed JSON"),
        "{v}"
    );
}

#[test]
fn serve_page_is_self_contained() {
    let (_dir, server) = isolated();
    let (status, head, body) = server.request("GET", "/", &[], b"");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/html"));
    assert!(head.contains("content-security-policy: default-src 'none'"));
    let page = String::from_utf8(body).unwrap();
    // Nothing loaded from elsewhere.
    assert!(
        !page.contains("src=\"http") && !page.contains("href=\"http") && !page.contains("@import")
    );
    for needle in [
        "<label for=\"draft\"",
        "/v1/check",
        "utf16_start",
        "aria-live",
    ] {
        assert!(page.contains(needle), "{needle}");
    }
}

#[test]
fn serve_cors_is_off_unless_origins_are_listed() {
    let (_dir, server) = isolated();
    let (_, head, _) = server.request("GET", "/healthz", &["Origin: https://cms.example"], b"");
    assert!(!head.contains("access-control-allow-origin"), "{head}");
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(
        dir.path(),
        &["--isolated", "--cors-origin", "https://cms.example"],
        &[],
    );
    let (_, head, _) = server.request("GET", "/healthz", &["Origin: https://cms.example"], b"");
    assert!(
        head.contains("access-control-allow-origin: https://cms.example"),
        "{head}"
    );
    let (_, head, _) = server.request("GET", "/healthz", &["Origin: https://evil.example"], b"");
    assert!(!head.contains("access-control-allow-origin"), "{head}");
    let (status, head, _) = server.request(
        "OPTIONS",
        "/v1/check",
        &[
            "Origin: https://cms.example",
            "Access-Control-Request-Method: POST",
            "Access-Control-Request-Headers: content-type",
        ],
        b"",
    );
    assert_eq!(status, 200, "{head}");
    assert!(head.contains("access-control-allow-methods"), "{head}");
}

#[test]
#[cfg(unix)]
fn serve_reloads_config_on_sighup_only() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("copydesk.toml"), "").unwrap();
    let server = Server::start(dir.path(), &[], &[]);
    assert_eq!(
        rules_found(&server, json!({ "text": STRAY })),
        ["stray-script"]
    );
    std::fs::write(
        dir.path().join("copydesk.toml"),
        "ignore = [\"stray-script\"]\n",
    )
    .unwrap();
    // Not per request: the change waits for the signal.
    assert_eq!(
        rules_found(&server, json!({ "text": STRAY })),
        ["stray-script"]
    );
    let hup = |server: &Server, count: usize| {
        let ok = Command::new("kill")
            .args(["-HUP", &server.pid().to_string()])
            .status()
            .unwrap();
        assert!(ok.success());
        let start = Instant::now();
        while server.log().matches("reload").count() < count {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "{}",
                server.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    hup(&server, 1);
    assert!(server.log().contains("reloaded"), "{}", server.log());
    assert!(rules_found(&server, json!({ "text": STRAY })).is_empty());
    // A broken config on reload: said on stderr, the old one kept.
    std::fs::write(dir.path().join("copydesk.toml"), "scripts = 3\n").unwrap();
    hup(&server, 2);
    assert!(server.log().contains("reload failed"), "{}", server.log());
    assert!(rules_found(&server, json!({ "text": STRAY })).is_empty());
}

#[test]
fn serve_refuses_a_broken_config_at_start() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("copydesk.toml"), "scripts = 3\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["serve", "--listen", "127.0.0.1:0"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("copydesk.toml"));
}

/// The page in real headless Chromium (Debian's `chromium`, driven by npm
/// `playwright-core`; `.ci/run` installs it outside the project and sets
/// `COPYDESK_BROWSER_MODULES` to its `node_modules`). Screenshots:
/// `target/browser/serve-page.png` and `…-fixed.png`.
#[test]
#[ignore = "needs chromium and playwright-core (COPYDESK_BROWSER_MODULES); run by .ci/run"]
fn serve_page_in_chromium() {
    let modules = std::env::var("COPYDESK_BROWSER_MODULES").expect("COPYDESK_BROWSER_MODULES");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed = root.join("../shared/corpus/seed/nato-summit.txt");
    // Without the corpus: a draft written for this test.
    let draft = if seed.is_file() {
        seed
    } else {
        eprintln!("shared corpus absent: using a draft written for this test");
        let p = std::env::temp_dir().join(format!("copydesk-page-{}.txt", std::process::id()));
        std::fs::write(&p, format!("😀😀 {STRAY}\n")).unwrap();
        p
    };
    let (_dir, server) = isolated();
    let out = root.join("target/browser/serve-page.png");
    let status = Command::new("node")
        .arg(root.join("tests/browser/page.cjs"))
        .args([
            format!("http://{}/", server.addr).as_str(),
            draft.to_str().unwrap(),
            "커뮤니티",
            out.to_str().unwrap(),
        ])
        .env("NODE_PATH", modules)
        .status()
        .expect("node runs");
    assert!(
        status.success(),
        "the browser test failed (its output is above)"
    );
    assert!(out.is_file());
}

/// Property-based API testing: PyPI `schemathesis` against the served
/// OpenAPI document, bounded in examples and time; no failure allowed.
#[test]
#[ignore = "needs schemathesis (SCHEMATHESIS=path to `st`); run by .ci/run"]
fn serve_schemathesis() {
    let st = std::env::var("SCHEMATHESIS").expect("SCHEMATHESIS");
    let (_dir, server) = isolated();
    let report = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/schemathesis");
    std::fs::create_dir_all(&report).unwrap();
    // Run in target/: schemathesis keeps a cache folder where it runs.
    let status = Command::new("timeout")
        .current_dir(&report)
        .arg("300")
        .arg(st)
        .args(["run", &format!("http://{}/openapi.json", server.addr)])
        .args(["--max-examples", "50", "--checks", "all", "--workers", "2"])
        .args([
            "--report",
            "junit",
            "--report-dir",
            report.to_str().unwrap(),
        ])
        .env("SCHEMATHESIS_HOOKS", "")
        .status()
        .expect("schemathesis runs");
    assert!(
        status.success(),
        "schemathesis found failures (its report is above)"
    );
}
