//! Code actions: each finding's fix as a quick fix (a safe one preferred,
//! a suggestion offered but not preferred, a display-only one never as an
//! edit), "fix all safe problems in this file" (`source.fixAll.copydesk`,
//! and listed as a quick fix) and "disable this rule here", which writes
//! the suppression comment copydesk reads in plain text, Markdown and HTML
//! (`<!-- copydesk-disable-next-line RULE -->`, see [`copydesk::source`]).

use super::convert;
use super::documents::Document;
use copydesk::position::{Encoding, Lines};
use copydesk::source::{comment_site, CommentSite};
use copydesk::workspace::Workspace;
use copydesk::{Applicability, Format, Span};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::HashMap;

/// The kind of "fix all safe problems in this file".
pub const FIX_ALL: &str = "source.fixAll.copydesk";

/// What an action needs to know besides the document.
pub struct Context<'a> {
    pub ws: &'a Workspace,
    pub encoding: Encoding,
    pub docs: &'a str,
}

/// The actions for `params`'s range of `doc`, whose findings are current.
pub fn code_actions(
    cx: &Context,
    doc: &Document,
    params: &CodeActionParams,
) -> Vec<CodeActionOrCommand> {
    let (Some(format), Some(found)) = (doc.format, doc.current()) else {
        return Vec::new();
    };
    let only = params.context.only.as_deref();
    let lines = Lines::new(&doc.text);
    let asked = convert::span(&lines, params.range, cx.encoding);
    let mut actions = Vec::new();
    let quickfix = wants(only, &CodeActionKind::QUICKFIX);
    for d in found.iter().filter(|d| overlaps(d.span, asked)) {
        let diagnostic = convert::diagnostic(&lines, &doc.uri, d, cx.encoding, cx.docs);
        if let Some(fix) = d.fix.as_ref().filter(|_| quickfix) {
            if fix.applicability != Applicability::DisplayOnly {
                let safe = fix.applicability == Applicability::Safe;
                let edits = fix
                    .edits
                    .iter()
                    .map(|e| {
                        TextEdit::new(
                            convert::range(&lines, e.span, cx.encoding),
                            e.replacement.clone(),
                        )
                    })
                    .collect();
                let title = match safe {
                    true => fix.title.clone(),
                    false => format!("{} (suggestion: check the meaning)", fix.title),
                };
                actions.push(action(
                    title,
                    CodeActionKind::QUICKFIX,
                    &doc.uri,
                    edits,
                    vec![diagnostic.clone()],
                    safe,
                ));
            }
        }
        // (Not where no comment can go without changing the copy.)
        let site = disable_comment(&doc.text, &lines, d.span.start, format, &d.rule);
        if let Some((at, insert)) = site.filter(|_| quickfix) {
            let range = convert::range(&lines, Span::new(at, at), cx.encoding);
            actions.push(action(
                format!("Disable {} for this line", d.rule),
                CodeActionKind::QUICKFIX,
                &doc.uri,
                vec![TextEdit::new(range, insert)],
                vec![diagnostic],
                false,
            ));
        }
    }
    let fix_all = CodeActionKind::new(FIX_ALL);
    let kinds = [
        (fix_all.clone(), only.is_some()),
        (CodeActionKind::QUICKFIX, only.is_none() || quickfix),
    ];
    if kinds.iter().any(|(k, listed)| *listed && wants(only, k)) && found.iter().any(is_safe) {
        if let Some(edit) = fix_all_edit(cx, doc, format, &lines) {
            let fixed: Vec<_> = found
                .iter()
                .filter(|d| is_safe(d))
                .map(|d| convert::diagnostic(&lines, &doc.uri, d, cx.encoding, cx.docs))
                .collect();
            for (kind, listed) in kinds {
                if listed && wants(only, &kind) {
                    let title = "Fix all safe problems in this file".to_string();
                    actions.push(action(
                        title,
                        kind,
                        &doc.uri,
                        vec![edit.clone()],
                        fixed.clone(),
                        false,
                    ));
                }
            }
        }
    }
    actions
}

fn is_safe(d: &copydesk::Diagnostic) -> bool {
    d.fix
        .as_ref()
        .is_some_and(|f| f.applicability == Applicability::Safe)
}

/// Whether a finding touches the range asked about (an empty range: the
/// cursor, inside or at either end of the finding).
fn overlaps(found: Span, asked: Span) -> bool {
    found.start <= asked.end && asked.start <= found.end
}

/// Whether `kind` is among the kinds asked for (`source` asks for
/// `source.fixAll.copydesk` too).
fn wants(only: Option<&[CodeActionKind]>, kind: &CodeActionKind) -> bool {
    let Some(only) = only else { return true };
    only.iter().any(|o| {
        let (o, k) = (o.as_str(), kind.as_str());
        k == o || k.strip_prefix(o).is_some_and(|rest| rest.starts_with('.'))
    })
}

fn action(
    title: String,
    kind: CodeActionKind,
    uri: &Uri,
    edits: Vec<TextEdit>,
    diagnostics: Vec<lsp_types::Diagnostic>,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(kind),
        diagnostics: Some(diagnostics),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..Default::default()
        }),
        is_preferred: Some(preferred),
        ..Default::default()
    })
}

/// Where to write the comment that switches `rule` off for the line
/// holding byte `at`, and the text to insert: on a line of its own before
/// it, or at the end of the line before inside a Markdown paragraph (a line
/// of its own would split it); None where a comment would change the copy
/// (see [`copydesk::source::comment_site`]).
pub fn disable_comment(
    text: &str,
    lines: &Lines,
    at: usize,
    format: Format,
    rule: &str,
) -> Option<(usize, String)> {
    // (MDX has no HTML comments: its comments are expressions.)
    let comment = match format {
        Format::Mdx => format!("{{/* copydesk-disable-next-line {rule} */}}"),
        _ => format!("<!-- copydesk-disable-next-line {rule} -->"),
    };
    let start = lines.line(lines.line_of(at)).start;
    match comment_site(text, format, start) {
        CommentSite::EndOfLineBefore(end) => Some((end, format!(" {comment}"))),
        CommentSite::LineBefore => {
            let eol = if text[..start].ends_with("\r\n") {
                "\r\n"
            } else {
                "\n"
            };
            Some((start, format!("{comment}{eol}")))
        }
        CommentSite::Nowhere => None,
    }
}

/// One edit taking the text to its safe-fixed form: the part between the
/// longest common start and end.
fn fix_all_edit(cx: &Context, doc: &Document, format: Format, lines: &Lines) -> Option<TextEdit> {
    let (fixed, checked) = cx.ws.fix_text_as(&doc.path, format, &doc.text).ok()?;
    if checked.fixed == 0 {
        return None;
    }
    let (old, new) = (doc.text.as_str(), fixed.as_str());
    let mut start = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(start) || !new.is_char_boundary(start) {
        start -= 1;
    }
    let max_end = old.len().min(new.len()) - start;
    let mut common_end = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_end)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - common_end)
        || !new.is_char_boundary(new.len() - common_end)
    {
        common_end -= 1;
    }
    let span = Span::new(start, old.len() - common_end);
    Some(TextEdit::new(
        convert::range(lines, span, cx.encoding),
        new[start..new.len() - common_end].to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wanted_kinds_match_by_prefix() {
        let fix_all = CodeActionKind::new(FIX_ALL);
        assert!(wants(None, &fix_all));
        assert!(wants(Some(&[CodeActionKind::SOURCE]), &fix_all));
        assert!(wants(Some(&[CodeActionKind::SOURCE_FIX_ALL]), &fix_all));
        assert!(!wants(Some(&[CodeActionKind::QUICKFIX]), &fix_all));
        assert!(!wants(Some(&[CodeActionKind::new("source.fix")]), &fix_all));
        assert!(wants(
            Some(&[CodeActionKind::QUICKFIX]),
            &CodeActionKind::QUICKFIX
        ));
    }

    /// The comment goes on its own line, except inside a Markdown
    /// paragraph; nowhere it would change the copy (texts written for this
    /// test).
    #[test]
    fn the_disable_comment_keeps_a_markdown_paragraph_whole() {
        let site = |text: &str, format| {
            let lines = Lines::new(text);
            let at = text.find('커').unwrap();
            disable_comment(text, &lines, at, format, "stray-script")
                .map(|(pos, insert)| (text[..pos].to_string(), insert))
        };
        let comment = "<!-- copydesk-disable-next-line stray-script -->";
        assert_eq!(
            site(
                "# Head\n\nFirst line\nsecond 커뮤니티 line\n",
                Format::Markdown
            ),
            Some(("# Head\n\nFirst line".into(), format!(" {comment}")))
        );
        // Before a hard line break's spaces or backslash, which it keeps.
        assert_eq!(
            site("First line  \nsecond 커뮤니티\n", Format::Markdown),
            Some(("First line".into(), format!(" {comment}")))
        );
        assert_eq!(
            site("First line\\\nsecond 커뮤니티\n", Format::Markdown),
            Some(("First line".into(), format!(" {comment}")))
        );
        // MDX has no HTML comments: its comment is an expression.
        let mdx = "{/* copydesk-disable-next-line stray-script */}";
        assert_eq!(
            site("# Head\n\nFirst line\nsecond 커뮤니티 line\n", Format::Mdx),
            Some(("# Head\n\nFirst line".into(), format!(" {mdx}")))
        );
        assert_eq!(
            site("# T\nThe 커뮤니티 met.\n", Format::Mdx),
            Some(("# T\n".into(), format!("{mdx}\n")))
        );
        // After a line of code alone: a line of its own.
        assert_eq!(
            site("<Note>\nThe 커뮤니티 met.\n</Note>\n", Format::Mdx),
            Some(("<Note>\n".into(), format!("{mdx}\n")))
        );
        // Never inside a tag: before it, or nowhere.
        assert_eq!(
            site(
                "Read <Link\n  href=\"/k\">the 커뮤니티 report</Link>.\n",
                Format::Mdx
            ),
            Some(("Read".into(), format!(" {mdx}")))
        );
        assert_eq!(
            site(
                "<Link\n  href=\"/k\">the 커뮤니티 report</Link>.\n",
                Format::Mdx
            ),
            None
        );
        assert_eq!(
            site("One.\r\nTwo 커뮤니티.\r\n", Format::Plain),
            Some(("One.\r\n".into(), format!("{comment}\r\n")))
        );
        // A paragraph after a code block's closing fence or a heading: a
        // line of its own (the fence's line takes nothing after it).
        assert_eq!(
            site(
                "# T\n\n```\ncode\n```\nThe 커뮤니티 met.\n",
                Format::Markdown
            ),
            Some(("# T\n\n```\ncode\n```\n".into(), format!("{comment}\n")))
        );
        assert_eq!(
            site("# T\nThe 커뮤니티 met.\n", Format::Markdown),
            Some(("# T\n".into(), format!("{comment}\n")))
        );
        // Nowhere: front matter, a list item after another, a table row, a
        // tag's attributes, a <pre>.
        for (text, format) in [
            (
                "---\ntitle: The 커뮤니티 met\n---\nBody.\n",
                Format::Markdown,
            ),
            ("- one\n\n- two 커뮤니티\n", Format::Markdown),
            ("| a | b |\n|---|---|\n| 커뮤니티 | c |\n", Format::Markdown),
            (
                "<p>Intro.</p>\n<img src=\"a.png\"\n     alt=\"The 커뮤니티 met\">\n",
                Format::Html,
            ),
            ("<pre>\nline\nThe 커뮤니티 met\n</pre>\n", Format::Html),
        ] {
            assert_eq!(site(text, format), None, "{text:?}");
        }
        assert_eq!(
            site("<p>Intro.</p>\n<p>The 커뮤니티 met.</p>\n", Format::Html),
            Some(("<p>Intro.</p>\n".into(), format!("{comment}\n")))
        );
    }
}
