//! Reading inputs with a size cap, so that a huge file, a device such as
//! `/dev/zero` or an endless pipe is refused with a clear error instead of
//! filling memory or hanging the run.
//!
//! Every file copydesk reads goes through [`read_capped`] (or
//! [`read_capped_from`] for standard input): drafts up to
//! [`MAX_DOCUMENT_BYTES`], configs and rule packs up to [`MAX_TOML_BYTES`].
//! The cap is enforced by reading at most one byte more than it (`take`), not
//! by trusting the size the file system reports.

use std::io::{self, Read};
use std::path::Path;

/// The largest draft copydesk lints: 256 MiB.
pub const MAX_DOCUMENT_BYTES: u64 = 256 << 20;

/// The largest `copydesk.toml` or rule pack copydesk reads: 16 MiB.
pub const MAX_TOML_BYTES: u64 = 16 << 20;

/// `n` bytes as the messages show it (`256 MiB`).
pub fn show_size(n: u64) -> String {
    if n >= 1 << 20 && n % (1 << 20) == 0 {
        format!("{} MiB", n >> 20)
    } else {
        format!("{n} bytes")
    }
}

/// The error of an input over `cap` bytes (kind `FileTooLarge`).
pub fn too_large(cap: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!("larger than {}, the limit; not read", show_size(cap)),
    )
}

/// Read everything `reader` gives, up to `cap` bytes; more is an error of
/// kind `FileTooLarge`.
pub fn read_capped_from(reader: impl Read, cap: u64) -> io::Result<Vec<u8>> {
    read_sized(reader, cap, 0)
}

/// [`read_capped_from`] into a buffer made for `size` bytes first (a
/// regular file's length): one allocation, where growing by doubling
/// would copy a large file several times over.
fn read_sized(reader: impl Read, cap: u64, size: u64) -> io::Result<Vec<u8>> {
    // (One byte more, so that the read which finds the end needs no room.)
    let mut buf = Vec::with_capacity(usize::try_from(size.min(cap)).unwrap_or(0) + 1);
    reader.take(cap + 1).read_to_end(&mut buf)?;
    if buf.len() as u64 > cap {
        return Err(too_large(cap));
    }
    Ok(buf)
}

/// Read a file of at most `cap` bytes. A regular file that is larger is
/// refused before a byte is read; anything else (a pipe, a device) is read
/// up to the cap.
pub fn read_capped(path: &Path, cap: u64) -> io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a directory",
        ));
    }
    if meta.is_file() && meta.len() > cap {
        return Err(too_large(cap));
    }
    read_sized(file, cap, if meta.is_file() { meta.len() } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_more_than_the_cap() {
        assert_eq!(read_capped_from(&b"abcd"[..], 4).unwrap(), b"abcd");
        let err = read_capped_from(&b"abcde"[..], 4).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::FileTooLarge);
        assert!(err.to_string().contains("larger than 4 bytes"), "{err}");
    }

    #[test]
    fn an_endless_reader_is_cut_at_the_cap() {
        let err = read_capped_from(io::repeat(0), 1 << 20).unwrap_err();
        assert_eq!(err.to_string(), "larger than 1 MiB, the limit; not read");
    }
}
