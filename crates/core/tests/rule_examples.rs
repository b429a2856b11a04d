//! Every example in every rule's metadata is a test: bad ones are flagged by that rule at
//! `warning` or above, good ones are not.

use primum_core::{rules, Checker, Context, Severity};

#[test]
fn every_rule_has_docs_and_examples() {
    let metas = rules::metas();
    assert!(!metas.is_empty());
    for m in &metas {
        assert!(m.id.starts_with(m.category.id()), "{}: id must start with its category", m.id);
        assert_eq!(m.id.matches('/').count(), 1, "{}: id is category/rule-name", m.id);
        assert!(!m.message.is_empty() && !m.rationale.is_empty() && !m.guidance.is_empty(), "{}: docs", m.id);
        assert!(!m.bad.is_empty(), "{}: needs at least one bad example", m.id);
        assert!(!m.good.is_empty(), "{}: needs at least one good example", m.id);
    }
    let mut ids: Vec<_> = metas.iter().map(|m| m.id).collect();
    ids.sort_unstable();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n, "rule ids must be unique");
}

#[test]
fn bad_examples_are_flagged_and_good_ones_are_not() {
    let checker = Checker::new();
    let ctx = Context::default();
    let mut failures = Vec::new();
    for m in rules::metas() {
        for ex in m.bad {
            let report = checker.check(ex, &ctx);
            if !report.findings.iter().any(|f| f.rule == m.id && f.severity >= Severity::Warning) {
                failures.push(format!("{} missed bad example: {ex}", m.id));
            }
        }
        for ex in m.good {
            let report = checker.check(ex, &ctx);
            if let Some(f) = report.findings.iter().find(|f| f.rule == m.id && f.severity >= Severity::Warning) {
                failures.push(format!(
                    "{} flagged good example: {ex} ({:?})",
                    m.id,
                    &ex[f.spans[0].start..f.spans[0].end]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn fixes_apply_cleanly_to_bad_examples() {
    let checker = Checker::new();
    let ctx = Context::default();
    for m in rules::metas() {
        for ex in m.bad {
            for f in checker.check(ex, &ctx).findings.iter().filter(|f| f.rule == m.id) {
                if let Some(fix) = &f.fix {
                    let fixed = fix.apply(ex);
                    assert_ne!(fixed, *ex, "{}: fix changes nothing on {ex}", m.id);
                    let again = checker.check(&fixed, &ctx);
                    assert!(
                        !again.findings.iter().any(|g| g.rule == m.id && g.spans == f.spans),
                        "{}: the same finding remains after its fix: {fixed}",
                        m.id
                    );
                }
            }
        }
    }
}

#[test]
fn the_rule_book_is_up_to_date() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/rules.md");
    let book = rules::book_markdown();
    if std::env::var_os("PRIMUM_BLESS").is_some() {
        std::fs::write(path, &book).expect("write docs/rules.md");
    }
    let on_disk = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        on_disk == book,
        "docs/rules.md is stale: run `PRIMUM_BLESS=1 cargo test -p primum-core --test rule_examples`"
    );
}
