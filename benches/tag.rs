//! Tagging throughput: stories tagged per second on one core.
//!
//! With `DATELINE_BENCH_DOCS=/tmp/tg/docs.jsonl` (written by
//! `python3 ../shared/eval/reuters_gold.py ../shared/corpora/reuters21578 -o /tmp/tg/gold.jsonl
//! --docs /tmp/tg/docs.jsonl`) it tags the Reuters-21578 stories; without it, a generated set
//! of wire-like stories. It prints which one it measured.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dateline::article::{Article, Origin};
use dateline::tag::Tagger;

#[path = "../examples/tag_docs.rs"]
#[allow(dead_code)]
mod harness;

/// Deterministic wire-like stories for when no Reuters JSONL is given.
fn generated(n: usize) -> Vec<Article> {
    let cities = [
        "TOKYO",
        "LONDON",
        "WASHINGTON",
        "BONN",
        "MOSCOW",
        "PARIS",
        "HOUSTON",
        "OTTAWA",
    ];
    let subjects = [
        "Finance Minister Kiichi Miyazawa",
        "Treasury Secretary James Baker",
        "Chancellor Helmut Kohl",
        "President Vladimir Putin",
        "the central bank",
        "Saudi Oil Minister Hisham Nazer",
    ];
    let places = [
        "Japan",
        "the United States",
        "West Germany",
        "Brazil",
        "the Soviet Union",
        "Britain",
    ];
    (0..n)
        .map(|i| {
            let s = subjects[i % subjects.len()];
            let p = places[(i / 3) % places.len()];
            let q = places[(i / 7) % places.len()];
            let body = format!(
                "{s} said on Tuesday that talks with {p} on trade and currencies would resume next \
                 month, after a meeting in {c} with officials from {q}.\n    The statement \
                 followed a week of pressure on the dollar, which fell against the yen and the \
                 mark. Dealers said {p} was expected to cut interest rates by half a point.\n    \
                 {s} told reporters the Group of Seven accord remained in force, and that \
                 exports from {q} rose 4.5 pct in February from a year earlier.",
                c = cities[(i + 2) % cities.len()]
            );
            Article {
                id: format!("gen-{i}"),
                date: time::macros::datetime!(1987-03-10 12:00 UTC),
                headline: format!(
                    "{} SAYS TRADE TALKS WITH {} TO RESUME",
                    s.to_uppercase(),
                    p.to_uppercase()
                ),
                dateline: Some(cities[i % cities.len()].to_string()),
                source: Some("Reuters".into()),
                body,
                origin: Origin::default(),
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let (docs, what) = match std::env::var("DATELINE_BENCH_DOCS") {
        Ok(path) => match harness::read_docs(&path) {
            Ok(d) if !d.is_empty() => {
                let n = d.len();
                (d, format!("{n} Reuters stories from {path}"))
            }
            Ok(_) => (
                generated(2000),
                format!("2000 generated stories ({path} is empty)"),
            ),
            Err(e) => (
                generated(2000),
                format!("2000 generated stories ({path}: {e})"),
            ),
        },
        Err(_) => (
            generated(2000),
            "2000 generated stories (set DATELINE_BENCH_DOCS to a docs JSONL for Reuters)"
                .to_string(),
        ),
    };
    let bytes: usize = docs.iter().map(|a| a.headline.len() + a.body.len()).sum();
    eprintln!(
        "tag bench measures: {what}, {:.1} MB of text, one thread",
        bytes as f64 / 1e6
    );
    let tagger = Tagger::new();
    let mut g = c.benchmark_group("tag");
    g.throughput(Throughput::Elements(docs.len() as u64));
    g.sample_size(10);
    g.bench_function("stories", |b| {
        b.iter(|| {
            for a in &docs {
                black_box(tagger.tag(black_box(a)));
            }
        })
    });
    g.finish();

    // Wall time above includes whatever else the machine runs; on Linux also report the
    // thread's own CPU time (first field of /proc/thread-self/schedstat, in ns).
    if let Some(start) = thread_cpu_ns() {
        let passes = 3;
        for _ in 0..passes {
            for a in &docs {
                black_box(tagger.tag(black_box(a)));
            }
        }
        if let Some(end) = thread_cpu_ns() {
            let secs = (end.saturating_sub(start)) as f64 / 1e9;
            let n = (docs.len() * passes) as f64;
            eprintln!(
                "tag CPU time: {:.0} stories per CPU-second ({passes} passes, {secs:.2} s on CPU)",
                n / secs
            );
        }
    }
}

/// Nanoseconds this thread has spent on a CPU, where the kernel tells.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

criterion_group!(benches, bench);
criterion_main!(benches);
