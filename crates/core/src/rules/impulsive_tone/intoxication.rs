//! `impulsive-tone/intoxication-at-work`: being drunk, high or hungover tied to work, or
//! drinking before or during duty.

use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::{Hit, Lexicon};
use crate::rule::{Rule, RuleMeta, Sink};
use crate::text;

/// Being drunk, high or hungover.
pub(crate) static INTOXICANTS: Lexicon =
    Lexicon { name: "impulsive-tone/intoxicants", source: crate::word_list!("impulsive_tone/intoxicants.txt") };

/// Drinks and drugs that matter only before or during duty.
pub(crate) static DRINKS: Lexicon =
    Lexicon { name: "impulsive-tone/drinks", source: crate::word_list!("impulsive_tone/drinks.txt") };

/// Acting on work in the heat of the moment (resigning, emailing the boss).
pub(crate) static IMPULSIVE_ACTS: Lexicon =
    Lexicon { name: "impulsive-tone/impulsive-acts", source: crate::word_list!("impulsive_tone/impulsive_acts.txt") };

/// A bad day at work given as the reason for drinking.
pub(crate) static BAD_DAY: Lexicon =
    Lexicon { name: "impulsive-tone/bad-day", source: crate::word_list!("impulsive_tone/bad_day.txt") };

/// Working or about to work.
pub(crate) static ON_DUTY: Lexicon =
    Lexicon { name: "impulsive-tone/on-duty", source: crate::word_list!("impulsive_tone/on_duty.txt") };

/// Timing that puts a drink before or during work.
pub(crate) static BEFORE_DUTY: Lexicon =
    Lexicon { name: "impulsive-tone/before-duty", source: crate::word_list!("impulsive_tone/before_duty.txt") };

static META: RuleMeta = RuleMeta {
    id: "impulsive-tone/intoxication-at-work",
    category: Category::ImpulsiveTone,
    severity: Severity::Warning,
    message:
        "Posting about being drunk, high or hungover around work tells patients and employers you worked impaired.",
    rationale: "A post that ties alcohol or drugs to a shift — drinking before on-call, coming in hungover, \
                pre-drinks in the locker room — reads as an admission of practising while impaired. It can \
                trigger a fitness-to-practise investigation and it erodes patients' trust. Drinks off duty, \
                clearly off duty, are your own business.",
    guidance: "AMA Code of Medical Ethics 2.3.2 (online actions can harm your career and undermine public trust); \
               BMA (you are still a doctor on social media); GMC (do not practise while impaired); expert rule: \
               never post anything you might regret",
    bad: crate::examples![
        "Pre-shift drinks with the team then straight onto the ward 🍷",
        "Absolutely hungover on call today, pray for my patients",
        "Couple of beers before my night shift, nobody will notice",
        "Still tipsy from the leaving do and my clinic starts at 9",
        "Got so drunk after shift, back on at 7 lol",
        "Four beers deep and drafting an email to my manager about the rota. Hitting send at midnight",
        "Two glasses of wine on my lunch break, don't tell matron",
        "Worst night on the unit ever, so it's vodka and more vodka 🍸🍸🍸",
        "Three glasses of red in and still can't switch off from that shift 🍷",
    ],
    good: crate::examples![
        "Celebrated 20 years on the ward with cake and one glass of prosecco. Not on call!",
        "Two bottles of water and a banana got me through that night shift",
        "Another drunk patient took a swing at our triage nurse tonight; violence is not part of the job",
        "Alcohol awareness week: cutting down before surgery reduces complications",
        "Made a 'drug cocktail' of ginger, lemon and honey for my sore throat",
        "I've drunk four coffees and it's only the second hour of my shift",
        "Buzzed into the ward at 7 and straight into handover",
        "After a rough shift: a glass of wine, a bath and bed",
        "Handed in my resignation letter today after a lot of thought; proud of my ten years here",
        "Leaving do for our matron tonight 🍻🍻🍻 best shift leader we ever had",
        "Handed in my resignation letter today: new job in September, champagne tonight 🥂",
    ],
    lexicons: &[&INTOXICANTS, &DRINKS, &ON_DUTY, &BEFORE_DUTY, &IMPULSIVE_ACTS, &BAD_DAY, &super::CELEBRATION],
};

/// Words that make someone else the drinker ("the guy rolled in drunk", "a drunk patient").
const OTHERS: &[&str] = &[
    "he",
    "she",
    "they",
    "his",
    "her",
    "their",
    "guy",
    "dude",
    "man",
    "woman",
    "lady",
    "gentleman",
    "someone",
    "somebody",
    "patient",
    "patients",
    "pt",
    "pts",
    "relative",
    "relatives",
    "family",
    "son",
    "daughter",
    "husband",
    "wife",
    "mum",
    "mom",
    "dad",
    "kid",
    "kids",
    "teen",
    "teens",
    "people",
    "driver",
    "drivers",
    "student",
    "students",
    "sir",
    "bloke",
    "chap",
    "visitor",
    "visitors",
    "who",
    "whose",
    "him",
    "them",
    "friend",
    "everyone",
];

/// First-person words: the poster is the one drinking.
const SELF: &[&str] = &["i", "i'm", "im", "i've", "i'd", "me", "my", "we", "we're", "our", "us", "myself"];

/// How close (in bytes) a mention of work must be to the drink.
const NEAR: u32 = 150;

/// Auxiliaries that make "drunk" a participle ("I've drunk three coffees").
const AUXILIARIES: &[&str] = &["i've", "ive", "have", "has", "had", "we've", "weve", "you've", "they've", "having"];

/// Whether the hit is "drunk" used as a participle.
fn participle(norm: &str, hit: &Hit) -> bool {
    if &norm[hit.range()] != "drunk" {
        return false;
    }
    let start = text::clause_start(norm, hit.start as usize);
    let before: Vec<_> = text::words(&norm[start..hit.start as usize]).collect();
    before.iter().rev().take(2).any(|w| AUXILIARIES.contains(&&norm[start + w.start..start + w.end]))
}

/// Work named in other words than the duty list: the place, the night rota.
const WORK_PLACES: &[&str] = &["hospital", "shifts", "nights", "nachtschicht", "nachtdienst", "guardia", "plantao"];

/// Quantities that make drinking heavy: a count above one, "the second bottle", "half a bottle".
const HEAVY: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "2", "3", "4", "5", "6", "second", "third", "fourth", "many",
    "half", "whole", "entire", "halbe", "ganze", "zwei", "drei", "media", "dos", "tres", "demi", "deux", "trois",
    "meia", "duas",
];

/// Containers a quantity counts ("three glasses", "halbe Flasche").
const CONTAINERS: &[&str] =
    &["bottle", "bottles", "glass", "glasses", "pints", "flasche", "flaschen", "botella", "bouteille", "garrafa"];

/// Whether a heavy quantity of drink sits just before the drink, or before a container within
/// a few words of it ("second bottle of red 🍷", "too many wines").
fn heavy_amount(doc: &Document<'_>, h: &Hit) -> bool {
    let norm = doc.norm();
    let from = h.start.saturating_sub(60) as usize;
    let mut from = from.min(norm.len());
    while !norm.is_char_boundary(from) {
        from += 1;
    }
    let words: Vec<&str> = doc.words_in(from..h.end as usize).collect();
    let counted = |i: usize| {
        i > 0 && HEAVY.contains(&words[i - 1]) && !matches!(words[i - 1], "many") || {
            i > 1 && words[i - 1] == "many" && words[i - 2] == "too"
        }
    };
    words.iter().enumerate().any(|(i, w)| (CONTAINERS.contains(w) || i + 1 == words.len()) && counted(i))
}

/// Intoxication and drinks tied to work.
pub(crate) struct Intoxication;

impl Intoxication {
    pub(crate) fn new() -> Intoxication {
        Intoxication
    }
}

/// The normalized text of the sentence around `at` (from the last `.`, `!`, `?` or newline
/// before it to the next one).
fn sentence(norm: &str, at: usize) -> std::ops::Range<usize> {
    let mut at = at.min(norm.len());
    while !norm.is_char_boundary(at) {
        at -= 1;
    }
    let start = norm[..at].rfind(['.', '!', '?', '\n']).map_or(0, |p| p + 1);
    let end = norm[at..].find(['.', '!', '?', '\n']).map_or(norm.len(), |p| at + p);
    start..end
}

/// Whether someone other than the poster is the subject of the clause at `hit`, or the
/// word is used of someone else ("drunk patients").
fn about_someone_else(norm: &str, hit: &Hit) -> bool {
    let start = text::clause_start(norm, hit.start as usize);
    let before: Vec<_> = text::words(&norm[start..hit.start as usize]).collect();
    if before.iter().any(|w| OTHERS.contains(&&norm[start + w.start..start + w.end])) {
        return true;
    }
    let after = hit.end as usize;
    text::words(&norm[after..]).next().is_some_and(|w| OTHERS.contains(&&norm[after + w.start..after + w.end]))
}

fn has_self(norm: &str, range: std::ops::Range<usize>) -> bool {
    text::words(&norm[range.clone()]).any(|w| SELF.contains(&&norm[range.start + w.start..range.start + w.end]))
}

impl Rule for Intoxication {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        let norm = doc.norm();
        // Work must be mentioned close by, not three paragraphs later.
        let near = |lex: &Lexicon, h: &Hit| {
            doc.asserted_hits(lex).any(|o| o.start.abs_diff(h.start) <= NEAR && o.range() != h.range())
        };
        let own = |h: &&Hit| !about_someone_else(norm, h) && !participle(norm, h);
        // Drinking and acting on work at once ("half a bottle down, typing my resignation"):
        // the impulsive post in its purest form, off duty or not.
        // A toast to a new job ("handed in my resignation, champagne tonight 🥂") is joy.
        let joyful = doc.has(&super::CELEBRATION) && !doc.has(&BAD_DAY);
        if doc.has(&IMPULSIVE_ACTS) && !joyful {
            if let Some(h) = doc
                .asserted_hits(&INTOXICANTS)
                .chain(doc.asserted_hits(&DRINKS))
                .filter(own)
                .find(|h| near(&IMPULSIVE_ACTS, h))
            {
                sink.push(doc.original(h.range()));
                return;
            }
        }
        // Drinking a lot to get over work ("third glass of red after that shift", "half a bottle
        // after nights"): the amount says it is coping, not a quiet drink, and the post ties it to work.
        if !joyful {
            let work = |h: &Hit| near(&ON_DUTY, h) || WORK_PLACES.iter().any(|w| norm.contains(w));
            if let Some(h) = doc.asserted_hits(&DRINKS).filter(own).find(|h| heavy_amount(doc, h) && work(h)) {
                sink.push(doc.original(h.range()));
                return;
            }
        }
        if doc.asserted_hits(&ON_DUTY).next().is_none() {
            return;
        }
        // Drunk, high or hungover near a mention of work: unless someone else is, or
        // "drunk" is a participle ("I've drunk four coffees").
        if let Some(h) = doc
            .asserted_hits(&INTOXICANTS)
            .find(|h| !about_someone_else(norm, h) && !participle(norm, h) && near(&ON_DUTY, h))
        {
            sink.push(doc.original(h.range()));
            return;
        }
        // A drink is only a problem before or during duty, only the poster's own, and only
        // when it is alcohol.
        let alcohol_free = ["alcohol-free", "alcohol free", "mocktail", "non-alcoholic", "sober", "dry january"]
            .iter()
            .any(|w| norm.contains(w));
        if alcohol_free {
            return;
        }
        // Drinking hard because work was bad ("post-shift tequila bc today was a disaster
        // 🥃🥃🥃"): heavy means several drinks or being drunk, not one glass after a rough day.
        if doc.has(&BAD_DAY) {
            let drinks: Vec<&Hit> = doc.asserted_hits(&DRINKS).filter(own).collect();
            let heavy = drinks.len() >= 3 || doc.asserted_hits(&INTOXICANTS).any(|h| own(&h));
            if let Some(h) = drinks.iter().find(|h| heavy && near(&ON_DUTY, h) && near(&BAD_DAY, h)) {
                sink.push(doc.original(h.range()));
                return;
            }
        }
        if doc.asserted_hits(&BEFORE_DUTY).next().is_none() {
            return;
        }
        if let Some(h) = doc.asserted_hits(&DRINKS).find(|h| {
            let s = sentence(norm, h.start as usize);
            near(&ON_DUTY, h)
                && near(&BEFORE_DUTY, h)
                && !about_someone_else(norm, h)
                && (has_self(norm, s.clone()) || text::clause_start(norm, h.start as usize) == s.start)
        }) {
            sink.push(doc.original(h.range()));
        }
    }
}
