//! The message protocol between the extension's pages and the background.
//!
//! Content scripts send `{type: "check", seq, text, context}` and get
//! `{type: "report", seq, report}` back; `seq` lets them drop stale answers.

use primum_core::{rules, Checker, Context, Policy, Report, Severity};
use serde::{Deserialize, Serialize};

/// A message to the background.
#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Request {
    /// Check a draft.
    Check {
        /// Echoed back so the sender can drop stale answers.
        #[serde(default)]
        seq: u64,
        /// The draft.
        text: String,
        /// Where it is being written.
        #[serde(default)]
        context: Context,
    },
    /// Replace the policy (the merged defaults < user < managed layers).
    SetPolicy {
        /// The merged policy.
        policy: Policy,
    },
    /// Check several texts at once (the posts on a page, for the self-audit).
    CheckMany {
        /// The texts, in order.
        texts: Vec<String>,
        /// Where they were published.
        #[serde(default)]
        context: Context,
    },
    /// List the rules.
    Rules,
    /// The effective settings and the entries that were ignored (for the options page).
    Status,
}

/// A reply from the background.
#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Response {
    /// The report for a `check`.
    Report {
        /// The request's `seq`.
        seq: u64,
        /// What was found.
        report: Report,
        /// Findings at or above this severity pause the submit; never when `None`.
        pause_at: Option<Severity>,
        /// Findings at or above this severity block the submit, when set.
        block_at: Option<Severity>,
        /// The institution's message shown when a submit is blocked.
        block_message: Option<String>,
        /// The institution behind the managed policy, if any.
        institution: Option<primum_core::policy::Institution>,
    },
    /// The policy was applied; `warnings` lists entries that were ignored.
    PolicySet {
        /// Ignored entries, with reasons.
        warnings: Vec<primum_core::PolicyWarning>,
    },
    /// The reports for a `check-many`, in the order of its texts.
    Reports {
        /// One report per text.
        reports: Vec<Report>,
    },
    /// The effective settings and ignored entries.
    Status {
        /// The merged policy in force.
        policy: Policy,
        /// Entries of the settings layers that were ignored, with reasons.
        warnings: Vec<primum_core::PolicyWarning>,
        /// The size of the module's linear memory in bytes (0 outside WebAssembly), so a
        /// long-use test can show the worker's memory stays bounded.
        memory_bytes: u64,
    },
    /// The rules' documentation.
    Rules {
        /// One entry per rule.
        rules: Vec<RuleDoc>,
    },
    /// The request could not be handled.
    Error {
        /// What went wrong, for a person.
        message: String,
    },
}

/// A rule's metadata in a serializable shape.
#[derive(Debug, Serialize)]
pub struct RuleDoc {
    /// `category/rule-name`.
    pub id: &'static str,
    /// The category id.
    pub category: &'static str,
    /// Default severity.
    pub severity: &'static str,
    /// One-line message.
    pub message: &'static str,
    /// Why it matters.
    pub rationale: &'static str,
    /// The guidance cited.
    pub guidance: &'static str,
}

/// The docs of every rule.
pub fn rule_docs() -> Vec<RuleDoc> {
    rules::metas()
        .into_iter()
        .map(|m| RuleDoc {
            id: m.id,
            category: m.category.id(),
            severity: m.severity.id(),
            message: m.message,
            rationale: m.rationale,
            guidance: m.guidance,
        })
        .collect()
}

/// The current size of the WebAssembly linear memory in bytes; 0 in a native build.
fn linear_memory_bytes() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        core::arch::wasm32::memory_size(0) as u64 * 65536
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}

/// The background's state.
pub(crate) struct State {
    checker: Checker,
    policy: Policy,
    warnings: Vec<primum_core::PolicyWarning>,
}

impl State {
    pub(crate) fn new() -> State {
        State { checker: Checker::new(), policy: Policy::default(), warnings: Vec::new() }
    }

    /// Merges the user's and the institution's settings and rebuilds the checker.
    pub(crate) fn configure(
        &mut self,
        user: &serde_json::Value,
        managed: &serde_json::Value,
    ) -> Vec<primum_core::PolicyWarning> {
        let (policy, mut warnings) = Policy::from_storage(user, managed);
        self.checker = Checker::with_policy(&policy);
        warnings.extend(self.checker.warnings().iter().cloned());
        self.policy = policy;
        self.warnings = warnings.clone();
        warnings
    }

    pub(crate) fn handle(&mut self, request: Request) -> Response {
        match request {
            Request::Check { seq, text, context } => Response::Report {
                seq,
                report: self.checker.check(&text, &context),
                pause_at: self.policy.pause_at,
                block_at: self.policy.block_at,
                block_message: self.policy.block_message.clone(),
                institution: self.policy.institution.clone(),
            },
            Request::SetPolicy { policy } => {
                self.checker = Checker::with_policy(&policy);
                self.policy = policy;
                Response::PolicySet { warnings: self.checker.warnings().to_vec() }
            }
            Request::CheckMany { texts, context } => {
                Response::Reports { reports: texts.iter().map(|t| self.checker.check(t, &context)).collect() }
            }
            Request::Rules => Response::Rules { rules: rule_docs() },
            Request::Status => Response::Status {
                policy: self.policy.clone(),
                warnings: self.warnings.clone(),
                memory_bytes: linear_memory_bytes(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_round_trip_keeps_seq_and_finds_identifiers() {
        let mut s = State::new();
        let req: Request = serde_json::from_str(
            r#"{"type":"check","seq":7,"text":"MRN 12345678 is back","context":{"platform":"x"}}"#,
        )
        .unwrap();
        let Response::Report { seq, report, .. } = s.handle(req) else { panic!("expected a report") };
        assert_eq!(seq, 7);
        assert_eq!(report.verdict, primum_core::Verdict::Stop);
    }

    #[test]
    fn managed_settings_win_and_bad_entries_are_named() {
        let mut s = State::new();
        let user = serde_json::json!({"pauseAt": "warning", "disabled": ["profanity"], "colour": "blue"});
        let managed =
            serde_json::json!({"pauseAt": "critical", "blockAt": "critical", "severity": {"profanity": "loud"}});
        let warnings = s.configure(&user, &managed);
        let keys: Vec<&str> = warnings.iter().map(|w| w.key.as_str()).collect();
        assert_eq!(keys, ["user.colour", "managed.severity"]);
        assert_eq!(s.policy.pause_at, Some(Severity::Critical));
        assert_eq!(s.policy.block_at, Some(Severity::Critical));
        assert_eq!(s.policy.disabled, ["profanity"]);
    }

    #[test]
    fn set_policy_disables_a_category() {
        let mut s = State::new();
        let req: Request =
            serde_json::from_str(r#"{"type":"set-policy","policy":{"disabled":["patient-privacy","nope"]}}"#).unwrap();
        let Response::PolicySet { warnings } = s.handle(req) else { panic!("expected policy-set") };
        assert_eq!(warnings.len(), 1);
        let Response::Report { report, .. } =
            s.handle(Request::Check { seq: 1, text: "MRN 12345678".into(), context: Context::default() })
        else {
            panic!("expected a report")
        };
        assert!(report.findings.is_empty());
    }
}
