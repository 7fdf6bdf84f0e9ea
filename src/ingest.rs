//! Reading one input file: bytes from disk, parsed into articles, with every problem
//! classified as skipped (not an article file) or failed (should have been one).
//!
//! Shared by `dateline index` and `dateline tag`, so both report the same problems the
//! same way.

use crate::article::Article;
use crate::parse;
use crate::walk::{self, SourceFile};
use std::path::PathBuf;

/// What happened to an input that did not simply yield articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// Not an article file (empty, binary, unknown format): left out, not an error.
    Skipped,
    /// A file or record that should have been an article but could not be read.
    Failed,
}

/// One reported problem, printed as `path: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    pub path: PathBuf,
    pub message: String,
}

/// The articles of one file and what went wrong reading it.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    /// The whole file was left out as not an article file.
    pub skipped: Option<Problem>,
    /// The whole file failed.
    pub failed: Option<Problem>,
    /// Records inside a readable file that failed (the others are in `articles`).
    pub record_failures: Vec<Problem>,
}

impl Loaded {
    /// Every problem of this file, in the order they should be reported.
    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        self.skipped
            .iter()
            .chain(self.failed.iter())
            .chain(self.record_failures.iter())
    }

    /// True when the file or any of its records failed.
    pub fn has_failures(&self) -> bool {
        self.failed.is_some() || !self.record_failures.is_empty()
    }
}

/// Read and parse one file. Never fails: problems are data.
pub fn load(file: &SourceFile) -> Loaded {
    load_read(file, std::fs::read(&file.path))
}

/// Parse one file whose reading (`read`) was done elsewhere, as [`load`] does.
pub fn load_read(file: &SourceFile, read: std::io::Result<Vec<u8>>) -> Loaded {
    let problem = |kind, message: String| Problem {
        kind,
        path: file.path.clone(),
        message,
    };
    let bytes = match read {
        Ok(b) => b,
        Err(e) => {
            return Loaded {
                failed: Some(problem(ProblemKind::Failed, walk::io_reason(&e))),
                ..Loaded::default()
            }
        }
    };
    match parse::parse_file(&file.path, &file.id_prefix, &bytes) {
        Ok(parsed) => Loaded {
            articles: parsed.articles,
            record_failures: parsed
                .errors
                .iter()
                .map(|e| problem(ProblemKind::Failed, e.to_string()))
                .collect(),
            ..Loaded::default()
        },
        Err(e) if e.is_skip() => Loaded {
            skipped: Some(problem(ProblemKind::Skipped, e.to_string())),
            ..Loaded::default()
        },
        Err(e) => Loaded {
            failed: Some(problem(ProblemKind::Failed, e.to_string())),
            ..Loaded::default()
        },
    }
}

/// Walk problems (missing paths, unreadable folders) as failures.
pub fn walk_failures(problems: Vec<walk::WalkProblem>) -> Vec<Problem> {
    problems.into_iter().map(walk_failure).collect()
}

/// A walk problem as a failure.
pub fn walk_failure(p: walk::WalkProblem) -> Problem {
    Problem {
        kind: ProblemKind::Failed,
        path: p.path,
        message: p.reason,
    }
}
