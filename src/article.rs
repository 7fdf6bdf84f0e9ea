//! The one type every stage shares: a dated wire story, however it was stored.
//!
//! Parsers produce it (`parse`), the tagger reads it (`tag`), the indexer turns it into a
//! tantivy document (`index`). It knows nothing of tantivy or of the CLI.

use std::path::PathBuf;
use time::OffsetDateTime;

/// One news-wire story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Stable identifier: re-indexing the same story replaces it instead of duplicating it.
    /// Native files: the path relative to the folder being indexed (`2025/putin-qatar.txt`);
    /// Reuters-21578: `reuters21578-<NEWID>`; JSON Lines: the record's `id` key.
    pub id: String,
    /// Publication time in UTC. Sources without a time of day use midnight.
    pub date: OffsetDateTime,
    /// The headline, whitespace-normalised (may be empty for untitled Reuters texts).
    pub headline: String,
    /// The dateline place as printed, without its date: the city ("MOSCOW") and the
    /// region or country that places it when the dateline names one ("LONDON, Ontario").
    pub dateline: Option<String>,
    /// The agency ("Reuters"), if the story names one.
    pub source: Option<String>,
    /// The story text, without the dateline prefix and without markup.
    pub body: String,
    /// Where the story came from.
    pub origin: Origin,
}

/// Where an article was read from, for error messages and `--json` output.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// The file, as given on the command line or found by the folder walk.
    pub path: PathBuf,
    /// For files holding many articles: 1-based line number (JSON Lines) or 1-based
    /// position of the story in the file (SGML). `None` for one-article files.
    pub position: Option<usize>,
}
