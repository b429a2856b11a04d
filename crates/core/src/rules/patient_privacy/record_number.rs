//! `patient-privacy/record-number`: medical record, hospital, NHS, accession or chart numbers.

use super::{apply_consent, CONSENT, RECORD_LABELS};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::finding::{Edit, Fix, Span};
use crate::rule::{Rule, RuleMeta, Sink};
use regex::Regex;

static META: RuleMeta = RuleMeta {
    id: "patient-privacy/record-number",
    category: Category::PatientPrivacy,
    severity: Severity::Critical,
    message: "This looks like a medical record or other patient number; it identifies the patient directly.",
    rationale:
        "Record numbers (MRN, hospital or NHS number, accession, chart or account numbers) point to exactly one \
                person. They never belong in a post, even a private one, and screenshots of charts carry them too.",
    guidance: "HIPAA Safe Harbor identifier 8 (medical record numbers); AMA Code of Medical Ethics 2.3.2",
    bad: &[
        "Can someone look at MRN 00482913 for me? weird labs",
        "Accession #S24-11873 came back malignant, poor guy",
        "NHS number 943 476 5919 keeps getting mixed up",
        "MRN ending 4471 needs a potassium recheck tonight",
        "the MRN on this one starts with 8830, cursed chart",
    ],
    good: &[
        "We cut MRN lookup time by 40% with the new EHR search",
        "Our trial enrolled 1,204 patients across 12 sites",
    ],
    lexicons: &[&CONSENT, &RECORD_LABELS],
};

/// A labelled record number.
pub(crate) struct RecordNumber {
    labelled: Regex,
    partial: Regex,
}

impl RecordNumber {
    pub(crate) fn new() -> RecordNumber {
        RecordNumber {
            labelled: Regex::new(
                r"(?i-u)(?-u:\b)(?:mrn|medical record(?: number| no\.?| #)?|record (?:number|no\.?|#)|hospital (?:number|no\.?)|nhs (?:number|no\.?)|accession(?: number| no\.?)?|chart (?:number|no\.?)|patient (?:id|number)|account (?:number|no\.?)|ssn|social security(?: number)?|n(?:u|ú)mero de historia|historia cl(?:i|í)nica|num(?:e|é)ro de dossier|ipp|fallnummer|patientennummer|n(?:u|ú)mero do prontu(?:a|á)rio|prontu(?:a|á)rio)[ \t]*(?:[:#]|no\.?|nr\.?|n(?:º|o|°))?[ \t]*[A-Z]{0,3}-?[0-9][0-9 \-/]{3,}[0-9]",
            )
            .unwrap_or_else(|e| panic!("built-in pattern: {e}")),
            // "MRN ending 4471": a partial number still picks out one patient on the unit.
            partial: Regex::new(
                r"(?i-u)(?-u:\b)(?:mrn|medical record(?: number)?|record number|hospital number|nhs number|patient id|chart number|accession)\s+(?:number\s+|#\s*)?(?:[a-z]+\s+){0,3}?(?:ending|ends|starting|starts|beginning|begins|last (?:4|four) digits?|first (?:4|four) digits?)\s*(?:in\s+|with\s+)?:?\s*\d{2,}",
            )
            .unwrap_or_else(|e| panic!("built-in pattern: {e}")),
        }
    }
}

impl Rule for RecordNumber {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        // The patterns are costly; run them only when a record label is present.
        if !doc.has(&RECORD_LABELS) {
            return;
        }
        let text = doc.text();
        let partial = self.partial.find_iter(text).filter(|p| !self.labelled.is_match(p.as_str()));
        for m in self.labelled.find_iter(text).chain(partial) {
            let f = sink.push(m.range());
            f.fix = Some(Fix {
                label: "Remove the number".into(),
                edits: vec![Edit { span: Span::bytes(m.range()), replacement: "[record number removed]".into() }],
            });
            apply_consent(doc, f);
        }
    }
}
