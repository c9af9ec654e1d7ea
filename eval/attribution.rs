//! Corpus evaluation of the attribution rules.
//!
//! `cargo run --release --example eval-attribution [CORPUS_DIR] [SAMPLE_DIR]`
//!
//! Reads JSON-lines corpora (`id`, `text`) from CORPUS_DIR (default
//! `/work/shared/corpus`, else `../shared/corpus`) and prints: false alarms
//! per 100 articles, recall on quotes whose attribution was removed,
//! precision/recall of `unattributed-claim` on CoNLL-2010 Wikipedia weasel
//! sentences, the seed article's findings, precision and recall of
//! `unattributed-quote` on the labelled political stories of
//! `eval/political-news`, precision on the hand-labelled Wikipedia findings
//! of `eval/wikipedia-review`, and throughput. When SAMPLE_DIR is
//! given, every finding is written there for review.
//!
//! The rules run as a user runs them: an [`Engine`] built from the shipped
//! packs lints each text ([`lint_bytes`]), with the rules selected through
//! [`Settings::enabled`]; the test sets are built with the segmenter.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use copydesk::rules::attribution::Options;
use copydesk::rules::pack;
use copydesk::segment::{segment, Segmented};
use copydesk::{lint_bytes, Diagnostic, Engine, Format, Linted, Settings, Span};
use regex::Regex;

/// The attribution rules, in the order their findings are reported here.
const RULES: [&str; 3] = [
    "unattributed-quote",
    "unattributed-claim",
    "anonymous-source",
];

/// The shipped rules, and settings that enable some of them.
struct Linter {
    engine: Engine,
    /// The three attribution rules.
    all: Settings,
    quotes: Settings,
    claims: Settings,
    /// `unattributed-claim` and the opt-in `weasel-words`.
    weasel: Settings,
}

impl Linter {
    fn new() -> Linter {
        let engine = Engine::new(pack::shipped().expect("the shipped packs load"))
            .expect("the shipped packs compile");
        let only = |ids: &[&str]| {
            let mut s = engine.default_settings();
            s.enabled = engine
                .rules()
                .iter()
                .map(|r| ids.contains(&r.id.as_str()))
                .collect();
            s
        };
        let (all, quotes, claims) = (only(&RULES), only(&RULES[..1]), only(&RULES[1..2]));
        let weasel = only(&["unattributed-claim", "weasel-words"]);
        Linter {
            engine,
            all,
            quotes,
            claims,
            weasel,
        }
    }

    /// The findings of the rules `settings` enables on `text`: by rule (in
    /// [`RULES`] order), then by position.
    fn lint(&self, settings: &Settings, text: &str) -> Vec<Diagnostic> {
        let linted = lint_bytes(
            &self.engine,
            settings,
            Format::Plain,
            text.as_bytes().to_vec(),
        );
        let Linted::Text {
            mut diagnostics, ..
        } = linted
        else {
            return Vec::new();
        };
        diagnostics.sort_by_key(|d| RULES.iter().position(|r| *r == d.rule));
        diagnostics
    }
}

struct Doc {
    id: String,
    text: String,
    label: Option<bool>,
}

fn load(path: &Path) -> Option<Vec<Doc>> {
    let data = fs::read_to_string(path).ok()?;
    let docs = data
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| Doc {
            id: v["id"].as_str().unwrap_or("").to_string(),
            text: v["text"].as_str().unwrap_or("").to_string(),
            label: v.get("uncertain").and_then(|u| u.as_i64()).map(|u| u == 1),
        })
        .collect();
    Some(docs)
}

/// The `.jsonl` files of `dir`, sorted by name.
fn jsonl_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    files
}

/// The sentence around a finding, on one line, with the finding in [[ ]].
fn context(text: &str, seg: &Segmented, f: Span) -> String {
    let p = seg
        .paragraphs
        .iter()
        .find(|p| p.start <= f.start && f.start < p.end)
        .cloned()
        .unwrap_or(0..text.len());
    let sents: Vec<_> = seg
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| s.span.start <= f.end && f.start < s.span.end)
        .map(|(i, _)| i)
        .collect();
    let lo = sents.first().map_or(p.start, |&i| {
        seg.sentences[i.saturating_sub(1)].span.start.max(p.start)
    });
    let hi = sents.last().map_or(p.end, |&i| {
        seg.sentences
            .get(i + 1)
            .map_or(p.end, |s| s.span.end.min(p.end))
    });
    let s = format!(
        "{}[[{}]]{}",
        &text[lo..f.start],
        &text[f.start..f.end],
        &text[f.end..hi.max(f.end)]
    );
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Sampler {
    out: Option<fs::File>,
}

impl Sampler {
    fn write(&mut self, line: &str) {
        if let Some(f) = &mut self.out {
            let _ = writeln!(f, "{line}");
        }
    }
}

/// Figure 1 and part of 3: findings per 100 articles, with a printed sample.
fn false_alarms(name: &str, docs: &[Doc], lint: &Linter, sample: &mut Sampler) {
    let mut counts = [0usize; 3];
    let mut shown = [0usize; 3];
    for d in docs {
        let seg = segment(&d.text);
        for f in lint.lint(&lint.all, &d.text) {
            let k = RULES.iter().position(|r| *r == f.rule).unwrap();
            counts[k] += 1;
            let line = format!(
                "{} {} {}: {}",
                name,
                f.rule,
                d.id,
                context(&d.text, &seg, f.span)
            );
            sample.write(&line);
            if shown[k] < 6 && counts[k] % 7 == 1 {
                shown[k] += 1;
                println!("    sample: {line}");
            }
        }
    }
    for (k, r) in RULES.iter().enumerate() {
        println!(
            "  {name}: {r}: {} findings in {} articles = {:.2} per 100 articles",
            counts[k],
            docs.len(),
            counts[k] as f64 * 100.0 / docs.len().max(1) as f64
        );
    }
}

/// "Attribution nearby": any speech verb form or attribution phrase of the
/// shipped options, as a whole word.
fn speech_cues() -> Regex {
    let opts = Options::default();
    let mut cues = opts.speech_forms();
    cues.extend(opts.attribution_phrases.iter().map(|p| p.to_lowercase()));
    let alt = cues
        .iter()
        .map(|w| {
            w.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(r"(?i)\b(?:{alt})\b")).unwrap()
}

/// Whether a sentence names nobody who could be a speaker: no capitalized
/// word after its first, no pronoun or capitalized subject opening it, no
/// speaker noun of the shipped options.
fn names_nobody(opts: &Options) -> impl Fn(&str) -> bool {
    let word_re = Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}'-]*").unwrap();
    let speaker_nouns: Vec<String> = opts
        .speaker_nouns
        .iter()
        .map(|w| w.to_lowercase())
        .collect();
    move |s: &str| {
        let ws: Vec<&str> = word_re.find_iter(s).map(|m| m.as_str()).collect();
        let cap = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
        let first = ws.first().map(|w| w.to_lowercase()).unwrap_or_default();
        let function = [
            "the", "a", "an", "this", "but", "in", "on", "at", "for", "there",
        ];
        let pronoun = ["he", "she", "they", "we", "i", "it"].contains(&first.as_str());
        let named_first = ws.len() > 1 && cap(&ws[0]) && !function.contains(&first.as_str());
        let named_later = ws.iter().skip(1).any(cap);
        let role = ws.iter().any(|w| speaker_nouns.contains(&w.to_lowercase()));
        !(pronoun || named_first || named_later || role)
    }
}

/// Figure 2: recall on quotes whose attribution was removed.
///
/// Test cases: a whole sentence `"...," Smith said.` (or `he added.`, `the
/// official told reporters.`, `Smith said on Monday.`, `said Smith, the
/// chief executive.`) becomes `"...."`. It is kept only when the
/// neighbouring sentences in its paragraph hold no speech verb, quotation
/// mark or colon, and it does not open a paragraph after a colon: the
/// *broad* set. The *strict* set also requires that the previous sentence
/// names nobody (no capitalized word after its first, no pronoun or
/// capitalized subject opening it): the spec's "nearby sentences name no
/// speaker".
fn recall(docs: &[Doc], lint: &Linter, sample: &mut Sampler) {
    let attributed = Regex::new(
        r#"^(["\u{201C}])([A-Z][^"\u{201C}\u{201D}]{15,}?),(["\u{201D}]) (?:(?:(?:[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3})|he|she|they|the [a-z]+) (?:said|says|added|told [A-Za-z ]+|explained|warned|noted)(?: on [A-Z][a-z]+day| in a statement| in an interview)?|(?:said|says|added) [A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}(?:, (?:the |a |an )?[a-z][a-z ]+)?)\.$"#,
    )
    .unwrap();
    let opts = Options::default();
    let speech_re = speech_cues();
    let names_nobody = names_nobody(&opts);
    // (total, flagged) for the broad and the strict sets.
    let mut counts = [(0usize, 0usize); 2];
    let mut control_flagged = 0usize;
    let mut misses = 0;
    for d in docs {
        let seg = segment(&d.text);
        for (si, s) in seg.sentences.iter().enumerate() {
            let st = &d.text[s.span.clone()];
            let Some(m) = attributed.captures(st) else {
                continue;
            };
            let para = seg.sentences_of(s.paragraph);
            // The previous sentence: in the paragraph, or the previous
            // paragraph's last one when the quotation opens its paragraph
            // (the detector reads a speech verb there, wire style).
            let prev = (si > 0).then(|| si - 1);
            let next = (si + 1 < para.end).then_some(si + 1);
            let free = |n: usize| {
                let nt = &d.text[seg.sentences[n].span.clone()];
                !speech_re.is_match(nt) && !nt.contains(['"', '\u{201C}', '\u{201D}', ':'])
            };
            if !prev.is_none_or(free) || !next.is_none_or(free) {
                continue;
            }
            if prev.is_none() && s.paragraph > 0 {
                let pp = &d.text[seg.paragraphs[s.paragraph - 1].clone()];
                if pp.trim_end().ends_with(':') || pp.matches('"').count() % 2 == 1 {
                    continue;
                }
            }
            let strict = prev.is_none_or(|n| names_nobody(&d.text[seg.sentences[n].span.clone()]));
            // Control: the original is not flagged.
            if lint
                .lint(&lint.quotes, &d.text)
                .iter()
                .any(|f| f.span.start < s.span.end && s.span.start < f.span.end)
            {
                control_flagged += 1;
            }
            // Remove the attribution: `"...," Smith said.` -> `"...."`.
            let new_sentence = format!("{}{}.{}", &m[1], &m[2], &m[3]);
            let text = format!(
                "{}{}{}",
                &d.text[..s.span.start],
                new_sentence,
                &d.text[s.span.end..]
            );
            let span = s.span.start..s.span.start + new_sentence.len();
            let found = lint
                .lint(&lint.quotes, &text)
                .iter()
                .any(|f| f.span.start < span.end && span.start < f.span.end);
            for (k, member) in [(0, true), (1, strict)] {
                if member {
                    counts[k].0 += 1;
                    counts[k].1 += usize::from(found);
                }
            }
            if !found {
                misses += 1;
                let set = if strict { "strict" } else { "broad" };
                let seg2 = segment(&text);
                let line = format!(
                    "recall miss ({set}) {}: {}",
                    d.id,
                    context(&text, &seg2, Span::new(span.start, span.end))
                );
                if misses <= 5 {
                    println!("    {line}");
                }
                sample.write(&line);
            }
        }
    }
    for (k, name) in ["broad", "strict"].iter().enumerate() {
        let (t, f) = counts[k];
        println!(
            "  recall ({name} set): {f}/{t} = {:.3} of quotes with attribution removed flagged",
            f as f64 / t.max(1) as f64
        );
    }
    println!(
        "  controls: {control_flagged}/{} original (attributed) quotes flagged",
        counts[0].0
    );
}

/// Figure 3: CoNLL-2010 Wikipedia weasel sentences.
fn conll(docs: &[Doc], lint: &Linter, sample: &mut Sampler) {
    conll_with(docs, lint, &lint.claims, "unattributed-claim", sample);
    // `weasel-words` beside it: a sentence is predicted uncertain when
    // either fires. The cues were chosen on the even ids; the odd ids are
    // the held-out half.
    let half = |odd: bool| -> Vec<Doc> {
        docs.iter()
            .filter(|d| {
                d.id.rsplit('-')
                    .next()
                    .and_then(|n| n.parse::<usize>().ok())
                    .is_some_and(|n| (n % 2 == 1) == odd)
            })
            .map(|d| Doc {
                id: d.id.clone(),
                text: d.text.clone(),
                label: d.label,
            })
            .collect()
    };
    let mut none = Sampler { out: None };
    conll_with(
        docs,
        lint,
        &lint.weasel,
        "claim+weasel (train, all)",
        &mut none,
    );
    conll_with(
        &half(false),
        lint,
        &lint.weasel,
        "claim+weasel (even ids, tuned on)",
        &mut none,
    );
    conll_with(
        &half(true),
        lint,
        &lint.weasel,
        "claim+weasel (odd ids, held out)",
        &mut none,
    );
}

fn conll_with(docs: &[Doc], lint: &Linter, settings: &Settings, name: &str, sample: &mut Sampler) {
    let (mut tp, mut fp, mut fneg, mut tn) = (0usize, 0usize, 0usize, 0usize);
    let mut shown = 0;
    for d in docs {
        let Some(label) = d.label else { continue };
        let seg = segment(&d.text);
        let found = lint.lint(settings, &d.text);
        match (!found.is_empty(), label) {
            (true, true) => {
                tp += 1;
                sample.write(&format!(
                    "conll true positive {}: {}",
                    d.id,
                    context(&d.text, &seg, found[0].span)
                ));
            }
            (true, false) => {
                fp += 1;
                let line = format!(
                    "conll false positive {}: {}",
                    d.id,
                    context(&d.text, &seg, found[0].span)
                );
                if shown < 8 {
                    shown += 1;
                    println!("    {line}");
                }
                sample.write(&line);
            }
            (false, true) => fneg += 1,
            (false, false) => tn += 1,
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fneg).max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!(
        "  conll2010 wiki weasel, {name}: tp={tp} fp={fp} fn={fneg} tn={tn} precision={p:.3} recall={r:.3} F1={:.1}",
        f1 * 100.0
    );
}

fn throughput(docs: &[&Doc], lint: &Linter) {
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut rates = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        let mut n = 0usize;
        for d in docs {
            n += lint.lint(&lint.all, &d.text).len();
        }
        let secs = t.elapsed().as_secs_f64();
        std::hint::black_box(n);
        rates.push(bytes as f64 / 1e6 / secs);
    }
    rates.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "  throughput: {:.1} MB of text, segment + 3 rules: median {:.2} MB/s (runs: {})",
        bytes as f64 / 1e6,
        rates[1],
        rates
            .iter()
            .map(|r| format!("{r:.2}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
}

/// Figure 6: precision and recall of `unattributed-quote` on the labelled
/// political stories of `eval/political-news` (see its README): a
/// quotation is flagged when a finding overlaps it. A held-out set's
/// findings are counted, never written to the sample.
fn political_news(lint: &Linter, sample: &mut Sampler, name: &str, files: &[&str]) {
    let held_out = name.contains("held out");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/political-news");
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut stories = 0;
    for file in files {
        let Ok(data) = fs::read_to_string(dir.join(file)) else {
            println!("  {file}: absent, skipped");
            continue;
        };
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let (id, text) = (
                v["id"].as_str().unwrap_or(""),
                v["text"].as_str().unwrap_or(""),
            );
            stories += 1;
            let seg = segment(text);
            let found: Vec<Span> = lint
                .lint(&lint.quotes, text)
                .iter()
                .map(|d| d.span)
                .collect();
            let mut from = 0;
            for q in v["quotes"].as_array().into_iter().flatten() {
                let words = q["quote"].as_str().unwrap_or("");
                let Some(at) = text[from..].find(words).map(|i| from + i) else {
                    panic!("{id}: quotation not in its text: {words:?}");
                };
                from = at + words.len();
                let span = Span::new(at, from);
                let flagged = found
                    .iter()
                    .any(|f| f.start < span.end && span.start < f.end);
                let attributed = q["attributed"].as_bool().unwrap_or(true);
                let verdict = match (flagged, attributed) {
                    (true, false) => {
                        tp += 1;
                        continue;
                    }
                    (true, true) => {
                        fp += 1;
                        "false alarm"
                    }
                    (false, false) => {
                        fn_ += 1;
                        "miss"
                    }
                    (false, true) => continue,
                };
                if !held_out {
                    sample.write(&format!(
                        "political {verdict} {id}: {}",
                        context(text, &seg, span)
                    ));
                }
            }
        }
    }
    let ratio = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    println!(
        "  {name}: {stories} stories: tp={tp} fp={fp} fn={fn_} precision={:.3} recall={:.3}, {:.1} false alarms per 100 stories",
        ratio(tp, tp + fp),
        ratio(tp, tp + fn_),
        100.0 * ratio(fp, stories)
    );
}

/// Figure 6b: recall on the political stories' quotations with their
/// attribution removed, as the issue's held-out measure makes its orphans.
///
/// A sentence that is one quotation and a short speech tag (`"…," Ruiz
/// said on Tuesday.`, `Ruiz said: "…"`) becomes the quotation alone. It is
/// kept only when no other sentence of its paragraph holds a speech verb, a
/// quotation mark or a colon, and the paragraph before holds no speech verb
/// and no quotation mark: "no speaker in the paragraph before either". The
/// original must not be flagged (a control). A held-out set's cases are
/// counted, never printed or sampled.
fn political_removal(lint: &Linter, sample: &mut Sampler) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/political-news");
    let held_out = [
        "third.jsonl",
        "fifth.jsonl",
        "seventh.jsonl",
        "tenth.jsonl",
        "sixteenth.jsonl",
        "thirtythird.jsonl",
        "thirtyeighth.jsonl",
        "fortieth.jsonl",
    ];
    let speech_re = speech_cues();
    let names_nobody = names_nobody(&Options::default());
    let quote = r#"([\u{201C}"])([^\u{201C}\u{201D}"]{12,}?)([,.?!\u{2014}]?)([\u{201D}"])"#;
    let tail = Regex::new(&format!(
        r#"^{quote} ([^\u{{201C}}\u{{201D}}":]{{3,90}}?)\.$"#
    ))
    .unwrap();
    let head = Regex::new(&format!(
        r#"^([^\u{{201C}}\u{{201D}}":]{{3,90}}?)[,:] {quote}$"#
    ))
    .unwrap();
    let quoted = Regex::new(r#"\u{201C}[^\u{201D}]*\u{201D}?|"[^"]*"?"#).unwrap();
    let files = jsonl_files(&dir);
    // (cases, flagged, controls flagged): development and held-out sets,
    // each all cases and the strict ones.
    let mut counts = [[(0usize, 0usize, 0usize); 2]; 2];
    for file in &files {
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        let ho = held_out.contains(&name.as_ref());
        let Ok(data) = fs::read_to_string(file) else {
            continue;
        };
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let (id, text) = (
                v["id"].as_str().unwrap_or(""),
                v["text"].as_str().unwrap_or(""),
            );
            let seg = segment(text);
            let original = lint.lint(&lint.quotes, text);
            for (si, s) in seg.sentences.iter().enumerate() {
                let st = &text[s.span.clone()];
                let (open, words, end, close, tag) = if let Some(m) = tail.captures(st) {
                    (
                        m[1].to_string(),
                        m[2].to_string(),
                        m[3].to_string(),
                        m[4].to_string(),
                        m[5].to_string(),
                    )
                } else if let Some(m) = head.captures(st) {
                    (
                        m[2].to_string(),
                        m[3].to_string(),
                        m[4].to_string(),
                        m[5].to_string(),
                        m[1].to_string(),
                    )
                } else {
                    continue;
                };
                if !speech_re.is_match(&tag) || tag.split_whitespace().count() > 12 {
                    continue;
                }
                let para = seg.sentences_of(s.paragraph);
                // Quotation alone may go on in the sentences after it.
                let others_free = para.clone().filter(|&n| n != si).all(|n| {
                    let nt = &text[seg.sentences[n].span.clone()];
                    let outside = quoted.replace_all(nt, "");
                    n > si
                        && !speech_re.is_match(&outside)
                        && !outside.contains(['"', '\u{201C}', '\u{201D}', ':'])
                        && outside.trim().len() < 3
                });
                let before_free = s.paragraph == 0 || {
                    let pp = &text[seg.paragraphs[s.paragraph - 1].clone()];
                    !speech_re.is_match(pp)
                        && !pp.contains(['"', '\u{201C}', '\u{201D}'])
                        && !pp.trim_end().ends_with(':')
                };
                if !others_free || !before_free {
                    continue;
                }
                // Strict: the sentence before names nobody either.
                let strict = s.paragraph == 0 || {
                    let last = seg.sentences_of(s.paragraph - 1).end - 1;
                    names_nobody(&text[seg.sentences[last].span.clone()])
                };
                let control = original
                    .iter()
                    .any(|f| f.span.start < s.span.end && s.span.start < f.span.end);
                let end = match end.as_str() {
                    "?" | "!" => end,
                    _ => ".".to_string(),
                };
                let words = words.trim_end_matches([',', ' ']);
                let new_sentence = format!("{open}{words}{end}{close}");
                let changed = format!(
                    "{}{}{}",
                    &text[..s.span.start],
                    new_sentence,
                    &text[s.span.end..]
                );
                let span = s.span.start..s.span.start + new_sentence.len();
                let found = lint
                    .lint(&lint.quotes, &changed)
                    .iter()
                    .any(|f| f.span.start < span.end && span.start < f.span.end);
                for k in [0, 1].into_iter().filter(|&k| k == 0 || strict) {
                    let c = &mut counts[usize::from(ho)][k];
                    c.0 += 1;
                    c.1 += usize::from(found);
                    c.2 += usize::from(control);
                }
                if !found && !ho {
                    let seg2 = segment(&changed);
                    let line = format!(
                        "political removal miss ({}) {id}: {}",
                        if strict { "strict" } else { "broad" },
                        context(&changed, &seg2, Span::new(span.start, span.end))
                    );
                    println!("    {line}");
                    sample.write(&line);
                }
            }
        }
    }
    for (k, name) in ["development sets", "held-out sets (counted only)"]
        .iter()
        .enumerate()
    {
        for (j, kind) in ["all", "strict"].iter().enumerate() {
            let (t, f, c) = counts[k][j];
            println!(
                "  {name}, {kind}: {f}/{t} = {:.3} of quotations with the attribution removed flagged; controls: {c}/{t} originals flagged",
                f as f64 / t.max(1) as f64
            );
        }
    }
}

/// Figure 7: the hand reviews of Wikipedia findings in
/// `eval/wikipedia-review` (see its README). Each labelled finding is
/// looked for among the rule's findings now, by document and byte span:
/// precision is over the labelled findings still reported; those no longer
/// reported and the current findings nobody labelled are counted beside it.
fn wikipedia_review(dir: &Path, lint: &Linter) {
    let reviews = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/wikipedia-review");
    let Some(docs) = load(&dir.join("wikipedia-unicode.jsonl")) else {
        println!("  corpus absent, skipped");
        return;
    };
    let files = jsonl_files(&reviews);
    for (rule, settings) in [
        ("unattributed-quote", &lint.quotes),
        ("unattributed-claim", &lint.claims),
    ] {
        let now: Vec<(String, usize, usize)> = docs
            .iter()
            .flat_map(|d| {
                lint.lint(settings, &d.text)
                    .into_iter()
                    .filter(|x| x.rule == rule)
                    .map(|x| (d.id.clone(), x.span.start, x.span.end))
                    .collect::<Vec<_>>()
            })
            .collect();
        for file in &files {
            let data = fs::read_to_string(file).expect("a review file");
            let (mut ok, mut fp, mut ok_gone, mut fp_gone, mut labelled) = (0, 0, 0, 0, 0);
            for line in data.lines().filter(|l| !l.trim().is_empty()) {
                let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
                if v["rule"] != rule {
                    continue;
                }
                labelled += 1;
                let key = (
                    v["id"].as_str().unwrap_or("").to_string(),
                    v["byte_start"].as_u64().unwrap_or(0) as usize,
                    v["byte_end"].as_u64().unwrap_or(0) as usize,
                );
                let good = v["label"] == "ok";
                match (now.contains(&key), good) {
                    (true, true) => ok += 1,
                    (true, false) => fp += 1,
                    (false, true) => ok_gone += 1,
                    (false, false) => fp_gone += 1,
                }
            }
            if labelled == 0 {
                continue;
            }
            let name = file.file_name().unwrap_or_default().to_string_lossy();
            println!(
                "  {rule}, review {name}: {ok} correct of {} labelled findings still reported (precision {:.3}); no longer reported: {ok_gone} correct, {fp_gone} false alarms; {} findings now, {} of them unlabelled",
                ok + fp,
                ok as f64 / (ok + fp).max(1) as f64,
                now.len(),
                now.len() - ok - fp
            );
        }
    }
}

/// Runs every evaluation on the corpora in `dir`, printing the figures.
pub fn evaluate(dir: &Path, sample_dir: Option<&Path>) {
    let lint = Linter::new();
    let mut sample = Sampler {
        out: sample_dir.map(|d| {
            fs::create_dir_all(d).expect("create sample dir");
            fs::File::create(d.join("findings.txt")).expect("create sample file")
        }),
    };
    let bbc = load(&dir.join("bbc2225.jsonl"));
    let reuters = load(&dir.join("reuters21578.jsonl"));
    println!("1. findings per 100 articles (false-alarm review)");
    for (name, docs) in [("bbc", &bbc), ("reuters", &reuters)] {
        match docs {
            Some(d) => false_alarms(name, d, &lint, &mut sample),
            None => println!("  {name}: corpus absent, skipped"),
        }
    }
    println!("2. recall on quotes with the attribution removed");
    let mut both: Vec<Doc> = Vec::new();
    for docs in [&bbc, &reuters].into_iter().flatten() {
        both.extend(docs.iter().map(|d| Doc {
            id: d.id.clone(),
            text: d.text.clone(),
            label: None,
        }));
    }
    if both.is_empty() {
        println!("  corpora absent, skipped");
    } else {
        recall(&both, &lint, &mut sample);
    }
    println!("3. unattributed-claim on CoNLL-2010 Wikipedia weasel sentences");
    match load(&dir.join("conll2010-wiki-weasel-train.jsonl")) {
        Some(d) => conll(&d, &lint, &mut sample),
        None => println!("  corpus absent, skipped"),
    }
    println!("4. seed article");
    match fs::read_to_string(dir.join("seed/nato-summit.txt")) {
        Ok(t) => {
            let seg = segment(&t);
            let f = lint.lint(&lint.all, &t);
            println!("  seed/nato-summit.txt: {} findings", f.len());
            for x in &f {
                println!(
                    "    {} {}: {}",
                    x.rule,
                    x.span.start,
                    context(&t, &seg, x.span)
                );
            }
        }
        Err(_) => println!("  seed absent, skipped"),
    }
    println!("5. throughput (BBC + Reuters, release build expected)");
    let all: Vec<&Doc> = [&bbc, &reuters].into_iter().flatten().flatten().collect();
    if all.is_empty() {
        println!("  corpora absent, skipped");
    } else {
        throughput(&all, &lint);
    }
    println!("6. unattributed-quote on labelled political news (eval/political-news)");
    political_news(
        &lint,
        &mut sample,
        "first set",
        &["wire.jsonl", "features.jsonl"],
    );
    political_news(&lint, &mut sample, "second set", &["second.jsonl"]);
    political_news(&lint, &mut sample, "third set (held out)", &["third.jsonl"]);
    political_news(
        &lint,
        &mut sample,
        "fourth set (web formats)",
        &["fourth.jsonl"],
    );
    political_news(&lint, &mut sample, "fifth set (held out)", &["fifth.jsonl"]);
    political_news(
        &lint,
        &mut sample,
        "thirty-seventh set (planted orphans, sixteen styles)",
        &["thirtyseventh.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "thirty-eighth set (planted orphans, held out)",
        &["thirtyeighth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "thirty-ninth set (planted orphans, sixteen more styles)",
        &["thirtyninth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "fortieth set (planted orphans, held out)",
        &["fortieth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "sixth set (clean copy)",
        &["sixth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "eighth set (clean copy, quote-heavy)",
        &["eighth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "ninth set (clean copy, outlets' styles)",
        &["ninth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "eleventh set (clean copy, quote-dense forms)",
        &["eleventh.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "twelfth set (clean copy, state and local)",
        &["twelfth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "thirteenth set (clean copy, national and foreign)",
        &["thirteenth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "fourteenth set (clean copy, campaigns)",
        &["fourteenth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "fifteenth set (clean copy, courts and accountability)",
        &["fifteenth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "seventeenth set (clean copy, formats)",
        &["seventeenth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "eighteenth set (clean copy, documents and posts)",
        &["eighteenth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "nineteenth set (clean copy, economics and labor)",
        &["nineteenth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "twentieth set (clean copy, breaking news)",
        &["twentieth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "twenty-first set (clean copy, hearings and budgets)",
        &["twentyfirst.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "twenty-second set (clean copy, features, columns and wire)",
        &["twentysecond.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "twenty-third set (clean copy, metro, investigations, a weekly)",
        &["twentythird.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "twenty-fourth set (clean copy, Washington and statehouse)",
        &["twentyfourth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "twenty-fifth set (clean copy, local TV, a weekly, a podcast)",
        &["twentyfifth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "twenty-sixth set (clean copy, national and foreign desks)",
        &["twentysixth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "twenty-seventh set (clean copy, narratives, profiles, obituaries)",
        &["twentyseventh.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "twenty-eighth set (clean copy, digital, community, student, lobbying)",
        &["twentyeighth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "twenty-ninth set (clean copy, wire, courts, hearings, election night)",
        &["twentyninth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "thirtieth set (clean copy, profiles, explainers, town meetings)",
        &["thirtieth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "thirty-first set (clean copy, metro, capitol, TV web, investigative)",
        &["thirtyfirst.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "thirty-second set (clean copy, Washington, weekly, wire, trail, courts)",
        &["thirtysecond.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "thirty-fourth set (clean copy, national desk, public radio)",
        &["thirtyfourth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "thirty-fifth set (clean copy, immigration and farm labor)",
        &["thirtyfifth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "thirty-sixth set (clean copy, elections and the courts)",
        &["thirtysixth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "seventh set (clean copy, held out)",
        &["seventh.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "tenth set (clean copy, outlets' styles, held out)",
        &["tenth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "sixteenth set (clean copy, a mixed week, held out)",
        &["sixteenth.jsonl"],
    );
    political_news(
        &lint,
        &mut sample,
        "thirty-third set (clean copy, statehouse and county, held out)",
        &["thirtythird.jsonl"],
    );
    println!("6b. unattributed-quote on political quotations with the attribution removed");
    political_removal(&lint, &mut sample);
    println!("7. hand reviews of Wikipedia findings (eval/wikipedia-review)");
    wikipedia_review(dir, &lint);
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().map(PathBuf::from).unwrap_or_else(|| {
        let abs = PathBuf::from("/work/shared/corpus");
        if abs.is_dir() {
            abs
        } else {
            PathBuf::from("../shared/corpus")
        }
    });
    if !dir.is_dir() {
        println!(
            "corpus directory {} absent: evaluation skipped",
            dir.display()
        );
        return;
    }
    let sample_dir = args.next().map(PathBuf::from);
    evaluate(&dir, sample_dir.as_deref());
}
