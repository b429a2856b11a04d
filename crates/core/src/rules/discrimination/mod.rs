//! Discrimination: disparaging people for race, ethnicity, nationality, religion, gender,
//! sexual orientation, gender identity, disability, age or weight.
//!
//! A group word alone is never a finding (research on disparities and advocacy name groups
//! all the time). What counts is a slur, or a group word joined to a generalisation or an
//! exclusion in the same sentence ("<group> are always…", "another <group> family…",
//! "think twice about candidates over 55"), unless the post argues against bias.

use super::calendar::is_weekday_or_month;
use crate::document::Document;
use crate::lexicon::{Hit, Lexicon};
use crate::rule::Rule;
use crate::rules::patient_disparagement::{asserted, asserted_close, near, sentence_of};

mod group_generalisation;
mod slur;

/// Protected groups (race, religion, gender, orientation, disability, age, weight, …).
pub(crate) static GROUPS: Lexicon =
    Lexicon { name: "discrimination/groups", source: crate::word_list!("discrimination/groups.txt") };

/// Generalisations and exclusions ("always", "typical", "shouldn't be allowed").
pub(crate) static GENERALISATIONS: Lexicon =
    Lexicon { name: "discrimination/generalisations", source: crate::word_list!("discrimination/generalisations.txt") };

/// Advocacy against stigma and bias, research on disparities, bias suffered.
pub(crate) static ADVOCACY: Lexicon =
    Lexicon { name: "discrimination/advocacy", source: crate::word_list!("discrimination/advocacy.txt") };

/// "Not trying to be racist but…": disowning bias just before voicing it.
pub(crate) static BIAS_DISCLAIMER: Lexicon =
    Lexicon { name: "discrimination/bias-disclaimer", source: crate::word_list!("discrimination/bias_disclaimer.txt") };

/// Demands that people speak the majority language ("learn English or…"), aimed at migrants.
pub(crate) static LANGUAGE_DEMANDS: Lexicon = Lexicon {
    name: "discrimination/language-demands",
    source: crate::word_list!("discrimination/language_demands.txt"),
};

/// Gender-identity words ("pronouns", "they/them", "non-binary").
pub(crate) static GENDER_IDENTITY: Lexicon =
    Lexicon { name: "discrimination/gender-identity", source: crate::word_list!("discrimination/gender_identity.txt") };

/// Mockery markers that turn a gender-identity word into derision ("🙄", "ffs", "pick a…").
pub(crate) static IDENTITY_MOCKERY: Lexicon = Lexicon {
    name: "discrimination/identity-mockery",
    source: crate::word_list!("discrimination/identity_mockery.txt"),
};

/// Food and animal emoji or jibes ("🍔", "🐷", "put the fork down") that mock a body.
pub(crate) static FOOD_MOCKERY: Lexicon =
    Lexicon { name: "discrimination/food-mockery", source: crate::word_list!("discrimination/food_mockery.txt") };

/// A job advert ("we're hiring", "join our team", "wir suchen").
pub(crate) static JOB_AD: Lexicon =
    Lexicon { name: "discrimination/job-ad", source: crate::word_list!("discrimination/job_ad.txt") };

/// Age-coded wording in an advert ("young, dynamic", "digital native", "not set in their ways").
pub(crate) static AGE_CODED: Lexicon =
    Lexicon { name: "discrimination/age-coded", source: crate::word_list!("discrimination/age_coded.txt") };

/// Weak cues ("always", "another", "typical") that need a negative word beside them.
pub(crate) static WEAK_CUES: Lexicon =
    Lexicon { name: "discrimination/weak-cues", source: crate::word_list!("discrimination/weak_cues.txt") };

/// Negative behaviour words ("loud", "steal", "drama") that complete a weak cue.
pub(crate) static NEGATIVE: Lexicon =
    Lexicon { name: "discrimination/negative", source: crate::word_list!("discrimination/negative.txt") };

/// Milder negative tone ("complain", "again", "lol") that completes a weak cue only.
pub(crate) static NEGATIVE_TONE: Lexicon =
    Lexicon { name: "discrimination/negative-tone", source: crate::word_list!("discrimination/negative_tone.txt") };

/// How many words may separate a group word from its generalisation.
const NEAR: usize = 8;

/// The group words of `doc` that carry a generalisation (or follow a bias disclaimer),
/// unless the post is advocacy. Shared with `patient-disparagement/group-stereotype`.
pub(crate) fn stereotyped_groups(doc: &Document<'_>) -> Vec<Hit> {
    let cued = doc.has(&GENERALISATIONS) || doc.has(&WEAK_CUES) || doc.has(&NEGATIVE) || doc.has(&BIAS_DISCLAIMER);
    if !cued || crate::rules::patient_disparagement::advocacy(doc) {
        return Vec::new();
    }
    let stereotyped = |h: &Hit| {
        !doc.is_quoted(h.start as usize)
            && (disclaimed(doc, h)
                || doc
                    .hits(&GENERALISATIONS)
                    .iter()
                    .any(|g| asserted_close(doc, g) && !advised(doc, g) && near(doc, h, g, NEAR))
                || weak_stereotype(doc, h)
                || verdict_after_group(doc, h)
                || generic_subject(doc, h)
                    && doc.hits(&NEGATIVE).iter().any(|n| asserted(doc, n) && near(doc, h, n, 2 * NEAR)))
    };
    let mut found: Vec<Hit> = doc.hits(&GROUPS).iter().filter(|h| stereotyped(h)).copied().collect();
    // Origins are looked for only when a strong generalisation is there ("never follow…").
    if found.is_empty() && doc.has(&GENERALISATIONS) {
        // A place is no protected group by itself: only a negative judgement counts ("patients from
        // X never follow…"), not praise ("patients from X always bring cake").
        let negative = |h: &Hit| {
            doc.hits(&NEGATIVE).iter().chain(doc.hits(&NEGATIVE_TONE)).any(|n| near(doc, h, n, NEAR))
                || doc.hits(&GENERALISATIONS).iter().any(|g| {
                    let w = &doc.norm()[g.range()];
                    near(doc, h, g, NEAR)
                        && ["never", "nunca", "jamais", "nie ", "can't", "cannot", "won't", "don't"]
                            .iter()
                            .any(|n| w.starts_with(n))
                })
        };
        found.extend(origin_groups(doc).into_iter().filter(|h| stereotyped(h) && negative(h)));
    }
    if found.is_empty() {
        found.extend(age_groups(doc));
    }
    found
}

/// Older people judged by their age as a whole class: "nobody over 80 should…" (an exclusion),
/// or "90-year-olds" with a generalisation in the same or the next sentence ("stop sending
/// 90-year-olds to ICU. It's a bed wasted on someone who's had their turn."). A single patient
/// ("a 90-year-old") is no group; only plurals and "nobody/anyone over N" count, from 60 up.
pub(crate) fn age_groups(doc: &Document<'_>) -> Vec<Hit> {
    let norm = doc.norm();
    let mut out = Vec::new();
    let number_at = |at: usize| -> Option<(u32, usize)> {
        let len = norm[at..].find(|c: char| !c.is_ascii_digit()).unwrap_or(norm.len() - at);
        if len != 2 {
            return None;
        }
        norm[at..at + len].parse().ok().map(|n| (n, at + len))
    };
    let judged = |at: usize| {
        let s = sentence_of(norm, at);
        let to = through_next_sentence(norm, &s);
        doc.hits(&GENERALISATIONS)
            .iter()
            .any(|g| (g.start as usize) >= s.start && (g.end as usize) <= to && asserted(doc, g) && !advised(doc, g))
    };
    // One search says whether the six below can match at all (most drafts: no).
    let (years, over) = (norm.contains("year"), norm.contains(" over "));
    let year_olds = years.then(|| norm.match_indices("year-olds").chain(norm.match_indices("year olds")));
    for (i, _) in year_olds.into_iter().flatten() {
        let head = norm[..i].trim_end_matches(['-', ' ']);
        let start = head.rfind(|c: char| !c.is_ascii_digit()).map_or(0, |p| p + 1);
        if number_at(start).is_some_and(|(n, _)| n >= 60) && !doc.is_quoted(start) && judged(start) {
            out.push(Hit { list: u16::MAX, entry: 0, start: start as u32, end: (i + 9) as u32 });
        }
    }
    let over_ages: &[&str] = if over { &["nobody over ", "anyone over ", "no one over ", "noone over "] } else { &[] };
    for who in over_ages {
        for (i, _) in norm.match_indices(who) {
            let Some((n, end)) = number_at(i + who.len()) else { continue };
            let rest = &norm[end..sentence_of(norm, i).end.max(end)];
            let excluded = ["should", "deserve", "belongs", "needs to"].iter().any(|w| rest.contains(w));
            if n >= 60 && excluded && !doc.is_quoted(i) {
                out.push(Hit { list: u16::MAX, entry: 0, start: i as u32, end: end as u32 });
            }
        }
    }
    out
}

/// People named by where they come from: "patients from Bihar", "familias de Oaxaca", "Leute aus
/// Marzahn" (a capitalised place in the original text). No list of places could be complete; a
/// generalisation beside such a phrase makes it a stereotype all the same.
fn origin_groups(doc: &Document<'_>) -> Vec<Hit> {
    const PEOPLE: &[&str] = &[
        "patients",
        "people",
        "families",
        "folks",
        "mums",
        "moms",
        "mothers",
        "parents",
        "nurses",
        "doctors",
        "pacientes",
        "familias",
        "gente",
        "personas",
        "patienten",
        "familien",
        "leute",
        "personnes",
        "familles",
        "pessoas",
        "maes",
        "madres",
    ];
    const LINKS: &[&str] = &[" from ", " de ", " aus ", " do ", " da ", " del "];
    const NOT_PLACES: &[&str] = &["dr", "doctor", "the", "our", "my", "i"];
    let (norm, text) = (doc.norm(), doc.text());
    let mut out = Vec::new();
    for link in LINKS {
        for (i, _) in norm.match_indices(link) {
            let before = norm[..i].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            if !PEOPLE.contains(&before) {
                continue;
            }
            let from = i + link.len();
            let len = norm[from..].find(|c: char| !(c.is_alphanumeric() || c == '-')).unwrap_or(norm.len() - from);
            if len < 2 || NOT_PLACES.contains(&&norm[from..from + len]) || is_weekday_or_month(&norm[from..from + len])
            {
                continue;
            }
            let original = text.get(doc.original(from..from + len)).unwrap_or("");
            let capitalised = original.chars().next().is_some_and(char::is_uppercase);
            let acronym = original.chars().all(|c| !c.is_lowercase());
            if capitalised && !acronym {
                out.push(Hit { list: u16::MAX, entry: 0, start: (i + 1) as u32, end: (from + len) as u32 });
            }
        }
    }
    out
}

/// Whether a bias disclaimer stands in the group's sentence ("not racist but <group>…"), or
/// closes the sentence after it ("… Just an observation.").
fn disclaimed(doc: &Document<'_>, group: &Hit) -> bool {
    let norm = doc.norm();
    let s = sentence_of(norm, group.start as usize);
    let to = through_next_sentence(norm, &s);
    doc.hits(&BIAS_DISCLAIMER).iter().any(|d| {
        let (start, end) = (d.start as usize, d.end as usize);
        (start >= s.start && end <= s.end + 1) || (start > s.end && end <= to)
    })
}

/// A weak cue ("always", "another", "typical") near the group, completed by a negative word
/// or by a second weak cue ("another … family, typical").
fn weak_stereotype(doc: &Document<'_>, group: &Hit) -> bool {
    let weak: Vec<&Hit> = doc
        .hits(&WEAK_CUES)
        .iter()
        .filter(|g| asserted(doc, g) && !advised(doc, g) && near(doc, group, g, NEAR))
        .collect();
    let Some(first) = weak.first() else {
        return false;
    };
    // Two different weak cues, one of them othering ("another", "typical"), make a stereotype.
    let second = weak.iter().any(|g| othering(doc, g) || doc.norm()[g.range()] == *"every time")
        && weak.iter().any(|g| doc.norm()[g.range()] != doc.norm()[first.range()]);
    second
        || doc
            .hits(&NEGATIVE)
            .iter()
            .chain(doc.hits(&NEGATIVE_TONE))
            .any(|n| asserted(doc, n) && near(doc, group, n, 2 * NEAR))
}

/// A short verdict right after the group's sentence ("… wanting both names on the plan. The
/// world's gone mad.").
fn verdict_after_group(doc: &Document<'_>, group: &Hit) -> bool {
    let norm = doc.norm();
    let s = sentence_of(norm, group.start as usize);
    if s.end + 1 >= norm.len() {
        return false;
    }
    let next = sentence_of(norm, s.end + 1);
    let short = norm.get(next.clone()).is_some_and(|t| crate::text::words(t).count() <= 9);
    let inside = |g: &&Hit| (g.start as usize) >= next.start && (g.end as usize) <= next.end && asserted(doc, g);
    short
        && (doc.hits(&GENERALISATIONS).iter().any(|g| inside(&g))
            || doc.hits(&WEAK_CUES).iter().any(|g| inside(&g) && othering(doc, g)))
}

/// Weak cues that single a group out ("another", "typical", "every time").
fn othering(doc: &Document<'_>, g: &Hit) -> bool {
    matches!(
        &doc.norm()[g.range()],
        "another" | "yet another" | "typical" | "typically" | "typisch" | "tipico" | "tipica" | "typique"
    )
}

/// Whether the group is the generic subject of its sentence ("Women in surgery complain…",
/// "Los chinos vienen…", "these immigrants…"): what follows is said of the whole group.
fn generic_subject(doc: &Document<'_>, group: &Hit) -> bool {
    let norm = doc.norm();
    let s = sentence_of(norm, group.start as usize);
    let head = norm.get(s.start..group.start as usize).unwrap_or("");
    let mut words: Vec<&str> = crate::text::words(head).map(|r| &head[r]).collect();
    // "…talk about how older nurses refuse…", "taught us that Asian patients are…": a clause
    // opened by how/why/because/that states something of the whole group.
    if words.last().is_some_and(|w| {
        matches!(*w, "how" | "why" | "because" | "como" | "comment" | "warum" | "porque" | "that" | "dass")
    }) {
        return true;
    }
    // "Half the new overseas nurses…", "most of the…": a share of the group, one adjective allowed.
    if words.last().is_some_and(|w| matches!(*w, "new" | "young" | "old" | "local")) {
        words.pop();
    }
    if matches!(
        words.as_slice(),
        [.., "half", "the"] | [.., "half", "of", "the"] | [.., "most", "of", "the"] | [.., "all", "the"]
    ) {
        return true;
    }
    match words.as_slice() {
        [] => true,
        [w] => matches!(
            *w,
            "the"
                | "these"
                | "those"
                | "all"
                | "most"
                | "every"
                | "los"
                | "las"
                | "les"
                | "ces"
                | "die"
                | "diese"
                | "os"
                | "as"
                | "esses"
                | "essas"
                | "esos"
                | "esas"
                | "todos"
                | "tous"
                | "alle"
                | "honestly"
                | "why"
        ),
        [a, b] => {
            matches!((*a, *b), ("why", "are") | ("why", "do") | ("why", "does") | ("why", "is") | ("honestly", "the"))
        }
        _ => false,
    }
}

/// Whether a cue is care advice ("should always get the vaccine", "must never skip"), not a judgement.
fn advised(doc: &Document<'_>, cue: &Hit) -> bool {
    let head = &doc.norm()[..(cue.start as usize).min(doc.norm().len())];
    let last = head.trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let tail = doc.norm().get(cue.end as usize..).unwrap_or("");
    let next = tail.split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("");
    matches!(last, "should" | "must" | "please" | "to" | "can" | "may" | "will" | "debe" | "doit" | "sollte" | "deve")
        || matches!(
            next,
            "deserve"
                | "deserves"
                | "need"
                | "needs"
                | "benefit"
                | "benefits"
                | "matter"
                | "matters"
                | "welcome"
                | "merecen"
                | "merecem"
                | "meritent"
                | "verdienen"
                | "told"
                | "asked"
                | "treated"
                | "ignored"
        )
}

/// A gender-identity word mocked in the same or the next sentence ("Another 'they/them'
/// student… ffs, pick a pronoun 🙄"), unless the post argues against bias. Quotes do not
/// excuse it here: scare quotes around "they/them" are part of the sneer.
pub(crate) fn mocked_identity(doc: &Document<'_>) -> Option<Hit> {
    if !doc.has(&GENDER_IDENTITY) || !doc.has(&IDENTITY_MOCKERY) || crate::rules::patient_disparagement::advocacy(doc) {
        return None;
    }
    let norm = doc.norm();
    doc.hits(&GENDER_IDENTITY).iter().copied().find(|g| {
        let s = sentence_of(norm, g.start as usize);
        let from = if s.start >= 2 { sentence_of(norm, s.start - 2).start } else { s.start };
        let to = through_next_sentence(norm, &s);
        doc.hits(&IDENTITY_MOCKERY).iter().any(|m| (m.start as usize) >= from && (m.end as usize) <= to)
    })
}

/// A word for a fat person with a food or animal jibe in the same or the next sentence (anywhere
/// in a short post)
/// ("Paciente obeso reclamando da maca 🍔"): the body made the punchline.
pub(crate) fn weight_mocked(doc: &Document<'_>) -> Option<Hit> {
    const WEIGHT: &[&str] = &[
        "obese",
        "obeso",
        "obesa",
        "obesos",
        "obesas",
        "overweight",
        "morbidly",
        "gordo",
        "gorda",
        "gordos",
        "gordas",
        "dicke",
        "dicker",
        "fatty",
        "fatties",
        "fatso",
        "bariatric",
    ];
    if !doc.has(&FOOD_MOCKERY) || crate::rules::patient_disparagement::advocacy(doc) {
        return None;
    }
    let norm = doc.norm();
    // In a short post the closing emoji comments on the whole post.
    let short = doc.words().len() <= 40;
    doc.words().iter().filter(|r| WEIGHT.contains(&&norm[(*r).clone()])).find_map(|r| {
        let s = sentence_of(norm, r.start);
        let to = if short { norm.len() } else { through_next_sentence(norm, &s) };
        let jibe = doc.hits(&FOOD_MOCKERY).iter().any(|m| (m.start as usize) >= s.start && (m.end as usize) <= to);
        jibe.then_some(Hit { list: u16::MAX, entry: 0, start: r.start as u32, end: r.end as u32 })
    })
}

/// Age-coded wording in a job advert ("We're hiring: a young, dynamic nurse…"): who is wanted by
/// age, not by skill, which employment law forbids.
pub(crate) fn age_coded_ad(doc: &Document<'_>) -> Option<Hit> {
    if !doc.has(&JOB_AD) {
        return None;
    }
    doc.asserted_hits(&AGE_CODED).next().copied()
}

/// The category's rules.
/// Where the sentence after `s` ends, plus one (an entry may carry the closing mark): a jibe or
/// generalisation in the same or the next sentence counts.
fn through_next_sentence(norm: &str, s: &std::ops::Range<usize>) -> usize {
    if s.end + 1 < norm.len() {
        sentence_of(norm, s.end + 1).end + 1
    } else {
        s.end + 1
    }
}

pub(crate) fn rules() -> Vec<Box<dyn Rule>> {
    vec![Box::new(slur::Slur), Box::new(group_generalisation::GroupGeneralisation)]
}

/// A body weight used as the label for a person ("the 350 lb guy", "another 180 kg patient"),
/// in the same or the next sentence as a jibe or blame ("skip the drive-thru", "personal
/// responsibility"), or with a generalisation ("another … another …, typical"): the body made the
/// punchline. A weight in a dosing or equipment context ("bariatric bed rated to 500 lb") names
/// no person and is left alone.
pub(crate) fn weight_labelled(doc: &Document<'_>) -> Option<Hit> {
    const PEOPLE: &[&str] = &[
        "patient", "patients", "guy", "guys", "man", "men", "woman", "women", "lady", "ladies", "pt", "dude", "bloke",
        "kid", "teen", "mom", "mum", "dad",
    ];
    let norm = doc.norm();
    // A weight is a number: most drafts have none, and then no word needs a look.
    if !norm.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let words = doc.words();
    let word = |i: usize| words.get(i).map_or("", |r| &norm[r.clone()]);
    for i in 0..words.len() {
        let w = word(i);
        // "400 lb", "400lb", "180 kg".
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let unit_inline = &w[digits.len()..];
        let Ok(n) = digits.parse::<u32>() else { continue };
        let (unit, next) = if unit_inline.is_empty() { (word(i + 1), i + 2) } else { (unit_inline, i + 1) };
        let heavy = match unit {
            "lb" | "lbs" | "pound" | "pounds" => n >= 250,
            "kg" | "kilo" | "kilos" => n >= 120,
            _ => false,
        };
        if !heavy || !(next..next + 2).any(|j| PEOPLE.contains(&word(j))) || doc.is_quoted(words[i].start) {
            continue;
        }
        let hit = Hit { list: u16::MAX, entry: 0, start: words[i].start as u32, end: words[next - 1].end as u32 };
        let s = sentence_of(norm, words[i].start);
        let to = through_next_sentence(norm, &s);
        let jibe = doc.hits(&FOOD_MOCKERY).iter().any(|m| (m.start as usize) >= s.start && (m.end as usize) <= to);
        if jibe || weak_stereotype(doc, &hit) {
            return Some(hit);
        }
    }
    None
}
