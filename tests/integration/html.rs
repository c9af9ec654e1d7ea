//! HTML drafts: only the text a reader reads is linted, character
//! references are decoded, spans are the file's bytes, fixes never touch
//! markup, suppression comments, folder walks. Every page here is written
//! for its test.

use crate::util::engine;
use assert_cmd::Command;
use copydesk::{fix_bytes, lint_bytes, Diagnostic, Format, Linted};
use proptest::prelude::*;

fn lint_html(html: &str) -> Vec<Diagnostic> {
    let settings = engine().default_settings();
    match lint_bytes(engine(), &settings, Format::Html, html.as_bytes().to_vec()) {
        Linted::Text { text, diagnostics } => {
            assert_eq!(text, html, "the file's text is reported as it is");
            diagnostics
        }
        Linted::Binary => panic!("HTML read as binary"),
    }
}

fn fix_html(html: &str) -> String {
    let settings = engine().default_settings();
    let (fixed, _, _) = fix_bytes(engine(), &settings, Format::Html, html.as_bytes().to_vec());
    String::from_utf8(fixed).unwrap()
}

/// `(rule, the file's bytes under the finding)` of each finding.
fn found<'a>(html: &'a str, diagnostics: &[Diagnostic]) -> Vec<(String, &'a str)> {
    diagnostics
        .iter()
        .map(|d| (d.rule.clone(), &html[d.span.range()]))
        .collect()
}

fn copydesk() -> Command {
    let mut cmd = Command::cargo_bin("copydesk").unwrap();
    cmd.env_remove("NO_COLOR");
    cmd
}

/// Every tag (its name and attributes, less the `alt` and `title` text),
/// comment and doctype of `html`, as the tokenizer reads them: the markup a
/// fix must leave alone.
fn markup(html: &str) -> Vec<String> {
    use html5gum::{DefaultEmitter, Token, Tokenizer};
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut out = Vec::new();
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(mut tag) => {
                tag.attributes
                    .retain(|name, _| &name[..] != b"alt" && &name[..] != b"title");
                out.push(format!("{:?} {:?}", tag.name, tag.attributes));
            }
            Token::EndTag(tag) => out.push(format!("/{:?}", tag.name)),
            Token::Comment(c) => out.push(format!("<!--{c:?}-->")),
            Token::Doctype(d) => out.push(format!("{d:?}")),
            Token::String(_) | Token::Error(_) => {}
        }
    }
    out
}

#[test]
fn character_references_are_flagged_at_their_bytes() {
    let html = "<p>A hid&#xFEFF;den mark.</p>\n\
                <p>The &#52964;&#48036;&#45768;&#54000; event opened on Monday.</p>\n";
    let d = lint_html(html);
    assert_eq!(
        found(html, &d),
        [
            ("invisible-char".to_string(), "&#xFEFF;"),
            (
                "stray-script".to_string(),
                "&#52964;&#48036;&#45768;&#54000;"
            ),
        ]
    );
    // The message quotes what the references encode.
    assert!(d[1].message.contains("`커뮤니티`"), "{}", d[1].message);
    // Both are safe to delete: whole references (and one space) go.
    assert_eq!(
        fix_html(html),
        "<p>A hidden mark.</p>\n<p>The event opened on Monday.</p>\n"
    );
}

#[test]
fn code_scripts_comments_and_attribute_values_are_not_linted() {
    let html = r#"<!DOCTYPE html>
<html><head><title>Seoul summit</title>
<style>p::after { content: "커뮤니티"; }</style>
<script>var s = "커뮤니티"; if (a<b) { s = "&#xFEFF;"; }</script></head>
<body>
<p class="커뮤니티" data-label="커뮤니티"><a href="/커뮤니티">The summit</a> opened.</p>
<!-- 커뮤니티 in a comment -->
<pre>커뮤니티</pre>
<p>Run <code>커뮤니티</code> first.</p>
<template><p>커뮤니티</p></template>
<textarea>커뮤니티</textarea>
</body></html>
"#;
    assert_eq!(found(html, &lint_html(html)), []);
}

#[test]
fn a_stray_token_in_body_text_at_its_line_and_column() {
    let html = "<html>\n<body>\n  <p>The <em>summit</em> 커뮤니티 opened on Monday.</p>\n</body>\n";
    let out = copydesk()
        .args(["check", "--isolated", "--format", "concise"])
        .args(["--stdin-filename", "draft.html", "-"])
        .write_stdin(html)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("draft.html:3:26: warning[stray-script]"),
        "{stdout}"
    );
}

#[test]
fn alt_and_title_text_is_read_as_copy() {
    let html = "<p>Photo:</p><img src=\"a.png\" alt=\"A 커뮤니티 photo of the summit\">\n\
                <a href=\"/x\" title=\"The 커뮤니티 desk\">more</a>\n";
    let d = lint_html(html);
    let rules: Vec<_> = found(html, &d);
    assert_eq!(
        rules,
        [
            ("stray-script".to_string(), "커뮤니티"),
            ("stray-script".to_string(), "커뮤니티"),
        ]
    );
    assert!(d[0].span.start > html.find("alt=").unwrap());
    assert!(d[1].span.start > html.find("title=").unwrap());
}

#[test]
fn inline_tags_do_not_split_names() {
    // The second spelling is read across `<b>…</b>` as one name.
    let html = "<p>Kim Jong-un arrived on Monday. Later <b>Kim</b> Jong Un met the envoy.</p>\n";
    let d = lint_html(html);
    assert_eq!(
        found(html, &d),
        [("name-romanization".to_string(), "Kim</b> Jong Un")]
    );
    // A word split by inline markup is one word: no stray fragments.
    let html = "<p>The Com<i>mun</i>ity Chest opened.</p>\n";
    assert_eq!(found(html, &lint_html(html)), []);
}

#[test]
fn block_tags_separate_paragraphs() {
    let quote = "\"There is no going back now, and everyone in this room knows it.\"";
    let speaker = "Yoon said so after the meeting.";
    let flagged = |html: String| {
        lint_html(&html)
            .iter()
            .any(|d| d.rule == "unattributed-quote")
    };
    // The speaker beside the quote in its paragraph attributes it …
    assert!(!flagged(format!("<p>{quote} <i>{speaker}</i></p>")));
    // … in the next paragraph, or after a line break, not.
    assert!(flagged(format!("<p>{quote}</p><p>{speaker}</p>")));
    assert!(flagged(format!("<div>{quote}<br>{speaker}</div>")));
    assert!(flagged(format!(
        "<ul><li>{quote}</li><li>{speaker}</li></ul>"
    )));
}

#[test]
fn fixes_edit_text_and_never_markup() {
    let html = "<p>Kim arrived. The <b>커뮤니티</b> team met the <a href=\"/x\">press</a>.</p>\n";
    let fixed = fix_html(html);
    assert_eq!(
        fixed,
        "<p>Kim arrived. The <b></b>team met the <a href=\"/x\">press</a>.</p>\n"
    );
    assert_eq!(markup(&fixed), markup(html));
    // A replacement is written as HTML: a look-alike given as a reference
    // is replaced as the reference.
    let html = "<p>The &#1052;oscow talks.</p>\n";
    let d = lint_html(html);
    assert_eq!(
        found(html, &d),
        [("mixed-script".to_string(), "&#1052;oscow")]
    );
    assert_eq!(fix_html(html), "<p>The Moscow talks.</p>\n");
    // … unless the text it writes would open a tag after a literal `<`
    // (found by `any_page_keeps_spans_and_markup`).
    let html = "<p>a <&#1052;oscow</p>\n";
    assert_eq!(lint_html(html).len(), 1);
    assert_eq!(fix_html(html), html);
}

#[test]
fn suppression_comments_in_html_and_plain_text() {
    let html = "<p>The 커뮤니티 team.</p>\n\
                <!-- copydesk-disable-next-line stray-script -->\n\
                <p>The 커뮤니티 desk.</p>\n\
                <!-- copydesk-disable -->\n<p>A 커뮤니티 note.</p>\n<!-- copydesk-enable -->\n\
                <p>The 커뮤니티 end.</p>\n";
    let lines: Vec<usize> = lint_html(html)
        .iter()
        .map(|d| html[..d.span.start].lines().count())
        .collect();
    assert_eq!(lines, [1, 7]);

    // Plain text takes the same comments.
    let text = "The 커뮤니티 team.\n\
                <!-- copydesk-disable-next-line stray-script -->\n\
                The 커뮤니티 desk.\n\
                <!-- copydesk-disable -->\n\
                The 커뮤니티 note.\n\
                <!-- copydesk-enable -->\n\
                The 커뮤니티 end.\n";
    let lines: Vec<usize> = crate::util::lint(text)
        .iter()
        .map(|d| text[..d.span.start].lines().count())
        .collect();
    assert_eq!(lines, [1, 7]);
}

#[test]
fn folder_walks_pick_html_pages() {
    let dir = tempfile::tempdir().unwrap();
    for (name, body) in [
        ("a.html", "<p>The 커뮤니티 team.</p>\n"),
        ("b.HTM", "<p>The 커뮤니티 team.</p>\n"),
        ("c.css", "p { content: \"커뮤니티\" }\n"),
    ] {
        std::fs::write(dir.path().join(name), body).unwrap();
    }
    let out = copydesk()
        .current_dir(dir.path())
        .args(["check", "--isolated", "--format", "concise", "."])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let files: Vec<&str> = stdout.lines().filter_map(|l| l.split(':').next()).collect();
    assert_eq!(files, ["a.html", "b.HTM"], "{stdout}");
}

#[test]
fn json_spans_and_text_are_the_files_bytes() {
    let html =
        "<h1>Summit</h1>\n<p>&Eacute;lys&eacute;e: the &#52964;&#48036;&#45768;&#54000; talks, \
                a zero&#8203;width space and 커뮤니티 again.</p>\n";
    let out = copydesk()
        .args(["check", "--isolated", "--format", "json"])
        .args(["--stdin-filename", "page.html", "-"])
        .write_stdin(html)
        .output()
        .unwrap();
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 3, "{all:#?}");
    for d in all {
        let (s, e) = (
            d["byte_start"].as_u64().unwrap(),
            d["byte_end"].as_u64().unwrap(),
        );
        assert_eq!(d["text"].as_str().unwrap(), &html[s as usize..e as usize]);
    }
    let texts: Vec<&str> = all.iter().map(|d| d["text"].as_str().unwrap()).collect();
    assert_eq!(
        texts,
        ["&#52964;&#48036;&#45768;&#54000;", "&#8203;", "커뮤니티"]
    );
}

/// Fragments of pages: tags, references, text in several scripts.
fn fragment() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<br>",
        "<i>",
        "</i>",
        "<code>",
        "</code>",
        "<script>",
        "</script>",
        "<!-- c -->",
        "<!-- copydesk-disable -->",
        "<img alt=\"x ",
        "\">",
        "<a title=커뮤니티>",
        "&#52964;",
        "&#xFEFF;",
        "&amp;",
        "&notit;",
        "&",
        "<",
        ">",
        "\"",
        " ",
        "\n",
        "The",
        " talks",
        "커뮤니티",
        "\u{200B}",
        "Ã©",
        "&#1052;oscow",
        "Kim",
        " Jong Un",
        "said",
        ".",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    /// Any page: spans are the file's, on character boundaries, and fixing
    /// never changes the markup.
    #[test]
    fn any_page_keeps_spans_and_markup(parts in prop::collection::vec(fragment(), 0..60)) {
        let html: String = parts.concat();
        for d in lint_html(&html) {
            prop_assert!(d.span.start <= d.span.end && d.span.end <= html.len());
            prop_assert!(html.is_char_boundary(d.span.start) && html.is_char_boundary(d.span.end));
            for e in d.fix.iter().flat_map(|f| &f.edits) {
                prop_assert!(e.span.end <= html.len());
                prop_assert!(html.is_char_boundary(e.span.start) && html.is_char_boundary(e.span.end));
            }
        }
        let fixed = fix_html(&html);
        prop_assert_eq!(markup(&fixed), markup(&html), "{:?} → {:?}", html, fixed);
    }
}
