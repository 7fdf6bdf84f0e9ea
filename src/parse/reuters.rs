//! Reuters-21578 SGML: many `<REUTERS>` stories per file, bytes read as Latin-1.
//!
//! The collection is not well-formed SGML or XML (no root element, stray `&` and `<` in
//! text, `>` never escaped), so this is a tolerant tag-aware scanner: `memmem` finds the
//! handful of tags we need inside each story; nothing else is interpreted. Element order
//! inside a story is not relied upon (the collection's README says it should not be).
//!
//! Mapping (see `../shared/corpora/reuters21578/SOURCE.md`):
//! - id `reuters21578-<NEWID>`; source "Reuters"; position = 1-based story index;
//! - `<DATE>`: `DD-MON-YYYY HH:MM:SS.cc` with every recorded deformity tolerated
//!   (see [`parse_date`]); hundredths are dropped, the time of day is kept;
//! - `<TITLE>` -> headline, whitespace-normalised, capitals kept;
//! - `<DATELINE>` `    SALVADOR, Feb 26 - ` -> "SALVADOR", `    STAMFORD, Conn., March 2 - `
//!   -> "STAMFORD, Conn." (see [`reduce_dateline`]);
//! - `<BODY>` -> body, entities decoded, the ` Reuter` sign-off and `&#3;` removed;
//! - `TYPE="BRIEF"`: title only; the `Blah blah blah.` placeholder body is dropped;
//! - `TYPE="UNPROC"`: body = the text inside `<TEXT>`, headline = its first non-empty line.
//!
//! A story without a usable DATE or NEWID is a per-record error; a file cut short keeps
//! every complete story and reports one error for the tail.

use super::date::{self, Cursor};
use super::{normalize_space, quote, Location, ParseError, Parsed};
use crate::article::{Article, Origin};
use memchr::memmem;
use std::path::Path;
use time::{OffsetDateTime, Time, UtcOffset};

const OPEN: &[u8] = b"<REUTERS";
const CLOSE: &[u8] = b"</REUTERS>";
/// An opening tag longer than this is garbage or cut off, not a tag.
const MAX_TAG: usize = 1024;
const PLACEHOLDER: &str = "Blah blah blah.";

/// Parse a whole SGML file. Never fails as a whole: per-story problems land in `errors`.
pub fn parse(path: &Path, bytes: &[u8]) -> Parsed {
    let open_finder = memmem::Finder::new(OPEN);
    let close_finder = memmem::Finder::new(CLOSE);
    let mut parsed = Parsed::default();
    let mut pos = 0;
    let mut index = 0;
    while let Some(found) = find_open(&open_finder, bytes.get(pos..).unwrap_or(&[])) {
        let name_end = pos + found + OPEN.len();
        index += 1;
        let rest = bytes.get(name_end..).unwrap_or(&[]);
        let tag_len = rest
            .iter()
            .take(MAX_TAG)
            .position(|&b| b == b'>' || b == b'<');
        let Some(tag_len) = tag_len.filter(|&n| rest.get(n) == Some(&b'>')) else {
            let at = Location::Story { index, newid: None };
            if tag_len.is_none() && rest.len() < MAX_TAG {
                parsed.errors.push(ParseError::Truncated {
                    at,
                    reason: "the <REUTERS> tag is cut off at end of file",
                });
                return parsed;
            }
            parsed.errors.push(ParseError::Missing {
                at,
                what: "`>` closing the <REUTERS> tag",
            });
            pos = name_end;
            continue;
        };
        let attrs = rest.get(..tag_len).unwrap_or(&[]);
        let newid = attr(attrs, b"NEWID").map(|v| quote(&latin1(v)));
        let at = Location::Story {
            index,
            newid: newid.clone(),
        };
        let inner_start = name_end + tag_len + 1;
        let after_tag = bytes.get(inner_start..).unwrap_or(&[]);
        let Some(inner_len) = close_finder.find(after_tag) else {
            // Before calling it the tail, check whether another story follows: then only
            // this one lost its end tag.
            if let Some(next) = find_open(&open_finder, after_tag) {
                parsed.errors.push(ParseError::Truncated {
                    at,
                    reason: "no </REUTERS> before the next <REUTERS>",
                });
                pos = inner_start + next;
                continue;
            }
            parsed.errors.push(ParseError::Truncated {
                at,
                reason: "no </REUTERS> before end of file",
            });
            return parsed;
        };
        let inner = after_tag.get(..inner_len).unwrap_or(&[]);
        if let Some(next) = find_open(&open_finder, inner) {
            parsed.errors.push(ParseError::Truncated {
                at,
                reason: "no </REUTERS> before the next <REUTERS>",
            });
            pos = inner_start + next;
            continue;
        }
        pos = inner_start + inner_len + CLOSE.len();
        match story(path, inner, index, newid, at) {
            Ok(article) => parsed.articles.push(article),
            Err(e) => parsed.errors.push(e),
        }
    }
    // A file cut inside the very word `<REUTERS` leaves a fragment no search finds (a
    // lone `<` is too little to call it one).
    let tail = trim_ascii(bytes.get(pos..).unwrap_or(&[]));
    if tail.len() > 1 && OPEN.starts_with(tail) {
        parsed.errors.push(ParseError::Truncated {
            at: Location::Story {
                index: index + 1,
                newid: None,
            },
            reason: "the <REUTERS> tag is cut off at end of file",
        });
    }
    parsed
}

/// The offset of the next real `<REUTERS` opening tag in `hay` (not `<REUTERSX`; a
/// `<REUTERS` at the very end counts, so that a cut-off tag is reported).
fn find_open(finder: &memmem::Finder<'_>, hay: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = finder.find(hay.get(from..)?) {
        let at = from + i;
        match hay.get(at + OPEN.len()) {
            Some(b) if !(b.is_ascii_whitespace() || *b == b'>') => from = at + OPEN.len(),
            _ => return Some(at),
        }
    }
    None
}

/// One story: the bytes between `<REUTERS ...>` and `</REUTERS>`.
fn story(
    path: &Path,
    inner: &[u8],
    index: usize,
    newid: Option<String>,
    at: Location,
) -> Result<Article, ParseError> {
    let Some(newid) = newid.filter(|id| !id.is_empty()) else {
        return Err(ParseError::Missing {
            at,
            what: "NEWID attribute",
        });
    };
    let Some(raw_date) = Element::find(inner, b"<DATE>", b"</DATE>", Unclosed::Line) else {
        return Err(ParseError::Missing { at, what: "<DATE>" });
    };
    let raw_date = raw_date.content;
    let date = parse_date(raw_date).map_err(|reason| ParseError::InvalidDate {
        at: at.clone(),
        value: quote(&latin1(raw_date)),
        reason,
    })?;
    let Some((text_attrs, text)) = text_element(inner) else {
        return Err(ParseError::Missing { at, what: "<TEXT>" });
    };
    let kind = attr(text_attrs, b"TYPE");

    let title = Element::find(text, b"<TITLE>", b"</TITLE>", Unclosed::Line);
    let dateline = Element::find(text, b"<DATELINE>", b"</DATELINE>", Unclosed::Line);
    let body = Element::find(text, b"<BODY>", b"</BODY>", Unclosed::End);
    let unstructured = kind.is_some_and(|k| k.eq_ignore_ascii_case(b"UNPROC"))
        || (title.is_none() && dateline.is_none() && body.is_none());

    let (headline, dateline, body) = if unstructured {
        let body = clean_body(text);
        let headline = body
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .map(normalize_space)
            .unwrap_or_default();
        (headline, None, body)
    } else {
        let headline = title
            .map(|t| normalize_space(&decode(t.content)))
            .unwrap_or_default();
        let raw_dateline = dateline.map(|d| decode(d.content));
        let city = raw_dateline.as_deref().and_then(reduce_dateline);
        // BRIEF stories have no <BODY>: whatever follows the title (or dateline) is the
        // text; the `******` flash marker before the title is not.
        let body_element_start = body.as_ref().map(|b| b.start);
        let body_bytes = match body {
            Some(b) => b.content,
            None => {
                let after = [title, dateline]
                    .into_iter()
                    .flatten()
                    .map(|e| e.end)
                    .max()
                    .unwrap_or(0);
                text.get(after..).unwrap_or(&[])
            }
        };
        let mut body = clean_body(body_bytes);
        if body == PLACEHOLDER {
            body.clear();
        }
        // A DATELINE that holds no place is the markup's slip in a table ("MIDWEST GRAIN
        // FUTURES": rows before it, one in it, the rest in BODY): the text from the title
        // to the body, tags and byline aside, goes back at the head of the body.
        if let (Some(d), None) = (&dateline, &city) {
            let from = title.as_ref().map_or(0, |t| t.end);
            let to = body_element_start.unwrap_or(d.end);
            if let Some(stray) = text.get(from..to).and_then(stray_text) {
                body = if body.is_empty() {
                    stray
                } else {
                    format!("{stray} {body}")
                };
            }
        }
        (headline, city, body)
    };

    Ok(Article {
        id: format!("reuters21578-{newid}"),
        date,
        headline,
        dateline,
        source: Some("Reuters".to_string()),
        body,
        origin: Origin {
            path: path.to_path_buf(),
            position: Some(index),
        },
    })
}

/// The `<TEXT ...>` element: its attribute bytes and its content. A missing `</TEXT>`
/// runs to the end of the story.
fn text_element(inner: &[u8]) -> Option<(&[u8], &[u8])> {
    let mut from = 0;
    loop {
        let i = from + memmem::find(inner.get(from..)?, b"<TEXT")?;
        let after = inner.get(i + 5..)?;
        match after.first() {
            Some(b'>') | Some(b' ' | b'\t' | b'\n' | b'\r') => {
                let gt = after.iter().position(|&b| b == b'>')?;
                let attrs = after.get(..gt)?;
                let content = after.get(gt + 1..)?;
                let content = match memmem::find(content, b"</TEXT>") {
                    Some(end) => content.get(..end)?,
                    None => content,
                };
                return Some((attrs, content));
            }
            _ => from = i + 5,
        }
    }
}

/// What an element missing its closing tag extends to.
#[derive(Clone, Copy)]
enum Unclosed {
    /// One-line elements (DATE, TITLE, DATELINE): the end of the line.
    Line,
    /// BODY: the end of the enclosing text, which is what a reader would take.
    End,
}

/// The first `open ... close` element in a block.
#[derive(Clone, Copy)]
struct Element<'a> {
    /// Offset of the opening tag.
    start: usize,
    content: &'a [u8],
    /// Offset just past the closing tag (or past the content when unclosed).
    end: usize,
}

impl<'a> Element<'a> {
    fn find(hay: &'a [u8], open: &[u8], close: &[u8], unclosed: Unclosed) -> Option<Self> {
        let tag = memmem::find(hay, open)?;
        let start = tag + open.len();
        let rest = hay.get(start..)?;
        let (len, end) = match memmem::find(rest, close) {
            Some(n) => (n, start + n + close.len()),
            None => {
                let n = match unclosed {
                    Unclosed::Line => memchr::memchr(b'\n', rest).unwrap_or(rest.len()),
                    Unclosed::End => rest.len(),
                };
                (n, start + n)
            }
        };
        Some(Element {
            start: tag,
            content: rest.get(..len)?,
            end,
        })
    }
}

/// Value of attribute `name` in the bytes of an opening tag (`NAME="v"` or `NAME=v`).
fn attr<'a>(attrs: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let mut rest = attrs;
    loop {
        rest = trim_ascii_start(rest);
        if rest.is_empty() {
            return None;
        }
        let name_len = rest
            .iter()
            .position(|&b| b == b'=' || b.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let this = rest.get(..name_len)?;
        rest = trim_ascii_start(rest.get(name_len..)?);
        let value = if let Some(after_eq) = rest.strip_prefix(b"=") {
            let after_eq = trim_ascii_start(after_eq);
            if let Some(quoted) = after_eq.strip_prefix(b"\"") {
                let end = quoted
                    .iter()
                    .position(|&b| b == b'"')
                    .unwrap_or(quoted.len());
                rest = quoted.get(end + 1..).unwrap_or(&[]);
                quoted.get(..end)?
            } else {
                let end = after_eq
                    .iter()
                    .position(u8::is_ascii_whitespace)
                    .unwrap_or(after_eq.len());
                rest = after_eq.get(end..)?;
                after_eq.get(..end)?
            }
        } else {
            &[]
        };
        if this.eq_ignore_ascii_case(name) {
            return Some(value);
        }
    }
}

/// Parse a Reuters `<DATE>` content. Tolerated, as recorded in SOURCE.md: leading spaces,
/// an unpadded one-digit day, several spaces before the time, one-digit hundredths,
/// anything after the seconds (`&#5;&#5;&#5;RM`, `# date added by S Finch`).
/// Hundredths are dropped: wire timestamps are not that precise, and dropping them keeps
/// a story's date identical whether read from SGML or from seconds-only JSON Lines.
///
/// Repair: an hour over 23 with more than two digits (`605:12:19.12`, NEWID 17192) keeps
/// its last two digits if they make an hour (`05`): the extra digit is line noise, as in
/// the trailing `&#5;` runs. Any other impossible value is an error.
pub fn parse_date(raw: &[u8]) -> Result<OffsetDateTime, String> {
    const SHAPE: &str = "expected DD-MON-YYYY HH:MM:SS.cc";
    let mut c = Cursor::from_bytes(trim_ascii_start(raw));
    let day = c.digits(1, 2).ok_or(SHAPE)?;
    c.expect(b'-').ok_or(SHAPE)?;
    let month = c.take(3).and_then(date::month_abbrev).ok_or(SHAPE)?;
    c.expect(b'-').ok_or(SHAPE)?;
    let year = c.digits(4, 4).ok_or(SHAPE)?;
    let day_date = date::ymd(year as i32, month, day)?;
    c.spaces();
    let hour_run = c.digit_run();
    if hour_run.is_empty() {
        // Date without time of day: midnight, as for other sources.
        return date::utc(day_date, Time::MIDNIGHT, UtcOffset::UTC);
    }
    let mut hour = number(hour_run);
    if hour > 23 && hour_run.len() > 2 {
        let last_two = number(hour_run.get(hour_run.len() - 2..).unwrap_or(&[]));
        if last_two <= 23 {
            hour = last_two;
        }
    }
    c.expect(b':').ok_or(SHAPE)?;
    let minute = c.digits(1, 2).ok_or(SHAPE)?;
    c.expect(b':').ok_or(SHAPE)?;
    let second = c.digits(1, 2).ok_or(SHAPE)?;
    let time = date::hms(hour, minute, second, 0)?;
    date::utc(day_date, time, UtcOffset::UTC)
}

fn number(digits: &[u8]) -> u32 {
    digits.iter().fold(0u32, |n, b| {
        n.saturating_mul(10)
            .saturating_add(u32::from(b.wrapping_sub(b'0')))
    })
}

/// The place of a raw Reuters dateline, without its date: `    SALVADOR, Feb 26 - ` ->
/// `SALVADOR`, `    STAMFORD, Conn., March 2 - ` -> `STAMFORD, Conn.`, `    TOKYO - ` ->
/// `TOKYO`. After the city's comma, a part that is no date is the state, province or
/// country that places it (3,113 of the 18,000 stories: "LONDON, Ontario" is not London).
/// Without a comma, text before the first ` - ` (or the trailing dash).
/// Whitespace-normalised; `None` when empty.
pub fn reduce_dateline(raw: &str) -> Option<String> {
    let s = raw.trim();
    let place = match s.split_once(',') {
        Some((city, rest)) => match super::dateline_region(rest) {
            Some(region) => format!("{}, {}", city.trim(), region),
            None => city.to_string(),
        },
        None => {
            let s = s.trim_end_matches(|c: char| c == '-' || c.is_whitespace());
            s.split_once(" - ").map_or(s, |(city, _)| city).to_string()
        }
    };
    let place = normalize_space(&place);
    plausible_place(&place)
}

/// What is left of a dateline once the date the desk glued on is gone ("JOHANNESBURG March
/// 13" -> "JOHANNESBURG", "0 LONDON" -> "LONDON"); `None` when no place is left ("MAR8",
/// "APRIL 7") or what is left holds a digit: a table row the markup put in DATELINE
/// ("us 7.8015", "overnight 4 1/2") is no place.
fn plausible_place(place: &str) -> Option<String> {
    let mut words: Vec<&str> = place.split(' ').collect();
    // A date at the end: a month (glued to its day or not) and a day.
    while let Some(last) = words.last() {
        let month = last.trim_end_matches(|c: char| c.is_ascii_digit());
        if last.chars().all(|c| c.is_ascii_digit() || c == '-') || super::is_month(month) {
            words.pop();
        } else {
            break;
        }
    }
    // Stray characters before the city.
    let first = words
        .iter()
        .position(|w| w.chars().any(char::is_alphabetic))?;
    let kept = words[first..].join(" ");
    (!kept.chars().any(|c| c.is_ascii_digit())).then_some(kept)
}

/// The text of markup between elements (`</TITLE> rows <DATELINE> row </DATELINE>`):
/// tags and the AUTHOR byline removed, entities decoded, whitespace normalised; `None` when
/// nothing but a date is left ("MAR8 -- --" alone is kept: it is a row).
fn stray_text(between: &[u8]) -> Option<String> {
    // Tags are literal `<` in the files (a ticker's is `&lt;`): strip them before decoding.
    let mut kept: Vec<u8> = Vec::with_capacity(between.len());
    let mut rest = between;
    while let Some(open) = memchr::memchr(b'<', rest) {
        kept.extend_from_slice(&rest[..open]);
        kept.push(b' ');
        let after = &rest[open..];
        // The whole AUTHOR element goes; any other tag alone.
        let skip = if after.starts_with(b"<AUTHOR>") {
            memmem::find(after, b"</AUTHOR>").map_or(after.len(), |k| k + b"</AUTHOR>".len())
        } else {
            memchr::memchr(b'>', after).map_or(after.len(), |k| k + 1)
        };
        rest = &after[skip..];
    }
    kept.extend_from_slice(rest);
    let text = normalize_space(decode(&kept).trim());
    text.chars().any(char::is_alphanumeric).then_some(text)
}

/// Latin-1 bytes to a `String`, no entity decoding (for quoting raw values in errors).
fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// Latin-1 bytes to text with the collection's entities decoded: `&lt;` `&gt;` `&amp;`
/// `&quot;` and numeric references. Control characters, whether referenced (`&#5;`,
/// `&#127;`, the `&#2;`/`&#3;` text markers) or raw bytes (C0, DEL, C1), are dropped
/// so that no literal control character reaches the index; `&#9;` becomes a space and
/// `&#10;` a line break. An `&` that starts no known entity stays as it is.
pub fn decode(raw: &[u8]) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut i = 0;
    while let Some(rest) = raw.get(i..).filter(|r| !r.is_empty()) {
        // Fast path: copy the run of plain ASCII in one go (nearly all of the text).
        let plain = rest
            .iter()
            .position(|&b| !(matches!(b, 0x20..=0x7e | b'\n' | b'\t') && b != b'&'))
            .unwrap_or(rest.len());
        if plain > 0 {
            if let Some(run) = rest.get(..plain).and_then(|r| std::str::from_utf8(r).ok()) {
                out.push_str(run);
            }
            i += plain;
            continue;
        }
        match rest.first() {
            Some(b'&') => match entity(rest) {
                Some((c, len)) => {
                    out.extend(c);
                    i += len;
                    continue;
                }
                None => out.push('&'),
            },
            Some(&b @ 0xa0..=0xff) => out.push(char::from(b)),
            // C0 controls, DEL, C1 controls: dropped.
            _ => {}
        }
        i += 1;
    }
    out
}

/// Decode the entity at the start of `s` (which starts with `&`): the character it stands
/// for (`None`: decodes to nothing) and its length in bytes.
fn entity(s: &[u8]) -> Option<(Option<char>, usize)> {
    const NAMED: [(&[u8], char); 4] = [
        (b"&lt;", '<'),
        (b"&gt;", '>'),
        (b"&amp;", '&'),
        (b"&quot;", '"'),
    ];
    for (name, c) in NAMED {
        if s.starts_with(name) {
            return Some((Some(c), name.len()));
        }
    }
    let digits = s.strip_prefix(b"&#")?;
    let (radix, digits, prefix) = match digits.first() {
        Some(b'x' | b'X') => (16, digits.get(1..)?, 3),
        _ => (10, digits, 2),
    };
    let len = digits
        .iter()
        .take(8)
        .position(|&b| b == b';')
        .filter(|&n| n > 0)?;
    let text = std::str::from_utf8(digits.get(..len)?).ok()?;
    let n = u32::from_str_radix(text, radix).ok()?;
    let c = match n {
        9 => Some(' '),
        10 => Some('\n'),
        0..=31 | 127..=159 => None,
        _ => char::from_u32(n),
    };
    Some((c, prefix + len + 1))
}

/// Decode a text block, cut trailing blanks from every line, drop blank lines at either
/// end and the ` Reuter` sign-off (any case, with the `...` or literal `^M` noise some
/// carry).
fn clean_body(raw: &[u8]) -> String {
    let decoded = decode(raw);
    let mut out = super::normalize_lines(decoded.len(), decoded.split('\n'));
    let last_start = out.rfind('\n').map_or(0, |i| i + 1);
    if is_signoff(out.get(last_start..).unwrap_or("")) {
        out.truncate(last_start);
        out.truncate(out.trim_end().len());
    }
    out
}

fn is_signoff(line: &str) -> bool {
    let word = line.trim().trim_end_matches("^M").trim_end_matches('.');
    word.eq_ignore_ascii_case("reuter") || word.eq_ignore_ascii_case("reuters")
}

fn trim_ascii_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    b.get(n..).unwrap_or(&[])
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    let b = trim_ascii_start(b);
    let n = b
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_whitespace())
        .count();
    b.get(..b.len() - n).unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        let cases: &[(&[u8], &str)] = &[
            (b"STANDARD OIL &lt;SRD> TO", "STANDARD OIL <SRD> TO"),
            (b"A &amp; B", "A & B"),
            (b"&#2;\nx&#3;", "\nx"),
            (b"fe&#127;ll", "fell"),
            (b"a&#27;[Bb", "a[Bb"),
            (b"tab&#9;here", "tab here"),
            (b"M&uuml; & co &#;", "M&uuml; & co &#;"),
            (b"&#252;ber &#x41;", "\u{fc}ber A"),
            (b"M\xfcller", "M\u{fc}ller"),
            (b"raw\x05ctl\x7f\x85", "rawctl"),
            (b"cut &#12", "cut &#12"),
        ];
        for (raw, want) in cases {
            assert_eq!(decode(raw), *want, "{raw:?}");
        }
    }

    #[test]
    fn datelines() {
        let cases = [
            ("    SALVADOR, Feb 26 - ", Some("SALVADOR")),
            (
                "    SAN FRANCISCO, Calif., March 3 - ",
                Some("SAN FRANCISCO, Calif."),
            ),
            ("  LONDON,  Ontario, March 3 - ", Some("LONDON, Ontario")),
            ("    PARIS, , March 3 - ", Some("PARIS")),
            ("    TOKYO - ", Some("TOKYO")),
            (
                "    NEW ZEALAND EXCHS CLOSE - ",
                Some("NEW ZEALAND EXCHS CLOSE"),
            ),
            // A date glued on without a comma, stray characters, no place at all, a table
            // row the markup put in DATELINE.
            ("JOHANNESBURG March 13 - ", Some("JOHANNESBURG")),
            ("0 LONDON, April 9 - ", Some("LONDON")),
            ("MAR8 - ", None),
            ("APRIL 7 - ", None),
            (" us 7.8015 - ", None),
            ("H  6.12  -  5.87 2  MTH", None),
            ("   -  ", None),
            ("", None),
        ];
        for (raw, want) in cases {
            assert_eq!(reduce_dateline(raw).as_deref(), want, "{raw:?}");
        }
    }

    #[test]
    fn attributes() {
        let tag = br#" TOPICS="YES" LEWISSPLIT="TRAIN" CSECS="1" OLDID="5544" NEWID="1""#;
        assert_eq!(attr(tag, b"NEWID"), Some(&b"1"[..]));
        assert_eq!(attr(tag, b"OLDID"), Some(&b"5544"[..]));
        assert_eq!(attr(tag, b"MISSING"), None);
        assert_eq!(attr(b" NEWID=7 X", b"NEWID"), Some(&b"7"[..]));
        assert_eq!(attr(br#" NEWID="7"#, b"NEWID"), Some(&b"7"[..]));
        assert_eq!(attr(b" TYPE", b"TYPE"), Some(&b""[..]));
    }

    #[test]
    fn signoff() {
        assert_eq!(clean_body(b"Text.\n Reuter\n&#3;"), "Text.");
        assert_eq!(clean_body(b"Text.\n REUTER^M\n&#3;"), "Text.");
        assert_eq!(clean_body(b"Text.\n reuter...\n&#3;"), "Text.");
        assert_eq!(clean_body(b"Text about Reuter\n&#3;"), "Text about Reuter");
        assert_eq!(
            clean_body(b"\n\n  Indented.  \n\nNext.\n"),
            "  Indented.\n\nNext."
        );
    }
}
