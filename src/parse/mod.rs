//! Input formats: bytes of one file -> `Article`s.
//!
//! CONTRACT (other modules rely on it):
//! - `parse_file(path, id_prefix, bytes)` never panics on any input.
//! - `Err(ParseError)`: the whole file is unusable (empty, binary, unknown format, ...).
//! - `Ok(Parsed)`: `articles` are the good stories; `errors` are per-record problems
//!   (a bad JSON line, a truncated SGML tail, an impossible date in one story). The index
//!   pipeline indexes the good ones and reports each error as `path: error`.
//! - `ParseError`'s Display is one line, the reason only; the caller prefixes the path.

use crate::article::Article;
use std::path::Path;

/// The input formats dateline reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One article per file: ` date YYYY-MM-DD headline`, blank line, body.
    Native,
    /// Reuters-21578 SGML, many `<REUTERS>` stories per file.
    ReutersSgml,
    /// JSON Lines, one article object per line.
    JsonLines,
}

/// What a file yielded.
#[derive(Debug, Default)]
pub struct Parsed {
    pub articles: Vec<Article>,
    pub errors: Vec<ParseError>,
}

/// Why a file or a record could not be read. Display: one line, no path.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("empty file")]
    Empty,
    #[error("not a recognised article format")]
    UnknownFormat,
}

impl ParseError {
    /// True for files that are simply not articles (reported as skipped, not failed).
    pub fn is_skip(&self) -> bool {
        matches!(self, ParseError::Empty | ParseError::UnknownFormat)
    }
}

/// Parse one file. `id_prefix` is the file's path relative to the folder being indexed
/// (the native format uses it as the article id).
pub fn parse_file(path: &Path, id_prefix: &str, bytes: &[u8]) -> Result<Parsed, ParseError> {
    let _ = (path, id_prefix);
    if bytes.is_empty() {
        return Err(ParseError::Empty);
    }
    Err(ParseError::UnknownFormat)
}
