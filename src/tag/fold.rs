//! Case and accent folding: how text and vocabulary are made comparable.
//!
//! `fold_into` lowercases a text ONCE into a buffer of the same byte length, so a match found
//! in the folded copy points at the same bytes of the original (whose capitals then decide
//! "Turkey" vs "turkey"). `normalize_key` is the looser key used for lookups of what a user
//! types and for comparing names.

/// Appends the folded form of `text` to `out`, byte for byte: ASCII letters and digits are
/// lowercased, `.` `'` `&` kept (U.S., Cote d'Ivoire, AT&T), every other ASCII byte becomes a
/// space (so a hyphen folds like a space: Al-Thani = Al Thani), Latin-1 capitals (À-Þ) are
/// lowercased, other non-ASCII bytes are kept.
pub fn fold_into(text: &str, out: &mut Vec<u8>) {
    let bytes = text.as_bytes();
    let start = out.len();
    // One table lookup per byte (non-ASCII bytes map to themselves), then a fix-up of the
    // rare two-byte Latin-1 capitals, found with a vectorised search for their lead byte.
    out.extend(bytes.iter().map(|&b| fold_byte(b)));
    let dst = &mut out[start..];
    for i in memchr::memchr_iter(0xC3, bytes) {
        // U+00C0..U+00DE except U+00D7 (multiplication sign): capital Latin-1 letters.
        if let Some(n) = dst.get_mut(i + 1) {
            if (0x80..=0x9E).contains(n) && *n != 0x97 {
                *n += 0x20;
            }
        }
    }
}

/// `FOLD[b]` computed with comparisons instead of a table lookup: a few register operations
/// per byte instead of a load from memory, on a loop that runs over every byte of every
/// article (measured: fewer instructions than the table; a vectorised form was no cheaper
/// with the baseline x86-64 instruction set, which lacks unsigned byte comparisons).
#[inline(always)]
fn fold_byte(b: u8) -> u8 {
    // Written as masks rather than branches so that the vectorised loop needs few
    // operations: a byte that is kept is or-ed with 0x20 (which lowercases a letter and
    // leaves digits, `.`, `'` and `&` unchanged, as they have that bit set), a non-ASCII
    // byte is kept as it is, and any other byte becomes 0x20, a space.
    let non_ascii = b >= 0x80;
    let letter = in_range(b | 0x20, b'a', 26);
    let digit = in_range(b, b'0', 10);
    let punct = (b | 1) == b'\'' || b == b'.'; // `'` is 0x27, `&` 0x26
    let keep = if letter || digit || punct || non_ascii {
        0xFF
    } else {
        0
    };
    let space = if non_ascii { 0 } else { 0x20 };
    (b & keep) | space
}

/// `lo <= x < lo + n` as one signed comparison (`x - lo` shifted by 0x80 lands below
/// `n - 128` exactly then): the baseline x86-64 vector instructions compare bytes as signed
/// numbers only, so this form vectorises to an add and a compare.
#[inline(always)]
fn in_range(x: u8, lo: u8, n: u8) -> bool {
    (x.wrapping_sub(lo).wrapping_add(0x80) as i8) < (n.wrapping_add(0x80) as i8)
}

/// Byte folding as a table (the specification `fold_byte` is tested against): ASCII letters
/// and digits lowercased, `.` `'` `&` kept, other ASCII a space, non-ASCII bytes unchanged.
#[cfg(test)]
static FOLD: [u8; 256] = {
    let mut t = [b' '; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b >= 0x80 {
            b
        } else if b.is_ascii_alphanumeric() {
            b.to_ascii_lowercase()
        } else if b == b'.' || b == b'\'' || b == b'&' {
            b
        } else {
            b' '
        };
        i += 1;
    }
    t
};

/// The folded form of a vocabulary entry (what the automaton looks for).
pub fn fold_str(s: &str) -> Vec<u8> {
    let mut v = Vec::with_capacity(s.len());
    fold_into(s, &mut v);
    v
}

/// One Latin letter with diacritics -> its plain ASCII form and its German transliteration.
fn deaccent(c: char) -> Option<(&'static str, &'static str)> {
    Some(match c {
        'ä' => ("a", "ae"),
        'ö' => ("o", "oe"),
        'ü' => ("u", "ue"),
        'Ä' => ("A", "Ae"),
        'Ö' => ("O", "Oe"),
        'Ü' => ("U", "Ue"),
        'ß' => ("ss", "ss"),
        'à' | 'á' | 'â' | 'ã' | 'å' | 'ą' | 'ă' => ("a", "a"),
        'À' | 'Á' | 'Â' | 'Ã' | 'Å' => ("A", "A"),
        'ç' | 'č' | 'ć' => ("c", "c"),
        'Ç' | 'Č' | 'Ć' => ("C", "C"),
        'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' => ("e", "e"),
        'È' | 'É' | 'Ê' | 'Ë' => ("E", "E"),
        'ì' | 'í' | 'î' | 'ï' | 'ı' => ("i", "i"),
        'Ì' | 'Í' | 'Î' | 'Ï' | 'İ' => ("I", "I"),
        'ñ' | 'ń' => ("n", "n"),
        'Ñ' => ("N", "N"),
        'ò' | 'ó' | 'ô' | 'õ' | 'ø' | 'ő' => ("o", "o"),
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ø' => ("O", "O"),
        'ù' | 'ú' | 'û' | 'ű' | 'ů' => ("u", "u"),
        'Ù' | 'Ú' | 'Û' => ("U", "U"),
        'ý' | 'ÿ' => ("y", "y"),
        'Ý' => ("Y", "Y"),
        'š' | 'ş' | 'ș' | 'ś' => ("s", "s"),
        'Š' | 'Ş' | 'Ș' | 'Ś' => ("S", "S"),
        'ž' | 'ź' | 'ż' => ("z", "z"),
        'Ž' | 'Ź' | 'Ż' => ("Z", "Z"),
        'ğ' => ("g", "g"),
        'ł' => ("l", "l"),
        'Ł' => ("L", "L"),
        'ř' => ("r", "r"),
        'ț' | 'ţ' => ("t", "t"),
        'đ' => ("d", "d"),
        'Þ' => ("Th", "Th"),
        'þ' => ("th", "th"),
        'æ' => ("ae", "ae"),
        'Đ' => ("D", "D"),
        '\u{2019}' | '\u{2018}' => ("'", "'"),
        _ => return base_letter(c),
    })
}

/// The ASCII letter a Latin letter with diacritics is built on, by its canonical
/// decomposition: transliterations write "Herāt", "Hồ Chí Minh", "Ḩamāh" where the wire
/// writes "Herat", "Ho Chi Minh", "Hamah".
fn base_letter(c: char) -> Option<(&'static str, &'static str)> {
    const LETTERS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut base = None;
    unicode_normalization::char::decompose_canonical(c, |d| {
        base.get_or_insert(d);
    });
    let b = base.filter(|&b| b != c && b.is_ascii_alphabetic())?;
    let i = LETTERS.find(b)?;
    let s = LETTERS.get(i..i + 1)?;
    Some((s, s))
}

/// The spellings under which a name may appear in ASCII text: itself, accents stripped
/// (Pöhl -> Pohl) and German-transliterated (Pöhl -> Poehl). Deduplicated, original first.
pub fn ascii_variants(s: &str) -> Vec<String> {
    let mut out = vec![s.to_string()];
    if s.is_ascii() {
        return out;
    }
    let mut plain = String::with_capacity(s.len());
    let mut german = String::with_capacity(s.len());
    for c in s.chars() {
        match deaccent(c) {
            Some((p, g)) => {
                plain.push_str(p);
                german.push_str(g);
            }
            None => {
                plain.push(c);
                german.push(c);
            }
        }
    }
    for v in [plain, german] {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// The lookup keys (`normalize_key`) of a name's ASCII spellings (`ascii_variants`): its
/// own key, which accents do not change, and, for a non-ASCII name, that of its German
/// transliteration when it differs (Pöhl: "pohl", "poehl"). Without the copies
/// `ascii_variants` makes: the authority tables are keyed on every filtered search.
pub fn variant_keys(s: &str, mut key: impl FnMut(String)) {
    let own = normalize_key(s);
    if s.is_ascii() {
        key(own);
        return;
    }
    let mut german = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        match deaccent(c) {
            Some((_, g)) => german.push_str(g),
            None => german.push(c),
        }
    }
    let german = normalize_key(&german);
    let differs = german != own;
    key(own);
    if differs {
        key(german);
    }
}

/// Lookup key: accents stripped, lowercase, runs of anything but letters and digits -> one
/// space. "U.S." -> "u s", "West-Germany" -> "west germany", "Pöhl" -> "pohl".
pub fn normalize_key(s: &str) -> String {
    if s.is_ascii() {
        return normalize_ascii_key(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    };
    for c in s.chars() {
        match deaccent(c) {
            Some((p, _)) => p.chars().for_each(|pc| push(pc, &mut out)),
            None => push(c, &mut out),
        }
    }
    out
}

/// `normalize_key` of an ASCII string, byte by byte: no character has an accent to strip,
/// and lowercasing and the letter-or-digit test are their ASCII forms. Every dateline lookup
/// normalises a few keys, nearly always ASCII.
fn normalize_ascii_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(char::from(b.to_ascii_lowercase()));
        } else {
            space = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_keeps_length_and_offsets() {
        let s = "Qatar's Emir, Al-Thani; PÖHL é";
        let f = fold_str(s);
        assert_eq!(f.len(), s.len());
        assert_eq!(
            std::str::from_utf8(&f).ok(),
            Some("qatar's emir  al thani  pöhl é")
        );
    }

    #[test]
    fn fold_byte_matches_the_table() {
        for b in 0..=255u8 {
            assert_eq!(fold_byte(b), FOLD[b as usize], "byte {b:#x}");
        }
    }

    #[test]
    fn keys_and_variants() {
        assert_eq!(normalize_key("U.S."), "u s");
        assert_eq!(normalize_key("  West-Germany "), "west germany");
        assert_eq!(normalize_key("Pöhl"), "pohl");
        assert_eq!(
            normalize_key(" -- St. Louis, MO 63101!"),
            "st louis mo 63101"
        );
        assert_eq!(ascii_variants("Pöhl"), vec!["Pöhl", "Pohl", "Poehl"]);
        assert_eq!(ascii_variants("Kohl"), vec!["Kohl"]);
    }
}
