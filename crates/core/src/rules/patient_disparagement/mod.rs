//! Patient disparagement: mocking, judging or labelling patients or their families.
//!
//! The rules look for a *cue* (a stigmatising label, disgust, contempt, a sneer) that is
//! asserted (not negated, not in double quotes) and aimed at a *patient* (a patient word in
//! the same sentence, or a clinical setting). Posts that argue *against* such language
//! (advocacy, teaching about stigma) are left alone. The sentence helpers here are shared by
//! the colleague-disparagement and discrimination rules, which follow the same pattern.

use crate::document::Document;
use crate::lexicon::{Hit, Lexicon};
use crate::rule::Rule;
use std::ops::Range;

pub(crate) mod contempt;
mod disgust;
mod group_stereotype;
mod mocking_tone;
mod stigmatising_label;

/// Words that point at patients, their families, or people met at work.
pub(crate) static PATIENT_TARGET: Lexicon = Lexicon {
    name: "patient-disparagement/patient-target",
    source: crate::word_list!("patient_disparagement/patient_target.txt"),
};

/// Eye-rolls and "#nursehumor": a sneer, not mere laughter.
pub(crate) static EYEROLL: Lexicon =
    Lexicon { name: "patient-disparagement/eyeroll", source: crate::word_list!("patient_disparagement/eyeroll.txt") };

/// Markers of a sneer: eye-rolls, "classic", "lol", "#nursehumor".
pub(crate) static SNEER: Lexicon =
    Lexicon { name: "patient-disparagement/sneer", source: crate::word_list!("patient_disparagement/sneer.txt") };

/// Reported speech: "called me a…", "patients get called…".
pub(crate) static REPORTED: Lexicon =
    Lexicon { name: "patient-disparagement/reported", source: crate::word_list!("patient_disparagement/reported.txt") };

/// Words that set a post in a clinical workplace.
pub(crate) static WORKPLACE: Lexicon = Lexicon {
    name: "patient-disparagement/workplace",
    source: crate::word_list!("patient_disparagement/workplace.txt"),
};

/// Patient-target words too generic to show the group is patients.
pub(crate) const GENERIC: &[&str] = &[
    "he",
    "son",
    "type",
    "cara",
    "esse",
    "essa",
    "she",
    "they",
    "them",
    "their",
    "his",
    "her",
    "him",
    "people",
    "folks",
    "someone",
    "somebody",
    "everyone",
    "person",
    "man",
    "woman",
    "gente",
    "la gente",
    "les gens",
    "leute",
    "die leute",
    "pessoas",
    "as pessoas",
];

/// Whether the sentence of `hit` names a patient with a noun (not just "he" or "people").
pub(crate) fn patient_noun_in_sentence(doc: &Document<'_>, hit: &Hit) -> bool {
    let s = sentence_of(doc.norm(), hit.start as usize);
    doc.hits(&PATIENT_TARGET).iter().any(|x| {
        (x.start as usize) >= s.start
            && (x.end as usize) <= s.end
            && (x.start, x.end) != (hit.start, hit.end)
            && !GENERIC.contains(&&doc.norm()[x.range()])
    })
}

/// Whether a cue is aimed at a colleague or the employer rather than a patient: a colleague
/// or employer word shares its sentence and no patient noun does.
pub(crate) fn aimed_at_colleague(doc: &Document<'_>, hit: &Hit) -> bool {
    use crate::rules::colleague_disparagement::COLLEAGUE_TARGET;
    use crate::rules::colleague_disparagement::EMPLOYER;
    (same_sentence(doc, hit, &COLLEAGUE_TARGET) || same_sentence(doc, hit, &EMPLOYER))
        && !patient_noun_in_sentence(doc, hit)
}

/// A short verdict sentence ("Selfish much?", "Épuisante.") right after one naming a patient.
pub(crate) fn verdict_after_patient(doc: &Document<'_>, hit: &Hit) -> bool {
    let norm = doc.norm();
    let s = sentence_of(norm, hit.start as usize);
    let short = norm.get(s.clone()).is_some_and(|t| crate::text::words(t).count() <= 4);
    if !short || s.start < 2 {
        return false;
    }
    let prev = sentence_of(norm, s.start - 2);
    doc.hits(&PATIENT_TARGET).iter().any(|x| {
        (x.start as usize) >= prev.start && (x.end as usize) <= prev.end && !GENERIC.contains(&&norm[x.range()])
    })
}

/// The normalized byte range of the sentence around `at`: between `.`, `!`, `?`, `;`,
/// newlines (a `.` after a short abbreviation such as "Dr." or "St." does not end a sentence).
pub(crate) fn sentence_of(norm: &str, at: usize) -> Range<usize> {
    let at = floor(norm, at);
    let bytes = norm.as_bytes();
    let ends_here = |i: usize| -> bool {
        match bytes[i] {
            b'!' | b'?' | b';' | b'\n' => true,
            b'.' => {
                let next_ok = bytes.get(i + 1).map_or(true, |c| c.is_ascii_whitespace());
                // An ellipsis ("outpatients... you're") trails off inside one thought.
                let ellipsis = i > 0 && bytes[i - 1] == b'.';
                // "Dr." "St." "Mr." "vs." "pt." do not end a sentence (checked without allocating).
                let start = bytes[..i].iter().rposition(|c| !c.is_ascii_alphanumeric()).map_or(0, |p| p + 1);
                let word = &bytes[start..i];
                next_ok && !ellipsis && !matches!(word, b"dr" | b"st" | b"mr" | b"mrs" | b"ms" | b"vs" | b"pt")
            }
            _ => false,
        }
    };
    let mut start = 0;
    for i in (0..at).rev() {
        if ends_here(i) {
            start = i + 1;
            break;
        }
    }
    let mut end = norm.len();
    for i in at..norm.len() {
        if ends_here(i) {
            end = i;
            break;
        }
    }
    start..end
}

fn floor(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Whether a hit of `lexicon` lies in the same sentence as `hit` (and is not `hit` itself).
pub(crate) fn same_sentence(doc: &Document<'_>, hit: &Hit, lexicon: &Lexicon) -> bool {
    let s = sentence_of(doc.norm(), hit.start as usize);
    doc.hits(lexicon)
        .iter()
        .any(|h| (h.start as usize) >= s.start && (h.end as usize) <= s.end && (h.start, h.end) != (hit.start, hit.end))
}

/// Whether `a` and `b` are different hits in one sentence with at most `words` words between.
pub(crate) fn near(doc: &Document<'_>, a: &Hit, b: &Hit, words: usize) -> bool {
    let norm = doc.norm();
    let (from, to) = if b.start < a.start { (b.end, a.start) } else { (a.end, b.start) };
    let (from, to) = (from as usize, (to as usize).max(from as usize));
    // Cheap reject first: no word is longer than ~30 bytes, so a wider gap cannot qualify.
    if to - from > 32 * (words + 1) || (a.start, a.end) == (b.start, b.end) {
        return false;
    }
    let s = sentence_of(norm, a.start as usize);
    if (b.start as usize) < s.start || (b.end as usize) > s.end {
        return false;
    }
    norm.get(from..to).map_or(true, |gap| crate::text::words(gap).count() <= words)
}

/// Whether a hit of `lexicon` stands in the sentence of normalized offset `at` or the next one
/// (an eye-roll usually closes the joke).
pub(crate) fn in_or_after_sentence(doc: &Document<'_>, at: usize, lexicon: &Lexicon) -> bool {
    let norm = doc.norm();
    let s = sentence_of(norm, at);
    let mut end = if s.end + 1 < norm.len() { sentence_of(norm, s.end + 1).end } else { s.end };
    // A short aside in between ("Heroes, truly. 🙄") still lets the emoji close the joke.
    let aside = norm.get(s.end..end).is_some_and(|t| crate::text::words(t).count() <= 3);
    if aside && end + 1 < norm.len() {
        end = sentence_of(norm, end + 1).end;
    }
    // `+ 1`: an entry may carry the sentence's closing mark ("Sure.").
    doc.hits(lexicon).iter().any(|h| (h.start as usize) >= s.start && (h.end as usize) <= end + 1)
}

/// Whether the hit is reported speech aimed at the poster ("called me a useless…") or a label
/// reported to criticise it ("patients get called 'drug seekers'"): bias suffered, not voiced.
pub(crate) fn reported(doc: &Document<'_>, hit: &Hit) -> bool {
    let norm = doc.norm();
    let at = floor(norm, hit.start as usize);
    let from = crate::text::clause_start(norm, at);
    doc.hits(&REPORTED).iter().any(|r| (r.start as usize) >= from && (r.end as usize) <= at)
}

/// Whether the hit is asserted: not negated, not in double quotes, not reported speech, not hedged.
pub(crate) fn asserted(doc: &Document<'_>, hit: &Hit) -> bool {
    !doc.is_negated(hit.start as usize)
        && !doc.is_quoted(hit.start as usize)
        && !reported(doc, hit)
        && !hedged(doc, hit)
}

/// Like [`asserted`], but a negation counts only right before the hit ("not a clown"), not
/// two clauses of words earlier ("not even sorry to name and shame").
pub(crate) fn asserted_close(doc: &Document<'_>, hit: &Hit) -> bool {
    let norm = doc.norm();
    let at = floor(norm, hit.start as usize);
    let head = &norm[crate::text::clause_start(norm, at)..at];
    let negated = last_words(head, 2).any(|w| {
        matches!(
            w,
            "not"
                | "no"
                | "never"
                | "don't"
                | "dont"
                | "isn't"
                | "isnt"
                | "aren't"
                | "arent"
                | "wasn't"
                | "weren't"
                | "nunca"
                | "jamais"
                | "pas"
                | "nicht"
                | "kein"
                | "keine"
                | "nao"
                | "ni"
        )
    });
    !negated && !doc.is_quoted(hit.start as usize) && !reported(doc, hit) && !hedged(doc, hit)
}

/// The last `n` words of `head`, last first, without allocating.
fn last_words(head: &str, n: usize) -> impl Iterator<Item = &str> {
    head.rsplit(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '*')).filter(|w| !w.is_empty()).take(n)
}

/// Pronouns that point at a person; checked by scanning words only once a cue has fired,
/// rather than as list entries (they would match inside "the", "other", "them" everywhere).
const PRONOUNS: &[&str] =
    &["he", "she", "they", "them", "their", "his", "her", "him", "he's", "she's", "they're", "theyre"];

/// Whether a person pronoun occurs in `text`.
pub(crate) fn has_pronoun(text: &str) -> bool {
    crate::text::words(text).any(|w| PRONOUNS.contains(&&text[w]))
}

/// Whether the sentence of `hit` names a person: a patient word or a pronoun.
pub(crate) fn person_in_sentence(doc: &Document<'_>, hit: &Hit) -> bool {
    same_sentence(doc, hit, &PATIENT_TARGET) || {
        let s = sentence_of(doc.norm(), hit.start as usize);
        has_pronoun(&doc.norm()[s])
    }
}

/// Whether the post speaks of patients or people met at work at all.
pub(crate) fn about_people(doc: &Document<'_>) -> bool {
    doc.has(&PATIENT_TARGET) || doc.has(&WORKPLACE) || has_pronoun(doc.norm())
}

/// Whether a person pronoun stands within the `n` words before the hit ("he smelled like…").
pub(crate) fn pronoun_before(doc: &Document<'_>, hit: &Hit, n: usize) -> bool {
    let norm = doc.norm();
    let at = floor(norm, hit.start as usize);
    let head = &norm[sentence_of(norm, at).start..at];
    last_words(head, n).any(|w| PRONOUNS.contains(&w))
}

/// Whether a hedge stands just before the hit ("rarely lazy", "hardly ever rude", "nobody is
/// wasting our time").
fn hedged(doc: &Document<'_>, hit: &Hit) -> bool {
    let norm = doc.norm();
    let at = floor(norm, hit.start as usize);
    let head = &norm[crate::text::clause_start(norm, at)..at];
    last_words(head, 3).any(|w| {
        matches!(
            w,
            "rarely"
                | "seldom"
                | "hardly"
                | "none"
                | "neither"
                | "nobody"
                | "nadie"
                | "niemand"
                | "ninguem"
                | "rarement"
                | "selten"
                | "raramente"
        )
    })
}

/// Whether the hit is a single word or phrase in single quotes: a word mentioned, not used
/// ("staff are rarely 'lazy'"). Mocking quotes of what a patient said are matched by their own
/// entries, which include the quotes.
pub(crate) fn single_quoted(doc: &Document<'_>, hit: &Hit) -> bool {
    let norm = doc.norm();
    let (s, e) = (hit.start as usize, hit.end as usize);
    let open = norm.get(..s).is_some_and(|h| h.ends_with('\''));
    let close = norm.get(e..).is_some_and(|t| t.starts_with('\''));
    open && close && !norm[s..e].starts_with('\'')
}

/// Whether the post argues against stigma or bias (and does not disown it: "not racist but").
pub(crate) fn advocacy(doc: &Document<'_>) -> bool {
    use crate::rules::discrimination::{ADVOCACY, BIAS_DISCLAIMER};
    doc.asserted_hits(&ADVOCACY).next().is_some() && !doc.has(&BIAS_DISCLAIMER)
}

/// The category's rules.
pub(crate) fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(stigmatising_label::StigmatisingLabel::new()),
        Box::new(disgust::Disgust),
        Box::new(contempt::Contempt::new()),
        Box::new(group_stereotype::GroupStereotype),
        Box::new(mocking_tone::MockingTone),
    ]
}
