//! The measurement of `gloss-mismatch` on a list of Korean public figures
//! with their Hangul (`tests/fixtures/names/korean-public-figures.tsv`,
//! written for this test): shared by `cargo run --release --example
//! eval-gloss` and the integration test that holds the targets.
//!
//! Each person's name is glossed (a) with their own Hangul, which must pass,
//! and (b) with every other person's Hangul, which must be flagged.

use copydesk::{lint_bytes, Engine, Format, Linted, Settings};

/// The list's path, from the crate root.
pub const LIST: &str = "tests/fixtures/names/korean-public-figures.tsv";

/// One person: the Latin name and its Hangul.
pub struct Person {
    pub latin: String,
    pub hangul: String,
}

/// The list's people (`#` lines are comments).
pub fn people(text: &str) -> Vec<Person> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (latin, hangul) = l.split_once('\t')?;
            Some(Person {
                latin: latin.trim().to_string(),
                hangul: hangul.trim().to_string(),
            })
        })
        .collect()
}

/// The sentences a gloss is tried in (written for this test).
pub const FRAMES: [&str; 2] = [
    "On Monday, {name} ({hangul}) met the visiting delegation in Seoul.",
    "The statement quoted {name} (Korean: {hangul}), who spoke first.",
];

/// The figures of one measurement.
#[derive(Debug, Default)]
pub struct Figures {
    /// Correct glosses tried, and how many were flagged (false alarms).
    pub correct: usize,
    pub correct_flagged: usize,
    /// The names whose correct gloss was flagged, with the message.
    pub false_alarms: Vec<String>,
    /// Swapped glosses tried, and how many were flagged.
    pub swapped: usize,
    pub swapped_flagged: usize,
    /// The swapped glosses that passed.
    pub misses: Vec<String>,
}

impl Figures {
    pub fn false_alarm_rate(&self) -> f64 {
        self.correct_flagged as f64 / self.correct.max(1) as f64
    }
    pub fn detection_rate(&self) -> f64 {
        self.swapped_flagged as f64 / self.swapped.max(1) as f64
    }
}

/// Settings with `gloss-mismatch` alone on, in preview mode.
pub fn gloss_settings(engine: &Engine) -> Settings {
    let mut settings = engine.default_settings();
    settings.preview = true;
    for (i, r) in engine.rules().iter().enumerate() {
        settings.enabled[i] = r.id == "gloss-mismatch";
    }
    settings
}

/// The `gloss-mismatch` messages for `text`.
pub fn flagged(engine: &Engine, settings: &Settings, text: &str) -> Vec<String> {
    match lint_bytes(engine, settings, Format::Plain, text.as_bytes().to_vec()) {
        Linted::Text { diagnostics, .. } => diagnostics
            .into_iter()
            .filter(|d| d.rule == "gloss-mismatch")
            .map(|d| d.message)
            .collect(),
        _ => Vec::new(),
    }
}

/// Measure on `people`.
pub fn measure(engine: &Engine, people: &[Person]) -> Figures {
    let settings = gloss_settings(engine);
    let mut f = Figures::default();
    let draft = |frame: &str, name: &str, hangul: &str| {
        frame.replace("{name}", name).replace("{hangul}", hangul)
    };
    for frame in FRAMES {
        for (i, p) in people.iter().enumerate() {
            f.correct += 1;
            let found = flagged(engine, &settings, &draft(frame, &p.latin, &p.hangul));
            if let Some(m) = found.first() {
                f.correct_flagged += 1;
                f.false_alarms
                    .push(format!("{} ({}): {m}", p.latin, p.hangul));
            }
            for (j, q) in people.iter().enumerate() {
                if i == j || q.hangul == p.hangul {
                    continue;
                }
                f.swapped += 1;
                if flagged(engine, &settings, &draft(frame, &p.latin, &q.hangul)).is_empty() {
                    f.misses.push(format!("{} ({})", p.latin, q.hangul));
                } else {
                    f.swapped_flagged += 1;
                }
            }
        }
    }
    f
}
