//! `discrimination/slur`: a slur or dehumanising word for a group, ableist slurs included.

use super::{ADVOCACY, BIAS_DISCLAIMER};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::rule::{Rule, RuleMeta, Sink};
use crate::rules::patient_disparagement::REPORTED;
use crate::rules::patient_disparagement::{advocacy, asserted};

/// Slurs (racial, homophobic, transphobic, ableist, class) and mock pseudo-diagnoses.
static SLURS: Lexicon = Lexicon { name: "discrimination/slurs", source: crate::word_list!("discrimination/slurs.txt") };

static META: RuleMeta = RuleMeta {
    id: "discrimination/slur",
    category: Category::Discrimination,
    severity: Severity::Critical,
    message: "This is a slur; it demeans a whole group of people, patients and colleagues among them.",
    rationale: "Slurs for race, ethnicity, sexuality, gender identity or disability (including casual ones such \
                as \"retarded\" or \"spaz\", and mock diagnoses such as \"Mediterranean syndrome\") tell every \
                member of that group how they would be treated by you. No context on social media makes them \
                professional. Quoting a slur to condemn it is left alone.",
    guidance: "AMA Code of Medical Ethics 2.3.2 (online content can undermine public trust); GMC Good medical \
               practice §56 (do not unfairly discriminate) and Doctors' use of social media; WMA statement on \
               the professional use of social media",
    bad: crate::examples![
        "Bay 4 again, classic Morbus Mediterraneus, give him paracetamol and move on",
        "That rota is so retarded I can't even",
        "Classic Mediterranean syndrome in bay 2, everything hurts at 11/10",
        "Rural hillbillies clog up our clinic every Friday",
    ],
    good: crate::examples![
        "Someone called my brother a \"retard\" at school; that word still hurts our family",
        "Stop using the term Mediterranean syndrome: it is racism dressed up as a diagnosis",
        "Retardation of growth was noted in the 1970s literature; we now say growth restriction",
        "The 93-year-old in bay 4 ate all my graham crackers and asked for more",
        "Calling a colleague 'retarded' is not banter; please retire the word",
        "Les retards de diagnostic touchent surtout les femmes : il faut en parler",
        "Night shift tip: eat your vegetables before midnight, not a vending-machine dinner",
        "Hoy vino un chavo de doce años con el brazo roto jugando fútbol",
    ],
    lexicons: &[&REPORTED, &SLURS, &ADVOCACY, &BIAS_DISCLAIMER],
};

/// A slur, asserted (not quoted to condemn it), outside advocacy.
pub(crate) struct Slur;

impl Rule for Slur {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        if !doc.has(&SLURS) || advocacy(doc) {
            return;
        }
        for h in doc.hits(&SLURS) {
            if asserted(doc, h) && !ordinary_sense(doc, h) {
                sink.push(doc.original(h.range()));
            }
        }
    }
}

/// Words beside a slur that show its ordinary sense in another language or in the kitchen: French
/// "retard" is a delay ("des retards de diagnostic", "en retard"), and vegetables are eaten.
/// Each entry: the slur, the words before it, the words after it that make it ordinary.
const ORDINARY: &[(&str, &[&str], &[&str])] = &[
    (
        "retard",
        &["un", "le", "du", "de", "en", "au", "sans", "son", "mon", "ton", "leur", "votre", "notre", "gros"],
        &["de", "d", "du", "des", "dans", "a", "sur"],
    ),
    (
        "retards",
        &["des", "les", "de", "aux", "ses", "mes", "leurs", "nos", "vos", "sans", "ces"],
        &["de", "d", "du", "des", "dans", "a", "sur"],
    ),
    (
        "vegetables",
        &["eat", "eating", "eats", "ate", "fresh", "green", "more", "some", "your", "my", "and", "raw", "cooked"],
        &["and", "or", "with", "every", "daily", "on"],
    ),
];

/// Whether the slur hit is an ordinary word here (see [`ORDINARY`]).
fn ordinary_sense(doc: &Document<'_>, h: &crate::lexicon::Hit) -> bool {
    let norm = doc.norm();
    let word = &norm[h.range()];
    let Some((_, before, after)) = ORDINARY.iter().find(|(w, _, _)| *w == word) else {
        return false;
    };
    let prev = norm[..h.start as usize].split(|c: char| !c.is_alphanumeric()).rfind(|w| !w.is_empty());
    let next = norm[h.end as usize..].split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty());
    prev.is_some_and(|w| before.contains(&w)) || next.is_some_and(|w| after.contains(&w))
}
