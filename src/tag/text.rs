//! One pass over an article's bytes that yields word tokens with what a name finder needs:
//! capitalisation, sentence starts, punctuation between words, possessives. Answers "where
//! are the capitalised word sequences, and what surrounds them?" without allocating per word.

/// A word of the original text (byte offsets), with what a name finder asks about it packed
/// into one byte: the tokenizer writes a token for every word of every article, and three
/// stores per token cost fewer instructions than seven.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tok {
    pub s: u32,
    pub e: u32,
    /// `T_*` bits.
    flags: u8,
}

/// Starts with a capital ("Putin", "Ö…") or is a particle-glued name ("al-Sharaa").
const T_CAP: u8 = 1;
/// Every letter is a capital and there are at least two ("OPEC", "U.S.").
const T_ALL_CAPS: u8 = 1 << 1;
/// First word of a sentence, paragraph or zone.
const T_SENT_START: u8 = 1 << 2;
/// Punctuation (or a paragraph break) separates it from the previous word.
const T_BREAK_BEFORE: u8 = 1 << 3;
/// Was followed by 's (the token excludes it): "Qatar's".
const T_POSSESSIVE: u8 = 1 << 4;

impl Tok {
    /// Starts with a capital ("Putin", "Ö…") or is a particle-glued name ("al-Sharaa").
    #[inline]
    pub fn cap(&self) -> bool {
        self.flags & T_CAP != 0
    }

    /// Every letter is a capital and there are at least two ("OPEC", "U.S.").
    #[inline]
    pub fn all_caps(&self) -> bool {
        self.flags & T_ALL_CAPS != 0
    }

    /// First word of a sentence, paragraph or zone.
    #[inline]
    pub fn sent_start(&self) -> bool {
        self.flags & T_SENT_START != 0
    }

    /// Punctuation (or a paragraph break) separates it from the previous word.
    #[inline]
    pub fn break_before(&self) -> bool {
        self.flags & T_BREAK_BEFORE != 0
    }

    /// Was followed by 's (the token excludes it): "Qatar's".
    #[inline]
    pub fn possessive(&self) -> bool {
        self.flags & T_POSSESSIVE != 0
    }
}

/// Abbreviations whose final period does not end a sentence ("Mr. Baker", "Gen. Motors"):
/// the list `is_abbreviation` spells out as a `match`.
#[cfg(test)]
const ABBREVIATIONS: &[&[u8]] = &[
    b"mr", b"mrs", b"ms", b"dr", b"st", b"gen", b"sen", b"rep", b"gov", b"lt", b"col", b"maj",
    b"capt", b"jr", b"sr", b"co", b"inc", b"corp", b"ltd", b"no", b"mt", b"ft", b"prof", b"rev",
    b"sgt", b"adm", b"vs", b"messrs",
];

/// What a byte does to the tokenizer, for the hot loop: one table lookup per byte.
const C_OTHER: u8 = 0; // punctuation that separates words: `,` `"` `(` `-` ...
const C_WORD: u8 = 1; // ASCII letter or digit, or a non-ASCII lead byte
const C_SPACE: u8 = 2; // space, tab, carriage return
const C_STOP: u8 = 3; // `.` `!` `?` `;` `:` end a sentence
const C_NEWLINE: u8 = 4;
const C_CONT: u8 = 5; // UTF-8 continuation byte (part of the character before)
const C_E2: u8 = 6; // lead byte of U+2000..U+2FFF: general punctuation or a letter-like symbol
const C_C2: u8 = 7; // lead byte of U+0080..U+00BF: no-break space or a Latin-1 symbol

static CLASS: [u8; 256] = {
    let mut t = [C_OTHER; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphanumeric() || b >= 0xC3 || b == 0xC0 || b == 0xC1 {
            C_WORD
        } else if b == b' ' || b == b'\t' || b == b'\r' {
            C_SPACE
        } else if matches!(b, b'.' | b'!' | b'?' | b';' | b':') {
            C_STOP
        } else if b == b'\n' {
            C_NEWLINE
        } else if b >= 0x80 && b < 0xC0 {
            C_CONT
        } else if b == 0xE2 {
            C_E2
        } else if b == 0xC2 {
            C_C2
        } else {
            C_OTHER
        };
        i += 1;
    }
    t[0xE2] = C_E2;
    t
};

/// Bytes that continue a word: ASCII letters and digits, non-ASCII bytes except the lead
/// byte of general punctuation (U+20xx).
static WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = b.is_ascii_alphanumeric() || (b >= 0x80 && b != 0xE2);
        i += 1;
    }
    t
};

#[inline]
fn is_word_byte(b: u8) -> bool {
    WORD[b as usize]
}

/// Whether a folded word is an abbreviation whose period does not end a sentence.
#[inline]
fn is_abbreviation(f: &[u8]) -> bool {
    // A `match` on the bytes compiles to a switch on the length and a few integer
    // comparisons, where `ABBREVIATIONS.contains` would compare with every entry in turn;
    // a test checks the two agree. Every sentence-ending period asks.
    matches!(
        f,
        b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"st"
            | b"gen"
            | b"sen"
            | b"rep"
            | b"gov"
            | b"lt"
            | b"col"
            | b"maj"
            | b"capt"
            | b"jr"
            | b"sr"
            | b"co"
            | b"inc"
            | b"corp"
            | b"ltd"
            | b"no"
            | b"mt"
            | b"ft"
            | b"prof"
            | b"rev"
            | b"sgt"
            | b"adm"
            | b"vs"
            | b"messrs"
    )
}

/// Bytes after a word that may change it: an inner hyphen, apostrophe or period (glued
/// words, "U.S.", possessives, initials, sentence ends). A word followed by anything else
/// is a plain word.
static MAY_EXTEND: [bool; 256] = {
    let mut t = [false; 256];
    t[b'-' as usize] = true;
    t[b'\'' as usize] = true;
    t[b'.' as usize] = true;
    t
};

/// Appends the tokens of `text` to `out`. Apostrophes are ASCII ones: the tagger straightens
/// curly ones ("Qatar’s") before it tokenizes.
#[inline(never)] // one call per article; inlined, its loop competes for the caller's registers
/// `folded` is `" "` + `text` folded; `mask` is a buffer for `word_mask`.
pub fn tokenize(text: &[u8], folded: &[u8], mask: &mut Vec<u64>, out: &mut Vec<Tok>) {
    let n = text.len();
    word_mask(folded.get(1..).unwrap_or_default(), mask);
    let mask: &[u64] = mask;
    out.reserve(n / 6);
    let mut i = 0;
    // What separates the next word from the previous one: `T_SENT_START` and
    // `T_BREAK_BEFORE` bits, as they go into its token.
    let mut before = T_SENT_START | T_BREAK_BEFORE;
    while i < n {
        match CLASS[text[i] as usize] {
            C_WORD => {}
            C_SPACE => {
                i += 1;
                continue;
            }
            C_STOP => {
                before = T_SENT_START | T_BREAK_BEFORE;
                i += 1;
                continue;
            }
            C_NEWLINE => {
                if matches!(text.get(i + 1), Some(b' ' | b'\t' | b'\n')) {
                    before = T_SENT_START | T_BREAK_BEFORE;
                }
                i += 1;
                continue;
            }
            // General punctuation (U+2000..U+206F: dashes, quotes) and the no-break space
            // separate words; other characters of these blocks (letter-like symbols, Latin-1
            // signs) are letter starts the word scanner may or may not take.
            C_E2 if text.get(i + 1) == Some(&0x80) => {
                before |= T_BREAK_BEFORE;
                i += 1;
                continue;
            }
            C_C2 if text.get(i + 1) == Some(&0xA0) => {
                before |= T_BREAK_BEFORE;
                i += 1;
                continue;
            }
            C_E2 | C_C2 => {
                i = word(text, folded, mask, i, &mut before, out);
                continue;
            }
            _ => {
                // Other punctuation, or a stray continuation byte.
                before |= T_BREAK_BEFORE;
                i += 1;
                continue;
            }
        }
        // Fast path for the plain word that most tokens are: it opens with a word byte and
        // ends at a byte that cannot extend it, so `word` would add no glue, initial,
        // possessive or abbreviation and would build exactly this token.
        loop {
            let s = i;
            let e = word_end(mask, s + 1);
            let next = text.get(e).copied();
            if next.is_some_and(|b| MAY_EXTEND[b as usize]) {
                i = word(text, folded, mask, s, &mut before, out);
                break;
            }
            // `capital_at`, with the byte already in hand (every word of every article).
            let first = text[s];
            let cap = first.is_ascii_uppercase()
                || (matches!(first, 0xC3..=0xC5) && non_ascii_capital_at(text, s));
            let mut flags = before;
            if cap {
                flags |= T_CAP;
                if is_acronym(&text[s..e]) {
                    flags |= T_ALL_CAPS;
                }
            }
            out.push(Tok {
                s: s as u32,
                e: e as u32,
                flags,
            });
            before = 0;
            i = e;
            // One space and another word: go on with it without the dispatch above (which
            // would only step over the space).
            if next == Some(b' ')
                && text
                    .get(e + 1)
                    .is_some_and(|&b| CLASS[b as usize] == C_WORD)
            {
                i = e + 1;
                continue;
            }
            break;
        }
    }
}

/// Which bytes of the text are word bytes (`is_word_byte`): bit `k % 64` of word `k / 64`.
/// Built once per article from the folded copy, eight bytes at a time, so that finding the
/// end of a word is a bit search instead of a byte loop; the tokenizer asks for every word.
///
/// On the folded copy the test is simple: folding turns every ASCII byte that is no letter
/// or digit into one below `0` (0x30) and every letter or digit into one at least `0`, and
/// keeps non-ASCII bytes at 0x80 and above, with 0xE2 (the lead byte of general
/// punctuation, no word byte) unchanged. So a byte is a word byte exactly when its folded
/// form is at least 0x30 and not 0xE2.
pub(crate) fn word_mask(folded_text: &[u8], mask: &mut Vec<u64>) {
    mask.clear();
    mask.reserve(folded_text.len() / 64 + 1);
    for base in (0..folded_text.len()).step_by(64) {
        // Spaces past the end: no word bytes, so a word's end is never searched beyond it.
        mask.push(block_mask(&folded_text[base..], b' ', word_bytes8));
    }
}

/// Bit j set where byte j of `bytes` (its first 64) is flagged by `flags`, which marks the
/// bytes of eight (little-endian in a `u64`) by their high bits; bytes past the end read as
/// `pad`. The frame of the per-article byte masks (word bytes here, spaces in the
/// gazetteer): eight bytes per machine word, about one instruction a byte.
#[inline(always)]
pub(crate) fn block_mask(bytes: &[u8], pad: u8, flags: impl Fn(u64) -> u64) -> u64 {
    let bits = |block: &[u8; 64]| {
        block.chunks_exact(8).enumerate().fold(0, |m, (j, c)| {
            let x = c.first_chunk::<8>().map_or(0, |c| u64::from_le_bytes(*c));
            // Gather the eight high bits into the top byte: bit 8k + 7 moves to bit 56 + k,
            // and no two partial products meet (standard multiply-gather of a byte mask).
            let high = flags(x) & 0x8080_8080_8080_8080;
            m | ((high >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * j)
        })
    };
    match bytes.first_chunk::<64>() {
        Some(block) => bits(block),
        None => {
            let mut block = [pad; 64];
            block[..bytes.len()].copy_from_slice(bytes);
            bits(&block)
        }
    }
}

/// The word bytes among eight folded bytes (`x`, little-endian), as high bits.
#[inline]
fn word_bytes8(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Per byte, (x & 0x7f) + 0x50 has its high bit set iff the low seven bits are >= 0x30,
    // with no carry into the next byte; or-ing `x` adds the bytes >= 0x80.
    let mut w = (((x & !HIGH) + (0x80 - u64::from(b'0')) * ONES) | x) & HIGH;
    if x & HIGH != 0 {
        // Clear the bytes equal to 0xE2: y's byte is zero exactly there.
        let y = x ^ (0xE2 * ONES);
        w &= ((y & !HIGH) + !HIGH) | y;
    }
    w
}

/// The end of the run of word bytes that starts at or before `i` and continues at `i`
/// (`mask` from `word_mask`).
#[inline]
fn word_end(mask: &[u64], i: usize) -> usize {
    let mut block = i / 64;
    // Bits past the end of the block shift in as zeros ("no stop"): then the stop lies in
    // a later block. A block past the end of the mask stops at once.
    let mut stop = !mask.get(block).copied().unwrap_or(0) >> (i % 64);
    let mut base = i;
    while stop == 0 {
        block += 1;
        base = block * 64;
        stop = !mask.get(block).copied().unwrap_or(0);
    }
    base + stop.trailing_zeros() as usize
}

/// Whether the character at `text[s]` is a capital letter: ASCII, Latin-1 ("Ö") or Latin
/// Extended-A, the block of Central European and Turkish letters ("Ł", "Š", "Ž", "İ":
/// Łukasz, Šefčovič, Željko, İmamoğlu), where capitals and small letters alternate.
#[inline]
pub(crate) fn capital_at(text: &[u8], s: usize) -> bool {
    match text.get(s) {
        Some(&first) if first < 0x80 => first.is_ascii_uppercase(),
        Some(_) => non_ascii_capital_at(text, s),
        None => false,
    }
}

/// [`capital_at`] for a non-ASCII character (rare: kept out of the tokenizer's loop).
#[inline(never)]
fn non_ascii_capital_at(text: &[u8], s: usize) -> bool {
    let Some(&first) = text.get(s) else {
        return false;
    };
    let Some(&next) = text.get(s + 1) else {
        return false;
    };
    match first {
        // U+00C0..U+00DE but the multiplication sign.
        0xC3 => (0x80..=0x9E).contains(&next) && next != 0x97,
        0xC4 | 0xC5 => {
            let cp = (u32::from(first & 0x1F) << 6) | u32::from(next & 0x3F);
            match cp {
                0x100..=0x137 | 0x14A..=0x177 => cp % 2 == 0,
                0x139..=0x148 | 0x179..=0x17E => cp % 2 == 1,
                0x178 => true,
                _ => false,
            }
        }
        _ => false,
    }
}

/// Every letter of a capitalised word is a capital and there are at least two ("OPEC").
#[inline]
fn is_acronym(word: &[u8]) -> bool {
    !word.iter().any(|b| b.is_ascii_lowercase())
        && word.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2
}

/// Reads the word that starts at `text[s]` (a word byte or a letter-like start) with all its
/// cases (glued words, initials, possessives, abbreviations), appends its token and returns
/// the offset to go on from.
fn word(
    text: &[u8],
    folded: &[u8],
    mask: &[u64],
    s: usize,
    before: &mut u8,
    out: &mut Vec<Tok>,
) -> usize {
    let n = text.len();
    let mut i = s;
    let mut seg_start = i;
    // Crossed an inner hyphen or apostrophe: the word may be "al-Sharaa" or "d'Estaing".
    let mut glued = false;
    loop {
        i = word_end(mask, i);
        // Continue over an inner hyphen or apostrophe ("al-Sharaa", "O'Kennedy") and over
        // the periods of "U.S" or "1.5".
        if i + 1 < n && matches!(text[i], b'-' | b'\'' | b'.') && is_word_byte(text[i + 1]) {
            if text[i] == b'\''
                && (text[i + 1] == b's' || text[i + 1] == b'S')
                && !text.get(i + 2).copied().is_some_and(is_word_byte)
            {
                break;
            }
            glued |= text[i] != b'.';
            i += 1;
            seg_start = i;
            continue;
        }
        break;
    }
    if i == s {
        // A letter start the word scanner does not take (a stray combining mark, a
        // symbol): step over the whole character and treat it as punctuation.
        i += 1;
        while i < n && (text[i] & 0xC0) == 0x80 {
            i += 1;
        }
        *before |= T_BREAK_BEFORE;
        return i;
    }
    // A single letter followed by a period is an initial ("J.", the last "S." of "U.S.").
    if i < n && text[i] == b'.' && i - seg_start == 1 && text[seg_start].is_ascii_alphabetic() {
        i += 1;
    }
    let mut e = i;
    let mut possessive = false;
    if i + 1 < n
        && text[i] == b'\''
        && (text[i + 1] | 0x20) == b's'
        && !text.get(i + 2).copied().is_some_and(is_word_byte)
    {
        possessive = true;
        i += 2;
    }
    while e > s && text[e - 1] == b'-' {
        e -= 1;
    }
    let word = &text[s..e];
    let Some(&first) = word.first() else {
        return i;
    };
    let cap = capital_at(text, s)
        || (glued && matches!(first, b'a' | b'e' | b'u' | b'd') && particle_glued(word));
    let mut flags = *before;
    if cap {
        flags |= T_CAP;
        // Only capitalised words can be acronyms; skip the count for the rest.
        if is_acronym(word) {
            flags |= T_ALL_CAPS;
        }
    }
    if possessive {
        flags |= T_POSSESSIVE;
    }
    out.push(Tok {
        s: s as u32,
        e: e as u32,
        flags,
    });
    *before = if possessive { T_BREAK_BEFORE } else { 0 };
    // A period right after a word: end of sentence unless the word is an abbreviation.
    if i < n && text[i] == b'.' && (word.len() == 1 || is_abbreviation(&folded[s + 1..e + 1])) {
        i += 1;
    }
    i
}

/// Arabic articles that open a name ("al-Sharaa", "el-Sisi", "ul-Haq"): the one list both
/// the tokenizer (glued with `-` in the text) and coreference (folded, followed by a
/// space) use.
pub(crate) const NAME_ARTICLES: &[&[u8]] = &[
    b"al", b"el", b"ad", b"as", b"ash", b"an", b"ar", b"at", b"az", b"ul",
];

/// The length of the article and its separator `sep` opening `word`, if it opens with one
/// and something follows.
pub(crate) fn article_prefix(word: &[u8], sep: u8) -> Option<usize> {
    NAME_ARTICLES.iter().find_map(|p| {
        let n = p.len() + 1;
        (word.len() > n && word.starts_with(p) && word[p.len()] == sep).then_some(n)
    })
}

/// "al-Sharaa", "el-Sisi", "d'Estaing": a lowercase article glued to a capitalised name.
fn particle_glued(word: &[u8]) -> bool {
    let n = if word.len() > 2 && word.starts_with(b"d'") {
        Some(2)
    } else {
        article_prefix(word, b'-')
    };
    n.is_some_and(|n| word[n].is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::fold::fold_into;

    #[test]
    fn capitals_of_latin_1_and_latin_extended_a() {
        // Every character up to U+017F, as Unicode cases it (the letters with no small
        // form, like "ĸ", are no capitals).
        for c in (0u32..=0x17F).filter_map(char::from_u32) {
            let text = format!("{c}x");
            let want = c.is_uppercase();
            assert_eq!(
                capital_at(text.as_bytes(), 0),
                want,
                "{c:?} U+{:04X}",
                c as u32
            );
        }
        assert!(!capital_at(b"", 0));
        assert!(!capital_at(&[0xC4], 0), "a lead byte alone");
    }

    fn toks(s: &str) -> Vec<(String, bool, bool, bool)> {
        let mut f = vec![b' '];
        fold_into(s, &mut f);
        let mut out = Vec::new();
        tokenize(s.as_bytes(), &f, &mut Vec::new(), &mut out);
        out.iter()
            .map(|t| {
                (
                    s[t.s as usize..t.e as usize].to_string(),
                    t.cap(),
                    t.sent_start(),
                    t.possessive(),
                )
            })
            .collect()
    }

    #[test]
    fn words_initials_possessives() {
        let t = toks("Qatar's Emir met U.S. envoy J. Smith. President al-Sharaa said");
        let words: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            words,
            [
                "Qatar",
                "Emir",
                "met",
                "U.S.",
                "envoy",
                "J.",
                "Smith",
                "President",
                "al-Sharaa",
                "said"
            ]
        );
        assert!(t[0].3, "possessive");
        assert!(t[7].2, "sentence start after Smith.");
        assert!(!t[6].2, "J. is an initial, not a sentence end");
        assert!(t[8].1, "al-Sharaa counts as capitalised");
    }

    #[test]
    fn word_end_matches_the_byte_table() {
        let text = "Zürich-based AT&T's 1987 don't x9-Z Qatar’s éé\u{2019}s abcdefghijklmnopqrstuvwxyz0123456789ABC;@[`{/:";
        check_word_end(text);
        check_word_end(&text.repeat(5));
        let mut every_byte = String::new();
        for c in (0u32..0x250)
            .chain(0x2000..0x2070)
            .filter_map(char::from_u32)
        {
            every_byte.push(c);
        }
        check_word_end(&every_byte);
    }

    /// `word_end` at every offset of `text` against the byte-by-byte definition.
    fn check_word_end(text: &str) {
        let mut f = vec![b' '];
        fold_into(text, &mut f);
        let mut mask = Vec::new();
        word_mask(&f[1..], &mut mask);
        let b = text.as_bytes();
        for i in 0..=b.len() {
            let slow = i + b[i..]
                .iter()
                .position(|&c| !is_word_byte(c))
                .unwrap_or(b.len() - i);
            assert_eq!(word_end(&mask, i), slow, "at {i} of {text:?}");
        }
    }

    /// Pseudo-random texts over an alphabet of ASCII, Latin-1 and punctuation characters.
    #[test]
    fn word_end_on_random_texts() {
        const ALPHABET: &[char] = &[
            'a', 'Z', 'q', '0', '9', ' ', '.', '\'', '-', '&', ',', '/', '@', '[', '`', '{', '\n',
            'é', 'Ö', '×', '\u{a0}', '’', '—', '€', '☃',
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..(seed % 150) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push(ALPHABET[(seed % ALPHABET.len() as u64) as usize]);
            }
            check_word_end(&text);
        }
    }

    #[test]
    fn is_abbreviation_matches_the_list() {
        for w in ABBREVIATIONS {
            assert!(is_abbreviation(w), "{w:?}");
            let mut longer = w.to_vec();
            longer.push(b's');
            assert_eq!(
                is_abbreviation(&longer),
                ABBREVIATIONS.contains(&&longer[..])
            );
            assert!(!is_abbreviation(&w[1..]) || ABBREVIATIONS.contains(&&w[1..]));
        }
        for w in [&b""[..], b"m", b"mr.", b"said", b"messrss", b"MR"] {
            assert!(!is_abbreviation(w), "{w:?}");
        }
    }

    #[test]
    fn mr_does_not_end_a_sentence() {
        let t = toks("said Mr. Baker");
        assert!(!t[2].2);
    }
}
