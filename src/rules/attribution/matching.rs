//! The word-list matchers of the attribution rules: word-sequence patterns
//! ([`WordPattern`], [`OpenAttribution`]) and phrase lists ([`PhraseSet`])
//! matched by looking words up, each as the regex it stands for would match
//! (leftmost-first, `(?-u:\b)` boundaries, ASCII case folding), with that
//! regex ([`LazyRegex`], built on first use) kept for lists with phrases
//! that are not plain words; and the regex spellings of word lists.

use std::ops::Range;

use regex::Regex;

use rustc_hash::FxHashMap;

use super::options::{inflections, word_set};
use super::word_table::is_regex_space;
use crate::words::{is_ascii_word_byte, lower, Word};

/// A regex built on first use: the claim and anonymous-source patterns when
/// a tuned word list has phrases other than plain words (see
/// [`WordPattern`]). The patterns holding every speech-verb form take
/// milliseconds each to build, and the claim patterns (Unicode case folding)
/// most of a millisecond, which a draft that never needs them should not pay.
/// The parts of such a pattern are escaped word lists, so the only way it
/// can fail to build is the size limit (lists of many thousands of words);
/// it then matches nothing. (The word lookups have no such limit.)
#[derive(Debug, Clone)]
pub(super) struct LazyRegex {
    pattern: String,
    regex: std::sync::OnceLock<Option<Regex>>,
}

impl LazyRegex {
    pub(super) fn new(pattern: String) -> LazyRegex {
        LazyRegex {
            pattern,
            regex: std::sync::OnceLock::new(),
        }
    }

    pub(super) fn get(&self) -> Option<&Regex> {
        self.regex
            .get_or_init(|| Regex::new(&self.pattern).ok())
            .as_ref()
    }

    pub(super) fn is_match(&self, s: &str) -> bool {
        self.get().is_some_and(|r| r.is_match(s))
    }

    pub(super) fn find_iter<'r, 'h>(
        &'r self,
        s: &'h str,
    ) -> impl Iterator<Item = regex::Match<'h>> + 'r
    where
        'h: 'r,
    {
        self.get().into_iter().flat_map(move |r| r.find_iter(s))
    }
}

/// The alternatives of a word-list group as `alt` and `word_list_pattern`
/// write them into a regex, in its priority order: longest first, then
/// alphabetical.
pub(super) fn alt_forms(items: &[String], inflect: bool) -> Vec<String> {
    let mut forms: Vec<String> = word_set(items, inflect).into_iter().collect();
    forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    forms
}

/// Whether the regex alternative for `form` matches exactly its ASCII
/// words with ASCII whitespace between them (so a [`WordSeq`] can match it).
fn plain_form(form: &str) -> bool {
    !form.trim().is_empty()
        && form
            .bytes()
            .all(|b| is_ascii_word_byte(b) || is_regex_space(b))
}

/// Whether `(?-u:\b)` holds at byte `pos` of `b`.
fn ascii_boundary(b: &[u8], pos: usize) -> bool {
    let before = pos > 0 && is_ascii_word_byte(b[pos - 1]);
    let after = pos < b.len() && is_ascii_word_byte(b[pos]);
    before != after
}

/// The end of the run of ASCII word bytes starting at `pos`.
fn ascii_word_end(b: &[u8], pos: usize) -> usize {
    pos + b[pos..]
        .iter()
        .take_while(|&&c| is_ascii_word_byte(c))
        .count()
}

/// The end of the run of whitespace (Unicode's `\s`, as `char::is_whitespace`)
/// starting at byte `pos`, a character boundary of `s`.
fn unicode_space_end(s: &str, pos: usize) -> usize {
    let b = s.as_bytes();
    let mut i = pos;
    while i < b.len() {
        if is_regex_space(b[i]) {
            i += 1;
        } else if b[i] < 0x80 {
            break;
        } else {
            match s[i..].chars().next() {
                Some(c) if c.is_whitespace() => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// One group of a [`WordSeq`]: an alternation of phrases (lower-cased words)
/// in the regex's priority order.
#[derive(Debug, Clone)]
struct Alternation {
    phrases: Vec<Vec<Vec<u8>>>,
    /// `(?:...\s+)?`: the group may be left out.
    optional: bool,
    /// The group is written outside `(?-u:...)` (`it`, `is|was|has\s+been`):
    /// under `(?i)` Unicode folding `s` also matches `ſ` and `k` the Kelvin
    /// sign, and the space between words is Unicode's `\s+`. Such groups are
    /// short fixed lists, tried one by one; the others are looked up by
    /// their first word.
    unicode: bool,
    /// Indices into `phrases` (ascending: priority order) by first word.
    by_first: FxHashMap<Vec<u8>, Vec<usize>>,
    /// The lengths of the first words (bit `min(len, 63)`) by first byte,
    /// both cases: most words of a text are rejected before hashing.
    lengths: Box<[u64; 256]>,
    /// The bytes a phrase can start with, under the folding of `unicode`
    /// groups (the lead bytes of `ſ` and of the Kelvin sign too).
    first_bytes: Box<[bool; 256]>,
}

impl Alternation {
    fn new(forms: &[String], optional: bool, unicode: bool) -> Alternation {
        let mut phrases = Vec::new();
        let mut by_first: FxHashMap<Vec<u8>, Vec<usize>> = FxHashMap::default();
        let mut lengths = Box::new([0u64; 256]);
        let mut first_bytes = Box::new([false; 256]);
        for f in forms {
            let words: Vec<Vec<u8>> = f
                .split_whitespace()
                .map(|w| w.to_ascii_lowercase().into_bytes())
                .collect();
            let Some(first) = words.first() else {
                continue;
            };
            for b in [first[0], first[0].to_ascii_uppercase()] {
                lengths[b as usize] |= 1 << first.len().min(63);
                first_bytes[b as usize] = true;
            }
            match first[0] {
                b's' => first_bytes["\u{17F}".as_bytes()[0] as usize] = true,
                b'k' => first_bytes["\u{212A}".as_bytes()[0] as usize] = true,
                _ => {}
            }
            by_first
                .entry(first.clone())
                .or_default()
                .push(phrases.len());
            phrases.push(words);
        }
        Alternation {
            phrases,
            optional,
            unicode,
            by_first,
            lengths,
            first_bytes,
        }
    }

    /// Indices of the phrases whose first word is the ASCII word
    /// `b[pos..end]`, in priority order.
    fn starting_with(&self, b: &[u8], pos: usize, end: usize) -> &[usize] {
        if pos == end || self.lengths[b[pos] as usize] >> (end - pos).min(63) & 1 == 0 {
            return &[];
        }
        let mut buf = [0u8; 64];
        let key: &[u8] = if end - pos <= buf.len() {
            for (d, s) in buf.iter_mut().zip(&b[pos..end]) {
                *d = s.to_ascii_lowercase();
            }
            &buf[..end - pos]
        } else {
            return self
                .by_first
                .get(&b[pos..end].to_ascii_lowercase())
                .map_or(&[], Vec::as_slice);
        };
        self.by_first.get(key).map_or(&[], Vec::as_slice)
    }

    /// The end of phrase `p` matched at byte `pos` of `s` (whose first word,
    /// for ASCII groups, is already known to be the word at `pos`).
    fn phrase_end(&self, s: &str, p: usize, pos: usize) -> Option<usize> {
        let b = s.as_bytes();
        let words = &self.phrases[p];
        if !self.unicode {
            let mut end = ascii_word_end(b, pos);
            for w in &words[1..] {
                let start = end + b[end..].iter().take_while(|&&c| is_regex_space(c)).count();
                let e = ascii_word_end(b, start);
                if start == end || !b[start..e].eq_ignore_ascii_case(w) {
                    return None;
                }
                end = e;
            }
            return Some(end);
        }
        let mut at = pos;
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                let next = unicode_space_end(s, at);
                if next == at {
                    return None;
                }
                at = next;
            }
            for &c in w {
                let rest = &b[at..];
                at += if rest.first().is_some_and(|x| x.eq_ignore_ascii_case(&c)) {
                    1
                } else if c == b's' && rest.starts_with("\u{17F}".as_bytes()) {
                    2
                } else if c == b'k' && rest.starts_with("\u{212A}".as_bytes()) {
                    3
                } else {
                    return None;
                };
            }
        }
        Some(at)
    }
}

/// A pattern of word lists matched as the regex
/// `(?i)(?-u:\b)G1\s+G2\s+...Gn(?-u:\b)` would match it (an optional group
/// takes its `\s+` with it), with the regex's leftmost-first priorities,
/// by looking words up: a regex of the hundreds of speech-verb forms takes
/// milliseconds to build. Only plain phrases (ASCII words) are taken;
/// [`WordPattern`] keeps the regex for the others.
#[derive(Debug, Clone)]
struct WordSeq {
    groups: Vec<Alternation>,
}

impl WordSeq {
    /// The end of the highest-priority match of groups `g..` at byte `pos`
    /// of `s`, which already follows the previous group's `\s+`.
    fn match_from(&self, s: &str, g: usize, pos: usize) -> Option<usize> {
        let b = s.as_bytes();
        let Some(group) = self.groups.get(g) else {
            return ascii_boundary(b, pos).then_some(pos);
        };
        let last = g + 1 == self.groups.len();
        let attempt = |p: usize| -> Option<usize> {
            let end = group.phrase_end(s, p, pos)?;
            if last {
                return ascii_boundary(b, end).then_some(end);
            }
            let next = unicode_space_end(s, end);
            if next == end {
                return None;
            }
            self.match_from(s, g + 1, next)
        };
        let found = if group.unicode {
            // Every phrase fails on its first byte unless it may start one.
            let may = b
                .get(pos)
                .is_some_and(|&c| group.first_bytes[usize::from(c)]);
            may.then(|| (0..group.phrases.len()).find_map(attempt))
                .flatten()
        } else {
            let first = group.starting_with(b, pos, ascii_word_end(b, pos));
            first.iter().find_map(|&p| attempt(p))
        };
        match found {
            Some(end) => Some(end),
            None if group.optional => self.match_from(s, g + 1, pos),
            None => None,
        }
    }

    /// The leftmost-first, non-overlapping matches in `s`, as `find_iter`
    /// would give them, when none starts before byte `from` (0 or the start
    /// of a word) and none after byte `until`. Every group's phrases start
    /// with an ASCII word byte, so a match starts where a run of them does.
    fn find_iter<'a>(
        &'a self,
        s: &'a str,
        from: usize,
        until: usize,
    ) -> impl Iterator<Item = Range<usize>> + 'a {
        let b = s.as_bytes();
        let mut pos = from;
        std::iter::from_fn(move || {
            while pos < b.len() {
                while pos < b.len() && !is_ascii_word_byte(b[pos]) {
                    pos += 1;
                }
                if pos == b.len() || pos > until {
                    break;
                }
                let start = pos;
                if let Some(end) = self.match_from(s, 0, start) {
                    pos = end;
                    return Some(start..end);
                }
                pos = ascii_word_end(b, start);
            }
            None
        })
    }
}

/// A claim or anonymous-source pattern: word lookups when its lists are
/// plain, else the regex (built on first use).
#[derive(Debug, Clone)]
pub(super) struct WordPattern {
    words: Option<WordSeq>,
    regex: LazyRegex,
}

/// A group of a [`WordPattern`] being built: its phrases, whether it is
/// optional, whether it is written outside `(?-u:...)`.
pub(super) type GroupSpec = (Vec<String>, bool, bool);

impl WordPattern {
    /// `pattern` is the regex the groups spell; it is used when a group has
    /// phrases a [`WordSeq`] cannot match.
    pub(super) fn new(groups: Vec<GroupSpec>, pattern: String) -> WordPattern {
        let plain = groups
            .iter()
            .all(|(forms, _, _)| forms.iter().all(|f| plain_form(f)));
        WordPattern {
            words: plain.then(|| WordSeq {
                groups: groups
                    .iter()
                    .map(|(forms, optional, unicode)| Alternation::new(forms, *optional, *unicode))
                    .collect(),
            }),
            regex: LazyRegex::new(pattern),
        }
    }

    /// One word list, as `word_list_pattern` writes it.
    pub(super) fn list(items: &[String]) -> WordPattern {
        WordPattern::new(
            vec![(alt_forms(items, false), false, false)],
            word_list_pattern(items, false),
        )
    }

    pub(super) fn find_iter<'a>(
        &'a self,
        s: &'a str,
    ) -> Box<dyn Iterator<Item = Range<usize>> + 'a> {
        self.find_iter_within(s, (0, s.len()))
    }

    /// [`WordPattern::find_iter`] when no match starts before `bounds.0`
    /// (0 or the start of a word) or after `bounds.1`.
    pub(super) fn find_iter_within<'a>(
        &'a self,
        s: &'a str,
        (from, until): (usize, usize),
    ) -> Box<dyn Iterator<Item = Range<usize>> + 'a> {
        match &self.words {
            Some(seq) => Box::new(seq.find_iter(s, from, until)),
            None => Box::new(self.regex.find_iter(s).map(|m| m.range())),
        }
    }
}

/// `open_attribution`: `(?i)(?:,\s+|[,.!?]['’]\s+\w*\s*)(?:{speech})(?-u:\b)`,
/// by word lookups when the speech forms are plain, else by the regex
/// (built on first use).
#[derive(Debug, Clone)]
pub(super) struct OpenAttribution {
    forms: Option<Alternation>,
    regex: LazyRegex,
}

/// Whether `c` is a word character of Unicode regexes (`\w`). Only
/// non-ASCII characters right after a quotation left open ask, so the
/// class is compiled on first use.
fn is_unicode_word_char(c: char) -> bool {
    static WORD: std::sync::OnceLock<Option<Regex>> = std::sync::OnceLock::new();
    if c.is_ascii() {
        return is_ascii_word_byte(c as u8);
    }
    WORD.get_or_init(|| Regex::new(r"\A\w\z").ok())
        .as_ref()
        .is_some_and(|r| r.is_match(c.encode_utf8(&mut [0; 4])))
}

impl OpenAttribution {
    pub(super) fn new(speech_forms: &[String], pattern: String) -> OpenAttribution {
        let forms = alt_forms(speech_forms, false);
        OpenAttribution {
            forms: forms
                .iter()
                .all(|f| plain_form(f))
                .then(|| Alternation::new(&forms, false, false)),
            regex: LazyRegex::new(pattern),
        }
    }

    pub(super) fn is_match(&self, s: &str) -> bool {
        let Some(forms) = &self.forms else {
            return self.regex.is_match(s);
        };
        let b = s.as_bytes();
        // A speech form starting at byte `k`: it begins at an ASCII word
        // byte and, like every literal before `\b` or `\s`, ends where the
        // run of ASCII word bytes does.
        let form_at = |k: usize| -> bool {
            if k >= b.len() || !is_ascii_word_byte(b[k]) {
                return false;
            }
            let run_end = ascii_word_end(b, k);
            forms.starting_with(b, k, run_end).iter().any(|&p| {
                forms
                    .phrase_end(s, p, k)
                    .is_some_and(|end| ascii_boundary(b, end))
            })
        };
        let terminals = b
            .iter()
            .enumerate()
            .filter(|&(_, &c)| matches!(c, b',' | b'.' | b'!' | b'?'));
        for (i, _) in terminals {
            if b[i] == b',' {
                let j = unicode_space_end(s, i + 1);
                if j > i + 1 && form_at(j) {
                    return true;
                }
            }
            // `[,.!?]['’]\s+\w*\s*`: the form starts anywhere in the run of
            // word characters after the space, or after that run and more
            // space.
            let mark = match b.get(i + 1) {
                Some(b'\'') => 1,
                _ if b[i + 1..].starts_with("\u{2019}".as_bytes()) => 3,
                _ => continue,
            };
            let j = unicode_space_end(s, i + 1 + mark);
            if j == i + 1 + mark {
                continue;
            }
            let mut k = j;
            while let Some(c) = s[k..].chars().next().filter(|&c| is_unicode_word_char(c)) {
                if form_at(k) {
                    return true;
                }
                k += c.len_utf8();
            }
            if k > j {
                let after = unicode_space_end(s, k);
                if after > k && form_at(after) {
                    return true;
                }
            }
        }
        false
    }
}

/// A list of lower-cased words and phrases matched as the regex
/// `(?i)(?-u:\b(?:w1|w2 w3|...)\b)` (`\s+` between a phrase's words) would
/// match them, by looking each word of the text up in a hash map. A regex
/// with the hundreds of speech-verb forms takes milliseconds to build and
/// runs slower than the lookups.
#[derive(Debug, Clone)]
pub(super) enum PhraseSet {
    /// Phrases keyed by their first word: the rest of each phrase; and the
    /// lengths of the first words (bit `min(len, 63)`) by first byte, both
    /// cases, which reject most words of a text before hashing.
    Words(FxHashMap<Vec<u8>, Vec<Vec<Vec<u8>>>>, Box<[u64; 256]>),
    /// A phrase has characters other than ASCII letters, digits, `_` and
    /// whitespace, whose matching is the regex's business.
    Regex(Regex),
}

impl PhraseSet {
    pub(super) fn new(forms: &[String]) -> Result<PhraseSet, String> {
        let plain = forms.iter().all(|f| {
            f.chars()
                .all(|c| c.is_ascii_whitespace() || is_ascii_word_byte(c as u8))
        });
        if !plain || !forms.iter().all(|f| f.is_ascii()) {
            return word_list_regex(forms, false).map(PhraseSet::Regex);
        }
        let mut map: FxHashMap<Vec<u8>, Vec<Vec<Vec<u8>>>> = FxHashMap::default();
        let mut lengths = Box::new([0u64; 256]);
        for f in forms {
            let mut words = f
                .split_whitespace()
                .map(|w| w.to_ascii_lowercase().into_bytes());
            if let Some(first) = words.next() {
                for b in [first[0], first[0].to_ascii_uppercase()] {
                    lengths[b as usize] |= 1 << first.len().min(63);
                }
                map.entry(first).or_default().push(words.collect());
            }
        }
        Ok(PhraseSet::Words(map, lengths))
    }

    /// Whether `s` holds one of the phrases that attributes (see
    /// [`no_speaker_at`]).
    pub(super) fn is_match(&self, s: &str) -> bool {
        let (map, lengths) = match self {
            PhraseSet::Regex(r) => {
                return r
                    .find_iter(s)
                    .any(|m| !no_speaker_at(s.as_bytes(), m.range()));
            }
            PhraseSet::Words(map, lengths) => (map, lengths),
        };
        let b = s.as_bytes();
        let mut words = Word::ascii().iter(s);
        while let Some(w) = words.next() {
            let w = w.range();
            if lengths[b[w.start] as usize] >> w.len().min(63) & 1 == 0 {
                continue;
            }
            let Some(rests) = map.get(lower(&s[w.clone()]).as_bytes()) else {
                continue;
            };
            let continues = |rest: &Vec<Vec<u8>>| {
                let mut prev_end = w.end;
                let mut next = words.clone();
                rest.iter().all(|r| {
                    let Some(n) = next.next().map(|n| n.range()) else {
                        return false;
                    };
                    // `\s+` under `(?-u)`: ASCII whitespace only, at least one.
                    let gap = &b[prev_end..n.start];
                    prev_end = n.end;
                    !gap.is_empty()
                        && gap.iter().all(|&g| is_regex_space(g))
                        && b[n].eq_ignore_ascii_case(r)
                }) && !no_speaker_at(b, w.start..prev_end)
            };
            if rests.iter().any(continues) {
                return true;
            }
        }
        false
    }
}

/// Whether the attributing phrase at `r` of `b` attributes nothing: part of
/// a hyphenated word ([`hyphen_joined`]), a passive with no agent (`The
/// final tally was announced at 1:47 p.m.`) or a share of those polled
/// (`66 percent of Republicans agreed`).
pub(super) fn no_speaker_at(b: &[u8], r: Range<usize>) -> bool {
    hyphen_joined(b, r.clone())
        || agentless_passive(b, r.clone()) && thing_subject(b, r.start)
        || polled(b, r.start)
}

/// Whether `w` is a noun for a person (`referee`, `firefighter`,
/// `senators`, `victim`, `constable`), by its ending or a short list: a
/// passive's subject that may be quoted next.
pub(super) fn person_noun(w: &[u8]) -> bool {
    let l = w.to_ascii_lowercase();
    let one = l.strip_suffix(b"s").unwrap_or(&l);
    [
        &b"er"[..],
        b"or",
        b"ist",
        b"ian",
        b"ee",
        b"ent",
        b"ant",
        b"ate",
        b"al",
        b"ie",
    ]
    .iter()
    .any(|s| one.ends_with(s))
        || [
            &b"victim"[..],
            b"suspect",
            b"nurse",
            b"constable",
            b"chief",
            b"judge",
            b"coach",
            b"wife",
            b"husband",
            b"child",
            b"couple",
            b"family",
            b"pilot",
            b"widow",
            b"captain",
            b"aide",
            b"ally",
            b"boss",
            b"star",
            b"hero",
            b"staff",
        ]
        .contains(&one)
}

/// Whether the passive whose auxiliaries end before byte `pos` has a
/// lower-case word for its subject, or `it` or `there` (`The final tally
/// was announced`, `It is said`): not a name, a pronoun or a noun for a
/// person, who may be quoted next (`Brown was confirmed as manager`,
/// `She's been warned`, `The midfielder was cited`), nor a subject past a
/// comma (`Marsh, 61, was told`).
fn thing_subject(b: &[u8], pos: usize) -> bool {
    const SKIP: [&[u8]; 12] = [
        b"is", b"was", b"were", b"are", b"be", b"been", b"being", b"has", b"have", b"had", b"not",
        b"also",
    ];
    // (An adverb only between the auxiliaries and the verb: `was widely
    // reported`, not `The tally was`.)
    let mut aux = false;
    let subject = words_back(b, pos).find(|w| {
        if is(w, &SKIP) {
            aux = true;
            return false;
        }
        aux || !ends_with_ci(w, b"ly")
    });
    subject.is_some_and(|w| {
        is(w, &[b"it", b"there", b"this", b"that"])
            || w[0].is_ascii_lowercase()
                && !is(w, &[b"he", b"she", b"they", b"we", b"i", b"you"])
                && !person_noun(w)
                && !w.contains(&b'\'')
    })
}

/// Whether `w` is one of `list` (lower-case), in any case.
fn is(w: &[u8], list: &[&[u8]]) -> bool {
    list.iter().any(|f| w.eq_ignore_ascii_case(f))
}

/// Whether `w` ends with `suffix` (lower-case), in any case.
fn ends_with_ci(w: &[u8], suffix: &[u8]) -> bool {
    w.len() >= suffix.len() && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// The ASCII words of `b` before byte `pos`, nearest first, up to a
/// clause mark (`,;:.!?`, a quotation mark, a bracket or a line break).
fn words_back(b: &[u8], pos: usize) -> impl Iterator<Item = &[u8]> {
    let mut i = pos;
    std::iter::from_fn(move || {
        while i > 0 && b[i - 1] == b' ' {
            i -= 1;
        }
        let end = i;
        while i > 0 && (b[i - 1].is_ascii_alphanumeric() || matches!(b[i - 1], b'%' | b'\'' | b'-'))
        {
            i -= 1;
        }
        (i < end).then(|| &b[i..end])
    })
}

/// Whether the one-word phrase at `r` is a past participle after a form of
/// `be` (`was announced`, `were widely reported`, `are said to`) with no
/// `by` after it in its clause: nobody is named as speaking. Not the verbs
/// whose subject then answers (`was asked`, `was quoted as saying`). (A
/// person as its subject may still speak next, `Brown was confirmed as
/// manager. "…"`: that is the subject's business, see `speaker.rs`.)
pub(super) fn agentless_passive(b: &[u8], r: Range<usize>) -> bool {
    const RESPONDING: [&[u8]; 9] = [
        b"asked",
        b"quoted",
        b"pressed",
        b"questioned",
        b"interviewed",
        b"heard",
        b"overheard",
        b"reached",
        b"contacted",
    ];
    // (It runs on every attributing phrase the scan finds: no allocation.)
    let verb = &b[r.clone()];
    let participle = ends_with_ci(verb, b"ed")
        || is(
            verb,
            &[b"said", b"told", b"written", b"spoken", b"sworn", b"shown"],
        );
    if !participle || !verb.iter().all(u8::is_ascii_alphabetic) || is(verb, &RESPONDING) {
        return false;
    }
    const BE: [&[u8]; 7] = [b"is", b"was", b"were", b"are", b"be", b"been", b"being"];
    let mut back = words_back(b, r.start).peekable();
    // (An adverb between: `was widely reported`, `were not told`.)
    if back
        .peek()
        .is_some_and(|w| w.len() > 3 && ends_with_ci(w, b"ly") || is(w, &[b"not", b"also"]))
    {
        back.next();
    }
    if !back.next().is_some_and(|w| is(w, &BE)) {
        return false;
    }
    // The clause after it: no `by` (`was announced by the clerk`), up to
    // another participle after a comma, whose agent is not its own (`It
    // was added to the bill, approved by the House`; not `was criticized,
    // as expected, by Sen. Ruiz`).
    let rest = &b[r.end..];
    let mut end = rest
        .iter()
        .position(|&c| matches!(c, b'.' | b';' | b'!' | b'?' | b'"' | b'\n'))
        .unwrap_or(rest.len())
        .min(120);
    if let Some(comma) = rest[..end].iter().position(|&c| c == b',').filter(|&i| {
        let next = rest[i + 1..].trim_ascii_start();
        let word = &next[..next
            .iter()
            .position(|c| !c.is_ascii_alphabetic())
            .unwrap_or(next.len())];
        ends_with_ci(word, b"ed")
    }) {
        end = comma;
    }
    let clause = &rest[..end];
    !clause
        .split(|c| !c.is_ascii_alphabetic())
        .any(|w| w.eq_ignore_ascii_case(b"by"))
}

/// Whether the phrase starting at byte `start` has a share of those polled
/// as its subject: `percent` or a number with `%` within the six words
/// before it in its clause, right after a number (`66 percent of
/// Republicans agreed`, `Sixty per cent said`, `52% of voters say`).
pub(super) fn polled(b: &[u8], start: usize) -> bool {
    // (On every attributing phrase: the words in a fixed array.)
    let mut words: [&[u8]; 7] = [&[]; 7];
    let mut n = 0;
    for w in words_back(b, start).take(7) {
        words[n] = w;
        n += 1;
    }
    let words = &words[..n];
    let number = |w: &[u8]| {
        w.first().is_some_and(u8::is_ascii_digit)
            || [
                &b"two"[..],
                b"three",
                b"four",
                b"five",
                b"six",
                b"seven",
                b"eight",
                b"nine",
                b"ten",
                b"twenty",
                b"thirty",
                b"forty",
                b"fifty",
                b"sixty",
                b"seventy",
                b"eighty",
                b"ninety",
                b"hundred",
            ]
            .iter()
            .any(|n| w.eq_ignore_ascii_case(n))
    };
    // (The share is the subject itself, `N percent` or `N percent of X`
    // right before the verb: not a share in a clause before it, `Lee won
    // 52 percent of the vote and said`, `Shares fell 3% after Marsh said`.)
    const JOINERS: [&[u8]; 12] = [
        b"and",
        b"or",
        b"but",
        b"after",
        b"before",
        b"when",
        b"while",
        b"as",
        b"since",
        b"because",
        b"with",
        b"reporting",
    ];
    let subject = |k: usize| {
        (k == 0
            || words[k - 1].eq_ignore_ascii_case(b"of")
            || words[k].eq_ignore_ascii_case(b"in") && k <= 2)
            && !words[..k]
                .iter()
                .any(|w| JOINERS.iter().any(|j| w.eq_ignore_ascii_case(j)))
    };
    words.iter().enumerate().take(6).any(|(k, w)| {
        let share = w.len() > 1 && w.ends_with(b"%") && w[0].is_ascii_digit()
            || w.eq_ignore_ascii_case(b"percent") && words.get(k + 1).is_some_and(|n| number(n))
            // (Not a name: `50 Cent said`.)
            || w.eq_ignore_ascii_case(b"cent")
                && words.get(k + 1).is_some_and(|n| n.eq_ignore_ascii_case(b"per"))
                && words.get(k + 2).is_some_and(|n| number(n))
            // (`1 in 9 voters said`, `one in five residents`.)
            || k >= 1
                && w.eq_ignore_ascii_case(b"in")
                && number(words[k - 1])
                && words
                    .get(k + 1)
                    .is_some_and(|n| number(n) || n.eq_ignore_ascii_case(b"one"));
        share && subject(k)
    })
}

/// Whether the phrase at `r` of `b` is part of a hyphenated word that is
/// no speech: a letter and a hyphen after it (`swearing-in`, `tell-all`),
/// or before it a prefix that makes an adjective of it (`so-called`,
/// `self-described`, `much-promised`); not a prefix that keeps the verb
/// (`she half-joked`, `co-wrote`, `re-tweeted`).
pub(super) fn hyphen_joined(b: &[u8], r: Range<usize>) -> bool {
    const ADJECTIVE_PREFIXES: [&[u8]; 20] = [
        b"so", b"self", b"much", b"long", b"oft", b"often", b"ill", b"well", b"widely", b"highly",
        b"hotly", b"little", b"most", b"least", b"best", b"never", b"ever", b"twice", b"un",
        b"hard",
    ];
    let letter = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
    if b.get(r.end) == Some(&b'-') && letter(r.end + 1) {
        // A particle (`swearing-in`, `tell-all`, `sign-off`); not a hyphen
        // for a dash (`he said-and then`, `he said-not for the first time`).
        let mut e = r.end + 1;
        while letter(e) {
            e += 1;
        }
        let next = b[r.end + 1..e].to_ascii_lowercase();
        return [
            &b"in"[..],
            b"all",
            b"off",
            b"out",
            b"up",
            b"on",
            b"back",
            b"over",
            b"down",
            b"around",
            b"about",
        ]
        .contains(&next.as_slice());
    }
    if r.start >= 2 && b[r.start - 1] == b'-' && letter(r.start - 2) {
        let mut p = r.start - 1;
        while p > 0 && b[p - 1].is_ascii_alphabetic() {
            p -= 1;
        }
        let prefix = b[p..r.start - 1].to_ascii_lowercase();
        return ADJECTIVE_PREFIXES.contains(&prefix.as_slice());
    }
    false
}

/// The regex of phrase `p`: its words escaped, `\s+` between them.
pub(super) fn phrase_pattern(p: &str) -> String {
    p.split_whitespace()
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(r"\s+")
}

/// `(?i)(?-u:\b)(?:a|b c)(?-u:\b)` for a list of phrases, longest first.
fn word_list_pattern(items: &[String], inflect: bool) -> String {
    let mut forms: Vec<String> = if inflect {
        items.iter().flat_map(|w| inflections(w)).collect()
    } else {
        items.iter().map(|s| s.to_lowercase()).collect()
    };
    forms.retain(|f| !f.trim().is_empty());
    forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    forms.dedup();
    if forms.is_empty() {
        // Matches nothing.
        return r"[^\s\S]".to_string();
    }
    let alt = forms
        .iter()
        .map(|f| phrase_pattern(f))
        .collect::<Vec<_>>()
        .join("|");
    // ASCII-only case folding keeps these large alternations cheap to build
    // (`(?-u)`): the word lists are English.
    format!(r"(?i)(?-u:\b(?:{alt})\b)")
}

fn word_list_regex(items: &[String], inflect: bool) -> Result<Regex, String> {
    Regex::new(&word_list_pattern(items, inflect)).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::rules::attribution::options::strings;
    use crate::rules::attribution::test_support::tricky_texts;
    use crate::rules::attribution::{Compiled, Options};

    /// `no_speaker_at` on the first occurrence of `verb` in `s`.
    fn no_speaker(s: &str, verb: &str) -> bool {
        let at = s.find(verb).unwrap();
        no_speaker_at(s.as_bytes(), at..at + verb.len())
    }

    #[test]
    fn passives_without_agents_and_polls_name_no_speaker() {
        for (s, verb) in [
            ("The tally was announced at noon.", "announced"),
            ("It is widely said that the plan failed.", "said"),
            ("The results were not reported until Friday.", "reported"),
            ("66 percent of Republicans agreed.", "agreed"),
            ("Sixty per cent of voters said so.", "said"),
            ("In the poll, 52% of likely voters said so.", "said"),
            ("About 1 in 9 voters said they were undecided.", "said"),
            ("One in five residents said the plan was unfair.", "said"),
        ] {
            assert!(no_speaker(s, verb), "{s}");
        }
        for (s, verb) in [
            ("The tally was announced by the clerk at noon.", "announced"),
            ("Lee was asked about the tally.", "asked"),
            ("Lee was quoted as saying so.", "quoted"),
            ("Lee announced the tally.", "announced"),
            ("Lee, who won 52 percent, said so.", "said"),
            ("And 50 Cent said the money was a gift.", "said"),
            ("Ten per cent is the cap, Lee said.", "said"),
            // A person or a text as the subject; a share in a clause before
            // the verb's (from a review of this change).
            (
                "Brown was confirmed as the club's new manager.",
                "confirmed",
            ),
            ("Marsh, 61, was told of the verdict.", "told"),
            ("She's been warned twice.", "warned"),
            ("The midfielder was cited for a dangerous tackle.", "cited"),
            ("The referee was also criticised.", "criticised"),
            (
                "Lee won 52 percent of the vote and said she was humbled.",
                "said",
            ),
            (
                "Shares fell 3 percent after chief executive Tim Marsh said so.",
                "said",
            ),
            ("Tesla shares rose 5% after Musk said so.", "said"),
        ] {
            assert!(!no_speaker(s, verb), "{s}");
        }
    }

    #[test]
    fn word_matchers_agree_with_their_regexes() {
        let mut tuned = Options::default();
        tuned
            .speech_verb_forms
            .extend(strings(&["went on", "said so", "pointed out"]));
        tuned.bare_source_determiners.push("a few".into());
        tuned.vague_subjects.push("some people say".into());
        tuned.hedge_adverbs.push("very widely".into());
        let texts = tricky_texts(20_000);
        for opts in [Options::default(), tuned] {
            let c = Compiled::new(&opts).unwrap();
            for (name, p) in [
                ("vague_group", &c.vague_group),
                ("vague_subject", &c.vague_subject),
                ("evidence_noun", &c.evidence_noun),
                ("impersonal_it", &c.impersonal_it),
                ("impersonal_passive", &c.impersonal_passive),
                ("vague_phrase", &c.vague_phrase),
                ("anon_forward", &c.anon_forward),
                ("anon_inverted", &c.anon_inverted),
            ] {
                assert!(p.words.is_some(), "{name} falls back to its regex");
                let re = Regex::new(&p.regex.pattern).unwrap();
                for t in &texts {
                    let want: Vec<Range<usize>> = re.find_iter(t).map(|m| m.range()).collect();
                    let got: Vec<Range<usize>> = p.find_iter(t).collect();
                    assert_eq!(got, want, "{name} on {t:?}");
                }
            }
            assert!(c.open_attribution.forms.is_some());
            let re = Regex::new(&c.open_attribution.regex.pattern).unwrap();
            for t in &texts {
                assert_eq!(
                    c.open_attribution.is_match(t),
                    re.is_match(t),
                    "open_attribution on {t:?}"
                );
            }
        }
    }

    #[test]
    fn word_matchers_fall_back_to_regexes_for_other_phrases() {
        let opts = Options {
            vague_groups: strings(&["so-called experts", "experts"]),
            ..Options::default()
        };
        let c = Compiled::new(&opts).unwrap();
        assert!(c.vague_group.words.is_none());
        let t = "The so-called experts say so.";
        let got: Vec<&str> = c.vague_group.find_iter(t).map(|r| &t[r]).collect();
        assert_eq!(got, ["so-called experts"]);
    }
}
