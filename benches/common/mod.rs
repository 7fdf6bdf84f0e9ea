//! What every bench needs: where the shared Reuters corpus is, the benchmark corpus made
//! from it (by `benches/make-corpus.sh`), and an index built from that corpus.
//!
//! Benches read `../shared` by path like the tests do. When it is missing they stop with
//! a clear message and a non-zero exit instead of measuring nothing.

use dateline::index::{IndexOptions, Silent, Summary, Tagging};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Print why the bench cannot run and exit non-zero (criterion has no "skipped").
pub fn fail(msg: impl std::fmt::Display) -> ! {
    eprintln!("bench error: {msg}");
    std::process::exit(2)
}

/// The shared folder (`../shared` beside the checkout, or `DATELINE_SHARED`).
pub fn shared_dir() -> PathBuf {
    let dir = std::env::var_os("DATELINE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let reuters = dir.join("corpora/reuters21578");
    if !reuters.join("reut2-000.sgm").is_file() {
        fail(format!(
            "../shared/corpora/reuters21578 not found: {} has no reut2-000.sgm \
             (benches need the shared Reuters corpus; set DATELINE_SHARED to the shared folder)",
            reuters.display()
        ));
    }
    dir
}

/// The Reuters-21578 SGML folder.
pub fn reuters_dir() -> PathBuf {
    shared_dir().join("corpora/reuters21578")
}

/// K copies of Reuters as made by `benches/make-corpus.sh`: `corpus.jsonl`, `reuters.jsonl`
/// and `text/` (native files). Made on first use under `DATELINE_BENCH_DIR` (default
/// `/tmp/dateline-bench`), reused afterwards.
pub fn corpus(k: u32) -> PathBuf {
    let shared = shared_dir();
    let root = std::env::var_os("DATELINE_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/dateline-bench"));
    let dir = root.join(format!("k{k}"));
    let stamp = std::fs::read_to_string(dir.join(".complete")).unwrap_or_default();
    if stamp.trim() != format!("k={k}") {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/make-corpus.sh");
        eprintln!("making the K={k} corpus in {} ...", dir.display());
        let status = Command::new("bash")
            .arg(&script)
            .arg(k.to_string())
            .arg(&dir)
            .env("DATELINE_SHARED", &shared)
            .status();
        match status {
            Ok(s) if s.success() => {}
            Ok(s) => fail(format!(
                "{} {k} {} failed: {s}",
                script.display(),
                dir.display()
            )),
            Err(e) => fail(format!("cannot run {}: {e}", script.display())),
        }
    }
    dir
}

/// K from `DATELINE_BENCH_K` (default 1).
pub fn bench_k() -> u32 {
    match std::env::var("DATELINE_BENCH_K") {
        Err(_) => 1,
        Ok(s) => match s.trim().parse::<u32>() {
            Ok(k) if k >= 1 => k,
            _ => fail(format!(
                "DATELINE_BENCH_K must be a positive integer, got `{s}`"
            )),
        },
    }
}

/// Index the native files under `text` into `index` (rebuilt), tagging each story unless
/// `tags` is false. Stops the bench when the pipeline indexed nothing or failed on more
/// than a tenth of the files (a broken parser must not look fast). Some failures are
/// expected: the 720 untitled (`TYPE="UNPROC"`) Reuters stories become native files
/// without a headline, which the native parser rejects.
pub fn build_index(text: &Path, index: &Path, threads: usize, tags: bool) -> Summary {
    let opts = IndexOptions {
        index_dir: index.to_path_buf(),
        rebuild: true,
        threads,
        memory_budget_mb: dateline::index::DEFAULT_MEMORY_BUDGET_MB,
        merge: true,
    };
    let tagging = if tags { Tagging::Build } else { Tagging::Off };
    let paths = [text.to_path_buf()];
    let summary = match dateline::index::build(&paths, &opts, tagging, &Silent) {
        Ok(s) => s,
        Err(e) => fail(format!("indexing {} failed: {e}", text.display())),
    };
    if summary.articles() == 0 || summary.files_failed * 10 > summary.files_seen {
        fail(format!(
            "indexing {} gave {} articles from {} files ({} skipped, {} failed): \
             is the native-format parser in place?",
            text.display(),
            summary.articles(),
            summary.files_seen,
            summary.files_skipped,
            summary.files_failed
        ));
    }
    summary
}

/// Threads the CLI would use by default (cores, at most 8).
pub fn default_threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(8)
}
