//! `unsupported-claims/anecdote-over-evidence`: personal observation set above the evidence.

use super::miracle_cure::CONDITION;
use super::misinformation::TOPIC;
use super::{debunks, in_question, EVIDENCE_BASED};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::rule::{Rule, RuleMeta, Sink};

/// "Saw it myself", "change my mind", "make up your own minds".
static ANECDOTE: Lexicon =
    Lexicon { name: "unsupported-claims/anecdote", source: crate::word_list!("unsupported_claims/anecdote.txt") };

static META: RuleMeta = RuleMeta {
    id: "unsupported-claims/anecdote-over-evidence",
    category: Category::UnsupportedClaims,
    severity: Severity::Warning,
    message: "This sets personal observation above the evidence; a clinician's anecdote reads as proof, \
              so say what the studies show.",
    rationale: "\"I saw it myself\", \"change my mind\", \"make up your \
                own minds\": a health claim defended by the poster's own cases against trials or \
                consensus. From a clinician it is read as expert knowledge, and readers act on it. \
                Correcting such a claim, or asking about it, is left alone.",
    guidance: "WMA 2011 statement on social media (provide factual information); expert rules: keep it \
               evidence-based; AMA Code of Medical Ethics 2.3.2 (public trust in the profession)",
    bad: crate::examples![
        "Twenty years on the ward and I saw it myself: the flu jab makes the elderly sicker",
        "The HPV jab leaves girls exhausted for months. I saw it myself, so change my mind",
        "Statins cause memory loss, watched it happen before my own eyes. Make up your own mind.",
        "Whatever the studies say, every cancer patient I know did better off chemo",
    ],
    good: crate::examples![
        "\"Saw it myself\" is not evidence: the vaccine trials enrolled thousands",
        "Change my mind: night shifts need better coffee",
        "Seen it myself a few times after the new jab: is that a real signal or just chance?",
        "Our ward clerk is the best in the trust, I saw it myself at 3am",
    ],
    lexicons: &[&ANECDOTE, &TOPIC, &CONDITION, &EVIDENCE_BASED],
};

/// How far (normalized bytes) the health topic may stand from the anecdote: the same passage.
const NEAR: u32 = 160;

/// An anecdote-over-evidence phrase beside a health topic, asserted and not corrected.
pub(crate) struct AnecdoteOverEvidence;

impl Rule for AnecdoteOverEvidence {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        if !doc.has(&ANECDOTE) || debunks(doc) {
            return;
        }
        let health: Vec<_> =
            doc.hits(&TOPIC).iter().chain(doc.hits(&CONDITION)).chain(doc.hits(&EVIDENCE_BASED)).copied().collect();
        let hit = doc.asserted_hits(&ANECDOTE).find(|h| {
            !doc.is_quoted(h.start as usize)
                && !in_question(doc, h)
                && health.iter().any(|t| t.start <= h.end + NEAR && h.start <= t.end + NEAR)
        });
        if let Some(h) = hit {
            sink.push(doc.original(h.range()));
        }
    }
}
