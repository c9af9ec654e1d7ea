//! Occurrences of names and the groups they fall into: a union-find over
//! occurrences, folded keys and entities ([`Groups`]), the comparison of two
//! spellings ([`compatible`]), the fix that aligns one with the other
//! ([`align_fix`]) and the `name-romanization` finding ([`flag`]); findings
//! and their fixes ([`finding`], [`set_replacement`]).

use std::collections::HashMap;

use super::context::quote_note;
use super::fold::fold_basic;
use super::{Findings, InQuote};
use crate::diagnostic::{Edit, Finding, Fix, Span};

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
pub(super) fn compatible(a: &str, b: &str) -> bool {
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
/// target replaces the closest word of a longer surface. Not when the
/// surface is the whole name spaced otherwise (`Lao Tzu` → `Laozi`, `al
/// Qaeda` → `al-Qaida`, `Sankt-Peterburg` → `St. Petersburg`): its letters
/// run together are close to the target's, and the target replaces it
/// whole (aligned, `Laozi Tzu` would keep a word of the old spelling).
pub(super) fn align_fix(surface: &str, target: &str) -> String {
    let letters = |s: &str| -> String {
        fold_basic(s)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    let (ls, lt) = (letters(surface), letters(target));
    let longer = ls.chars().count().max(lt.chars().count());
    if strsim::levenshtein(&ls, &lt) <= (longer / 3).max(3) {
        return target.to_string();
    }
    let ws: Vec<&str> = surface.split_whitespace().collect();
    let wt: Vec<&str> = target.split_whitespace().collect();
    let closest = |w: &str, pool: &[&str]| -> usize {
        (0..pool.len())
            .min_by_key(|&i| strsim::levenshtein(&fold_basic(w), &fold_basic(pool[i])))
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

#[derive(Default)]
pub(super) struct Groups {
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
    pub(super) fn entity_node(&mut self, e: usize) -> usize {
        if let Some(&n) = self.entities.get(&e) {
            return n;
        }
        let n = self.add(Some(e));
        self.entities.insert(e, n);
        n
    }
    pub(super) fn key_node(&mut self, k: &str) -> usize {
        if let Some(&n) = self.keys.get(k) {
            return n;
        }
        let n = self.add(None);
        self.keys.insert(k.to_string(), n);
        n
    }
    /// The entity of the group whose root is `root`, if any.
    pub(super) fn entity(&self, root: usize) -> Option<usize> {
        self.entity[root]
    }
    pub(super) fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    /// Merge two groups unless that would merge two different entities.
    pub(super) fn union(&mut self, a: usize, b: usize) {
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
pub(super) enum Source {
    Table,
    EastAsian,
    Western,
}

pub(super) struct Occ {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) node: usize,
    pub(super) source: Source,
    /// Index of the `fused-name` finding of this occurrence.
    pub(super) fused: Option<usize>,
}

/// Report a spelling with its fix, safe or a suggestion. For a name that is also fused with a neighbouring
/// word, the `fused-name` finding's fix carries the corrected spelling, so
/// that the two fixes never overlap.
pub(super) fn flag(
    findings: &mut Findings,
    text: &str,
    o: &Occ,
    message: String,
    label: Option<(usize, usize, String)>,
    (fix, safe): (String, bool),
    in_quote: InQuote<'_>,
) {
    let span = Span::new(o.start, o.end);
    let fix = match o.fused {
        None => Some(fix),
        Some(fi) => {
            let f = &mut findings.fused[fi];
            let surface = &text[o.start..o.end];
            if let Some(r) = replacement(f).map(|r| r.replacen(surface, &fix, 1)) {
                set_replacement(f, r);
                if !safe {
                    make_unsafe(f);
                }
            }
            None
        }
    };
    let message = if fix.is_none() {
        format!("{message}; the `fused-name` fix here also corrects the spelling")
    } else {
        message
    };
    let mut f = finding(span, quote_note(message, in_quote(span)), fix);
    if !safe {
        make_unsafe(&mut f);
    }
    if let Some((s, e, l)) = label {
        f = f.with_label(Span::new(s, e), l);
    }
    findings.romanization.push(f);
}

/// Make a finding's fix a suggestion (`unsafe`).
fn make_unsafe(f: &mut Finding) {
    if let Some(fix) = &mut f.fix {
        fix.applicability = crate::diagnostic::Applicability::Unsafe;
    }
}

/// A finding at `span` whose fix, if any, writes `replacement` there. The
/// fix is safe: inside a quotation the engine shows it only, as it does for
/// every rule that changes words.
pub(super) fn finding(span: Span, message: String, replacement: Option<String>) -> Finding {
    let mut f = Finding::new(span, message);
    if let Some(r) = replacement {
        set_replacement(&mut f, r);
    }
    f
}

/// The text a finding's fix writes.
pub(super) fn replacement(f: &Finding) -> Option<&str> {
    let edit = f.fix.as_ref()?.edits.first()?;
    Some(edit.replacement.as_str())
}

/// Make a finding's fix write `r` over its span.
pub(super) fn set_replacement(f: &mut Finding, r: String) {
    let edits = vec![Edit {
        span: f.span,
        replacement: r.clone(),
    }];
    f.fix = Some(Fix::safe(format!("write `{r}`"), edits));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compat_and_fix() {
        assert!(compatible("Zelenskyy", "Volodymyr Zelenskyy"));
        assert!(!compatible("Zelensky", "Volodymyr Zelenskyy"));
        assert!(!compatible("Kim Jong Un", "Kim Jong-un"));
        // (surface, target, fix); the whole name spaced otherwise is
        // replaced whole (from `Lao Tzu` on).
        for (surface, target, fix) in [
            ("Zelensky", "Volodymyr Zelenskyy", "Zelenskyy"),
            ("Volodymyr Zelenskyy", "Zelensky", "Volodymyr Zelensky"),
            ("Kim Jong Un", "Kim Jong-un", "Kim Jong-un"),
            ("Lao Tzu", "Laozi", "Laozi"),
            ("Lao Tse", "Laozi", "Laozi"),
            ("al Qaeda", "al-Qaida", "al-Qaida"),
            ("Sankt-Peterburg", "St. Petersburg", "St. Petersburg"),
            ("Kim Hae", "Gimhae", "Gimhae"),
        ] {
            assert_eq!(align_fix(surface, target), fix, "{surface} -> {target}");
        }
    }
}
