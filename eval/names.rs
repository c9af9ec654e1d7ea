//! Corpus evaluation of the names rules.
//!
//! `cargo run --release --example eval-names [CORPUS_DIR] [PACK.toml]`
//!
//! CORPUS_DIR defaults to ../shared/corpus (JSON lines with `id`, `text`);
//! the entity table defaults to the shipped rules/names.toml (a pack given
//! replaces the shipped entity rows with its own).
//! Prints: (1) KCNA findings, house-style checks and fused-name counts,
//! (2) recall / precision on a swap test set built from real articles,
//! (3) throughput of the name rules on BBC + Reuters.
//!
//! Drafts are linted as users lint them: an [`Engine`] built from the packs,
//! `lint_bytes` with the name rules selected, and the diagnostics it returns
//! (the engine's quotation model decides which fixes are shown only). The
//! swap test set is built from the table forms and names the engine's index
//! finds in each article.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

use copydesk::rules::names::{
    is_english_word, word_after, EntityKind, FormMatch, NameIndex, Tuning,
};
use copydesk::rules::{pack, Kind};
use copydesk::{lint_bytes, Applicability, Engine, Format, Linted, Settings};
use serde::Deserialize;

#[derive(Deserialize)]
struct Record {
    id: String,
    text: String,
}

fn load(path: &Path) -> Option<Vec<Record>> {
    let data = std::fs::read_to_string(path).ok()?;
    Some(
        data.lines()
            .filter(|l| !l.trim().is_empty())
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect(),
    )
}

/// Figures returned by [`evaluate`].
#[derive(Debug, Default)]
pub struct EvalReport {
    pub kcna_romanization: usize,
    pub kcna_seoul_kju_flagged: usize,
    pub kcna_ap_kju_flagged: usize,
    pub kcna_fused: usize,
    pub other_fused: usize,
    pub other_romanization: usize,
    pub wiki_findings: usize,
    pub positives: usize,
    pub detected: usize,
    pub detected_by_label: usize,
    pub negatives: usize,
    pub false_alarms: usize,
    pub mb_per_s: f64,
}

impl EvalReport {
    pub fn recall(&self) -> f64 {
        self.detected as f64 / self.positives.max(1) as f64
    }
    pub fn precision(&self) -> f64 {
        self.detected as f64 / (self.detected + self.false_alarms).max(1) as f64
    }
}

fn context(text: &str, s: usize, e: usize) -> String {
    let mut a = s.saturating_sub(60);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (e + 60).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!("…{}[[{}]]{}…", &text[a..s], &text[s..e], &text[e..b]).replace('\n', " ")
}

/// A diagnostic of a name rule, as the evaluation reads it.
#[derive(Debug, Clone)]
struct Finding {
    /// The rule id.
    rule: String,
    /// A `name-romanization` finding (else `fused-name`).
    romanization: bool,
    start: usize,
    end: usize,
    message: String,
    label: Option<(usize, usize, String)>,
    replacement: Option<String>,
    /// The fix is shown only (inside a quotation).
    in_quote: bool,
}

/// An engine and the settings that select its name rules.
struct Linter<'e> {
    engine: &'e Engine,
    settings: Settings,
}

impl<'e> Linter<'e> {
    /// The name rules of `engine`, with the house style `style`.
    fn new(engine: &'e Engine, style: Option<&str>) -> Self {
        let mut settings = engine.default_settings();
        for (i, r) in engine.rules().iter().enumerate() {
            settings.enabled[i] = matches!(r.kind(), Kind::NameRomanization | Kind::FusedName);
        }
        settings.house_style = style.map(str::to_string);
        Linter { engine, settings }
    }

    /// Lint one draft.
    fn check(&self, text: &str) -> Vec<Finding> {
        let Linted::Text { diagnostics, .. } = lint_bytes(
            self.engine,
            &self.settings,
            Format::Plain,
            text.as_bytes().to_vec(),
        ) else {
            return Vec::new();
        };
        let kind = |id: &str| {
            self.engine
                .rule_index(id)
                .map(|i| self.engine.rules()[i].kind())
        };
        diagnostics
            .into_iter()
            .map(|d| Finding {
                romanization: kind(&d.rule) == Some(Kind::NameRomanization),
                rule: d.rule,
                start: d.span.start,
                end: d.span.end,
                message: d.message,
                label: d
                    .labels
                    .first()
                    .map(|l| (l.span.start, l.span.end, l.message.clone())),
                replacement: d.fix.as_ref().map(|f| f.edits[0].replacement.clone()),
                in_quote: d
                    .fix
                    .is_some_and(|f| f.applicability == Applicability::DisplayOnly),
            })
            .collect()
    }
}

/// The three news corpora of the evaluation.
struct Corpora {
    kcna: Vec<Record>,
    bbc: Vec<Record>,
    reuters: Vec<Record>,
}

/// Run the whole evaluation over `corpus_dir` with the name rules of
/// `engine` (and of `auto_only`, the same with no entity rows); `None` when
/// the corpus is absent.
fn evaluate(corpus_dir: &Path, engine: &Engine, auto_only: &Engine) -> Option<EvalReport> {
    let kcna = load(&corpus_dir.join("kcna2024.jsonl"));
    let bbc = load(&corpus_dir.join("bbc2225.jsonl"));
    let reuters = load(&corpus_dir.join("reuters21578.jsonl"));
    let (Some(kcna), Some(bbc), Some(reuters)) = (kcna, bbc, reuters) else {
        println!(
            "corpus not found under {}: skipping the evaluation",
            corpus_dir.display()
        );
        return None;
    };
    let c = Corpora { kcna, bbc, reuters };
    let mut report = EvalReport::default();
    let default = Linter::new(engine, None);
    kcna_findings(&c, &default, &mut report);
    kcna_styles(&c, engine, auto_only, &mut report);
    published(&c, &default, corpus_dir, &mut report);
    swap_test(&c, &default, &mut report);
    throughput(&c, &default, &mut report);
    Some(report)
}

/// 1. KCNA with the default settings: findings, fused names, missed ones.
fn kcna_findings(c: &Corpora, default: &Linter, report: &mut EvalReport) {
    let kcna = &c.kcna;
    // ---- 1. KCNA -----------------------------------------------------------
    println!("== 1. KCNA ({} articles), consistency on ==", kcna.len());
    let mut fused_words: BTreeMap<String, usize> = BTreeMap::new();
    for r in kcna {
        for f in default.check(&r.text) {
            if f.romanization {
                report.kcna_romanization += 1;
                let (ls, le, _) = f.label.clone().unwrap_or((0, 0, String::new()));
                println!(
                    "  {}: `{}` (first `{}`) fix `{}`{}\n      {}",
                    r.id,
                    &r.text[f.start..f.end],
                    &r.text[ls..le],
                    f.replacement.as_deref().unwrap_or(""),
                    if f.in_quote { " [in quote]" } else { "" },
                    context(&r.text, f.start, f.end)
                );
            } else {
                report.kcna_fused += 1;
                *fused_words
                    .entry(r.text[f.start..f.end].to_string())
                    .or_default() += 1;
            }
        }
    }
    println!("  name-romanization findings: {}", report.kcna_romanization);
    println!(
        "  fused-name findings: {} ({} distinct)",
        report.kcna_fused,
        fused_words.len()
    );
    let mut fw: Vec<(&String, &usize)> = fused_words.iter().collect();
    fw.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let list: Vec<String> = fw.iter().map(|(w, n)| format!("{w} ×{n}")).collect();
    println!("    {}", list.join(", "));
    // Missed fused forms: `Kim Jong Un` + lowercase not flagged.
    let mut missed: BTreeMap<String, usize> = BTreeMap::new();
    for r in kcna {
        let flagged: Vec<(usize, usize)> = default
            .check(&r.text)
            .iter()
            .filter(|f| !f.romanization)
            .map(|f| (f.start, f.end))
            .collect();
        for (s, _) in r.text.match_indices("Kim Jong Un") {
            let rest = &r.text[s + 11..];
            let n = rest.bytes().take_while(u8::is_ascii_lowercase).count();
            if n > 0 && !flagged.iter().any(|&(a, b)| a <= s && s < b) {
                *missed.entry(r.text[s..s + 11 + n].to_string()).or_default() += 1;
            }
        }
    }
    println!("  `Kim Jong Un` + lowercase not flagged: {missed:?}");
}

/// 1. KCNA with the house styles, and with no entity table.
fn kcna_styles(c: &Corpora, engine: &Engine, auto_only: &Engine, report: &mut EvalReport) {
    let kcna = &c.kcna;
    for (style, expect) in [("seoul", true), ("ap", false)] {
        let styled = Linter::new(engine, Some(style));
        let mut n = 0;
        let mut fixes: BTreeMap<String, usize> = BTreeMap::new();
        for r in kcna {
            for f in styled.check(&r.text) {
                if f.romanization && &r.text[f.start..f.end] == "Kim Jong Un" {
                    n += 1;
                    *fixes
                        .entry(
                            f.replacement
                                .clone()
                                .unwrap_or_else(|| "(in the fused-name fix)".into()),
                        )
                        .or_default() += 1;
                }
            }
        }
        println!(
            "  house_style {style}: `Kim Jong Un` flagged {n} times, fixes {fixes:?} (expected: {})",
            if expect { "flagged, fix Kim Jong-un" } else { "none" }
        );
        if style == "seoul" {
            report.kcna_seoul_kju_flagged = n;
        } else {
            report.kcna_ap_kju_flagged = n;
        }
    }

    // Auto-detection alone on KCNA (an empty table), listed for review.
    let empty = Linter::new(auto_only, None);
    let mut auto_only = 0;
    for r in kcna {
        for f in empty.check(&r.text) {
            if f.romanization {
                auto_only += 1;
                println!(
                    "  [auto only] {}: `{}` fix `{}`: {}",
                    r.id,
                    &r.text[f.start..f.end],
                    f.replacement
                        .as_deref()
                        .unwrap_or("(in the fused-name fix)"),
                    context(&r.text, f.start, f.end)
                );
            }
        }
    }
    println!("  name-romanization findings with an empty table (auto-detection only): {auto_only}");
}

/// The findings on BBC, Reuters and Wikipedia as published, for review.
fn published(c: &Corpora, default: &Linter, corpus_dir: &Path, report: &mut EvalReport) {
    let (bbc, reuters) = (&c.bbc, &c.reuters);
    // name-romanization on BBC + Reuters as they are, listed for review.
    println!("== name-romanization on BBC + Reuters as published ==");
    for r in bbc.iter().chain(reuters) {
        for f in default.check(&r.text) {
            if f.romanization {
                report.other_romanization += 1;
                let (ls, le, _) = f.label.clone().unwrap_or((0, 0, String::new()));
                println!(
                    "  {}: `{}` (first `{}`) fix `{}`: {}",
                    r.id,
                    &r.text[f.start..f.end],
                    &r.text[ls..le],
                    f.replacement
                        .as_deref()
                        .unwrap_or("(in the fused-name fix)"),
                    context(&r.text, f.start, f.end)
                );
            }
        }
    }
    println!(
        "  name-romanization findings on BBC + Reuters: {}",
        report.other_romanization
    );

    // Wikipedia articles rich in accented names and native-script glosses.
    if let Some(wiki) = load(&corpus_dir.join("wikipedia-unicode.jsonl")) {
        println!(
            "== findings on wikipedia-unicode ({} articles) ==",
            wiki.len()
        );
        let mut n = [0usize; 2];
        for r in &wiki {
            for f in default.check(&r.text) {
                n[usize::from(!f.romanization)] += 1;
                println!(
                    "  {} {}: fix `{}`: {}",
                    f.rule,
                    r.id,
                    f.replacement
                        .as_deref()
                        .unwrap_or("(in the fused-name fix)"),
                    context(&r.text, f.start, f.end)
                );
            }
        }
        println!(
            "  wikipedia-unicode: {} name-romanization, {} fused-name",
            n[0], n[1]
        );
        report.wiki_findings = n[0] + n[1];
    }

    // fused-name outside KCNA: every one is listed for review.
    println!("== fused-name on BBC + Reuters (names glued to real words?) ==");
    for r in bbc.iter().chain(reuters) {
        for f in default.check(&r.text) {
            if !f.romanization {
                report.other_fused += 1;
                println!("  {}: {}", r.id, context(&r.text, f.start, f.end));
            }
        }
    }
    println!(
        "  fused-name findings on BBC + Reuters: {}",
        report.other_fused
    );
}

/// 2. Recall and precision on swapped spellings.
fn swap_test(c: &Corpora, default: &Linter, report: &mut EvalReport) {
    let index = default
        .engine
        .name_index()
        .expect("the entity table builds");
    let (kcna, bbc, reuters) = (&c.kcna, &c.bbc, &c.reuters);
    // ---- 2. swap test set --------------------------------------------------
    println!("== 2. swap test set (BBC, KCNA, Reuters) ==");
    let mut by_kind: BTreeMap<&str, [usize; 4]> = BTreeMap::new();
    let mut shown_misses = 0;
    let mut shown_fp = 0;
    for (corpus, docs) in [("bbc", &bbc), ("kcna", &kcna), ("reuters", &reuters)] {
        for (di, r) in docs.iter().enumerate() {
            let baseline = romanization(&default.check(&r.text));
            for case in cases(&r.text, index, di) {
                let text = format!(
                    "{}{}{}",
                    &r.text[..case.start],
                    case.replacement,
                    &r.text[case.end..]
                );
                let span = (case.start, case.start + case.replacement.len());
                let found = romanization(&default.check(&text));
                let touches = |f: &Finding| {
                    let hit = |s: usize, e: usize| s < span.1 && span.0 < e;
                    hit(f.start, f.end) || f.label.as_ref().is_some_and(|l| hit(l.0, l.1))
                };
                let entry = by_kind
                    .entry(if case.positive {
                        case.kind
                    } else {
                        case.neg_kind
                    })
                    .or_default();
                if case.positive {
                    report.positives += 1;
                    entry[0] += 1;
                    let hit = found.iter().any(|f| f.start == span.0 && f.end == span.1);
                    // The swapped spelling is the only one outside
                    // quotations: it becomes the reference and the quoted
                    // ones are flagged, labelled with the swapped span.
                    let hit_label = found.iter().any(|f| {
                        f.label
                            .as_ref()
                            .is_some_and(|l| l.0 == span.0 && l.1 == span.1)
                    });
                    if hit || hit_label {
                        report.detected += 1;
                        entry[1] += 1;
                        if !hit {
                            report.detected_by_label += 1;
                        }
                    } else if shown_misses < 40 {
                        shown_misses += 1;
                        println!(
                            "  MISS {corpus} {}: `{}` -> `{}`: {}",
                            r.id,
                            &r.text[case.start..case.end],
                            case.replacement,
                            context(&text, span.0, span.1)
                        );
                    }
                } else {
                    report.negatives += 1;
                    entry[2] += 1;
                    let fp = found.iter().any(touches) || found.len() > baseline.len();
                    if fp {
                        report.false_alarms += 1;
                        entry[3] += 1;
                        if shown_fp < 40 {
                            shown_fp += 1;
                            println!(
                                "  FALSE ALARM {corpus} {}: `{}` -> `{}`: {:?}",
                                r.id,
                                &r.text[case.start..case.end],
                                case.replacement,
                                found
                                    .iter()
                                    .filter(|f| touches(f))
                                    .map(|f| &f.message)
                                    .collect::<Vec<_>>()
                            );
                        }
                    }
                }
            }
        }
    }
    for (kind, [p, d, n, fa]) in &by_kind {
        if *p > 0 {
            println!("  {kind:<22} positives {p:>5}  detected {d:>5}");
        }
        if *n > 0 {
            println!("  {kind:<22} negatives {n:>5}  flagged  {fa:>5}");
        }
    }
    println!(
        "  recall    = {}/{} = {:.4} ({} of them flagged on the quoted original, labelled with the swapped spelling)",
        report.detected,
        report.positives,
        report.recall(),
        report.detected_by_label
    );
    println!(
        "  precision = TP/(TP+FP) = {}/({}+{}) = {:.4}; negatives not flagged {}/{}",
        report.detected,
        report.detected,
        report.false_alarms,
        report.precision(),
        report.negatives - report.false_alarms,
        report.negatives
    );
}

/// 3. Throughput of the name rules, linting as users do.
fn throughput(c: &Corpora, default: &Linter, report: &mut EvalReport) {
    let (bbc, reuters) = (&c.bbc, &c.reuters);
    // ---- 3. throughput -----------------------------------------------------
    let docs: Vec<&str> = bbc.iter().chain(reuters).map(|r| r.text.as_str()).collect();
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let mut rates = Vec::new();
    let mut total = 0;
    for _ in 0..3 {
        let t = Instant::now();
        for d in &docs {
            total += default.check(d).len();
        }
        rates.push(bytes as f64 / 1e6 / t.elapsed().as_secs_f64());
    }
    rates.sort_by(|a, b| a.total_cmp(b));
    report.mb_per_s = rates[1];
    println!(
        "== 3. throughput: {:.1} MB of BBC + Reuters, {} docs, runs {:.1?} MB/s, median {:.1} MB/s ({} findings/run)",
        bytes as f64 / 1e6,
        docs.len(),
        rates,
        report.mb_per_s,
        total / 3
    );
}

fn romanization(fs: &[Finding]) -> Vec<Finding> {
    fs.iter().filter(|f| f.romanization).cloned().collect()
}

struct Case {
    start: usize,
    end: usize,
    replacement: String,
    positive: bool,
    kind: &'static str,
    neg_kind: &'static str,
}

fn words_compatible(a: &str, b: &str) -> bool {
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    let (s, l) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    l[..s.len()] == s[..] || l[l.len() - s.len()..] == s[..]
}

fn lev(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Swap cases for one article: for each name written the same way at least
/// twice, its last occurrence becomes (a) a known variant of the same name
/// (positive) and (b) a different person's or place's name of similar shape
/// (negative).
fn cases(text: &str, index: &NameIndex, seed: usize) -> Vec<Case> {
    let forms = index.find_forms(text);
    let mut out = table_cases(text, index, &forms, seed);
    out.extend(shape_cases(text, index, &forms, seed));
    out
}

/// (a) The swap cases of the table names of an article (its `forms`).
fn table_cases(text: &str, index: &NameIndex, forms: &[FormMatch], seed: usize) -> Vec<Case> {
    let mut out = Vec::new();
    let entities = index.entities();
    let mut per_entity: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for m in forms {
        per_entity
            .entry(m.entity)
            .or_default()
            .push((m.start, m.end));
    }
    // Only uses of a name are compared: a form that is a word of another
    // entity's proper name (`Kyiv University`, `Teheran Times`) is not one.
    for occ in per_entity.values_mut() {
        occ.retain(|&(_, e)| !heads_another_name(text, e));
    }
    let present: Vec<usize> = per_entity.keys().copied().collect();
    for (&ent, occ) in &per_entity {
        let kind = entities[ent].kind;
        if occ.len() < 2 || kind == EntityKind::Organisation {
            continue;
        }
        let surface = &text[occ[0].0..occ[0].1];
        if occ.iter().any(|&(s, e)| &text[s..e] != surface) {
            continue; // the article is already inconsistent
        }
        let (s, e) = *occ.last().unwrap();
        let e_ref = &entities[ent];
        let all_forms: Vec<&str> = std::iter::once(e_ref.name.as_str())
            .chain(e_ref.variants.iter().map(String::as_str))
            .chain(e_ref.styles.values().map(String::as_str))
            .collect();
        let variants: Vec<&str> = all_forms
            .iter()
            .copied()
            .filter(|v| !words_compatible(v, surface))
            .collect();
        if !variants.is_empty() {
            out.push(Case {
                start: s,
                end: e,
                replacement: variants[seed % variants.len()].to_string(),
                positive: true,
                kind: "table variant",
                neg_kind: "",
            });
        }
        // Negative: the closest form of another entity of the same kind,
        // absent from the article, with as many words.
        let nwords = surface.split_whitespace().count();
        let best = entities
            .iter()
            .enumerate()
            .filter(|(i, o)| *i != ent && o.kind == kind && !present.contains(i))
            .flat_map(|(_, o)| std::iter::once(&o.name).chain(&o.variants))
            .filter(|f| f.split_whitespace().count() == nwords)
            .min_by_key(|f| (lev(f, surface), f.to_string()));
        if let Some(f) = best {
            out.push(Case {
                start: s,
                end: e,
                replacement: f.clone(),
                positive: false,
                kind: "",
                neg_kind: "table other entity",
            });
        }
    }

    out
}

/// Whether the form ending at `end` is followed by a word of the shipped
/// `proper-name-heads` (`University`): a word of another entity's name.
fn heads_another_name(text: &str, end: usize) -> bool {
    static HEADS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let heads = HEADS.get_or_init(|| Tuning::shipped().proper_name_heads);
    word_after(text, end).is_some_and(|w| heads.iter().any(|h| h == w))
}

/// (b) The swap cases of the names in no table (outside the article's
/// table `forms`), found by shape.
fn shape_cases(text: &str, index: &NameIndex, forms: &[FormMatch], seed: usize) -> Vec<Case> {
    let mut out = Vec::new();
    let detected = index.detect_names(text);
    let mut by_surface: BTreeMap<&str, Vec<(usize, usize, bool)>> = BTreeMap::new();
    for d in &detected {
        if forms
            .iter()
            .any(|m| m.glued_start < d.end && d.start < m.glued_end)
        {
            continue;
        }
        by_surface
            .entry(&text[d.start..d.end])
            .or_default()
            .push((d.start, d.end, d.east_asian));
    }
    let mut keys_in_doc: HashMap<&str, usize> = HashMap::new();
    for d in &detected {
        *keys_in_doc.entry(d.key.as_str()).or_default() += 1;
    }
    for (surface, mut occ) in by_surface {
        occ.retain(|&(_, e, _)| !heads_another_name(text, e));
        if occ.len() < 2 {
            continue;
        }
        let (s, e, east_asian) = *occ.last().unwrap();
        if east_asian {
            let parts: Vec<&str> = surface.split(' ').collect();
            if let Some(v) = ea_variant(&parts, seed) {
                out.push(Case {
                    start: s,
                    end: e,
                    replacement: v,
                    positive: true,
                    kind: "auto east-asian",
                    neg_kind: "",
                });
            }
            if let Some(v) = ea_other_person(&parts, text, seed) {
                out.push(Case {
                    start: s,
                    end: e,
                    replacement: v,
                    positive: false,
                    kind: "",
                    neg_kind: "auto east-asian other",
                });
            }
        } else if surface.ends_with("ky") && !is_english_word(&surface.to_lowercase()) {
            let stem = &surface[..surface.len() - 1];
            let v = if seed % 2 == 0 {
                format!("{stem}yy")
            } else {
                format!("{stem}iy")
            };
            out.push(Case {
                start: s,
                end: e,
                replacement: v,
                positive: true,
                kind: "auto slavic ending",
                neg_kind: "",
            });
            // Another surname of the same shape: swap the stem's first
            // consonant cluster for another letter.
            let first = surface.chars().next().unwrap();
            let other = ['B', 'D', 'K', 'L', 'M', 'P', 'R', 'S', 'T', 'V']
                .into_iter()
                .find(|&c| c != first)
                .unwrap();
            let v = format!("{other}{}", &surface[first.len_utf8()..]);
            if !text.contains(&v) {
                out.push(Case {
                    start: s,
                    end: e,
                    replacement: v,
                    positive: false,
                    kind: "",
                    neg_kind: "auto slavic other",
                });
            }
        }
    }
    out
}

/// A variant of an East Asian name in no table: the spelling of the other
/// system or the other hyphenation convention.
fn ea_variant(parts: &[&str], seed: usize) -> Option<String> {
    let surname_alt: &[(&str, &str)] = &[
        ("Choe", "Choi"),
        ("Choi", "Choe"),
        ("Ri", "Lee"),
        ("Lee", "Yi"),
        ("Pak", "Park"),
        ("Park", "Pak"),
        ("Jo", "Cho"),
        ("Cho", "Jo"),
        ("Jong", "Jung"),
        ("Jung", "Jeong"),
        ("Yun", "Yoon"),
        ("Yoon", "Yun"),
        ("Mun", "Moon"),
        ("Moon", "Mun"),
        ("Kang", "Gang"),
        ("Jang", "Chang"),
        ("Ko", "Koh"),
        ("Jon", "Jeon"),
        ("Jeon", "Chon"),
        ("So", "Seo"),
    ];
    let (surname, given) = parts.split_first()?;
    let given_joined: String = if given.len() == 1 {
        given[0].to_string()
    } else {
        // `Ryong Hae` -> `Ryong-hae`
        let mut g = given[0].to_string();
        for p in &given[1..] {
            g.push('-');
            g.push_str(&p.to_lowercase());
        }
        g
    };
    let hyphen_toggle = if given.len() > 1 {
        format!("{surname} {given_joined}")
    } else if let Some((a, b)) = given[0].split_once('-') {
        // `Dong-hyuk` -> `Dong Hyuk`
        let mut c = b.chars();
        let b_cap: String = c
            .next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default();
        format!("{surname} {a} {b_cap}")
    } else {
        return surname_alt
            .iter()
            .find(|(s, _)| s == surname)
            .map(|(_, alt)| format!("{alt} {}", given[0]));
    };
    let alt = surname_alt.iter().find(|(s, _)| s == surname);
    match (alt, seed % 2) {
        (Some((_, a)), 0) => Some(format!("{a} {given_joined}")),
        _ => Some(hyphen_toggle),
    }
}

/// A different person of the same shape: the last given-name syllable
/// replaced with a syllable that folds differently.
fn ea_other_person(parts: &[&str], text: &str, seed: usize) -> Option<String> {
    const SYLLABLES: &[&str] = &[
        "Chol", "Nam", "Su", "Il", "Ho", "Min", "Sik", "Hwan", "Man", "Gyu", "Ae", "Bin",
    ];
    let (surname, given) = parts.split_first()?;
    let last = given.last()?;
    let (prefix, last_syl, sep) = match last.rsplit_once('-') {
        Some((a, b)) => (format!("{a}-"), b, ""),
        None => (String::new(), *last, ""),
    };
    let _ = sep;
    let fold = |s: &str| s.to_lowercase().replace("eo", "o");
    let mut i = seed % SYLLABLES.len();
    for _ in 0..SYLLABLES.len() {
        let cand = SYLLABLES[i];
        i = (i + 1) % SYLLABLES.len();
        if fold(cand) == fold(last_syl) || (cand == "Ho" && fold(last_syl) == "o") {
            continue;
        }
        let cand = if prefix.is_empty() {
            cand.to_string()
        } else {
            cand.to_lowercase()
        };
        let mut out: Vec<String> = std::iter::once(surname.to_string())
            .chain(given[..given.len() - 1].iter().map(|s| s.to_string()))
            .collect();
        if given.len() == 1 && prefix.is_empty() {
            // A one-word given name (`Sangmok`): replace it whole.
            out.push(cand);
        } else {
            out.push(format!("{prefix}{cand}"));
        }
        let v = out.join(" ");
        if !text.contains(&v) {
            return Some(v);
        }
    }
    None
}

/// The shipped packs; with `table`, their entity rows replaced by the
/// pack's. `with_entities = false`: no entity rows at all.
fn engine(table: Option<&Path>, with_entities: bool) -> Engine {
    let mut all = pack::shipped().unwrap_or_else(|e| panic!("{e}"));
    if let Some(path) = table {
        let toml = std::fs::read_to_string(path).expect("entity table");
        let mut rows =
            pack::load(&path.display().to_string(), &toml).unwrap_or_else(|e| panic!("{e}"));
        // (Its entity rows only: the shipped rules stay.)
        rows.rules.clear();
        all.entities.clear();
        all.origins.clear();
        all.extend(rows).unwrap_or_else(|e| panic!("{e}"));
    }
    if !with_entities {
        all.entities.clear();
        all.origins.clear();
    }
    Engine::new(all).expect("the engine builds")
}

fn main() {
    let mut args = std::env::args().skip(1);
    let corpus = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")));
    let table = args.next().map(PathBuf::from);
    let t = Instant::now();
    let engine = engine(table.as_deref(), true);
    let index: &NameIndex = engine.name_index().expect("entity table builds");
    println!(
        "table {} ({} entities), engine and index built in {:.1?}",
        table
            .as_deref()
            .map_or("rules/names.toml (shipped)".into(), |p| p
                .display()
                .to_string()),
        index.entities().len(),
        t.elapsed()
    );
    if !corpus.is_dir() {
        println!("skipping: corpus not found at {}", corpus.display());
        return;
    }
    let auto_only = self::engine(table.as_deref(), false);
    if let Some(r) = evaluate(&corpus, &engine, &auto_only) {
        println!(
            "SUMMARY kcna_romanization={} seoul_KJU_flagged={} ap_KJU_flagged={} kcna_fused={} other_fused={} bbc_reuters_romanization={} recall={:.4} ({}/{}) precision={:.4} (false alarms {}/{} negatives) throughput={:.1} MB/s",
            r.kcna_romanization,
            r.kcna_seoul_kju_flagged,
            r.kcna_ap_kju_flagged,
            r.kcna_fused,
            r.other_fused,
            r.other_romanization,
            r.recall(),
            r.detected,
            r.positives,
            r.precision(),
            r.false_alarms,
            r.negatives,
            r.mb_per_s
        );
    }
}
