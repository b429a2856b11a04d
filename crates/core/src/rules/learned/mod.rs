//! `<category>/learned-pattern`: a small statistical scorer that adds findings the
//! hand-written rules miss.
//!
//! Word lists do not transfer to posts written by people who never saw them; the *words
//! around* a breach often do ("again", "ugh", "you should", "DM me"). Per category, a linear
//! model over the normalized text's words, neighbouring word pairs and a few register flags
//! ([`features`]) gives a score; when it passes the category's threshold and **no
//! hand-written rule of that category fired**, the rule reports a `warning` that names the
//! words that pushed the score and underlines them.
//!
//! The weights are data (`weights.txt`, read by people: word → weight per category), produced
//! by the committed, deterministic trainer ([`train`], run as `primum train`), which also
//! chooses the thresholds by leave-one-corpus-out cross-validation; a test checks the
//! committed file is what the trainer writes. Scoring is one pass over the words with hash
//! lookups, computed once per draft for all ten categories.

pub mod features;
pub mod model;
pub mod train;

use crate::document::Document;
use crate::rule::{Rule, RuleMeta, Sink};
use model::{Model, Scores};
use std::sync::OnceLock;

/// The committed weights file.
pub const WEIGHTS: &str = include_str!("weights.txt");

/// The built-in model, parsed once. A damaged file switches the scorer off (fail open) rather
/// than stopping the checks; a test guards that it parses.
pub fn builtin() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL.get_or_init(|| Model::parse(WEIGHTS).ok()).as_ref()
}

/// The built-in model's scores for a document, computed on first use and shared by the ten
/// category rules.
fn scores(doc: &Document<'_>, model: &Model) -> Scores {
    *doc.memo(|| model.scores(doc))
}

/// The ids of the learned rules (`<category>/learned-pattern`).
pub fn rule_ids() -> impl Iterator<Item = &'static str> {
    METAS.iter().map(|(m, _)| m.id)
}

/// One category's learned rule.
pub(crate) struct LearnedPattern {
    meta: &'static RuleMeta,
    /// Index of the category in [`Category::ALL`] (the model's score order).
    index: usize,
    /// What a post of the category reads like, for the message ("patient disparagement").
    what: &'static str,
}

/// How many of the strongest words a finding names and underlines.
const SHOWN: usize = 3;

impl Rule for LearnedPattern {
    fn meta(&self) -> &'static RuleMeta {
        self.meta
    }

    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>) {
        let Some(model) = builtin() else {
            return;
        };
        if sink.already_flagged(self.meta.category) || scores(doc, model)[self.index] < model.threshold(self.index) {
            return;
        }
        // The strongest pulls that point at text, without repeating a stretch already shown
        // (a word, its pair and a word list can cover the same words).
        let mut words: Vec<std::ops::Range<usize>> = Vec::with_capacity(SHOWN);
        for r in model.contributions(doc, self.index).into_iter().filter_map(|p| p.range) {
            if words.len() < SHOWN && !words.iter().any(|w| w.start < r.end && r.start < w.end) {
                words.push(r);
            }
        }
        words.sort_by_key(|r| r.start);
        let quoted: Vec<String> = words.iter().map(|r| format!("‘{}’", &doc.text()[doc.original(r.clone())])).collect();
        let what = self.what;
        let message = if quoted.is_empty() {
            format!("This reads like {what} (a statistical hint, not a rule): reread it before posting.")
        } else {
            format!(
                "This reads like {what}: {} often mark such posts (a statistical hint, not a rule). Reread it before posting.",
                quoted.join(", ")
            )
        };
        let mut spans = words.into_iter().map(|r| doc.original(r));
        let first = spans.next().unwrap_or(0..doc.text().trim_end().len());
        let rest: Vec<_> = spans.map(crate::finding::Span::bytes).collect();
        let f = sink.push(first);
        f.message = message;
        f.spans.extend(rest);
        if self.meta.category == crate::Category::PatientPrivacy {
            // As for every privacy finding: a consent statement lowers it and says so.
            crate::rules::patient_privacy::apply_consent(doc, f);
        }
    }
}

macro_rules! learned_meta {
    ($name:ident, $cat:expr, $id:literal, $what:literal, $rationale:literal, $guidance:literal, bad: [$($bad:literal),* $(,)?], good: [$($good:literal),* $(,)?] $(,)?) => {
        static $name: (RuleMeta, &str) = (RuleMeta {
            id: $id,
            category: $cat,
            severity: crate::category::Severity::Warning,
            message: concat!("This reads like ", $what, ": words here often mark such posts (a statistical hint, not a rule)."),
            rationale: concat!(
                $rationale,
                " A small statistical scorer trained on labelled example posts adds this finding only when no \
                 hand-written rule of the category fired; it names the words that pushed its score, so you can \
                 judge for yourself."
            ),
            guidance: $guidance,
            bad: &[$($bad),*],
            good: &[$($good),*],
            lexicons: &[],
        }, $what);
    };
}

mod metas;
use metas::METAS;

/// The learned rules, one per category, in category order; they run after every hand-written
/// rule so they can see what those reported.
pub(crate) fn rules() -> Vec<Box<dyn Rule>> {
    METAS
        .iter()
        .enumerate()
        .map(|(index, &(ref meta, what))| Box::new(LearnedPattern { meta, index, what }) as Box<dyn Rule>)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::category::Category;

    #[test]
    fn the_committed_weights_parse_and_fit_the_budget() {
        let model = Model::parse(WEIGHTS).unwrap_or_else(|e| panic!("{e}"));
        assert!(model.weight_count() > 0);
        assert!(WEIGHTS.len() <= 40 * 1024, "weights.txt is {} bytes, over the 40 KB budget", WEIGHTS.len());
        assert!(builtin().is_some());
    }

    #[test]
    fn one_rule_per_category_in_order() {
        let cats: Vec<Category> = METAS.iter().map(|(m, _)| m.category).collect();
        assert_eq!(cats, Category::ALL);
        for (m, _) in METAS {
            assert_eq!(m.id, format!("{}/learned-pattern", m.category.id()));
        }
    }
}
