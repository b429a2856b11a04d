//! Boundaries: blurring the line between clinician and patient online.
//!
//! Every rule here pairs two things: a cue of a personal relationship (a personal channel, a look
//! at someone's private posts, flirting) and, close by, a reference to someone the poster treats.
//! Either alone is ordinary; together they describe a crossed line (AMA 2.3.2, WMA). Drafts that
//! *set* a boundary ("we don't connect with clients on personal accounts") are left alone.

use crate::document::Document;
use crate::lexicon::{Hit, Lexicon};
use crate::rule::Rule;

mod patient_social_media;
mod personal_channel;
mod public_reply;
mod romantic_or_social;

/// Someone the poster treats: "my patient", "a client", "the climber I splinted".
pub(crate) static CARE_REF: Lexicon =
    Lexicon { name: "boundaries/care-ref", source: crate::word_list!("boundaries/care_ref.txt") };

/// The care setting ("in clinic", "her appointment", "post-op", wards, treatments).
pub(crate) static CARE_CONTEXT: Lexicon =
    Lexicon { name: "boundaries/care-context", source: crate::word_list!("boundaries/care_context.txt") };

/// Policies, refusals and questions about boundaries.
pub(crate) static BOUNDARY_SETTING: Lexicon =
    Lexicon { name: "boundaries/boundary-setting", source: crate::word_list!("boundaries/boundary_setting.txt") };

/// How far (normalized bytes) a care reference may stand from the cue: a sentence or two.
const RADIUS: u32 = 140;
/// Social cues ("at the bar", "brunch with") are everyday words: the person must be closer.
pub(crate) const CLOSE: u32 = 100;

/// Words after "patient"/"client" that make it a compound, not a person ("patient safety team").
const COMPOUNDS: &[&str] = &[
    "safety",
    "care",
    "experience",
    "portal",
    "education",
    "records",
    "record",
    "satisfaction",
    "outcomes",
    "advocate",
    "advocacy",
    "feedback",
    "flow",
    "leaflet",
    "leaflets",
    "information",
    "info",
    "data",
    "details",
    "rights",
    "voice",
    "panel",
    "forum",
    "group",
    "groups",
    "liaison",
    "engagement",
    "access",
    "charter",
    "journey",
    "transport",
    "parking",
    "survey",
    "surveys",
    "centred",
    "centered",
    "facing",
    "pathway",
    "pathways",
    "list",
    "lists",
    "notes",
    "charts",
    "services",
    "service",
    "support",
    "partners",
    "representatives",
    "reps",
];

/// Someone the poster treats, mentioned as a person: not negated ("no patient details"),
/// not quoted, not a compound ("patient safety").
pub(crate) fn person_hits<'d>(doc: &'d Document<'_>) -> impl Iterator<Item = &'d Hit> + 'd {
    asserted(doc, &CARE_REF).filter(move |c| {
        let next = doc.norm().get(c.end as usize..).unwrap_or("");
        let word = next.strip_prefix(' ').unwrap_or("").split(|ch: char| !ch.is_alphanumeric()).next().unwrap_or("");
        !COMPOUNDS.contains(&word)
    })
}

/// Exclamations whose "not" negates nothing: "can't believe my patient…", "never thought…".
const IDIOMS: &[&str] = &[
    "can't believe",
    "cant believe",
    "cannot believe",
    "couldn't believe",
    "can't wait",
    "can't stop",
    "cant stop",
    "never thought",
    "don't forget",
    "dont forget",
    "do not forget",
    "don't miss",
];

/// Whether `hit` is negated, ignoring exclamations such as "can't believe".
fn negated(doc: &Document<'_>, hit: &Hit) -> bool {
    let at = hit.start as usize;
    if !doc.is_negated(at) {
        return false;
    }
    let norm = doc.norm();
    let head = norm.get(crate::text::clause_start(norm, at)..at).unwrap_or("");
    !IDIOMS.iter().any(|i| head.contains(i))
}

/// The hits of `lexicon` that are neither quoted nor really negated (see [`IDIOMS`]).
pub(crate) fn asserted<'d>(doc: &'d Document<'_>, lexicon: &Lexicon) -> impl Iterator<Item = &'d Hit> + 'd {
    doc.hits(lexicon).iter().filter(move |h| !doc.is_quoted(h.start as usize) && !negated(doc, h))
}

/// Whether someone the poster treats is mentioned within `radius` of `hit`.
pub(crate) fn near_person(doc: &Document<'_>, hit: &Hit, radius: u32) -> bool {
    person_hits(doc).any(|c| c.start <= hit.end + radius && hit.start <= c.end + radius)
}

/// Whether a person the poster treats, or the care setting, is mentioned within [`RADIUS`] of `hit`.
pub(crate) fn near_care(doc: &Document<'_>, hit: &Hit) -> bool {
    near_person(doc, hit, RADIUS)
        || asserted(doc, &CARE_CONTEXT).any(|c| c.start <= hit.end + RADIUS && hit.start <= c.end + RADIUS)
}

/// The normalized byte range of the sentence around `at` (between `.`, `!`, `?` or newlines).
pub(crate) fn sentence(norm: &str, at: usize) -> std::ops::Range<usize> {
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let start = norm.get(..at).and_then(|h| h.rfind(is_end)).map_or(0, |p| p + 1);
    let end = norm.get(at..).and_then(|t| t.find(is_end)).map_or(norm.len(), |p| at + p);
    start..end
}

/// "I know it's against policy, but…": a confession, not a boundary.
pub(crate) static CROSSING_ANYWAY: Lexicon =
    Lexicon { name: "boundaries/crossing-anyway", source: crate::word_list!("boundaries/crossing_anyway.txt") };

/// Whether the draft sets or discusses a boundary instead of crossing one.
pub(crate) fn sets_boundary(doc: &Document<'_>) -> bool {
    doc.has(&BOUNDARY_SETTING) && !doc.has(&CROSSING_ANYWAY)
}

/// The category's rules.
pub(crate) fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(personal_channel::PersonalChannel),
        Box::new(patient_social_media::PatientSocialMedia),
        Box::new(romantic_or_social::RomanticOrSocial),
        Box::new(public_reply::PublicReply),
    ]
}
