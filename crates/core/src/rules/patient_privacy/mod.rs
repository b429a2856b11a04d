//! Patient privacy: anything that could identify a patient or disclose their information.
//!
//! The heart of Primum. Direct identifiers (names, record numbers, beds) are critical on their
//! own; weaker clues are scored together, because small details add up (GMC).

use crate::document::Document;
use crate::finding::Finding;
use crate::lexicon::Lexicon;
use crate::rule::Rule;

mod patient_name;
mod record_number;
mod room_or_bed;

/// Words that put a text in a clinical setting.
pub(crate) static CLINICAL_CONTEXT: Lexicon =
    Lexicon { name: "patient-privacy/clinical-context", source: include_str!("clinical_context.txt") };

/// Consent and de-identification statements.
pub(crate) static CONSENT: Lexicon = Lexicon { name: "patient-privacy/consent", source: include_str!("consent.txt") };

/// Whether the draft is set in a clinical context.
pub(crate) fn clinical(doc: &Document<'_>) -> bool {
    doc.has(&CLINICAL_CONTEXT)
}

/// Lowers a privacy finding one step when the draft says the case is shared with consent
/// or is de-identified/fictional — and says so in the message, so it is never hidden.
pub(crate) fn apply_consent(doc: &Document<'_>, finding: &mut Finding) {
    if doc.has(&CONSENT) {
        finding.severity = finding.severity.lowered();
        finding
            .message
            .push_str(" (A consent or de-identification statement lowers this; make sure it covers every detail.)");
    }
}

/// The category's rules.
pub(crate) fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(patient_name::PatientName::new()),
        Box::new(record_number::RecordNumber::new()),
        Box::new(room_or_bed::RoomOrBed::new()),
    ]
}
