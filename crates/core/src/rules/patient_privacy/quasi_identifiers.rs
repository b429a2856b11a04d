//! `patient-privacy/quasi-identifiers`: small details that add up to one recognisable patient.

use super::clues::{Clues, Kind};
use super::{apply_consent, clinical, with_clue_lexicons, CLINICAL_CONTEXT, CONSENT};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::finding::Span;
use crate::rule::{Rule, RuleMeta, Sink};
use std::ops::Range;

static META: RuleMeta = RuleMeta {
    id: "patient-privacy/quasi-identifiers",
    category: Category::PatientPrivacy,
    severity: Severity::Critical,
    message: "Several small details together could let someone recognise the patient.",
    rationale: "No single detail names anyone, but a real, recent encounter (\"just saw\", \"tonight in the ED\", \
                \"my patient\") plus an age, a sex, a diagnosis or injury, a place, a time, a job, a family detail \
                or a newsworthy event narrows the field to one person that neighbours, colleagues or the patient \
                can recognise. Two such details with care given (\"we had a\", \"my patient\") are a warning, three or \
                more are critical; with recency alone (\"today\") it takes one more. Leave out every detail the \
                story does not need.",
    guidance: "GMC Doctors' use of social media §17 (small details add up: you may breach confidentiality even \
               without naming the patient); AMA Code of Medical Ethics 2.3.2; BMA social media guidance",
    bad: crate::examples![
        "Today on the ward we looked after a 7 year old boy with Fabry disease, the only one in the county",
        "Home visit today for a retired vicar, 88, in the only windmill in our village, still climbing the ladder",
        "Just saw a 58-year-old roofer from Millbrook who fell off a ladder this morning, two broken wrists",
        "Tonight in the ED: teenage girl from the high school across town, overdose, parents still on their way",
        "We had a lady in her 80s come in yesterday after a dog attack on Harbour Road",
        "My patient with stage 3 lymphoma asked me today if she will see her daughter's wedding",
        "Anoche atendimos en urgencias a un bombero de 45 años con quemaduras graves tras el incendio de la fábrica",
        "Case of the week from our Leeds clinic: 29-year-old primary school teacher with new-onset MS",
        "Caso da semana: homem de 52 anos, taxista de Niterói, com um feocromocitoma gigante",
        "Reflecting on a patient I lost last week: a 24-year-old nursing student with leukaemia",
        "That moment when the 19 year old you've been doing CPR on for 40 minutes gets ROSC 🙏",
        "Our Tuesday list included a 27-year-old professional rugby player from Cardiff with a dislocated shoulder",
        "34 y/o pt c/o SOB since tues, hx of PE, works at the warehouse on Rt 9. thoughts??",
        "Just had a 22yo come in after falling off an e-scooter outside the Tesco on High St. Wear a helmet ppl",
        "Met the most inspiring 12-year-old on the oncology ward today; she sells bracelets at her school in Truro",
        "Gestern kam ein 16-jähriger Schüler aus Bonn mit einer Stichverletzung zu uns",
    ],
    good: crate::examples![
        "Patients with diabetes should have their feet checked every year",
        "Many of my patients struggle to afford their inhalers",
        "A 45-year-old with chest pain is a classic exam question: what's your differential?",
        "I was diagnosed with breast cancer at 41 and went back to work on the ward today",
        "Fictional case for students: 70-year-old woman with new confusion and a fall. Differential?",
        "My patient with COPD taught me more about breathing than any textbook",
        "Case-based learning works: students remember cases better than lectures",
        "When a teenager comes in after an overdose, the first words they hear from us matter",
        "Last night I was the patient: 38-year-old female ED doctor with appendicitis, admitted to my own hospital",
        "My 7-year-old broke his wrist at the trampoline park in Leeds this afternoon. Now I know how parents feel",
        "Our trial of colonoscopy screening in 4,000 adults aged 50-74 in Scotland starts recruiting today",
        "Imagine a 45-year-old teacher from a small town comes in with chest pain at 3am. First move?",
        "Composite case, details changed: a man in his 50s with chest pain and a normal ECG. What next?",
        "My grandmother, 91, was treated so kindly at the Royal Infirmary last week",
        "Cold snap this week: look in on older neighbours who live alone, and if someone seems confused, call for help",
        "Hoy se jubila nuestra enfermera jefa después de 30 años en urgencias. Gracias por todo",
        "Proud that our patient advisory group helped design the new discharge leaflet this month",
    ],
    lexicons: with_clue_lexicons!(&CONSENT, &CLINICAL_CONTEXT),
};

/// Events that make a recency cue the poster's own outing.
const SOCIAL_EVENTS: &[&str] = &[
    "fundraiser",
    "fundraising",
    "gala",
    "conference",
    "congress",
    "symposium",
    "lecture",
    "ceremony",
    "awards",
    "charity",
    "marathon",
    "party",
    "graduation",
    "festival",
    "concert",
    "congreso",
    "congres",
    "kongress",
    // Research and audit describe groups, not one patient.
    "trial",
    "study",
    "recruiting",
    "audit",
    "cohort",
    "research",
    "participants",
    "enrolled",
    "estudio",
    "ensayo",
    "etude",
    "studie",
    "estudo",
    // A colleague's retirement or farewell: a tribute, not a patient.
    "retiring",
    "retirement",
    "retires",
    "farewell",
    "jubila",
    "jubilacion",
    "retraite",
    "ruhestand",
    "aposenta",
    "aposentadoria",
    // Funding and grants announce work with groups.
    "grant",
    "funding",
    "funded",
];

/// Scores distinct kinds of quasi-identifier around an encounter cue.
pub(crate) struct QuasiIdentifiers {
    clues: &'static Clues,
}

impl QuasiIdentifiers {
    pub(crate) fn new() -> QuasiIdentifiers {
        QuasiIdentifiers { clues: super::clues::shared() }
    }
}

impl Rule for QuasiIdentifiers {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        // In a care setting: a child's question at the school gate is no patient.
        if !clinical(doc) {
            return;
        }
        let scan = self.clues.scan(doc);
        // Without a real, recent encounter about a person, the details describe no one in particular.
        let Some((encounter, strong, kinds)) = scan.best_window() else { return };
        if !scan.person {
            return;
        }
        // "Last night I attended a fundraiser… met a young survivor": with only recency to go on,
        // a social or professional event is the poster's evening, not a patient encounter.
        if !strong && doc.words().iter().any(|w| SOCIAL_EVENTS.contains(&&doc.norm()[w.clone()])) {
            return;
        }
        // "Heatwave this week: check on elderly neighbours… if someone is confused, call": advice
        // to readers about people they may meet, with only recency to go on, is no patient story.
        if !strong && super::clues::reader_conditional(doc.norm()) {
            return;
        }
        let top = sink.severity();
        // Recency alone ("today's teaching point") is a weaker sign of a real patient than care
        // given ("we had a", "my patient"), so it needs one more clue.
        let n = kinds.len() + usize::from(strong);
        let severity = match n {
            n if n >= 4 => top,
            3 => top.min(Severity::Warning),
            // "my patient's stage 4 cancer": health information tied to one named-by-role patient.
            _ if strong && specific_condition(doc, &scan) => top.min(Severity::Warning),
            _ => return,
        };
        let text = doc.text();
        let enc_text = text[encounter.clone()].trim().to_owned();
        let encounter_start = encounter.start;
        // One example of each kind, near the encounter: "age “17 yo” + place “Park Road” + …".
        let mut parts: Vec<String> = Vec::new();
        let mut spans: Vec<Span> = Vec::new();
        for k in &kinds {
            if let Some(c) = scan.clues.iter().find(|c| c.kind == *k && c.span.start + 300 >= encounter_start) {
                parts.push(format!("{} “{}”", k.label(), text[c.span.clone()].trim()));
                spans.push(Span::bytes(c.span.clone()));
            }
        }
        if parts.is_empty() {
            parts.push("health information".to_owned());
        }
        let f = sink.push(encounter);
        f.severity = severity;
        f.message = if kinds.len() < 2 {
            format!(
                "“{}” + {}: health details about one particular patient are patient information even without a \
                 name; colleagues, family or the patient can recognise the story.",
                enc_text,
                parts.join(" + ")
            )
        } else {
            format!(
                "{} + “{}” together could let someone recognise the patient. Small details add up: leave out \
                 the ones the story does not need.",
                parts.join(" + "),
                enc_text
            )
        };
        for span in spans {
            if !f.spans.contains(&span) {
                f.spans.push(span);
            }
        }
        apply_consent(doc, f);
    }
}

/// A detailed diagnosis attributed to a "my patient"-style phrase: the condition sits inside it
/// ("my chemo lady"), right after a possessive ("my patient's stage 4 cancer") or after "with"
/// ("my patient with stage 3 lymphoma"), and the sentence gives at least two health details.
/// One bare detail ("my patient with COPD taught me…") is a single clue, which the GMC allows;
/// "my patient waits with a headache" or "my patient on the knee list" are not attributions.
fn specific_condition(doc: &Document<'_>, scan: &super::clues::Scan) -> bool {
    let Some((phrase, _)) = &scan.specific else { return false };
    let text = doc.text();
    let possessive = text[phrase.clone()].ends_with("'s") || text[phrase.clone()].ends_with("’s");
    let sentence_end = text[phrase.end..].find(['.', '!', '?', '\n']).map_or(text.len(), |p| phrase.end + p);
    let conditions: Vec<&Range<usize>> = scan
        .clues
        .iter()
        .filter(|c| c.kind == Kind::Condition && c.span.start >= phrase.start && c.span.end <= sentence_end)
        .map(|c| &c.span)
        .collect();
    // "type 2 diabetes" holds "diabetes": one detail, not two.
    let outer = |r: &Range<usize>| !conditions.iter().any(|o| o != &r && o.start <= r.start && r.end <= o.end);
    let mut distinct: Vec<String> =
        conditions.iter().filter(|r| outer(r)).map(|r| text[(*r).clone()].to_lowercase()).collect();
    distinct.sort_unstable();
    distinct.dedup();
    distinct.len() >= 2
        && conditions.iter().any(|c| {
            if c.start < phrase.end {
                return true;
            }
            if c.start - phrase.end > 40 {
                return false;
            }
            let between = text[phrase.end..c.start].trim().to_lowercase();
            let linked = ["with", "who has", "who had", "con", "avec", "mit", "com"]
                .iter()
                .any(|w| between == *w || between.starts_with(&format!("{w} ")));
            between.is_empty() || (possessive && !between.contains(['.', ',', ';'])) || linked
        })
}
