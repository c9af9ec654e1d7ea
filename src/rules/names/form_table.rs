//! The entity table's form index, for leftmost-longest matching at a
//! draft's capitals ([`FormTable`]), and the lookup machinery the name scans
//! share: prefix bitmaps ([`Bitmap`]), a hasher for short keys
//! ([`PrefixBuild`]) and eight-byte loads ([`load8`]).

use std::collections::{BTreeMap, HashMap};

use crate::words::{hash_bits, pack};

/// The table forms, for leftmost-longest matching.
///
/// A leftmost-longest scan is the same as taking, at each position in turn,
/// the longest form that starts there, and resuming after it. Forms that
/// start with a capital or a non-ASCII letter (nearly all) are looked up at
/// the positions [`candidates`](super::stops::candidates) lists, by their
/// first three bytes; an automaton over all forms would instead step
/// through every byte of the draft. The few forms that start with another ASCII byte (`al-Qaeda`)
/// are looked up at the candidates too, by their bytes up to their first
/// capital ([`FormTable::anchored`]).
#[derive(Debug, Clone, Default)]
pub(super) struct FormTable {
    /// Bit [`prefix_bit`] of its first three bytes is set for each form of
    /// three bytes or more: most capitals are rejected here, unhashed.
    prefixes: Bitmap<1024>,
    /// The same for the first four bytes of each form of four bytes or
    /// more, and the three-byte forms' [`prefix3`]s.
    quads: Bitmap<1024>,
    threes: Vec<u32>,
    /// First three bytes → forms of three bytes or more, longest first.
    by_prefix: HashMap<u32, Vec<usize>, PrefixBuild>,
    /// Forms shorter than three bytes starting with a capital, longest first.
    short: Vec<usize>,
    /// Forms starting with another ASCII byte (too common a byte to stop
    /// at) with a capital or a lead byte among their first eight bytes,
    /// which a scan stops at (`Q` in `al-Qaeda`): by their bytes up to it
    /// (`al-Q`; `al ` alone ends `general `).
    anchored: Vec<Vec<usize>>,
    /// Bit `b[c - 1] | b[c] << 8` is set for the last two of those bytes
    /// of each: most candidates `c` are rejected here, unhashed.
    anchor_pairs: Bitmap<1024>,
    /// The distinct numbers of bytes before the capital.
    anchor_ks: Vec<usize>,
    /// That number and the bytes from the form's start to the capital,
    /// [`pack`]ed (first byte lowest) → the entry of `anchored`.
    by_anchor: HashMap<(usize, u64), usize>,
    /// The other forms starting with another ASCII byte, by their first
    /// three bytes (four after `al `; fewer for a shorter form): a substring
    /// searcher for each prefix, and the forms.
    other: Vec<(memchr::memmem::Finder<'static>, Vec<usize>)>,
}

fn prefix3(b: &[u8]) -> u32 {
    u32::from_le_bytes([b[0], b[1], b[2], 0])
}

/// A bit of [`FormTable::quads`] for four bytes.
fn quad_bit(q: &[u8]) -> usize {
    bit16(u32::from_le_bytes(q.try_into().expect("four bytes")))
}

/// A bit of [`FormTable::prefixes`] for a [`prefix3`].
fn prefix_bit(prefix: u32) -> usize {
    bit16(prefix)
}

impl FormTable {
    pub(super) fn build(forms: &[String]) -> FormTable {
        Self::build_anchored(forms, 7)
    }

    /// [`FormTable::build`], anchoring forms at a capital or lead byte at
    /// most `max_k` bytes in.
    fn build_anchored(forms: &[String], max_k: usize) -> FormTable {
        let mut t = FormTable {
            ..FormTable::default()
        };
        let mut other: BTreeMap<&[u8], Vec<usize>> = BTreeMap::new();
        let mut anchored: BTreeMap<&[u8], Vec<usize>> = BTreeMap::new();
        for (id, f) in forms.iter().enumerate() {
            let b = f.as_bytes();
            let anchor = b
                .iter()
                .take(max_k + 1)
                .position(|&c| c.is_ascii_uppercase() || c >= 0xc0);
            if let Some(k) = anchor.filter(|&k| k > 0) {
                anchored.entry(&b[..=k]).or_default().push(id);
            } else if anchor != Some(0) {
                // `al ` ends a word in every `general `: take the next
                // letter into the prefix too (`al Q`).
                let n = if b.get(2) == Some(&b' ') { 4 } else { 3 };
                other.entry(&b[..b.len().min(n)]).or_default().push(id);
            } else if b.len() < 3 {
                t.short.push(id);
            } else {
                t.prefixes.insert(prefix_bit(prefix3(b)));
                match b.get(..4) {
                    Some(q) => t.quads.insert(quad_bit(q)),
                    None => t.threes.push(prefix3(b)),
                }
                t.by_prefix.entry(prefix3(b)).or_default().push(id);
            }
        }
        let longest_first =
            |ids: &mut Vec<usize>| ids.sort_by_key(|&id| std::cmp::Reverse(forms[id].len()));
        for ids in t.by_prefix.values_mut() {
            longest_first(ids);
        }
        longest_first(&mut t.short);
        t.other = other
            .into_iter()
            .map(|(prefix, ids)| (memchr::memmem::Finder::new(prefix).into_owned(), ids))
            .collect();
        for (pre, ids) in anchored {
            let k = pre.len() - 1;
            t.anchor_pairs
                .insert(usize::from(pre[k - 1]) | usize::from(pre[k]) << 8);
            if !t.anchor_ks.contains(&k) {
                t.anchor_ks.push(k);
            }
            let pre = pack(pre.iter().copied());
            t.by_anchor.insert((k, pre), t.anchored.len());
            t.anchored.push(ids);
        }
        t
    }

    /// Note in `hits` each anchored entry whose bytes end at the candidate
    /// `c`, as (start, entry).
    #[inline(always)]
    pub(super) fn anchored_at(&self, b: &[u8], c: usize, hits: &mut Vec<(usize, usize)>) {
        if c > 0
            && self
                .anchor_pairs
                .contains(usize::from(b[c - 1]) | usize::from(b[c]) << 8)
        {
            self.anchored_at_slow(b, c, hits);
        }
    }

    #[inline(never)]
    fn anchored_at_slow(&self, b: &[u8], c: usize, hits: &mut Vec<(usize, usize)>) {
        // The eight bytes that end at `c`, `b[c]` highest (zeros before
        // the draft): shifted right by `8 * (7 - k)`, the [`pack`] of the
        // `k + 1` bytes ending at `c`.
        let upto = b[c.saturating_sub(7)..=c]
            .iter()
            .fold(0, |acc, &x| acc >> 8 | u64::from(x) << 56);
        for &k in &self.anchor_ks {
            let pre = upto >> (8 * (7 - k));
            if let Some(&i) = self.by_anchor.get(&(k, pre)).filter(|_| c >= k) {
                hits.push((c - k, i));
            }
        }
    }

    /// [`FormTable::anchored_at`] for each of `cands`.
    pub(super) fn anchored_hits(&self, b: &[u8], cands: &[usize]) -> Vec<(usize, usize)> {
        let mut hits = Vec::new();
        for &c in cands {
            self.anchored_at(b, c, &mut hits);
        }
        hits
    }

    /// Whether a form may start at `p` (false: [`FormTable::longest_at`]
    /// finds none).
    #[inline]
    fn may_start(&self, b: &[u8], p: usize) -> bool {
        self.may_start_at(load8(b, p), b.len() - p)
    }

    /// [`FormTable::may_start`] given the eight bytes from the position
    /// ([`load8`]) and how many bytes the text has from there.
    #[inline(always)]
    pub(super) fn may_start_at(&self, x: u64, avail: usize) -> bool {
        if !self.short.is_empty() {
            return true;
        }
        if avail < 3 {
            return false;
        }
        let prefix = (x & 0xff_ffff) as u32;
        if !self.prefixes.contains(prefix_bit(prefix)) {
            return false;
        }
        if avail >= 4 && self.quads.contains(bit16(x as u32)) {
            return true;
        }
        self.threes.contains(&prefix)
    }

    /// The longest form starting at `p`, which is a capital or a lead byte
    /// (callers test [`FormTable::may_start`] first).
    fn longest_at(&self, b: &[u8], p: usize, forms: &[String]) -> Option<usize> {
        let rest = &b[p..];
        if rest.len() >= 3 {
            if let Some(ids) = self.by_prefix.get(&prefix3(rest)) {
                // (Forms of a prefix often share their first word,
                // `Kim …`: their last byte tells most apart first.)
                if let Some(&id) = ids.iter().find(|&&id| {
                    let f = forms[id].as_bytes();
                    rest.get(f.len() - 1) == f.last() && rest.starts_with(f)
                }) {
                    return Some(id);
                }
            }
        }
        self.short
            .iter()
            .copied()
            .find(|&id| rest.starts_with(forms[id].as_bytes()))
    }

    /// Call `f(start, end, form)` for each leftmost-longest, non-overlapping
    /// match of a form in `text`, in order.
    pub(super) fn leftmost_longest(
        &self,
        text: &str,
        cands: &[usize],
        anchored: &[(usize, usize)],
        forms: &[String],
        mut f: impl FnMut(usize, usize, usize),
    ) {
        let b = text.as_bytes();
        // The longest `anchored` or `other` form at each position where one
        // starts.
        let mut other: Vec<(usize, usize, usize)> = Vec::new();
        for &(s, i) in anchored {
            for &id in &self.anchored[i] {
                if b[s..].starts_with(forms[id].as_bytes()) {
                    other.push((s, s + forms[id].len(), id));
                }
            }
        }
        for (finder, ids) in &self.other {
            let mut from = 0;
            while let Some(k) = finder.find(&b[from..]) {
                let s = from + k;
                for &id in ids {
                    if b[s..].starts_with(forms[id].as_bytes()) {
                        other.push((s, s + forms[id].len(), id));
                    }
                }
                // Occurrences may overlap (`aaa` in `aaaa`).
                from = s + 1;
            }
        }
        other.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
        other.dedup_by_key(|m| m.0);
        let mut other = other.into_iter().peekable();
        // Matches start at or after `pos`; capitals before `next` have no
        // form; `cands[k]` is the first candidate not yet tried.
        let (mut pos, mut next, mut k) = (0, 0, 0);
        loop {
            while other.next_if(|m| m.0 < pos).is_some() {}
            let limit = other.peek().map_or(b.len(), |m| m.0);
            next = next.max(pos);
            let mut found = None;
            while cands.get(k).is_some_and(|&c| c < next) {
                k += 1;
            }
            // (Most capitals start no form: the prefix bitmap, inline.)
            while let Some(&c) = cands.get(k).filter(|&&c| c < limit) {
                if self.may_start(b, c) {
                    if let Some(id) = self.longest_at(b, c, forms) {
                        found = Some((c, c + forms[id].len(), id));
                        break;
                    }
                }
                k += 1;
                next = c + 1;
            }
            let Some((s, e, id)) = found.or_else(|| other.next()) else {
                break;
            };
            f(s, e, id);
            pos = e;
        }
    }
}

/// The eight bytes of `b` from `at`, little-endian, zero-padded past its end.
#[inline(always)]
pub(super) fn load8(b: &[u8], at: usize) -> u64 {
    match b.get(at..at + 8) {
        Some(chunk) => u64::from_le_bytes(chunk.try_into().expect("eight bytes")),
        None => {
            let mut buf = [0u8; 8];
            let rest = &b[at.min(b.len())..];
            buf[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(buf)
        }
    }
}

/// The hasher of the maps looked up for many words of a draft (prefixes,
/// surnames, capitalized words): rustc's Fx hash, as SipHash would cost more
/// than the rest of a lookup. No key comes from an adversary worth
/// defending against.
pub(super) type PrefixBuild = rustc_hash::FxBuildHasher;

/// A set of the integers below `64 * W` as bits, in a fixed array: the
/// prefilters that reject most capitalized words before a lookup. A lookup
/// needs no bounds check (`W` a power of two).
#[derive(Debug, Clone)]
pub(super) struct Bitmap<const W: usize>(Box<[u64; W]>);

impl<const W: usize> Default for Bitmap<W> {
    fn default() -> Self {
        Bitmap(Box::new([0; W]))
    }
}

impl<const W: usize> Bitmap<W> {
    pub(super) fn insert(&mut self, i: usize) {
        assert!(i < 64 * W, "{i} is out of the bitmap's range");
        self.0[(i / 64) % W] |= 1 << (i % 64);
    }
    #[inline(always)]
    pub(super) fn contains(&self, i: usize) -> bool {
        self.0[(i / 64) % W] & (1 << (i % 64)) != 0
    }
}

/// Sixteen bits of a hash of up to four bytes.
#[inline(always)]
fn bit16(x: u32) -> usize {
    hash_bits(u64::from(x), 16)
}

#[cfg(test)]
mod tests {
    use super::super::stops::candidates;
    use super::super::tests::{random_drafts, shipped_entities};
    use super::*;

    #[test]
    fn form_prefilter_never_rejects_a_form() {
        let entities = shipped_entities();
        let mut forms: Vec<String> = entities
            .iter()
            .flat_map(|e| e.forms())
            .map(String::from)
            .collect();
        // A short form and its neighbours (`Hue`, `Hues`, `Huey`).
        forms.push("Xyz".to_string());
        let t = FormTable::build(&forms);
        assert!(!t.threes.is_empty());
        let mut text = String::new();
        for f in &forms {
            // The form, the form glued to more letters, each prefix of it.
            text.push_str(&format!("{f} {f}x "));
            for (i, _) in f.char_indices().skip(1) {
                text.push_str(&f[..i]);
                text.push(' ');
            }
        }
        text.push_str("Xy");
        let b = text.as_bytes();
        let mut found = 0;
        for p in 0..b.len() {
            if !text.is_char_boundary(p) {
                continue;
            }
            if t.longest_at(b, p, &forms).is_some() {
                found += 1;
                assert!(t.may_start(b, p), "{}", &text[p..text.len().min(p + 20)]);
            }
        }
        assert!(found >= 2 * forms.len());
    }

    /// Forms that start with a lowercase byte are found at the capital in
    /// them as by a substring search for their start.
    #[test]
    fn anchored_forms_match_the_substring_search() {
        let mut forms: Vec<String> = shipped_entities()
            .iter()
            .flat_map(|e| e.forms())
            .map(String::from)
            .collect();
        for f in [
            "bin Salman",
            "al-Ḥasakah",
            "de la Cruz",
            "abcdefghJ",
            "abcdefgJ",
            "xy",
            "al-Qaedaz",
            "aB",
        ] {
            forms.push(f.to_string());
        }
        let anchored = FormTable::build(&forms);
        assert!(anchored.anchored.len() >= 5 && anchored.other.len() == 2);
        let searched = FormTable::build_anchored(&forms, 0);
        assert!(searched.anchored.is_empty());
        let mut texts = random_drafts(500);
        let mut all = String::new();
        for f in &forms {
            all.push_str(&format!("{f} x{f}. {f}s ({f}'s) "));
        }
        texts.push(all);
        texts.extend(
            [
                "al-Qaeda",
                "aB",
                "bin Salman said",
                "xal-Qaeda",
                "de la Cruz",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for text in &texts {
            let b = text.as_bytes();
            let cands = candidates(b);
            let matches = |t: &FormTable| {
                let mut out = Vec::new();
                let hits = t.anchored_hits(b, &cands);
                t.leftmost_longest(text, &cands, &hits, &forms, |s, e, id| out.push((s, e, id)));
                out
            };
            let want = matches(&searched);
            found += want
                .iter()
                .filter(|m| !forms[m.2].starts_with(char::is_uppercase))
                .count();
            assert_eq!(matches(&anchored), want, "{text}");
        }
        assert!(found > 100, "{found}");
    }
}
