//! `colleague-disparagement/sarcastic-thanks`: mock thanks or congratulations aimed at a
//! colleague, a department or the employer ("Thanks to radiology for the brisk 19-hour report 🐢").

use super::{COLLEAGUE_TARGET, EMPLOYER};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::rule::{Rule, RuleMeta, Sink};
use crate::rules::patient_disparagement::sentence_of;

/// Public thanks or congratulations ("thanks to", "shout-out to", "gracias a", "danke an").
static THANKS: Lexicon =
    Lexicon { name: "colleague-disparagement/thanks", source: crate::word_list!("colleague_disparagement/thanks.txt") };

/// Irony markers (slowness emoji, mock speed or efficiency, "without ever…").
static IRONY: Lexicon =
    Lexicon { name: "colleague-disparagement/irony", source: crate::word_list!("colleague_disparagement/irony.txt") };

static META: RuleMeta = RuleMeta {
    id: "colleague-disparagement/sarcastic-thanks",
    category: Category::ColleagueDisparagement,
    severity: Severity::Warning,
    message: "This thanks or congratulates colleagues sarcastically: in public it reads as ridicule.",
    rationale: "\"Huge thanks to radiology for the lightning-fast 19-hour report 🐢\" is an attack dressed as praise: \
                the department is named, the irony is plain, and the public sees one team mocking another. \
                Raise delays through proper channels; thank people when you mean it.",
    guidance: "GMC Doctors' use of social media §9–10 (do not bully or make gratuitous comments about colleagues; \
               raise concerns properly); AMA Code of Medical Ethics 2.3.2",
    bad: crate::examples![
        "Huge thanks to the cardiology team for reviewing my referral after just three weeks 🐢",
        "Gracias a los de traumatología por la espera de 10 horas. Qué eficiencia.",
        "Congratulations to our new chief of staff. Amazing how far you get without ever seeing a patient.",
        "Thanks to the night reg who said 'fine' over the phone and went back to sleep 😊",
        "Dear cardiology: 'urgent' doesn't mean next Thursday. Love, the night team",
    ],
    good: crate::examples![
        "Huge thanks to the cardiology team for seeing my referral within the hour, truly grateful",
        "Congratulations to our new chief of staff, a clinician who still works nights",
        "Thanks to the snail farm tour guide for a great day 🐌",
        "Dear cardiology team, the leaving card was lovely. Love, the night team",
        "Big thanks to radiology: 40 scans reported overnight in record time. You are stars.",
    ],
    lexicons: &[&THANKS, &IRONY, &COLLEAGUE_TARGET, &EMPLOYER],
};

/// Thanks aimed at colleagues or the employer, in a post with an irony marker.
pub(crate) struct SarcasticThanks;

impl Rule for SarcasticThanks {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        if !doc.has(&THANKS) || !doc.has(&IRONY) {
            return;
        }
        let norm = doc.norm();
        // Sincere closers ("truly grateful", "you are stars") undo an ironic-looking phrase.
        let sincere = ["grateful", "you are stars", "you're stars", "legends", "thank you all", "proud of"];
        if sincere.iter().any(|w| norm.contains(w)) {
            return;
        }
        let correction = corrects(doc);
        for t in doc.hits(&THANKS) {
            if doc.is_quoted(t.start as usize) {
                continue;
            }
            let s = sentence_of(norm, t.start as usize);
            let inside = |x: &crate::lexicon::Hit| (x.start as usize) >= s.start && (x.end as usize) <= s.end + 1;
            let aimed = doc.hits(&COLLEAGUE_TARGET).iter().any(inside) || doc.hits(&EMPLOYER).iter().any(inside);
            // The irony sits in the thanks' sentence or in the two after it.
            let mut to = s.end;
            for _ in 0..2 {
                if to + 1 < norm.len() {
                    to = sentence_of(norm, to + 1).end;
                }
            }
            let ironic = doc.hits(&IRONY).iter().any(|x| {
                (x.start as usize) >= s.start && (x.start as usize) <= to + 1 && (!sign_off(doc, x) || correction)
            });
            if aimed && ironic {
                sink.push(doc.original(t.range()));
                return;
            }
        }
    }
}

/// Whether an irony marker is an affectionate sign-off ("Love, the night team", "Bisous"): ironic
/// only under a correction, sincere under a thank-you card.
fn sign_off(doc: &Document<'_>, x: &crate::lexicon::Hit) -> bool {
    let w = &doc.norm()[x.range()];
    w.starts_with("love") || w == "bisous" || w == "xoxo"
}

/// Whether the post corrects someone ("doesn't mean…", "is not…", "never…").
fn corrects(doc: &Document<'_>) -> bool {
    doc.words().iter().any(|r| {
        matches!(
            &doc.norm()[r.clone()],
            "not" | "doesn't" | "don't" | "isn't" | "aren't" | "never" | "nicht" | "kein" | "pas" | "no" | "nao"
        )
    })
}
