//! `unsupported-claims/unpublished-data`: sharing embargoed, interim or unpublished trial results.

use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::rule::{Rule, RuleMeta, Sink};

/// Unpublished or confidential data, leaked on its own terms ("our unpublished data", "don't tell the journal").
static LEAK: Lexicon =
    Lexicon { name: "unsupported-claims/leak", source: crate::word_list!("unsupported_claims/leak.txt") };

/// Embargoed or interim data: a leak only when results are shared alongside.
static LEAK_WEAK: Lexicon =
    Lexicon { name: "unsupported-claims/leak-weak", source: crate::word_list!("unsupported_claims/leak_weak.txt") };

/// Results being shared ("HR 0.41", "the drug works", "spoiler").
static RESULT: Lexicon =
    Lexicon { name: "unsupported-claims/result", source: crate::word_list!("unsupported_claims/result.txt") };

/// Signs the data are already public (embargo lifted, paper published).
static LEAK_OK: Lexicon =
    Lexicon { name: "unsupported-claims/leak-ok", source: crate::word_list!("unsupported_claims/leak_ok.txt") };

static META: RuleMeta = RuleMeta {
    id: "unsupported-claims/unpublished-data",
    category: Category::UnsupportedClaims,
    severity: Severity::Warning,
    message: "This shares unpublished, interim or embargoed results; wait until the data are public and \
              peer reviewed.",
    rationale: "Interim and unpublished results can change, have not been checked by peer review or the \
                data monitoring committee's full process, and may be confidential under trial agreements or \
                a journal embargo. Posting them early can mislead patients and breach obligations to \
                participants, sponsors and co-investigators.",
    guidance: "WMA 2011 statement on social media (factual information, declare interests); expert rules: \
               keep it evidence-based; GMC Good practice in research (confidentiality of trial data)",
    bad: crate::examples![
        "Our pilot study of 15 people shows breathing exercises beat inhalers. Revolutionary for asthma care!",
        "Can't share yet officially but our interim data show the drug halves mortality!",
        "Paper's under embargo until Monday, but spoiler: it worked 🎉",
        "Our unpublished pilot results are amazing, screenshots below",
        "Our as yet unpublished pilot shows the new protocol halves falls. You heard it here first!",
        "Paper's under review but our registry shows this statin doubling fracture risk 😬",
        "I'm not supposed to say anything yet, but our trial hit its primary endpoint. Huge news coming.",
        "Preliminary numbers from our still-recruiting study: 0 infections in the treatment arm vs 12 in control!",
    ],
    good: crate::examples![
        "Our preprint is up: a small pilot, not peer reviewed, so please read it as a first signal only",
        "The embargo has lifted: our trial is out today in The Lancet, open access.",
        "Preprint out: our cohort suggests an association; not peer reviewed yet, feedback welcome.",
        "Grateful to serve on a data monitoring committee; independent oversight protects patients.",
        "Embargoed press releases make me wary; I wait for the full paper before commenting.",
        "Our abstract is under review for the spring meeting, fingers crossed!",
        "Just published in BMJ Open: the pathway halved readmissions in 412 patients (95% CI 0.4–0.7).",
        "Excited to be recruiting for our new study! Results expected in 2027.",
        "Reminder: don't share unpublished trial data on social media, it breaches confidentiality.",
        "Our review pooled published and unpublished trials; the protocol is on PROSPERO.",
        "This meme is too good not to share 😂 night shift forever",
        "Year in review: our ward cut falls by 30%. Proud of this team!",
    ],
    lexicons: &[&LEAK, &LEAK_WEAK, &RESULT, &LEAK_OK],
};

/// Unpublished or embargoed data shared before it is public.
pub(crate) struct UnpublishedData;

impl Rule for UnpublishedData {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        if doc.has(&LEAK_OK) {
            return;
        }
        let sharing = doc.asserted_hits(&RESULT).next().is_some() || doc.text().contains('%');
        let hit = doc.asserted_hits(&LEAK).next().or_else(|| doc.asserted_hits(&LEAK_WEAK).next().filter(|_| sharing));
        if let Some(hit) = hit {
            sink.push(doc.original(hit.range()));
            return;
        }
        // "New preprint, n=22, but revolutionary": a preliminary study sold as a breakthrough.
        let norm = doc.norm();
        // One cheap pass first: most drafts name no preliminary study.
        const FIRST: [bool; 256] = crate::text::first_bytes(PRELIMINARY);
        if !crate::text::contains_any(norm, PRELIMINARY, &FIRST) {
            return;
        }
        let early = PRELIMINARY.iter().find_map(|w| norm.find(w).map(|i| i..i + w.len()));
        if let Some(r) = early.filter(|_| HYPE.iter().any(|w| norm.contains(w))) {
            sink.push(doc.original(r));
        }
    }
}

/// Words for a study that is early, small or not yet reviewed.
const PRELIMINARY: &[&str] = &[
    "preprint",
    "pilot study",
    "small study",
    "observational study",
    "preliminares",
    "preliminaires",
    "vorlaufig",
    "preliminar",
];

/// Claims that one result changes medicine.
const HYPE: &[&str] = &[
    "revolutionary",
    "completely change",
    "change everything",
    "changes everything",
    "the future of",
    "better than most",
    "cambia todo",
    "cambiara todo",
    "change tout",
    "changera tout",
    "alles verandern",
    "muda tudo",
    "revolucionario",
    "revolutionnaire",
    "revolutionar",
];
