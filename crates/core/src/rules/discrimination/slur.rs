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
            if asserted(doc, h) {
                sink.push(doc.original(h.range()));
            }
        }
    }
}
