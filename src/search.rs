//! Queries: a query string plus filters -> ranked hits, facet counts, a timeline, stats.
//!
//! Never prints: it returns plain structs for `cli::output` to render. Filters are built
//! in code (facet terms, date ranges) rather than spliced into the query string, so what
//! a person types in `--country` or `--from` can never change the meaning of the query.
//! Filters score nothing (`ConstScoreQuery` at 0): ranking is BM25 on the text alone.

use crate::error::{Error, Result};
use crate::index;
use crate::schema::{self, Fields, QUERYABLE_FIELDS};
use crate::sum_query::SumOfTerms;
use crate::tag::normalize_key;
use crate::tag::{Authorities, Resolution};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::{Bound, Range};
use std::path::{Path, PathBuf};
use tantivy::collector::{
    Collector, Count, FacetCollector, MultiCollector, SegmentCollector, TopDocs,
};
use tantivy::columnar::Column;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, QueryParser,
    QueryParserError, RangeQuery, TermQuery,
};
use tantivy::schema::{Facet, Field, IndexRecordOption, Value};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{
    DocAddress, Index, IndexReader, Order, ReloadPolicy, Score, Searcher, SegmentReader,
    TantivyDocument, Term,
};
use time::{Date, Month, OffsetDateTime};

/// Weight of the optional headline clause. The body field already indexes the headline,
/// so 1.0 makes a headline word count double, as the CLI help says.
pub const HEADLINE_BOOST: Score = 1.0;
/// Snippet length in characters.
pub const SNIPPET_CHARS: usize = 220;

/// Order of hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// BM25, best first.
    #[default]
    Relevance,
    Newest,
    Oldest,
}

/// A `--person` value to find among the names in the index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypedPerson {
    /// As typed.
    pub input: String,
    /// The authority list's nearest names, for the error if the index has no match either.
    pub suggestions: Vec<String>,
}

/// Restrictions applied on top of the query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Each group is one `--country` value resolved to canonical names (OR within a
    /// group); every group must match (AND across groups).
    pub countries: Vec<Vec<String>>,
    pub people: Vec<Vec<String>>,
    /// `--person` values the authority list does not know, resolved against the names in
    /// the index when the query runs: people recognised by a title, an attribution or an
    /// apposition are indexed under the fullest form seen ("Zhou Minghao").
    pub people_in_index: Vec<TypedPerson>,
    /// Filter on every mention instead of what stories are about.
    pub mentions: bool,
    /// Agencies, any of them (exact name as indexed, e.g. "Reuters").
    pub sources: Vec<String>,
    /// Inclusive start.
    pub from: Option<OffsetDateTime>,
    /// Exclusive end.
    pub to: Option<OffsetDateTime>,
}

impl Filters {
    /// Whether a country or person is asked for: a search with no query then ranks by how
    /// much the stories say of them (see [`Engine::search`]).
    pub fn names_someone(&self) -> bool {
        !(self.countries.is_empty() && self.people.is_empty() && self.people_in_index.is_empty())
    }

    /// Resolve what a person typed (`russia`, `RU`, `Russian`, `putin`) through the
    /// authority files. An unknown country is an error that names the nearest known ones;
    /// a person the files do not know is kept for the index to resolve
    /// ([`Filters::people_in_index`]).
    pub fn resolve(
        countries: &[String],
        people: &[String],
        mentions: bool,
        sources: &[String],
        from: Option<&str>,
        to: Option<&str>,
    ) -> Result<Filters> {
        // The authorities are loaded only when a filter needs them: a plain search must
        // not pay for parsing them (per-process latency is the CLI user's latency).
        let resolve = |kind: &str, input: &str, r: Resolution| match r {
            Resolution::Found(names) if !names.is_empty() => Ok(names),
            Resolution::Found(_) => Err(Error::Invalid(format!("unknown {kind} `{input}`"))),
            Resolution::Unknown { suggestions } => Err(Error::Invalid(if suggestions.is_empty() {
                format!("unknown {kind} `{input}`")
            } else {
                format!(
                    "unknown {kind} `{input}`; did you mean {}?",
                    suggestions.join(", ")
                )
            })),
        };
        let countries = countries
            .iter()
            .map(|c| resolve("country", c, Authorities::countries().resolve_country(c)))
            .collect::<Result<Vec<_>>>()?;
        let mut people_found = Vec::new();
        let mut people_in_index = Vec::new();
        for p in people {
            match Authorities::names().resolve_person(p) {
                Resolution::Found(names) if !names.is_empty() => people_found.push(names),
                Resolution::Found(_) => {
                    return Err(Error::Invalid(format!("unknown person `{p}`")));
                }
                Resolution::Unknown { suggestions } => people_in_index.push(TypedPerson {
                    input: p.clone(),
                    suggestions,
                }),
            }
        }
        let from = from
            .map(|s| {
                Period::parse(s)
                    .map(|p| p.start)
                    .map_err(|e| flag_error("--from", s, e))
            })
            .transpose()?;
        let to = to
            .map(|s| {
                Period::parse(s)
                    .map(|p| p.end)
                    .map_err(|e| flag_error("--to", s, e))
            })
            .transpose()?;
        if let (Some(f), Some(t)) = (from, to) {
            if f >= t {
                return Err(Error::Invalid(
                    "--from is not before --to: the date range is empty".to_string(),
                ));
            }
        }
        Ok(Filters {
            countries,
            people: people_found,
            people_in_index,
            mentions,
            sources: sources.to_vec(),
            from,
            to,
        })
    }
}

fn flag_error(flag: &str, value: &str, reason: String) -> Error {
    Error::Invalid(format!("{flag} `{value}`: {reason}"))
}

/// A calendar period typed by a person: `2025`, `2025-04` or `2025-04-17`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// First instant of the period.
    pub start: OffsetDateTime,
    /// First instant after the period.
    pub end: OffsetDateTime,
}

impl Period {
    pub fn parse(s: &str) -> std::result::Result<Period, String> {
        const EXPECTED: &str = "expected a year (2025), a month (2025-04) or a date (2025-04-17)";
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str, width: usize| -> std::result::Result<u32, String> {
            if p.len() == width && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse::<u32>().map_err(|_| EXPECTED.to_string())
            } else {
                Err(EXPECTED.to_string())
            }
        };
        let year = num(parts.first().copied().unwrap_or(""), 4)? as i32;
        if !(1678..=2261).contains(&year) {
            return Err("year out of range (1678-2261)".to_string());
        }
        let month = |m: u32| Month::try_from(m as u8).map_err(|_| format!("no month {m}"));
        let (start, end) = match parts.len() {
            1 => (
                ymd(year, Month::January, 1)?,
                ymd(year + 1, Month::January, 1)?,
            ),
            2 => {
                let m = month(num(parts[1], 2)?)?;
                let start = ymd(year, m, 1)?;
                (start, next_month(start)?)
            }
            3 => {
                let m = month(num(parts[1], 2)?)?;
                let d = num(parts[2], 2)? as u8;
                let start = ymd(year, m, d)?;
                (start, start.next_day().ok_or("date out of range")?)
            }
            _ => return Err(EXPECTED.to_string()),
        };
        Ok(Period {
            start: start.midnight().assume_utc(),
            end: end.midnight().assume_utc(),
        })
    }
}

fn ymd(year: i32, month: Month, day: u8) -> std::result::Result<Date, String> {
    Date::from_calendar_date(year, month, day)
        .map_err(|_| format!("{month} {year} has no day {day}"))
}

fn next_month(d: Date) -> std::result::Result<Date, String> {
    let (y, m) = if d.month() == Month::December {
        (d.year() + 1, Month::January)
    } else {
        (d.year(), d.month().next())
    };
    ymd(y, m, 1)
}

/// A highlighted passage of a hit's body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text` that matched the query.
    pub highlights: Vec<Range<usize>>,
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: String,
    pub date: OffsetDateTime,
    pub headline: String,
    pub dateline: Option<String>,
    pub source: Option<String>,
    pub countries: Vec<String>,
    pub people: Vec<String>,
    /// BM25 score (`None` when sorted by date).
    pub score: Option<f32>,
    pub snippet: Snippet,
}

/// Hits of one page plus the total number of matching stories.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// What `facets --field` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FacetField {
    Country,
    Person,
    Source,
    Year,
}

/// Granularity of a timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Granularity {
    Year,
    #[default]
    Month,
    Day,
}

/// Index-wide figures for `dateline stats`.
#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    pub documents: u64,
    /// First and last publication day (`None` on an empty index).
    pub first_day: Option<Date>,
    pub last_day: Option<Date>,
    pub size_bytes: u64,
    pub segments: usize,
    pub top_countries: Vec<(String, u64)>,
    pub top_people: Vec<(String, u64)>,
}

/// An open index, ready to answer queries.
pub struct Engine {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    parser: QueryParser,
    dir: PathBuf,
}

impl Engine {
    /// Open the index at `dir` (checks it exists and its schema version).
    pub fn open(dir: &Path) -> Result<Engine> {
        let (index, fields) = index::open(dir)?;
        // A CLI process answers one query: no background reload thread needed.
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        // `body` also indexes the headline; the headline's extra weight is added by
        // `with_headline_boost`.
        let mut parser = QueryParser::for_index(&index, vec![fields.body]);
        parser.set_conjunction_by_default();
        Ok(Engine {
            index,
            reader,
            fields,
            parser,
            dir: dir.to_path_buf(),
        })
    }

    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// Parse the text part of a query. Empty or `*` matches everything.
    pub fn parse_query(&self, query: &str) -> Result<Box<dyn Query>> {
        let q = query.trim();
        if q.is_empty() || q == "*" {
            return Ok(Box::new(AllQuery));
        }
        match self.parser.parse_query(q) {
            Ok(parsed) => Ok(parsed),
            // `-draft` alone: every story except those. tantivy refuses pure negations.
            Err(QueryParserError::AllButQueryForbidden) => self
                .parser
                .parse_query(&format!("* {q}"))
                .map_err(|e| query_error(q, e)),
            Err(e) => Err(query_error(q, e)),
        }
    }

    /// The names of the index's people (about or mentioned) that a `--person` value the
    /// authority list does not know stands for: the full name, or the last word of names
    /// ("Minghao Zhou" or "Okafor"), compared as `normalize_key` does (case, accents and
    /// punctuation aside). None: an error naming the nearest names of both lists.
    fn resolve_indexed_person(&self, typed: &TypedPerson) -> Result<Vec<String>> {
        let key = normalize_key(&typed.input);
        let mut known: BTreeSet<String> = BTreeSet::new();
        for field in [self.fields.person, self.fields.other_person] {
            self.for_each_facet_value(field, |name, _| {
                known.insert(name);
            })?;
        }
        let mut found: Vec<String> = known
            .iter()
            .filter(|n| {
                let k = normalize_key(n);
                k == key
                    || (!key.contains(' ') && k.rsplit(' ').next() == Some(key.as_str()))
                    // `Joaquin "El Chapo" Guzman` is "Joaquin Guzman" too.
                    || (n.contains(['"', '\u{201C}']) && normalize_key(&without_nickname(n)) == key)
            })
            .cloned()
            .collect();
        if !found.is_empty() {
            found.sort();
            return Ok(found);
        }
        let mut near: Vec<(f64, &String)> = known
            .iter()
            .map(|n| (strsim::jaro_winkler(&key, &normalize_key(n)), n))
            .filter(|(s, _)| *s >= 0.85)
            .collect();
        near.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        let mut suggestions: Vec<&str> = near
            .iter()
            .map(|(_, n)| String::as_str(n))
            .take(3)
            .collect();
        for s in &typed.suggestions {
            if suggestions.len() < 5 && !suggestions.contains(&s.as_str()) {
                suggestions.push(s);
            }
        }
        Err(Error::Invalid(if suggestions.is_empty() {
            format!("unknown person `{}`", typed.input)
        } else {
            format!(
                "unknown person `{}`; did you mean {}?",
                typed.input,
                suggestions.join(", ")
            )
        }))
    }

    /// Agencies as indexed, matched without regard to case (`reuters` -> `Reuters`).
    fn resolve_sources(&self, typed: &[String]) -> Result<Vec<String>> {
        let mut known: Vec<String> = Vec::new();
        self.for_each_facet_value(self.fields.source, |name, _| {
            if !known.contains(&name) {
                known.push(name);
            }
        })?;
        typed
            .iter()
            .map(|t| {
                known
                    .iter()
                    .find(|k| k.eq_ignore_ascii_case(t.trim()))
                    .cloned()
                    .ok_or_else(|| {
                        known.sort();
                        Error::Invalid(format!(
                            "unknown source `{t}`; this index has {}",
                            if known.is_empty() {
                                "none".to_string()
                            } else {
                                known.join(", ")
                            }
                        ))
                    })
            })
            .collect()
    }

    /// `query` plus an optional clause that scores the same words in the headline: a
    /// story whose headline has them ranks above one that only mentions them.
    fn with_headline_boost(&self, query: Box<dyn Query>) -> Box<dyn Query> {
        let mut terms: Vec<Term> = Vec::new();
        query.query_terms(&mut |term, _| {
            if term.field() != self.fields.body {
                return;
            }
            if let Some(word) = term.value().as_str() {
                let t = Term::from_field_text(self.fields.headline, word);
                if !terms.contains(&t) {
                    terms.push(t);
                }
            }
        });
        if terms.is_empty() {
            return query;
        }
        let boost = BoostQuery::new(Box::new(SumOfTerms::new(terms)), HEADLINE_BOOST);
        Box::new(BooleanQuery::new(vec![
            (Occur::Must, query),
            (Occur::Should, Box::new(boost)),
        ]))
    }

    /// Every story, scored by the words of the countries' and people's names the filters
    /// ask for (BM25, headline weighing double as in any search): with no query, "every
    /// story about al-Sharaa and Qatar, best first" ranks the stories that name them most,
    /// and in their headlines, first; the snippet shows where.
    ///
    /// `filters` must have its people resolved ([`Engine::with_indexed_people`]).
    fn names_query(&self, filters: &Filters) -> Result<Box<dyn Query>> {
        let mut analyzer = self.index.tokenizer_for_field(self.fields.body)?;
        let mut terms: Vec<Term> = Vec::new();
        for name in filters.countries.iter().chain(&filters.people).flatten() {
            let mut tokens = analyzer.token_stream(name);
            while let Some(token) = tokens.next() {
                let term = Term::from_field_text(self.fields.body, &token.text);
                if !terms.contains(&term) {
                    terms.push(term);
                }
            }
        }
        if terms.is_empty() {
            return Ok(Box::new(AllQuery));
        }
        Ok(Box::new(BooleanQuery::new(vec![
            (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
            (Occur::Should, Box::new(SumOfTerms::new(terms))),
        ])))
    }

    /// `filters` with each `--person` value the authority lacks replaced by the index's
    /// names for it, as a group of `people`.
    fn with_indexed_people(&self, filters: &Filters) -> Result<Filters> {
        let mut out = filters.clone();
        for typed in std::mem::take(&mut out.people_in_index) {
            out.people.push(self.resolve_indexed_person(&typed)?);
        }
        Ok(out)
    }

    /// The query with filters applied (filters contribute no score).
    fn filtered(&self, text: Box<dyn Query>, filters: &Filters) -> Result<Box<dyn Query>> {
        let filters = &self.with_indexed_people(filters)?;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text)];
        let f = &self.fields;
        // Every mention is the story's subjects plus its other mentions.
        let (country, person): (&[Field], &[Field]) = if filters.mentions {
            (&[f.country, f.other_country], &[f.person, f.other_person])
        } else {
            (&[f.country], &[f.person])
        };
        for group in &filters.countries {
            clauses.push((Occur::Must, facet_any(country, group)));
        }
        for group in &filters.people {
            clauses.push((Occur::Must, facet_any(person, group)));
        }
        if !filters.sources.is_empty() {
            let sources = self.resolve_sources(&filters.sources)?;
            clauses.push((Occur::Must, facet_any(&[f.source], &sources)));
        }
        if filters.from.is_some() || filters.to.is_some() {
            let bound = |t: Option<OffsetDateTime>, inclusive: bool| match t {
                None => Bound::Unbounded,
                Some(t) => {
                    let term = Term::from_field_date(
                        f.date,
                        tantivy::DateTime::from_timestamp_secs(t.unix_timestamp()),
                    );
                    if inclusive {
                        Bound::Included(term)
                    } else {
                        Bound::Excluded(term)
                    }
                }
            };
            let range = RangeQuery::new(bound(filters.from, true), bound(filters.to, false));
            clauses.push((
                Occur::Must,
                Box::new(ConstScoreQuery::new(Box::new(range), 0.0)),
            ));
        }
        if clauses.len() == 1 {
            return Ok(clauses.remove(0).1);
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// Ranked hits, one page.
    pub fn search(
        &self,
        query: &str,
        filters: &Filters,
        sort: Sort,
        limit: usize,
        offset: usize,
    ) -> Result<Results> {
        let resolved;
        let (text, filters) = if matches!(query.trim(), "" | "*") && filters.names_someone() {
            // The index's names for `--person` values the authority lacks, looked up once
            // for both the scoring and the filter.
            resolved = self.with_indexed_people(filters)?;
            (self.names_query(&resolved)?, &resolved)
        } else {
            (self.parse_query(query)?, filters)
        };
        let searcher = self.reader.searcher();
        let mut snippets = self.snippets(&searcher, &*text);
        let full = self.filtered(self.with_headline_boost(text), filters)?;
        let limit = limit.max(1);
        let top = TopDocs::with_limit(limit).and_offset(offset);
        let (scored, total): (Vec<(Option<f32>, DocAddress)>, usize) = match sort {
            Sort::Relevance => {
                let (docs, n) = searcher.search(&*full, &(top.order_by_score(), Count))?;
                (docs.into_iter().map(|(s, a)| (Some(s), a)).collect(), n)
            }
            Sort::Newest | Sort::Oldest => {
                let order = if sort == Sort::Newest {
                    Order::Desc
                } else {
                    Order::Asc
                };
                let by_date = top.order_by_fast_field::<tantivy::DateTime>("date", order);
                let (docs, n) = searcher.search(&*full, &(by_date, Count))?;
                (docs.into_iter().map(|(_, a)| (None, a)).collect(), n)
            }
        };
        let mut hits = Vec::with_capacity(scored.len());
        for (score, addr) in scored {
            let doc: TantivyDocument = searcher.doc(addr)?;
            hits.push(self.hit(&doc, score, snippets.as_mut()));
        }
        Ok(Results { total, hits })
    }

    /// The snippet maker for `query`: each body term weighted by 1 / (1 + its document
    /// frequency), as tantivy's `SnippetGenerator::create` does, with an analyzer that
    /// stems only the words that can match.
    fn snippets(&self, searcher: &Searcher, query: &dyn Query) -> Option<Snippets> {
        let body = self.fields.body;
        let mut terms: BTreeSet<&Term> = BTreeSet::new();
        query.query_terms(&mut |term, _| {
            if term.field() == body {
                terms.insert(term);
            }
        });
        let mut weights: Vec<(String, Score)> = Vec::new();
        for term in terms {
            let value = term.value();
            let Some(text) = value.as_str() else {
                continue;
            };
            let doc_freq = searcher.doc_freq(term).ok()?;
            if doc_freq > 0 {
                weights.push((text.to_string(), 1.0 / (1.0 + doc_freq as Score)));
            }
        }
        Some(Snippets {
            analyzer: schema::snippet_analyzer(weights.iter().map(|(t, _)| t.as_str())),
            terms: weights,
            max_chars: SNIPPET_CHARS,
        })
    }

    fn hit(
        &self,
        doc: &TantivyDocument,
        score: Option<f32>,
        snippets: Option<&mut Snippets>,
    ) -> Hit {
        let f = &self.fields;
        let text = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let facets = |field: Field| -> Vec<String> {
            doc.get_all(field)
                .filter_map(|v| v.as_facet())
                .map(facet_leaf)
                .collect()
        };
        let date = doc
            .get_first(f.date)
            .and_then(|v| v.as_datetime())
            .and_then(|d| OffsetDateTime::from_unix_timestamp(d.into_timestamp_secs()).ok())
            .unwrap_or(OffsetDateTime::UNIX_EPOCH);
        let body = doc
            .get_all(f.body)
            .last()
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string();
        let mut snippet = snippets
            .and_then(|s| s.best(&body))
            .map(|(range, highlights)| fold_whitespace(&body[range], &highlights))
            .unwrap_or_default();
        if snippet.text.trim().is_empty() {
            snippet = Snippet {
                text: lead(&body, SNIPPET_CHARS),
                highlights: Vec::new(),
            };
        }
        Hit {
            id: text(f.id).unwrap_or_default(),
            date,
            headline: text(f.headline).unwrap_or_default(),
            dateline: text(f.dateline),
            source: facets(f.source).into_iter().next(),
            countries: facets(f.country),
            people: facets(f.person),
            score,
            snippet,
        }
    }

    /// Counts of `field` values over the matching stories, largest first (ties by name);
    /// years oldest first.
    pub fn facets(
        &self,
        query: &str,
        filters: &Filters,
        field: FacetField,
        top: usize,
    ) -> Result<Vec<(String, u64)>> {
        let full = self.filtered(self.parse_query(query)?, filters)?;
        let searcher = self.reader.searcher();
        let f = &self.fields;
        let facet_fields = match field {
            FacetField::Year => {
                let days = searcher.search(&*full, &DayCounts)?;
                let mut years: BTreeMap<u64, u64> = BTreeMap::new();
                for (day, n) in days {
                    *years.entry(day / 10_000).or_default() += n;
                }
                let mut out: Vec<(String, u64)> =
                    years.into_iter().map(|(y, n)| (y.to_string(), n)).collect();
                if top > 0 && out.len() > top {
                    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                    out.truncate(top);
                    out.sort();
                }
                return Ok(out);
            }
            FacetField::Country if filters.mentions => vec![f.country, f.other_country],
            FacetField::Person if filters.mentions => vec![f.person, f.other_person],
            FacetField::Country => vec![f.country],
            FacetField::Person => vec![f.person],
            FacetField::Source => vec![f.source],
        };
        let whole_index = matches!(query.trim(), "" | "*")
            && *filters
                == Filters {
                    mentions: filters.mentions,
                    ..Filters::default()
                };
        let no_deletes = searcher
            .segment_readers()
            .iter()
            .all(|s| s.num_deleted_docs() == 0);
        // A story holds a value in at most one of the fields (a mention it is about is not
        // repeated among its other mentions), so per-field counts add up.
        let mut counts: HashMap<String, u64> = HashMap::new();
        if whole_index && no_deletes {
            // Over the whole index a facet's count is its term's document frequency:
            // read it from the term dictionary instead of visiting every document.
            for field in facet_fields {
                self.add_facet_doc_freqs(field, &mut counts)?;
            }
        } else {
            // One pass over the matches, a collector per field.
            let mut collectors = MultiCollector::new();
            let handles: Vec<_> = facet_fields
                .into_iter()
                .map(|field| {
                    let name = self.index.schema().get_field_name(field).to_string();
                    let mut collector = FacetCollector::for_field(name);
                    collector.add_facet(Facet::root());
                    collectors.add_collector(collector)
                })
                .collect();
            let mut found = searcher.search(&*full, &collectors)?;
            for handle in handles {
                for (facet, n) in handle.extract(&mut found).get(Facet::root()) {
                    *counts.entry(facet_name(facet)).or_default() += n;
                }
            }
        }
        let mut out: Vec<(String, u64)> = counts.into_iter().collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        if top > 0 {
            out.truncate(top);
        }
        Ok(out)
    }

    /// Adds the document frequency of every value of a single-level facet field, summed
    /// over segments, to `counts` (exact only when no document is deleted).
    fn add_facet_doc_freqs(&self, field: Field, counts: &mut HashMap<String, u64>) -> Result<()> {
        self.for_each_facet_value(field, |name, doc_freq| {
            *counts.entry(name).or_default() += u64::from(doc_freq);
        })
    }

    /// Every value of a single-level facet field with its document frequency, segment by
    /// segment (a value held by several segments comes once per segment), read from the
    /// term dictionary.
    fn for_each_facet_value(&self, field: Field, mut f: impl FnMut(String, u32)) -> Result<()> {
        for segment in self.reader.searcher().segment_readers() {
            let inverted = segment.inverted_index(field)?;
            let mut terms = inverted
                .terms()
                .stream()
                .map_err(|e| Error::Invalid(format!("cannot read the index: {e}")))?;
            while terms.advance() {
                let key = terms.key();
                // The root facet is indexed too (empty key); only leaves are values.
                if key.is_empty() || key.contains(&0) {
                    continue;
                }
                f(
                    String::from_utf8_lossy(key).into_owned(),
                    terms.value().doc_freq,
                );
            }
        }
        Ok(())
    }

    /// Matching stories per calendar period, oldest first, empty periods as zero.
    pub fn timeline(
        &self,
        query: &str,
        filters: &Filters,
        by: Granularity,
    ) -> Result<Vec<(String, u64)>> {
        let full = self.filtered(self.parse_query(query)?, filters)?;
        let days = self.reader.searcher().search(&*full, &DayCounts)?;
        Ok(bucket(&days, by))
    }

    /// Index-wide figures.
    pub fn stats(&self, top: usize) -> Result<Stats> {
        let searcher = self.reader.searcher();
        let days = searcher.search(&AllQuery, &DayCounts)?;
        let day = |k: Option<&u64>| k.and_then(|&k| date_of_key(k));
        let all = Filters::default();
        Ok(Stats {
            documents: searcher.num_docs(),
            first_day: day(days.keys().next()),
            last_day: day(days.keys().next_back()),
            size_bytes: dir_size(&self.dir),
            segments: searcher.segment_readers().len(),
            top_countries: self.facets("", &all, FacetField::Country, top)?,
            top_people: self.facets("", &all, FacetField::Person, top)?,
        })
    }
}

/// Any of `names` in a single-level facet field, scoring nothing.
fn facet_any(fields: &[Field], names: &[String]) -> Box<dyn Query> {
    let terms: Vec<(Occur, Box<dyn Query>)> = fields
        .iter()
        .flat_map(|&field| names.iter().map(move |n| (field, n)))
        .map(|(field, n)| {
            let term = Term::from_facet(field, &Facet::from_path([n.as_str()]));
            let q: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
            (Occur::Should, q)
        })
        .collect();
    Box::new(ConstScoreQuery::new(
        Box::new(BooleanQuery::new(terms)),
        0.0,
    ))
}

/// The last path element of an encoded facet (`\0`-separated).
fn facet_leaf(encoded: &str) -> String {
    encoded
        .rsplit('\u{0}')
        .next()
        .unwrap_or(encoded)
        .to_string()
}

fn facet_name(facet: &Facet) -> String {
    facet
        .to_path()
        .last()
        .map(|s| s.to_string())
        .unwrap_or_default()
}

/// Picks the best fragment of a stored body for a query: tantivy's `SnippetGenerator`
/// algorithm (fragments of at most `max_chars` bytes cut at token boundaries, each scored
/// by the weights of the query terms it holds; the highest score wins, the earliest on a
/// tie), without its per-token costs: it lowercases every token into a new `String` and
/// looks it up in a `BTreeMap`, where these tokens come lowercased and all but the few
/// words that can match a query term come with empty text (`analyzer::InitialStemmer`)
/// and need no lookup. Measured: ~6% of a search process went to those lookups.
struct Snippets {
    analyzer: TextAnalyzer,
    /// Stemmed query terms and their weights.
    terms: Vec<(String, Score)>,
    max_chars: usize,
}

/// A candidate fragment: byte range, score, highlighted token ranges.
struct Fragment {
    start: usize,
    stop: usize,
    score: Score,
    highlights: Vec<Range<usize>>,
}

impl Fragment {
    fn at(start: usize) -> Fragment {
        Fragment {
            start,
            stop: start,
            score: 0.0,
            highlights: Vec::new(),
        }
    }
}

impl Snippets {
    /// The best fragment of `text` and its highlights (relative to the fragment), or
    /// `None` if no query term occurs in it.
    fn best(&mut self, text: &str) -> Option<(Range<usize>, Vec<Range<usize>>)> {
        let mut best: Option<Fragment> = None;
        let mut keep = |f: Fragment| {
            if f.score > 0.0 && best.as_ref().is_none_or(|b| f.score > b.score) {
                best = Some(f);
            }
        };
        let mut fragment = Fragment::at(0);
        let mut tokens = self.analyzer.token_stream(text);
        while let Some(token) = tokens.next() {
            if token.offset_to - fragment.start > self.max_chars {
                keep(std::mem::replace(
                    &mut fragment,
                    Fragment::at(token.offset_from),
                ));
            }
            fragment.stop = token.offset_to;
            if token.text.is_empty() {
                continue;
            }
            if let Some((_, weight)) = self.terms.iter().find(|(t, _)| *t == token.text) {
                fragment.score += weight;
                fragment.highlights.push(token.offset_from..token.offset_to);
            }
        }
        keep(fragment);
        let f = best?;
        let highlights = f
            .highlights
            .iter()
            .map(|r| r.start - f.start..r.end - f.start)
            .collect();
        Some((f.start..f.stop, highlights))
    }
}

/// Collapse every run of whitespace (wire copy keeps its 65-column line breaks and
/// indents) into one space, moving the highlight ranges along.
fn fold_whitespace(text: &str, highlights: &[Range<usize>]) -> Snippet {
    let mut out = String::with_capacity(text.len());
    // map[i]: where byte i of `text` lands in `out` (map[text.len()] = the end).
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else if pending_space {
            out.push(' ');
            pending_space = false;
        }
        map.extend(std::iter::repeat_n(out.len(), c.len_utf8()));
        if !c.is_whitespace() {
            out.push(c);
        }
    }
    map.push(out.len());
    let highlights = highlights
        .iter()
        .filter(|r| r.start < r.end && r.end < map.len())
        .map(|r| map[r.start]..map[r.end])
        .filter(|r| r.start < r.end)
        .collect();
    Snippet {
        text: out,
        highlights,
    }
}

/// The first `max` characters of `text`, cut at a word boundary.
fn lead(text: &str, max: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((cut, _)) => {
            let head = &text[..cut];
            let head = head.rfind(char::is_whitespace).map_or(head, |i| &head[..i]);
            format!("{}...", head.trim_end())
        }
    }
}

/// Turn a parser error into one sentence that says what is wrong and where.
fn query_error(query: &str, e: QueryParserError) -> Error {
    let msg = match e {
        QueryParserError::SyntaxError(_) => {
            let (_, errors) = tantivy::query_grammar::parse_query_lenient(query);
            match errors.first() {
                Some(err) => format!(
                    "syntax error in `{query}` at character {}: {}",
                    err.pos + 1,
                    err.message
                ),
                None => format!("syntax error in `{query}`"),
            }
        }
        QueryParserError::FieldDoesNotExist(field) => {
            let alias = match field.as_str() {
                "title" => Some("headline"),
                "text" | "content" => Some("body"),
                "city" => Some("dateline"),
                "agency" => Some("source"),
                _ => None,
            };
            let nearest = alias.map(str::to_string).or_else(|| {
                QUERYABLE_FIELDS
                    .iter()
                    .map(|f| (strsim::jaro_winkler(f, &field), *f))
                    .filter(|(s, _)| *s > 0.8)
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .map(|(_, f)| f.to_string())
            });
            match nearest {
                Some(f) => format!("unknown field `{field}` in `{query}`; did you mean `{f}:`?"),
                None => format!(
                    "unknown field `{field}` in `{query}`; fields are {}",
                    QUERYABLE_FIELDS.join(", ")
                ),
            }
        }
        QueryParserError::AllButQueryForbidden => {
            format!("`{query}` only excludes terms; add a term to search for")
        }
        QueryParserError::FieldDoesNotHavePositionsIndexed(f) => {
            format!("phrase queries are not supported on field `{f}`")
        }
        QueryParserError::DateFormatError(_) => format!(
            "`{query}`: dates in a query need RFC 3339 (date:[2025-01-01T00:00:00Z TO *]); \
             use --from/--to for years, months and days"
        ),
        QueryParserError::FacetFormatError(_) => format!(
            "`{query}`: country and person values are paths, as in country:/Russia or \
             person:\"/Vladimir Putin\"; or use --country/--person"
        ),
        other => format!("`{query}`: {other}"),
    };
    Error::Query(msg)
}

/// Counts matching documents per `day` key (yyyymmdd).
struct DayCounts;

struct DayCountsSegment {
    column: Column<u64>,
    counts: HashMap<u64, u64>,
}

impl Collector for DayCounts {
    type Fruit = BTreeMap<u64, u64>;
    type Child = DayCountsSegment;

    fn for_segment(&self, _: u32, reader: &SegmentReader) -> tantivy::Result<DayCountsSegment> {
        Ok(DayCountsSegment {
            column: reader.fast_fields().u64("day")?,
            counts: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, parts: Vec<HashMap<u64, u64>>) -> tantivy::Result<BTreeMap<u64, u64>> {
        let mut out = BTreeMap::new();
        for part in parts {
            for (k, n) in part {
                *out.entry(k).or_default() += n;
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for DayCountsSegment {
    type Fruit = HashMap<u64, u64>;

    fn collect(&mut self, doc: u32, _: Score) {
        if let Some(day) = self.column.first(doc) {
            *self.counts.entry(day).or_default() += 1;
        }
    }

    fn harvest(self) -> HashMap<u64, u64> {
        self.counts
    }
}

fn date_of_key(key: u64) -> Option<Date> {
    let year = i32::try_from(key / 10_000).ok()?;
    let month = Month::try_from(((key / 100) % 100) as u8).ok()?;
    Date::from_calendar_date(year, month, (key % 100) as u8).ok()
}

/// Day counts -> calendar periods from the first to the last, zeros included.
fn bucket(days: &BTreeMap<u64, u64>, by: Granularity) -> Vec<(String, u64)> {
    let (Some(first), Some(last)) = (
        days.keys().next().and_then(|&k| date_of_key(k)),
        days.keys().next_back().and_then(|&k| date_of_key(k)),
    ) else {
        return Vec::new();
    };
    let key = |d: Date| -> (i32, u8, u8) {
        match by {
            Granularity::Year => (d.year(), 0, 0),
            Granularity::Month => (d.year(), u8::from(d.month()), 0),
            Granularity::Day => (d.year(), u8::from(d.month()), d.day()),
        }
    };
    let mut counts: BTreeMap<(i32, u8, u8), u64> = BTreeMap::new();
    for (&k, &n) in days {
        if let Some(d) = date_of_key(k) {
            *counts.entry(key(d)).or_default() += n;
        }
    }
    let mut out = Vec::new();
    let mut cursor = first;
    loop {
        let k = key(cursor);
        let label = match by {
            Granularity::Year => format!("{}", k.0),
            Granularity::Month => format!("{}-{:02}", k.0, k.1),
            Granularity::Day => format!("{}-{:02}-{:02}", k.0, k.1, k.2),
        };
        out.push((label, counts.get(&k).copied().unwrap_or(0)));
        let next = match by {
            Granularity::Year => {
                Date::from_calendar_date(cursor.year() + 1, Month::January, 1).ok()
            }
            Granularity::Month => next_month(cursor).ok(),
            Granularity::Day => cursor.next_day(),
        };
        match next {
            Some(n) if key(n) <= key(last) => cursor = n,
            _ => break,
        }
    }
    out
}

fn dir_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// A name without the nickname in quotes that the tagger keeps in a name as written
/// (`Joaquin "El Chapo" Guzman` -> `Joaquin Guzman`).
fn without_nickname(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut quoted = false;
    for c in name.chars() {
        if matches!(c, '"' | '\u{201C}' | '\u{201D}') {
            quoted = !quoted;
        } else if !quoted {
            out.push(c);
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    /// `Snippets::best` picks the fragment and highlights tantivy's `SnippetGenerator`
    /// would, on every story of the bundled corpus, for single terms and term sets whose
    /// weights tie and differ.
    #[test]
    fn snippets_match_tantivys_generator() {
        use tantivy::snippet::SnippetGenerator;
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut bodies = Vec::new();
        for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
            let entry = entry.expect("corpus/ is readable");
            if entry.file_type().is_file() {
                let text = std::fs::read_to_string(entry.path()).expect("corpus text");
                bodies.push(text);
            }
        }
        assert!(bodies.len() > 20, "corpus/ has stories");
        let term_sets: &[&[(&str, Score)]] = &[
            &[("the", 0.5)],
            &[("said", 0.1), ("minist", 0.3)],
            &[("qatar", 0.2), ("syria", 0.2), ("talk", 0.05)],
            &[("oil", 0.4), ("price", 0.4), ("opec", 0.9)],
            &[("zzzz", 1.0)],
        ];
        let schema = schema::schema();
        let body = schema.get_field("body").expect("body field");
        let mut compared = 0;
        for terms in term_sets {
            let weights: Vec<(String, Score)> =
                terms.iter().map(|(t, w)| (t.to_string(), *w)).collect();
            let analyzer = || schema::snippet_analyzer(terms.iter().map(|(t, _)| *t));
            let mut ours = Snippets {
                analyzer: analyzer(),
                terms: weights.clone(),
                max_chars: SNIPPET_CHARS,
            };
            let theirs = SnippetGenerator::new(
                weights.into_iter().collect(),
                analyzer(),
                body,
                SNIPPET_CHARS,
            );
            for text in &bodies {
                let want = theirs.snippet(text);
                let got = ours.best(text);
                match got {
                    None => assert!(want.fragment().is_empty(), "{terms:?}"),
                    Some((range, highlights)) => {
                        assert_eq!(&text[range], want.fragment(), "{terms:?}");
                        assert_eq!(highlights, want.highlighted(), "{terms:?}");
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 50, "only {compared} snippets compared");
    }

    #[test]
    fn periods_cover_year_month_day() {
        let cases = [
            (
                "2025",
                datetime!(2025-01-01 0:00 UTC),
                datetime!(2026-01-01 0:00 UTC),
            ),
            (
                "2025-02",
                datetime!(2025-02-01 0:00 UTC),
                datetime!(2025-03-01 0:00 UTC),
            ),
            (
                "2025-12",
                datetime!(2025-12-01 0:00 UTC),
                datetime!(2026-01-01 0:00 UTC),
            ),
            (
                "2024-02-29",
                datetime!(2024-02-29 0:00 UTC),
                datetime!(2024-03-01 0:00 UTC),
            ),
            (
                " 1987-03-31 ",
                datetime!(1987-03-31 0:00 UTC),
                datetime!(1987-04-01 0:00 UTC),
            ),
        ];
        for (input, start, end) in cases {
            assert_eq!(Period::parse(input), Ok(Period { start, end }), "{input}");
        }
    }

    #[test]
    fn bad_periods_say_why() {
        let cases = [
            (
                "notadate",
                "expected a year (2025), a month (2025-04) or a date (2025-04-17)",
            ),
            ("2025-13", "no month 13"),
            ("2025-02-30", "February 2025 has no day 30"),
            (
                "25",
                "expected a year (2025), a month (2025-04) or a date (2025-04-17)",
            ),
            (
                "2025-4-1",
                "expected a year (2025), a month (2025-04) or a date (2025-04-17)",
            ),
            ("3000", "year out of range (1678-2261)"),
            (
                "",
                "expected a year (2025), a month (2025-04) or a date (2025-04-17)",
            ),
        ];
        for (input, reason) in cases {
            assert_eq!(Period::parse(input), Err(reason.to_string()), "{input}");
        }
    }

    #[test]
    fn buckets_are_calendar_periods_with_zeros() {
        let days: BTreeMap<u64, u64> = [(19_871_231, 2), (19_880_215, 1), (19_880_401, 4)]
            .into_iter()
            .collect();
        let months = bucket(&days, Granularity::Month);
        let labels: Vec<_> = months.iter().map(|(l, n)| format!("{l}={n}")).collect();
        assert_eq!(
            labels,
            [
                "1987-12=2",
                "1988-01=0",
                "1988-02=1",
                "1988-03=0",
                "1988-04=4"
            ]
        );
        let years = bucket(&days, Granularity::Year);
        assert_eq!(years, [("1987".to_string(), 2), ("1988".to_string(), 5)]);
        assert_eq!(bucket(&days, Granularity::Day).len(), 93);
        assert!(bucket(&BTreeMap::new(), Granularity::Month).is_empty());
    }

    #[test]
    fn snippets_fold_whitespace_and_keep_highlights() {
        let text = "  The cocoa\n    crop   rose,\nsaid Pöhl ";
        let cocoa = 6..11;
        let pohl = text.find("Pöhl").unwrap();
        let s = fold_whitespace(text, &[cocoa, pohl..pohl + "Pöhl".len()]);
        assert_eq!(s.text, "The cocoa crop rose, said Pöhl");
        let words: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
        assert_eq!(words, ["cocoa", "Pöhl"]);
    }

    #[test]
    fn lead_cuts_at_a_word() {
        assert_eq!(lead("alpha beta gamma", 8), "alpha...");
        assert_eq!(lead("short", 80), "short");
        assert_eq!(lead("ééééé ééé", 7), "ééééé...");
    }
}
