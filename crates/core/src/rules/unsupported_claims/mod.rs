//! Unsupported claims: miracle cures, misinformation, overclaiming, leaked trial data.
//!
//! A claim is judged by what is asserted, not by which words appear: debunking ("the myth that…"),
//! negation ("does not cure"), honest hedging ("suggests", "limitations") and dismissing
//! pseudoscience ("detox teas are a scam") all leave a draft alone (WMA: factual information;
//! expert rules: keep it evidence-based).

use crate::document::Document;
use crate::lexicon::{Hit, Lexicon};
use crate::rule::Rule;

mod anecdote_over_evidence;
mod miracle_cure;
mod misinformation;
mod unpublished_data;

/// Debunking and correction markers.
pub(crate) static DEBUNK: Lexicon =
    Lexicon { name: "unsupported-claims/debunk", source: crate::word_list!("unsupported_claims/debunk.txt") };

/// Words that dismiss a treatment ("scam", "placebo", "doesn't work").
pub(crate) static DISMISSAL: Lexicon =
    Lexicon { name: "unsupported-claims/dismissal", source: crate::word_list!("unsupported_claims/dismissal.txt") };

/// Evidence-based treatments and public-health measures.
pub(crate) static EVIDENCE_BASED: Lexicon = Lexicon {
    name: "unsupported-claims/evidence-based",
    source: crate::word_list!("unsupported_claims/evidence_based.txt"),
};

/// Whether the draft corrects a claim somewhere (myth-busting, "no evidence", "misinformation").
pub(crate) fn debunks(doc: &Document<'_>) -> bool {
    doc.has(&DEBUNK)
}

/// Whether a negation really negates the claim at `at`: "not me curing eczema with tallow" is the
/// boast meme, not a denial.
pub(crate) fn negated(doc: &Document<'_>, at: usize) -> bool {
    if !doc.is_negated(at) {
        return false;
    }
    let norm = doc.norm();
    let head = norm.get(crate::text::clause_start(norm, at)..at).unwrap_or("").trim_start();
    !(head.starts_with("not me ") || head.starts_with("not us "))
}

/// The normalized byte range of the clause around `at` (between `.!?;,:` or newlines).
pub(crate) fn clause(norm: &str, at: usize) -> std::ops::Range<usize> {
    let start = crate::text::clause_start(norm, at);
    let at = start.max(at.min(norm.len()));
    let end =
        norm.get(at..).and_then(|rest| rest.find(['.', '!', '?', ';', ',', ':', '\n'])).map_or(norm.len(), |p| at + p);
    start..end
}

/// Whether any hit of `lexicon` lies in the clause of `hit`.
pub(crate) fn in_clause(doc: &Document<'_>, lexicon: &Lexicon, hit: &Hit) -> bool {
    let c = clause(doc.norm(), hit.start as usize);
    doc.hits(lexicon).iter().any(|h| (h.start as usize) >= c.start && (h.end as usize) <= c.end)
}

/// Modals and passives that turn a verb into a possibility or a report ("weight loss can reverse
/// diabetes", "hepatitis C can now be cured").
const MODALS: &[&str] = &[
    "can",
    "may",
    "might",
    "could",
    "help",
    "helps",
    "often",
    "sometimes",
    "be",
    "been",
    "being",
    "puede",
    "peut",
    "kann",
    "pode",
];

/// Whether a modal stands in the two words before `hit`, in its clause.
pub(crate) fn modal_before(doc: &Document<'_>, hit: &Hit) -> bool {
    let norm = doc.norm();
    let at = hit.start as usize;
    let start = crate::text::clause_start(norm, at);
    let head = norm.get(start..at).unwrap_or("");
    let words: Vec<_> = crate::text::words(head).collect();
    words.iter().rev().take(2).any(|w| MODALS.contains(&&head[w.clone()]))
}

/// Whether the sentence holding `hit` is a question ("Do vaccines cause autism?"): asked, not claimed.
pub(crate) fn in_question(doc: &Document<'_>, hit: &Hit) -> bool {
    let norm = doc.norm();
    norm.get(hit.end as usize..)
        .and_then(|rest| rest.find(['.', '!', '?', '\n']).map(|p| rest[p..].starts_with('?')))
        .unwrap_or(false)
}

/// The category's rules.
pub(crate) fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(miracle_cure::MiracleCure::new()),
        Box::new(misinformation::Misinformation),
        Box::new(unpublished_data::UnpublishedData),
        Box::new(anecdote_over_evidence::AnecdoteOverEvidence),
    ]
}
