//! `colleague-disparagement/never-on-the-floor`: dismissing colleagues or managers as people who
//! have never done the clinical work ("has never held a bleep in his life", "n'ont jamais mis
//! les pieds dans un service"), or daring them to come and do it.

use super::{respectful, self_intro, COLLEAGUE_TARGET, EMPLOYER, RESPECTFUL};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::{Hit, Lexicon};
use crate::rule::{Rule, RuleMeta, Sink};
use crate::rules::patient_disparagement::{asserted_close, sentence_of, GENERIC, PATIENT_TARGET};

/// "never", "hasn't", "jamais", "nunca", "nie".
static NEVER_DID: Lexicon = Lexicon {
    name: "colleague-disparagement/never-did",
    source: crate::word_list!("colleague_disparagement/never_did.txt"),
};

/// "in his life", "since 2004", "set foot", "mis les pieds": the closure that makes it a verdict.
static NEVER_CLOSURE: Lexicon = Lexicon {
    name: "colleague-disparagement/never-closure",
    source: crate::word_list!("colleague_disparagement/never_closure.txt"),
};

/// "que venga", "venez voir", "soll mal": daring them to come and do the work.
static DARE: Lexicon =
    Lexicon { name: "colleague-disparagement/dare", source: crate::word_list!("colleague_disparagement/dare.txt") };

/// Things a colleague "never" did that are praise, not a verdict ("never missed a shift in her
/// life"), and states, not work ("haven't been funded since 2022").
const PRAISE: &[&str] =
    &["been", "missed", "complained", "failed", "let ", "gave up", "called in sick", "been late", "lost"];

static META: RuleMeta = RuleMeta {
    id: "colleague-disparagement/never-on-the-floor",
    category: Category::ColleagueDisparagement,
    severity: Severity::Warning,
    message: "This dismisses colleagues or managers as people who have never done the work.",
    rationale: "\"He has never seen a patient in his life\" or \"let them come and do a night shift\" is not a \
                critique of a decision but a verdict on the people who made it, in front of the patients who \
                depend on them. Say what the decision gets wrong and raise it through proper channels.",
    guidance: "GMC Doctors' use of social media §9–10 (do not make gratuitous comments about colleagues; raise \
               concerns properly); AMA Code of Medical Ethics 2.3.2; BMA social media guidance",
    bad: crate::examples![
        "Our director has never once covered a weekend in her life yet writes the rota",
        "Our managers haven't touched a drug chart since 2010 but they know best",
        "La direction n'a jamais fait une garde de sa vie, ça se voit",
        "Die Verwaltung soll mal eine Nacht auf Station arbeiten",
    ],
    good: crate::examples![
        "Our ward sister never called in sick once in her whole career, what a legend",
        "I had never set foot in a theatre before my first placement",
        "I haven't done a night shift since 2019 and I miss the team",
        "Our manager has worked nights since 2004 and still covers when we are short",
    ],
    lexicons: &[&NEVER_DID, &NEVER_CLOSURE, &DARE, &COLLEAGUE_TARGET, &EMPLOYER, &RESPECTFUL],
};

/// A "never" with a lifetime or long-past closure, or a dare, in a post about colleagues or the employer.
pub(crate) struct NeverOnTheFloor;

/// Whether the last words before `at` in its sentence make the poster the subject ("I have never").
fn first_person(doc: &Document<'_>, from: usize, at: usize) -> bool {
    doc.words_in(from..at).rev().take(3).any(|w| {
        matches!(w, "i" | "i've" | "ive" | "we" | "we've" | "yo" | "je" | "j'ai" | "ich" | "eu" | "me" | "nous")
    })
}

impl Rule for NeverOnTheFloor {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        let cued = doc.has(&NEVER_DID) && doc.has(&NEVER_CLOSURE) || doc.has(&DARE);
        if !cued || !(doc.hits(&COLLEAGUE_TARGET).iter().any(|t| !self_intro(doc, t)) || doc.has(&EMPLOYER)) {
            return;
        }
        let norm = doc.norm();
        let fits = |h: &Hit| {
            let s = sentence_of(norm, h.start as usize);
            // A patient before the cue is its subject ("patients who haven't seen a GP since 2019");
            // after it, the object of the work never done ("never seen a patient in his life").
            let patient_subject = doc
                .hits(&PATIENT_TARGET)
                .iter()
                .any(|x| (x.start as usize) >= s.start && x.end <= h.start && !GENERIC.contains(&&norm[x.range()]));
            !first_person(doc, s.start, h.start as usize)
                && !respectful(doc, h)
                && !patient_subject
                && !doc.is_quoted(h.start as usize)
        };
        let never = doc.hits(&NEVER_DID).iter().find(|h| {
            let s = sentence_of(norm, h.start as usize);
            let closed = doc.hits(&NEVER_CLOSURE).iter().any(|c| c.start >= h.end && (c.end as usize) <= s.end);
            let next = norm.get(h.end as usize..s.end).unwrap_or("").trim_start();
            closed && !PRAISE.iter().any(|p| next.starts_with(p)) && fits(h)
        });
        let dare = || doc.hits(&DARE).iter().find(|h| asserted_close(doc, h) && fits(h));
        if let Some(h) = never.or_else(dare) {
            sink.push(doc.original(h.range()));
        }
    }
}
