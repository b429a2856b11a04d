//! `patient-privacy/patient-image`: a photo, scan, specimen shot or chart screenshot of a patient
//! announced in the post.

use super::{
    apply_consent, AGE_WORDS, CLINICAL_CONTEXT, CONDITIONS, CONSENT, ENCOUNTER, IMAGE, PERSON, RECENCY, SEX, SHOW,
    SPECIFIC_PATIENT,
};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::rule::{Rule, RuleMeta, Sink};

static META: RuleMeta = RuleMeta {
    id: "patient-privacy/patient-image",
    category: Category::PatientPrivacy,
    severity: Severity::Critical,
    message: "A photo, scan, specimen or chart of a patient is patient information; images carry names, labels, \
              faces and dates.",
    rationale: "Images leak more than the poster sees: wristbands, specimen labels, names on whiteboards, dates and \
                record numbers in the corner of an X-ray, tattoos, the room itself. A picture of a real, recent \
                patient or their specimen or chart needs the patient's written consent and a careful crop — or a \
                published teaching image instead.",
    guidance: "AMA Code of Medical Ethics 2.3.2; HIPAA Safe Harbor identifier 17 (full-face photographs and \
               comparable images); GMC Doctors' use of social media §17; BMA social media guidance",
    bad: crate::examples![
        "Look at this x-ray from the guy we had in resus tonight 😳",
        "pic of the wound from this morning's dressing change, healing nicely",
        "Here's a screenshot of his chart, you won't believe these labs",
        "Swipe for before and after on my patient's new smile 😍",
        "Mirad esta radiografía del paciente de anoche",
        "Pic from today's case 👀 swipe if you're not squeamish #openfracture",
        "Screenshot of today's clinic list attached, look at the names on it 😩",
    ],
    good: crate::examples![
        "Radiology quiz: image from an open-access teaching database. What's the diagnosis?",
        "Just shot our new hand-hygiene training video!",
        "I can't tell what a rash is from a photo, please see your own GP",
        "Photo of our team at the charity run this morning 🏃",
        "Got my flu shot today, here's my pic 💉 book yours!",
        "Great talk at the conference today on SCAD in young women; slides below 👇",
        "Our nurses in the photo below just finished their sepsis training today 💪",
        "The mayor opened our new cancer centre today, here's a pic from the ceremony",
        "Sharing my own MRI today: herniated disc at L5-S1. Any tips for a surgeon who can't sit still?",
        "Shot a quick reel on inhaler technique 👇 general info only, your own plan comes from your GP",
        "Made a short video explaining what happens during a colonoscopy, link below for patients",
        "Shot of coffee and off to my first day on the cardiac unit, wish me luck 👇",
        "Please stop sending me a photo of your mole 👇 I'm not your doctor; your GP can look at it properly",
        "Trop alone is not the whole picture: look at the ECG and the story too 👇",
        "> [pic] my molar has a dark spot, should I worry?\n\nHard to say from a photo; your dentist can check it properly",
    ],
    lexicons: &[
        &IMAGE,
        &SHOW,
        &CONSENT,
        &CONDITIONS,
        &CLINICAL_CONTEXT,
        &ENCOUNTER,
        &RECENCY,
        &SPECIFIC_PATIENT,
        &PERSON,
        &SEX,
    ],
};

/// Words that say an identifier is on show in the image.
const VISIBLE_IDENTIFIERS: &[&str] = &[
    "label",
    "labels",
    "name",
    "names",
    "dob",
    "wristband",
    "name board",
    "face",
    "faces",
    "tattoo",
    "sticker",
    "whiteboard",
    "mrn",
    "address",
    "accession",
];

/// What a photo shows when it is of the team, an event or a building.
const STAFF_OR_EVENT: &[&str] = &[
    "our team",
    "the team",
    "my team",
    "our nurses",
    "our doctors",
    "our staff",
    "colleagues",
    "training",
    "ceremony",
    "opened",
    "opening",
    "graduation",
    "award",
    "celebrat",
    "scanner",
    "building",
    "infographic",
    "poster",
    "nuestro equipo",
    "notre equipe",
    "unser team",
    "nossa equipe",
];

/// Teaching material the team made: an explainer shows a procedure, not a patient.
const EXPLAINER: &[&str] =
    &["explaining", "explainer", "youtube channel", "leaflet", "what happens during", "how to use"];

/// An image announced in the post, of a patient, specimen or record.
pub(crate) struct PatientImage;

impl PatientImage {
    pub(crate) fn new() -> PatientImage {
        PatientImage
    }
}

impl Rule for PatientImage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        let norm = doc.norm();
        // "Shot a quick reel": the verb, not a picture.
        // "DM me your labs": the reader's own results, asked for, not a patient's shown.
        let yours = |at: usize| {
            let before = norm[..at].trim_end();
            before.ends_with(" your") || before.ends_with(" ur") || before == "your"
        };
        let images: Vec<_> = doc
            .asserted_hits(&IMAGE)
            .filter(|h| {
                let (s, e) = (h.start as usize, h.end as usize);
                !verb_shot(norm, s, e) && !yours(s) && !figurative(norm, s, e)
            })
            .collect();
        let Some(image) = images.first().copied() else { return };
        // The image must be shown or shared here, not merely mentioned: the showing words sit
        // beside it ("here's his X-ray"), not paragraphs away in a long post.
        let near = |s: usize| images.iter().any(|i| (i.start as usize).abs_diff(s) <= 120);
        let shown =
            doc.asserted_hits(&SHOW).any(|h| near(h.start as usize)) || doc.text().contains("[pic") || image_leads(doc);
        if !shown {
            return;
        }
        let specific = doc.has(&SPECIFIC_PATIENT);
        let care_given = doc.has(&ENCOUNTER);
        let encounter = care_given || doc.has(&RECENCY);
        let person = doc.has(&PERSON) || doc.has(&SEX) || doc.has(&AGE_WORDS);
        let specimen = norm.contains("specimen") || norm.contains("histo");
        let condition = doc.has(&CONDITIONS);
        let clinical = condition || doc.has(&CLINICAL_CONTEXT);
        // Of a patient (or their specimen/chart), not of the team at a charity run.
        let visible = doc.words().iter().any(|w| VISIBLE_IDENTIFIERS.contains(&&norm[w.clone()]))
            || VISIBLE_IDENTIFIERS.iter().any(|v| v.contains(' ') && norm.contains(v));
        // "Our nurses in the photo below", "a pic from the opening ceremony": staff, events and
        // buildings, with no patient cared for in the post.
        if !specific && !care_given && STAFF_OR_EVENT.iter().any(|w| norm.contains(w)) {
            return;
        }
        // "A video explaining what happens during an anaesthetic": teaching, even if it mentions "our patients".
        if !care_given && EXPLAINER.iter().any(|w| norm.contains(w)) {
            return;
        }
        // "I'm not your doctor, I can't diagnose a photo in my DMs": the picture is the reader's,
        // offered for an online opinion the poster declines; no patient is shown.
        if !specific && !care_given && DECLINES_ONLINE_CARE.iter().any(|w| norm.contains(w)) {
            return;
        }
        // "> [photo] my gum is swollen" answered below, "replying to a friend who posted her rash
        // pics": the picture is the asker's own, sent or posted by them, not a patient's shown.
        if !specific && asker_image(doc) {
            return;
        }
        // "Sharing my own MRI": the poster's picture is theirs to share.
        if self_image(norm) && !specific {
            return;
        }
        // "look at the names on this list": identifiers on show in a care setting.
        if !(specific
            || (visible && clinical)
            || specimen
            || (clinical && person)
            || (condition && (care_given || encounter && !self_image(norm))))
        {
            return;
        }
        let f = sink.push(doc.original(image.range()));
        if !(encounter || specific || visible) {
            f.severity = f.severity.min(Severity::Warning);
        }
        if visible {
            f.message.push_str(" This one says an identifier is visible.");
        }
        apply_consent(doc, f);
    }
}

/// "Shot a video", "shot our reel": the verb `shoot`, not a picture.
fn verb_shot(norm: &str, start: usize, end: usize) -> bool {
    let word = &norm[start..end];
    if word != "shot" && word != "snap" {
        return false;
    }
    let next = norm[end..].split_whitespace().next().unwrap_or("");
    matches!(next, "a" | "an" | "our" | "my" | "some" | "the" | "this" | "that" | "it" | "us")
        && !norm[..start].trim_end().ends_with("a")
}

/// An image word in a sense that shows nothing: "the whole picture", "the clinical picture"
/// (an overview or presentation), "a shot of espresso" (a drink, a dose or a feeling).
fn figurative(norm: &str, start: usize, end: usize) -> bool {
    let word = &norm[start..end];
    let before = norm[..start].split_whitespace().next_back().unwrap_or("");
    let after: Vec<&str> = norm[end..].split_whitespace().take(2).collect();
    match word {
        "picture" | "pictures" => matches!(
            before,
            "whole" | "full" | "big" | "bigger" | "overall" | "complete" | "clinical" | "clearer" | "broader" | "wider"
        ),
        "shot" => {
            after.first() == Some(&"of")
                && after.get(1).is_some_and(|w| {
                    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                    SHOT_OF_NON_IMAGE.contains(&w)
                })
        }
        _ => false,
    }
}

/// What "a shot of …" means when it is no picture: drinks, doses and feelings.
const SHOT_OF_NON_IMAGE: &[&str] = &[
    "espresso",
    "coffee",
    "caffeine",
    "tequila",
    "vodka",
    "whisky",
    "whiskey",
    "rum",
    "gin",
    "courage",
    "confidence",
    "adrenaline",
    "hope",
    "dopamine",
    "energy",
    "motivation",
    "vitamin",
    "b12",
];

/// The poster declines to assess the reader online.
const DECLINES_ONLINE_CARE: &[&str] = &[
    "not your doctor",
    "not your clinician",
    "not your physician",
    "not your nurse",
    "not your provider",
    "can't diagnose you",
    "cannot diagnose you",
    "can't diagnose from",
    "can't examine you",
    "cannot examine you",
];

/// The poster's own picture ("here's my pic", "selfie of me after my jab").
fn self_image(norm: &str) -> bool {
    ["my pic", "my photo", "my selfie", "my picture", "of me", "my x-ray", "my xray", "my scan", "my own", "my mri"]
        .iter()
        .any(|w| norm.contains(w))
}

/// A reply to someone about their own picture: the post opens by quoting them ("> …") and
/// answers below, or says it replies to them.
fn asker_image(doc: &Document<'_>) -> bool {
    let norm = doc.norm();
    crate::text::opens_with_quoted_reply(doc.text())
        || ["replying to", "in reply to", "respondiendo a", "en reponse a", "als antwort auf", "respondendo a"]
            .iter()
            .any(|w| norm.contains(w))
}

/// A post that opens with the image ("X-ray of the day:", "📸 Pic from ...") is sharing it.
fn image_leads(doc: &Document<'_>) -> bool {
    let norm = doc.norm();
    let first_word = crate::text::words(norm).next();
    doc.hits(&IMAGE).iter().any(|h| first_word.as_ref().is_some_and(|w| w.start == h.start as usize))
}
