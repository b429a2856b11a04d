//! Colleague disparagement: publicly attacking or mocking colleagues, other professions or
//! specialties, identifiable staff, or the employer and its management.
//!
//! Disagreement is not disparagement: critique of a trial, a guideline or a decision, said
//! with respect, is left alone. What counts is an insult or a ridiculing stereotype aimed at
//! people (a named doctor, "our PD", "surgeons", "admin"), or a public attack on the employer.

use crate::document::Document;
use crate::lexicon::{Hit, Lexicon};
use crate::rule::Rule;
use crate::rules::patient_disparagement::{same_sentence, sentence_of};

mod colleague_stereotype;
mod competence_jab;
mod identifiable_colleague;
mod insult;
mod never_on_the_floor;
mod profession_stereotype;
mod sarcastic_thanks;
mod staff_contempt;

/// Colleagues, professions, specialties and trainees.
pub(crate) static COLLEAGUE_TARGET: Lexicon = Lexicon {
    name: "colleague-disparagement/colleague-target",
    source: crate::word_list!("colleague_disparagement/colleague_target.txt"),
};

/// The employer and its management.
pub(crate) static EMPLOYER: Lexicon = Lexicon {
    name: "colleague-disparagement/employer",
    source: crate::word_list!("colleague_disparagement/employer.txt"),
};

/// Insults that need a colleague or employer word in the same sentence.
pub(crate) static INSULTS: Lexicon = Lexicon {
    name: "colleague-disparagement/insults",
    source: crate::word_list!("colleague_disparagement/insults.txt"),
};

/// Distinctive attacks that count anywhere in a post about colleagues or the employer.
pub(crate) static ATTACKS: Lexicon = Lexicon {
    name: "colleague-disparagement/attacks",
    source: crate::word_list!("colleague_disparagement/attacks.txt"),
};

/// Eye-rolls and facepalms.
pub(crate) static EYEROLL: Lexicon = Lexicon {
    name: "colleague-disparagement/eyeroll",
    source: crate::word_list!("colleague_disparagement/eyeroll.txt"),
};

/// Respectful disagreement, evidence talk and thanks.
pub(crate) static RESPECTFUL: Lexicon = Lexicon {
    name: "colleague-disparagement/respectful",
    source: crate::word_list!("colleague_disparagement/respectful.txt"),
};

/// Whether a respectful marker shares the sentence with `hit` (disagreement, not an attack).
pub(crate) fn respectful(doc: &Document<'_>, hit: &Hit) -> bool {
    same_sentence(doc, hit, &RESPECTFUL)
}

/// Whether a colleague word is the poster introducing themselves ("Oncology nurse: …",
/// "Surgical resident here.", "as a nurse"), not someone they talk about.
pub(crate) fn self_intro(doc: &Document<'_>, hit: &Hit) -> bool {
    let norm = doc.norm();
    let (start, end) = (hit.start as usize, hit.end as usize);
    let after = norm.get(end..).unwrap_or("");
    let line_start = norm[..start.min(norm.len())].rfind('\n').map_or(0, |p| p + 1);
    let early = start - line_start < 40;
    let before = norm.get(line_start..start).unwrap_or("").trim_end();
    // "Ortho: 'bone's fine'" quotes a specialty; "Oncology nurse: chemo is…" introduces the poster.
    let quote_follows = after.strip_prefix(':').is_some_and(|r| r.trim_start().starts_with(['\'', '"']));
    // "#NurseLife", "#DoctorsOfInstagram": a hashtag names the poster's own community.
    let hashtag = norm[..start.min(norm.len())].ends_with('#');
    hashtag
        || (early
            && !norm[start..end].ends_with('s')
            && !quote_follows
            && (after.starts_with(':') || after.starts_with(" here")))
        || ["as a", "as an", "i'm a", "i am a", "im a", "fellow", "every", "us", "all the", "my fellow", "we"]
            .iter()
            .any(|p| before.ends_with(p))
}

/// Whether a colleague (not the poster) or the employer is named in the sentence of `hit`.
pub(crate) fn colleague_in_sentence(doc: &Document<'_>, hit: &Hit) -> bool {
    let s = sentence_of(doc.norm(), hit.start as usize);
    let inside = |x: &Hit| (x.start as usize) >= s.start && (x.end as usize) <= s.end && x.start != hit.start;
    doc.hits(&COLLEAGUE_TARGET).iter().any(|x| inside(x) && !self_intro(doc, x))
        || doc.hits(&EMPLOYER).iter().any(inside)
}

/// The category's rules.
pub(crate) fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(insult::Insult),
        Box::new(profession_stereotype::ProfessionStereotype),
        Box::new(identifiable_colleague::IdentifiableColleague::new()),
        Box::new(sarcastic_thanks::SarcasticThanks),
        Box::new(competence_jab::CompetenceJab),
        Box::new(staff_contempt::StaffContempt),
        Box::new(never_on_the_floor::NeverOnTheFloor),
        Box::new(colleague_stereotype::ColleagueStereotype),
    ]
}
