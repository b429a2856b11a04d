//! `medical-advice/remote-assessment`: offering to assess people's photos, labs or symptoms
//! remotely ("DM me your labs", "I'll tell you if it's cancer").

use super::{CLINICAL_OBJECTS, CONDITIONS, SOLICIT};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::rule::{Rule, RuleMeta, Sink};

static META: RuleMeta = RuleMeta {
    id: "medical-advice/remote-assessment",
    category: Category::MedicalAdvice,
    severity: Severity::Warning,
    message: "Offering to assess people's photos, results or symptoms online is individual medical advice.",
    rationale: "Inviting people to send their labs, mole pictures or symptoms sets up consultations without \
                examination, records, consent or follow-up, through a channel that is not secure. Point people \
                to their own clinician or to a proper service instead.",
    guidance: "Expert rule: don't ever give specific medical advice or try to diagnose online; AMA Code of Medical \
               Ethics 2.3.2 (boundaries of the patient-physician relationship online; privacy); avoid providing \
               specific medical advice to individuals through social media",
    bad: &[
        "DM me your labs and I'll tell you what's really going on with your thyroid",
        "Send me a pic of the rash, happy to help 📸",
        "My DMs are open for mole checks, I'll tell you if it's anything to worry about",
    ],
    good: &[
        "Reminder: I don't answer clinical questions in DMs. Book with your own clinician 💙",
        "DM me if you want the slides from today's journal club",
        "Send me your questions about our trial for the live Q&A on Friday",
    ],
    lexicons: &[&SOLICIT, &CLINICAL_OBJECTS, &CONDITIONS],
};

/// Solicited remote assessment.
pub(crate) struct RemoteAssessment;

impl RemoteAssessment {
    pub(crate) fn new() -> RemoteAssessment {
        RemoteAssessment
    }
}

impl Rule for RemoteAssessment {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        let norm = doc.norm();
        for h in doc.asserted_hits(&SOLICIT) {
            // What is asked for must be clinical: within the next hundred or so characters.
            let mut end = (h.end as usize + 100).min(norm.len());
            while !norm.is_char_boundary(end) {
                end -= 1;
            }
            let near = |lex| doc.hits(lex).iter().any(|o| o.start >= h.start && (o.start as usize) < end);
            if near(&CLINICAL_OBJECTS) || near(&CONDITIONS) {
                sink.push(doc.original(h.range()));
                return;
            }
        }
    }
}
