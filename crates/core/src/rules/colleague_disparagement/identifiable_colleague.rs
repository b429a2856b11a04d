//! `colleague-disparagement/identifiable-colleague`: criticism aimed at a named or identifiable
//! member of staff ("Dr. Pellegrini in radiology…", "the day-shift nurse on 4B").

use super::{respectful, ATTACKS, COLLEAGUE_TARGET, EMPLOYER, INSULTS, RESPECTFUL};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::re::Regex;
use crate::rule::{Rule, RuleMeta, Sink};
use crate::rules::patient_disparagement::asserted;
use crate::rules::patient_disparagement::REPORTED;

/// Exasperation closing a jab at a named colleague ("I cannot.", "smh", "🤦").
static EXASPERATION: Lexicon = Lexicon {
    name: "colleague-disparagement/exasperation",
    source: crate::word_list!("colleague_disparagement/exasperation.txt"),
};

/// Admiration, which turns "I can't even" into awe.
static PRAISE: Lexicon =
    Lexicon { name: "colleague-disparagement/praise", source: crate::word_list!("colleague_disparagement/praise.txt") };

static META: RuleMeta = RuleMeta {
    id: "colleague-disparagement/identifiable-colleague",
    category: Category::ColleagueDisparagement,
    severity: Severity::Critical,
    message: "This criticises a named or identifiable colleague in public.",
    rationale: "Naming (or all but naming) a colleague next to an insult is public shaming: the person cannot \
                answer, colleagues and patients recognise them, and it can amount to bullying or defamation. \
                Concerns about a colleague's practice belong with your manager or the regulator.",
    guidance: "GMC Doctors' use of social media §9–10 (do not bully or harass colleagues; raise concerns \
               through appropriate channels); GMC Raising and acting on concerns; AMA Code of Medical Ethics 2.3.2",
    bad: crate::examples![
        "Dr. Hargreaves in cardiology is a clown. Avoid him if you can.",
        "To the night nurse on 6B who left my patient soaked: you know who you are",
        "Dr. Okafor in our ED sent a sprained ankle for an MRI. An MRI. For a sprain. I can't.",
    ],
    good: crate::examples![
        "Huge thanks to Dr. Hargreaves in cardiology for staying late with our team",
        "The night nurse on 6B caught a sepsis early tonight. Brilliant work.",
        "I cannot thank Dr. Okafor enough for staying late with my patient's family",
    ],
    lexicons: &[&REPORTED, &INSULTS, &ATTACKS, &EXASPERATION, &PRAISE, &COLLEAGUE_TARGET, &EMPLOYER, &RESPECTFUL],
};

/// A titled name or a role pinned to a place, in a post that insults.
pub(crate) struct IdentifiableColleague {
    who: Regex,
}

impl IdentifiableColleague {
    pub(crate) fn new() -> IdentifiableColleague {
        IdentifiableColleague {
            who: crate::re::compile(
                r"(?-u:\b)(?:Dr|Doctor|Prof|Professor|Nurse|Sister|Matron|Dra|Doktor|Docteur|Doutor|Doutora)\.?[ \t]+[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*|(?-u:\b)(?i:the|to the|our|that)[ \t]+(?:[A-Za-zÀ-ÖØ-öø-ÿ\-]+[ \t]+){0,2}(?i:nurse|doctor|resident|intern|attending|consultant|registrar|tech|pharmacist|surgeon|anaesthetist|anesthetist|physio|midwife|medic|paramedic|hospitalist|radiologist)[ \t]+(?i:on|in|at|from)[ \t]+(?:[0-9]{1,3}[A-Za-z]?(?-u:\b)|[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ]*)",
            ),
        }
    }
}

impl Rule for IdentifiableColleague {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        let negative =
            doc.hits(&ATTACKS).iter().chain(doc.hits(&INSULTS)).any(|h| asserted(doc, h) && !respectful(doc, h));
        // A saying like "I cannot." counts only when it closes its sentence, not in "I cannot thank…".
        let exasperated = || {
            !doc.has(&PRAISE)
                && doc.hits(&EXASPERATION).iter().any(|h| {
                    let tail = doc.norm().get(h.end as usize..).unwrap_or("");
                    let closes = tail.trim_start().chars().next().map_or(true, |c| !c.is_alphanumeric());
                    closes && asserted(doc, h) && !respectful(doc, h)
                })
        };
        if !negative && !exasperated() {
            return;
        }
        if let Some(m) = self.who.find(doc.text()) {
            sink.push(m.range());
        }
    }
}
