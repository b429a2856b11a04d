//! Settings layers: managed wins, bad entries are skipped one by one with a named warning,
//! custom terms and ignored words work, a locked policy ignores the user's layer.

use primum_core::{Category, Checker, Context, Policy, Severity};
use serde_json::json;

#[test]
fn managed_layer_wins_and_locks() {
    let user = json!({"pauseAt": "never", "disabled": ["profanity"]});
    let managed = json!({"pauseAt": "warning", "userMayChange": false, "institution": {"name": "St Elsewhere"}});
    let (policy, warnings) = Policy::from_storage(&user, &managed);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(policy.pause_at, Some(Severity::Warning));
    assert!(policy.disabled.is_empty(), "the locked user layer does not apply");
    assert_eq!(policy.institution.unwrap().name, "St Elsewhere");
}

#[test]
fn bad_entries_are_skipped_one_by_one() {
    let managed = json!({
        "pauseAt": 3,
        "disabled": ["profanity", 7],
        "customTerms": [
            {"phrase": "Ward 7B", "category": "patient-privacy", "severity": "critical"},
            {"phrase": "x", "pattern": "y", "category": "profanity"},
            {"pattern": "(unclosed", "category": "profanity"},
            {"phrase": "ok", "category": "not-a-category"}
        ],
        "serverUrl": "https://evil.example/collect"
    });
    let (policy, warnings) = Policy::from_storage(&json!(null), &managed);
    let keys: Vec<&str> = warnings.iter().map(|w| w.key.as_str()).collect();
    // Keys come in JSON-object order (sorted).
    assert_eq!(
        keys,
        [
            "managed.customTerms[1]",
            "managed.customTerms[3]",
            "managed.disabled",
            "managed.pauseAt",
            "managed.serverUrl"
        ]
    );
    assert_eq!(policy.disabled, ["profanity"]);
    assert_eq!(policy.pause_at, Some(Severity::Critical), "a bad value never silently turns pausing off");
    let checker = Checker::with_policy(&policy);
    let pattern_warning = checker.warnings().iter().find(|w| w.key == "customTerms[1].pattern");
    assert!(pattern_warning.is_some(), "{:?}", checker.warnings());
    let report = checker.check("Chaos on ward 7b again tonight", &Context::default());
    let f = report.findings.iter().find(|f| f.rule == "patient-privacy/custom-term").expect("custom term found");
    assert_eq!(f.category, Category::PatientPrivacy);
    assert_eq!(f.severity, Severity::Critical);
    assert_eq!(&"Chaos on ward 7b again tonight"[f.spans[0].start..f.spans[0].end], "ward 7b");
}

#[test]
fn custom_patterns_and_ignored_words() {
    let managed = json!({
        "customTerms": [{"pattern": "\\bRX-\\d{6}\\b", "category": "patient-privacy", "message": "Internal order numbers identify patients."}],
        "institution": {"name": "Mercy General", "policyUrl": "https://intranet.example/social"}
    });
    let (policy, _) = Policy::from_storage(&json!({"ignored": ["MRN 00482913"]}), &managed);
    let checker = Checker::with_policy(&policy);
    let report = checker.check("order rx-123456 went missing", &Context::default());
    let f = &report.findings[0];
    assert_eq!(f.message, "Internal order numbers identify patients.");
    assert!(f.guidance.contains("Mercy General"));
    let report = checker.check("MRN 00482913", &Context::default());
    assert!(report.findings.iter().all(|f| f.rule != "patient-privacy/record-number"), "ignored by the user");
}
