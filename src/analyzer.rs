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
            cache: StemCache::default(),
        }
    }
}

#[derive(Clone)]
pub struct CachingStemmerFilter<T> {
    inner: T,
    cache: StemCache,
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
    cache: &'a mut StemCache,
}

impl<T: TokenStream> TokenStream for CachingStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if stem_is_word(&token.text) {
            return true;
        }
        let Some(key) = WordKey::new(&token.text) else {
            // Too long to remember (rare): stem every time.
            token.text = self.stemmer.stem(&token.text).into_owned();
            return true;
        };
        let stem = match self.cache.get(&key) {
            Some(stem) => stem,
            None => {
                let stemmed = self.stemmer.stem(&token.text).into_owned();
                match self.cache.insert(key, &token.text, stemmed) {
                    Ok(stem) => stem,
                    Err(stemmed) => {
                        token.text = stemmed;
                        return true;
                    }
                }
            }
        };
        match stem {
            // Still the same word's bytes, so the cut falls on a character boundary.
            Stem::Prefix(len) => token.text.truncate(len as usize),
            Stem::Other(i) => {
                token.text.clear();
                token.text.push_str(self.cache.other(i));
            }
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

/// Whether English Snowball certainly leaves `word` as it is, decided from its length and
/// last letter alone: a third of the tokens of wire copy, which then skip the cache lookup.
///
/// Snowball English leaves words of one or two characters alone, and every rule it has
/// (suffixes such as -s, -ed, -ing, -ly, -ation, -ness, -ful, -ic, -ism, -ment, -ive, the
/// final -e and -l, the exception words) rewrites the end of a word that ends in one of
/// `s d g y l i r n m t c e` (or an apostrophe, which tokens do not contain). An ASCII word
/// ending in any other letter or a digit ("bank", "two", "1987") is its own stem.
fn stem_is_word(word: &str) -> bool {
    match word.as_bytes() {
        [] | [_] | [_, _] => true,
        [.., last] => matches!(
            last,
            b'a' | b'b'
                | b'f'
                | b'h'
                | b'j'
                | b'k'
                | b'o'
                | b'p'
                | b'q'
                | b'u'
                | b'v'
                | b'w'
                | b'x'
                | b'z'
                | b'0'..=b'9'
        ),
    }
}

/// Size of [`StemCache`]'s table of recent words (a power of two; 160 KB).
const RECENT_WORDS: usize = 4096;

/// Words up to this many bytes are remembered (nearly every word of wire copy).
const CACHED_WORD_BYTES: usize = 24;

/// A word of 1 to [`CACHED_WORD_BYTES`] bytes, zero-padded into three machine words: a
/// cache lookup hashes and compares it with a few integer operations instead of hashing
/// a `String` and calling `memcmp` (profiling showed the `FxHashMap<String, String>`
/// lookup, at ~50 ns a token, as an eighth of all indexing CPU).
#[derive(Clone, Copy, PartialEq, Eq, Default)]
struct WordKey {
    words: [u64; 3],
    len: u8,
}

impl WordKey {
    fn new(word: &str) -> Option<WordKey> {
        let bytes = word.as_bytes();
        if bytes.is_empty() || bytes.len() > CACHED_WORD_BYTES {
            return None;
        }
        let mut padded = [0u8; CACHED_WORD_BYTES];
        padded[..bytes.len()].copy_from_slice(bytes);
        let word = |i: usize| {
            let mut w = [0u8; 8];
            w.copy_from_slice(&padded[i * 8..i * 8 + 8]);
            u64::from_le_bytes(w)
        };
        Some(WordKey {
            words: [word(0), word(1), word(2)],
            len: bytes.len() as u8,
        })
    }

    fn hash(&self) -> u64 {
        // rustc-hash's multiplier and rotation.
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        let [a, b, c] = self.words;
        let h = (a.wrapping_mul(K).rotate_left(26) ^ b).wrapping_mul(K);
        let h = (h.rotate_left(26) ^ c ^ u64::from(self.len)).wrapping_mul(K);
        h ^ (h >> 29)
    }
}

/// How a remembered word stems.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stem {
    /// The stem is the word's first `n` bytes (most stems: "rates" -> "rate"), so the
    /// token is cut short in place.
    Prefix(u32),
    /// Any other stem ("rallies" -> "ralli"): index into [`StemCache::others`].
    Other(u32),
}

/// Word -> stem, open addressing with linear probing over inline keys. Grows by doubling
/// at half load, up to [`MAX_CACHED_WORDS`] words.
///
/// In front of it, a small direct-mapped table of the words seen last: the main table of
/// a large run (tens of thousands of words, megabytes) misses the CPU cache on nearly every
/// lookup, while a few thousand common words make up most of the tokens of wire copy.
///
/// The main table starts small on the first insert and `recent` only comes once the main
/// table outgrows the CPU cache: a search process registers and clones the analyzer and
/// stems a word or two of its query through it.
#[derive(Clone, Default)]
struct StemCache {
    /// Empty, or [`RECENT_WORDS`] entries once `slots` has more than [`RECENT_FROM`].
    recent: Vec<(WordKey, Stem)>,
    /// Empty, or a power of two entries, at most half full.
    slots: Vec<(WordKey, Stem)>,
    /// Stems that are not a prefix of their word.
    others: Vec<String>,
    len: usize,
}

/// An empty entry (no key has length 0).
const EMPTY: (WordKey, Stem) = (
    WordKey {
        words: [0; 3],
        len: 0,
    },
    Stem::Prefix(0),
);

/// Entries of [`StemCache::slots`] when first allocated.
const FIRST_SLOTS: usize = 64;

/// Size of `slots` (160 KB) beyond which lookups go through `recent` first.
const RECENT_FROM: usize = 1 << 12;

impl StemCache {
    fn slot(&self, key: &WordKey) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = key.hash() as usize & mask;
        // An empty slot has len 0, which no key has; the table is never more than half
        // full, so this ends.
        while self.slots[i].0.len != 0 && self.slots[i].0 != *key {
            i = (i + 1) & mask;
        }
        i
    }

    /// Where `key` goes in `recent`: the hash's top bits (the main table uses its low ones).
    fn recent_slot(key: &WordKey) -> usize {
        (key.hash() >> (64 - RECENT_WORDS.trailing_zeros())) as usize
    }

    fn get(&mut self, key: &WordKey) -> Option<Stem> {
        if self.slots.is_empty() {
            return None;
        }
        let r = Self::recent_slot(key);
        if let Some(&(k, stem)) = self.recent.get(r) {
            if k == *key {
                return Some(stem);
            }
        }
        let (k, stem) = self.slots[self.slot(key)];
        if k.len == 0 {
            return None;
        }
        if let Some(entry) = self.recent.get_mut(r) {
            *entry = (k, stem);
        }
        Some(stem)
    }

    fn other(&self, i: u32) -> &str {
        &self.others[i as usize]
    }

    /// Remember that `word` (whose key is `key`) stems to `stemmed`. Gives `stemmed` back
    /// when the cache is full.
    fn insert(&mut self, key: WordKey, word: &str, stemmed: String) -> Result<Stem, String> {
        if self.len >= MAX_CACHED_WORDS {
            return Err(stemmed);
        }
        let stem = if word.starts_with(stemmed.as_str()) {
            Stem::Prefix(stemmed.len() as u32)
        } else {
            self.others.push(stemmed);
            Stem::Other(self.others.len() as u32 - 1)
        };
        if self.slots.is_empty() {
            self.slots = vec![EMPTY; FIRST_SLOTS];
        } else if 2 * (self.len + 1) > self.slots.len() {
            self.grow();
        }
        let i = self.slot(&key);
        self.slots[i] = (key, stem);
        if let Some(entry) = self.recent.get_mut(Self::recent_slot(&key)) {
            *entry = (key, stem);
        }
        self.len += 1;
        Ok(stem)
    }

    fn grow(&mut self) {
        let doubled = vec![EMPTY; self.slots.len() * 2];
        if doubled.len() > RECENT_FROM && self.recent.is_empty() {
            self.recent = vec![EMPTY; RECENT_WORDS];
        }
        let old = std::mem::replace(&mut self.slots, doubled);
        for (key, stem) in old {
            if key.len != 0 {
                let i = self.slot(&key);
                self.slots[i] = (key, stem);
            }
        }
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

    /// A reproducible pseudo-random stream (xorshift64) for the randomised tests.
    fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
        move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        }
    }

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
        let mut next = xorshift(0x9E37_79B9_7F4A_7C15);
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

    /// The cache gives the stemmer's answer for thousands of distinct words (the table
    /// grows several times), for words it cannot hold (over 24 bytes, non-ASCII) and for
    /// stems that are not a prefix of their word, on first sight and when remembered.
    #[test]
    fn stem_cache_agrees_with_the_stemmer() {
        let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        const ENDINGS: &[&str] = &["", "s", "ies", "ed", "ing", "ly", "ation", "ness", "y"];
        let mut words: Vec<String> = (0..20_000)
            .map(|_| {
                let len = 1 + (next() % 12) as usize;
                let mut w: String = (0..len)
                    .map(|_| (b'a' + (next() % 26) as u8) as char)
                    .collect();
                w.push_str(ENDINGS[(next() % ENDINGS.len() as u64) as usize]);
                w
            })
            .collect();
        words.extend(
            [
                "rallies",
                "skies",
                "dying",
                "idly",
                "abcdefghijklmnopqrstuvwxyz",
                "ünïcödé",
            ]
            .map(String::from),
        );
        let text = words.join(" ");
        let mut ours = TextAnalyzer::builder(WireTokenizer::default())
            .filter(CachingStemmer)
            .build();
        let mut folder = TextAnalyzer::builder(WireTokenizer::default()).build();
        let expected: Vec<String> = tokens(&mut folder, &text)
            .iter()
            .map(|w| stemmer.stem(w).into_owned())
            .collect();
        assert!(expected.contains(&"ralli".to_string()));
        assert_eq!(tokens(&mut ours, &text), expected);
        assert_eq!(tokens(&mut ours, &text), expected, "from the cache");
    }

    /// A search registers and clones the analyzer but never stems through it: an unused
    /// cache must cost nothing (eager tables once added ~1 ms to every search process).
    #[test]
    fn an_unused_stem_cache_allocates_nothing() {
        let cache = StemCache::default();
        assert_eq!(cache.slots.capacity() + cache.recent.capacity(), 0);
        let mut cache = cache.clone();
        assert_eq!(cache.get(&WordKey::new("rates").expect("short word")), None);
        assert_eq!(cache.slots.capacity(), 0);
    }

    /// `stem_is_word` never claims a word the stemmer would change: every length from one
    /// to twelve letters, every last letter, random bodies, Snowball's exception words.
    #[test]
    fn words_judged_unchanged_are_unchanged() {
        let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
        let mut next = xorshift(0x2545_f491_4f6c_dd1d);
        let mut judged = 0;
        for len in 1..=12 {
            for last in (b'a'..=b'z').chain(b'0'..=b'9') {
                for _ in 0..400 {
                    let mut w: Vec<u8> = (1..len).map(|_| b'a' + (next() % 26) as u8).collect();
                    w.push(last);
                    let w = String::from_utf8(w).expect("ASCII");
                    if stem_is_word(&w) {
                        judged += 1;
                        assert_eq!(stemmer.stem(&w), w.as_str(), "{w}");
                    }
                }
            }
        }
        assert!(judged > 50_000, "{judged}");
        for w in [
            "ab", "is", "as", "us", "sky", "news", "ugly", "howe", "bias", "bank", "1987",
        ] {
            if stem_is_word(w) {
                assert_eq!(stemmer.stem(w), w);
            }
        }
        assert!(!stem_is_word("its") && !stem_is_word("rallies") && !stem_is_word("über"));
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
