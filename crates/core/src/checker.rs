//! The checker: rules plus their compiled word lists, built once, run on every draft.

use crate::document::{Context, Document};
use crate::finding::{Finding, Report, Span};
use crate::lexicon::{LexiconError, LexiconIndex};
use crate::policy::{Policy, PolicyWarning};
use crate::rule::{Rule, Sink};
use crate::{category::Category, category::Severity, rules};

struct Active {
    rule: Box<dyn Rule>,
    severity: Severity,
}

/// Runs the enabled rules over a draft. Build it once (a few milliseconds), then call
/// [`Checker::check`] on every keystroke (microseconds).
pub struct Checker {
    active: Vec<Active>,
    index: LexiconIndex,
    warnings: Vec<PolicyWarning>,
}

impl Checker {
    /// A checker with every rule at its default severity.
    pub fn new() -> Checker {
        Checker::with_policy(&Policy::default())
    }

    /// A checker shaped by `policy`. Entries that name no known rule or category are
    /// ignored one by one and listed in [`Checker::warnings`]; the rest applies.
    pub fn with_policy(policy: &Policy) -> Checker {
        let mut warnings = Vec::new();
        let all = rules::all();
        let known = |key: &str| Category::from_id(key).is_some() || all.iter().any(|r| r.meta().id == key);
        for key in &policy.disabled {
            if !known(key) {
                warnings.push(unknown("disabled", key));
            }
        }
        for key in policy.severity.keys() {
            if !known(key) {
                warnings.push(unknown("severity", key));
            }
        }
        let active: Vec<Active> = all
            .into_iter()
            .filter(|r| !policy.is_disabled(r.meta().id, r.meta().category))
            .map(|rule| {
                let m = rule.meta();
                let severity = policy.severity_of(m.id, m.category, m.severity);
                Active { rule, severity }
            })
            .collect();
        let index = match Self::compile(&active) {
            Ok(index) => index,
            Err(e) => {
                // Built-in lists always compile; this only guards against a broken build.
                warnings.push(PolicyWarning { key: "lexicons".into(), message: e.to_string() });
                LexiconIndex::build(std::iter::empty::<(&str, Vec<(&str, bool)>)>()).unwrap_or_else(|_| unreachable!())
            }
        };
        Checker { active, index, warnings }
    }

    fn compile(active: &[Active]) -> Result<LexiconIndex, LexiconError> {
        let mut lists = Vec::new();
        for a in active {
            for lex in a.rule.meta().lexicons {
                if !lists.iter().any(|(name, _)| *name == lex.name) {
                    lists.push((lex.name, lex.entries()));
                }
            }
        }
        LexiconIndex::build(lists)
    }

    /// Policy entries that were ignored, with the reason.
    pub fn warnings(&self) -> &[PolicyWarning] {
        &self.warnings
    }

    /// Ids of the rules that run.
    pub fn rule_ids(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.active.iter().map(|a| a.rule.meta().id)
    }

    /// Checks `text`. Never panics on any input; spans are on char boundaries.
    pub fn check(&self, text: &str, context: &Context) -> Report {
        let doc = Document::new(text, &self.index, context);
        let mut findings = Vec::new();
        for a in &self.active {
            let mut sink = Sink::new(a.rule.meta(), a.severity, &mut findings);
            a.rule.check(&doc, &mut sink);
        }
        findings.dedup_by(|a, b| a.rule == b.rule && a.spans == b.spans);
        fill_utf16(text, &mut findings);
        Report::new(findings)
    }
}

impl Default for Checker {
    fn default() -> Self {
        Checker::new()
    }
}

fn unknown(section: &str, key: &str) -> PolicyWarning {
    PolicyWarning {
        key: format!("{section}.{key}"),
        message: format!("'{key}' is not a Primum rule or category; run `primum rules` for the list. Ignored."),
    }
}

/// Fills the UTF-16 offsets of every span (findings and fixes) in one pass over `text`.
fn fill_utf16(text: &str, findings: &mut [Finding]) {
    let mut spans: Vec<&mut Span> = Vec::new();
    for f in findings.iter_mut() {
        spans.extend(f.spans.iter_mut());
        if let Some(fix) = f.fix.as_mut() {
            spans.extend(fix.edits.iter_mut().map(|e| &mut e.span));
        }
    }
    let mut offsets: Vec<usize> = Vec::with_capacity(spans.len() * 2);
    for s in spans.iter_mut() {
        s.end = floor_char(text, s.end);
        s.start = floor_char(text, s.start.min(s.end));
        offsets.push(s.start);
        offsets.push(s.end);
    }
    offsets.sort_unstable();
    offsets.dedup();
    let mut utf16 = Vec::with_capacity(offsets.len());
    let (mut byte, mut units) = (0usize, 0usize);
    let mut chars = text.char_indices();
    for &target in &offsets {
        while byte < target {
            match chars.next() {
                Some((_, c)) => {
                    byte += c.len_utf8();
                    units += c.len_utf16();
                }
                None => break,
            }
        }
        utf16.push(units);
    }
    let at = |b: usize| utf16[offsets.partition_point(|&o| o < b)];
    for s in spans {
        s.start_utf16 = at(s.start);
        s.end_utf16 = at(s.end);
    }
}

fn floor_char(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
