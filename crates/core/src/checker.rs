//! The checker: rules plus their compiled word lists, built once, run on every draft.

use crate::document::{Context, Document};
use crate::finding::{Finding, Report, Span};
use crate::lexicon::{LexiconError, LexiconIndex};
use crate::policy::{Policy, PolicyWarning};
use crate::rule::{Rule, Sink};
use crate::{category::Category, category::Severity, rules};
use std::sync::Arc;

struct Active {
    rule: Arc<dyn Rule>,
    severity: Severity,
}

/// A custom term compiled: phrases go into their own small index as list `custom/N`.
struct Term {
    /// The list name and the phrase, for phrase terms.
    list: Option<(String, String)>,
    pattern: Option<crate::re::Regex>,
    category: Category,
    severity: Severity,
    message: String,
    rule: String,
}

/// Runs the enabled rules over a draft. Build it once (a few milliseconds), then call
/// [`Checker::check`] on every keystroke (microseconds).
pub struct Checker {
    active: Vec<Active>,
    terms: Vec<Term>,
    ignored: Vec<String>,
    guidance: String,
    /// The built-in lists (shared, built once per process).
    index: &'static LexiconIndex,
    /// The policy's custom phrases, when there are any.
    custom_index: Option<LexiconIndex>,
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
            .iter()
            .filter(|r| !policy.is_disabled(r.meta().id, r.meta().category))
            .map(|rule| {
                let m = rule.meta();
                let severity = policy.severity_of(m.id, m.category, m.severity);
                Active { rule: Arc::clone(rule), severity }
            })
            .collect();
        let terms = Self::terms(policy, &mut warnings);
        let index = match rules::builtin_index() {
            Ok(index) => index,
            // Built-in lists always compile; this only guards against a broken build.
            Err(e) => {
                warnings.push(PolicyWarning { key: "lexicons".into(), message: e.to_string() });
                empty_index()
            }
        };
        let custom_index = match Self::compile_terms(&terms) {
            Ok(index) => index,
            Err(e) => {
                warnings.push(PolicyWarning {
                    key: "customTerms".into(),
                    message: format!("{e}; custom terms were ignored"),
                });
                None
            }
        };
        let guidance = match &policy.institution {
            Some(i) => match &i.policy_url {
                Some(url) => format!("{} social media policy ({url})", i.name),
                None => format!("{} social media policy", i.name),
            },
            None => "Your own list of terms (Primum options)".to_owned(),
        };
        let ignored =
            policy.ignored.iter().map(|w| crate::text::Normalized::new(w).as_str().trim().to_owned()).collect();
        Checker { active, terms, ignored, guidance, index, custom_index, warnings }
    }

    fn terms(policy: &Policy, warnings: &mut Vec<PolicyWarning>) -> Vec<Term> {
        let who = policy.institution.as_ref().map_or("your institution".to_owned(), |i| i.name.clone());
        let mut terms = Vec::new();
        for (i, t) in policy.custom_terms.iter().enumerate() {
            let pattern = match &t.pattern {
                Some(p) => match crate::re::RegexBuilder::new(p).case_insensitive(true).size_limit(1 << 20).build() {
                    Ok(re) => Some(re),
                    Err(e) => {
                        warnings.push(PolicyWarning {
                            key: format!("customTerms[{i}].pattern"),
                            message: format!("not a valid pattern ({e}); skipped"),
                        });
                        continue;
                    }
                },
                None => None,
            };
            let shown = t.phrase.as_deref().or(t.pattern.as_deref()).unwrap_or_default();
            terms.push(Term {
                list: t.phrase.as_ref().map(|p| (format!("custom/{i}"), p.trim().to_owned())),
                pattern,
                category: t.category,
                severity: t.severity,
                message: t
                    .message
                    .clone()
                    .unwrap_or_else(|| format!("“{shown}” is on {who}'s list of terms not to post.")),
                rule: format!("{}/custom-term", t.category.id()),
            });
        }
        terms
    }

    /// The custom phrases' own small index (scanned only when a policy has phrases).
    fn compile_terms(terms: &[Term]) -> Result<Option<LexiconIndex>, LexiconError> {
        let lists: Vec<(&str, Vec<(&str, bool)>)> = terms
            .iter()
            .filter_map(|t| t.list.as_ref())
            .map(|(name, phrase)| {
                let entry = match phrase.strip_suffix('*') {
                    Some(p) => (p.trim_end(), true),
                    None => (phrase.as_str(), false),
                };
                (name.as_str(), vec![entry])
            })
            .collect();
        if lists.is_empty() {
            return Ok(None);
        }
        LexiconIndex::build(lists).map(Some)
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
    ///
    /// Texts longer than [`CHUNK`] bytes (a pasted document, an archive) are checked in pieces
    /// split at line or sentence ends, so the work stays linear in the length: rules look at
    /// context within a post, and no post is that long.
    pub fn check(&self, text: &str, context: &Context) -> Report {
        let mut findings = Vec::new();
        for (offset, piece) in chunks(text, CHUNK) {
            let from = findings.len();
            self.check_piece(piece, context, &mut findings);
            if offset > 0 {
                for f in &mut findings[from..] {
                    for s in &mut f.spans {
                        s.start += offset;
                        s.end += offset;
                    }
                    for e in f.fix.iter_mut().flat_map(|fix| fix.edits.iter_mut()) {
                        e.span.start += offset;
                        e.span.end += offset;
                    }
                }
            }
        }
        if !self.ignored.is_empty() {
            findings.retain(|f| {
                !f.spans.iter().any(|s| {
                    let folded = crate::text::Normalized::new(text.get(s.start..s.end).unwrap_or_default());
                    self.ignored.iter().any(|w| w == folded.as_str().trim())
                })
            });
        }
        findings.dedup_by(|a, b| a.rule == b.rule && a.spans == b.spans);
        fill_utf16(text, &mut findings);
        Report::new(findings)
    }
}

/// The largest piece of text checked at once (bytes).
pub const CHUNK: usize = 16 * 1024;

/// Splits `text` into pieces of at most about `max` bytes, at a line end, else a sentence end,
/// else a space, else a char boundary; yields `(byte offset, piece)`.
fn chunks(text: &str, max: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= text.len() && !(at == 0 && text.is_empty()) {
            return None;
        }
        let rest = &text[at..];
        let len = if rest.len() <= max {
            rest.len()
        } else {
            let mut cut = max;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            let window = &rest[..cut];
            let half = cut / 2;
            window
                .rfind('\n')
                .filter(|&p| p >= half)
                .or_else(|| window.rfind(". ").filter(|&p| p >= half).map(|p| p + 1))
                .or_else(|| window.rfind(' ').filter(|&p| p >= half))
                .map_or(cut, |p| p + 1)
        };
        let piece = (at, &rest[..len]);
        at += len.max(1);
        Some(piece)
    })
}

impl Checker {
    fn check_piece(&self, text: &str, context: &Context, findings: &mut Vec<Finding>) {
        let doc = Document::new(text, self.index, context);
        for a in &self.active {
            let mut sink = Sink::new(a.rule.meta(), a.severity, findings);
            a.rule.check(&doc, &mut sink);
        }
        if !self.terms.is_empty() {
            self.check_terms(text, context, findings);
        }
    }

    fn check_terms(&self, text: &str, context: &Context, findings: &mut Vec<Finding>) {
        let custom_doc = self.custom_index.as_ref().map(|index| Document::new(text, index, context));
        for term in &self.terms {
            let mut push = |range: std::ops::Range<usize>| {
                findings.push(Finding {
                    rule: term.rule.clone(),
                    category: term.category,
                    severity: term.severity,
                    message: term.message.clone(),
                    spans: vec![Span::bytes(range)],
                    guidance: self.guidance.clone(),
                    fix: None,
                })
            };
            if let (Some((list, _)), Some(doc)) = (&term.list, &custom_doc) {
                for hit in doc.hits_named(list) {
                    push(doc.original(hit.range()));
                }
            }
            if let Some(re) = &term.pattern {
                for m in re.find_iter(text) {
                    push(m.range());
                }
            }
        }
    }
}

impl Default for Checker {
    fn default() -> Self {
        Checker::new()
    }
}

fn empty_index() -> &'static LexiconIndex {
    static EMPTY: std::sync::OnceLock<LexiconIndex> = std::sync::OnceLock::new();
    EMPTY.get_or_init(|| {
        LexiconIndex::build(std::iter::empty::<(&str, Vec<(&str, bool)>)>())
            .unwrap_or_else(|_| unreachable!("an empty index always builds"))
    })
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
