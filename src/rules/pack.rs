//! Loading rule packs: TOML → flat serde structs (with spans) → validated
//! [`Rule`]s. Every failure is a [`FileError`] pointing into the TOML file.
//!
//! Shipped packs are embedded in the binary; user packs go through the very
//! same loader.

use super::attribution::RuleOptions as AttributionRuleOptions;
use super::names::{Entity, EntityKind};
use super::options::{Layer, Options};
use super::script::StrayOptions;
use super::{pattern, Check, Example, Kind, RomanizationOptions, Rule};
use crate::diagnostic::{Severity, Span};
use crate::error::FileError;
use crate::tables;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use toml::de::DeValue;
use toml::Spanned;

/// The packs shipped inside the binary: (path relative to the project root, contents).
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "rules/unicode.toml",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/unicode.toml")),
    ),
    (
        "rules/attribution.toml",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/attribution.toml"
        )),
    ),
    (
        "rules/names.toml",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/names.toml")),
    ),
];

/// A pack's top level as written. Rules are read one by one (their
/// options depend on their kind), so here they are only checked to be a
/// list.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    pack: Option<RawMeta>,
    /// Entity table rows for the name rules (any pack may add some).
    #[serde(default)]
    entity: Vec<RawEntity>,
}

/// An `[[entity]]` row as written, with spans for errors.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    name: Spanned<String>,
    kind: Spanned<String>,
    #[serde(default)]
    variants: Vec<Spanned<String>>,
    #[serde(default)]
    native: Option<String>,
    #[serde(default)]
    styles: BTreeMap<String, Spanned<String>>,
    /// Historical variants: variants too.
    #[serde(default)]
    historical: Vec<Spanned<String>>,
}

/// Where an entity row was written: for errors found when packs are merged.
#[derive(Clone, Debug)]
pub struct EntityOrigin {
    path: String,
    text: Arc<str>,
    name: Span,
    kind: Span,
}

/// A loaded pack: its rules, its entity-table rows and its options.
#[derive(Clone, Debug, Default)]
pub struct Pack {
    pub rules: Vec<Rule>,
    pub entities: Vec<Entity>,
    /// Where each row of `entities` was written (same order).
    pub origins: Vec<EntityOrigin>,
    /// The families' options, merged over the packs extended so far.
    pub options: Options,
    /// This pack's own `[options.*]` tables, for the pack it extends.
    layer: Option<Layer>,
    /// Where each rule's `id` was written, by id: for the error about a
    /// later pack that defines it again.
    ids: HashMap<String, IdOrigin>,
}

/// Where a rule's `id` was written.
#[derive(Clone, Debug)]
struct IdOrigin {
    path: String,
    text: Arc<str>,
    span: Span,
}

impl Pack {
    /// Merge this pack's own `[options.*]` tables into [`Pack::options`]
    /// (once; [`Pack::extend`] and the engine do it).
    pub fn settle(&mut self) -> Result<(), FileError> {
        match self.layer.take() {
            Some(layer) => self.options.merge(layer),
            None => Ok(()),
        }
    }

    /// Add a later pack. Its rules are appended. An entity row that shares
    /// a form with an entity of an earlier pack extends that entity (its
    /// forms become variants, its styles are added and win, its native form
    /// replaces the earlier one): that is how a newsroom gives a shipped
    /// name its own house form. A row that shares forms with two earlier
    /// entities, or changes an entity's kind, is an error located in its
    /// pack.
    ///
    /// Its `[options.*]` tables are merged over the earlier ones (see
    /// [`options`](super::options)).
    pub fn extend(&mut self, mut other: Pack) -> Result<(), FileError> {
        self.settle()?;
        for r in &other.rules {
            if !self.rules.iter().any(|earlier| earlier.id == r.id) {
                continue;
            }
            // (A pack not read from TOML is left to the engine's check.)
            let Some(at) = other.ids.get(&r.id) else {
                continue;
            };
            let message = format!("rule id `{}` is defined by more than one pack", r.id);
            let mut err = FileError::new(&at.path, &at.text, Some(at.span), message)
                .label("defined again here");
            if let Some(e) = self.ids.get(&r.id) {
                let (line, column) = crate::source::LineIndex::new(&e.text).line_col(e.span.start);
                err = err.note(format!(
                    "first defined at {}:{line}:{column}; rename one of them",
                    e.path
                ));
            }
            return Err(err);
        }
        if let Some(layer) = other.layer.take() {
            self.options.merge(layer)?;
        }
        self.rules.extend(other.rules);
        self.ids.extend(other.ids);
        if self.entities.is_empty() {
            // Nothing to extend (`load` checked the rows among themselves).
            self.entities = other.entities;
            self.origins = other.origins;
            return Ok(());
        }
        if other.entities.is_empty() {
            return Ok(());
        }
        let mut owner: HashMap<String, usize> = HashMap::new();
        for (i, e) in self.entities.iter().enumerate() {
            for f in e.forms() {
                owner.entry(f.to_string()).or_insert(i);
            }
        }
        for (e, origin) in other.entities.into_iter().zip(other.origins) {
            let err = |span: Span, msg: String| {
                FileError::new(&origin.path, &origin.text, Some(span), msg)
            };
            let mut hits: Vec<(usize, &str)> = Vec::new();
            for f in e.forms() {
                if let Some(&i) = owner.get(f) {
                    if !hits.iter().any(|&(j, _)| j == i) {
                        hits.push((i, f));
                    }
                }
            }
            match hits[..] {
                [] => {
                    for f in e.forms() {
                        owner.insert(f.to_string(), self.entities.len());
                    }
                    self.entities.push(e);
                    self.origins.push(origin);
                }
                [(i, _)] => {
                    let earlier = &mut self.entities[i];
                    if earlier.kind != e.kind {
                        return Err(err(
                            origin.kind,
                            format!(
                                "`{}` is a {} in an earlier pack, not a {}",
                                earlier.name, earlier.kind, e.kind
                            ),
                        )
                        .label("this row extends that entity")
                        .note(format!("write `kind = \"{}\"` to extend it", earlier.kind)));
                    }
                    let new_forms: Vec<String> = std::iter::once(&e.name)
                        .chain(&e.variants)
                        .filter(|f| !earlier.forms().any(|g| g == f.as_str()))
                        .cloned()
                        .collect();
                    for f in &new_forms {
                        owner.insert(f.clone(), i);
                        earlier.variants.push(f.clone());
                    }
                    for (style, form) in e.styles {
                        owner.insert(form.clone(), i);
                        earlier.styles.insert(style, form);
                    }
                    if e.native.is_some() {
                        earlier.native = e.native;
                    }
                }
                [(a, fa), (b, fb), ..] => {
                    return Err(err(
                        origin.name,
                        format!(
                            "this entity shares forms with two entities of earlier packs: `{}` (`{fa}`) and `{}` (`{fb}`)",
                            self.entities[a].name, self.entities[b].name
                        ),
                    )
                    .label("one row may extend one earlier entity")
                    .note("split the row, or drop the forms of the other entity"));
                }
            }
        }
        Ok(())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    name: Spanned<String>,
    #[allow(dead_code)]
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExample {
    text: String,
    fixed: Option<String>,
    /// How the example's text is saved: `latin-1` for a file that is not
    /// UTF-8 (what `invalid-utf8` flags).
    encoding: Option<Spanned<String>>,
}

/// The keys every rule has, whatever its kind.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawRule {
    id: Spanned<String>,
    kind: Spanned<String>,
    severity: Spanned<String>,
    message: Spanned<String>,
    description: Spanned<String>,
    link: Option<String>,
    enabled: Option<bool>,
    preview: Option<bool>,
    #[serde(default)]
    flag: Vec<RawExample>,
    #[serde(default)]
    pass: Vec<String>,
}

/// The keys of [`RawRule`]: every other key of a rule is an option of its kind.
const COMMON_KEYS: [&str; 10] = [
    "id",
    "kind",
    "severity",
    "message",
    "description",
    "link",
    "enabled",
    "preview",
    "flag",
    "pass",
];

/// A kind with no options.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoOptions {}

/// The options of the three attribution kinds: the rule's own table of
/// attribution options, read as a layer over `[options.attribution]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AttributionRule {
    #[allow(dead_code)]
    attribution: Option<serde::de::IgnoredAny>,
}

/// The option keys of a kind: the fields of its options type.
fn option_keys(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::StrayScript => tables::fields_of::<StrayOptions>(),
        Kind::Pattern => tables::fields_of::<pattern::RawOptions>(),
        Kind::UnattributedQuote
        | Kind::UnattributedClaim
        | Kind::AnonymousSource
        | Kind::WeaselWords => tables::fields_of::<AttributionRule>(),
        Kind::NameRomanization => tables::fields_of::<RomanizationOptions>(),
        Kind::MixedScript
        | Kind::InvisibleChar
        | Kind::FullwidthLatin
        | Kind::Mojibake
        | Kind::InvalidUtf8
        | Kind::FusedName
        | Kind::GlossMismatch => &[],
    }
}

/// Read a kind's options from a rule's option keys: the one place a pack's
/// options become a kind's typed options. Unknown keys are errors located
/// at the key.
fn check_of(
    kind: Kind,
    options: Spanned<DeValue<'_>>,
    cx: &LoadCx,
    kind_span: Span,
) -> Result<Check, FileError> {
    fn typed<'de, T: Deserialize<'de>>(
        v: Spanned<DeValue<'de>>,
        cx: &LoadCx,
    ) -> Result<T, FileError> {
        tables::typed(v).map_err(|e| cx.toml_error(&e))
    }
    Ok(match kind {
        Kind::StrayScript => Check::StrayScript(typed(options, cx)?),
        Kind::Pattern => {
            let raw: pattern::RawOptions = typed(options, cx)?;
            Check::Pattern(raw.validate(kind_span, &|span, msg| cx.error(span, msg))?)
        }
        Kind::UnattributedQuote
        | Kind::UnattributedClaim
        | Kind::AnonymousSource
        | Kind::WeaselWords => {
            let own = match options.get_ref() {
                DeValue::Table(t) => t.get("attribution").cloned(),
                _ => None,
            };
            typed::<AttributionRule>(options, cx)?;
            let opts = AttributionRuleOptions {
                overrides: match own {
                    Some(table) => Some(Layer::family(cx.path, cx.text, "attribution", &table)?),
                    None => None,
                },
                compiled: None,
            };
            match kind {
                Kind::UnattributedQuote => Check::UnattributedQuote(opts),
                Kind::UnattributedClaim => Check::UnattributedClaim(opts),
                Kind::WeaselWords => Check::WeaselWords(opts),
                _ => Check::AnonymousSource(opts),
            }
        }
        Kind::NameRomanization => Check::NameRomanization(typed(options, cx)?),
        Kind::MixedScript => typed::<NoOptions>(options, cx).map(|_| Check::MixedScript)?,
        Kind::InvisibleChar => typed::<NoOptions>(options, cx).map(|_| Check::InvisibleChar)?,
        Kind::FullwidthLatin => typed::<NoOptions>(options, cx).map(|_| Check::FullwidthLatin)?,
        Kind::Mojibake => typed::<NoOptions>(options, cx).map(|_| Check::Mojibake)?,
        Kind::InvalidUtf8 => typed::<NoOptions>(options, cx).map(|_| Check::InvalidUtf8)?,
        Kind::FusedName => typed::<NoOptions>(options, cx).map(|_| Check::FusedName)?,
        Kind::GlossMismatch => typed::<NoOptions>(options, cx).map(|_| Check::GlossMismatch)?,
    })
}

/// What loading one pack needs to locate its errors.
struct LoadCx<'a> {
    path: &'a str,
    text: &'a Arc<str>,
}

impl LoadCx<'_> {
    fn error(&self, span: Span, message: String) -> FileError {
        FileError::new(self.path, self.text, Some(span), message)
    }

    fn toml_error(&self, e: &toml::de::Error) -> FileError {
        FileError::from_toml(self.path, self.text, e)
    }
}

fn span_of<T>(s: &Spanned<T>) -> Span {
    Span::new(s.span().start, s.span().end)
}

pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Load one pack. `path` is used for messages and for the default pack name.
pub fn load(path: &str, text: &str) -> Result<Pack, FileError> {
    let text: Arc<str> = Arc::from(text);
    let cx = LoadCx { path, text: &text };
    let mut doc = tables::parse(&text).map_err(|e| cx.toml_error(&e))?;
    // Rules and options are read apart (a rule's options depend on its
    // kind); what is left is the `RawPack`.
    let rule_tables = tables::take(&mut doc, "rule");
    let options = tables::take(&mut doc, "options");
    let raw: RawPack = tables::typed(doc).map_err(|e| cx.toml_error(&e))?;
    let pack_name = match &raw.pack {
        Some(meta) => {
            if !is_kebab_case(meta.name.get_ref()) {
                return Err(cx
                    .error(
                        span_of(&meta.name),
                        format!("pack name `{}` is not kebab-case", meta.name.get_ref()),
                    )
                    .label("use lowercase letters, digits and single hyphens"));
            }
            meta.name.get_ref().clone()
        }
        None => std::path::Path::new(path)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("pack")
            .to_string(),
    };
    let mut rules: Vec<Rule> = Vec::new();
    let mut ids = HashMap::new();
    let tables = match rule_tables.as_ref().map(|v| (v.get_ref(), v.span())) {
        None => Vec::new(),
        Some((DeValue::Array(a), _)) => a.iter().collect(),
        Some((_, span)) => {
            return Err(cx
                .error(
                    Span::new(span.start, span.end),
                    "`rule` must be a list of tables".into(),
                )
                .label("write each rule as a `[[rule]]` table"))
        }
    };
    for table in tables {
        let rule = load_rule(table, &cx, &pack_name)?;
        if rules.iter().any(|r| r.id == rule.id) {
            let at = rule_key_span(table, "id").unwrap_or_default();
            return Err(cx.error(
                at,
                format!("rule id `{}` is defined twice in this pack", rule.id),
            ));
        }
        ids.insert(
            rule.id.clone(),
            IdOrigin {
                path: path.to_string(),
                text: text.clone(),
                span: rule_key_span(table, "id").unwrap_or_default(),
            },
        );
        rules.push(rule);
    }
    let (entities, origins) = load_entities(path, &text, raw.entity)?;
    let layer = match &options {
        Some(o) => Layer::load(path, &text, o)?,
        None => Layer::default(),
    };
    Ok(Pack {
        rules,
        entities,
        origins,
        options: Options::default(),
        layer: Some(layer),
        ids,
    })
}

/// The span of a rule key's value.
fn rule_key_span(table: &Spanned<DeValue<'_>>, key: &str) -> Option<Span> {
    let DeValue::Table(t) = table.get_ref() else {
        return None;
    };
    t.get(key).map(|v| Span::new(v.span().start, v.span().end))
}

/// Load one `[[rule]]` table: its common keys, then its kind's options.
fn load_rule(table: &Spanned<DeValue<'_>>, cx: &LoadCx, pack: &str) -> Result<Rule, FileError> {
    let whole = Span::new(table.span().start, table.span().end);
    if !matches!(table.get_ref(), DeValue::Table(_)) {
        return Err(cx.error(whole, "a rule must be a table (`[[rule]]`)".into()));
    }
    let (common, options) = tables::split(table, &COMMON_KEYS);
    let r: RawRule = tables::typed(common).map_err(|e| cx.toml_error(&e))?;
    let id = r.id.get_ref().clone();
    if !is_kebab_case(&id) {
        return Err(cx
            .error(span_of(&r.id), format!("rule id `{id}` is not kebab-case"))
            .label("use lowercase letters, digits and single hyphens"));
    }
    let Some(kind) = Kind::parse(r.kind.get_ref()) else {
        let known: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        return Err(cx
            .error(
                span_of(&r.kind),
                format!("unknown rule kind `{}`", r.kind.get_ref()),
            )
            .label("not a kind copydesk knows")
            .note(format!("known kinds: {}", known.join(", "))));
    };
    let Some(severity) = Severity::parse(r.severity.get_ref()) else {
        return Err(cx
            .error(
                span_of(&r.severity),
                format!("unknown severity `{}`", r.severity.get_ref()),
            )
            .label("expected `error`, `warning` or `info`"));
    };
    // An option of another kind gets its own message; an option of no
    // kind is left to the kind's deserializer ("unknown field").
    let own = option_keys(kind);
    let keys = match options.get_ref() {
        DeValue::Table(t) => t.keys().collect(),
        _ => Vec::new(),
    };
    for key in keys {
        let k = key.get_ref().as_ref();
        let elsewhere = Kind::ALL.iter().any(|&o| option_keys(o).contains(&k));
        if !own.contains(&k) && elsewhere {
            return Err(cx
                .error(
                    Span::new(key.span().start, key.span().end),
                    format!(
                        "option `{k}` does not apply to rules of kind `{}`",
                        kind.as_str()
                    ),
                )
                .label(format!("not an option of `{}`", kind.as_str()))
                .note(if own.is_empty() {
                    format!("kind `{}` takes no options", kind.as_str())
                } else {
                    format!("`{}` takes: {}", kind.as_str(), own.join(", "))
                }));
        }
    }
    if r.message.get_ref().trim().is_empty() {
        return Err(cx.error(span_of(&r.message), "a rule needs a message".into()));
    }
    if r.description.get_ref().trim().is_empty() {
        return Err(cx.error(span_of(&r.description), "a rule needs a description".into()));
    }
    let check = check_of(kind, options, cx, span_of(&r.kind))?;
    let mut flag = Vec::with_capacity(r.flag.len());
    for e in r.flag {
        let latin1 = match e.encoding {
            None => false,
            Some(enc) if enc.get_ref() == "latin-1" => true,
            Some(enc) => {
                return Err(cx
                    .error(
                        span_of(&enc),
                        format!("unknown encoding `{}`", enc.get_ref()),
                    )
                    .label("expected `latin-1`"))
            }
        };
        flag.push(Example {
            text: e.text,
            fixed: e.fixed,
            latin1,
        });
    }
    Ok(Rule {
        id,
        pack: pack.to_string(),
        severity,
        message: r.message.into_inner(),
        description: r.description.into_inner(),
        link: r.link,
        default_enabled: r.enabled.unwrap_or(true),
        preview: r.preview.unwrap_or(false),
        check,
        flag,
        pass: r.pass,
    })
}

/// Validate a pack's entity rows: a known kind, no empty form, and no form
/// in two rows of the pack.
fn load_entities(
    path: &str,
    text: &Arc<str>,
    raw: Vec<RawEntity>,
) -> Result<(Vec<Entity>, Vec<EntityOrigin>), FileError> {
    let err = |span: Span, msg: String| FileError::new(path, text, Some(span), msg);
    let mut entities: Vec<Entity> = Vec::with_capacity(raw.len());
    let mut origins = Vec::with_capacity(raw.len());
    // Form → (row, span of its first writing).
    let mut owner: HashMap<&str, (usize, Span)> = HashMap::new();
    let mut kinds = Vec::with_capacity(raw.len());
    for (i, r) in raw.iter().enumerate() {
        let Some(kind) = EntityKind::parse(r.kind.get_ref()) else {
            return Err(err(
                span_of(&r.kind),
                format!("unknown entity kind `{}`", r.kind.get_ref()),
            )
            .label("expected `person`, `place` or `organisation`"));
        };
        kinds.push(kind);
        let forms = std::iter::once(&r.name)
            .chain(&r.variants)
            .chain(r.styles.values());
        for f in forms {
            if f.get_ref().trim().is_empty() {
                return Err(err(span_of(f), "empty name form".into())
                    .label("a form needs at least one letter"));
            }
            match owner.get(f.get_ref().trim()) {
                Some(&(j, first)) if j != i => {
                    let line = crate::source::LineIndex::new(text).line_col(first.start).0;
                    return Err(err(
                        span_of(f),
                        format!(
                            "`{}` is also a form of `{}` (line {line})",
                            f.get_ref().trim(),
                            raw[j].name.get_ref()
                        ),
                    )
                    .label("a form belongs to one entity")
                    .note("merge the two rows, or drop the form from one of them"));
                }
                Some(_) => {}
                None => {
                    owner.insert(f.get_ref().trim(), (i, span_of(f)));
                }
            }
        }
    }
    for (r, kind) in raw.into_iter().zip(kinds) {
        origins.push(EntityOrigin {
            path: path.to_string(),
            text: text.clone(),
            name: span_of(&r.name),
            kind: span_of(&r.kind),
        });
        let trim = |s: Spanned<String>| s.into_inner().trim().to_string();
        let historical: Vec<String> = r.historical.into_iter().map(trim).collect();
        let mut variants: Vec<String> = r.variants.into_iter().map(trim).collect();
        variants.extend(
            historical
                .iter()
                .filter(|h| !variants.contains(h))
                .cloned()
                .collect::<Vec<_>>(),
        );
        entities.push(Entity {
            name: trim(r.name),
            kind,
            variants,
            native: r.native,
            styles: r.styles.into_iter().map(|(k, v)| (k, trim(v))).collect(),
            historical,
        });
    }
    Ok((entities, origins))
}

/// Load a pack file from disk through the same loader as the shipped packs
/// (at most [`crate::input::MAX_TOML_BYTES`]).
pub fn load_file(path: &std::path::Path) -> Result<Pack, crate::error::Error> {
    use crate::error::Error;
    let bytes = crate::input::read_capped(path, crate::input::MAX_TOML_BYTES)
        .map_err(|e| Error::Message(format!("{}: cannot read rule pack: {e}", path.display())))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::Message(format!(
            "{}: rule pack is not valid UTF-8 (byte {})",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })?;
    Ok(load(&path.display().to_string(), &text)?)
}

/// Load every shipped pack. They are tested, so failure is a bug in copydesk.
pub fn shipped() -> Result<Pack, FileError> {
    let mut all = Pack::default();
    for (path, text) in SHIPPED {
        all.extend(load(path, text)?)?;
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_err(text: &str) -> FileError {
        load("test.toml", text).expect_err("should fail")
    }

    const HEAD: &str =
        "[[rule]]\nid = \"x\"\nseverity = \"warning\"\nmessage = \"m\"\ndescription = \"d\"\n";

    #[test]
    fn unknown_field_is_located() {
        let e = load_err(&format!("{HEAD}kind = \"mojibake\"\nbogus = 1\n"));
        assert!(e.message.contains("bogus"), "{}", e.message);
        assert_eq!(e.line_col().map(|l| l.0), Some(7));
    }

    #[test]
    fn option_on_wrong_kind_underlines_the_key() {
        let text = format!("{HEAD}kind = \"mojibake\"\nphrases = [\"a\"]\n");
        let e = load_err(&text);
        assert!(e.message.contains("does not apply"), "{}", e.message);
        assert_eq!(&text[e.span.unwrap().range()], "phrases");
    }

    #[test]
    fn bad_regex_points_at_pattern() {
        let text = format!("{HEAD}kind = \"pattern\"\npatterns = [\"ok\", \"(unclosed\"]\n");
        let e = load_err(&text);
        assert_eq!(&text[e.span.unwrap().range()], "\"(unclosed\"");
        // The error quotes the pattern as written, not as compiled.
        let note = e.note.unwrap();
        assert!(note.contains("(unclosed"), "{note}");
        assert!(!note.contains("(?i"), "{note}");
    }

    #[test]
    fn bad_severity_and_kind() {
        let e = load_err("[[rule]]\nid = \"x\"\nkind = \"mojibake\"\nseverity = \"fatal\"\nmessage = \"m\"\ndescription = \"d\"\n");
        assert!(e.message.contains("fatal"));
        let e = load_err("[[rule]]\nid = \"x\"\nkind = \"spelling\"\nseverity = \"info\"\nmessage = \"m\"\ndescription = \"d\"\n");
        assert!(e.message.contains("spelling"));
    }

    /// A replacement that names a group its pattern lacks would write `%`
    /// for `4 per cent`: refused, pointing at the replacement.
    #[test]
    fn replacement_naming_a_missing_group_is_located() {
        let text = format!(
            "{HEAD}kind = \"pattern\"\npatterns = ['\\b(\\d+) per cent\\b']\nreplacement = \"$2%\"\n"
        );
        let e = load_err(&text);
        assert!(e.message.contains("group 2"), "{}", e.message);
        assert_eq!(&text[e.span.unwrap().range()], "\"$2%\"");
    }

    #[test]
    fn an_option_of_no_kind_and_an_unknown_encoding_are_located() {
        let text = format!("{HEAD}kind = \"stray-script\"\nallow-glossses = true\n");
        let e = load_err(&text);
        assert!(e.message.contains("allow-glossses"), "{}", e.message);
        assert_eq!(&text[e.span.unwrap().range()], "allow-glossses");
        let text = format!(
            "{HEAD}kind = \"mojibake\"\nflag = [{{ text = \"x\", encoding = \"ebcdic\" }}]\n"
        );
        let e = load_err(&text);
        assert!(e.message.contains("ebcdic"), "{}", e.message);
    }

    #[test]
    fn option_keys_are_read_from_each_kind_type() {
        assert_eq!(
            option_keys(Kind::StrayScript),
            ["allow-glosses", "allow-greek-symbols"]
        );
        assert!(option_keys(Kind::Pattern).contains(&"replacement"));
        assert!(option_keys(Kind::Mojibake).is_empty());
    }

    #[test]
    fn wrong_type_is_located() {
        let e = load_err(&format!(
            "{HEAD}kind = \"pattern\"\nphrases = \"not a list\"\n"
        ));
        assert_eq!(e.line_col().map(|l| l.0), Some(7), "{e}");
    }

    #[test]
    fn ids_must_be_kebab_case() {
        assert!(is_kebab_case("stray-script"));
        assert!(!is_kebab_case("Stray_Script"));
        assert!(!is_kebab_case("a--b"));
        let e = load_err("[[rule]]\nid = \"Bad_Id\"\nkind = \"mojibake\"\nseverity = \"info\"\nmessage = \"m\"\ndescription = \"d\"\n");
        assert!(e.message.contains("kebab"));
    }

    const KIM: &str = "[[entity]]\nname = \"Kim Jong Un\"\nkind = \"person\"\nstyles = { mydesk = \"Kim Jong-un\" }\n";

    #[test]
    fn entity_kind_and_empty_forms_are_located() {
        let text = "[[entity]]\nname = \"Kim Jong Un\"\nkind = \"persn\"\n";
        let e = load_err(text);
        assert!(e.message.contains("persn"), "{}", e.message);
        assert_eq!(&text[e.span.unwrap().range()], "\"persn\"");
        let text = "[[entity]]\nname = \"Kyiv\"\nkind = \"place\"\nvariants = [\"Kiev\", \" \"]\n";
        let e = load_err(text);
        assert_eq!(e.line_col(), Some((4, 21)), "{e}");
    }

    #[test]
    fn a_form_in_two_rows_of_one_pack_is_located() {
        let text = "[[entity]]\nname = \"Kyiv\"\nkind = \"place\"\nvariants = [\"Kiev\"]\n\n[[entity]]\nname = \"Kiev Oblast\"\nkind = \"place\"\nvariants = [\"Kiev\"]\n";
        let e = load_err(text);
        assert!(
            e.message.contains("also a form of `Kyiv` (line 4)"),
            "{}",
            e.message
        );
        assert_eq!(e.line_col(), Some((9, 13)), "{e}");
    }

    #[test]
    fn a_later_row_extends_a_shipped_entity() {
        let mut all = shipped().unwrap();
        let before = all.entities.len();
        all.extend(load("desk.toml", KIM).unwrap()).unwrap();
        assert_eq!(all.entities.len(), before, "merged, not added");
        let kim = all
            .entities
            .iter()
            .find(|e| e.forms().any(|f| f == "Kim Jong Un"))
            .unwrap();
        assert_eq!(
            kim.styles.get("mydesk").map(String::as_str),
            Some("Kim Jong-un")
        );
        assert_eq!(
            kim.styles.get("seoul").map(String::as_str),
            Some("Kim Jong-un")
        );
        // The merged table still builds: no form has two owners.
        crate::rules::names::NameIndex::build(
            &all.entities,
            &crate::rules::names::Tuning::shipped(),
        )
        .unwrap();
        // A name in no table is a new row.
        all.extend(
            load(
                "desk.toml",
                "[[entity]]\nname = \"Hwang Dong-hyuk\"\nkind = \"person\"\n",
            )
            .unwrap(),
        )
        .unwrap();
        assert_eq!(all.entities.len(), before + 1);
    }

    #[test]
    fn a_row_joining_two_entities_or_changing_kind_is_located() {
        let text = "[[entity]]\nname = \"Kim Jong Un\"\nkind = \"person\"\nvariants = [\"Kiev\"]\n";
        let e = shipped()
            .unwrap()
            .extend(load("desk.toml", text).unwrap())
            .unwrap_err();
        assert_eq!(e.path, "desk.toml");
        assert!(e.message.contains("`Kyiv` (`Kiev`)"), "{}", e.message);
        assert_eq!(&text[e.span.unwrap().range()], "\"Kim Jong Un\"");
        let text = "[[entity]]\nname = \"Kim Jong Un\"\nkind = \"place\"\n";
        let e = shipped()
            .unwrap()
            .extend(load("desk.toml", text).unwrap())
            .unwrap_err();
        assert!(e.message.contains("is a person"), "{}", e.message);
        assert_eq!(&text[e.span.unwrap().range()], "\"place\"");
    }

    #[test]
    fn shipped_packs_load() {
        let rules = shipped().unwrap().rules;
        for id in ["stray-script", "mixed-script", "invisible-char", "mojibake"] {
            assert!(rules.iter().any(|r| r.id == id), "{id}");
        }
    }
}
