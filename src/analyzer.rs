//! The text analyzer's two parts of our own, both exactly equivalent to tantivy's stock
//! filters but cheaper on wire copy:
//!
//! - [`WireTokenizer`]: `SimpleTokenizer` + `RemoveLongFilter::limit(40)` + `LowerCaser` +
//!   `AsciiFoldingFilter` in one pass over the bytes. Almost every word of English wire copy
//!   is ASCII, and for those the stock chain's per-character decoding and four token hand-offs
//!   were a third of indexing CPU; a word with any non-ASCII letter goes through the stock
//!   filters themselves, so the tokens are the same, positions and offsets included.
//! - [`CachingStemmer`]: English stemming, exactly as tantivy's `Stemmer` does it (the same
//!   Snowball implementation), but each distinct word is stemmed once per indexing thread
//!   instead of once per occurrence. Profiling `dateline index` showed tantivy's stemmer at
//!   about a quarter of all CPU; wire copy repeats a small vocabulary (a few hundred thousand
//!   distinct words over millions of tokens), so a bounded map from word to stem removes most
//!   of that work.
//!
//! Also here: [`InitialStemmer`], the same stemming for snippets, skipped for words that
//! cannot stem to any query term (a search re-tokenizes every hit's body to find the
//! query words; stemming every word of ten bodies was a tenth of a search's work).

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, TextAnalyzer, Token, TokenFilter, TokenStream,
    Tokenizer,
};

/// Tokens this long (bytes, as written) or longer are dropped, like
/// `RemoveLongFilter::limit(40)`: base64 blobs, URLs, tables run together.
pub const MAX_TOKEN_BYTES: usize = 40;

/// ASCII letters and digits, as a table for the hot loops.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// Splits on every character that is not alphanumeric (as `SimpleTokenizer`), drops tokens
/// of [`MAX_TOKEN_BYTES`] or more (their positions stay taken), lowercases and folds accents
/// to ASCII (as `LowerCaser` + `AsciiFoldingFilter`).
#[derive(Clone)]
pub struct WireTokenizer {
    token: Token,
    /// The stock lowercasing and folding, for words with non-ASCII letters.
    exact: TextAnalyzer,
}

impl Default for WireTokenizer {
    fn default() -> Self {
        WireTokenizer {
            token: Token::default(),
            exact: TextAnalyzer::builder(RawTokenizer::default())
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .build(),
        }
    }
}

impl Tokenizer for WireTokenizer {
    type TokenStream<'a> = WireTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WireTokenStream<'a> {
        self.token.reset();
        WireTokenStream {
            text,
            at: 0,
            token: &mut self.token,
            exact: &mut self.exact,
        }
    }
}

pub struct WireTokenStream<'a> {
    text: &'a str,
    /// Byte offset where the search for the next token starts (a character boundary).
    at: usize,
    token: &'a mut Token,
    exact: &'a mut TextAnalyzer,
}

impl WireTokenStream<'_> {
    /// Whether the character starting at byte `i` is alphanumeric, and its length.
    #[cold]
    fn alnum_at(&self, i: usize) -> (bool, usize) {
        let b = self.text.as_bytes()[i];
        if b < 0x80 {
            return (b.is_ascii_alphanumeric(), 1);
        }
        match self.text[i..].chars().next() {
            Some(c) => (c.is_alphanumeric(), c.len_utf8()),
            None => (false, 1),
        }
    }
}

impl TokenStream for WireTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        let n = bytes.len();
        loop {
            // The next alphanumeric character.
            let mut i = self.at;
            loop {
                if i >= n {
                    self.at = n;
                    return false;
                }
                let b = bytes[i];
                if b < 0x80 {
                    if ASCII_ALNUM[b as usize] {
                        break;
                    }
                    i += 1;
                    continue;
                }
                let (alnum, len) = self.alnum_at(i);
                if alnum {
                    break;
                }
                i += len;
            }
            let start = i;
            let mut ascii = true;
            while i < n {
                // The ASCII letters and digits of the word, then what stops them.
                i += bytes[i..]
                    .iter()
                    .position(|&b| !ASCII_ALNUM[b as usize])
                    .unwrap_or(n - i);
                if i >= n || bytes[i] < 0x80 {
                    break;
                }
                let (alnum, len) = self.alnum_at(i);
                if !alnum {
                    break;
                }
                ascii = false;
                i += len;
            }
            self.at = i;
            self.token.position = self.token.position.wrapping_add(1);
            if i - start >= MAX_TOKEN_BYTES {
                continue;
            }
            self.token.offset_from = start;
            self.token.offset_to = i;
            self.token.text.clear();
            let word = &self.text[start..i];
            if ascii {
                self.token.text.push_str(word);
                self.token.text.make_ascii_lowercase();
            } else {
                let mut stream = self.exact.token_stream(word);
                if stream.advance() {
                    self.token.text.push_str(&stream.token().text);
                }
            }
            return true;
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

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
    use tantivy::tokenizer::{Language, RemoveLongFilter, SimpleTokenizer, Stemmer};

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    /// Every field of every token: text, position, offsets.
    fn full(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    fn stock() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build()
    }

    /// Same tokens as the stock chain, positions and offsets included, on ASCII wire copy,
    /// accents, other scripts, symbols, digits, over-long words and edge cases.
    #[test]
    fn tokenizes_like_the_stock_chain() {
        let texts = [
            "",
            " ",
            "MOSCOW (Reuters) - Qatar's Emir Sheikh Tamim bin Hamad Al-Thani told Putin...",
            "Pöhl, Ünal and ÉLYSÉE met in Zürich; ß, Æsir, Œuvre, ﬁnance, İstanbul, ΑΘΗΝΑ.",
            "U.S. 1.5 pct rise in Q3/1987 -- 12,000 dlrs; 3rd-qtr net; AT&T; e-mail",
            "Путин и эмир Катара; 北京 东京; محمد; नमस्ते; x²+y³; ①②; ℃ ™ № ½",
            "tab\tsep\nnew line\r\nand\u{a0}nbsp\u{2014}dash\u{2019}s",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa! aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b",
            "éééééééééééééééééééé ééééééééééééééééééé é",
            "combining: cafe\u{301} n\u{303}o\u{308}",
            "trailing é",
            "é",
            "9",
        ];
        let mut ours = TextAnalyzer::from(WireTokenizer::default());
        let mut theirs = stock();
        for text in texts {
            assert_eq!(full(&mut ours, text), full(&mut theirs, text), "{text:?}");
        }
    }

    /// The same on pseudo-random mixes of all of the above (a fixed-seed generator: the test
    /// is repeatable).
    #[test]
    fn tokenizes_like_the_stock_chain_on_random_text() {
        const PIECES: &[&str] = &[
            "a",
            "Z",
            "q",
            "7",
            " ",
            " ",
            ".",
            ",",
            "-",
            "'",
            "\n",
            "é",
            "Ö",
            "ß",
            "ﬁ",
            "İ",
            "Д",
            "ж",
            "北",
            "ـ",
            "\u{301}",
            "\u{a0}",
            "\u{2014}",
            "\u{2019}",
            "²",
            "①",
            "™",
            "½",
            "😀",
            "aaaaaaaaaa",
            "ÉÉÉÉÉ",
            "\t",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut ours = TextAnalyzer::from(WireTokenizer::default());
        let mut theirs = stock();
        for _ in 0..2_000 {
            let len = (next() % 60) as usize;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            assert_eq!(full(&mut ours, &text), full(&mut theirs, &text), "{text:?}");
        }
    }

    /// Same stems as tantivy's own stemmer, on first sight and from the cache.
    #[test]
    fn stems_like_tantivy_twice_over() {
        let text = "Ministers were meeting; the minister met ministers. Rates rated \
                    rating, rallies rallied, Pöhl's cocoa arrivals arrived arriving";
        let mut ours = TextAnalyzer::builder(WireTokenizer::default())
            .filter(CachingStemmer)
            .build();
        let mut theirs = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
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
