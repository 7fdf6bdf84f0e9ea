//! JSON Lines (`.jsonl`, `.ndjson`): one article object per line.
//!
//! Keys (unknown keys such as `places` or `people` are ignored):
//!
//! | key | required | meaning |
//! | --- | --- | --- |
//! | `id` | no | string or number; missing, null or empty -> `<id_prefix>:<line>` |
//! | `date` | yes | `YYYY-MM-DD` (midnight UTC), `YYYY-MM-DDTHH:MM[:SS]` (UTC), or RFC 3339 with `Z` / `±HH:MM` |
//! | `headline` or `title` | one of headline/body | `headline` wins when both are present |
//! | `body` or `text` | one of headline/body | `body` wins when both are present |
//! | `dateline` | no | the city; a raw Reuters dateline (`SALVADOR, Feb 26 -`) is cut to the city |
//! | `source` | no | the agency ("Reuters") |
//!
//! Without a `dateline` key, a `CITY (Agency) - ` opening of the body is split off as in
//! the native format (an explicit `source` still wins).
//!
//! Blank lines are skipped; a bad line (invalid JSON, not an object, missing or bad
//! date, neither headline nor body) is an error with its 1-based line number, and every
//! other line is still read.

use super::{
    date, native, normalize_space, quote, quote_max, reuters, Location, ParseError, Parsed,
};
use crate::article::{Article, Origin};
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use std::borrow::Cow;
use std::fmt;
use std::path::Path;

/// One record. Strings borrow from the line unless they contain escapes.
#[derive(Deserialize)]
struct Record<'a> {
    #[serde(default)]
    id: Option<Id<'a>>,
    #[serde(default, borrow)]
    date: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    headline: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    title: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    body: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    text: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    dateline: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    source: Option<Cow<'a, str>>,
}

/// `id` as written: a string, or a number kept in its decimal form.
struct Id<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Id<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct IdVisitor;
        impl<'de> Visitor<'de> for IdVisitor {
            type Value = Id<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a number for `id`")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Id(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Id(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Id(Cow::Owned(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Id(Cow::Owned(v.to_string())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Id(Cow::Owned(v.to_string())))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                Ok(Id(Cow::Owned(v.to_string())))
            }
        }
        d.deserialize_any(IdVisitor)
    }
}

/// Parse a whole JSON Lines text. Never fails as a whole.
pub fn parse(path: &Path, id_prefix: &str, text: &str) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parsed = Parsed::default();
    for (i, line) in text.split('\n').enumerate() {
        let line_no = i + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match record(path, id_prefix, line, line_no) {
            Ok(article) => parsed.articles.push(article),
            Err(e) => parsed.errors.push(e),
        }
    }
    parsed
}

/// Parse one non-blank line (`line_no` 1-based) into an article.
pub fn record(
    path: &Path,
    id_prefix: &str,
    line: &str,
    line_no: usize,
) -> Result<Article, ParseError> {
    let at = || Location::Line(line_no);
    if let Some(found) = non_object(line) {
        return Err(ParseError::NotAnObject { at: at(), found });
    }
    let rec: Record<'_> = serde_json::from_str(line).map_err(|e| ParseError::InvalidJson {
        at: at(),
        reason: json_reason(&e),
    })?;

    let Some(raw_date) = rec.date else {
        return Err(ParseError::Missing {
            at: at(),
            what: "`date`",
        });
    };
    let date = date::parse_iso(raw_date.trim()).map_err(|reason| ParseError::InvalidDate {
        at: at(),
        value: quote(&raw_date),
        reason,
    })?;

    let headline = rec.headline.or(rec.title);
    let body = rec.body.or(rec.text);
    if headline.as_deref().is_none_or(|h| h.trim().is_empty())
        && body.as_deref().is_none_or(|b| b.trim().is_empty())
    {
        return Err(ParseError::Missing {
            at: at(),
            what: "`headline`/`title` and `body`/`text`",
        });
    }
    let headline = headline.map(|h| normalize_space(&h)).unwrap_or_default();
    let body = body
        .map(|b| super::normalize_lines(b.len(), b.split('\n')))
        .unwrap_or_default();

    let mut source = rec
        .source
        .map(|s| normalize_space(&s))
        .filter(|s| !s.is_empty());
    let (dateline, body) = match rec.dateline {
        Some(d) => (clean_dateline(&d), body),
        None => match native::split_dateline(&body) {
            Some(split) => {
                source.get_or_insert_with(|| split.source.to_string());
                (Some(split.city.to_string()), split.rest.to_string())
            }
            None => (None, body),
        },
    };

    let id = match rec.id {
        Some(Id(id)) if !id.trim().is_empty() => id.into_owned(),
        _ => format!("{id_prefix}:{line_no}"),
    };
    Ok(Article {
        id,
        date,
        headline,
        dateline,
        source,
        body,
        origin: Origin {
            path: path.to_path_buf(),
            position: Some(line_no),
        },
    })
}

/// `[`, `"`, a digit ...: valid JSON perhaps, but not a record. Named by kind so the
/// message says what was found rather than a serde type name.
fn non_object(line: &str) -> Option<&'static str> {
    match line.as_bytes().first()? {
        b'{' => None,
        b'[' => Some("an array"),
        b'"' => Some("a string"),
        b't' | b'f' if line == "true" || line == "false" => Some("a boolean"),
        b'n' if line == "null" => Some("null"),
        b'-' | b'0'..=b'9' if line.parse::<f64>().is_ok() => Some("a number"),
        _ => None,
    }
}

/// serde_json's message without its ` at line 1 column N` (the line is ours, always 1
/// for serde), with the column kept.
fn json_reason(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let msg = match msg.rfind(" at line ") {
        Some(i) => msg.get(..i).unwrap_or(&msg),
        None => &msg,
    };
    format!("{} at column {}", quote_max(msg, 200), e.column())
}

/// A `dateline` value: a plain city stays as it is (whitespace-normalised); a raw
/// Reuters dateline is cut to its city and region (see `reuters::reduce_dateline`). Raw means: a trailing dash (`TOKYO -`), or a
/// comma after a city printed in capitals (`WOODBRIDGE, N.J.`), or a comma-separated part
/// holding a month or ending in a day number (`Hauppauge, N.Y,. March 13`). So
/// `SALVADOR, Feb 26` becomes `SALVADOR` while `Paris, France` stays.
fn clean_dateline(raw: &str) -> Option<String> {
    let trimmed = raw.trim();
    let raw_reuters = trimmed.ends_with('-')
        || trimmed.split_once(',').is_some_and(|(city, rest)| {
            !city.chars().any(char::is_lowercase)
                || rest.split(',').any(|part| {
                    part.split_whitespace().any(super::is_month)
                        || part.trim_end().ends_with(|c: char| c.is_ascii_digit())
                })
        });
    if raw_reuters {
        reuters::reduce_dateline(trimmed)
    } else {
        let city = normalize_space(trimmed);
        (!city.is_empty()).then_some(city)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        let cases = [
            ("SALVADOR, Feb 26 -", Some("SALVADOR")),
            ("SALVADOR, Feb 26", Some("SALVADOR")),
            (
                "SAN FRANCISCO, Calif., March 3",
                Some("SAN FRANCISCO, Calif."),
            ),
            ("    TOKYO - ", Some("TOKYO")),
            ("MOSCOW", Some("MOSCOW")),
            ("Paris,  France", Some("Paris, France")),
            ("WOODBRIDGE, N.J.", Some("WOODBRIDGE, N.J.")),
            ("Hauppauge, N.Y,. March 13", Some("Hauppauge, N.Y")),
            ("Lebec, Calif. 24", Some("Lebec")),
            ("  ", None),
        ];
        for (raw, want) in cases {
            assert_eq!(clean_dateline(raw).as_deref(), want, "{raw:?}");
        }
    }

    #[test]
    fn non_objects() {
        assert_eq!(non_object("[1, 2]"), Some("an array"));
        assert_eq!(non_object("\"s\""), Some("a string"));
        assert_eq!(non_object("42"), Some("a number"));
        assert_eq!(non_object("null"), Some("null"));
        assert_eq!(non_object("{}"), None);
        assert_eq!(non_object("nope"), None);
    }
}
