//! Loading rule packs: TOML → flat serde structs (with spans) → validated
//! [`Rule`]s. Every failure is a [`FileError`] pointing into the TOML file.
//!
//! Shipped packs are embedded in the binary; user packs go through the very
//! same loader.

use super::attribution::{Lazy as AttributionLazy, Options as AttributionOptions};
use super::names::Entity;
use super::pattern::PatternSpec;
use super::script::StrayOptions;
use super::{Check, Example, Kind, Rule};
use crate::diagnostic::{Severity, Span};
use crate::error::{key_span, FileError};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    pack: Option<RawMeta>,
    #[serde(default)]
    rule: Vec<RawRule>,
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
}

/// Where an entity row was written: for errors found when packs are merged.
#[derive(Clone, Debug)]
pub struct EntityOrigin {
    path: String,
    text: Arc<str>,
    name: Span,
    kind: Span,
}

/// A loaded pack: its rules and its entity-table rows.
#[derive(Clone, Debug, Default)]
pub struct Pack {
    pub rules: Vec<Rule>,
    pub entities: Vec<Entity>,
    /// Where each row of `entities` was written (same order).
    pub origins: Vec<EntityOrigin>,
}

impl Pack {
    /// Add a later pack. Its rules are appended. An entity row that shares
    /// a form with an entity of an earlier pack extends that entity (its
    /// forms become variants, its styles are added and win, its native form
    /// replaces the earlier one): that is how a newsroom gives a shipped
    /// name its own house form. A row that shares forms with two earlier
    /// entities, or changes an entity's kind, is an error located in its
    /// pack.
    pub fn extend(&mut self, other: Pack) -> Result<(), FileError> {
        self.rules.extend(other.rules);
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
}

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
    #[serde(default)]
    flag: Vec<RawExample>,
    #[serde(default)]
    pass: Vec<String>,
    // stray-script
    allow_glosses: Option<Spanned<bool>>,
    allow_greek_symbols: Option<Spanned<bool>>,
    // pattern
    phrases: Option<Spanned<Vec<String>>>,
    patterns: Option<Spanned<Vec<Spanned<String>>>>,
    replacement: Option<Spanned<String>>,
    case_sensitive: Option<Spanned<bool>>,
    exceptions: Option<Spanned<Vec<String>>>,
    // attribution kinds
    attribution: Option<Spanned<AttributionOptions>>,
    // name-romanization
    auto_detect: Option<Spanned<bool>>,
}

impl RawRule {
    /// The kind-specific options that are set, with the span of their value.
    fn set_options(&self) -> Vec<(&'static str, Span)> {
        fn sp<T>(s: &Spanned<T>) -> Span {
            Span::new(s.span().start, s.span().end)
        }
        let mut v = Vec::new();
        if let Some(x) = &self.allow_glosses {
            v.push(("allow-glosses", sp(x)));
        }
        if let Some(x) = &self.allow_greek_symbols {
            v.push(("allow-greek-symbols", sp(x)));
        }
        if let Some(x) = &self.phrases {
            v.push(("phrases", sp(x)));
        }
        if let Some(x) = &self.patterns {
            v.push(("patterns", sp(x)));
        }
        if let Some(x) = &self.replacement {
            v.push(("replacement", sp(x)));
        }
        if let Some(x) = &self.case_sensitive {
            v.push(("case-sensitive", sp(x)));
        }
        if let Some(x) = &self.exceptions {
            v.push(("exceptions", sp(x)));
        }
        if let Some(x) = &self.attribution {
            v.push(("attribution", sp(x)));
        }
        if let Some(x) = &self.auto_detect {
            v.push(("auto-detect", sp(x)));
        }
        v
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
    let raw: RawPack = toml::from_str(&text).map_err(|e| FileError::from_toml(path, &text, &e))?;
    let err = |span: Span, msg: String| FileError::new(path, &text, Some(span), msg);
    let pack_name = match &raw.pack {
        Some(meta) => {
            if !is_kebab_case(meta.name.get_ref()) {
                return Err(err(
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
    let mut rules = Vec::with_capacity(raw.rule.len());
    let mut compiled_attribution: Vec<std::sync::Arc<AttributionLazy>> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for r in raw.rule {
        let id = r.id.get_ref().clone();
        if !is_kebab_case(&id) {
            return Err(
                err(span_of(&r.id), format!("rule id `{id}` is not kebab-case"))
                    .label("use lowercase letters, digits and single hyphens"),
            );
        }
        if seen.contains(&id) {
            return Err(err(
                span_of(&r.id),
                format!("rule id `{id}` is defined twice in this pack"),
            ));
        }
        seen.push(id.clone());
        let Some(kind) = Kind::parse(r.kind.get_ref()) else {
            let known: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            return Err(err(
                span_of(&r.kind),
                format!("unknown rule kind `{}`", r.kind.get_ref()),
            )
            .label("not a kind copydesk knows")
            .note(format!("known kinds: {}", known.join(", "))));
        };
        let Some(severity) = Severity::parse(r.severity.get_ref()) else {
            return Err(err(
                span_of(&r.severity),
                format!("unknown severity `{}`", r.severity.get_ref()),
            )
            .label("expected `error`, `warning` or `info`"));
        };
        for (key, value_span) in r.set_options() {
            if !kind.options().contains(&key) {
                return Err(FileError::new(
                    path,
                    &text,
                    Some(key_span(&text, value_span, key)),
                    format!(
                        "option `{key}` does not apply to rules of kind `{}`",
                        kind.as_str()
                    ),
                )
                .label(format!("not an option of `{}`", kind.as_str()))
                .note(if kind.options().is_empty() {
                    format!("kind `{}` takes no options", kind.as_str())
                } else {
                    format!("`{}` takes: {}", kind.as_str(), kind.options().join(", "))
                }));
            }
        }
        if r.message.get_ref().trim().is_empty() {
            return Err(err(span_of(&r.message), "a rule needs a message".into()));
        }
        if r.description.get_ref().trim().is_empty() {
            return Err(err(
                span_of(&r.description),
                "a rule needs a description".into(),
            ));
        }
        let check = match kind {
            Kind::StrayScript => Check::StrayScript(StrayOptions {
                allow_glosses: r.allow_glosses.as_ref().is_none_or(|s| *s.get_ref()),
                allow_greek_symbols: r.allow_greek_symbols.as_ref().is_none_or(|s| *s.get_ref()),
            }),
            Kind::UnattributedQuote | Kind::UnattributedClaim | Kind::AnonymousSource => {
                let span = r
                    .attribution
                    .as_ref()
                    .map(span_of)
                    .unwrap_or(span_of(&r.kind));
                let opts = r.attribution.map(|o| o.into_inner()).unwrap_or_default();
                if opts.min_quote_words == 0 || opts.min_partial_quote_words == 0 {
                    return Err(err(span, "invalid attribution options".into())
                        .note("min-quote-words and min-partial-quote-words must be at least 1"));
                }
                // Rules with the same options share one (lazily) compiled set.
                let shared = match compiled_attribution.iter().find(|c| *c.source() == opts) {
                    Some(c) => c.clone(),
                    None => {
                        let c = std::sync::Arc::new(AttributionLazy::new(
                            opts,
                            super::attribution::Compiled::new,
                        ));
                        compiled_attribution.push(c.clone());
                        c
                    }
                };
                Check::Attribution(shared)
            }
            Kind::NameRomanization => Check::NameRomanization {
                auto_detect: r.auto_detect.as_ref().is_none_or(|s| *s.get_ref()),
            },
            Kind::FusedName => Check::FusedName,
            Kind::MixedScript => Check::MixedScript,
            Kind::InvisibleChar => Check::InvisibleChar,
            Kind::Mojibake => Check::Mojibake,
            Kind::Pattern => {
                let phrases = r.phrases.map(|p| p.into_inner()).unwrap_or_default();
                let mut patterns = Vec::new();
                for p in r.patterns.map(|p| p.into_inner()).unwrap_or_default() {
                    if let Err(e) = regex::Regex::new(p.get_ref()) {
                        return Err(err(span_of(&p), "invalid regular expression".into())
                            .label("this pattern does not compile")
                            .note(e.to_string()));
                    }
                    if regex::Regex::new(p.get_ref()).is_ok_and(|re| re.is_match("")) {
                        return Err(err(span_of(&p), "pattern matches the empty string".into())
                            .label("it would match everywhere"));
                    }
                    patterns.push(p.into_inner());
                }
                if phrases.is_empty() && patterns.is_empty() {
                    return Err(err(
                        span_of(&r.kind),
                        "a `pattern` rule needs `phrases` or `patterns`".into(),
                    )
                    .label("no phrases or patterns given"));
                }
                if let Some(empty) = phrases.iter().find(|p| p.trim().is_empty()) {
                    return Err(err(
                        span_of(&r.kind),
                        format!("empty phrase `{empty}` in `phrases`"),
                    ));
                }
                Check::Pattern(PatternSpec {
                    phrases,
                    patterns,
                    replacement: r.replacement.map(|s| s.into_inner()),
                    case_sensitive: r.case_sensitive.is_some_and(|s| s.into_inner()),
                    exceptions: r.exceptions.map(|s| s.into_inner()).unwrap_or_default(),
                })
            }
        };
        rules.push(Rule {
            id,
            pack: pack_name.clone(),
            kind,
            severity,
            message: r.message.into_inner(),
            description: r.description.into_inner(),
            link: r.link,
            default_enabled: r.enabled.unwrap_or(true),
            check,
            flag: r
                .flag
                .into_iter()
                .map(|e| Example {
                    text: e.text,
                    fixed: e.fixed,
                })
                .collect(),
            pass: r.pass,
        });
    }
    let (entities, origins) = load_entities(path, &text, raw.entity)?;
    Ok(Pack {
        rules,
        entities,
        origins,
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
    for (i, r) in raw.iter().enumerate() {
        if !matches!(
            r.kind.get_ref().as_str(),
            "person" | "place" | "organisation"
        ) {
            return Err(err(
                span_of(&r.kind),
                format!("unknown entity kind `{}`", r.kind.get_ref()),
            )
            .label("expected `person`, `place` or `organisation`"));
        }
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
    for r in raw {
        origins.push(EntityOrigin {
            path: path.to_string(),
            text: text.clone(),
            name: span_of(&r.name),
            kind: span_of(&r.kind),
        });
        let trim = |s: Spanned<String>| s.into_inner().trim().to_string();
        entities.push(Entity {
            name: trim(r.name),
            kind: r.kind.into_inner(),
            variants: r.variants.into_iter().map(trim).collect(),
            native: r.native,
            styles: r.styles.into_iter().map(|(k, v)| (k, trim(v))).collect(),
        });
    }
    Ok((entities, origins))
}

/// Load a pack file from disk through the same loader as the shipped packs.
pub fn load_file(path: &std::path::Path) -> Result<Pack, crate::error::Error> {
    use crate::error::Error;
    let bytes = std::fs::read(path)
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
        assert!(e.note.is_some());
    }

    #[test]
    fn bad_severity_and_kind() {
        let e = load_err("[[rule]]\nid = \"x\"\nkind = \"mojibake\"\nseverity = \"fatal\"\nmessage = \"m\"\ndescription = \"d\"\n");
        assert!(e.message.contains("fatal"));
        let e = load_err("[[rule]]\nid = \"x\"\nkind = \"spelling\"\nseverity = \"info\"\nmessage = \"m\"\ndescription = \"d\"\n");
        assert!(e.message.contains("spelling"));
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
        crate::rules::names::NameIndex::build(&all.entities).unwrap();
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
