//! Which format is this file in? Content decides; the extension is only a hint.
//!
//! Order, first match wins:
//! 1. empty or whitespace-only (a lone BOM counts as empty) -> `Empty` (skip);
//! 2. a NUL byte in the first 8 KiB -> `Binary` (skip);
//! 3. `<!DOCTYPE lewis` in the first KiB, or a line there opening with `<REUTERS` ->
//!    Reuters SGML, read as Latin-1 so no UTF-8 check applies;
//! 4. everything else must be UTF-8 (after an optional BOM), else `InvalidUtf8` (failure);
//! 5. a `.jsonl` / `.ndjson` extension, or a first non-blank line that is a one-line
//!    `{...}` object mentioning `"date"` -> JSON Lines (the `"date"` demand keeps stray
//!    one-line `.json` configs out: without a date no record could be indexed anyway);
//! 6. a first non-blank line shaped like the native header -> native;
//! 7. a text whose first or second paragraph opens with a `CITY (Agency) -` dateline ->
//!    `MissingHeader` (failure: a story whose header was forgotten);
//! 8. otherwise `UnknownFormat` (skip): READMEs, DTDs, word lists.

use super::{native, Format, ParseError};
use memchr::memmem;
use std::path::Path;

const BOM: &[u8] = b"\xEF\xBB\xBF";
/// How far into the file binary and SGML sniffing look.
const BINARY_WINDOW: usize = 8 * 1024;
const SGML_WINDOW: usize = 1024;

/// The detected format of a file, from its content first and its extension second.
pub fn detect(path: &Path, bytes: &[u8]) -> Result<Format, ParseError> {
    sniff(path, bytes).map(|s| s.format())
}

/// The format, with the decoded text for the UTF-8 formats so the parser does not
/// validate it twice.
pub(crate) enum Sniffed<'a> {
    Native(&'a str),
    ReutersSgml,
    JsonLines(&'a str),
}

impl Sniffed<'_> {
    fn format(&self) -> Format {
        match self {
            Sniffed::Native(_) => Format::Native,
            Sniffed::ReutersSgml => Format::ReutersSgml,
            Sniffed::JsonLines(_) => Format::JsonLines,
        }
    }
}

pub(crate) fn sniff<'a>(path: &Path, bytes: &'a [u8]) -> Result<Sniffed<'a>, ParseError> {
    let (bom_len, content) = match bytes.strip_prefix(BOM) {
        Some(rest) => (BOM.len(), rest),
        None => (0, bytes),
    };
    if content.iter().all(u8::is_ascii_whitespace) {
        return Err(ParseError::Empty);
    }
    let window = bytes.get(..BINARY_WINDOW).unwrap_or(bytes);
    if let Some(offset) = memchr::memchr(0, window) {
        return Err(ParseError::Binary { offset });
    }
    if is_reuters_sgml(content) {
        return Ok(Sniffed::ReutersSgml);
    }
    let text = std::str::from_utf8(content).map_err(|e| {
        let byte = bom_len + e.valid_up_to();
        let line = 1 + memchr::memchr_iter(b'\n', bytes.get(..byte).unwrap_or(bytes)).count();
        ParseError::InvalidUtf8 { line, byte }
    })?;

    let first_line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let jsonl_ext = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"));
    let one_line_object =
        first_line.starts_with('{') && first_line.ends_with('}') && first_line.contains("\"date\"");
    if jsonl_ext || one_line_object {
        return Ok(Sniffed::JsonLines(text));
    }
    if native::looks_like_header(first_line) {
        return Ok(Sniffed::Native(text));
    }
    if let Some(story_line) = native::story_without_header(text) {
        return Err(ParseError::MissingHeader { story_line });
    }
    Err(ParseError::UnknownFormat)
}

/// `<!DOCTYPE lewis` or a line opening with `<REUTERS ` / `<REUTERS>` near the start.
/// A line start is demanded so that a README quoting the markup mid-sentence stays text.
fn is_reuters_sgml(content: &[u8]) -> bool {
    let head = content.get(..SGML_WINDOW).unwrap_or(content);
    if memmem::find(head, b"<!DOCTYPE lewis").is_some() {
        return true;
    }
    memmem::find_iter(head, b"<REUTERS").any(|i| {
        let line_start = head.get(..i).is_some_and(|before| {
            before
                .iter()
                .rev()
                .take_while(|&&b| b != b'\n')
                .all(|b| b.is_ascii_whitespace())
        });
        let next = head.get(i + b"<REUTERS".len());
        line_start && next.is_none_or(|b| b.is_ascii_whitespace() || *b == b'>')
    })
}
