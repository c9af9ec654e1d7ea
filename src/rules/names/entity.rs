//! The entity table: its rows ([`Entity`], [`EntityKind`],
//! [`parse_entities`]) and the index compiled from them and the packs'
//! tuning once ([`NameIndex`], built on first use through [`LazyIndex`]):
//! the tuning's tables ([`Lexicon`]), the forms for anchored lookups, the
//! folded keys of every form and of the readings of each native name, and
//! the table forms found in a draft ([`NameIndex::find_forms`]).

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde::Deserialize;

use super::context::{is_exception, left_boundary, right_context, Right};
use super::east_asian::{detect_names, parse_ea, reading_key, tokenize, DetectedName};
use super::fold::{western_candidate, western_key};
use super::form_table::{FormTable, PrefixBuild};
use super::fused::{fused_table_ok, glued_left_word};
use super::stops::candidates;
use super::tuning::{Lexicon, Tuning};

/// What an entity is: the name rules compare the spellings of people and
/// places, not of organisations (whose forms are proper names of their own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Organisation,
}

impl EntityKind {
    /// Every kind, as a pack writes it.
    pub const ALL: [EntityKind; 3] = [
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Organisation,
    ];

    pub fn parse(s: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organisation => "organisation",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One row of the entity table (`[[entity]]` in names.toml).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// Canonical (reference) form.
    pub name: String,
    pub kind: EntityKind,
    /// Other romanizations of the same entity.
    #[serde(default)]
    pub variants: Vec<String>,
    /// The name in its native script, e.g. Hangul.
    #[serde(default)]
    pub native: Option<String>,
    /// Preferred form per house style; a missing style means `name`.
    #[serde(default)]
    pub styles: BTreeMap<String, String>,
    /// Variants that are historical forms (`Nanking`, `Canton`): in a dated
    /// context (a year before `historical-before`) written on purpose.
    #[serde(default)]
    pub historical: Vec<String>,
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

/// The entity index of an engine, built on first use from the packs'
/// entity rows and `[options.names]` (see [`LazyIndex::of`]): a run whose
/// rules never need names does not pay for it.
pub type LazyIndex = crate::rules::BuiltOnce<(Vec<Entity>, Tuning), NameIndex>;

impl LazyIndex {
    pub fn of(entities: Vec<Entity>, tuning: Tuning) -> LazyIndex {
        LazyIndex::new((entities, tuning), |(e, t)| NameIndex::build(e, t))
    }

    /// The entity rows it is built from.
    pub fn entities(&self) -> &[Entity] {
        &self.source().0
    }
}

/// Parse an entity table in TOML (`[[entity]]` rows).
pub fn parse_entities(toml_text: &str) -> Result<Vec<Entity>, String> {
    let file: EntityFile = toml::from_str(toml_text).map_err(|e| e.to_string())?;
    Ok(file.entity)
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

/// The entity table compiled once with the tuning: the tuning's tables
/// ([`Lexicon`]), every form keyed for anchored lookups ([`FormTable`]), a
/// side table back to the entity, and folded keys of every form and of the
/// readings of each native name.
#[derive(Debug, Clone)]
pub struct NameIndex {
    lexicon: Lexicon,
    entities: Vec<Entity>,
    forms: FormTable,
    pattern_entity: Vec<usize>,
    pattern_form: Vec<String>,
    /// The exception phrases of each form (`chicken Kiev` for `Kiev`), with
    /// the form's offset in each; mostly none.
    pattern_exceptions: Vec<Box<[(String, usize)]>>,
    key_entity: HashMap<String, usize, PrefixBuild>,
    native_entity: HashMap<String, usize, PrefixBuild>,
}

impl NameIndex {
    /// Build the index. Errors on an empty name, a form that belongs to two
    /// entities, or tuning that does not validate ([`Tuning::validate`]).
    pub fn build(entities: &[Entity], tuning: &Tuning) -> Result<NameIndex, String> {
        let lexicon = Lexicon::new(tuning)?;
        let mut owner: HashMap<String, usize, PrefixBuild> = HashMap::default();
        let mut pattern_form = Vec::new();
        let mut pattern_entity = Vec::new();
        for (ei, e) in entities.iter().enumerate() {
            if e.name.trim().is_empty() {
                return Err(format!("entity #{} has an empty name", ei + 1));
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
            for k in form_keys(&lexicon, form, entities[ei].kind == EntityKind::Person) {
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
                for reading in crate::hangul::name_readings(n, &lexicon.hangul) {
                    if let Some(k) = reading_key(&lexicon, &reading) {
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
        let pattern_exceptions = pattern_form
            .iter()
            .map(|f| lexicon.exceptions_of(f).into())
            .collect();
        Ok(NameIndex {
            lexicon,
            pattern_exceptions,
            entities: entities.to_vec(),
            forms,
            pattern_entity,
            pattern_form,
            key_entity,
            native_entity,
        })
    }

    /// Parse a TOML entity table and build the index.
    pub fn from_toml(toml_text: &str, tuning: &Tuning) -> Result<NameIndex, String> {
        NameIndex::build(&parse_entities(toml_text)?, tuning)
    }

    /// The tuning's tables.
    pub(super) fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Every name-shaped word sequence in `text` that automatic detection
    /// compares (East Asian names, single words with Slavic endings), as
    /// `name-romanization` finds them outside the table.
    pub fn detect_names(&self, text: &str) -> Vec<DetectedName> {
        detect_names(&self.lexicon, text)
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
    pub(super) fn find_forms_at(
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
                    match glued_left_word(&self.lexicon, text, s, form, prev_end) {
                        Some(ls) => ls,
                        None => return,
                    }
                };
                let glued_end = match right_context(text, e) {
                    Right::Boundary => e,
                    Right::Glued => return,
                    Right::Fused(suffix_end) => {
                        if !fused_table_ok(&self.lexicon, form, &text[e..suffix_end]) {
                            return;
                        }
                        suffix_end
                    }
                };
                if glued_start == s
                    && glued_end == e
                    && is_exception(text, s, &self.pattern_exceptions[pid])
                {
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

    /// The form table, for the draft's stops.
    pub(super) fn form_table(&self) -> &FormTable {
        &self.forms
    }

    /// The entity of the folded key `key` (of a form, or of a reading of a
    /// native name), when one entity alone has it.
    pub(super) fn entity_of_key(&self, key: &str) -> Option<usize> {
        self.key_entity.get(key).copied()
    }

    /// The entity whose native name is `native`, when one entity alone has
    /// it.
    pub(super) fn entity_of_native(&self, native: &str) -> Option<usize> {
        self.native_entity.get(native).copied()
    }

    /// The entity whose native name is `native` (`习近平`, `Москва`), when
    /// one entity alone has it: `stray-script` renders such a token.
    pub fn entity_with_native(&self, native: &str) -> Option<&Entity> {
        self.entity_of_native(native).map(|i| &self.entities[i])
    }

    /// The surname tables of Hangul names' readings.
    pub fn hangul_surnames(&self) -> &crate::hangul::Surnames {
        &self.lexicon().hangul
    }

    /// The entity that owns exactly this form, if any.
    pub fn entity_of_form(&self, form: &str) -> Option<&Entity> {
        self.pattern_form
            .iter()
            .position(|f| f == form)
            .map(|p| &self.entities[self.pattern_entity[p]])
    }
}

/// Keys of a table form (for linking auto-detected spellings to entities).
fn form_keys(lex: &Lexicon, form: &str, person: bool) -> Vec<String> {
    let toks = tokenize(form);
    let mut out = Vec::new();
    if let Some(ea) = parse_ea(lex, form, &toks, 0) {
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
