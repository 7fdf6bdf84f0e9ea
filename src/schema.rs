//! The index schema: one place in code that names every field, its options and the
//! analyzer that reads text, plus the version number checked when an index is opened.
//!
//! A test compares `schema()` with the reviewed snapshot `schema/schema.json`, so any
//! change shows up as a diff and must come with a `SCHEMA_VERSION` bump.

use crate::analyzer::{CachingStemmer, InitialStemmer, WireTokenizer};
use tantivy::schema::{
    DateOptions, DateTimePrecision, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, STORED, STRING,
};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Index;

/// Bump whenever `schema()` or the analyzer changes in a way old indexes cannot serve.
pub const SCHEMA_VERSION: u32 = 3;

/// File written next to tantivy's `meta.json`; it marks a dateline index and records its
/// schema version so a newer binary can refuse it with a clear message.
pub const MARKER_FILE: &str = "dateline.json";

/// English analyzer: split on non-alphanumerics, drop absurdly long tokens (URLs, tables),
/// lowercase, fold accents (Pöhl matches Pohl), English Snowball stemming (rates = rate),
/// memoised per thread (`analyzer::CachingStemmer`).
pub const TEXT_ANALYZER: &str = "dateline_en";

/// Handles of every field, resolved once from the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Stable article id, exact-match, used for upserts.
    pub id: Field,
    /// Publication time (second precision), indexed for ranges, fast for sorting.
    pub date: Field,
    /// Calendar day as `yyyymmdd`, fast: timelines and year facets bucket on it with
    /// integer arithmetic, giving calendar months and years (tantivy's date histogram
    /// only has fixed-width buckets).
    pub day: Field,
    pub headline: Field,
    /// Indexed as headline + body (two values), so it is the one field a plain query
    /// searches; the stored body text is its last value.
    pub body: Field,
    /// Dateline city, searchable as `dateline:moscow`.
    pub dateline: Field,
    /// Agency, a facet (`/Reuters`): counted by `facets --field source`.
    pub source: Field,
    /// Countries the story is about: facet `/Russia`.
    pub country: Field,
    /// People the story is about: facet `/Vladimir Putin`.
    pub person: Field,
    /// Countries mentioned that the story is not about: every mention is `country` +
    /// `other_country` (the two never share a value within a story, so counts add up).
    pub other_country: Field,
    /// People mentioned that the story is not about (see `other_country`).
    pub other_person: Field,
}

impl Fields {
    /// Resolve the handles from a schema built by [`schema`].
    pub fn new(schema: &Schema) -> tantivy::Result<Fields> {
        let f = |name: &str| schema.get_field(name);
        Ok(Fields {
            id: f("id")?,
            date: f("date")?,
            day: f("day")?,
            headline: f("headline")?,
            body: f("body")?,
            dateline: f("dateline")?,
            source: f("source")?,
            country: f("country")?,
            person: f("person")?,
            other_country: f("other_country")?,
            other_person: f("other_person")?,
        })
    }
}

/// Names of the fields a query may address with `field:`.
pub const QUERYABLE_FIELDS: &[&str] = &[
    "headline",
    "body",
    "dateline",
    "id",
    "source",
    "country",
    "person",
    "other_country",
    "other_person",
];

/// Build the schema. The only place fields are declared.
pub fn schema() -> Schema {
    let mut b = Schema::builder();
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TEXT_ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    b.add_text_field("id", STRING | STORED);
    b.add_date_field(
        "date",
        DateOptions::default()
            .set_indexed()
            .set_fast()
            .set_stored()
            .set_precision(DateTimePrecision::Seconds),
    );
    b.add_u64_field("day", NumericOptions::default().set_fast());
    b.add_text_field("headline", text.clone());
    b.add_text_field("body", text.clone());
    b.add_text_field("dateline", text);
    let facet = FacetOptions::default().set_stored();
    b.add_facet_field("source", facet.clone());
    b.add_facet_field("country", facet.clone());
    b.add_facet_field("person", facet);
    // The other mentions are filterable and countable but not shown per hit: not stored.
    // Only the ones not already in `country` / `person`: a third fewer facet values to
    // index (each costs two postings entries and a fast-field value).
    b.add_facet_field("other_country", FacetOptions::default());
    b.add_facet_field("other_person", FacetOptions::default());
    b.build()
}

/// Register the analyzer on an index. Tokenizers are not saved in the index, so this must
/// run every time one is created or opened.
pub fn register_analyzers(index: &Index) {
    // Equivalent to SimpleTokenizer + RemoveLongFilter(40) + LowerCaser + AsciiFoldingFilter
    // + English Stemmer (see src/analyzer.rs).
    let analyzer = TextAnalyzer::builder(WireTokenizer::default())
        .filter(CachingStemmer)
        .build();
    index.tokenizers().register(TEXT_ANALYZER, analyzer);
}

/// The text analyzer for finding `terms` (stemmed query terms) in a stored text: the same
/// tokens and stems as [`TEXT_ANALYZER`] for every word that can match one of them, empty
/// text for the others (see `analyzer::InitialStemmer`).
pub fn snippet_analyzer<'a>(terms: impl IntoIterator<Item = &'a str>) -> TextAnalyzer {
    TextAnalyzer::builder(WireTokenizer::default())
        .filter(InitialStemmer::for_terms(terms))
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The snapshot under schema/ is the reviewed contract. If this fails, review the
    /// diff, bump SCHEMA_VERSION, and regenerate with
    /// `DATELINE_WRITE_SCHEMA=1 cargo test --lib schema`.
    #[test]
    fn schema_matches_reviewed_snapshot() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/schema.json");
        let current = serde_json::to_string_pretty(&schema()).expect("schema serializes");
        let current = format!("{current}\n");
        if std::env::var_os("DATELINE_WRITE_SCHEMA").is_some() {
            std::fs::write(path, &current).expect("write snapshot");
        }
        let snapshot = std::fs::read_to_string(path).expect("schema/schema.json exists");
        assert_eq!(
            snapshot, current,
            "schema changed: review, bump SCHEMA_VERSION, regenerate the snapshot"
        );
        assert!(
            snapshot.contains("\"name\": \"headline\""),
            "snapshot names the fields"
        );
    }

    #[test]
    fn every_queryable_field_exists() {
        let s = schema();
        for name in QUERYABLE_FIELDS {
            assert!(s.get_field(name).is_ok(), "{name}");
        }
        Fields::new(&s).expect("all handles resolve");
    }
}
