//! Evaluation of `gloss-mismatch` on Korean public figures.
//!
//! `cargo run --release --example eval-gloss [LIST.tsv]`
//!
//! LIST defaults to tests/fixtures/names/korean-public-figures.tsv (written
//! for this test: `Latin name<TAB>Hangul`). Prints (a) the share of correct
//! glosses flagged (target ≤ 2%) and (b) the share of glosses swapped for
//! another person's Hangul flagged (target ≥ 90%), with the false alarms and
//! the misses grouped by name.

#[path = "gloss_measure.rs"]
mod gloss_measure;

use std::collections::BTreeMap;

use copydesk::rules::pack;
use copydesk::Engine;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| gloss_measure::LIST.to_string());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let people = gloss_measure::people(&text);
    let engine = Engine::new(pack::shipped().expect("the shipped packs")).expect("an engine");
    let f = gloss_measure::measure(&engine, &people);
    println!(
        "people: {}, frames: {}",
        people.len(),
        gloss_measure::FRAMES.len()
    );
    println!(
        "(a) correct glosses flagged: {}/{} = {:.2}% (target ≤ 2%)",
        f.correct_flagged,
        f.correct,
        100.0 * f.false_alarm_rate()
    );
    for m in &f.false_alarms {
        println!("    false alarm: {m}");
    }
    println!(
        "(b) swapped glosses flagged: {}/{} = {:.2}% (target ≥ 90%)",
        f.swapped_flagged,
        f.swapped,
        100.0 * f.detection_rate()
    );
    let mut by_name: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &f.misses {
        *by_name
            .entry(m.split(" (").next().unwrap_or(m))
            .or_default() += 1;
    }
    let mut worst: Vec<(&str, usize)> = by_name.into_iter().collect();
    worst.sort_by_key(|&(n, c)| (std::cmp::Reverse(c), n));
    for (name, count) in worst.iter().take(15) {
        println!("    missed swaps on {name}: {count}");
    }
}
