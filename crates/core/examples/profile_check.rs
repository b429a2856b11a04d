//! A driver for profilers (`perf record`, callgrind): `cargo build --release -p primum-core --example profile_check`,
//! then `target/release/examples/profile_check ROUNDS`. It checks the `dev.jsonl` posts ROUNDS times and prints
//! the best MB/s of five batches; `ONE="text"` checks that one text ROUNDS times instead; `SLOWEST=1` also
//! times each post on its own (20 checks in a row) and lists the slowest.
use primum_core::{Checker, Context};
fn main() {
    let dev = include_str!("../../../tests/corpus/dev.jsonl");
    let lines: Vec<String> = dev
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    let t0 = std::time::Instant::now();
    let checker = Checker::new();
    eprintln!("build {:?}", t0.elapsed());
    let ctx = Context::default();
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(200);
    if let Ok(text) = std::env::var("ONE") {
        let t = std::time::Instant::now();
        for _ in 0..rounds {
            std::hint::black_box(checker.check(std::hint::black_box(&text), &ctx));
        }
        eprintln!("{:.2} us per check", t.elapsed().as_secs_f64() * 1e6 / rounds as f64);
        return;
    }
    let mut n = 0;
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = std::time::Instant::now();
        for _ in 0..rounds / 5 {
            for l in &lines {
                n += checker.check(l, &ctx).findings.len();
            }
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let bytes: usize = lines.iter().map(|l| l.len()).sum::<usize>() * (rounds / 5);
    let t = std::time::Instant::now() - std::time::Duration::from_secs_f64(best);
    if std::env::var_os("SLOWEST").is_some() {
        let mut times: Vec<(f64, usize, &str)> = lines
            .iter()
            .map(|l| {
                let t = std::time::Instant::now();
                for _ in 0..20 {
                    std::hint::black_box(checker.check(l, &ctx));
                }
                (t.elapsed().as_secs_f64() / 20.0 * 1e6, l.len(), l.as_str())
            })
            .collect();
        let total: f64 = times.iter().map(|t| t.0).sum();
        times.sort_by(|a, b| b.0.total_cmp(&a.0));
        eprintln!("total {total:.0} us over {} posts", times.len());
        for (us, len, l) in times.iter().take(8) {
            eprintln!("{us:8.1} us {len:5} B  {}", l.chars().take(60).collect::<String>());
        }
    }
    eprintln!("{n} findings, {:.1} MB/s", bytes as f64 / t.elapsed().as_secs_f64() / 1e6);
}
