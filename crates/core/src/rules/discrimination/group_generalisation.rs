//! `discrimination/group-generalisation`: a stereotype or an exclusion aimed at a protected group.

use super::{
    stereotyped_groups, ADVOCACY, BIAS_DISCLAIMER, GENERALISATIONS, GROUPS, LANGUAGE_DEMANDS, NEGATIVE, NEGATIVE_TONE,
    WEAK_CUES,
};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::rule::{Rule, RuleMeta, Sink};
use crate::rules::patient_disparagement::REPORTED;
use crate::rules::patient_disparagement::{advocacy, asserted};

static META: RuleMeta = RuleMeta {
    id: "discrimination/group-generalisation",
    category: Category::Discrimination,
    severity: Severity::Warning,
    message: "This generalises about a group of people (race, religion, gender, age, disability, weight…).",
    rationale: "\"<Group> are always…\", \"another <group> family…\", \"think twice about candidates over 55\": \
                a judgement about a whole group, from a clinician, signals that members of that group will be \
                treated differently, and in hiring it is unlawful discrimination. Writing about disparities, \
                bias or inclusion names groups too, and is left alone.",
    guidance: "AMA Code of Medical Ethics 2.3.2; GMC Good medical practice §56 (treat people fairly, do not \
               unfairly discriminate); WMA statement on the professional use of social media",
    bad: crate::examples![
        "Not saying Muslim families all want a side room, but guess which bay is full again",
        "Vacancy: receptionist for our busy practice, ideally a young graduate who fits our vibe",
        "Obese lady in cubicle 3 says the gown is too small. Sure, blame the gown 🍩",
        "No es racismo, es estadística: los marroquíes siempre exageran el dolor",
        "Sans vouloir être raciste, les Roms sont toujours les plus difficiles",
        "Recruiting for the new clinic: digital natives only, no dinosaurs who can't use a computer",
        "Die polnischen Familien übertreiben immer bei jedem Schmerz, man kennt das ja",
        "Interviewing for porters and half of them are over 60, can they even lift a trolley?",
        "Worked with a female anaesthetist today and she was actually really good, surprising tbh",
        "Another Muslim family demanding a side room, typical",
        "Women surgeons always quit once they have kids",
        "I'm not racist but immigrants clog up our clinic",
        "Autistic nurses are not suited to the emergency department",
        "Learn English or find another clinic, I'm done repeating myself",
        "Same demographic in our waiting room every Saturday night, iykyk",
        "I no longer accept Roma families at my practice, they are not worth the hassle",
        "Overseas-trained doctors need twice the supervision. Unpopular opinion, but true.",
        "Patients from Kerala never follow the diet sheet, so why bother printing it",
        "Women just aren't built for orthopaedics, sorry",
        "Most addicts don't want to get better, let's be honest",
        "Third patient this week asking me to use their pronouns. Pick a lane, ffs 🙄",
        "Honestly, nobody over 85 should be allowed on the transplant list",
        "We keep sending 95-year-olds to theatre. What a waste on people who have had their turn.",
        "Not being racist, but Somali patients are always the most difficult in clinic",
        "Our registrar told us that Nigerian patients exaggerate pain, so halve the morphine",
        "Half the new foreign nurses can't handle a busy night shift",
        "Yet another 190 kg patient on nights, yet another hoist broken. Maybe skip the drive-thru, pal",
    ],
    good: crate::examples![
        "We're hiring a youth worker for our young people's clinic: experience with teenagers essential",
        "Our bariatric clinic now has wider chairs so obese patients are not humiliated in the waiting room",
        "Clinic bake sale raised £300 for the diabetes unit 🧁 thank you all",
        "Black patients are under-diagnosed with melanoma; equity in dermatology education matters",
        "Older adults are under-represented in trials, which is ageism in research",
        "Welcoming two new Filipino nurses to our unit, their experience already helps",
        "Pregnant women should always get the flu vaccine; ask your midwife",
        "Our practice now welcomes Roma families, with an outreach worker who speaks Romani",
        "Patients from Kerala always bring the best snacks to the ward on Onam",
        "Homeless patients face huge barriers to follow-up; our outreach van visits shelters weekly",
        "Overseas-trained nurses bring skills we lack; our induction gives them the supervision any new starter gets",
        "New badge: name and pronouns. Small thing, big difference for our trans patients.",
        "Half the new foreign nurses on our ward are now charge nurses: proud of them",
        "Our bariatric beds take patients up to 500 lb; ask the ward for one before transfer",
        "Our trial enrolled 90-year-olds too: frailty, not age, predicted the outcome",
        "Heard in our staff room: 'those patients always exaggerate'. That is a documented bias, and I said so.",
    ],
    lexicons: &[
        &REPORTED,
        &GROUPS,
        &GENERALISATIONS,
        &WEAK_CUES,
        &NEGATIVE,
        &NEGATIVE_TONE,
        &LANGUAGE_DEMANDS,
        &ADVOCACY,
        &BIAS_DISCLAIMER,
        &super::GENDER_IDENTITY,
        &super::IDENTITY_MOCKERY,
        &super::FOOD_MOCKERY,
        &super::JOB_AD,
        &super::AGE_CODED,
    ],
};

/// A group word generalised about in the same sentence.
pub(crate) struct GroupGeneralisation;

impl Rule for GroupGeneralisation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        if let Some(h) = stereotyped_groups(doc).first().copied().or_else(|| super::mocked_identity(doc)) {
            sink.push(doc.original(h.range()));
            return;
        }
        if advocacy(doc) {
            return;
        }
        if let Some(h) = super::age_groups(doc)
            .first()
            .copied()
            .or_else(|| super::weight_mocked(doc))
            .or_else(|| super::weight_labelled(doc))
            .or_else(|| super::age_coded_ad(doc))
        {
            sink.push(doc.original(h.range()));
            return;
        }
        if let Some(h) = doc.hits(&LANGUAGE_DEMANDS).iter().find(|h| asserted(doc, h)) {
            sink.push(doc.original(h.range()));
        }
    }
}
