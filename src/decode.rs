//! Turning a file's bytes into text to lint: UTF-8 (invalid bytes read as
//! spaces), UTF-16 with a byte-order mark, and the binary files that are not
//! text at all.
//!
//! Offsets. A UTF-8 file is linted as it is: every offset is a byte offset
//! into the file. A UTF-16 file is linted as its UTF-8 decoding, which keeps
//! the byte-order mark as a leading U+FEFF (a leading BOM is never a
//! finding); [`Encoding::file_offset`] and [`FileOffsets`] map an offset of
//! that text back to the file's bytes (two bytes per UTF-16 code unit, the
//! BOM included), and [`Encoding::encode`] writes fixed text back in the
//! file's own encoding.
//!
//! Binary. A text file with a stray NUL or control byte is still text: it is
//! linted, and the byte is a finding (`invisible-char`). A file is binary
//! when its first 64 KiB start with the signature of a binary format
//! (images, archives, PDF, office documents, executables), or are dense with
//! control bytes — more than one in four (and more than one), or more than one in 32 together
//! with more than one in eight bytes that are not UTF-8 (compressed and
//! encoded data look like that; prose in any encoding does not). UTF-32 is
//! not read: it counts as binary.

use std::borrow::Cow;

/// The outcome of decoding a file's bytes.
pub enum Decoded {
    /// The text is usable; `invalid_utf8` holds the offset of the first bad byte, if any.
    Text {
        text: String,
        invalid_utf8: Option<usize>,
    },
    /// A binary file (an image, an archive …): not linted.
    Binary,
}

/// How a file's bytes encode its text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark: offsets are the file's.
    #[default]
    Utf8,
    /// UTF-16, little-endian, with a byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, with a byte-order mark.
    Utf16Be,
}

const UTF32_BOMS: [&[u8]; 2] = [b"\xFF\xFE\x00\x00", b"\x00\x00\xFE\xFF"];

impl Encoding {
    /// The encoding a file's byte-order mark announces; UTF-8 without one.
    pub fn sniff(bytes: &[u8]) -> Encoding {
        if UTF32_BOMS.iter().any(|b| bytes.starts_with(b)) {
            Encoding::Utf8
        } else if bytes.starts_with(b"\xFF\xFE") {
            Encoding::Utf16Le
        } else if bytes.starts_with(b"\xFE\xFF") {
            Encoding::Utf16Be
        } else {
            Encoding::Utf8
        }
    }

    pub fn is_utf16(self) -> bool {
        self != Encoding::Utf8
    }

    /// The name users know it by.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
        }
    }

    /// Where byte `at` of the decoded `text` (a character boundary) is in
    /// the file. Linear in `at`: for many offsets use [`FileOffsets`].
    pub fn file_offset(self, text: &str, at: usize) -> usize {
        match self {
            Encoding::Utf8 => at,
            _ => 2 * text[..at].encode_utf16().count(),
        }
    }

    /// `text` (as decoded, with its leading U+FEFF) in this encoding.
    pub fn encode(self, text: &str) -> Vec<u8> {
        match self {
            Encoding::Utf8 => text.as_bytes().to_vec(),
            Encoding::Utf16Le => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
            Encoding::Utf16Be => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        }
    }
}

/// Maps offsets of a decoded text to offsets in its file, in about constant
/// time each (a checkpoint every 4 KiB of text).
pub struct FileOffsets<'a> {
    text: &'a str,
    encoding: Encoding,
    /// `(text offset, file offset)` at the first character boundary of
    /// each 4 KiB block.
    checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT: usize = 4096;

impl<'a> FileOffsets<'a> {
    pub fn new(text: &'a str, encoding: Encoding) -> FileOffsets<'a> {
        let mut checkpoints = Vec::new();
        if encoding.is_utf16() {
            let (mut at, mut units) = (0, 0);
            for block in (0..text.len()).step_by(CHECKPOINT) {
                let mut start = block;
                while !text.is_char_boundary(start) {
                    start += 1;
                }
                units += text[at..start].encode_utf16().count();
                at = start;
                checkpoints.push((at, 2 * units));
            }
        }
        FileOffsets {
            text,
            encoding,
            checkpoints,
        }
    }

    /// Where byte `at` of the text (a character boundary) is in the file.
    pub fn get(&self, at: usize) -> usize {
        if !self.encoding.is_utf16() {
            return at;
        }
        let i = self.checkpoints.partition_point(|&(t, _)| t <= at);
        let (t, f) = if i == 0 {
            (0, 0)
        } else {
            self.checkpoints[i - 1]
        };
        f + 2 * self.text[t..at].encode_utf16().count()
    }
}

/// How much of a file the binary heuristic reads.
const SNIFF_BYTES: usize = 64 << 10;

/// Signatures of binary formats a newsroom's folders hold, none of which
/// can start a text.
const SIGNATURES: &[&[u8]] = &[
    b"\x89PNG\r\n\x1a\n",                // PNG
    b"\xFF\xD8\xFF",                     // JPEG
    b"%PDF-",                            // PDF
    b"PK\x03\x04",                       // ZIP: docx, xlsx, odt, epub …
    b"\x1F\x8B",                         // gzip
    b"\xFD7zXZ\x00",                     // xz
    b"7z\xBC\xAF\x27\x1C",               // 7-Zip
    b"\x28\xB5\x2F\xFD",                 // zstd
    b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", // OLE: doc, xls, ppt
    b"\x7FELF",                          // ELF executables
    b"\xCF\xFA\xED\xFE",                 // Mach-O
    b"SQLite format 3\x00",              // SQLite
];

/// A control byte that text does not hold: C0 controls other than tab,
/// line feed, vertical tab (Word's manual line break), form feed, carriage
/// return and escape.
fn is_binary_control(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F)
}

/// How many bytes of `bytes` are not part of a valid UTF-8 character (a
/// character cut at the end counts too).
fn invalid_utf8_bytes(mut bytes: &[u8]) -> usize {
    let mut invalid = 0;
    while let Err(e) = std::str::from_utf8(bytes) {
        let bad = e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
        invalid += bad;
        bytes = &bytes[e.valid_up_to() + bad..];
    }
    invalid
}

/// Whether `bytes` are a binary file rather than text (see the module
/// documentation for the heuristic).
pub fn is_binary(bytes: &[u8]) -> bool {
    if UTF32_BOMS.iter().any(|b| bytes.starts_with(b)) {
        return true;
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if SIGNATURES.iter().any(|s| head.starts_with(s)) {
        return true;
    }
    let controls = head.iter().filter(|&&b| is_binary_control(b)).count();
    if controls == 0 {
        return false;
    }
    // One stray control byte never makes a file binary, however short it is.
    (controls > 1 && 4 * controls > head.len())
        || (32 * controls > head.len() && 8 * invalid_utf8_bytes(head) > head.len())
}

/// Decode bytes for linting. Invalid UTF-8 bytes are each replaced by one
/// ASCII space, so offsets stay those of the file; the first bad offset is
/// returned so it can be reported. UTF-16 with a byte-order mark is decoded
/// (see [`Encoding`] for its offsets).
pub fn decode(bytes: Vec<u8>) -> Decoded {
    let encoding = Encoding::sniff(&bytes);
    if encoding.is_utf16() {
        let text = decode_utf16(&bytes, encoding);
        if is_binary(text.as_bytes()) {
            return Decoded::Binary;
        }
        return Decoded::Text {
            text,
            invalid_utf8: None,
        };
    }
    if is_binary(&bytes) {
        return Decoded::Binary;
    }
    match String::from_utf8(bytes) {
        Ok(text) => Decoded::Text {
            text,
            invalid_utf8: None,
        },
        Err(err) => {
            let first = err.utf8_error().valid_up_to();
            let mut bytes = err.into_bytes();
            let mut pos = first;
            while pos < bytes.len() {
                match std::str::from_utf8(&bytes[pos..]) {
                    Ok(_) => break,
                    Err(e) => {
                        let bad_at = pos + e.valid_up_to();
                        let bad_len = e.error_len().unwrap_or(bytes.len() - bad_at);
                        for b in &mut bytes[bad_at..bad_at + bad_len] {
                            *b = b' ';
                        }
                        pos = bad_at + bad_len;
                    }
                }
            }
            let text = String::from_utf8(bytes).expect("every invalid byte was replaced");
            Decoded::Text {
                text,
                invalid_utf8: Some(first),
            }
        }
    }
}

/// UTF-16 text, its byte-order mark kept as U+FEFF; unpaired surrogates and
/// an odd last byte become U+FFFD (reported by `mojibake`).
fn decode_utf16(bytes: &[u8], encoding: Encoding) -> String {
    let codec = match encoding {
        Encoding::Utf16Be => encoding_rs::UTF_16BE,
        _ => encoding_rs::UTF_16LE,
    };
    let (text, _) = codec.decode_without_bom_handling(bytes);
    match text {
        Cow::Borrowed(s) => s.to_string(),
        Cow::Owned(s) => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(bytes: &[u8]) -> String {
        match decode(bytes.to_vec()) {
            Decoded::Text { text, .. } => text,
            Decoded::Binary => panic!("read as binary: {bytes:?}"),
        }
    }

    #[test]
    fn invalid_bytes_become_spaces_and_keep_offsets() {
        let bytes = b"caf\xe9 ok \xff\xfe end".to_vec();
        let Decoded::Text { text, invalid_utf8 } = decode(bytes.clone()) else {
            panic!("not binary");
        };
        assert_eq!(invalid_utf8, Some(3));
        assert_eq!(text.len(), bytes.len());
        assert_eq!(text, "caf  ok    end");
    }

    #[test]
    fn a_stray_nul_is_text() {
        assert_eq!(text_of(b"a\0b"), "a\0b");
        assert_eq!(text_of(b"abc\0def"), "abc\0def");
        let mut latin1 = b"Le caf\xe9 est ferm\xe9. ".repeat(5);
        latin1.push(0);
        assert!(!is_binary(&latin1));
    }

    /// Bytes that look like compressed data (a linear congruential sequence).
    fn noise(n: usize) -> Vec<u8> {
        let mut x: u32 = 12345;
        (0..n)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (x >> 16) as u8
            })
            .collect()
    }

    #[test]
    fn binary_formats_are_binary() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend(noise(2000));
        assert!(is_binary(&png));
        assert!(is_binary(b"PK\x03\x04\x14\0\0\0\x08\0"));
        assert!(is_binary(&noise(10_000)), "data without a signature");
        assert!(is_binary(&[0u8; 300]));
        assert!(is_binary(b"\xFF\xFE\0\0A\0\0\0"), "UTF-32");
        assert!(!is_binary("BMW said on Monday.".as_bytes()));
        assert!(!is_binary(b""));
    }

    #[test]
    fn utf16_with_a_bom_is_decoded_and_mapped() {
        let text = "\u{feff}A 커뮤니티 \u{1F600}!\n";
        for enc in [Encoding::Utf16Le, Encoding::Utf16Be] {
            let bytes = enc.encode(text);
            assert_eq!(Encoding::sniff(&bytes), enc);
            assert_eq!(text_of(&bytes), text);
            let map = FileOffsets::new(text, enc);
            // `커` is the fourth UTF-16 unit (after the BOM, `A` and a space).
            let at = text.find('커').unwrap();
            assert_eq!(map.get(at), 6);
            assert_eq!(enc.file_offset(text, at), 6);
            assert_eq!(map.get(text.len()), bytes.len());
        }
        assert_eq!(Encoding::sniff(b"plain"), Encoding::Utf8);
    }

    #[test]
    fn offsets_past_checkpoints() {
        let text = format!("\u{feff}{}", "커뮤니티 ab ".repeat(2000));
        let map = FileOffsets::new(&text, Encoding::Utf16Le);
        for (at, _) in text.char_indices().step_by(97) {
            assert_eq!(map.get(at), Encoding::Utf16Le.file_offset(&text, at));
        }
    }

    #[test]
    fn broken_utf16_becomes_replacement_characters() {
        let bytes = b"\xFF\xFEA\0\x00\xD8B\0x".to_vec();
        assert_eq!(text_of(&bytes), "\u{feff}A\u{fffd}B\u{fffd}");
    }
}
