//! The result of an audit: every post with its [`Report`], and totals per category and year.

use super::{Audit, Post, Site, Skipped, Source};
use crate::{Category, Checker, Context, Report, Severity, Verdict};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One post and what the checker found in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditedPost {
    /// The post as read from the export.
    pub post: Post,
    /// The checker's report on its text.
    pub report: Report,
}

/// How many posts a category flagged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryTotal {
    /// The category.
    pub category: Category,
    /// Posts with a finding of this category at `warning` or above.
    pub posts: usize,
    /// Findings of this category at any severity.
    pub findings: usize,
}

/// Posts and flagged posts of one year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearTotal {
    /// `2018`, or `unknown` when the export gave no date.
    pub year: String,
    /// Posts published that year.
    pub posts: usize,
    /// Of those, posts whose verdict is not `ok`.
    pub flagged: usize,
}

/// Totals over the whole audit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// Posts checked.
    pub posts: usize,
    /// Posts whose verdict is not `ok` (`caution` or `stop`).
    pub flagged: usize,
    /// Posts whose verdict is `stop`.
    pub stop: usize,
    /// Posts whose verdict is `caution`.
    pub caution: usize,
    /// Every category, in [`Category::ALL`] order.
    pub by_category: Vec<CategoryTotal>,
    /// Every year with posts, oldest first (`unknown` last).
    pub by_year: Vec<YearTotal>,
}

/// A whole audit: the posts with their reports, the totals, and what was read and skipped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditReport {
    /// The worst verdict over all posts.
    pub verdict: Verdict,
    /// Totals per category and per year.
    pub totals: Totals,
    /// Every post, in the order read, with its report.
    pub posts: Vec<AuditedPost>,
    /// The files read.
    pub sources: Vec<Source>,
    /// What could not be read, so the results are partial when this is not empty.
    pub skipped: Vec<Skipped>,
}

/// The checker context for a post of `site`.
pub fn context_for(site: Site) -> Context {
    Context { platform: Some(site.id().to_string()), lang: None }
}

impl AuditReport {
    /// Checks every post of `audit` with `checker`, calling `progress(done)` every 256 posts
    /// and at the end.
    pub fn check(audit: Audit, checker: &Checker, mut progress: impl FnMut(usize)) -> AuditReport {
        let mut checking = Checking::new(audit);
        while checking.done() < checking.total() {
            progress(checking.next(checker, 256));
        }
        progress(checking.total());
        checking.finish()
    }

    /// Assembles a report from `audit` and one report per post, in the same order (as
    /// produced by checking the posts elsewhere, e.g. on several threads). Posts without a
    /// report get an empty one.
    pub fn new(audit: Audit, reports: Vec<Report>) -> AuditReport {
        let mut reports = reports.into_iter();
        let posts: Vec<AuditedPost> = audit
            .posts
            .into_iter()
            .map(|post| AuditedPost { post, report: reports.next().unwrap_or_else(|| Report::new(Vec::new())) })
            .collect();
        let totals = Totals::of(&posts);
        let verdict = posts.iter().map(|p| p.report.verdict).max().unwrap_or(Verdict::Ok);
        AuditReport { verdict, totals, posts, sources: audit.sources, skipped: audit.skipped }
    }

    /// The posts whose verdict is not `ok`.
    pub fn flagged(&self) -> impl Iterator<Item = &AuditedPost> {
        self.posts.iter().filter(|p| p.report.verdict != Verdict::Ok)
    }
}

/// An audit being checked a chunk at a time, so a page can show progress between chunks
/// (the extension's report page checks 500 posts per call from its worker).
#[derive(Debug)]
pub struct Checking {
    audit: Audit,
    reports: Vec<Report>,
}

impl Checking {
    /// Starts checking the posts of `audit`, none checked yet.
    pub fn new(audit: Audit) -> Checking {
        let reports = Vec::with_capacity(audit.posts.len());
        Checking { audit, reports }
    }

    /// What was read: the posts, their files and what was skipped.
    pub fn audit(&self) -> &Audit {
        &self.audit
    }

    /// How many posts there are to check.
    pub fn total(&self) -> usize {
        self.audit.posts.len()
    }

    /// How many posts are checked.
    pub fn done(&self) -> usize {
        self.reports.len()
    }

    /// Checks up to `n` more posts with `checker`; returns how many are checked now.
    pub fn next(&mut self, checker: &Checker, n: usize) -> usize {
        let start = self.reports.len();
        let end = start.saturating_add(n).min(self.audit.posts.len());
        for post in &self.audit.posts[start..end] {
            self.reports.push(checker.check(&post.text, &context_for(post.site)));
        }
        self.reports.len()
    }

    /// The report. Posts not checked yet (when called early) get an empty report.
    pub fn finish(self) -> AuditReport {
        AuditReport::new(self.audit, self.reports)
    }
}

impl Totals {
    /// Counts `posts`.
    pub fn of(posts: &[AuditedPost]) -> Totals {
        let mut by_category: Vec<CategoryTotal> =
            Category::ALL.into_iter().map(|category| CategoryTotal { category, posts: 0, findings: 0 }).collect();
        let mut years: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        let mut t = Totals { posts: posts.len(), ..Totals::default() };
        for p in posts {
            let verdict = p.report.verdict;
            match verdict {
                Verdict::Stop => t.stop += 1,
                Verdict::Caution => t.caution += 1,
                Verdict::Ok => {}
            }
            let flagged = verdict != Verdict::Ok;
            t.flagged += usize::from(flagged);
            let year = years.entry(p.post.year().unwrap_or("unknown").to_string()).or_default();
            year.0 += 1;
            year.1 += usize::from(flagged);
            for c in &mut by_category {
                let mut any = false;
                for f in p.report.findings.iter().filter(|f| f.category == c.category) {
                    c.findings += 1;
                    any |= f.severity >= Severity::Warning;
                }
                c.posts += usize::from(any);
            }
        }
        let unknown = years.remove("unknown");
        t.by_year = years.into_iter().map(|(year, (posts, flagged))| YearTotal { year, posts, flagged }).collect();
        if let Some((posts, flagged)) = unknown {
            t.by_year.push(YearTotal { year: "unknown".into(), posts, flagged });
        }
        t.by_category = by_category;
        t
    }
}

#[cfg(test)]
mod tests {
    use super::super::{parse, Kind};
    use super::*;

    #[test]
    fn totals_per_category_and_year() {
        let tweets = r#"window.YTD.tweets.part0 = [
          {"tweet": {"id_str": "1", "full_text": "Mr. Jones in bed 4 finally got his MRI", "created_at": "Wed Oct 10 20:19:24 +0000 2018"}},
          {"tweet": {"id_str": "2", "full_text": "Great journal club on sepsis today", "created_at": "Wed Oct 10 20:19:24 +0000 2018"}},
          {"tweet": {"id_str": "3", "full_text": "Lovely weather", "created_at": "Fri Jan 03 10:00:00 +0000 2020"}},
          {"tweet": {"id_str": "4", "full_text": "Undated and fine"}}]"#;
        let audit = parse("tweets.js", tweets.as_bytes()).unwrap();
        let mut calls = Vec::new();
        let r = AuditReport::check(audit, &Checker::new(), |n| calls.push(n));
        assert_eq!(calls.last(), Some(&4));
        assert_eq!(r.verdict, Verdict::Stop);
        assert_eq!((r.totals.posts, r.totals.flagged, r.totals.stop), (4, 1, 1));
        let privacy = r.totals.by_category.iter().find(|c| c.category == Category::PatientPrivacy).unwrap();
        assert_eq!(privacy.posts, 1);
        assert_eq!(r.totals.by_category.len(), 10);
        let years: Vec<(&str, usize, usize)> =
            r.totals.by_year.iter().map(|y| (y.year.as_str(), y.posts, y.flagged)).collect();
        assert_eq!(years, [("2018", 2, 1), ("2020", 1, 0), ("unknown", 1, 0)]);
        assert_eq!(r.flagged().map(|p| p.post.id.as_str()).collect::<Vec<_>>(), ["1"]);
        assert_eq!(r.posts[0].post.kind, Kind::Post);
    }

    #[test]
    fn checking_in_chunks_equals_checking_at_once() {
        let tweets: Vec<String> = (0..7)
            .map(|i| {
                let text = if i % 3 == 0 { "Mr. Jones in bed 4 again" } else { "Journal club at noon" };
                format!(r#"{{"tweet": {{"id_str": "{i}", "full_text": "{text}"}}}}"#)
            })
            .collect();
        let file = format!("window.YTD.tweets.part0 = [{}]", tweets.join(","));
        let audit = parse("tweets.js", file.as_bytes()).unwrap();
        let checker = Checker::new();
        let mut checking = Checking::new(audit.clone());
        assert_eq!((checking.done(), checking.total()), (0, 7));
        assert_eq!([checking.next(&checker, 3), checking.next(&checker, 3), checking.next(&checker, 3)], [3, 6, 7]);
        assert_eq!(checking.next(&checker, 3), 7, "nothing left to check");
        let chunked = checking.finish();
        assert_eq!(chunked, AuditReport::check(audit, &checker, |_| {}));
        assert_eq!(chunked.totals.flagged, 3);
    }

    #[test]
    fn empty_audit_is_ok() {
        let r = AuditReport::new(Audit::default(), Vec::new());
        assert_eq!((r.verdict, r.totals.posts), (Verdict::Ok, 0));
    }
}
