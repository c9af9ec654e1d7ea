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
//! [`check`] takes text in which non-prose bytes were already blanked with
//! ASCII spaces, so byte offsets are the file's, and the engine's quotation
//! model (whether a span touches a direct quotation). It returns each rule's
//! [`Finding`]s ([`Findings`]); their fixes are safe, and the engine shows
//! the ones inside quotations only, as for every rule that changes words.
//! The word lists and thresholds are the packs' `[options.names]`
//! ([`Tuning`]), compiled with the entity index.
//!
//! This module holds the rules' flow ([`check`], step by step); the entity
//! index is in `entity`, the tuning in `tuning`, the speed machinery in
//! `form_table` and `stops`, folded keys in `fold` and `east_asian`, the
//! text around a name in `context`, grouping in `groups`, and `fused-name`
//! in `fused`. Words are the tokenizer's `Word::letters()` (`crate::words`).

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;

use crate::diagnostic::{Finding, Span};
use crate::words::{ascii_letters_end, Cursor, Tok, Word};

mod context;
mod east_asian;
mod english;
mod entity;
mod fold;
mod form_table;
mod fused;
pub mod gloss;
mod groups;
mod stops;
mod tuning;
mod usage;

use context::{alt_mention, hangul_gloss, ordinary_prose};
pub use east_asian::DetectedName;
use east_asian::{may_be_surname, parse_ea_at, reading_key, Ea};
pub use english::is_english_word;
pub use entity::{parse_entities, Entity, EntityKind, FormMatch, LazyIndex, NameIndex};
use fold::{may_be_western, western_candidate, western_key};
use form_table::PrefixBuild;
use fused::{fused_elsewhere, fused_form_finding, note_word_start};
use groups::{align_fix, compatible, flag, Groups, Occ, Source};
use stops::Stops;
pub use tuning::Tuning;
pub use usage::word_after;
use usage::Usage;

/// Options of both rules, for one lint: what the enabled rules and the
/// document's settings ask for.
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

/// A `name-romanization` rule's own options (its keys in a pack).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct RomanizationOptions {
    /// Compare names that are in no entity table too.
    pub auto_detect: bool,
}

impl Default for RomanizationOptions {
    fn default() -> Self {
        RomanizationOptions { auto_detect: true }
    }
}

/// The findings of the two rules, from one pass, each in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Findings {
    /// `name-romanization`.
    pub romanization: Vec<Finding>,
    /// `fused-name`.
    pub fused: Vec<Finding>,
}

/// Whether a span touches a direct quotation (the engine's
/// `Context::in_quotation`).
pub type InQuote<'a> = &'a dyn Fn(Span) -> bool;

/// Run `name-romanization` and `fused-name` over one document; `in_quote`
/// tells which spans touch a direct quotation.
/// Spellings on the config's `accept` list are neither compared nor flagged.
pub fn check(
    text: &str,
    index: &NameIndex,
    opts: &Options,
    in_quote: InQuote<'_>,
    accept: &HashSet<String>,
) -> Findings {
    let stops = Stops::find(text, index.form_table(), &index.lexicon().surnames);
    check_at(text, index, opts, in_quote, &stops, accept)
}

/// [`check`] given the draft's [`Stops`].
fn check_at(
    text: &str,
    index: &NameIndex,
    opts: &Options,
    in_quote: InQuote<'_>,
    stops: &Stops,
    accept: &HashSet<String>,
) -> Findings {
    let mut lint = Lint::new(text, index, in_quote);

    // 1. Table forms.
    lint.table_forms(stops, opts.fused_names);

    // Starts of the short capitalized words followed by a space that the
    // scan below visits and that may be surnames, each shifted left 16 bits
    // over a [`fused::word_hash`] of the word: the only places a draft's
    // name can start (step 5), which reads the draft again only where the
    // hash is a surname's. (A name found in the draft starts with a word
    // that passed [`may_be_surname`], a test of the word's bytes alone: a
    // word that fails it is none of those names' first words.)
    let mut word_starts: Vec<u64> = Vec::new();

    // 2. Name-shaped sequences in no table.
    if opts.auto_detect {
        let table_spans: Vec<(usize, usize)> = lint.occs.iter().map(|o| (o.start, o.end)).collect();
        let walked = lint.walk_capitalized(stops, &table_spans, &mut word_starts);
        lint.plain_spellings(stops, walked, &table_spans);
        lint.occs.sort_by_key(|o| o.start);

        // 3. Hangul glosses link every reading to the glossed name.
        lint.link_glosses();
    }

    // Spellings mentioned as alternatives, and spellings in addresses, are
    // neither references nor findings (a fused name still is an occurrence).
    // (They may declare a spelling an alternative of the draft's: kept
    // aside for the comparison.) Accepted spellings are left out.
    let lex = index.lexicon();
    let mut mentions = Vec::new();
    lint.occs.retain(|o| {
        if !accept.is_empty() && accept.contains(&text[o.start..o.end]) {
            return false;
        }
        // A name in a URL, an e-mail address, a handle or a path is part
        // of an address, not a spelling of the copy.
        if crate::segment::in_web_token(text, o.start..o.end) {
            return false;
        }
        let mention = o.fused.is_none() && alt_mention(lex, text, o.start, o.end);
        if mention {
            mentions.push((o.start, o.end, o.node));
        }
        !mention
    });

    // 4. Compare the spellings in each group.
    lint.compare(opts.house_style.as_deref(), &mentions);

    // 5. Names written correctly elsewhere in the draft, fused here.
    if opts.fused_names && opts.auto_detect {
        fused_elsewhere(
            lex,
            text,
            &lint.occs,
            &word_starts,
            in_quote,
            &mut lint.findings.fused,
        );
    }

    let mut findings = lint.findings;
    findings
        .romanization
        .sort_by_key(|f| (f.span.start, f.span.end));
    findings.fused.sort_by_key(|f| (f.span.start, f.span.end));
    findings
}

/// One lint of a draft: the occurrences of names found so far, the groups
/// they fall into, and the findings.
struct Lint<'a> {
    text: &'a str,
    index: &'a NameIndex,
    in_quote: InQuote<'a>,
    findings: Findings,
    groups: Groups,
    occs: Vec<Occ>,
}

/// What the walk over capitalized words (step 2) leaves for the pass over
/// plain spellings of accented names ([`Lint::plain_spellings`]).
#[derive(Default)]
struct Walked {
    /// Plain capitalized words that are no candidate themselves, kept in
    /// case an accented candidate shares their key (`ZHDANOVY` after
    /// `Zhdanóvy`). (Their starts only: a word is lexed again if it is
    /// needed.)
    plain_caps: Vec<usize>,
    /// Where the walk resumed after an East Asian name: the words from
    /// its first word's start to there are not visited.
    ea_skips: Vec<(usize, usize)>,
    /// The keys of the accented candidates.
    accented_keys: HashSet<String>,
}

impl<'a> Lint<'a> {
    fn new(text: &'a str, index: &'a NameIndex, in_quote: InQuote<'a>) -> Self {
        Lint {
            text,
            index,
            in_quote,
            findings: Findings::default(),
            groups: Groups::default(),
            occs: Vec::new(),
        }
    }

    /// Step 1: each table form is an occurrence of its entity; one fused
    /// with a neighbouring word is also a `fused-name` finding (and is left
    /// out when that rule is off).
    fn table_forms(&mut self, stops: &Stops, fused_names: bool) {
        let forms = self
            .index
            .find_forms_at(self.text, &stops.forms, &stops.anchored);
        for m in forms {
            let fused = if m.is_fused() {
                if !fused_names {
                    continue;
                }
                Some(fused_form_finding(
                    &mut self.findings.fused,
                    self.text,
                    &m,
                    self.in_quote,
                ))
            } else {
                None
            };
            let node = self.groups.entity_node(m.entity);
            self.occs.push(Occ {
                start: m.start,
                end: m.end,
                node,
                source: Source::Table,
                fused,
            });
        }
    }

    /// Step 2: East Asian names and single Western words in no table, from
    /// a walk over the capitalized words outside table forms (`table_spans`,
    /// in order). Only capitalized words matter: lowercase prose is skipped
    /// unread. Notes in `word_starts` the words that may begin a name
    /// ([`note_word_start`]).
    fn walk_capitalized(
        &mut self,
        stops: &Stops,
        table_spans: &[(usize, usize)],
        word_starts: &mut Vec<u64>,
    ) -> Walked {
        let text = self.text;
        // Words are visited in order, and table spans are in order and
        // disjoint: a cursor replaces a binary search per word.
        let mut span_i = 0;
        let mut overlaps = |s: usize, e: usize| {
            while table_spans.get(span_i).is_some_and(|&(_, te)| te <= s) {
                span_i += 1;
            }
            table_spans.get(span_i).is_some_and(|&(ts, _)| ts < e)
        };
        let mut walked = Walked::default();
        // Group node of each capitalized word seen (`None`: not a name).
        let mut western: HashMap<&str, Option<usize>, PrefixBuild> = HashMap::default();
        let mut pos = 0;
        let mut cursor = Cursor::new(&stops.words);
        let lex = self.index.lexicon();
        while let Some(t) = Word::letters().next_capital(text, pos, &mut cursor) {
            let surname = may_be_surname(&lex.surnames, text.as_bytes(), t.start, t.core_end);
            if surname {
                note_word_start(text, &t, word_starts);
            }
            if let Some(ea) = surname.then(|| parse_ea_at(lex, text, t)).flatten() {
                if !overlaps(ea.start, ea.end) {
                    pos = self.east_asian_name(&t, ea, word_starts);
                    walked.ea_skips.push((t.start, pos));
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
                walked.plain_caps.push(t.start);
            }
            if may_be_western(core) && !overlaps(t.start, t.core_end) {
                // A word's key and links are the same at each use: work
                // them out once (linking it again would change nothing).
                let node = *western
                    .entry(core)
                    .or_insert_with(|| self.western_node(core, &mut walked.accented_keys));
                if let Some(node) = node {
                    self.occs.push(Occ {
                        start: t.start,
                        end: t.core_end,
                        node,
                        source: Source::Western,
                        fused: None,
                    });
                }
            }
            pos = t.end;
        }
        walked
    }

    /// The East Asian name `ea` the walk found at the word `t`: an
    /// occurrence of its key's group. Returns where the walk resumes.
    fn east_asian_name(&mut self, t: &Tok, ea: Ea, word_starts: &mut Vec<u64>) -> usize {
        let text = self.text;
        let surnames = &self.index.lexicon().surnames;
        // (The name's other words are not visited: note them.)
        let mut p = t.end;
        while let Some(u) = Word::letters()
            .next(text, p)
            .filter(|u| u.start < ea.resume)
        {
            if may_be_surname(surnames, text.as_bytes(), u.start, u.core_end) {
                note_word_start(text, &u, word_starts);
            }
            p = u.end;
        }
        let node = self.linked_key_node(&ea.key);
        self.occs.push(Occ {
            start: ea.start,
            end: ea.end,
            node,
            source: Source::EastAsian,
            fused: None,
        });
        ea.resume
    }

    /// The group node of a capitalized word the walk found (`None`: it is
    /// no candidate), noting the key of an accented one in `accented_keys`.
    fn western_node(&mut self, core: &str, accented_keys: &mut HashSet<String>) -> Option<usize> {
        if !western_candidate(core) {
            return None;
        }
        if !core.is_ascii() {
            accented_keys.insert(western_key(core));
        }
        let key = western_key(core);
        Some(self.linked_key_node(&key))
    }

    /// The group node of a folded key, linked to the entity that has the
    /// key.
    fn linked_key_node(&mut self, key: &str) -> usize {
        let node = self.groups.key_node(key);
        if let Some(ent) = self.index.entity_of_key(key) {
            let en = self.groups.entity_node(ent);
            self.groups.union(en, node);
        }
        node
    }

    /// Step 2, then: plain capitalized words that share the key of an
    /// accented candidate (`ZHDANOVY` after `Zhdanóvy`), among those the
    /// walk kept and those [`Stops::yij_words`] lists.
    fn plain_spellings(&mut self, stops: &Stops, walked: Walked, table_spans: &[(usize, usize)]) {
        let Walked {
            plain_caps,
            ea_skips,
            accented_keys,
        } = walked;
        if accented_keys.is_empty() {
            return;
        }
        let text = self.text;
        // The words the walk would have kept here, had it visited
        // them, in draft order.
        let visited = outside_names(text, &stops.yij_words, &ea_skips, table_spans);
        let plain_caps = merge_sorted(&plain_caps, visited);
        // Node of each word's key when an accented spelling has it (once
        // per word, as above).
        let mut plain: HashMap<&str, Option<usize>, PrefixBuild> = HashMap::default();
        let shapes = KeyShapes::of(&accented_keys);
        for s in plain_caps {
            let t = Word::letters().at(text, s);
            if !shapes.may_match(text, &t) {
                continue;
            }
            let core = &text[t.start..t.core_end];
            let node = *plain.entry(core).or_insert_with(|| {
                // (A candidate is already an occurrence; capitals
                // alone are a headline's, left alone as in
                // [`western_candidate`].)
                if western_candidate(core) || !core.bytes().any(|c| c.is_ascii_lowercase()) {
                    return None;
                }
                let key = western_key(core);
                accented_keys
                    .contains(&key)
                    .then(|| self.groups.key_node(&key))
            });
            if let Some(node) = node {
                self.occs.push(Occ {
                    start: t.start,
                    end: t.core_end,
                    node,
                    source: Source::Western,
                    fused: None,
                });
            }
        }
    }

    /// Step 3: a Hangul gloss after a name links the name to every reading
    /// of the gloss, and to the entities with that native name or reading.
    fn link_glosses(&mut self) {
        let (text, index, groups) = (self.text, self.index, &mut self.groups);
        let lex = index.lexicon();
        for o in &self.occs {
            if o.source == Source::Western || o.fused.is_some() {
                continue;
            }
            let Some(gloss) = hangul_gloss(lex, text, o.end) else {
                continue;
            };
            if let Some(ent) = index.entity_of_native(gloss) {
                let en = groups.entity_node(ent);
                groups.union(o.node, en);
            }
            for reading in crate::hangul::name_readings(gloss, &lex.hangul) {
                if let Some(k) = reading_key(lex, &reading) {
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

    /// Step 4: the spellings of each group, against the house style's form
    /// of its entity when a style is set, else against each other.
    fn compare(&mut self, house_style: Option<&str>, mentions: &[(usize, usize, usize)]) {
        let mut by_group: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (k, o) in self.occs.iter().enumerate() {
            let root = self.groups.find(o.node);
            by_group.entry(root).or_default().push(k);
        }
        let mut mentioned: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
        for &(s, e, node) in mentions {
            let root = self.groups.find(node);
            mentioned.entry(root).or_default().push((s, e));
        }
        let index = self.index;
        for (root, members) in &by_group {
            let entity = self.groups.entity(*root).map(|e| &index.entities()[e]);
            let house = match (house_style, entity) {
                (Some(style), Some(e)) => Some((style, e.styles.get(style).unwrap_or(&e.name))),
                _ => None,
            };
            if house.is_none()
                && (members.len() < 2 || entity.is_some_and(|e| e.kind == EntityKind::Organisation))
            {
                // (One spelling: nothing to compare.)
                continue;
            }
            let uses = self.uses(members, entity);
            if let Some((style, house_form)) = house {
                self.against_house_style(&uses, style, house_form, entity);
                continue;
            }
            let declared = self.declared(members, mentioned.get(root).map_or(&[], Vec::as_slice));
            let unflagged: Vec<usize> = uses.iter().filter(|u| !u.1).map(|u| u.0).collect();
            let uses: Vec<usize> = uses.into_iter().map(|u| u.0).collect();
            self.against_reference(&uses, &declared, &unflagged);
        }
    }

    /// The members of a group that are uses of its name
    /// ([`usage::usage`]), and whether each may be flagged: a word of
    /// another proper name in the entity's own spelling (`Xiamen
    /// University`, `Kyiv University`) may be the draft's reference, never
    /// a finding. Asked only of a group spelled more than one way, or under
    /// a house style.
    fn uses(&self, members: &[usize], entity: Option<&Entity>) -> Vec<(usize, bool)> {
        let text = self.text;
        let spelled = |k: usize| &text[self.occs[k].start..self.occs[k].end];
        if entity.is_none() && members.iter().all(|&k| spelled(k) == spelled(members[0])) {
            return members.iter().map(|&k| (k, true)).collect();
        }
        let lex = self.index.lexicon();
        let place = entity.is_some_and(|e| e.kind == EntityKind::Place);
        members
            .iter()
            .filter_map(|&k| {
                let o = &self.occs[k];
                let historical =
                    entity.is_some_and(|e| e.historical.iter().any(|h| h == spelled(k)));
                match usage::usage(lex, text, (o.start, o.end), (place, historical)) {
                    Usage::Use => Some((k, true)),
                    Usage::Title => Some((k, false)),
                    Usage::Not => None,
                }
            })
            .collect()
    }

    /// The spellings of a group the draft ties to each other on purpose
    /// ([`usage::declares`]): two spellings of its members and mentions,
    /// next to each other in the text.
    fn declared(&self, members: &[usize], mentions: &[(usize, usize)]) -> Vec<&'a str> {
        let text = self.text;
        let mut spans: Vec<(usize, usize)> = members
            .iter()
            .map(|&k| (self.occs[k].start, self.occs[k].end))
            .chain(mentions.iter().copied())
            .collect();
        spans.sort_unstable();
        let lex = self.index.lexicon();
        let mut out: Vec<&'a str> = Vec::new();
        for w in spans.windows(2) {
            let (a, b) = (&text[w[0].0..w[0].1], &text[w[1].0..w[1].1]);
            if a != b && w[0].1 <= w[1].0 && usage::declares(lex, &text[w[0].1..w[1].0]) {
                out.extend([a, b]);
            }
        }
        out
    }

    /// Flag each of `members` not written as the house style `style`
    /// writes it (`house_form`).
    fn against_house_style(
        &mut self,
        members: &[(usize, bool)],
        style: &str,
        house_form: &str,
        entity: Option<&Entity>,
    ) {
        // The number of words of a spelling, a hyphen parting them too.
        let words = |s: &str| {
            s.split(|c: char| c.is_whitespace() || c == '-')
                .filter(|w| !w.is_empty())
                .count()
        };
        for &(k, flaggable) in members {
            if !flaggable {
                continue;
            }
            let o = &self.occs[k];
            let surface = &self.text[o.start..o.end];
            if surface == house_form || compatible(surface, house_form) {
                continue;
            }
            let message = format!("house style ({style}) writes this name `{house_form}`");
            let fix = align_fix(surface, house_form);
            // The house form is the target: safe where the name is used in
            // ordinary prose.
            // (Not a spelling the table does not hold, of another number of
            // words than all it holds: `Kim Hae`, a person, read as the city
            // `Kimhae`; `So Jong Jin` as `Chongjin`.)
            let respaced = entity.is_some_and(|e| {
                !e.forms().any(|f| f.eq_ignore_ascii_case(surface))
                    && e.forms().all(|f| words(f) != words(surface))
            });
            // (Nor a historical form: one in modern copy is as often a
            // name of something else, `Bank of Canton`, `Canton, Mass.`,
            // `the Kishinev pogrom`, as the place.)
            let historical = entity.is_some_and(|e| e.historical.iter().any(|h| h == surface));
            let safe = !respaced
                && !historical
                && ordinary_prose(self.index.lexicon(), self.text, o.start, o.end);
            flag(
                &mut self.findings,
                self.text,
                o,
                message,
                None,
                (fix, safe),
                self.in_quote,
            );
        }
    }

    /// Flag each of `members` (two or more) spelled otherwise than the
    /// group's reference spelling.
    fn against_reference(&mut self, members: &[usize], declared: &[&str], unflagged: &[usize]) {
        if members.len() < 2 {
            return;
        }
        let (text, occs, in_quote) = (self.text, &self.occs, self.in_quote);
        // One spelling throughout: nothing to flag, whichever the reference.
        // (Asked first: most names are spelled one way, and the quotation
        // model is then never needed.)
        let spelled = |k: usize| &text[occs[k].start..occs[k].end];
        if members.iter().all(|&k| spelled(k) == spelled(members[0])) {
            return;
        }
        // The reference is the first use outside quotations (a quotation
        // keeps its speaker's or source's spelling), else the first use.
        // (A work's title is quoted as published: its spelling is the
        // draft's, and it is never flagged.)
        let ref_k = members
            .iter()
            .copied()
            .find(|&k| unflagged.contains(&k) || !in_quote(Span::new(occs[k].start, occs[k].end)))
            .unwrap_or(members[0]);
        let first = &occs[ref_k];
        let reference = &text[first.start..first.end];
        let label_text = if ref_k == members[0] {
            format!("first written as `{reference}` here")
        } else {
            format!("written as `{reference}` here, the first use outside quotations")
        };
        let mut accepted: Vec<&str> = vec![reference];
        if declared.contains(&reference) {
            accepted.extend(declared);
        }
        for &k in members
            .iter()
            .filter(|&&k| k != ref_k && !unflagged.contains(&k))
        {
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
            let what = match usage::difference(surface, reference) {
                "romanization" => "is another romanization of".to_string(),
                kind => format!("differs only in {kind} from"),
            };
            let message = if ref_k == members[0] {
                format!("`{surface}` {what} `{reference}`, used earlier in this draft")
            } else {
                format!("`{surface}` {what} `{reference}`, the draft's spelling outside quotations")
            };
            let label = Some((first.start, first.end, label_text.clone()));
            let fix = align_fix(surface, reference);
            // The draft's first form need not be the house one (a draft may
            // open with a historical form): a suggestion.
            let fix = (fix, false);
            flag(&mut self.findings, text, o, message, label, fix, in_quote);
        }
    }
}

/// The first letters and lengths of the accented keys (after `W:`): most
/// plain words cannot have one of them, and folding an ASCII word only
/// drops joiners and perhaps one letter of a Slavic ending. Bit
/// `min(length, 63)` of the entry of a key's first byte.
struct KeyShapes([u64; 256]);

impl KeyShapes {
    fn of(accented_keys: &HashSet<String>) -> Self {
        let mut shapes = [0u64; 256];
        for k in accented_keys.iter().filter_map(|k| k.strip_prefix("W:")) {
            if let Some(&first) = k.as_bytes().first() {
                shapes[usize::from(first)] |= 1 << k.len().min(63);
            }
        }
        KeyShapes(shapes)
    }

    /// Whether the plain word `t` may have one of the keys.
    fn may_match(&self, text: &str, t: &Tok) -> bool {
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
        self.0[usize::from(first)] & lens != 0
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

#[cfg(test)]
mod tests {
    use super::stops::candidates;
    use super::*;

    /// The quotation model of the engine, on `text`.
    pub(super) fn quotes_of(text: &str) -> impl Fn(Span) -> bool {
        let mut spans: Vec<std::ops::Range<usize>> = crate::segment::segment(text)
            .quotes
            .into_iter()
            .map(|q| q.span)
            .collect();
        spans.sort_by_key(|q| (q.start, q.end));
        move |s: Span| {
            let i = spans.partition_point(|q| q.end <= s.start);
            spans
                .get(i)
                .is_some_and(|q| q.start < s.end.max(s.start + 1))
        }
    }

    /// The number of findings of both rules.
    fn count(f: &Findings) -> usize {
        f.romanization.len() + f.fused.len()
    }

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
        let index = NameIndex::build(&entities, &Tuning::shipped()).expect("shipped index");
        let styles = [None, Some("seoul"), Some("ap")];
        let none = HashSet::new();
        let mut found = 0;
        for (i, text) in random_drafts(3400).iter().enumerate() {
            let opts = Options {
                house_style: styles[i % 3].map(str::to_string),
                ..Options::default()
            };
            let quotes = quotes_of(text);
            let want = check_at(
                text,
                &index,
                &opts,
                &quotes,
                &every_stop(text, &index),
                &none,
            );
            found += count(&want);
            assert_eq!(check(text, &index, &opts, &quotes, &none), want, "{text}");
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
            kind: EntityKind::Place,
            variants: Vec::new(),
            native: None,
            styles: BTreeMap::new(),
            historical: Vec::new(),
        });
        let index = NameIndex::build(&entities, &Tuning::shipped()).expect("index");
        let opts = Options::default();
        let none = HashSet::new();
        let text = "Zhdanóvy spoke. Ulitsa ZhdanovY is closed. ZhdanovY said.";
        let surnames = &index.lexicon().surnames;
        assert!(!Stops::find(text, index.form_table(), surnames)
            .yij_words
            .is_empty());
        let no_quotes = |_: Span| false;
        let want = check_at(
            text,
            &index,
            &opts,
            &no_quotes,
            &every_stop(text, &index),
            &none,
        );
        // (The later `ZhdanovY` only: the one in the table form is not
        // compared.)
        assert_eq!(count(&want), 1, "{want:?}");
        assert_eq!(want.romanization[0].span.start, 44);
        assert_eq!(check(text, &index, &opts, &no_quotes, &none), want);
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
