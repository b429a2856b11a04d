//! The ten categories of finding and the three severities.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What kind of harm a finding is about. The ids (`patient-privacy`, …) are a stable
/// interface: the CLI, the extension, policies and the corpus all use them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Anything that could identify a patient or disclose their information.
    PatientPrivacy,
    /// Mocking, judging or labelling patients or their families.
    PatientDisparagement,
    /// Publicly attacking or mocking colleagues, other professions or the employer.
    ColleagueDisparagement,
    /// Disparaging people for race, gender, religion, orientation, disability, age, weight, nationality.
    Discrimination,
    /// Profane, obscene or sexually explicit language, masked forms included.
    Profanity,
    /// Individualised advice or a diagnosis given to one person online.
    MedicalAdvice,
    /// Blurring the line between patient and clinician.
    Boundaries,
    /// Rage, shouting, workplace rants, intoxication tied to work.
    ImpulsiveTone,
    /// Pseudoscience, miracle cures, misinformation, overclaiming, embargoed data.
    UnsupportedClaims,
    /// Promotion, affiliate codes or sponsorship without clear disclosure.
    ConflictOfInterest,
}

impl Category {
    /// Every category, in the order reports list them.
    pub const ALL: [Category; 10] = [
        Category::PatientPrivacy,
        Category::PatientDisparagement,
        Category::ColleagueDisparagement,
        Category::Discrimination,
        Category::Profanity,
        Category::MedicalAdvice,
        Category::Boundaries,
        Category::ImpulsiveTone,
        Category::UnsupportedClaims,
        Category::ConflictOfInterest,
    ];

    /// The stable id, e.g. `patient-privacy`.
    pub const fn id(self) -> &'static str {
        match self {
            Category::PatientPrivacy => "patient-privacy",
            Category::PatientDisparagement => "patient-disparagement",
            Category::ColleagueDisparagement => "colleague-disparagement",
            Category::Discrimination => "discrimination",
            Category::Profanity => "profanity",
            Category::MedicalAdvice => "medical-advice",
            Category::Boundaries => "boundaries",
            Category::ImpulsiveTone => "impulsive-tone",
            Category::UnsupportedClaims => "unsupported-claims",
            Category::ConflictOfInterest => "conflict-of-interest",
        }
    }

    /// Parses a category id; `None` when it is not one of the ten.
    pub fn from_id(id: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.id() == id)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// How much a finding matters. Ordered: `Info < Warning < Critical`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never counts as flagged.
    Info,
    /// Likely unprofessional; underlined while typing.
    Warning,
    /// Could identify or harm a patient; pauses the submit by default.
    Critical,
}

impl Severity {
    /// The stable id: `info`, `warning` or `critical`.
    pub const fn id(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Critical => "critical",
        }
    }

    /// Parses a severity id; `None` when it is not one of the three.
    pub fn from_id(id: &str) -> Option<Severity> {
        match id {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "critical" => Some(Severity::Critical),
            _ => None,
        }
    }

    /// One step less severe; `Info` stays `Info`. Used when context (consent, a
    /// disclaimer) lowers a finding without hiding it.
    pub const fn lowered(self) -> Severity {
        match self {
            Severity::Critical => Severity::Warning,
            _ => Severity::Info,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}
