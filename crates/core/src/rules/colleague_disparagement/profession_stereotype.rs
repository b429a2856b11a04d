//! `colleague-disparagement/profession-stereotype`: a sweeping put-down of a whole profession or
//! specialty ("chiropractors are…", "obstetricians in this city would…").

use super::{respectful, COLLEAGUE_TARGET, RESPECTFUL};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::rule::{Rule, RuleMeta, Sink};
use crate::rules::patient_disparagement::REPORTED;
use crate::rules::patient_disparagement::{asserted, near};

/// Stereotype verbs that follow a plural profession.
static STEREOTYPE_CUES: Lexicon = Lexicon {
    name: "colleague-disparagement/stereotype-cues",
    source: crate::word_list!("colleague_disparagement/stereotype_cues.txt"),
};

static META: RuleMeta = RuleMeta {
    id: "colleague-disparagement/profession-stereotype",
    category: Category::ColleagueDisparagement,
    severity: Severity::Warning,
    message: "This stereotypes a whole profession or specialty; it reads as a put-down of colleagues.",
    rationale: "\"Surgeons are all…\", \"physios are just…\", \"radiologists never…\": sweeping jokes about \
                another discipline belittle colleagues patients also depend on, and teach students that \
                contempt between professions is normal. Critique a practice or the evidence instead.",
    guidance: "AMA Code of Medical Ethics 2.3.2; GMC Doctors' use of social media §9 (treat colleagues fairly \
               and with respect); BMA social media guidance",
    bad: crate::examples![
        "Surgeons are all the same: cut first, think never",
        "Radiologists are just overpaid spell-checkers for our requests",
        "Les pharmaciens sont tous des vendeurs de bonbons",
        "Locums are great until something goes wrong, then nobody can find them",
    ],
    good: crate::examples![
        "Surgeons and anaesthetists planning together cut our cancellations in half",
        "Physios are the reason half my patients walk out of here; thank you",
        "Radiologists, what's your preferred way to receive the clinical question?",
    ],
    lexicons: &[&REPORTED, &STEREOTYPE_CUES, &COLLEAGUE_TARGET, &RESPECTFUL],
};

/// A plural profession followed closely by a stereotype verb.
pub(crate) struct ProfessionStereotype;

/// Whether a profession word reads as the whole profession (a plural, not "my nurse").
fn plural(word: &str) -> bool {
    word.ends_with('s') && !word.ends_with("ss") && word.len() > 3
}

/// Whether the words between profession and cue bring in another subject ("nurses and I can't").
fn other_subject(gap: &str) -> bool {
    crate::text::words(gap).any(|w| matches!(&gap[w], "i" | "we" | "you" | "and" | "who" | "that" | "to" | "for"))
}

impl Rule for ProfessionStereotype {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        for p in doc.hits(&COLLEAGUE_TARGET) {
            if !plural(&doc.norm()[p.range()]) {
                continue;
            }
            let cue = doc.hits(&STEREOTYPE_CUES).iter().find(|c| {
                c.start >= p.end
                    && near(doc, p, c, 2)
                    && !other_subject(&doc.norm()[p.end as usize..c.start as usize])
                    && asserted(doc, c)
                    && !respectful(doc, c)
            });
            if cue.is_some() {
                sink.push(doc.original(p.range()));
                return;
            }
        }
    }
}
