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

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;

mod context;
mod east_asian;
mod english;
mod entity;
mod fold;
mod form_table;
mod fused;
mod groups;
mod stops;
mod tokens;

use context::{alt_mention, hangul_gloss, left_boundary, quote_note, right_context, Quotes, Right};
pub use east_asian::{detect_names, DetectedName};
use east_asian::{may_be_surname, parse_ea_at, reading_key};
pub use english::is_english_word;
pub use entity::{parse_entities, Entity, FormMatch, LazyIndex, NameIndex};
use fold::{may_be_western, western_candidate, western_key};
use form_table::{Bitmap, PrefixBuild};
use fused::{fused_draft_ok, fused_finding, note_word_start, pack_word, word_hash};
use groups::{align_fix, compatible, flag, Groups, Occ, Source};
use stops::Stops;
use tokens::{ascii_letters_end, next_capital_token, next_token, token_at, Cursor};

/// Rule id: the same name romanized two ways, or against the house style.
pub const RULE_ROMANIZATION: &str = "name-romanization";
/// Rule id: a name fused with the following word.
pub const RULE_FUSED: &str = "fused-name";

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Form lookup
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// Word list
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// Folding
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// East Asian names
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Context helpers
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// Grouping
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// check
// ---------------------------------------------------------------------------

/// Run `name-romanization` and `fused-name` over one document.
pub fn check(text: &str, index: &NameIndex, opts: &Options) -> Vec<Finding> {
    check_at(text, index, opts, &Stops::find(text, index.form_table()))
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
        let mut cursor = Cursor::new(&stops.words);
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
                    if let Some(ent) = index.entity_of_key(&ea.key) {
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
                    if let Some(ent) = index.entity_of_key(&key) {
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
            if let Some(ent) = index.entity_of_native(gloss) {
                let en = groups.entity_node(ent);
                groups.union(o.node, en);
            }
            for reading in crate::hangul::name_readings(gloss) {
                if let Some(k) = reading_key(&reading) {
                    let kn = groups.key_node(&k);
                    groups.union(o.node, kn);
                    if let Some(ent) = index.entity_of_key(&k) {
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
        let entity = groups.entity(*root).map(|e| &index.entities()[e]);
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

#[cfg(test)]
mod tests {
    use super::stops::candidates;
    use super::*;

    /// The entities of the shipped names pack.
    pub(super) fn shipped_entities() -> Vec<Entity> {
        let toml = include_str!("../../../rules/names.toml");
        crate::rules::pack::load("names.toml", toml)
            .expect("shipped names pack")
            .entities
    }

    /// Drafts of names, name-like words, plain words and the bytes between
    /// them (spaces, hyphens, apostrophes, quotes, no-break spaces, none),
    /// at random.
    pub(super) fn random_drafts(n: usize) -> Vec<String> {
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
            anchored: index.form_table().anchored_hits(text.as_bytes(), &all),
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
        assert!(!Stops::find(text, index.form_table()).yij_words.is_empty());
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
}
