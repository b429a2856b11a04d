//! `colleague-disparagement/staff-contempt`: the words of contempt the patient rules know
//! ("liars", "can't fix stupid", "what a joke"), aimed at colleagues or the employer in a post
//! where no patient appears.

use super::{colleague_in_sentence, respectful, COLLEAGUE_TARGET, EMPLOYER, RESPECTFUL};
use crate::lexicon::Lexicon;
use crate::rules::patient_disparagement::same_sentence;

/// "the lot of them", "todos iguales", "allesamt": a verdict closed on a whole group.
static GROUP_CLOSURE: Lexicon = Lexicon {
    name: "colleague-disparagement/group-closure",
    source: crate::word_list!("colleague_disparagement/group_closure.txt"),
};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::rule::{Rule, RuleMeta, Sink};
use crate::rules::patient_disparagement::contempt::{contempt_cue, CONTEMPT_WORDS};

static META: RuleMeta = RuleMeta {
    id: "colleague-disparagement/staff-contempt",
    category: Category::ColleagueDisparagement,
    severity: Severity::Warning,
    message: "This speaks of colleagues or your employer with contempt.",
    rationale: "Contempt is the same whoever it targets: \"liars\", \"lazy\" or \"what a joke\" said of a team, a \
                profession or the people who run the hospital, in public, tells patients that the people caring \
                for them despise each other. When the post names staff and no patient, the contempt is theirs. \
                Raise the problem through proper channels; criticise decisions, not people.",
    guidance: "GMC Doctors' use of social media §9–10 (do not bully or make gratuitous comments about colleagues; \
               raise concerns properly); AMA Code of Medical Ethics 2.3.2; BMA social media guidance",
    bad: crate::examples![
        "The board announced pay restraint from their new offices. Hypocrites, all of them.",
        "Our locums are cowards who hide in the mess all night",
        "The trust sent another memo about resilience. Hypocrites, all of them.",
    ],
    good: crate::examples![
        "The board announced pay restraint; I disagree, and our union has written to them",
        "Patients call our locums lazy when the queue is long; the rota is the problem, not them",
        "Our locums covered every gap this winter. Thank you.",
    ],
    lexicons: &[&GROUP_CLOSURE, &CONTEMPT_WORDS, &COLLEAGUE_TARGET, &EMPLOYER, &RESPECTFUL],
};

/// Contempt in a post whose only people are colleagues or the employer, said of them in the
/// sentence that names them or closed on the whole group.
pub(crate) struct StaffContempt;

impl Rule for StaffContempt {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        // The contempt shares its sentence with the colleagues, or closes on the whole group.
        let aimed = |h: &crate::lexicon::Hit| {
            !respectful(doc, h) && (colleague_in_sentence(doc, h) || same_sentence(doc, h, &GROUP_CLOSURE))
        };
        if let Some(h) = contempt_cue(doc, true).filter(aimed) {
            sink.push(doc.original(h.range()));
        }
    }
}
