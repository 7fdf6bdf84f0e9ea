//! Rendering results as text for people or JSON for programs. The only place that
//! decides what a result looks like; `search` never prints.

use dateline::search::{Hit, Results, Snippet, Stats};
use dateline::tag::Tags;
use dateline::Article;
use serde::Serialize;
use std::io::{self, Write};
use time::OffsetDateTime;

const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";
/// Width of the longest bar in `timeline` and `facets` charts.
const BAR_WIDTH: u64 = 40;

/// Output style for text: whether to use ANSI bold.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub bold: bool,
}

impl Style {
    fn b(&self, s: &str) -> String {
        if self.bold {
            format!("{BOLD}{s}{RESET}")
        } else {
            s.to_string()
        }
    }
}

/// `2025-04-17`
pub fn day(t: &OffsetDateTime) -> String {
    let d = t.date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// `2025-04-17T09:30:00Z`
pub fn rfc3339(t: &OffsetDateTime) -> String {
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        day(t),
        t.hour(),
        t.minute(),
        t.second()
    )
}

fn list_or_dash(items: &[String]) -> String {
    if items.is_empty() {
        "-".to_string()
    } else {
        items.join(", ")
    }
}

/// Snippet text with matches in bold (or plain).
fn render_snippet(s: &Snippet, style: Style) -> String {
    let mut out = String::with_capacity(s.text.len() + 16);
    let mut pos = 0;
    for r in &s.highlights {
        let (Some(before), Some(hit)) = (s.text.get(pos..r.start), s.text.get(r.start..r.end))
        else {
            continue;
        };
        out.push_str(before);
        out.push_str(&style.b(hit));
        pos = r.end;
    }
    out.push_str(s.text.get(pos..).unwrap_or(""));
    out
}

#[derive(Serialize)]
struct JsonHit<'a> {
    id: &'a str,
    date: String,
    datetime: String,
    headline: &'a str,
    dateline: Option<&'a str>,
    source: Option<&'a str>,
    countries: &'a [String],
    people: &'a [String],
    score: Option<f32>,
    snippet: String,
    /// Byte ranges of `snippet` that matched.
    highlights: Vec<[usize; 2]>,
}

#[derive(Serialize)]
struct JsonResults<'a> {
    query: &'a str,
    total: usize,
    offset: usize,
    hits: Vec<JsonHit<'a>>,
}

pub fn search_json(out: &mut dyn Write, query: &str, offset: usize, r: &Results) -> io::Result<()> {
    let hits = r
        .hits
        .iter()
        .map(|h| JsonHit {
            id: &h.id,
            date: day(&h.date),
            datetime: rfc3339(&h.date),
            headline: &h.headline,
            dateline: h.dateline.as_deref(),
            source: h.source.as_deref(),
            countries: &h.countries,
            people: &h.people,
            score: h.score,
            snippet: h.snippet.text.clone(),
            highlights: h
                .snippet
                .highlights
                .iter()
                .map(|r| [r.start, r.end])
                .collect(),
        })
        .collect();
    let doc = JsonResults {
        query,
        total: r.total,
        offset,
        hits,
    };
    serde_json::to_writer(&mut *out, &doc)?;
    writeln!(out)
}

pub fn search_text(
    out: &mut dyn Write,
    query: &str,
    offset: usize,
    r: &Results,
    style: Style,
) -> io::Result<()> {
    if r.hits.is_empty() {
        if r.total == 0 {
            writeln!(out, "no stories match `{query}`")?;
        } else {
            writeln!(
                out,
                "{} `{query}`; none after offset {offset}",
                stories_match(r.total)
            )?;
        }
        return Ok(());
    }
    let first = offset + 1;
    let last = offset + r.hits.len();
    writeln!(
        out,
        "{} `{query}` (showing {first}-{last})",
        stories_match(r.total)
    )?;
    for (i, h) in r.hits.iter().enumerate() {
        writeln!(out)?;
        write_hit(out, first + i, h, style)?;
    }
    Ok(())
}

/// "1 story matches", "5 stories match".
fn stories_match(total: usize) -> String {
    if total == 1 {
        "1 story matches".to_string()
    } else {
        format!("{total} stories match")
    }
}

fn write_hit(out: &mut dyn Write, n: usize, h: &Hit, style: Style) -> io::Result<()> {
    let headline = if h.headline.is_empty() {
        "(no headline)"
    } else {
        &h.headline
    };
    writeln!(out, "{n:>3}. {}", style.b(headline))?;
    let mut meta = vec![day(&h.date)];
    meta.extend(h.dateline.clone());
    meta.extend(h.source.clone());
    writeln!(out, "     {}  [{}]", meta.join(" | "), h.id)?;
    if !h.countries.is_empty() || !h.people.is_empty() {
        writeln!(
            out,
            "     countries: {}; people: {}",
            list_or_dash(&h.countries),
            list_or_dash(&h.people)
        )?;
    }
    let snippet = render_snippet(&h.snippet, style);
    if !snippet.is_empty() {
        writeln!(out, "     {snippet}")?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonCount<'a> {
    value: &'a str,
    count: u64,
}

/// `facets` and `timeline` as JSON: `{"query", "field"|"by", "total"?, "counts": [...]}`.
pub fn counts_json(
    out: &mut dyn Write,
    query: &str,
    key: &str,
    kind: &str,
    counts: &[(String, u64)],
) -> io::Result<()> {
    let counts: Vec<JsonCount> = counts
        .iter()
        .map(|(v, n)| JsonCount {
            value: v,
            count: *n,
        })
        .collect();
    let mut doc = serde_json::Map::new();
    doc.insert("query".into(), query.into());
    doc.insert(key.into(), kind.into());
    doc.insert(
        "counts".into(),
        serde_json::to_value(counts).map_err(io::Error::other)?,
    );
    serde_json::to_writer(&mut *out, &doc)?;
    writeln!(out)
}

/// Counts as aligned rows with a bar each (bars scaled to the largest count).
pub fn counts_text(out: &mut dyn Write, counts: &[(String, u64)], bars: bool) -> io::Result<()> {
    let width = counts
        .iter()
        .map(|(v, _)| v.chars().count())
        .max()
        .unwrap_or(0);
    let max = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let digits = max.to_string().len();
    for (value, n) in counts {
        let pad = width.saturating_sub(value.chars().count());
        write!(out, "{value}{}  {n:>digits$}", " ".repeat(pad))?;
        if bars && *n > 0 {
            let len = (n * BAR_WIDTH).div_ceil(max) as usize;
            write!(out, "  {}", "#".repeat(len))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonStats<'a> {
    index: String,
    documents: u64,
    first_date: Option<String>,
    last_date: Option<String>,
    size_bytes: u64,
    segments: usize,
    schema_version: u32,
    top_countries: Vec<JsonCount<'a>>,
    top_people: Vec<JsonCount<'a>>,
}

fn top(v: &[(String, u64)]) -> Vec<JsonCount<'_>> {
    v.iter()
        .map(|(n, c)| JsonCount {
            value: n,
            count: *c,
        })
        .collect()
}

fn date_str(d: time::Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

pub fn stats_json(out: &mut dyn Write, index: &std::path::Path, s: &Stats) -> io::Result<()> {
    let doc = JsonStats {
        index: index.display().to_string(),
        documents: s.documents,
        first_date: s.first_day.map(date_str),
        last_date: s.last_day.map(date_str),
        size_bytes: s.size_bytes,
        segments: s.segments,
        schema_version: dateline::schema::SCHEMA_VERSION,
        top_countries: top(&s.top_countries),
        top_people: top(&s.top_people),
    };
    serde_json::to_writer(&mut *out, &doc)?;
    writeln!(out)
}

pub fn stats_text(out: &mut dyn Write, index: &std::path::Path, s: &Stats) -> io::Result<()> {
    writeln!(out, "index:      {}", index.display())?;
    writeln!(out, "documents:  {}", s.documents)?;
    match (s.first_day, s.last_day) {
        (Some(a), Some(b)) => writeln!(out, "dates:      {} to {}", date_str(a), date_str(b))?,
        _ => writeln!(out, "dates:      -")?,
    }
    writeln!(
        out,
        "size:       {} ({} segment{})",
        human_bytes(s.size_bytes),
        s.segments,
        if s.segments == 1 { "" } else { "s" }
    )?;
    let top = |v: &[(String, u64)]| {
        if v.is_empty() {
            "-".to_string()
        } else {
            v.iter()
                .map(|(n, c)| format!("{n} ({c})"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    writeln!(out, "countries:  {}", top(&s.top_countries))?;
    writeln!(out, "people:     {}", top(&s.top_people))
}

pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = n as f64;
    let mut unit = 0;
    while v >= 1024.0 && unit + 1 < UNITS.len() {
        v /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[unit])
    }
}

#[derive(Serialize)]
struct JsonTagged<'a> {
    id: &'a str,
    date: String,
    datetime: String,
    headline: &'a str,
    dateline: Option<&'a str>,
    source: Option<&'a str>,
    countries: &'a [String],
    people: &'a [String],
    mentioned_countries: &'a [String],
    mentioned_people: &'a [String],
    file: String,
    position: Option<usize>,
}

/// One tagged article as a JSON line (the format `../shared/eval` scores).
pub fn tagged_json(a: &Article, t: &Tags) -> String {
    let doc = JsonTagged {
        id: &a.id,
        date: day(&a.date),
        datetime: rfc3339(&a.date),
        headline: &a.headline,
        dateline: a.dateline.as_deref(),
        source: a.source.as_deref(),
        countries: &t.countries,
        people: &t.people,
        mentioned_countries: &t.mentioned_countries,
        mentioned_people: &t.mentioned_people,
        file: a.origin.path.display().to_string(),
        position: a.origin.position,
    };
    let mut s = serde_json::to_string(&doc).unwrap_or_default();
    s.push('\n');
    s
}

/// One tagged article as a readable block.
pub fn tagged_text(a: &Article, t: &Tags) -> String {
    let mut meta = vec![day(&a.date)];
    meta.extend(a.dateline.clone());
    meta.extend(a.source.clone());
    format!(
        "{}\n  {}  [{}]\n  countries: {}\n  people:    {}\n  mentions:  {}; {}\n\n",
        if a.headline.is_empty() {
            "(no headline)"
        } else {
            &a.headline
        },
        meta.join(" | "),
        a.id,
        list_or_dash(&t.countries),
        list_or_dash(&t.people),
        list_or_dash(&t.mentioned_countries),
        list_or_dash(&t.mentioned_people),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_bold_and_plain() {
        let s = Snippet {
            text: "cocoa prices rose as cocoa".to_string(),
            highlights: vec![0..5, 21..26],
        };
        assert_eq!(
            render_snippet(&s, Style { bold: false }),
            "cocoa prices rose as cocoa"
        );
        assert_eq!(
            render_snippet(&s, Style { bold: true }),
            "\x1b[1mcocoa\x1b[0m prices rose as \x1b[1mcocoa\x1b[0m"
        );
    }

    #[test]
    fn bars_scale_to_the_largest() {
        let mut out = Vec::new();
        let counts = vec![("1987".to_string(), 4), ("1988".to_string(), 0)];
        counts_text(&mut out, &counts, true).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, format!("1987  4  {}\n1988  0\n", "#".repeat(40)));
    }

    #[test]
    fn bytes_are_human() {
        assert_eq!(human_bytes(512), "512 B");
        assert_eq!(human_bytes(3 * 1024 * 1024 / 2), "1.5 MiB");
    }
}
