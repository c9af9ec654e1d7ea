//! `invalid-utf8`: bytes that are not UTF-8. They were read as spaces so
//! the rest of the file could be linted ([`crate::source::decode`]); this
//! rule reports the first one.

use super::Context;
use crate::diagnostic::{Finding, Span};

/// The first invalid byte of the document, if any.
pub fn check_document(cx: &Context) -> Vec<Finding> {
    match cx.source.invalid_utf8 {
        None => Vec::new(),
        Some(at) => vec![Finding::new(
            Span::new(at, (at + 1).min(cx.source.text.len())),
            "this byte is not part of a valid character",
        )],
    }
}
