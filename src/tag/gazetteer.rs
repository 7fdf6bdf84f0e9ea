//! The gazetteer automaton: every country name, alias, demonym, place and person alias of the
//! authorities compiled into ONE Aho-Corasick automaton that runs once over an article's
//! folded text. Answers "which vocabulary entries occur where?".
//!
//! Patterns are folded (see `fold`) and start with a space, and the folded text starts with
//! a space and has every non-word byte turned into one, so a match can only begin at a word
//! start; the end boundary and capitalisation are checked on the original bytes.

use std::collections::HashMap;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

use super::authorities::{Authorities, CountryId, PersonId, PlaceId};
use super::fold::{ascii_variants, fold_str};

/// What a vocabulary entry points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A country by name or alias, or by demonym ("Qatari").
    Country {
        id: CountryId,
        demonym: bool,
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
    /// `None` only if the automaton could not be built (a bug, reported by a test).
    dfa: Option<Scanner>,
    pub variants: Vec<Vec<Variant>>,
}

/// Maximum variants per pattern whose capitalisation is checked (bits of `Hit::ok`).
const MAX_VARIANTS: usize = 16;

impl Gazetteer {
    pub fn build(a: &Authorities) -> Gazetteer {
        let mut index: HashMap<Vec<u8>, usize> = HashMap::new();
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
            add(&c.name, Target::Country { id, demonym: false });
            for al in &c.aliases {
                add(al, Target::Country { id, demonym: false });
            }
            for d in &c.demonyms {
                add(d, Target::Country { id, demonym: true });
                // Plural nationals: Americans, Israelis (Chinese, Swiss, Dutch take none).
                if d.ends_with('n') || d.ends_with('i') {
                    add(&format!("{d}s"), Target::Country { id, demonym: true });
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
            add(&p.name, Target::Person { id, short: false });
            for al in &p.aliases {
                add(al, Target::Person { id, short: false });
            }
            for s in &p.short {
                add(s, Target::Person { id, short: true });
            }
        }
        // The automaton is built from the embedded data: a failure here is a bug in this
        // module, never something a user can cause; `is_ready` lets a test catch it.
        // No prefilter: every pattern opens with the space before a word, so a start-byte
        // prefilter would stop at every space; the DFA alone walks the text faster.
        let dfa = DFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .build(&patterns)
            .ok()
            .and_then(|dfa| {
                let start = dfa.start_state(Anchored::No).ok()?;
                Some(Scanner { dfa, start })
            });
        Gazetteer { dfa, variants }
    }

    /// Runs the automaton over `folded` (" " + folded `text`) and appends hits that end at a
    /// word boundary and whose capitals match some variant.
    // Kept out of the caller: inlined into `Tagger::analyze`, the scan loses its registers.
    #[inline(never)]
    pub fn find(&self, text: &[u8], folded: &[u8], out: &mut Vec<Hit>) {
        let Some(scanner) = &self.dfa else { return };
        let mut at = 0;
        while let Some((pattern, m_end)) = scanner.next_match(folded, at) {
            at = m_end;
            let Some(vs) = self.variants.get(pattern) else {
                continue;
            };
            // All variants of a pattern share its folded length.
            let Some(len) = vs.first().map(|v| v.written.len()) else {
                continue;
            };
            // folded[k + 1] corresponds to text[k]; the pattern's leading space sits at
            // folded[m_end - len - 1], so the entry starts at text[m_end - len - 1].
            let end = m_end - 1;
            let start = end - len;
            if !ends_word(text, end) {
                continue;
            }
            let Some(span) = text.get(start..end) else {
                continue;
            };
            let mut ok = 0u16;
            for (i, v) in vs.iter().enumerate() {
                if capitals_match(&v.written, span) {
                    ok |= 1 << i;
                }
            }
            if ok != 0 {
                out.push(Hit {
                    start: start as u32,
                    end: end as u32,
                    pattern: pattern as u32,
                    ok,
                });
            }
        }
    }

    /// Whether the automaton was built.
    pub fn is_ready(&self) -> bool {
        self.dfa.is_some()
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

/// The automaton and its (unanchored) start state, with the search loop of the
/// `aho_corasick` crate's `find_iter` written out for this automaton alone: the crate's
/// generic loop costs about three times as many instructions per byte, and this one runs
/// over every byte of every article.
struct Scanner {
    dfa: DFA,
    start: StateID,
}

impl Scanner {
    /// The leftmost-longest match in `hay[at..]`: its pattern index and end offset.
    #[inline]
    fn next_match(&self, hay: &[u8], at: usize) -> Option<(usize, usize)> {
        let dfa = &self.dfa;
        let mut found = None;
        let mut sid = self.start;
        let mut i = at;
        while let Some((s, j)) = self.run(hay, sid, i) {
            (sid, i) = (s, j);
            if dfa.is_dead(sid) {
                break;
            }
            // In leftmost mode the first match of a state is the one to report; the search
            // goes on for a longer one until the automaton dies.
            if dfa.is_match(sid) {
                found = Some((dfa.match_pattern(sid, 0).as_usize(), i));
            }
        }
        found
    }

    /// Steps the automaton from state `sid` over `hay[i..]` until it enters a special state
    /// (dead or match): that state and the offset after the byte that led to it; `None` at
    /// the end of `hay`. Four bytes per round, to spend fewer instructions on the loop itself.
    #[inline(always)]
    fn run(&self, hay: &[u8], mut sid: StateID, i: usize) -> Option<(StateID, usize)> {
        let dfa = &self.dfa;
        let step = |sid, b| dfa.next_state(Anchored::No, sid, b);
        let rest = hay.get(i..)?;
        // `chunks_exact` rather than re-slicing `hay` each round: one pointer comparison
        // per four bytes instead of a bounds check and an underflow test.
        let mut chunks = rest.chunks_exact(4);
        let mut at = i;
        for chunk in &mut chunks {
            let &[a, b, c, d] = chunk else { break };
            let s = step(sid, a);
            if dfa.is_special(s) {
                return Some((s, at + 1));
            }
            let s = step(s, b);
            if dfa.is_special(s) {
                return Some((s, at + 2));
            }
            let s = step(s, c);
            if dfa.is_special(s) {
                return Some((s, at + 3));
            }
            sid = step(s, d);
            at += 4;
            if dfa.is_special(sid) {
                return Some((sid, at));
            }
        }
        for &b in chunks.remainder() {
            sid = step(sid, b);
            at += 1;
            if dfa.is_special(sid) {
                return Some((sid, at));
            }
        }
        None
    }
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

/// Every ASCII capital of the alias as written must be a capital in the text.
#[inline]
fn capitals_match(written: &[u8], span: &[u8]) -> bool {
    written.len() == span.len()
        && written
            .iter()
            .zip(span)
            .all(|(w, t)| !w.is_ascii_uppercase() || t.is_ascii_uppercase())
}
