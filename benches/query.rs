//! Query latency through the library API (no process start-up): one term, a two-term AND,
//! a phrase, a country filter, a date range, facet counts over the whole index, a
//! timeline, and opening the index (what every `dateline search` process pays first).
//!
//! The index is built once from the K=1 corpus into a temporary folder. Set
//! `DATELINE_BENCH_K=20` for the K=20 corpus, or `DATELINE_BENCH_INDEX=DIR` to use an
//! index already built (e.g. the one `benches/compare.sh` leaves behind).
//!
//! `cargo bench --bench query`. Needs `../shared` (see `benches/README.md`).

use criterion::{criterion_group, criterion_main, Criterion};
use dateline::search::{Engine, FacetField, Filters, Granularity, Sort};
use std::hint::black_box;
use std::path::PathBuf;

#[allow(dead_code)]
mod common;

/// Hits per page, as `dateline search` shows by default.
const LIMIT: usize = 10;

/// A measured query: what to run and the filters that go with it.
enum Case {
    Search(&'static str, Filters),
    Facets(FacetField),
    Timeline(&'static str, Granularity),
}

fn filters(countries: &[&str], from: Option<&str>, to: Option<&str>) -> Filters {
    let countries: Vec<String> = countries.iter().map(|c| c.to_string()).collect();
    Filters::resolve(&countries, &[], false, &[], from, to)
        .unwrap_or_else(|e| common::fail(format!("filters: {e}")))
}

/// Run a case once; returns how many stories it counted (hits total or sum of counts).
fn run(engine: &Engine, case: &Case) -> u64 {
    let counts = |r: dateline::Result<Vec<(String, u64)>>| match r {
        Ok(v) => v.iter().map(|(_, n)| n).sum(),
        Err(e) => common::fail(e),
    };
    match case {
        Case::Search(q, f) => match engine.search(q, f, Sort::Relevance, LIMIT, 0) {
            Ok(r) => r.total as u64,
            Err(e) => common::fail(e),
        },
        Case::Facets(field) => counts(engine.facets("", &Filters::default(), *field, 20)),
        Case::Timeline(q, by) => counts(engine.timeline(q, &Filters::default(), *by)),
    }
}

fn query_benches(c: &mut Criterion) {
    let k = common::bench_k();
    // Keeps a temporary index alive until the benches are done.
    let mut _temp = None;
    let given = std::env::var_os("DATELINE_BENCH_INDEX");
    // Named after the index measured: `query-k1`, `query-k20`, or `query-index` for one
    // given by path (criterion keeps each name's history apart).
    let group_name = match given {
        Some(_) => "query-index".to_string(),
        None => format!("query-k{k}"),
    };
    let index: PathBuf = match given {
        Some(dir) => PathBuf::from(dir),
        None => {
            let corpus = common::corpus(k);
            let dir =
                tempfile::tempdir().unwrap_or_else(|e| common::fail(format!("temp dir: {e}")));
            let path = dir.path().join("index");
            eprintln!("building the K={k} index in {} ...", path.display());
            common::build_index(&corpus.join("text"), &path, common::default_threads(), true);
            _temp = Some(dir);
            path
        }
    };
    let engine = Engine::open(&index).unwrap_or_else(|e| common::fail(e));

    let cases = [
        ("term", Case::Search("opec", Filters::default())),
        ("and", Case::Search("oil prices", Filters::default())),
        (
            "phrase",
            Case::Search("\"interest rates\"", Filters::default()),
        ),
        (
            "country",
            Case::Search("trade", filters(&["japan"], None, None)),
        ),
        (
            "date-range",
            Case::Search("oil", filters(&[], Some("1987-03"), Some("1987-03"))),
        ),
        ("facets-country-all", Case::Facets(FacetField::Country)),
        ("timeline-month", Case::Timeline("oil", Granularity::Month)),
    ];
    // Every case must find something, or the figures would time an empty index.
    for (name, case) in &cases {
        let n = run(&engine, case);
        eprintln!("query/{name}: {n} stories");
        if n == 0 {
            common::fail(format!(
                "query/{name} found nothing in {}: is the index complete (parser and tagger)?",
                index.display()
            ));
        }
    }

    let mut group = c.benchmark_group(group_name);
    for (name, case) in &cases {
        group.bench_function(*name, |b| b.iter(|| run(&engine, black_box(case))));
    }
    group.bench_function("open", |b| {
        b.iter(|| Engine::open(black_box(&index)).unwrap_or_else(|e| common::fail(e)))
    });
    group.finish();
}

criterion_group!(benches, query_benches);
criterion_main!(benches);
