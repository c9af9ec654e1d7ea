//! Positions in a text as editors and browsers count them: a line index
//! with conversions between byte offsets and (line, column) pairs whose
//! column counts UTF-8 code units, UTF-16 code units or Unicode scalar
//! values, both ways.
//!
//! Spans in copydesk are byte offsets (see [`crate::diagnostic`]). The
//! human and JSON reports give 1-based columns in scalar values
//! ([`crate::source::LineIndex`]); the Language Server Protocol, JavaScript
//! and the browser count UTF-16 code units, so after `😀😀 ` a finding that
//! is the 8th scalar value of its line is the 10th UTF-16 unit. Every
//! position here is 0-based, as the protocol's are.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r` (the protocol's rule), and a
//! column past the end of its line means the line's end. A column that
//! falls inside a character (between the two halves of a surrogate pair, or
//! inside a UTF-8 sequence) is moved back to the character's start.

/// What a column counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// Bytes of UTF-8 (LSP `utf-8`).
    Utf8,
    /// UTF-16 code units (LSP `utf-16`, JavaScript string indices): a
    /// character outside the Basic Multilingual Plane counts 2.
    Utf16,
    /// Unicode scalar values (LSP `utf-32`; the CLI's columns, less one).
    Utf32,
}

impl Encoding {
    /// The units `c` takes in this encoding.
    pub fn units(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }

    /// The units `s` takes in this encoding.
    pub fn len(self, s: &str) -> usize {
        match self {
            Encoding::Utf8 => s.len(),
            // ASCII is one unit a byte in every encoding.
            _ if s.is_ascii() => s.len(),
            Encoding::Utf16 => s.chars().map(char::len_utf16).sum(),
            Encoding::Utf32 => s.chars().count(),
        }
    }
}

/// A 0-based line and a 0-based column in some [`Encoding`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub fn new(line: usize, column: usize) -> Position {
        Position { line, column }
    }
}

/// The lines of a text, for converting positions.
pub struct Lines<'a> {
    text: &'a str,
    /// Byte offset at which each line starts (the first is 0).
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        let b = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while let Some(j) = memchr::memchr2(b'\n', b'\r', &b[i..]) {
            let at = i + j;
            i = match (b[at], b.get(at + 1)) {
                (b'\r', Some(b'\n')) => at + 2,
                _ => at + 1,
            };
            starts.push(i);
        }
        Lines { text, starts }
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    /// How many lines the text has (an empty text, or one ending in a line
    /// break, has an empty last line).
    pub fn count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line holding byte `offset` (a line break belongs to the
    /// line it ends).
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// The bytes of 0-based `line`, without its line break (empty past the
    /// last line).
    pub fn line(&self, line: usize) -> std::ops::Range<usize> {
        let Some(&start) = self.starts.get(line) else {
            return self.text.len()..self.text.len();
        };
        let end = self
            .starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        let body = self.text[start..end].trim_end_matches(['\n', '\r']);
        start..start + body.len()
    }

    /// The position of byte `offset` (clamped to the text, and moved back
    /// to a character boundary).
    pub fn position(&self, offset: usize, encoding: Encoding) -> Position {
        let offset = floor_boundary(self.text, offset.min(self.text.len()));
        let line = self.line_of(offset);
        let start = self.starts[line];
        // An offset inside a `\r\n` pair counts as the end of the line.
        let offset = offset.min(self.line(line).end.max(start));
        Position::new(line, encoding.len(&self.text[start..offset]))
    }

    /// The byte offset of `pos`: a line past the last is the end of the
    /// text, a column past the line's end is the line's end, and a column
    /// inside a character is that character's start.
    pub fn offset(&self, pos: Position, encoding: Encoding) -> usize {
        if pos.line >= self.starts.len() {
            return self.text.len();
        }
        let range = self.line(pos.line);
        let line = &self.text[range.clone()];
        if encoding == Encoding::Utf8 || line.is_ascii() {
            return range.start + floor_boundary(line, pos.column.min(line.len()));
        }
        let mut units = 0;
        for (i, c) in line.char_indices() {
            let next = units + encoding.units(c);
            if next > pos.column {
                return range.start + i;
            }
            units = next;
        }
        range.end
    }
}

/// `at`, or the start of the character it falls inside.
fn floor_boundary(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use Encoding::*;

    /// Astral-plane characters before a finding (text written for this
    /// test): the emoji and the rare Han character are 4 bytes, 2 UTF-16
    /// units and 1 scalar value each.
    #[test]
    fn astral_characters_count_by_encoding() {
        let text = "Intro line\n😀😀 The 𠀀 desk wrote 커뮤니티 today.\n";
        let lines = Lines::new(text);
        let at = text.find("커뮤니티").unwrap();
        let end = at + "커뮤니티".len();
        let line_start = text.find('😀').unwrap();
        assert_eq!(lines.position(at, Utf8), Position::new(1, at - line_start));
        // 😀😀 (2+2) + " The " (5) + 𠀀 (2) + " desk wrote " (12)
        assert_eq!(lines.position(at, Utf16), Position::new(1, 23));
        assert_eq!(lines.position(at, Utf32), Position::new(1, 20));
        assert_eq!(lines.position(end, Utf16), Position::new(1, 27));
        assert_eq!(lines.position(end, Utf32), Position::new(1, 24));
        for enc in [Utf8, Utf16, Utf32] {
            assert_eq!(lines.offset(lines.position(at, enc), enc), at, "{enc:?}");
            assert_eq!(lines.offset(lines.position(end, enc), enc), end, "{enc:?}");
        }
        // "after `😀😀 ` a finding sits at column 8 where LSP expects 10"
        let text = "😀😀 커뮤니티";
        let lines = Lines::new(text);
        let at = text.find('커').unwrap();
        assert_eq!(lines.position(at, Utf16).column, 5);
        assert_eq!(lines.position(at, Utf32).column, 3);
    }

    /// Every boundary of a text converts there and back in every encoding,
    /// and the columns agree with counting the line's prefix (text written
    /// for this test, with CRLF, a lone CR and astral characters).
    #[test]
    fn round_trip_at_every_character_boundary() {
        let text = "a😀b\r\n𠀀커\rx\n\n😀 end";
        let lines = Lines::new(text);
        assert_eq!(lines.count(), 5);
        for enc in [Utf8, Utf16, Utf32] {
            for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let pos = lines.position(at, enc);
                let line_start = lines.line(pos.line).start;
                let in_break = at > lines.line(pos.line).end;
                if !in_break {
                    assert_eq!(pos.column, enc.len(&text[line_start..at]), "{at} {enc:?}");
                    assert_eq!(lines.offset(pos, enc), at, "{at} {enc:?}");
                }
            }
        }
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let text = "😀x\nab";
        let lines = Lines::new(text);
        // Inside the surrogate pair: the emoji's start.
        assert_eq!(lines.offset(Position::new(0, 1), Utf16), 0);
        // Inside the UTF-8 sequence: the emoji's start.
        assert_eq!(lines.offset(Position::new(0, 2), Utf8), 0);
        // Past the line's end: the line's end, before its break.
        assert_eq!(lines.offset(Position::new(0, 99), Utf16), 5);
        assert_eq!(lines.offset(Position::new(0, 99), Utf8), 5);
        // Past the last line: the text's end.
        assert_eq!(lines.offset(Position::new(7, 0), Utf16), text.len());
        // An offset past the text, or inside a character.
        assert_eq!(lines.position(99, Utf16), Position::new(1, 2));
        assert_eq!(lines.position(2, Utf16), Position::new(0, 0));
        let empty = Lines::new("");
        assert_eq!(empty.position(0, Utf16), Position::new(0, 0));
        assert_eq!(empty.offset(Position::new(3, 3), Utf16), 0);
    }

    #[test]
    fn line_breaks_are_lf_crlf_and_lone_cr() {
        let lines = Lines::new("a\r\nb\rc\nd");
        assert_eq!(lines.count(), 4);
        assert_eq!(lines.line(0), 0..1);
        assert_eq!(lines.line(1), 3..4);
        assert_eq!(lines.line(2), 5..6);
        assert_eq!(lines.line(3), 7..8);
        // The `\n` of `\r\n` is the end of line 0, not a line of its own.
        assert_eq!(lines.position(2, Utf16), Position::new(0, 1));
    }
}
