//! Index build throughput, in stories/s: walk + read + parse + tag + tantivy indexing +
//! commit of the K=1 corpus (18,000 native-format files, 17,280 with a headline) into a fresh temporary index,
//! as `dateline index` does with its default threads and memory budget; and the same
//! without the tagger (`--no-tags`), so the difference is the tagger's share.
//!
//! `cargo bench --bench index`. Each sample is one whole build (about a second), so the
//! sample count is criterion's minimum. Needs `../shared` (see `benches/README.md`).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, SamplingMode, Throughput};
use std::path::Path;
use std::time::Duration;

#[allow(dead_code)]
mod common;

fn index_benches(c: &mut Criterion) {
    let corpus = common::corpus(1);
    let text = corpus.join("text");
    let threads = common::default_threads();
    // One build outside the timing: counts the stories indexed and warms the page cache.
    let warm = tempfile::tempdir().unwrap_or_else(|e| common::fail(format!("temp dir: {e}")));
    let s = common::build_index(&text, &warm.path().join("index"), threads, true);
    let stories = s.articles();
    eprintln!(
        "index/native-k1: {stories} stories from {} files, {threads} threads, \
         first build {:.0} stories/s",
        s.files_seen,
        s.articles_per_second()
    );

    let mut group = c.benchmark_group("index");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(20))
        .throughput(Throughput::Elements(stories));
    for (name, tags) in [("native-k1", true), ("native-k1-no-tags", false)] {
        group.bench_function(name, |b| {
            b.iter_batched(
                || tempfile::tempdir().unwrap_or_else(|e| common::fail(format!("temp dir: {e}"))),
                |dir| {
                    build(&text, dir.path(), threads, tags);
                    // Dropped (deleted) after the timing.
                    dir
                },
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

fn build(text: &Path, dir: &Path, threads: usize, tags: bool) {
    common::build_index(text, &dir.join("index"), threads, tags);
}

criterion_group!(benches, index_benches);
criterion_main!(benches);
