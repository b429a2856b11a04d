//! `patient-privacy/patient-name`: a patient's name or initials.

use super::{apply_consent, clinical, CLINICAL_CONTEXT, CONDITIONS, CONSENT, ENCOUNTER, NAME_CUES, RECENCY};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::finding::{Edit, Fix, Span};
use crate::re::Regex;
use crate::rule::{Rule, RuleMeta, Sink};

static META: RuleMeta = RuleMeta {
    id: "patient-privacy/patient-name",
    category: Category::PatientPrivacy,
    severity: Severity::Critical,
    message: "This looks like a patient's name or initials; names identify patients directly.",
    rationale: "A name, even a surname with a title or a pair of initials, is a direct identifier. Together with \
                anything clinical in the post it discloses protected health information, and friends or family \
                can recognise the person at once.",
    guidance: "AMA Code of Medical Ethics 2.3.2 (refrain from posting identifiable patient information); \
               HIPAA Safe Harbor identifier 1 (names); GMC Doctors' use of social media §17–18",
    bad: crate::examples![
        "Mr. Jones in bed 4 finally got his MRI after 3 days",
        "My patient John Peters refused the scan again today",
        "pt J.S. came back to the ED with the same complaint",
        "La Sra. García volvió a urgencias con la misma queja",
        "So glad the stent went well Mrs. K, see you at clinic",
        "My resident RB on the memory unit turned 95 today",
        "Mme Dubois est revenue aux urgences cette nuit",
        "Baby Noah finally went home from the NICU today",
        "K.M., 52, came in last night with a GI bleed",
        "Had a lovely lady called Maureen on the ward today, 3 days post hip op",
    ],
    good: crate::examples![
        "Patient Safety Week starts Monday: here's our checklist",
        "Mr. Rogers taught us kindness; so do our nurses",
        "Thank you Dr. Okafor for a brilliant grand rounds",
        "Our resident MD training programme opens applications today",
        "Patient RN ratios matter on every ward",
        "Congratulations to Mrs. Patel, our new ward manager!",
        "Baby Friendly accreditation for our maternity unit today!",
        "Exam week in the anatomy lab: Mr Femur the skeleton has seen it all",
    ],
    lexicons: &[&CLINICAL_CONTEXT, &CONDITIONS, &CONSENT, &NAME_CUES, &ENCOUNTER, &RECENCY],
};

/// Capitalized words that follow "patient" without being a name.
const NOT_NAMES: &[&str] = &[
    "Safety",
    "Experience",
    "Care",
    "Advocate",
    "Advocacy",
    "Portal",
    "Zero",
    "Day",
    "Week",
    "Month",
    "Voice",
    "Partners",
    "Council",
    "Rights",
    "Education",
    "Satisfaction",
    "Outcomes",
    "First",
    "Centered",
    "Centred",
    "Reported",
    "Information",
    "Leaflet",
    "Forum",
    "Story",
    "Stories",
    "Liaison",
    "Access",
    "Engagement",
    "Feedback",
    "Panel",
    "Association",
    "Group",
    "Summit",
    "Journey",
    "Navigator",
    "Navigators",
    "Charter",
    "The",
    "This",
    "That",
    "I",
];

/// Two-letter capitals that follow "patient"/"resident" without being initials.
const ACRONYMS: &[&str] = &[
    "MD", "DO", "RN", "NP", "PA", "GP", "ED", "ER", "OR", "IV", "UK", "US", "OK", "AM", "PM", "CT", "IT", "HR", "QI",
    "PT", "OT", "ID", "MS", "AI", "TV", "UX", "EU",
];

/// Dotted abbreviations that are not initials.
const DOTTED: &[&str] = &[
    "U.S.", "U.K.", "M.D.", "R.N.", "P.A.", "N.P.", "D.O.", "A.I.", "E.R.", "I.V.", "O.R.", "A.M.", "P.M.", "B.S.",
    "M.S.", "E.U.", "U.N.", "D.C.", "L.A.", "N.Y.", "P.S.", "Q.I.", "G.P.", "B.Sc.", "M.Sc.", "Ph.D.", "E.D.",
    "I.C.U.", "N.H.S.", "C.E.O.", "R.I.P.", "A.K.A.", "B.C.", "A.D.",
];

/// Capitalized words after "baby"/"little" that are not children's names.
const NOT_AFTER_BABY: &[&str] = &[
    "Shark", "Boomers", "Boomer", "Friendly", "League", "Steps", "Bump", "Blues", "Loss", "Week", "Bank", "Box",
    "Women", "Things", "Red", "Miss", "Mister", "Mr", "Mrs", "Ms", "Italy", "Rock", "Britain", "Brother", "Sister",
];

/// A patient's name with a courtesy title, or after the word "patient", or initials.
pub(crate) struct PatientName {
    titled: Regex,
    called: Regex,
    endearment: Regex,
    dotted: Regex,
    after_patient: Regex,
    initials: Regex,
}

impl PatientName {
    pub(crate) fn new() -> PatientName {
        // Latin capitals and small letters (with accents, precomposed or combining) rather than
        // Unicode classes: names here
        // are in the five supported languages, and small classes keep construction cheap in wasm.
        let name = r"[A-ZÀ-ÖØ-Þ][\x{300}-\x{36F}]*[a-zß-öø-ÿ\x{300}-\x{36F}'’\-]+";
        PatientName {
            // "a lady called Maureen", "a patient named Tom".
            called: crate::re::compile(&format!(
                r"^(?i:patient|pt|lady|man|guy|woman|girl|boy|kid|baby|gentleman|gent|resident|client)[ \t]+(?i:named|called|by the name of)[ \t]+({name})"
            )),
            // "Baby Olivia", "little Timmy", "la petite Léa": how staff name children on the unit.
            endearment: crate::re::compile(&format!(
                r"^(?i:baby|little|beb[eéÉ]|b[eéÉ]b[eéÉ]|petite?|kleine[rn]?|peque[nñÑ][oa])[ \t]+({name})"
            )),
            // "J.D., 45, came in": dotted initials, checked only around a real encounter.
            dotted: crate::re::compile(r"(?-u:\b)[A-Z]\.[ ]?[A-Z]\.(?:[ ]?[A-Z]\.)?"),
            titled: crate::re::compile(&format!(
                r"^(?:Mr|Mrs|Ms|Miss|Mx|Mister|(?i:Sra|Srta|Sr|Se[ñÑ]ora|Se[ñÑ]or|Do[ñÑ]a|D[ñÑ]a|Herr|Frau|Mme|Mlle|Monsieur|Madame|Senhora|Senhor|Dona))\.?[ \t]+(?:{name}(?:[ \t]+{name})?|[A-ZÀ-ÖØ-Þ](?-u:\b)\.?)|^M\.[ \t]+{name}"
            )),
            after_patient: crate::re::compile(&format!(
                r"^(?:patient|[Pp]t|paciente|patiente|Patientin|Patient|doente)[ \t]*,?[ \t]+({name}(?:[ \t]+{name})?)"
            )),
            initials: crate::re::compile(
                r"^(?i-u:patient|pt|paciente|patiente|patientin|doente|utente|resident|client|bewohner(?:in)?|mr|mrs|ms|miss)\.?[ \t]+([A-Z]\.[ \t]?[A-Z]\.?|[A-Z][A-Z](?-u:\b))",
            ),
        }
    }
}

impl Rule for PatientName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        let text = doc.text();
        // The cue patterns run only at a title or patient word; dotted initials only around a
        // real encounter in a care setting.
        let cues = doc.has(&NAME_CUES);
        let encounter = doc.has(&ENCOUNTER) || doc.has(&RECENCY);
        if !(cues || encounter && text.contains('.')) {
            return;
        }
        let clinical = clinical(doc);
        // Each pattern is anchored at a cue, so it reads a few bytes per cue, not the whole draft.
        let mut starts: Vec<usize> = doc.hits(&NAME_CUES).iter().map(|h| doc.original(h.range()).start).collect();
        starts.dedup();
        let mut seen: Vec<std::ops::Range<usize>> = Vec::new();
        if clinical && encounter && text.contains('.') {
            for m in self.dotted.find_iter(text) {
                let compact: String = m.as_str().chars().filter(|c| *c != ' ').collect();
                if !DOTTED.contains(&compact.as_str()) && !starts.iter().any(|&s| s < m.start() && m.start() - s < 8) {
                    let f = sink.push(m.range());
                    f.fix = Some(replace(m.range(), "(initials removed)"));
                    apply_consent(doc, f);
                }
            }
        }
        for &at in &starts {
            let rest = &text[at..];
            if clinical {
                if let Some(m) = self.titled.find(rest) {
                    let r = at + m.start()..at + m.end();
                    // A quoted name is a label ("'Mr. Smith', our sim mannequin"), not a person.
                    let quoted = text[..r.start].ends_with(['\'', '‘', '"', '“']);
                    // "Mr. Somebody", "Dr Google": a stand-in, not anyone's name.
                    let last = text[r.clone()].rsplit([' ', '.']).next().unwrap_or("").to_lowercase();
                    let stand_in = PLACEHOLDERS.contains(&last.trim_end_matches("'s"));
                    if !quoted && !stand_in && !about_staff(doc, r.start, r.end) && !seen.contains(&r) {
                        seen.push(r.clone());
                        let f = sink.push(r.clone());
                        f.fix = Some(replace(r, "the patient"));
                        apply_consent(doc, f);
                    }
                }
            }
            if let Some(c) = self.after_patient.captures(rest) {
                if let (Some(all), Some(name)) = (c.get(0), c.get(1)) {
                    let first = name.as_str().split([' ', '\t']).next().unwrap_or("");
                    // German capitalizes every noun: "Patient" there is followed by nouns, not names.
                    let german_noun = all.as_str().starts_with("Patient ") && !clinical;
                    // "every patient I've seen": the pronoun, not a name.
                    let pronoun = first.starts_with("I'") || first.starts_with("I’");
                    if !NOT_NAMES.contains(&first) && !german_noun && !pronoun {
                        let name_r = at + name.start()..at + name.end();
                        let cut = at + all.as_str().find(|c: char| c.is_whitespace() || c == ',').unwrap_or(0);
                        let f = sink.push(name_r.clone());
                        f.fix = Some(replace(cut..name_r.end, ""));
                        apply_consent(doc, f);
                    }
                }
            }
            if clinical {
                let named = self.called.captures(rest).and_then(|c| c.get(1));
                if let Some(name) = named.filter(|n| !NOT_NAMES.contains(&n.as_str()) && n.as_str() != "Dr") {
                    let r = at + name.start()..at + name.end();
                    let f = sink.push(r.clone());
                    f.fix = Some(replace(r, "(name removed)"));
                    apply_consent(doc, f);
                }
                if let Some(name) = self.endearment.captures(rest).and_then(|c| c.get(1)) {
                    if !NOT_NAMES.contains(&name.as_str()) && !NOT_AFTER_BABY.contains(&name.as_str()) {
                        let r = at + name.start()..at + name.end();
                        let f = sink.push(r.clone());
                        f.fix = Some(replace(r, "(name removed)"));
                        apply_consent(doc, f);
                    }
                }
            }
            if let Some(initials) = self.initials.captures(rest).and_then(|c| c.get(1)) {
                // Credentials and wards, not initials.
                if !ACRONYMS.contains(&initials.as_str()) {
                    let r = at + initials.start()..at + initials.end();
                    let f = sink.push(r.clone());
                    f.fix = Some(replace(r, "(initials removed)"));
                    apply_consent(doc, f);
                }
            }
        }
    }
}

/// Words that stand in for a name: anyone at all, or the internet.
const PLACEHOLDERS: &[&str] = &["somebody", "someone", "nobody", "anybody", "everybody", "whoever", "google"];

/// Words that make a titled name a colleague, teacher or guest being thanked, not a patient.
const STAFF_WORDS: &[&str] = &[
    "congratulat",
    "welcome",
    "thank",
    "shoutout",
    "shout-out",
    "shout out",
    "kudos",
    "retire",
    "promotion",
    "our new",
    "manager",
    "matron",
    "sister",
    "consultant",
    "colleague",
    "lead",
    "director",
    "teacher",
    "class",
    "speaker",
    "lecture",
    "award",
    // Teaching props: "Mr Bones the skeleton", the sim mannequin.
    "skeleton",
    "mannequin",
    "manikin",
    "felicidades",
    "gracias",
    "bienvenid",
    "merci",
    "felicitations",
    "bienvenue",
    "danke",
    "gluckwunsch",
    "willkommen",
    "parabens",
    "obrigad",
    "bem-vind",
];

/// Whether the sentence around `start..end` thanks or introduces staff rather than describing
/// care: staff words, and no care given or diagnosis in that sentence ("we discharged Mrs. X,
/// the first graduate of our new rehab pathway" is still a patient).
fn about_staff(doc: &Document<'_>, start: usize, end: usize) -> bool {
    let text = doc.text();
    let from = text[..start].rfind(['.', '!', '?', '\n']).map_or(0, |p| p + 1);
    let to = text[end..].find(['.', '!', '?', '\n']).map_or(text.len(), |p| end + p);
    let sentence = crate::text::Normalized::new(&text[from..to]);
    let care = [&ENCOUNTER, &CONDITIONS].iter().any(|l| {
        doc.hits(l).iter().any(|h| {
            let r = doc.original(h.range());
            r.start >= from && r.end <= to
        })
    });
    !care && STAFF_WORDS.iter().any(|w| sentence.as_str().contains(w))
}

fn replace(range: std::ops::Range<usize>, with: &str) -> Fix {
    Fix {
        label: if with.is_empty() { "Remove the name".into() } else { format!("Replace with “{with}”") },
        edits: vec![Edit { span: Span::bytes(range), replacement: with.to_owned() }],
    }
}
