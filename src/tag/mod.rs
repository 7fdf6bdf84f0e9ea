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
//! How: the headline and body are folded once; one Aho-Corasick pass finds every
//! vocabulary entry (`gazetteer`); one token pass finds capitalised name sequences
//! (`text`, `people`). Countries come from names, demonyms, cities, metonyms and the
//! dateline, mapped to the state that existed at the article's date (Bonn in 1987 is West
//! Germany). "About" is decided from what a reader weighs: the dateline, the headline, the
//! lead paragraph, and how often and how early a name recurs.

mod authorities;
mod fold;
mod gazetteer;
mod people;
mod text;

use std::collections::HashMap;

use crate::article::Article;
pub use authorities::{
    Authorities, Country, CountryId, CountryKind, Person, PersonId, Place, PlaceId, PlaceKind,
};
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
    Place(PlaceId),
}

/// Compiled matchers over the authority files.
pub struct Tagger {
    auth: &'static Authorities,
    gaz: Gazetteer,
    /// normalize_key(place or country name) -> what a dateline of that name may be.
    datelines: HashMap<String, Vec<DatelineTarget>>,
}

/// Words after "London"/"New York" that make it a market, not a subject.
const MARKET_NEXT: &[&str] = &[
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

/// Words before "US" in an ALL-CAPS headline that make it the pronoun ("LET US", "HELP US").
const US_PRONOUN_BEFORE: &[&str] = &[
    "let", "tell", "tells", "told", "give", "gives", "gave", "help", "helps", "join", "joins",
    "ask", "asks", "asked", "show", "shows", "send", "sends", "leave", "leaves", "left", "all",
    "with", "for", "of", "among", "against", "like", "about", "upon", "hit", "hits", "hurt",
    "hurts", "hurting", "before", "us",
];

/// Country names that are also common words: in an ALL-CAPS zone they only count if the
/// same country is also named where case is informative.
const COMMON_WORD_COUNTRIES: &[&str] = &[
    "turkey", "china", "chad", "guinea", "jersey", "japan", "jordan", "georgia",
];

fn lead_len(body: &str) -> usize {
    let b = body.as_bytes();
    let cap = b.len().min(700);
    let mut i = 0;
    while i + 1 < cap {
        if b[i] == b'\n' && matches!(b[i + 1], b'\n' | b' ' | b'\t') && i > 40 {
            return i;
        }
        i += 1;
    }
    cap
}

/// Reads a year from an article date without trusting it to be sane.
fn year_of(article: &Article) -> i32 {
    article.date.year()
}

impl Tagger {
    pub fn new() -> Tagger {
        let auth = Authorities::get();
        let gaz = Gazetteer::build(auth);
        let mut datelines: HashMap<String, Vec<DatelineTarget>> = HashMap::new();
        for (i, c) in auth.countries.iter().enumerate() {
            for n in std::iter::once(&c.name).chain(&c.aliases) {
                for v in fold::ascii_variants(n) {
                    datelines
                        .entry(fold::normalize_key(&v))
                        .or_default()
                        .push(DatelineTarget::Country(i as CountryId));
                }
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
                        .push(DatelineTarget::Place(i as PlaceId));
                }
            }
        }
        Tagger {
            auth,
            gaz,
            datelines,
        }
    }

    /// Whether the automaton was built (always, unless the embedded data is broken).
    pub fn is_ready(&self) -> bool {
        self.gaz.is_ready()
    }

    pub fn tag(&self, article: &Article) -> Tags {
        let a = self.auth;
        let year = year_of(article);
        let headline = article.headline.as_str();
        let body = article.body.as_str();
        let mut text = String::with_capacity(headline.len() + body.len() + 2);
        text.push_str(headline);
        text.push_str("\n\n");
        text.push_str(body);
        let tb = text.as_bytes();
        let head_end = headline.len() as u32;
        let lead_end = (headline.len() + 2 + lead_len(body)) as u32;
        let mut folded = Vec::with_capacity(tb.len() + 1);
        folded.push(b' ');
        fold::fold_into(&text, &mut folded);

        let head_caps = !headline.bytes().any(|b| b.is_ascii_lowercase());
        let (lower, letters) = body.bytes().fold((0usize, 0usize), |(l, n), b| {
            (
                l + b.is_ascii_lowercase() as usize,
                n + b.is_ascii_alphabetic() as usize,
            )
        });
        let body_caps = letters > 0 && lower * 10 < letters;
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

        let mut hits: Vec<Hit> = Vec::with_capacity(32);
        self.gaz.find(tb, &folded, &mut hits);
        let mut toks = Vec::with_capacity(tb.len() / 5);
        text::tokenize(tb, &folded, &mut toks);

        let ctx = people::Ctx {
            text: tb,
            folded: &folded,
            year,
            zone_of: &zone_of,
            caps_at: &caps_at,
        };
        let mut person_spans = Vec::new();
        let clusters = people::find(a, &self.gaz, &ctx, &toks, &hits, &mut person_spans);

        // ---- countries
        let mut ev = CountryEvidence::new(a.countries.len());
        let mut ambiguous: Vec<(usize, Vec<(CountryId, u8)>)> = Vec::new();
        for (hi, h) in hits.iter().enumerate() {
            let w = &folded[h.start as usize + 1..h.end as usize + 1];
            // Inside a person's name ("Vernon Jordan", "Chad Hurley").
            if people::NAME_LIKE.iter().any(|n| n.as_bytes() == w)
                && (person_spans
                    .iter()
                    .any(|&(s, e)| s <= h.start && h.end <= e && (s, e) != (h.start, h.end))
                    || clusters
                        .iter()
                        .any(|c| c.surname == w || (c.first == w && c.span_tokens > 1)))
            {
                continue;
            }
            let in_caps = caps_at(h.start);
            let mut cands: Vec<(CountryId, u8, f32)> = Vec::new(); // country, priority, weight
            for v in self.gaz.hit_variants(h) {
                match v.target {
                    Target::Country { id, demonym } => {
                        if in_caps && &*v.written == b"US" && self.us_is_pronoun(tb, &folded, h) {
                            continue;
                        }
                        let now = a.country_at(id, year);
                        let prio = if now == id { 3 } else { 1 };
                        cands.push((now, prio, if demonym { 0.7 } else { 1.0 }));
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
                            cands.clear();
                            cands.push((u16::MAX, 9, 0.0)); // a blocker: no country at all
                            break;
                        };
                        if p.kind == PlaceKind::Abbreviation
                            && !tb[..h.start as usize].ends_with(b", ")
                        {
                            continue;
                        }
                        let mut wgt = match p.kind {
                            PlaceKind::Metonym | PlaceKind::Institution => 0.9,
                            PlaceKind::Capital => 0.6,
                            PlaceKind::City | PlaceKind::Region | PlaceKind::Landmark => 0.5,
                            PlaceKind::Abbreviation => 0.2,
                        };
                        if p.market && self.market_context(&folded, h) {
                            wgt = 0.0;
                        }
                        cands.push((a.country_at(c, year), 2, wgt));
                    }
                    Target::Person { .. } => {}
                }
            }
            cands.retain(|c| c.0 != u16::MAX || c.1 == 9);
            if cands.is_empty() || cands[0].0 == u16::MAX {
                continue;
            }
            let common = in_caps && COMMON_WORD_COUNTRIES.iter().any(|n| n.as_bytes() == w);
            let zone = zone_of(h.start);
            let distinct: Vec<CountryId> = {
                let mut d: Vec<CountryId> = cands.iter().map(|c| c.0).collect();
                d.sort_unstable();
                d.dedup();
                d
            };
            if distinct.len() == 1 {
                let wgt = cands.iter().map(|c| c.2).fold(0.0f32, f32::max);
                ev.add(distinct[0], zone, wgt, h.start, common);
            } else {
                let mut best: Vec<(CountryId, u8)> = Vec::new();
                for &(c, p, _) in &cands {
                    match best.iter_mut().find(|b| b.0 == c) {
                        Some(b) => b.1 = b.1.max(p),
                        None => best.push((c, p)),
                    }
                }
                ambiguous.push((hi, best));
            }
        }
        // Dateline.
        let dateline_country = article
            .dateline
            .as_deref()
            .and_then(|d| self.resolve_dateline(d, year, &ev));
        if let Some(c) = dateline_country {
            ev.dateline[c as usize] = true;
        }
        // Ambiguous names go to the reading the rest of the article supports.
        for (hi, cands) in ambiguous {
            let h = &hits[hi];
            let best = cands
                .iter()
                .max_by(|x, y| {
                    let ex = ev.support(x.0);
                    let ey = ev.support(y.0);
                    ex.total_cmp(&ey).then(x.1.cmp(&y.1))
                })
                .map(|c| c.0);
            if let Some(c) = best {
                let w = &folded[h.start as usize + 1..h.end as usize + 1];
                let common =
                    caps_at(h.start) && COMMON_WORD_COUNTRIES.iter().any(|n| n.as_bytes() == w);
                ev.add(c, zone_of(h.start), 0.8, h.start, common);
            }
        }

        let mut tags = Tags::default();
        for (i, c) in a.countries.iter().enumerate() {
            if !ev.mentioned(i) {
                continue;
            }
            tags.mentioned_countries.push(c.name.clone());
            if ev.about(i) {
                tags.countries.push(c.name.clone());
            }
        }

        // ---- people
        for cl in &clusters {
            let name = match cl.authority {
                Some(pid) => a.people[pid as usize].name.clone(),
                None => display_name(&text, cl.span),
            };
            if name.is_empty() {
                continue;
            }
            let about = if cl.authority.is_some() {
                cl.in_head || cl.in_lead || cl.mentions >= 2 || cl.quoted
            } else {
                (cl.in_head || cl.in_lead) && (cl.titled || cl.quoted) || cl.mentions >= 3
            };
            tags.mentioned_people.push(name.clone());
            if about {
                tags.people.push(name);
            }
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

    /// True if the ALL-CAPS "US" at `h` reads as the pronoun ("LET US", "HELP US").
    fn us_is_pronoun(&self, text: &[u8], folded: &[u8], h: &Hit) -> bool {
        let _ = text;
        let before = &folded[..h.start as usize + 1];
        let before = before.trim_ascii_end();
        let start = before.iter().rposition(|&b| b == b' ').map_or(0, |p| p + 1);
        let prev = &before[start..];
        US_PRONOUN_BEFORE.iter().any(|w| w.as_bytes() == prev)
    }

    /// True if the word after the place makes it a market ("London metal exchange").
    fn market_context(&self, folded: &[u8], h: &Hit) -> bool {
        let rest = &folded[(h.end as usize + 1).min(folded.len())..];
        let rest = rest.trim_ascii_start();
        let end = rest
            .iter()
            .position(|&b| b == b' ' || b == b'.')
            .unwrap_or(rest.len());
        let next = &rest[..end];
        if MARKET_NEXT.iter().any(|w| w.as_bytes() == next) {
            return true;
        }
        // "in London trading" is caught above; "on the London exchange" too via the next word.
        false
    }

    /// The country of a dateline ("MOSCOW", "CAMBRIDGE, Mass.", "BONN"), at `year`.
    fn resolve_dateline(
        &self,
        dateline: &str,
        year: i32,
        ev: &CountryEvidence,
    ) -> Option<CountryId> {
        let a = self.auth;
        let d = dateline.trim_start_matches(|c: char| !c.is_alphabetic());
        let (city, rest) = match d.split_once(',') {
            Some((c, r)) => (c, Some(r)),
            None => (d, None),
        };
        // "CAMBRIDGE, Mass." / "KIEL, West Germany": the qualifier decides.
        if let Some(rest) = rest {
            let q = rest
                .trim()
                .trim_end_matches(|c: char| c == '-' || c.is_whitespace());
            if let Some(c) = self.lookup_dateline(q, year, ev, true) {
                return Some(c);
            }
        }
        let key = fold::normalize_key(city);
        if let Some(c) = self.lookup_dateline(&key, year, ev, false) {
            return Some(c);
        }
        // "JOHANNESBURG MARCH 13": drop trailing words until a name is found.
        let words: Vec<&str> = key.split(' ').collect();
        for n in (1..words.len()).rev() {
            if let Some(c) = self.lookup_dateline(&words[..n].join(" "), year, ev, false) {
                return Some(c);
            }
        }
        let _ = a;
        None
    }

    fn lookup_dateline(
        &self,
        name: &str,
        year: i32,
        ev: &CountryEvidence,
        qualifier: bool,
    ) -> Option<CountryId> {
        let a = self.auth;
        let key = fold::normalize_key(name);
        let targets = self.datelines.get(&key)?;
        let mut best: Option<(CountryId, (f32, u8))> = None;
        for t in targets {
            let (c, rank) = match *t {
                DatelineTarget::Country(c) => (a.country_at(c, year), 3u8),
                DatelineTarget::Place(pid) => {
                    let p = &a.places[pid as usize];
                    if p.from.is_some_and(|f| year < f) || p.to.is_some_and(|t| year > t) {
                        continue;
                    }
                    if qualifier && !matches!(p.kind, PlaceKind::Abbreviation | PlaceKind::Region) {
                        continue;
                    }
                    let Some(c) = p.country else { continue };
                    // Explicit validity years beat an open row; secondary rows lose ties.
                    let rank = if p.secondary {
                        0
                    } else if p.to.is_some() || p.from.is_some() {
                        2
                    } else {
                        1
                    };
                    (a.country_at(c, year), rank)
                }
            };
            let score = (ev.support(c), rank);
            if best.is_none_or(|(_, s)| score.0 > s.0 || (score.0 == s.0 && score.1 > s.1)) {
                best = Some((c, score));
            }
        }
        best.map(|(c, _)| c)
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
    let mut out = String::with_capacity(raw.len());
    for w in raw.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Per-country evidence gathered from one article.
struct CountryEvidence {
    weight: Vec<f32>,
    head: Vec<bool>,
    lead: Vec<bool>,
    first: Vec<u32>,
    dateline: Vec<bool>,
    /// Mentions only in ALL-CAPS zones of names that are also common words.
    unconfirmed: Vec<bool>,
    count: Vec<u16>,
}

impl CountryEvidence {
    fn new(n: usize) -> Self {
        CountryEvidence {
            weight: vec![0.0; n],
            head: vec![false; n],
            lead: vec![false; n],
            first: vec![u32::MAX; n],
            dateline: vec![false; n],
            unconfirmed: vec![false; n],
            count: vec![0; n],
        }
    }

    fn add(&mut self, c: CountryId, zone: Zone, w: f32, pos: u32, common_in_caps: bool) {
        let i = c as usize;
        if i >= self.weight.len() {
            return;
        }
        if common_in_caps {
            self.unconfirmed[i] = true;
            return;
        }
        self.count[i] += 1;
        self.weight[i] += w;
        self.first[i] = self.first[i].min(pos);
        if w > 0.0 {
            match zone {
                Zone::Head => self.head[i] = true,
                Zone::Lead => self.lead[i] = true,
                Zone::Body => {}
            }
        }
    }

    /// How strongly the article already supports a country (to settle ambiguous names).
    fn support(&self, c: CountryId) -> f32 {
        let i = c as usize;
        if i >= self.weight.len() {
            return 0.0;
        }
        self.weight[i] + if self.dateline[i] { 2.0 } else { 0.0 }
    }

    fn mentioned(&self, i: usize) -> bool {
        self.count[i] > 0 || self.dateline[i]
    }

    fn about(&self, i: usize) -> bool {
        self.dateline[i]
            || self.head[i]
            || (self.lead[i] && self.weight[i] >= 0.5)
            || self.weight[i] >= 2.0
    }
}
