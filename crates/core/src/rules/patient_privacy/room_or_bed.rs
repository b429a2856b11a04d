//! `patient-privacy/room-or-bed`: a bed, room or bay number in a clinical setting.

use super::{
    apply_consent, clinical, CLINICAL_CONTEXT, CONDITIONS, CONSENT, ENCOUNTER, OCCUPATION, PERSON, SEX,
    SPECIFIC_PATIENT,
};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::finding::{Edit, Fix, Span};
use crate::pattern::{Anchors, Pattern};
use crate::rule::{Rule, RuleMeta, Sink};

static META: RuleMeta = RuleMeta {
    id: "patient-privacy/room-or-bed",
    category: Category::PatientPrivacy,
    severity: Severity::Critical,
    message: "A bed, room or bay number points to one patient; colleagues and visitors can tell who it is.",
    rationale: "Locations inside a care setting are identifiers: anyone who was on the ward that day — staff, \
                visitors, the patient's family — knows who was in bed 4. Leave the number out.",
    guidance: "AMA Code of Medical Ethics 2.3.2; GMC Doctors' use of social media §17 (small details add up)",
    bad: crate::examples![
        "The guy in bed 4 has pulled out his IV three times tonight",
        "Room 212 on the oncology ward keeps calling the nurse for nothing",
        "El paciente de la cama 7 no deja de gritar",
        "The guy in 14 has pressed his call bell forty times tonight",
        "when the 95yo retired teacher in 312 tells you she's fine 🙄",
        "shoutout to the lady in OR 3 this morning who sang through her spinal",
        "omg the 80 yo in 6 just called me an angel and gave me a werthers 🥹",
    ],
    good: crate::examples![
        "Went to bed 2 hours after my shift ended, still wired",
        "Our hospital opened 40 new beds this winter",
        "Conference room 3 is booked for journal club",
        "Bed 1 to bed 30 in 12 hours: how our ward cut handover time in half",
        "One woman in 8 will be diagnosed with breast cancer; book your screening",
        "Every patient in 2023 got a follow-up call within 48 hours",
        "A man in 40s with chest pain is an exam classic",
        "Anyone else's toddler in 2T clothes at 18 months? asking for my tired brain",
        "Stop calling patients 'the appendicitis in bed 4'. They have names. Use them.",
        "Bay 2, bed 9, room 11: after a decade on the wards the numbers blur, the people never do",
        "Giving a short talk on wound care at the nursing conference on Friday, come find me in room 6",
    ],
    lexicons: &[&CLINICAL_CONTEXT, &CONDITIONS, &CONSENT, &PERSON, &SEX, &OCCUPATION, &ENCOUNTER, &SPECIFIC_PATIENT],
};

/// A numbered bed, room, bay or cubicle.
pub(crate) struct RoomOrBed {
    numbered: Pattern,
    /// "the guy in 14", "the judge in 412", "the lady in OR 3": staff shorthand for a room.
    person_in: Pattern,
}

impl RoomOrBed {
    pub(crate) fn new() -> RoomOrBed {
        RoomOrBed {
            numbered: Pattern::new(
                r"(?i-u)(?-u:\b)(?:beds?|rooms?|rm|bays?|cubicles?|cubical|stretcher|trolley|side room|cama|habitaci(?:o|ó)n|box|chambre|lit|zimmer|bett|quarto|leito)\s*(?:#|no\.?|number|nr\.?|n(?:º|o|°))?\s*(\d{1,4}[a-z]?)(?-u:\b)(?:\s*(?:hours?|hrs?|h|mins?|minutes?|am|pm|o'clock|times|days?|nights?|weeks?)(?-u:\b))?",
                Anchors::Digit,
                (32, 24),
            ),
            person_in: Pattern::new(
                r"(?-u)([a-z]+)\sin\s(?:or\s|theatre\s|pod\s|resus\s)?(\d{1,4}[a-z]?)(?-u:\b)",
                Anchors::Digit,
                (48, 8),
            ),
        }
    }
}

/// Whether `start..end` of the original text sits inside quotation marks within its sentence.
fn quoted(text: &str, start: usize, end: usize) -> bool {
    let from = text[..start].rfind(['.', '!', '?', '\n']).map_or(0, |p| p + 1);
    let head = &text[from..start];
    let opening = head.rfind(['"', '“', '‘']).or_else(|| head.rfind(" '").map(|p| p + 1));
    let Some(open) = opening else { return false };
    // Skip the quotation mark itself, whatever its width.
    let inner = head[open..].char_indices().nth(1).map_or("", |(i, _)| &head[open + i..]);
    let closed_before = inner.contains(['"', '”', '’']) || inner.contains("' ");
    let tail = &text[end..];
    let to = tail.find(['.', '!', '?', '\n']).map_or(tail.len(), |p| p + 1);
    !closed_before && tail[..to].contains(['"', '”', '’', '\''])
}

/// Words after "in 14" that make the number a count, a time or a share, not a room.
const NOT_ROOM_AFTER: &[&str] = &[
    "hour", "hours", "hrs", "h", "min", "mins", "minutes", "day", "days", "week", "weeks", "month", "months", "year",
    "years", "yrs", "am", "pm", "%", "of", "out", "patients", "people", "adults", "children", "kids", "men", "women",
    "s", "'s", "and", "to", "-", "–", "percent", "per", "cases",
];

impl RoomOrBed {
    /// "the guy in 14": a person word right before "in <number>", in a care setting or next to
    /// an age ("the 93yo judge in 412").
    fn person_in(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        let norm = doc.norm();
        if !norm.contains(" in ") || !norm.bytes().any(|b| b.is_ascii_digit()) {
            return;
        }
        // A numeric age ("the 93yo judge in 412"); age words ("toddler") are too common to count.
        let aged = ["yo ", "y/o", "year-old", "year old", "yrs old"].iter().any(|a| norm.contains(a));
        // "in OR 3", "in resus 2" name a care setting themselves.
        let setting = ["in or ", "in theatre ", "in resus ", "in pod "].iter().any(|w| norm.contains(w));
        if !(clinical(doc) || aged || setting) {
            return;
        }
        let people: Vec<usize> =
            [&PERSON, &SEX, &OCCUPATION].iter().flat_map(|l| doc.hits(l).iter().map(|h| h.end as usize)).collect();
        for c in self.person_in.captures_iter(norm) {
            let (Some(who), Some(number)) = (c.get(1), c.get(2)) else { continue };
            // "him in 2 weeks", "her in 10 minutes" read as times; pronouns are left out.
            // "the 80 yo in 6": an age in shorthand names the person too.
            let aged_who = matches!(who.as_str(), "yo" | "old" | "yr");
            if !(people.contains(&who.end()) || aged_who)
                || matches!(who.as_str(), "he" | "she" | "him" | "her" | "his" | "hers")
            {
                continue;
            }
            let n = number.as_str();
            // "in 2023" is a year, "in her 40s" a decade.
            let year = n.len() == 4 && (n.starts_with("19") || n.starts_with("20")) || n.ends_with('s');
            let after = norm[number.end()..].trim_start();
            let next = after.split(|c: char| c.is_whitespace() || c == ',' || c == '.').next().unwrap_or("");
            let unit = NOT_ROOM_AFTER.iter().any(|w| next == *w || (w.len() > 1 && next.starts_with(w) && w.len() > 3))
                || after.starts_with(['%', '-', '–', '/'])
                || after.starts_with(':') && after[1..].starts_with(|c: char| c.is_ascii_digit());
            // "one woman in 8", "every patient in 3": a ratio or a group, not a room.
            let before = norm[..who.start()].split_whitespace().next_back().unwrap_or("");
            let ratio = matches!(before, "one" | "1" | "a" | "every" | "each" | "any" | "no" | "per");
            if year || unit || ratio || doc.is_negated(who.start()) {
                continue;
            }
            let f = sink.push(doc.original(number.range()));
            f.fix = Some(Fix {
                label: "Remove the room".into(),
                edits: vec![Edit {
                    span: Span::bytes(doc.original(who.end()..number.end())),
                    replacement: String::new(),
                }],
            });
            apply_consent(doc, f);
        }
    }
}

impl Rule for RoomOrBed {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        self.person_in(doc, sink);
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
            // "Stop calling patients 'the appendicitis in bed 4'": a quoted label, not a patient.
            if quoted(text, all.start(), all.end()) {
                continue;
            }
            let before = text[..all.start()].trim_end().to_lowercase();
            if before.ends_with("conference") || before.ends_with("meeting") || before.ends_with("class") {
                continue;
            }
            // "My talk tomorrow… see you in room 4": a venue at an event, with no care described.
            // No character outside ASCII lowercases to "bed", so an ASCII test answers as `to_lowercase` would.
            let room =
                !text.as_bytes()[all.start()..number.start()].get(..3).is_some_and(|p| p.eq_ignore_ascii_case(b"bed"));
            if room && venue(doc) {
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
            // "Bed 4, Room 6, Theatre 3": a list of places is a reflection on the ward, not one patient.
            let listed = |s: &str| {
                s.split(|c: char| !c.is_ascii_alphabetic()).find(|w| !w.is_empty()).is_some_and(|w| {
                    matches!(w, "bed" | "beds" | "room" | "rooms" | "bay" | "bays" | "cubicle" | "theatre" | "ward")
                })
            };
            let after_comma = after.strip_prefix(',').is_some_and(|a| listed(a.trim_start()));
            let before_comma = before.strip_suffix(',').is_some_and(|b| {
                b.trim_end().ends_with(|c: char| c.is_ascii_digit())
                    && listed(
                        b.trim_end()
                            .trim_end_matches(|c: char| c.is_ascii_alphanumeric())
                            .trim_end()
                            .rsplit(' ')
                            .next()
                            .unwrap_or(""),
                    )
            });
            if after_comma || before_comma {
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

/// Words of a talk, course or meeting, in a draft that describes no care given.
fn venue(doc: &Document<'_>) -> bool {
    const EVENT: &[&str] = &[
        "talk",
        "conference",
        "congress",
        "session",
        "workshop",
        "webinar",
        "lecture",
        "seminar",
        "symposium",
        "keynote",
        "panel",
        "congreso",
        "congres",
        "kongress",
        "sesion",
        "vortrag",
        "palestra",
        "taller",
    ];
    let norm = doc.norm();
    !doc.has(&ENCOUNTER) && !doc.has(&SPECIFIC_PATIENT) && doc.words().iter().any(|w| EVENT.contains(&&norm[w.clone()]))
}
