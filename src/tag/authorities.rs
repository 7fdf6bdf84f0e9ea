//! The authority files: which countries, places and people exist, under which names, and
//! when. Answers "what does this name point at?" for the tagger and for search filters.
//!
//! The TSV files under `schema/authorities/` are embedded with `include_str!`, so the
//! binary runs from any directory. Parsing never panics: a malformed row is skipped and
//! reported by [`Authorities::load_errors`] (a test keeps that list empty).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::fold::{normalize_key, variant_keys};
use super::Resolution;

/// The authority lookup tables: keyed by `normalize_key`, with a fast hash (they are built
/// on every filtered search; the keys are ours, not an attacker's).
type Map<V> = HashMap<String, V, rustc_hash::FxBuildHasher>;

/// Adds `id` under `key` once.
fn add_id<I: PartialEq>(map: &mut Map<Vec<I>>, key: String, id: I) {
    let list = map.entry(key).or_default();
    if !list.contains(&id) {
        list.push(id);
    }
}

const COUNTRIES_TSV: &str = include_str!("../../schema/authorities/countries.tsv");
const PLACES_TSV: &str = include_str!("../../schema/authorities/places.tsv");
const WORLD_CITIES_TSV: &str = include_str!("../../schema/authorities/world-cities.tsv");
const PEOPLE_TSV: &str = include_str!("../../schema/authorities/people.tsv");
const ORGS_TSV: &str = include_str!("../../schema/authorities/organisations.tsv");

/// Index of a country in [`Authorities::countries`].
pub type CountryId = u16;
/// Index of a place in [`Authorities::places`].
pub type PlaceId = u32;
/// Index of a person in [`Authorities::people`].
pub type PersonId = u32;

/// What kind of polity a country row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountryKind {
    Country,
    Territory,
    /// A state that no longer exists under that name (Soviet Union, West Germany, Zaire).
    Historical,
}

/// One row of `countries.tsv`.
#[derive(Debug, Clone)]
pub struct Country {
    pub name: &'static str,
    pub iso2: &'static str,
    pub iso3: &'static str,
    pub kind: CountryKind,
    /// First and last year the state existed under this name, when known.
    pub from: Option<i32>,
    pub to: Option<i32>,
    /// Before the day (`yyyymmdd`), a mention of this country means the other one (Russia ->
    /// Soviet Union before 26 December 1991).
    pub earlier: Vec<(CountryId, i32)>,
    /// From the day (`yyyymmdd`) on, a mention of this country means the other one (Burma ->
    /// Myanmar from 18 June 1989).
    pub later: Vec<(CountryId, i32)>,
    pub aliases: Vec<&'static str>,
    pub demonyms: Vec<&'static str>,
    /// Aliases and demonyms this country shares with another that a bare mention usually
    /// means, with the year from which that is so (`i32::MIN`: always). Written `~Korea`
    /// (North Korea) and `~Congo@1997` (the Republic of the Congo: "Congo" was Brazzaville
    /// while Kinshasa's state was Zaire, the other Congo since) in `countries.tsv`; the
    /// name is also in `aliases` / `demonyms`, without the marks.
    pub secondary: Vec<(&'static str, i32)>,
}

impl Country {
    /// From which year a mention by `name` (one of the aliases or demonyms) reads as this
    /// country only when the story supports it over the other country of that name.
    pub fn secondary_from(&self, name: &str) -> Option<i32> {
        self.secondary
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, y)| y)
    }
}

/// What a place row is; decides how much a mention says about a story's subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Capital,
    City,
    /// State, province, region, island.
    Region,
    /// "Calif.", "N.J.": only counted right after a comma ("Irvine, Calif.").
    Abbreviation,
    /// The Kremlin, Whitehall, the Elysee: a building standing for a government.
    Metonym,
    /// Central banks, parliaments, exchanges.
    Institution,
    Landmark,
}

/// One row of `places.tsv`.
#[derive(Debug, Clone)]
pub struct Place {
    pub name: &'static str,
    /// `None` for phrases that must not count as any country ("Paris Club").
    pub country: Option<CountryId>,
    pub kind: PlaceKind,
    pub from: Option<i32>,
    pub to: Option<i32>,
    pub aliases: Vec<&'static str>,
    /// Only used to resolve a dateline, never matched in running text (small or ambiguous towns).
    pub dateline_only: bool,
    /// Often names a market rather than the subject ("London metal exchange", "in New York trading").
    pub market: bool,
    /// Loses a dateline tie against an equally supported place of the same name.
    pub secondary: bool,
    /// Shares its name with a country ("Georgia", "Jersey"): read as this place only in a
    /// story filed from its country or right after a place of it ("Atlanta, Georgia").
    pub ambiguous: bool,
}

/// One row of `people.tsv`.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: &'static str,
    /// Other full forms (transliterations, middle initials).
    pub aliases: Vec<&'static str>,
    /// Short forms distinctive enough to stand alone while the person is in office ("Putin").
    pub short: Vec<&'static str>,
    pub country: Option<CountryId>,
    pub role: &'static str,
    pub from: Option<i32>,
    pub to: Option<i32>,
    /// The family name comes first and is what running text repeats ("Xi Jinping" ...
    /// "Xi said", "Kim Jong Un" ... "Kim"): people of `FAMILY_NAME_FIRST` countries.
    pub family_first: bool,
}

/// Countries whose people English-language wire copy names family name first and refers
/// to by it. Japanese names are written given name first in English copy, and Vietnamese
/// leaders are referred to by their last name, so neither is here.
const FAMILY_NAME_FIRST: &[&str] = &["China", "Taiwan", "North Korea", "South Korea"];

impl Person {
    /// Whether the person was in the news at `year` (office years with a year of slack).
    pub fn active(&self, year: i32) -> bool {
        self.from.is_none_or(|f| year >= f - 1) && self.to.is_none_or(|t| year <= t + 1)
    }

    /// The offices of the `role` column: "Finance Minister 1986-1988; Prime Minister
    /// 1991-1993" gives each office with its own years when they are written (a bare office
    /// spans the row's `from`..`to`).
    pub fn roles(&self) -> impl Iterator<Item = Role<'_>> + '_ {
        self.role.split(';').map(|part| {
            let r = Role::parse(part.trim());
            if r.from.is_none() && r.to.is_none() {
                Role {
                    from: self.from,
                    to: self.to,
                    ..r
                }
            } else {
                r
            }
        })
    }

    /// A head of state or government in some year: one of the roles is exactly
    /// "President", "Prime Minister", "Chancellor", "King", "Emir", "Leader"... ("World Bank
    /// President" and "Chancellor of the Exchequer" are not).
    pub fn is_leader(&self) -> bool {
        self.roles().any(|r| r.is_leader())
    }

    /// A head of state or government in `year` (a year of slack each side): Kiichi
    /// Miyazawa was finance minister in 1987 and prime minister only from 1991.
    pub fn is_leader_in(&self, year: i32) -> bool {
        self.roles().any(|r| {
            r.is_leader()
                && r.from.is_none_or(|f| year >= f - 1)
                && r.to.is_none_or(|t| year <= t + 1)
        })
    }

    /// The words of the canonical name and of every alias ("Mohammed", "bin", "Al",
    /// "Thani", ...), for telling the person's own given names from a namesake's.
    pub fn name_words(&self) -> impl Iterator<Item = &str> + '_ {
        std::iter::once(&self.name)
            .chain(&self.aliases)
            .flat_map(|n| n.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
    }

    /// The surname as used in running text: last token of the name ("Volcker", "al-Assad"),
    /// or the first where the family name comes first ("Xi").
    pub fn surname(&self) -> &str {
        let mut words = self.name.split(' ');
        let word = if self.family_first {
            words.next()
        } else {
            words.next_back()
        };
        word.unwrap_or(self.name)
    }
}

/// One office of a person, with its years when the authority file gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Role<'a> {
    pub office: &'a str,
    pub from: Option<i32>,
    pub to: Option<i32>,
}

impl<'a> Role<'a> {
    /// "Prime Minister 1991-1993", "President 2014-" or "Emir".
    fn parse(part: &'a str) -> Role<'a> {
        let bare = Role {
            office: part,
            from: None,
            to: None,
        };
        let Some((office, years)) = part.rsplit_once(' ') else {
            return bare;
        };
        let Some((from, to)) = years.split_once('-') else {
            return bare;
        };
        let year = |y: &str| (y.len() == 4).then(|| y.parse::<i32>().ok()).flatten();
        match (year(from), to) {
            (Some(f), "") => Role {
                office: office.trim_end(),
                from: Some(f),
                to: None,
            },
            (Some(f), t) => match year(t) {
                Some(t) => Role {
                    office: office.trim_end(),
                    from: Some(f),
                    to: Some(t),
                },
                None => bare,
            },
            (None, _) => bare,
        }
    }

    /// Head of state or government.
    pub fn is_leader(&self) -> bool {
        const LEADERS: &[&str] = &[
            "president",
            "prime minister",
            "premier",
            "chancellor",
            "king",
            "queen",
            "emir",
            "leader",
            "head of state",
            "supreme leader",
            "general secretary",
            "paramount leader",
            "crown prince",
        ];
        LEADERS.iter().any(|l| self.office.eq_ignore_ascii_case(l))
    }
}

/// Light, lookup-only view of the authority files.
pub struct Authorities {
    pub countries: Vec<Country>,
    pub places: Vec<Place>,
    pub people: Vec<Person>,
    errors: Vec<String>,
    /// normalize_key(name | alias | demonym | iso code) -> countries.
    country_keys: Map<Vec<CountryId>>,
    /// normalize_key(ISO code) -> countries (kept apart: "DE" is both Germany and West Germany).
    country_codes: Map<Vec<CountryId>>,
    /// normalize_key(name | alias | short | surname) -> people.
    person_keys: Map<Vec<PersonId>>,
    /// normalize_key(canonical name) -> country.
    country_by_name: Map<CountryId>,
    /// The people's names spelled as the tagger compares them, built on first use (see
    /// [`misspelt_person`](Self::misspelt_person)).
    spellings: OnceLock<Spellings>,
    /// The generated world cities, built on first use (see [`world_city`](Self::world_city)).
    world: OnceLock<WorldCities>,
}

/// `world-cities.tsv`: cities of 100,000 people or more, generated from GeoNames, that
/// place a dateline the curated places do not know ("SFAX", "KUMASI"). Never matched in
/// running text.
#[derive(Default)]
struct WorldCities {
    /// normalize_key(name | alias, and their ASCII spellings) -> country; `None` where two
    /// rows of different countries share a key.
    by_key: HashMap<String, Option<CountryId>, rustc_hash::FxBuildHasher>,
    errors: Vec<String>,
}

/// People with a folded part of their name.
type NameParts = Vec<(PersonId, Vec<u8>)>;

/// Every multi-word name and alias of the people, folded, for recognising them misspelt.
#[derive(Default)]
struct Spellings {
    /// Folded first word -> (person, folded rest of the name: "john" -> "herrington").
    by_first: HashMap<Vec<u8>, NameParts, rustc_hash::FxBuildHasher>,
    /// Folded surnames (particle kept) with their people, by first byte.
    surnames: HashMap<u8, NameParts, rustc_hash::FxBuildHasher>,
}

/// The shortest name part a misspelling may be recognised in: "Ichan" (Icahn) and longer.
/// Shorter ones are a letter away from too many other names ("Kohl", "Kohn", "Koch").
const MIN_MISSPELT_LEN: usize = 5;

/// Whether `written` is one typing slip away from `known`: one letter dropped, added or
/// changed, or two neighbours swapped ("Calrsson"); never in the first letter, which a
/// desk rarely gets wrong and which tells most similar names apart. Byte-wise, with no
/// allocation: the tagger asks for every unknown full name.
fn one_slip(written: &[u8], known: &[u8]) -> bool {
    let (w, k) = (written, known);
    if w.len() < MIN_MISSPELT_LEN || k.len() < MIN_MISSPELT_LEN || w.first() != k.first() {
        return false;
    }
    let Some(i) = w.iter().zip(k).position(|(a, b)| a != b) else {
        // One is the other plus a last letter.
        return w.len().abs_diff(k.len()) == 1;
    };
    match w.len() as isize - k.len() as isize {
        0 => {
            w[i + 1..] == k[i + 1..]
                || (i + 1 < w.len()
                    && w[i] == k[i + 1]
                    && w[i + 1] == k[i]
                    && w[i + 2..] == k[i + 2..])
        }
        1 => w[i + 1..] == k[i..],
        -1 => w[i..] == k[i + 1..],
        _ => false,
    }
}

/// Where a row is, for its error messages ("people.tsv:12"); formatted only when a row
/// has an error (every search with a filter parses the files).
#[derive(Debug, Clone, Copy)]
struct At(&'static str, usize);

impl std::fmt::Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.0, self.1)
    }
}

fn opt_year(field: &str, what: &str, errors: &mut Vec<String>, at: At) -> Option<i32> {
    let f = field.trim();
    if f.is_empty() {
        return None;
    }
    match f.parse::<i32>() {
        Ok(y) => Some(y),
        Err(_) => {
            errors.push(format!("{at}: {what} {f:?} is not a year"));
            None
        }
    }
}

fn list(field: &'static str) -> Vec<&'static str> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// A calendar day as the integer `yyyymmdd`, the form `Authorities::country_at` compares.
pub fn day_key(year: i32, month: u8, day: u8) -> i32 {
    year * 10_000 + i32::from(month) * 100 + i32::from(day)
}

/// The day a succession link takes effect: `YEAR` (its first of January) or `YYYY-MM-DD`.
fn link_day(s: &str) -> Option<i32> {
    let mut parts = s.split('-');
    let year = parts.next()?.parse::<i32>().ok()?;
    match (parts.next(), parts.next(), parts.next()) {
        (None, _, _) => Some(day_key(year, 1, 1)),
        (Some(m), Some(d), None) => {
            let date = time::Date::from_calendar_date(
                year,
                time::Month::try_from(m.parse::<u8>().ok()?).ok()?,
                d.parse().ok()?,
            )
            .ok()?;
            Some(day_key(date.year(), date.month().into(), date.day()))
        }
        _ => None,
    }
}

/// A country name marked as a secondary reading: `~Korea` -> ("Korea", i32::MIN),
/// `~Congo@1997` -> ("Congo", 1997); an unmarked name -> `None`.
fn secondary_name(field: &'static str) -> Result<Option<(&'static str, i32)>, String> {
    let Some(rest) = field.strip_prefix('~') else {
        return Ok(None);
    };
    match rest.rsplit_once('@') {
        None => Ok(Some((rest, i32::MIN))),
        Some((name, year)) => match year.parse::<i32>() {
            Ok(y) if !name.is_empty() => Ok(Some((name, y))),
            _ => Err(format!(
                "secondary name {field:?} is not ~NAME or ~NAME@YEAR"
            )),
        },
    }
}

/// The most columns a TSV here has.
const MAX_COLUMNS: usize = 10;

/// The fields of one row: the first `len` of `cells` (a row with more columns than
/// [`MAX_COLUMNS`] counts them all in `len` and keeps the first ones).
struct Fields {
    cells: [&'static str; MAX_COLUMNS],
    len: usize,
}

impl std::ops::Index<usize> for Fields {
    type Output = &'static str;
    fn index(&self, i: usize) -> &&'static str {
        &self.cells[i]
    }
}

impl Fields {
    fn len(&self) -> usize {
        self.len
    }
}

/// Data rows of a TSV: skips comments, blank lines and the header, yields (line number,
/// fields). No allocation per row: the authority files are read on every `dateline search`
/// that filters by country or person.
fn rows(text: &'static str, header: &'static str) -> impl Iterator<Item = (usize, Fields)> {
    text.lines().enumerate().filter_map(move |(i, line)| {
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with(header) {
            return None;
        }
        let mut f = Fields {
            cells: [""; MAX_COLUMNS],
            len: 0,
        };
        for cell in line.split('\t') {
            if let Some(c) = f.cells.get_mut(f.len) {
                *c = cell;
            }
            f.len += 1;
        }
        Some((i + 1, f))
    })
}

impl Authorities {
    /// The embedded authorities, loaded once per process.
    pub fn get() -> &'static Authorities {
        static A: OnceLock<Authorities> = OnceLock::new();
        A.get_or_init(|| Authorities::parse(COUNTRIES_TSV, PLACES_TSV, PEOPLE_TSV, ORGS_TSV))
    }

    /// The countries and people alone, without places and organisations: enough for
    /// [`resolve_country`](Self::resolve_country) and [`resolve_person`](Self::resolve_person),
    /// and what `dateline search --person` loads (in about half the time of [`get`](Self::get)).
    pub fn names() -> &'static Authorities {
        static A: OnceLock<Authorities> = OnceLock::new();
        A.get_or_init(|| Authorities::parse(COUNTRIES_TSV, "", PEOPLE_TSV, ""))
    }

    /// The countries alone: enough for [`resolve_country`](Self::resolve_country), and what
    /// `dateline search --country` loads (a tenth of the instructions of [`names`](Self::names),
    /// most of which the four thousand people take).
    pub fn countries() -> &'static Authorities {
        static A: OnceLock<Authorities> = OnceLock::new();
        A.get_or_init(|| Authorities::parse(COUNTRIES_TSV, "", "", ""))
    }

    /// Rows that could not be read (empty for the shipped files).
    pub fn load_errors(&self) -> &[String] {
        &self.errors
    }

    /// The country of the world city whose `normalize_key`ed name is `key` (see
    /// `world-cities.tsv`); the table is read on the first call, which only a dateline the
    /// curated places do not know makes.
    pub fn world_city(&self, key: &str) -> Option<CountryId> {
        self.world_cities().by_key.get(key).copied().flatten()
    }

    /// Rows of `world-cities.tsv` that could not be read (empty for the shipped file).
    pub fn world_city_errors(&self) -> &[String] {
        &self.world_cities().errors
    }

    fn world_cities(&self) -> &WorldCities {
        self.world.get_or_init(|| {
            let mut w = WorldCities::default();
            // About three keys a row (name, aliases, transliterations): sized once.
            w.by_key.reserve(WORLD_CITIES_TSV.len() / 24);
            let mut last: Option<(&str, CountryId)> = None;
            for (line, f) in rows(WORLD_CITIES_TSV, "name\t") {
                let at = At("world-cities.tsv", line);
                if f.len() != 7 {
                    w.errors
                        .push(format!("{at}: expected 7 columns, got {}", f.len()));
                    continue;
                }
                // Rows come grouped by country: look each up once.
                let name = f[1].trim();
                let c = match last {
                    Some((n, c)) if n == name => c,
                    _ => match self.country_by_name(name) {
                        Some(c) => {
                            last = Some((name, c));
                            c
                        }
                        None => {
                            w.errors.push(format!("{at}: unknown country {:?}", f[1]));
                            continue;
                        }
                    },
                };
                for n in std::iter::once(f[0].trim()).chain(list(f[5])) {
                    variant_keys(n, |k| {
                        let e = w.by_key.entry(k).or_insert(Some(c));
                        if *e != Some(c) {
                            *e = None;
                        }
                    });
                }
            }
            w
        })
    }

    /// People whose name, alias, short form or surname has this key.
    pub fn person_keys_lookup(&self, key: &str) -> Option<&[PersonId]> {
        self.person_keys.get(&normalize_key(key)).map(Vec::as_slice)
    }

    /// The canonical name of a country id.
    pub fn country_name(&self, id: CountryId) -> &str {
        self.countries[id as usize].name
    }

    /// Whether a `normalize_key`ed word or phrase names a country or territory: its name,
    /// an alias or a demonym ("jordan", "holland").
    pub fn is_country_key(&self, key: &str) -> bool {
        self.country_keys.contains_key(key)
    }

    /// The country a canonical name denotes, exactly.
    pub fn country_by_name(&self, name: &str) -> Option<CountryId> {
        self.country_by_name.get(&normalize_key(name)).copied()
    }

    /// The country a mention of `id` means on `day` (`yyyymmdd`, see [`day_key`]): follows
    /// `earlier`/`later` renames and successions (Russia in 1987 -> Soviet Union; Burma in
    /// 2020 -> Myanmar; West Germany from 3 October 1990 -> Germany).
    pub fn country_at(&self, mut id: CountryId, day: i32) -> CountryId {
        // Chains are short (Kosovo -> Serbia -> Yugoslavia); the bound guards against a cycle
        // introduced by a data error.
        for _ in 0..4 {
            let c = &self.countries[id as usize];
            if let Some(&(e, _)) = c.earlier.iter().find(|&&(_, d)| day < d) {
                id = e;
                continue;
            }
            if let Some(&(l, _)) = c.later.iter().find(|&&(_, d)| day >= d) {
                id = l;
                continue;
            }
            break;
        }
        id
    }

    fn parse(
        countries_tsv: &'static str,
        places_tsv: &'static str,
        people_tsv: &'static str,
        orgs_tsv: &'static str,
    ) -> Authorities {
        let mut errors = Vec::new();
        let mut countries = Vec::new();
        let mut pending_links: Vec<(usize, bool, String, i32, At)> = Vec::new();
        for (line, f) in rows(countries_tsv, "name\t") {
            let at = At("countries.tsv", line);
            if f.len() != 10 {
                errors.push(format!("{at}: expected 10 columns, got {}", f.len()));
                continue;
            }
            let kind = match f[3] {
                "country" => CountryKind::Country,
                "territory" => CountryKind::Territory,
                "historical" => CountryKind::Historical,
                other => {
                    errors.push(format!("{at}: unknown kind {other:?}"));
                    continue;
                }
            };
            let idx = countries.len();
            for (col, later) in [(6, false), (7, true)] {
                for link in list(f[col]) {
                    match link.rsplit_once('@').map(|(n, d)| (n, link_day(d))) {
                        Some((n, Some(d))) => {
                            pending_links.push((idx, later, n.to_string(), d, at))
                        }
                        _ => errors.push(format!(
                            "{at}: link {link:?} is not NAME@YEAR or NAME@YYYY-MM-DD"
                        )),
                    }
                }
            }
            let mut secondary = Vec::new();
            let mut names = |col: usize| -> Vec<&'static str> {
                list(f[col])
                    .into_iter()
                    .map(|n| match secondary_name(n) {
                        Ok(Some((name, from))) => {
                            secondary.push((name, from));
                            name
                        }
                        Ok(None) => n,
                        Err(why) => {
                            errors.push(format!("{at}: {why}"));
                            n
                        }
                    })
                    .collect()
            };
            let aliases = names(8);
            let demonyms = names(9);
            countries.push(Country {
                name: f[0].trim(),
                iso2: f[1].trim(),
                iso3: f[2].trim(),
                kind,
                from: opt_year(f[4], "from", &mut errors, at),
                to: opt_year(f[5], "to", &mut errors, at),
                earlier: Vec::new(),
                later: Vec::new(),
                aliases,
                demonyms,
                secondary,
            });
        }
        let mut country_by_name = Map::default();
        for (i, c) in countries.iter().enumerate() {
            country_by_name.insert(normalize_key(c.name), i as CountryId);
        }
        for (idx, later, name, day, at) in pending_links {
            match country_by_name.get(&normalize_key(&name)) {
                Some(&target) if later => countries[idx].later.push((target, day)),
                Some(&target) => countries[idx].earlier.push((target, day)),
                None => errors.push(format!("{at}: link to unknown country {name:?}")),
            }
        }

        // The country columns of places and people spell canonical names: looked up as
        // written first, normalised only if that fails.
        let exact: HashMap<&str, CountryId> = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.name, i as CountryId))
            .collect();
        let country_named = |n: &str| {
            exact
                .get(n)
                .or_else(|| country_by_name.get(&normalize_key(n)))
                .copied()
        };
        let mut places = Vec::new();
        for (line, f) in rows(places_tsv, "name\t") {
            let at = At("places.tsv", line);
            if f.len() != 7 {
                errors.push(format!("{at}: expected 7 columns, got {}", f.len()));
                continue;
            }
            let country = match f[1].trim() {
                "-" => None,
                n => match country_named(n) {
                    Some(c) => Some(c),
                    None => {
                        errors.push(format!("{at}: unknown country {n:?}"));
                        continue;
                    }
                },
            };
            let kind = match f[2].trim() {
                "capital" => PlaceKind::Capital,
                "city" => PlaceKind::City,
                "state" | "province" | "region" => PlaceKind::Region,
                "state-abbr" => PlaceKind::Abbreviation,
                "metonym" => PlaceKind::Metonym,
                "institution" => PlaceKind::Institution,
                "landmark" | "phrase" => PlaceKind::Landmark,
                other => {
                    errors.push(format!("{at}: unknown kind {other:?}"));
                    continue;
                }
            };
            let flags: Vec<&str> = f[6].split(',').map(str::trim).collect();
            for fl in &flags {
                if !["", "dateline", "market", "secondary", "abbr", "ambiguous"].contains(fl) {
                    errors.push(format!("{at}: unknown flag {fl:?}"));
                }
            }
            places.push(Place {
                name: f[0].trim(),
                country,
                kind,
                from: opt_year(f[3], "from", &mut errors, at),
                to: opt_year(f[4], "to", &mut errors, at),
                aliases: list(f[5]),
                dateline_only: flags.contains(&"dateline"),
                market: flags.contains(&"market"),
                secondary: flags.contains(&"secondary"),
                ambiguous: flags.contains(&"ambiguous"),
            });
        }

        // Organisations with person-like names become blockers: no country, no person.
        for (line, f) in rows(orgs_tsv, "name\t") {
            if f.len() != 2 {
                errors.push(format!(
                    "organisations.tsv:{line}: expected 2 columns, got {}",
                    f.len()
                ));
                continue;
            }
            places.push(Place {
                name: f[0].trim(),
                country: None,
                kind: PlaceKind::Landmark,
                from: None,
                to: None,
                aliases: list(f[1]),
                dateline_only: false,
                market: false,
                secondary: false,
                ambiguous: false,
            });
        }

        let mut people = Vec::new();
        for (line, f) in rows(people_tsv, "name\t") {
            let at = At("people.tsv", line);
            if f.len() != 7 {
                errors.push(format!("{at}: expected 7 columns, got {}", f.len()));
                continue;
            }
            let country = match f[3].trim() {
                "" | "-" => None,
                n => match country_named(n) {
                    Some(c) => Some(c),
                    None => {
                        errors.push(format!("{at}: unknown country {n:?}"));
                        None
                    }
                },
            };
            people.push(Person {
                name: f[0].trim(),
                aliases: list(f[1]),
                short: list(f[2]),
                country,
                role: f[4].trim(),
                from: opt_year(f[5], "from", &mut errors, at),
                to: opt_year(f[6], "to", &mut errors, at),
                family_first: country
                    .is_some_and(|c| FAMILY_NAME_FIRST.contains(&countries[c as usize].name)),
            });
        }

        let mut country_keys: Map<Vec<CountryId>> = Map::default();
        let mut country_codes: Map<Vec<CountryId>> = Map::default();
        for (i, c) in countries.iter().enumerate() {
            let id = i as CountryId;
            for n in std::iter::once(&c.name)
                .chain(&c.aliases)
                .chain(&c.demonyms)
            {
                variant_keys(n, |k| add_id(&mut country_keys, k, id));
            }
            for code in [c.iso2, c.iso3] {
                if !code.is_empty() {
                    country_codes
                        .entry(normalize_key(code))
                        .or_default()
                        .push(id);
                }
            }
        }
        // About five keys a person (name, aliases, short forms, surname): sized once.
        let mut person_keys: Map<Vec<PersonId>> =
            Map::with_capacity_and_hasher(people.len() * 5, Default::default());
        for (i, p) in people.iter().enumerate() {
            let id = i as PersonId;
            let surname = p.surname();
            let bare = surname
                .strip_prefix("al-")
                .or_else(|| surname.strip_prefix("el-"))
                .unwrap_or(surname);
            for n in std::iter::once(p.name)
                .chain(p.aliases.iter().copied())
                .chain(p.short.iter().copied())
                .chain([surname, bare])
            {
                variant_keys(n, |k| add_id(&mut person_keys, k, id));
            }
        }
        Authorities {
            countries,
            places,
            people,
            errors,
            country_keys,
            country_codes,
            person_keys,
            country_by_name,
            spellings: OnceLock::new(),
            world: OnceLock::new(),
        }
    }

    fn spellings(&self) -> &Spellings {
        self.spellings.get_or_init(|| {
            let mut sp = Spellings::default();
            for (i, p) in self.people.iter().enumerate() {
                let id = i as PersonId;
                for n in std::iter::once(p.name).chain(p.aliases.iter().copied()) {
                    let folded = super::fold::fold_str(n);
                    if let Some(space) = folded.iter().position(|&b| b == b' ') {
                        let entry = (id, folded[space + 1..].to_vec());
                        let list = sp.by_first.entry(folded[..space].to_vec()).or_default();
                        if !list.contains(&entry) {
                            list.push(entry);
                        }
                    }
                }
                let surname = super::fold::fold_str(p.surname());
                if let Some(&first) = surname.first() {
                    let list = sp.surnames.entry(first).or_default();
                    if !list.iter().any(|(i, s)| *i == id && *s == surname) {
                        list.push((id, surname));
                    }
                }
            }
            sp
        })
    }

    /// The one person active in `year` whose full name is `given` + `rest` (folded, as in
    /// the tagger's folded text) but for a typing slip in `rest`: "George Schultz" and
    /// "Paul Vocker" in wire copy are George Shultz and Paul Volcker. The given name must be
    /// written in full and exactly; two people equally near is no answer.
    pub fn misspelt_person(&self, given: &[u8], rest: &[u8], year: i32) -> Option<PersonId> {
        if given.len() < 2 {
            return None;
        }
        let list = self.spellings().by_first.get(given)?;
        let mut found = None;
        for (id, known) in list {
            if one_slip(rest, known) && self.people[*id as usize].active(year) {
                if found.is_some_and(|f| f != *id) {
                    return None;
                }
                found = Some(*id);
            }
        }
        found
    }

    /// The people active in `year` whose surname is `written` (folded) but for a typing
    /// slip ("Secretary Schultz"): the caller decides among them by the title.
    pub fn misspelt_surname(&self, written: &[u8], year: i32) -> Vec<PersonId> {
        if written.len() < MIN_MISSPELT_LEN {
            return Vec::new();
        }
        let Some(list) = written
            .first()
            .and_then(|b| self.spellings().surnames.get(b))
        else {
            return Vec::new();
        };
        let mut ids: Vec<PersonId> = list
            .iter()
            .filter(|(id, known)| {
                one_slip(written, known) && self.people[*id as usize].active(year)
            })
            .map(|(id, _)| *id)
            .collect();
        ids.dedup();
        ids
    }

    /// What a user typed (`RU`, `russia`, `Russian`, `west germany`) -> canonical country names.
    /// ISO codes resolve to every state that used them (`DE` -> Germany and West Germany).
    pub fn resolve_country(&self, input: &str) -> Resolution {
        let key = normalize_key(input);
        let mut ids: Vec<CountryId> = Vec::new();
        if let Some(found) = self.country_keys.get(&key) {
            ids.extend(found);
        }
        if ids.is_empty() && input.trim().len() <= 3 {
            if let Some(found) = self.country_codes.get(&key) {
                ids.extend(found);
            }
        }
        if ids.is_empty() {
            let names = self.country_keys.keys().map(String::as_str);
            let suggestions = suggest(&key, names, |k| {
                self.country_keys[k]
                    .iter()
                    .map(|&id| self.country_name(id).to_string())
                    .collect()
            });
            return Resolution::Unknown { suggestions };
        }
        let mut names: Vec<String> = ids
            .iter()
            .map(|&id| self.country_name(id).to_string())
            .collect();
        names.sort();
        names.dedup();
        Resolution::Found(names)
    }

    /// What a user typed (`putin`, `Volcker`, `Karl Otto Pöhl`) -> canonical person names.
    /// An unknown name comes back with the nearest known names as suggestions.
    pub fn resolve_person(&self, input: &str) -> Resolution {
        let key = normalize_key(input);
        match self.person_keys.get(&key) {
            Some(ids) => {
                let mut names: Vec<String> = ids
                    .iter()
                    .map(|&i| self.people[i as usize].name.to_string())
                    .collect();
                names.sort();
                names.dedup();
                Resolution::Found(names)
            }
            None => {
                let keys = self.person_keys.keys().map(String::as_str);
                let suggestions = suggest(&key, keys, |k| {
                    self.person_keys[k]
                        .iter()
                        .map(|&i| self.people[i as usize].name.to_string())
                        .collect()
                });
                Resolution::Unknown { suggestions }
            }
        }
    }
}

/// Up to five canonical names whose keys are closest to `key` (Jaro-Winkler), best first.
fn suggest<'a>(
    key: &str,
    keys: impl Iterator<Item = &'a str>,
    names_of: impl Fn(&str) -> Vec<String>,
) -> Vec<String> {
    let mut scored: Vec<(f64, &str)> = keys
        .map(|k| (strsim::jaro_winkler(key, k), k))
        .filter(|(s, _)| *s >= 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, k) in scored {
        for n in names_of(k) {
            if !out.contains(&n) {
                out.push(n);
            }
        }
        if out.len() >= 5 {
            break;
        }
    }
    out.truncate(5);
    out
}

#[cfg(test)]
mod tests {
    use super::{link_day, one_slip, secondary_name};

    #[test]
    fn link_days_by_year_or_date() {
        assert_eq!(link_day("1992"), Some(19_920_101));
        assert_eq!(link_day("1990-10-03"), Some(19_901_003));
        for bad in [
            "",
            "199x",
            "1990-13-01",
            "1990-02-30",
            "1990-10",
            "1990-10-03-1",
        ] {
            assert_eq!(link_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn secondary_names_always_or_from_a_year() {
        assert_eq!(secondary_name("Korea"), Ok(None));
        assert_eq!(secondary_name("~Korea"), Ok(Some(("Korea", i32::MIN))));
        assert_eq!(secondary_name("~Congo@1997"), Ok(Some(("Congo", 1997))));
        for bad in ["~Congo@", "~Congo@199x", "~@1997"] {
            let e = secondary_name(bad).expect_err(bad);
            assert!(e.contains(bad), "{e}");
        }
    }

    #[test]
    fn one_slip_is_one_letter_dropped_added_changed_or_swapped() {
        for (written, known) in [
            ("schultz", "shultz"),         // added
            ("vocker", "volcker"),         // dropped
            ("petriccioli", "petricioli"), // doubled
            ("harrington", "herrington"),  // changed
            ("calrsson", "carlsson"),      // swapped
            ("ichan", "icahn"),            // swapped at the end
            ("cavaco silve", "cavaco silva"),
            ("baldrigex", "baldrige"), // a last letter added
        ] {
            assert!(one_slip(written.as_bytes(), known.as_bytes()), "{written}");
        }
        for (written, known) in [
            ("herrington", "herrington"), // the same
            ("kohn", "kohl"),             // too short to tell
            ("schulz", "shultz"),         // two slips
            ("xhultz", "shultz"),         // the first letter
            ("shul", "shultz"),
            ("", "shultz"),
        ] {
            assert!(!one_slip(written.as_bytes(), known.as_bytes()), "{written}");
        }
    }
}
