//! `unsupported-claims/miracle-cure`: cures, reversals and absolute results the evidence does not support.

use super::{debunks, in_clause, in_question, modal_before, negated, DEBUNK, DISMISSAL, EVIDENCE_BASED};
use crate::category::{Category, Severity};
use crate::document::Document;
use crate::lexicon::{Hit, Lexicon};
use crate::re::Regex;
use crate::rule::{Rule, RuleMeta, Sink};

/// Claims strong enough alone: "cures", "100% effective", "detox your", "nothing else comes close".
static CURE_CLAIM: Lexicon =
    Lexicon { name: "unsupported-claims/cure-claim", source: crate::word_list!("unsupported_claims/cure_claim.txt") };
/// Efficacy verbs that claim a result when a condition follows ("reverses", "melts", "cleared").
static CURE_VERB: Lexicon =
    Lexicon { name: "unsupported-claims/cure-verb", source: crate::word_list!("unsupported_claims/cure_verb.txt") };
/// Efficacy verbs that are often true ("exercise lowers blood pressure"): they weigh one.
static CURE_VERB_WEAK: Lexicon = Lexicon {
    name: "unsupported-claims/cure-verb-weak",
    source: crate::word_list!("unsupported_claims/cure_verb_weak.txt"),
};
/// Diseases and body targets.
pub(crate) static CONDITION: Lexicon =
    Lexicon { name: "unsupported-claims/condition", source: crate::word_list!("unsupported_claims/condition.txt") };
/// Modalities without good evidence for the usual claims.
static PSEUDO: Lexicon =
    Lexicon { name: "unsupported-claims/pseudo", source: crate::word_list!("unsupported_claims/pseudo.txt") };
/// Overreaching outcomes ("zero flu cases", "never been healthier", "in half").
static OUTCOME: Lexicon =
    Lexicon { name: "unsupported-claims/outcome", source: crate::word_list!("unsupported_claims/outcome.txt") };
/// Effect sizes ("in half", "twice as fast"), counted once with any percentage.
static MAGNITUDE: Lexicon =
    Lexicon { name: "unsupported-claims/magnitude", source: crate::word_list!("unsupported_claims/magnitude.txt") };
/// Rhetorical props ("living proof", "full stop", "trust me").
static SUPPORT: Lexicon =
    Lexicon { name: "unsupported-claims/support", source: crate::word_list!("unsupported_claims/support.txt") };
/// Selling language around a claim.
static PROMO: Lexicon =
    Lexicon { name: "unsupported-claims/promo", source: crate::word_list!("unsupported_claims/promo.txt") };
/// Comparisons ("better than", "outperforms"): strong when an evidence-based treatment follows.
static COMPARATIVE: Lexicon =
    Lexicon { name: "unsupported-claims/comparative", source: crate::word_list!("unsupported_claims/comparative.txt") };
/// Honest hedging.
static HEDGE: Lexicon =
    Lexicon { name: "unsupported-claims/hedge", source: crate::word_list!("unsupported_claims/hedge.txt") };

static META: RuleMeta = RuleMeta {
    id: "unsupported-claims/miracle-cure",
    category: Category::UnsupportedClaims,
    severity: Severity::Warning,
    message: "This claims a cure or a result the evidence does not support; say what the evidence shows, \
              with its limits.",
    rationale: "Miracle cures, \"detox\", reversal of chronic disease, 100% results and personal anecdote \
                offered as proof mislead patients, who may delay or drop effective treatment. Clinicians are \
                expected to share factual, evidence-based information and to state its limits.",
    guidance: "WMA 2011 statement on social media (provide factual and concise information); expert rules: \
               keep posts evidence-based; AMA Code of Medical Ethics 2.3.2 (public trust in the profession)",
    bad: crate::examples![
        "Arnica drops guarantee a bruise-free recovery, I give it to all my patients after surgery",
        "Turmeric shots reverse type 2 diabetes, I've seen it in dozens of my patients",
        "Our new app diagnoses skin cancer with 100% accuracy 🚀",
        "Celery juice cleanse every morning, haven't been sick once in three years. Full stop.",
        "Coffee enemas flush out toxins better than any medication",
        "Cannabis oil shrank my patient's tumour and the chemo was never needed.",
        "Raw garlic every morning and you won't need antibiotics ever again.",
        "Ivermectin is still a sound choice for early COVID, regardless of what the studies say.",
        "Acupuncture works just as well as ibuprofen for my back pain patients, every time.",
        "Chiropractic adjustments fixed the migraines of every single patient I've treated.",
        "Ozone therapy knocked out my patient's stage 2 lymphoma in six weeks.",
        "Mon protocole au citron alcalinise le sang, mes patientes ne tombent jamais malades.",
        "One study of 12 patients proves our protocol eliminates migraines. Definitively.",
        "not me curing my pt's psoriasis with beef tallow in 2 weeks 🐄 derms could never",
        "Most chronic disease is driven by hidden mould toxicity. Test for it, treat it, and watch patients recover.",
        "This collagen works for everyone, my joint pain is gone. 20% off with code JOINTDOC!",
    ],
    good: crate::examples![
        "Detox teas are a scam: your liver and kidneys already do that job.",
        "There is no cure for type 1 diabetes yet, but closed-loop pumps are changing daily life.",
        "Our trial suggests exercise may reduce falls by about 20%; limitations in the thread.",
        "Chemo cured my lymphoma in 2019. Grateful every day to my oncology team.",
        "For some people, weight loss can reverse type 2 diabetes; ask your GP about structured programmes.",
        "Ibuprofen works just as well as codeine for many dental pain cases, per the Cochrane review.",
        "The new stroke pathway cut our door-to-needle time to 30 minutes. Proud of the team.",
        "A small study of 12 patients suggests the protocol may reduce migraine days; we need a proper RCT.",
        "Not me thinking beef tallow would fix my own eczema. It didn't; the steroid cream did.",
        "We cut central line infections to zero this year, a 100% reduction. Proud of the ICU team!",
        "Our new sepsis bundle halved mortality on the ward over two years (audit, n=640).",
    ],
    lexicons: &[
        &CURE_CLAIM,
        &CURE_VERB,
        &CURE_VERB_WEAK,
        &CONDITION,
        &PSEUDO,
        &OUTCOME,
        &MAGNITUDE,
        &SUPPORT,
        &PROMO,
        &HEDGE,
        &COMPARATIVE,
        &DEBUNK,
        &DISMISSAL,
        &EVIDENCE_BASED,
    ],
};

/// How far a condition may follow its verb ("cleared my patient's stage 4 pancreatic cancer").
const OBJECT_GAP: u32 = 45;
/// Words that make a claim absolute ("every", "all", "any").
const ABSOLUTES: &[&str] = &["every", "all", "any", "todas", "todos", "toutes", "tous", "alle", "jede"];

/// Words that limit a cure claim to part of the people ("most", "some").
const QUANTIFIERS: &[&str] =
    &["most", "many", "some", "several", "certain", "la", "plupart", "muchos", "algunos", "viele", "einige"];

/// How close an evidence-based treatment must follow a comparison ("better than any antibiotic").
const VERSUS_GAP: u32 = 12;
/// How close before a claim an evidence-based treatment names its subject ("chemo cured my lymphoma").
const SUBJECT_GAP: u32 = 30;

/// Scores claim signals; flags when they add up to a claim and nothing hedges or debunks it.
pub(crate) struct MiracleCure {
    /// Percent results: "90% of neuropathy patients", "97% accuracy".
    percent: Regex,
}

impl MiracleCure {
    pub(crate) fn new() -> MiracleCure {
        MiracleCure {
            percent: crate::re::compile(
                r"(?i)(?-u:\b)[0-9]{1,3}(?:\.[0-9]+)?[ \u{a0}\u{202f}]?% +(?:of +(?:my +|our +|the +)?(?:[a-z0-9_-]+ +){0,2}(?:patients|clients|cases|users|men|women|people|kids|children|adults|babies)|accura[a-z]*|effective[a-z]*|success[a-z]*|cure[a-z]*|reduction|improvement)",
            ),
        }
    }
}

/// A hit that counts: asserted, not dismissed in its own clause, not about an evidence-based treatment.
fn counts(doc: &Document<'_>, hit: &Hit) -> bool {
    !negated(doc, hit.start as usize)
        && !doc.is_quoted(hit.start as usize)
        && !in_question(doc, hit)
        && !in_clause(doc, &DISMISSAL, hit)
        && !proven_subject(doc, hit)
}

/// Whether an evidence-based treatment names the claim's subject ("chemo cured my lymphoma"),
/// unless that word is part of a pseudoscience name ("nature's antibiotic").
fn proven_subject(doc: &Document<'_>, hit: &Hit) -> bool {
    let pseudo = doc.hits(&PSEUDO);
    doc.hits(&EVIDENCE_BASED).iter().any(|t| {
        t.end <= hit.start
            && hit.start - t.end <= SUBJECT_GAP
            && !pseudo.iter().any(|p| p.start <= t.start && t.end <= p.end)
    })
}

impl Rule for MiracleCure {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        if debunks(doc) {
            return;
        }
        let mut score = 0i32;
        let mut claim = false;
        let mut at: Option<Hit> = None;
        let note = |h: &Hit, at: &mut Option<Hit>| {
            if at.is_none() {
                *at = Some(*h);
            }
        };
        for h in doc.hits(&CURE_CLAIM).iter().filter(|h| counts(doc, h)) {
            score += 2;
            claim = true;
            note(h, &mut at);
        }
        let conditions = doc.hits(&CONDITION);
        for v in doc.hits(&CURE_VERB).iter().filter(|h| counts(doc, h) && !modal_before(doc, h)) {
            if let Some(c) = conditions.iter().find(|c| c.start >= v.end && c.start - v.end <= OBJECT_GAP) {
                // "cures most stomach ulcers": a quantified claim is a report, not a promise.
                let between = doc.norm().get(v.end as usize..c.start as usize).unwrap_or("");
                let quantified = crate::text::words(between).any(|w| QUANTIFIERS.contains(&&between[w]));
                score += if quantified { 1 } else { 2 };
                claim = true;
                note(&Hit { end: c.end, ..*v }, &mut at);
                break;
            }
        }
        let weak_verb = doc
            .hits(&CURE_VERB_WEAK)
            .iter()
            .filter(|h| counts(doc, h))
            .find(|v| conditions.iter().any(|c| c.start >= v.end && c.start - v.end <= OBJECT_GAP));
        if let Some(v) = weak_verb {
            // "prevents every childhood illness": an absolute makes even a modest verb a promise.
            let object = doc.norm().get(v.end as usize..).unwrap_or("");
            let absolute = crate::text::words(object).take(3).any(|w| ABSOLUTES.contains(&&object[w]));
            score += if absolute { 2 } else { 1 };
            claim = true;
            note(v, &mut at);
        }
        // "treats depression better than SSRIs", "beats any antibiotic": set against proven care.
        let treatments = doc.hits(&EVIDENCE_BASED);
        let versus = doc
            .hits(&COMPARATIVE)
            .iter()
            .filter(|h| counts(doc, h))
            .find(|h| treatments.iter().any(|t| t.start >= h.end && t.start - h.end <= VERSUS_GAP));
        if let Some(h) = versus {
            score += 2;
            claim = true;
            note(h, &mut at);
        }
        if let Some(h) = doc.hits(&PSEUDO).iter().find(|h| counts(doc, h)) {
            score += 1;
            claim = true;
            note(h, &mut at);
        }
        let outcomes: Vec<&Hit> = doc.hits(&OUTCOME).iter().filter(|h| counts(doc, h)).take(2).collect();
        if let Some(h) = outcomes.first() {
            claim = true;
            note(h, &mut at);
        }
        score += outcomes.len() as i32;
        let text = doc.text();
        let percent = if text.contains('%') { self.percent.find(text) } else { None };
        let magnitude = doc.hits(&MAGNITUDE).iter().find(|h| counts(doc, h));
        if percent.is_some() || magnitude.is_some() {
            score += 1;
            claim = true;
        }
        if let Some(h) = magnitude {
            note(h, &mut at);
        }
        score += i32::from(doc.hits(&SUPPORT).iter().any(|h| counts(doc, h)));
        score += i32::from(doc.has(&PROMO));
        score -= i32::from(doc.has(&HEDGE));
        if !claim || score < 2 {
            return;
        }
        let range = match (at, percent) {
            (Some(h), _) => doc.original(h.range()),
            (None, Some(m)) => m.range(),
            (None, None) => return,
        };
        sink.push(range);
    }
}
