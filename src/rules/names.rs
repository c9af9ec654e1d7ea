//! Name romanization rules.
//!
//! * `name-romanization`: one person or place spelled two ways in one draft
//!   (consistency, the default), or spelled otherwise than the house style
//!   (`Options::house_style`). Names come from an entity table matched with
//!   one Aho-Corasick automaton built once ([`NameIndex::build`]), and, with
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
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use serde::Deserialize;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntityFile {
    #[serde(default)]
    entity: Vec<Entity>,
}

/// The entity index of an engine, built on first use: a run whose rules
/// never need names does not pay for it.
#[derive(Debug)]
pub struct LazyIndex {
    entities: Vec<Entity>,
    index: OnceLock<Result<NameIndex, String>>,
}

impl LazyIndex {
    pub fn new(entities: Vec<Entity>) -> LazyIndex {
        LazyIndex {
            entities,
            index: OnceLock::new(),
        }
    }

    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    pub fn get(&self) -> Result<&NameIndex, &str> {
        self.index
            .get_or_init(|| NameIndex::build(&self.entities))
            .as_ref()
            .map_err(String::as_str)
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

/// The entity table compiled once: one automaton over every form, a side
/// table back to the entity, and folded keys of every form and of the
/// readings of each native name.
#[derive(Debug, Clone)]
pub struct NameIndex {
    entities: Vec<Entity>,
    matcher: Option<AhoCorasick>,
    pattern_entity: Vec<usize>,
    pattern_form: Vec<String>,
    key_entity: HashMap<String, usize>,
    native_entity: HashMap<String, usize>,
}

impl NameIndex {
    /// Build the index. Errors on an empty name, an unknown kind, or a form
    /// that belongs to two entities.
    pub fn build(entities: &[Entity]) -> Result<NameIndex, String> {
        let mut owner: HashMap<String, usize> = HashMap::new();
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
        let mut keys: HashMap<String, Option<usize>> = HashMap::new();
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
        let mut natives: HashMap<String, Option<usize>> = HashMap::new();
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
        let matcher = if pattern_form.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&pattern_form)
                    .map_err(|e| e.to_string())?,
            )
        };
        Ok(NameIndex {
            entities: entities.to_vec(),
            matcher,
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
        let Some(ac) = &self.matcher else {
            return Vec::new();
        };
        let mut out: Vec<FormMatch> = Vec::new();
        for m in ac.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            let pid = m.pattern().as_usize();
            let form = self.pattern_form[pid].as_str();
            let prev_end = out.last().map(|p| p.end);
            let glued_start = if left_boundary(text, s) {
                s
            } else {
                match glued_left_word(text, s, form, prev_end) {
                    Some(ls) => ls,
                    None => continue,
                }
            };
            let glued_end = match right_context(text, e) {
                Right::Boundary => e,
                Right::Glued => continue,
                Right::Fused(suffix_end) => {
                    if !fused_table_ok(form, &text[e..suffix_end]) {
                        continue;
                    }
                    suffix_end
                }
            };
            if glued_start == s && glued_end == e && is_exception(text, s, form) {
                continue;
            }
            out.push(FormMatch {
                start: s,
                end: e,
                entity: self.pattern_entity[pid],
                glued_start,
                glued_end,
            });
        }
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
// Word list
// ---------------------------------------------------------------------------

fn words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        WORDS_TXT
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Whether `w` (lowercase ASCII) is a common English word.
pub fn is_english_word(w: &str) -> bool {
    words().contains(w)
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

/// Fold Korean RR / McCune–Reischauer / common spelling differences inside a
/// given name (already `fold_basic`ed).
fn fold_korean(s: &str) -> String {
    let mut t = s
        .replace("eo", "o")
        .replace("eu", "u")
        .replace("oo", "u")
        .replace("tch", "ch")
        .replace("th", "t")
        .replace("ph", "p")
        .replace("kh", "k")
        .replace("sh", "s")
        .replace('j', "ch")
        .replace('g', "k")
        .replace('d', "t")
        .replace('b', "p");
    // consonant + yu + n: `hyun`/`hyon`, `myung`/`myong` (AP-style u for eo).
    let bytes = t.as_bytes();
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
    t = out;
    t
}

/// Slavic transliteration endings after a consonant: `-y`, `-yy`, `-iy`,
/// `-ii`, `-yi`, `-ij` (`Zelensky`, `Zelenskyy`, `Zelenskiy`, `Zelenskii`).
fn slavic_ending(s: &str) -> Option<&str> {
    let end = ["yy", "iy", "ii", "yi", "ij", "y"]
        .into_iter()
        .find(|e| s.ends_with(e))?;
    let stem = &s[..s.len() - end.len()];
    // `Pompeii` / `Pompey`, `Sidney`: a vowel before the ending is no
    // Slavic ending.
    let last = stem.chars().next_back()?;
    if !last.is_alphabetic() || "aeiouyAEIOUY".contains(last) || stem.chars().count() < 3 {
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

fn surname_group(token: &str) -> Option<(String, bool)> {
    // Surnames are short: skip the lookup for anything longer.
    if token.len() > 8 {
        return None;
    }
    let lower: String = token
        .chars()
        .filter(|c| !matches!(c, '\'' | '’' | 'ʼ'))
        .flat_map(char::to_lowercase)
        .collect();
    surname_table()
        .get(&lower)
        .map(|&(g, korean)| (g.to_string(), korean))
}

fn syllable_re(max: usize) -> &'static Regex {
    static ONE: OnceLock<Regex> = OnceLock::new();
    static TWO: OnceLock<Regex> = OnceLock::new();
    const SYL: &str = "(?:ch|th|ph|kh|tch|ts|tz|sh|zh|hs|kk|tt|pp|ss|jj|[bcdfghjklmnpqrstwxz])?[wy]?[aeiou]{1,3}(?:ng|n|m|k|t|l|p|r|b|g|d)?";
    let cell = if max == 1 { &ONE } else { &TWO };
    cell.get_or_init(|| Regex::new(&format!("^(?:{SYL}){{1,{max}}}$")).expect("syllable regex"))
}

fn is_syllables(part: &str, max: usize) -> bool {
    let f = fold_basic(part);
    !f.is_empty() && f.is_ascii() && syllable_re(max).is_match(&f)
}

fn pinyin_like(given_folded: &str) -> bool {
    let b = given_folded.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        matches!(c, b'x' | b'q' | b'z' | b'f' | b'v') || (c == b'c' && b.get(i + 1) != Some(&b'h'))
    })
}

fn ea_key(group: &str, korean: bool, given_parts: &[&str]) -> String {
    let given: String = given_parts.iter().map(|p| fold_basic(p)).collect();
    let given = if korean && !pinyin_like(&given) {
        fold_korean(&given)
    } else {
        given
    };
    format!("E:{group}|{given}")
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
    let (group, korean) = surname_group(surname).unwrap_or_else(|| (fold_basic(surname), true));
    let parts: Vec<&str> = given.split([' ', '-']).filter(|p| !p.is_empty()).collect();
    Some(ea_key(&group, korean, &parts))
}

/// Keys of a table form (for linking auto-detected spellings to entities).
fn form_keys(form: &str, person: bool) -> Vec<String> {
    let toks = tokenize(form);
    let mut out = Vec::new();
    if let Some(ea) = parse_ea(form, &toks, 0) {
        if ea.end_tok == toks.len() {
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
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !c.is_alphabetic() {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        loop {
            match it.peek() {
                Some(&(j, d)) if d.is_alphabetic() || is_combining_mark(d) => {
                    end = j + d.len_utf8();
                    it.next();
                }
                Some(&(j, d)) if d == '-' || is_apostrophe(d) => {
                    let after = j + d.len_utf8();
                    match text[after..].chars().next() {
                        Some(n) if n.is_alphabetic() => {
                            end = after;
                            it.next();
                        }
                        _ => break,
                    }
                }
                _ => break,
            }
        }
        let word = &text[start..end];
        let mut core_end = end;
        for suf in ["'s", "’s", "ʼs"] {
            if word.len() > suf.len() && word.ends_with(suf) {
                core_end = end - suf.len();
            }
        }
        toks.push(Tok {
            start,
            core_end,
            end,
        });
    }
    toks
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

struct Ea {
    end_tok: usize,
    start: usize,
    end: usize,
    key: String,
}

/// An East Asian personal name starting at token `i`: a known surname and a
/// given name written hyphenated (`Dong-hyuk`), as two one-syllable words
/// (`Dong Hyuk`) or as one word of one or two syllables (`Sangmok`).
fn parse_ea(text: &str, toks: &[Tok], i: usize) -> Option<Ea> {
    let t0 = toks.get(i)?;
    let s0 = &text[t0.start..t0.core_end];
    if !starts_upper(s0) || s0.contains('-') {
        return None;
    }
    let (group, korean) = surname_group(s0)?;
    // `ofKim Jong Un`: `Jong Un` is not a name of its own.
    if i > 0
        && joined(text, &toks[i - 1], t0)
        && camel_surname(&text[toks[i - 1].start..toks[i - 1].core_end])
    {
        return None;
    }
    let t1 = toks.get(i + 1)?;
    if !joined(text, t0, t1) {
        return None;
    }
    let s1 = &text[t1.start..t1.core_end];
    if !starts_upper(s1) {
        return None;
    }
    let mk = |end_tok: usize, end: usize, parts: &[&str]| Ea {
        end_tok,
        start: t0.start,
        end,
        key: ea_key(&group, korean, parts),
    };
    if s1.contains('-') {
        let parts: Vec<&str> = s1.split('-').collect();
        if (2..=3).contains(&parts.len()) && parts.iter().all(|p| is_syllables(p, 1)) {
            return Some(mk(i + 2, t1.core_end, &parts));
        }
        return None;
    }
    if is_syllables(s1, 1) {
        if let Some(t2) = toks.get(i + 2) {
            let s2 = &text[t2.start..t2.core_end];
            if joined(text, t1, t2)
                && starts_upper(s2)
                && !s2.contains('-')
                && is_syllables(s2, 1)
                && !s2.chars().all(char::is_uppercase)
            {
                return Some(mk(i + 3, t2.core_end, &[s1, s2]));
            }
        }
    }
    if is_syllables(s1, 2) && !s1.chars().all(char::is_uppercase) {
        return Some(mk(i + 2, t1.core_end, &[s1]));
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
            i = ea.end_tok;
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
    // Innermost parenthesis around the name, within its paragraph.
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let Some(open) = text[line_start..start].rfind('(').map(|i| line_start + i) else {
        return false;
    };
    if text[open..start].contains(')') {
        return false;
    }
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

/// Byte ranges inside direct quotations: `“…”`, or `"…"` pairs within a
/// paragraph (an unclosed quote runs to the end of its line, the newswire
/// convention for quotes running over paragraphs).
fn quote_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '“' if open.is_none() => open = Some(i),
            '”' => {
                if let Some(s) = open.take() {
                    spans.push((s, i + c.len_utf8()));
                }
            }
            '"' => match open.take() {
                Some(s) => spans.push((s, i + 1)),
                None => open = Some(i),
            },
            '\n' => {
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
    let quotes = quote_spans(text);
    let mut findings: Vec<Finding> = Vec::new();
    let mut groups = Groups::default();
    let mut occs: Vec<Occ> = Vec::new();

    // 1. Table forms.
    for m in index.find_forms(text) {
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

    // 2. Name-shaped sequences in no table.
    if opts.auto_detect {
        let table_spans: Vec<(usize, usize)> = occs.iter().map(|o| (o.start, o.end)).collect();
        let overlaps = |s: usize, e: usize| {
            let idx = table_spans.partition_point(|&(_, te)| te <= s);
            idx < table_spans.len() && table_spans[idx].0 < e
        };
        let toks = tokenize(text);
        // Plain capitalized words, kept in case an accented spelling of
        // them turns up (`Erdogan` after `Erdoğan`).
        let mut plain_caps: Vec<Tok> = Vec::new();
        let mut accented_keys: HashSet<String> = HashSet::new();
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            if !starts_upper(&text[t.start..t.core_end]) {
                i += 1;
                continue;
            }
            if let Some(ea) = parse_ea(text, &toks, i) {
                if !overlaps(ea.start, ea.end) {
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
                    i = ea.end_tok;
                    continue;
                }
            }
            let core = &text[t.start..t.core_end];
            if core.is_ascii() && core.len() >= 4 && !overlaps(t.start, t.core_end) {
                plain_caps.push(t);
            }
            if western_candidate(core) && !overlaps(t.start, t.core_end) {
                if !core.is_ascii() {
                    accented_keys.insert(western_key(core));
                }
                let key = western_key(core);
                let node = groups.key_node(&key);
                if let Some(&ent) = index.key_entity.get(&key) {
                    let en = groups.entity_node(ent);
                    groups.union(en, node);
                }
                occs.push(Occ {
                    start: t.start,
                    end: t.core_end,
                    node,
                    source: Source::Western,
                    fused: None,
                });
            }
            i += 1;
        }
        if !accented_keys.is_empty() {
            for t in plain_caps {
                let core = &text[t.start..t.core_end];
                if western_candidate(core) {
                    continue; // already an occurrence
                }
                let key = western_key(core);
                if accented_keys.contains(&key) {
                    let node = groups.key_node(&key);
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
                if compatible(surface, house_form) {
                    continue;
                }
                let message = format!("house style ({style}) writes this name `{house_form}`");
                let fix = align_fix(surface, house_form);
                flag(&mut findings, text, o, message, None, fix, &quotes);
            }
            continue;
        }
        if entity.is_some_and(|e| e.kind == "organisation") {
            continue;
        }
        // The reference is the first use outside quotations (a quotation
        // keeps its speaker's or source's spelling), else the first use.
        let ref_k = members
            .iter()
            .copied()
            .find(|&k| !in_spans(&quotes, occs[k].start))
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
        if let Ok(ac) = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&surfaces)
        {
            for m in ac.find_overlapping_iter(text) {
                let surface = surfaces[m.pattern().as_usize()];
                let (s, e) = (m.start(), m.end());
                if fused_starts.contains(&s) || !left_boundary(text, s) {
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
    quotes: &[(usize, usize)],
) {
    let in_quote = in_spans(quotes, o.start);
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
fn fused_finding(
    text: &str,
    start: usize,
    name_start: usize,
    name_end: usize,
    end: usize,
    quotes: &[(usize, usize)],
) -> Finding {
    let before = &text[start..name_start];
    let name = &text[name_start..name_end];
    let after = &text[name_end..end];
    let in_quote = in_spans(quotes, start);
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
    if !form.contains(' ') || !starts_upper(form) {
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
    let multi_word = form.contains(' ');
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
        assert!(!is_english_word("sworth"));
        assert!(words().len() > 30_000);
    }
}
