//! `unsupported-claims/misinformation`: known health myths, conspiracy framing, and dismissing
//! evidence-based care.

use super::{in_question, modal_before, DEBUNK, DISMISSAL, EVIDENCE_BASED};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::{Hit, Lexicon};
use crate::rule::{Rule, RuleMeta, Sink};

/// Known myths as they are asserted ("vaccines cause autism", "fluoride lowers IQ").
static MYTH: Lexicon =
    Lexicon { name: "unsupported-claims/myth", source: crate::word_list!("unsupported_claims/myth.txt") };

/// "They don't want you to know", "every study is bought".
static CONSPIRACY: Lexicon =
    Lexicon { name: "unsupported-claims/conspiracy", source: crate::word_list!("unsupported_claims/conspiracy.txt") };

/// Insinuation ("connect the dots", "numbers are being buried"): counts only on a health topic.
static INSINUATION: Lexicon =
    Lexicon { name: "unsupported-claims/insinuation", source: crate::word_list!("unsupported_claims/insinuation.txt") };

/// Health-evidence topics that make an insinuation a claim (vaccines, pharma, deaths, case numbers).
pub(crate) static TOPIC: Lexicon =
    Lexicon { name: "unsupported-claims/topic", source: crate::word_list!("unsupported_claims/topic.txt") };

/// Words after "being buried"/"hidden" that make it workload or a literal burial, not a cover-up.
const LITERAL_NEXT: &[&str] = &["in", "under", "alive", "at", "beneath"];

/// Harms falsely pinned on evidence-based care ("causes infertility", "full of toxins").
static HARM: Lexicon =
    Lexicon { name: "unsupported-claims/harm", source: crate::word_list!("unsupported_claims/harm.txt") };

/// Dismissals placed before the treatment ("nobody needs statins").
static PRE_DISMISSAL: Lexicon = Lexicon {
    name: "unsupported-claims/pre-dismissal",
    source: crate::word_list!("unsupported_claims/pre_dismissal.txt"),
};

static META: RuleMeta = RuleMeta {
    id: "unsupported-claims/misinformation",
    category: Category::UnsupportedClaims,
    severity: Severity::Warning,
    message: "This repeats health misinformation or dismisses evidence-based care; a clinician's word \
              carries weight, so stick to what the evidence shows.",
    rationale: "Myths such as vaccines causing autism, conspiracy framing (\"they don't want you to know\", \
                \"every study is bought\") and calling proven treatments a scam or a placebo mislead the \
                public and undermine trust in the profession. Coming from a clinician they are believed \
                more, and people stop treatment because of them.",
    guidance: "WMA 2011 statement on social media (provide factual information); expert rules: keep it \
               evidence-based; AMA Code of Medical Ethics 2.3.2 (public trust in the profession)",
    bad: crate::examples![
        "Too many vaccines at once overload a baby's immune system, so space them out, parents.",
        "Fifteen years a paeds nurse and I know what I've seen: vaccines cause autism.",
        "Statins are just expensive placebos and the trials are all bought and paid for.",
        "Big pharma doesn't want you to know how well fasting works for cancer.",
        "Funny how the experts never mention all the young athletes collapsing since 2021. Connect the dots.",
        "A source at the health department says case numbers are being buried. Our ED is packed.",
        "I've stopped recommending the HPV vaccine; too many of my patients had reactions.",
        "Le vaccin contre la grippe affaiblit le système immunitaire, je ne le recommande plus.",
        "Masks cause CO2 poisoning in toddlers, I've watched it happen.",
        "Big Pharma buried the cure for diabetes decades ago, ask yourself why 🤔",
        "It's time we admitted that SSRIs are no better than placebo.",
        "Vaccine injuries are being covered up by the CDC. Ask yourself why.",
    ],
    good: crate::examples![
        "Myth: too many vaccines at once overload a baby's immune system. They don't; babies meet thousands of antigens a day.",
        "No, vaccines do not cause autism. The original paper was retracted and its author struck off.",
        "Myth of the week: 'the flu shot gives you the flu'. It can't, the vaccine has no live virus.",
        "Detox teas are a scam; your liver and kidneys already do that job.",
        "Evidence on statins for primary prevention in over-75s is still debated; here's the trial.",
        "Correlation isn't causation: the vaccine-autism link has been studied in millions of children and there is none.",
        "Saw a video claiming garlic cures infections. It doesn't. Here's what the trials actually show.",
        "Antibiotics are unnecessary for most sore throats; they're viral.",
        "Reminder: the flu vaccine doesn't weaken your immune system. It trains it.",
        "Masks don't cause CO2 poisoning; CO2 molecules pass straight through the fabric.",
        "We're being buried in paperwork while sepsis deaths rise. Fund more nurses.",
        "Do the math: 12-hour shifts x 3 nights = zero social life 😂",
    ],
    lexicons: &[&MYTH, &CONSPIRACY, &INSINUATION, &TOPIC, &HARM, &DISMISSAL, &PRE_DISMISSAL, &EVIDENCE_BASED, &DEBUNK],
};

/// How close (normalized bytes) a dismissal must follow the treatment it dismisses.
const GAP: u32 = 40;
/// How close a treatment must follow a dismissal placed before it.
const PRE_GAP: u32 = 12;

/// A myth, a conspiracy frame, or an evidence-based treatment dismissed.
pub(crate) struct Misinformation;

/// A harm limited to some people ("the pill causes depression in some women") is a known risk.
fn qualified(doc: &Document<'_>, harm: &Hit) -> bool {
    let next = doc.norm().get(harm.end as usize..).unwrap_or("").trim_start();
    ["in some", "in a few", "in a small", "in rare", "rarely", "occasionally", "in a minority", "in very"]
        .iter()
        .any(|p| next.starts_with(p))
}

impl Misinformation {
    /// Whether a "doesn't work"-style dismissal is limited to an indication ("… against viruses",
    /// "… for colds"), which is education rather than a dismissal of the treatment.
    fn for_indication(&self, doc: &Document<'_>, dismissal: &Hit) -> bool {
        let said = doc.norm().get(dismissal.range()).unwrap_or("");
        // Absolute dismissals stay dismissals whatever follows ("a scam for most tumours").
        let absolute = ["scam", "hoax", "fraud", "poison", "placebo", "tested"].iter().any(|w| said.contains(w));
        let works = !absolute;
        let next = doc.norm().get(dismissal.end as usize..).unwrap_or("").trim_start();
        works && ["against ", "for ", "on ", "in "].iter().any(|p| next.starts_with(p))
    }
}

impl Rule for Misinformation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        let debunk = doc.hits(&DEBUNK);
        // A conspiracy frame may carry its own "myth" ("a myth invented by pharma"); only a
        // correction outside the phrase counts against it.
        let conspiracy =
            doc.asserted_hits(&CONSPIRACY).find(|c| !debunk.iter().any(|d| d.start < c.start || d.end > c.end));
        if let Some(hit) = conspiracy {
            sink.push(doc.original(hit.range()));
            return;
        }
        if !debunk.is_empty() {
            return;
        }
        // "Connect the dots", "the numbers are being buried": insinuation about health evidence.
        if doc.has(&TOPIC) || doc.has(&EVIDENCE_BASED) {
            let norm = doc.norm();
            let literal = |h: &Hit| {
                let next = norm.get(h.end as usize..).unwrap_or("").trim_start();
                let word = next.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
                LITERAL_NEXT.contains(&word)
            };
            if let Some(hit) = doc.asserted_hits(&INSINUATION).find(|h| !in_question(doc, h) && !literal(h)) {
                sink.push(doc.original(hit.range()));
                return;
            }
        }
        if let Some(hit) = doc.asserted_hits(&MYTH).find(|h| !in_question(doc, h)) {
            sink.push(doc.original(hit.range()));
            return;
        }
        // "chemo is a scam", "SSRIs are just expensive placebos", "the HPV vaccine causes infertility".
        let treatments = doc.hits(&EVIDENCE_BASED);
        let dismissals = doc.asserted_hits(&DISMISSAL).map(|h| (h, true));
        for (dismissal, dismissive) in dismissals.chain(doc.asserted_hits(&HARM).map(|h| (h, false))) {
            // "antibiotics don't work against viruses": an indication, not a dismissal;
            // "steroids can cause diabetes": a stated risk, not a myth.
            if (dismissive && self.for_indication(doc, dismissal))
                || modal_before(doc, dismissal)
                || (!dismissive && qualified(doc, dismissal))
            {
                continue;
            }
            if let Some(t) = treatments.iter().find(|t| t.end <= dismissal.start && dismissal.start - t.end <= GAP) {
                sink.push(doc.original(t.start as usize..dismissal.end as usize));
                return;
            }
        }
        // "nobody needs statins", "throw away your inhalers" — unless limited to an indication.
        for pre in doc.asserted_hits(&PRE_DISMISSAL) {
            let t = treatments.iter().find(|t| t.start >= pre.end && t.start - pre.end <= PRE_GAP);
            if let Some(t) = t.filter(|t| !self.for_indication(doc, t)) {
                sink.push(doc.original(pre.start as usize..t.end as usize));
                return;
            }
        }
    }
}
