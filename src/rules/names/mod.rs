//! Name romanization rules.
//!
//! * `name-romanization`: one person or place spelled two ways in one draft
//!   (consistency, the default), or spelled otherwise than the house style
//!   (`Options::house_style`). Names come from an entity table whose forms
//!   are indexed by their first bytes and probed at each capital
//!   ([`NameIndex::build`], once), and, with
//!   `Options::auto_detect`, from name-shaped word sequences compared through
//!   a folded key (East Asian names: RR / McCune–Reischauer / hyphenation;
//!   Slavic `-y/-yy/-iy/-ii` endings and diacritics for single words). A
//!   Hangul gloss after a name (`Yoon Suk Yeol (윤석열)`) links every reading
//!   of the gloss to that name.
//! * `fused-name`: a known name glued to the next word when markup was
//!   stripped (`Kim Jong Unsaid`).
//!
//! `check` takes text in which non-prose bytes were already blanked with
//! ASCII spaces, so byte offsets are the file's. Spans are half-open byte
//! ranges.

use std::cell::{Cell, OnceCell};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::bytes;

/// Rule id: the same name romanized two ways, or against the house style.
pub const RULE_ROMANIZATION: &str = "name-romanization";
/// Rule id: a name fused with the following word.
pub const RULE_FUSED: &str = "fused-name";

/// English words used by `fused-name` (see the header line of the file).
static WORDS_TXT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/english-words.txt"
));

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

/// One row of the entity table (`[[entity]]` in names.toml).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// Canonical (reference) form.
    pub name: String,
    /// `person`, `place` or `organisation`.
    pub kind: String,
    /// Other romanizations of the same entity.
    #[serde(default)]
    pub variants: Vec<String>,
    /// The name in its native script, e.g. Hangul.
    #[serde(default)]
    pub native: Option<String>,
    /// Preferred form per house style; a missing style means `name`.
    #[serde(default)]
    pub styles: BTreeMap<String, String>,
}

impl Entity {
    /// Every spelling of the entity: its name, its variants and its house
    /// forms.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain(self.variants.iter().map(String::as_str))
            .chain(self.styles.values().map(String::as_str))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntityFile {
    #[serde(default)]
    entity: Vec<Entity>,
}

/// The entity index of an engine, built on first use (see
/// [`LazyIndex::of`]): a run whose rules never need names does not pay for it.
pub type LazyIndex = super::BuiltOnce<Vec<Entity>, NameIndex>;

impl LazyIndex {
    pub fn of(entities: Vec<Entity>) -> LazyIndex {
        LazyIndex::new(entities, |e| NameIndex::build(e))
    }
}

/// Parse an entity table in TOML (`[[entity]]` rows).
pub fn parse_entities(toml_text: &str) -> Result<Vec<Entity>, String> {
    let file: EntityFile = toml::from_str(toml_text).map_err(|e| e.to_string())?;
    Ok(file.entity)
}

/// Options of both rules.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Options {
    /// `Some(style)`: flag every form that is not the style's form
    /// (`entity.styles[style]`, else `entity.name`). `None`: consistency
    /// within the draft.
    pub house_style: Option<String>,
    /// Also compare names that are in no table (folded keys, glosses).
    pub auto_detect: bool,
    /// Run the `fused-name` rule.
    pub fused_names: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            house_style: None,
            auto_detect: true,
            fused_names: true,
        }
    }
}

/// One finding of either rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// [`RULE_ROMANIZATION`] or [`RULE_FUSED`].
    pub rule: &'static str,
    /// Byte offset where the flagged text starts.
    pub start: usize,
    /// Byte offset where it ends (exclusive).
    pub end: usize,
    pub message: String,
    /// Secondary span and its label (the first use of the name).
    pub label: Option<(usize, usize, String)>,
    /// Text to put in place of `start..end`.
    pub replacement: Option<String>,
    /// The span is inside a direct quotation: show the fix, never apply it.
    pub in_quote: bool,
}

/// A table form found in a text ([`NameIndex::find_forms`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormMatch {
    pub start: usize,
    pub end: usize,
    /// Index into [`NameIndex::entities`].
    pub entity: usize,
    /// Start of a word glued before the name (`start` when none).
    pub glued_start: usize,
    /// End of a word glued after the name (`end` when none).
    pub glued_end: usize,
}

impl FormMatch {
    /// The name is glued to a neighbouring word.
    pub fn is_fused(&self) -> bool {
        self.glued_start != self.start || self.glued_end != self.end
    }
}

/// The entity table compiled once: every form keyed for anchored lookups
/// ([`FormTable`]), a side table back to the entity, and folded keys of every
/// form and of the readings of each native name.
#[derive(Debug, Clone)]
pub struct NameIndex {
    entities: Vec<Entity>,
    forms: FormTable,
    pattern_entity: Vec<usize>,
    pattern_form: Vec<String>,
    key_entity: HashMap<String, usize, PrefixBuild>,
    native_entity: HashMap<String, usize, PrefixBuild>,
}

impl NameIndex {
    /// Build the index. Errors on an empty name, an unknown kind, or a form
    /// that belongs to two entities.
    pub fn build(entities: &[Entity]) -> Result<NameIndex, String> {
        let mut owner: HashMap<String, usize, PrefixBuild> = HashMap::default();
        let mut pattern_form = Vec::new();
        let mut pattern_entity = Vec::new();
        for (ei, e) in entities.iter().enumerate() {
            if e.name.trim().is_empty() {
                return Err(format!("entity #{} has an empty name", ei + 1));
            }
            if !matches!(e.kind.as_str(), "person" | "place" | "organisation") {
                return Err(format!(
                    "entity `{}`: kind must be person, place or organisation, not `{}`",
                    e.name, e.kind
                ));
            }
            let forms = std::iter::once(&e.name)
                .chain(e.variants.iter())
                .chain(e.styles.values());
            for f in forms {
                let f = f.trim();
                if f.is_empty() {
                    return Err(format!("entity `{}` has an empty form", e.name));
                }
                match owner.get(f) {
                    Some(&o) if o != ei => {
                        return Err(format!(
                            "form `{f}` belongs to two entities: `{}` and `{}`",
                            entities[o].name, e.name
                        ))
                    }
                    Some(_) => {}
                    None => {
                        owner.insert(f.to_string(), ei);
                        pattern_form.push(f.to_string());
                        pattern_entity.push(ei);
                    }
                }
            }
        }
        // Folded keys; a key reached from two entities is dropped.
        let mut keys: HashMap<String, Option<usize>, PrefixBuild> = HashMap::default();
        let mut add_key = |k: String, ei: usize| {
            keys.entry(k)
                .and_modify(|v| {
                    if *v != Some(ei) {
                        *v = None
                    }
                })
                .or_insert(Some(ei));
        };
        for (form, &ei) in pattern_form.iter().zip(&pattern_entity) {
            for k in form_keys(form, entities[ei].kind == "person") {
                add_key(k, ei);
            }
        }
        let mut natives: HashMap<String, Option<usize>, PrefixBuild> = HashMap::default();
        for (ei, e) in entities.iter().enumerate() {
            if let Some(n) = e.native.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
                natives
                    .entry(n.to_string())
                    .and_modify(|v| {
                        if *v != Some(ei) {
                            *v = None
                        }
                    })
                    .or_insert(Some(ei));
                for reading in crate::hangul::name_readings(n) {
                    if let Some(k) = reading_key(&reading) {
                        add_key(k, ei);
                    }
                }
            }
        }
        let key_entity = keys
            .into_iter()
            .filter_map(|(k, v)| v.map(|e| (k, e)))
            .collect();
        let native_entity = natives
            .into_iter()
            .filter_map(|(k, v)| v.map(|e| (k, e)))
            .collect();
        let forms = FormTable::build(&pattern_form);
        Ok(NameIndex {
            entities: entities.to_vec(),
            forms,
            pattern_entity,
            pattern_form,
            key_entity,
            native_entity,
        })
    }

    /// Parse a TOML entity table and build the index.
    pub fn from_toml(toml_text: &str) -> Result<NameIndex, String> {
        NameIndex::build(&parse_entities(toml_text)?)
    }

    /// The entities the index was built from.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Table forms in `text`, outside the exception phrases (`chicken
    /// Kiev`): at word boundaries, or glued to a word as `fused-name`
    /// detects it (`ComradeKim Jong Unwho`).
    pub fn find_forms(&self, text: &str) -> Vec<FormMatch> {
        let cands = candidates(text.as_bytes());
        let anchored = self.forms.anchored_hits(text.as_bytes(), &cands);
        self.find_forms_at(text, &cands, &anchored)
    }

    /// [`NameIndex::find_forms`] given the draft's [`candidates`] (or those
    /// where a form may start) and [`FormTable::anchored_hits`].
    fn find_forms_at(
        &self,
        text: &str,
        cands: &[usize],
        anchored: &[(usize, usize)],
    ) -> Vec<FormMatch> {
        let mut out: Vec<FormMatch> = Vec::new();
        self.forms
            .leftmost_longest(text, cands, anchored, &self.pattern_form, |s, e, pid| {
                let form = self.pattern_form[pid].as_str();
                let prev_end = out.last().map(|p| p.end);
                let glued_start = if left_boundary(text, s) {
                    s
                } else {
                    match glued_left_word(text, s, form, prev_end) {
                        Some(ls) => ls,
                        None => return,
                    }
                };
                let glued_end = match right_context(text, e) {
                    Right::Boundary => e,
                    Right::Glued => return,
                    Right::Fused(suffix_end) => {
                        if !fused_table_ok(form, &text[e..suffix_end]) {
                            return;
                        }
                        suffix_end
                    }
                };
                if glued_start == s && glued_end == e && is_exception(text, s, form) {
                    return;
                }
                out.push(FormMatch {
                    start: s,
                    end: e,
                    entity: self.pattern_entity[pid],
                    glued_start,
                    glued_end,
                });
            });
        out
    }

    /// The entity that owns exactly this form, if any.
    pub fn entity_of_form(&self, form: &str) -> Option<&Entity> {
        self.pattern_form
            .iter()
            .position(|f| f == form)
            .map(|p| &self.entities[self.pattern_entity[p]])
    }
}

// ---------------------------------------------------------------------------
// Form lookup
// ---------------------------------------------------------------------------

/// Every position in `b` that is an ASCII capital or the lead byte of a
/// non-ASCII character, in order.
///
/// Names start with a capital, and most of a draft is lowercase ASCII: the
/// scans for table forms and name-shaped words stop only at these positions
/// (at those [`Stops`] keeps, in [`check`]), found in one pass, never on
/// lowercase prose.
fn candidates(b: &[u8]) -> Vec<usize> {
    // (News prose has about one capital in 30 bytes.)
    let mut out = Vec::with_capacity(b.len() / 16);
    for base in (0..b.len()).step_by(64) {
        let mut m = bytes::mask_at(b, base, bytes::capitals_and_leads);
        while m != 0 {
            out.push(base + m.trailing_zeros() as usize);
            m &= m - 1;
        }
    }
    out
}

/// The [`candidates`] at which the two scans of a draft stop.
struct Stops {
    /// Those where a table form may start ([`FormTable::may_start`]).
    forms: Vec<usize>,
    /// [`FormTable::anchored_hits`] of every candidate.
    anchored: Vec<(usize, usize)>,
    /// Those the walk over capitalized words must visit: every candidate
    /// but those of a plain word it would only pass over (see
    /// [`Stops::find`]).
    words: Vec<usize>,
    /// Starts of the plain words ending in `y`, `i` or `j` that the walk
    /// need not visit but the accented-key pass of [`check`] reads (four
    /// letters or more, no Slavic ending: `Monday`, `July`).
    yij_words: Vec<usize>,
}

impl Stops {
    /// The stops of `b`, found in one pass over its capitals and lead bytes.
    ///
    /// Most capitalized words of a draft are no name: `The`, `President`,
    /// `Monday`. The walk in [`check`] passes over a word with nothing to do
    /// when it is ASCII letters after a byte no word contains (so the walk
    /// would find it where it starts), ends at a byte that joins nothing,
    /// perhaps after a possessive `'s` (so the letters are the whole word
    /// or its core), may be no surname ([`may_be_surname`]) and either does
    /// not end in `y`, `i` or `j` or is shorter than four letters (so no
    /// Slavic ending). Such a word is left out here, with the capitals in
    /// it: the walk stops only at the others. A longer one of those letters
    /// with no Slavic ending ([`slavic_ending`]) and no possessive goes to
    /// [`Stops::yij_words`] instead. The word ends are read from a mask of
    /// the block's ASCII letters, not byte by byte.
    fn find(text: &str, forms: &FormTable) -> Stops {
        let b = text.as_bytes();
        let n = b.len();
        let surnames = &ascii_surnames().keys;
        let mut out = Stops {
            forms: Vec::new(),
            anchored: Vec::new(),
            words: Vec::with_capacity(n / 128),
            yij_words: Vec::new(),
        };
        // Candidates before `skip` are in a word left out.
        let mut skip = 0;
        for base in (0..n).step_by(64) {
            let (mut m, letters) = bytes::mask_at(b, base, bytes::capitals_leads_and_letters);
            while m != 0 {
                let off = m.trailing_zeros() as usize;
                m &= m - 1;
                let c = base + off;
                // The eight bytes from `c` (zeros past the end).
                let x = load8(b, c);
                if forms.may_start_at(x, n - c) {
                    out.forms.push(c);
                }
                forms.anchored_at(b, c, &mut out.anchored);
                if c < skip {
                    continue;
                }
                // (The low byte of `x` is `b[c]`.)
                if x & 0x80 == 0 && (c == 0 || ascii_separator(b[c - 1])) {
                    // The letters after `c` in the block, then past it.
                    let run = (!(letters >> off >> 1)).trailing_zeros() as usize;
                    let end = if off + 1 + run >= 64 {
                        ascii_letters_end(b, base + 64)
                    } else {
                        c + 1 + run
                    };
                    let len = end - c;
                    let last = if len <= 8 {
                        (x >> (8 * (len - 1))) as u8
                    } else {
                        b[end - 1]
                    };
                    // Where the word ends, when the letters are its core: the
                    // byte after a run of letters is no letter, and it joins
                    // nothing when it is a separator.
                    let word_end = match b.get(end) {
                        None => Some(end),
                        Some(&d) if ascii_separator(d) => Some(end),
                        Some(b'\'')
                            if b.get(end + 1) == Some(&b's')
                                && b.get(end + 2).is_none_or(|&d| ascii_separator(d)) =>
                        {
                            Some(end + 2)
                        }
                        _ => None,
                    };
                    if let Some(word_end) = word_end.filter(|_| {
                        // (Letters only: the key is their bytes lower-cased,
                        // as [`short_key`] makes it.)
                        len > 8 || {
                            let key = (x | 0x2020_2020_2020_2020) & (u64::MAX >> (64 - 8 * len));
                            !surnames.contains(short_key_bit(key))
                        }
                    }) {
                        if (1u64 << (last & 63)) & YIJ == 0 || len < 4 {
                            skip = word_end;
                            continue;
                        }
                        if word_end == end && (len < 5 || slavic_ending(&text[c..end]).is_none()) {
                            out.yij_words.push(c);
                            skip = end;
                            continue;
                        }
                    }
                }
                out.words.push(c);
            }
        }
        out
    }
}

/// The eight bytes of `b` from `at`, little-endian, zero-padded past its end.
#[inline(always)]
fn load8(b: &[u8], at: usize) -> u64 {
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

/// A cursor over [`candidates`] (or [`Stops`]) for a scan that moves
/// forward.
struct Cursor<'a> {
    at: &'a [usize],
}

impl Cursor<'_> {
    /// The first candidate at or after `from` (`from` never decreases).
    fn next_from(&mut self, from: usize) -> Option<usize> {
        while let [first, rest @ ..] = self.at {
            if *first >= from {
                return Some(*first);
            }
            self.at = rest;
        }
        None
    }
}

/// A hasher for short keys looked up for many words of a draft: prefixes of
/// [`FormTable`], surnames, capitalized words (SipHash would cost more than
/// the rest of a lookup). No key comes from an adversary worth defending
/// against.
#[derive(Default, Clone, Copy)]
struct PrefixHasher(u64);

impl std::hash::Hasher for PrefixHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.write_u64(u64::from_le_bytes(c.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.write_u64(pack_ascii(rest.iter().copied()) ^ (rest.len() as u64) << 56);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        let h = (self.0 ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = h ^ (h >> 29);
    }
}

type PrefixBuild = std::hash::BuildHasherDefault<PrefixHasher>;

/// A set of the integers below `64 * W` as bits, in a fixed array: the
/// prefilters that reject most capitalized words before a lookup. A lookup
/// needs no bounds check (`W` a power of two).
#[derive(Debug, Clone)]
struct Bitmap<const W: usize>(Box<[u64; W]>);

impl<const W: usize> Default for Bitmap<W> {
    fn default() -> Self {
        Bitmap(Box::new([0; W]))
    }
}

impl<const W: usize> Bitmap<W> {
    fn insert(&mut self, i: usize) {
        assert!(i < 64 * W, "{i} is out of the bitmap's range");
        self.0[(i / 64) % W] |= 1 << (i % 64);
    }
    #[inline(always)]
    fn contains(&self, i: usize) -> bool {
        self.0[(i / 64) % W] & (1 << (i % 64)) != 0
    }
}

/// Sixteen bits of a hash of up to four bytes.
fn bit16(x: u32) -> usize {
    (x.wrapping_mul(0x9e37_79b1) >> 16) as usize
}

/// The table forms, for leftmost-longest matching.
///
/// A leftmost-longest scan is the same as taking, at each position in turn,
/// the longest form that starts there, and resuming after it. Forms that
/// start with a capital or a non-ASCII letter (nearly all) are looked up at
/// the positions [`candidates`] lists, by their first three bytes;
/// an automaton over all forms would instead step through every byte of
/// the draft. The few forms that start with another ASCII byte (`al-Qaeda`)
/// are looked up at the candidates too, by their bytes up to their first
/// capital ([`FormTable::anchored`]).
#[derive(Debug, Clone, Default)]
struct FormTable {
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
    /// little-endian (first byte lowest) → the entry of `anchored`.
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
    fn build(forms: &[String]) -> FormTable {
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
            let pre = pre.iter().rev().fold(0, |acc, &c| acc << 8 | u64::from(c));
            t.by_anchor.insert((k, pre), t.anchored.len());
            t.anchored.push(ids);
        }
        t
    }

    /// Note in `hits` each anchored entry whose bytes end at the candidate
    /// `c`, as (start, entry).
    #[inline(always)]
    fn anchored_at(&self, b: &[u8], c: usize, hits: &mut Vec<(usize, usize)>) {
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
        // the draft).
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
    fn anchored_hits(&self, b: &[u8], cands: &[usize]) -> Vec<(usize, usize)> {
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
    fn may_start_at(&self, x: u64, avail: usize) -> bool {
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
    fn leftmost_longest(
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

// ---------------------------------------------------------------------------
// Word list
// ---------------------------------------------------------------------------

/// The word list after its header line: sorted words, one a line (a unit
/// test keeps it so).
fn word_lines() -> &'static str {
    WORDS_TXT.split_once('\n').map_or("", |(_, body)| body)
}

/// Whether `w` (lowercase ASCII) is a common English word.
///
/// A binary search of the sorted list in place: building a set of its 40,000
/// words would cost milliseconds of start-up for a few lookups per draft.
pub fn is_english_word(w: &str) -> bool {
    // A binary search of the text itself: nothing to build, which keeps a
    // short draft's start-up short.
    let list = word_lines();
    let b = list.as_bytes();
    // `lo` and `hi` are line starts (or the end).
    let (mut lo, mut hi) = (0, list.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = memchr::memrchr(b'\n', &b[lo..mid]).map_or(lo, |k| lo + k + 1);
        let end = memchr::memchr(b'\n', &b[start..]).map_or(list.len(), |k| start + k);
        match list[start..end].cmp(w) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// Words that may follow a single-word name (`Zelenskysaid`).
const COMMON_FOLLOWERS: &[&str] = &[
    "said",
    "says",
    "saying",
    "was",
    "is",
    "has",
    "had",
    "have",
    "and",
    "who",
    "whose",
    "to",
    "told",
    "will",
    "would",
    "met",
    "visited",
    "added",
    "also",
    "at",
    "in",
    "on",
    "for",
    "as",
    "with",
    "the",
    "of",
    "from",
    "that",
    "urged",
    "warned",
    "stressed",
    "sent",
    "made",
    "received",
    "expressed",
    "noted",
    "gave",
    "went",
    "arrived",
    "took",
    "spoke",
    "asked",
    "wrote",
    "signed",
    "announced",
    "inspected",
    "pointed",
    "looked",
    "attended",
    "appeared",
    "addressed",
    "delivered",
    "praised",
    "replied",
    "insisted",
    "admitted",
    "denied",
    "claimed",
    "accused",
    "vowed",
    "ordered",
    "did",
    "does",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "cannot",
    "were",
    "been",
    "being",
    "had",
    "personally",
    "highly",
    "warmly",
];

/// Word endings that make a legitimate derived word from a name
/// (`Kievan`, `New Yorker`, `Hong Kongers`).
const DERIVATIONAL: &[&str] = &[
    "an", "ans", "n", "ns", "er", "ers", "ese", "ian", "ians", "ite", "ites", "ism", "isms", "ist",
    "ists", "ic", "ish", "esque", "ie", "ies",
];

// ---------------------------------------------------------------------------
// Folding
// ---------------------------------------------------------------------------

/// Lowercase, strip diacritics, drop hyphens, apostrophes and spaces.
fn fold_basic(s: &str) -> String {
    if s.is_ascii() {
        return s
            .bytes()
            .filter(|c| !matches!(c, b'-' | b'\'' | b'`' | b' '))
            .map(|c| char::from(c.to_ascii_lowercase()))
            .collect();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) || matches!(c, '-' | '\'' | '’' | '‘' | 'ʼ' | '`' | ' ') {
            continue;
        }
        match c {
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'ß' => out.push_str("ss"),
            'đ' | 'Đ' => out.push('d'),
            'ı' => out.push('i'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The replacements of [`fold_korean`], in this order (each sees the
/// previous ones' output); a string is copied only when it changes.
const KOREAN_STEPS: &[(&str, &str)] = &[
    ("eo", "o"),
    ("eu", "u"),
    ("oo", "u"),
    ("tch", "ch"),
    ("th", "t"),
    ("ph", "p"),
    ("kh", "k"),
    ("sh", "s"),
    ("j", "ch"),
    ("g", "k"),
    ("d", "t"),
    ("b", "p"),
];

/// Fold Korean RR / McCune–Reischauer / common spelling differences inside a
/// given name (already `fold_basic`ed).
fn fold_korean(s: &str) -> String {
    // A given name is a few bytes: each step is replaced byte by byte (left
    // to right, as `str::replace` does), which costs less than setting up
    // a substring searcher for it. (The patterns are ASCII: they never
    // match inside a character.)
    let mut t = s.as_bytes().to_vec();
    let mut next = Vec::with_capacity(t.len() + 4);
    for (from, to) in KOREAN_STEPS {
        let (from, to) = (from.as_bytes(), to.as_bytes());
        let at = |t: &[u8], i: usize| t[i] == from[0] && t[i..].starts_with(from);
        let Some(first) = (0..t.len()).find(|&i| at(&t, i)) else {
            continue;
        };
        next.clear();
        next.extend_from_slice(&t[..first]);
        let mut i = first;
        while i < t.len() {
            if at(&t, i) {
                next.extend_from_slice(to);
                i += from.len();
            } else {
                next.push(t[i]);
                i += 1;
            }
        }
        std::mem::swap(&mut t, &mut next);
    }
    // consonant + yu + n: `hyun`/`hyon`, `myung`/`myong` (AP-style u for eo).
    let bytes = &t[..];
    let mut out = String::with_capacity(t.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'y'
            && i > 0
            && !b"aeiouwy".contains(&bytes[i - 1])
            && bytes.get(i + 1) == Some(&b'u')
            && bytes.get(i + 2) == Some(&b'n')
        {
            out.push_str("yo");
            i += 2;
            continue;
        }
        out.push(bytes[i] as char);
        i += 1;
    }
    out
}

/// Slavic transliteration endings after a consonant: `-y`, `-yy`, `-iy`,
/// `-ii`, `-yi`, `-ij` (`Zelensky`, `Zelenskyy`, `Zelenskiy`, `Zelenskii`).
fn slavic_ending(s: &str) -> Option<&str> {
    // (The endings in that order of preference, by the last two bytes.)
    let end = match s.as_bytes() {
        [.., b'y' | b'i', b'y'] | [.., b'i' | b'y', b'i'] | [.., b'i', b'j'] => 2,
        [.., b'y'] => 1,
        _ => return None,
    };
    let stem = &s[..s.len() - end];
    // `Pompeii` / `Pompey`, `Sidney`: a vowel before the ending is no
    // Slavic ending.
    let last = stem.chars().next_back()?;
    if !last.is_alphabetic() || "aeiouyAEIOUY".contains(last) || stem.chars().nth(2).is_none() {
        return None;
    }
    Some(stem)
}

fn fold_slavic_ending(s: &str) -> String {
    if let Some(stem) = slavic_ending(s) {
        return format!("{stem}y");
    }
    s.to_string()
}

/// `Zelensky`, `Dmitriy`: a name ending like a Slavic transliteration. Not
/// hyphenated compounds (`Blu-ray`) nor English words (`Technology`).
fn has_slavic_ending(core: &str) -> bool {
    core.chars().count() >= 5
        && slavic_ending(core).is_some()
        && !core.contains(['-', '\'', '’'])
        && !is_english_word(&core.to_lowercase())
}

/// A capitalized single word worth a folded key: a Slavic ending
/// (`Zelenskyy`, `Zelenskiy`), diacritics folded.
///
/// Words that differ only by diacritics are not compared: in multilingual
/// copy they are as often different words (`Valencià`, `Fédération`,
/// `Banū`) as different spellings; the table lists the names whose accents
/// vary (`Erdoğan`).
fn western_candidate(core: &str) -> bool {
    if !may_be_western(core) {
        return false;
    }
    let mut chars = core.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() || core.chars().count() < 4 {
        return false;
    }
    // All capitals (acronyms, shouting headlines) are left alone.
    if core
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
    {
        return false;
    }
    has_slavic_ending(core)
}

/// Every Slavic ending ends in `y`, `i` or `j`: most words stop here.
fn may_be_western(core: &str) -> bool {
    matches!(core.as_bytes().last(), Some(b'y' | b'i' | b'j'))
}

fn western_key(core: &str) -> String {
    format!("W:{}", fold_slavic_ending(&fold_basic(core)))
}

// ---------------------------------------------------------------------------
// East Asian names
// ---------------------------------------------------------------------------

/// Korean surnames (as written, lowercase, apostrophes removed) → group.
const KOREAN_SURNAMES: &[(&str, &[&str])] = &[
    ("kim", &["kim", "gim"]),
    ("i", &["lee", "yi", "rhee", "ri", "rhie"]),
    ("pak", &["park", "pak", "bak", "bahk"]),
    ("choe", &["choi", "choe", "chwe", "ch'oe"]),
    (
        "chong",
        &["jung", "jeong", "chung", "chong", "jong", "joung", "chŏng"],
    ),
    ("kang", &["kang", "gang"]),
    ("cho", &["cho", "jo"]),
    ("yun", &["yoon", "yun"]),
    ("chang", &["jang", "chang"]),
    ("im", &["lim", "rim", "yim"]),
    ("han", &["han"]),
    ("so", &["seo", "suh", "sŏ"]),
    ("sin", &["shin", "sin", "shinn"]),
    ("kwon", &["kwon", "gwon", "kwŏn"]),
    ("hwang", &["hwang"]),
    ("an", &["ahn"]),
    ("song", &["song"]),
    ("chon", &["jeon", "chon", "chun", "jun", "jon", "chŏn"]),
    ("cheon", &["cheon", "ch'ŏn"]),
    ("hong", &["hong"]),
    ("ko", &["ko", "koh"]),
    ("mun", &["moon", "mun"]),
    ("yang", &["yang"]),
    ("son", &["son", "sohn"]),
    ("pae", &["bae", "pae"]),
    ("paek", &["baek", "paek", "paik", "baik"]),
    ("ho", &["heo", "hur", "huh", "hŏ"]),
    ("yu", &["yoo", "yu"]),
    ("ryu", &["ryu", "ryoo", "rhyu"]),
    ("nam", &["nam"]),
    ("no", &["noh", "roh"]),
    ("kwak", &["kwak", "gwak"]),
    ("seong", &["sung", "seong", "sŏng"]),
    ("cha", &["cha"]),
    ("chu", &["joo", "ju", "chu"]),
    ("u", &["woo"]),
    ("ku", &["koo", "gu", "ku"]),
    ("min", &["min"]),
    ("chin", &["jin", "chin"]),
    ("chi", &["ji", "chi"]),
    ("yo", &["yeo", "yŏ"]),
    ("om", &["eom", "um", "ŏm", "om"]),
    ("won", &["won"]),
    ("pan", &["ban"]),
    ("ryang", &["ryang"]),
    ("kye", &["kye", "gye"]),
    ("tae", &["thae", "tae"]),
    ("hyon", &["hyun", "hyon", "hyeon", "hyŏn"]),
    ("pyon", &["byun", "pyon", "byeon", "pyŏn"]),
    ("sim", &["shim", "sim"]),
    ("pang", &["bang", "pang"]),
    ("kil", &["kil", "gil"]),
    ("na", &["na"]),
    ("kum", &["kum", "geum", "kŭm"]),
];

/// Chinese (pinyin, Wade-Giles, Cantonese) surnames, folded lowercase.
const CHINESE_SURNAMES: &[&str] = &[
    "xi", "li", "wang", "zhang", "liu", "chen", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma",
    "zhu", "hu", "guo", "lin", "luo", "gao", "mao", "deng", "tsai", "lai", "zheng", "xie", "tang",
    "feng", "cao", "peng", "zeng", "xiao", "tian", "dong", "yuan", "cai", "jiang", "du", "cheng",
    "wei", "lu", "shen", "ren", "yao", "qin", "qian", "liao", "zou", "xiong", "hao", "kong", "cui",
    "qiu", "chiang", "chou", "hsu", "wong", "leung", "lau", "cheung", "chan", "tsang", "kwok",
    "hsieh", "ko", "wen", "bo", "hua", "lam", "chow", "tse", "ho",
];

/// Spelling (lowercase, apostrophes removed) → (group, Korean?).
fn surname_table() -> &'static HashMap<String, (&'static str, bool)> {
    static TABLE: OnceLock<HashMap<String, (&'static str, bool)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut m = HashMap::new();
        for s in CHINESE_SURNAMES {
            m.insert((*s).to_string(), (*s, false));
        }
        // Korean last, so that a spelling in both lists is Korean.
        for (group, spellings) in KOREAN_SURNAMES {
            for s in *spellings {
                m.insert(s.replace('\'', ""), (*group, true));
            }
        }
        m
    })
}

/// ASCII spellings of [`surname_table`], packed into a `u64` (at most eight
/// bytes): the lookup runs for every capitalized short word of a draft.
struct AsciiSurnames {
    /// Bit [`short_key_bit`] of each ASCII spelling's [`short_key`]: most
    /// capitalized words are rejected here before [`parse_ea`] starts.
    keys: Bitmap<1024>,
    /// Bit `26 * a + b` is set when a spelling (of the whole table) starts
    /// with letters `a b` (0-based): most capitalized words are rejected
    /// here, unhashed.
    pairs: Bitmap<16>,
    table: HashMap<u64, (&'static str, bool), PrefixBuild>,
}

fn letter_pair(b: &[u8]) -> Option<usize> {
    match b {
        [x, y, ..] if x.is_ascii_alphabetic() && y.is_ascii_alphabetic() => Some(
            usize::from(x.to_ascii_lowercase() - b'a') * 26
                + usize::from(y.to_ascii_lowercase() - b'a'),
        ),
        _ => None,
    }
}

fn ascii_surnames() -> &'static AsciiSurnames {
    static TABLE: OnceLock<AsciiSurnames> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut pairs = Bitmap::<16>::default();
        let mut keys = Bitmap::<1024>::default();
        let mut table = HashMap::default();
        for (k, &v) in surname_table() {
            // (Every spelling's pair, so that the test holds for any word.)
            if let Some(p) = letter_pair(k.as_bytes()) {
                pairs.insert(p);
            }
            if k.is_ascii() && k.len() <= 8 {
                table.insert(pack_ascii(k.bytes()), v);
                if let Some(key) = short_key(k.as_bytes(), 0, k.len()) {
                    keys.insert(short_key_bit(key));
                }
            }
        }
        AsciiSurnames { pairs, keys, table }
    })
}

/// `b[start..end]` lowercased in a `u64` (first byte lowest) when it is one
/// to eight ASCII letters.
#[inline]
fn short_key(b: &[u8], start: usize, end: usize) -> Option<u64> {
    const HI: u64 = 0x8080_8080_8080_8080;
    let n = end - start;
    if n == 0 || n > 8 {
        return None;
    }
    let x = match b.get(start..start + 8) {
        Some(chunk) => u64::from_le_bytes(chunk.try_into().expect("eight bytes")),
        None => {
            let mut buf = [0u8; 8];
            buf[..n].copy_from_slice(&b[start..end]);
            u64::from_le_bytes(buf)
        }
    };
    let z = x | 0x2020_2020_2020_2020;
    let y = z & 0x7f7f_7f7f_7f7f_7f7f;
    // As in `ascii_letters_end`: the top bit of each letter byte.
    let letter = (y + 0x1f1f_1f1f_1f1f_1f1f) & !(y + 0x0505_0505_0505_0505) & !z & HI;
    let mask = u64::MAX >> (64 - 8 * n);
    (letter & mask == HI & mask).then_some(z & mask)
}

/// A bit of [`AsciiSurnames::keys`] for a [`short_key`].
fn short_key_bit(key: u64) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 48) as usize
}

/// Whether the word `b[start..end]` may be a surname: false only when it is
/// one to eight ASCII letters (or longer than eight bytes) and no spelling
/// has its key bit, when [`surname_group`] finds nothing either.
#[inline]
fn may_be_surname(b: &[u8], start: usize, end: usize) -> bool {
    if end - start > 8 {
        return false;
    }
    let Some(key) = short_key(b, start, end) else {
        return true;
    };
    ascii_surnames().keys.contains(short_key_bit(key))
}

fn pack_ascii(bytes: impl Iterator<Item = u8>) -> u64 {
    bytes.fold(0, |acc, b| acc << 8 | u64::from(b))
}

fn surname_group(token: &str) -> Option<(&'static str, bool)> {
    // Surnames are short: skip the lookup for anything longer.
    if token.len() > 8 {
        return None;
    }
    let surnames = ascii_surnames();
    // Two letters first (`O'…` and one-letter words go on to the table).
    if let Some(p) = letter_pair(token.as_bytes()) {
        if !surnames.pairs.contains(p) {
            return None;
        }
    }
    let (mut key, mut high) = (0u64, 0u8);
    for &c in token.as_bytes() {
        high |= c;
        if c != b'\'' {
            key = key << 8 | u64::from(c.to_ascii_lowercase());
        }
    }
    if high < 0x80 {
        return surnames.table.get(&key).copied();
    }
    let lower: String = token
        .chars()
        .filter(|c| !matches!(c, '\'' | '’' | 'ʼ'))
        .flat_map(char::to_lowercase)
        .collect();
    surname_table().get(&lower).copied()
}

/// One romanized syllable: an optional onset, an optional `w`/`y` glide,
/// one to three vowels and an optional coda. As a regex (kept in a test):
#[cfg_attr(not(test), allow(dead_code))]
const SYL: &str = "(?:ch|th|ph|kh|tch|ts|tz|sh|zh|hs|kk|tt|pp|ss|jj|[bcdfghjklmnpqrstwxz])?[wy]?[aeiou]{1,3}(?:ng|n|m|k|t|l|p|r|b|g|d)?";
/// Every end of a [`SYL`] match starting at `from`, passed to `end` (some
/// more than once).
///
/// The onsets, glides and codas are tested by their bytes, not tried one
/// by one: most words of a draft asked about are no syllables.
#[inline]
fn syllable_ends(s: &[u8], from: usize, mut end: impl FnMut(usize)) {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let vowel = |i: usize| matches!(at(i), b'a' | b'e' | b'i' | b'o' | b'u');
    let consonant = |c: u8| {
        matches!(
            c,
            b'b' | b'c'
                | b'd'
                | b'f'
                | b'g'
                | b'h'
                | b'j'
                | b'k'
                | b'l'
                | b'm'
                | b'n'
                | b'p'
                | b'q'
                | b'r'
                | b's'
                | b't'
                | b'w'
                | b'x'
                | b'z'
        )
    };
    // Onset lengths (see [`SYL`]): none, one consonant, a pair, `tch`.
    let (c0, c1) = (at(from), at(from + 1));
    let pair = matches!(
        [c0, c1],
        [b'c' | b't' | b'p' | b'k' | b's' | b'z', b'h']
            | [b't', b's' | b'z']
            | [b'h', b's']
            | [b'k', b'k']
            | [b't', b't']
            | [b'p', b'p']
            | [b's', b's']
            | [b'j', b'j']
    );
    let tch = c0 == b't' && c1 == b'c' && at(from + 2) == b'h';
    let onsets = [
        Some(from),
        consonant(c0).then_some(from + 1),
        pair.then_some(from + 2),
        tch.then_some(from + 3),
    ];
    for p in onsets.into_iter().flatten() {
        let glide = matches!(at(p), b'w' | b'y');
        for g in [Some(p), glide.then_some(p + 1)].into_iter().flatten() {
            let mut v = g;
            while v < g + 3 && vowel(v) {
                v += 1;
                // Codas: none, one of `nmktlprbgd`, `ng`.
                end(v);
                if matches!(
                    at(v),
                    b'n' | b'm' | b'k' | b't' | b'l' | b'p' | b'r' | b'b' | b'g' | b'd'
                ) {
                    end(v + 1);
                    if at(v) == b'n' && at(v + 1) == b'g' {
                        end(v + 2);
                    }
                }
            }
        }
    }
}

/// `part`, folded, is one to `max` syllables: `^(?:SYL){1,max}$`, matched
/// by hand (compiling the regex cost more start-up than all its uses).
fn is_syllables(part: &str, max: usize) -> bool {
    // An ASCII word of fewer than 64 bytes (every name part): folded on the
    // stack, positions as bits of a `u64`.
    if part.len() < 64 && part.is_ascii() {
        let mut buf = [0u8; 64];
        let mut n = 0;
        for c in part
            .bytes()
            .filter(|c| !matches!(c, b'-' | b'\'' | b'`' | b' '))
        {
            buf[n] = c.to_ascii_lowercase();
            n += 1;
        }
        let s = &buf[..n];
        if s.is_empty() {
            return false;
        }
        let mut at = 1u64;
        for _ in 0..max {
            let mut next = 0u64;
            let mut rest = at;
            while rest != 0 {
                let p = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                // (An end is within `s`: at most `n`, under 64.)
                syllable_ends(s, p, |e| next |= 1 << e);
            }
            if next & (1 << n) != 0 {
                return true;
            }
            at = next;
        }
        return false;
    }
    let f = fold_basic(part);
    if f.is_empty() || !f.is_ascii() {
        return false;
    }
    let s = f.as_bytes();
    let mut at = vec![0];
    for _ in 0..max {
        let mut ends = Vec::new();
        for &p in &at {
            syllable_ends(s, p, |e| ends.push(e));
        }
        if ends.contains(&s.len()) {
            return true;
        }
        ends.sort_unstable();
        ends.dedup();
        at = ends;
    }
    false
}

fn pinyin_like(given_folded: &str) -> bool {
    let b = given_folded.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        matches!(c, b'x' | b'q' | b'z' | b'f' | b'v') || (c == b'c' && b.get(i + 1) != Some(&b'h'))
    })
}

fn ea_key(group: &str, korean: bool, given_parts: &[&str]) -> String {
    let mut given = String::new();
    for p in given_parts {
        given.push_str(&fold_basic(p));
    }
    let given = if korean && !pinyin_like(&given) {
        fold_korean(&given)
    } else {
        given
    };
    // (Not `format!`: keys are built for every name of the table.)
    let mut key = String::with_capacity(3 + group.len() + given.len());
    for part in ["E:", group, "|", &given] {
        key.push_str(part);
    }
    key
}

/// Folded key of a reading such as `Yun Seok-yeol` (surname need not be in
/// the surname lists).
fn reading_key(reading: &str) -> Option<String> {
    let mut it = reading.splitn(2, ' ');
    let surname = it.next()?;
    let given = it.next()?.trim();
    if given.is_empty() {
        return None;
    }
    let folded;
    let (group, korean) = match surname_group(surname) {
        Some(g) => g,
        None => {
            folded = fold_basic(surname);
            (folded.as_str(), true)
        }
    };
    let parts: Vec<&str> = given.split([' ', '-']).filter(|p| !p.is_empty()).collect();
    Some(ea_key(group, korean, &parts))
}

/// Keys of a table form (for linking auto-detected spellings to entities).
fn form_keys(form: &str, person: bool) -> Vec<String> {
    let toks = tokenize(form);
    let mut out = Vec::new();
    if let Some(ea) = parse_ea(form, &toks, 0) {
        if ea.ntoks == toks.len() {
            out.push(ea.key);
        }
    }
    if toks.len() == 1 || (person && toks.len() > 1) {
        let last = &toks[toks.len() - 1];
        let core = &form[last.start..last.core_end];
        if western_candidate(core) {
            out.push(western_key(core));
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    /// End without a possessive `'s`.
    core_end: usize,
    end: usize,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Words: runs of letters joined by inner hyphens or apostrophes.
fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut i = 0;
    while let Some(t) = next_token(text, i) {
        i = t.end;
        toks.push(t);
    }
    toks
}

/// The first word starting at or after `from`, which must lie between words
/// (a word's end, or after a character no word contains).
fn next_token(text: &str, mut from: usize) -> Option<Tok> {
    loop {
        let c = text[from..].chars().next()?;
        if c.is_alphabetic() {
            return Some(token_at(text, from));
        }
        from += c.len_utf8();
    }
}

/// The end of the run of ASCII letters starting at `from`, eight bytes at a
/// time.
fn ascii_letters_end(b: &[u8], from: usize) -> usize {
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // A letter with bit 5 set is `a..=z`: per byte, on the low seven
        // bits, `y + 0x1f` sets the top bit from `a` up, `y + 0x05` from `{` up.
        let z = x | 0x2020_2020_2020_2020;
        let y = z & 0x7f7f_7f7f_7f7f_7f7f;
        let letter = (y + 0x1f1f_1f1f_1f1f_1f1f) & !(y + 0x0505_0505_0505_0505) & !z & HI;
        let other = !letter & HI;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while b.get(i).is_some_and(u8::is_ascii_alphabetic) {
        i += 1;
    }
    i
}

/// The word starting with the letter at `start`.
#[inline]
fn token_at(text: &str, start: usize) -> Tok {
    let b = text.as_bytes();
    // Most words are ASCII letters ending at an ASCII byte that joins
    // nothing (a space, a comma): no character to decode, no possessive.
    if b[start].is_ascii_alphabetic() {
        let end = ascii_letters_end(b, start + 1);
        if b.get(end)
            .is_none_or(|&c| c.is_ascii() && c != b'-' && c != b'\'')
        {
            return Tok {
                start,
                core_end: end,
                end,
            };
        }
    }
    token_at_slow(text, start)
}

/// [`token_at`] for a word that is not all ASCII letters.
#[inline(never)]
fn token_at_slow(text: &str, start: usize) -> Tok {
    let b = text.as_bytes();
    // ASCII words joined by ASCII hyphens and apostrophes (`Yoon's`,
    // `Jong-un`) need no character decoded either.
    if b[start].is_ascii_alphabetic() {
        let mut end = ascii_letters_end(b, start + 1);
        let ascii = loop {
            match b.get(end) {
                None => break true,
                Some(b'-' | b'\'') => match b.get(end + 1) {
                    Some(c) if c.is_ascii_alphabetic() => end = ascii_letters_end(b, end + 2),
                    Some(c) if !c.is_ascii() => break false,
                    _ => break true,
                },
                Some(c) => break c.is_ascii(),
            }
        };
        if ascii {
            let possessive = end - start > 2 && b[end - 2..end] == *b"'s";
            return Tok {
                start,
                core_end: if possessive { end - 2 } else { end },
                end,
            };
        }
    }
    token_at_general(text, start)
}

/// [`token_at`], character by character.
fn token_at_general(text: &str, start: usize) -> Tok {
    let b = text.as_bytes();
    let mut end = start + text[start..].chars().next().map_or(1, char::len_utf8);
    loop {
        while b.get(end).is_some_and(u8::is_ascii_alphabetic) {
            end += 1;
        }
        // Most words end at an ASCII byte that joins nothing (a space, a
        // comma): no character to decode.
        if b.get(end)
            .is_some_and(|&c| c.is_ascii() && c != b'-' && c != b'\'')
        {
            break;
        }
        let Some(d) = text[end..].chars().next() else {
            break;
        };
        // A letter, or an inner hyphen or apostrophe before a letter.
        let joins = d.is_alphabetic()
            || is_combining_mark(d)
            || ((d == '-' || is_apostrophe(d))
                && text[end + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic));
        if !joins {
            break;
        }
        end += d.len_utf8();
    }
    let word = &text[start..end];
    let mut core_end = end;
    if word.ends_with('s') {
        for suf in ["'s", "’s", "ʼs"] {
            if word.len() > suf.len() && word.ends_with(suf) {
                core_end = end - suf.len();
            }
        }
    }
    Tok {
        start,
        core_end,
        end,
    }
}

/// A byte no word contains, so that lexing may restart after it.
#[inline(always)]
fn ascii_separator(b: u8) -> bool {
    SEPARATORS[usize::from(b)]
}

/// Bit `c & 63` of each byte `c` among `y`, `i`, `j` and their capitals
/// (no other letter shares a bit with them; callers test letters only).
const YIJ: u64 = 1 << (b'y' & 63)
    | 1 << (b'i' & 63)
    | 1 << (b'j' & 63)
    | 1 << (b'Y' & 63)
    | 1 << (b'I' & 63)
    | 1 << (b'J' & 63);

/// [`ascii_separator`] of each byte: one load instead of four tests, for
/// the scans that ask it at every capital.
static SEPARATORS: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = !c.is_ascii_alphabetic() && c != b'-' && c != b'\'';
        b += 1;
    }
    t
};

/// The first word at or after `from` (between words) that starts with a
/// capital: the same words as [`tokenize`], without lexing lowercase ASCII
/// prose. Only the word around each capital or non-ASCII character that
/// in `cands` is lexed, from the last separator before it.
fn next_capital_token(text: &str, mut from: usize, cands: &mut Cursor) -> Option<Tok> {
    let b = text.as_bytes();
    loop {
        let q = cands.next_from(from)?;
        // Bytes from..q are ASCII without capitals. Most often a capital
        // starts a word, after a space.
        if b[q].is_ascii_uppercase() && (q == from || ascii_separator(b[q - 1])) {
            return Some(token_at(text, q));
        }
        let mut i = q;
        while i > from && !ascii_separator(b[i - 1]) {
            i -= 1;
        }
        while i <= q {
            let c = text[i..].chars().next()?;
            if !c.is_alphabetic() {
                i += c.len_utf8();
                continue;
            }
            let t = token_at(text, i);
            if starts_upper(&text[t.start..t.core_end]) {
                return Some(t);
            }
            i = t.end;
        }
        from = i;
    }
}

/// The words of `starts` (plain ASCII words, in draft order) that the walk
/// of [`check`] would visit and keep: those outside the spans it skips
/// after an East Asian name (`skips`, from the name's start) and outside
/// table forms (`spans`); both lists are in order and disjoint.
fn outside_names<'a>(
    text: &'a str,
    starts: &'a [usize],
    skips: &'a [(usize, usize)],
    spans: &'a [(usize, usize)],
) -> impl Iterator<Item = usize> + 'a {
    let mut skips = skips.iter().peekable();
    let mut spans = spans.iter().peekable();
    starts.iter().copied().filter(move |&s| {
        while skips.next_if(|&&(_, e)| e <= s).is_some() {}
        while spans.next_if(|&&(_, e)| e <= s).is_some() {}
        let end = ascii_letters_end(text.as_bytes(), s);
        skips.peek().is_none_or(|&&(ks, _)| ks > s)
            && spans.peek().is_none_or(|&&(ts, _)| ts >= end)
    })
}

/// The positions of `a` and `b`, both in increasing order, in increasing
/// order.
fn merge_sorted(a: &[usize], b: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut out = Vec::with_capacity(a.len());
    let mut a = a.iter().copied().peekable();
    for y in b {
        while let Some(x) = a.next_if(|&x| x < y) {
            out.push(x);
        }
        out.push(y);
    }
    out.extend(a);
    out
}

/// The word after `a` when one space separates them (the only case in which
/// [`joined`] holds).
fn joined_next(text: &str, a: &Tok) -> Option<Tok> {
    let rest = &text[a.end..];
    let gap = if rest.starts_with(' ') {
        1
    } else if rest.starts_with('\u{a0}') {
        2
    } else {
        return None;
    };
    rest[gap..]
        .chars()
        .next()
        .filter(|c| c.is_alphabetic())
        .map(|_| token_at(text, a.end + gap))
}

/// Whether the word before `t0` is joined to it and ends in a glued
/// surname (`ofKim Jong Un`); see [`parse_ea`].
fn camel_before(text: &str, t0: &Tok) -> bool {
    let before = &text[..t0.start];
    let gap_start = if before.ends_with(' ') {
        t0.start - 1
    } else if before.ends_with('\u{a0}') {
        t0.start - 2
    } else {
        return false;
    };
    // Common case: no word ends at the gap, or an all-lowercase ASCII one.
    let b = text.as_bytes();
    let mut r = gap_start;
    while r > 0 && b[r - 1].is_ascii_lowercase() {
        r -= 1;
    }
    if r == 0 || ascii_separator(b[r - 1]) {
        return false;
    }
    // Otherwise lex the words from the last character no word contains.
    let mut r = gap_start;
    while let Some(c) = text[..r].chars().next_back() {
        if c.is_alphabetic() || is_combining_mark(c) || c == '-' || is_apostrophe(c) {
            r -= c.len_utf8();
        } else {
            break;
        }
    }
    let mut prev = None;
    while let Some(t) = next_token(text, r).filter(|t| t.start < gap_start) {
        r = t.end;
        prev = Some(t);
    }
    prev.is_some_and(|p| joined(text, &p, t0) && camel_surname(&text[p.start..p.core_end]))
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Two tokens in one name: separated by one space, the first without a
/// possessive.
fn joined(text: &str, a: &Tok, b: &Tok) -> bool {
    a.core_end == a.end && matches!(&text[a.end..b.start], " " | "\u{a0}")
}

/// A word ending in a surname glued after lowercase letters (`ComradeKim`).
fn camel_surname(word: &str) -> bool {
    let mut prev_lower = false;
    for (i, c) in word.char_indices() {
        if c.is_uppercase() && prev_lower && surname_group(&word[i..]).is_some() {
            return true;
        }
        prev_lower = c.is_lowercase();
    }
    false
}

#[derive(Debug, PartialEq, Eq)]
struct Ea {
    /// Words in the name.
    ntoks: usize,
    /// End of its last word, possessive included.
    resume: usize,
    start: usize,
    end: usize,
    key: String,
}

/// An East Asian personal name starting at token `i`: a known surname and a
/// given name written hyphenated (`Dong-hyuk`), as two one-syllable words
/// (`Dong Hyuk`) or as one word of one or two syllables (`Sangmok`).
fn parse_ea(text: &str, toks: &[Tok], i: usize) -> Option<Ea> {
    let t0 = *toks.get(i)?;
    let camel = || {
        i > 0
            && joined(text, &toks[i - 1], &t0)
            && camel_surname(&text[toks[i - 1].start..toks[i - 1].core_end])
    };
    parse_ea_with(text, t0, camel, |_, k| toks.get(i + k).copied())
}

/// [`parse_ea`] on the draft itself, without a token list.
fn parse_ea_at(text: &str, t0: Tok) -> Option<Ea> {
    // The next word must follow after one space (or no-break space) and
    // start with a capital (or a character that is not ASCII), and the word
    // have no possessive: most surname-like words (`Song`, `Moon`) stop
    // here, before any lookup.
    let b = text.as_bytes();
    let next_capital = match b.get(t0.end..).unwrap_or_default() {
        [b' ', c, ..] => c.is_ascii_uppercase() || *c >= 0x80,
        [0xc2, 0xa0, ..] => true,
        _ => false,
    };
    if !next_capital || t0.core_end != t0.end {
        return None;
    }
    parse_ea_with(
        text,
        t0,
        || camel_before(text, &t0),
        |t, _| joined_next(text, t),
    )
}

/// [`parse_ea`] given `camel()`, whether the word before `t0` ends in a
/// glued surname, and `next(t, k)`, the word after `t` (the `k`-th after
/// `t0`). `next` may answer `None` for a word that is not [`joined`] to `t`.
fn parse_ea_with(
    text: &str,
    t0: Tok,
    camel: impl FnOnce() -> bool,
    next: impl Fn(&Tok, usize) -> Option<Tok>,
) -> Option<Ea> {
    let s0 = &text[t0.start..t0.core_end];
    // Surnames are at most eight bytes: most words stop here. (Byte tests:
    // these strings are short, a `memchr` costs more.)
    if s0.len() > 8 || !starts_upper(s0) || s0.bytes().any(|c| c == b'-') {
        return None;
    }
    let (group, korean) = surname_group(s0)?;
    // `ofKim Jong Un`: `Jong Un` is not a name of its own.
    if camel() {
        return None;
    }
    let t1 = next(&t0, 1)?;
    if !joined(text, &t0, &t1) {
        return None;
    }
    let s1 = &text[t1.start..t1.core_end];
    if !starts_upper(s1) {
        return None;
    }
    let mk = |last: &Tok, ntoks: usize, parts: &[&str]| Ea {
        ntoks,
        resume: last.end,
        start: t0.start,
        end: last.core_end,
        key: ea_key(group, korean, parts),
    };
    if s1.as_bytes().contains(&b'-') {
        let parts: Vec<&str> = s1.split('-').collect();
        if (2..=3).contains(&parts.len()) && parts.iter().all(|p| is_syllables(p, 1)) {
            return Some(mk(&t1, 2, &parts));
        }
        return None;
    }
    if is_syllables(s1, 1) {
        if let Some(t2) = next(&t1, 2) {
            let s2 = &text[t2.start..t2.core_end];
            if joined(text, &t1, &t2)
                && starts_upper(s2)
                && !s2.as_bytes().contains(&b'-')
                && is_syllables(s2, 1)
                && !s2.chars().all(char::is_uppercase)
            {
                return Some(mk(&t2, 3, &[s1, s2]));
            }
        }
    }
    if is_syllables(s1, 2) && !s1.chars().all(char::is_uppercase) {
        return Some(mk(&t1, 2, &[s1]));
    }
    None
}

/// A name-shaped word sequence found without the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetectedName {
    pub start: usize,
    pub end: usize,
    /// East Asian surname + given name (else a single accented or
    /// Slavic-ending word).
    pub east_asian: bool,
    /// The folded comparison key: equal keys are treated as one name.
    pub key: String,
}

/// Every name-shaped sequence that automatic detection compares.
pub fn detect_names(text: &str) -> Vec<DetectedName> {
    let toks = tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some(ea) = parse_ea(text, &toks, i) {
            out.push(DetectedName {
                start: ea.start,
                end: ea.end,
                east_asian: true,
                key: ea.key,
            });
            i += ea.ntoks;
            continue;
        }
        let t = toks[i];
        let core = &text[t.start..t.core_end];
        if western_candidate(core) {
            out.push(DetectedName {
                start: t.start,
                end: t.core_end,
                east_asian: false,
                key: western_key(core),
            });
        }
        i += 1;
    }
    out
}

// ---------------------------------------------------------------------------
// Context helpers
// ---------------------------------------------------------------------------

fn left_boundary(text: &str, start: usize) -> bool {
    match text[..start].chars().next_back() {
        None => true,
        Some(c) => !(c.is_alphanumeric() || is_combining_mark(c) || c == '_'),
    }
}

enum Right {
    /// A word boundary after the match.
    Boundary,
    /// Lowercase ASCII letters `end..suffix_end` glued to the match, then a
    /// boundary.
    Fused(usize),
    /// Glued to something else (digits, capitals, other letters).
    Glued,
}

fn right_context(text: &str, end: usize) -> Right {
    let rest = &text[end..];
    let lower = rest.bytes().take_while(u8::is_ascii_lowercase).count();
    let after = rest[lower..].chars().next();
    let boundary_after = match after {
        None => true,
        Some(c) => !(c.is_alphanumeric() || is_combining_mark(c) || c == '_'),
    };
    if lower == 0 {
        if boundary_after {
            Right::Boundary
        } else {
            Right::Glued
        }
    } else if boundary_after || after.is_some_and(char::is_uppercase) {
        // `Kim Il SungandKim Jong Il`: the next name is glued on too.
        Right::Fused(end + lower)
    } else {
        Right::Glued
    }
}

/// Phrases in which a table form is not the entity (`chicken Kiev`).
const EXCEPTIONS: &[(&str, &str)] = &[
    ("chicken Kiev", "Kiev"),
    ("Chicken Kiev", "Kiev"),
    ("Dynamo Kiev", "Kiev"),
    ("Dinamo Kiev", "Kiev"),
    ("Kiev Rus", "Kiev"),
    ("Treaty of Nanking", "Nanking"),
    ("Rape of Nanking", "Nanking"),
    ("Nanking Massacre", "Nanking"),
    ("Peking duck", "Peking"),
    ("Peking Duck", "Peking"),
    ("Peking opera", "Peking"),
    ("Peking Opera", "Peking"),
    ("Peking University", "Peking"),
    ("Peking Man", "Peking"),
    ("Canton System", "Canton"),
    ("Canton Fair", "Canton"),
];

fn is_exception(text: &str, start: usize, form: &str) -> bool {
    EXCEPTIONS.iter().any(|(phrase, f)| {
        if *f != form {
            return false;
        }
        let Some(off) = phrase.find(f) else {
            return false;
        };
        start >= off
            && text.is_char_boundary(start - off)
            && text[start - off..].starts_with(phrase)
    })
}

/// Words before a name that announce another spelling on purpose
/// (`formerly romanized as Chekiang`, `Kyiv (formerly Kiev)`).
const MENTION_CUES: &[&str] = &[
    "romanized as",
    "romanised as",
    "romanized",
    "romanised",
    "spelled",
    "spelt",
    "spelling",
    "known as",
    "formerly",
    "transliterated as",
    "written as",
    "also written",
    ", or",
    "(or",
    "aka",
];

/// The name at `start..end` is mentioned as an alternative spelling, not
/// used: after a cue such as `formerly` or `also spelled`, or inside a
/// parenthetical gloss that has a label (`pinyin: …`) or native script.
fn alt_mention(text: &str, start: usize, end: usize) -> bool {
    let mut from = start.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..start].trim_end_matches([' ', '"', '“', '\'', '‘']);
    if MENTION_CUES.iter().any(|c| before.ends_with(c)) {
        return true;
    }
    // Innermost parenthesis around the name, within its paragraph: the
    // nearest `(` before it, with no `)` or line break in between.
    let open = match memchr::memrchr3(b'(', b')', b'\n', &text.as_bytes()[..start]) {
        Some(i) if text.as_bytes()[i] == b'(' => i,
        _ => return false,
    };
    let close = text[end..]
        .find([')', '\n'])
        .map_or(text.len(), |i| end + i);
    let inner = &text[open + 1..close];
    inner.contains(':')
        || inner.contains(';')
        || inner.chars().any(|c| c.is_alphabetic() && !is_latin(c))
}

fn is_latin(c: char) -> bool {
    c.is_ascii() || ('\u{c0}'..='\u{24f}').contains(&c) || ('\u{1e00}'..='\u{1eff}').contains(&c)
}

/// Whether places of a draft lie inside direct quotations (see
/// [`quote_spans`]).
///
/// No quotation crosses a line end, so a place is looked up by scanning
/// its own line up to it: a draft asks only about its findings and the
/// first uses of its names, far fewer bytes than the whole draft. Past a
/// budget of as many bytes as the draft (long lines, many questions), the
/// draft's spans are listed once instead.
struct Quotes<'a> {
    text: &'a str,
    spans: OnceCell<Vec<(usize, usize)>>,
    scanned: Cell<usize>,
}

impl<'a> Quotes<'a> {
    fn new(text: &'a str) -> Self {
        Quotes {
            text,
            spans: OnceCell::new(),
            scanned: Cell::new(0),
        }
    }

    fn contains(&self, pos: usize) -> bool {
        if let Some(spans) = self.spans.get() {
            return in_spans(spans, pos);
        }
        let b = self.text.as_bytes();
        if b.get(pos) == Some(&b'\n') {
            return false; // (a line end closes every quotation before it)
        }
        let line = memchr::memrchr(b'\n', &b[..pos]).map_or(0, |i| i + 1);
        let scanned = self.scanned.get() + (pos - line);
        if scanned > b.len() {
            return in_spans(self.spans.get_or_init(|| quote_spans(self.text)), pos);
        }
        self.scanned.set(scanned);
        // The states of [`quote_spans`]'s scan, from the line's start.
        let mut open = false;
        for i in memchr::memchr2_iter(b'"', 0xe2, &b[line..pos]) {
            match (b[line + i], b.get(line + i + 1..line + i + 3)) {
                (0xe2, Some([0x80, 0x9c])) => open = true,
                (0xe2, Some([0x80, 0x9d])) => open = false,
                (b'"', _) => open = !open,
                _ => {}
            }
        }
        // A quotation mark at `pos` opens a span or closes one with it.
        open || b.get(pos) == Some(&b'"') || b[pos..].starts_with("“".as_bytes())
    }
}

/// Byte ranges inside direct quotations: `“…”`, or `"…"` pairs within a
/// paragraph (an unclosed quote runs to the end of its line, the newswire
/// convention for quotes running over paragraphs).
fn quote_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    let b = text.as_bytes();
    // `“` and `”` are E2 80 9C and E2 80 9D.
    for i in memchr::memchr3_iter(b'"', b'\n', 0xe2, b) {
        match (b[i], b.get(i + 1..i + 3)) {
            (0xe2, Some([0x80, 0x9c])) if open.is_none() => open = Some(i),
            (0xe2, Some([0x80, 0x9d])) => {
                if let Some(s) = open.take() {
                    spans.push((s, i + 3));
                }
            }
            (b'"', _) => match open.take() {
                Some(s) => spans.push((s, i + 1)),
                None => open = Some(i),
            },
            (b'\n', _) => {
                if let Some(s) = open.take() {
                    spans.push((s, i));
                }
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        spans.push((s, text.len()));
    }
    spans
}

fn in_spans(spans: &[(usize, usize)], pos: usize) -> bool {
    let idx = spans.partition_point(|&(s, _)| s <= pos);
    idx > 0 && pos < spans[idx - 1].1
}

/// A Hangul gloss right after a name: ` (윤석열)`, ` (Korean: 윤석열)`.
fn hangul_gloss(text: &str, end: usize) -> Option<&str> {
    let rest = text[end..].trim_start_matches([' ', '\u{a0}']);
    let rest = rest.strip_prefix('(').or_else(|| rest.strip_prefix('（'))?;
    let rest = rest.trim_start();
    let rest = ["Korean:", "Hangul:", "in Korean:", "Korean"]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .map_or(rest, str::trim_start);
    let len: usize = rest
        .chars()
        .take_while(|&c| ('\u{ac00}'..='\u{d7a3}').contains(&c) || c == ' ')
        .map(char::len_utf8)
        .sum();
    let gloss = rest[..len].trim();
    let after = rest[len..].chars().next();
    if gloss.is_empty() || !matches!(after, Some(')' | '）' | ',' | ';')) {
        return None;
    }
    Some(gloss)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn word_eq(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let mut ca = a.chars();
    let mut cb = b.chars();
    match (ca.next(), cb.next()) {
        (Some(x), Some(y)) => x.to_lowercase().eq(y.to_lowercase()) && ca.as_str() == cb.as_str(),
        _ => false,
    }
}

/// Same spelling, or one is the other's leading or trailing words
/// (`Zelenskyy` after `Volodymyr Zelenskyy`).
fn compatible(a: &str, b: &str) -> bool {
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    let (short, long) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    let n = short.len();
    let eq = |w: &[&str]| w.iter().zip(&short).all(|(x, y)| word_eq(x, y));
    eq(&long[..n]) || eq(&long[long.len() - n..])
}

/// The fix for `surface` given the target spelling: a single word is fixed
/// to the target's closest word (`Zelenskyy` → `Zelensky`); a single-word
/// target replaces the closest word of a longer surface.
fn align_fix(surface: &str, target: &str) -> String {
    let ws: Vec<&str> = surface.split_whitespace().collect();
    let wt: Vec<&str> = target.split_whitespace().collect();
    let closest = |w: &str, pool: &[&str]| -> usize {
        (0..pool.len())
            .min_by_key(|&i| levenshtein(&fold_basic(w), &fold_basic(pool[i])))
            .unwrap_or(0)
    };
    if ws.len() == 1 && wt.len() > 1 {
        return wt[closest(ws[0], &wt)].to_string();
    }
    if wt.len() == 1 && ws.len() > 1 {
        let i = closest(wt[0], &ws);
        let mut out: Vec<&str> = ws.clone();
        out[i] = wt[0];
        return out.join(" ");
    }
    target.to_string()
}

// ---------------------------------------------------------------------------
// Grouping
// ---------------------------------------------------------------------------

#[derive(Default)]
struct Groups {
    parent: Vec<usize>,
    entity: Vec<Option<usize>>,
    keys: HashMap<String, usize>,
    entities: HashMap<usize, usize>,
}

impl Groups {
    fn add(&mut self, entity: Option<usize>) -> usize {
        self.parent.push(self.parent.len());
        self.entity.push(entity);
        self.parent.len() - 1
    }
    fn entity_node(&mut self, e: usize) -> usize {
        if let Some(&n) = self.entities.get(&e) {
            return n;
        }
        let n = self.add(Some(e));
        self.entities.insert(e, n);
        n
    }
    fn key_node(&mut self, k: &str) -> usize {
        if let Some(&n) = self.keys.get(k) {
            return n;
        }
        let n = self.add(None);
        self.keys.insert(k.to_string(), n);
        n
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    /// Merge two groups unless that would merge two different entities.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        match (self.entity[ra], self.entity[rb]) {
            (Some(x), Some(y)) if x != y => {}
            (ea, eb) => {
                self.parent[rb] = ra;
                self.entity[ra] = ea.or(eb);
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Table,
    EastAsian,
    Western,
}

struct Occ {
    start: usize,
    end: usize,
    node: usize,
    source: Source,
    /// Index of the `fused-name` finding of this occurrence.
    fused: Option<usize>,
}

// ---------------------------------------------------------------------------
// check
// ---------------------------------------------------------------------------

/// Run `name-romanization` and `fused-name` over one document.
pub fn check(text: &str, index: &NameIndex, opts: &Options) -> Vec<Finding> {
    check_at(text, index, opts, &Stops::find(text, &index.forms))
}

/// [`check`] given the draft's [`Stops`].
fn check_at(text: &str, index: &NameIndex, opts: &Options, stops: &Stops) -> Vec<Finding> {
    let quotes = Quotes::new(text);
    let mut findings: Vec<Finding> = Vec::new();
    let mut groups = Groups::default();
    let mut occs: Vec<Occ> = Vec::new();

    // 1. Table forms.
    for m in index.find_forms_at(text, &stops.forms, &stops.anchored) {
        let fused_finding_at = if m.is_fused() {
            if !opts.fused_names {
                continue;
            }
            match findings.last_mut() {
                // `Kim Il SungandKim Jong Il`: one finding for the chain.
                Some(prev) if prev.end > m.glued_start => {
                    let mut r = prev.replacement.take().unwrap_or_default();
                    r.push(' ');
                    r.push_str(&text[m.start..m.glued_end.max(m.end)]);
                    if m.glued_end > m.end {
                        r.insert(r.len() - (m.glued_end - m.end), ' ');
                    }
                    prev.end = m.glued_end;
                    prev.message = quote_note(
                        "names fused with the words around them (spaces lost with the markup?)"
                            .to_string(),
                        prev.in_quote,
                    );
                    prev.replacement = Some(r);
                }
                _ => findings.push(fused_finding(
                    text,
                    m.glued_start,
                    m.start,
                    m.end,
                    m.glued_end,
                    &quotes,
                )),
            }
            Some(findings.len() - 1)
        } else {
            None
        };
        let node = groups.entity_node(m.entity);
        occs.push(Occ {
            start: m.start,
            end: m.end,
            node,
            source: Source::Table,
            fused: fused_finding_at,
        });
    }

    // Starts of the short capitalized words followed by a space that the
    // scan below visits and that may be surnames, each shifted left 16 bits
    // over a [`word_hash`] of the word: the only places a draft's name can
    // start (step 5), which reads the draft again only where the hash is a
    // surname's. (A name found in the draft starts with a word that passed
    // [`may_be_surname`], a test of the word's bytes alone: a word that
    // fails it is none of those names' first words.)
    let mut word_starts: Vec<u64> = Vec::new();

    // 2. Name-shaped sequences in no table.
    if opts.auto_detect {
        let table_spans: Vec<(usize, usize)> = occs.iter().map(|o| (o.start, o.end)).collect();
        // Words are visited in order, and table spans are in order and
        // disjoint: a cursor replaces a binary search per word.
        let mut span_i = 0;
        let mut overlaps = |s: usize, e: usize| {
            while table_spans.get(span_i).is_some_and(|&(_, te)| te <= s) {
                span_i += 1;
            }
            table_spans.get(span_i).is_some_and(|&(ts, _)| ts < e)
        };
        // Plain capitalized words that are no candidate themselves, kept in
        // case an accented candidate shares their key (`ZHDANOVY` after
        // `Zhdanóvy`). (Their starts only: a word is lexed again if it is
        // needed.)
        let mut plain_caps: Vec<usize> = Vec::new();
        // Where the walk resumed after an East Asian name: the words from
        // its first word's start to there are not visited.
        let mut ea_skips: Vec<(usize, usize)> = Vec::new();
        let mut accented_keys: HashSet<String> = HashSet::new();
        // Group node of each capitalized word seen (`None`: not a name).
        let mut western: HashMap<&str, Option<usize>, PrefixBuild> = HashMap::default();
        // Only capitalized words matter: lowercase prose is skipped unread.
        let mut pos = 0;
        let mut cursor = Cursor { at: &stops.words };
        while let Some(t) = next_capital_token(text, pos, &mut cursor) {
            let surname = may_be_surname(text.as_bytes(), t.start, t.core_end);
            if surname {
                note_word_start(text, &t, &mut word_starts);
            }
            if let Some(ea) = surname.then(|| parse_ea_at(text, t)).flatten() {
                if !overlaps(ea.start, ea.end) {
                    // (The name's other words are not visited: note them.)
                    let mut p = t.end;
                    while let Some(u) = next_token(text, p).filter(|u| u.start < ea.resume) {
                        if may_be_surname(text.as_bytes(), u.start, u.core_end) {
                            note_word_start(text, &u, &mut word_starts);
                        }
                        p = u.end;
                    }
                    let node = groups.key_node(&ea.key);
                    if let Some(&ent) = index.key_entity.get(&ea.key) {
                        let en = groups.entity_node(ent);
                        groups.union(en, node);
                    }
                    occs.push(Occ {
                        start: ea.start,
                        end: ea.end,
                        node,
                        source: Source::EastAsian,
                        fused: None,
                    });
                    ea_skips.push((t.start, ea.resume));
                    pos = ea.resume;
                    continue;
                }
            }
            let core = &text[t.start..t.core_end];
            // (An accented key ends in `y`, `i` or `j`, as the Slavic
            // ending it needs does: so must the plain word that shares it.)
            if core.len() >= 4
                && matches!(core.as_bytes()[core.len() - 1] | 0x20, b'y' | b'i' | b'j')
                && core.is_ascii()
                && !overlaps(t.start, t.core_end)
            {
                plain_caps.push(t.start);
            }
            if may_be_western(core) && !overlaps(t.start, t.core_end) {
                // A word's key and links are the same at each use: work
                // them out once (linking it again would change nothing).
                let node = *western.entry(core).or_insert_with(|| {
                    if !western_candidate(core) {
                        return None;
                    }
                    if !core.is_ascii() {
                        accented_keys.insert(western_key(core));
                    }
                    let key = western_key(core);
                    let node = groups.key_node(&key);
                    if let Some(&ent) = index.key_entity.get(&key) {
                        let en = groups.entity_node(ent);
                        groups.union(en, node);
                    }
                    Some(node)
                });
                let Some(node) = node else {
                    pos = t.end;
                    continue;
                };
                occs.push(Occ {
                    start: t.start,
                    end: t.core_end,
                    node,
                    source: Source::Western,
                    fused: None,
                });
            }
            pos = t.end;
        }
        if !accented_keys.is_empty() {
            // The words the walk would have kept here, had it visited
            // them, in draft order.
            let visited = outside_names(text, &stops.yij_words, &ea_skips, &table_spans);
            plain_caps = merge_sorted(&plain_caps, visited);
            // Node of each word's key when an accented spelling has it (once
            // per word, as above).
            let mut plain: HashMap<&str, Option<usize>, PrefixBuild> = HashMap::default();
            // Most words cannot have an accented key: its first letter and
            // length (after `W:`) are known, and folding an ASCII word only
            // drops joiners and perhaps one letter of a Slavic ending.
            // Bit `min(length, 63)` of `shapes[first byte]`.
            let mut shapes = [0u64; 256];
            for k in accented_keys.iter().filter_map(|k| k.strip_prefix("W:")) {
                if let Some(&first) = k.as_bytes().first() {
                    shapes[usize::from(first)] |= 1 << k.len().min(63);
                }
            }
            for s in plain_caps {
                let t = token_at(text, s);
                let core = &text[t.start..t.core_end];
                let first = core.as_bytes()[0].to_ascii_lowercase();
                let joiners = if ascii_letters_end(text.as_bytes(), t.start) >= t.core_end {
                    0
                } else {
                    core.bytes()
                        .filter(|c| matches!(c, b'-' | b'\'' | b'`' | b' '))
                        .count()
                };
                let folded_len = core.len() - joiners;
                let lens = 1 << folded_len.min(63) | 1 << (folded_len - 1).min(63);
                if shapes[usize::from(first)] & lens == 0 {
                    continue;
                }
                let node = *plain.entry(core).or_insert_with(|| {
                    // (A candidate is already an occurrence; capitals
                    // alone are a headline's, left alone as in
                    // [`western_candidate`].)
                    if western_candidate(core) || !core.bytes().any(|c| c.is_ascii_lowercase()) {
                        return None;
                    }
                    let key = western_key(core);
                    accented_keys.contains(&key).then(|| groups.key_node(&key))
                });
                if let Some(node) = node {
                    occs.push(Occ {
                        start: t.start,
                        end: t.core_end,
                        node,
                        source: Source::Western,
                        fused: None,
                    });
                }
            }
        }
        occs.sort_by_key(|o| o.start);

        // 3. Hangul glosses link every reading to the glossed name.
        for o in &occs {
            if o.source == Source::Western || o.fused.is_some() {
                continue;
            }
            let Some(gloss) = hangul_gloss(text, o.end) else {
                continue;
            };
            if let Some(&ent) = index.native_entity.get(gloss) {
                let en = groups.entity_node(ent);
                groups.union(o.node, en);
            }
            for reading in crate::hangul::name_readings(gloss) {
                if let Some(k) = reading_key(&reading) {
                    let kn = groups.key_node(&k);
                    groups.union(o.node, kn);
                    if let Some(&ent) = index.key_entity.get(&k) {
                        let en = groups.entity_node(ent);
                        groups.union(o.node, en);
                    }
                }
            }
        }
    }

    // Spellings mentioned as alternatives are neither references nor
    // findings (a fused name still is an occurrence).
    occs.retain(|o| o.fused.is_some() || !alt_mention(text, o.start, o.end));

    // 4. Compare the spellings in each group.
    let mut by_group: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (k, o) in occs.iter().enumerate() {
        let root = groups.find(o.node);
        by_group.entry(root).or_default().push(k);
    }
    for (root, members) in &by_group {
        let entity = groups.entity[*root].map(|e| &index.entities[e]);
        let house = match (&opts.house_style, entity) {
            (Some(style), Some(e)) => {
                Some((style.as_str(), e.styles.get(style).unwrap_or(&e.name)))
            }
            _ => None,
        };
        if let Some((style, house_form)) = house {
            for &k in members {
                let o = &occs[k];
                let surface = &text[o.start..o.end];
                if surface == house_form || compatible(surface, house_form) {
                    continue;
                }
                let message = format!("house style ({style}) writes this name `{house_form}`");
                let fix = align_fix(surface, house_form);
                flag(&mut findings, text, o, message, None, fix, &quotes);
            }
            continue;
        }
        // (One spelling: nothing to compare.)
        if members.len() < 2 || entity.is_some_and(|e| e.kind == "organisation") {
            continue;
        }
        // The reference is the first use outside quotations (a quotation
        // keeps its speaker's or source's spelling), else the first use.
        let ref_k = members
            .iter()
            .copied()
            .find(|&k| !quotes.contains(occs[k].start))
            .unwrap_or(members[0]);
        let first = &occs[ref_k];
        let reference = &text[first.start..first.end];
        let label_text = if ref_k == members[0] {
            format!("first written as `{reference}` here")
        } else {
            format!("written as `{reference}` here, the first use outside quotations")
        };
        let mut accepted: Vec<&str> = vec![reference];
        for &k in members.iter().filter(|&&k| k != ref_k) {
            let o = &occs[k];
            let surface = &text[o.start..o.end];
            // A single word differing only in capitals (`PEnney`) is a
            // typo, not a romanization.
            let case_only = |a: &&str| {
                o.source == Source::Western && a.to_lowercase() == surface.to_lowercase()
            };
            // (An accepted spelling is compatible with itself: the common
            // case, tested without splitting words.)
            if accepted.contains(&surface) {
                continue;
            }
            if accepted
                .iter()
                .any(|a| compatible(surface, a) || case_only(a))
            {
                if !accepted.contains(&surface) {
                    accepted.push(surface);
                }
                continue;
            }
            let message = if ref_k == members[0] {
                format!(
                    "`{surface}` is another romanization of `{reference}`, used earlier in this draft"
                )
            } else {
                format!(
                    "`{surface}` is another romanization of `{reference}`, the draft's spelling outside quotations"
                )
            };
            let label = Some((first.start, first.end, label_text.clone()));
            let fix = align_fix(surface, reference);
            flag(&mut findings, text, o, message, label, fix, &quotes);
        }
    }

    // 5. Names written correctly elsewhere in the draft, fused here.
    if opts.fused_names && opts.auto_detect {
        let fused_starts: HashSet<usize> = findings
            .iter()
            .filter(|f| f.rule == RULE_FUSED)
            .map(|f| f.start)
            .collect();
        let mut surfaces: Vec<&str> = occs
            .iter()
            .filter(|o| o.source == Source::EastAsian)
            .map(|o| &text[o.start..o.end])
            .collect();
        surfaces.sort_unstable();
        surfaces.dedup();
        // One pass over the draft for all of them (not one scan per name).
        // A surface starts with its surname (at most eight bytes) and a
        // space: group the surfaces by that word, shortest first (the order
        // in which an automaton reports matches that start together).
        let mut by_surname: HashMap<&str, Vec<&str>, PrefixBuild> = HashMap::default();
        for &surface in &surfaces {
            if let Some(sp) = surface.find([' ', '\u{a0}']) {
                by_surname.entry(&surface[..sp]).or_default().push(surface);
            }
        }
        for group in by_surname.values_mut() {
            group.sort_by_key(|s| s.len());
        }
        // (A surname is a word of at most eight bytes.)
        let by_word: HashMap<u64, &Vec<&str>, PrefixBuild> = by_surname
            .iter()
            .filter(|(surname, _)| surname.len() <= 8)
            .map(|(surname, group)| (pack_word(surname.as_bytes()), group))
            .collect();
        let mut hashes = Bitmap::<1024>::default();
        for &key in by_word.keys() {
            hashes.insert(word_hash(key) as usize);
        }
        let b = text.as_bytes();
        // A surface starts with a capitalized word of at most eight bytes
        // and a space at a word start: the scan in step 2 noted every such
        // place (a word glued after a hyphen, `anti-Kim`, is no name start).
        for &noted in if by_word.is_empty() {
            &[][..]
        } else {
            &word_starts[..]
        } {
            let (s, h) = ((noted >> 16) as usize, (noted & 0xffff) as usize);
            if !hashes.contains(h) {
                continue;
            }
            // The word ends at the space noted after it.
            let head = &b[s..b.len().min(s + 10)];
            let Some(sp) = head
                .iter()
                .zip(head.iter().skip(1).chain([&0]))
                .position(|(&x, &y)| x == b' ' || (x == 0xc2 && y == 0xa0))
            else {
                continue;
            };
            let Some(&group) = by_word.get(&pack_word(&b[s..s + sp])) else {
                continue;
            };
            if fused_starts.contains(&s) || !left_boundary(text, s) {
                continue;
            }
            for &surface in group {
                let e = s + surface.len();
                // A fused name is followed by a lowercase letter: test that
                // byte before comparing the surface.
                if !b.get(e).is_some_and(u8::is_ascii_lowercase) || !text[s..].starts_with(surface)
                {
                    continue;
                }
                if let Right::Fused(suffix_end) = right_context(text, e) {
                    let last = surface.rsplit([' ', '-']).next().unwrap_or(surface);
                    if fused_draft_ok(last, &text[e..suffix_end]) {
                        findings.push(fused_finding(text, s, s, e, suffix_end, &quotes));
                    }
                }
            }
        }
    }

    findings.sort_by_key(|f| (f.start, f.end, f.rule));
    findings
}

/// Report a spelling. For a name that is also fused with a neighbouring
/// word, the `fused-name` finding's fix carries the corrected spelling, so
/// that the two fixes never overlap.
fn flag(
    findings: &mut Vec<Finding>,
    text: &str,
    o: &Occ,
    message: String,
    label: Option<(usize, usize, String)>,
    fix: String,
    quotes: &Quotes,
) {
    let in_quote = quotes.contains(o.start);
    let replacement = match o.fused {
        None => Some(fix),
        Some(fi) => {
            let f = &mut findings[fi];
            let surface = &text[o.start..o.end];
            if let Some(r) = &f.replacement {
                f.replacement = Some(r.replacen(surface, &fix, 1));
            }
            None
        }
    };
    let message = if replacement.is_none() {
        format!("{message}; the `fused-name` fix here also corrects the spelling")
    } else {
        message
    };
    findings.push(Finding {
        rule: RULE_ROMANIZATION,
        start: o.start,
        end: o.end,
        message: quote_note(message, in_quote),
        label,
        replacement,
        in_quote,
    });
}

fn quote_note(message: String, in_quote: bool) -> String {
    if in_quote {
        format!("{message} (inside a quotation: the fix is shown, not applied)")
    } else {
        message
    }
}

/// `start..name_start` is a word glued before the name (often empty),
/// `name_end..end` a word glued after it (often empty).
/// Note `t`'s start when it may begin a name of the draft: a word of at
/// most eight bytes (a surname's length), without a possessive, followed by
/// a space.
#[inline]
fn note_word_start(text: &str, t: &Tok, starts: &mut Vec<u64>) {
    let rest = &text.as_bytes()[t.end..];
    if t.end - t.start <= 8
        && t.core_end == t.end
        && (rest.first() == Some(&b' ') || rest.starts_with(&[0xc2, 0xa0]))
    {
        // (A draft in memory is far smaller than 2^48 bytes.)
        let word = pack_word(&text.as_bytes()[t.start..t.end]);
        starts.push((t.start as u64) << 16 | word_hash(word));
    }
}

/// Sixteen bits of a [`pack_word`].
fn word_hash(word: u64) -> u64 {
    word.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 48
}

/// A word of at most eight bytes in a `u64`, first byte lowest (no word
/// holds a NUL byte, so no two words share one).
fn pack_word(w: &[u8]) -> u64 {
    w.iter().rev().fold(0, |acc, &c| acc << 8 | u64::from(c))
}

fn fused_finding(
    text: &str,
    start: usize,
    name_start: usize,
    name_end: usize,
    end: usize,
    quotes: &Quotes,
) -> Finding {
    let before = &text[start..name_start];
    let name = &text[name_start..name_end];
    let after = &text[name_end..end];
    let in_quote = quotes.contains(start);
    let (message, replacement) = match (before.is_empty(), after.is_empty()) {
        (true, _) => (
            format!("`{name}` is fused with the next word `{after}` (a space lost with the markup?)"),
            format!("{name} {after}"),
        ),
        (false, true) => (
            format!("`{name}` is fused with the previous word `{before}` (a space lost with the markup?)"),
            format!("{before} {name}"),
        ),
        (false, false) => (
            format!("`{name}` is fused with the words `{before}` and `{after}` around it (spaces lost with the markup?)"),
            format!("{before} {name} {after}"),
        ),
    };
    Finding {
        rule: RULE_FUSED,
        start,
        end,
        message: quote_note(message, in_quote),
        label: None,
        replacement: Some(replacement),
        in_quote,
    }
}

/// Start of an English word glued before a multi-word table form
/// (`ofKim Jong Un`, `ComradeKim Jong Un`).
/// Titles glued before names in KCNA copy (`HEKim Jong Un`).
const GLUED_TITLES: &[&str] = &["HE", "Excellency", "Generalissimo", "Generalissimos"];

/// Start of an English word glued before a multi-word table form
/// (`ofKim Jong Un`, `ComradeKim Jong Un`, and `and` in
/// `Kim Il SungandKim Jong Il` when `prev_end` is the end of `Kim Il Sung`).
fn glued_left_word(text: &str, start: usize, form: &str, prev_end: Option<usize>) -> Option<usize> {
    if !form.as_bytes().contains(&b' ') || !starts_upper(form) {
        return None;
    }
    let before = &text[..start];
    let n = before
        .bytes()
        .rev()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let mut ls = start - n;
    let after_name = prev_end.is_some_and(|p| ls < p && p < start);
    if after_name {
        ls = prev_end.unwrap_or(ls);
    } else if !left_boundary(text, ls) {
        return None;
    }
    let word = &text[ls..start];
    if GLUED_TITLES.contains(&word) {
        return Some(ls);
    }
    if word.len() < 2
        || !word.as_bytes()[word.len() - 1].is_ascii_lowercase()
        || !is_english_word(&word.to_ascii_lowercase())
    {
        return None;
    }
    Some(ls)
}

/// A table form glued to lowercase letters `suffix`.
fn fused_table_ok(form: &str, suffix: &str) -> bool {
    if suffix.len() < 2 || DERIVATIONAL.contains(&suffix) {
        return false;
    }
    let multi_word = form.as_bytes().contains(&b' ');
    if !multi_word && suffix.len() < 3 {
        return false; // `Raision` (Raisi + on), `Gazaon`
    }
    if multi_word {
        // `Kim Jong Un` + `paid`: the glued word may itself be a word
        // (`Unpaid`), but no name continues that way.
        is_english_word(suffix)
    } else {
        let glued = format!("{}{}", fold_basic(form), suffix);
        COMMON_FOLLOWERS.contains(&suffix) && !is_english_word(&glued)
    }
}

/// A name found in the draft (last word `last`) glued to `suffix`.
fn fused_draft_ok(last: &str, suffix: &str) -> bool {
    if suffix.len() < 2 || DERIVATIONAL.contains(&suffix) {
        return false;
    }
    let glued = format!("{}{}", fold_basic(last), suffix);
    is_english_word(suffix)
        && (suffix.len() >= 3 || COMMON_FOLLOWERS.contains(&suffix))
        && !is_english_word(&glued)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_korean_merges_systems() {
        assert_eq!(fold_korean(&fold_basic("Kŭn-hye")), fold_korean("geunhye"));
        assert_eq!(fold_korean(&fold_basic("Sŏk-yŏl")), fold_korean("seokyeol"));
        assert_eq!(fold_korean("hyun"), fold_korean("hyon"));
        assert_ne!(fold_korean("jaemyung"), fold_korean("jaeyong"));
        assert_ne!(fold_korean("jongun"), fold_korean("jongil"));
    }

    #[test]
    fn syllables() {
        assert!(is_syllables("Dong", 1));
        assert!(is_syllables("hyuk", 1));
        assert!(is_syllables("Sangmok", 2));
        assert!(is_syllables("Jinping", 2));
        assert!(!is_syllables("Unsaid", 1));
        assert!(!is_syllables("Avenue", 2));
        assert!(!is_syllables("Korea", 1));
    }

    #[test]
    fn tokens_and_possessives() {
        let t = "Yoon's Kim Jong-un, Ch'oe";
        let toks = tokenize(t);
        let words: Vec<&str> = toks.iter().map(|k| &t[k.start..k.core_end]).collect();
        assert_eq!(words, ["Yoon", "Kim", "Jong-un", "Ch'oe"]);
    }

    #[test]
    fn ea_keys() {
        let key = |s: &str| {
            let toks = tokenize(s);
            parse_ea(s, &toks, 0).map(|e| e.key)
        };
        assert_eq!(key("Hwang Dong-hyuk"), key("Hwang Dong Hyuk"));
        assert_eq!(key("Choi Sang-mok"), key("Choi Sangmok"));
        assert_eq!(key("Park Geun-hye"), key("Pak Kun-hye"));
        assert_eq!(key("Kim Jong Un"), key("Kim Jong-un"));
        assert_ne!(key("Kim Jong Un"), key("Kim Jong Il"));
        assert_ne!(key("Lee Jae-myung"), key("Lee Jae-yong"));
        assert_eq!(key("North Korea"), None);
        assert_eq!(key("Park Avenue"), None);
        assert_eq!(key("Song Contest"), None);
    }

    #[test]
    fn quotes() {
        let t = "He said \"Kim was here\" and “Kiev” then\n\"open";
        let q = quote_spans(t);
        assert!(in_spans(&q, t.find("Kim").unwrap()));
        assert!(in_spans(&q, t.find("Kiev").unwrap()));
        assert!(!in_spans(&q, t.find("then").unwrap()));
        assert!(in_spans(&q, t.find("open").unwrap()));
    }

    #[test]
    fn line_scans_match_the_draft_spans() {
        let pieces = ["\"", "“", "”", "\n", "a", "Kim ", " ", "é", "’"];
        let mut below = crate::testing::xorshift(0x853c_49e6_748f_ea9b);
        for _ in 0..3_000 {
            let n = 1 + below(24);
            let t: String = (0..n).map(|_| pieces[below(pieces.len())]).collect();
            let spans = quote_spans(&t);
            // One `Quotes` a question (line scans only), and one for all
            // of the text's questions (over budget: the draft's spans).
            let shared = Quotes::new(&t);
            for (pos, _) in t.char_indices() {
                let want = in_spans(&spans, pos);
                assert_eq!(Quotes::new(&t).contains(pos), want, "{t:?} at {pos}");
                assert_eq!(shared.contains(pos), want, "{t:?} at {pos} (shared)");
            }
        }
    }

    #[test]
    fn compat_and_fix() {
        assert!(compatible("Zelenskyy", "Volodymyr Zelenskyy"));
        assert!(!compatible("Zelensky", "Volodymyr Zelenskyy"));
        assert!(!compatible("Kim Jong Un", "Kim Jong-un"));
        assert_eq!(align_fix("Zelensky", "Volodymyr Zelenskyy"), "Zelenskyy");
        assert_eq!(
            align_fix("Volodymyr Zelenskyy", "Zelensky"),
            "Volodymyr Zelensky"
        );
        assert_eq!(align_fix("Kim Jong Un", "Kim Jong-un"), "Kim Jong-un");
    }

    #[test]
    fn word_list_loaded() {
        assert!(is_english_word("said"));
        assert!(is_english_word("expressed"));
        assert!(is_english_word("a"));
        assert!(is_english_word("aardvark"));
        assert!(is_english_word("zucchinis"));
        assert!(!is_english_word("sworth"));
        assert!(!is_english_word(""));
        assert!(!is_english_word("zzz"));
        // The binary search needs the list sorted, one clean word a line.
        let words: Vec<&str> = word_lines().lines().collect();
        assert!(words.len() > 30_000);
        assert!(
            words.windows(2).all(|w| w[0] < w[1]),
            "word list not sorted"
        );
        assert!(words
            .iter()
            .all(|w| !w.is_empty() && w.trim() == *w && !w.starts_with('#')));
        assert!(words.iter().all(|w| is_english_word(w)));
    }

    #[test]
    fn syllables_match_the_regex() {
        let re = |max: usize| regex::Regex::new(&format!("^(?:{SYL}){{1,{max}}}$")).unwrap();
        let (one, two) = (re(1), re(2));
        let letters = b"abcdeghijklmnopstuwyz";
        // Every string of up to five letters from a small alphabet, and
        // some real words.
        let mut words: Vec<String> = vec![String::new()];
        let mut all = Vec::new();
        for _ in 0..4 {
            let mut next = Vec::new();
            for w in &words {
                for &c in letters {
                    next.push(format!("{w}{}", c as char));
                }
            }
            all.extend(next.iter().cloned());
            words = next;
        }
        all.extend(
            [
                "Jinping",
                "Sangmok",
                "hyuk",
                "tchang",
                "Kwaeng",
                "Avenue",
                "chiang",
                "yeoung",
                "Seok-yeol",
                "jjang",
                "ssang",
                "hsieh",
            ]
            .map(String::from),
        );
        for w in &all {
            let f = fold_basic(w);
            let want = |re: &regex::Regex| !f.is_empty() && f.is_ascii() && re.is_match(&f);
            assert_eq!(is_syllables(w, 1), want(&one), "{w}");
            assert_eq!(is_syllables(w, 2), want(&two), "{w}");
        }
    }

    /// `fold_korean` replaces byte by byte: the same as `str::replace`
    /// step by step, on random strings of the letters its steps use.
    #[test]
    fn korean_fold_replaces_as_str_replace_does() {
        let reference = |s: &str| {
            let mut t = s.to_string();
            for (from, to) in KOREAN_STEPS {
                t = t.replace(from, to);
            }
            t
        };
        let letters = [
            "e", "o", "u", "t", "c", "h", "p", "k", "s", "j", "g", "d", "b", "y", "n", "ŏ",
        ];
        let mut below = crate::testing::xorshift(0x1234_5678_9abc_def1);
        for _ in 0..20_000 {
            let s: String = (0..below(12))
                .map(|_| letters[below(letters.len())])
                .collect();
            let want = reference(&s);
            // Where no `yu` is left, the rest of the fold changes nothing.
            if want.contains("yu") {
                continue;
            }
            assert_eq!(fold_korean(&s).as_bytes(), latin1(&want), "{s}");
        }
    }

    /// Each byte of `s` as a character, as `fold_korean` writes them.
    fn latin1(s: &str) -> Vec<u8> {
        s.bytes().map(char::from).collect::<String>().into_bytes()
    }

    #[test]
    fn candidates_are_capitals_and_lead_bytes() {
        let samples = [
            "",
            "abc",
            "Kim Jong Un said",
            "a-B c--D e'F ÉcoleX Ştefan çA zÉ x\u{301}Y \u{301}Z “Kim” naïve Zoë",
            "윤석열 Yoon Suk-yeol (윤석열) Зеленский Zelenskyy's @[`{ AZ az",
        ];
        for t in samples {
            let want: Vec<usize> = t
                .bytes()
                .enumerate()
                .filter(|&(_, c)| c.is_ascii_uppercase() || c >= 0xc0)
                .map(|(i, _)| i)
                .collect();
            assert_eq!(candidates(t.as_bytes()), want, "{t}");
        }
        // Every byte value, at every offset within a chunk.
        let all: Vec<u8> = (0..=255u8).chain(0..=255u8).collect();
        for skip in 0..8 {
            let b = &all[skip..];
            let want: Vec<usize> = (0..b.len())
                .filter(|&i| b[i].is_ascii_uppercase() || b[i] >= 0xc0)
                .collect();
            assert_eq!(candidates(b), want);
        }
    }

    #[test]
    fn surname_prefilter_never_rejects_a_surname() {
        let mut words: Vec<String> = word_lines().lines().map(str::to_string).collect();
        for s in surname_table().keys() {
            let mut c = s.chars();
            let first: String = c.next().into_iter().flat_map(char::to_uppercase).collect();
            words.push(format!("{first}{}", c.as_str()));
            words.push(s.to_uppercase());
            words.push(s.clone());
        }
        words.extend(["O'Neill", "Ch'oe", "Kwŏn", "A", "Lee-", "Xi"].map(String::from));
        let mut rejected = 0;
        for w in &words {
            // Padded on both sides: the key may be read past the word.
            let text = format!("{w} said");
            if !may_be_surname(text.as_bytes(), 0, w.len()) {
                rejected += 1;
                assert_eq!(surname_group(w), None, "{w}");
            }
            let text = format!("x {w}");
            assert_eq!(
                may_be_surname(text.as_bytes(), 2, text.len()),
                may_be_surname(format!("{w} said").as_bytes(), 0, w.len()),
                "{w}"
            );
        }
        // The filter does its job: nearly every English word is rejected.
        assert!(
            rejected * 10 > words.len() * 9,
            "{rejected} of {}",
            words.len()
        );
    }

    /// The entities of the shipped names pack.
    fn shipped_entities() -> Vec<Entity> {
        let toml = include_str!("../../../rules/names.toml");
        crate::rules::pack::load("names.toml", toml)
            .expect("shipped names pack")
            .entities
    }

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

    #[test]
    fn word_fast_paths_match_the_general_lexer() {
        let pieces = [
            "a", "Z", "s", "'s", "’s", "ʼs", "-", "'", "’", " ", ",", "é", "Ş", "\u{301}", "1",
            "--", "ab", "Kim", "Yoon's", "x'", "-é", "'é",
        ];
        let mut below = crate::testing::xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let n = 1 + below(8);
            let text: String = (0..n).map(|_| pieces[below(pieces.len())]).collect();
            for (i, c) in text.char_indices() {
                if c.is_alphabetic() && (i == 0 || !text[..i].ends_with(char::is_alphabetic)) {
                    let (fast, general) = (token_at(&text, i), token_at_general(&text, i));
                    assert_eq!(
                        (fast.start, fast.core_end, fast.end),
                        (general.start, general.core_end, general.end),
                        "{text:?} at {i}"
                    );
                }
            }
        }
    }

    #[test]
    fn accented_keys_end_in_y_i_or_j() {
        // Step 2 keeps a plain word for the accented-key pass only when it
        // ends in `y`, `i` or `j`: every key that pass can match must too.
        let pieces = [
            "a", "e", "o", "k", "s", "v", "n", "y", "i", "j", "Y", "I", "J", "é", "ó", "ś", "ž",
            "ý", "í", "-", "'", "Ł", "ø", "ß",
        ];
        let mut below = crate::testing::xorshift(0x2545_f491_4f6c_dd1d);
        let mut keys = 0;
        for _ in 0..200_000 {
            let n = 3 + below(9);
            let mut w = String::from(["Z", "Ś", "D", "Ø"][below(4)]);
            w.extend((0..n).map(|_| pieces[below(pieces.len())]));
            if western_candidate(&w) && !w.is_ascii() {
                keys += 1;
                let key = western_key(&w);
                assert!(key.ends_with(['y', 'i', 'j']), "{w} → {key}");
            }
        }
        assert!(keys > 1000, "{keys}");
        // A plain word ending otherwise has a key ending otherwise.
        let ascii = [
            "a", "o", "k", "v", "n", "y", "i", "j", "Y", "I", "J", "N", "-", "'",
        ];
        for _ in 0..200_000 {
            let n = 3 + below(9);
            let mut w = String::from("Z");
            w.extend((0..n).map(|_| ascii[below(ascii.len())]));
            w.push(['a', 'v', 'N', 'y', 'i', 'J'][below(6)]);
            let key = western_key(&w);
            assert_eq!(
                key.ends_with(['y', 'i', 'j']),
                w.ends_with(['y', 'i', 'j', 'Y', 'I', 'J']),
                "{w} → {key}"
            );
        }
    }

    #[test]
    fn ascii_letter_runs() {
        // Every byte value after runs of letters of every length to 17.
        for n in 0..=17 {
            for c in 0..=255u8 {
                let mut b = b"xAbCdEfGhIjKlMnOpQ"[..n + 1].to_vec();
                b.push(c);
                b.extend_from_slice(b"zz");
                let want = if c.is_ascii_alphabetic() {
                    n + 4
                } else {
                    n + 1
                };
                assert_eq!(ascii_letters_end(&b, 1), want, "{n} {c}");
            }
        }
        assert_eq!(ascii_letters_end(b"abc", 3), 3);
        assert_eq!(ascii_letters_end(b"ab@[`{", 0), 2);
    }

    #[test]
    fn capital_tokens_match_tokenize() {
        let samples = [
            "Yoon's Kim Jong-un, Ch'oe ofKim Jong Un and al-Assad",
            "a-B c--D e'F ÉcoleX Ştefan çA zÉ x\u{301}Y \u{301}Z “Kim” naïve Zoë",
            "Ünal–Öz ʼs O’Neill’s  Kim\u{a0}Jong Un\n\n\"Lee\" 1Abc abc1Def _Xy",
            "윤석열 Yoon Suk-yeol (윤석열) Зеленский Zelenskyy's",
        ];
        for t in samples {
            let want: Vec<(usize, usize, usize)> = tokenize(t)
                .into_iter()
                .filter(|k| starts_upper(&t[k.start..k.core_end]))
                .map(|k| (k.start, k.core_end, k.end))
                .collect();
            let mut got = Vec::new();
            let mut pos = 0;
            let cands = candidates(t.as_bytes());
            let mut cursor = Cursor { at: &cands };
            while let Some(k) = next_capital_token(t, pos, &mut cursor) {
                got.push((k.start, k.core_end, k.end));
                pos = k.end;
            }
            assert_eq!(got, want, "{t}");
        }
    }

    /// Drafts of names, name-like words, plain words and the bytes between
    /// them (spaces, hyphens, apostrophes, quotes, no-break spaces, none),
    /// at random.
    fn random_drafts(n: usize) -> Vec<String> {
        let pieces = [
            "Kim",
            "Jong-un",
            "Lee's",
            "Yoon",
            "Kyiv",
            "Zelenskyy",
            "The",
            "McDONALD",
            "Sunday",
            "ÉcoleX",
            "O’Neill",
            "al-Assad",
            "al Qaeda",
            "ComradeKim",
            "Dmitri",
            "Moon",
            "NATO",
            "Park",
            "Ri",
            "Unsaid",
            "X",
            "Qi",
            "Kiev",
            "Kim Jong Unsaid",
            "Seoul",
            "Zhdanóvy",
            "said",
            "the",
            "a",
            "jong",
            "Ştefan",
            "윤석열",
            "Зеленский",
            "A1",
            "iPhone",
            "Song",
            "Jae",
            "Yeol",
            "Suk",
            "Un",
            "Ch'oe",
            "Ŏn",
            "Chŏng",
            "Kim Ŏn",
            "Monday",
            "July",
            "They",
            "ARMY",
            "Party's",
            "Guy's",
            "People's",
            "Workers'",
            "Zhdanovy",
            "Dmitriy",
            "Zelensky's",
            "Pompeii",
            "Yi",
        ];
        let gaps = [
            " ", " ", " ", ", ", "-", "'", "’", "\n", "(", "\"", "“", "”", ".", "\u{a0}", "",
        ];
        crate::testing::random_texts(0x6a09_e667_f3bc_c908, n, 0..40, &pieces, &gaps)
    }

    #[test]
    fn byte_tables_match_their_definitions() {
        for b in 0..=255u8 {
            let sep = b.is_ascii() && !b.is_ascii_alphabetic() && b != b'-' && b != b'\'';
            assert_eq!(ascii_separator(b), sep, "{b}");
            if b.is_ascii_alphabetic() {
                let yij = matches!(b | 0x20, b'y' | b'i' | b'j');
                assert_eq!((1u64 << (b & 63)) & YIJ != 0, yij, "{b}");
            }
        }
    }

    /// The walk's East Asian parse, on the draft, agrees with the parse on
    /// a token list (the one [`detect_names`] uses).
    #[test]
    fn east_asian_parse_on_the_draft_matches_the_token_list() {
        let mut parsed = 0;
        for text in random_drafts(3000) {
            let toks = tokenize(&text);
            for (i, t) in toks.iter().enumerate() {
                let want = parse_ea(&text, &toks, i);
                parsed += usize::from(want.is_some());
                assert_eq!(parse_ea_at(&text, *t), want, "{text} @{}", t.start);
            }
        }
        assert!(parsed > 1000, "{parsed}");
    }

    /// The lint with the stops [`Stops::find`] keeps equals the lint that
    /// stops at every capital and lead byte: the words left out change no
    /// finding.
    #[test]
    fn stops_change_no_finding() {
        let entities = shipped_entities();
        let index = NameIndex::build(&entities).expect("shipped index");
        let styles = [None, Some("seoul"), Some("ap")];
        let mut found = 0;
        for (i, text) in random_drafts(3000).iter().enumerate() {
            let opts = Options {
                house_style: styles[i % 3].map(str::to_string),
                ..Options::default()
            };
            let want = check_at(text, &index, &opts, &every_stop(text, &index));
            found += want.len();
            assert_eq!(check(text, &index, &opts), want, "{text}");
        }
        assert!(found > 3000, "{found}");
    }

    /// Stops at every capital and lead byte, none left out.
    fn every_stop(text: &str, index: &NameIndex) -> Stops {
        let all = candidates(text.as_bytes());
        Stops {
            anchored: index.forms.anchored_hits(text.as_bytes(), &all),
            forms: all.clone(),
            words: all,
            yij_words: Vec::new(),
        }
    }

    /// A plain word the walk does not visit, inside a table form, is no
    /// occurrence of its own, as when every word is visited (`ZhdanovY`
    /// shares the key of `Zhdanóvy`).
    #[test]
    fn listed_words_inside_names_stay_out() {
        let mut entities = shipped_entities();
        entities.push(Entity {
            name: "Ulitsa ZhdanovY".to_string(),
            kind: "place".to_string(),
            variants: Vec::new(),
            native: None,
            styles: BTreeMap::new(),
        });
        let index = NameIndex::build(&entities).expect("index");
        let opts = Options::default();
        let text = "Zhdanóvy spoke. Ulitsa ZhdanovY is closed. ZhdanovY said.";
        assert!(!Stops::find(text, &index.forms).yij_words.is_empty());
        let want = check_at(text, &index, &opts, &every_stop(text, &index));
        // (The later `ZhdanovY` only: the one in the table form is not
        // compared.)
        assert_eq!(want.len(), 1, "{want:?}");
        assert_eq!(want[0].start, 44);
        assert_eq!(check(text, &index, &opts), want);
    }

    #[test]
    fn outside_names_drops_words_in_skipped_spans() {
        // `Kim Jong KueI` is one East Asian name, from 0 to 13; a table
        // form spans 20..31.
        let text = "Kim Jong KueI went. Ulitsa Tuvy Army Tuvy.";
        let starts = [9, 27, 32, 37];
        let got: Vec<usize> = outside_names(text, &starts, &[(0, 13)], &[(20, 31)]).collect();
        assert_eq!(got, [32, 37]);
        let got: Vec<usize> = outside_names(text, &starts, &[], &[(27, 30)]).collect();
        assert_eq!(got, [9, 32, 37]);
        let got: Vec<usize> = outside_names(text, &starts, &[(9, 13), (37, 41)], &[]).collect();
        assert_eq!(got, [27, 32]);
    }

    /// The scans that stop only at [`Stops`] find what they find stopping
    /// at every candidate: the same table forms, and every capitalized word
    /// that the walk in [`check`] does not merely pass over, but for the
    /// plain `y`/`i`/`j` words listed apart.
    #[test]
    fn stops_keep_every_word_the_scans_need() {
        let entities = shipped_entities();
        let index = NameIndex::build(&entities).expect("shipped index");
        for text in random_drafts(3000) {
            let b = text.as_bytes();
            let all = candidates(b);
            let stops = Stops::find(&text, &index.forms);
            assert_eq!(
                index.find_forms_at(&text, &stops.forms, &stops.anchored),
                index.find_forms(&text),
                "{text}"
            );
            let walk = |cands: &[usize]| {
                let mut cursor = Cursor { at: cands };
                let (mut pos, mut out) = (0, Vec::new());
                while let Some(t) = next_capital_token(&text, pos, &mut cursor) {
                    out.push((t.start, t.core_end, t.end));
                    pos = t.end;
                }
                out
            };
            // A plain word: ASCII letters, perhaps with a possessive, to a
            // byte that joins nothing, and no surname.
            let plain = |&(s, core_end, e): &(usize, usize, usize)| {
                b[s..core_end].iter().all(u8::is_ascii_alphabetic)
                    && (e == core_end || b[core_end..e] == *b"'s")
                    && b.get(e).is_none_or(|&d| ascii_separator(d))
                    && (s == 0 || ascii_separator(b[s - 1]))
                    && !may_be_surname(b, s, core_end)
            };
            let yij = |&(_, core_end, _): &(usize, usize, usize)| {
                matches!(b[core_end - 1] | 0x20, b'y' | b'i' | b'j')
            };
            // The walk passes over a plain word with no `y`, `i`, `j` at
            // its end or shorter than four letters; a longer one with no
            // possessive and no Slavic ending is listed apart.
            let passed_over = |t: &(usize, usize, usize)| plain(t) && (!yij(t) || t.1 - t.0 < 4);
            let listed = |t: &(usize, usize, usize)| {
                plain(t)
                    && yij(t)
                    && t.1 == t.2
                    && t.1 - t.0 >= 4
                    && (t.1 - t.0 == 4 || slavic_ending(&text[t.0..t.1]).is_none())
            };
            let every = walk(&all);
            let want: Vec<_> = every
                .iter()
                .filter(|t| !passed_over(t) && !listed(t))
                .copied()
                .collect();
            assert_eq!(walk(&stops.words), want, "{text}");
            let want: Vec<_> = every.iter().filter(|t| listed(t)).map(|t| t.0).collect();
            assert_eq!(stops.yij_words, want, "{text}");
        }
    }
}
