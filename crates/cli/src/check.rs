//! `primum check`: one draft (human or JSON output) or a stream of JSON lines.

use crate::UserError;
use primum_core::{Checker, Context, Finding, Policy, Report, Verdict};
use serde::Serialize;
use serde_json::{json, Value};
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

pub(crate) fn run(text: Option<String>, jsonl: bool, json: bool, policy: &Policy) -> Result<ExitCode, UserError> {
    let checker = Checker::with_policy(policy);
    for w in checker.warnings() {
        eprintln!("primum: policy: {w}");
    }
    if jsonl {
        return run_jsonl(&checker);
    }
    let text = match text {
        Some(t) => t,
        None => {
            let mut buf = String::new();
            io::stdin()
                .read_to_string(&mut buf)
                .map_err(|e| UserError(format!("could not read the text from stdin (is it UTF-8?): {e}")))?;
            buf
        }
    };
    let report = checker.check(&text, &Context::default());
    if json {
        println!("{}", serde_json::to_string(&report).map_err(|e| UserError(e.to_string()))?);
    } else {
        print!("{}", render(&text, &report));
    }
    Ok(exit_for(report.verdict))
}

fn exit_for(verdict: Verdict) -> ExitCode {
    if verdict == Verdict::Ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

#[derive(Serialize)]
struct LineReport<'a> {
    id: &'a Value,
    verdict: Verdict,
    findings: &'a [Finding],
}

/// One JSON line out per line in, in order. A malformed line yields an error object in its
/// place and processing continues.
fn run_jsonl(checker: &Checker) -> Result<ExitCode, UserError> {
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut worst = Verdict::Ok;
    let mut line = Vec::new();
    let mut reader = stdin.lock();
    let mut n = 0usize;
    loop {
        line.clear();
        let read = reader.read_until(b'\n', &mut line).map_err(|e| UserError(format!("could not read stdin: {e}")))?;
        if read == 0 {
            break;
        }
        n += 1;
        let raw = String::from_utf8_lossy(&line);
        let raw = raw.trim_end_matches(['\n', '\r']);
        if raw.trim().is_empty() {
            continue;
        }
        let result = match serde_json::from_str::<Value>(raw) {
            Err(e) => json!({"line": n, "error": format!("not valid JSON: {e}")}),
            Ok(v) => match v.get("text").and_then(Value::as_str) {
                None => {
                    let mut o = json!({"line": n, "error": "missing \"text\" (a string)"});
                    if let Some(id) = v.get("id") {
                        o["id"] = id.clone();
                    }
                    o
                }
                Some(text) => {
                    let ctx = Context {
                        platform: v.get("platform").and_then(Value::as_str).map(str::to_owned),
                        lang: v.get("lang").and_then(Value::as_str).map(str::to_owned),
                    };
                    let report = checker.check(text, &ctx);
                    worst = worst.max(report.verdict);
                    let id = v.get("id").cloned().unwrap_or(Value::Null);
                    serde_json::to_value(LineReport { id: &id, verdict: report.verdict, findings: &report.findings })
                        .unwrap_or_else(|e| json!({"line": n, "error": e.to_string()}))
                }
            },
        };
        writeln!(out, "{result}").map_err(|e| UserError(format!("could not write stdout: {e}")))?;
    }
    out.flush().map_err(|e| UserError(format!("could not write stdout: {e}")))?;
    Ok(exit_for(worst))
}

/// Human-readable findings, each with its line and the offending words underlined.
pub(crate) fn render(text: &str, report: &Report) -> String {
    let mut s = String::new();
    if report.findings.is_empty() {
        s.push_str("ok: nothing to flag\n");
        return s;
    }
    for f in &report.findings {
        s.push_str(&format!("{}[{}]: {}\n", f.severity, f.rule, f.message));
        for span in &f.spans {
            let line_start = text[..span.start].rfind('\n').map_or(0, |p| p + 1);
            let line_end = text[span.start..].find('\n').map_or(text.len(), |p| span.start + p);
            let line_no = text[..span.start].matches('\n').count() + 1;
            let end = span.end.min(line_end).max(span.start);
            let gutter = format!("{line_no}");
            s.push_str(&format!("{} |\n{gutter} | {}\n", " ".repeat(gutter.len()), &text[line_start..line_end]));
            let pad = text[line_start..span.start].width();
            let marks = text[span.start..end].width().max(1);
            s.push_str(&format!("{} | {}{}\n", " ".repeat(gutter.len()), " ".repeat(pad), "^".repeat(marks)));
        }
        s.push_str(&format!("  = guidance: {}\n", f.guidance));
        if let Some(fix) = &f.fix {
            s.push_str(&format!("  = fix: {}\n", fix.label));
        }
        s.push('\n');
    }
    s.push_str(&format!("verdict: {}\n", report.verdict.id()));
    s
}
