//! Word matching for the attribution rules: word lists matched by lookups
//! in packed-byte tables (one pass over a document's words finds every
//! anchor), the word-sequence patterns that replace regexes of every
//! speech-verb form, and the regexes kept for phrases that are not plain
//! words.

use super::word_table::{is_regex_space, is_word_byte, AsciiWords, FxMap, WordTable};
use super::*;

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
    pub(super) pattern: String,
    pub(super) regex: std::sync::OnceLock<Option<Regex>>,
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
pub(super) fn plain_form(form: &str) -> bool {
    !form.trim().is_empty() && form.bytes().all(|b| is_word_byte(b) || is_regex_space(b))
}

/// Whether `(?-u:\b)` holds at byte `pos` of `b`.
pub(super) fn ascii_boundary(b: &[u8], pos: usize) -> bool {
    let before = pos > 0 && is_word_byte(b[pos - 1]);
    let after = pos < b.len() && is_word_byte(b[pos]);
    before != after
}

/// The end of the run of ASCII word bytes starting at `pos`.
pub(super) fn ascii_word_end(b: &[u8], pos: usize) -> usize {
    pos + b[pos..].iter().take_while(|&&c| is_word_byte(c)).count()
}

/// The end of the run of whitespace (Unicode's `\s`, as `char::is_whitespace`)
/// starting at byte `pos`, a character boundary of `s`.
pub(super) fn unicode_space_end(s: &str, pos: usize) -> usize {
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
pub(super) struct Alternation {
    pub(super) phrases: Vec<Vec<Vec<u8>>>,
    /// `(?:...\s+)?`: the group may be left out.
    pub(super) optional: bool,
    /// The group is written outside `(?-u:...)` (`it`, `is|was|has\s+been`):
    /// under `(?i)` Unicode folding `s` also matches `ſ` and `k` the Kelvin
    /// sign, and the space between words is Unicode's `\s+`. Such groups are
    /// short fixed lists, tried one by one; the others are looked up by
    /// their first word.
    pub(super) unicode: bool,
    /// Indices into `phrases` (ascending: priority order) by first word.
    pub(super) by_first: FxMap<Vec<u8>, Vec<usize>>,
    /// The lengths of the first words (bit `min(len, 63)`) by first byte,
    /// both cases: most words of a text are rejected before hashing.
    pub(super) lengths: Box<[u64; 256]>,
    /// The bytes a phrase can start with, under the folding of `unicode`
    /// groups (the lead bytes of `ſ` and of the Kelvin sign too).
    pub(super) first_bytes: Box<[bool; 256]>,
}

impl Alternation {
    pub(super) fn new(forms: &[String], optional: bool, unicode: bool) -> Alternation {
        let mut phrases = Vec::new();
        let mut by_first: FxMap<Vec<u8>, Vec<usize>> = FxMap::default();
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
    pub(super) fn starting_with(&self, b: &[u8], pos: usize, end: usize) -> &[usize] {
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
    pub(super) fn phrase_end(&self, s: &str, p: usize, pos: usize) -> Option<usize> {
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
pub(super) struct WordSeq {
    pub(super) groups: Vec<Alternation>,
}

impl WordSeq {
    /// The end of the highest-priority match of groups `g..` at byte `pos`
    /// of `s`, which already follows the previous group's `\s+`.
    pub(super) fn match_from(&self, s: &str, g: usize, pos: usize) -> Option<usize> {
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
    pub(super) fn find_iter<'a>(
        &'a self,
        s: &'a str,
        from: usize,
        until: usize,
    ) -> impl Iterator<Item = Range<usize>> + 'a {
        let b = s.as_bytes();
        let mut pos = from;
        std::iter::from_fn(move || {
            while pos < b.len() {
                while pos < b.len() && !is_word_byte(b[pos]) {
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
    pub(super) words: Option<WordSeq>,
    pub(super) regex: LazyRegex,
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
    pub(super) forms: Option<Alternation>,
    pub(super) regex: LazyRegex,
}

/// Whether `c` is a word character of Unicode regexes (`\w`). Only
/// non-ASCII characters right after a quotation left open ask, so the
/// class is compiled on first use.
pub(super) fn is_unicode_word_char(c: char) -> bool {
    static WORD: std::sync::OnceLock<Option<Regex>> = std::sync::OnceLock::new();
    if c.is_ascii() {
        return is_word_byte(c as u8);
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
            if k >= b.len() || !is_word_byte(b[k]) {
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

/// The word regex `[\p{L}\p{N}][\p{L}\p{N}'’-]*` (letters, digits, inner
/// apostrophes and hyphens), matched by a loop over the characters: ASCII
/// ones are classified directly, others by the regex on the character
/// alone. Running the regex over every sentence near a quotation was a
/// good part of the quotation rule's time. The regex is compiled on first
/// use (its Unicode classes take a millisecond): a draft whose only
/// non-ASCII characters are punctuation never needs it.
#[derive(Debug, Clone)]
pub(super) struct WordRegex(pub(super) LazyRegex);

/// The Unicode block General Punctuation, in which no character is in
/// `[\p{L}\p{N}]` (a test checks it against the regex).
pub(super) const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

/// [`WORD_CLASS`] bits: an ASCII byte of `[\p{L}\p{N}]`, of
/// `[\p{L}\p{N}'’-]`, and a byte of a non-ASCII character.
const WORD_START: u8 = 1;
const WORD_CONTINUE: u8 = 2;
const NON_ASCII: u8 = 4;

/// The [`WordRegex`] classes of each byte.
const WORD_CLASS: [u8; 256] = {
    let mut t = [0; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = if c >= 0x80 {
            NON_ASCII
        } else if c.is_ascii_alphanumeric() {
            WORD_START | WORD_CONTINUE
        } else if c == b'\'' || c == b'-' {
            WORD_CONTINUE
        } else {
            0
        };
        i += 1;
    }
    t
};

/// A match of [`WordRegex`], with `regex::Match`'s accessors.
#[derive(Debug, Clone, Copy)]
pub(super) struct WordMatch<'h> {
    pub(super) haystack: &'h str,
    pub(super) start: usize,
    pub(super) end: usize,
}

impl<'h> WordMatch<'h> {
    pub(super) fn start(&self) -> usize {
        self.start
    }

    pub(super) fn end(&self) -> usize {
        self.end
    }

    pub(super) fn as_str(&self) -> &'h str {
        &self.haystack[self.start..self.end]
    }
}

impl WordRegex {
    /// Whether `c` is in `[\p{L}\p{N}]` (by the regex's own Unicode tables
    /// for non-ASCII characters).
    pub(super) fn starts(&self, c: char) -> bool {
        if c.is_ascii() {
            return c.is_ascii_alphanumeric();
        }
        // General Punctuation (spaces, dashes, curly quotes, the ellipsis:
        // news text's commonest non-ASCII characters) has no letter or
        // digit.
        if GENERAL_PUNCTUATION.contains(&c) {
            return false;
        }
        self.0.is_match(c.encode_utf8(&mut [0; 4]))
    }

    /// Whether `c` is in `[\p{L}\p{N}'’-]`.
    pub(super) fn continues(&self, c: char) -> bool {
        matches!(c, '\'' | '\u{2019}' | '-') || self.starts(c)
    }

    /// The leftmost-first, non-overlapping matches in `s`.
    pub(super) fn find_iter<'r, 'h>(
        &'r self,
        s: &'h str,
    ) -> impl Iterator<Item = WordMatch<'h>> + 'r
    where
        'h: 'r,
    {
        let b = s.as_bytes();
        let mut pos = 0;
        std::iter::from_fn(move || {
            // The next character of the start class.
            let start = loop {
                let k = WORD_CLASS[usize::from(*b.get(pos)?)];
                if k & WORD_START != 0 {
                    break pos;
                }
                if k & NON_ASCII == 0 {
                    pos += 1;
                    continue;
                }
                let ch = s[pos..].chars().next()?;
                if self.starts(ch) {
                    break pos;
                }
                pos += ch.len_utf8();
            };
            pos = start;
            while let Some(&c) = b.get(pos) {
                let k = WORD_CLASS[usize::from(c)];
                if k & WORD_CONTINUE != 0 {
                    pos += 1;
                    continue;
                }
                if k & NON_ASCII == 0 {
                    break;
                }
                match s[pos..].chars().next() {
                    Some(ch) if self.continues(ch) => pos += ch.len_utf8(),
                    _ => break,
                }
            }
            Some(WordMatch {
                haystack: s,
                start,
                end: pos,
            })
        })
    }

    /// The first match in `s`.
    pub(super) fn find<'h>(&self, s: &'h str) -> Option<WordMatch<'h>> {
        self.find_iter(s).next()
    }
}

/// Writes the ASCII-lower-cased `word` into `buf` (reused, so looking words
/// up allocates nothing per word).
pub(super) fn lower_into<'b>(buf: &'b mut Vec<u8>, word: &[u8]) -> &'b [u8] {
    buf.clear();
    buf.extend(word.iter().map(u8::to_ascii_lowercase));
    buf
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
    Words(FxMap<Vec<u8>, Vec<Vec<Vec<u8>>>>, Box<[u64; 256]>),
    /// A phrase has characters other than ASCII letters, digits, `_` and
    /// whitespace, whose matching is the regex's business.
    Regex(Regex),
}

impl PhraseSet {
    pub(super) fn new(forms: &[String]) -> Result<PhraseSet, String> {
        let plain = forms.iter().all(|f| {
            f.chars()
                .all(|c| c.is_ascii_whitespace() || is_word_byte(c as u8))
        });
        if !plain || !forms.iter().all(|f| f.is_ascii()) {
            return word_list_regex(forms, false).map(PhraseSet::Regex);
        }
        let mut map: FxMap<Vec<u8>, Vec<Vec<Vec<u8>>>> = FxMap::default();
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

    pub(super) fn is_match(&self, s: &str) -> bool {
        let (map, lengths) = match self {
            PhraseSet::Regex(r) => return r.is_match(s),
            PhraseSet::Words(map, lengths) => (map, lengths),
        };
        let b = s.as_bytes();
        let mut buf = Vec::new();
        let mut words = AsciiWords::new(s);
        while let Some(w) = words.next() {
            if lengths[b[w.start] as usize] >> w.len().min(63) & 1 == 0 {
                continue;
            }
            let Some(rests) = map.get(lower_into(&mut buf, &b[w.clone()])) else {
                continue;
            };
            let continues = |rest: &Vec<Vec<u8>>| {
                let mut prev_end = w.end;
                let mut next = words.clone();
                rest.iter().all(|r| {
                    let Some(n) = next.next() else {
                        return false;
                    };
                    // `\s+` under `(?-u)`: ASCII whitespace only, at least one.
                    let gap = &b[prev_end..n.start];
                    prev_end = n.end;
                    !gap.is_empty()
                        && gap.iter().all(|&g| is_regex_space(g))
                        && b[n].eq_ignore_ascii_case(r)
                })
            };
            if rests.iter().any(continues) {
                return true;
            }
        }
        false
    }
}

/// A prefilter: for each pattern (one bit of a kind mask), the words of
/// which any match of the pattern contains one as a whole ASCII word. One
/// pass over the words of the document then finds the sentences worth
/// running the patterns on, and which patterns. Sentences with none of the
/// words cannot match.
#[derive(Debug, Clone, Default)]
pub(super) struct Anchors {
    pub(super) words: Vec<Vec<u8>>,
    /// For each word of `words`, the phrases it anchors.
    pub(super) uses: Vec<Vec<AnchorUse>>,
    /// Indices into `words` by word.
    pub(super) index: FxMap<Vec<u8>, usize>,
    /// The same for the document scan, built by [`Anchors::finish`].
    pub(super) table: WordTable,
    /// Patterns with a phrase that has no ASCII word: every sentence is a
    /// candidate for them.
    pub(super) always: u8,
    /// The kind bit for `it` in `it is believed`: counts only when `is`,
    /// `was`, `has been` or `had been` follows.
    pub(super) it_kind: u8,
    /// By kind bit (its index): the most words before the anchor word in
    /// the phrases added for it.
    pub(super) before: [usize; 8],
    /// The same for the most words after it.
    pub(super) after: [usize; 8],
}

/// One phrase anchored by a word of [`Anchors`].
#[derive(Debug, Clone)]
pub(super) struct AnchorUse {
    pub(super) kind: u8,
    /// The words of the phrase before and after the anchor, when the
    /// phrase is plain words (then it matches exactly where these words
    /// surround the anchor, separated by ASCII whitespace); `None` when the
    /// anchor alone decides.
    pub(super) around: Option<(Words, Words)>,
}

/// Lower-cased ASCII words.
pub(super) type Words = Vec<Vec<u8>>;

impl Anchors {
    /// Adds the lower-cased `phrases` of pattern `kind`: from each, its
    /// longest ASCII word (the rarest, likely). A word of a phrase is a whole
    /// word of the text wherever the phrase matches between `(?-u:\b)`s.
    /// With `exact`, plain phrases are also checked around their anchor.
    pub(super) fn add(&mut self, phrases: &[String], kind: u8, exact: bool) {
        // A phrase is plain when a regex match of it is exactly its ASCII
        // words with ASCII whitespace between.
        let plain = |p: &str| p.bytes().all(|b| is_word_byte(b) || is_regex_space(b));
        for p in phrases {
            let runs: Vec<&[u8]> = AsciiWords::new(p).map(|r| &p.as_bytes()[r]).collect();
            let Some(at) = (0..runs.len()).max_by_key(|&i| runs[i].len()) else {
                if !p.trim().is_empty() {
                    self.always |= kind;
                }
                continue;
            };
            let lower = |ws: &[&[u8]]| -> Vec<Vec<u8>> {
                ws.iter().map(|w| w.to_ascii_lowercase()).collect()
            };
            let around = (exact && plain(p)).then(|| (lower(&runs[..at]), lower(&runs[at + 1..])));
            let k = kind.trailing_zeros() as usize;
            self.before[k] = self.before[k].max(at);
            self.after[k] = self.after[k].max(runs.len() - at - 1);
            let w = runs[at].to_ascii_lowercase();
            let i = match self.index.get(&w) {
                Some(&i) => i,
                None => self.push_word(w),
            };
            self.uses[i].push(AnchorUse { kind, around });
        }
    }

    /// Builds the table the document scan looks words up in.
    pub(super) fn finish(&mut self) {
        self.table = WordTable::new(&self.words);
    }

    /// Adds `w` (lower-cased) to the words; its index.
    pub(super) fn push_word(&mut self, w: Vec<u8>) -> usize {
        self.index.insert(w.clone(), self.words.len());
        self.words.push(w);
        self.uses.push(Vec::new());
        self.words.len() - 1
    }

    /// The whole-word occurrences of the anchor words in `text` that may
    /// start a match (plain phrases checked around them), with the kinds
    /// (within `mask`) they may match, in order; with `attributing`, also
    /// the attributing phrases of the document (see [`Scan`]).
    pub(super) fn scan(&self, text: &str, mask: u8, attributing: bool) -> Scan {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut spans = Vec::new();
        if self.words.is_empty() {
            return Scan {
                hits: out,
                attributing: spans,
                ..Scan::default()
            };
        }
        // Most words fail the filter: the loop stays small, and the rest
        // of the work is out of line.
        self.table.for_each_candidate(b, |start, end| {
            self.scan_word(text, (start, end), mask, attributing, &mut out, &mut spans);
        });
        Scan {
            hits: out,
            attributing: spans,
            ..Scan::default()
        }
    }

    /// [`Anchors::scan`] of the word `b[start..i]`, which passed the filter.
    #[inline(never)]
    pub(super) fn scan_word(
        &self,
        text: &str,
        (start, i): (usize, usize),
        mask: u8,
        attributing: bool,
        out: &mut Vec<(usize, u8)>,
        spans: &mut Vec<(usize, usize)>,
    ) {
        let b = text.as_bytes();
        let Some(w) = self.table.get_filtered(b, start, i) else {
            return;
        };
        let mut kinds = 0;
        for u in &self.uses[w] {
            if u.kind == ATTRIBUTING {
                if let (true, Some((before, after))) = (attributing, &u.around) {
                    if let (Some(s), Some(e)) = (
                        words_before_start(b, start, before),
                        words_after_end(b, i, after),
                    ) {
                        // Anchored on their longest word, phrases are
                        // found a little out of order: keep `spans` sorted.
                        let mut at = spans.len();
                        while at > 0 && spans[at - 1] > (s, e) {
                            at -= 1;
                        }
                        spans.insert(at, (s, e));
                    }
                }
                continue;
            }
            if (kinds | !mask) & u.kind != 0 {
                continue;
            }
            let ok = match &u.around {
                Some((before, after)) => words_before(b, start, before) && words_after(b, i, after),
                None => u.kind != self.it_kind || aux_follows(text, i),
            };
            if ok {
                kinds |= u.kind;
            }
        }
        if kinds != 0 {
            out.push((start, kinds));
        }
    }

    /// The sentences of `seg` that may match a pattern of `mask`, in order,
    /// from the document's [`Scan::hits`].
    pub(super) fn candidates(
        &self,
        hits: &[(usize, u8)],
        seg: &Segmented,
        mask: u8,
    ) -> Vec<Candidate> {
        let n = seg.sentences.len();
        let always = self.always & mask;
        let mut out: Vec<Candidate> = Vec::new();
        // With `always`, every sentence is a candidate: those before `next`
        // are listed.
        let mut next = 0;
        let mut si = 0;
        for (h, &(pos, kinds)) in hits.iter().enumerate() {
            let kinds = kinds & mask;
            if kinds == 0 {
                continue;
            }
            while si < n && seg.sentences[si].span.end <= pos {
                si += 1;
            }
            if !(si < n && seg.sentences[si].span.start <= pos) {
                continue;
            }
            if let Some(last) = out.last_mut().filter(|c| c.sentence == si) {
                last.kinds |= kinds;
                last.hits.end = h + 1;
                continue;
            }
            if always != 0 {
                out.extend((next..si).map(|sentence| Candidate {
                    sentence,
                    kinds: always,
                    hits: h..h,
                }));
            }
            out.push(Candidate {
                sentence: si,
                kinds: always | kinds,
                hits: h..h + 1,
            });
            next = si + 1;
        }
        if always != 0 {
            out.extend((next..n).map(|sentence| Candidate {
                sentence,
                kinds: always,
                hits: hits.len()..hits.len(),
            }));
        }
        out
    }

    /// Where in sentence `s` (at byte `base` of `b`) a match of the pattern
    /// of `kind` can start, given the sentence's hits: from `before` words
    /// before its first hit of that kind (a match holds one of its anchor
    /// words, at most that many words after its start) to its last.
    pub(super) fn bounds(
        &self,
        b: &[u8],
        span: &Range<usize>,
        hits: &[(usize, u8)],
        kind: u8,
        before: usize,
    ) -> (usize, usize) {
        if self.always & kind != 0 {
            return (0, span.len());
        }
        let mut of_kind = hits.iter().filter(|h| h.1 & kind != 0).map(|h| h.0);
        let Some(first) = of_kind.next() else {
            return (span.len(), 0);
        };
        let last = of_kind.next_back().unwrap_or(first);
        let mut from = first;
        for _ in 0..before {
            while from > span.start && !is_word_byte(b[from - 1]) {
                from -= 1;
            }
            while from > span.start && is_word_byte(b[from - 1]) {
                from -= 1;
            }
        }
        (from - span.start, last - span.start)
    }
}

/// A sentence that may match a claim or anonymous-source pattern.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    /// Index into [`Segmented::sentences`].
    pub(super) sentence: usize,
    /// The kinds of patterns it may match.
    pub(super) kinds: u8,
    /// Its anchor hits, as a range of [`Scan::hits`] (with hits of other
    /// kinds among them).
    pub(super) hits: Range<usize>,
}

/// Whether the whole ASCII words `words` (lower-cased) come right after
/// byte `pos` of `b`, each after ASCII whitespace.
#[inline]
pub(super) fn words_after(b: &[u8], pos: usize, words: &[Vec<u8>]) -> bool {
    words_after_end(b, pos, words).is_some()
}

/// Where the whole ASCII words `words` (lower-cased) end when they come
/// right after byte `pos` of `b`, each after ASCII whitespace.
#[inline]
pub(super) fn words_after_end(b: &[u8], mut pos: usize, words: &[Vec<u8>]) -> Option<usize> {
    for w in words {
        let mut start = pos;
        while start < b.len() && is_regex_space(b[start]) {
            start += 1;
        }
        // The word is `w` when its bytes are (they are then word bytes)
        // and no word byte follows.
        let end = start + w.len();
        if start == pos
            || !b.get(start..end).is_some_and(|x| x.eq_ignore_ascii_case(w))
            || b.get(end).is_some_and(|&c| is_word_byte(c))
        {
            return None;
        }
        pos = end;
    }
    Some(pos)
}

/// What one pass over a document's words found.
#[derive(Debug, Default)]
pub(super) struct Scan {
    /// Anchor hits: position and kinds (see [`Anchors::scan`]).
    pub(super) hits: Vec<(usize, u8)>,
    /// Where attributing phrases occur: from the start of each word that
    /// starts one to the end of the shortest such phrase, in order. Empty
    /// when not asked for.
    pub(super) attributing: Vec<(usize, usize)>,
    /// Where the last search of `attributing` ended ([`Scan::attributing_from`]):
    /// quotations are examined in order, so the next search starts near.
    pub(super) hint: std::cell::Cell<usize>,
}

impl Scan {
    /// The index of the first attributing phrase starting at or after
    /// byte `pos`: searched from the last one found, in steps that double,
    /// then by halves.
    pub(super) fn attributing_from(&self, pos: usize) -> usize {
        let spans = &self.attributing;
        let n = spans.len();
        let h = self.hint.get().min(n);
        let at = if h < n && spans[h].0 < pos {
            // Forward: every span before `lo` starts before `pos`.
            let (mut lo, mut step) = (h + 1, 1);
            loop {
                let hi = lo + step;
                if hi >= n || spans[hi].0 >= pos {
                    let hi = hi.min(n);
                    break lo + spans[lo..hi].partition_point(|s| s.0 < pos);
                }
                lo = hi + 1;
                step *= 2;
            }
        } else {
            // Backward: every span from `hi` on starts at or after `pos`.
            let (mut hi, mut step) = (h, 1);
            loop {
                let lo = hi.saturating_sub(step);
                if lo == 0 || spans[lo - 1].0 < pos {
                    break lo + spans[lo..hi].partition_point(|s| s.0 < pos);
                }
                hi = lo;
                step *= 2;
            }
        };
        self.hint.set(at);
        at
    }
}

/// Where the whole ASCII words `words` (lower-cased) start when they come
/// right before byte `pos` of `b`, each followed by ASCII whitespace.
#[inline]
pub(super) fn words_before_start(b: &[u8], pos: usize, words: &[Vec<u8>]) -> Option<usize> {
    let mut start = pos;
    words_before_from(b, &mut start, words).then_some(start)
}

/// Whether the whole ASCII words `words` (lower-cased) come right before
/// byte `pos` of `b`, each followed by ASCII whitespace.
#[inline]
pub(super) fn words_before(b: &[u8], mut pos: usize, words: &[Vec<u8>]) -> bool {
    words_before_from(b, &mut pos, words)
}

/// [`words_before`], moving `pos` to the start of the words.
#[inline]
pub(super) fn words_before_from(b: &[u8], pos: &mut usize, words: &[Vec<u8>]) -> bool {
    words.iter().rev().all(|w| {
        let mut end = *pos;
        while end > 0 && is_regex_space(b[end - 1]) {
            end -= 1;
        }
        // As in `words_after_end`: the bytes, and no word byte before.
        let Some(start) = end.checked_sub(w.len()) else {
            return false;
        };
        let ok = end < *pos
            && b[start..end].eq_ignore_ascii_case(w)
            && !(start > 0 && is_word_byte(b[start - 1]));
        *pos = start;
        ok
    })
}

/// Whether `\s+(?:is|was|has\s+been|had\s+been)\s` follows byte `pos`
/// under `(?i)`, where `ſ` folds to `s` (and the Kelvin sign to `k`).
pub(super) fn aux_follows(text: &str, pos: usize) -> bool {
    /// A folded word of up to four bytes and its length.
    type Folded = Option<([u8; 4], usize)>;
    /// Skips whitespace (at least one) and folds the word after it (only
    /// words of up to four characters are kept: longer ones are `None`).
    pub(super) fn next_word(s: &str) -> Option<(Folded, &str)> {
        let t = s.trim_start();
        if t.len() == s.len() {
            return None;
        }
        let mut word = [0u8; 4];
        let mut n = 0;
        let mut end = t.len();
        for (i, c) in t.char_indices() {
            let folded = match c {
                '\u{17F}' => b's',
                '\u{212A}' => b'k',
                c if c.is_ascii_alphanumeric() || c == '_' => (c as u8).to_ascii_lowercase(),
                _ => {
                    end = i;
                    break;
                }
            };
            if n < word.len() {
                word[n] = folded;
            }
            n += 1;
        }
        Some(((n <= word.len()).then_some((word, n)), &t[end..]))
    }
    // Most words after ASCII whitespace are rejected on their first
    // letter: every auxiliary starts with `i`, `w` or `h`, which no other
    // character folds to.
    let b = text.as_bytes();
    let mut i = pos;
    while i < b.len() && is_regex_space(b[i]) {
        i += 1;
    }
    match b.get(i) {
        None => return false,
        Some(&c) if c < 0x80 && (i == pos || !matches!(c | 0x20, b'i' | b'w' | b'h')) => {
            return false
        }
        _ => {}
    }
    let is = |w: Folded, x: &[u8]| w.is_some_and(|(w, n)| &w[..n] == x);
    let Some((aux, rest)) = next_word(&text[pos..]) else {
        return false;
    };
    let rest = if is(aux, b"is") || is(aux, b"was") {
        rest
    } else if is(aux, b"has") || is(aux, b"had") {
        match next_word(rest) {
            Some((been, rest)) if is(been, b"been") => rest,
            _ => return false,
        }
    } else {
        return false;
    };
    rest.starts_with(char::is_whitespace)
}
