//! Building an index: walk -> read -> parse -> tag -> document, through one `IndexWriter`.
//!
//! The walk runs on its own thread and reads files as it finds them, at most
//! `READ_AHEAD_BYTES` ahead of the workers; files are parsed and tagged on a rayon pool;
//! every worker queues its documents and hands them to the single shared writer
//! `DOCS_PER_SEND` at a time (`IndexWriter::run` takes `&self`), whose own indexing
//! threads build segments, with at most `MAX_QUEUED_DOCS` documents waiting for them.
//! Memory stays bounded whatever the size of the tree. Bad files are reported through [`Progress`] and the run goes on;
//! every good article is committed at the end (and every [`COMMIT_EVERY`] articles on very
//! large runs, so a crash late in a long run keeps most of the work).
//!
//! A run that builds an index from nothing ends by merging it into [`FINAL_SEGMENTS`]
//! segment(s), merges side by side (unless told not to; runs that add to an existing
//! index leave merging to tantivy's log merge policy, so a small update does not rewrite
//! the archive): a search opens and visits every segment, and with four of them instead of
//! one a one-shot `dateline search` process took ~0.5 ms longer at 360,000 stories.
//!
//! Also here: opening an index for reading or writing, with the schema-version check.

use crate::article::Article;
use crate::error::{Error, Result};
use crate::ingest::{self, Problem, ProblemKind};
use crate::schema::{self, Fields, MARKER_FILE, SCHEMA_VERSION};
use crate::tag::{Tagger, Tags};
use crate::walk::{self, SourceFile};
use rayon::prelude::*;
use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tantivy::directory::MmapDirectory;
use tantivy::indexer::UserOperation;
use tantivy::schema::document::Document;
use tantivy::schema::Facet;
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{DateTime, Index, IndexSettings, IndexWriter, TantivyDocument, Term};

/// Total memory budget of the index writer, split across its threads. tantivy flushes a
/// segment when a thread's share is used. At 360,000 stories on two threads, 256 MB held
/// each thread's whole share (two segments of ~180,000 stories, none to merge after
/// [`FINAL_SEGMENTS`]) at 311 MB peak RSS; 192 MB flushed four segments to be merged.
pub const DEFAULT_MEMORY_BUDGET_MB: usize = 256;

/// tantivy refuses less than ~15 MB per indexing thread (and tiny budgets give a segment
/// per document, #2156).
const MIN_MEMORY_PER_THREAD: usize = 16 << 20;

/// Commit after this many articles on very large runs.
pub const COMMIT_EVERY: u64 = 500_000;

/// Files handed to the pool at a time: bounds the work between commit checks.
const FILES_PER_BATCH: usize = 20_000;

/// Documents a parse thread hands to tantivy's indexing threads at a time (one channel
/// message). One message per document cost a futex wake-up or a few `sched_yield`s on
/// each side of the channel: 40,000 futex and 75,000 `sched_yield` calls for 18,000
/// stories, most of the run's system time.
const DOCS_PER_SEND: usize = 64;

/// Bytes the walk thread reads ahead of the parse workers, at most (plus one file). Reading
/// 360,000 small files is ~2 s of system calls and, when the page cache has let some go,
/// waits on the disk: on the walk's thread that is off the parse workers' path.
const READ_AHEAD_BYTES: usize = 32 << 20;

/// Documents built but not yet indexed, at most (a parse thread waits above this).
/// tantivy's channel bounds messages, not documents, so with [`DOCS_PER_SEND`] a parse side
/// faster than the indexing threads (`--no-tags`) queued up to 640,000 documents: peak
/// RSS 465-508 MB at 360,000 stories instead of ~320 MB.
const MAX_QUEUED_DOCS: usize = 10_000;

/// How long a parse thread waits for the indexing threads to take documents before
/// sending anyway (sending then reports a writer that died).
const QUEUE_STALL: Duration = Duration::from_secs(30);

/// The document store is compressed with zstd: wire text compresses about twice as well
/// as with lz4 (the index stays under 0.8x its JSON Lines), and a search only
/// decompresses the blocks of the hits it shows. Level 1 costs ~3% in size against level 3
/// and saves ~4 CPU-seconds per 360,000 stories when indexing.
const DOCSTORE_ZSTD_LEVEL: i32 = 1;
/// Each hit shown decompresses the whole block holding it (one story is ~1 KB). At
/// 360,000 stories, 8 KiB blocks against 16 KiB: index 0.778x instead of 0.764x the JSON
/// Lines, a 10-hit search ~7% fewer instructions and ~0.17 ms faster (4 KiB: 0.806x).
const DOCSTORE_BLOCK_SIZE: usize = 8 * 1024;

/// How to run an index build.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    pub index_dir: PathBuf,
    /// Delete the existing index first (needed after a schema version change).
    pub rebuild: bool,
    /// tantivy indexing threads; the parse-and-tag pool gets [`parse_threads`] of this.
    pub threads: usize,
    pub memory_budget_mb: usize,
    /// Merge the index down to [`FINAL_SEGMENTS`] at the end of a run that started from an
    /// empty index (a fresh one or `--rebuild`).
    pub merge: bool,
}

/// Receives progress and problems while an index is built (the CLI draws a bar and
/// prints problems; tests collect them). Called from worker threads.
pub trait Progress: Sync {
    /// The walk found `files` more files to read (called as it goes, from its own thread).
    fn found(&self, files: u64);
    fn file_done(&self, articles: u64);
    fn problem(&self, problem: &Problem);
    /// Every file is indexed and committed; segments are being merged.
    fn merging(&self) {}
    fn finish(&self);
}

/// A `Progress` that ignores everything.
pub struct Silent;

impl Progress for Silent {
    fn found(&self, _: u64) {}
    fn file_done(&self, _: u64) {}
    fn problem(&self, _: &Problem) {}
    fn finish(&self) {}
}

/// The result of an index run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files found by the walk (plus paths that could not be walked).
    pub files_seen: u64,
    /// Files that yielded at least one article.
    pub files_indexed: u64,
    pub files_skipped: u64,
    /// Files with at least one failure (whole file or some records).
    pub files_failed: u64,
    /// Individual records (articles) that failed inside otherwise readable files.
    pub records_failed: u64,
    pub added: u64,
    pub updated: u64,
    /// Articles whose id repeated an article already indexed in this run.
    pub duplicates: u64,
    /// Documents in the index after the run.
    pub documents: u64,
    pub elapsed: Duration,
}

impl Summary {
    pub fn articles(&self) -> u64 {
        self.added + self.updated
    }

    pub fn articles_per_second(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.articles() as f64 / secs
        } else {
            0.0
        }
    }
}

/// How an index run tags its articles.
pub enum Tagging<'a> {
    /// No tags (`--no-tags`): no facets.
    Off,
    /// With this tagger.
    With(&'a Tagger),
    /// With a tagger the run builds itself, on a thread of its own while it opens the index
    /// and the walk starts reading files: compiling the matchers (`Tagger::new`) takes ~12 ms
    /// of one core, which on the caller's thread delayed every worker by as much (2% of
    /// indexing 18,000 stories, the whole of a small update).
    Build,
}

/// Build or update the index at `opts.index_dir` from `paths`, tagging each article as
/// `tagging` says.
pub fn build(
    paths: &[PathBuf],
    opts: &IndexOptions,
    tagging: Tagging,
    progress: &dyn Progress,
) -> Result<Summary> {
    let started = Instant::now();
    // The tagger to use, or the thread building it (joined once the walk has started).
    let tagging = match tagging {
        Tagging::Off => Err(None),
        Tagging::With(t) => Err(Some(t)),
        Tagging::Build => Ok(std::thread::spawn(Tagger::new)),
    };
    let index = open_for_writing(&opts.index_dir, opts.rebuild)?;
    let fields = Fields::new(&index.schema())?;
    let threads = opts.threads.max(1);
    let budget = (opts.memory_budget_mb << 20).max(MIN_MEMORY_PER_THREAD * threads);
    let mut writer: Writer = match index.writer_with_num_threads(threads, budget) {
        Ok(w) => w,
        Err(tantivy::TantivyError::LockFailure(..)) => {
            return Err(Error::Locked(opts.index_dir.clone()))
        }
        Err(e) => return Err(e.into()),
    };
    // Articles already in the index (for "updated" vs "added" and upserts). On a fresh
    // index this is skipped entirely: no term lookups, no deletes.
    let existing = {
        let reader = index.reader()?;
        let searcher = reader.searcher();
        (searcher.num_docs() > 0).then_some(searcher)
    };
    // A run that builds the index from nothing ends with FINAL_SEGMENTS. Adding to an index
    // that holds stories already keeps tantivy's log merge policy instead: a small update
    // must not rewrite the whole archive.
    let merge_at_end = opts.merge && existing.is_none();
    if merge_at_end {
        // Everything is merged once at the end: merging as segments appear would
        // re-encode most stories twice.
        writer.set_merge_policy(Box::new(tantivy::merge_policy::NoMergePolicy));
    }

    let counters = Counters::default();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(parse_threads(threads))
        .thread_name(|i| format!("dateline-parse-{i}"))
        .build()
        .map_err(|e| Error::Invalid(format!("cannot start worker threads: {e}")))?;
    // The walk runs on its own thread, FILES_PER_BATCH files ahead of the workers: they
    // start on the first files instead of waiting for the whole tree (walking 360,000
    // files took ~0.5 s).
    let (found, files) = std::sync::mpsc::sync_channel(FILES_PER_BATCH);
    let read_ahead = Gauge::default();
    let stop = AtomicBool::new(false);
    let indexed: Result<()> = std::thread::scope(|scope| {
        let (read_ahead, counters, stop) = (&read_ahead, &counters, &stop);
        scope.spawn(move || {
            walk_into(
                paths,
                &opts.index_dir,
                found,
                read_ahead,
                stop,
                counters,
                progress,
            )
        });
        // Owned by this closure: when it returns (on an error too) the walk is told to
        // stop and the receiver is gone before the scope waits for the walk.
        let files = files;
        let _stop_walk = SetOnDrop(stop);
        // The walk reads ahead while the tagger is finished.
        let built;
        let tagger = match tagging {
            Err(ready) => ready,
            Ok(building) => {
                built = building
                    .join()
                    .map_err(|_| Error::Invalid("building the tagger failed".into()))?;
                Some(&built)
            }
        };
        let ctx = Ctx {
            fields,
            tagger,
            progress,
            existing: existing.as_ref(),
            seen: Mutex::new(HashSet::new()),
            counters,
            pending: (0..pool.current_num_threads())
                .map(|_| Mutex::new(Vec::new()))
                .collect(),
            queued: Gauge::default(),
        };
        let mut since_commit = 0u64;
        // Every file received, without waiting for a full batch: the walk may be holding
        // back until the bytes it read ahead are parsed.
        while let Ok(first) = files.recv() {
            let mut batch = vec![first];
            while batch.len() < FILES_PER_BATCH {
                match files.try_recv() {
                    Ok(next) => batch.push(next),
                    Err(_) => break,
                }
            }
            let before = counters.articles();
            pool.install(|| {
                batch
                    .into_par_iter()
                    .try_for_each(|(file, read, _bytes)| ctx.index_file(&file, read, &writer))
            })?;
            since_commit += counters.articles() - before;
            if since_commit >= COMMIT_EVERY {
                ctx.send_all_pending(&writer)?;
                writer.commit()?;
                since_commit = 0;
            }
        }
        ctx.send_all_pending(&writer)
    });
    indexed?;
    writer.commit()?;
    writer.wait_merging_threads()?;
    if merge_at_end {
        merge_final(&index, &opts.index_dir, progress)?;
    }
    progress.finish();

    let reader = index.reader()?;
    Ok(Summary {
        files_seen: counters.files_seen.load(Ordering::Relaxed),
        files_indexed: counters.files_indexed.load(Ordering::Relaxed),
        files_skipped: counters.files_skipped.load(Ordering::Relaxed),
        files_failed: counters.files_failed.load(Ordering::Relaxed),
        records_failed: counters.records_failed.load(Ordering::Relaxed),
        added: counters.added.load(Ordering::Relaxed),
        updated: counters.updated.load(Ordering::Relaxed),
        duplicates: counters.duplicates.load(Ordering::Relaxed),
        documents: reader.searcher().num_docs(),
        elapsed: started.elapsed(),
    })
}

/// Sets its flag when dropped.
struct SetOnDrop<'a>(&'a AtomicBool);

impl Drop for SetOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// A file found by the walk, with what reading it gave, counted in the read-ahead until
/// parsed.
type ReadFile = (SourceFile, std::io::Result<Vec<u8>>, Ticket);

/// Walk `paths` (never into the index at `index_dir`), read each file and send it to
/// `found` (waiting while more than [`READ_AHEAD_BYTES`] sent are not parsed yet), and
/// report each walk problem;
/// stops when `stop` is set or nobody receives any more.
fn walk_into(
    paths: &[PathBuf],
    index_dir: &Path,
    found: std::sync::mpsc::SyncSender<ReadFile>,
    read_ahead: &Gauge,
    stop: &AtomicBool,
    counters: &Counters,
    progress: &dyn Progress,
) {
    /// Files reported to `progress` at a time.
    const REPORT_EVERY: u64 = 1024;
    let mut unreported = 0;
    walk::walk(paths, Some(index_dir), |item| {
        counters.files_seen.fetch_add(1, Ordering::Relaxed);
        match item {
            walk::Found::File(file) => {
                unreported += 1;
                if unreported == REPORT_EVERY {
                    progress.found(unreported);
                    unreported = 0;
                }
                read_ahead.wait_below(READ_AHEAD_BYTES, |_| stop.load(Ordering::Relaxed));
                if stop.load(Ordering::Relaxed) {
                    return false;
                }
                let read = std::fs::read(&file.path);
                let bytes = read_ahead.ticket(read.as_ref().map_or(0, Vec::len));
                found.send((file, read, bytes)).is_ok()
            }
            walk::Found::Problem(p) => {
                counters.files_failed.fetch_add(1, Ordering::Relaxed);
                progress.problem(&ingest::walk_failure(p));
                true
            }
        }
    });
    progress.found(unreported);
}

/// Segments a build from nothing ends with. Fewer is faster to search, more is faster to
/// build: a merge runs on one thread and rewrites every story. At 360,000 stories on two
/// cores, merging into one segment took ~2.7 s of a ~15 s build, while a search process
/// on two segments took ~0.3 ms longer than on one (2.53 against 2.25 ms median, 43
/// queries x 5 rounds, static build; `/bin/true` 0.71 ms).
pub const FINAL_SEGMENTS: usize = 2;

/// Merge the segments of `index` into at most [`FINAL_SEGMENTS`] of about equal size (the
/// merges run in parallel). The run's writer must be gone: this takes the lock again
/// with a small writer of its own.
fn merge_final(index: &Index, dir: &Path, progress: &dyn Progress) -> Result<()> {
    // Only ids and sizes are kept: a live `SegmentMeta` marks its segment's files as in use,
    // so holding the metas through the merges kept every merged-away file on disk.
    let sizes = index
        .searchable_segment_metas()?
        .iter()
        .map(|m| (m.id(), m.num_docs()))
        .collect();
    let groups = merge_groups(sizes, FINAL_SEGMENTS);
    if groups.is_empty() {
        return Ok(());
    }
    progress.merging();
    // The merge maps every segment file (their pages count as resident); without first
    // returning the indexing threads' freed buffers, peak RSS at 360,000 stories went
    // from 325 MB to 575 MB; with it, 391 MB.
    release_freed_memory();
    let options = tantivy::indexer::IndexWriterOptions::builder()
        .num_worker_threads(1)
        .num_merge_threads(groups.len())
        .memory_budget_per_thread(MIN_MEMORY_PER_THREAD)
        .build();
    let mut writer: IndexWriter = match index.writer_with_options(options) {
        Ok(w) => w,
        Err(tantivy::TantivyError::LockFailure(..)) => {
            return Err(Error::Locked(dir.to_path_buf()))
        }
        Err(e) => return Err(e.into()),
    };
    let merges: Vec<_> = groups.iter().map(|ids| writer.merge(ids)).collect();
    for merge in merges {
        merge.wait()?;
    }
    writer.wait_merging_threads()?;
    Ok(())
}

/// Split segments `(id, documents)` into at most `parts` groups of about equal documents
/// (largest first, each to the lightest group), keeping only groups of two or more
/// segments: those are the merges to run. Nothing to do with `parts` segments or fewer.
fn merge_groups<T: Copy>(mut segments: Vec<(T, u32)>, parts: usize) -> Vec<Vec<T>> {
    let parts = parts.max(1);
    if segments.len() <= parts {
        return Vec::new();
    }
    segments.sort_by_key(|&(_, docs)| std::cmp::Reverse(docs));
    let mut groups: Vec<(u64, Vec<T>)> = vec![(0, Vec::new()); parts];
    for (id, docs) in segments {
        if let Some(lightest) = groups.iter_mut().min_by_key(|(total, _)| *total) {
            lightest.0 += u64::from(docs);
            lightest.1.push(id);
        }
    }
    groups
        .into_iter()
        .map(|(_, ids)| ids)
        .filter(|ids| ids.len() > 1)
        .collect()
}

/// Hand freed heap memory back to the operating system (glibc keeps it otherwise).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn release_freed_memory() {
    // SAFETY: malloc_trim takes no pointers; it only returns glibc's own free pages.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn release_freed_memory() {}

/// Threads reading, parsing and tagging files beside `indexing` tantivy indexing threads.
/// tantivy's side (tokenizing, postings, doc store) is about 60% of the CPU work and the
/// two sides meet at a bounded channel, so a parse thread per two-and-a-half indexing
/// threads keeps every core busy without oversubscribing them: on 2 cores, 1 + 2 threads
/// indexed the 360,000-story benchmark ~8% faster than 2 + 2 (medians of three runs).
pub fn parse_threads(indexing: usize) -> usize {
    (indexing * 2).div_ceil(5).max(1)
}

#[derive(Default)]
struct Counters {
    files_seen: AtomicU64,
    files_indexed: AtomicU64,
    files_skipped: AtomicU64,
    files_failed: AtomicU64,
    records_failed: AtomicU64,
    added: AtomicU64,
    updated: AtomicU64,
    duplicates: AtomicU64,
}

impl Counters {
    fn articles(&self) -> u64 {
        self.added.load(Ordering::Relaxed) + self.updated.load(Ordering::Relaxed)
    }
}

/// The run's writer: its documents count themselves out when tantivy is done with them.
type Writer = IndexWriter<Queued>;

/// A document on its way to tantivy's indexing threads, counted in `Ctx::queued` from
/// the moment it is built until the indexing thread that took it drops it.
struct Queued {
    doc: TantivyDocument,
    _ticket: Ticket,
}

/// How much of something (documents, bytes) one thread has handed to another and the
/// other has not finished with; each [`Ticket`] holds its part until dropped.
#[derive(Default)]
struct Gauge(Arc<AtomicUsize>);

impl Gauge {
    fn ticket(&self, amount: usize) -> Ticket {
        self.0.fetch_add(amount, Ordering::Relaxed);
        Ticket {
            gauge: Arc::clone(&self.0),
            amount,
        }
    }

    /// Wait while more than `limit` is out, polling; `give_up` sees the amount still out
    /// at each poll and ends the wait early by returning true.
    fn wait_below(&self, limit: usize, mut give_up: impl FnMut(usize) -> bool) {
        loop {
            let out = self.0.load(Ordering::Relaxed);
            if out <= limit || give_up(out) {
                return;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
    }
}

struct Ticket {
    gauge: Arc<AtomicUsize>,
    amount: usize,
}

impl Drop for Ticket {
    fn drop(&mut self) {
        self.gauge.fetch_sub(self.amount, Ordering::Relaxed);
    }
}

impl Document for Queued {
    type Value<'a> = <TantivyDocument as Document>::Value<'a>;
    type FieldsValuesIter<'a> = <TantivyDocument as Document>::FieldsValuesIter<'a>;

    fn iter_fields_and_values(&self) -> Self::FieldsValuesIter<'_> {
        self.doc.iter_fields_and_values()
    }
}

/// Everything a worker needs to index one file.
struct Ctx<'a> {
    fields: Fields,
    /// `None`: index without tags (`--no-tags`).
    tagger: Option<&'a Tagger>,
    progress: &'a dyn Progress,
    existing: Option<&'a tantivy::Searcher>,
    /// 64-bit hashes of the ids indexed in this run: a repeated id is reported instead of
    /// racing two upserts of the same id on different threads.
    seen: Mutex<HashSet<u64>>,
    counters: &'a Counters,
    /// Operations waiting to be sent to the writer, one queue per pool thread (indexed
    /// by `rayon::current_thread_index`), sent [`DOCS_PER_SEND`] at a time and emptied by
    /// [`Ctx::send_all_pending`] before every commit.
    pending: Vec<Mutex<Vec<UserOperation<Queued>>>>,
    /// Documents built and not yet indexed (see [`MAX_QUEUED_DOCS`]).
    queued: Gauge,
}

impl Ctx<'_> {
    fn index_file(
        &self,
        file: &SourceFile,
        read: std::io::Result<Vec<u8>>,
        writer: &Writer,
    ) -> Result<()> {
        let c = self.counters;
        let loaded = ingest::load_read(file, read);
        for p in loaded.problems() {
            self.progress.problem(p);
        }
        if loaded.skipped.is_some() {
            c.files_skipped.fetch_add(1, Ordering::Relaxed);
        }
        if loaded.has_failures() {
            c.files_failed.fetch_add(1, Ordering::Relaxed);
        }
        c.records_failed
            .fetch_add(loaded.record_failures.len() as u64, Ordering::Relaxed);
        let mut indexed = 0;
        let mut ops = Vec::new();
        for article in &loaded.articles {
            if !self.first_in_run(&article.id) {
                c.duplicates.fetch_add(1, Ordering::Relaxed);
                self.progress.problem(&Problem {
                    kind: ProblemKind::Skipped,
                    path: file.path.clone(),
                    message: format!(
                        "duplicate id `{}`: an article with this id was already indexed in this run",
                        article.id
                    ),
                });
                continue;
            }
            let tags = self.tagger.map(|t| t.tag(article)).unwrap_or_default();
            let id_term = Term::from_field_text(self.fields.id, &article.id);
            let exists = self
                .existing
                .is_some_and(|s| s.doc_freq(&id_term).is_ok_and(|n| n > 0));
            if exists {
                // Sent in the same batch as the new version and stamped before it, so the
                // delete removes only the old one.
                ops.push(UserOperation::Delete(id_term));
                c.updated.fetch_add(1, Ordering::Relaxed);
            } else {
                c.added.fetch_add(1, Ordering::Relaxed);
            }
            ops.push(UserOperation::Add(Queued {
                doc: document(&self.fields, article, &tags),
                _ticket: self.queued.ticket(1),
            }));
            indexed += 1;
        }
        if indexed > 0 {
            c.files_indexed.fetch_add(1, Ordering::Relaxed);
        }
        self.send(ops, writer)?;
        self.progress.file_done(indexed);
        Ok(())
    }

    /// Queue `ops` on this thread's batch, sending the batch once it holds
    /// [`DOCS_PER_SEND`] operations.
    fn send(&self, ops: Vec<UserOperation<Queued>>, writer: &Writer) -> Result<()> {
        let Some(queue) = rayon::current_thread_index().and_then(|i| self.pending.get(i)) else {
            writer.run(ops)?;
            return Ok(());
        };
        let mut queue = lock(queue);
        if queue.is_empty() {
            *queue = ops;
        } else {
            queue.extend(ops);
        }
        if queue.len() >= DOCS_PER_SEND {
            writer.run(std::mem::take(&mut *queue))?;
            self.wait_for_indexing();
        }
        Ok(())
    }

    /// Wait while more than [`MAX_QUEUED_DOCS`] documents wait for the indexing threads
    /// (at most [`QUEUE_STALL`] without any of them being taken).
    fn wait_for_indexing(&self) {
        let (mut last, mut since) = (usize::MAX, Instant::now());
        self.queued.wait_below(MAX_QUEUED_DOCS, |out| {
            if out < last {
                (last, since) = (out, Instant::now());
            }
            since.elapsed() > QUEUE_STALL
        });
    }

    /// Send every queued operation (the pool is idle: called between batches of files).
    fn send_all_pending(&self, writer: &Writer) -> Result<()> {
        for queue in &self.pending {
            let ops = std::mem::take(&mut *lock(queue));
            if !ops.is_empty() {
                writer.run(ops)?;
            }
        }
        Ok(())
    }

    fn first_in_run(&self, id: &str) -> bool {
        let mut h = DefaultHasher::new();
        id.hash(&mut h);
        lock(&self.seen).insert(h.finish())
    }
}

/// Lock a mutex whose data stays valid even if a worker panicked while holding it (a
/// set of hashes, a queue of whole operations).
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Turn a tagged article into a tantivy document.
pub fn document(f: &Fields, a: &Article, tags: &Tags) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, &a.id);
    doc.add_date(
        f.date,
        DateTime::from_timestamp_secs(a.date.unix_timestamp()),
    );
    let d = a.date.date();
    doc.add_u64(f.day, day_key(d.year(), u8::from(d.month()), d.day()));
    doc.add_text(f.headline, &a.headline);
    // The body field indexes the headline too (as a first value; values never join into
    // phrases), so a plain query is an intersection of single posting lists, not of
    // headline-or-body unions: block-skipping stays possible and ranking stays one BM25.
    // The headline's extra weight comes from an optional clause at query time.
    if !a.headline.is_empty() {
        doc.add_text(f.body, &a.headline);
    }
    doc.add_text(f.body, &a.body);
    if let Some(city) = &a.dateline {
        doc.add_text(f.dateline, city);
    }
    if let Some(source) = &a.source {
        doc.add_facet(f.source, Facet::from_path([source.as_str()]));
    }
    for (field, names, about) in [
        (f.country, &tags.countries, &[][..]),
        (f.person, &tags.people, &[][..]),
        (
            f.other_country,
            &tags.mentioned_countries,
            &tags.countries[..],
        ),
        (f.other_person, &tags.mentioned_people, &tags.people[..]),
    ] {
        for name in names.iter().filter(|n| !about.contains(n)) {
            // from_path keeps a `/` inside a name as part of it; each facet is a single
            // level, so a document never holds a facet and its own ancestor (a panic).
            doc.add_facet(field, Facet::from_path([name.as_str()]));
        }
    }
    doc
}

/// `yyyymmdd` as one integer: sorting and bucketing by calendar period is arithmetic.
pub fn day_key(year: i32, month: u8, day: u8) -> u64 {
    // The tagger's day key, as the unsigned value a fast field holds (no year before 0).
    crate::tag::day_key(year.max(0), month, day) as u64
}

/// Contents of the marker file.
#[derive(serde::Serialize, serde::Deserialize)]
struct Marker {
    schema_version: u32,
    created_by: String,
}

fn marker_path(dir: &Path) -> PathBuf {
    dir.join(MARKER_FILE)
}

fn read_marker(dir: &Path) -> Result<Option<u32>> {
    let path = marker_path(dir);
    match std::fs::read(&path) {
        Ok(bytes) => {
            let m: Marker = serde_json::from_slice(&bytes).map_err(|e| {
                Error::Invalid(format!(
                    "{}: unreadable index marker ({e}); rebuild with `dateline index --rebuild`",
                    path.display()
                ))
            })?;
            Ok(Some(m.schema_version))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Io { path, source }),
    }
}

fn has_tantivy_meta(dir: &Path) -> bool {
    dir.join("meta.json").is_file()
}

fn check_version(dir: &Path) -> Result<()> {
    match read_marker(dir)? {
        Some(v) if v == SCHEMA_VERSION => Ok(()),
        Some(found) => Err(Error::SchemaVersion {
            path: dir.to_path_buf(),
            found,
            expected: SCHEMA_VERSION,
        }),
        None => Err(Error::NotAnIndex {
            path: dir.to_path_buf(),
        }),
    }
}

fn open_dir(dir: &Path) -> Result<Index> {
    let directory = MmapDirectory::open(dir).map_err(|e| Error::Invalid(format!("{e}")))?;
    let index = Index::open(directory)?;
    schema::register_analyzers(&index);
    Ok(index)
}

/// Open an existing index for searching.
pub fn open(dir: &Path) -> Result<(Index, Fields)> {
    if !has_tantivy_meta(dir) {
        return Err(Error::IndexMissing(dir.to_path_buf()));
    }
    check_version(dir)?;
    let index = open_dir(dir)?;
    let fields = Fields::new(&index.schema())?;
    Ok((index, fields))
}

/// Open the index at `dir` for writing, creating it if needed. A directory that holds
/// something other than a dateline index is refused rather than written into.
pub fn open_for_writing(dir: &Path, rebuild: bool) -> Result<Index> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    if dir.exists() {
        let is_ours = read_marker(dir)?.is_some();
        let empty = std::fs::read_dir(dir).map_err(io)?.next().is_none();
        if !is_ours && !empty {
            return Err(Error::NotAnIndex {
                path: dir.to_path_buf(),
            });
        }
        if rebuild && is_ours {
            std::fs::remove_dir_all(dir).map_err(io)?;
        } else if has_tantivy_meta(dir) {
            check_version(dir)?;
            return open_dir(dir);
        }
    }
    std::fs::create_dir_all(dir).map_err(io)?;
    let marker = Marker {
        schema_version: SCHEMA_VERSION,
        created_by: format!("dateline {}", env!("CARGO_PKG_VERSION")),
    };
    let json = serde_json::to_vec_pretty(&marker)
        .map_err(|e| Error::Invalid(format!("cannot write index marker: {e}")))?;
    std::fs::write(marker_path(dir), json).map_err(io)?;
    let directory = MmapDirectory::open(dir).map_err(|e| Error::Invalid(format!("{e}")))?;
    let settings = IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor {
            compression_level: Some(DOCSTORE_ZSTD_LEVEL),
        }),
        docstore_blocksize: DOCSTORE_BLOCK_SIZE,
        ..IndexSettings::default()
    };
    let index = Index::builder()
        .schema(schema::schema())
        .settings(settings)
        .open_or_create(directory)?;
    schema::register_analyzers(&index);
    Ok(index)
}

#[cfg(test)]
mod tests {
    use super::{merge_groups, parse_threads};

    #[test]
    fn parse_pool_is_two_fifths_of_the_indexing_threads() {
        assert_eq!([1, 2, 3, 4, 8, 16].map(parse_threads), [1, 1, 2, 2, 4, 7]);
    }

    #[test]
    fn merge_groups_balance_documents_and_skip_single_segments() {
        // Four segments into two groups: largest first, each to the lightest group.
        let groups = merge_groups(vec![('a', 130), ('b', 130), ('c', 55), ('d', 44)], 2);
        assert_eq!(groups, vec![vec!['a', 'c'], vec!['b', 'd']]);
        // Into one: everything.
        assert_eq!(
            merge_groups(vec![('a', 1), ('b', 2), ('c', 3)], 1),
            vec![vec!['c', 'b', 'a']]
        );
        // A group of one segment needs no merge.
        assert_eq!(
            merge_groups(vec![('a', 100), ('b', 10), ('c', 10)], 2),
            vec![vec!['b', 'c']]
        );
        // Already few enough.
        assert!(merge_groups(vec![('a', 5), ('b', 5)], 2).is_empty());
        assert!(merge_groups(vec![('a', 5)], 1).is_empty());
        assert!(merge_groups(Vec::<(char, u32)>::new(), 0).is_empty());
    }
}
