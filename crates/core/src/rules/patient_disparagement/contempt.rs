//! `patient-disparagement/contempt`: mocking a patient's intelligence, character or family.

use super::{
    about_people, advocacy, aimed_at_colleague, asserted, in_or_after_sentence, person_in_sentence, sentence_of,
    single_quoted, verdict_after_patient, EYEROLL, GENERIC, PATIENT_TARGET, REPORTED, SNEER, WORKPLACE,
};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::re::Regex;
use crate::rule::{Rule, RuleMeta, Sink};
use crate::rules::colleague_disparagement::{self_intro, COLLEAGUE_TARGET};
use crate::rules::discrimination::{ADVOCACY, BIAS_DISCLAIMER};

/// Insults that need a patient word in the same sentence ("stupid", "liars", "feral").
pub(crate) static CONTEMPT_WORDS: Lexicon = Lexicon {
    name: "patient-disparagement/contempt-words",
    source: crate::word_list!("patient_disparagement/contempt_words.txt"),
};

/// Phrases of mockery distinctive enough to count anywhere in a post about work.
pub(crate) static CONTEMPT_PHRASES: Lexicon = Lexicon {
    name: "patient-disparagement/contempt-phrases",
    source: crate::word_list!("patient_disparagement/contempt_phrases.txt"),
};

static META: RuleMeta = RuleMeta {
    id: "patient-disparagement/contempt",
    category: Category::PatientDisparagement,
    severity: Severity::Warning,
    message: "This mocks a patient or their family; it reads as contempt for the people in your care.",
    rationale: "Jokes about a patient's intelligence, character or family (\"can't fix stupid\", \"the family \
                who never visited\", \"enjoy the consequences, champ\") ridicule people who cannot answer back. \
                Venting is human, but in public it erodes the trust patients place in every clinician.",
    guidance: "AMA Code of Medical Ethics 2.3.2 (online conduct can undermine public trust); GMC Doctors' use \
               of social media §8; BMA: do not make gratuitous or disparaging comments about patients",
    bad: crate::examples![
        "Bed 6 says she is \"allergic\" to everything except oramorph 🙄",
        "Lad in resus wants a sick note for his hangover. Mate, you're not ill, you're a knobhead",
        "Otro que se arranca la vía para ir a fumar a la puerta de urgencias. Madre mía, qué imbécil.",
        "Some patients simply aren't worth the effort, learn to spot them",
        "Our 190 kg gentleman ordered two puddings with his diabetic tray again. Nobody is surprised 🐷",
        "Patient in bay 2 argued with me for an hour, he has a medical degree from YouTube apparently",
        "Patient rolls into ED at 2am with a week-old sore toe. Nothing better to do, clearly.",
        "Family demanded updates every ten minutes all night, these people have no brain",
        "Patients who miss every follow-up and then complain about the wait are the worst kind of people.",
        "Explained the same thing to this patient four times. You can't fix stupid.",
        "Kid bit me during the exam and the parents just laughed. Feral, all of them.",
        "Told him to keep the sling on. He didn't. Darwin award nominee, see you in theatre",
        "Ce patient est vraiment débile, il n'écoute rien",
        "Walked in at 4am with a cough he's had for a month. Thanks for wasting our time, sir.",
        "Some relatives just aren't capable of understanding a care plan, no matter how many times you explain",
        "Saw the same mum in clinic again. Some parents really shouldn't have kids.",
        "My patient thinks he knows more than me after ten minutes on the university of Google",
        "Some of my patients have the self-control of a toddler at a buffet",
    ],
    good: crate::examples![
        "Patient in bed 6 is allergic to penicillin; please check the chart before the ward round",
        "Nobody ever took their statin because we were calling people lazy; ask what gets in the way",
        "Said to the lad in resus: you're a star for waiting so patiently tonight",
        "Clinic tip: you're a patient, not a nuisance, ask every question you have",
        "Every patient is worth the effort, even when the system makes that hard",
        "Explained inhaler technique three times today; next time I'll use the teach-back method",
        "Families are the experts on their loved ones; I learn from them every week",
        "Health literacy is a system problem, not a personal failing of patients",
        "A month-long cough at 4am can still be pneumonia; nobody is wasting our time by coming in",
        "Our hospital wastes our time with duplicate forms, and I've raised it with the board",
        "Some parents need more support than others; our health visitors start in week one",
        "Patients who read up before clinic ask better questions; I welcome it",
    ],
    lexicons: &[
        &REPORTED,
        &CONTEMPT_WORDS,
        &CONTEMPT_PHRASES,
        &PATIENT_TARGET,
        &WORKPLACE,
        &COLLEAGUE_TARGET,
        &EYEROLL,
        &SNEER,
        &ADVOCACY,
        &BIAS_DISCLAIMER,
    ],
};

/// Contempt aimed at patients.
pub(crate) struct Contempt {
    /// A short phrase in single quotes: scare quotes ("her 'migraine'") mock what a patient said.
    scare_quotes: Regex,
    /// One or two words in double quotes (“allergic”, “chest pain”): scare quotes, not a quotation.
    short_double_quotes: Regex,
    /// A body weight held up as the joke ("a 200kg man", "300-pound patient").
    weight: Regex,
}

impl Contempt {
    pub(crate) fn new() -> Contempt {
        Contempt {
            short_double_quotes: crate::re::compile(r#"["“]([^"“”\s]{2,30}(?: [^"“”\s]{2,30})?)["”]"#),
            scare_quotes: crate::re::compile(
                r"(?:^|[\t\n\x0B\x0C\r (])['‘]((?:[^'‘’\n]|['’][a-zß-öø-ÿ]){2,60})['’](?:[\t\n\x0B\x0C\r .,;:!?)]|$)",
            ),
            weight: crate::re::compile(r"(?i-u)\b[1-6][0-9]{2}[ -]?(?:kg|kgs|kilos?|lbs?|pounds?|pounder)\b"),
        }
    }
}

/// Blame and animal imagery that make a patient's weight the joke.
const BODY_JUDGEMENT: &[&str] = &[
    "🐳",
    "🐋",
    "🐷",
    "🐖",
    "🐄",
    "🦛",
    "laziness",
    "by accident",
    "nobody is shocked",
    "no one is shocked",
    "nobody is surprised",
    "no one is surprised",
];

/// Whether an insult word is aimed at the poster or a thing: "stupid question", "I felt so dumb".
fn self_directed(doc: &Document<'_>, h: &crate::lexicon::Hit) -> bool {
    let norm = doc.norm();
    let tail = norm.get(h.end as usize..).unwrap_or("");
    let next = tail.split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("");
    let head = norm.get(..h.start as usize).unwrap_or("").trim_end();
    matches!(next, "question" | "questions" | "mistake" | "mistakes" | "me" | "luck" | "o'clock")
        || [
            "i'm",
            "i am",
            "i feel",
            "i felt",
            "felt",
            "feel",
            "i was",
            "i look",
            "made me feel",
            "i'm so",
            "felt so",
            "feel so",
        ]
        .iter()
        .any(|p| head.ends_with(p))
}

/// Whether an insult stands as a noun for people ("these idiots", "what a moron") in a post about work.
fn people_determiner(doc: &Document<'_>, h: &crate::lexicon::Hit) -> bool {
    let head = doc.norm().get(..h.start as usize).unwrap_or("").trim_end();
    about_people(doc)
        && ["these", "those", "what an", "what a", "such an", "such a", "total", "absolute", "complete", "bunch of"]
            .iter()
            .any(|p| head.ends_with(p))
}

/// Whether a colleague word stands just before the insult, as its subject ("our locums are cowards").
fn colleague_just_before(doc: &Document<'_>, h: &crate::lexicon::Hit) -> bool {
    doc.hits(&COLLEAGUE_TARGET).iter().any(|t| t.end <= h.start && super::near(doc, t, h, 3) && !self_intro(doc, t))
}

/// Whether the people in a post are colleagues or the employer, never a patient: staff named
/// (not the poster introducing themselves) and no patient noun anywhere.
pub(crate) fn staff_only(doc: &Document<'_>) -> bool {
    use crate::rules::colleague_disparagement::EMPLOYER;
    // "ortho clinic", "the cardiology ward": a specialty named as a place, not people.
    let place = |t: &crate::lexicon::Hit| {
        let next = crate::text::words(&doc.norm()[t.end as usize..]).next();
        next.is_some_and(|w| {
            ["clinic", "clinics", "ward", "wards", "department", "unit", "list"]
                .contains(&&doc.norm()[t.end as usize..][w])
        })
    };
    (doc.hits(&COLLEAGUE_TARGET).iter().any(|t| !self_intro(doc, t) && !place(t)) || doc.has(&EMPLOYER))
        && !doc.hits(&PATIENT_TARGET).iter().any(|t| !GENERIC.contains(&&doc.norm()[t.range()]))
}

/// A contempt phrase or word about people: about patients (`staff` false: none where the
/// post or the sentence is about colleagues), or an insult word about colleagues (`staff`
/// true: only there).
pub(crate) fn contempt_cue(doc: &Document<'_>, staff: bool) -> Option<crate::lexicon::Hit> {
    if staff != staff_only(doc) {
        return None;
    }
    let about_people = about_people(doc);
    let aimed = |h: &crate::lexicon::Hit| staff || !aimed_at_colleague(doc, h);
    // The phrases ("I'm a nurse, not a…", "this is a hospital, not…") are written for patients.
    let phrase = doc.hits(&CONTEMPT_PHRASES).iter().find(|h| !staff && about_people && asserted(doc, h) && aimed(h));
    // A bare "Absolute coward." counts for patients only when the post is not about colleagues.
    let only_patients = staff
        || !doc.hits(&COLLEAGUE_TARGET).iter().any(|t| !self_intro(doc, t))
        || doc.hits(&PATIENT_TARGET).iter().any(|t| !GENERIC.contains(&&doc.norm()[t.range()]));
    let word = || {
        doc.hits(&CONTEMPT_WORDS).iter().find(|h| {
            asserted(doc, h)
                && !single_quoted(doc, h)
                && !self_directed(doc, h)
                && ((staff && colleague_just_before(doc, h))
                    || person_in_sentence(doc, h)
                    || (only_patients
                        && (people_determiner(doc, h) || verdict_after_patient(doc, h) || name_called(doc, h))))
                && aimed(h)
        })
    };
    phrase.or_else(word).copied()
}

impl Rule for Contempt {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        // Searched for only when no cheaper cue decides.
        let body = std::cell::OnceCell::new();
        let body_judged = || *body.get_or_init(|| BODY_JUDGEMENT.iter().any(|w| doc.norm().contains(w)));
        let cued = doc.has(&CONTEMPT_PHRASES)
            || doc.has(&CONTEMPT_WORDS)
            || doc.has(&EYEROLL)
            || doc.has(&SNEER)
            || body_judged();
        if !cued || advocacy(doc) {
            return;
        }
        let about_people = about_people(doc);
        if let Some(h) = contempt_cue(doc, false) {
            sink.push(doc.original(h.range()));
            return;
        }
        // A weight in a jokey post about a patient ("a 200kg man … lol").
        // ASCII-only pattern, and only run when a unit is there at all: keeps the regex on its fast path.
        let unit = || ["kg", "lb", "pound", "kilo"].iter().any(|u| doc.norm().contains(u));
        // The weight is the punchline when the post sneers, or judges the person for it
        // ("laziness", "by accident", an animal emoji).
        let judged = || doc.has(&SNEER) || doc.asserted_hits(&CONTEMPT_WORDS).next().is_some() || body_judged();
        if about_people && unit() && judged() {
            if let Some(m) = self.weight.find(doc.text()) {
                let f = sink.push(m.range());
                f.message = "Making a patient's weight the punchline mocks their body.".into();
                return;
            }
        }
        // A patient named in a sentence that ends in an eye-roll: "Paciente … de novo 🙄".
        let eyeroll = doc.has(&EYEROLL);
        let rolled = doc.hits(&PATIENT_TARGET).iter().find(|t| {
            eyeroll
                && !GENERIC.contains(&&doc.norm()[t.range()])
                && in_or_after_sentence(doc, t.start as usize, &EYEROLL)
                && !aimed_at_colleague(doc, t)
                && asserted(doc, t)
        });
        if let Some(t) = rolled {
            let f = sink.push(doc.original(t.range()));
            f.message = "An eye-roll at a patient or their family reads as mockery.".into();
            return;
        }
        let patient_noun = doc.hits(&PATIENT_TARGET).iter().any(|t| !GENERIC.contains(&&doc.norm()[t.range()]));
        let colleagues = doc.hits(&COLLEAGUE_TARGET).iter().any(|t| !self_intro(doc, t));
        // Scare quotes plus an eye-roll, in a post about patients: "her 'migraine' 💅".
        if about_people && doc.has(&EYEROLL) && (patient_noun || !colleagues) {
            // Single quotes of any short phrase, or double quotes around one or two words (a
            // sentence in double quotes is a quotation; “allergic” or “chest pain” is a sneer).
            let quotes = self
                .scare_quotes
                .captures_iter(doc.text())
                .chain(self.short_double_quotes.captures_iter(doc.text()))
                .filter_map(|c| c.get(1));
            // Sentences are found on the original text here: the quote is an original span.
            let text = doc.text();
            let near_sneer = |q: &crate::re::Match<'_>| {
                let s = sentence_of(text, q.start());
                let end = if s.end + 1 < text.len() { sentence_of(text, s.end + 1).end } else { s.end };
                doc.hits(&EYEROLL)
                    .iter()
                    .map(|h| doc.original(h.range()))
                    .any(|r| r.start >= s.start && r.end <= end + 1)
            };
            if let Some(q) = quotes.into_iter().find(near_sneer) {
                let f = sink.push(q.range());
                f.message = "Scare quotes and an eye-roll mock what a patient told you.".into();
            }
        }
    }
}

/// Name-calling in a post set at work: the insult said to someone ("you're a…", "eres un…",
/// "t'es un…") or exclaimed as a short verdict ("Joder, qué gilipollas.", "Une vraie diva.").
fn name_called(doc: &Document<'_>, h: &crate::lexicon::Hit) -> bool {
    let norm = doc.norm();
    if !(doc.has(&PATIENT_TARGET) || doc.has(&WORKPLACE)) {
        return false;
    }
    let s = sentence_of(norm, h.start as usize);
    let head = norm.get(s.start..h.start as usize).unwrap_or("");
    let words: Vec<&str> = crate::text::words(head).map(|r| &head[r]).collect();
    let addressed = matches!(
        words.as_slice(),
        [.., "you're", "a" | "an"]
            | [.., "youre", "a" | "an"]
            | [.., "you", "are", "a" | "an"]
            | [.., "ur", "a" | "an"]
            | [.., "eres", "un" | "una"]
            | [.., "t'es", "un" | "une"]
            | [.., "bist", "ein" | "eine"]
            | [.., "voce", "e", "um" | "uma"]
    );
    let short = norm.get(s.clone()).is_some_and(|t| crate::text::words(t).count() <= 5);
    let exclaimed = short
        && matches!(
            words.as_slice(),
            [.., "que" | "quel" | "quelle" | "vraie" | "vrai" | "what" | "such" | "so"]
                | [.., "what" | "such", "a" | "an"]
                | [.., "so", "ein" | "eine"]
        );
    addressed || exclaimed
}
