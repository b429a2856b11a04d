//! `medical-advice/remote-assessment`: offering to assess people's photos, labs or symptoms
//! remotely ("DM me your labs", "I'll tell you if it's cancer").

use super::{CLINICAL_OBJECTS, CONDITIONS, MEDICINES, SOLICIT};
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
    bad: crate::examples![
        "DM me your labs and I'll tell you what's really going on with your thyroid",
        "Send me a pic of the rash, happy to help 📸",
        "My DMs are open for mole checks, I'll tell you if it's anything to worry about",
        "Post a pic of the bite in the comments and I'll let you know if it needs antibiotics",
    ],
    good: crate::examples![
        "Reminder: I don't answer clinical questions in DMs. Book with your own clinician 💙",
        "DM me if you want the slides from today's journal club",
        "Send me your questions about our trial for the live Q&A on Friday",
        "Post a pic of your study setup! I'll let you know if I spot my old textbook",
        "If you send me your scan results I can't advise you on them; your own team can",
    ],
    lexicons: &[&SOLICIT, &CLINICAL_OBJECTS, &CONDITIONS, &MEDICINES],
};

/// Clinical objects that are only pictures: clinical by what they show, not by themselves.
const IMAGES: &[&str] = &["pic", "pics", "photo", "photos", "picture", "pictures", "images", "selfie"];

/// Ways of declining to assess anyone online.
const REFUSALS: &[&str] = &[
    "can't advise",
    "cannot advise",
    "can't give advice",
    "cannot give advice",
    "can't give medical advice",
    "won't advise",
    "don't give advice",
    "don't give medical advice",
    "can't diagnose",
    "cannot diagnose",
    "won't diagnose",
    "don't answer clinical",
    "won't answer clinical",
];

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
        // "If you DM me your symptoms I can't advise you": the offer is declined, not made.
        // Only an offer to assess is reported; most drafts make none.
        if !doc.has(&SOLICIT) || REFUSALS.iter().any(|r| norm.contains(r)) {
            return;
        }
        for h in doc.asserted_hits(&SOLICIT) {
            // What is asked for must be clinical: within a hundred or so characters, before
            // ("post a pic of your rash… I'll tell you if…") or after ("DM me your labs").
            let mut end = (h.end as usize + 100).min(norm.len());
            while !norm.is_char_boundary(end) {
                end -= 1;
            }
            let start = (h.start as usize).saturating_sub(100);
            // A picture as such says nothing clinical ("post a pic of your study setup"); what
            // it shows, or what the poster offers to judge ("worth a GP visit"), does.
            let near = |lex| {
                doc.hits(lex).iter().any(|o| {
                    let generic = IMAGES.contains(&&norm[o.range()]);
                    !generic && (o.start as usize) >= start && (o.start as usize) < end
                })
            };
            // A medicine counts only as the verdict offered ("…I'll let you know if it needs
            // antibiotics"), not as the topic of questions sent in ("send me your questions on
            // metformin").
            let verdict = doc.hits(&MEDICINES).iter().any(|o| o.start >= h.end && (o.start as usize) < end);
            let verdict = verdict && !norm[h.range()].starts_with("send me your");
            if near(&CLINICAL_OBJECTS) || near(&CONDITIONS) || verdict {
                sink.push(doc.original(h.range()));
                return;
            }
        }
    }
}
