//! Regexes searched only where they can match.
//!
//! Why: in the wasm the built-in patterns run on `regex-lite` (see [`crate::re`]), which keeps the
//! module small (no Unicode tables, one simple engine) but steps through every byte of the haystack. Almost every pattern can
//! only match near an *anchor* — a digit for ages, dates and room numbers, an `@` for emails,
//! a verb like "told" for reported advice. A [`Pattern`] finds the anchors first (a byte test or
//! a walk of a small trie of the anchor words) and runs the regex only in windows around them, so a post
//! without a number never pays for the number patterns.
//!
//! The result equals a search of the whole text as long as every match contains an anchor,
//! starts at most `before` bytes ahead of it and ends at most `after` bytes past it; each
//! pattern's reach is chosen above its longest sensible match (property-tested against a
//! whole-text search in `tests`).

use crate::lexicon::trie::Trie;
use crate::re::{Captures, Match, Regex};
use std::ops::Range;

/// What every match of a pattern contains.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Anchors {
    /// An ASCII digit.
    Digit,
    /// This byte (`@`).
    Byte(u8),
    /// An ASCII digit or one of these words (ASCII case-insensitive).
    DigitOr(&'static [&'static str]),
    /// One of these words (ASCII case-insensitive).
    Words(&'static [&'static str]),
}

/// A compiled regex with the anchors every match contains and the longest match it expects.
pub(crate) struct Pattern {
    re: Regex,
    digits: bool,
    byte: Option<u8>,
    /// The anchor words, lowercase (matched ASCII case-insensitively).
    words: Option<Trie>,
    /// How far a match may start before its anchor and end after it.
    before: usize,
    after: usize,
}

impl Pattern {
    /// Compiles a built-in pattern. Panics on a bad pattern: built-in patterns are tested.
    pub(crate) fn new(pattern: &str, anchors: Anchors, (before, after): (usize, usize)) -> Pattern {
        let re = crate::re::compile(pattern);
        #[cfg(test)]
        tests::BUILT.lock().unwrap_or_else(|e| e.into_inner()).push((pattern.to_owned(), anchors, (before, after)));
        let words = |w: &[&str]| {
            let mut lower: Vec<String> = w.iter().map(|w| w.to_ascii_lowercase()).collect();
            lower.sort_unstable();
            lower.dedup();
            assert!(lower.iter().all(|w| !w.is_empty()), "built-in anchors: an empty anchor word");
            Trie::new(&lower)
        };
        let (digits, byte, words) = match anchors {
            Anchors::Digit => (true, None, None),
            Anchors::Byte(b) => (false, Some(b), None),
            Anchors::DigitOr(w) => (true, None, Some(words(w))),
            Anchors::Words(w) => (false, None, Some(words(w))),
        };
        Pattern { re, digits, byte, words, before, after }
    }

    /// The merged windows around every anchor, each widened to whole words so that `\b` at a
    /// window's edge means what it means in the whole text.
    fn windows(&self, hay: &str) -> Vec<Range<usize>> {
        let mut at: Vec<Range<usize>> = Vec::new();
        let mut add = |s: usize, e: usize| {
            let start = s.saturating_sub(self.before);
            let end = (e + self.after).min(hay.len());
            match at.last_mut() {
                Some(last) if start <= last.end => last.end = last.end.max(end),
                _ => at.push(start..end),
            }
        };
        let bytes = hay.as_bytes();
        if self.digits || self.byte.is_some() {
            let want = |b: u8| (self.digits && b.is_ascii_digit()) || Some(b) == self.byte;
            let words: Vec<Range<usize>> = match &self.words {
                Some(trie) => anchor_words(trie, bytes),
                None => Vec::new(),
            };
            let mut w = words.iter().peekable();
            for (i, &b) in bytes.iter().enumerate() {
                while let Some(r) = w.next_if(|r| r.start <= i) {
                    add(r.start, r.end);
                }
                if want(b) {
                    add(i, i + 1);
                }
            }
            for r in w {
                add(r.start, r.end);
            }
        } else if let Some(trie) = &self.words {
            for r in anchor_words(trie, bytes) {
                add(r.start, r.end);
            }
        }
        for r in &mut at {
            while r.start > 0 && (!hay.is_char_boundary(r.start) || is_word_byte(bytes[r.start - 1])) {
                r.start -= 1;
            }
            while r.end < hay.len() && (!hay.is_char_boundary(r.end) || is_word_byte(bytes[r.end])) {
                r.end += 1;
            }
        }
        // Widening can make neighbours touch again.
        at.dedup_by(|next, prev| {
            let touch = next.start <= prev.end;
            if touch {
                prev.end = prev.end.max(next.end);
            }
            touch
        });
        at
    }

    /// Where to search `hay`: the anchor windows for `regex-lite`; the whole text for `regex`,
    /// whose own literal prefilters skip faster than the windows could (both find the same
    /// matches, see `tests`).
    fn ranges(&self, hay: &str) -> Vec<Range<usize>> {
        if cfg!(feature = "fast-regex") {
            let whole = 0..hay.len();
            vec![whole]
        } else {
            self.windows(hay)
        }
    }

    /// Whether the pattern matches anywhere in `hay`.
    pub(crate) fn is_match(&self, hay: &str) -> bool {
        self.ranges(hay).into_iter().any(|w| self.re.is_match_at(&hay[..w.end], w.start))
    }

    /// The first match in `hay`.
    pub(crate) fn find<'h>(&self, hay: &'h str) -> Option<Match<'h>> {
        self.ranges(hay).into_iter().find_map(|w| self.re.find_at(&hay[..w.end], w.start))
    }

    /// Every non-overlapping match in `hay`, in order.
    pub(crate) fn find_iter<'h>(&self, hay: &'h str) -> std::vec::IntoIter<Match<'h>> {
        self.find_in(hay, self.ranges(hay))
    }

    /// Every non-overlapping match within `ranges` of `hay`, in order.
    fn find_in<'h>(&self, hay: &'h str, ranges: Vec<Range<usize>>) -> std::vec::IntoIter<Match<'h>> {
        let mut out = Vec::new();
        for w in ranges {
            let mut at = w.start;
            while at <= w.end {
                let Some(m) = self.re.find_at(&hay[..w.end], at) else { break };
                at = next_start(hay, m.start(), m.end());
                out.push(m);
            }
        }
        out.into_iter()
    }

    /// The capture groups of every non-overlapping match in `hay`, in order.
    pub(crate) fn captures_iter<'h>(&self, hay: &'h str) -> std::vec::IntoIter<Captures<'h>> {
        let mut out = Vec::new();
        for w in self.ranges(hay) {
            let mut at = w.start;
            while at <= w.end {
                let Some(c) = self.re.captures_at(&hay[..w.end], at) else { break };
                let m = c.get(0).map_or(at..at, |m| m.range());
                at = next_start(hay, m.start, m.end);
                out.push(c);
            }
        }
        out.into_iter()
    }
}

/// Where the search resumes after a match: its end, or past an empty match's character.
fn next_start(hay: &str, start: usize, end: usize) -> usize {
    if end > start {
        return end;
    }
    end + hay[end..].chars().next().map_or(1, char::len_utf8)
}

/// A byte that can continue a word for `\b`: ASCII alphanumerics and `_`, and any byte of a
/// non-ASCII character (so windows never end inside an accented word).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || !b.is_ascii()
}

/// Every occurrence of an anchor word in `hay`, ASCII case-insensitive, by start.
fn anchor_words(trie: &Trie, hay: &[u8]) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for start in 0..hay.len() {
        trie.walk_by(hay, start, |b| b.to_ascii_lowercase(), |_, end| found.push(start..end));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::sync::Mutex;

    /// A built-in pattern's source, anchors and reach (before, after).
    type Built = (String, Anchors, (usize, usize));

    /// Every built-in pattern compiled in this test process.
    pub(super) static BUILT: Mutex<Vec<Built>> = Mutex::new(Vec::new());

    /// Each built-in pattern, windowed and as a plain whole-text regex, compiled once.
    fn built() -> &'static [(Pattern, Regex)] {
        static ALL: std::sync::OnceLock<Vec<(Pattern, Regex)>> = std::sync::OnceLock::new();
        ALL.get_or_init(|| {
            crate::rules::all();
            crate::rules::patient_privacy::clues::shared();
            let sources = BUILT.lock().unwrap_or_else(|e| e.into_inner()).clone();
            sources.into_iter().map(|(s, a, r)| (Pattern::new(&s, a, r), Regex::new(&s).unwrap())).collect()
        })
    }

    fn whole(re: &str, hay: &str) -> Vec<(usize, usize)> {
        Regex::new(re).unwrap().find_iter(hay).map(|m| (m.start(), m.end())).collect()
    }

    /// The matches searched in the anchor windows (what the wasm does), whichever engine.
    fn windowed(p: &Pattern, hay: &str) -> Vec<(usize, usize)> {
        p.find_in(hay, p.windows(hay)).map(|m| (m.start(), m.end())).collect()
    }

    fn same_matches(hay: &str) -> Result<(), String> {
        for (p, re) in built() {
            let want: Vec<_> = re.find_iter(hay).map(|m| (m.start(), m.end())).collect();
            if windowed(p, hay) != want {
                return Err(format!("pattern {} on {hay:?}", re.as_str()));
            }
        }
        Ok(())
    }

    /// Pieces the built-in patterns anchor on, and text around them.
    const PIECES: &[&str] = &[
        "17",
        "4",
        "93",
        "3/14",
        "12:30",
        "2",
        "0800 123 4567",
        "yo",
        "year old",
        "y/o",
        "f",
        "in her",
        "seventies",
        "bed",
        "room",
        "Rm",
        "in",
        "the guy",
        "@nurse_jo",
        "a@b.co",
        "told her to",
        "advised him that",
        "twice a day",
        "mg",
        "tabs",
        "had a",
        "we had",
        "saw",
        "my lady",
        "patient",
        "pt",
        "dob",
        "born on",
        "see you at your",
        "check",
        "Street",
        "12 Rose Lane",
        "SW1A 1AA",
        "é",
        "🙂",
        "ß",
        "—",
        ",",
        ".",
        "!",
        "\n",
        "-",
        "'s",
    ];

    proptest! {
        // Debug builds run regexes slowly; the corpus test below covers real posts.
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn windows_equal_a_whole_text_search(text in crate::re::generate::text_from(PIECES)) {
            let norm = crate::text::Normalized::new(&text);
            prop_assert_eq!(same_matches(&text), Ok(()));
            prop_assert_eq!(same_matches(norm.as_str()), Ok(()));
        }
    }

    #[test]
    fn windows_equal_a_whole_text_search_on_the_development_corpus() {
        assert!(built().len() >= 15, "only {} built-in patterns registered", built().len());
        for line in include_str!("../../../tests/corpus/dev.jsonl").lines() {
            let post: serde_json::Value = serde_json::from_str(line).unwrap();
            let text = post["text"].as_str().unwrap();
            same_matches(text).unwrap();
            same_matches(crate::text::Normalized::new(text).as_str()).unwrap();
        }
    }

    #[test]
    fn digit_windows_find_what_the_whole_text_search_finds() {
        let re = r"(?-u)\b\d{1,3}\s?(?:yo|year old)\b";
        let p = Pattern::new(re, Anchors::Digit, (8, 16));
        let hay = "a long preamble about nothing at all, then a 17 yo and later a 91 year old, ".repeat(20);
        assert_eq!(windowed(&p, &hay), whole(re, &hay));
        assert_eq!(windowed(&p, &hay).len(), 40);
    }

    #[test]
    fn word_windows_keep_word_boundaries_at_their_edges() {
        let re = r"(?i-u)\btold (?:him|her) to\b";
        let p = Pattern::new(re, Anchors::Words(&["told"]), (0, 16));
        let hay = "I told her to rest. Then told him tomorrow. xtold her to";
        assert_eq!(windowed(&p, hay), whole(re, hay));
        assert!(p.is_match(hay));
        assert!(!p.is_match("nothing here"));
    }

    #[test]
    fn empty_and_non_ascii_haystacks_are_safe() {
        let p = Pattern::new(r"\d+", Anchors::Digit, (4, 4));
        assert!(windowed(&p, "").is_empty());
        let hay = "é1ü22🙂333";
        assert_eq!(windowed(&p, hay), whole(r"\d+", hay));
    }
}
