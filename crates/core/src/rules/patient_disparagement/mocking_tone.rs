//! `patient-disparagement/mocking-tone`: sarcasm about how a patient or family behaved
//! ("Nothing makes me happier than a patient who read one WebMD article… said no doctor ever").

use super::{advocacy, aimed_at_colleague, asserted, near, PATIENT_TARGET, REPORTED, SNEER};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::rule::{Rule, RuleMeta, Sink};
use crate::rules::colleague_disparagement::COLLEAGUE_TARGET;
use crate::rules::discrimination::{ADVOCACY, BIAS_DISCLAIMER};

/// Mock praise, rhetorical tags and eye-roll emoji.
static SARCASM: Lexicon =
    Lexicon { name: "patient-disparagement/sarcasm", source: crate::word_list!("patient_disparagement/sarcasm.txt") };

/// Patient behaviour framed as a failing (complaining, demanding, refusing, googling).
static BEHAVIOUR: Lexicon = Lexicon {
    name: "patient-disparagement/behaviour",
    source: crate::word_list!("patient_disparagement/behaviour.txt"),
};

static META: RuleMeta = RuleMeta {
    id: "patient-disparagement/mocking-tone",
    category: Category::PatientDisparagement,
    severity: Severity::Warning,
    message: "This mocks how a patient or their family behaved; sarcasm about patients reads as contempt.",
    rationale: "Venting about a demanding family or a patient who argued is human, but told with sarcasm \
                (\"love it when…\", \"said no nurse ever\", 🙄) it turns a person in distress into a punchline. \
                Patients and families recognise themselves, and the public reads it as how you see them.",
    guidance: "AMA Code of Medical Ethics 2.3.2 (online conduct can undermine public trust); GMC Doctors' use \
               of social media §8; BMA: do not make disparaging comments about patients",
    bad: crate::examples![
        "Frequent attender bingo today: complaining about the wait, the food and the chairs 🙄",
        "Love it when a patient argues with me about antibiotics after reading one blog. Said no doctor ever.",
        "Family demanding a private room for grandma again 🙄",
    ],
    good: crate::examples![
        "Bingo night at the care home, the patients loved it",
        "Love it when a patient's family brings the whole ward cake. You are the best.",
        "When patients complain about waits, they are usually right: our staffing is too thin.",
    ],
    lexicons: &[
        &REPORTED,
        &SARCASM,
        &BEHAVIOUR,
        &SNEER,
        &PATIENT_TARGET,
        &COLLEAGUE_TARGET,
        &ADVOCACY,
        &BIAS_DISCLAIMER,
    ],
};

/// How many words may separate the sarcasm, the behaviour and the patient.
const NEAR: usize = 12;

/// Sarcasm next to a patient's behaviour.
pub(crate) struct MockingTone;

impl Rule for MockingTone {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        // Cheap exits first: most drafts have no sarcasm marker or no behaviour word.
        if !doc.has(&SARCASM) || !doc.has(&BEHAVIOUR) || advocacy(doc) {
            return;
        }
        let sarcastic =
            |b: &crate::lexicon::Hit| doc.hits(&SARCASM).iter().any(|s| near(doc, b, s, NEAR) || adjacent(doc, b, s));
        let behaviour = doc.hits(&BEHAVIOUR).iter().find(|b| {
            !own_family(doc, b)
                && asserted(doc, b)
                && (doc.hits(&PATIENT_TARGET).iter().any(|t| near(doc, b, t, NEAR)) || addressed(doc, b))
                && !aimed_at_colleague(doc, b)
                && sarcastic(b)
        });
        if let Some(b) = behaviour {
            sink.push(doc.original(b.range()));
        }
    }
}

/// Whether the sentence is about the poster's own family ("my toddler screamed…"), not a patient.
fn own_family(doc: &Document<'_>, b: &crate::lexicon::Hit) -> bool {
    let norm = doc.norm();
    let sentence = &norm[super::sentence_of(norm, b.start as usize)];
    [
        "my son",
        "my daughter",
        "my kid",
        "my toddler",
        "my baby",
        "my child",
        "my husband",
        "my wife",
        "my partner",
        "my mum",
        "my mom",
        "my dad",
        "my mother",
        "my father",
    ]
    .iter()
    .any(|p| sentence.contains(p))
}

/// Whether the sentence of `b` speaks to the patient directly ("if you won't do your exercises…").
fn addressed(doc: &Document<'_>, b: &crate::lexicon::Hit) -> bool {
    let norm = doc.norm();
    let s = super::sentence_of(norm, b.start as usize);
    let sentence = &norm[s];
    super::has_pronoun(sentence)
        || crate::text::words(sentence).any(|w| matches!(&sentence[w], "you" | "your" | "you're" | "youre"))
}

/// Whether `s` stands in the sentence right after `b`'s (a closing "Funny that." or 🙄).
fn adjacent(doc: &Document<'_>, b: &crate::lexicon::Hit, s: &crate::lexicon::Hit) -> bool {
    let norm = doc.norm();
    let sb = super::sentence_of(norm, b.start as usize);
    if s.start as usize <= sb.end || sb.end + 1 >= norm.len() {
        return (s.start as usize) >= sb.start && (s.end as usize) <= sb.end + 1;
    }
    let next = super::sentence_of(norm, sb.end + 1);
    (s.start as usize) >= next.start && (s.end as usize) <= next.end + 1
}
