//! `patient-disparagement/disgust`: disgust aimed at a patient's body, smell or hygiene.

use super::{
    advocacy, aimed_at_colleague, asserted, near, pronoun_before, verdict_after_patient, PATIENT_TARGET, REPORTED,
};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::rule::{Rule, RuleMeta, Sink};
use crate::rules::colleague_disparagement::COLLEAGUE_TARGET;
use crate::rules::discrimination::{ADVOCACY, BIAS_DISCLAIMER};

/// Words of disgust: smell, dirt, "gross", vomit on my shoes.
static DISGUST: Lexicon =
    Lexicon { name: "patient-disparagement/disgust", source: crate::word_list!("patient_disparagement/disgust.txt") };

static META: RuleMeta = RuleMeta {
    id: "patient-disparagement/disgust",
    category: Category::PatientDisparagement,
    severity: Severity::Warning,
    message: "This expresses disgust at a patient; it reads as mocking someone in your care.",
    rationale: "Remarks about how a patient smelled, looked or lived hold up a vulnerable person to ridicule. \
                Even unnamed, the patient may recognise themselves, and the public sees a clinician who \
                looks down on the people they treat.",
    guidance: "AMA Code of Medical Ethics 2.3.2 (professional standards apply online); GMC Doctors' use of \
               social media §8 (respect for patients); BMA: avoid disparaging comments about patients",
    bad: crate::examples![
        "This guy smelled like a dumpster fire, how do people live like this",
        "Honestly disgusting, she hasn't showered since Easter and wanted a full exam",
        "Le patient du box 3 était dégoûtant, franchement",
    ],
    good: crate::examples![
        "Body odour can be a sign of self-neglect; ask gently and offer support",
        "The hospital canteen's new curry smells like heaven",
        "Wound care tip: a foul smell from a dressing can mean infection, review it",
    ],
    lexicons: &[&REPORTED, &DISGUST, &PATIENT_TARGET, &COLLEAGUE_TARGET, &ADVOCACY, &BIAS_DISCLAIMER],
};

/// Disgust next to a patient word.
pub(crate) struct Disgust;

impl Rule for Disgust {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        if !doc.has(&DISGUST) || advocacy(doc) {
            return;
        }
        for h in doc.hits(&DISGUST) {
            // The person must be close: "he smelled like…", not "smelled like smoke after the fire patients".
            let targets = doc.hits(&PATIENT_TARGET);
            let person_close = targets.iter().any(|t| t.start < h.start && near(doc, h, t, 4))
                || targets.iter().any(|t| near(doc, h, t, 1))
                || pronoun_before(doc, h, 4);
            if asserted(doc, h) && (person_close || verdict_after_patient(doc, h)) && !aimed_at_colleague(doc, h) {
                sink.push(doc.original(h.range()));
                return;
            }
        }
    }
}
