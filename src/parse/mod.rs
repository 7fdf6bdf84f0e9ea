//! Input formats: bytes of one file -> `Article`s.
//!
//! CONTRACT (other modules rely on it):
//! - `parse_file(path, id_prefix, bytes)` never panics on any input.
//! - `Err(ParseError)`: the whole file is unusable (empty, binary, unknown format, ...).
//! - `Ok(Parsed)`: `articles` are the good stories; `errors` are per-record problems
//!   (a bad JSON line, a truncated SGML tail, an impossible date in one story). The index
//!   pipeline indexes the good ones and reports each error as `path: error`.
//! - `ParseError`'s Display is one line, the reason only; the caller prefixes the path.
//!
//! Which format a file is in is decided by [`detect`] (content first, the extension only
//! as a hint); each format has its own module: [`native`], [`reuters`], [`jsonl`].

use crate::article::Article;
use std::fmt;
use std::path::Path;

mod date;
mod detect;
pub mod jsonl;
pub mod native;
pub mod reuters;

pub use detect::detect;

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

impl Format {
    /// Short stable name, for messages and `--json` output.
    pub fn name(self) -> &'static str {
        match self {
            Format::Native => "native",
            Format::ReutersSgml => "reuters-sgml",
            Format::JsonLines => "jsonl",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a file yielded.
#[derive(Debug, Default)]
pub struct Parsed {
    pub articles: Vec<Article>,
    pub errors: Vec<ParseError>,
}

/// Where in a file a record-level problem sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// 1-based line number (native header, JSON Lines).
    Line(usize),
    /// 1-based position of a `<REUTERS>` story in an SGML file, with its NEWID when the
    /// opening tag was readable.
    Story { index: usize, newid: Option<String> },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Line(n) => write!(f, "line {n}"),
            Location::Story {
                index,
                newid: Some(id),
            } => write!(f, "story {index} (NEWID {id})"),
            Location::Story { index, newid: None } => write!(f, "story {index}"),
        }
    }
}

/// Why a file or a record could not be read. Display: one line, no path.
///
/// Every value quoted inside a message has been made single-line and shortened, so a
/// hostile file cannot forge extra lines in the indexer's report.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Nothing but whitespace (or a lone byte-order mark). A skip, not a failure.
    #[error("empty file")]
    Empty,
    /// A NUL byte in the first 8 KiB: images, archives, UTF-16 text. A skip.
    #[error("binary file (NUL byte at offset {offset})")]
    Binary { offset: usize },
    /// Text, but none of the article formats (READMEs, DTDs, word lists). A skip.
    #[error("not a recognised article format")]
    UnknownFormat,
    /// The file is neither Reuters SGML (read as Latin-1) nor valid UTF-8. `byte` is the
    /// 0-based offset of the first bad byte from the start of the file (as `xxd -s`
    /// takes it); `line` is 1-based.
    #[error("invalid UTF-8 at line {line}, byte {byte}")]
    InvalidUtf8 { line: usize, byte: usize },
    /// The text opens like a story (a `CITY (Agency) -` dateline) but has no header line.
    #[error(
        "line 1: missing header ` date YYYY-MM-DD headline` (line {story_line} opens a story)"
    )]
    MissingHeader { story_line: usize },
    /// A date that is malformed, impossible (2025-02-30) or outside 1678..=2261.
    #[error("{at}: invalid date `{value}`: {reason}")]
    InvalidDate {
        at: Location,
        value: String,
        reason: String,
    },
    /// A required part is absent: the date, the headline, a `<DATE>` element, a NEWID ...
    #[error("{at}: missing {what}")]
    Missing { at: Location, what: &'static str },
    /// A JSON Lines record that serde_json rejects; `reason` ends with the column.
    #[error("{at}: invalid JSON: {reason}")]
    InvalidJson { at: Location, reason: String },
    /// A JSON Lines record that is valid JSON but not an object.
    #[error("{at}: expected a JSON object, found {found}")]
    NotAnObject { at: Location, found: &'static str },
    /// The file ends inside a record: the tail is lost, everything before it is kept.
    #[error("{at}: truncated, {reason}")]
    Truncated { at: Location, reason: &'static str },
}

impl ParseError {
    /// True for files that are simply not articles (reported as "skipped"), false for
    /// real failures a user should fix.
    pub fn is_skip(&self) -> bool {
        matches!(
            self,
            ParseError::Empty | ParseError::Binary { .. } | ParseError::UnknownFormat
        )
    }
}

/// Parse one file. `id_prefix` is the file's path relative to the folder being indexed
/// (the native format uses it as the article id; JSON Lines uses it for records without
/// an `id`).
pub fn parse_file(path: &Path, id_prefix: &str, bytes: &[u8]) -> Result<Parsed, ParseError> {
    match detect::sniff(path, bytes)? {
        detect::Sniffed::Native(text) => {
            native::parse(path, id_prefix, text).map(|article| Parsed {
                articles: vec![article],
                errors: Vec::new(),
            })
        }
        detect::Sniffed::ReutersSgml => Ok(reuters::parse(path, bytes)),
        detect::Sniffed::JsonLines(text) => Ok(jsonl::parse(path, id_prefix, text)),
    }
}

/// Make a value from the input safe to quote in a one-line message: control characters
/// and line breaks become spaces, runs of whitespace collapse, and long values are cut
/// (on a char boundary) with an ellipsis.
pub(crate) fn quote(value: &str) -> String {
    quote_max(value, 60)
}

/// [`quote`] with a chosen length limit, for longer texts such as serde's messages.
pub(crate) fn quote_max(value: &str, max_chars: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    for word in value.split(|c: char| c.is_whitespace() || c.is_control()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
            count += 1;
        }
        for c in word.chars() {
            if count >= max_chars {
                out.push('…');
                return out;
            }
            out.push(c);
            count += 1;
        }
    }
    out
}

/// The state, province or country that follows a dateline's city, given the text after
/// the city's comma: `Ontario` from ` Ontario`, `Conn.` from ` Conn., March 2 - `; `None`
/// for a date (` April 17`, ` Feb. 3 - `).
pub(crate) fn dateline_region(after_comma: &str) -> Option<&str> {
    let part = after_comma.split(',').next().unwrap_or_default();
    let part = part
        .trim_end_matches(|c: char| c == '-' || c.is_whitespace())
        .trim();
    let is_region = part.starts_with(|c: char| c.is_alphabetic() && !c.is_lowercase())
        && part.chars().all(|c| c.is_alphabetic() || is_place_punct(c))
        && !part.split_whitespace().next().is_some_and(is_month);
    is_region.then_some(part)
}

/// Punctuation a place name may hold besides letters and spaces: "ST. PETERSBURG",
/// "WINSTON-SALEM", "N'DJAMENA".
pub(crate) fn is_place_punct(c: char) -> bool {
    matches!(c, ' ' | '.' | '-' | '\'' | '’')
}

/// A month's name or abbreviation, any case, with or without a final period ("Feb.").
pub(crate) fn is_month(word: &str) -> bool {
    const MONTHS: [&str; 24] = [
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
    ];
    let word = word.trim_end_matches('.');
    MONTHS.iter().any(|m| word.eq_ignore_ascii_case(m))
}

/// Collapse every run of whitespace to one space and trim: headlines, datelines.
pub(crate) fn normalize_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Body text from its lines: trailing blanks (and `\r`) cut from every line, blank lines
/// at either end dropped, paragraph breaks kept. Shared by every format.
///
/// `capacity` is the most the result can hold (the length of the text the lines come
/// from): reserved once, where growing line by line reallocated ~4 times per story.
pub(crate) fn normalize_lines<'a>(capacity: usize, lines: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::with_capacity(capacity);
    for line in lines {
        let line = line.trim_end();
        if out.is_empty() && line.is_empty() {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_is_one_line_and_bounded() {
        assert_eq!(quote("  a\nb\r\n\tc\u{1}d "), "a b c d");
        let long = "é".repeat(100);
        let q = quote(&long);
        assert_eq!(q.chars().count(), 61);
        assert!(q.ends_with('…'));
    }

    #[test]
    fn skip_versus_failure() {
        assert!(ParseError::Empty.is_skip());
        assert!(ParseError::Binary { offset: 3 }.is_skip());
        assert!(ParseError::UnknownFormat.is_skip());
        assert!(!ParseError::InvalidUtf8 { line: 1, byte: 0 }.is_skip());
        assert!(!ParseError::MissingHeader { story_line: 3 }.is_skip());
    }

    #[test]
    fn location_display() {
        assert_eq!(Location::Line(7).to_string(), "line 7");
        let story = Location::Story {
            index: 2,
            newid: Some("15".into()),
        };
        assert_eq!(story.to_string(), "story 2 (NEWID 15)");
        let story = Location::Story {
            index: 2,
            newid: None,
        };
        assert_eq!(story.to_string(), "story 2");
    }
}
