//! `patient-privacy/patient-age`: ages over 89, and exact ages in an account of a real patient.

use super::clues::Clues;
use super::{apply_consent, clinical, with_clue_lexicons, CLINICAL_CONTEXT, CONSENT};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::finding::{Edit, Fix, Span};
use crate::rule::{Rule, RuleMeta, Sink};

static META: RuleMeta = RuleMeta {
    id: "patient-privacy/patient-age",
    category: Category::PatientPrivacy,
    severity: Severity::Critical,
    message: "An age over 89 is rare enough to identify a patient; give it as \"over 90\".",
    rationale: "Very old patients are few, so an exact age over 89 is a direct identifier (HIPAA Safe Harbor \
                aggregates them as \"90 or older\"). An exact age in an account of a real, recent patient is a \
                strong clue too: a decade (\"in her 30s\") tells the story just as well.",
    guidance: "HIPAA Safe Harbor identifier 3 (ages over 89); AMA Code of Medical Ethics 2.3.2; GMC Doctors' use \
               of social media §17",
    bad: crate::examples![
        "Our 96-year-old on the ward today still does the crossword faster than me",
        "Discharged a 101 yo back home this afternoon, sharp as a tack",
        "Just admitted a 37-year-old with a perforated appendix, she walked in smiling",
        "Hoy ingresamos a una paciente de 94 años con neumonía",
    ],
    good: crate::examples![
        "Ageism sounds like “he's 94, what do you expect?” That is not a diagnosis; look for the delirium.",
        "Over-90s are the fastest-growing group on our wards",
        "A 45-year-old with chest pain is a classic exam question",
        "Happy 100th birthday to our hospital! Founded 1926",
        "Patients aged 90 and over were 12% of our admissions last winter",
        "My grandad turns 92 today and still beats me at chess",
        "Our clinic startup raised $15M this week to hire 40 more nurses",
    ],
    lexicons: with_clue_lexicons!(&CLINICAL_CONTEXT, &CONSENT),
};

/// Institutions have birthdays too: "our hospital's 100th birthday" is no patient.
const INSTITUTIONS: &[&str] =
    &["hospital", "unit", "ward", "practice", "trust", "clinic", "school", "service", "nhs", "department", "charity"];

/// Exact ages from the shared clue scan, judged by value and context.
pub(crate) struct PatientAge {
    clues: &'static Clues,
}

impl PatientAge {
    pub(crate) fn new() -> PatientAge {
        PatientAge { clues: super::clues::shared() }
    }
}

impl Rule for PatientAge {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        let ages = self.clues.ages(doc);
        if ages.is_empty() {
            return;
        }
        let scan = self.clues.encounters(doc);
        let clinical = clinical(doc);
        let recent = scan.encounter.is_some();
        // Exact ages need care given ("we admitted", "my patient"), not just "today".
        let real_patient = scan.encounters.iter().any(|(_, strong)| *strong);
        let text = doc.text();
        for (range, value) in &ages {
            let span = &text[range.clone()];
            let lower = span.to_lowercase();
            if lower.contains("birthday") {
                let norm = doc.norm();
                if INSTITUTIONS.iter().any(|w| norm.contains(w) && !norm.contains("resident"))
                    && scan.specific.is_none()
                {
                    continue;
                }
            }
            if group_age(text, range) {
                continue;
            }
            // An age inside quotes, in a post about bias ("Ageism looks like “she's 90, what do you
            // expect?”"), quotes an attitude, not a patient.
            if quoted_attitude(doc, range.start) {
                continue;
            }
            let very_old = (90..=130).contains(value);
            let severity = if very_old && (clinical || recent) && (clinical || scan.specific.is_some()) {
                sink.severity()
            } else if real_patient && clinical && !very_old && *value < 130 {
                sink.severity().min(Severity::Warning)
            } else {
                continue;
            };
            let f = sink.push(range.clone());
            f.severity = severity;
            if !very_old {
                f.message = format!(
                    "An exact age (“{}”) in an account of a real patient is a strong clue to who they are; a decade is \
                     enough.",
                    span.trim()
                );
            }
            if let Some(fix) = age_fix(span, range.start, *value) {
                f.fix = Some(fix);
            }
            apply_consent(doc, f);
        }
    }
}

/// A threshold for a group, not one person's age: "patients aged 90 and over", "over 90s",
/// "adults aged 65+".
fn group_age(text: &str, range: &std::ops::Range<usize>) -> bool {
    let after: String = text[range.end..].chars().take(16).collect::<String>().to_lowercase();
    let before: String = {
        let head = &text[..range.start];
        let mut from = head.len().saturating_sub(24);
        while !head.is_char_boundary(from) {
            from -= 1;
        }
        head[from..].to_lowercase()
    };
    let after = after.trim_start();
    ["and over", "and above", "and older", "or over", "or older", "+", "plus", "s ", "s,", "-plus"]
        .iter()
        .any(|w| after.starts_with(w))
        || ["over ", "under ", "above ", "patients ", "people ", "adults ", "those ", "anyone ", "aged over "]
            .iter()
            .any(|w| before.trim_end().ends_with(w.trim_end()))
}

/// "92-year-old" → "90-plus-year-old"; "34-year-old" → "30-something".
fn age_fix(span: &str, start: usize, value: u32) -> Option<Fix> {
    let lower = span.to_lowercase();
    if !(lower.contains("year-old") || lower.contains("year old") || lower.contains("yo")) {
        return None;
    }
    let digits_end = span.find(|c: char| !c.is_ascii_digit())?;
    if digits_end == 0 {
        return None;
    }
    let replacement = if value >= 90 {
        "90-plus-year-old".to_owned()
    } else if value >= 20 {
        format!("{}-something", value / 10 * 10)
    } else {
        return None;
    };
    Some(Fix {
        label: format!("Replace with “{replacement}”"),
        edits: vec![Edit { span: Span::bytes(start..start + span.len()), replacement }],
    })
}

/// Whether the original byte offset `at` is inside double quotes in a post that names a bias.
fn quoted_attitude(doc: &Document<'_>, at: usize) -> bool {
    let before = &doc.text()[..at];
    let open = before.matches(['“', '«']).count() + before.matches('"').count() % 2;
    let close = before.matches(['”', '»']).count();
    open > close && crate::rules::patient_disparagement::advocacy(doc)
}
