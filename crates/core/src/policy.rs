//! Settings that shape a [`crate::Checker`]: which rules run and how severe they are.
//!
//! Three layers merge into one policy — built-in defaults < the user's options < the
//! institution's managed policy — and the extension does that merge before building the
//! checker. Keys accept a rule id (`profanity/masked-profanity`) or a whole category
//! (`profanity`); a rule id wins over its category.

use crate::category::{Category, Severity};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Which rules run, at what severity, and when a submit is paused or blocked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Policy {
    /// Rule or category ids that do not run.
    pub disabled: Vec<String>,
    /// Rule or category ids mapped to the severity their findings start at.
    pub severity: BTreeMap<String, Severity>,
    /// A draft with a finding at or above this severity pauses the submit (Edit / Post anyway).
    pub pause_at: Severity,
    /// A draft with a finding at or above this severity cannot be posted (no Post anyway);
    /// `None` never blocks.
    pub block_at: Option<Severity>,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy { disabled: Vec::new(), severity: BTreeMap::new(), pause_at: Severity::Critical, block_at: None }
    }
}

/// A policy entry that was ignored, and why. The rest of the policy still applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyWarning {
    /// The key path, e.g. `severity.profanity/nope`.
    pub key: String,
    /// What is wrong and what to do.
    pub message: String,
}

impl fmt::Display for PolicyWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.key, self.message)
    }
}

impl Policy {
    /// Whether the rule `id` of `category` is switched off.
    pub fn is_disabled(&self, id: &str, category: Category) -> bool {
        self.disabled.iter().any(|d| d == id || d == category.id())
    }

    /// The severity for rule `id`: its own override, else its category's, else `default`.
    pub fn severity_of(&self, id: &str, category: Category, default: Severity) -> Severity {
        self.severity.get(id).or_else(|| self.severity.get(category.id())).copied().unwrap_or(default)
    }
}
