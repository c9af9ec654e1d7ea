//! `fullwidth-latin`: full-width Latin letters and digits (U+FF01–U+FF5E,
//! `ＮＡＴＯ`, `２０２４`) typed on a CJK keyboard into Latin copy. They look
//! wide in print and break search. The fix is their ASCII form (what NFKC
//! gives: the code point minus 0xFEE0).
//!
//! Not flagged: a run of full-width punctuation alone (`（`, `！`), and a
//! run in CJK context (the nearest letter before or after it on its line,
//! past spaces and full-width punctuation, is Han, kana or Hangul), where
//! full-width forms are the norm. Inside a direct quotation the fix is a
//! suggestion (`unsafe`): quoted words are changed only by an editor.

use crate::diagnostic::{Applicability, Edit, Finding, Fix, Span};
use unicode_script::{Script, UnicodeScript};

/// Full-width ASCII: `！` (U+FF01) to `～` (U+FF5E).
fn is_fullwidth(c: char) -> bool {
    ('\u{FF01}'..='\u{FF5E}').contains(&c)
}

/// The ASCII character a full-width one stands for.
fn ascii_of(c: char) -> char {
    char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
}

/// A letter of a script that writes with full-width forms.
fn is_cjk(c: char) -> bool {
    super::hangul_or_han(c).is_some()
        || (c >= '\u{1100}'
            && matches!(
                c.script(),
                Script::Han | Script::Hiragana | Script::Katakana | Script::Hangul
            ))
}

/// Whether the nearest letter on the line in `chars` (walking away from
/// the run), past spaces, punctuation and other full-width forms, is CJK.
fn cjk_beside(mut chars: impl Iterator<Item = char>) -> bool {
    chars
        .find(|&c| c == '\n' || (c.is_alphanumeric() && !is_fullwidth(c)) || is_cjk(c))
        .is_some_and(is_cjk)
}

/// The `fullwidth-latin` matcher.
pub fn check_document(cx: &super::Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for r in cx.non_ascii().runs() {
        for span in runs(cx.text, r.clone()) {
            let mut f = check_run(cx.text, span);
            if let Some(Some(fix)) = f.as_mut().map(|f| f.fix.as_mut()) {
                if cx.in_quotation(span) {
                    fix.applicability = Applicability::Unsafe;
                }
            }
            out.extend(f);
        }
    }
    out
}

/// The runs of full-width forms in `range` of `text`.
fn runs(text: &str, range: std::ops::Range<usize>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for (o, c) in text[range.clone()].char_indices() {
        if !is_fullwidth(c) {
            continue;
        }
        let at = range.start + o;
        match out.last_mut() {
            Some(last) if last.end == at => last.end = at + c.len_utf8(),
            _ => out.push(Span::new(at, at + c.len_utf8())),
        }
    }
    out
}

/// A finding for one run of full-width forms, unless it is punctuation
/// alone or sits in CJK text.
pub fn check_run(text: &str, span: Span) -> Option<Finding> {
    let run = &text[span.range()];
    if !run.chars().any(|c| ascii_of(c).is_ascii_alphanumeric()) {
        return None;
    }
    if cjk_beside(text[..span.start].chars().rev()) || cjk_beside(text[span.end..].chars()) {
        return None;
    }
    let ascii: String = run.chars().map(ascii_of).collect();
    let message =
        format!("`{run}` is written in full-width forms; in Latin copy it reads `{ascii}`");
    let edit = Edit {
        span,
        replacement: ascii.clone(),
    };
    let fix = Fix::with(
        Applicability::Safe,
        format!("replace with `{ascii}`"),
        vec![edit],
    );
    Some(Finding::new(span, message).with_fix(fix))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String)> {
        let na = crate::rules::context::NonAscii::new(text);
        na.runs()
            .iter()
            .flat_map(|r| runs(text, r.clone()))
            .filter_map(|s| check_run(text, s))
            .map(|f| {
                let fix = f.fix.expect("a fix").edits[0].replacement.clone();
                (text[f.span.range()].to_string(), fix)
            })
            .collect()
    }

    /// Issue 20, drafts written for it.
    #[test]
    fn fullwidth_latin_in_english_copy_is_flagged() {
        assert_eq!(
            found("Leaders gathered for the ＮＡＴＯ summit"),
            [("ＮＡＴＯ".to_string(), "NATO".to_string())]
        );
        assert_eq!(
            found("Sales rose ２５％ in ２０２４."),
            [
                ("２５％".to_string(), "25%".to_string()),
                ("２０２４".to_string(), "2024".to_string())
            ]
        );
    }

    #[test]
    fn cjk_context_and_punctuation_alone_pass() {
        for ok in [
            "北约（ＮＡＴＯ）峰会",
            "삼성전자 ＵＳＢ 제품",
            "日本のＮＨＫが報じた",
            "He said （sic） it twice！",
        ] {
            assert!(found(ok).is_empty(), "{ok}: {:?}", found(ok));
        }
    }
}
