//! Library errors a caller can act on. Each message is one line meant for a person:
//! what went wrong, where, and — when there is one — what to do about it.

use std::path::PathBuf;

/// Errors from opening, building or querying an index.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no index at {}; build one with `dateline index PATH... --index {}`", .0.display(), .0.display())]
    IndexMissing(PathBuf),

    #[error("{} is not a dateline index (no {marker} file); choose another --index directory or remove it", .path.display(), marker = crate::schema::MARKER_FILE)]
    NotAnIndex { path: PathBuf },

    #[error("index at {} was built with schema v{found}, this dateline reads v{expected}; rebuild it with `dateline index --rebuild PATH... --index {}`", .path.display(), .path.display())]
    SchemaVersion {
        path: PathBuf,
        found: u32,
        expected: u32,
    },

    #[error("index at {} is locked: another `dateline index` is writing to it; wait for it to finish", .0.display())]
    Locked(PathBuf),

    #[error("invalid query: {0}")]
    Query(String),

    #[error("{0}")]
    Invalid(String),

    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
