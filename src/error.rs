//! Errors that stop a run: a bad rule pack or config file. Each carries the
//! file's text and the byte span of the offending key or value, so the CLI
//! can render it with codespan-reporting against the file itself.

use crate::diagnostic::Span;
use std::fmt;
use std::sync::Arc;

/// An error located in a TOML file (rule pack or config).
#[derive(Clone, Debug)]
pub struct FileError {
    pub path: String,
    pub text: Arc<str>,
    pub span: Option<Span>,
    pub message: String,
    /// Short text under the underline.
    pub label: String,
    /// Extra explanation (for example a regex parser's message).
    pub note: Option<String>,
}

impl FileError {
    pub fn new(
        path: &str,
        text: &Arc<str>,
        span: Option<Span>,
        message: impl Into<String>,
    ) -> Self {
        FileError {
            path: path.to_string(),
            text: text.clone(),
            span,
            message: message.into(),
            label: String::new(),
            note: None,
        }
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// 1-based line and column of the span start, if any.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        self.span
            .map(|s| crate::source::LineIndex::new(&self.text).line_col(s.start))
    }

    /// Turn a TOML parse error into a located error.
    pub fn from_toml(path: &str, text: &Arc<str>, err: &toml::de::Error) -> Self {
        let span = err.span().map(|r| Span::new(r.start, r.end.max(r.start)));
        FileError::new(path, text, span, err.message().trim().to_string())
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line_col() {
            Some((l, c)) => write!(f, "{}:{l}:{c}: {}", self.path, self.message)?,
            None => write!(f, "{}: {}", self.path, self.message)?,
        }
        if let Some(note) = &self.note {
            write!(f, " ({note})")?;
        }
        Ok(())
    }
}

impl std::error::Error for FileError {}

/// Why a front end could not lint a path: a bad pack or config (located in
/// the TOML file), an unreadable file, or a bad request (an unknown rule
/// named on the command line). Per-file errors are reported and the run
/// goes on; the front end decides the exit code.
#[derive(Debug)]
pub enum Error {
    /// A located error in a rule pack or config file.
    File(Box<FileError>),
    /// A file or folder could not be read or written.
    Io { path: String, error: std::io::Error },
    /// Anything else, as a sentence.
    Message(String),
}

impl Error {
    /// A copy of the error (an I/O error keeps its kind and message).
    pub fn duplicate(&self) -> Error {
        match self {
            Error::File(e) => Error::File(e.clone()),
            Error::Io { path, error } => Error::Io {
                path: path.clone(),
                error: std::io::Error::new(error.kind(), error.to_string()),
            },
            Error::Message(m) => Error::Message(m.clone()),
        }
    }

    pub fn io(path: &std::path::Path, error: std::io::Error) -> Error {
        Error::Io {
            path: path.display().to_string(),
            error,
        }
    }
}

impl From<FileError> for Error {
    fn from(e: FileError) -> Self {
        Error::File(Box::new(e))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::File(e) => e.fmt(f),
            Error::Io { path, error } => write!(f, "{path}: {error}"),
            Error::Message(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}
