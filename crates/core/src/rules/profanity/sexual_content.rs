//! `profanity/sexual-content`: sexually explicit words, and innuendo made explicit by a
//! flirting cue (suggestive emoji, "hot"/"sexy", "… me any day").

use super::{INNUENDO, INNUENDO_MILD, SEXUAL_TERMS};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::rule::{Rule, RuleMeta, Sink};
use std::ops::Range;

static META: RuleMeta = RuleMeta {
    id: "profanity/sexual-content",
    category: Category::Profanity,
    severity: Severity::Warning,
    message: "Sexually explicit language or innuendo does not belong in a clinician's public post.",
    rationale: "Sexual jokes and innuendo about clinical work — intubating, examining, 'professional blowing' — \
                sexualise patients and colleagues and make the profession look unserious. Suggestive emoji turn \
                an innocent sentence into an explicit one.",
    guidance: "AMA Code of Medical Ethics 2.3.2 (content posted online can undermine public trust in the \
               profession); WMA 2011 statement (sober tone; online posting shapes public perception of the \
               profession); BMA (you are still a doctor on social media); THINK",
    bad: crate::examples![
        "That new registrar can examine me any day 🥵",
        "Physio life: I'm paid to be good with my hands 😏 #deeptissue",
        "Night shift with the hot paramedic crew again 🍑",
        "Long hard shift but he made it worth it 🍆💦",
        "Anyone else horny after a long shift or just me",
        "Smear clinic vibes: legs apart for me 😏🍑",
    ],
    good: crate::examples![
        "Deep breathing exercises before surgery reduce post-op chest infections",
        "Our new sexual health clinic offers confidential walk-in testing",
        "Blowing bubbles is a great way to teach kids breath control 😊",
        "Ride-along with the paramedic crew today, learned a lot",
        "Deep dive into the sepsis data tonight 😈 who's joining?",
        "Graduated magna cum laude, thank you to everyone who believed in me",
        "Inserting my first chest drain tomorrow 😈 wish me luck",
        "Happy to teach anyone to insert a cannula any time",
        "Open wide! First check-up for our littlest patient 😁",
    ],
    lexicons: &[&SEXUAL_TERMS, &INNUENDO, &INNUENDO_MILD],
};

/// Emoji that make a neighbouring innuendo word suggestive.
const SUGGESTIVE_EMOJI: &[&str] = &["🍆", "💦", "🍑", "😏", "🥵", "😈", "👅", "🤤", "🫦"];

/// Emoji explicit enough to make an everyday word ("hard", "deep") suggestive.
const EXPLICIT_EMOJI: &[&str] = &["🍆", "💦", "🍑", "🥵", "👅", "🫦"];

/// Words that make a neighbouring word suggestive.
const FLIRT_WORDS: &[&str] = &["sexy", "me any day", "me anytime", "me any time", "ask me how i know"];

/// Sexually explicit terms and cued innuendo.
pub(crate) struct SexualContent;

impl SexualContent {
    pub(crate) fn new() -> SexualContent {
        SexualContent
    }
}

/// Whether the text around original range `r` carries a flirting cue: any suggestive emoji or
/// flirting phrase, or, when `explicit_only`, only an explicit emoji.
fn cued(doc: &Document<'_>, r: &Range<usize>, explicit_only: bool) -> bool {
    let text = doc.text();
    let mut lo = r.start.saturating_sub(90);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (r.end + 90).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let window = &text[lo..hi];
    if explicit_only {
        return EXPLICIT_EMOJI.iter().any(|e| window.contains(e));
    }
    if SUGGESTIVE_EMOJI.iter().any(|e| window.contains(e)) {
        return true;
    }
    let lower = window.to_lowercase();
    FLIRT_WORDS.iter().any(|w| lower.contains(w))
}

impl Rule for SexualContent {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        let text = doc.text();
        let mut flagged = false;
        for h in doc.hits(&SEXUAL_TERMS) {
            sink.push(doc.original(h.range()));
            flagged = true;
        }
        for (lex, explicit_only) in [(&INNUENDO, false), (&INNUENDO_MILD, true)] {
            for h in doc.hits(lex) {
                let r = doc.original(h.range());
                if cued(doc, &r, explicit_only) {
                    sink.push(r);
                    flagged = true;
                }
            }
        }
        // The aubergine with droplets or a peach needs no words at all.
        if !flagged && text.contains('🍆') && (text.contains('💦') || text.contains('🍑')) {
            if let Some(at) = text.find('🍆') {
                sink.push(at..at + '🍆'.len_utf8());
            }
        }
    }
}
