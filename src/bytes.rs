//! Byte classes of text, 64 bytes at a time, as bitmasks.
//!
//! The rules that look only at some words (capitalized ones, or words of a
//! list) first find where such words may be, and most of a news draft is
//! lowercase ASCII prose that none of them reads. Each function here gives,
//! for a block of 64 bytes, a `u64` with bit `j` set where byte `j` is in a
//! class; callers walk the set bits (`trailing_zeros`) instead of the bytes.
//!
//! The bytes are compared sixteen at a time with the vector types of the
//! `wide` crate (SSE2 on x86-64, NEON on AArch64, plain arrays elsewhere),
//! so the project itself needs no `unsafe` and no per-target code.

use wide::u8x16;

/// Bit `j` set where byte `j` of `block` satisfies `class` (lane by lane:
/// `class` returns all ones in a lane that is in the class, zero in one that
/// is not).
#[inline(always)]
fn mask64(block: &[u8; 64], class: impl Fn(u8x16) -> u8x16) -> u64 {
    let mut m = 0u64;
    for (k, chunk) in block.chunks_exact(16).enumerate() {
        let lanes: [u8; 16] = chunk.try_into().expect("sixteen bytes");
        let bits = class(u8x16::new(lanes)).move_mask() as u32 & 0xffff;
        m |= u64::from(bits) << (16 * k);
    }
    m
}

/// All ones in the lanes of `v` that lie in `lo..=hi` (one unsigned
/// comparison: `v - lo <= hi - lo`).
#[inline(always)]
fn in_range(v: u8x16, lo: u8, hi: u8) -> u8x16 {
    let d = v - u8x16::splat(lo);
    d.min(u8x16::splat(hi - lo)).cmp_eq(d)
}

/// All ones in the lanes of `v` that are at least `lo`.
#[inline(always)]
fn at_least(v: u8x16, lo: u8) -> u8x16 {
    v.max(u8x16::splat(lo)).cmp_eq(v)
}

/// ASCII capitals and the lead bytes of non-ASCII characters
/// (`0b11xxxxxx`): where a capitalized word may start.
#[inline]
pub fn capitals_and_leads(block: &[u8; 64]) -> u64 {
    mask64(block, |v| in_range(v, b'A', b'Z') | at_least(v, 0xc0))
}

/// ASCII letters.
#[inline]
pub fn ascii_letters(block: &[u8; 64]) -> u64 {
    // Bit 5 set maps `A..=Z` onto `a..=z` and no other byte into them.
    mask64(block, |v| in_range(v | u8x16::splat(0x20), b'a', b'z'))
}

/// ASCII word bytes: letters, digits and `_`.
#[inline]
pub fn ascii_word_bytes(block: &[u8; 64]) -> u64 {
    mask64(block, |v| {
        in_range(v | u8x16::splat(0x20), b'a', b'z')
            | in_range(v, b'0', b'9')
            | v.cmp_eq(u8x16::splat(b'_'))
    })
}

/// Line feeds.
#[inline]
pub fn line_feeds(block: &[u8; 64]) -> u64 {
    mask64(block, |v| v.cmp_eq(u8x16::splat(b'\n')))
}

/// The bytes segmentation stops at: line feeds, `.`, `!`, `?`, `"` and
/// 0xE2 (the lead byte of the ellipsis and the curly quotation marks).
#[inline]
pub fn segment_marks(block: &[u8; 64]) -> u64 {
    mask64(block, |v| {
        v.cmp_eq(u8x16::splat(b'\n'))
            | in_range(v, b'!', b'"')
            | v.cmp_eq(u8x16::splat(b'.'))
            | v.cmp_eq(u8x16::splat(b'?'))
            | v.cmp_eq(u8x16::splat(0xE2))
    })
}

/// [`capitals_and_leads`] and [`ascii_letters`] of a block, from one load
/// of each sixteen bytes.
#[inline]
pub fn capitals_leads_and_letters(block: &[u8; 64]) -> (u64, u64) {
    let (mut starts, mut letters) = (0, 0);
    for (k, chunk) in block.chunks_exact(16).enumerate() {
        let lanes: [u8; 16] = chunk.try_into().expect("sixteen bytes");
        let v = u8x16::new(lanes);
        let bits = |m: u8x16| u64::from(m.move_mask() as u32 & 0xffff) << (16 * k);
        starts |= bits(in_range(v, b'A', b'Z') | at_least(v, 0xc0));
        letters |= bits(in_range(v | u8x16::splat(0x20), b'a', b'z'));
    }
    (starts, letters)
}

/// The first byte of `b` at or after `from` that is not ASCII (`0x80` or
/// more): the Unicode rules look only at those, and most news text has a
/// few in a thousand. Blocks of 64 bytes are skipped when no byte has its
/// high bit set (a vector's move mask is those bits).
#[inline]
pub fn next_non_ascii(b: &[u8], from: usize) -> Option<usize> {
    let lanes = |chunk: &[u8]| u8x16::new(chunk.try_into().expect("sixteen bytes"));
    let mut i = from;
    while let Some(block) = b.get(i..i + 64) {
        let (v0, v1) = (lanes(&block[..16]), lanes(&block[16..32]));
        let (v2, v3) = (lanes(&block[32..48]), lanes(&block[48..]));
        if (v0 | v1 | v2 | v3).move_mask() != 0 {
            break;
        }
        i += 64;
    }
    while let Some(chunk) = b.get(i..i + 16) {
        let m = lanes(chunk).move_mask();
        if m != 0 {
            return Some(i + m.trailing_zeros() as usize);
        }
        i += 16;
    }
    let p = b.get(i..)?.iter().position(|&c| c >= 0x80)?;
    Some(i + p)
}

/// `class` of the bytes of `b` from `base` (at most 64; bytes past the end
/// of `b` count as NUL, which is in no class above).
#[inline(always)]
pub fn mask_at<T>(b: &[u8], base: usize, class: impl Fn(&[u8; 64]) -> T) -> T {
    match b.get(base..base + 64) {
        Some(block) => class(block.try_into().expect("64 bytes")),
        None => {
            let mut buf = [0u8; 64];
            let rest = b.get(base..).unwrap_or_default();
            buf[..rest.len()].copy_from_slice(rest);
            class(&buf)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte value at every position of a block, against the byte
    /// tests of the standard library.
    #[test]
    fn classes_match_byte_tests() {
        type Class = (fn(&[u8; 64]) -> u64, fn(u8) -> bool);
        let classes: [Class; 5] = [
            (capitals_and_leads, |c| c.is_ascii_uppercase() || c >= 0xc0),
            (ascii_letters, |c| c.is_ascii_alphabetic()),
            (ascii_word_bytes, |c| c.is_ascii_alphanumeric() || c == b'_'),
            (segment_marks, |c| b"\n.!?\"\xE2".contains(&c)),
            (line_feeds, |c| c == b'\n'),
        ];
        for (class, want) in classes {
            // Byte `j` of block `k` is `j + k`: every value at every position.
            for k in 0..256 {
                let mut block = [0u8; 64];
                for (j, byte) in block.iter_mut().enumerate() {
                    *byte = ((j + k) % 256) as u8;
                }
                let expect = (0..64)
                    .filter(|&j| want(block[j]))
                    .fold(0u64, |m, j| m | 1 << j);
                assert_eq!(class(&block), expect, "{block:?}");
            }
        }
    }

    #[test]
    fn two_classes_at_once() {
        for k in 0..256 {
            let mut block = [0u8; 64];
            for (j, byte) in block.iter_mut().enumerate() {
                *byte = ((j * 5 + k) % 256) as u8;
            }
            let want = (capitals_and_leads(&block), ascii_letters(&block));
            assert_eq!(capitals_leads_and_letters(&block), want, "{block:?}");
        }
    }

    /// Every start offset of texts with non-ASCII bytes at chosen places,
    /// against a byte loop.
    #[test]
    fn next_non_ascii_is_the_first_high_byte() {
        for places in [
            &[][..],
            &[0],
            &[15],
            &[16],
            &[17, 40],
            &[31, 32],
            &[47],
            &[63],
            &[64],
            &[70],
            &[130, 131],
        ] {
            for len in [0, 1, 15, 16, 17, 33, 48, 63, 64, 65, 71, 128, 140] {
                let mut b = vec![b'a'; len];
                for &p in places.iter().filter(|&&p| p < len) {
                    b[p] = 0x80 | (p as u8);
                }
                for from in 0..=len + 2 {
                    let want = b
                        .get(from..)
                        .and_then(|r| r.iter().position(|&c| c >= 0x80))
                        .map(|p| from + p);
                    assert_eq!(next_non_ascii(&b, from), want, "{places:?} {len} {from}");
                }
            }
        }
    }

    #[test]
    fn short_tail_is_padded_with_nul() {
        let b = b"Kim Jong Un";
        assert_eq!(mask_at(b, 0, capitals_and_leads), 1 | 1 << 4 | 1 << 9);
        assert_eq!(mask_at(b, 4, ascii_letters), 0b110_1111);
        assert_eq!(mask_at(b, 64, ascii_letters), 0);
    }
}
