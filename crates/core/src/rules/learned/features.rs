//! What the learned scorer reads from a draft: its words, pairs of neighbouring words, a few
//! cheap signs of register ("you", a question, shouting) and which of the rules' word lists
//! occur at all (`@category/list`: the rules' signals below their own thresholds). The trainer
//! and the checker both go through [`tokens`] and [`flags`], so training and checking see
//! exactly the same features.

use crate::document::Document;
use std::ops::Range;

/// One word of the normalized text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Normalized byte range of the word.
    pub range: Range<usize>,
    /// Whether a sentence break (`.`, `!`, `?`, `;`, newline) stands between this word and the
    /// previous one: word pairs never span it.
    pub after_break: bool,
}

/// The words of `doc` in order ([`Document::words`], found once per draft and shared with the
/// rules), each marked with whether a sentence break precedes it.
pub fn tokens(doc: &Document<'_>) -> Vec<Token> {
    let norm = doc.norm();
    let mut prev_end = 0;
    doc.words()
        .iter()
        .map(|range| {
            let gap = norm.get(prev_end..range.start).unwrap_or_default();
            // Bytes, not chars: the breaks are ASCII, which no multi-byte character contains.
            let after_break = prev_end == 0 || gap.bytes().any(|b| matches!(b, b'.' | b'!' | b'?' | b';' | b'\n'));
            prev_end = range.end;
            Token { range: range.clone(), after_break }
        })
        .collect()
}

/// The key a word is counted under: the word itself, with every digit written `0`, so that
/// "bed 4" and "bed 12" share a shape ("bed 0", "bed 00") without learning particular numbers.
pub fn word_key<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    if !word.bytes().any(|b| b.is_ascii_digit()) {
        return word;
    }
    buf.clear();
    buf.extend(word.chars().map(|c| if c.is_ascii_digit() { '0' } else { c }));
    buf
}

/// Second-person words: a post addressed to someone.
fn is_you(w: &str) -> bool {
    matches!(w, "you" | "your" | "you're" | "youre" | "yourself" | "u" | "ur" | "tu" | "vous" | "du" | "usted" | "voce")
}

/// First-person words: the poster speaks of themself.
fn is_me(w: &str) -> bool {
    matches!(w, "i" | "i'm" | "im" | "my" | "me" | "myself" | "i've" | "i'd" | "i'll")
}

/// How many words of `text` (original) are shouted: three or more letters, all capitals.
fn shouted_words(text: &str) -> usize {
    if text.is_ascii() {
        // The same count on bytes (most drafts); fewer than six capitals cannot make two words.
        if text.bytes().filter(u8::is_ascii_uppercase).count() < 6 {
            return 0;
        }
        return text
            .as_bytes()
            .split(|b| !b.is_ascii_alphabetic())
            .filter(|w| w.len() >= 3 && w.iter().all(u8::is_ascii_uppercase))
            .count();
    }
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_uppercase))
        .count()
}

/// The register flags, named `<flag>` (no word can contain `<`), that `text` (original) and its
/// normalized form `norm` with words `tokens` carry.
pub fn flags(text: &str, norm: &str, tokens: &[Token]) -> impl Iterator<Item = &'static str> {
    let (mut you, mut me) = (false, false);
    for t in tokens {
        let w = &norm[t.range.clone()];
        // Most words fail on the first letter; comparing each with every pronoun costs more.
        match w.as_bytes()[0] {
            b'y' | b'u' | b't' | b'v' | b'd' => you |= is_you(w),
            b'i' | b'm' => me |= is_me(w),
            _ => {}
        }
    }
    // One pass over the bytes for the punctuation and digits (a digit is always inside a word).
    let (mut question, mut exclaim, mut exclaims, mut hashtag, mut number) = (false, false, false, false, false);
    let mut prev = 0u8;
    for &c in norm.as_bytes() {
        match c {
            b'?' => question = true,
            b'!' => {
                exclaims |= prev == b'!';
                exclaim = true;
            }
            b'#' => hashtag = true,
            b'0'..=b'9' => number = true,
            _ => {}
        }
        prev = c;
    }
    [
        ("<you>", you),
        ("<me>", me),
        ("<question>", question),
        ("<exclaim>", exclaim),
        ("<exclaims>", exclaims),
        ("<caps>", shouted_words(text) >= 2),
        ("<number>", number),
        ("<hashtag>", hashtag),
        ("<long>", tokens.len() > 80),
    ]
    .into_iter()
    .filter_map(|(name, on)| on.then_some(name))
}

/// Every feature of a document as a string (words, `word word` pairs, `<flag>`s and, with
/// `lists`, `@list` names), sorted and without repeats: what the trainer counts. The checker
/// computes the same set with lookups instead of strings.
pub fn feature_strings(doc: &Document<'_>, lists: bool) -> Vec<String> {
    let (text, norm) = (doc.text(), doc.norm());
    let toks = tokens(doc);
    let mut out: Vec<String> = Vec::with_capacity(toks.len() * 2 + 4);
    let mut buf = String::new();
    let mut prev: Option<String> = None;
    for t in &toks {
        let key = word_key(&norm[t.range.clone()], &mut buf).to_owned();
        if let Some(p) = prev.filter(|_| !t.after_break) {
            out.push(format!("{p} {key}"));
        }
        out.push(key.clone());
        prev = Some(key);
    }
    out.extend(flags(text, norm, &toks).map(str::to_owned));
    if lists {
        let names = doc.index().names();
        let mut last = None;
        for h in doc.all_hits() {
            if last != Some(h.list) {
                last = Some(h.list);
                out.push(format!("@{}", names[h.list as usize]));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn doc_features(text: &str, lists: bool) -> Vec<String> {
        let index = crate::rules::builtin_index().as_ref().unwrap();
        let ctx = crate::Context::default();
        feature_strings(&Document::new(text, index, &ctx), lists)
    }

    #[test]
    fn words_pairs_and_flags() {
        let f = doc_features("Bed 4 again?! YOU KNOW WHO. Sigh", false);
        for want in ["bed", "0", "bed 0", "again", "0 again", "you know", "<you>", "<question>", "<caps>", "sigh"] {
            assert!(f.iter().any(|x| x == want), "missing {want} in {f:?}");
        }
        // No pair across a sentence break.
        assert!(!f.iter().any(|x| x == "who sigh"), "{f:?}");
        assert!(!f.iter().any(|x| x == "<me>"));
        assert!(!f.iter().any(|x| x.starts_with('@')));
        assert_eq!(shouted_words("WHY is NOBODY here, OK"), 2);
        assert_eq!(shouted_words("WARUM ist NIEMAND DA, ÜBEL"), 3, "Ü is a capital letter");
        let f = doc_features("what a drug seeker", true);
        assert!(f.iter().any(|x| x == "@patient-disparagement/labels"), "{f:?}");
    }
}
