//! `colleague-disparagement/colleague-stereotype`: a stereotype about a group (sex, origin, age,
//! religion…) aimed at the poster's own colleagues ("the Eastern European nurses on our ward").

use super::{respectful, self_intro, COLLEAGUE_TARGET, RESPECTFUL};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::{Hit, Lexicon};
use crate::rule::{Rule, RuleMeta, Sink};
use crate::rules::discrimination::stereotyped_groups;
use crate::rules::patient_disparagement::{near, sentence_of, PATIENT_TARGET};

/// "our", "my", "on shift", "unsere": the colleagues are the poster's own.
static OWN_TEAM: Lexicon = Lexicon {
    name: "colleague-disparagement/own-team",
    source: crate::word_list!("colleague_disparagement/own_team.txt"),
};

static META: RuleMeta = RuleMeta {
    id: "colleague-disparagement/colleague-stereotype",
    category: Category::ColleagueDisparagement,
    severity: Severity::Warning,
    message: "This stereotypes colleagues you work with by their sex, origin, age or faith.",
    rationale: "A generalisation about a group is discrimination; aimed at the doctors or nurses the poster \
                works beside (\"our overseas nurses\", \"the new female registrar\") it also publicly disparages \
                identifiable colleagues, who can be hurt or harassed, and tells patients not to trust them.",
    guidance: "GMC Doctors' use of social media §9–10 (do not bully or make gratuitous comments about \
               colleagues); GMC Good medical practice §56; AMA Code of Medical Ethics 2.3.2",
    bad: crate::examples![
        "Older nurses on our unit always refuse anything new. Typical.",
        "Polish nurses on my team always refuse any new software. Typical.",
    ],
    good: crate::examples![
        "Our overseas-trained nurses run the best induction programme in the trust",
        "Older nurses always refuse to learn new things? Not on our ward: ours teach us.",
    ],
    lexicons: &[&OWN_TEAM, &COLLEAGUE_TARGET, &PATIENT_TARGET, &RESPECTFUL],
};

/// A stereotyped group in or just before a sentence naming the poster's own colleagues.
pub(crate) struct ColleagueStereotype;

impl Rule for ColleagueStereotype {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        if !doc.has(&COLLEAGUE_TARGET) || !doc.has(&OWN_TEAM) {
            return;
        }
        let norm = doc.norm();
        // A colleague word with its own-team marker a few words away ("nurses on our ward").
        let own_colleague = |c: &Hit| !self_intro(doc, c) && doc.hits(&OWN_TEAM).iter().any(|o| near(doc, c, o, 4));
        let colleagues: Vec<_> = doc.hits(&COLLEAGUE_TARGET).iter().filter(|c| own_colleague(c)).copied().collect();
        if colleagues.is_empty() {
            return;
        }
        // The group in the colleague's sentence, or in the sentence just before it.
        let aimed = |g: &Hit| {
            let s = sentence_of(norm, g.start as usize);
            let next = if s.end + 1 < norm.len() { sentence_of(norm, s.end + 1) } else { s.clone() };
            // "Asian patients", "trans patients on our unit": a group of patients, not colleagues.
            !respectful(doc, g)
                && !doc.hits(&PATIENT_TARGET).iter().any(|x| x.start >= g.start && near(doc, g, x, 1))
                && colleagues.iter().any(|c| (c.start as usize) >= s.start && (c.end as usize) <= next.end)
        };
        if let Some(g) = stereotyped_groups(doc).into_iter().find(aimed) {
            sink.push(doc.original(g.range()));
        }
    }
}
