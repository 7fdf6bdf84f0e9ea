//! A stemming token filter with a memo: English stemming, exactly as tantivy's `Stemmer`
//! does it (the same Snowball implementation), but each distinct word is stemmed once per
//! indexing thread instead of once per occurrence.
//!
//! Why: profiling `dateline index` showed tantivy's stemmer at about a quarter of all CPU.
//! Wire copy repeats a small vocabulary (a few hundred thousand distinct words over
//! millions of tokens), so a bounded map from word to stem removes most of that work.
//!
//! Also here: [`InitialStemmer`], the same stemming for snippets, skipped for words that
//! cannot stem to any query term (a search re-tokenizes every hit's body to find the
//! query words; stemming every word of ten bodies was a tenth of a search's work).

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Distinct words remembered per analyzer instance; beyond this, words are stemmed
/// without being remembered (memory stays bounded on any input).
const MAX_CACHED_WORDS: usize = 200_000;

/// English Snowball stemming with a per-instance cache.
#[derive(Clone, Default)]
pub struct CachingStemmer;

impl TokenFilter for CachingStemmer {
    type Tokenizer<T: Tokenizer> = CachingStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachingStemmerFilter<T> {
        CachingStemmerFilter {
            inner: tokenizer,
            cache: FxHashMap::default(),
        }
    }
}

#[derive(Clone)]
pub struct CachingStemmerFilter<T> {
    inner: T,
    cache: FxHashMap<String, String>,
}

impl<T: Tokenizer> Tokenizer for CachingStemmerFilter<T> {
    type TokenStream<'a> = CachingStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachingStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
            cache: &mut self.cache,
        }
    }
}

pub struct CachingStemmerStream<'a, T> {
    tail: T,
    stemmer: frostem::Stemmer,
    cache: &'a mut FxHashMap<String, String>,
}

impl<T: TokenStream> TokenStream for CachingStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.cache.get(&token.text) {
            token.text.clear();
            token.text.push_str(stem);
            return true;
        }
        let stem = self.stemmer.stem(&token.text).into_owned();
        if self.cache.len() < MAX_CACHED_WORDS {
            self.cache
                .insert(std::mem::take(&mut token.text), stem.clone());
        }
        token.text = stem;
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// English stemming of only the words whose first character is in `initials`; every
/// other token comes out with empty text, which matches no query term.
///
/// Sound because Snowball English never changes a word's first character (it only
/// rewrites suffixes, and its exception list - skies/sky, dying/die, ... - keeps the
/// initial), so a word that starts differently from every query term cannot stem to one.
#[derive(Clone)]
pub struct InitialStemmer {
    initials: Vec<char>,
}

impl InitialStemmer {
    /// Stem words starting with the first character of any of `terms` (stemmed terms).
    pub fn for_terms<'a>(terms: impl IntoIterator<Item = &'a str>) -> InitialStemmer {
        let mut initials: Vec<char> = terms.into_iter().filter_map(|t| t.chars().next()).collect();
        initials.sort_unstable();
        initials.dedup();
        InitialStemmer { initials }
    }
}

impl TokenFilter for InitialStemmer {
    type Tokenizer<T: Tokenizer> = InitialStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> InitialStemmerFilter<T> {
        InitialStemmerFilter {
            inner: tokenizer,
            initials: self.initials,
        }
    }
}

#[derive(Clone)]
pub struct InitialStemmerFilter<T> {
    inner: T,
    initials: Vec<char>,
}

impl<T: Tokenizer> Tokenizer for InitialStemmerFilter<T> {
    type TokenStream<'a> = InitialStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        InitialStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
            initials: &self.initials,
        }
    }
}

pub struct InitialStemmerStream<'a, T> {
    tail: T,
    stemmer: frostem::Stemmer,
    initials: &'a [char],
}

impl<T: TokenStream> TokenStream for InitialStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let wanted = token
            .text
            .chars()
            .next()
            .is_some_and(|c| self.initials.contains(&c));
        if wanted {
            if let std::borrow::Cow::Owned(stem) = self.stemmer.stem(&token.text) {
                token.text = stem;
            }
        } else {
            token.text.clear();
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{
        AsciiFoldingFilter, Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer,
    };

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    /// Same stems as tantivy's own stemmer, on first sight and from the cache.
    #[test]
    fn stems_like_tantivy_twice_over() {
        let text = "Ministers were meeting; the minister met ministers. Rates rated \
                    rating, rallies rallied, Pöhl's cocoa arrivals arrived arriving";
        let mut ours = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(CachingStemmer)
            .build();
        let mut theirs = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::English))
            .build();
        let expected = tokens(&mut theirs, text);
        assert_eq!(tokens(&mut ours, text), expected);
        assert_eq!(tokens(&mut ours, text), expected, "from the cache");
        assert!(
            expected.contains(&"minist".to_string()) || expected.contains(&"minister".to_string())
        );
    }

    /// The premise of `InitialStemmer`: stemming keeps the first character, including
    /// for Snowball's exception words and short or odd tokens.
    #[test]
    fn stemming_keeps_the_initial() {
        let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
        let words = [
            "skies",
            "skis",
            "dying",
            "lying",
            "tying",
            "idly",
            "gently",
            "ugly",
            "early",
            "only",
            "singly",
            "news",
            "howe",
            "atlas",
            "cosmos",
            "bias",
            "andes",
            "ies",
            "s",
            "y",
            "yes",
            "youth",
            "ying",
            "eed",
            "ied",
            "sses",
            "generously",
            "communism",
            "arsenal",
            "1987",
            "a1",
            "rallies",
            "ministers",
            "oil",
            "prices",
            "bundesbank",
        ];
        for w in words {
            let stem = stemmer.stem(w);
            assert_eq!(stem.chars().next(), w.chars().next(), "{w} -> {stem}");
        }
    }

    /// Words with a query term's initial stem as usual; the others match nothing.
    #[test]
    fn initial_stemmer_stems_only_candidates() {
        let mut a = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(InitialStemmer::for_terms(["price", "oil"]))
            .build();
        assert_eq!(
            tokens(&mut a, "Oil prices rallied; ministers met"),
            ["oil", "price", "", "", ""]
        );
    }
}
