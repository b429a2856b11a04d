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
    /// A draft with a finding at or above this severity pauses the submit (Edit / Post anyway);
    /// `None` never pauses.
    pub pause_at: Option<Severity>,
    /// A draft with a finding at or above this severity cannot be posted (no Post anyway);
    /// `None` never blocks.
    pub block_at: Option<Severity>,
    /// Extra terms to flag: an institution's ward names, internal codes, local slang, or a
    /// person's own list.
    pub custom_terms: Vec<CustomTerm>,
    /// Words whose findings the user has chosen to ignore (folded, whole findings only).
    pub ignored: Vec<String>,
    /// Who set the managed policy, shown in warnings and on the options page.
    pub institution: Option<Institution>,
    /// The institution's message when a submit is blocked.
    pub block_message: Option<String>,
    /// Whether the user's own settings apply at all (an institution may lock them).
    pub user_may_change: bool,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            disabled: Vec::new(),
            severity: BTreeMap::new(),
            pause_at: Some(Severity::Critical),
            block_at: None,
            custom_terms: Vec::new(),
            ignored: Vec::new(),
            institution: None,
            block_message: None,
            user_may_change: true,
        }
    }
}

/// A term to flag, from a managed policy or the user's options: exactly one of `phrase` (word
/// list syntax: folded like the draft, whole words, trailing `*` for any ending) or `pattern` (a
/// linear-time `regex`, matched case-insensitively on the original text).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CustomTerm {
    /// A phrase, e.g. `Ward 7B` or `frequent attender*`.
    #[serde(default)]
    pub phrase: Option<String>,
    /// A regular expression, e.g. `\bRX-\d{6}\b`.
    #[serde(default)]
    pub pattern: Option<String>,
    /// The category findings report under.
    pub category: Category,
    /// The severity of findings (default `warning`).
    #[serde(default = "default_term_severity")]
    pub severity: Severity,
    /// The message shown (default: a generic one naming the institution).
    #[serde(default)]
    pub message: Option<String>,
}

fn default_term_severity() -> Severity {
    Severity::Warning
}

/// The institution behind a managed policy.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Institution {
    /// e.g. "St Elsewhere Health".
    pub name: String,
    /// Where its social-media policy lives (shown as text, never fetched).
    pub policy_url: Option<String>,
    /// Who to ask, e.g. "Compliance office, ext. 4411".
    pub contact: Option<String>,
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

/// The keys a settings layer may hold. Unknown keys and wrong types are reported, not fatal.
const KEYS: &[&str] = &[
    "disabled",
    "severity",
    "pauseAt",
    "blockAt",
    "customTerms",
    "ignored",
    "institution",
    "blockMessage",
    "userMayChange",
    "siteAdapters",
];

impl Policy {
    /// Merges settings layers, lowest first (built-in defaults < the user's options < the
    /// institution's managed policy), each a JSON object as stored in `chrome.storage` or a
    /// policy file. A later layer's `pauseAt`/`blockAt` and `severity` entries win; `disabled`
    /// lists add up. Each bad entry is skipped with a warning naming it; the rest applies.
    pub fn layered(layers: &[(&str, &serde_json::Value)]) -> (Policy, Vec<PolicyWarning>) {
        let mut policy = Policy::default();
        let mut warnings = Vec::new();
        for (layer, value) in layers {
            let Some(map) = value.as_object() else {
                if !value.is_null() {
                    warnings.push(PolicyWarning {
                        key: (*layer).to_owned(),
                        message: "settings must be a JSON object; this layer was ignored".into(),
                    });
                }
                continue;
            };
            for (key, v) in map {
                let at = format!("{layer}.{key}");
                let mut bad = |what: &str| warnings.push(PolicyWarning { key: at.clone(), message: what.to_owned() });
                match key.as_str() {
                    "disabled" => match v.as_array() {
                        Some(items) => {
                            for item in items {
                                match item.as_str() {
                                    Some(id) => policy.disabled.push(id.to_owned()),
                                    None => bad("each entry must be a rule or category id (a string); one was skipped"),
                                }
                            }
                        }
                        None => bad("must be a list of rule or category ids; ignored"),
                    },
                    "severity" => match v.as_object() {
                        Some(entries) => {
                            for (id, sev) in entries {
                                match sev.as_str().and_then(Severity::from_id) {
                                    Some(sev) => {
                                        policy.severity.insert(id.clone(), sev);
                                    }
                                    None => {
                                        bad(&format!("'{id}' must be \"info\", \"warning\" or \"critical\"; skipped"))
                                    }
                                }
                            }
                        }
                        None => bad("must map rule or category ids to \"info\", \"warning\" or \"critical\"; ignored"),
                    },
                    "pauseAt" | "blockAt" => {
                        let parsed = match v {
                            serde_json::Value::Null if key == "blockAt" => Some(None),
                            serde_json::Value::String(s) if s == "never" => Some(None),
                            serde_json::Value::String(s) => Severity::from_id(s).map(Some),
                            _ => None,
                        };
                        match (parsed, key.as_str()) {
                            (Some(sev), "pauseAt") => policy.pause_at = sev,
                            (Some(sev), _) => policy.block_at = sev,
                            (None, _) => bad("must be \"info\", \"warning\", \"critical\" or \"never\"; ignored"),
                        }
                    }
                    "customTerms" => match v.as_array() {
                        Some(items) => {
                            for (i, item) in items.iter().enumerate() {
                                match serde_json::from_value::<CustomTerm>(item.clone()) {
                                    Ok(term) if term.phrase.is_some() != term.pattern.is_some() => {
                                        policy.custom_terms.push(term)
                                    }
                                    Ok(_) => warnings.push(PolicyWarning {
                                        key: format!("{at}[{i}]"),
                                        message: "needs exactly one of \"phrase\" or \"pattern\"; skipped".into(),
                                    }),
                                    Err(e) => warnings.push(PolicyWarning {
                                        key: format!("{at}[{i}]"),
                                        message: format!("{e}; skipped"),
                                    }),
                                }
                            }
                        }
                        None => bad("must be a list of {phrase|pattern, category, severity, message}; ignored"),
                    },
                    "ignored" => match v.as_array() {
                        Some(items) => {
                            policy.ignored.extend(items.iter().filter_map(|i| i.as_str()).map(str::to_owned))
                        }
                        None => bad("must be a list of words; ignored"),
                    },
                    "institution" => match serde_json::from_value::<Institution>(v.clone()) {
                        Ok(i) => policy.institution = Some(i),
                        Err(e) => bad(&format!("{e}; ignored")),
                    },
                    "blockMessage" => match v.as_str() {
                        Some(m) => policy.block_message = Some(m.to_owned()),
                        None => bad("must be a text; ignored"),
                    },
                    "userMayChange" => match v.as_bool() {
                        Some(b) => policy.user_may_change = b,
                        None => bad("must be true or false; ignored"),
                    },
                    // Read by the extension's content script, not by the checker.
                    _ if KEYS.contains(&key.as_str()) => {}
                    _ => bad("is not a Primum setting; ignored"),
                }
            }
        }
        (policy, warnings)
    }

    /// The policy from the extension's two storage layers: the user's options, then the
    /// institution's managed policy, which wins — and which can lock the user's out entirely
    /// (`userMayChange: false`).
    pub fn from_storage(user: &serde_json::Value, managed: &serde_json::Value) -> (Policy, Vec<PolicyWarning>) {
        let locked = managed.get("userMayChange").and_then(serde_json::Value::as_bool) == Some(false);
        if locked {
            Policy::layered(&[("managed", managed)])
        } else {
            Policy::layered(&[("user", user), ("managed", managed)])
        }
    }

    /// Whether the rule `id` of `category` is switched off.
    pub fn is_disabled(&self, id: &str, category: Category) -> bool {
        self.disabled.iter().any(|d| d == id || d == category.id())
    }

    /// The severity for rule `id`: its own override, else its category's, else `default`.
    pub fn severity_of(&self, id: &str, category: Category, default: Severity) -> Severity {
        self.severity.get(id).or_else(|| self.severity.get(category.id())).copied().unwrap_or(default)
    }
}
