//! The audit report as files people keep: JSON and CSV. One writer for the command line
//! (`primum audit --format json|csv`) and the extension's report page (*Export JSON / CSV*),
//! so both produce the same bytes for the same download.

use super::{AuditReport, AuditedPost, Skipped, Source, Totals};
use crate::{Finding, Verdict};
use serde::Serialize;
use std::io::{self, Write};

/// The posts a report lists: the flagged ones, or every post when `all` is set.
pub fn listed(report: &AuditReport, all: bool) -> impl Iterator<Item = &AuditedPost> {
    report.posts.iter().filter(move |p| all || p.report.verdict != Verdict::Ok)
}

/// The text a finding points at (its first span), or `""` when the span is not in `text`.
pub fn excerpt(text: &str, finding: &Finding) -> String {
    finding.spans.first().and_then(|s| text.get(s.start..s.end)).unwrap_or("").to_string()
}

/// The JSON export's shape.
#[derive(Serialize)]
struct JsonView<'a> {
    verdict: Verdict,
    partial: bool,
    totals: &'a Totals,
    posts: Vec<&'a AuditedPost>,
    sources: &'a [Source],
    skipped: &'a [Skipped],
}

/// Writes one JSON object and a newline: `verdict`, `partial` (something was skipped),
/// `totals`, `posts` (flagged, or all with `all`) with their reports, `sources`, `skipped`.
pub fn write_json(out: &mut dyn Write, report: &AuditReport, all: bool) -> io::Result<()> {
    let view = JsonView {
        verdict: report.verdict,
        partial: !report.skipped.is_empty(),
        totals: &report.totals,
        posts: listed(report, all).collect(),
        sources: &report.sources,
        skipped: &report.skipped,
    };
    // `io::Error::from` keeps the I/O error itself (a closed pipe stays `BrokenPipe`).
    serde_json::to_writer(&mut *out, &view).map_err(io::Error::from)?;
    writeln!(out)
}

/// A CSV cell: spreadsheet formulas neutralised (a leading `'` before `= + - @`, tab or CR),
/// quoted when needed, quotes doubled.
pub fn csv_cell(s: &str) -> String {
    let mut v = String::with_capacity(s.len() + 3);
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        v.push('\'');
    }
    v.push_str(s);
    if v.contains([',', '"', '\n', '\r']) || v.starts_with(' ') || v.ends_with(' ') {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

/// The CSV export's columns.
pub const CSV_HEADER: [&str; 14] = [
    "site",
    "kind",
    "id",
    "date",
    "permalink",
    "verdict",
    "severity",
    "category",
    "rule",
    "message",
    "excerpt",
    "guidance",
    "text",
    "file",
];

/// Writes CSV: the header, then one row per finding (a post without findings, listed with
/// `all`, gets one row with empty finding columns). Rows end in CRLF (RFC 4180); every cell
/// goes through [`csv_cell`].
pub fn write_csv(out: &mut dyn Write, report: &AuditReport, all: bool) -> io::Result<()> {
    writeln!(out, "{}", CSV_HEADER.join(","))?;
    for p in listed(report, all) {
        let post = &p.post;
        let row = |f: Option<&Finding>| -> [String; 14] {
            [
                post.site.id().into(),
                post.kind.id().into(),
                post.id.clone(),
                post.date.clone().unwrap_or_default(),
                post.permalink.clone().unwrap_or_default(),
                p.report.verdict.id().into(),
                f.map_or("", |f| f.severity.id()).into(),
                f.map_or("", |f| f.category.id()).into(),
                f.map_or(String::new(), |f| f.rule.clone()),
                f.map_or(String::new(), |f| f.message.clone()),
                f.map_or(String::new(), |f| excerpt(&post.text, f)),
                f.map_or(String::new(), |f| f.guidance.clone()),
                post.text.clone(),
                post.file.clone(),
            ]
        };
        let rows: Vec<[String; 14]> = if p.report.findings.is_empty() {
            vec![row(None)]
        } else {
            p.report.findings.iter().map(|f| row(Some(f))).collect()
        };
        for cells in rows {
            let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
            out.write_all(line.join(",").as_bytes())?;
            out.write_all(b"\r\n")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;
    use crate::Checker;

    #[test]
    fn csv_cells_are_safe_in_spreadsheets() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+1 agreed"), "'+1 agreed");
        assert_eq!(csv_cell("-5"), "'-5");
        assert_eq!(csv_cell("@team"), "'@team");
        assert_eq!(csv_cell("\tx"), "'\tx");
        assert_eq!(csv_cell("\rx"), "\"'\rx\"");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(csv_cell("plain é 😀"), "plain é 😀");
    }

    fn report() -> AuditReport {
        let tweets = r#"window.YTD.tweets.part0 = [
          {"tweet": {"id_str": "1", "full_text": "=1+1 Mr. Jones in bed 4 again", "created_at": "Wed Oct 10 20:19:24 +0000 2018"}},
          {"tweet": {"id_str": "2", "full_text": "Journal club at noon"}}]"#;
        AuditReport::check(parse("tweets.js", tweets.as_bytes()).unwrap(), &Checker::new(), |_| {})
    }

    #[test]
    fn csv_lists_one_row_per_finding_of_flagged_posts() {
        let r = report();
        let mut out = Vec::new();
        write_csv(&mut out, &r, false).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], CSV_HEADER.join(","));
        assert_eq!(lines.len() - 1, r.posts[0].report.findings.len());
        assert!(
            lines[1].starts_with("x,post,1,2018-10-10T20:19:24Z,https://x.com/i/web/status/1,stop,"),
            "{}",
            lines[1]
        );
        assert!(lines[1].contains(",'=1+1 Mr. Jones in bed 4 again,"), "{}", lines[1]);
        let mut all = Vec::new();
        write_csv(&mut all, &r, true).unwrap();
        assert!(String::from_utf8(all)
            .unwrap()
            .ends_with("x,post,2,,https://x.com/i/web/status/2,ok,,,,,,,Journal club at noon,tweets.js\r\n"));
    }

    #[test]
    fn json_lists_flagged_posts_with_totals() {
        let r = report();
        let mut out = Vec::new();
        write_json(&mut out, &r, false).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["verdict"], "stop");
        assert_eq!(v["partial"], false);
        assert_eq!(v["totals"]["posts"], 2);
        assert_eq!(v["posts"].as_array().unwrap().len(), 1);
        assert_eq!(v["posts"][0]["post"]["id"], "1");
    }
}
