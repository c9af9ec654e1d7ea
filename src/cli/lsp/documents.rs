//! The documents the editor has open: their text as the editor holds it
//! (unsaved edits included), kept current by ranged edits, and the last
//! lint of each.

use super::convert;
use copydesk::position::{Encoding, Lines};
use copydesk::Format;
use lsp_types::{TextDocumentContentChangeEvent, Uri};
use std::collections::HashMap;
use std::path::PathBuf;

/// An open document.
pub struct Document {
    pub uri: Uri,
    /// The path whose config governs it (for a buffer that was never
    /// saved, a name under the workspace's root).
    pub path: PathBuf,
    /// How it is linted; `None`: a language copydesk does not read.
    pub format: Option<Format>,
    pub version: i32,
    pub text: String,
    /// The findings of the last lint and the version it read.
    pub linted: Option<(i32, Vec<copydesk::Diagnostic>)>,
    /// The version whose findings were last published.
    pub published: Option<i32>,
}

impl Document {
    /// The findings of the current text, if it was linted.
    pub fn current(&self) -> Option<&[copydesk::Diagnostic]> {
        match &self.linted {
            Some((v, d)) if *v == self.version => Some(d),
            _ => None,
        }
    }

    /// Apply the editor's changes in order: a ranged one replaces its range
    /// (positions in the negotiated encoding), one without a range the
    /// whole text.
    pub fn apply(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
    ) {
        for change in changes {
            match change.range {
                None => self.text = change.text,
                Some(range) => {
                    let lines = Lines::new(&self.text);
                    let start = lines.offset(convert::position(range.start), encoding);
                    let end = lines.offset(convert::position(range.end), encoding);
                    let end = end.max(start);
                    self.text.replace_range(start..end, &change.text);
                }
            }
        }
        self.version = version;
    }
}

/// How a document is linted: by the editor's language id, else by the
/// file's extension (the extensions a folder walk lints).
pub fn format_of(language: &str, path: &std::path::Path) -> Option<Format> {
    match language {
        "markdown" => Some(Format::Markdown),
        "mdx" => Some(Format::Mdx),
        "html" => Some(Format::Html),
        "plaintext" | "text" => Some(Format::Plain),
        _ if copydesk::walk::is_text_file(path) => Some(Format::from_path(&path.to_string_lossy())),
        _ => None,
    }
}

/// The open documents by URI.
#[derive(Default)]
pub struct Documents {
    pub open: HashMap<Uri, Document>,
}

impl Documents {
    pub fn get_mut(&mut self, uri: &Uri) -> Option<&mut Document> {
        self.open.get_mut(uri)
    }

    /// Forget every lint (the config changed): all are linted again.
    pub fn invalidate(&mut self) {
        for d in self.open.values_mut() {
            d.linted = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    fn change(range: ((u32, u32), (u32, u32)), text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(
                Position::new(range.0 .0, range.0 .1),
                Position::new(range.1 .0, range.1 .1),
            )),
            range_length: None,
            text: text.into(),
        }
    }

    fn doc(text: &str) -> Document {
        Document {
            uri: "file:///desk/a.txt".parse().unwrap(),
            path: "/desk/a.txt".into(),
            format: Some(Format::Plain),
            version: 1,
            text: text.into(),
            linted: None,
            published: None,
        }
    }

    /// The same edit after astral-plane characters, in each encoding's
    /// columns (text written for this test).
    #[test]
    fn ranged_edits_use_the_negotiated_encoding() {
        let text = "Title\n😀😀 The 𠀀 desk 커뮤니티 said.\n";
        // `커뮤니티 ` starts at UTF-16 column 17, byte column 23.
        for (enc, start, end) in [(Encoding::Utf16, 17, 22), (Encoding::Utf8, 23, 36)] {
            let mut d = doc(text);
            d.apply(2, vec![change(((1, start), (1, end)), "")], enc);
            assert_eq!(d.text, "Title\n😀😀 The 𠀀 desk said.\n", "{enc:?}");
            assert_eq!(d.version, 2);
        }
    }

    #[test]
    fn changes_apply_in_order_and_a_full_change_replaces_the_text() {
        let mut d = doc("abc\ndef\n");
        d.apply(
            2,
            vec![
                change(((0, 1), (0, 2)), "X"),
                change(((1, 0), (1, 0)), "😀"),
            ],
            Encoding::Utf16,
        );
        assert_eq!(d.text, "aXc\n😀def\n");
        d.apply(
            3,
            vec![change(((1, 2), (1, 3)), "")], // after the emoji: `d`
            Encoding::Utf16,
        );
        assert_eq!(d.text, "aXc\n😀ef\n");
        let full = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "new".into(),
        };
        d.apply(4, vec![full], Encoding::Utf16);
        assert_eq!((d.text.as_str(), d.version), ("new", 4));
    }
}
