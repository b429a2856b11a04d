//! # primum-core
//!
//! Primum's checks: given a draft a healthcare professional is about to post, say what in
//! it could hurt a patient, the profession or the author, why (citing the guidance), and how
//! to fix it. Pure Rust, no I/O, fast enough to run on every keystroke.
//!
//! Data flows one way: **text → normalize ([`text`]) → detect ([`rules`]) → findings
//! ([`Finding`]) → verdict ([`Report`])**.
//!
//! ```
//! use primum_core::{Checker, Context, Verdict};
//! let checker = Checker::new();
//! let report = checker.check("Mr. Jones in bed 4 finally got his MRI", &Context::default());
//! assert_eq!(report.verdict, Verdict::Stop);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "archive")]
pub mod archive;
pub mod category;
pub mod checker;
pub mod document;
pub mod finding;
pub mod lexicon;
mod pattern;
pub mod policy;
mod re;
pub mod rule;
pub mod rules;
pub mod text;

pub use category::{Category, Severity};
pub use checker::Checker;
pub use document::{Context, Document};
pub use finding::{Edit, Finding, Fix, Report, Span, Verdict};
pub use policy::{Policy, PolicyWarning};
pub use rule::{Rule, RuleMeta, Sink};
