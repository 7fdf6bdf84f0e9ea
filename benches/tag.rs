//! Tagging throughput: the 18,000 Reuters-21578 stories of `../shared`, parsed once by the
//! real parser, then tagged on one thread; reported as stories/s (criterion's elements/s),
//! plus the same figure from the thread's own CPU time, which a busy neighbour on a shared
//! machine disturbs less. Stops with a message when `../shared` is missing.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dateline::article::Article;
use dateline::tag::Tagger;

#[allow(dead_code)] // each bench uses part of the shared helpers
mod common;

/// Every story of the shared Reuters-21578 files, through the real parser.
fn reuters() -> Vec<Article> {
    let dir = common::reuters_dir();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| common::fail(format!("{}: {e}", dir.display())))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sgm"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let bytes = std::fs::read(&path)
            .unwrap_or_else(|e| common::fail(format!("{}: {e}", path.display())));
        match dateline::parse::parse_file(&path, "", &bytes) {
            Ok(parsed) => out.extend(parsed.articles),
            Err(e) => common::fail(format!("{}: {e}", path.display())),
        }
    }
    if out.len() < 18_000 {
        common::fail(format!(
            "expected 18,000 Reuters stories, parsed {}",
            out.len()
        ));
    }
    out
}

fn bench(c: &mut Criterion) {
    let docs = reuters();
    let what = format!("{} Reuters-21578 stories", docs.len());
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
