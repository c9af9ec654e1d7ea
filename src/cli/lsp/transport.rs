//! The protocol's framing on a byte stream: `Content-Length` headers, then
//! a JSON-RPC message.
//!
//! `lsp-server`'s own stdio reader ends the connection at the first message
//! it cannot parse; an editor's server must outlive a bad message. This
//! reader skips it (a bad header line, a body that is not JSON or not a
//! JSON-RPC message, a body over [`MAX_MESSAGE`]) and reports it as
//! [`Incoming::Malformed`], which the server answers with a parse error.

use lsp_server::Message;
use std::io::{self, BufRead, Read, Write};
use std::sync::mpsc::{self, Receiver};

/// The largest message read: a document of the largest size copydesk
/// lints, escaped as JSON, fits.
pub const MAX_MESSAGE: usize = 2 * copydesk::input::MAX_DOCUMENT_BYTES as usize;

/// What the reader hands the server.
#[derive(Debug)]
pub enum Incoming {
    Message(Message),
    /// A message that could not be read, and why.
    Malformed(String),
}

/// Read messages from `input` on a thread of their own until it ends.
pub fn spawn_reader(input: impl Read + Send + 'static) -> Receiver<Incoming> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("copydesk-lsp-reader".into())
        .spawn(move || {
            let mut input = io::BufReader::new(input);
            while let Ok(Some(incoming)) = read(&mut input) {
                if tx.send(incoming).is_err() {
                    break;
                }
            }
        })
        .expect("a thread can be started");
    rx
}

/// The next message of `input`; `None` at its end.
pub fn read(input: &mut impl BufRead) -> io::Result<Option<Incoming>> {
    let length = match headers(input)? {
        None => return Ok(None),
        Some(Err(why)) => return Ok(Some(Incoming::Malformed(why))),
        Some(Ok(n)) => n,
    };
    if length > 4 * MAX_MESSAGE {
        // No client sends this: a corrupt header. Skipping that many bytes
        // would swallow every later message; the reader finds the next
        // `Content-Length` header instead.
        return Ok(Some(Incoming::Malformed(format!(
            "a Content-Length of {length} bytes cannot be right"
        ))));
    }
    if length > MAX_MESSAGE {
        io::copy(&mut input.by_ref().take(length as u64), &mut io::sink())?;
        return Ok(Some(Incoming::Malformed(format!(
            "a message of {length} bytes is over the limit of {MAX_MESSAGE}"
        ))));
    }
    let mut body = vec![0; length];
    if let Err(e) = input.read_exact(&mut body) {
        return match e.kind() {
            io::ErrorKind::UnexpectedEof => Ok(None),
            _ => Err(e),
        };
    }
    // A lone surrogate escape (an editor's buffer cut inside an emoji) is
    // read as U+FFFD, as the HTTP service reads it.
    let body = copydesk::stream::repair_lone_surrogates(&body);
    Ok(Some(match serde_json::from_slice::<Message>(&body) {
        Ok(m) => Incoming::Message(m),
        Err(e) => Incoming::Malformed(format!("not a JSON-RPC message: {e}")),
    }))
}

/// The header block: the body's length, or why it cannot be known.
fn headers(input: &mut impl BufRead) -> io::Result<Option<Result<usize, String>>> {
    let mut length: Option<Result<usize, String>> = None;
    let mut any_header = false;
    let mut line = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            match length {
                Some(l) => return Ok(Some(l)),
                // Headers but no length: the body cannot be framed (it is
                // read as header lines until the next `Content-Length`).
                None if any_header => {
                    return Ok(Some(
                        Err("a message without a Content-Length header".into()),
                    ))
                }
                // Blank lines between messages.
                None => continue,
            }
        }
        any_header = true;
        // A header after a body whose length was wrong starts mid-line.
        let lower = text.to_ascii_lowercase();
        if let Some(at) = lower.find("content-length:") {
            let value = text[at + "content-length:".len()..].trim();
            length = Some(
                value
                    .parse()
                    .map_err(|_| format!("bad Content-Length header `{value}`")),
            );
        } else if length.is_none() && !text.contains(':') {
            return Ok(Some(Err(format!(
                "expected a header, read `{}`",
                copydesk::diagnostic::excerpt(text, 60)
            ))));
        }
    }
}

/// Write one message, framed.
pub fn write(out: &mut impl Write, message: &Message) -> io::Result<()> {
    message.write(out)
}

/// Write a JSON-RPC error answering no request (`id` null): the answer to
/// a message that could not be read.
pub fn write_parse_error(out: &mut impl Write, why: &str) -> io::Result<()> {
    let body = serde_json::json!({
        "jsonrpc": "2.0",
        "id": null,
        "error": { "code": lsp_server::ErrorCode::ParseError as i32, "message": why },
    })
    .to_string();
    write!(out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    fn all(input: &str) -> Vec<Incoming> {
        let mut r = io::BufReader::new(input.as_bytes());
        std::iter::from_fn(|| read(&mut r).unwrap()).collect()
    }

    /// Bad messages between good ones are reported and skipped; the good
    /// ones after them are read (messages written for this test).
    #[test]
    fn malformed_messages_are_skipped_and_reading_goes_on() {
        let ok = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let input = [
            frame(ok),
            frame("{not json"),
            frame(r#"{"jsonrpc":"2.0","params":{}}"#),
            "Content-Length: x\r\n\r\n".to_string(),
            frame(ok),
            "garbage line\r\n".to_string(),
            frame(ok),
        ]
        .concat();
        let got = all(&input);
        let kinds: Vec<&str> = got
            .iter()
            .map(|m| match m {
                Incoming::Message(_) => "ok",
                Incoming::Malformed(_) => "bad",
            })
            .collect();
        assert_eq!(kinds, ["ok", "bad", "bad", "bad", "ok", "bad", "ok"]);
    }

    #[test]
    fn an_oversized_message_is_skipped_without_being_held() {
        let input = format!("Content-Length: {}\r\n\r\n", MAX_MESSAGE + 1);
        let got = all(&input);
        assert!(matches!(&got[..], [Incoming::Malformed(m)] if m.contains("over the limit")));
    }
}
