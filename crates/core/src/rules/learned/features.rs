//! What the learned scorer reads from a draft: its words, pairs of neighbouring words, a few
//! cheap signs of register ("you", a question, shouting) and which of the rules' word lists
//! occur at all (`@category/list`: the rules' signals below their own thresholds). The trainer
//! and the checker both go through [`tokens`] and [`flags`], so training and checking see
//! exactly the same features.

use crate::document::Document;
use crate::text;
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

/// The words of normalized text `norm`, in order.
pub fn tokens(norm: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut prev_end = 0;
    for range in text::words(norm) {
        let gap = norm.get(prev_end..range.start).unwrap_or_default();
        let after_break = out.is_empty() || gap.contains(['.', '!', '?', ';', '\n']);
        prev_end = range.end;
        out.push(Token { range, after_break });
    }
    out
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
const YOU: &[&str] = &["you", "your", "you're", "youre", "yourself", "u", "ur", "tu", "vous", "du", "usted", "voce"];
/// First-person words: the poster speaks of themself.
const ME: &[&str] = &["i", "i'm", "im", "my", "me", "myself", "i've", "i'd", "i'll"];

/// The register flags, named `<flag>` (no word can contain `<`), that `text` (original) and its
/// normalized form `norm` with words `tokens` carry.
pub fn flags(text: &str, norm: &str, tokens: &[Token]) -> impl Iterator<Item = &'static str> {
    let has = |list: &[&str]| tokens.iter().any(|t| list.contains(&&norm[t.range.clone()]));
    let shouted = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_uppercase))
        .count();
    [
        ("<you>", has(YOU)),
        ("<me>", has(ME)),
        ("<question>", norm.contains('?')),
        ("<exclaim>", norm.contains('!')),
        ("<exclaims>", norm.contains("!!")),
        ("<caps>", shouted >= 2),
        ("<number>", tokens.iter().any(|t| norm[t.range.clone()].bytes().any(|b| b.is_ascii_digit()))),
        ("<hashtag>", norm.contains('#')),
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
    let toks = tokens(norm);
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
        let f = doc_features("what a drug seeker", true);
        assert!(f.iter().any(|x| x == "@patient-disparagement/labels"), "{f:?}");
    }
}
