//! What a rule is: metadata beside the code, and a `check` over a [`Document`].

use crate::category::{Category, Severity};
use crate::document::Document;
use crate::finding::{Finding, Fix, Span};
use crate::lexicon::Lexicon;
use std::ops::Range;

/// A rule's bad or good examples: the list itself with the `rule-examples` feature (tests, the
/// CLI, `docs/rules.md`), nothing without it (the extension, where they would only add weight).
#[cfg(feature = "rule-examples")]
#[macro_export]
#[doc(hidden)]
macro_rules! examples {
    ($($example:expr),* $(,)?) => { &[$($example),*] };
}

/// Without the `rule-examples` feature a rule carries no examples.
#[cfg(not(feature = "rule-examples"))]
#[macro_export]
#[doc(hidden)]
macro_rules! examples {
    ($($example:expr),* $(,)?) => {
        &[]
    };
}

/// Everything a rule says about itself. The CLI's `rules` and `explain`, the extension's
/// "why?" card and `docs/rules.md` are generated from it, and every example is a test.
#[derive(Debug)]
pub struct RuleMeta {
    /// `category/rule-name`, stable.
    pub id: &'static str,
    /// The category the rule reports under.
    pub category: Category,
    /// Severity before policy overrides and context.
    pub severity: Severity,
    /// One line for the person typing.
    pub message: &'static str,
    /// Why this matters: a few sentences, for `primum explain` and the "why?" card.
    pub rationale: &'static str,
    /// The guidance the rule enforces, as a short citation.
    pub guidance: &'static str,
    /// Drafts the rule must flag (at `warning` or above). Empty without the `rule-examples`
    /// feature (the extension's wasm leaves them out: they are for tests and docs).
    pub bad: &'static [&'static str],
    /// Drafts the rule must leave alone (nothing at `warning` or above); empty without the
    /// `rule-examples` feature.
    pub good: &'static [&'static str],
    /// The word lists the rule reads; the checker compiles them into its one trie.
    pub lexicons: &'static [&'static Lexicon],
}

/// A check. Implementations are small: read the document, push findings into the sink.
pub trait Rule: Send + Sync {
    /// The rule's metadata.
    fn meta(&self) -> &'static RuleMeta;
    /// Reports what the rule finds in `doc`.
    fn check(&self, doc: &Document<'_>, sink: &mut Sink<'_>);
}

/// Where a rule puts its findings. It fills in the rule id, category, guidance and the
/// effective severity (the default, or the policy's override), so rules only say where and,
/// when it helps, a more specific message.
pub struct Sink<'a> {
    meta: &'static RuleMeta,
    severity: Severity,
    out: &'a mut Vec<Finding>,
}

impl<'a> Sink<'a> {
    /// A sink for `meta` whose findings start at `severity`.
    pub fn new(meta: &'static RuleMeta, severity: Severity, out: &'a mut Vec<Finding>) -> Sink<'a> {
        Sink { meta, severity, out }
    }

    /// The severity findings start at (after policy overrides).
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// Whether a finding of `category` at `warning` or above was already reported on this text
    /// (by a rule that ran earlier).
    pub fn already_flagged(&self, category: Category) -> bool {
        self.out.iter().any(|f| f.category == category && f.severity >= Severity::Warning)
    }

    /// Reports a finding over `range` (original UTF-8 byte offsets) with the rule's default
    /// message and severity; adjust the returned finding to be more specific.
    pub fn push(&mut self, range: Range<usize>) -> &mut Finding {
        self.out.push(Finding {
            rule: self.meta.id.to_owned(),
            category: self.meta.category,
            severity: self.severity,
            message: self.meta.message.to_owned(),
            spans: vec![Span::bytes(range)],
            guidance: self.meta.guidance.to_owned(),
            fix: None::<Fix>,
        });
        let last = self.out.len() - 1;
        &mut self.out[last]
    }
}

impl Span {
    /// A span from original byte offsets; the checker fills in the UTF-16 offsets.
    pub fn bytes(range: Range<usize>) -> Span {
        Span { start: range.start, end: range.end, start_utf16: 0, end_utf16: 0 }
    }
}
