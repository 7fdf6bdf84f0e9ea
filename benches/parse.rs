//! Parser throughput per input format, in MB/s of input: native one-story files,
//! Reuters-21578 SGML and JSON Lines, all made from the shared Reuters corpus.
//!
//! `cargo bench --bench parse`. Needs `../shared` (see `benches/README.md`).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dateline::parse::parse_file;
use dateline::walk::{self, SourceFile};
use std::hint::black_box;
use std::path::{Path, PathBuf};

// Each bench uses only some of the helpers.
#[allow(dead_code)]
mod common;

/// Native files parsed per iteration: enough bytes (~2 MB) for a stable MB/s figure.
const NATIVE_FILES: usize = 2_000;
/// JSON Lines records per iteration (~2 MB).
const JSONL_LINES: usize = 2_000;

/// One input to parse (checked once before timing: see `check`).
struct Input {
    path: PathBuf,
    id_prefix: String,
    bytes: Vec<u8>,
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| common::fail(format!("{}: {e}", path.display())))
}

/// Parse every input once: keep those that yield articles (the timed set), and stop the
/// bench when fewer than nine in ten do (a broken parser must not look fast). Some
/// rejections are expected: the untitled Reuters stories have no headline as native files.
fn check(label: &str, inputs: Vec<Input>) -> (Vec<Input>, usize) {
    let total = inputs.len();
    let mut articles = 0;
    let mut first_error = None;
    let mut kept = Vec::with_capacity(total);
    for input in inputs {
        match parse_file(&input.path, &input.id_prefix, &input.bytes) {
            Ok(parsed) if !parsed.articles.is_empty() => {
                articles += parsed.articles.len();
                kept.push(input);
            }
            Ok(parsed) => {
                let why = parsed
                    .errors
                    .first()
                    .map_or_else(|| "no articles".to_string(), |e| e.to_string());
                first_error.get_or_insert(format!("{}: {why}", input.path.display()));
            }
            Err(e) => {
                first_error.get_or_insert(format!("{}: {e}", input.path.display()));
            }
        }
    }
    if kept.is_empty() || kept.len() * 10 < total * 9 {
        common::fail(format!(
            "{label}: only {} of {total} inputs parsed; first problem: {}",
            kept.len(),
            first_error.unwrap_or_default()
        ));
    }
    (kept, articles)
}

fn bench_format(c: &mut Criterion, label: &str, inputs: Vec<Input>) {
    let (inputs, articles) = check(label, inputs);
    let bytes: usize = inputs.iter().map(|i| i.bytes.len()).sum();
    eprintln!(
        "parse/{label}: {} inputs, {articles} articles, {:.1} MB",
        inputs.len(),
        bytes as f64 / 1e6
    );
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(label, |b| {
        b.iter(|| {
            let mut n = 0;
            for input in &inputs {
                if let Ok(parsed) = parse_file(&input.path, &input.id_prefix, &input.bytes) {
                    n += black_box(parsed).articles.len();
                }
            }
            n
        })
    });
    group.finish();
}

fn native_inputs(corpus: &Path) -> Vec<Input> {
    let (files, problems) = walk::files(&[corpus.join("text")], None);
    if let Some(p) = problems.first() {
        common::fail(format!("{}: {}", p.path.display(), p.reason));
    }
    files
        .into_iter()
        .take(NATIVE_FILES)
        .map(|SourceFile { path, id_prefix }| Input {
            bytes: read(&path),
            path,
            id_prefix,
        })
        .collect()
}

fn sgml_inputs() -> Vec<Input> {
    let path = common::reuters_dir().join("reut2-000.sgm");
    vec![Input {
        bytes: read(&path),
        id_prefix: "reut2-000.sgm".to_string(),
        path,
    }]
}

fn jsonl_inputs(corpus: &Path) -> Vec<Input> {
    let path = corpus.join("reuters.jsonl");
    let all = read(&path);
    // The first JSONL_LINES records, cut at a line end.
    let end = all
        .iter()
        .enumerate()
        .filter(|(_, &c)| c == b'\n')
        .nth(JSONL_LINES - 1)
        .map_or(all.len(), |(i, _)| i + 1);
    vec![Input {
        bytes: all[..end].to_vec(),
        id_prefix: "reuters.jsonl".to_string(),
        path,
    }]
}

fn parse_benches(c: &mut Criterion) {
    let corpus = common::corpus(1);
    bench_format(c, "native", native_inputs(&corpus));
    bench_format(c, "reuters-sgml", sgml_inputs());
    bench_format(c, "jsonl", jsonl_inputs(&corpus));
}

criterion_group!(benches, parse_benches);
criterion_main!(benches);
