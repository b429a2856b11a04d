//! `profanity/explicit-word`: a swear word spelled out (in any of the supported languages).

use super::{embedded_swears, mask_candidates, mask_fix, name_like_hits, outermost, NAME_LIKE, SWEAR_WORDS};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::rule::{Rule, RuleMeta, Sink};

static META: RuleMeta = RuleMeta {
    id: "profanity/explicit-word",
    category: Category::Profanity,
    severity: Severity::Warning,
    message: "Profanity in a public post reflects on you and your profession.",
    rationale: "Patients, employers and regulators read clinicians' public posts as coming from the profession. \
                Swearing, even in jest or in frustration, undermines the trust the public places in you. Quoting \
                what someone else said does not make the word less visible.",
    guidance: "AMA Code of Medical Ethics 2.3.2 (content posted online can undermine public trust in the \
               profession); WMA 2011 statement (adopt a sober tone on professional matters); BMA (you are still a \
               doctor on social media); THINK (is it kind, is it necessary?)",
    bad: crate::examples![
        "kurwa, the ward printer jammed again",
        "This rota is absolute bullshit and everyone knows it",
        "Third night in a row, what the fuck is going on with staffing",
        "Sorry but the new parking scheme is crap",
        "Quelle journée de merde aux urgences",
        "Schon wieder Doppelschicht, so eine Scheiße",
        "Que porra de plantão, nem deu para almoçar",
        "The new registrar is a total prick to the students",
        "Câlisse, le système informatique a encore planté",
        "Son unos boludos los de admisión",
    ],
    good: crate::examples![
        "Scunthorpe General's new stroke unit opens next month",
        "Our skills assessment in class went well; we celebrated with a mocktail, not a cocktail",
        "Watching Dick Van Dyke films on my night off",
        "Hell week of exams is over, sleeping all weekend",
        "Newborn heel prick screening saves lives; skin prick tests are on Tuesdays",
    ],
    lexicons: &[&SWEAR_WORDS, &NAME_LIKE],
};

/// Words before "prick" that make it a needle, not an insult ("heel prick", "skin prick test").
const PRICK_CLINICAL: &[&str] =
    &["needle", "needlestick", "finger", "pin", "heel", "skin", "sharp", "sharps", "little", "lancet", "bm", "glucose"];

/// Whether the hit is a clinical use of a word that is also an insult.
fn clinical_homonym(norm: &str, h: &crate::lexicon::Hit) -> bool {
    let word = &norm[h.range()];
    if word != "prick" && word != "pricks" {
        return false;
    }
    let before = &norm[..h.start as usize];
    let prev = crate::text::words(before).last().map(|w| &before[w]);
    let next = crate::text::words(&norm[h.end as usize..]).next().map(|w| &norm[h.end as usize..][w]);
    let needles = ["needle", "sharps", "lancet", "injection", "vaccin", "cannula"].iter().any(|w| norm.contains(w));
    needles
        || prev.is_some_and(|p| PRICK_CLINICAL.contains(&p))
        || next.is_some_and(|n| ["test", "tests", "testing"].contains(&n))
}

/// Spelled-out swear words, whole words only.
pub(crate) struct ExplicitWord {
    candidates: Vec<String>,
}

impl ExplicitWord {
    pub(crate) fn new() -> ExplicitWord {
        ExplicitWord { candidates: mask_candidates() }
    }
}

impl Rule for ExplicitWord {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        let norm = doc.norm();
        let mut ranges: Vec<_> =
            doc.hits(&SWEAR_WORDS).iter().filter(|h| !clinical_homonym(norm, h)).map(|h| h.range()).collect();
        ranges.extend(name_like_hits(doc).map(|h| h.range()));
        ranges.extend(embedded_swears(doc, &self.candidates));
        for r in outermost(ranges) {
            let span = doc.original(r);
            let fix = mask_fix(doc.text(), span.clone(), &self.candidates);
            let f = sink.push(span);
            f.fix = fix;
        }
    }
}
