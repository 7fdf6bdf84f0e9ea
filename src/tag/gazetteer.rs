//! The gazetteer: every country name, alias, demonym, place and person alias of the
//! authorities compiled into ONE trie, walked from each word start of an article's folded
//! text that can open an entry. Answers "which vocabulary entries occur where?".
//!
//! Patterns are folded (see `fold`) and start with a space, and the folded text starts with
//! a space and has every non-word byte turned into one, so a match can only begin at a word
//! start; the end boundary and capitalisation are checked on the original bytes.

use std::collections::HashMap;

use super::authorities::{Authorities, CountryId, PersonId, PlaceId};
use super::fold::{ascii_variants, fold_str};

/// What a vocabulary entry points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A country by name or alias, or by demonym ("Qatari").
    Country {
        id: CountryId,
        demonym: bool,
        /// From this year on the name reads as this country only when the story supports
        /// it over another of the same name (`Country::secondary`).
        secondary_from: Option<i32>,
    },
    Place(PlaceId),
    /// A person by full name (`short == false`) or by a standalone short form ("Putin").
    Person {
        id: PersonId,
        short: bool,
    },
}

/// One spelling of an entry: the target and the alias as written, whose capitals must be
/// capitals in the text ("Turkey" is not "turkey"; "US" is not "us").
#[derive(Debug, Clone)]
pub struct Variant {
    pub target: Target,
    pub written: Box<[u8]>,
}

/// A vocabulary match in the article text (byte offsets into the original text).
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub start: u32,
    pub end: u32,
    pub pattern: u32,
    /// Bit i set: variant i of the pattern passed the capitalisation check.
    pub ok: u16,
}

pub struct Gazetteer {
    scanner: Trie,
    pub variants: Vec<Vec<Variant>>,
    /// `may_start[b]`: some entry can begin with the text byte `b` and pass the
    /// capitalisation check. Most do not begin with a small letter, so the automaton
    /// runs only from the word starts that can begin one (a fifth of the words of wire
    /// copy), not over every byte.
    may_start: [bool; 256],
    /// The first five folded bytes of every pattern (all of the shorter ones): a word
    /// start whose bytes are not in it opens no entry, and most capitalised words do not,
    /// so the automaton (whose states are cache misses) runs from few of them.
    openings: Openings,
}

/// Maximum variants per pattern whose capitalisation is checked (bits of `Hit::ok`).
const MAX_VARIANTS: usize = 16;

impl Gazetteer {
    pub fn build(a: &Authorities) -> Gazetteer {
        let mut index: HashMap<Vec<u8>, usize, rustc_hash::FxBuildHasher> = HashMap::default();
        let mut patterns: Vec<Vec<u8>> = Vec::new();
        let mut variants: Vec<Vec<Variant>> = Vec::new();
        let mut add = |name: &str, target: Target| {
            for spelled in ascii_variants(name) {
                let mut p = Vec::with_capacity(spelled.len() + 1);
                p.push(b' ');
                p.extend(fold_str(&spelled));
                if p.len() < 3 || p[1..].iter().all(|&b| b == b' ') {
                    continue;
                }
                let slot = *index.entry(p.clone()).or_insert_with(|| {
                    patterns.push(p);
                    variants.push(Vec::new());
                    variants.len() - 1
                });
                let vs = &mut variants[slot];
                let written: Box<[u8]> = spelled.as_bytes().into();
                if vs.len() < MAX_VARIANTS
                    && !vs
                        .iter()
                        .any(|v| v.target == target && v.written == written)
                {
                    vs.push(Variant { target, written });
                }
            }
        };
        for (i, c) in a.countries.iter().enumerate() {
            let id = i as CountryId;
            let country = |demonym, name| Target::Country {
                id,
                demonym,
                secondary_from: c.secondary_from(name),
            };
            add(c.name, country(false, c.name));
            for al in &c.aliases {
                add(al, country(false, al));
            }
            for d in &c.demonyms {
                add(d, country(true, d));
                // Plural nationals: Americans, Israelis, Greeks, Icelanders (Chinese, Swiss,
                // Dutch, British take none).
                if !["s", "sh", "ch", "ese", "x", "z"]
                    .iter()
                    .any(|e| d.ends_with(e))
                {
                    add(&format!("{d}s"), country(true, d));
                }
            }
        }
        for (i, p) in a.places.iter().enumerate() {
            let t = Target::Place(i as PlaceId);
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                // A one-word dateline-only town ("Union", "Mobile") is never counted in text
                // and hides no shorter name: leave it out of the automaton. Multi-word ones
                // stay, so that "New London" is not London.
                if p.dateline_only && !n.contains(' ') {
                    continue;
                }
                add(n, t);
            }
        }
        for (i, p) in a.people.iter().enumerate() {
            let id = i as PersonId;
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                add(n, Target::Person { id, short: false });
                // "son of" is spelt "bin" and "ibn" alike ("Abdullah Ibn Abdulaziz").
                for (from, to) in [(" bin ", " ibn "), (" ibn ", " bin ")] {
                    if n.contains(from) {
                        add(&n.replace(from, to), Target::Person { id, short: false });
                    }
                }
            }
            for s in &p.short {
                add(s, Target::Person { id, short: true });
            }
        }
        let mut may_start = [false; 256];
        for v in variants.iter().flatten() {
            if let Some(&b) = v.written.first() {
                // A capital must be a capital in the text; anything else matches itself,
                // and a small letter its capital too. (A non-ASCII letter's lead byte is
                // the same in both cases.)
                may_start[usize::from(b)] = true;
                if b.is_ascii_lowercase() {
                    may_start[usize::from(b.to_ascii_uppercase())] = true;
                }
            }
        }
        let scanner = Trie::build(&patterns);
        let mut openings = Openings::default();
        for p in &patterns {
            openings.insert(p);
        }
        Gazetteer {
            scanner,
            variants,
            may_start,
            openings,
        }
    }

    /// Finds the entries in `text`, given `folded` (" " + folded `text`), and appends those
    /// that end at a word boundary and whose capitals match some variant.
    ///
    /// The leftmost-longest matches of the folded patterns, scanning left to right: at each
    /// word start that can begin an entry, the longest pattern starting there (anchored at
    /// the space before the word); a match, checked or not, hides the words it covers.
    // Kept out of the caller: inlined into `Tagger::analyze`, the scan loses its registers.
    #[inline(never)]
    pub fn find(&self, text: &[u8], folded: &[u8], out: &mut Vec<Hit>) {
        let scanner = &self.scanner;
        // folded[k + 1] corresponds to text[k]: a word starts at text[k] when folded[k] is
        // the space before it.
        let n = text.len().min(folded.len());
        let mut next = 0;
        for base in (0..n).step_by(64) {
            let mut spaces = space_mask(&folded[base..n]);
            while spaces != 0 {
                let k = base + spaces.trailing_zeros() as usize;
                spaces &= spaces - 1;
                if k < next
                    || !self.may_start[usize::from(text[k])]
                    || !self.openings.may_open(&folded[k..])
                {
                    continue;
                }
                if let Some(m_end) = self.hit_at(scanner, text, folded, k, out) {
                    next = m_end;
                }
            }
        }
    }

    /// The longest pattern at the word start `text[k]`, appended to `out` if it ends a word
    /// and its capitals match some variant; its end offset in `folded` if there is one.
    #[inline]
    fn hit_at(
        &self,
        scanner: &Trie,
        text: &[u8],
        folded: &[u8],
        k: usize,
        out: &mut Vec<Hit>,
    ) -> Option<usize> {
        let (pattern, m_end) = scanner.longest_at(folded, k)?;
        let found = Some(m_end);
        let Some(vs) = self.variants.get(pattern) else {
            return found;
        };
        // All variants of a pattern share its folded length.
        let Some(len) = vs.first().map(|v| v.written.len()) else {
            return found;
        };
        // The pattern's leading space is folded[k], so the entry is text[k..m_end - 1].
        let end = m_end - 1;
        let start = end - len;
        if !ends_word(text, end) {
            return found;
        }
        let Some(span) = text.get(start..end) else {
            return found;
        };
        let mut ok = 0u16;
        for (i, v) in vs.iter().enumerate() {
            if capitals_match(&v.written, span) {
                ok |= 1 << i;
            }
        }
        if ok == 0 {
            // Capitals that match no spelling: not this entry, and it hides none of the
            // words it spans ("private bank Julius Baer" is no "Bank Julius Baer", and still
            // "Julius Baer").
            return None;
        }
        out.push(Hit {
            start: start as u32,
            end: end as u32,
            pattern: pattern as u32,
            ok,
        });
        found
    }

    /// Whether the vocabulary is there (the embedded data parsed into entries).
    pub fn is_ready(&self) -> bool {
        !self.variants.is_empty()
    }

    /// The variants of a hit that passed the capitalisation check.
    pub fn hit_variants<'a>(&'a self, h: &Hit) -> impl Iterator<Item = &'a Variant> + 'a {
        let ok = h.ok;
        self.variants[h.pattern as usize]
            .iter()
            .enumerate()
            .filter(move |(i, _)| ok & (1 << i) != 0)
            .map(|(_, v)| v)
    }
}

/// A set of pattern openings, hashed into a bit set of 2^17 bits (16 KB): a pattern opens
/// with its first five bytes (the space and four letters), or all of a pattern that short;
/// a text position opens a pattern only if its five bytes, or its first four or three for
/// the short patterns, are in the set (no false negatives; a false positive costs one walk
/// of the automaton). Five bytes rather than four: with thousands of names in the
/// vocabulary most three-letter openings of words start some name ("Mar", "Gen"), and
/// each of those walked the automaton.
struct Openings {
    bits: Box<[u64]>,
    /// Whether any pattern is shorter than five bytes (then the shorter keys are asked).
    short: [bool; 2],
}

impl Default for Openings {
    fn default() -> Self {
        Openings {
            bits: vec![0; (1 << 17) / 64].into_boxed_slice(),
            short: [false; 2],
        }
    }
}

impl Openings {
    /// The key of up to five bytes; shorter keys keep zero top bytes, which no longer key
    /// has (folded text holds no zero byte).
    fn key(bytes: &[u8]) -> u64 {
        let mut k = [0u8; 8];
        let n = bytes.len().min(5);
        k[..n].copy_from_slice(&bytes[..n]);
        u64::from_le_bytes(k)
    }

    fn bit(key: u64) -> (usize, u64) {
        let h = key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 47;
        ((h >> 6) as usize, 1 << (h & 63))
    }

    fn insert(&mut self, pattern: &[u8]) {
        let n = pattern.len().min(5);
        if n < 5 {
            // Patterns are at least three bytes long (a space and two letters).
            if let Some(s) = self.short.get_mut(n.saturating_sub(3)) {
                *s = true;
            }
        }
        let (i, b) = Self::bit(Self::key(&pattern[..n]));
        self.bits[i] |= b;
    }

    fn contains(&self, key: u64) -> bool {
        let (i, b) = Self::bit(key);
        self.bits[i] & b != 0
    }

    /// Whether a pattern may start at `hay[0]`.
    #[inline]
    fn may_open(&self, hay: &[u8]) -> bool {
        match hay.first_chunk::<5>() {
            Some(five) => {
                let key = Self::key(five);
                self.contains(key)
                    || (self.short[1] && self.contains(key & 0xFFFF_FFFF))
                    || (self.short[0] && self.contains(key & 0x00FF_FFFF))
            }
            // Too near the end for a five-byte key: let the automaton decide.
            None => true,
        }
    }
}

/// The folded patterns as a trie, flattened into one array in depth-first order. A node is
/// a header word (`K_MASK`: its number of edges k; `HAS_PATTERN`; for one edge, its label
/// in bits 16..24), the index of the pattern it ends if it ends one, then for two or more
/// edges their labels (four to a word, zero-padded) and their children's offsets. A node
/// with one edge has its child right after it: the tail of a long name is a run of one
/// word per letter. The nodes after the leading space and one more byte are also in a
/// table by that byte.
///
/// The walks run anchored from word starts only, so this is all of an automaton they need:
/// an Aho-Corasick automaton (used before) also computes failure transitions, which an
/// anchored walk never takes and which were most of its build time (69M instructions of
/// the tagger's one-time 143M, on the indexing run's critical start). Built from the sorted
/// patterns in one pass.
struct Trie {
    repr: Vec<u32>,
    /// The node after " " and byte `b` (every pattern opens with a space), or 0: the node
    /// of the space has an edge for every letter a name can begin with, which a walk would
    /// otherwise search.
    first: Box<[u32; 256]>,
}

const K_MASK: u32 = 0x1FF;
const HAS_PATTERN: u32 = 1 << 9;

impl Trie {
    /// The trie of `patterns` (distinct; a node's pattern is its index in `patterns`).
    fn build(patterns: &[Vec<u8>]) -> Trie {
        let mut order: Vec<u32> = (0..patterns.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| patterns[a as usize].cmp(&patterns[b as usize]));
        let mut repr = Vec::with_capacity(patterns.iter().map(Vec::len).sum::<usize>());
        Self::node(patterns, &order, 0, &mut repr);
        let mut first = Box::new([0u32; 256]);
        let mut trie = Trie {
            repr,
            first: Box::new([0; 256]),
        };
        if let Some(space) = trie.child(0, b' ') {
            for (b, slot) in first.iter_mut().enumerate() {
                *slot = trie.child(space, b as u8).unwrap_or(0) as u32;
            }
        }
        trie.first = first;
        trie
    }

    /// Appends the node for the patterns of `order` (sorted, all sharing their first `depth`
    /// bytes) and its subtree; returns its offset.
    fn node(patterns: &[Vec<u8>], order: &[u32], depth: usize, repr: &mut Vec<u32>) -> u32 {
        let at = repr.len();
        let byte = |i: u32| patterns[i as usize].get(depth).copied();
        // Sorted: the pattern that ends here, if any, comes first.
        let (pattern, rest) = match order.split_first() {
            Some((&first, rest)) if byte(first).is_none() => (Some(first), rest),
            _ => (None, order),
        };
        repr.push(0);
        if let Some(p) = pattern {
            repr.push(p);
        }
        // The distinct next bytes, in order, packed into label words: one edge each.
        let labels = repr.len();
        let mut k = 0;
        let mut prev = None;
        for b in rest.iter().map(|&i| byte(i)) {
            if b != prev {
                if k % 4 == 0 {
                    repr.push(0);
                }
                repr[labels + k / 4] |= u32::from(b.unwrap_or(0)) << (8 * (k % 4));
                k += 1;
                prev = b;
            }
        }
        let mut header = k as u32 | if pattern.is_some() { HAS_PATTERN } else { 0 };
        if k == 1 {
            // The label goes into the header, and the child follows.
            header |= repr[labels] << 16;
            repr.truncate(labels);
            Self::node(patterns, rest, depth + 1, repr);
        } else {
            let children = repr.len();
            repr.resize(children + k, 0);
            let mut from = 0;
            for j in 0..k {
                let b = byte(rest[from]);
                let len = rest[from..].iter().take_while(|&&i| byte(i) == b).count();
                let child = Self::node(patterns, &rest[from..from + len], depth + 1, repr);
                repr[children + j] = child;
                from += len;
            }
        }
        repr[at] = header;
        at as u32
    }

    /// The child by byte `b` of the node at `o`, whose header is `header`.
    #[inline]
    fn child_of(&self, o: usize, header: u32, b: u8) -> Option<usize> {
        let k = (header & K_MASK) as usize;
        let body = o + 1 + usize::from(header & HAS_PATTERN != 0);
        if k == 1 {
            // Most nodes: one letter of a name's tail.
            return (header >> 16 == u32::from(b)).then_some(body);
        }
        let labels = self.repr.get(body..body + k.div_ceil(4))?;
        let j = find_label(labels, b).filter(|&j| j < k)?;
        self.repr.get(body + labels.len() + j).map(|&c| c as usize)
    }

    /// The child of the node at `o` by byte `b`.
    fn child(&self, o: usize, b: u8) -> Option<usize> {
        self.child_of(o, *self.repr.get(o)?, b)
    }

    /// The longest pattern that starts at `hay[at]`: its index and end offset.
    #[inline]
    fn longest_at(&self, hay: &[u8], at: usize) -> Option<(usize, usize)> {
        let [b' ', second, rest @ ..] = hay.get(at..)? else {
            return None;
        };
        let mut o = self.first[usize::from(*second)] as usize;
        if o == 0 {
            return None;
        }
        let mut found = None;
        // `o` is the node after the space and `i + 1` more bytes.
        let mut i = 0;
        while let Some(&header) = self.repr.get(o) {
            if header & HAS_PATTERN != 0 {
                found = self.repr.get(o + 1).map(|&p| (p as usize, at + i + 2));
            }
            let Some(&b) = rest.get(i) else { break };
            let Some(c) = self.child_of(o, header, b) else {
                break;
            };
            o = c;
            i += 1;
        }
        found
    }
}

/// The index of byte `b` among the labels packed four to a word, if there.
#[inline]
fn find_label(words: &[u32], b: u8) -> Option<usize> {
    const ONES: u32 = 0x0101_0101;
    const HIGH: u32 = 0x8080_8080;
    let needle = ONES * u32::from(b);
    for (w, &x) in words.iter().enumerate() {
        // The exact zero-byte test: a byte of `y` is zero exactly where `x` holds `b`.
        let y = x ^ needle;
        let zero = !(((y & !HIGH) + !HIGH) | y | !HIGH);
        if zero != 0 {
            return Some(w * 4 + (zero.trailing_zeros() / 8) as usize);
        }
    }
    None
}

/// Bit j set: `bytes[j]` is a space, for the first 64 bytes.
#[inline]
fn space_mask(bytes: &[u8]) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const SPACES: u64 = 0x2020_2020_2020_2020;
    // Past the end, zero bytes: no spaces. A byte of `x ^ SPACES` is zero exactly at a
    // space, and the exact zero-byte test of "Bit Twiddling Hacks" flags those.
    super::text::block_mask(bytes, 0, |x| {
        let x = x ^ SPACES;
        !(((x & LOW7) + LOW7) | x | LOW7)
    })
}

/// True if a word cannot continue at `text[end]`.
fn ends_word(text: &[u8], end: usize) -> bool {
    match text.get(end) {
        None => true,
        Some(b) if b.is_ascii_alphanumeric() => false,
        Some(&b) if b < 0x80 => true,
        // U+2000..U+206F general punctuation (curly quotes, dashes) and U+00A0 end a word.
        Some(0xE2) => text.get(end + 1) == Some(&0x80),
        Some(0xC2) => text.get(end + 1) == Some(&0xA0),
        Some(_) => false,
    }
}

/// Every ASCII capital of the alias as written must be a capital in the text, except the
/// capital of a name particle inside a name ("Sheikh Tamim bin Hamad Al Thani" is also
/// written "al-Thani").
#[inline]
fn capitals_match(written: &[u8], span: &[u8]) -> bool {
    if written.len() != span.len() {
        return false;
    }
    let mut word_start = 0;
    for (i, (w, t)) in written.iter().zip(span).enumerate() {
        if matches!(w, b' ' | b'-') {
            word_start = i + 1;
            continue;
        }
        if w.is_ascii_uppercase()
            && !t.is_ascii_uppercase()
            && !(i == word_start && i > 0 && is_particle(&written[i..]))
        {
            return false;
        }
    }
    true
}

/// Whether `rest` opens with a name particle inside a name, whose capital copy writes either
/// way ("Al Thani" / "al-Thani", "Van der Veer" / "van der Veer", "Bin Salman").
fn is_particle(rest: &[u8]) -> bool {
    let word = rest
        .split(|&b| matches!(b, b' ' | b'-'))
        .next()
        .unwrap_or(rest);
    const PARTICLES: [&[u8]; 18] = [
        b"al", b"el", b"bin", b"ibn", b"abu", b"van", b"von", b"der", b"den", b"de", b"da", b"di",
        b"du", b"le", b"la", b"dos", b"das", b"del",
    ];
    // Followed by more of the name: a name's last word is no particle.
    word.len() < rest.len() && PARTICLES.iter().any(|p| word.eq_ignore_ascii_case(p))
}

#[cfg(test)]
mod tests {
    use super::super::authorities::Authorities;
    use super::super::fold::fold_into;
    use super::{space_mask, Gazetteer, Trie};

    #[test]
    fn every_entry_passes_the_opening_filter_and_is_found() {
        let g = Gazetteer::build(Authorities::get());
        let mut missed = Vec::new();
        for v in g.variants.iter().flatten() {
            let Ok(written) = std::str::from_utf8(&v.written) else {
                continue;
            };
            // The entry alone, then followed by more text: the filter must pass both.
            for text in [written.to_string(), format!("{written} said")] {
                let mut folded = vec![b' '];
                fold_into(&text, &mut folded);
                let mut hits = Vec::new();
                g.find(text.as_bytes(), &folded, &mut hits);
                let whole = hits
                    .iter()
                    .any(|h| h.start == 0 && h.end as usize == written.len());
                if !g.openings.may_open(&folded) || !whole {
                    missed.push(text);
                }
            }
        }
        assert!(missed.is_empty(), "not found: {missed:?}");
    }

    #[test]
    fn trie_finds_the_longest_pattern_at_a_word_start() {
        // Random patterns over a small alphabet (long shared prefixes, nodes with one edge and
        // with more than four), each walk checked against a scan of every pattern.
        let alphabet = b"abcdefghij";
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut patterns: Vec<Vec<u8>> = Vec::new();
        for _ in 0..400 {
            let len = 2 + next(7);
            let mut p = vec![b' '];
            p.extend((0..len).map(|_| alphabet[next(4 + len % 6)]));
            if !patterns.contains(&p) {
                patterns.push(p);
            }
        }
        let trie = Trie::build(&patterns);
        for _ in 0..3000 {
            let mut hay = vec![b' '];
            hay.extend((0..next(10)).map(|_| alphabet[next(alphabet.len())]));
            let want = patterns
                .iter()
                .enumerate()
                .filter(|(_, p)| hay.starts_with(p))
                .max_by_key(|(_, p)| p.len())
                .map(|(i, p)| (i, p.len()));
            assert_eq!(
                trie.longest_at(&hay, 0),
                want,
                "{:?}",
                String::from_utf8_lossy(&hay)
            );
        }
    }

    #[test]
    fn space_mask_marks_exactly_the_spaces() {
        // Bytes next to the space (0x1F, 0x21), its high-bit twin (0xA0) and zero are the
        // ones a word-at-a-time test gets wrong if it is not exact.
        let alphabet = [b' ', b'a', 0x1F, 0x21, 0xA0, 0x00, 0xFF, b'.'];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for len in 0..=80 {
            for _ in 0..50 {
                let bytes: Vec<u8> = (0..len)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        alphabet[(seed % alphabet.len() as u64) as usize]
                    })
                    .collect();
                let want = bytes
                    .iter()
                    .take(64)
                    .enumerate()
                    .fold(0u64, |m, (j, &b)| m | (u64::from(b == b' ') << j));
                assert_eq!(space_mask(&bytes), want, "{bytes:?}");
            }
        }
    }
}
