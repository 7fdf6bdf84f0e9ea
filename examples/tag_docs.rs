//! Dev harness: tags the text records written by `../shared/eval/reuters_gold.py --docs`
//! and prints one JSON line per story for `../shared/eval/score.py`.
//!
//! `cargo run --release --example tag_docs -- /tmp/tg/docs.jsonl > /tmp/tg/pred.jsonl`
//! (until `dateline tag` can read the SGML itself).

use std::io::{BufRead, BufWriter, Write};

use dateline::article::{Article, Origin};
use dateline::tag::Tagger;
use serde::Deserialize;

#[derive(Deserialize)]
struct Doc {
    id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    dateline: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    date: String,
}

/// "26-FEB-1987 15:01:01.79" -> 1987-02-26T15:01:01Z.
fn parse_date(s: &str) -> Option<time::OffsetDateTime> {
    let (d, t) = s.trim().split_once(' ').unwrap_or((s.trim(), "00:00:00"));
    let mut p = d.split('-');
    let day: u8 = p.next()?.parse().ok()?;
    let month = match p.next()?.to_ascii_uppercase().as_str() {
        "JAN" => time::Month::January,
        "FEB" => time::Month::February,
        "MAR" => time::Month::March,
        "APR" => time::Month::April,
        "MAY" => time::Month::May,
        "JUN" => time::Month::June,
        "JUL" => time::Month::July,
        "AUG" => time::Month::August,
        "SEP" => time::Month::September,
        "OCT" => time::Month::October,
        "NOV" => time::Month::November,
        "DEC" => time::Month::December,
        _ => return None,
    };
    let year: i32 = p.next()?.trim().parse().ok()?;
    let mut hms = t
        .split(['.', ':'])
        .map(|x| x.trim().parse::<u8>().unwrap_or(0));
    let (h, m, sec) = (
        hms.next().unwrap_or(0),
        hms.next().unwrap_or(0),
        hms.next().unwrap_or(0),
    );
    let date = time::Date::from_calendar_date(year, month, day).ok()?;
    let tm = time::Time::from_hms(h.min(23), m.min(59), sec.min(59)).ok()?;
    Some(time::PrimitiveDateTime::new(date, tm).assume_utc())
}

/// Reads docs JSONL from `path` into Articles (the bench reuses this reader).
pub fn read_docs(path: &str) -> std::io::Result<Vec<Article>> {
    let f = std::fs::File::open(path)?;
    let mut out = Vec::new();
    for (n, line) in std::io::BufReader::new(f).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Doc = match serde_json::from_str(&line) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{path}:{}: {e}", n + 1);
                continue;
            }
        };
        let city = doc
            .dateline
            .split(',')
            .next()
            .unwrap_or("")
            .trim()
            .to_uppercase();
        out.push(Article {
            id: doc.id,
            date: parse_date(&doc.date).unwrap_or(time::OffsetDateTime::UNIX_EPOCH),
            headline: doc.title.split_whitespace().collect::<Vec<_>>().join(" "),
            dateline: (!city.is_empty()).then_some(city),
            source: Some("Reuters".to_string()),
            body: doc.body,
            origin: Origin {
                path: path.into(),
                position: Some(n + 1),
            },
        });
    }
    Ok(out)
}

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: tag_docs DOCS.jsonl > PRED.jsonl");
        return std::process::ExitCode::from(2);
    };
    let docs = match read_docs(&path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{path}: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let tagger = Tagger::new();
    let debug = std::env::var_os("TAG_DEBUG").is_some();
    let out = std::io::stdout();
    let mut out = BufWriter::new(out.lock());
    for a in &docs {
        let t = tagger.tag(a);
        let mut line = serde_json::json!({
            "id": a.id,
            "countries": t.countries,
            "people": t.people,
            "mentioned_countries": t.mentioned_countries,
            "mentioned_people": t.mentioned_people,
        });
        if debug {
            // Evidence per country / person, for tuning the "about" rules.
            let an = tagger.analyze(a);
            line["ev_countries"] = an
                .countries
                .iter()
                .map(|(n, e)| serde_json::json!([n, e.dateline, e.n, e.first, e.unconfirmed]))
                .collect();
            line["ev_people"] = an
                .people
                .iter()
                .map(|(n, e)| {
                    serde_json::json!([
                        n,
                        e.authority,
                        e.mentions,
                        e.in_headline,
                        e.in_lead,
                        e.titled,
                        e.quoted,
                        e.first,
                        e.head_title
                    ])
                })
                .collect();
            line["body_len"] = an.body_len.into();
            line["dateline_unplaced"] = an.dateline_unplaced.into();
        }
        if writeln!(out, "{line}").is_err() {
            return std::process::ExitCode::SUCCESS; // broken pipe
        }
    }
    std::process::ExitCode::SUCCESS
}
