//! The English word list (SCOWL, via Debian's wamerican-small): whether
//! letters glued to a name complete an English word, and whether a word
//! with a Slavic-looking ending is plain English.

/// English words used by `fused-name` (see the header line of the file).
static WORDS_TXT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/english-words.txt"
));

/// The word list after its header line: sorted words, one a line (a unit
/// test keeps it so).
pub(super) fn word_lines() -> &'static str {
    WORDS_TXT.split_once('\n').map_or("", |(_, body)| body)
}

/// Whether `w` (lowercase ASCII) is a common English word.
///
/// A binary search of the sorted list in place: building a set of its 40,000
/// words would cost milliseconds of start-up for a few lookups per draft.
pub fn is_english_word(w: &str) -> bool {
    // A binary search of the text itself: nothing to build, which keeps a
    // short draft's start-up short.
    let list = word_lines();
    let b = list.as_bytes();
    // `lo` and `hi` are line starts (or the end).
    let (mut lo, mut hi) = (0, list.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = memchr::memrchr(b'\n', &b[lo..mid]).map_or(lo, |k| lo + k + 1);
        let end = memchr::memchr(b'\n', &b[start..]).map_or(list.len(), |k| start + k);
        match list[start..end].cmp(w) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_list_loaded() {
        assert!(is_english_word("said"));
        assert!(is_english_word("expressed"));
        assert!(is_english_word("a"));
        assert!(is_english_word("aardvark"));
        assert!(is_english_word("zucchinis"));
        assert!(!is_english_word("sworth"));
        assert!(!is_english_word(""));
        assert!(!is_english_word("zzz"));
        // The binary search needs the list sorted, one clean word a line.
        let words: Vec<&str> = word_lines().lines().collect();
        assert!(words.len() > 30_000);
        assert!(
            words.windows(2).all(|w| w[0] < w[1]),
            "word list not sorted"
        );
        assert!(words
            .iter()
            .all(|w| !w.is_empty() && w.trim() == *w && !w.starts_with('#')));
        assert!(words.iter().all(|w| is_english_word(w)));
    }
}
