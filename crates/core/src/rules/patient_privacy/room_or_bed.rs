//! `patient-privacy/room-or-bed`: a bed, room or bay number in a clinical setting.

use super::{apply_consent, clinical, CLINICAL_CONTEXT, CONDITIONS, CONSENT};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::finding::{Edit, Fix, Span};
use crate::rule::{Rule, RuleMeta, Sink};
use regex::Regex;

static META: RuleMeta = RuleMeta {
    id: "patient-privacy/room-or-bed",
    category: Category::PatientPrivacy,
    severity: Severity::Critical,
    message: "A bed, room or bay number points to one patient; colleagues and visitors can tell who it is.",
    rationale: "Locations inside a care setting are identifiers: anyone who was on the ward that day — staff, \
                visitors, the patient's family — knows who was in bed 4. Leave the number out.",
    guidance: "AMA Code of Medical Ethics 2.3.2; GMC Doctors' use of social media §17 (small details add up)",
    bad: &[
        "The guy in bed 4 has pulled out his IV three times tonight",
        "Room 212 on the oncology ward keeps calling the nurse for nothing",
        "El paciente de la cama 7 no deja de gritar",
    ],
    good: &[
        "Went to bed 2 hours after my shift ended, still wired",
        "Our hospital opened 40 new beds this winter",
        "Conference room 3 is booked for journal club",
        "Bed 1 to bed 30 in 12 hours: how our ward cut handover time in half",
    ],
    lexicons: &[&CLINICAL_CONTEXT, &CONDITIONS, &CONSENT],
};

/// A numbered bed, room, bay or cubicle.
pub(crate) struct RoomOrBed {
    numbered: Regex,
}

impl RoomOrBed {
    pub(crate) fn new() -> RoomOrBed {
        RoomOrBed {
            numbered: Regex::new(
                r"(?i)(?-u:\b)(?:beds?|rooms?|rm|bays?|cubicles?|cubical|stretcher|trolley|side room|cama|habitaci[oó]n|box|chambre|lit|zimmer|bett|quarto|leito)\s*(?:#|no\.?|number|nr\.?|n[ºo°])?\s*(\d{1,4}[a-z]?)(?-u:\b)(?:\s*(?:hours?|hrs?|h|mins?|minutes?|am|pm|o'clock|times|days?|nights?|weeks?)(?-u:\b))?",
            )
            .unwrap_or_else(|e| panic!("built-in pattern: {e}")),
        }
    }
}

impl Rule for RoomOrBed {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        if !clinical(doc) {
            return;
        }
        let text = doc.text();
        for c in self.numbered.captures_iter(text) {
            let (Some(all), Some(number)) = (c.get(0), c.get(1)) else {
                continue;
            };
            let tail = &text[number.end()..all.end()];
            // "bed 2 hours after", "room 3 times": a duration, not a place.
            if !tail.trim().is_empty() {
                continue;
            }
            let before = text[..all.start()].trim_end().to_lowercase();
            if before.ends_with("conference") || before.ends_with("meeting") || before.ends_with("class") {
                continue;
            }
            // "Bed 1 to bed 30", "beds 4-12": a stretch of the ward, not one patient.
            let after = text[number.end()..].trim_start().to_lowercase();
            let range = ["to ", "-", "–", "through ", "thru "].iter().any(|w| after.starts_with(w))
                || before.ends_with(" to")
                || before.ends_with("from");
            if range {
                continue;
            }
            let label_end = all.start() + text[all.start()..number.start()].trim_end().len();
            let f = sink.push(all.start()..number.end());
            f.fix = Some(Fix {
                label: "Remove the number".into(),
                edits: vec![Edit { span: Span::bytes(label_end..number.end()), replacement: String::new() }],
            });
            apply_consent(doc, f);
        }
    }
}
