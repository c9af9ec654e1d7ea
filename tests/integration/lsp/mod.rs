//! `copydesk lsp` driven as an editor drives it: a child process spoken to
//! in JSON-RPC over its standard input and output.

mod client;

use client::{uri, Client};
use copydesk::position::{Encoding, Lines, Position};
use serde_json::{json, Value};
use std::path::Path;

/// A line with a stray rare Han character and a stray Korean word after
/// emoji (written for these tests): two findings.
const ASTRAL: &str = "😀😀 The 𠀀 desk wrote 커뮤니티 today.\n";

/// One finding (written for these tests).
const STRAY: &str = "The Seoul 커뮤니티 desk said.\n";

fn open(client: &mut Client, uri: &str, language: &str, text: &str) {
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
    );
}

fn offset(lines: &Lines, p: &Value, enc: Encoding) -> usize {
    let pos = Position::new(
        p["line"].as_u64().unwrap() as usize,
        p["character"].as_u64().unwrap() as usize,
    );
    lines.offset(pos, enc)
}

/// The byte range of a protocol range in `text`.
fn span(text: &str, range: &Value, enc: Encoding) -> std::ops::Range<usize> {
    let lines = Lines::new(text);
    offset(&lines, &range["start"], enc)..offset(&lines, &range["end"], enc)
}

/// `text` after a code action's edits (which all refer to `text`), and the
/// edits as the changes an editor sends, last first.
fn apply(text: &str, action: &Value, uri: &str, enc: Encoding) -> (String, Vec<Value>) {
    let mut edits: Vec<Value> = action["edit"]["changes"][uri].as_array().unwrap().clone();
    edits.sort_by_key(|e| std::cmp::Reverse(span(text, &e["range"], enc).start));
    let mut out = text.to_string();
    for e in &edits {
        out.replace_range(span(text, &e["range"], enc), e["newText"].as_str().unwrap());
    }
    let changes = edits
        .iter()
        .map(|e| json!({"range": e["range"], "text": e["newText"]}))
        .collect();
    (out, changes)
}

fn change(client: &mut Client, uri: &str, version: i32, changes: Vec<Value>) {
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
    );
}

fn code_actions(client: &mut Client, uri: &str, range: &Value, only: Option<Value>) -> Vec<Value> {
    let mut context = json!({"diagnostics": []});
    if let Some(only) = only {
        context["only"] = only;
    }
    let answer = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range, "context": context}),
    );
    answer["result"]
        .as_array()
        .expect("a list of actions")
        .clone()
}

fn by_title<'a>(actions: &'a [Value], title: &str) -> &'a Value {
    actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with(title))
        .unwrap_or_else(|| panic!("no action `{title}` in {actions:#?}"))
}

/// The seed article (corpus `seed/nato-summit.txt`): exactly one finding,
/// at the exact range of `커뮤니티`; its preferred quick fix, applied as an
/// editor applies it, leaves none; `shutdown` then `exit` ends with 0.
#[test]
#[cfg_attr(
    not(copydesk_corpus),
    ignore = "the shared corpus (../shared/corpus) is absent"
)]
fn lsp_seed_article_has_one_finding_and_its_quick_fix_clears_it() {
    let seed =
        std::fs::read_to_string(crate::util::corpus_dir().join("seed/nato-summit.txt")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (mut client, init) = Client::start(dir.path(), json!({}));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    let doc = uri(&dir.path().join("nato-summit.txt"));
    open(&mut client, &doc, "plaintext", &seed);
    let published = client.diagnostics(&doc);
    assert_eq!(published["version"], 1);
    let found = published["diagnostics"].as_array().unwrap();
    assert_eq!(found.len(), 1, "{published:#}");
    let d = &found[0];
    let at = seed.find("커뮤니티").unwrap();
    assert_eq!(
        span(&seed, &d["range"], Encoding::Utf16),
        at..at + "커뮤니티".len()
    );
    let line = seed[..at].matches('\n').count();
    let column = seed[..at]
        .rsplit('\n')
        .next()
        .unwrap()
        .encode_utf16()
        .count();
    assert_eq!(
        d["range"]["start"],
        json!({"line": line, "character": column})
    );
    assert_eq!(d["code"], "stray-script");
    assert_eq!(d["source"], "copydesk");
    assert_eq!(d["severity"], 2);
    let href = d["codeDescription"]["href"].as_str().unwrap();
    assert!(href.ends_with("docs/rules.md#stray-script"), "{href}");

    let actions = code_actions(&mut client, &doc, &d["range"], None);
    let fix = actions
        .iter()
        .find(|a| a["isPreferred"] == true)
        .unwrap_or_else(|| panic!("a preferred fix in {actions:#?}"));
    assert_eq!(fix["kind"], "quickfix");
    let (fixed, changes) = apply(&seed, fix, &doc, Encoding::Utf16);
    assert!(!fixed.contains("커뮤니티"));
    change(&mut client, &doc, 2, changes);
    let published = client.diagnostics(&doc);
    assert_eq!(published["version"], 2);
    assert_eq!(published["diagnostics"], json!([]), "{published:#}");
    assert_eq!(client.finish(true), 0);
}

/// After `😀😀` and `𠀀`, findings' columns in UTF-16 code units (the
/// default) and in bytes (when the client offers UTF-8); an edit in the
/// same units.
#[test]
fn lsp_positions_follow_the_negotiated_encoding() {
    let han = ASTRAL.find('𠀀').unwrap();
    let korean = ASTRAL.find("커뮤니티").unwrap();
    for (offer, name, enc, columns) in [
        (json!({}), "utf-16", Encoding::Utf16, [(9, 11), (23, 27)]),
        (
            json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}),
            "utf-8",
            Encoding::Utf8,
            [(13, 17), (29, 41)],
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let (mut client, init) = Client::start(dir.path(), offer);
        assert_eq!(init["capabilities"]["positionEncoding"], name);
        let doc = uri(&dir.path().join("astral.txt"));
        open(&mut client, &doc, "plaintext", ASTRAL);
        let published = client.diagnostics(&doc);
        let found = published["diagnostics"].as_array().unwrap();
        assert_eq!(found.len(), 2, "{published:#}");
        let spans = [han..han + 4, korean..korean + "커뮤니티".len()];
        for ((d, (start, end)), want) in found.iter().zip(columns).zip(spans) {
            assert_eq!(
                d["range"]["start"],
                json!({"line": 0, "character": start}),
                "{name}"
            );
            assert_eq!(
                d["range"]["end"],
                json!({"line": 0, "character": end}),
                "{name}"
            );
            assert_eq!(span(ASTRAL, &d["range"], enc), want);
        }
        // An incremental edit in the same units: the Korean word replaced.
        let range = found[1]["range"].clone();
        change(
            &mut client,
            &doc,
            2,
            vec![json!({"range": range, "text": "team"})],
        );
        let published = client.diagnostics(&doc);
        let left = published["diagnostics"].as_array().unwrap();
        assert_eq!(left.len(), 1, "{name}: {published:#}");
        assert_eq!(left[0]["range"], found[0]["range"]);
        assert_eq!(client.finish(true), 0);
    }
}

/// Markdown and HTML documents are linted by language; "disable this rule
/// here" writes a suppression comment the format reads, and the finding
/// goes; "fix all" asked as `source.fixAll` fixes the file (texts written
/// for this test).
#[test]
fn lsp_disable_comment_and_fix_all_in_markdown_and_html() {
    let dir = tempfile::tempdir().unwrap();
    let (mut client, _) = Client::start(dir.path(), json!({}));
    let docs = [
        (
            "story.md",
            "markdown",
            "# Summit\n\nThe desk said\nthe Seoul 커뮤니티 desk met on Monday.\n",
        ),
        (
            "page.html",
            "html",
            "<html><body>\n<p>The desk said\nthe Seoul 커뮤니티 desk met.</p>\n</body></html>\n",
        ),
        // A name that is not `.md`: its language decides.
        (
            "draft",
            "markdown",
            "Intro.\n\nThe Seoul 커뮤니티 desk met.\n",
        ),
    ];
    for (name, language, text) in docs {
        let doc = uri(&dir.path().join(name));
        open(&mut client, &doc, language, text);
        let found = client.diagnostics(&doc)["diagnostics"].clone();
        assert_eq!(found.as_array().unwrap().len(), 1, "{name}: {found:#}");
        let range = found[0]["range"].clone();
        let actions = code_actions(&mut client, &doc, &range, None);
        let disable = by_title(&actions, "Disable stray-script");
        assert_eq!(disable["isPreferred"], false);
        let (suppressed, changes) = apply(text, disable, &doc, Encoding::Utf16);
        assert!(suppressed.contains("<!-- copydesk-disable-next-line stray-script -->"));
        change(&mut client, &doc, 2, changes);
        let published = client.diagnostics(&doc);
        assert_eq!(published["diagnostics"], json!([]), "{name}: {suppressed}");
        // Back to the text, then fix the whole file.
        change(&mut client, &doc, 3, vec![json!({"text": text})]);
        assert_eq!(
            client.diagnostics(&doc)["diagnostics"]
                .as_array()
                .unwrap()
                .len(),
            1
        );
        let whole =
            json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}});
        let actions = code_actions(&mut client, &doc, &whole, Some(json!(["source.fixAll"])));
        assert_eq!(actions.len(), 1, "{actions:#?}");
        assert_eq!(actions[0]["kind"], "source.fixAll.copydesk");
        let (fixed, changes) = apply(text, &actions[0], &doc, Encoding::Utf16);
        assert!(!fixed.contains("커뮤니티"), "{fixed}");
        change(&mut client, &doc, 4, changes);
        assert_eq!(
            client.diagnostics(&doc)["diagnostics"],
            json!([]),
            "{name}: {fixed}"
        );
    }
    assert_eq!(client.finish(true), 0);
}

/// A romanization finding: its first use as related information, its
/// unsafe fix offered but not preferred, no "fix all" (no safe fix)
/// (text written for this test).
#[test]
fn lsp_related_information_and_an_unsafe_fix() {
    let text = "North Korean leader Kim Jong-un met officials on Monday.\n\nLater, Kim Jong Un said the talks went well, according to state media.\n";
    let dir = tempfile::tempdir().unwrap();
    let (mut client, _) = Client::start(dir.path(), json!({}));
    let doc = uri(&dir.path().join("names.txt"));
    open(&mut client, &doc, "plaintext", text);
    let found = client.diagnostics(&doc)["diagnostics"].clone();
    let d = found
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "name-romanization")
        .unwrap_or_else(|| panic!("{found:#}"))
        .clone();
    let related = &d["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], doc.as_str());
    let first = text.find("Kim Jong-un").unwrap();
    assert_eq!(
        span(text, &related["location"]["range"], Encoding::Utf16),
        first..first + 11
    );
    assert!(related["message"]
        .as_str()
        .unwrap()
        .contains("first written"));
    let actions = code_actions(&mut client, &doc, &d["range"], None);
    let fix = by_title(&actions, "");
    assert_eq!(fix["isPreferred"], false, "{actions:#?}");
    assert!(fix["title"].as_str().unwrap().contains("suggestion"));
    assert!(!actions
        .iter()
        .any(|a| a["title"] == "Fix all safe problems in this file"));
    assert_eq!(client.finish(true), 0);
}

fn watched(client: &mut Client, file: &Path) {
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(file), "type": 2}]}),
    );
}

/// Changing `copydesk.toml` reloads it: a disabled rule's findings go; a
/// broken config is one diagnostic on the config file, at the error, and
/// the server goes on answering; fixing it (a save) clears it.
#[test]
fn lsp_config_reload_and_a_broken_config() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("copydesk.toml");
    std::fs::write(&config, "fail-on = \"warning\"\n").unwrap();
    let caps = json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}});
    let (mut client, _) = Client::start(dir.path(), caps);
    let registration = client.wait(|m| m["method"] == "client/registerCapability");
    let watchers = &registration["params"]["registrations"][0]["registerOptions"]["watchers"];
    assert_eq!(watchers[0]["globPattern"], "**/copydesk.toml");
    let doc = uri(&dir.path().join("desk/story.txt"));
    open(&mut client, &doc, "plaintext", STRAY);
    assert_eq!(
        client.diagnostics(&doc)["diagnostics"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    std::fs::write(&config, "ignore = [\"stray-script\"]\n").unwrap();
    watched(&mut client, &config);
    assert_eq!(client.diagnostics(&doc)["diagnostics"], json!([]));

    let broken = "fail-on = \"warning\"\nignore = [\"stray-script\"\n";
    std::fs::write(&config, broken).unwrap();
    watched(&mut client, &config);
    let on_config = client.diagnostics(&uri(&config));
    let errors = on_config["diagnostics"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{on_config:#}");
    assert_eq!(errors[0]["severity"], 1);
    assert_eq!(errors[0]["range"]["start"]["line"], 1, "{on_config:#}");
    assert_eq!(client.diagnostics(&doc)["diagnostics"], json!([]));
    // Still answering.
    let answer = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": doc},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": []}}),
    );
    assert!(answer["result"].is_array(), "{answer}");

    std::fs::write(&config, "fail-on = \"warning\"\n").unwrap();
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri(&config)}}),
    );
    assert_eq!(client.diagnostics(&uri(&config))["diagnostics"], json!([]));
    assert_eq!(
        client.diagnostics(&doc)["diagnostics"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(client.finish(true), 0);
}

/// Bad JSON, a body that is no JSON-RPC message, a bad header, an unknown
/// method and bad parameters: each answered or logged, and the server goes
/// on; `exit` without `shutdown` ends it with 1.
#[test]
fn lsp_survives_malformed_messages() {
    let dir = tempfile::tempdir().unwrap();
    let (mut client, _) = Client::start(dir.path(), json!({}));
    client.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    let parse_error = client.wait(|m| m["error"]["code"] == -32700);
    assert_eq!(parse_error["id"], Value::Null);
    client.send_raw(b"Content-Length: 2\r\n\r\n{}");
    client.send_raw(b"this is no header\r\n");
    client.send_raw(b"Content-Length: many\r\n\r\n");
    // Headers with no length: the body cannot be framed, and the next
    // message, right after it, is read.
    client.send_raw(
        b"Content-Type: application/vscode-jsonrpc\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"shutdown\"}",
    );
    // A length no client sends swallows nothing after it.
    client.send_raw(b"Content-Length: 99999999999999\r\n\r\n");
    client.notify("copydesk/unknown", json!({}));
    client.notify("textDocument/didChange", json!({"bad": true}));
    let unknown = client.request("copydesk/unknown", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    let bad = client.request("textDocument/codeAction", json!({"range": 3}));
    assert_eq!(bad["error"]["code"], -32602);
    let doc = uri(&dir.path().join("after.txt"));
    open(&mut client, &doc, "plaintext", STRAY);
    assert_eq!(
        client.diagnostics(&doc)["diagnostics"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // A lone surrogate escape (a buffer cut inside an emoji) is read as
    // U+FFFD: the document is linted, not dropped.
    let cut = uri(&dir.path().join("cut.txt"));
    let body = format!(
        "{{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{{\"textDocument\":         {{\"uri\":\"{cut}\",\"languageId\":\"plaintext\",\"version\":1,\"text\":         \"The Seoul \\ud83d \u{CEE4}\u{BBA4}\u{B2C8}\u{D2F0} desk said.\\n\"}}}}}}"
    );
    client.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    let rules: Vec<Value> = client.diagnostics(&cut)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].clone())
        .collect();
    assert!(rules.contains(&json!("stray-script")), "{rules:?}");
    let parse_errors = client.take_seen(|m| m["error"]["code"] == -32700);
    assert_eq!(parse_errors.len(), 5, "one per unreadable message");
    assert!(!client
        .take_seen(|m| m["id"] == 42)
        .iter()
        .any(|m| m.get("result").is_some()));
    assert_eq!(client.finish(false), 1);
}

/// A rule pack the config names is watched like the config: changing it
/// (a file of any name) lints the open documents again (pack and text
/// written for this test).
#[test]
fn lsp_reloads_a_changed_rule_pack() {
    let pack = |phrase: &str| {
        format!(
            "[pack]\nname = \"house\"\n\n[[rule]]\nid = \"house-percent\"\nkind = \"pattern\"\n\
             severity = \"info\"\nmessage = \"house style: `{{text}}`\"\n\
             description = \"Our house style.\"\nphrases = [\"{phrase}\"]\n"
        )
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("copydesk.toml"),
        "rules = [\"house.toml\"]\n",
    )
    .unwrap();
    let house = dir.path().join("house.toml");
    std::fs::write(&house, pack("per cent")).unwrap();
    let (mut client, _) = Client::start(dir.path(), json!({}));
    let doc = uri(&dir.path().join("story.txt"));
    open(
        &mut client,
        &doc,
        "plaintext",
        "Exports rose 4 per cent in May.\n",
    );
    let found = client.diagnostics(&doc)["diagnostics"].clone();
    assert_eq!(found.as_array().unwrap().len(), 1, "{found:#}");
    assert_eq!(found[0]["code"], "house-percent");
    assert_eq!(found[0]["severity"], 3);
    std::fs::write(&house, pack("percentage point")).unwrap();
    watched(&mut client, &house);
    assert_eq!(client.diagnostics(&doc)["diagnostics"], json!([]));
    assert_eq!(client.finish(true), 0);
}
