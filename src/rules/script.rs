//! `stray-script`: letters in a script the publication does not expect, such
//! as `커뮤니티` pasted into an English sentence.
//!
//! Scripts are tested with Unicode Script_Extensions; Common and Inherited
//! characters (digits, punctuation, `ʻ`, `’`, combining marks, emoji) are never
//! stray, and accented Latin is Latin. Adjacent foreign characters — and
//! foreign words separated only by spaces — are one finding.
//!
//! Not flagged: a gloss inside parentheses or brackets (`Yoon Suk Yeol (윤석열)`,
//! `(Chinese: 汶川大地震; pinyin: …)`; a bare Hangul token needs a name or term
//! before it, `script_gloss`), a foreign word followed by its
//! transliteration in parentheses (`λόγος (logos)`), a single Greek letter
//! used as a symbol (`β-blocker`, `5 μm`) and accepted tokens.

use crate::diagnostic::{Finding, Span};
use crate::rules::context::NonAscii;
use crate::rules::{hangul_or_han, Claims, Context};
use crate::words::{is_letter, run_after, run_before, Word};
use std::collections::HashSet;
use unicode_script::{Script, ScriptExtension, UnicodeScript};

/// Options of a `stray-script` rule.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct StrayOptions {
    /// Leave glosses in parentheses or brackets alone.
    pub allow_glosses: bool,
    /// Leave one or two Greek letters alone (symbols: `β`, `μ`, `Δ`, `γδ`).
    pub allow_greek_symbols: bool,
}

impl Default for StrayOptions {
    fn default() -> Self {
        StrayOptions {
            allow_glosses: true,
            allow_greek_symbols: true,
        }
    }
}

/// The scripts a publication expects, as one Script_Extensions set.
#[derive(Clone, Copy, Debug)]
pub struct Expected {
    pub set: ScriptExtension,
}

impl Expected {
    pub fn new(scripts: &[Script]) -> Expected {
        let mut set: Option<ScriptExtension> = None;
        for &s in scripts {
            let e: ScriptExtension = s.into();
            set = Some(match set {
                Some(acc) => acc.union(e),
                None => e,
            });
        }
        Expected {
            set: set.unwrap_or_else(|| Script::Latin.into()),
        }
    }

    /// True for a letter, digit or mark of a script that is not expected.
    pub fn is_foreign(&self, c: char) -> bool {
        let ext = script_extension(c);
        if ext.is_common() || ext.is_inherited() || ext.is_empty() {
            return false;
        }
        ext.intersection(self.set).is_empty()
    }
}

/// `c.script_extension()` and `c.script()`, answered at once for
/// [`hangul_or_han`].
fn script_extension(c: char) -> ScriptExtension {
    hangul_or_han(c).map_or_else(|| c.script_extension(), ScriptExtension::from)
}

fn script_of(c: char) -> Script {
    hangul_or_han(c).unwrap_or_else(|| c.script())
}

/// Parse a script name as written in config (`Latin`, `Hangul`, `Han`, `Cyrillic`…).
pub fn parse_script(name: &str) -> Option<Script> {
    let name = name.trim();
    Script::from_full_name(name)
        .or_else(|| Script::from_short_name(name))
        .or_else(|| {
            KNOWN
                .iter()
                .find(|s| s.full_name().eq_ignore_ascii_case(name))
                .copied()
        })
}

const KNOWN: [Script; 16] = [
    Script::Latin,
    Script::Hangul,
    Script::Han,
    Script::Hiragana,
    Script::Katakana,
    Script::Cyrillic,
    Script::Greek,
    Script::Arabic,
    Script::Hebrew,
    Script::Devanagari,
    Script::Thai,
    Script::Armenian,
    Script::Georgian,
    Script::Bengali,
    Script::Tamil,
    Script::Ethiopic,
];

fn is_open(c: char) -> Option<char> {
    Some(match c {
        '(' => ')',
        '[' => ']',
        '（' => '）',
        '【' => '】',
        '{' => '}',
        '⟨' => '⟩',
        '「' => '」',
        '《' => '》',
        _ => return None,
    })
}

fn is_close(c: char) -> bool {
    matches!(c, ')' | ']' | '）' | '】' | '}' | '⟩' | '」' | '》')
}

/// The stray-script rule's tuning: `[options.stray-script]` in the packs
/// (`rules/unicode.toml` states every key; a house pack replaces or extends
/// them).
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct StrayTuning {
    /// Language and script names that, just before a foreign token, show it
    /// is cited on purpose (`the Greek στέμματα`, `Korean: 서울`), lower case.
    pub language_cues: Vec<String>,
    /// Nouns and verbs that introduce a cited form up to three words before
    /// it (`the character 侍`, `the term "крестьяне"`), lower case.
    pub mention_cues: Vec<String>,
    /// Words right after a token that show it is being glossed
    /// (`αἰαῖ, meaning alas`), lower case.
    pub gloss_followers: Vec<String>,
    /// How many characters on each side a bracket pair around a token is
    /// looked for.
    pub bracket_window: usize,
    /// The longest run (in characters) that a Latin word beside it can gloss.
    pub gloss_max_chars: usize,
    /// The most words, and characters, of a run `--fix` deletes; a longer
    /// run (a passage to translate or cut) is a suggestion only.
    pub safe_delete_words: usize,
    pub safe_delete_chars: usize,
    /// Function words and verbs that, on both sides of a token, show it
    /// fills a grammatical slot (`the 커뮤니티 said`): deleting it is then
    /// a suggestion, not a safe fix. Lower case; a past form in -ed counts
    /// as a verb.
    pub slot_words: Vec<String>,
    /// Common Korean surnames and syllables of given names: a stray Hangul
    /// token of a surname and two of these (`윤석열`) is read as a personal
    /// name and offered in romanization rather than deleted.
    pub name_surnames: Vec<String>,
    pub name_syllables: Vec<String>,
    /// Scripts in which a bare bracketed word after a common lower-case
    /// noun is stray, not a gloss (`The ministry (커뮤니티) said`).
    pub bare_gloss_scripts: Vec<String>,
    /// `bare_gloss_scripts`, parsed once ([`StrayTuning::validated`]).
    #[serde(skip)]
    bare_gloss: Vec<Script>,
}

impl StrayTuning {
    /// The shipped packs' tuning.
    pub fn shipped() -> StrayTuning {
        crate::rules::options::Options::shipped()
            .family("stray-script")
            .and_then(StrayTuning::validated)
            .expect("the shipped packs tune stray-script")
    }

    /// Check what the types do not (an error names the option), and parse
    /// the script names once.
    pub fn validated(mut self) -> Result<StrayTuning, String> {
        self.bare_gloss = self
            .bare_gloss_scripts
            .iter()
            .map(|n| {
                parse_script(n).ok_or_else(|| {
                    format!(
                        "`options.stray-script.bare-gloss-scripts`: `{n}` is not a script name (`Hangul`, `Han`, `Cyrillic` …)"
                    )
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(self)
    }

    /// Whether a bare bracketed word in `script` after a common noun is
    /// stray (`bare-gloss-scripts`).
    pub(super) fn bare_gloss_stray(&self, script: Script) -> bool {
        self.bare_gloss.contains(&script)
    }
}

fn listed(list: &[String], w: &str) -> bool {
    list.iter().any(|x| x == w)
}

/// Whether `span` sits inside a bracket pair on its own line, within `window`
/// characters on each side.
fn inside_brackets(text: &str, span: Span, window: usize) -> bool {
    let mut depth = 0i32;
    let mut want = None;
    for (n, c) in text[..span.start].chars().rev().enumerate() {
        if c == '\n' || n > window {
            return false;
        }
        if is_close(c) {
            depth += 1;
        } else if let Some(close) = is_open(c) {
            if depth == 0 {
                want = Some(close);
                break;
            }
            depth -= 1;
        }
    }
    let Some(want) = want else {
        return false;
    };
    let mut depth = 0i32;
    for (n, c) in text[span.end..].chars().enumerate() {
        if c == '\n' || n > window {
            return false;
        }
        if is_open(c).is_some() {
            depth += 1;
        } else if is_close(c) {
            if depth == 0 {
                return c == want;
            }
            depth -= 1;
        }
    }
    false
}

/// `λόγος (logos)`: the foreign word is followed by a Latin transliteration.
fn followed_by_transliteration(text: &str, span: Span) -> bool {
    let rest = text[span.end..].trim_start_matches([' ', '\u{a0}', ',']);
    let Some(inner) = rest.strip_prefix(['(', '[']) else {
        return false;
    };
    inner
        .chars()
        .find(|c| !matches!(c, '"' | '\'' | '“' | '‘' | ' ' | '*' | '_'))
        .is_some_and(|c| c.is_alphabetic() && c.script() == Script::Latin)
}

/// How far around a token its mention cues are looked for, in bytes.
const CUE_WINDOW: usize = 256;

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Whether one of the few words before `span` (on the same line) is a mention cue,
/// or the token follows a code point (`U+A015 ꀕ`).
fn has_mention_cue(text: &str, span: Span, tuning: &StrayTuning) -> bool {
    // Only a few words around the token count: look no further than
    // `CUE_WINDOW` bytes each way, so a long line costs what its tokens do.
    let lo = floor_char_boundary(text, span.start.saturating_sub(CUE_WINDOW));
    let newline = text[lo..span.start].rfind('\n');
    let line_start = newline.map_or(lo, |i| lo + i + 1);
    // Start from the whole word when the token is fused to Latin letters (`Slavic zelenъ`).
    let word_start = line_start
        + run_before(
            &text[line_start..span.start],
            span.start - line_start,
            is_letter,
        );
    let is_sep = |c: char| !(c.is_alphanumeric() || c == '+');
    let mut before = &text[line_start..word_start];
    // A window that starts inside a line may cut its first word: drop the piece.
    if newline.is_none() && lo > 0 {
        before = before.find(is_sep).map_or("", |i| &before[i..]);
    }
    let words: Vec<&str> = before
        .split(is_sep)
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .collect();
    if words.first().is_some_and(|w| w.starts_with("U+")) {
        return true;
    }
    // A language name right before the token (`Russian: Трансформатор`), or a
    // citing noun up to three words before (`the character 侍`, `movies such as Λατέρνα`).
    let lower: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
    // A language name may also stand before a capitalised transliteration
    // (`Arabic Qanun / قانون`), but not before ordinary words (`Chinese leader 习近平`).
    let language_before = lower.iter().enumerate().take(3).any(|(k, w)| {
        listed(&tuning.language_cues, w)
            && words[..k]
                .iter()
                .all(|x| x.chars().next().is_some_and(char::is_uppercase))
    });
    if language_before
        || lower
            .iter()
            .take(3)
            .any(|w| listed(&tuning.mention_cues, w))
    {
        return true;
    }
    // A reconstructed form: `Proto-Slavic *Slověninъ`.
    if text[..word_start].ends_with('*') {
        return true;
    }
    let hi = ceil_char_boundary(text, (span.end + CUE_WINDOW).min(text.len()));
    let is_sep = |c: char| !c.is_alphanumeric() && c != '.';
    let after = match text[span.end..hi].find('\n') {
        Some(o) => &text[span.end..span.end + o],
        // A window that ends inside a line may cut its last word: drop the piece.
        None if hi < text.len() => {
            let a = &text[span.end..hi];
            a.rfind(is_sep).map_or("", |i| &a[..i])
        }
        None => &text[span.end..hi],
    };
    after
        .split(is_sep)
        .filter(|w| !w.is_empty())
        .take(2)
        .any(|w| {
            listed(
                &tuning.gloss_followers,
                &w.trim_end_matches('.').to_ascii_lowercase(),
            )
        })
}

/// `河 hé`, `像 xiàng`: a Han token followed by a pinyin syllable with a tone mark.
fn followed_by_pinyin(text: &str, span: Span) -> bool {
    if !text[span.range()]
        .chars()
        .any(|c| c.script() == Script::Han)
    {
        return false;
    }
    let rest = text[span.end..].trim_start_matches([' ', '\u{a0}', ',']);
    rest[..run_after(rest, 0, is_letter)]
        .chars()
        .any(|c| "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ".contains(c))
}

/// Lowercase ASCII transliteration of Greek, Cyrillic and Hangul, for
/// comparing a foreign token with the Latin word after it.
fn transliterate(token: &str) -> Option<String> {
    if crate::hangul::contains_hangul(token) {
        return Some(crate::hangul::romanize_rr(token));
    }
    let mut out = String::new();
    let mut prev = ' ';
    for c in token.chars().flat_map(char::to_lowercase) {
        // Upsilon is `u` in the diphthongs αυ, ευ, ου, `y` elsewhere.
        let diphthong = matches!(prev, 'α' | 'ε' | 'ο' | 'η');
        prev = c;
        let t = match c {
            'υ' | 'ύ' if diphthong => "u",
            'α' | 'ά' | 'ἀ' | 'ἁ' | 'ᾶ' | 'а' => "a",
            'β' | 'б' => "b",
            'γ' | 'г' | 'ґ' => "g",
            'δ' | 'д' => "d",
            'ε' | 'έ' | 'ἐ' | 'е' | 'є' | 'э' => "e",
            'ζ' | 'з' => "z",
            'η' | 'ή' | 'ῆ' | 'ι' | 'ί' | 'ῖ' | 'и' | 'і' | 'ї' | 'й' => "i",
            'θ' => "th",
            'κ' | 'к' => "k",
            'λ' | 'л' => "l",
            'μ' | 'м' => "m",
            'ν' | 'н' => "n",
            'ξ' => "x",
            'ο' | 'ό' | 'ὀ' | 'ω' | 'ώ' | 'ῶ' | 'о' => "o",
            'π' | 'п' => "p",
            'ρ' | 'р' => "r",
            'σ' | 'ς' | 'с' => "s",
            'τ' | 'т' => "t",
            'υ' | 'ύ' | 'ῦ' => "y",
            'у' | 'ў' => "u",
            'φ' | 'ф' => "f",
            'χ' | 'х' => "kh",
            'ψ' => "ps",
            'в' => "v",
            'ж' => "zh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' | 'щ' => "sh",
            'ы' => "y",
            'ю' => "yu",
            'я' => "ya",
            'ё' => "e",
            'ѣ' => "e",
            'ъ' | 'ь' | '\u{301}' | '-' => "",
            c if c.is_alphabetic() => return None,
            _ => "",
        };
        out.push_str(t);
    }
    Some(out)
}

/// Fold romanization differences: voicing, aspiration, vowels that vary.
fn fold_roman(s: &str) -> String {
    let plain: String = s
        .chars()
        .filter_map(|c| {
            let base = match c {
                'à'..='å' | 'ā' | 'ǎ' => 'a',
                'è'..='ë' | 'ē' | 'ě' => 'e',
                'ì'..='ï' | 'ī' | 'ǐ' => 'i',
                'ò'..='ö' | 'ō' | 'ǒ' | 'ŏ' => 'o',
                'ù'..='ü' | 'ū' | 'ǔ' | 'ŭ' => 'u',
                'č' => 'c',
                'š' => 's',
                'ž' => 'z',
                c => c.to_ascii_lowercase(),
            };
            base.is_ascii_alphabetic().then_some(base)
        })
        .collect();
    plain
        .replace("ph", "f")
        .replace("kh", "k")
        .replace("ch", "k")
        .replace('g', "k")
        .replace('d', "t")
        .replace(['b', 'v'], "p")
        .replace('j', "y")
        .replace("eo", "o")
        .replace("eu", "u")
        .replace(['h', 'y', 'j'], "")
}

/// `Σκλάβοι Sklaboi`, `기독교도, Kidok-kyo-do`, `mauron, μαύρον`: the Latin word
/// after (or before) the token is its transliteration.
fn beside_own_transliteration(text: &str, span: Span, max_chars: usize) -> bool {
    // A passage is no gloss of one word, even when the Latin word beside it
    // shares its first letters.
    if text[span.range()].chars().nth(max_chars).is_some() {
        return false;
    }
    let Some(translit) = transliterate(&text[span.range()]) else {
        return false;
    };
    let is_word = |c: char| is_letter(c) || c == '-' || c == '\'';
    let rest = text[span.end..].trim_start_matches([' ', ',', '\u{a0}', '"', '\'', '“']);
    let next = &rest[..run_after(rest, 0, is_word)];
    let head = text[..span.start].trim_end_matches([' ', ',', '\u{a0}', '"', '\'', '“', '/']);
    let prev = &head[run_before(head, head.len(), is_word)..];
    similar_romanization(&translit, next) || similar_romanization(&translit, prev)
}

fn similar_romanization(translit: &str, latin: &str) -> bool {
    let (a, b) = (fold_roman(translit), fold_roman(latin));
    if a.len() < 2 || b.len() < 2 {
        return false;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common >= 3.min(a.len()).min(b.len())
}

/// The runs of foreign characters in `text`, merged across spaces.
fn foreign_runs(text: &str, non_ascii: &NonAscii, expected: &Expected) -> Vec<Span> {
    let mut runs: Vec<Span> = Vec::new();
    let mut cursor = non_ascii.cursor();
    let mut from = 0;
    while let Some((i, c)) = cursor.next_char(text, from) {
        if !expected.is_foreign(c) {
            from = i + c.len_utf8();
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        // Extend over foreign letters, marks, and joining punctuation between them.
        let mut j = end;
        for (o, ch) in text[end..].char_indices() {
            let at = end + o;
            if expected.is_foreign(ch) || script_of(ch) == Script::Inherited {
                j = at + ch.len_utf8();
                continue;
            }
            if ch == '-'
                && text[at + 1..]
                    .chars()
                    .next()
                    .is_some_and(|n| expected.is_foreign(n))
            {
                continue;
            }
            if ch.is_alphanumeric() || ch.is_whitespace() || ch.is_ascii() {
                break;
            }
            if is_open(ch).is_some() || is_close(ch) {
                break;
            }
            // Common punctuation such as `·` or `ー`: keep going; trimmed below.
        }
        end = end.max(j);
        let span = Span::new(start, end);
        // Merge with the previous run if only spaces separate them.
        if let Some(last) = runs.last_mut() {
            let gap = &text[last.end..span.start];
            if !gap.is_empty()
                && gap
                    .chars()
                    .all(|g| g == ' ' || g == '\u{a0}' || g == '\u{3000}')
            {
                last.end = span.end;
                from = end;
                continue;
            }
        }
        runs.push(span);
        from = end;
    }
    runs
}

/// The `stray-script` matcher.
pub fn check_document(cx: &Context, opts: &StrayOptions) -> Vec<Finding> {
    if cx.non_ascii().is_empty() {
        return Vec::new();
    }
    let tuning = cx.engine.stray_tuning();
    let mut found = check(
        cx.text,
        cx.non_ascii(),
        &cx.settings.expected,
        &cx.settings.accept,
        &cx.claims(),
        opts,
        tuning,
    );
    // Where markup was blanked, the fix is made against the text itself
    // (so `**커뮤니티**` or a link's text is not left empty).
    if !std::ptr::eq(cx.text, &*cx.source.text) {
        for f in &mut found {
            if let Some(fix) = f.fix.take() {
                let short = fix.applicability != crate::diagnostic::Applicability::DisplayOnly;
                f.fix = Some(super::stray_fix::deletion(
                    &cx.source.text,
                    f.span,
                    fix.title,
                    short,
                    tuning,
                ));
            }
        }
    }
    super::stray_name::render_names(cx, &mut found);
    found
}

/// Check `text` (the prose mask), whose non-ASCII runs are `non_ascii`.
pub fn check(
    text: &str,
    non_ascii: &NonAscii,
    expected: &Expected,
    accept: &HashSet<String>,
    claims: &Claims,
    opts: &StrayOptions,
    tuning: &StrayTuning,
) -> Vec<Finding> {
    // Candidates after the token-level exemptions, with whether each is a deliberate mention.
    let mut candidates: Vec<(Span, bool)> = Vec::new();
    for run in foreign_runs(text, non_ascii, expected) {
        if claims.overlaps(run) {
            continue;
        }
        let token = &text[run.range()];
        if accept.contains(token) {
            continue;
        }
        let first = token.chars().next().expect("non-empty run");
        // One or two Greek letters are symbols (`β-blocker`, `5 μm`, `γδ T cells`).
        if opts.allow_greek_symbols && first.script() == Script::Greek && token.chars().count() <= 2
        {
            continue;
        }
        let mentioned = opts.allow_glosses
            && ((inside_brackets(text, run, tuning.bracket_window)
                && super::script_gloss::has_subject(text, run, |c| {
                    tuning.bare_gloss_stray(script_of(c))
                }))
                || followed_by_transliteration(text, run)
                || beside_own_transliteration(text, run, tuning.gloss_max_chars)
                || followed_by_pinyin(text, run)
                || has_mention_cue(text, run, tuning));
        candidates.push((run, mentioned));
    }
    // Context across runs of one line (paragraph):
    // - a line that cites at least two foreign forms deliberately is discussing
    //   language, and none of its forms is stray; one gloss is not enough
    //   (`Yoon Suk Yeol (윤석열) met …, 커뮤니티 and` still has a stray token);
    // - a run that continues a list after a deliberate one (`Λατέρνα, Φτώχεια`,
    //   `河 hé "river", 湖 hú`) is deliberate too;
    // - a word holding three or more foreign runs is an alphabet or a demonstration.
    let mut out = Vec::new();
    let mut i = 0;
    while i < candidates.len() {
        let line_end = text[candidates[i].0.end..]
            .find('\n')
            .map_or(text.len(), |o| candidates[i].0.end + o);
        let j = i + candidates[i..]
            .iter()
            .take_while(|(s, _)| s.start < line_end)
            .count();
        let group = &mut candidates[i..j];
        let discussing = opts.allow_glosses && group.iter().filter(|(_, m)| *m).count() >= 2;
        if opts.allow_glosses {
            for k in 1..group.len() {
                if group[k - 1].1 && !group[k].1 && continues_list(text, group[k - 1].0, group[k].0)
                {
                    group[k].1 = true;
                }
            }
            // The runs are sorted: those starting inside a word are a
            // slice of them, found by two binary searches.
            for k in 0..group.len() {
                let word = Word::marked().around(text, group[k].0.start);
                let first = group.partition_point(|(s, _)| s.start < word.start);
                let after = group.partition_point(|(s, _)| s.start < word.end);
                if after - first >= 3 {
                    group[k].1 = true;
                }
            }
        }
        for &(run, mentioned) in group.iter() {
            if !mentioned && !discussing {
                let script = text[run.range()]
                    .chars()
                    .next()
                    .map_or(Script::Unknown, |c| c.script());
                out.push(finding(text, run, script, tuning));
            }
        }
        i = j;
    }
    out
}

/// Whether `next` continues a list after `prev`: between them only list
/// separators, parenthesised asides and at most two Latin words (a
/// transliteration or a translation).
fn continues_list(text: &str, prev: Span, next: Span) -> bool {
    let gap = &text[prev.end..next.start];
    if gap.len() > 120 {
        return false;
    }
    let mut depth = 0;
    let mut kept = String::new();
    for c in gap.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = (depth - 1i32).max(0),
            _ if depth == 0 => kept.push(c),
            _ => {}
        }
    }
    let separators = kept.contains([',', '/', ';', '、', '·'])
        || kept.split_whitespace().any(|w| w == "or" || w == "and");
    let words = kept
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && *w != "or" && *w != "and")
        .count();
    separators && words <= 2
}

fn finding(text: &str, run: Span, script: Script, tuning: &StrayTuning) -> Finding {
    let token = &text[run.range()];
    let mut scripts: Vec<&str> = Vec::new();
    for c in token.chars() {
        let s = c.script();
        if !matches!(s, Script::Common | Script::Inherited) && !scripts.contains(&s.full_name()) {
            scripts.push(s.full_name());
        }
    }
    if scripts.is_empty() {
        // Only combining marks: name the script they belong with (Script_Extensions).
        let ext = token.chars().next().map(|c| c.script_extension());
        let named = ext.and_then(|e| e.iter().next()).unwrap_or(script);
        scripts.push(named.full_name());
    }
    // A pasted passage is quoted by its start, with its length.
    let chars = token.chars().count();
    let shown = crate::diagnostic::excerpt(token, SHOWN_CHARS);
    // (What `shown` quotes, without the `…` an excerpt ends in.)
    let head = if chars > SHOWN_CHARS {
        shown.trim_end_matches('…')
    } else {
        token
    };
    let gloss = if crate::hangul::contains_hangul(head) {
        format!(" (≈ \"{}\")", crate::hangul::romanize_rr(head))
    } else {
        String::new()
    };
    let size = if chars > SHOWN_CHARS {
        format!(" ({chars} characters)")
    } else {
        String::new()
    };
    let message = format!(
        "stray {} text `{shown}`{gloss}{size} in the middle of the copy",
        scripts.join("/")
    );
    let title = format!("delete `{shown}`");
    // A stray word or two may be deleted; a longer run is more likely a
    // passage someone must translate or cut, and is left to the editor.
    let short = token.split_whitespace().count() <= tuning.safe_delete_words
        && chars <= tuning.safe_delete_chars;
    let fix = super::stray_fix::deletion(text, run, title, short, tuning);
    Finding::new(run, message).with_fix(fix)
}

/// How many characters of a run a message quotes.
const SHOWN_CHARS: usize = 40;

#[cfg(test)]
mod tests {
    use super::*;

    fn latin() -> Expected {
        Expected::new(&[Script::Latin])
    }

    fn found_with(text: &str, expected: &Expected) -> Vec<String> {
        check(
            text,
            &NonAscii::new(text),
            expected,
            &HashSet::new(),
            &Claims::default(),
            &StrayOptions::default(),
            &StrayTuning::shipped(),
        )
        .into_iter()
        .map(|f| text[f.span.range()].to_string())
        .collect()
    }

    fn found(text: &str) -> Vec<String> {
        found_with(text, &latin())
    }

    #[test]
    fn flags_pasted_korean() {
        assert_eq!(
            found("New Zealand, 커뮤니티 shared his concerns"),
            ["커뮤니티"]
        );
        assert_eq!(found("Xi 习近平 said"), ["习近平"]);
        assert_eq!(found("text 서울 커뮤니티 more"), ["서울 커뮤니티"]);
        assert_eq!(found("glued Englishس word"), ["س"]);
    }

    /// The fast answers, against the crate, on every character they cover.
    #[test]
    fn fast_scripts_agree_with_the_crate() {
        for c in ('\u{ac00}'..='\u{d7a3}').chain('\u{4e00}'..='\u{9fff}') {
            assert_eq!(script_extension(c), c.script_extension(), "{c:?}");
            assert_eq!(script_of(c), c.script(), "{c:?}");
        }
    }

    #[test]
    fn message_transliterates_hangul() {
        let f = check(
            "a 커뮤니티 b",
            &NonAscii::new("a 커뮤니티 b"),
            &latin(),
            &HashSet::new(),
            &Claims::default(),
            &StrayOptions::default(),
            &StrayTuning::shipped(),
        );
        assert!(f[0].message.contains("keomyuniti"), "{}", f[0].message);
        assert!(f[0].message.contains("Hangul"));
    }

    /// Drafts written for this test: a stray word, a pasted Korean passage
    /// and a Chinese sentence (no spaces) in English copy.
    #[test]
    fn long_runs_are_quoted_by_their_start_and_not_deleted_by_fix() {
        use crate::diagnostic::Applicability::{DisplayOnly, Safe};
        let one = |text: &str| {
            let f = check(
                text,
                &NonAscii::new(text),
                &latin(),
                &HashSet::new(),
                &Claims::default(),
                &StrayOptions::default(),
                &StrayTuning::shipped(),
            );
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            let fix = f[0].fix.clone().expect("a fix");
            (f[0].message.clone(), fix.title, fix.applicability)
        };
        // A stray word: the whole of it, and `--fix` deletes it.
        let (message, title, how) = one("The 커뮤니티 guidelines changed.");
        assert!(
            message.contains("`커뮤니티` (≈ \"keomyuniti\")"),
            "{message}"
        );
        assert_eq!((title.as_str(), how), ("delete `커뮤니티`", Safe));
        // A passage of 30 words: its first 40 characters and its length.
        let passage = "커뮤니티 ".repeat(30);
        let (message, title, how) = one(&format!(
            "The rules said: {} and so on.",
            passage.trim_end()
        ));
        let start = "커뮤니티 ".repeat(8);
        assert!(
            message.contains(&format!("`{}…`", start.trim_end())),
            "{message}"
        );
        assert!(message.contains("(149 characters)"), "{message}");
        assert!(
            !message.contains(&passage.trim_end()[..start.len() + 3]),
            "{message}"
        );
        assert_eq!(how, DisplayOnly, "{title}");
        // Four words, or one long unspaced sentence: left to the editor.
        let (_, _, how) = one("The 커뮤니티 가이드 라인 변경 rules changed.");
        assert_eq!(how, DisplayOnly);
        let (_, _, how) =
            one("The 中华人民共和国外交部发言人今天在例行记者会上表示关切 rules changed.");
        assert_eq!(how, DisplayOnly);
        let (_, _, how) = one("The 外交部 rules changed.");
        assert_eq!(how, Safe);
        // A passage is no gloss of the Latin word after it, whatever its
        // first letters; one word beside its transliteration is.
        let passage = "커뮤니티 ".repeat(12);
        one(&format!(
            "The {} Keomyuniti rules changed.",
            passage.trim_end()
        ));
        assert!(found("The 커뮤니티 Keomyuniti rules changed.").is_empty());
    }

    #[test]
    fn leaves_glosses_and_symbols_alone() {
        for ok in [
            "Yoon Suk Yeol (윤석열) said",
            "kimchi [김치] is",
            "Wenchuan earthquake (Chinese: 汶川大地震; pinyin: Wènchuān dà dìzhèn)",
            "λόγος (logos) means word",
            "a β-blocker and 5 μm",
            "São Paulo, Pʻyŏngyang, Đoàn, don’t",
            "emoji 🎉 and digits 42",
            "Korean: 서울",
        ] {
            assert!(found(ok).is_empty(), "{ok}: {:?}", found(ok));
        }
    }

    #[test]
    fn a_gloss_does_not_excuse_a_stray_token_in_the_same_paragraph() {
        assert_eq!(
            found("President Yoon Suk Yeol (윤석열) met NATO leaders on Wednesday, 커뮤니티 and left."),
            ["커뮤니티"]
        );
        assert_eq!(
            found("Chinese state media quoted 习近平 as saying"),
            ["习近平"]
        );
    }

    #[test]
    fn deliberate_forms_in_running_text() {
        for ok in [
            // Sources: sentences modelled on English Wikipedia articles in the shared corpus.
            "from the Greek roots ὀξύς oxys, \"acid\"",
            "Procopius refers to the Σκλάβοι Sklaboi, Σκλαβηνοί Sklabēnoi, or Σκλαβῖνοι Sklabinoi.",
            "Examples are 河 hé \"river\", 湖 hú \"lake\", 流 liú \"stream\".",
            "the character 侍 was originally a verb",
            "Greek kanon / Ancient Greek: κανών, Arabic Qanun / قانون, Hebrew kaneh / קנה, \"straight\"",
            "Notable films were Η κάλπικη λίρα (1955, directed by Giorgos Tzavellas), Πικρό Ψωμί (1951).",
            "reconstructed in Proto-Slavic as *Slověninъ, plural *Slověne",
            "the interjection αἰαῖ, meaning alas",
            "the Greek mauron, μαύρον, which is the Greek word for black",
            "an alphabet such as ABБCГDΔΕZЄЗFΦGHIИJ…Z",
        ] {
            assert!(found(ok).is_empty(), "{ok}: {:?}", found(ok));
        }
    }

    #[test]
    fn korean_desk_expects_hangul_and_latin() {
        let korean = Expected::new(&[Script::Latin, Script::Hangul]);
        assert!(found_with("윤석열 대통령은 NATO 정상회의에서", &korean).is_empty());
        assert_eq!(found_with("윤석열 Москва", &korean), ["Москва"]);
    }

    #[test]
    fn accept_list() {
        let accept: HashSet<String> = ["커뮤니티".to_string()].into();
        let f = check(
            "a 커뮤니티 b",
            &NonAscii::new("a 커뮤니티 b"),
            &latin(),
            &accept,
            &Claims::default(),
            &StrayOptions::default(),
            &StrayTuning::shipped(),
        );
        assert!(f.is_empty());
    }

    #[test]
    fn script_names_parse() {
        assert_eq!(parse_script("Hangul"), Some(Script::Hangul));
        assert_eq!(parse_script("latin"), Some(Script::Latin));
        assert_eq!(parse_script("Hang"), Some(Script::Hangul));
        assert_eq!(parse_script("Klingon"), None);
    }
}
