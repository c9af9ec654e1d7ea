//! `stray-script` for names: a stray token that is a name is rendered, not
//! deleted. Deleting `习近平` from `Chinese leader 习近平 met the delegation`
//! loses the one word the sentence is about; the reader needs the name in
//! Latin letters.
//!
//! - The native form of an entity of the name rules' table (`习近平`,
//!   `Москва`, `김정은`): the fix writes the entity's form in the draft's
//!   house style (`house-style`; without one, the table's name).
//! - A Hangul token shaped like a Korean personal name (a common surname and
//!   two given-name syllables, `[options.stray-script]` `name-surnames` and
//!   `name-syllables`): the fix writes its Revised Romanization with the
//!   surname as usually spelled (`윤석열` → `Yoon Seok-yeol`).
//!
//! Either fix is a suggestion (`unsafe`): the rendering may not be the
//! spelling the desk uses for that person. Any other token keeps its
//! deletion.

use super::script::StrayTuning;
use crate::diagnostic::{Applicability, Edit, Finding, Fix, Span};
use crate::hangul::{is_syllable, name_readings, split_name, Surnames};

/// Give each finding whose token is a name the rendering as its fix.
pub fn render_names(cx: &super::Context, found: &mut [Finding]) {
    if found.is_empty() {
        return;
    }
    // The name index is built once per engine (the name rules use it too).
    let Ok(index) = cx.engine.name_index() else {
        return;
    };
    let tuning = cx.engine.stray_tuning();
    let text: &str = &cx.source.text;
    for f in found.iter_mut() {
        let token = &text[f.span.range()];
        let (latin, why) = if let Some(e) = index.entity_with_native(token) {
            let form = cx
                .settings
                .house_style
                .as_ref()
                .and_then(|s| e.styles.get(s))
                .unwrap_or(&e.name);
            (form.clone(), format!("the native form of {form}"))
        } else if let Some(name) = korean_name(token, tuning, index.hangul_surnames()) {
            let why = format!("a Korean personal name, {name} in Revised Romanization");
            (name, why)
        } else {
            continue;
        };
        f.message.push_str(&format!(": {why}"));
        f.fix = Some(rendering(text, f.span, token, &latin));
    }
}

/// The suggestion writing `latin` for `token` at `span`, keeping a space
/// from a word it is glued to.
fn rendering(text: &str, span: Span, token: &str, latin: &str) -> Fix {
    let glued = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut replacement = String::new();
    if glued(text[..span.start].chars().next_back()) {
        replacement.push(' ');
    }
    replacement.push_str(latin);
    if glued(text[span.end..].chars().next()) {
        replacement.push(' ');
    }
    Fix::with(
        Applicability::Unsafe,
        format!("replace `{token}` with `{latin}`"),
        vec![Edit { span, replacement }],
    )
}

/// `token` read as a Korean personal name, when it has the shape of one:
/// `Yoon Seok-yeol` for `윤석열`.
fn korean_name(token: &str, tuning: &StrayTuning, surnames: &Surnames) -> Option<String> {
    let syllables: Vec<char> = token.chars().collect();
    if !(3..=4).contains(&syllables.len()) || !syllables.iter().all(|&c| is_syllable(c)) {
        return None;
    }
    let (surname, given) = split_name(token, surnames)?;
    let common = if surname.chars().count() == 2 {
        surnames.two_syllable.contains(&surname)
    } else {
        tuning.name_surnames.contains(&surname)
    };
    let given_ok = given.chars().count() == 2
        && given
            .chars()
            .all(|c| tuning.name_syllables.iter().any(|s| s.starts_with(c)));
    if !(common && given_ok) {
        return None;
    }
    // The strict reading (`Yun Seok-yeol`) with the surname as news copy
    // usually spells it (`Yoon`).
    let strict = name_readings(token, surnames).into_iter().next()?;
    let given_rr = strict.split_once(' ')?.1;
    let spelled = surnames
        .conventional
        .get(&surname)
        .and_then(|s| s.first())
        .cloned()
        .unwrap_or_else(|| {
            strict
                .split_once(' ')
                .map_or(strict.clone(), |s| s.0.into())
        });
    Some(format!("{spelled} {given_rr}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(token: &str) -> Option<String> {
        let surnames = crate::rules::names::Tuning::shipped().hangul_surnames();
        korean_name(token, &StrayTuning::shipped(), &surnames)
    }

    /// Issue 20: Hangul names not in the entity table are romanized;
    /// nouns pasted as debris are not names.
    #[test]
    fn hangul_personal_names_are_read() {
        assert_eq!(name("윤석열").as_deref(), Some("Yoon Seok-yeol"));
        assert_eq!(name("이재명").as_deref(), Some("Lee Jae-myeong"));
        assert_eq!(name("박서준").as_deref(), Some("Park Seo-jun"));
        assert_eq!(name("남궁민수").as_deref(), Some("Namgoong Min-su"));
        for debris in [
            "커뮤니티",
            "한국인",
            "이민자",
            "국민의",
            "서울시",
            "정부는",
            "속보",
            "김치",
        ] {
            assert_eq!(name(debris), None, "{debris}");
        }
    }
}
