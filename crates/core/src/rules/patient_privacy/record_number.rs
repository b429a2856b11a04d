//! `patient-privacy/record-number`: medical record, hospital, NHS, accession or chart numbers.

use super::{apply_consent, CONSENT, RECORD_LABELS};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::finding::{Edit, Fix, Span};
use crate::re::Regex;
use crate::rule::{Rule, RuleMeta, Sink};

static META: RuleMeta = RuleMeta {
    id: "patient-privacy/record-number",
    category: Category::PatientPrivacy,
    severity: Severity::Critical,
    message: "This looks like a medical record or other patient number; it identifies the patient directly.",
    rationale:
        "Record numbers (MRN, hospital or NHS number, accession, chart or account numbers) point to exactly one \
                person. They never belong in a post, even a private one, and screenshots of charts carry them too.",
    guidance: "HIPAA Safe Harbor identifier 8 (medical record numbers); AMA Code of Medical Ethics 2.3.2",
    bad: crate::examples![
        "Can someone look at MRN 00482913 for me? weird labs",
        "Accession #S24-11873 came back malignant, poor guy",
        "NHS number 943 476 5919 keeps getting mixed up",
        "MRN ending 4471 needs a potassium recheck tonight",
        "the MRN on this one starts with 8830, cursed chart",
        "Accession 23-SP-01142 is the weirdest histology I've seen this month",
    ],
    good: crate::examples![
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
        // The labels are a word list (`record_labels.txt`); these patterns are anchored right after
        // a label, so they stay small and cheap to build.
        RecordNumber {
            labelled: crate::re::compile(
                r"^(?i-u)\.?(?:[ \t]+(?:number|no\.?|#))?[ \t]*(?:[:#]|no\.?|nr\.?|n(?:º|o|°))?[ \t]*[a-z]{0,3}-?(?:[0-9]{1,4}-[a-z]{1,3}-)?[0-9][0-9 \-/]{3,}[0-9]",
            ),
            // "MRN ending 4471": a partial number still picks out one patient on the unit.
            partial: crate::re::compile(
                r"^(?i-u)\s+(?:number\s+|#\s*)?(?:[a-z]+\s+){0,3}?(?:ending|ends|starting|starts|beginning|begins|last (?:4|four) digits?|first (?:4|four) digits?)\s*(?:in\s+|with\s+)?:?\s*[0-9]{2,}",
            ),
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
        let mut seen: Vec<std::ops::Range<usize>> = Vec::new();
        for h in doc.hits(&RECORD_LABELS) {
            let label = doc.original(h.range());
            let rest = &text[label.end..];
            let Some(m) = self.labelled.find(rest).or_else(|| self.partial.find(rest)) else { continue };
            let range = label.start..label.end + m.end();
            // "medical record" and "medical record number" both match at one place.
            if seen.iter().any(|s| s.start <= range.start && range.start < s.end) {
                continue;
            }
            seen.push(range.clone());
            let m = range;
            let f = sink.push(m.clone());
            f.fix = Some(Fix {
                label: "Remove the number".into(),
                edits: vec![Edit { span: Span::bytes(m), replacement: "[record number removed]".into() }],
            });
            apply_consent(doc, f);
        }
    }
}
