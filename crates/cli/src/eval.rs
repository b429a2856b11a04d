//! `primum eval`: recall, precision and false-alarm rate per category on a labeled corpus.
//!
//! A post counts as flagged for a category when a finding of that category is at `warning`
//! or above (the corpus README's rule).

use crate::UserError;
use primum_core::rules::learned::train::LabeledPost;
use primum_core::{Category, Checker, Policy};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Default)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
    misses: Vec<String>,
    false_alarms: Vec<String>,
}

pub(crate) fn run(paths: &[PathBuf], verbose: bool, policy: &Policy) -> Result<ExitCode, UserError> {
    let mut posts = Vec::new();
    for path in paths {
        posts.extend(read_corpus(path)?);
    }
    let checker = Checker::with_policy(policy);
    let mut tallies: Vec<Tally> = Category::ALL.iter().map(|_| Tally::default()).collect();
    let (mut acceptable, mut acceptable_flagged) = (0usize, 0usize);
    let mut alarm_ids = Vec::new();
    for post in &posts {
        let report = checker.check(&post.text, &post.context());
        let is_acceptable = post.is_acceptable();
        if is_acceptable {
            acceptable += 1;
            if Category::ALL.iter().any(|&c| report.flags(c)) {
                acceptable_flagged += 1;
                alarm_ids.push(post.id.clone());
            }
        }
        for (i, &c) in Category::ALL.iter().enumerate() {
            let labeled = post.has_label(c);
            let flagged = report.flags(c);
            let t = &mut tallies[i];
            match (labeled, flagged) {
                (true, true) => t.tp += 1,
                (true, false) => {
                    t.fn_ += 1;
                    t.misses.push(format!("{} {}", post.id, post.text));
                }
                (false, true) => {
                    t.fp += 1;
                    let why: Vec<String> = report
                        .findings
                        .iter()
                        .filter(|f| f.category == c && f.severity >= primum_core::Severity::Warning)
                        .map(|f| format!("{} «{}»", f.rule, &post.text[f.spans[0].start..f.spans[0].end]))
                        .collect();
                    t.false_alarms.push(format!("{} {} [{}]", post.id, post.text, why.join("; ")));
                }
                (false, false) => {}
            }
        }
    }
    println!("{} posts, {} acceptable\n", posts.len(), acceptable);
    println!("{:<26} {:>7} {:>9} {:>6} {:>4} {:>4} {:>4}", "category", "recall", "precision", "f1", "tp", "fp", "fn");
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for (i, &c) in Category::ALL.iter().enumerate() {
        let t = &tallies[i];
        tp += t.tp;
        fp += t.fp;
        fn_ += t.fn_;
        let (r, p) = (ratio(t.tp, t.tp + t.fn_), ratio(t.tp, t.tp + t.fp));
        println!("{:<26} {:>7.3} {:>9.3} {:>6.3} {:>4} {:>4} {:>4}", c.id(), r, p, f1(r, p), t.tp, t.fp, t.fn_);
    }
    let (r, p) = (ratio(tp, tp + fn_), ratio(tp, tp + fp));
    println!("{:<26} {:>7.3} {:>9.3} {:>6.3} {:>4} {:>4} {:>4}", "all (micro)", r, p, f1(r, p), tp, fp, fn_);
    println!(
        "\nfalse alarms on acceptable posts: {acceptable_flagged}/{acceptable} = {:.1}%",
        100.0 * ratio(acceptable_flagged, acceptable)
    );
    if verbose {
        for (i, &c) in Category::ALL.iter().enumerate() {
            for m in &tallies[i].misses {
                println!("MISS {c}: {m}");
            }
            for m in &tallies[i].false_alarms {
                println!("FALSE {c}: {m}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads a JSON-lines corpus file.
pub(crate) fn read_corpus(path: &Path) -> Result<Vec<LabeledPost>, UserError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| UserError(format!("could not read the corpus {}: {e}", path.display())))?;
    LabeledPost::parse_jsonl(&text, &path.display().to_string()).map_err(UserError)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(r: f64, p: f64) -> f64 {
    if r + p == 0.0 {
        0.0
    } else {
        2.0 * r * p / (r + p)
    }
}
