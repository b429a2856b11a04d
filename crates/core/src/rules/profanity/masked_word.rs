//! `profanity/masked-word`: masked, minced or abbreviated profanity (`f***ing`, `sh*t`,
//! `F this`, `wtf`, `ffs`, `tired af`).

use super::{mask_candidates, masked_words, outermost, ABBREVIATIONS};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::rule::{Rule, RuleMeta, Sink};
use crate::text;
use std::ops::Range;

static META: RuleMeta = RuleMeta {
    id: "profanity/masked-word",
    category: Category::Profanity,
    severity: Severity::Warning,
    message: "Masked or abbreviated profanity still reads as profanity.",
    rationale: "Asterisks, symbols and acronyms (f***, sh!t, wtf, ffs) hide nothing: every reader fills in the \
                word, and the post reads exactly as if it were spelled out. Rephrase rather than mask.",
    guidance: "AMA Code of Medical Ethics 2.3.2 (content posted online can undermine public trust in the \
               profession); WMA 2011 statement (adopt a sober tone); BMA (you are still a doctor on social media); \
               THINK",
    bad: crate::examples![
        "Just f***ing sign the discharge already",
        "Holy sh*t, four admissions in an hour",
        "wtf is this new rota",
        "F this rota and F this department",
        "Post-nights and tired af",
        "Ugh, that c*** of a manager again",
    ],
    good: crate::examples![
        "AF with RVR: rate control first, then think anticoagulation",
        "New onset af in a 70-year-old: check thyroid function",
        "Footnotes marked with an asterisk* are from the 2021 update",
        "She got an A* in chemistry and starts med school in September",
        "Got an F the first time I sat pharmacology; passed with merit this year",
    ],
    lexicons: &[&ABBREVIATIONS],
};

/// Words before "af" that make it atrial fibrillation or an ordinary word, not an intensifier.
const AF_BEFORE: &[&str] = &[
    "with",
    "in",
    "of",
    "for",
    "new",
    "onset",
    "paroxysmal",
    "persistent",
    "permanent",
    "chronic",
    "and",
    "or",
    "the",
    "a",
    "an",
    "known",
    "has",
    "had",
    "have",
    "to",
    "on",
    "no",
    "pt",
    "patient",
    "patients",
    "fast",
    "lone",
    "valvular",
    "nonvalvular",
    "detect",
    "detected",
    "diagnosed",
    "screening",
    "screen",
    "from",
    "is",
    "into",
    "back",
    "rapid",
];

/// Words after "af" that make it a clinical abbreviation.
const AF_AFTER: &[&str] = &[
    "patients",
    "patient",
    "pts",
    "pt",
    "ablation",
    "with",
    "rvr",
    "on",
    "burden",
    "episode",
    "episodes",
    "and",
    "or",
    "clinic",
    "screening",
    "detection",
    "risk",
    "management",
    "pathway",
    "guideline",
    "guidelines",
    "is",
    "was",
    "in",
    "cases",
    "rates",
    "rate",
    "rhythm",
];

/// Masked and abbreviated profanity.
pub(crate) struct MaskedWord {
    candidates: Vec<String>,
}

impl MaskedWord {
    pub(crate) fn new() -> MaskedWord {
        MaskedWord { candidates: mask_candidates() }
    }
}

/// Normalized ranges of "af" used as an intensifier ("tired af"): typed in lower case, after
/// an ordinary word and not followed by a clinical word, so atrial fibrillation stays clean.
pub(crate) fn af_intensifiers(doc: &Document<'_>) -> Vec<Range<usize>> {
    let norm = doc.norm();
    // Cheap test first: a lower-case "af" standing alone somewhere in the original.
    let b = doc.text().as_bytes();
    let standalone = doc.text().match_indices("af").any(|(i, _)| {
        let before = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let after = b.get(i + 2).map_or(true, |c| !c.is_ascii_alphanumeric());
        before && after
    });
    if !standalone {
        return Vec::new();
    }
    let words: Vec<Range<usize>> = text::words(norm).collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if &norm[w.clone()] != "af" || doc.text().get(doc.original(w.clone())) != Some("af") {
            continue;
        }
        let Some(prev) = i.checked_sub(1).map(|p| &words[p]) else { continue };
        // The previous word must be in the same clause, right before it.
        if norm[prev.end..w.start].trim() != "" || AF_BEFORE.contains(&&norm[prev.clone()]) {
            continue;
        }
        if prev.end > 0 && norm[prev.clone()].chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let next = words.get(i + 1).filter(|n| norm[w.end..n.start].trim().is_empty());
        if next.is_some_and(|n| AF_AFTER.contains(&&norm[n.clone()])) {
            continue;
        }
        out.push(w.clone());
    }
    out
}

/// Words before a lone "F" that make it a grade, a vitamin or a temperature ("got an F the
/// first time", "102 F the whole night"), not a minced swear.
const F_BEFORE: &[&str] = &["a", "an", "grade", "grades", "vitamin", "factor", "type", "size", "gauge", "got", "get"];

/// Whether an abbreviation hit is a lone letter "f" used as a letter.
fn letter_f(norm: &str, h: &crate::lexicon::Hit) -> bool {
    if !norm[h.range()].starts_with("f ") {
        return false;
    }
    let before = &norm[..h.start as usize];
    let prev = text::words(before).last().map(|w| &before[w]);
    prev.is_some_and(|p| F_BEFORE.contains(&p) || p.chars().all(|c| c.is_ascii_digit()))
        || before.trim_end().ends_with('°')
}

impl Rule for MaskedWord {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        let norm = doc.norm();
        let mut ranges: Vec<Range<usize>> =
            doc.hits(&ABBREVIATIONS).iter().filter(|h| !letter_f(norm, h)).map(|h| h.range()).collect();
        ranges.extend(masked_words(doc.norm(), &self.candidates));
        ranges.extend(af_intensifiers(doc));
        for r in outermost(ranges) {
            sink.push(doc.original(r));
        }
    }
}
