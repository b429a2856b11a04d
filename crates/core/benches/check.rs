//! Criterion benchmarks: `cargo bench -p primum-core`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use primum_core::{Checker, Context, Policy};
use std::hint::black_box;

const TWEET: &str = "Long night in the ED. The 45yo in bed 4 with chest pain turned out to be a PE, caught it early \
thanks to a sharp nurse. Reminder to everyone: listen to your nurses, and get your flu shot! #MedTwitter #nursing";

fn linkedin() -> String {
    let para = "I am proud to share that our team published its quality-improvement study on sepsis recognition \
in the emergency department. Over 18 months we screened 12,400 adult visits and reduced time to antibiotics by 34 \
minutes. None of this happens without nurses, pharmacists and physicians working as one team. ";
    para.repeat(3000 / para.len() + 1)[..3000].to_string()
}

fn corpus() -> String {
    let mut s = String::new();
    let dev = include_str!("../../../tests/corpus/dev.jsonl");
    for line in dev.lines() {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
            if let Some(t) = v["text"].as_str() {
                s.push_str(t);
                s.push('\n');
            }
        }
    }
    s
}

fn bench(c: &mut Criterion) {
    let checker = Checker::new();
    let ctx = Context::default();
    let mut g = c.benchmark_group("check");
    g.throughput(Throughput::Bytes(TWEET.len() as u64));
    g.bench_function("tweet_280", |b| b.iter(|| checker.check(black_box(&TWEET[..280.min(TWEET.len())]), &ctx)));
    let li = linkedin();
    g.throughput(Throughput::Bytes(li.len() as u64));
    g.bench_function("linkedin_3000", |b| b.iter(|| checker.check(black_box(&li), &ctx)));
    let posts = corpus();
    let lines: Vec<&str> = posts.lines().collect();
    g.throughput(Throughput::Bytes(posts.len() as u64));
    g.bench_function("dev_corpus_posts", |b| {
        b.iter(|| {
            for l in &lines {
                black_box(checker.check(black_box(l), &ctx));
            }
        })
    });
    g.finish();
    c.bench_function("checker_from_policy", |b| b.iter(|| Checker::with_policy(black_box(&Policy::default()))));
}

criterion_group!(benches, bench);
criterion_main!(benches);
