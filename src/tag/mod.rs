//! Tagging: `&Article` -> the countries and people it is about and mentions.
//!
//! CONTRACT (other modules rely on it):
//! - `Tagger::new()` builds the matchers from the authority files embedded from
//!   `schema/authorities/` (cheap enough to do once per index run; never on search start-up).
//! - `Tagger::tag(&self, &Article) -> Tags` is pure (no I/O), `Sync`, and never panics.
//! - `Authorities::get()` is the light lookup used by `search` to resolve what a user
//!   types (`--country RU`, `--person putin`) without building any automaton.
//! - All names are canonical display names ("United States", "Vladimir Putin").
//!
//! How: the headline and body are folded once; one trie of every vocabulary spelling,
//! walked from the word starts that can open an entry, finds every vocabulary entry
//! (`gazetteer`); one token pass finds capitalised name sequences (`text`, `people`).
//! Countries come from names, demonyms, cities, metonyms and the dateline, mapped to the
//! state that existed at the article's date (Bonn in 1987 is West Germany). "About" is decided from what a reader weighs: the dateline, the headline, the
//! lead paragraph, and how often and how early a name recurs.

mod authorities;
mod fold;
mod gazetteer;
mod people;
mod text;

use rustc_hash::FxBuildHasher;
use std::collections::HashMap;

use crate::article::Article;
pub use authorities::{
    day_key, Authorities, Country, CountryId, CountryKind, Person, PersonId, Place, PlaceId,
    PlaceKind,
};
pub use fold::normalize_key;
use gazetteer::{Gazetteer, Hit, Target};

/// Tags of one article. Each list is sorted, without duplicates; the `mentioned_*` lists
/// contain every recognised mention and so include the "about" lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tags {
    pub countries: Vec<String>,
    pub people: Vec<String>,
    pub mentioned_countries: Vec<String>,
    pub mentioned_people: Vec<String>,
}

/// The result of resolving what a user typed into canonical names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// One or more canonical names (`DE` -> Germany and West Germany).
    Found(Vec<String>),
    /// Nothing matched; the nearest known names, best first.
    Unknown { suggestions: Vec<String> },
}

/// Where in the article a mention sits; earlier zones weigh more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Zone {
    Head,
    Lead,
    Body,
}

/// A dateline name and what it may denote.
#[derive(Debug, Clone, Copy)]
enum DatelineTarget {
    Country(CountryId),
    /// A place; `true` if reached through the town part of "Town, State".
    Place(PlaceId, bool),
}

/// Compiled matchers over the authority files.
pub struct Tagger {
    auth: &'static Authorities,
    gaz: Gazetteer,
    /// normalize_key(place or country name) -> what a dateline of that name may be.
    datelines: HashMap<String, Vec<DatelineTarget>, FxBuildHasher>,
    /// The keys of `datelines` by first byte and length: the candidates of the misspelling
    /// search in `resolve_dateline`, which would otherwise compare against every key.
    dateline_keys: HashMap<(u8, usize), Vec<String>, FxBuildHasher>,
    /// Country assumed for a dateline town no authority knows (see `analyze`).
    home_country: Option<CountryId>,
}

/// Words after "London"/"New York" that make it a market, not a subject.
pub(crate) const MARKET_NEXT: &[&str] = &[
    "metal",
    "metals",
    "exchange",
    "stock",
    "market",
    "markets",
    "trading",
    "traders",
    "trade",
    "dealers",
    "bullion",
    "futures",
    "gold",
    "silver",
    "platinum",
    "copper",
    "aluminium",
    "aluminum",
    "nickel",
    "zinc",
    "tin",
    "crude",
    "shares",
    "stocks",
    "sugar",
    "cocoa",
    "coffee",
    "rubber",
    "interbank",
    "eurobond",
    "eurobonds",
    "commodity",
    "commodities",
    "close",
    "closing",
    "fixing",
    "fix",
    "opening",
    "based",
    "listed",
    "brokers",
    "broker",
    "financial",
    "insurance",
    "underwriters",
    "session",
    "money",
    "currency",
    "time",
    "afternoon",
    "morning",
    "cotton",
    "grain",
    "spot",
    "composite",
    "comex",
    "mercantile",
    "board",
    "cash",
    "discount",
    "copper",
    "aluminium",
    "aluminum",
    "zinc",
    "lead",
    "nickel",
    "tin",
    "wheat",
    "corn",
    "soybean",
    "soybeans",
    "bond",
    "bonds",
    "equity",
    "equities",
    "shares",
    "share",
    "dollar",
    "office",
    "offices",
    "branch",
    "subsidiary",
    "unit",
    "headquarters",
    "investment",
    "bankers",
    "banks",
    "bank",
    "stocks",
    "prices",
    "price",
    "quoted",
    "quote",
    "listing",
    "area",
    "clearing",
    "house",
];

/// Words after a country name or demonym that make it a currency, not a subject.
pub(crate) const CURRENCY_NEXT: &[&str] = &[
    "dollar",
    "dollars",
    "dlr",
    "dlrs",
    "franc",
    "francs",
    "mark",
    "marks",
    "pound",
    "pounds",
    "yen",
    "lira",
    "lire",
    "peseta",
    "pesetas",
    "guilder",
    "guilders",
    "crown",
    "crowns",
    "krona",
    "kronor",
    "krone",
    "kroner",
    "rand",
    "peso",
    "pesos",
    "cruzado",
    "cruzados",
    "currency",
    "schilling",
    "schillings",
    "escudo",
    "escudos",
    "drachma",
    "drachmas",
    "rupee",
    "rupees",
    "ringgit",
    "baht",
    "won",
    "yuan",
    "renminbi",
    "rouble",
    "roubles",
    "ruble",
    "rubles",
    "riyal",
    "riyals",
    "dinar",
    "dinars",
    "shekel",
    "shekels",
    "punt",
    "markka",
    "austral",
    "australs",
    "sterling",
];

/// What the word after a name makes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Modifier {
    None,
    Market,
    Currency,
    /// The word is an animal's name here, not a country's ("Turkey prices rose before
    /// Thanksgiving", "guinea pigs").
    Animal,
    /// The word is a language's name here ("a former English teacher", "written in French.").
    Language,
}

/// Demonyms that are also the names of languages (folded).
fn is_language(w: &[u8]) -> bool {
    matches!(
        w,
        b"english"
            | b"french"
            | b"spanish"
            | b"german"
            | b"italian"
            | b"portuguese"
            | b"russian"
            | b"arabic"
            | b"chinese"
            | b"japanese"
            | b"korean"
            | b"dutch"
            | b"greek"
            | b"turkish"
            | b"hebrew"
            | b"polish"
            | b"swedish"
            | b"danish"
            | b"norwegian"
            | b"finnish"
            | b"hungarian"
            | b"czech"
            | b"romanian"
            | b"ukrainian"
            | b"vietnamese"
            | b"thai"
            | b"persian"
    )
}

/// Whether the language name at hit `h`, before the folded word `next`, names the language:
/// before a word of language ("an English teacher", "English-language papers", "its Chinese
/// name"), or as the object of speaking, learning or writing, ending its phrase ("he spoke
/// in French.", "learning English,"; not "in French politics").
fn language_sense(folded: &[u8], text: &[u8], h: &Hit, next: &[u8]) -> bool {
    let noun = matches!(
        next,
        b"language"
            | b"languages"
            | b"teacher"
            | b"teachers"
            | b"lesson"
            | b"lessons"
            | b"class"
            | b"classes"
            | b"course"
            | b"courses"
            | b"translation"
            | b"translations"
            | b"translator"
            | b"translators"
            | b"interpreter"
            | b"speaker"
            | b"speakers"
            | b"speaking"
            | b"version"
            | b"subtitles"
            | b"dictionary"
            | b"grammar"
            | b"proficiency"
            | b"fluency"
            | b"name"
            | b"spelling"
            | b"alphabet"
            | b"script"
            | b"characters"
    );
    if noun {
        return true;
    }
    // The phrase ends with the name: punctuation or the end of the text after it.
    let ends = text
        .get(h.end as usize)
        .is_none_or(|b| matches!(b, b',' | b'.' | b';' | b':' | b')' | b'!' | b'?' | b'"'));
    let before = &folded[..(h.start as usize + 1).min(folded.len())];
    let before = before.trim_ascii_end();
    let prev = before.rsplit(|&b| b == b' ').next().unwrap_or_default();
    matches!(
        prev,
        b"in"
            | b"speak"
            | b"speaks"
            | b"spoke"
            | b"speaking"
            | b"learn"
            | b"learns"
            | b"learning"
            | b"learned"
            | b"learnt"
            | b"teach"
            | b"teaches"
            | b"teaching"
            | b"taught"
            | b"into"
            | b"fluent"
    ) && ends
}

/// Whether the common word `w` (folded) names an animal when `next` follows it: poultry
/// trade words after "turkey" (the country before a noun is "Turkish"), "pig(s)" and
/// "fowl" after "guinea".
fn animal_sense(w: &[u8], next: &[u8]) -> bool {
    match w {
        b"turkey" => matches!(
            next,
            b"prices"
                | b"price"
                | b"meat"
                | b"farmers"
                | b"farms"
                | b"growers"
                | b"producers"
                | b"production"
                | b"breeders"
                | b"flocks"
                | b"hens"
                | b"poults"
                | b"consumption"
                | b"dinner"
                | b"dinners"
                | b"sandwiches"
                | b"processors"
                | b"slaughter"
        ),
        b"guinea" => matches!(next, b"pig" | b"pigs" | b"fowl"),
        _ => false,
    }
}

/// Words before "US" in an ALL-CAPS headline that make it the pronoun ("LET US", "HELP US").
pub(crate) const US_PRONOUN_BEFORE: &[&str] = &[
    "let", "tell", "tells", "told", "give", "gives", "gave", "help", "helps", "join", "joins",
    "ask", "asks", "asked", "show", "shows", "send", "sends", "leave", "leaves", "left", "all",
    "with", "for", "of", "among", "against", "like", "about", "upon", "hit", "hits", "hurt",
    "hurts", "hurting", "before", "us",
];

/// Headline words naming a traded market or commodity ("CBT CORN FUTURES ...").
pub(crate) const REPORT_MARKET: &[&str] = &[
    "futures",
    "cattle",
    "hogs",
    "hog",
    "cash",
    "spot",
    "stocks",
    "shares",
    "bonds",
    "bond",
    "prices",
    "cbt",
    "comex",
    "lme",
    "nymex",
    "cme",
    "soybean",
    "soybeans",
    "corn",
    "wheat",
    "gold",
    "silver",
    "dollar",
    "livestock",
    "bellies",
    "belly",
    "pork",
    "sugar",
    "cocoa",
    "coffee",
    "cotton",
    "soymeal",
    "grain",
    "market",
    "markets",
    "treasury",
    "treasuries",
    "eurodollar",
    "index",
];

/// Headline words of a price move or trading session ("... OPEN MIXED", "... AT MIDSESSION").
pub(crate) const REPORT_MOVE: &[&str] = &[
    "midsession",
    "midday",
    "steady",
    "firmer",
    "firm",
    "easier",
    "ease",
    "eases",
    "mixed",
    "quiet",
    "quietly",
    "higher",
    "lower",
    "unchanged",
    "open",
    "opens",
    "close",
    "closes",
    "settle",
    "settles",
    "up",
    "down",
    "off",
    "gains",
    "losses",
    "highs",
    "lows",
    "edt",
    "gmt",
    "rally",
    "rallies",
    "dip",
    "dips",
    "weaker",
    "stronger",
    "slightly",
];

/// True if the headline reads as a market report: a market or commodity and a price move or
/// session ("OMAHA HOGS UP 1.00 DLR", "DOLLAR OPENS LOWER IN TOKYO"). Editors file these
/// under the commodity, not under the country the desk sits in. The move follows the market
/// within two words: "Tobacco auctions open with higher prices" and "Drought leaves grain
/// farmers counting losses" are stories about a country's crop.
fn is_market_report(headline: &str) -> bool {
    // Words since the last market word, while a move may still follow it.
    let mut after_market: Option<u8> = None;
    // Runs of ASCII letters: splitting the bytes gives the same words as splitting the
    // characters, as every byte of a non-ASCII character is a separator too.
    for w in headline.as_bytes().split(|c| !c.is_ascii_alphabetic()) {
        if w.is_empty() || w.len() > 12 {
            continue;
        }
        let mut buf = [0u8; 12];
        for (d, b) in buf.iter_mut().zip(w) {
            *d = b.to_ascii_lowercase();
        }
        let f = people::flags(&buf[..w.len()]);
        if after_market.is_some() && f & people::F_REPORT_MOVE != 0 {
            return true;
        }
        after_market = if f & people::F_REPORT_MARKET != 0 {
            Some(0)
        } else {
            after_market.map(|n| n + 1).filter(|&n| n < 2)
        };
    }
    false
}

/// True if the text has a ticker in angle brackets of 1-5 capital letters ("<OSRC>"): a U.S.
/// listing; foreign ones carry an exchange suffix ("<CMAC.S>").
fn has_us_ticker(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        c == b'<' && {
            let n = b[i + 1..]
                .iter()
                .take_while(|x| x.is_ascii_uppercase())
                .count();
            (1..=5).contains(&n) && b.get(i + 1 + n) == Some(&b'>')
        }
    })
}

/// Country names that are also common words: in an ALL-CAPS zone they only count if the
/// same country is also named where case is informative.
pub(crate) const COMMON_WORD_COUNTRIES: &[&str] = &[
    "turkey", "china", "chad", "guinea", "jersey", "japan", "jordan", "georgia",
];

fn lead_len(body: &str) -> usize {
    let b = body.as_bytes();
    let cap = b.len().min(700);
    // The first paragraph break past byte 40 within the first 700 bytes: a newline followed
    // by a newline, space or tab.
    memchr::memchr_iter(b'\n', &b[..cap])
        .find(|&i| i > 40 && i + 1 < cap && matches!(b[i + 1], b'\n' | b' ' | b'\t'))
        .unwrap_or(cap)
}

/// The credits a body carries: the length of a byline paragraph opening it ("By Steve
/// Holland and Gram Slattery", one short line; 0 if none) and where a closing credit line
/// starts ("(Reporting by ...; Editing by ...)", within the last 400 bytes). Cheap on
/// bodies without them: a prefix test and one backward byte search of the tail.
fn credits(body: &str) -> (usize, Option<usize>) {
    const CREDITS: &[&[u8]] = &[
        b"Reporting",
        b"Additional reporting",
        b"Writing by",
        b"Editing by",
        b"Compiled by",
        b"Written by",
    ];
    let b = body.as_bytes();
    let byline = if b.starts_with(b"By ") && b.get(3).is_some_and(u8::is_ascii_uppercase) {
        let head = &b[..b.len().min(102)];
        // One line of names, not a sentence ("By noon, prices had fallen 5%."): no line
        // break, no digit, no closing period.
        match memchr::memmem::find(head, b"\n\n") {
            Some(k)
                if !head[..k].iter().any(|c| *c == b'\n' || c.is_ascii_digit())
                    && !head[..k].trim_ascii_end().ends_with(b".") =>
            {
                k
            }
            _ => 0,
        }
    } else {
        0
    };
    let from = b.len().saturating_sub(400).max(byline);
    let trailer = memchr::memrchr(b'(', &b[from..])
        .map(|k| from + k)
        .filter(|&k| {
            let line_start = b[..k]
                .iter()
                .rev()
                .find(|&&c| c != b' ')
                .is_none_or(|&c| c == b'\n');
            line_start && CREDITS.iter().any(|c| b[k + 1..].starts_with(c))
        });
    (byline, trailer)
}

/// A hit whose name fits several countries: (hit index, (country, priority), kind).
type Ambiguous = (usize, Vec<(CountryId, u8)>, usize);

/// Per-thread buffers of `analyze`.
#[derive(Default)]
struct Scratch {
    text: String,
    folded: Vec<u8>,
    hits: Vec<Hit>,
    toks: Vec<text::Tok>,
    word_mask: Vec<u64>,
}

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::new(Scratch::default());
}

/// True if fewer than one letter in ten is lowercase (an ALL-CAPS body, where capitals say
/// nothing). Stops as soon as the answer is clear.
fn is_mostly_caps(body: &str) -> bool {
    let b = body.as_bytes();
    let (mut lower, mut letters) = (0usize, 0usize);
    // The early answer needs more than 64 lowercase letters: until a block would take the
    // count past that, count eight bytes at a time (the answer is the byte loop's).
    let mut i = 0;
    while let Some(chunk) = b.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let x = u64::from_le_bytes(*chunk);
        let l = count_high_bits(ascii_range_bits(x, b'a', b'z'));
        if lower + l > 64 {
            break;
        }
        lower += l;
        letters += l + count_high_bits(ascii_range_bits(x, b'A', b'Z'));
        i += 8;
    }
    for &c in &b[i..] {
        if c.is_ascii_alphabetic() {
            letters += 1;
            if c.is_ascii_lowercase() {
                lower += 1;
                if lower > 64 && lower * 10 >= letters {
                    return false;
                }
            }
        }
    }
    letters > 0 && lower * 10 < letters
}

/// Whether a body is written without capitals, as some desks' copy was ("venezuela is
/// seeking a 'constructive and flexible' attitude ..."): it opens with a small letter and
/// fewer than one letter in a hundred is a capital, in prose (200 letters or more: not a
/// rates table of "uk" and "us/w ger"). Case then tells nothing, as in an ALL-CAPS body.
/// Bodies that open with a capital (nearly all) are not scanned.
fn is_lowercase_copy(body: &str) -> bool {
    let b = body.as_bytes();
    if !b
        .iter()
        .find(|c| c.is_ascii_alphabetic())
        .is_some_and(u8::is_ascii_lowercase)
    {
        return false;
    }
    let (mut upper, mut letters) = (0usize, 0usize);
    for &c in b {
        if c.is_ascii_alphabetic() {
            letters += 1;
            upper += usize::from(c.is_ascii_uppercase());
        }
    }
    letters >= 200 && upper * 100 < letters
}

/// The bytes of `x` in `lo..=hi` (ASCII bounds), as the high bit of each byte.
#[inline]
fn ascii_range_bits(x: u64, lo: u8, hi: u8) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let t = x & !HIGH;
    // High bit of t + (0x80 - c) per byte: that byte of `t` is >= c (no carry between
    // bytes: t <= 0x7f and 0x80 - c <= 0x80).
    let at_least = |c: u8| t + u64::from(0x80 - c) * ONES;
    at_least(lo) & !at_least(hi + 1) & !x & HIGH
}

/// How many bytes of `x` have their high bit set (and no other bit, as `ascii_range_bits`
/// gives): the multiplication adds the eight bits into the top byte.
#[inline]
fn count_high_bits(x: u64) -> usize {
    ((x >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
}

/// True if `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours.
fn one_edit_apart(a: &[u8], b: &[u8]) -> bool {
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[p..], &b[p..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            !ra.is_empty()
                && (ra[1..] == rb[1..]
                    || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..]))
        }
        std::cmp::Ordering::Greater => ra.len() == rb.len() + 1 && ra[1..] == *rb,
        std::cmp::Ordering::Less => rb.len() == ra.len() + 1 && rb[1..] == *ra,
    }
}

/// Editorial slugs that open a wire headline ("UPDATE 2-Fed's Powell ...", "EXCLUSIVE-Saudi
/// Aramco ..."): how the desk filed the story, not words of it. Market slugs ("US
/// STOCKS-", "FOREX-") are left alone: they name the market the story is about.
const HEADLINE_SLUGS: &[&str] = &[
    "UPDATE",
    "EXCLUSIVE",
    "ANALYSIS",
    "FACTBOX",
    "EXPLAINER",
    "INSIGHT",
    "BREAKINGVIEWS",
    "WRAPUP",
    "CORRECTED",
    "REFILE",
    "RPT",
    "URGENT",
    "COLUMN",
    "GRAPHIC",
    "INTERVIEW",
    "PREVIEW",
    "TIMELINE",
    "FEATURE",
    "NEWSMAKER",
    "SNAPSHOT",
    "FOCUS",
    "SPECIAL REPORT",
    "REUTERS POLL",
    "BRIEF",
    "DIARY",
    "WRAP",
];

/// Bytes of the slugs at the start of `headline` (with the dash after each; a slug's
/// number, "UPDATE 2", included), 0 if it has none.
fn headline_slug_len(headline: &str) -> usize {
    let mut n = 0;
    while let Some(dash) = headline[n..].find('-') {
        let word = headline[n..n + dash]
            .trim()
            .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
        if !HEADLINE_SLUGS.contains(&word) {
            break;
        }
        n += dash + 1;
    }
    n
}

/// Reads a year from an article date without trusting it to be sane.
/// The priority of an ambiguous hit's reading as a place that shares a country's name
/// ("Georgia"): taken only in a story filed from the place's country (otherwise it ranks as
/// a place, 2; the country readings are 3, or 1 for a former name).
const PRIO_IF_FILED_THERE: u8 = 0;

/// The country a combining form names ("sino" in "Sino-Japanese"), folded.
pub(crate) fn combining_form(w: &[u8]) -> Option<&'static str> {
    Some(match w {
        b"sino" => "China",
        b"franco" => "France",
        b"anglo" => "United Kingdom",
        b"russo" => "Russia",
        b"indo" => "India",
        b"italo" => "Italy",
        b"austro" => "Austria",
        b"luso" => "Portugal",
        b"nippo" => "Japan",
        b"turco" => "Turkey",
        b"greco" => "Greece",
        b"serbo" => "Serbia",
        b"hispano" => "Spain",
        b"germano" => "Germany",
        _ => return None,
    })
}

/// Whether a U.S. state's office or party follows the name at `h` ("Georgia's Governor
/// Brian Kemp", "Georgia Republicans"): the namesake of a country is then the state, from
/// whatever desk the story is filed.
fn state_office_follows(folded: &[u8], h: &Hit) -> bool {
    let rest = folded.get(h.end as usize + 1..).unwrap_or_default();
    // Folding keeps the apostrophe of a possessive ("georgia's governor").
    let rest = rest.strip_prefix(b"'s").unwrap_or(rest).trim_ascii_start();
    let end = rest
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    matches!(
        &rest[..end],
        b"governor"
            | b"senator"
            | b"senators"
            | b"legislature"
            | b"legislators"
            | b"republican"
            | b"republicans"
            | b"democrat"
            | b"democrats"
    )
}

/// `text` with every right single quotation mark (U+2019, the typographic apostrophe) made
/// an ASCII apostrophe; borrowed when there is none.
fn straight_apostrophes(text: &str) -> std::borrow::Cow<'_, str> {
    const CURLY: &str = "\u{2019}";
    // A search for its lead byte (shared with dashes and quotes), with no searcher to set up:
    // every article asks, and most have none.
    let b = text.as_bytes();
    if memchr::memchr_iter(0xE2, b).any(|i| b.get(i + 1..i + 3) == Some(&[0x80, 0x99])) {
        text.replace(CURLY, "'").into()
    } else {
        text.into()
    }
}

fn year_of(article: &Article) -> i32 {
    article.date.year()
}

impl Tagger {
    pub fn new() -> Tagger {
        let auth = Authorities::get();
        let gaz = Gazetteer::build(auth);
        let mut datelines: HashMap<String, Vec<DatelineTarget>, FxBuildHasher> = HashMap::default();
        for (i, c) in auth.countries.iter().enumerate() {
            for n in std::iter::once(&c.name).chain(&c.aliases) {
                fold::variant_keys(n, |k| {
                    datelines
                        .entry(k)
                        .or_default()
                        .push(DatelineTarget::Country(i as CountryId))
                });
            }
        }
        for (i, p) in auth.places.iter().enumerate() {
            if p.country.is_none() {
                continue;
            }
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                for v in fold::ascii_variants(n) {
                    datelines
                        .entry(fold::normalize_key(&v))
                        .or_default()
                        .push(DatelineTarget::Place(i as PlaceId, false));
                    // "Manchester, N.H." also answers a bare "MANCHESTER" dateline, below
                    // any place listed under the bare name.
                    if let Some((town, _)) = v.split_once(", ") {
                        datelines
                            .entry(fold::normalize_key(town))
                            .or_default()
                            .push(DatelineTarget::Place(i as PlaceId, true));
                    }
                }
            }
        }
        let home_country = auth.country_by_name("United States");
        let mut dateline_keys: HashMap<(u8, usize), Vec<String>, FxBuildHasher> =
            HashMap::default();
        for k in datelines.keys() {
            if let Some(&first) = k.as_bytes().first() {
                dateline_keys
                    .entry((first, k.len()))
                    .or_default()
                    .push(k.clone());
            }
        }
        Tagger {
            auth,
            gaz,
            datelines,
            dateline_keys,
            home_country,
        }
    }

    /// Whether the vocabulary was built (always, unless the embedded data is broken).
    pub fn is_ready(&self) -> bool {
        self.gaz.is_ready()
    }

    /// The evidence behind the tags of one article, for debugging and tuning (`tag` keeps
    /// what passes the "about" rules).
    pub fn analyze(&self, article: &Article) -> Analysis {
        let a = self.auth;
        let year = year_of(article);
        // Successions take effect on a day ("West Germany" is Germany from 3 October 1990).
        let day = day_key(year, article.date.month().into(), article.date.day());
        // A curly apostrophe reads as a straight one ("Côte d’Ivoire", "N’Djamena", "Conor
        // O’Brien"): the vocabulary and the name rules spell it straight, and a name is one
        // facet value however the copy wrote it.
        let headline = straight_apostrophes(&article.headline);
        let body = straight_apostrophes(&article.body);
        let (headline, body) = (&*headline, &*body);
        // Reused per thread: no allocation per article once the buffers have grown.
        let mut scratch = SCRATCH.with(|c| c.take());
        let Scratch {
            text,
            folded,
            hits,
            toks,
            word_mask,
        } = &mut scratch;
        text.clear();
        folded.clear();
        hits.clear();
        toks.clear();
        text.push_str(headline);
        // "UPDATE 2-", "EXCLUSIVE-": blanked, so that the slug never glues onto the
        // headline's first name ("EXCLUSIVE-Saudi Aramco"); offsets stay as they are.
        let slug = headline_slug_len(headline);
        if slug > 0 {
            text.replace_range(..slug, &" ".repeat(slug));
        }
        text.push_str("\n\n");
        text.push_str(body);
        // Copy without capitals is read as ALL-CAPS copy: case tells nothing in either,
        // and the ALL-CAPS rules (authority names, confirmed ambiguous words) apply.
        let lowercase_copy = is_lowercase_copy(body);
        if lowercase_copy {
            if let Some(b) = text.get_mut(headline.len() + 2..) {
                b.make_ascii_uppercase();
            }
        }
        // The reporters' credits are no part of the story: "By Steve Holland" is not the
        // Netherlands, "(Reporting by ... in Kyiv)" no mention of Ukraine. Blanked, offsets
        // kept; the lead paragraph is the one after the byline.
        let (byline, trailer) = credits(body);
        let body_at = headline.len() + 2;
        for range in [
            (byline > 0).then_some(0..byline),
            trailer.map(|t| t..body.len()),
        ]
        .into_iter()
        .flatten()
        {
            let len = range.len();
            text.replace_range(body_at + range.start..body_at + range.end, &" ".repeat(len));
        }
        let after_byline = if byline > 0 { byline + 2 } else { 0 };
        let tb = text.as_bytes();
        let head_end = headline.len() as u32;
        let lead_end =
            (body_at + after_byline + lead_len(body.get(after_byline..).unwrap_or(""))) as u32;
        folded.push(b' ');
        fold::fold_into(text, folded);

        let head_caps = !headline.bytes().any(|b| b.is_ascii_lowercase());
        let body_caps = lowercase_copy || is_mostly_caps(body);
        let zone_of = |p: u32| {
            if p < head_end {
                Zone::Head
            } else if p < lead_end {
                Zone::Lead
            } else {
                Zone::Body
            }
        };
        let caps_at = |p: u32| if p < head_end { head_caps } else { body_caps };

        self.gaz.find(tb, folded, hits);
        text::tokenize(tb, folded, word_mask, toks);
        let (folded, hits, toks): (&[u8], &[Hit], &[text::Tok]) = (folded, hits, toks);

        let ctx = people::Ctx {
            folded,
            text: tb,
            year,
            zone_of: &zone_of,
            caps_at: &caps_at,
            lex: &[],
        };
        let mut person_spans = Vec::with_capacity(32);
        let clusters = people::find(a, &self.gaz, &ctx, toks, hits, &mut person_spans);

        // Last words of multi-word names ("Michael Jordan"): a later bare "Jordan" is him.
        let name_last_words: Vec<&[u8]> = person_spans
            .iter()
            .filter_map(|&(s, e)| {
                let f = &folded[s as usize + 1..e as usize + 1];
                f.iter().rposition(|&b| b == b' ').map(|p| &f[p + 1..])
            })
            .collect();

        // ---- countries
        // Sized for a typical article up front: growing a vector one reallocation at a time
        // cost more than the tagging work around it.
        let mut ev = CountryEvidence {
            list: Vec::with_capacity(8),
        };
        // (hit index, candidate countries with priority, mention kind)
        let mut ambiguous: Vec<Ambiguous> = Vec::new();
        // Namesakes of a country a cue settled as the place ("Atlanta, Georgia", "Georgia's
        // Governor"): the story's other bare mentions of the name read the same way.
        let mut settled: Vec<(&[u8], CountryId)> = Vec::new();
        // The candidates of one hit (country, priority, kind), cleared for each hit.
        let mut cands: Vec<(CountryId, u8, usize)> = Vec::with_capacity(8);
        for (hi, h) in hits.iter().enumerate() {
            let w = &folded[h.start as usize + 1..h.end as usize + 1];
            // Inside a person's name ("Vernon Jordan", "Chad Hurley", "Jimmy Wales"), or the
            // bare surname of a known person the story names ("Luis Montenegro ...
            // Montenegro said").
            if clusters.iter().any(|c| {
                let (s, e) = c.span;
                c.span_tokens > 1 && s < h.start && h.end <= e
            }) || (people::has(w, people::F_NAME_LIKE)
                && (person_spans
                    .iter()
                    .any(|&(s, e)| s <= h.start && h.end <= e && (s, e) != (h.start, h.end))
                    || clusters
                        .iter()
                        .any(|c| c.surname == w || (c.first == w && c.span_tokens > 1))
                    || name_last_words.contains(&w)))
                || clusters
                    .iter()
                    .any(|c| c.authority.is_some() && c.span_tokens > 1 && c.surname == w)
            {
                continue;
            }
            // A ticker symbol ("UNION CARBIDE <UK>") is no country.
            if h.start > 0 && tb[h.start as usize - 1] == b'<' {
                continue;
            }
            // "Stuttgart, Arkansas", "London, Ontario", "Lebanon, N.H.": a town named after
            // a city or a country elsewhere, placed by the state or province after it (which
            // counts on its own).
            if self.qualified_by_region(hits, hi, tb) {
                continue;
            }
            let in_caps = caps_at(h.start);
            let modifier = self.modifier_context(folded, tb, h);
            if matches!(modifier, Modifier::Animal | Modifier::Language) {
                continue;
            }
            cands.clear();
            let mut blocked = false;
            for v in self.gaz.hit_variants(h) {
                match v.target {
                    Target::Country {
                        id,
                        demonym,
                        secondary_from,
                    } => {
                        // Copy without capitals writes the country "u.s.": its "us" is the
                        // pronoun ("repaying us").
                        if in_caps
                            && &*v.written == b"US"
                            && ((lowercase_copy && h.start >= head_end)
                                || self.us_is_pronoun(folded, h))
                        {
                            continue;
                        }
                        let now = a.country_at(id, day);
                        // A name another country bears more often ("Korea", "Congo" since
                        // 1997) ranks below it, as a place of the name does.
                        let prio = if secondary_from.is_some_and(|y| year >= y) {
                            2
                        } else if now == id {
                            3
                        } else {
                            1
                        };
                        let kind = if modifier == Modifier::Currency {
                            K_WEAK
                        } else if demonym {
                            K_DEMONYM
                        } else {
                            K_NAME
                        };
                        cands.push((now, prio, kind));
                    }
                    Target::Place(pid) => {
                        let p = &a.places[pid as usize];
                        if p.dateline_only
                            || p.from.is_some_and(|f| year < f)
                            || p.to.is_some_and(|t| year > t)
                        {
                            continue;
                        }
                        let Some(c) = p.country else {
                            blocked = true;
                            break;
                        };
                        if p.kind == PlaceKind::Abbreviation
                            && !tb[..h.start as usize].ends_with(b", ")
                        {
                            continue;
                        }
                        let kind = match p.kind {
                            _ if p.market && modifier == Modifier::Market => K_WEAK,
                            PlaceKind::Metonym | PlaceKind::Institution => K_INSTITUTION,
                            PlaceKind::Abbreviation => K_WEAK,
                            _ => K_PLACE,
                        };
                        let c = a.country_at(c, day);
                        // A namesake of a country ("Georgia", "Jersey") is this place only
                        // right after a place of its country ("Atlanta, Georgia") or, below,
                        // in a story filed from there.
                        let prio = if p.ambiguous
                            && !self.follows_place_of(hits, hi, tb, c, day)
                            && !state_office_follows(folded, h)
                        {
                            PRIO_IF_FILED_THERE
                        } else {
                            if p.ambiguous {
                                settled.push((w, c));
                            }
                            2
                        };
                        cands.push((c, prio, kind));
                    }
                    Target::Person { .. } => {}
                }
            }
            if blocked || cands.is_empty() {
                continue;
            }
            let common = in_caps && people::has(w, people::F_COMMON_COUNTRY);
            let zone = zone_of(h.start);
            let first = cands[0].0;
            if cands.iter().all(|c| c.0 == first) {
                let kind = cands.iter().map(|c| c.2).min().unwrap_or(K_WEAK);
                ev.add(first, zone, kind, h.start, common);
            } else {
                let mut best: Vec<(CountryId, u8)> = Vec::new();
                for &(c, p, _) in &cands {
                    match best.iter_mut().find(|b| b.0 == c) {
                        Some(b) => b.1 = b.1.max(p),
                        None => best.push((c, p)),
                    }
                }
                let kind = cands.iter().map(|c| c.2).min().unwrap_or(K_WEAK);
                ambiguous.push((hi, best, kind));
            }
        }
        // "Sino-Japanese", "Franco-German", "Anglo-Dutch": the combining form names a country
        // too when the word it is joined to names one ("Indo-Pacific", "Greco-Roman" do not).
        for h in hits.iter() {
            let at = h.start as usize;
            if at < 5 || tb[at - 1] != b'-' {
                continue;
            }
            let from = tb[..at - 1]
                .iter()
                .rposition(|b| !b.is_ascii_alphabetic())
                .map_or(0, |p| p + 1);
            let Some(c) =
                combining_form(&folded[from + 1..at]).and_then(|name| a.country_by_name(name))
            else {
                continue;
            };
            if self
                .gaz
                .hit_variants(h)
                .any(|v| matches!(v.target, Target::Country { .. }))
            {
                ev.add(
                    a.country_at(c, day),
                    zone_of(from as u32),
                    K_DEMONYM,
                    from as u32,
                    false,
                );
            }
        }
        // Dateline.
        // "LONDON/BRUSSELS": a story filed from several desks is placed in each.
        let mut dateline_country = None;
        for part in article.dateline.iter().flat_map(|d| d.split('/')) {
            if let Some(c) = self.resolve_dateline(part, day, &ev) {
                ev.entry(c).dateline = true;
                dateline_country.get_or_insert(c);
            }
        }
        let dateline_unplaced = dateline_country.is_none()
            && article
                .dateline
                .as_deref()
                .is_some_and(|d| d.chars().any(char::is_alphabetic));
        // A dateline town the gazetteer does not know, in a story that names no foreign
        // country: on an English-language wire these are overwhelmingly small American towns
        // ("HECTOR, Minn."), so the home desk's country is the best reading.
        if dateline_unplaced {
            if let Some(us) = self.home_country {
                if ev.list.iter().all(|(c, _)| *c == us) {
                    ev.entry(us).dateline = true;
                }
            }
        }
        // A story with no dateline, or one the gazetteer cannot place, whose headline carries
        // a U.S.-style ticker ("OSR <OSRC> TO MAKE ACQUISITION", from "OLD BETHPAGE") is a
        // company item from the home desk, even when it names a foreign partner.
        if dateline_country.is_none() && has_us_ticker(headline) {
            if let Some(us) = self.home_country {
                ev.entry(us).dateline = true;
            }
        }
        // Ambiguous names go to the reading the rest of the article supports; the namesake
        // of a country is read as the place only in a story filed from its country (or with
        // no dateline to tell).
        let filed: Vec<CountryId> = if ambiguous.is_empty() {
            Vec::new()
        } else {
            ev.list
                .iter()
                .filter(|x| x.1.dateline)
                .map(|x| x.0)
                .collect()
        };
        let filed_from = |c: CountryId| filed.is_empty() || filed.contains(&c);
        // The countries of the known people the story names back their reading, as much as a
        // dateline does: "Congo's President Felix Tshisekedi", and "Georgia's Prime Minister
        // Irakli Kobakhidze" even in a story filed from Washington.
        let people_of: Vec<CountryId> = if ambiguous.is_empty() {
            Vec::new()
        } else {
            clusters
                .iter()
                .filter_map(|cl| a.people[cl.authority? as usize].country)
                .map(|c| a.country_at(c, day))
                .collect()
        };
        let backing = |c: CountryId| 2.0 * people_of.iter().filter(|&&p| p == c).count() as f32;
        for (hi, cands, kind) in ambiguous {
            let h = &hits[hi];
            let w = &folded[h.start as usize + 1..h.end as usize + 1];
            let settled_as = settled
                .iter()
                .find(|s| s.0 == w && cands.iter().any(|x| x.0 == s.1))
                .map(|s| s.1);
            let country_backed = cands
                .iter()
                .any(|x| x.1 != PRIO_IF_FILED_THERE && people_of.contains(&x.0));
            let best = cands
                .iter()
                .filter(|x| x.1 != PRIO_IF_FILED_THERE || (filed_from(x.0) && !country_backed))
                .max_by(|x, y| {
                    let ex = ev.support(x.0) + backing(x.0);
                    let ey = ev.support(y.0) + backing(y.0);
                    // The condition's mark aside, the namesake place ranks as places do.
                    let rank = |p: u8| if p == PRIO_IF_FILED_THERE { 2 } else { p };
                    ex.total_cmp(&ey).then(rank(x.1).cmp(&rank(y.1)))
                })
                .map(|c| c.0);
            if let Some(c) = settled_as.or(best) {
                let common = caps_at(h.start) && people::has(w, people::F_COMMON_COUNTRY);
                ev.add(c, zone_of(h.start), kind, h.start, common);
            }
        }
        ev.confirm();
        // People named in the headline bring their countries, when the headline or the lead
        // names those too (the lead's "French President Emmanuel Macron" under "STARMER AND
        // MACRON ..."). Reuters: 11 editors' tags more, 2 others.
        for cl in clusters.iter().filter(|cl| cl.in_head) {
            let Some(c) = cl.authority.and_then(|pid| a.people[pid as usize].country) else {
                continue;
            };
            let c = a.country_at(c, day);
            if let Some((_, e)) = ev.list.iter_mut().find(|x| x.0 == c) {
                if e.n[0].iter().chain(&e.n[1]).any(|&k| k > 0) {
                    e.head_person = true;
                }
            }
        }
        // A person the headline names whom the lead introduces as "X of <country>" brings
        // that country ("Bolt wins Olympic 100 metres" over "Usain Bolt of Jamaica won"):
        // the nationality wire copy gives a subject it has no title for.
        for cl in clusters
            .iter()
            .filter(|cl| cl.in_head && cl.authority.is_none())
        {
            let (_, e) = cl.span;
            if zone_of(e) != Zone::Lead {
                continue;
            }
            let after = tb.get(e as usize..).unwrap_or_default();
            let gap = if after.starts_with(b" of the ") {
                8
            } else if after.starts_with(b" of ") {
                4
            } else {
                continue;
            };
            let at = e + gap;
            let Some(h) = hits.iter().find(|h| h.start == at) else {
                continue;
            };
            let Some(c) = self.gaz.hit_variants(h).find_map(|v| match v.target {
                Target::Country { id, demonym, .. } if !demonym => Some(a.country_at(id, day)),
                _ => None,
            }) else {
                continue;
            };
            if let Some((_, e)) = ev.list.iter_mut().find(|x| x.0 == c) {
                e.head_person = true;
            }
        }
        let body_start = head_end + 2;
        let market_report = is_market_report(headline);
        for (_, e) in ev.list.iter_mut() {
            e.first = e.first.map(|f| f.saturating_sub(body_start));
            e.market_report = market_report;
        }

        // ---- people
        // The dateline's country (after the fallback above), for `PersonEvidence::home`.
        let dateline_country = ev.list.iter().find(|x| x.1.dateline).map(|x| x.0);
        let people = clusters
            .iter()
            .filter_map(|cl| {
                let name = match cl.authority {
                    Some(pid) => a.people[pid as usize].name.to_string(),
                    None => display_name(text, cl.span),
                };
                (!name.is_empty()).then(|| {
                    (
                        name,
                        PersonEvidence {
                            authority: cl.authority.is_some(),
                            leader: cl
                                .authority
                                .is_some_and(|pid| a.people[pid as usize].is_leader_in(year)),
                            home: dateline_country.is_some()
                                && cl.authority.is_some_and(|pid| {
                                    a.people[pid as usize].country.map(|c| a.country_at(c, day))
                                        == dateline_country
                                }),
                            mentions: cl.mentions,
                            in_headline: cl.in_head,
                            in_lead: cl.in_lead,
                            titled: cl.titled,
                            quoted: cl.quoted,
                            full_name: cl.full_name,
                            head_title: cl.head_title,
                            speaker: cl.speaker,
                            subject: cl.subject,
                            lead_subject: cl.lead_subject,
                            pronoun: cl.pronoun,
                            bare: cl.bare,
                            first: cl.first_pos.saturating_sub(body_start),
                        },
                    )
                })
            })
            .collect();
        let out = Analysis {
            countries: ev
                .list
                .into_iter()
                .map(|(c, e)| (a.country_name(c).to_string(), e))
                .collect(),
            people,
            body_len: body.len() as u32,
            dateline_unplaced,
        };
        SCRATCH.with(|c| c.set(scratch));
        out
    }

    /// Tags one article: pure, never panics.
    pub fn tag(&self, article: &Article) -> Tags {
        let an = self.analyze(article);
        // Each list allocated once, at its largest size, rather than grown push by push.
        let mut tags = Tags {
            countries: Vec::with_capacity(an.countries.len()),
            people: Vec::with_capacity(an.people.len()),
            mentioned_countries: Vec::with_capacity(an.countries.len()),
            mentioned_people: Vec::with_capacity(an.people.len()),
        };
        // Without a dateline, the most salient country named is the story's place.
        let lead_country = if an.countries.iter().any(|(_, e)| e.dateline) {
            None
        } else {
            an.countries
                .iter()
                .map(|(n, e)| (n, e.score()))
                .filter(|(_, s)| *s >= 0.4)
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(n, _)| n.clone())
        };
        for (name, e) in an.countries {
            if e.about() || lead_country.as_ref() == Some(&name) {
                tags.countries.push(name.clone());
            }
            tags.mentioned_countries.push(name);
        }
        for (name, e) in an.people {
            if e.about() {
                tags.people.push(name.clone());
            }
            tags.mentioned_people.push(name);
        }
        for l in [
            &mut tags.countries,
            &mut tags.people,
            &mut tags.mentioned_countries,
            &mut tags.mentioned_people,
        ] {
            l.sort();
            l.dedup();
        }
        tags
    }

    /// Whether hit `hi` follows ", " right after a hit that can name a place or country of
    /// `c` ("Atlanta, Georgia").
    fn follows_place_of(
        &self,
        hits: &[Hit],
        hi: usize,
        text: &[u8],
        c: CountryId,
        day: i32,
    ) -> bool {
        let a = self.auth;
        let Some(prev) = hi.checked_sub(1).and_then(|p| hits.get(p)) else {
            return false;
        };
        prev.end as usize + 2 == hits[hi].start as usize
            && text.get(prev.end as usize..hits[hi].start as usize) == Some(&b", "[..])
            && self.gaz.hit_variants(prev).any(|v| match v.target {
                Target::Country { id, .. } => a.country_at(id, day) == c,
                Target::Place(pid) => a.places[pid as usize]
                    .country
                    .is_some_and(|d| a.country_at(d, day) == c),
                Target::Person { .. } => false,
            })
    }

    /// Whether hit `hi` is followed by ", " and a state, province or region of another
    /// country than any it names ("Stuttgart, Arkansas"; not "Paris, France" or "Sydney,
    /// New South Wales").
    fn qualified_by_region(&self, hits: &[Hit], hi: usize, text: &[u8]) -> bool {
        let a = self.auth;
        let h = &hits[hi];
        let Some(next) = hits.get(hi + 1) else {
            return false;
        };
        if next.start as usize != h.end as usize + 2
            || text.get(h.end as usize..next.start as usize) != Some(&b", "[..])
        {
            return false;
        }
        let country_of = |v: &gazetteer::Variant| match v.target {
            Target::Country { id, .. } => Some(id),
            Target::Place(pid) => a.places[pid as usize].country,
            Target::Person { .. } => None,
        };
        // A country's name as a town's ("Lebanon, N.H.", "Mexico, Mo.") only before a
        // state's abbreviation: in a list of places a region may follow a country
        // ("Morocco, Israel, Canary Islands").
        let country_named = self
            .gaz
            .hit_variants(h)
            .any(|v| matches!(v.target, Target::Country { .. }));
        let mut regions = self.gaz.hit_variants(next).filter_map(|v| match v.target {
            Target::Place(pid) => {
                let p = &a.places[pid as usize];
                let qualifies = match p.kind {
                    PlaceKind::Abbreviation => true,
                    PlaceKind::Region => !country_named,
                    _ => false,
                };
                qualifies.then_some(p.country).flatten()
            }
            _ => None,
        });
        let Some(region) = regions.next() else {
            return false;
        };
        // The region must be of one country, and none of the town's.
        regions.all(|c| c == region)
            && self
                .gaz
                .hit_variants(h)
                .filter_map(country_of)
                .all(|c| c != region)
    }

    /// True if the ALL-CAPS "US" at `h` reads as the pronoun ("LET US", "HELP US").
    fn us_is_pronoun(&self, folded: &[u8], h: &Hit) -> bool {
        let before = &folded[..h.start as usize + 1];
        let before = before.trim_ascii_end();
        let start = before.iter().rposition(|&b| b == b' ').map_or(0, |p| p + 1);
        let prev = &before[start..];
        people::has(prev, people::F_US_PRONOUN)
    }

    /// What the word after a name makes of it: a market ("London metal exchange"), a
    /// currency ("the U.S. dollar", "Canadian dollar") or nothing special.
    fn modifier_context(&self, folded: &[u8], text: &[u8], h: &Hit) -> Modifier {
        let rest = &folded[(h.end as usize + 1).min(folded.len())..];
        let rest = rest.trim_ascii_start();
        let end = rest
            .iter()
            .position(|&b| b == b' ' || b == b'.')
            .unwrap_or(rest.len());
        let next = &rest[..end];
        let w = &folded[h.start as usize + 1..h.end as usize + 1];
        if animal_sense(w, next) {
            Modifier::Animal
        } else if is_language(w) && language_sense(folded, text, h, next) {
            Modifier::Language
        } else if people::has(next, people::F_CURRENCY) {
            Modifier::Currency
        } else if people::has(next, people::F_MARKET) {
            Modifier::Market
        } else {
            Modifier::None
        }
    }

    /// The country of a dateline ("MOSCOW", "CAMBRIDGE, Mass.", "BONN") on `day` (`yyyymmdd`).
    fn resolve_dateline(
        &self,
        dateline: &str,
        day: i32,
        ev: &CountryEvidence,
    ) -> Option<CountryId> {
        let d = dateline.trim_start_matches(|c: char| !c.is_alphabetic());
        let (city, rest) = match d.split_once(',') {
            Some((c, r)) => (c, Some(r)),
            None => (d, None),
        };
        let key = fold::normalize_key(city);
        let town = self.lookup_dateline(&key, day, ev, false, false);
        // "CAMBRIDGE, Mass." / "KIEL, West Germany": the qualifier decides; when it names
        // several places ("ST HELIER, Jersey": the island, or New Jersey's short form), the
        // one the town belongs to.
        if let Some(rest) = rest {
            let q = rest
                .trim()
                .trim_end_matches(|c: char| c == '-' || c.is_whitespace());
            let q = fold::normalize_key(q);
            if let Some(c) = town.filter(|&c| self.dateline_may_be(&q, day, c)) {
                return Some(c);
            }
            // A qualifier that is both a country and a U.S. state ("Georgia") names the
            // country after one of its towns ("KUTAISI, Georgia", from the world table) and
            // the state after any other ("ATHENS, Georgia"), as American datelines write.
            if let Some(state) = self.state_namesake(&q, day) {
                let world = town
                    .is_none()
                    .then(|| self.auth.world_city(&key))
                    .flatten()
                    .map(|c| self.auth.country_at(c, day))
                    .filter(|&c| self.dateline_may_be(&q, day, c));
                return Some(world.unwrap_or(state));
            }
            if let Some(c) = self.lookup_dateline(&q, day, ev, true, false) {
                return Some(c);
            }
        }
        if town.is_some() {
            return town;
        }
        // A city the curated places do not list, from the generated world table, by its
        // whole name before any shorter name inside it ("NOVI SAD" is Serbia's, not Novi,
        // Michigan).
        if let Some(c) = self.auth.world_city(&key) {
            return Some(self.auth.country_at(c, day));
        }
        // "JOHANNESBURG MARCH 13": drop trailing words until a name is found.
        let words: Vec<&str> = key.split(' ').collect();
        for n in (1..words.len()).rev() {
            if let Some(c) = self.lookup_dateline(&words[..n].join(" "), day, ev, false, false) {
                return Some(c);
            }
        }
        // Or by its first words ("SFAX MARCH 3").
        let world = (1..words.len())
            .rev()
            .find_map(|n| self.auth.world_city(&words[..n].join(" ")));
        if let Some(c) = world {
            return Some(self.auth.country_at(c, day));
        }
        // Wire-desk misspellings ("WILMAINGTON", "ALTANTA"): one edit away from a known name.
        if key.len() >= 7 {
            let mut found: Option<&str> = None;
            let first = key.as_bytes()[0];
            let near = (key.len() - 1..=key.len() + 1)
                .filter_map(|n| self.dateline_keys.get(&(first, n)))
                .flatten();
            for k in near {
                if one_edit_apart(k.as_bytes(), key.as_bytes()) {
                    if found.is_some() {
                        return None; // ambiguous: two names one edit away
                    }
                    found = Some(k);
                }
            }
            if let Some(k) = found {
                return self.lookup_dateline(k, day, ev, false, true);
            }
        }
        None
    }

    /// The country of the state or region a dateline qualifier names when it also names a
    /// country ("Georgia": the United States), on `day`.
    fn state_namesake(&self, key: &str, day: i32) -> Option<CountryId> {
        let targets = self.datelines.get(key)?;
        if !targets
            .iter()
            .any(|t| matches!(t, DatelineTarget::Country(_)))
        {
            return None;
        }
        targets.iter().find_map(|t| match *t {
            DatelineTarget::Place(pid, false) => {
                let p = &self.auth.places[pid as usize];
                (p.kind == PlaceKind::Region && p.ambiguous)
                    .then_some(p.country)
                    .flatten()
                    .map(|c| self.auth.country_at(c, day))
            }
            _ => None,
        })
    }

    /// Whether the dateline qualifier `key` (already `normalize_key`ed) may name a place
    /// of country `c` (its country or one of its regions) on `day`.
    fn dateline_may_be(&self, key: &str, day: i32, c: CountryId) -> bool {
        let a = self.auth;
        self.datelines.get(key).is_some_and(|targets| {
            targets.iter().any(|t| match *t {
                DatelineTarget::Country(d) => a.country_at(d, day) == c,
                DatelineTarget::Place(pid, _) => {
                    let p = &a.places[pid as usize];
                    matches!(p.kind, PlaceKind::Abbreviation | PlaceKind::Region)
                        && p.country.is_some_and(|d| a.country_at(d, day) == c)
                }
            })
        })
    }

    /// What the dateline name `key` (already `normalize_key`ed) places the story in.
    fn lookup_dateline(
        &self,
        key: &str,
        day: i32,
        ev: &CountryEvidence,
        qualifier: bool,
        fuzzy: bool,
    ) -> Option<CountryId> {
        let a = self.auth;
        let targets = self.datelines.get(key)?;
        // Each target's country on `day` and rank. Ties between namesakes: explicit validity
        // years beat an open row, a place named in running text beats a dateline-only town,
        // which beats a "Town, State" row reached by its town part; `secondary` rows lose to
        // all.
        let ranked = |t: &DatelineTarget| -> Option<(CountryId, u8)> {
            match *t {
                DatelineTarget::Country(c) => Some((a.country_at(c, day), 5u8)),
                DatelineTarget::Place(pid, derived) => {
                    let p = &a.places[pid as usize];
                    if p.from.is_some_and(|f| day / 10_000 < f)
                        || p.to.is_some_and(|t| day / 10_000 > t)
                    {
                        return None;
                    }
                    if qualifier && !matches!(p.kind, PlaceKind::Abbreviation | PlaceKind::Region) {
                        return None;
                    }
                    let c = p.country?;
                    let rank = if p.secondary {
                        0
                    } else if derived {
                        1
                    } else if p.dateline_only {
                        2
                    } else if p.to.is_some() || p.from.is_some() {
                        4
                    } else {
                        3
                    };
                    Some((a.country_at(c, day), rank))
                }
            }
        };
        // Under a name no well-known place holds ("ALEXANDRIA", a dateline-only town), a
        // "Town, Country" row the story points to competes on evidence ("ALEXANDRIA" over a
        // story about Egypt); under "LONDON" it does not (London, Ontario).
        let well_known = targets.iter().filter_map(ranked).any(|(_, rank)| rank >= 3);
        let mut best: Option<(CountryId, (u8, f32, u8))> = None;
        // The countries of "Town, State" rows reached by their town alone that the story
        // does not point to: used only if they agree and nothing else answers ("VALENCIA"
        // is Valencia, Spain, rather than an unknown town of the home desk's country).
        let mut derived: Option<Option<CountryId>> = None;
        for (c, rank) in targets.iter().filter_map(ranked) {
            // A namesake reached only through "Town, State" or marked secondary is chosen
            // only when nothing better is listed; among the rest the article's own evidence
            // decides, then the rank.
            let support = ev.support(c);
            if rank == 1 && support <= 0.0 {
                // "Valencia" of "Valencia, Spain" only if the story points there, or alone.
                derived = match derived {
                    None => Some(Some(c)),
                    Some(Some(d)) if d == c => Some(Some(c)),
                    Some(_) => Some(None),
                };
                continue;
            }
            if fuzzy && rank < 3 {
                continue; // a misspelling is trusted only for well-known names
            }
            // A secondary namesake the story points to ("SAN JOSE" over a story about Costa
            // Rica) competes on evidence like the others; unsupported, it loses the tie.
            let supported = support > 0.0 && (rank == 0 || (rank == 1 && !well_known));
            let score = (u8::from(rank >= 2 || supported), support, rank);
            if best.is_none_or(|(_, s)| {
                score.0 > s.0
                    || (score.0 == s.0 && (score.1 > s.1 || (score.1 == s.1 && score.2 > s.2)))
            }) {
                best = Some((c, score));
            }
        }
        best.map(|(c, _)| c)
            .or(derived.flatten().filter(|_| !fuzzy))
    }
}

impl Default for Tagger {
    fn default() -> Self {
        Self::new()
    }
}

/// The name of an unknown person as printed, whitespace-normalised, possessive dropped.
fn display_name(text: &str, (s, e): (u32, u32)) -> String {
    let Some(raw) = text.get(s as usize..e as usize) else {
        return String::new();
    };
    let mut out = String::with_capacity(raw.len() + 1);
    for w in raw.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    // The period of "Jr." is the abbreviation's, which the name's last token leaves out.
    if (out.ends_with(" Jr") || out.ends_with(" Sr"))
        && text.as_bytes().get(e as usize) == Some(&b'.')
    {
        out.push('.');
    }
    out
}

/// Kinds of country mention, strongest first (indexes of [`Evidence::n`]).
pub const K_NAME: usize = 0;
pub const K_DEMONYM: usize = 1;
pub const K_INSTITUTION: usize = 2;
pub const K_PLACE: usize = 3;
/// Markets, currencies, state abbreviations: "in London trading", "the U.S. dollar".
pub const K_WEAK: usize = 4;

/// What one article says about one country.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Evidence {
    /// The dateline city is in this country.
    pub dateline: bool,
    /// Mentions by zone (headline, lead paragraph, rest of the body) and kind (`K_*`).
    pub n: [[u16; 5]; 3],
    /// Byte offset of the first body mention (headline mentions count as 0).
    pub first: Option<u32>,
    /// Mentions in ALL-CAPS text by a word that is also a common noun ("TURKEY"), by zone
    /// and kind like `n`: they count only once the country is confirmed by the dateline or
    /// by a mention where case tells ("Turkey" in running text).
    pub unconfirmed: [[u16; 5]; 3],
    /// Byte offset of the first of those mentions.
    pub unconfirmed_first: Option<u32>,
    /// The headline reads as a market report (`is_market_report`).
    pub market_report: bool,
    /// A person of this country from the authority list is named in the headline, and the
    /// story names the country too ("STARMER AND MACRON PUSH ..." over "French President
    /// Emmanuel Macron"): the headline is about its people's countries.
    pub head_person: bool,
}

impl Evidence {
    /// Whether the article is about the country: what an editor tags. The dateline's
    /// country always; otherwise a score where the headline weighs most, then the lead
    /// paragraph, then each further mention (names over demonyms over cities), plus a
    /// bonus for being named early.
    pub fn about(&self) -> bool {
        if self.dateline {
            // A market report is filed from the exchange's city but is about the market: its
            // country counts only if the headline names it ("CANADIAN BONDS ..." still not,
            // "JAPAN REDUCES SUGAR ESTIMATE" yes).
            let [h, _, _] = self.n;
            return !self.market_report || h[K_NAME] + h[K_DEMONYM] > 0;
        }
        if self.head_person {
            return true;
        }
        let s = self.score();
        s >= ABOUT_THRESHOLD
    }

    /// The salience score behind [`Evidence::about`].
    pub fn score(&self) -> f32 {
        let [h, l, b] = self.n;
        let head = (h[K_NAME] + h[K_DEMONYM] + h[K_INSTITUTION]) as f32;
        let lead = (l[K_NAME] + l[K_DEMONYM] + l[K_INSTITUTION]).min(2) as f32;
        let mut s = 1.5 * head
            + 0.4 * h[K_PLACE] as f32
            + lead
            + 0.4 * l[K_PLACE] as f32
            + 0.35 * b[K_NAME] as f32
            + 0.2 * b[K_DEMONYM] as f32
            + 0.25 * b[K_INSTITUTION] as f32
            + 0.1 * b[K_PLACE] as f32;
        // Named early in the body (the headline is weighed above).
        if self.first.is_some_and(|f| f > 0 && f < 300) {
            s += 0.3;
        }
        s
    }
}

/// Score from which a country the dateline does not name counts as a subject.
pub const ABOUT_THRESHOLD: f32 = 1.4;

/// What one article says about one person.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PersonEvidence {
    /// Resolved to the authority list.
    pub authority: bool,
    pub mentions: u16,
    pub in_headline: bool,
    pub in_lead: bool,
    /// Introduced by a title ("Finance Minister X").
    pub titled: bool,
    /// Quoted or attributed ("X said").
    pub quoted: bool,
    /// Named at least once with given name and surname.
    pub full_name: bool,
    /// The headline refers to the person by title only ("PREMIER SAYS ...").
    pub head_title: bool,
    /// A head of state or government (from the authority role).
    pub leader: bool,
    /// The person's country (from the authority list) is the dateline's country: a leader
    /// named in a story filed from his own country is usually its backdrop.
    pub home: bool,
    /// Mentions as a sentence's speaker ("X has said", "said X", "according to X").
    pub speaker: u16,
    /// Mentions opening a sentence as its subject ("Finance Minister X will ...").
    pub subject: u16,
    /// Some mention opens a sentence of the lead paragraph as its subject.
    pub lead_subject: bool,
    /// Sentences opened by "He"/"She" right after the person was the last one named.
    pub pronoun: u16,
    /// Taken for a person only because the name opens with a given name (no cue yet).
    pub bare: bool,
    /// Byte offset of the first body mention.
    pub first: u32,
}

impl PersonEvidence {
    /// Whether the article is about the person: named in the headline (by name or by
    /// title alone), or the subject of the lead, or quoted and named again. A head of state
    /// or government named in the lead but neither in the headline nor quoted is usually
    /// context ("President Reagan's budget"), not the subject. Outside the headline, a person
    /// first named late (`LATE_BYTES`) must open some sentence as its subject or be picked
    /// up by a "He"/"She" sentence.
    pub fn about(&self) -> bool {
        let cue = self.quoted || self.titled;
        // Named in the headline and the subject of a sentence of the lead ("Michael Jordan
        // agrees to sell ..." / "Michael Jordan agreed on Friday ..."): the story's subject,
        // whatever else cues the name.
        if self.in_headline && self.lead_subject {
            return true;
        }
        if self.bare && !cue {
            return false;
        }
        if self.in_headline || self.head_title {
            return self.authority || cue || self.mentions >= 2;
        }
        // Named first only deep into the story, and never as the subject of a sentence nor
        // followed by a sentence opened with "He"/"She": a person the story passes by ("talks
        // with Prime Minister X", "the plan of X"), however often that passing recurs.
        if self.first >= LATE_BYTES && self.subject == 0 && self.pronoun == 0 {
            return false;
        }
        // The speaker of the lead paragraph, introduced by title or known: the story's source
        // and actor ("..., Qatar's Prime Minister Sheikh X said on Wednesday").
        if self.in_lead && self.speaker > 0 && (self.authority || self.titled) {
            return true;
        }
        if self.in_lead
            && ((self.mentions >= 2 && cue) || (self.first < 40 && (self.authority || cue)))
        {
            // A leader who opens the story and recurs in full is its subject, quoted or not.
            return !self.leader || self.quoted || (self.full_name && self.mentions >= 3);
        }
        (self.mentions >= 2 && self.quoted)
            // A foreign head of state or government introduced in full with a title ("U.S.
            // President Donald Trump" in a story from Moscow) or named in full and again is
            // part of what a reader takes the story to be about, even late in the story (the
            // seed story's expectation). In a story filed from the leader's own country he is
            // mostly the backdrop ("a plan submitted to President Corazon Aquino"), and
            // Reuters' editors leave him untagged. Named once, he must also act in his sentence
            // (its subject or speaker: "U.S. President X has said ..."), not just be met,
            // visited or invoked ("talks with Prime Minister X").
            || (self.leader
                && !self.home
                && self.full_name
                && (self.mentions >= 2 || (self.titled && self.speaker + self.subject > 0)))
    }
}

/// Byte offset into the body from which a first mention is "late": past the lead and the
/// next two or three paragraphs of a wire story.
pub const LATE_BYTES: u32 = 1000;

/// Everything `Tagger::analyze` found in one article.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Every country mentioned or implied by the dateline, in first-seen order.
    pub countries: Vec<(String, Evidence)>,
    /// Every person recognised, canonical name first.
    pub people: Vec<(String, PersonEvidence)>,
    pub body_len: u32,
    /// The article has a dateline that the gazetteer could not place.
    pub dateline_unplaced: bool,
}

/// Per-country evidence gathered from one article (a handful of countries per story).
#[derive(Default)]
struct CountryEvidence {
    list: Vec<(CountryId, Evidence)>,
}

impl CountryEvidence {
    fn entry(&mut self, c: CountryId) -> &mut Evidence {
        let i = match self.list.iter().position(|x| x.0 == c) {
            Some(i) => i,
            None => {
                self.list.push((c, Evidence::default()));
                self.list.len() - 1
            }
        };
        &mut self.list[i].1
    }

    fn add(&mut self, c: CountryId, zone: Zone, kind: usize, pos: u32, common_in_caps: bool) {
        let e = self.entry(c);
        let z = match zone {
            Zone::Head => 0,
            Zone::Lead => 1,
            Zone::Body => 2,
        };
        if common_in_caps {
            e.unconfirmed[z][kind.min(K_WEAK)] += 1;
            e.unconfirmed_first = Some(e.unconfirmed_first.map_or(pos, |f| f.min(pos)));
            return;
        }
        e.n[z][kind.min(K_WEAK)] += 1;
        e.first = Some(e.first.map_or(pos, |f| f.min(pos)));
    }

    /// Counts the ALL-CAPS common-word mentions of every country that the dateline or a
    /// mention in mixed case confirms ("JAPAN BUYS RAPESEED" over "Japan bought ...").
    /// A country named only that way stays a mention, never a subject.
    fn confirm(&mut self) {
        for (_, e) in self.list.iter_mut() {
            let pending: u16 = e.unconfirmed.iter().flatten().sum();
            let confirmed = e.dateline || e.n.iter().flatten().any(|&k| k > 0);
            if pending == 0 || !confirmed {
                continue;
            }
            for (n, u) in e.n.iter_mut().zip(&e.unconfirmed) {
                for (n, u) in n.iter_mut().zip(u) {
                    *n += u;
                }
            }
            e.first = match (e.first, e.unconfirmed_first) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            e.unconfirmed = Default::default();
            e.unconfirmed_first = None;
        }
    }

    /// How strongly the article already supports a country (to settle ambiguous names).
    fn support(&self, c: CountryId) -> f32 {
        match self.list.iter().find(|x| x.0 == c) {
            Some((_, e)) => {
                let n: u16 = e.n.iter().flat_map(|z| z[..K_WEAK].iter()).sum();
                n as f32 + if e.dateline { 2.0 } else { 0.0 }
            }
            None => 0.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{is_mostly_caps, one_edit_apart};

    /// `is_mostly_caps` byte by byte, as it was before the eight-byte blocks.
    fn is_mostly_caps_slow(body: &str) -> bool {
        let (mut lower, mut letters) = (0usize, 0usize);
        for b in body.bytes() {
            if b.is_ascii_alphabetic() {
                letters += 1;
                if b.is_ascii_lowercase() {
                    lower += 1;
                    if lower > 64 && lower * 10 >= letters {
                        return false;
                    }
                }
            }
        }
        letters > 0 && lower * 10 < letters
    }

    #[test]
    fn mostly_caps_matches_the_byte_loop() {
        // Texts mixing capitals and lowercase in varying proportions (some near the 1-in-10
        // threshold, where the early answer and the final one differ), with punctuation,
        // digits and non-ASCII letters.
        const PIECES: &[&str] = &[
            "a", "b", "z", "A", "Q", "Z", " ", ".", "1", "@", "[", "`", "{", "é", "Ö", "\n",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for round in 0..3000 {
            let upper_bias = round % 13;
            let mut text = String::new();
            for _ in 0..(seed % 900) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let k = (seed % 64) as usize;
                let piece = if k < upper_bias * 4 {
                    "K"
                } else {
                    PIECES[k % PIECES.len()]
                };
                text.push_str(piece);
            }
            assert_eq!(
                is_mostly_caps(&text),
                is_mostly_caps_slow(&text),
                "{text:?}"
            );
        }
        for text in ["", "ABC", "abc", &"A".repeat(700), &"aB".repeat(400)] {
            assert_eq!(is_mostly_caps(text), is_mostly_caps_slow(text), "{text:?}");
        }
    }

    #[test]
    fn headline_slugs() {
        use super::headline_slug_len as slug;
        assert_eq!(slug("UPDATE 2-Fed's Powell says"), "UPDATE 2-".len());
        assert_eq!(
            slug("UPDATE 3-EXCLUSIVE-Aramco weighs"),
            "UPDATE 3-EXCLUSIVE-".len()
        );
        assert_eq!(
            slug("SPECIAL REPORT-Inside the deal"),
            "SPECIAL REPORT-".len()
        );
        assert_eq!(slug("U.S.-JAPAN TRADE TALKS"), 0);
        assert_eq!(slug("EU-China summit ends"), 0);
        assert_eq!(slug("US STOCKS-Wall St rallies"), 0);
        assert_eq!(slug("UPDATE"), 0);
        assert_eq!(slug(""), 0);
    }

    #[test]
    fn one_edit() {
        assert!(one_edit_apart(b"wilmington", b"wilmaington"));
        assert!(one_edit_apart(b"atlanta", b"altanta"));
        assert!(one_edit_apart(b"richmond", b"richmnd"));
        assert!(one_edit_apart(b"greece", b"greene"));
        assert!(!one_edit_apart(b"london", b"london"));
        assert!(!one_edit_apart(b"london", b"lindin"));
        assert!(!one_edit_apart(b"sunbury", b"sudburyy"));
    }
}
