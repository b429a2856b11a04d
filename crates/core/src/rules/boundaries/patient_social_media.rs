//! `boundaries/patient-social-media`: looking patients up online, liking or commenting on their posts.

use super::{
    asserted, near_care, person_hits, sets_boundary, BOUNDARY_SETTING, CARE_CONTEXT, CARE_REF, CROSSING_ANYWAY,
};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::{Hit, Lexicon};
use crate::rule::{Rule, RuleMeta, Sink};

/// What is done to a profile: looked up, googled, liked, commented on.
static SOCIAL_VERB: Lexicon =
    Lexicon { name: "boundaries/social-verb", source: crate::word_list!("boundaries/social_verb.txt") };

/// Where: a platform or a personal post (selfie, wedding pics, her profile).
static SOCIAL_PLACE: Lexicon =
    Lexicon { name: "boundaries/social-place", source: crate::word_list!("boundaries/social_place.txt") };

static META: RuleMeta = RuleMeta {
    id: "boundaries/patient-social-media",
    category: Category::Boundaries,
    severity: Severity::Warning,
    message: "Looking patients up online or engaging with their personal posts crosses a professional \
              boundary.",
    rationale: "Searching for a patient's (or their family's) profiles, or liking and commenting on their \
                personal posts, uses the clinical relationship to enter their private life. It can reveal \
                that they are your patient and damages the trust the relationship depends on.",
    guidance: "AMA Code of Medical Ethics 2.3.2 (maintain appropriate boundaries of the patient-physician \
               relationship online); WMA 2011 statement on social media",
    bad: crate::examples![
        "Le di like a las fotos de vacaciones de una paciente de la consulta, ¿queda raro?",
        "Searched up the lady I vaccinated this morning on Instagram, turns out she's an influencer",
        "Googled my new patient and found her on TikTok, she has 40k followers lol",
        "Liked all of my client's holiday pics on Instagram, she's earned it",
        "Commented on my patient's gym selfie, those rebuilt knees look great",
        "I make a point of connecting with my patients on LinkedIn once their treatment ends",
        "Watched my pt's TikTok live last night, she had no idea her nurse was there 😂",
    ],
    good: crate::examples![
        "Patients often ask if they can find us on Instagram: yes, the clinic page!",
        "I looked up the patient's labs before rounds, as one does",
        "Liked all of my cousin's wedding pics on Facebook",
        "Patients commented on our clinic's Instagram post that the new parking is awful",
        "Connecting with other rural GPs on LinkedIn has been the best part of this year",
    ],
    lexicons: &[&SOCIAL_VERB, &SOCIAL_PLACE, &CARE_REF, &CARE_CONTEXT, &BOUNDARY_SETTING, &CROSSING_ANYWAY],
};

/// How far the platform or post may stand from the verb (normalized bytes).
const SPAN: u32 = 90;

/// A social verb with a platform or personal post nearby, close to someone the poster treats.
pub(crate) struct PatientSocialMedia;

impl Rule for PatientSocialMedia {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        if sets_boundary(doc) {
            return;
        }
        let places = doc.hits(&SOCIAL_PLACE);
        let people: Vec<&Hit> = person_hits(doc).collect();
        for verb in asserted(doc, &SOCIAL_VERB) {
            // "Patients commented on our Instagram post": the patient acts, not the poster.
            if people.iter().any(|p| p.end <= verb.start && verb.start - p.end <= 2) {
                continue;
            }
            let place = places.iter().find(|p| p.start <= verb.end + SPAN && verb.start <= p.end + SPAN);
            if let Some(place) = place {
                if near_care(doc, verb) {
                    let (s, e) = (verb.start.min(place.start) as usize, verb.end.max(place.end) as usize);
                    sink.push(doc.original(s..e));
                    return;
                }
            }
        }
    }
}
