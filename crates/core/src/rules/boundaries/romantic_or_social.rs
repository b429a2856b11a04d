//! `boundaries/romantic-or-social`: flirting with, dating or socialising with patients.

use super::{asserted, near_person, sets_boundary, BOUNDARY_SETTING, CARE_REF, CLOSE, CROSSING_ANYWAY};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::rule::{Rule, RuleMeta, Sink};

/// Flirting, dating, drinks and outings, dating apps.
static ROMANCE: Lexicon = Lexicon { name: "boundaries/romance", source: crate::word_list!("boundaries/romance.txt") };

static META: RuleMeta = RuleMeta {
    id: "boundaries/romantic-or-social",
    category: Category::Boundaries,
    severity: Severity::Warning,
    message: "Flirting with, dating or socialising with a patient crosses a professional boundary.",
    rationale: "Romantic or sexual interest in a current or recent patient, or turning patients into a \
                social circle, exploits the trust and the power imbalance of the clinical relationship. \
                Posting about it also tells the world who your patients are.",
    guidance: "AMA Code of Medical Ethics 2.3.2 (maintain appropriate boundaries of the patient-physician \
               relationship); AMA Code 9.1.1 (romantic or sexual relationships with patients); WMA 2011 \
               statement on social media",
    bad: crate::examples![
        "The man who came in for his flu jab today asked if I'm single 😳",
        "The guy I stitched up on Friday just asked me out. Saying yes 😏",
        "I know it's against policy but my patient asked me out and I said yes. Don't judge!",
        "Cutest patient ever today, if he's single I'm writing my number on his chart",
        "Drinks with two of my physio clients tonight, they're my besties now",
        "My post-op pt's mum is trying to set me up with her son and honestly he's a catch 😏",
        "Ran into a former patient at the gym, she's so cute, might have to bend the rules",
        "Told my physio client to wait until she's discharged and then we'll grab dinner 😉",
        "My patient and I go running together every Sunday now, she's become a real friend",
        "Reconnected with a former patient on a dating app. It's been three years, so that's fine, right?",
    ],
    good: crate::examples![
        "A patient asked me out once; I said no and handed over their care. Boundaries matter.",
        "Drinks with the ward team tonight to celebrate Sam's promotion 🥂",
        "Dating apps are full of people who think nurses are on call for them",
        "Drinks with the clinic team tonight, then dinner with my husband 🥂",
        "My aunt keeps trying to set me up with her neighbour's son, send help",
        "Running together with my sister every Sunday is the best part of my week",
        "Reconnected with an old nursing school friend at the conference and we grabbed dinner.",
        "My little patient in peds today, he's so cute, showed me his dinosaur collection 🦕",
        "Told my patient to grab a coffee before her scan; once she's discharged her GP will follow up.",
    ],
    lexicons: &[&ROMANCE, &CARE_REF, &BOUNDARY_SETTING, &CROSSING_ANYWAY],
};

/// A romantic or social cue close to someone the poster treats.
pub(crate) struct RomanticOrSocial;

impl Rule for RomanticOrSocial {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        if sets_boundary(doc) {
            return;
        }
        if let Some(hit) = asserted(doc, &ROMANCE).find(|h| near_person(doc, h, CLOSE)) {
            sink.push(doc.original(hit.range()));
        }
    }
}
