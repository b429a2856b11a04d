//! `patient-disparagement/group-stereotype`: a stereotype about a group, aimed at patients or
//! their families ("Trans patients always…", "another <group> family with a list of demands").

use super::{sentence_of, GENERIC, PATIENT_TARGET, REPORTED, WORKPLACE};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::{Hit, Lexicon};
use crate::rule::{Rule, RuleMeta, Sink};
use crate::rules::colleague_disparagement::COLLEAGUE_TARGET;
use crate::rules::discrimination::{
    stereotyped_groups, ADVOCACY, BIAS_DISCLAIMER, GENERALISATIONS, GROUPS, NEGATIVE, NEGATIVE_TONE, WEAK_CUES,
};

/// Words that make a post about hiring or staffing rather than patients.
static HIRING: Lexicon =
    Lexicon { name: "patient-disparagement/hiring", source: crate::word_list!("patient_disparagement/hiring.txt") };

static META: RuleMeta = RuleMeta {
    id: "patient-disparagement/group-stereotype",
    category: Category::PatientDisparagement,
    severity: Severity::Warning,
    message: "This stereotypes patients or their families by the group they belong to.",
    rationale: "A generalisation about patients of a given race, religion, age, weight, orientation or \
                disability both disparages the patients in front of you and tells the whole group what care \
                to expect. It is reported here and under discrimination.",
    guidance: "AMA Code of Medical Ethics 2.3.2; GMC Good medical practice §56 (treat patients fairly); \
               BMA: do not make disparaging comments about patients",
    bad: crate::examples![
        "Another Roma family in the waiting room with twenty visitors, typical",
        "Obese patients never follow the diet plan, why do we even bother",
    ],
    good: crate::examples![
        "Roma patients face real barriers to registering with a GP; our outreach nurse helps",
        "Obese patients deserve care without weight stigma",
    ],
    lexicons: &[
        &REPORTED,
        &GROUPS,
        &GENERALISATIONS,
        &WEAK_CUES,
        &NEGATIVE,
        &NEGATIVE_TONE,
        &PATIENT_TARGET,
        &WORKPLACE,
        &COLLEAGUE_TARGET,
        &HIRING,
        &ADVOCACY,
        &BIAS_DISCLAIMER,
    ],
};

/// A stereotyped group in a sentence about patients or the clinic.
pub(crate) struct GroupStereotype;

impl Rule for GroupStereotype {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        // Hiring posts stereotype colleagues, not patients (discrimination reports them).
        // A post whose only people are staff stereotypes colleagues (colleague-stereotype and
        // discrimination report it).
        if doc.has(&HIRING) || super::contempt::staff_only(doc) {
            return;
        }
        let about_patients = |h: &Hit| {
            let s = sentence_of(doc.norm(), h.start as usize);
            let inside = |x: &&Hit| (x.start as usize) >= s.start && (x.end as usize) <= s.end;
            let patient_noun =
                doc.hits(&PATIENT_TARGET).iter().filter(inside).any(|x| !GENERIC.contains(&&doc.norm()[x.range()]));
            let colleague = doc.hits(&COLLEAGUE_TARGET).iter().any(|x| inside(&x));
            (patient_noun || doc.hits(&WORKPLACE).iter().any(|x| inside(&x))) && !colleague
        };
        if let Some(h) = stereotyped_groups(doc).into_iter().find(about_patients) {
            sink.push(doc.original(h.range()));
        }
    }
}
