//! The rule registry: one folder per category, one file per rule, word lists beside them.
//!
//! To add a rule: write `rules/<category>/<rule_name>.rs` with a `RuleMeta` (id, severity,
//! message, rationale, guidance, bad and good examples, word lists) and a [`Rule`] impl,
//! then add it to its category's `rules()`. Its examples become tests automatically
//! (`tests/rule_examples.rs`) and its docs appear in `primum rules`, `primum explain` and
//! `docs/rules.md`.

use crate::lexicon::{LexiconError, LexiconIndex};
use crate::rule::{Rule, RuleMeta};
use std::fmt::Write;
use std::sync::{Arc, OnceLock};

pub mod boundaries;
mod calendar;
pub mod colleague_disparagement;
pub mod conflict_of_interest;
pub mod discrimination;
pub mod impulsive_tone;
pub mod learned;
pub mod medical_advice;
pub mod patient_disparagement;
pub mod patient_privacy;
pub mod profanity;
pub mod unsupported_claims;

/// Every built-in rule, in category order. Rules are immutable once built (their regexes
/// compiled), so they are built once per process and shared by every checker: rebuilding a
/// checker for new settings costs next to nothing.
pub fn all() -> &'static [Arc<dyn Rule>] {
    static ALL: OnceLock<Vec<Arc<dyn Rule>>> = OnceLock::new();
    ALL.get_or_init(|| build().into_iter().map(Arc::from).collect())
}

/// Every built-in word list compiled into one trie, once per process. Disabled rules'
/// lists stay in it: their hits are simply not read.
pub(crate) fn builtin_index() -> &'static Result<LexiconIndex, LexiconError> {
    static INDEX: OnceLock<Result<LexiconIndex, LexiconError>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut lists: Vec<(&str, Vec<(&str, bool)>)> = Vec::new();
        for rule in all() {
            for lex in rule.meta().lexicons {
                if !lists.iter().any(|(name, _)| *name == lex.name) {
                    lists.push((lex.name, lex.entries().collect()));
                }
            }
        }
        LexiconIndex::build(lists)
    })
}

fn build() -> Vec<Box<dyn Rule>> {
    let mut v: Vec<Box<dyn Rule>> = Vec::new();
    v.extend(patient_privacy::rules());
    v.extend(patient_disparagement::rules());
    v.extend(colleague_disparagement::rules());
    v.extend(discrimination::rules());
    v.extend(profanity::rules());
    v.extend(medical_advice::rules());
    v.extend(boundaries::rules());
    v.extend(impulsive_tone::rules());
    v.extend(unsupported_claims::rules());
    v.extend(conflict_of_interest::rules());
    // Last: a learned rule adds a finding only where its category's rules reported nothing.
    v.extend(learned::rules());
    v
}

/// The metadata of every built-in rule.
pub fn metas() -> Vec<&'static RuleMeta> {
    all().iter().map(|r| r.meta()).collect()
}

/// The metadata of the rule `id`, if there is one.
pub fn meta(id: &str) -> Option<&'static RuleMeta> {
    metas().into_iter().find(|m| m.id == id)
}

/// A rule's documentation as Markdown: what `primum explain` prints and `docs/rules.md` holds.
pub fn explain_markdown(m: &RuleMeta) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "## `{}`\n", m.id);
    let _ = writeln!(s, "**{}** · category `{}` · default severity `{}`\n", m.message, m.category, m.severity);
    let _ = writeln!(s, "{}\n", m.rationale);
    let _ = writeln!(s, "*Guidance:* {}\n", m.guidance);
    if !m.bad.is_empty() {
        let _ = writeln!(s, "Flags:\n");
        for ex in m.bad {
            let _ = writeln!(s, "- ❌ {ex}");
        }
        s.push('\n');
    }
    if !m.good.is_empty() {
        let _ = writeln!(s, "Leaves alone:\n");
        for ex in m.good {
            let _ = writeln!(s, "- ✅ {ex}");
        }
        s.push('\n');
    }
    s
}

/// The whole rule book as Markdown (`docs/rules.md`, kept in sync by a test).
pub fn book_markdown() -> String {
    let mut s = String::from(
        "# Primum rules\n\nGenerated from the rules' metadata by `primum rules --markdown`; do not edit by hand.\n\n",
    );
    for m in metas() {
        s.push_str(&explain_markdown(m));
    }
    s
}
