//! `patient-privacy/contact-details`: a patient's phone number, email, street address, postcode or
//! social-media handle.

use super::{apply_consent, clinical, CLINICAL_CONTEXT, CONDITIONS, CONSENT, ENCOUNTER, PERSON, SEX, SPECIFIC_PATIENT};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::finding::{Edit, Fix, Span};
use crate::pattern::{Anchors, Pattern};
use crate::rule::{Rule, RuleMeta, Sink};

static META: RuleMeta = RuleMeta {
    id: "patient-privacy/contact-details",
    category: Category::PatientPrivacy,
    severity: Severity::Critical,
    message: "A phone number, email, street address or social handle next to clinical details identifies the patient.",
    rationale: "Contact details and addresses point to exactly one person or household; beside anything clinical they \
                disclose that this person is a patient and why. A patient's social-media handle does the same: \
                tagging or naming their account tells the world they are under your care.",
    guidance: "HIPAA Safe Harbor identifiers 2, 4, 6 (geographic subdivisions smaller than a state, telephone \
               numbers, email addresses); AMA Code of Medical Ethics 2.3.2",
    bad: crate::examples![
        "Patient keeps calling from 07700 900123 about her dressing, can someone on days ring her back",
        "Home visit to the gentleman at 14 Larch Close again today, wound still weeping",
        "Discharged her today, her email is jane.d@example.com if the ward needs to follow up",
        "Replied to @runner_kate's post: great to see you jogging, see you at your 6 week check!",
    ],
    good: crate::examples![
        "Questions about the flu clinic? Call us on 0161 496 0000 or email clinic@example.org",
        "Our new ward opened on Larch Close this spring",
        "Great talk by @DrSmithMD on sepsis screening today",
    ],
    lexicons: &[&CLINICAL_CONTEXT, &CONDITIONS, &CONSENT, &ENCOUNTER, &SPECIFIC_PATIENT, &PERSON, &SEX],
};

/// Phone, email, address, postcode and handle patterns.
pub(crate) struct ContactDetails {
    phone: Pattern,
    email: Pattern,
    address: Pattern,
    handle: Pattern,
    appointment: Pattern,
}

impl ContactDetails {
    pub(crate) fn new() -> ContactDetails {
        ContactDetails {
            phone: Pattern::new(
                r"(?-u)(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\b\d{2,5}[\s.-]?\d{3,4}[\s.-]?\d{3,4}\b",
                Anchors::Digit,
                (28, 28),
            ),
            email: Pattern::new(
                r"(?-u:\b)[A-Za-z0-9_.+-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+(?-u:\b)",
                Anchors::Byte(b'@'),
                (64, 64),
            ),
            address: Pattern::new(
                r"(?x)
                (?-u:\b)[0-9]{1,5}[a-zA-Z]?,?[\x20\t](?:[A-Z][a-z'’]+[\x20\t]){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way|Court|Ct|Boulevard|Blvd|Crescent|Place|Pl|Terrace|Gardens|Grove|Row)(?-u:\b)
                | (?-u:\b)[0-9]{1,4},?[\x20\t](?:rue|avenue|boulevard|bd|chemin|place)[\x20\t](?:de[\x20\t]la[\x20\t]|des?[\x20\t]|du[\x20\t])?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+
                | [A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:stra(?:ß|ss)e|weg|gasse|platz|allee)[\x20\t][0-9]{1,4}
                | (?-u:\b)(?:Calle|Avenida|Av\.|Rua|Travessa)[\x20\t][A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]*(?:[\x20\t][A-Za-zÀ-ÖØ-öø-ÿ]+)*?,?[\x20\t](?:n[ºo°][\x20\t]?)?[0-9]{1,4}(?-u:\b)
                | (?-u:\b)[A-Z]{1,2}[0-9][A-Z0-9]?[\x20\t][0-9][A-Z]{2}(?-u:\b)",
                Anchors::Digit,
                (64, 48),
            ),
            handle: Pattern::new(
                r"(?:^|[^A-Za-z0-9_@])@([A-Za-z0-9_][A-Za-z0-9_.]{1,29}[A-Za-z0-9_])",
                Anchors::Byte(b'@'),
                (2, 32),
            ),
            appointment: Pattern::new(
                r"(?i-u)(?-u:\b)see you (?:at|for|in|on) (?:the |your |our )?[a-z0-9 -]{0,20}?(?:check|check-?up|appointment|appt|follow-?up|review|session|visit|clinic|op|surgery|scan)(?-u:\b)",
                Anchors::Words(&["see you"]),
                (0, 64),
            ),
        }
    }
}

/// Lead-ins that make a number or address the clinic's own, not a patient's.
const INSTITUTIONAL: &[&str] = &[
    "line",
    "freephone",
    "support",
    "service",
    "team",
    "samaritans",
    "charity",
    "our new",
    "opens",
    "located",
    "find us",
    "visit us",
    "based at",
    "moved to",
    "call us",
    "contact us",
    "ring us",
    "email us",
    "our number",
    "our office",
    "our clinic",
    "our practice",
    "helpline",
    "hotline",
    "book",
    "reception",
    "switchboard",
    "text us",
    "whatsapp us",
    "appointments",
    "enquiries",
    "info",
];

/// Services named after a number or address: it is theirs, not a patient's.
const SERVICES: &[&str] =
    &["line", "helpline", "hotline", "support", "service", "freephone", "team", "office", "clinic", "reception"];

impl Rule for ContactDetails {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        let text = doc.text();
        let has_digit = text.bytes().any(|b| b.is_ascii_digit());
        let has_at = text.contains('@');
        if !has_digit && !has_at {
            return;
        }
        // "see you at your 6 week check" discloses care as surely as a diagnosis does.
        let appointment = doc.norm().contains("see you") && self.appointment.is_match(text);
        let clinical = clinical(doc) || appointment;
        let patient = appointment
            || doc.has(&SPECIFIC_PATIENT)
            || (doc.has(&ENCOUNTER) && (doc.has(&PERSON) || doc.has(&SEX)))
            || ((doc.has(&PERSON) || doc.has(&SEX)) && clinical);
        if !patient || !clinical {
            return;
        }
        let institutional = |start: usize| {
            // The 40 bytes before, widened to a char boundary.
            let mut from = start.saturating_sub(40);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let tail = text[from..start].to_lowercase();
            INSTITUTIONAL.iter().any(|w| tail.contains(w))
        };
        // "0800 123 4567 for the cancer support line": a service named right after the number.
        let service_after = |end: usize| {
            let mut to = (end + 40).min(text.len());
            while !text.is_char_boundary(to) {
                to -= 1;
            }
            let head = text[end..to].to_lowercase();
            SERVICES.iter().any(|w| head.contains(w))
        };
        let mut found: Vec<(std::ops::Range<usize>, &str, &str)> = Vec::new();
        if has_at {
            for m in self.email.find_iter(text) {
                if !institutional(m.start()) {
                    found.push((m.range(), "[email removed]", "An email address"));
                }
            }
            // A handle is a patient's only when the post also points to their care.
            if appointment || doc.has(&SPECIFIC_PATIENT) {
                for c in self.handle.captures_iter(text) {
                    let Some(h) = c.get(1) else { continue };
                    let r = h.start().saturating_sub(1)..h.end();
                    if !found.iter().any(|(f, _, _)| f.contains(&h.start())) {
                        found.push((r, "[handle removed]", "A social-media handle"));
                    }
                }
            }
        }
        if has_digit {
            for m in self.phone.find_iter(text) {
                let digits = m.as_str().bytes().filter(u8::is_ascii_digit).count();
                if (9..=15).contains(&digits) && !institutional(m.start()) && !service_after(m.end()) {
                    found.push((m.range(), "[number removed]", "A phone number"));
                }
            }
        }
        for m in self.address.find_iter(if has_digit { text } else { "" }) {
            if !institutional(m.start()) {
                found.push((m.range(), "[address removed]", "A street address or postcode"));
            }
        }
        for (range, replacement, what) in found {
            let f = sink.push(range.clone());
            f.message = format!(
                "{what} in a post about a patient identifies them; remove it and use a secure channel instead."
            );
            f.fix = Some(Fix {
                label: "Remove it".into(),
                edits: vec![Edit { span: Span::bytes(range), replacement: replacement.into() }],
            });
            apply_consent(doc, f);
        }
    }
}
