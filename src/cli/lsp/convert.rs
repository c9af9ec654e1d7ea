//! copydesk's types in the protocol's terms: file URIs and paths, byte
//! spans and ranges (in the negotiated position encoding), findings and
//! diagnostics, a broken config's error.

use copydesk::position::{self, Encoding, Lines};
use copydesk::{Severity, Span};
use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Position, Range, Uri,
};
use std::path::{Path, PathBuf};

/// The protocol's position as the library's.
pub fn position(p: Position) -> position::Position {
    position::Position::new(p.line as usize, p.character as usize)
}

fn lsp_position(p: position::Position) -> Position {
    let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Position::new(clamp(p.line), clamp(p.column))
}

/// The range of a byte span.
pub fn range(lines: &Lines, span: Span, encoding: Encoding) -> Range {
    Range::new(
        lsp_position(lines.position(span.start, encoding)),
        lsp_position(lines.position(span.end, encoding)),
    )
}

/// The byte span of a range.
pub fn span(lines: &Lines, range: Range, encoding: Encoding) -> Span {
    let start = lines.offset(position(range.start), encoding);
    let end = lines.offset(position(range.end), encoding);
    Span::new(start, end.max(start))
}

/// The local file a `file:` URI names.
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // The authority (empty or `localhost`) ends at the path's first `/`.
    let path = &rest[rest.find('/')?..];
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let bytes = percent_decode(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        Some(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
    }
    #[cfg(not(unix))]
    {
        let s = String::from_utf8(bytes).ok()?;
        // `/C:/desk` → `C:/desk`
        let s = match s.as_bytes() {
            [b'/', _, b':', ..] => s[1..].to_string(),
            _ => s,
        };
        Some(PathBuf::from(s))
    }
}

fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Some(out)
}

/// The `file:` URI of an absolute path.
pub fn uri_of(path: &Path) -> Option<Uri> {
    let s = path.to_string_lossy();
    let s = s.replace('\\', "/");
    let mut uri = String::from("file://");
    if !s.starts_with('/') {
        uri.push('/');
    }
    for &b in s.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(b as char)
            }
            b':' if uri.len() <= "file:///C".len() => uri.push(':'),
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.parse().ok()
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// Where a diagnostic's rule is documented: the rule reference (`docs`,
/// an absolute URI) at the rule's anchor, as SARIF's help links are.
pub fn rule_link(docs: &str, rule: &str) -> Option<CodeDescription> {
    let href = format!("{docs}#{rule}").parse().ok()?;
    Some(CodeDescription { href })
}

/// A finding as the protocol's diagnostic: the rule id as its code, a link
/// to the rule, the note under the message, labels as related places.
pub fn diagnostic(
    lines: &Lines,
    uri: &Uri,
    d: &copydesk::Diagnostic,
    encoding: Encoding,
    docs: &str,
) -> lsp_types::Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .map(|l| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), range(lines, l.span, encoding)),
            message: l.message.clone(),
        })
        .collect();
    let message = match &d.note {
        Some(note) => format!("{}\n{note}", d.message),
        None => d.message.clone(),
    };
    lsp_types::Diagnostic {
        range: range(lines, d.span, encoding),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.clone())),
        code_description: rule_link(docs, &d.rule),
        source: Some("copydesk".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// Why a config or pack could not be loaded, as one diagnostic on that
/// file (at the error's place when it has one) and the file's URI.
pub fn load_error(
    error: &copydesk::Error,
    encoding: Encoding,
) -> Option<(Uri, lsp_types::Diagnostic)> {
    let (path, range, message) = match error {
        copydesk::Error::File(e) => {
            let lines = Lines::new(&e.text);
            let range = e
                .span
                .map(|s| range(&lines, s, encoding))
                .unwrap_or_default();
            let message = match &e.note {
                Some(note) => format!("{}\n{note}", e.message),
                None => e.message.clone(),
            };
            (PathBuf::from(&e.path), range, message)
        }
        copydesk::Error::Io { path, error } => {
            (PathBuf::from(path), Range::default(), error.to_string())
        }
        copydesk::Error::Message(_) => return None,
    };
    let diagnostic = lsp_types::Diagnostic {
        range,
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some("copydesk".into()),
        message,
        ..Default::default()
    };
    Some((uri_of(&path)?, diagnostic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_and_paths_convert_both_ways() {
        let uri: Uri = "file:///desk/Seoul%20bureau/%EC%BB%A4.md".parse().unwrap();
        let path = path_of(&uri).unwrap();
        assert_eq!(path, Path::new("/desk/Seoul bureau/커.md"));
        assert_eq!(uri_of(&path).unwrap(), uri);
        let host: Uri = "file://localhost/desk/a.txt".parse().unwrap();
        assert_eq!(path_of(&host).unwrap(), Path::new("/desk/a.txt"));
        let untitled: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(path_of(&untitled), None);
    }
}
