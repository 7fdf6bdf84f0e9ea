//! The native format: one article per UTF-8 text file.
//!
//! ```text
//!  date 2025-04-17 Putin and Qatari emir discuss Syria and Gaza at Moscow talks
//!
//! MOSCOW (Reuters) - Qatar's Emir ...
//!
//! Second paragraph ...
//! ```
//!
//! Line 1 is the header: the word `date`, an ISO date, the headline. Written by hand and
//! by scripts, so the reader forgives what carries no meaning: a missing leading space,
//! a byte-order mark, CRLF, tabs or runs of spaces, `Date` or `date:`, leading and
//! trailing blank lines, trailing blanks. The date may carry a time joined with `T`
//! (`2025-04-17T14:30Z`); a bare date is midnight UTC.
//!
//! The body's first paragraph usually opens with a dateline, `CITY (Agency) - `, which
//! becomes `Article::dateline` / `Article::source` and is cut from the body.

use super::date;
use super::{normalize_space, quote, Location, ParseError};
use crate::article::{Article, Origin};
use std::path::Path;
use time::OffsetDateTime;

/// What the header must look like, for messages.
const HEADER_SHAPE: &str = "header ` date YYYY-MM-DD headline`";

/// Parse a whole native file. `id` becomes `Article::id`.
pub fn parse(path: &Path, id: &str, text: &str) -> Result<Article, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .skip_while(|(_, l)| l.trim().is_empty());
    let Some((line_no, header)) = lines.next() else {
        return Err(ParseError::Missing {
            at: Location::Line(1),
            what: HEADER_SHAPE,
        });
    };
    let (date, headline) = parse_header(header, line_no)?;

    let body = super::normalize_lines(text.len(), lines.map(|(_, line)| line));
    if headline.is_empty() && body.is_empty() {
        return Err(ParseError::Missing {
            at: Location::Line(line_no),
            what: "headline and body",
        });
    }

    let (dateline, source, body) = match split_dateline(&body) {
        Some(d) => (
            Some(d.city.to_string()),
            Some(d.source.to_string()),
            d.rest.to_string(),
        ),
        // "By Jane Doe" above the dateline: the byline stays, the dateline is cut.
        None => match byline_then_dateline(&body) {
            Some((byline, d)) => (
                Some(d.city.to_string()),
                Some(d.source.to_string()),
                format!("{byline}\n\n{}", d.rest),
            ),
            None => (None, None, body),
        },
    };
    Ok(Article {
        id: id.to_string(),
        date,
        headline,
        dateline,
        source,
        body,
        origin: Origin {
            path: path.to_path_buf(),
            position: None,
        },
    })
}

/// Parse the header line (`line_no` is used in errors): the date and the
/// whitespace-normalised headline.
pub fn parse_header(line: &str, line_no: usize) -> Result<(OffsetDateTime, String), ParseError> {
    let at = || Location::Line(line_no);
    let Some(rest) = after_date_word(line) else {
        return Err(ParseError::Missing {
            at: at(),
            what: HEADER_SHAPE,
        });
    };
    let rest = rest.trim_start();
    let (token, headline) = match rest.find(char::is_whitespace) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    if token.is_empty() {
        return Err(ParseError::Missing {
            at: at(),
            what: "date",
        });
    }
    let date = date::parse_iso(token).map_err(|reason| ParseError::InvalidDate {
        at: at(),
        value: quote(token),
        reason,
    })?;
    // An untitled item (a table, a flash) is still a story if it has a body: `parse`
    // refuses only a story with neither.
    Ok((date, normalize_space(headline)))
}

/// Does this line try to be a header? `date` (any case, optional colon) then whitespace
/// and a digit. Demanding the digit keeps word lists and prose ("date: tbd", a line
/// reading just "date") out, while `date 17/04/2025 ...` still counts and fails loudly.
pub fn looks_like_header(line: &str) -> bool {
    after_date_word(line).is_some_and(|rest| {
        rest.trim_start()
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_digit)
    })
}

/// The text after the leading `date` word (and an optional colon), if the line starts
/// with it as a whole word.
fn after_date_word(line: &str) -> Option<&str> {
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    let trimmed = line.trim_start_matches([' ', '\t']);
    let word = trimmed.get(..4)?;
    if !word.eq_ignore_ascii_case("date") {
        return None;
    }
    let rest = trimmed.get(4..)?;
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    if rest.is_empty() || rest.starts_with(char::is_whitespace) {
        Some(rest)
    } else {
        None
    }
}

/// A dateline split off the start of a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dateline<'a> {
    /// The place as printed: the city (`MOSCOW`, `RIO DE JANEIRO`) and the region or
    /// country that places it, if the dateline names one (`LONDON, Ontario`), without a
    /// date (`WASHINGTON, April 17` -> `WASHINGTON`).
    pub city: &'a str,
    /// The agency inside the parentheses: `Reuters`.
    pub source: &'a str,
    /// The body after the dash and the whitespace that follows it.
    pub rest: &'a str,
}

/// Split `CITY (Agency) - `, `CITY (Agency) — `, `CITY, Month DD (Agency) – ` and the like
/// off the start of `body`. The city must be printed in capitals (letters, spaces, `.`,
/// `-`, `'`), which is what tells a dateline from a sentence that happens to contain a
/// parenthesis and a dash. Returns `None` when the body does not open with one.
pub fn split_dateline(body: &str) -> Option<Dateline<'_>> {
    const MAX_PREFIX: usize = 80;
    const MAX_PART: usize = 40;
    let s = body.trim_start();
    let open = s.find('(')?;
    if open > MAX_PREFIX {
        return None;
    }
    let before = s.get(..open)?;
    if before.contains('\n') {
        return None;
    }
    let (city, extra) = match before.split_once(',') {
        Some((city, extra)) => (city.trim(), Some(extra.trim())),
        None => (before.trim(), None),
    };
    if !is_city(city) {
        return None;
    }
    let mut place = city;
    if let Some(extra) = extra {
        if extra.is_empty() || extra.chars().count() > MAX_PART {
            return None;
        }
        // "LONDON, Ontario", "STAMFORD, Conn., March 2": keep the region, not the date.
        if let Some(region) = super::dateline_region(extra) {
            let comma = before.find(',').unwrap_or_default();
            if let Some(at) = before[comma..].find(region) {
                place = before[..comma + at + region.len()].trim();
            }
        }
    }
    let after_open = s.get(open + 1..)?;
    let close = after_open.find(')')?;
    let source = after_open.get(..close)?.trim();
    if source.is_empty()
        || source.chars().count() > MAX_PART
        || source.contains(['(', '\n'])
        || !source.chars().next().is_some_and(char::is_alphabetic)
    {
        return None;
    }
    let rest = after_open.get(close + 1..)?.trim_start_matches([' ', '\t']);
    let rest = ["--", "-", "\u{2014}", "\u{2013}"]
        .iter()
        .find_map(|dash| rest.strip_prefix(dash))?;
    // "MOSCOW (Reuters) -Qatar" is accepted, "MOSCOW (Reuters) -5%" would not be a
    // dateline but a number; refuse a digit glued to the dash.
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(Dateline {
        city: place,
        source,
        rest: rest.trim_start(),
    })
}

/// A first paragraph that is a byline ("By Jane Doe and John Roe", one short line) and the
/// dateline opening the paragraph after it.
fn byline_then_dateline(body: &str) -> Option<(&str, Dateline<'_>)> {
    const MAX_BYLINE: usize = 100;
    let (first, rest) = body.trim_start().split_once("\n\n")?;
    let first = first.trim();
    let is_byline = first.starts_with("By ")
        && first.len() <= MAX_BYLINE
        && !first.contains('\n')
        && first[3..].starts_with(|c: char| c.is_uppercase());
    if !is_byline {
        return None;
    }
    split_dateline(rest).map(|d| (first, d))
}

/// Capitals, place punctuation, and `/` between the cities of a story filed from several
/// desks ("LONDON/BRUSSELS").
fn is_city(city: &str) -> bool {
    let letters = city.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && city.chars().count() <= 40
        && city.chars().all(|c| {
            (c.is_alphabetic() && !c.is_lowercase()) || super::is_place_punct(c) || c == '/'
        })
}

/// For detection: the 1-based line of a dateline opening one of the first two paragraphs
/// of a text that has no header (a story whose header was forgotten).
pub(crate) fn story_without_header(text: &str) -> Option<usize> {
    let mut paragraphs = 0;
    let mut in_paragraph = false;
    for (i, line) in text.split('\n').enumerate() {
        if line.trim().is_empty() {
            in_paragraph = false;
            continue;
        }
        if in_paragraph {
            continue;
        }
        in_paragraph = true;
        paragraphs += 1;
        if split_dateline(line).is_some() {
            return Some(i + 1);
        }
        if paragraphs == 2 {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_detection() {
        let yes = [
            " date 2025-04-17 Headline",
            "date 2025-04-17 Headline",
            "\tDATE:\t2025-04-17 Headline",
            " date 17/04/2025 Headline",
            " date 2025-04-17",
        ];
        let no = [
            "date",
            "date:",
            "date: tbd",
            "dateline MOSCOW",
            "dates 2025-04-17",
            "The date 2025-04-17",
            "",
        ];
        for line in yes {
            assert!(looks_like_header(line), "{line:?}");
        }
        for line in no {
            assert!(!looks_like_header(line), "{line:?}");
        }
    }

    #[test]
    fn forgotten_header() {
        assert_eq!(
            story_without_header("Some headline\n\nMOSCOW (Reuters) - Text.\n"),
            Some(3)
        );
        assert_eq!(story_without_header("MOSCOW (Reuters) - Text.\n"), Some(1));
        assert_eq!(
            story_without_header("# Notes\n\nintro\n\nMOSCOW (Reuters) - late\n"),
            None
        );
    }
}
