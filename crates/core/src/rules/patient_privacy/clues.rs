//! Quasi-identifier clues shared by the privacy rules: what kind of detail, and where.
//!
//! Each clue alone is harmless; the scorer (`quasi_identifiers.rs`) counts distinct kinds
//! around an encounter cue. Lexicon hits are free (one scan of the word-list trie); the patterns
//! here run only when the draft has a digit (ages, times); named places are found by `places.rs`.

use super::{
    AGE_WORDS, CIRCUMSTANCE, CONDITIONS, ENCOUNTER, NEWS, OCCUPATION, PERSON, PLACES, PUBLIC_FIGURE, RECENCY, SEX,
    SPECIFIC_PATIENT, TIME_WORDS,
};
use crate::document::Document;
use crate::pattern::{Anchors, Pattern};
use crate::text;
use std::ops::Range;

/// The kinds of detail that, together, point to one patient.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    Age,
    Sex,
    Condition,
    Place,
    Time,
    Circumstance,
    News,
}

impl Kind {
    /// How the message names the kind.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Kind::Age => "age",
            Kind::Sex => "sex",
            Kind::Condition => "diagnosis",
            Kind::Place => "place",
            Kind::Time => "time",
            Kind::Circumstance => "detail",
            Kind::News => "publicity",
        }
    }
}

/// One clue: its kind and original byte range.
#[derive(Clone, Debug)]
pub(crate) struct Clue {
    pub(crate) kind: Kind,
    pub(crate) span: Range<usize>,
}

/// Everything the privacy rules need to know about who and what a draft describes.
#[derive(Clone, Debug, Default)]
pub(crate) struct Scan {
    /// Clues in text order.
    pub(crate) clues: Vec<Clue>,
    /// The first encounter cue (original bytes): the post is about a real, recent patient.
    pub(crate) encounter: Option<Range<usize>>,
    /// Every encounter cue (original bytes) in text order, and whether it is a strong one
    /// (care given: "we had a", "my patient") rather than mere recency ("today").
    pub(crate) encounters: Vec<(Range<usize>, bool)>,
    /// The first "my patient"-style phrase (original bytes), normalized start.
    pub(crate) specific: Option<(Range<usize>, usize)>,
    /// Whether some word refers to one person.
    pub(crate) person: bool,
}

impl Scan {
    /// The encounter cue with the most distinct clue kinds near it, whether any cue near it is
    /// strong, and those kinds. Details far apart in a long post seldom describe the same person,
    /// so only a window counts.
    pub(crate) fn best_window(&self) -> Option<(Range<usize>, bool, Vec<Kind>)> {
        const BEFORE: usize = 300;
        const AFTER: usize = 400;
        self.encounters
            .iter()
            .map(|(e, _)| {
                let lo = e.start.saturating_sub(BEFORE);
                let hi = e.end + AFTER;
                let mut k: Vec<Kind> =
                    self.clues.iter().filter(|c| c.span.start >= lo && c.span.start <= hi).map(|c| c.kind).collect();
                k.sort_unstable();
                k.dedup();
                let strong = self.encounters.iter().any(|(r, strong)| *strong && r.start >= lo && r.start <= hi);
                (e.clone(), strong, k)
            })
            .max_by_key(|(e, strong, k)| (k.len() + usize::from(*strong), std::cmp::Reverse(e.start)))
    }
}

/// The compiled patterns behind [`Scan`].
pub(crate) struct Clues {
    had: Pattern,
    age: Pattern,
    time: Pattern,
}

/// The words every alternative of `had` contains: "had", the encounter verbs, the patient nouns.
const HAD_ANCHORS: &[&str] = &[
    "had",
    "saw",
    "admitted",
    "treated",
    "intubated",
    "resuscitated",
    "lady",
    "gent",
    "guy",
    "patient",
    "pt",
    "client",
    "resident",
];

/// Every match of the age pattern in a document's normalized text: its range and the number
/// it states, if any. Read by the age rule and the quasi-identifier scorer alike.
struct AgeMatches(Vec<(Range<usize>, Option<u32>)>);

/// The norm ranges of "we had a 23-year-old"-style encounters in a document.
struct HadMatches(Vec<Range<usize>>);

/// The clue patterns, compiled once and shared by the rules that read them (age and
/// quasi-identifiers): building them is the costly part when the checker starts.
pub(crate) fn shared() -> &'static Clues {
    static CLUES: std::sync::OnceLock<Clues> = std::sync::OnceLock::new();
    CLUES.get_or_init(Clues::new)
}

impl Clues {
    pub(crate) fn new() -> Clues {
        Clues {
            had: Pattern::new(
                r"(?-u)(?-u:\b)(?:(?:we|i|just)\s(?:just\s)?had\s(?:an?\s|the\s|this\s)?(?:\d{1,3}[\s-]?(?:year|yo|y/o|[mf](?-u:\b))|young|older|elderly|man|woman|guy|gent|gentleman|lady|girl|boy|kid|child|teen|patient|pt)|had\san?\s\d{1,3}[\s-]?(?:year|yo|y/o|[mf](?-u:\b))|(?:lady|man|guy|woman|patient|kid|girl|boy)\s(?:we|i)\s(?:had|saw|admitted|treated|intubated|resuscitated)(?-u:\b)|(?:my|our)\s(?:[a-z'-]+\s){0,2}(?:lady|gentleman|gent|guy|patient|pt|client|resident)(?-u:\b))",
                Anchors::Words(HAD_ANCHORS),
                (64, 24),
            ),
            // Matched on the normalized text (lowercase, accents folded).
            age: Pattern::new(
                // One word boundary up front: checked once per position, not once per alternative.
                r"(?x-u)
                (?-u:\b)(?:
                  (\d{1,3})\s?-?\s?(?:years?|yrs?)[\s-]?old(?-u:\b)
                | (\d{1,3})\s?(?:yo|y/o|y\.o)(?-u:\b)
                | ([1-9]\d)[mf](?-u:\b)
                | (\d0)-?somethings?(?-u:\b)
                | in\s(?:his|her|their)\s(?:early\s|mid\s|mid-|late\s)?(\d0)'?s(?-u:\b)
                | in\s(?:his|her|their)\s(?:early\s|mid\s|mid-|late\s)?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?-u:\b)
                | (\d{1,3})-?jahrige[nrs]?(?-u:\b)
                | (\d{1,3})\sjahre\salt(?-u:\b)
                | de\s(\d{1,3})\s(?:anos|ans)(?-u:\b)
                | (\d{1,3})\sanos\sde\sidade(?-u:\b)
                | (\d{1,3})(?:st|nd|rd|th)\sbirthday(?-u:\b)
                | (?:aged|age)\s(\d{1,3})(?-u:\b)
                | turn(?:ed|s|ing)\s(\d{1,3})(?-u:\b)
                | (?:he|she)(?:'s|\sis)\s(\d{2,3})(?-u:\b)
                | (?:cumplio|cumple|a\sfete|feierte|completou|fez)\s(\d{1,3})(?-u:\b)
                )
                | [a-z],\s(\d{2,3}),\s
                | ,\s(\d{1,3})\s(?:ans|anos|jahre)(?-u:\b)",
                // Every alternative holds a digit or a decade word (twenties … nineties).
                Anchors::DigitOr(&["ties"]),
                (24, 24),
            ),
            time: Pattern::new(
                r"(?x-u)
                (?-u:\b)(?:
                  \d{1,2}[:h]\d{2}(?-u:\b)
                | \d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)
                | a\slas\s\d{1,2}(?-u:\b)
                | um\s\d{1,2}(?::\d{2})?\s?uhr(?-u:\b)
                | (?:vers|as)\s\d{1,2}\s?h(?-u:\b)
                | \d{1,2}\sin\sthe\s(?:morning|afternoon|evening|night)(?-u:\b)
                )",
                Anchors::Digit,
                (8, 24),
            ),
        }
    }

    /// Every age-pattern match in `doc` (once per document, however many rules ask).
    fn age_matches(&self, doc: &Document<'_>) -> std::rc::Rc<AgeMatches> {
        doc.memo(|| {
            let number = |c: &crate::re::Captures<'_>| {
                c.iter().skip(1).flatten().next().and_then(|m| m.as_str().parse::<u32>().ok())
            };
            AgeMatches(
                self.age.captures_iter(doc.norm()).filter_map(|c| Some((c.get(0)?.range(), number(&c)))).collect(),
            )
        })
    }

    /// The encounter cues and the "my patient"-style phrase only: what the age rule needs.
    /// Found once per document: the age rule and [`Clues::scan`] both start from them.
    pub(crate) fn encounters(&self, doc: &Document<'_>) -> std::rc::Rc<Scan> {
        // Memoized under its type: the only `Scan` a document keeps is this one.
        doc.memo(|| self.find_encounters(doc))
    }

    fn find_encounters(&self, doc: &Document<'_>) -> Scan {
        let mut s = Scan::default();
        let norm = doc.norm();
        let orig = |r: Range<usize>| doc.original(r);

        // "would not let her be admitted" describes no encounter; recency is not negated
        // ("I will never forget today" is still today).
        // "My mum was admitted last night": the poster's own family story, not a patient's.
        let family = |at: usize| family_before(doc, at) || family_in_sentence(doc, at);
        // "Last night I was the patient": the poster's own admission, theirs to tell.
        if doc.hits(&SPECIFIC_PATIENT).is_empty() && OWN_STORY.iter().any(|p| norm.contains(p)) {
            return s;
        }
        // "We lost a great colleague": a death on the team, not a patient.
        let colleague = |end: usize| {
            let cut = norm[end..].char_indices().nth(32).map_or(norm.len(), |(i, _)| end + i);
            let after = &norm[end..cut];
            ["colleague", "friend", "member", "one of our own", "legend", "coworker", "co-worker"]
                .iter()
                .any(|w| after.contains(w))
        };
        for h in doc.hits(&ENCOUNTER).iter().chain(doc.hits(&SPECIFIC_PATIENT)) {
            let lost_colleague = &norm[h.range()] == "we lost" && colleague(h.end as usize);
            if !doc.is_negated(h.start as usize)
                && !institutional(norm[h.end as usize..].trim_start())
                && !family(h.start as usize)
                && !lost_colleague
                && !generic_arrival(norm, h.start as usize, h.end as usize)
            {
                s.encounters.push((orig(h.range()), true));
            }
        }
        // "had a 23-year-old ...", "we had a lady ...": care given to one person.
        if norm.contains("had ") || norm.contains("my ") || norm.contains("our ") {
            let had = doc.memo(|| HadMatches(self.had.find_iter(norm).map(|m| m.range()).collect()));
            for m in &had.0 {
                let after = norm[m.end..].trim_start();
                let institutional = institutional(after)
                    || ["safety", "experience", "care", "portal", "survey", "advocate", "charter", "voice"]
                        .iter()
                        .any(|w| norm[m.clone()].contains(w));
                if !doc.is_negated(m.start) && !institutional {
                    s.encounters.push((orig(m.clone()), true));
                }
            }
        }
        for h in doc.hits(&RECENCY) {
            if !family(h.start as usize) {
                s.encounters.push((orig(h.range()), false));
            }
        }
        s.encounters.sort_by_key(|(r, _)| r.start);
        s.encounter = s.encounters.first().map(|(r, _)| r.clone());
        // The longest phrase at the first position: "my patient's", not "my patient".
        let specific = doc
            .hits(&SPECIFIC_PATIENT)
            .iter()
            .filter(|h| !doc.is_negated(h.start as usize) && !institutional(norm[h.end as usize..].trim_start()));
        if let Some(h) = specific.min_by_key(|h| (h.start, std::cmp::Reverse(h.end))) {
            s.specific = Some((orig(h.range()), h.start as usize));
        }
        s
    }

    /// Exact ages (original range, value), leaving out the poster's family.
    pub(crate) fn ages(&self, doc: &Document<'_>) -> Vec<(Range<usize>, u32)> {
        let norm = doc.norm();
        let mut out = Vec::new();
        for (all, value) in &self.age_matches(doc).0 {
            let m = &norm[all.clone()];
            if family_before(doc, family_at(m, all.start))
                || m.contains("something")
                || m.starts_with("in ")
                || not_an_age(norm, all.end)
                || money(norm, all.start)
            {
                continue;
            }
            if let Some(v) = value {
                out.push((doc.original(all.clone()), *v));
            }
        }
        out
    }

    /// Collects the clues of `doc`.
    pub(crate) fn scan(&self, doc: &Document<'_>) -> Scan {
        let mut s = Scan::clone(&self.encounters(doc));
        // No encounter, no patient: the clues would describe no one (the scorer stops here too).
        if s.encounters.is_empty() {
            return s;
        }
        let norm = doc.norm();
        let text = doc.text();
        let orig = |r: Range<usize>| doc.original(r);
        s.person = doc.has(&PERSON)
            || doc.has(&SEX)
            || doc.has(&OCCUPATION)
            || doc.has(&AGE_WORDS)
            || doc.has(&PUBLIC_FIGURE)
            || s.specific.is_some();
        if !s.person && !norm.bytes().any(|b| b.is_ascii_digit()) {
            // No person and no number that could be an age: nothing to score.
            return s;
        }

        let add = |s: &mut Scan, kind: Kind, span: Range<usize>| s.clues.push(Clue { kind, span });
        for h in doc.hits(&SEX) {
            if !own_circle(norm, h.start as usize) {
                add(&mut s, Kind::Sex, orig(h.range()));
            }
        }
        for h in doc.hits(&OCCUPATION) {
            if !own_circle(norm, h.start as usize) {
                add(&mut s, Kind::Circumstance, orig(h.range()));
            }
        }
        for h in doc.hits(&AGE_WORDS) {
            add(&mut s, Kind::Age, orig(h.range()));
        }
        for h in doc.hits(&CONDITIONS) {
            if !own_illness(doc, h.start as usize) {
                add(&mut s, Kind::Condition, orig(h.range()));
            }
        }
        // Disease names no list holds ("feocromocitoma", "sarcoidosis").
        for r in super::medical_terms_of(doc) {
            if !own_illness(doc, r.start) && !doc.hits(&CONDITIONS).iter().any(|h| h.start as usize == r.start) {
                add(&mut s, Kind::Condition, orig(r));
            }
        }
        for h in doc.hits(&PLACES) {
            add(&mut s, Kind::Place, orig(h.range()));
        }
        for h in doc.hits(&CIRCUMSTANCE).iter().chain(doc.hits(&PUBLIC_FIGURE)) {
            add(&mut s, Kind::Circumstance, orig(h.range()));
        }
        for h in doc.hits(&NEWS) {
            add(&mut s, Kind::News, orig(h.range()));
        }
        for h in doc.hits(&TIME_WORDS) {
            add(&mut s, Kind::Time, orig(h.range()));
        }
        if norm.bytes().any(|b| b.is_ascii_digit()) {
            for (all, _) in &self.age_matches(doc).0 {
                let m = &norm[all.clone()];
                // "my gran, 93" / "ma grand-mere de 93 ans": the poster's family, not a patient.
                if family_before(doc, family_at(m, all.start)) || not_an_age(norm, all.end) || money(norm, all.start) {
                    continue;
                }
                let r = orig(all.clone());
                s.person = true;
                add(&mut s, Kind::Age, r.clone());
                // "33F": clinician shorthand for age and sex.
                if m.ends_with(['f', 'm']) && !m.contains(' ') {
                    add(&mut s, Kind::Sex, r);
                }
            }
            for m in self.time.find_iter(norm) {
                add(&mut s, Kind::Time, orig(m.range()));
            }
        }
        // Places only matter around an encounter; the pattern is the costliest here.
        if !s.encounters.is_empty() && (text.bytes().any(|b| b.is_ascii_uppercase()) || !text.is_ascii()) {
            for r in super::places::named_places(text) {
                add(&mut s, Kind::Place, r);
            }
        }
        // Longest first at a position: "Route 12" before "Route".
        s.clues.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
        s
    }
}

/// "When a teenager comes in after an overdose…": a present-tense arrival after "when a" or
/// "every time" describes a kind of patient, not one encounter.
fn generic_arrival(norm: &str, start: usize, end: usize) -> bool {
    let cue = &norm[start..end];
    // "If you think your child swallowed one": the reader's hypothetical, in any tense.
    let clause = &norm[text::clause_start(norm, start)..start];
    if reader_conditional(clause) {
        return true;
    }
    let present =
        ["comes", "rolls", "walks", "presents", "arrives", "turns up", "shows up"].iter().any(|p| cue.starts_with(p));
    if !present {
        return false;
    }
    let clause = &norm[text::clause_start(norm, start)..start];
    ["when a", "when an", "when your", "if a", "if an", "if your", "whenever", "every time", "each time", "anytime"]
        .iter()
        .any(|g| clause.starts_with(g) || clause.contains(&format!(" {g} ")))
}

/// "$12M", "€40k": an amount of money, not an age and sex.
fn money(norm: &str, start: usize) -> bool {
    norm[..start].ends_with(['$', '€', '£'])
}

/// Words after "our patient"/"my patient" that make it an institution's body, not one person
/// ("our patient advisory board", "patient safety").
fn institutional(after: &str) -> bool {
    [
        "safety",
        "experience",
        "care",
        "portal",
        "survey",
        "advocate",
        "charter",
        "voice",
        "advisory",
        "panel",
        "council",
        "forum",
        "partner",
        "representative",
        "involvement",
        "engagement",
        "education",
        "leaflet",
        "feedback",
        "satisfaction",
        "group",
    ]
    .iter()
    .any(|w| after.starts_with(w))
}

/// Whether `s` puts a condition to the reader ([`READER_CONDITIONAL`], at its start or after a
/// space). Asked for every encounter cue, so it scans once instead of searching per phrase.
pub(crate) fn reader_conditional(s: &str) -> bool {
    const FIRST: [bool; 256] = text::first_bytes(READER_CONDITIONAL);
    text::phrase_after_space(s, READER_CONDITIONAL, &FIRST)
}

/// Conditions put to the reader ("if you think", "if your"): what follows is hypothetical.
const READER_CONDITIONAL: &[&str] = &[
    "if you ",
    "if your ",
    "if someone ",
    "if anyone ",
    "si usted ",
    "si tu ",
    "si su ",
    "si vous ",
    "si votre ",
    "si quelqu'un ",
    "wenn sie ",
    "wenn du ",
    "wenn ihr ",
    "falls ihr ",
    "se voce ",
    "se o seu ",
    "se a sua ",
    "se alguem ",
];

/// Where to look back for "my <family>" from an age match: after the letter that "gran, 93"
/// matches starts with, so the family word is whole.
fn family_at(age: &str, start: usize) -> usize {
    if age.as_bytes().get(1) == Some(&b',') {
        start + 1
    } else {
        start
    }
}

/// "she's 30 weeks", "he's 80 kg", "she's 12 hours post-op": a number after "she's" that is
/// not an age.
fn not_an_age(norm: &str, end: usize) -> bool {
    let next = norm[end..].split_whitespace().next().unwrap_or("");
    let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    matches!(
        next,
        "weeks"
            | "week"
            | "wks"
            | "days"
            | "day"
            | "months"
            | "mo"
            | "hours"
            | "hrs"
            | "h"
            | "minutes"
            | "mins"
            | "kg"
            | "kgs"
            | "lb"
            | "lbs"
            | "pounds"
            | "stone"
            | "cm"
            | "mm"
            | "percent"
            | "%"
            | "points"
            | "min"
            | "miles"
            | "km"
            | "feet"
            | "ft"
    ) || norm[end..].starts_with(['%', '/', '.', ':', '-', '–']) && norm[end..].chars().nth(1).is_some_and(|c| c.is_ascii_digit())
        // "aged 50 to 74", "aged 65 and over": a group's range.
        || [" to ", " and over", " and older", " or over", " or older", "+"].iter().any(|w| norm[end..].starts_with(w))
}

/// Whether the word at normalized offset `at` is the poster's or reader's own circle ("my mum",
/// "your dad", "our nurse"): family and colleagues, not a patient's sex or job.
fn own_circle(norm: &str, at: usize) -> bool {
    let before = norm[..at].trim_end();
    ["my", "your", "our", "my own", "mi", "mon", "ma", "mein", "meine", "unsere", "meu", "minha", "nossa", "nosso"]
        .iter()
        .any(|p| {
            before.ends_with(p)
                && (before.len() == p.len() || before[..before.len() - p.len()].ends_with([' ', '\n', '(', '"']))
        })
}

/// The poster was the patient.
const OWN_STORY: &[&str] = &[
    "i was the patient",
    "i was a patient",
    "as a patient myself",
    "the other side of the bed",
    "the other side of the stretcher",
    "admitted to my own",
    "yo fui el paciente",
    "yo fui la paciente",
    "j'etais le patient",
    "j'etais la patiente",
    "ich war der patient",
    "ich war die patientin",
    "eu fui o paciente",
    "eu fui a paciente",
];

/// "my 7-year-old", "my 3 yo": the poster's child, named by age.
fn my_age(w: &[&str]) -> bool {
    w.len() >= 3
        && matches!(w[0], "my" | "our")
        && w[1].bytes().all(|b| b.is_ascii_digit())
        && matches!(w[2], "year" | "yo" | "yr" | "month" | "week" | "y")
}

/// Family words that, after "my", make an age or story the poster's own.
const FAMILY: &[&str] = &[
    "mum",
    "mom",
    "mother",
    "dad",
    "father",
    "gran",
    "grandma",
    "grandmother",
    "granny",
    "grandad",
    "grandpa",
    "grandfather",
    "nan",
    "nana",
    "son",
    "daughter",
    "kid",
    "kids",
    "toddler",
    "eldest",
    "youngest",
    "twins",
    "child",
    "baby",
    "wife",
    "husband",
    "partner",
    "brother",
    "sister",
    "aunt",
    "uncle",
    "cousin",
    "niece",
    "nephew",
    "neighbour",
    "neighbor",
    "friend",
    "madre",
    "padre",
    "abuela",
    "abuelo",
    "hijo",
    "hija",
    "mere",
    "pere",
    "grand-mere",
    "grand-pere",
    "fils",
    "fille",
    "mutter",
    "vater",
    "oma",
    "opa",
    "sohn",
    "tochter",
    "mae",
    "pai",
    "avo",
    "filho",
    "filha",
];

/// Whether "my <family word>" stands shortly before normalized offset `at` in its clause.
pub(crate) fn family_before(doc: &Document<'_>, at: usize) -> bool {
    let norm = doc.norm();
    let start = text::clause_start(norm, at).max(at.saturating_sub(48));
    if norm.get(start..at).is_none() {
        return false;
    }
    let words: Vec<&str> = doc.words_in(start..at).collect();
    words.windows(2).any(|w| {
        matches!(w[0], "my" | "ma" | "mon" | "mi" | "mein" | "meine" | "meu" | "minha" | "our")
            && FAMILY.iter().any(|f| w[1] == *f || w[1].strip_suffix("'s") == Some(f))
    }) || words
        .windows(3)
        .any(|w| matches!(w[0], "ma" | "mon") && w[1] == "grand" && matches!(w[2], "mere" | "pere") || my_age(w))
}

/// Whether the sentence up to normalized offset `at` is about the poster's own family
/// ("My dad (72) had his hip replaced last week", "my son broke his arm at school today").
fn family_in_sentence(doc: &Document<'_>, at: usize) -> bool {
    let norm = doc.norm();
    let head = &norm[..at.min(norm.len())];
    let start = head.rfind(['.', '!', '?', '\n']).map_or(0, |p| p + 1).max(at.saturating_sub(120));
    if norm.get(start..at).is_none() {
        return false;
    }
    let words: Vec<&str> = doc.words_in(start..at).collect();
    words.windows(2).any(|w| {
        matches!(w[0], "my" | "ma" | "mon" | "mi" | "mein" | "meine" | "meu" | "minha")
            && FAMILY.iter().any(|f| w[1] == *f || w[1].strip_suffix("'s") == Some(f))
    }) || words.windows(3).any(my_age)
}

/// Whether the condition at normalized offset `at` is the poster's own ("I was diagnosed with",
/// "my own MRI"): their story is theirs to tell, not a patient disclosure.
pub(crate) fn own_illness(doc: &Document<'_>, at: usize) -> bool {
    let norm = doc.norm();
    let start = text::clause_start(norm, at);
    let Some(clause) = norm.get(start..at) else { return false };
    if clause.contains("my own") || clause.contains("mi propi") || clause.contains("mon propre") {
        return true;
    }
    let mut words = doc.words_in(start..at);
    // Most clauses have no first person: the second pass is then not needed.
    if !words.clone().any(|w| matches!(w, "i" | "i'm" | "i've" | "me" | "ich" | "yo" | "je" | "j'ai" | "eu")) {
        return false;
    }
    let other = words.any(|w| {
        matches!(
            w,
            "he" | "she"
                | "his"
                | "her"
                | "him"
                | "patient"
                | "patient's"
                | "pt"
                | "they"
                | "their"
                | "client"
                | "guy"
                | "man"
                | "woman"
                | "lady"
                | "kid"
                | "child"
                | "baby"
                | "mum"
                | "mom"
                | "dad"
        )
    });
    !other
}
