//! The command-line front end: turns parsed arguments into library calls and results
//! into output and an exit status. Only this module and `main.rs` know clap.

pub mod args;
pub mod output;

use anyhow::Result;
use args::{ByArg, Cli, ColorArg, Command, FacetFieldArg, FilterArgs, SortArg, TagFormat};
use dateline::index::{IndexOptions, Progress, Summary, Tagging};
use dateline::ingest::{self, Problem, ProblemKind};
use dateline::search::{Engine, FacetField, Filters, Granularity, Sort};
use dateline::tag::Tagger;
use dateline::walk;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use output::Style;
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// Exit statuses, as grep and ripgrep use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Found something / did the job.
    Success = 0,
    /// Ran fine but found nothing.
    NoMatch = 1,
    /// Something went wrong (bad input, bad query, missing index, failed files).
    Error = 2,
}

/// Run one command.
pub fn run(cli: Cli) -> Result<Status> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let status = match cli.command {
        Command::Index(a) => {
            let threads = a.threads.map(usize::from).unwrap_or_else(default_threads);
            let opts = IndexOptions {
                index_dir: cli.index.clone(),
                rebuild: a.rebuild,
                threads,
                memory_budget_mb: a.memory_mb,
                merge: !a.no_merge,
            };
            let tagging = if a.no_tags {
                Tagging::Off
            } else {
                Tagging::Build
            };
            let progress = Bar::new();
            let summary = dateline::index::build(&a.paths, &opts, tagging, &progress)?;
            print_summary(&mut out, &cli.index, &summary)?;
            if summary.files_failed > 0 {
                Status::Error
            } else {
                Status::Success
            }
        }
        Command::Search(a) => {
            let filters = filters(&a.filters)?;
            let engine = Engine::open(&cli.index)?;
            // No query: every story the filters let through, as `*` reads. Ranked by the
            // names asked for (`--country`, `--person`); with none, every story matches
            // alike and relevance would be index order: newest first.
            let query = a.query.as_deref().unwrap_or("*");
            let sort = match a.sort {
                Some(SortArg::Relevance) => Sort::Relevance,
                Some(SortArg::Newest) => Sort::Newest,
                Some(SortArg::Oldest) => Sort::Oldest,
                None if query.trim() == "*" && !filters.names_someone() => Sort::Newest,
                None => Sort::Relevance,
            };
            let results = engine.search(query, &filters, sort, a.limit, a.offset)?;
            if a.json {
                output::search_json(&mut out, query, a.offset, &results)?;
            } else {
                let style = Style {
                    bold: use_color(a.color),
                };
                output::search_text(&mut out, query, a.offset, &results, style)?;
            }
            exit_without_teardown(engine);
            found(!results.hits.is_empty())
        }
        Command::Facets(a) => {
            let filters = filters(&a.filters)?;
            let engine = Engine::open(&cli.index)?;
            let (field, name) = match a.field {
                FacetFieldArg::Country => (FacetField::Country, "country"),
                FacetFieldArg::Person => (FacetField::Person, "person"),
                FacetFieldArg::Source => (FacetField::Source, "source"),
                FacetFieldArg::Year => (FacetField::Year, "year"),
            };
            let query = a.query.unwrap_or_default();
            let counts = engine.facets(&query, &filters, field, a.top)?;
            if a.json {
                output::counts_json(&mut out, &query, "field", name, &counts)?;
            } else {
                output::counts_text(&mut out, &counts, io::stdout().is_terminal())?;
            }
            exit_without_teardown(engine);
            found(counts.iter().any(|(_, n)| *n > 0))
        }
        Command::Timeline(a) => {
            let filters = filters(&a.filters)?;
            let engine = Engine::open(&cli.index)?;
            let (by, name) = match a.by {
                ByArg::Year => (Granularity::Year, "year"),
                ByArg::Month => (Granularity::Month, "month"),
                ByArg::Day => (Granularity::Day, "day"),
            };
            let query = a.query.unwrap_or_default();
            let counts = engine.timeline(&query, &filters, by)?;
            if a.json {
                output::counts_json(&mut out, &query, "by", name, &counts)?;
            } else {
                output::counts_text(&mut out, &counts, true)?;
            }
            exit_without_teardown(engine);
            found(counts.iter().any(|(_, n)| *n > 0))
        }
        Command::Stats(a) => {
            let engine = Engine::open(&cli.index)?;
            let stats = engine.stats(a.top)?;
            if a.json {
                output::stats_json(&mut out, &cli.index, &stats)?;
            } else {
                output::stats_text(&mut out, &cli.index, &stats)?;
            }
            Status::Success
        }
        Command::Tag(a) => tag(&mut out, &a.paths, a.format)?,
    };
    out.flush()?;
    Ok(status)
}

/// The process ends right after a query command: unmapping two dozen index files and
/// freeing the searcher one piece at a time is work the kernel does at exit anyway, and
/// it was measurable in one-process-per-query latency.
fn exit_without_teardown(engine: Engine) {
    std::mem::forget(engine);
}

fn found(any: bool) -> Status {
    if any {
        Status::Success
    } else {
        Status::NoMatch
    }
}

fn default_threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(8)
}

fn filters(f: &FilterArgs) -> dateline::Result<Filters> {
    Filters::resolve(
        &f.country,
        &f.person,
        f.mentions,
        &f.source,
        f.from.as_deref(),
        f.to.as_deref(),
    )
}

fn use_color(c: ColorArg) -> bool {
    match c {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    }
}

/// `path: message` on stderr, the one format every problem is reported in.
fn report(p: &Problem) {
    let what = match p.kind {
        ProblemKind::Skipped => "skipped: ",
        ProblemKind::Failed => "",
    };
    eprintln!("{}: {what}{}", p.path.display(), p.message);
}

/// Progress bar on a terminal (nothing when stderr is piped); problems printed above it.
struct Bar {
    bar: ProgressBar,
    articles: AtomicU64,
}

impl Bar {
    fn new() -> Bar {
        let bar = if io::stderr().is_terminal() {
            let b = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            b.set_style(
                ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} files, {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            b
        } else {
            ProgressBar::hidden()
        };
        bar.set_message("0 articles");
        Bar {
            bar,
            articles: AtomicU64::new(0),
        }
    }
}

impl Progress for Bar {
    fn found(&self, files: u64) {
        self.bar.inc_length(files);
    }

    fn file_done(&self, articles: u64) {
        let total = self.articles.fetch_add(articles, Ordering::Relaxed) + articles;
        self.bar.set_message(format!("{total} articles"));
        self.bar.inc(1);
    }

    fn problem(&self, p: &Problem) {
        self.bar.suspend(|| report(p));
    }

    fn merging(&self) {
        let total = self.articles.load(Ordering::Relaxed);
        self.bar
            .set_message(format!("{total} articles; merging segments"));
        // The merge reports no steps: keep the spinner turning so the run does not look stuck.
        self.bar
            .enable_steady_tick(std::time::Duration::from_millis(120));
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

fn print_summary(out: &mut dyn Write, index: &Path, s: &Summary) -> io::Result<()> {
    let n = s.articles();
    writeln!(
        out,
        "indexed {n} {} in {:.1}s ({:.0} articles/s): {} added, {} updated",
        if n == 1 { "article" } else { "articles" },
        s.elapsed.as_secs_f64(),
        s.articles_per_second(),
        s.added,
        s.updated
    )?;
    let mut files = format!(
        "files: {} seen, {} indexed, {} skipped, {} failed",
        s.files_seen, s.files_indexed, s.files_skipped, s.files_failed
    );
    if s.records_failed > 0 {
        files.push_str(&format!(" ({} failed records)", s.records_failed));
    }
    if s.duplicates > 0 {
        files.push_str(&format!("; {} duplicate ids skipped", s.duplicates));
    }
    writeln!(out, "{files}")?;
    writeln!(
        out,
        "index: {} ({} documents)",
        index.display(),
        s.documents
    )
}

/// Files handed to the pool at once by `dateline tag`: output stays in file order while
/// memory stays bounded.
const TAG_BATCH: usize = 64;

fn tag(out: &mut dyn Write, paths: &[std::path::PathBuf], format: TagFormat) -> Result<Status> {
    let tagger = Tagger::new();
    let (files, walk_problems) = walk::files(paths, None);
    let failed = AtomicU64::new(0);
    let mut articles = 0u64;
    for p in ingest::walk_failures(walk_problems) {
        failed.fetch_add(1, Ordering::Relaxed);
        report(&p);
    }
    for batch in files.chunks(TAG_BATCH) {
        let rendered: Vec<(String, u64)> = batch
            .par_iter()
            .map(|file| {
                let loaded = ingest::load(file);
                for p in loaded.problems() {
                    report(p);
                }
                if loaded.has_failures() {
                    failed.fetch_add(1, Ordering::Relaxed);
                }
                let mut text = String::new();
                for a in &loaded.articles {
                    let tags = tagger.tag(a);
                    text.push_str(&match format {
                        TagFormat::Jsonl => output::tagged_json(a, &tags),
                        TagFormat::Text => output::tagged_text(a, &tags),
                    });
                }
                (text, loaded.articles.len() as u64)
            })
            .collect();
        for (text, n) in rendered {
            out.write_all(text.as_bytes())?;
            articles += n;
        }
    }
    Ok(if failed.load(Ordering::Relaxed) > 0 {
        Status::Error
    } else if articles == 0 {
        Status::NoMatch
    } else {
        Status::Success
    })
}
