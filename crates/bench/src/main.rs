//! `primum-bench`: times Primum's core and rustrict on the same texts and says what each flags.
//!
//! Driven by `node tests/bench/sidebyside.mjs`, which builds the texts once for every tool (native,
//! alex in Node, wasm in Chromium) and computes every statistic in one place. This binary only
//! measures: it reads one JSON request on stdin and writes raw samples as JSON on stdout.
//!
//! Request: `{"runs": 5, "sets": {"tweet": {"platform": "x", "texts": [...]}, ...},
//! "detect": [{"text": ..., "platform": ..., "lang": ...}]}`.
//!
//! Response: for each tool, `cold` (first construction and first check, in ms), per set the wall
//! and CPU time of each run (ms) and each post's check time in each run (µs), and per `detect` post the
//! categories the tool flags (Primum: a finding at warning or above; rustrict: its default
//! `is_inappropriate`, reported as `profanity`).

use primum_core::{Category, Checker, Context};
use rustrict::{Censor, Type};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::hint::black_box;
use std::io::Read;
use std::process::ExitCode;
use std::time::Instant;

/// What to measure.
#[derive(Deserialize)]
struct Request {
    /// Timed passes over each set (after one untimed warm-up pass).
    runs: usize,
    /// Named sets of texts (`tweet`, `linkedin`).
    sets: BTreeMap<String, TextSet>,
    /// Labeled posts whose flags are reported (labels stay with the caller).
    #[serde(default)]
    detect: Vec<DetectPost>,
}

/// Texts of one size class, all from one platform.
#[derive(Deserialize)]
struct TextSet {
    platform: String,
    texts: Vec<String>,
}

/// A post to classify.
#[derive(Deserialize)]
struct DetectPost {
    text: String,
    #[serde(default)]
    platform: Option<String>,
    #[serde(default)]
    lang: Option<String>,
}

/// One tool's raw measurements.
#[derive(Serialize)]
struct ToolResult {
    /// One-time costs in ms: `construct` (first checker in the process) and `first_check`.
    cold: BTreeMap<&'static str, f64>,
    /// Per set: the timed runs.
    sets: BTreeMap<String, SetSamples>,
    /// Per `detect` post, the category ids the tool flags.
    detect: Vec<Vec<&'static str>>,
}

/// The timed runs over one set.
#[derive(Serialize)]
struct SetSamples {
    /// Wall time of each run over the whole set, in ms.
    wall_ms: Vec<f64>,
    /// CPU time of the process in each run, in ms.
    cpu_ms: Vec<f64>,
    /// Per run, each post's check time in µs (in set order).
    samples_us: Vec<Vec<f64>>,
}

/// A checker under test: one call per text, the result kept alive so it is not optimised away.
trait Tool {
    fn check(&self, text: &str, platform: &str) -> usize;
    fn flags(&self, post: &DetectPost) -> Vec<&'static str>;
}

struct Primum(Checker);

impl Tool for Primum {
    fn check(&self, text: &str, platform: &str) -> usize {
        let context = Context { platform: Some(platform.to_owned()), lang: None };
        self.0.check(text, &context).findings.len()
    }

    fn flags(&self, post: &DetectPost) -> Vec<&'static str> {
        let context = Context { platform: post.platform.clone(), lang: post.lang.clone() };
        let report = self.0.check(&post.text, &context);
        Category::ALL.iter().filter(|&&c| report.flags(c)).map(|c| c.id()).collect()
    }
}

/// rustrict has no construction step; `analyze` is the work behind its `is_inappropriate`.
struct Rustrict;

impl Rustrict {
    fn analyze(text: &str) -> Type {
        Censor::from_str(text).analyze()
    }
}

impl Tool for Rustrict {
    fn check(&self, text: &str, _platform: &str) -> usize {
        usize::from(Rustrict::analyze(text).is(Type::INAPPROPRIATE))
    }

    fn flags(&self, post: &DetectPost) -> Vec<&'static str> {
        if Rustrict::analyze(&post.text).is(Type::INAPPROPRIATE) {
            vec![Category::Profanity.id()]
        } else {
            Vec::new()
        }
    }
}

fn ms_since(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

/// CPU time this process has used, in ms (the same clock as Node's `process.cpuUsage` and
/// Chromium's `ProcessTime` metric, which the JS side reads).
fn cpu_ms() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec; CLOCK_PROCESS_CPUTIME_ID exists on every Linux.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) } == 0;
    if ok {
        ts.tv_sec as f64 * 1e3 + ts.tv_nsec as f64 / 1e6
    } else {
        f64::NAN
    }
}

/// Times `tool` on every set and classifies the `detect` posts.
fn measure(tool: &dyn Tool, cold: BTreeMap<&'static str, f64>, request: &Request) -> ToolResult {
    let mut sets = BTreeMap::new();
    for (name, set) in &request.sets {
        for text in &set.texts {
            black_box(tool.check(text, &set.platform));
        }
        let mut samples = SetSamples { wall_ms: Vec::new(), cpu_ms: Vec::new(), samples_us: Vec::new() };
        for _ in 0..request.runs {
            let mut run = Vec::with_capacity(set.texts.len());
            let cpu = cpu_ms();
            let start = Instant::now();
            for text in &set.texts {
                let t = Instant::now();
                black_box(tool.check(black_box(text), &set.platform));
                run.push(t.elapsed().as_secs_f64() * 1e6);
            }
            samples.wall_ms.push(ms_since(start));
            samples.cpu_ms.push(cpu_ms() - cpu);
            samples.samples_us.push(run);
        }
        sets.insert(name.clone(), samples);
    }
    let detect = request.detect.iter().map(|p| tool.flags(p)).collect();
    ToolResult { cold, sets, detect }
}

/// The first text of any set, for the cold first-check figure.
fn first_text(request: &Request) -> (&str, &str) {
    request.sets.values().find_map(|s| s.texts.first().map(|t| (t.as_str(), s.platform.as_str()))).unwrap_or(("", "x"))
}

fn main() -> ExitCode {
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("primum-bench: could not read the request on stdin ({e}); run it through tests/bench/sidebyside.mjs");
        return ExitCode::from(2);
    }
    let request: Request = match serde_json::from_str(&input) {
        Ok(r) => r,
        Err(e) => {
            eprintln!(
                "primum-bench: the request on stdin is not valid ({e}); expected \
                 {{\"runs\": N, \"sets\": {{\"tweet\": {{\"platform\": \"x\", \"texts\": [...]}}}}, \"detect\": [...]}} \
                 as written by tests/bench/sidebyside.mjs"
            );
            return ExitCode::from(2);
        }
    };
    let (text, platform) = first_text(&request);

    let t = Instant::now();
    let primum = Primum(Checker::new());
    let construct = ms_since(t);
    let t = Instant::now();
    black_box(primum.check(text, platform));
    let cold = BTreeMap::from([("construct", construct), ("first_check", ms_since(t))]);
    let primum = measure(&primum, cold, &request);

    let t = Instant::now();
    black_box(Rustrict.check(text, platform));
    let rustrict = measure(&Rustrict, BTreeMap::from([("first_check", ms_since(t))]), &request);

    let out = serde_json::json!({ "primum": primum, "rustrict": rustrict });
    println!("{out}");
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(json: &str) -> Request {
        serde_json::from_str(json).expect("a valid request")
    }

    #[test]
    fn every_post_of_every_run_is_timed() {
        let r = request(r#"{"runs": 3, "sets": {"tweet": {"platform": "x", "texts": ["one", "two words"]}}}"#);
        let out = measure(&Rustrict, BTreeMap::new(), &r);
        let tweet = &out.sets["tweet"];
        assert_eq!(tweet.wall_ms.len(), 3);
        assert!(tweet.cpu_ms.iter().all(|&ms| ms >= 0.0), "{:?}", tweet.cpu_ms);
        assert!(tweet.samples_us.iter().all(|run| run.len() == 2 && run.iter().all(|&us| us >= 0.0)));
    }

    #[test]
    fn flags_come_from_each_tool() {
        let r = request(
            r#"{"runs": 1, "sets": {}, "detect": [{"text": "what the fuck is this shit"}, {"text": "Flu shots at the clinic this week."}]}"#,
        );
        let rustrict = measure(&Rustrict, BTreeMap::new(), &r);
        assert_eq!(rustrict.detect, vec![vec!["profanity"], vec![]]);
        let primum = measure(&Primum(Checker::new()), BTreeMap::new(), &r);
        assert!(primum.detect[0].contains(&"profanity"), "{:?}", primum.detect);
        assert!(primum.detect[1].is_empty(), "{:?}", primum.detect);
    }
}
