//! Which documents contain any of a few terms, and what is the sum of their BM25 scores?
//! The optional headline clause of a ranked search (`search::with_headline_boost`).
//!
//! Why not a `BooleanQuery` of `Should` term queries: tantivy scores such a union with a
//! buffered scorer that clears a 4,096-document window (16 KB) on every long seek. As the
//! optional side of a search it is sought once per matching story, so that clearing was
//! about a tenth of a search's instructions. This union keeps one cursor per term instead
//! (a query has a handful of terms) and adds the scores in the same order, from the same
//! starting 0.0, as tantivy's union: the scores, and so the ranking, are bit-identical.

use tantivy::query::{EmptyScorer, EnableScoring, Explanation, Query, Scorer, TermQuery, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// Matches documents with at least one of `terms`; scores the sum of their BM25 scores.
#[derive(Debug, Clone)]
pub struct SumOfTerms {
    terms: Vec<TermQuery>,
}

impl SumOfTerms {
    pub fn new(terms: Vec<Term>) -> SumOfTerms {
        SumOfTerms {
            terms: terms
                .into_iter()
                .map(|t| TermQuery::new(t, IndexRecordOption::WithFreqs))
                .collect(),
        }
    }
}

impl Query for SumOfTerms {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let weights = self
            .terms
            .iter()
            .map(|t| t.weight(enable_scoring))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(Box::new(SumWeight { weights }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for t in &self.terms {
            t.query_terms(visitor);
        }
    }
}

struct SumWeight {
    weights: Vec<Box<dyn Weight>>,
}

impl Weight for SumWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut scorers = Vec::with_capacity(self.weights.len());
        for w in &self.weights {
            let s = w.scorer(reader, boost)?;
            // As tantivy's union does: terms absent from the segment drop out, the others
            // keep their order (the order the scores are added in).
            if s.doc() != TERMINATED {
                scorers.push(s);
            }
        }
        if scorers.is_empty() {
            return Ok(Box::new(EmptyScorer));
        }
        let mut sum = SumScorer {
            scorers,
            doc: TERMINATED,
        };
        sum.doc = sum.min_doc();
        Ok(Box::new(sum))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document #{doc} does not match"
            )));
        }
        Ok(Explanation::new("sum of term scores", scorer.score()))
    }
}

struct SumScorer {
    scorers: Vec<Box<dyn Scorer>>,
    doc: DocId,
}

impl SumScorer {
    fn min_doc(&self) -> DocId {
        self.scorers
            .iter()
            .map(|s| s.doc())
            .min()
            .unwrap_or(TERMINATED)
    }
}

impl DocSet for SumScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        for s in &mut self.scorers {
            if s.doc() == self.doc {
                s.advance();
            }
        }
        self.doc = self.min_doc();
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for s in &mut self.scorers {
            if s.doc() < target {
                s.seek(target);
            }
        }
        self.doc = self.min_doc();
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.scorers
            .iter()
            .map(|s| s.size_hint())
            .max()
            .unwrap_or(0)
    }
}

impl Scorer for SumScorer {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        let mut sum: Score = 0.0;
        for s in &mut self.scorers {
            if s.doc() == doc {
                sum += s.score();
            }
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, Occur};
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{doc, Index, IndexWriter};

    /// Same documents, same scores (bit for bit) as tantivy's own union of term queries.
    #[test]
    fn scores_like_a_boolean_union() {
        let mut b = Schema::builder();
        let text = b.add_text_field("text", TEXT);
        let index = Index::create_in_ram(b.build());
        let mut writer: IndexWriter = index.writer(50_000_000).expect("writer");
        let docs = [
            "oil prices rose",
            "gold fell",
            "oil oil oil",
            "prices of gold and oil",
            "nothing here",
            "prices",
        ];
        for round in 0..300 {
            for d in docs {
                writer
                    .add_document(doc!(text => format!("{d} {round}")))
                    .expect("add");
            }
        }
        writer.commit().expect("commit");
        let searcher = index.reader().expect("reader").searcher();
        let terms = ["oil", "price", "prices", "gold", "absent"]
            .map(|w| Term::from_field_text(text, w))
            .to_vec();
        let ours = SumOfTerms::new(terms.clone());
        let theirs = BooleanQuery::new(
            terms
                .into_iter()
                .map(|t| {
                    let q: Box<dyn Query> =
                        Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs));
                    (Occur::Should, q)
                })
                .collect(),
        );
        let top = TopDocs::with_limit(2000).order_by_score();
        let a = searcher.search(&ours, &top).expect("ours");
        let b = searcher.search(&theirs, &top).expect("theirs");
        assert_eq!(a.len(), 1500, "oil, prices or gold in 5 of 6 docs x 300");
        let bits = |v: &[(Score, tantivy::DocAddress)]| {
            v.iter()
                .map(|(s, d)| (s.to_bits(), d.doc_id))
                .collect::<Vec<_>>()
        };
        assert_eq!(bits(&a), bits(&b));
    }
}
