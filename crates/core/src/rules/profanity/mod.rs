//! Profanity: profane, obscene or sexually explicit language, including masked and
//! abbreviated forms (`f***`, `sh!t`, `wtf`).
//!
//! Matching is whole-word only (the Scunthorpe problem: "assessment", "class", "cocktail" and
//! "Scunthorpe" are clean). The normalizer already folds leetspeak (`sh!t` → `shit`) and turns
//! in-word `#` into `*`; masked words are matched here against the shapes of the listed words.

use crate::document::Document;
use crate::finding::{Edit, Fix, Span};
use crate::lexicon::{Hit, Lexicon};
use crate::rule::Rule;
use crate::text::{self, Normalized};
use std::ops::Range;

mod explicit_word;
mod masked_word;
mod sexual_content;

/// Profane and obscene words and phrases (several languages).
pub(crate) static SWEAR_WORDS: Lexicon =
    Lexicon { name: "profanity/swear-words", source: crate::word_list!("profanity/swear_words.txt") };

/// Vulgar words that are also first names: profane only in lower case.
pub(crate) static NAME_LIKE: Lexicon =
    Lexicon { name: "profanity/name-like", source: crate::word_list!("profanity/name_like.txt") };

/// Profane abbreviations and minced forms (`wtf`, `ffs`, `F this`).
pub(crate) static ABBREVIATIONS: Lexicon =
    Lexicon { name: "profanity/abbreviations", source: crate::word_list!("profanity/abbreviations.txt") };

/// Sexually explicit words and phrases.
pub(crate) static SEXUAL_TERMS: Lexicon =
    Lexicon { name: "profanity/sexual-terms", source: crate::word_list!("profanity/sexual_terms.txt") };

/// Words that are suggestive only beside a flirting cue.
pub(crate) static INNUENDO: Lexicon =
    Lexicon { name: "profanity/innuendo", source: crate::word_list!("profanity/innuendo.txt") };

/// Everyday words that are suggestive only beside an explicit emoji.
pub(crate) static INNUENDO_MILD: Lexicon =
    Lexicon { name: "profanity/innuendo-mild", source: crate::word_list!("profanity/innuendo_mild.txt") };

/// Suffixes a masked word may carry beyond a listed stem (`f***ing`, `dipsh*ts`).
const SUFFIXES: &[&str] = &["", "s", "es", "ing", "in", "ed", "er", "ers", "y", "ty", "head", "hole", "face"];

/// The full forms masked words are compared with: every single-word entry of the swear and
/// name-like lists, folded, with the usual suffixes. Built once per rule.
pub(crate) fn mask_candidates() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for lex in [&SWEAR_WORDS, &NAME_LIKE] {
        for (phrase, prefix) in lex.entries() {
            let folded = Normalized::new(phrase).as_str().trim().to_owned();
            if folded.contains(' ') || folded.contains('*') || folded.chars().count() < 3 {
                continue;
            }
            let suffixes: &[&str] = if prefix { SUFFIXES } else { &[""] };
            for s in suffixes {
                out.push(format!("{folded}{s}"));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether `word` (normalized, containing `*`) is a masked spelling of one of `candidates`:
/// it starts with a letter, and each `*` stands for exactly one letter of the candidate.
pub(crate) fn is_masked_profanity(word: &str, candidates: &[String]) -> bool {
    if !word.contains('*') || !word.chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    let w: Vec<char> = word.chars().collect();
    candidates.iter().any(|c| c.chars().count() == w.len() && c.chars().zip(&w).all(|(a, &b)| b == '*' || a == b))
}

/// Normalized ranges of masked profane words (`f***ing`, `sh*t`, `c***`).
pub(crate) fn masked_words(norm: &str, candidates: &[String]) -> Vec<Range<usize>> {
    if !norm.contains('*') {
        return Vec::new();
    }
    text::words(norm).filter(|w| is_masked_profanity(&norm[w.clone()], candidates)).collect()
}

/// Normalized ranges of swears whole-word lists cannot see: embedded in a longer word
/// (`clusterfuck`, `absofuckinglutely`), stretched (`fuuuck`) or run into "!!" (`shit!!`).
pub(crate) fn embedded_swears(doc: &Document<'_>, candidates: &[String]) -> Vec<Range<usize>> {
    let norm = doc.norm();
    // Cheap gates: most drafts have none of these, and then no word needs a look.
    let core = norm.contains("fuck") || norm.contains("shit");
    let triple = norm.as_bytes().windows(3).any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_ascii_alphabetic());
    if !core && !triple && !doc.text().contains("!!") {
        return Vec::new();
    }
    doc.words()
        .iter()
        .filter(|w| {
            let s = &norm[(*w).clone()];
            // The normalizer reads "!" inside a leet run as "i", so "shit!!" arrives as
            // "shiti": check the original word without its exclamation marks.
            let original = doc.text().get(doc.original((*w).clone())).unwrap_or("");
            if original.ends_with('!') {
                let bare = Normalized::new(original.trim_end_matches('!'));
                if candidates.binary_search_by(|c| c.as_str().cmp(bare.as_str())).is_ok() {
                    return true;
                }
            }
            s.contains("fuck")
                || s.ends_with("shit")
                || s.ends_with("shits")
                || s.contains("shitt")
                || [1, 2].iter().any(|&k| stretched(s, k).is_some_and(|c| candidates.binary_search(&c).is_ok()))
        })
        .cloned()
        .collect()
}

/// A word with letters held down ("fuuuck", "shiiiit", "asssss") squeezed back: runs of three
/// or more of the same letter become `keep` letters. `None` when nothing is stretched.
fn stretched(word: &str, keep: usize) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    if !chars.windows(3).any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_alphabetic()) {
        return None;
    }
    let mut out = String::with_capacity(word.len());
    let mut i = 0;
    while i < chars.len() {
        let mut j = i;
        while j < chars.len() && chars[j] == chars[i] {
            j += 1;
        }
        let n = if j - i >= 3 { keep } else { j - i };
        out.extend(std::iter::repeat(chars[i]).take(n));
        i = j;
    }
    Some(out)
}

/// Hits of the name-like list that are profane here: typed in lower case ("what a dick"),
/// not capitalized as a name ("Dick Van Dyke").
pub(crate) fn name_like_hits<'d>(doc: &'d Document<'_>) -> impl Iterator<Item = &'d Hit> + 'd {
    doc.hits(&NAME_LIKE).iter().filter(move |h| doc.hit_text(h).chars().next().is_some_and(char::is_lowercase))
}

/// Whether `doc` contains profanity of any kind (plain, masked or abbreviated). Other
/// categories (impulsive tone) use it as a signal; they must list the lexicons it reads.
pub(crate) fn any_profanity(doc: &Document<'_>, candidates: &[String]) -> Option<Range<usize>> {
    let mut best: Option<Range<usize>> = None;
    let mut take = |r: Range<usize>| {
        if best.as_ref().map_or(true, |b| r.start < b.start) {
            best = Some(r);
        }
    };
    if let Some(h) = doc.hits(&SWEAR_WORDS).first() {
        take(h.range());
    }
    if let Some(h) = doc.hits(&ABBREVIATIONS).first() {
        take(h.range());
    }
    if let Some(h) = name_like_hits(doc).next() {
        take(h.range());
    }
    if let Some(r) = masked_words(doc.norm(), candidates).into_iter().next() {
        take(r);
    }
    if let Some(r) = embedded_swears(doc, candidates).into_iter().next() {
        take(r);
    }
    best
}

/// Every profane word of `doc` (plain, masked or abbreviated), as normalized ranges in text
/// order. For rules that ask where the swearing is aimed, not only whether there is any.
pub(crate) fn all_profanity(doc: &Document<'_>, candidates: &[String]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = doc.hits(&SWEAR_WORDS).iter().map(|h| h.range()).collect();
    out.extend(doc.hits(&ABBREVIATIONS).iter().map(|h| h.range()));
    out.extend(name_like_hits(doc).map(|h| h.range()));
    out.extend(masked_words(doc.norm(), candidates));
    out.extend(embedded_swears(doc, candidates));
    outermost(out)
}

/// Drops ranges contained in an earlier, longer one ("holy shit" swallows "shit").
pub(crate) fn outermost(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_unstable_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        if out.last().is_some_and(|l| r.start < l.end) {
            continue;
        }
        out.push(r);
    }
    out
}

/// A fix that masks the profane word of an original span: its first letter stays, the other
/// letters become `*` ("fucking" → "f******", "holy shit" → "holy s***"). In a phrase the word
/// masked is the one that is itself a listed word, else the longest (the last on ties).
pub(crate) fn mask_fix(text: &str, span: Range<usize>, candidates: &[String]) -> Option<Fix> {
    let piece = text.get(span.clone())?;
    let words: Vec<Range<usize>> = word_ranges(piece);
    let is_listed = |w: &str| {
        let n = Normalized::new(w);
        candidates.binary_search_by(|c| c.as_str().cmp(n.as_str())).is_ok()
            || ["hell", "damn", "cago", "foutre", "gueule", "chier", "cu", "pariu", "puta"].contains(&n.as_str())
    };
    let chosen = words
        .iter()
        .rev()
        .find(|w| is_listed(&piece[(*w).clone()]))
        .or_else(|| words.iter().rev().max_by_key(|w| w.len()))?
        .clone();
    let word = &piece[chosen.clone()];
    let mut masked = String::with_capacity(word.len());
    let mut first = true;
    for c in word.chars() {
        if first && c.is_alphanumeric() {
            masked.push(c);
            first = false;
        } else if c == '-' || c == '\'' {
            masked.push(c);
        } else {
            masked.push('*');
        }
    }
    if masked == word {
        return None;
    }
    let at = span.start + chosen.start;
    Some(Fix {
        label: format!("Mask it as “{masked}”"),
        edits: vec![Edit { span: Span::bytes(at..at + word.len()), replacement: masked }],
    })
}

/// Byte ranges of the whitespace-separated words of `s`.
fn word_ranges(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(st)) => {
                out.push(st..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push(st..s.len());
    }
    out
}

/// The category's rules.
pub(crate) fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(explicit_word::ExplicitWord::new()),
        Box::new(masked_word::MaskedWord::new()),
        Box::new(sexual_content::SexualContent::new()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Checker, Context};

    #[test]
    fn masked_words_match_listed_shapes_only() {
        let c = mask_candidates();
        for w in ["f***", "f***ing", "sh*t", "c***", "b*tch", "dipsh*ts", "a**hole", "f*cks", "motherf*****"] {
            assert!(is_masked_profanity(w, &c), "{w}");
        }
        for w in ["a*", "*note", "5*", "t**", "significant*", "***"] {
            assert!(!is_masked_profanity(w, &c), "{w}");
        }
    }

    #[test]
    fn stretched_words_squeeze_back() {
        assert_eq!(stretched("fuuuuck", 1).as_deref(), Some("fuck"));
        assert_eq!(stretched("asssss", 2).as_deref(), Some("ass"));
        assert_eq!(stretched("fuck", 1), None);
    }

    #[test]
    fn mask_fix_keeps_the_first_letter() {
        let c = mask_candidates();
        let text = "holy shit that hurt";
        let fix = mask_fix(text, 0..9, &c).unwrap();
        assert_eq!(fix.apply(text), "holy s*** that hurt");
        let text = "Sh!t day";
        assert_eq!(mask_fix(text, 0..4, &c).unwrap().apply(text), "S*** day");
    }

    #[test]
    fn never_panics_on_odd_unicode() {
        let checker = Checker::new();
        let ctx = Context::default();
        let pieces = [
            "f*",
            "!!",
            "??",
            "@",
            "ﬁ",
            "ǅ",
            "İ",
            "ß",
            "🍆",
            "💦",
            "😏",
            "\u{301}",
            "\u{200d}",
            "e\u{301}",
            "ＦＵＣＫ",
            "a$$",
            "sh!t!!",
            "AF",
            "af",
            " ",
            "\n",
            ".",
            ",",
            "I",
            "ICU",
            "DONE",
            "مرحبا",
            "日本",
            "0.5",
            "mg",
            "@x_y",
            "your",
            "pic",
            "take",
            "50",
            "#",
            "*",
            "'",
            "’",
            "wine",
            "on call",
            "drunk",
            "ﬀ",
            "Ω",
            "\u{feff}",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..(seed % 14) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            for f in checker.check(&s, &ctx).findings {
                for sp in &f.spans {
                    assert!(sp.start <= sp.end && sp.end <= s.len(), "{s:?}");
                    assert!(s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end), "{s:?}");
                }
                if let Some(fix) = f.fix {
                    let _ = fix.apply(&s);
                }
            }
        }
    }
}
