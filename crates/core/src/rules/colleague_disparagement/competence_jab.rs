//! `colleague-disparagement/competence-jab`: a colleague said to be unable to do a basic clinical task.

use super::{respectful, self_intro, COLLEAGUE_TARGET, RESPECTFUL};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::{Hit, Lexicon};
use crate::rule::{Rule, RuleMeta, Sink};
use crate::rules::patient_disparagement::sentence_of;

/// "can't", "kann kein", "no reconocería": saying someone cannot do something.
static INABILITY: Lexicon = Lexicon {
    name: "colleague-disparagement/inability",
    source: crate::word_list!("colleague_disparagement/inability.txt"),
};

/// Core skills of a qualified clinician ("start an IV", "read an ECG", "recognise sepsis").
static BASIC_SKILL: Lexicon = Lexicon {
    name: "colleague-disparagement/basic-skill",
    source: crate::word_list!("colleague_disparagement/basic_skill.txt"),
};

/// Learning and support ("not yet", "preceptors", "taught me"): a skill still being learned.
static STILL_LEARNING: Lexicon = Lexicon {
    name: "colleague-disparagement/still-learning",
    source: crate::word_list!("colleague_disparagement/still_learning.txt"),
};

/// How far (normalized bytes) the skill may follow the inability ("can't site a cannula").
const SKILL_GAP: u32 = 24;

static META: RuleMeta = RuleMeta {
    id: "colleague-disparagement/competence-jab",
    category: Category::ColleagueDisparagement,
    severity: Severity::Warning,
    message: "This publicly mocks a colleague's competence; raise concerns about a colleague's skills \
              through proper channels.",
    rationale: "\"<Colleague> can't even <basic skill>\" is a public verdict on a colleague's competence. It \
                undermines the team patients rely on and the public's trust in it, and it replaces the \
                proper route for a real concern (the supervisor, the clinical lead, the incident system) \
                with ridicule. Teaching posts and system critique (\"new grads need time to learn to \
                cannulate\") are left alone.",
    guidance: "GMC Doctors' use of social media §9–10 (do not bully, harass or make gratuitous comments about \
               colleagues; raise concerns properly); AMA Code of Medical Ethics 2.3.2; BMA social media guidance",
    bad: crate::examples![
        "The locum on nights can't even read an ECG and still bills as a senior",
        "Our new registrar couldn't find a vein if you drew it on with a marker",
        "Der neue Assistenzarzt kann nicht mal ein EKG lesen, aber Hauptsache Chefvisite",
    ],
    good: crate::examples![
        "Our new grads can't cannulate yet, so their preceptors are teaching them this month",
        "I still can't read an ECG as fast as my consultant does, so journal club it is",
        "Patients who can't read a leaflet need a verbal explanation too",
        "Our charge nurse can cannulate any baby first time, what a star",
    ],
    lexicons: &[&INABILITY, &BASIC_SKILL, &STILL_LEARNING, &COLLEAGUE_TARGET, &RESPECTFUL],
};

/// A colleague, then an inability and a basic skill, in one sentence.
pub(crate) struct CompetenceJab;

impl Rule for CompetenceJab {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        if !doc.has(&BASIC_SKILL) || !doc.has(&INABILITY) || doc.has(&STILL_LEARNING) {
            return;
        }
        let norm = doc.norm();
        let skills = doc.hits(&BASIC_SKILL);
        let jab = |cue: &&Hit| {
            if doc.is_quoted(cue.start as usize) || respectful(doc, cue) {
                return false;
            }
            let s = sentence_of(norm, cue.start as usize);
            let skilled = skills.iter().any(|k| k.start >= cue.end && k.start - cue.end <= SKILL_GAP);
            // The colleague is the subject: named before the cue, in the same sentence.
            let colleague = doc
                .hits(&COLLEAGUE_TARGET)
                .iter()
                .any(|c| (c.start as usize) >= s.start && c.end <= cue.start && !self_intro(doc, c));
            skilled && colleague && !first_person(doc, s.start, cue.start as usize)
        };
        if let Some(cue) = doc.hits(&INABILITY).iter().find(jab) {
            let end = skills.iter().find(|k| k.start >= cue.end).map_or(cue.end, |k| k.end);
            sink.push(doc.original(cue.start as usize..end as usize));
        }
    }
}

/// Whether the words just before the cue make the poster the subject ("I can't", "I still can't").
fn first_person(doc: &Document<'_>, from: usize, cue: usize) -> bool {
    if doc.norm().get(from..cue).is_none() {
        return false;
    }
    doc.words_in(from..cue).rev().take(2).any(|w| matches!(w, "i" | "we" | "yo" | "je" | "ich" | "eu"))
}
