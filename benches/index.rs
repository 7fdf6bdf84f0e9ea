//! Index build throughput, in stories/s: walk + read + parse + tag + tantivy indexing +
//! commit of the K=1 corpus (18,000 native-format files) into a fresh temporary index,
//! as `dateline index` does with its default threads and memory budget.
//!
//! `cargo bench --bench index`. Each sample is one whole build (seconds), so the sample
//! count is criterion's minimum. Needs `../shared` (see `benches/README.md`).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, SamplingMode, Throughput};
use std::time::Duration;

#[allow(dead_code)]
mod common;

fn index_benches(c: &mut Criterion) {
    let corpus = common::corpus(1);
    let text = corpus.join("text");
    let stories = common::count_lines(&corpus.join("corpus.jsonl"));
    let threads = common::default_threads();
    // One build outside the timing: checks every story is indexed and warms the page cache.
    let warm = tempfile::tempdir().unwrap_or_else(|e| common::fail(format!("temp dir: {e}")));
    let s = common::build_index(&text, &warm.path().join("index"), threads, stories);
    eprintln!(
        "index/native-k1: {stories} stories, {threads} threads, first build {:.0} stories/s",
        s.articles_per_second()
    );

    let mut group = c.benchmark_group("index");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(20))
        .throughput(Throughput::Elements(stories));
    group.bench_function("native-k1", |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap_or_else(|e| common::fail(format!("temp dir: {e}"))),
            |dir| {
                common::build_index(&text, &dir.path().join("index"), threads, stories);
                dir
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, index_benches);
criterion_main!(benches);
