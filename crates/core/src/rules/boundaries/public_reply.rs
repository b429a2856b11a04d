//! `boundaries/public-reply`: commenting publicly to a patient about their care.

use super::{asserted, sets_boundary, BOUNDARY_SETTING, CROSSING_ANYWAY};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::rule::{Rule, RuleMeta, Sink};

/// A care encounter addressed to the reader ("see you at your follow-up", "what we talked about").
static YOUR_CARE: Lexicon =
    Lexicon { name: "boundaries/your-care", source: crate::word_list!("boundaries/your_care.txt") };

/// The voice of a comment on someone's personal post ("saw on your story", "looking fierce", "proud of you").
static PERSONAL_ADDRESS: Lexicon =
    Lexicon { name: "boundaries/personal-address", source: crate::word_list!("boundaries/personal_address.txt") };

static META: RuleMeta = RuleMeta {
    id: "boundaries/public-reply",
    category: Category::Boundaries,
    severity: Severity::Warning,
    message: "This reads as a public comment to your patient that mentions their care; keep care in \
              private, professional channels.",
    rationale: "Replying to a patient's personal post, or addressing a patient publicly about their \
                appointment, recovery or what was said in a consultation, confirms to everyone that they \
                are your patient and discloses their care. It also brings the clinical relationship into \
                their private social life.",
    guidance: "AMA Code of Medical Ethics 2.3.2 (maintain appropriate boundaries; patient privacy online); \
               WMA 2011 statement on social media; GMC Doctors' use of social media (confidentiality, \
               boundaries)",
    bad: crate::examples![
        "Parabéns pela corrida! Quem diria, há um mês estavas na nossa enfermaria 💪",
        "Saw your post, Dee, you look amazing! Don't forget your follow-up next Tuesday 💪",
        "So proud of you Mark, remember what we discussed at your last visit about the ankle",
        "Congrats on the half marathon!! see you at your 3 month check-up 🏃",
    ],
    good: crate::examples![
        "Congrats to our new grads! So proud of you all 🎓",
        "Reminder for patients: bring your medication list to your next appointment.",
        "Saw your post about night shifts, so true. Looking forward to the conference!",
    ],
    lexicons: &[&YOUR_CARE, &PERSONAL_ADDRESS, &BOUNDARY_SETTING, &CROSSING_ANYWAY],
};

/// How far (normalized bytes) the comment voice may stand from the care encounter: a short reply.
const SPAN: u32 = 160;

/// A care encounter addressed to "you" in a draft that reads as a comment on someone's personal life.
pub(crate) struct PublicReply;

impl Rule for PublicReply {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        if sets_boundary(doc) {
            return;
        }
        let address: Vec<_> = asserted(doc, &PERSONAL_ADDRESS).collect();
        if address.is_empty() {
            return;
        }
        if let Some(hit) = asserted(doc, &YOUR_CARE)
            .find(|c| address.iter().any(|a| a.start <= c.end + SPAN && c.start <= a.end + SPAN))
        {
            sink.push(doc.original(hit.range()));
        }
    }
}
