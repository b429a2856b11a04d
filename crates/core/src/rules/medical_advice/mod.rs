//! Medical advice: an individual diagnosis or treatment given to one person online.
//!
//! The line the guidance draws is between education (general, evidence-based, "see your own
//! clinician") and advice to a person about their own case, given without examination or a
//! clinical relationship. So the rules look for the parts of a consultation in a post: who
//! is addressed (a reply, "your son's fever", "the rash in your pic"), a diagnosis ("that's
//! classic plantar fasciitis"), a treatment order ("take 50 mg…", "stop your levothyroxine")
//! and a "no need to see anyone".

use crate::document::Document;
use crate::lexicon::{Hit, Lexicon};
use crate::pattern::{Anchors, Pattern};
use crate::rule::Rule;
use crate::text;
use std::ops::Range;

mod dosing_directive;
mod individual_advice;
mod remote_assessment;

/// Signs the post answers one person.
pub(crate) static ADDRESSEE: Lexicon =
    Lexicon { name: "medical-advice/addressee", source: crate::word_list!("medical_advice/addressee.txt") };

/// Weaker signs of a reply (to a post, a thread, a picture).
pub(crate) static REPLY_CUES: Lexicon =
    Lexicon { name: "medical-advice/reply-cues", source: crate::word_list!("medical_advice/reply_cues.txt") };

/// "You need…", an order only when said to one person.
pub(crate) static NEEDS: Lexicon =
    Lexicon { name: "medical-advice/needs", source: crate::word_list!("medical_advice/needs.txt") };

/// Frequencies written in words.
pub(crate) static DOSE_WORDS: Lexicon =
    Lexicon { name: "medical-advice/dose-words", source: crate::word_list!("medical_advice/dose_words.txt") };

/// Telling someone what they have.
pub(crate) static DIAGNOSIS: Lexicon =
    Lexicon { name: "medical-advice/diagnosis", source: crate::word_list!("medical_advice/diagnosis.txt") };

/// Confident diagnosis wording.
pub(crate) static DIAGNOSIS_STRONG: Lexicon = Lexicon {
    name: "medical-advice/diagnosis-strong",
    source: crate::word_list!("medical_advice/diagnosis_strong.txt"),
};

/// "No need to see anyone."
pub(crate) static DISCOURAGE_CARE: Lexicon =
    Lexicon { name: "medical-advice/discourage-care", source: crate::word_list!("medical_advice/discourage_care.txt") };

/// Treatment imperatives.
pub(crate) static DIRECTIVE_VERBS: Lexicon =
    Lexicon { name: "medical-advice/directive-verbs", source: crate::word_list!("medical_advice/directive_verbs.txt") };

/// Drugs, supplements, treatments.
pub(crate) static MEDICINES: Lexicon =
    Lexicon { name: "medical-advice/medicines", source: crate::word_list!("medical_advice/medicines.txt") };

/// Conditions and symptoms.
pub(crate) static CONDITIONS: Lexicon =
    Lexicon { name: "medical-advice/conditions", source: crate::word_list!("medical_advice/conditions.txt") };

/// Education and referral statements.
pub(crate) static DISCLAIMER: Lexicon =
    Lexicon { name: "medical-advice/disclaimer", source: crate::word_list!("medical_advice/disclaimer.txt") };

/// Tests, referrals and devices (the medical-word gate only).
pub(crate) static INVESTIGATIONS: Lexicon =
    Lexicon { name: "medical-advice/investigations", source: crate::word_list!("medical_advice/investigations.txt") };

/// Regular prescribed medicines: stopping or re-dosing one is a medication change.
pub(crate) static PRESCRIBED: Lexicon =
    Lexicon { name: "medical-advice/prescribed", source: crate::word_list!("medical_advice/prescribed.txt") };

/// Offers to assess people remotely.
pub(crate) static SOLICIT: Lexicon =
    Lexicon { name: "medical-advice/solicit", source: crate::word_list!("medical_advice/solicit.txt") };

/// What people send for a remote opinion.
pub(crate) static CLINICAL_OBJECTS: Lexicon = Lexicon {
    name: "medical-advice/clinical-objects",
    source: crate::word_list!("medical_advice/clinical_objects.txt"),
};

/// Changing one person's own medicine.
pub(crate) static PERSONAL_CHANGE: Lexicon =
    Lexicon { name: "medical-advice/personal-change", source: crate::word_list!("medical_advice/personal_change.txt") };

/// The disclaimer the fixes insert.
pub(crate) const DISCLAIMER_TEXT: &str =
    "This is general information, not medical advice — please talk to your own clinician.";

/// Patterns compiled once per rule.
pub(crate) struct Patterns {
    /// A dose, a frequency or a course ("50 mg", "three times a day", "cada 8 horas").
    dose: Pattern,
    /// A reply to an @handle (not an e-mail address).
    handle: Pattern,
    /// "told him to …", "advised her to …".
    told: Pattern,
}

/// Doses, frequencies and courses, in the supported languages (on normalized text).
const DOSE_FORMS: &[&str] = &[
    r"\b\d+(?:[.,]\d+)?\s?(?:mg|mcg|ug|g|ml|iu|units?)\b",
    r"\b\d+(?:[.,]\d+)?\s?(?:tabs?|tablets?|pills?|puffs?|drops?|gouttes?|gotas?|tropfen|scoops?|capsules?|caps|comprimidos?)\b",
    r"\b\d+(?:[.,]\d+)?\s?%",
    r"\b(?:once|twice|three times|four times|\d+ times|\d+x) (?:a|per) day\b",
    r"\bevery \d+ (?:hours|hrs|h)\b",
    r"\b\d+ (?:scoops|tablets|pills) a day\b",
    r"\b\d+ three times\b",
    r"\b\d+x\d+\b",
    r"\b(?:bid|tid|qid|qds|tds)\b",
    r"\bcada \d+ ?(?:horas|h)\b",
    r"\b(?:una|dos|tres|\d) veces al dia\b",
    r"\bde \d+ em \d+ ?(?:horas|h)\b",
    r"\b(?:uma|duas|tres|\d) vezes ao dia\b",
    r"\btoutes les \d+ ?h",
    r"\b(?:une|deux|trois|1|2|3) fois par jour\b",
    r"\balle \d+ stunden\b",
    r"\b(?:ein|zwei|drei|\d)mal (?:taglich|am tag)\b",
];

/// `forms` as one ASCII alternation with their shared leading `\b` checked once per position
/// rather than once per form (the regex engine pays for every alternative it tries).
fn word_start_alternation(forms: &[&str]) -> String {
    let (bounded, rest): (Vec<&str>, Vec<&str>) = forms.iter().partition(|f| f.starts_with(r"\b"));
    let bounded: Vec<&str> = bounded.iter().map(|f| &f[2..]).collect();
    let mut alternatives = vec![format!(r"\b(?:{})", bounded.join("|"))];
    alternatives.extend(rest.iter().map(|f| f.to_string()));
    format!("(?-u:{})", alternatives.join("|"))
}

/// What every dose form without a digit contains: its frequency word.
const DOSE_FREQUENCIES: &[&str] = &[
    "once",
    "twice",
    "three times",
    "four times",
    "bid",
    "tid",
    "qid",
    "qds",
    "tds",
    "veces",
    "vezes",
    "fois",
    "mal ",
];

/// What every reported-advice phrase starts with (stems of [`TOLD_VERBS`]).
const TOLD_CUES: &[&str] =
    &["told", "tell", "advis", "asked", "messaged", "texted", "dm", "replied", "wrote", "emailed"];

/// Ways of reporting advice given to someone ("told her to…", "messaged him to…").
const TOLD_VERBS: &str = "told|tell|telling|advised|advise|asked|messaged|texted|dmed|dm'd|replied to|wrote to|emailed";

/// Who the reported advice went to.
const TOLD_WHOM: &str = "him|her|them|the patient|my patient|the pt|the mum|the mom|the dad|the parents";

impl Patterns {
    pub(crate) fn new() -> Patterns {
        Patterns {
            // ASCII classes and word boundaries keep the regex on its fast engine; doses are ASCII.
            dose: Pattern::new(&word_start_alternation(DOSE_FORMS), Anchors::DigitOr(DOSE_FREQUENCIES), (16, 24)),
            handle: Pattern::new(r"(?:^|[\t\n\x0B\x0C\r (])@[A-Za-z0-9_][A-Za-z0-9_.]*", Anchors::Byte(b'@'), (2, 64)),
            told: Pattern::new(
                &format!(r"(?-u:\b(?:{TOLD_VERBS}) (?:{TOLD_WHOM})\b (?:to|that|he|she|they)\b)"),
                Anchors::Words(TOLD_CUES),
                (0, 40),
            ),
        }
    }
}

impl Patterns {
    /// Whether the normalized range of `doc` holds a dose: a frequency word from the shared
    /// scan, or a number the dose regex accepts (the regex only runs when there is a digit).
    pub(crate) fn dose_in(&self, doc: &Document<'_>, range: Range<usize>) -> bool {
        if has_in(doc, &DOSE_WORDS, range.clone()) {
            return true;
        }
        let s = doc.norm().get(range).unwrap_or("");
        s.bytes().any(|b| b.is_ascii_digit()) && self.dose.is_match(s)
    }
}

/// Words that make a clause conditional and general ("if your child…", "when you…").
const CONDITIONAL: &[&str] =
    &["if", "when", "whenever", "unless", "should", "si", "cuando", "quand", "wenn", "falls", "se", "caso", "quando"];

/// Words that may stand before an imperative in its clause ("just take", "then stop").
const LEAD_INS: &[&str] = &[
    "just",
    "then",
    "and",
    "so",
    "please",
    "simply",
    "maybe",
    "also",
    "definitely",
    "def",
    "honestly",
    "seriously",
    "hun",
    "hon",
    "babe",
    "sis",
    "bro",
    "girl",
    "safely",
    "immediately",
    "now",
    "tonight",
    "today",
    "first",
    "really",
    "probably",
    "prob",
    "y",
    "e",
    "et",
    "und",
    "only",
    "right",
    "away",
    "ok",
    "okay",
];

/// Verbs that open an order ("ice it and take…", "rest, then start…").
const IMPERATIVE_STARTS: &[&str] = &[
    "ice", "rest", "elevate", "drink", "keep", "stay", "avoid", "stop", "splint", "strap", "wrap", "put", "go", "get",
    "try", "take", "use", "start", "skip", "hold", "give", "apply", "rinse", "grab", "chew", "double", "switch",
];

/// Words after which a verb is an order: "you should take", "I'd start", "she should ice".
const MODALS: &[&str] = &["should", "can", "could", "must", "i'd", "id", "would", "to", "gotta", "better", "need"];

pub(crate) fn word_list(norm: &str, range: Range<usize>) -> Vec<&str> {
    text::words(&norm[range.clone()]).map(|w| &norm[range.start + w.start..range.start + w.end]).collect()
}

/// `at`, moved back to a char boundary of `s`.
fn floor(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The end of the clause that contains normalized offset `at`.
fn clause_end(norm: &str, at: usize) -> usize {
    let mut at = at.min(norm.len());
    while !norm.is_char_boundary(at) {
        at -= 1;
    }
    norm[at..].find(['.', '!', '?', ';', ',', ':', '\n']).map_or(norm.len(), |p| at + p)
}

/// The end of the sentence that contains normalized offset `at`.
pub(crate) fn sentence_end(norm: &str, at: usize) -> usize {
    let mut at = at.min(norm.len());
    while !norm.is_char_boundary(at) {
        at -= 1;
    }
    // A decimal point ("0.5 mg") does not end a sentence.
    let b = norm.as_bytes();
    let mut i = at;
    while i < b.len() {
        let c = b[i];
        let decimal = c == b'.' && i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if (c == b'.' && !decimal) || c == b'!' || c == b'?' || c == b'\n' {
            return i;
        }
        i += 1;
    }
    norm.len()
}

/// Whether the clause before `at` makes it conditional ("if your son has a fever…").
fn conditional(norm: &str, at: usize) -> bool {
    let start = text::clause_start(norm, at);
    word_list(norm, start..at).iter().any(|w| CONDITIONAL.contains(w))
}

/// Whether any hit of `lex` lies in the normalized range.
fn has_in(doc: &Document<'_>, lex: &Lexicon, range: Range<usize>) -> bool {
    doc.hits(lex).iter().any(|h| h.start as usize >= range.start && (h.start as usize) < range.end)
}

/// Who a post is addressed to, as original ranges.
pub(crate) struct Addressee {
    /// A person about their own health: "your son's…", "hun", "what you're describing".
    pub(crate) personal: Option<Range<usize>>,
    /// A reply to a post, a thread or a picture, or to an @handle.
    pub(crate) reply: Option<Range<usize>>,
}

impl Addressee {
    /// The first sign of either kind.
    pub(crate) fn any(&self) -> Option<Range<usize>> {
        match (&self.personal, &self.reply) {
            (Some(a), Some(b)) => Some(if a.start <= b.start { a.clone() } else { b.clone() }),
            (a, b) => a.clone().or(b.clone()),
        }
    }
}

/// Words that open a general, conditional sentence ("If you are on warfarin, … your INR").
const SENTENCE_IF: &[&str] = &["if", "when", "whenever", "unless", "si", "cuando", "quand", "wenn", "falls", "caso"];

/// Whether the sentence containing `at` opens with a condition ("If you take warfarin, skip
/// the cranberry juice: it can raise your INR"): every "your" in it speaks to anyone.
fn sentence_conditional(norm: &str, at: usize) -> bool {
    let at = floor(norm, at);
    let start = norm[..at].rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
    word_list(norm, start..at).first().is_some_and(|w| SENTENCE_IF.contains(w))
}

/// The first asserted, unconditional hit of `lex`, as an original range.
fn first_addressing(doc: &Document<'_>, lex: &Lexicon) -> Option<Range<usize>> {
    let norm = doc.norm();
    doc.hits(lex)
        .iter()
        .find(|h| {
            let at = h.start as usize;
            !doc.is_quoted(at) && !conditional(norm, at) && !sentence_conditional(norm, at)
        })
        .map(|h| doc.original(h.range()))
}

/// The signs that the post answers one person.
pub(crate) fn addressee(doc: &Document<'_>, p: &Patterns) -> Addressee {
    let quoted = quoted_question(doc.text());
    let personal = first_addressing(doc, &ADDRESSEE).or_else(|| quoted.clone().filter(|q| q.1).map(|q| q.0));
    let handle = doc.text().contains('@').then(|| p.handle.find(doc.text())).flatten().map(|m| {
        let s = m.as_str();
        let lead = s.len() - s.trim_start_matches([' ', '\t', '\n', '\r', '(']).len();
        m.start() + lead..m.end()
    });
    let handle = handle
        .or_else(|| vocative_op(doc.text()))
        .or_else(|| vocative_name(doc.text()))
        .or_else(|| quoted.map(|q| q.0));
    let reply = match (first_addressing(doc, &REPLY_CUES), handle) {
        (Some(a), Some(b)) => Some(if a.start <= b.start { a } else { b }),
        (a, b) => a.or(b),
    };
    Addressee { personal, reply }
}

/// First-person words of someone asking about their own health ("my son", "I've been").
const ASKER: &[&str] = &[
    "my", "i", "i'm", "im", "i've", "ive", "me", "mi", "mis", "mon", "ma", "mes", "je", "j'ai", "meu", "minha", "eu",
    "mein", "meine", "ich",
];

/// A post that opens by quoting someone's question ("> My son is 3 and…") and then answers
/// it: a reply to that one person, about their own health when the quote speaks in the first
/// person. The quoted line's range, and whether it does.
fn quoted_question(text: &str) -> Option<(Range<usize>, bool)> {
    let mut at = 0;
    for line in text.split_inclusive('\n').take(3) {
        let body = line.trim();
        if let Some(q) = body.strip_prefix('>') {
            let first_person = q.split(|c: char| !c.is_alphanumeric() && c != '\'').any(|w| {
                let w = w.to_lowercase();
                ASKER.contains(&w.as_str())
            });
            let answered = text[at + line.len()..].trim_start().chars().next().is_some_and(|c| c != '>');
            return answered.then(|| (at..at + line.trim_end().len(), first_person));
        }
        at += line.len();
    }
    None
}

/// "OP, …" or "OP:" (the original poster of a thread, addressed): capitals only, so a
/// post-op note or an op list is not a reply.
fn vocative_op(text: &str) -> Option<Range<usize>> {
    text.match_indices("OP")
        .map(|(i, _)| i)
        .find(|&i| {
            let b = text.as_bytes();
            let before = i == 0 || matches!(b[i - 1], b' ' | b'\n' | b'@' | b'(');
            let after = b.get(i + 2).is_some_and(|c| matches!(c, b',' | b':'));
            before && after
        })
        .map(|i| i..i + 2)
}

/// Capitalized openers followed by a comma that address a crowd or open a sentence, not a
/// person ("Folks,", "Honestly,", "Reminder,").
const NOT_NAMES: &[&str] = &[
    "Again",
    "All",
    "Also",
    "Anyway",
    "Colleagues",
    "Everyone",
    "Everybody",
    "Family",
    "Fellow",
    "Finally",
    "First",
    "Folks",
    "Friends",
    "Guys",
    "Hello",
    "Hey",
    "Hi",
    "Honestly",
    "However",
    "Ladies",
    "Listen",
    "Look",
    "Nurses",
    "Now",
    "Ok",
    "Okay",
    "Parents",
    "Please",
    "Psa",
    "Reminder",
    "Second",
    "Seriously",
    "So",
    "Students",
    "Team",
    "Then",
    "Third",
    "Today",
    "Tonight",
    "Update",
    "Well",
    "Yes",
    "No",
    "Yesterday",
    "Y'all",
    "Yall",
    "Mums",
    "Moms",
    "Doctors",
    "Physicians",
    "Pharmacists",
    "Patients",
    "Residents",
    "Interns",
    "Alright",
    "Sorry",
    "Thanks",
];

/// A first name spoken to at the start of the post ("Jen, that's shingles", "Hey Tom, …"):
/// a reply to one person, like an @handle.
fn vocative_name(text: &str) -> Option<Range<usize>> {
    let t = text.trim_start();
    let lead = text.len() - t.len();
    let (skip, rest) = ["Hey ", "Hi ", "Hiya ", "Dear "]
        .iter()
        .find_map(|g| t.strip_prefix(g).map(|r| (g.len(), r)))
        .unwrap_or((0, t));
    let end = rest.find(',')?;
    let word = &rest[..end];
    let mut chars = word.chars();
    let first_upper = chars.next().is_some_and(|c| c.is_uppercase());
    let name_shaped = (2..=15).contains(&word.chars().count()) && chars.all(|c| c.is_lowercase());
    (first_upper && name_shaped && !NOT_NAMES.contains(&word)).then(|| lead + skip..lead + skip + end)
}

/// Whether the post speaks to "you" (in any of the supported languages) outside the original
/// range `besides` (the reply cue itself: "loved *your* thread").
pub(crate) fn second_person(doc: &Document<'_>, besides: &Range<usize>) -> bool {
    let norm = doc.norm();
    doc.words().iter().any(|w| {
        let o = doc.original(w.clone());
        SECOND_PERSON.contains(&&norm[w.clone()]) && (o.end <= besides.start || o.start >= besides.end)
    })
}

/// "You" and "your" in the supported languages.
pub(crate) const SECOND_PERSON: &[&str] = &[
    "you", "your", "you're", "youre", "u", "ur", "you'll", "you'd", "you've", "yourself", "vous", "votre", "tu", "ton",
    "ta", "usted", "voce", "du", "dein", "deine", "deinen", "su", "tus", "seu", "sua", "te",
];

/// Whether the post names a condition, a medicine, a test or a dose.
pub(crate) fn medical_word(doc: &Document<'_>, p: &Patterns) -> bool {
    doc.has(&CONDITIONS) || doc.has(&MEDICINES) || p.dose_in(doc, 0..doc.norm().len()) || steers_from_test(doc)
}

/// "Don't bother with an x-ray", "skip the GP": a test or a service named right after a
/// "no need" is medical on its own ("you'll be fine, the GP team is lovely" is not).
fn steers_from_test(doc: &Document<'_>) -> bool {
    let tests = doc.hits(&INVESTIGATIONS);
    !tests.is_empty()
        && doc.hits(&DISCOURAGE_CARE).iter().any(|d| tests.iter().any(|t| t.start >= d.start && t.start <= d.end + 25))
}

/// The first asserted diagnosis wording from `lex`, as an original range.
pub(crate) fn diagnosis(doc: &Document<'_>, lex: &Lexicon) -> Option<Range<usize>> {
    // A diagnosis names a condition close by ("that's classic plantar fasciitis", "shingles,
    // 100%"); "for sure, take your meds" names none. "If you have a fever…" is a condition,
    // not a diagnosis.
    let named = |h: &Hit| doc.hits(&CONDITIONS).iter().any(|c| c.start.abs_diff(h.start) <= 60);
    doc.asserted_hits(lex)
        .find(|h| {
            named(h)
                && !conditional(doc.norm(), h.start as usize)
                && !sentence_conditional(doc.norm(), h.start as usize)
        })
        .map(|h| doc.original(h.range()))
}

/// The first asserted "no need to see anyone", as an original range.
pub(crate) fn discourages_care(doc: &Document<'_>) -> Option<Range<usize>> {
    doc.asserted_hits(&DISCOURAGE_CARE).next().map(|h| doc.original(h.range())).or_else(|| needless_treatment(doc))
}

/// Openers that declare a treatment or a test unnecessary ("no need for rabies shots").
const NO_NEED: &[&str] =
    &["no need for ", "no need of ", "don't need any ", "pas besoin d", "no hace falta ", "nao precisa de "];

/// "No need for rabies shots": a need denied, with a medicine or a test named right after it.
fn needless_treatment(doc: &Document<'_>) -> Option<Range<usize>> {
    let norm = doc.norm();
    NO_NEED.iter().find_map(|n| {
        let at = norm.find(n)?;
        let end = at + n.len();
        let named =
            |lex: &Lexicon| doc.hits(lex).iter().any(|h| h.start as usize >= end && (h.start as usize) <= end + 20);
        (named(&MEDICINES) || named(&INVESTIGATIONS)).then(|| doc.original(at..end))
    })
}

/// A treatment order found in the text.
pub(crate) struct Directive {
    /// Normalized range from the verb to the end of what it orders.
    pub(crate) norm: Range<usize>,
    /// Whether it carries a dose, a frequency or a course.
    pub(crate) dosed: bool,
    /// Whether it changes someone's own medicine ("stop your…", "double her…").
    pub(crate) personal: bool,
    /// Whether it stops, skips or re-doses a regular prescribed medicine ("skip the
    /// amlodipine on good days"), which is a change to someone's treatment with or without a dose.
    pub(crate) change: bool,
}

/// Verbs that stop, skip or re-dose a medicine.
const CHANGE_VERBS: &[&str] = &["stop", "skip", "halve", "double", "taper", "hold", "ditch", "drop", "quit", "cut"];

/// Whether the verb hit is an order: first in its clause (after lead-ins) or after a modal
/// with a personal subject ("you should", "she should", "I'd").
fn imperative(norm: &str, h: &Hit) -> bool {
    let mut start = text::clause_start(norm, h.start as usize);
    // A reply opens with the handle it answers ("@mike_b just taper…"): skip it.
    while let Some(rest) = norm[start..h.start as usize].trim_start().strip_prefix('@') {
        let at = h.start as usize - rest.len();
        start = rest.find(char::is_whitespace).map_or(h.start as usize, |p| at + p);
    }
    let mut before = word_list(norm, start..h.start as usize);
    // A second order in a chain: "ice it and take naproxen", "rest, then start…".
    if before.len() >= 2
        && ["and", "then", "&"].contains(&before[before.len() - 1])
        && IMPERATIVE_STARTS.contains(&before[0])
    {
        return true;
    }
    while before.last().is_some_and(|w| LEAD_INS.contains(w)) {
        before.pop();
    }
    // Orders are for the reader or the person discussed, not "we" (a team's own plan).
    let addressed = |w: &&str| ["you", "u", "she", "he", "they"].contains(w);
    match before.as_slice() {
        [] => true,
        [.., m] if ["i'd", "id"].contains(m) => true,
        [.., subj, need, m] if MODALS.contains(m) && ["need", "have", "want", "going", "gonna"].contains(need) => {
            addressed(subj)
        }
        [.., subj, m] if MODALS.contains(m) => addressed(subj),
        _ => false,
    }
}

/// Treatment orders: an imperative verb followed in its clause by a medicine or a dose, and
/// personal medicine changes ("stop your levothyroxine").
pub(crate) fn directives(doc: &Document<'_>, p: &Patterns) -> Vec<Directive> {
    let norm = doc.norm();
    let mut out = Vec::new();
    let object = |from: usize, to: usize| has_in(doc, &MEDICINES, from..to) || p.dose_in(doc, from..to);
    for h in doc.hits(&DIRECTIVE_VERBS) {
        // The object test is the cheap one; the clause analysis only runs when it passes.
        let end = sentence_end(norm, h.end as usize).max(clause_end(norm, h.end as usize));
        let clause = clause_end(norm, h.end as usize);
        if !object(h.end as usize, clause) && !object(h.end as usize, floor(norm, end.min(clause + 40))) {
            continue;
        }
        if doc.is_negated(h.start as usize) || doc.is_quoted(h.start as usize) || !imperative(norm, h) {
            continue;
        }
        let dosed = p.dose_in(doc, h.start as usize..end);
        let change = CHANGE_VERBS.contains(&&norm[h.range()]) && has_in(doc, &PRESCRIBED, h.end as usize..clause);
        out.push(Directive { norm: h.start as usize..clause, dosed, personal: false, change });
    }
    for h in doc.asserted_hits(&PERSONAL_CHANGE) {
        let clause = clause_end(norm, h.end as usize);
        let within = floor(norm, clause.min(h.end as usize + 40));
        if !object(h.end as usize, within) {
            continue;
        }
        let end = sentence_end(norm, h.end as usize);
        let dosed = p.dose_in(doc, h.start as usize..end);
        out.push(Directive { norm: h.start as usize..clause, dosed, personal: true, change: true });
    }
    out.sort_unstable_by_key(|d| d.norm.start);
    out
}

/// "You need antibiotics", "she needs a steroid cream": a need stated with a medicine
/// right after it, as an original range.
pub(crate) fn stated_need(doc: &Document<'_>, p: &Patterns) -> Option<Range<usize>> {
    let norm = doc.norm();
    doc.asserted_hits(&NEEDS)
        .find(|h| {
            let end = floor(norm, clause_end(norm, h.end as usize).min(h.end as usize + 40));
            has_in(doc, &MEDICINES, h.end as usize..end) || p.dose_in(doc, h.end as usize..end)
        })
        .map(|h| doc.original(h.start as usize..clause_end(norm, h.end as usize)))
}

/// "I told him to chew an aspirin": advice given to a patient, reported, with a medicine.
pub(crate) fn told_to_take(doc: &Document<'_>, p: &Patterns) -> Option<Range<usize>> {
    let norm = doc.norm();
    let m = p.told.find(norm)?;
    let end = sentence_end(norm, m.end());
    let medicine = has_in(doc, &MEDICINES, m.end()..end) || p.dose_in(doc, m.end()..end);
    (medicine && !doc.is_negated(m.start())).then(|| doc.original(m.start()..end))
}

/// Whether the post says it is general education or refers to the reader's own clinician.
pub(crate) fn disclaimed(doc: &Document<'_>) -> bool {
    doc.has(&DISCLAIMER)
}

/// The category's rules.
pub(crate) fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(individual_advice::IndividualAdvice::new()),
        Box::new(remote_assessment::RemoteAssessment::new()),
        Box::new(dosing_directive::DosingDirective::new()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocatives_are_names_and_op_only() {
        let name = |t: &str| vocative_name(t).map(|r| t[r].to_owned());
        assert_eq!(name("Jen, that's shingles").as_deref(), Some("Jen"));
        assert_eq!(name("Hey Marco, sounds like a sprain").as_deref(), Some("Marco"));
        assert_eq!(name("Folks, take your meds"), None);
        assert_eq!(name("Dr Lee, great talk"), None);
        assert_eq!(name("É, ça va"), None);
        assert!(vocative_op("OP, that's a lipoma").is_some());
        assert!(vocative_op("@OP: try ice").is_some());
        assert!(vocative_op("Post-OP, day 2").is_none());
        assert!(vocative_op("OP list done").is_none());
    }

    #[test]
    fn handles_and_odd_text_never_panic() {
        let checker = crate::Checker::new();
        let ctx = crate::Context::default();
        for t in ["@", "@ ", "@é stop the statin", "OP", "OP,", "Ü, take 5 mg", "hope ends up", "@a @b @c take 5 mg"]
        {
            let _ = checker.check(t, &ctx);
        }
    }
}
