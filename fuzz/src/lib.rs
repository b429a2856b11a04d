//! What every archive fuzz target asserts, in one place.

use primum_core::archive::{self, AuditReport};
use primum_core::Checker;
use std::sync::OnceLock;

/// The default checker, built once per fuzzing process (shared by `check` and the archive targets).
pub fn checker() -> &'static Checker {
    static C: OnceLock<Checker> = OnceLock::new();
    C.get_or_init(Checker::new)
}

/// Parses `bytes` as the file `name` and checks what came out: never a panic; an error names the
/// file; the per-file post counts add up to the posts read; every post is audited and the
/// totals agree with the posts.
pub fn parse_and_audit(name: &str, bytes: &[u8]) {
    match archive::parse(name, bytes) {
        Err(e) => {
            let message = e.to_string();
            assert!(message.starts_with(name), "the error does not name the file: {message}");
        }
        Ok(audit) => {
            let counted: usize = audit.sources.iter().map(|s| s.posts).sum();
            assert_eq!(counted, audit.posts.len(), "sources count {counted} posts, {} were read", audit.posts.len());
            let report = AuditReport::check(audit, checker(), |_| {});
            let t = &report.totals;
            assert_eq!(t.posts, report.posts.len());
            assert_eq!(t.flagged, t.stop + t.caution);
            assert_eq!(t.flagged, report.flagged().count());
        }
    }
}

/// `bytes` with `header` in front unless they already start with `already` (a seed from
/// `primum generate-archive` is a whole file; raw fuzz input is the body only).
pub fn with_header(header: &[u8], already: &[u8], bytes: &[u8]) -> Vec<u8> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.starts_with(already) {
        bytes.to_vec()
    } else {
        [header, bytes].concat()
    }
}
