//! What a check reports: findings with spans, fixes and a verdict.

use crate::category::{Category, Severity};
use serde::{Deserialize, Serialize};

/// A range of the checked text, in UTF-8 bytes (what Rust slices by) and in UTF-16
/// code units (what the DOM's `Range` and JavaScript strings index by).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// UTF-16 offset of the first code unit.
    pub start_utf16: usize,
    /// UTF-16 offset one past the last code unit.
    pub end_utf16: usize,
}

/// One replacement: put `replacement` where `span` is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    /// What to replace. An empty span inserts.
    pub span: Span,
    /// The new text.
    pub replacement: String,
}

/// A safe mechanical fix for a finding, as edits on the original text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// A short label for the button, e.g. "Add #ad".
    pub label: String,
    /// Non-overlapping edits, in text order.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// Applies the fix to `text` (the text the finding was made on).
    ///
    /// Edits whose spans do not fit `text` are skipped rather than panicking, so a fix
    /// applied to a changed draft never corrupts it.
    pub fn apply(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 16);
        let mut at = 0;
        for edit in &self.edits {
            let (s, e) = (edit.span.start, edit.span.end);
            if s < at || e < s || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                continue;
            }
            out.push_str(&text[at..s]);
            out.push_str(&edit.replacement);
            at = e;
        }
        out.push_str(&text[at..]);
        out
    }
}

/// One thing in a draft that could hurt a patient, the profession or the author.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule id, `category/rule-name`.
    pub rule: String,
    /// The rule's category.
    pub category: Category,
    /// How much it matters (after policy overrides and context such as consent).
    pub severity: Severity,
    /// One line for the person typing: what is wrong here.
    pub message: String,
    /// Where in the text; at least one.
    pub spans: Vec<Span>,
    /// The guidance the rule enforces.
    pub guidance: String,
    /// A safe fix, where one exists.
    pub fix: Option<Fix>,
}

/// The overall call on a draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Nothing at warning or above.
    Ok,
    /// At least one warning, nothing critical.
    Caution,
    /// At least one critical finding.
    Stop,
}

impl Verdict {
    /// The verdict for a set of findings: `stop` if any is critical, `caution` if any is a
    /// warning, else `ok`.
    pub fn of(findings: &[Finding]) -> Verdict {
        match findings.iter().map(|f| f.severity).max() {
            Some(Severity::Critical) => Verdict::Stop,
            Some(Severity::Warning) => Verdict::Caution,
            _ => Verdict::Ok,
        }
    }

    /// The stable id: `ok`, `caution` or `stop`.
    pub const fn id(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Caution => "caution",
            Verdict::Stop => "stop",
        }
    }
}

/// The result of checking one text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The overall call.
    pub verdict: Verdict,
    /// Findings in text order (then by severity, most severe first).
    pub findings: Vec<Finding>,
}

impl Report {
    /// Builds a report, sorting findings and deriving the verdict.
    pub fn new(mut findings: Vec<Finding>) -> Report {
        findings.sort_by(|a, b| {
            let sa = a.spans.first().map_or(0, |s| s.start);
            let sb = b.spans.first().map_or(0, |s| s.start);
            sa.cmp(&sb).then(b.severity.cmp(&a.severity)).then(a.rule.cmp(&b.rule))
        });
        Report { verdict: Verdict::of(&findings), findings }
    }

    /// Whether any finding of `category` is at `warning` or above.
    pub fn flags(&self, category: Category) -> bool {
        self.findings.iter().any(|f| f.category == category && f.severity >= Severity::Warning)
    }
}
