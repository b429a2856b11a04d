//! `primum audit PATH…`: checks everything in a data download (X, Facebook, LinkedIn) and
//! prints a table, JSON, CSV or SARIF.

use crate::UserError;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use primum_core::archive::{self, context_for, excerpt, listed, Audit, AuditReport, Skipped};
use primum_core::{rules, Checker, Policy, Report, Severity, Verdict};
use serde_json::{json, Value};
use std::fs::File;
use std::io::{self, BufReader, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use unicode_width::UnicodeWidthChar;

/// How to print the audit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum AuditFormat {
    /// Flagged posts, then totals per category and year (for people).
    Table,
    /// One JSON object: verdict, totals, posts with their reports, sources, skipped.
    Json,
    /// One row per finding (spreadsheet-safe: formulas are neutralised).
    Csv,
    /// SARIF 2.1.0, for code-scanning and compliance tools.
    Sarif,
}

/// Options of `primum audit`.
pub(crate) struct Options {
    pub paths: Vec<PathBuf>,
    pub format: AuditFormat,
    pub all: bool,
    pub output: Option<PathBuf>,
}

pub(crate) fn run(opts: Options, policy: &Policy) -> Result<ExitCode, UserError> {
    // Open the output first, so a wrong path fails before minutes of work.
    let output = match &opts.output {
        Some(path) => Some(
            File::create(path)
                .map_err(|e| UserError(format!("could not create the report file {}: {e}", path.display())))?,
        ),
        None => None,
    };
    let progress = progress_bar();
    let audit = read_all(&opts.paths, &progress)?;
    let checker = Checker::with_policy(policy);
    for w in checker.warnings() {
        progress.suspend(|| eprintln!("primum: policy: {w}"));
    }
    let report = check_all(audit, &checker, &progress);
    progress.finish_and_clear();
    for s in &report.skipped {
        eprintln!("primum: skipped {}: {}", s.file, s.reason);
    }
    if report.totals.posts == 0 {
        eprintln!("primum: no posts with text were found, so there is nothing to flag");
    }
    if !report.skipped.is_empty() {
        eprintln!(
            "primum: partial results: {} part(s) of the input could not be read (listed above)",
            report.skipped.len()
        );
    }
    let write = |out: &mut dyn Write| -> io::Result<()> {
        match opts.format {
            AuditFormat::Table => table(out, &report),
            AuditFormat::Json => archive::write_json(out, &report, opts.all),
            AuditFormat::Csv => archive::write_csv(out, &report, opts.all),
            AuditFormat::Sarif => sarif(out, &report, opts.all),
        }
    };
    let result = match output {
        Some(f) => {
            let mut w = BufWriter::new(f);
            write(&mut w).and_then(|()| w.flush())
        }
        None => {
            let mut w = BufWriter::new(io::stdout().lock());
            write(&mut w).and_then(|()| w.flush())
        }
    };
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => return Err(UserError(format!("could not write the report: {e}"))),
        Ok(()) => {}
    }
    Ok(if report.verdict == Verdict::Ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// A bar on stderr when it is a terminal; hidden otherwise (pipes, CI, tests).
fn progress_bar() -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    pb.set_style(ProgressStyle::with_template("{spinner} {msg}").unwrap_or_else(|_| ProgressStyle::default_spinner()));
    pb.enable_steady_tick(std::time::Duration::from_millis(120));
    pb
}

/// Reads every path; a path that cannot be read at all fails the run when it is the only
/// one, and is reported as skipped when others could be read.
fn read_all(paths: &[PathBuf], progress: &ProgressBar) -> Result<Audit, UserError> {
    let mut audit = Audit::default();
    let mut errors = Vec::new();
    for path in paths {
        progress.set_message(format!("reading {}", path.display()));
        match read_path(path) {
            Ok(a) => audit.extend(a),
            Err(e) => errors.push((path, e)),
        }
    }
    if errors.len() == paths.len() {
        let msgs: Vec<String> = errors.into_iter().map(|(_, e)| e).collect();
        return Err(UserError(msgs.join("\nprimum: ")));
    }
    for (path, reason) in errors {
        let prefix = format!("{}: ", path.display());
        let reason = reason.strip_prefix(&prefix).unwrap_or(&reason).to_string();
        audit.skipped.push(Skipped { file: path.display().to_string(), reason });
    }
    Ok(audit)
}

/// One path: a zip is read entry by entry from the file (never wholly in memory); any
/// other file is size-checked before it is read.
fn read_path(path: &Path) -> Result<Audit, String> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| format!("{name}: cannot read it: {e}"))?;
    if meta.is_dir() {
        return read_dir(path);
    }
    let file = File::open(path).map_err(|e| format!("{name}: cannot open it: {e}"))?;
    archive::parse_seekable(&name, BufReader::new(file), meta.len()).map_err(|e| e.to_string())
}

/// An unpacked download: every posts file under `dir` (symbolic links are not followed).
fn read_dir(dir: &Path) -> Result<Audit, String> {
    let name = dir.display().to_string();
    let mut found = Vec::new();
    let mut others = Vec::new();
    let mut stack = vec![(dir.to_path_buf(), 0)];
    while let Some((d, depth)) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("{}: cannot read the directory: {e}", d.display()))?;
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else { continue };
            let path = entry.path();
            let rel = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            if kind.is_dir() && depth < 8 {
                stack.push((path, depth + 1));
            } else if kind.is_file() && archive::is_posts_file(&rel) {
                found.push(path);
            } else if kind.is_file() {
                others.push(rel);
            }
        }
    }
    if found.is_empty() {
        others.sort();
        return Err(format!(
            "{name}: {}; {}",
            archive::describe_other(&others).replace("a zip of", "a folder of").replace("the zip is", "the folder is"),
            archive::EXPECTED
        ));
    }
    found.sort();
    let mut audit = Audit::default();
    for path in found {
        match read_path(&path) {
            Ok(a) => audit.extend(a),
            Err(reason) => {
                let file = path.display().to_string();
                let reason = reason.strip_prefix(&format!("{file}: ")).unwrap_or(&reason).to_string();
                audit.skipped.push(Skipped { file, reason });
            }
        }
    }
    if audit.sources.is_empty() {
        let detail: Vec<String> = audit.skipped.iter().map(|s| format!("{}: {}", s.file, s.reason)).collect();
        return Err(format!("{name}: none of its posts files could be read ({})", detail.join("; ")));
    }
    Ok(audit)
}

/// Checks every post, on all cores for large archives.
fn check_all(audit: Audit, checker: &Checker, progress: &ProgressBar) -> AuditReport {
    let n = audit.posts.len();
    progress.set_length(n as u64);
    progress.set_position(0);
    progress.set_style(
        ProgressStyle::with_template("checking {bar:40} {pos}/{len} posts ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8).min(n / 2000 + 1);
    let chunk = n.div_ceil(threads.max(1)).max(1);
    let done = AtomicUsize::new(0);
    let reports: Vec<Report> = std::thread::scope(|s| {
        let handles: Vec<_> = audit
            .posts
            .chunks(chunk)
            .map(|posts| {
                let done = &done;
                let len = posts.len();
                let handle = s.spawn(move || {
                    let mut out = Vec::with_capacity(posts.len());
                    for (i, p) in posts.iter().enumerate() {
                        out.push(checker.check(&p.text, &context_for(p.site)));
                        if i % 512 == 511 {
                            let total = done.fetch_add(512, Ordering::Relaxed) + 512;
                            progress.set_position(total as u64);
                        }
                    }
                    out
                });
                (len, handle)
            })
            .collect();
        // A panicking check (a bug) empties that chunk's reports, never the whole audit,
        // and every other post keeps its own report.
        handles
            .into_iter()
            .flat_map(|(len, h)| h.join().unwrap_or_else(|_| vec![Report::new(Vec::new()); len]))
            .collect()
    });
    AuditReport::new(audit, reports)
}

/// One line, at most `width` columns, with `…` when cut.
fn one_line(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    for c in text.chars() {
        let c = if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c };
        let cw = c.width().unwrap_or(0);
        if w + cw > width.saturating_sub(1) {
            out.push('…');
            return out;
        }
        if c == ' ' && out.ends_with(' ') {
            continue;
        }
        out.push(c);
        w += cw;
    }
    out
}

fn table(out: &mut dyn Write, r: &AuditReport) -> io::Result<()> {
    for p in r.flagged() {
        let post = &p.post;
        let when = post.date.as_deref().map_or("undated", |d| d.get(..10).unwrap_or(d));
        let link = post.permalink.as_deref().unwrap_or(&post.id);
        writeln!(out, "{:<7} {when}  {} {}  {link}", p.report.verdict.id(), post.site.name(), post.kind.id())?;
        writeln!(out, "        \"{}\"", one_line(&post.text, 100))?;
        for f in p.report.findings.iter().filter(|f| f.severity >= Severity::Warning) {
            writeln!(
                out,
                "        {:<8} {}: {} ({})",
                f.severity.id(),
                f.rule,
                f.message,
                one_line(&excerpt(&post.text, f), 40)
            )?;
        }
        writeln!(out)?;
    }
    let t = &r.totals;
    writeln!(out, "{:<26}{:>8}{:>10}", "category", "posts", "findings")?;
    for c in &t.by_category {
        writeln!(out, "{:<26}{:>8}{:>10}", c.category.id(), c.posts, c.findings)?;
    }
    writeln!(out)?;
    writeln!(out, "{:<26}{:>8}{:>10}", "year", "posts", "flagged")?;
    for y in &t.by_year {
        writeln!(out, "{:<26}{:>8}{:>10}", y.year, y.posts, y.flagged)?;
    }
    writeln!(out)?;
    for s in &r.sources {
        let extra = if s.without_text > 0 { format!(" ({} without text)", s.without_text) } else { String::new() };
        writeln!(out, "read {}: {} {} posts{extra}", s.file, s.posts, s.site.name())?;
    }
    for s in &r.skipped {
        writeln!(out, "skipped {}: {}", s.file, s.reason)?;
    }
    writeln!(
        out,
        "verdict: {} ({} of {} posts flagged: {} stop, {} caution{})",
        r.verdict.id(),
        t.flagged,
        t.posts,
        t.stop,
        t.caution,
        if r.skipped.is_empty() { String::new() } else { format!("; partial, {} skipped", r.skipped.len()) }
    )
}

/// A file path as a URI reference: bytes outside RFC 3986's unreserved set and `/` are
/// percent-encoded (spaces in download names, accents).
fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// SARIF 2.1.0: one run, every rule in the driver, one result per finding. The location is
/// the post's permalink when the export gives one, else the file it came from.
fn sarif(out: &mut dyn Write, r: &AuditReport, all: bool) -> io::Result<()> {
    let metas = rules::metas();
    let rules_json: Vec<Value> = metas
        .iter()
        .map(|m| {
            json!({
                "id": m.id,
                "name": m.id.rsplit('/').next().unwrap_or(m.id),
                "shortDescription": {"text": m.message},
                "fullDescription": {"text": m.rationale},
                "help": {"text": format!("{} Guidance: {}", m.rationale, m.guidance)},
                "defaultConfiguration": {"level": sarif_level(m.severity)},
                "properties": {"category": m.category.id(), "guidance": m.guidance}
            })
        })
        .collect();
    let mut results = Vec::new();
    for p in listed(r, all) {
        let post = &p.post;
        for f in &p.report.findings {
            let uri = post.permalink.clone().unwrap_or_else(|| uri_path(&post.file));
            let mut res = json!({
                "ruleId": f.rule,
                "level": sarif_level(f.severity),
                "message": {"text": format!("{} — \"{}\"", f.message, excerpt(&post.text, f))},
                "locations": [{
                    "physicalLocation": {"artifactLocation": {"uri": uri}},
                    "logicalLocations": [{"name": post.id, "fullyQualifiedName": format!("{}/{}", post.site.id(), post.id)}]
                }],
                "partialFingerprints": {"primumPost/v1": format!("{}/{}/{}", post.site.id(), post.id, f.rule)},
                "properties": {
                    "site": post.site.id(), "kind": post.kind.id(), "postId": post.id, "date": post.date,
                    "permalink": post.permalink, "file": post.file, "category": f.category.id(),
                    "excerpt": excerpt(&post.text, f), "text": post.text
                }
            });
            if let Some(i) = metas.iter().position(|m| m.id == f.rule) {
                res["ruleIndex"] = json!(i);
            }
            results.push(res);
        }
    }
    let notes: Vec<Value> = r
        .skipped
        .iter()
        .map(|s| json!({"level": "warning", "message": {"text": format!("skipped {}: {}", s.file, s.reason)}}))
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "primum",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://example.invalid/primum",
                "rules": rules_json
            }},
            "invocations": [{"executionSuccessful": true, "toolExecutionNotifications": notes}],
            "results": results,
            "properties": {"totals": r.totals, "verdict": r.verdict}
        }]
    });
    serde_json::to_writer(&mut *out, &doc).map_err(io::Error::from)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_paths_become_uri_references() {
        assert_eq!(uri_path("my download.zip/data/tweets.js"), "my%20download.zip/data/tweets.js");
        assert_eq!(uri_path("é.zip"), "%C3%A9.zip");
    }

    #[test]
    fn one_line_cuts_by_width() {
        assert_eq!(one_line("a\nb", 10), "a b");
        assert_eq!(one_line("東京東京東京", 6), "東京…");
    }
}
