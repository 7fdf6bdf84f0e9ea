//! People: who is named in an article, under which canonical name, and how prominently.
//!
//! Evidence, strongest first: a full name or standalone short form from the authority list
//! (one automaton pass, shared with places); a title cue before a capitalised sequence
//! ("Finance Minister Gerhard Stoltenberg", "Emir Sheikh Tamim ...", "Chancellor Kohl");
//! an attribution ("..., Volcker said", "said John Smith"). A later surname-only mention
//! ("Putin", "Assad") joins the fullest form used in the same article. Sentence-initial
//! capitals, places, organisations, months and titles never become people.

use std::cell::Cell;
use std::collections::HashSet;
use std::sync::OnceLock;

use super::authorities::{Authorities, PersonId};
use super::gazetteer::{Gazetteer, Hit, Target};
use super::text::Tok;
use super::Zone;

/// Prefixes that make a hyphenated title of a title ("Vice-Premier", "ex-President",
/// "Under-Secretary", "Rear-Admiral", "Major-General").
const TITLE_PREFIXES: [&str; 10] = [
    "vice",
    "deputy",
    "acting",
    "ex",
    "co",
    "under",
    "rear",
    "lieutenant",
    "major",
    "brigadier",
];

/// Words that introduce a name when they stand right before it (folded).
const TITLES: &[&str] = &[
    "president",
    "vice president",
    "vice",
    "prime",
    "minister",
    "premier",
    // Ireland's prime minister and deputy.
    "taoiseach",
    "tanaiste",
    "chancellor",
    // "Chancellor of the Exchequer Jeremy Hunt": the run after "of the" starts here.
    "exchequer",
    "secretary",
    "treasurer",
    "emir",
    "sheikh",
    "sheik",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "empress",
    "crown",
    "sultan",
    "ayatollah",
    "pope",
    "governor",
    "chairman",
    "chairwoman",
    "chair",
    "deputy",
    "undersecretary",
    "administrator",
    "assistant",
    "comptroller",
    "attorney",
    "prosecutor",
    "inspector",
    "consul",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "congressman",
    "congresswoman",
    "speaker",
    "leader",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "sir",
    "lord",
    "lady",
    "gen.",
    "general",
    "col.",
    "colonel",
    "judge",
    "justice",
    "commissioner",
    "mayor",
    "sheriff",
    "chief",
    "ceo",
    "cardinal",
    "patriarch",
    "mufti",
    "pastor",
    "reverend",
    "abbot",
    "sister",
    "rabbi",
    "archbishop",
    "bishop",
    "captain",
    "lieutenant",
    "admiral",
    "commodore",
    "marshal",
    "brigadier",
    "mullah",
    "imam",
    "hojatoleslam",
    "counsellor",
    "councillor",
    "dictator",
    "strongman",
    "economist",
    "analyst",
    "technician",
    "author",
    "writer",
    "novelist",
    "poet",
    "artist",
    "actor",
    "actress",
    "journalist",
    "reporter",
    "columnist",
    "editor",
    "photographer",
    "designer",
    "architect",
    "filmmaker",
    "researcher",
    "scientist",
    "doctor",
    "activist",
    "campaigner",
    "entrepreneur",
    "businessman",
    "businesswoman",
    "billionaire",
    "tycoon",
    "coach",
    // Sports and performing: "Striker Julian Alvarez said" (not "singer" nor "boxer":
    // surnames too, "Paul Singer", "Barbara Boxer").
    "striker",
    "defender",
    "midfielder",
    "goalkeeper",
    "winger",
    "quarterback",
    "pitcher",
    "sprinter",
    "swimmer",
    "cyclist",
    "golfer",
    "rapper",
    "comedian",
    "defendant",
    "teenager",
    "capt.",
    "capt",
    "lt.",
    "maj.",
    "sgt.",
    "adm.",
    "cmdr.",
    "professor",
    "prof",
    "prof.",
    "historian",
    "negotiator",
    "official",
    "aide",
    "adviser",
    "advisor",
    "commander",
    "delegate",
    "executive",
    "manager",
    "head",
    "founder",
    // "co-founder", folded.
    "co founder",
    "cofounder",
    "governor general",
    "secretary general",
    "president elect",
    "rep",
    "sen",
    "gov",
    "gen",
    "col",
    "lt",
    "sgt",
    "adm",
    "prof",
    "rev",
    "officer",
    "investor",
    "financier",
    "deputies",
    "senators",
    "presidents",
    "governors",
    "mp",
    // Occupations wire copy puts before a name ("lawyer Ann Smith"; not "broker", "dealer",
    // "trader": firms are those too).
    "accountant",
    "lawyer",
    "consultant",
    "banker",
    "strategist",
    "commissioners",
    "diplomat",
    "developer",
    // Roles of the people in everyday stories: "Forecaster Rommel Dizon said".
    "forecaster",
    "neighbour",
    "neighbor",
    "policeman",
    "policewoman",
    "firefighter",
    "nurse",
    "farmer",
    "fisherman",
    "shopkeeper",
    "pensioner",
    "student",
    "teacher",
    // Races and rivals: "opposition candidate Edmundo Gonzalez", "critic Diane Rwigara".
    "candidate",
    "nominee",
    "challenger",
    "critic",
    "dissident",
    // Police, courts and the church: "Detective Sergeant Ruth Ellery", "Magistrate Joan
    // Fitzgerald", "Canon Peter Mathebula"; officials of sport: "referee Ali Bin Nasser".
    "superintendent",
    "sergeant",
    "detective",
    "constable",
    "magistrate",
    "canon",
    "director general",
    "referee",
    "umpire",
    "astronaut",
    // Team sheets: "Substitute Mikel Oyarzabal scored".
    "substitute",
    "debutant",
    // Party labels stand before a name as titles do ("Republican David Karnes").
    "republican",
    "democrat",
    "socialist",
    "communist",
    "conservative",
    "tory",
];

/// Titles that introduce a person even when only one word of the name follows
/// ("Chancellor Kohl", "Mr Okafor"); weaker ones ("chief", "head") need a fuller name.
const STRONG_TITLES: &[&str] = &[
    "president",
    "premier",
    "taoiseach",
    "minister",
    "chancellor",
    "secretary",
    "emir",
    "amir",
    "sheikh",
    "sheik",
    "king",
    "sultan",
    "ayatollah",
    "pope",
    "governor",
    "chairman",
    "chairwoman",
    "senator",
    "sen",
    "rep",
    "congressman",
    "congresswoman",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "lord",
    "lady",
    "gen",
    "colonel",
    "col",
    "judge",
    "justice",
    "commissioner",
    "mayor",
    "ambassador",
    "cardinal",
    "patriarch",
    "archbishop",
    "bishop",
    "rabbi",
    "imam",
    "mullah",
    "hojatoleslam",
    "admiral",
    "marshal",
    "treasurer",
];

/// Titles that let a headline name a person without the name ("PREMIER SAYS ...").
const HEAD_TITLES: &[&str] = &[
    "president",
    "premier",
    "minister",
    "chancellor",
    "governor",
    "chairman",
    "king",
    "emir",
    "secretary",
    "chief",
    "pope",
    "sheikh",
    "prince",
    "ayatollah",
    "senator",
    "speaker",
    "ministers",
];

/// Capitalised words that start sentences or headlines but never names (folded).
const STOP: &[&str] = &[
    // Participles that open a sentence before a name ("Replacing Inco and Owens-Illinois
    // will be ...", "Citing Fed officials, ...").
    "replacing",
    "including",
    "excluding",
    "following",
    "citing",
    "quoting",
    "joining",
    "succeeding",
    // Adjectives of world regions qualify the name after them ("the European Arianespace
    // consortium"); no country's demonym, so no place hit drops them.
    "european",
    "arab",
    "african",
    "asian",
    "nordic",
    "scandinavian",
    "baltic",
    "caribbean",
    "the",
    "a",
    "an",
    "and",
    "but",
    "or",
    "in",
    "on",
    "at",
    "of",
    "for",
    "to",
    "by",
    "with",
    "from",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "during",
    "since",
    "under",
    "over",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "then",
    "also",
    "however",
    "meanwhile",
    "although",
    "though",
    "because",
    "what",
    "which",
    "who",
    "where",
    "why",
    "how",
    "some",
    "many",
    "most",
    "all",
    "both",
    "each",
    "other",
    "such",
    "no",
    "not",
    "one",
    "two",
    "three",
    "new",
    "officials",
    "analysts",
    "dealers",
    "traders",
    "sources",
    "economists",
    "reuters",
    "reuter",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "last",
    "next",
    "first",
    "earlier",
    "later",
    "jr",
    "sr",
    "today",
    "yesterday",
    "tomorrow",
    "spokesman",
    "spokeswoman",
    "sheikh",
    "according",
    "asked",
    "said",
    "says",
    "told",
    "despite",
    "unlike",
    "like",
    "until",
    "unless",
    "whether",
    "once",
    "only",
    "even",
    "still",
    "yet",
    "so",
    "thus",
    "instead",
    "western",
    "eastern",
    "northern",
    "southern",
    "central",
    "north",
    "south",
    "east",
    "west",
    "upper",
    "lower",
    "greater",
    "mid",
    "total",
    "net",
    "gross",
    "shares",
    "prices",
    "price",
    "sales",
    "profit",
    "revenues",
    "qtr",
    "year",
    "oper",
    "shr",
    "avg",
    "shrs",
    "note",
    "notes",
    "says",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "let",
    "please",
    "dear",
    "thank",
    "thanks",
    "yes",
    // Sentence openers that are no given names ("Neither Finch nor ...", "Among Sumitomo's
    // ...", "Previously Redstone ...").
    "neither",
    "nor",
    "either",
    "among",
    "amid",
    "against",
    "between",
    "within",
    "without",
    "through",
    "into",
    "about",
    "around",
    "previously",
    "currently",
    "recently",
    "already",
    "now",
    "again",
    "further",
    "furthermore",
    "moreover",
    "nevertheless",
    "otherwise",
    "indeed",
    "perhaps",
    "finally",
    "initially",
    "separately",
    "every",
    "any",
    "several",
    "more",
    "much",
];

/// Words that make a capitalised sequence an organisation, place or thing, not a person.
const NOT_PERSON: &[&str] = &[
    "staff",
    "kgaa",
    "system",
    "engine",
    "engines",
    "airbus",
    "utilities",
    "utility",
    "beverages",
    "bonds",
    "debentures",
    "automation",
    "air",
    "lines",
    "affairs",
    "cement",
    "importers",
    "exporters",
    "producers",
    "growers",
    "clerks",
    "caisse",
    "bankverein",
    "bankasi",
    "sparkasse",
    "landesbank",
    "girozentrale",
    "genossenschaftsbank",
    "force",
    "seaway",
    "democrats",
    "republicans",
    "socialists",
    "communists",
    "conservatives",
    "liberals",
    "credit",
    "credito",
    "banca",
    "banco",
    "societe",
    "compagnie",
    "generale",
    "barclays",
    "lloyds",
    "workers",
    "shipping",
    "intelligence",
    "telecommunications",
    "brothers",
    "associates",
    "management",
    "bancorp",
    "bancorporation",
    "bancshares",
    "savings",
    "world",
    "mart",
    "enterprises",
    "laboratories",
    "labs",
    "garden",
    "gardens",
    "bowl",
    "bookseller",
    "booksellers",
    // Storms and benefit concerts named like people ("Hurricane Maria", "Live Aid").
    "hurricane",
    "typhoon",
    "cyclone",
    "aid",
    "works",
    "chemie",
    "grand",
    "catholic",
    "furniture",
    "apparel",
    "textiles",
    "farms",
    "breweries",
    "brewery",
    "distillers",
    "cosmetics",
    "toys",
    "footwear",
    "fashions",
    "pharmaceuticals",
    "electronics",
    "software",
    "computer",
    "computers",
    "semiconductor",
    "entertainment",
    "restaurants",
    "hotels",
    "realty",
    "properties",
    "energy",
    "exploration",
    "minerals",
    "metals",
    "inc",
    "inc.",
    "corp",
    "corp.",
    "corporation",
    "co",
    "co.",
    "company",
    "ltd",
    "ltd.",
    "plc",
    "llc",
    "ag",
    "sa",
    "nv",
    "bv",
    "gmbh",
    "spa",
    "group",
    "bank",
    "banks",
    "banque",
    "holdings",
    "holding",
    "industries",
    "international",
    "securities",
    "capital",
    "partners",
    "trust",
    "fund",
    "funds",
    "association",
    "ministry",
    "department",
    "agency",
    "commission",
    "board",
    "council",
    "exchange",
    "reserve",
    "party",
    "union",
    "institute",
    "university",
    "college",
    "committee",
    "organisation",
    "organization",
    "airlines",
    "airways",
    "motors",
    "petroleum",
    "oil",
    "chemical",
    "chemicals",
    "steel",
    "mining",
    "resources",
    "gas",
    "electric",
    "power",
    "systems",
    "technologies",
    "technology",
    "communications",
    "services",
    "financial",
    "insurance",
    "investment",
    "investments",
    "court",
    "congress",
    "senate",
    "house",
    "parliament",
    "office",
    "news",
    "times",
    "journal",
    "post",
    "aerospace",
    // Rights groups and monitors ("Human Rights Watch said").
    "rights",
    "watch",
    // Newspapers' own words ("Asahi Shimbun", "Frankfurter Allgemeine Zeitung", "Chosun
    // Ilbo", "Renmin Ribao", "Die Welt").
    "shimbun",
    "zeitung",
    "allgemeine",
    "handelsblatt",
    "welt",
    "ilbo",
    "ribao",
    "sinmun",
    "pravda",
    "izvestia",
    "kommersant",
    "vedomosti",
    "telegraph",
    "telegraaf",
    "dagblad",
    "sanomat",
    "industrial",
    "brokers",
    "statistics",
    // Results tables: "Final Royal Dutch dividend".
    "final",
    "interim",
    // Programmes and schemes ("Export Enhancement Program").
    "program",
    "programme",
    "initiative",
    // Banks' own words ("St Gallen Kantonalbank"; Landesbank, Sparkasse: below).
    "kantonalbank",
    "handelsbanken",
    "street",
    "avenue",
    "road",
    "club",
    "centre",
    "center",
    "foundation",
    "federation",
    "chamber",
    "league",
    "front",
    "army",
    // "Iran's Revolutionary Guards said", "the Coast Guard said".
    "guard",
    "guards",
    "forces",
    "police",
    "church",
    "market",
    "markets",
    "national",
    "federal",
    "research",
    "products",
    "foods",
    "stores",
    "hospital",
    "airport",
    "port",
    "river",
    "sea",
    "ocean",
    "gulf",
    "island",
    "islands",
    "mountains",
    "valley",
    "county",
    "province",
    "city",
    "district",
    "region",
    "area",
    "bay",
    "lake",
    "falls",
    "heights",
    "waterfront",
    "canal",
    "brothers",
    "bros",
    "associates",
    "treasury",
    "government",
    "cabinet",
    "administration",
    "assembly",
    "authority",
    "bureau",
    "service",
    "corps",
    "navy",
    "airforce",
    "republic",
    "kingdom",
    "empire",
    "states",
    "state",
    "nations",
    "community",
    "communities",
    "economic",
    "monetary",
    "energy",
    "finance",
    "trade",
    "foreign",
    "agriculture",
    "defence",
    "defense",
    "interior",
    "justice",
    "commerce",
    "labor",
    "labour",
    "industry",
    "health",
    "education",
    "transport",
    "budget",
    "stock",
    "futures",
    "index",
    "dollar",
    "dollars",
    "yen",
    // Not "mark": a given name as often (Mark Carney, Mark Rutte); the currency is "the
    // mark" in running text, and capitals tell nothing in an ALL-CAPS headline.
    "marks",
    "francs",
    "franc",
    "sterling",
    "pound",
    "crude",
    "brent",
    "opec",
    "gatt",
    "imf",
    "ec",
    "eec",
    "nato",
    "un",
    "plan",
    "accord",
    "agreement",
    "treaty",
    "act",
    "bill",
    "law",
    "war",
    "crisis",
    "conference",
    "summit",
    "talks",
    "award",
    "prize",
    "cup",
    "games",
    "day",
    "week",
    "month",
    "year",
    "airport",
    "hotel",
    "press",
    "radio",
    "television",
    "tv",
    "daily",
    "herald",
    "gazette",
    "tribune",
    "network",
    "broadcasting",
    "magazine",
    "review",
    "report",
    "index",
    "average",
    "school",
    "academy",
    "museum",
    "palace",
    "square",
    "tower",
    "building",
    "hall",
    "park",
    "bridge",
    "square",
    "unit",
    "division",
    "subsidiary",
    "affiliate",
    "venture",
    "fed",
    "reserves",
    "cos",
    "cos.",
    "corps.",
    "mln",
    "billion",
    "dlrs",
    "pct",
    "tonnes",
    "barrels",
    "bpd",
    // Words of firms, creeds and table rows that precede or follow a capitalised word the
    // story later repeats alone ("AB Electrolux", "Machines Bull", "Shi'ite Moslem Amal").
    "ab",
    "machines",
    "moslem",
    "moslems",
    "muslim",
    "shiite",
    "shi'ite",
    "sunni",
    "wellcome",
    "supply",
    "ttl",
    "lira",
    "medicine",
    "borrowing",
    "requirement",
    "requirements",
];

/// Lowercase name particles allowed inside a name ("Tamim bin Hamad", "Richard von Weizsaecker").
const PARTICLES: &[&str] = &[
    "bin", "ibn", "bint", "al", "el", "de", "da", "del", "della", "di", "du", "van", "von", "der",
    "den", "la", "le", "dos", "das", "ter", "ten", "abu", "y", "zu", "ul",
];

/// Verbs of attribution right after a name ("Volcker said").
const SAID: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "declared",
    "noted",
    "warned",
    "wrote",
    "asked",
    "replied",
    "argued",
    "explained",
    "insisted",
    "announced",
    "stressed",
    "predicted",
    "urged",
];

/// Verbs of attribution that also take a person as their object ("told Baker", "urged
/// Lyng"): before a name they make it the listener, not the speaker.
const SAID_TO: &[&str] = &["told", "asked", "urged", "warned", "wrote", "replied"];

/// Words that may stand between a name and its verb of attribution ("Baker has repeatedly
/// said", "Lawson also told").
const AUX: &[&str] = &[
    "has",
    "had",
    "have",
    "also",
    "would",
    "will",
    "again",
    "repeatedly",
    "today",
    "yesterday",
    "earlier",
    "later",
    "recently",
    "then",
    "previously",
    "once",
];

/// Toponyms that are also common given names or surnames ("Michael Jordan", "Chad Hurley").
pub const NAME_LIKE: &[&str] = &[
    "jordan",
    "chad",
    "georgia",
    "israel",
    "salvador",
    "santiago",
    "victoria",
    "sydney",
    "florence",
    "paris",
    "houston",
    "lincoln",
    "jackson",
    "washington",
    "austin",
    "kingston",
    "hamilton",
    "adelaide",
    "regina",
    "chelsea",
    "madison",
    "dallas",
    "denver",
    "orlando",
    "phoenix",
    "trinidad",
    "lima",
    "kuwait",
    "colombo",
    "milan",
    "cuba",
    "india",
    "holland",
    "montserrat",
    "virginia",
    "carolina",
    "charlotte",
    "lorraine",
    "savannah",
    "aurora",
];

#[inline]
fn word<'a>(folded: &'a [u8], t: &Tok) -> &'a [u8] {
    // folded[k + 1] corresponds to text[k]
    &folded[t.s as usize + 1..t.e as usize + 1]
}

/// Word classes of the lexicon (bit flags).
pub const F_TITLE: u32 = 1;
pub const F_STOP: u32 = 1 << 1;
pub const F_NOT_PERSON: u32 = 1 << 2;
pub const F_PARTICLE: u32 = 1 << 3;
pub const F_SAID: u32 = 1 << 4;
pub const F_NAME_LIKE: u32 = 1 << 5;
pub const F_HEAD_TITLE: u32 = 1 << 6;
pub const F_ATTRIB: u32 = 1 << 7;
pub const F_MARKET: u32 = 1 << 8;
pub const F_CURRENCY: u32 = 1 << 9;
pub const F_US_PRONOUN: u32 = 1 << 10;
pub const F_COMMON_COUNTRY: u32 = 1 << 11;
pub const F_STRONG_TITLE: u32 = 1 << 12;
pub const F_SAID_TO: u32 = 1 << 13;
pub const F_AUX: u32 = 1 << 14;
pub const F_REPORT_MARKET: u32 = 1 << 15;
pub const F_REPORT_MOVE: u32 = 1 << 16;

/// Every closed word list of the tagger in one table: one lookup per word instead of a scan
/// per list. The lookup runs for most capitalised words and their neighbours, so it is built
/// for speed: a word of at most 16 bytes (every entry is; longer words are in no list) is
/// packed into two `u64`s, hashed by one multiplication and found by linear probing in a
/// table at most a third full.
struct Lexicon {
    slots: Box<[Slot]>,
    /// `slots.len() - 1` (the length is a power of two).
    mask: usize,
}

/// One word of the lexicon (`len == 0`: an empty slot).
#[derive(Clone, Copy, Default)]
struct Slot {
    lo: u64,
    hi: u64,
    len: u32,
    flags: u32,
}

/// Longest word the lexicon can hold.
const LEXICON_MAX: usize = 16;

/// The bytes of a word of 1 to 16 bytes, little-endian in two `u64`s, zero-padded. Reads
/// (possibly overlapping) fixed-size chunks instead of a byte loop: two loads for most words.
#[inline]
fn pack(w: &[u8]) -> (u64, u64) {
    let n = w.len();
    let le8 = |b: &[u8]| b.first_chunk::<8>().map_or(0, |c| u64::from_le_bytes(*c));
    let le4 = |b: &[u8]| b.first_chunk::<4>().map_or(0, |c| u32::from_le_bytes(*c)) as u64;
    match n {
        // The chunk read from the end overlaps the one from the start; shifted into place,
        // the bytes they share coincide, so OR-ing them is exact.
        9..=16 => (le8(w), le8(&w[n - 8..]) >> (8 * (16 - n))),
        8 => (le8(w), 0),
        4..=7 => (le4(w) | le4(&w[n - 4..]) << (8 * (n - 4)), 0),
        1..=3 => {
            let last = (w[n - 1] as u64) << (8 * (n - 1));
            let mid = (w[n / 2] as u64) << (8 * (n / 2));
            (w[0] as u64 | mid | last, 0)
        }
        _ => (0, 0),
    }
}

impl Lexicon {
    fn build(lists: &[(&[&str], u32)]) -> Lexicon {
        // A hyphenated title ("Vice-Premier", "Deputy-Governor", "ex-President": folded, the
        // hyphen is a space) is a title as its last part is: spelt out here, so that a lookup
        // stays one probe. Only for the offices a name follows alone (the strong and
        // headline titles): every entry grows the table the per-token lookups probe.
        let mut prefixed: Vec<(String, u32)> = Vec::new();
        for &(list, flag) in lists
            .iter()
            .filter(|(_, f)| f & (F_STRONG_TITLE | F_HEAD_TITLE) != 0)
        {
            for w in list {
                for p in TITLE_PREFIXES {
                    prefixed.push((format!("{p} {w}"), flag | F_TITLE));
                }
            }
        }
        let words: usize = lists.iter().map(|(l, _)| l.len()).sum::<usize>() + prefixed.len();
        let size = (words * 3).next_power_of_two();
        let mut lex = Lexicon {
            slots: vec![Slot::default(); size].into_boxed_slice(),
            mask: size - 1,
        };
        let listed = lists
            .iter()
            .flat_map(|&(list, flag)| list.iter().map(move |w| (w.as_bytes(), flag)));
        let spelt = prefixed.iter().map(|(w, flag)| (w.as_bytes(), *flag));
        for (w, flag) in listed.chain(spelt) {
            if w.is_empty() || w.len() > LEXICON_MAX {
                continue; // `has` never finds such a word (long multi-word titles)
            }
            let i = lex.find_slot(w);
            let slot = &mut lex.slots[i];
            let (lo, hi) = pack(w);
            *slot = Slot {
                lo,
                hi,
                len: w.len() as u32,
                flags: slot.flags | flag,
            };
        }
        lex
    }

    /// The slot that holds `w` or the empty slot where it would go (`w` is 1..=16 bytes; the
    /// table is never full).
    #[inline]
    fn find_slot(&self, w: &[u8]) -> usize {
        let (lo, hi) = pack(w);
        let len = w.len() as u32;
        let h = (lo ^ hi.rotate_left(31) ^ u64::from(len)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mut i = (h >> 40) as usize & self.mask;
        loop {
            let s = &self.slots[i];
            if s.len == 0 || (s.lo == lo && s.hi == hi && s.len == len) {
                return i;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The classes of a folded word (0 if it is in no list).
    #[inline]
    fn flags(&self, w: &[u8]) -> u32 {
        if w.is_empty() || w.len() > LEXICON_MAX {
            return 0;
        }
        self.slots[self.find_slot(w)].flags
    }
}

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        Lexicon::build(&[
            (TITLES, F_TITLE),
            (STOP, F_STOP),
            (NOT_PERSON, F_NOT_PERSON),
            (PARTICLES, F_PARTICLE),
            (SAID, F_SAID),
            (NAME_LIKE, F_NAME_LIKE),
            (HEAD_TITLES, F_HEAD_TITLE),
            (ATTRIBUTIVE, F_ATTRIB),
            (super::MARKET_NEXT, F_MARKET),
            (super::CURRENCY_NEXT, F_CURRENCY),
            (super::US_PRONOUN_BEFORE, F_US_PRONOUN),
            (super::COMMON_WORD_COUNTRIES, F_COMMON_COUNTRY),
            (STRONG_TITLES, F_STRONG_TITLE),
            (SAID_TO, F_SAID_TO),
            (AUX, F_AUX),
            (super::REPORT_MARKET, F_REPORT_MARKET),
            (super::REPORT_MOVE, F_REPORT_MOVE),
        ])
    })
}

/// Whether a folded word belongs to one of the classes in `flags`.
#[inline]
pub fn has(w: &[u8], flags: u32) -> bool {
    lexicon().flags(w) & flags != 0
}

/// The classes (`F_*`) of a folded word.
#[inline]
pub fn flags(w: &[u8]) -> u32 {
    lexicon().flags(w)
}

/// A recognised person in one article.
#[derive(Debug, Clone)]
pub struct Cluster {
    pub authority: Option<PersonId>,
    /// Span of the fullest form seen (for unknown people: the name shown).
    pub span: (u32, u32),
    pub span_tokens: u8,
    /// Folded surname (particle stripped) and first name, for coreference.
    pub surname: Vec<u8>,
    pub first: Vec<u8>,
    pub mentions: u16,
    pub first_pos: u32,
    pub in_head: bool,
    pub in_lead: bool,
    pub titled: bool,
    pub quoted: bool,
    /// Named at least once with given name and surname ("Donald Trump", not "Trump").
    pub full_name: bool,
    /// The headline names the person only by title ("PREMIER SAYS ...").
    pub head_title: bool,
    /// Mentions as the speaker of a sentence ("X has said", "said X", "according to X").
    pub speaker: u16,
    /// Mentions opening a sentence as its subject ("Finance Minister X will ...").
    pub subject: u16,
    /// Some mention opens a sentence of the lead paragraph as its subject.
    pub lead_subject: bool,
    /// Sentences opened by "He"/"She" right after the person was the last one named.
    pub pronoun: u16,
    /// An unknown name taken for a person's only because it opens with a given name
    /// ("the death of Alexei Navalny"): a mention, not a subject, until a cue says more.
    pub bare: bool,
}

impl Cluster {
    /// A cluster seen once so far, at `span` (`span_tokens` words), with no mention counted.
    fn new(
        authority: Option<PersonId>,
        span: (u32, u32),
        span_tokens: u8,
        surname: Vec<u8>,
        first: Vec<u8>,
    ) -> Cluster {
        Cluster {
            authority,
            span,
            span_tokens,
            surname,
            first,
            mentions: 0,
            first_pos: span.0,
            in_head: false,
            in_lead: false,
            titled: false,
            quoted: false,
            full_name: false,
            head_title: false,
            speaker: 0,
            subject: 0,
            lead_subject: false,
            pronoun: 0,
            bare: false,
        }
    }
}

/// A candidate name from the token pass.
struct Cand {
    /// token index range of the name
    a: usize,
    b: usize,
    titled: bool,
    quoted: bool,
    authority: Option<PersonId>,
    title_words: (usize, usize),
    /// The sentence's speaker / subject (see `roles`).
    speaker: bool,
    subject: bool,
}

/// What the people pass needs to know about the article being tagged.
pub struct Ctx<'a> {
    pub folded: &'a [u8],
    /// The text `folded` folds (headline, blank line, body): its punctuation.
    pub text: &'a [u8],
    pub year: i32,
    pub zone_of: &'a dyn Fn(u32) -> Zone,
    /// Capitalisation carries no information at this position (ALL-CAPS headline or body).
    pub caps_at: &'a dyn Fn(u32) -> bool,
    /// Lexicon classes of each token, looked up on first use (`UNKNOWN` until then): the
    /// rules ask about the same few words around each name several times. `find` supplies
    /// it; empty, every question goes to the lexicon.
    pub lex: &'a [Cell<u32>],
}

/// A token whose lexicon classes were not looked up yet (no class uses the top bit).
const UNKNOWN: u32 = 1 << 31;

impl Ctx<'_> {
    /// The lexicon classes of token `k` (`toks` is the article's token list).
    #[inline]
    fn tok_flags(&self, toks: &[Tok], k: usize) -> u32 {
        let lookup = || lexicon().flags(word(self.folded, &toks[k]));
        match self.lex.get(k) {
            Some(c) if c.get() != UNKNOWN => c.get(),
            Some(c) => {
                let f = lookup();
                c.set(f);
                f
            }
            None => lookup(),
        }
    }

    /// Whether token `k` belongs to one of the classes in `flags`.
    #[inline]
    fn tok_has(&self, toks: &[Tok], k: usize, flags: u32) -> bool {
        self.tok_flags(toks, k) & flags != 0
    }
}

fn strip_particle(w: &[u8]) -> &[u8] {
    match super::text::article_prefix(w, b' ') {
        Some(n) => &w[n..],
        None => w,
    }
}

/// No person hit covers the token.
const NO_HIT: u32 = u32::MAX;

/// Per-token marks of one article (see `find`).
#[derive(Default)]
struct Marks {
    covered_place: Vec<u8>,
    person_hit_of: Vec<u32>,
    person_id_of: Vec<Option<PersonId>>,
    /// The tokens within a person hit, in order.
    person_toks: Vec<usize>,
    /// See `Ctx::lex`.
    lex: Vec<u32>,
    /// The candidate names of the article, kept to reuse the allocation.
    cands: Vec<Cand>,
    /// The capitalised runs of two words or more (token ranges).
    runs: Vec<(u32, u32)>,
}

thread_local! {
    static MARKS: std::cell::Cell<Marks> = std::cell::Cell::new(Marks::default());
}

/// Finds the people of an article. Returns the clusters and marks in `person_span` the byte
/// spans that belong to person names (so "Jordan" in "Vernon Jordan" is no country).
pub fn find(
    a: &Authorities,
    gaz: &Gazetteer,
    ctx: &Ctx,
    toks: &[Tok],
    hits: &[Hit],
    person_spans: &mut Vec<(u32, u32)>,
) -> Vec<Cluster> {
    let folded = ctx.folded;
    // Which tokens are covered by which non-person hit, and which by person hits.
    // Per-token marks, in buffers reused across the articles a thread tags.
    let mut marks = MARKS.with(|c| c.take());
    let Marks {
        covered_place,
        person_hit_of,
        person_id_of,
        person_toks,
        lex,
        cands,
        runs,
    } = &mut marks;
    runs.clear();
    lex.clear();
    lex.resize(toks.len(), UNKNOWN);
    let ctx = &Ctx {
        lex: Cell::from_mut(&mut lex[..]).as_slice_of_cells(),
        ..*ctx
    };
    covered_place.clear();
    covered_place.resize(toks.len(), 0); // 0 none, 1 place/country, 2 name-like toponym
    person_hit_of.clear();
    person_hit_of.resize(toks.len(), NO_HIT);
    person_id_of.clear();
    person_id_of.resize(toks.len(), None);
    // Hits are sorted and do not overlap, so each token lies within at most one: walk the
    // few hits and mark the tokens inside each, rather than look for hits at every token.
    person_toks.clear();
    let mut from = 0;
    for (k, h) in hits.iter().enumerate() {
        from += toks[from..].partition_point(|t| t.s < h.start);
        let inside = toks[from..]
            .iter()
            .take_while(|t| t.s < h.end)
            .enumerate()
            .filter(|(_, t)| t.e <= h.end)
            .map(|(i, _)| from + i);
        let mut is_person = false;
        let mut is_place = false;
        for v in gaz.hit_variants(h) {
            match v.target {
                Target::Person { .. } => is_person = true,
                _ => is_place = true,
            }
        }
        // "Sheikh Khaled bin Mohamed bin Zayed", "Khalid bin Salman": a known name after
        // "bin" names the father; the person is the one the whole name spells.
        let patronym = from > 0
            && !toks.get(from).is_some_and(Tok::break_before)
            && matches!(word(folded, &toks[from - 1]), b"bin" | b"ibn" | b"bint");
        // "Jan Petersen-Vogt": a known person's full name that runs on into a
        // double-barrelled surname is someone else's.
        let text = ctx.text;
        let runs_on = text.get(h.end as usize) == Some(&b'-')
            && text
                .get(h.end as usize + 1)
                .is_some_and(u8::is_ascii_uppercase)
            && text[h.start as usize..h.end as usize].contains(&b' ');
        if is_person && !patronym && !runs_on {
            let pid = person_of_hit(a, gaz, h, ctx.year);
            for ti in inside {
                person_hit_of[ti] = k as u32;
                person_id_of[ti] = pid;
                person_toks.push(ti);
            }
        } else if is_place {
            let w = &folded[h.start as usize + 1..h.end as usize + 1];
            let mark = if has(w, F_NAME_LIKE) { 2 } else { 1 };
            for ti in inside {
                covered_place[ti] = mark;
            }
        }
    }

    shadow_namesakes(
        a,
        ctx,
        toks,
        hits,
        person_toks,
        person_hit_of,
        person_id_of,
        covered_place,
    );

    cands.clear();
    let caps_at = ctx.caps_at;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !t.cap() || caps_at(t.s) {
            i += 1;
            continue;
        }
        // Extend a run of capitalised words (particles allowed inside).
        let mut j = i + 1;
        if !t.possessive() {
            while j < toks.len() {
                let u = &toks[j];
                if u.break_before() || u.sent_start() {
                    break;
                }
                if u.cap() {
                    j += 1;
                    if u.possessive() {
                        break;
                    }
                    continue;
                }
                if ctx.tok_has(toks, j, F_PARTICLE) {
                    // "van der Berg": particles may follow each other before the name.
                    let mut k = j + 1;
                    while toks.get(k).is_some_and(|n| {
                        !n.cap() && !n.break_before() && ctx.tok_has(toks, k, F_PARTICLE)
                    }) {
                        k += 1;
                    }
                    if toks.get(k).is_some_and(|n| n.cap() && !n.break_before()) {
                        j = k;
                        continue;
                    }
                }
                break;
            }
        }
        // Trim trailing particles.
        while j > i + 1 && !toks[j - 1].cap() {
            j -= 1;
        }
        if j == i + 1 {
            if let Some(end) = nicknamed(a, ctx, toks, i) {
                // The nickname's words are no names of their own.
                cands.push(Cand {
                    a: i,
                    b: end,
                    titled: true,
                    quoted: false,
                    authority: None,
                    title_words: (i, i),
                    speaker: false,
                    subject: false,
                });
                i = end;
                continue;
            }
        }
        split_run(a, ctx, toks, i, j, covered_place, person_id_of, cands);
        if j - i >= 2 {
            runs.push((i as u32, j as u32));
        }
        i = j;
    }
    let runs: &[(u32, u32)] = runs;
    // Whether the words of candidate `c` are words of an organisation's run ("Media General
    // Inc said ..." names a firm wherever the story repeats "Media General"): its words up to
    // its last organisation word (those after it may be a name: "Exchange Commission Chairman
    // John Shad"). Asked only of the few unknown names with no title.
    let in_org = |c: &Cand| {
        // folded[p + 1] is text[p].
        let name = &folded[toks[c.a].s as usize + 1..toks[c.b - 1].e as usize + 1];
        runs.iter().any(|&(ri, rj)| {
            let (ri, rj) = (ri as usize, rj as usize);
            let Some(k) = (ri + 1..rj)
                .rev()
                .find(|&k| ctx.tok_has(toks, k, F_NOT_PERSON))
            else {
                return false;
            };
            let run = &folded[toks[ri].s as usize + 1..toks[k].e as usize + 1];
            run.len() > name.len()
                && run.windows(name.len()).enumerate().any(|(p, win)| {
                    let q = p + name.len();
                    win == name
                        && (p == 0 || run[p - 1] == b' ')
                        && (q == run.len() || run[q] == b' ')
                })
        })
    };

    // Resolve candidates into clusters.
    let mut clusters: Vec<Cluster> = Vec::new();
    let zone_of = ctx.zone_of;
    // A mention's given name and the surname a later bare mention repeats.
    let name_keys = |c: &Cand, authority: Option<PersonId>| -> (&[u8], &[u8]) {
        let last = word(folded, &toks[surname_tok(folded, toks, c.a, c.b)]);
        // The given name, after any title an authority alias spells out ("Sheikh Mohammed
        // bin Abdulrahman": a later "Sheikh Mohammed" is him).
        let given = (c.a..c.b)
            .find(|&k| !ctx.tok_has(toks, k, F_TITLE))
            .unwrap_or(c.a);
        let first = word(folded, &toks[given]);
        // The surname, which some names put first.
        let surname = match authority {
            Some(pid) if a.people[pid as usize].family_first && c.b - c.a >= 2 => first,
            _ => strip_particle(last),
        };
        (first, surname)
    };
    let mk = |c: &Cand, authority: Option<PersonId>| -> Cluster {
        let (s, e) = (toks[c.a].s, toks[c.b - 1].e);
        let (first, surname) = name_keys(c, authority);
        Cluster::new(
            authority,
            (s, e),
            (c.b - c.a).min(255) as u8,
            surname.to_vec(),
            first.to_vec(),
        )
    };
    let note = |cl: &mut Cluster, c: &Cand| {
        let s = toks[c.a].s;
        // "the Reagan administration", "Reagan aides": the name only qualifies something else.
        if attributive(ctx, toks, c.b) {
            return false;
        }
        cl.mentions += 1;
        cl.speaker += c.speaker as u16;
        cl.subject += c.subject as u16;
        cl.first_pos = cl.first_pos.min(s);
        match zone_of(s) {
            Zone::Head => cl.in_head = true,
            Zone::Lead => {
                cl.in_lead = true;
                cl.lead_subject |= c.subject;
            }
            Zone::Body => {}
        }
        cl.titled |= c.titled;
        cl.quoted |= c.quoted;
        cl.full_name |= c.b - c.a >= 2;
        let n = (c.b - c.a) as u8;
        if n > cl.span_tokens && cl.authority.is_none() {
            cl.span = (s, toks[c.b - 1].e);
            cl.span_tokens = n;
        }
        true
    };
    // (position, cluster) of every counted mention, for the pronoun pass below.
    let mut order: Vec<(u32, u32)> = Vec::with_capacity(cands.len());
    // A full name that the story goes on to call by its last word alone ("Zohran Mamdani
    // won ..." ... "Mamdani, a state assemblyman, told ..."): that is how news copy refers to
    // people, not to firms or places.
    let recurs = |c: &Cand| {
        let last = strip_particle(word(folded, &toks[surname_tok(folded, toks, c.a, c.b)]));
        // The given name is a word, not an initial ("W Europe"); the bare surname acts in
        // its sentence (says, or is the subject of a verb: not "Total Use 599" in a table)
        // and has no title (a titled "President Reagan" after "Michael Reagan, son of" is
        // the authority's, which the title resolves).
        // "Mr. Stanley", "Dr. Harlow": a courtesy title names no office, so it resolves no
        // one else; the bare surname under it is the full name's, as when it acts.
        let courtesy = |d: &Cand| {
            d.a > 0
                && matches!(
                    word(folded, &toks[d.a - 1]),
                    b"mr" | b"mrs" | b"ms" | b"dr" | b"miss" | b"mme"
                )
        };
        word(folded, &toks[c.a]).len() >= 2
            && cands.iter().any(|d| {
                if d.b - d.a != 1
                    || d.a <= c.b
                    || d.authority.is_some()
                    || word(folded, &toks[d.a]) != last
                {
                    return false;
                }
                courtesy(d)
                    || (!d.titled
                        && (d.speaker
                            || d.quoted
                            // "Ronaldo, 40, said ...": an age is given only of people.
                            || toks.get(d.b).is_some_and(|u| {
                                u.break_before()
                                    && !u.sent_start()
                                    && is_age_apposition(ctx, toks, d.b)
                            })
                            || (d.subject
                                && toks.get(d.b).is_some_and(|u| {
                                    word(folded, u).first().is_some_and(u8::is_ascii_lowercase)
                                }))))
            })
    };
    // A name the story once introduces as a publication ("the official paper El Peruano
    // said") is that publication wherever it repeats ("..., El Peruano said").
    let in_publication = |c: &Cand| {
        let name = &folded[toks[c.a].s as usize + 1..toks[c.b - 1].e as usize + 1];
        runs.iter().any(|&(ri, rj)| {
            let (ri, rj) = (ri as usize, rj as usize);
            ri > 0
                && !toks[ri].break_before()
                && is_publication_word(word(folded, &toks[ri - 1]))
                && &folded[toks[ri].s as usize + 1..toks[rj - 1].e as usize + 1] == name
        })
    };
    // "the death of Alexei Navalny", "worked for George Soros": a given name and a surname
    // in mid-sentence are a person's name without any other cue.
    let given_named = |c: &Cand| {
        // "The Richard Companies", "Karl Lorimar, which ...": names of firms; "Victor
        // Verster prison": a thing named after someone.
        let thing = names_a_thing(folded, toks, c.a, c.b);
        let which = toks
            .get(c.b)
            .is_some_and(|u| u.break_before() && word(folded, u) == b"which");
        // The rest of a saint's place name ("San Luis Potosi").
        let saints = c.a > 0 && !toks[c.a].break_before() && is_saint(word(folded, &toks[c.a - 1]));
        // At a sentence's start any word is capitalised: only a name followed by its
        // lowercase verb ("Lionel Messi scored twice") or opening a list of names ("Tommy
        // Fleetwood, Collin Morikawa and Max Homa shared third place").
        let opens_clause = toks.get(c.b).is_some_and(|u| {
            // "Kenneth Marsh's company collapsed": what the name owns, in small letters.
            if toks[c.b - 1].possessive() {
                return ctx.text.get(toks[c.b - 1].e as usize..u.s as usize) == Some(b"'s ")
                    && word(folded, u).first().is_some_and(u8::is_ascii_lowercase)
                    && !u.cap();
            }
            if !u.break_before() {
                return word(folded, u).first().is_some_and(u8::is_ascii_lowercase);
            }
            ctx.text.get(toks[c.b - 1].e as usize..u.s as usize) == Some(b", ")
                && u.cap()
                && !u.all_caps()
                && is_given_name(a, word(folded, u))
        });
        // Two words only, or with particles between them ("Erik ten Hag"): a third
        // capitalised word is as often a firm's or a building's ("Bob Evans Farms", "Peter
        // Pan Restaurant") unless the second is a given name too; a generational suffix is
        // no third word ("Robert Downey Jr.").
        let last = surname_tok(folded, toks, c.a, c.b);
        let b = last + 1;
        (b - c.a == 2
            || (b - c.a <= 4
                && (c.a + 1..last).all(|k| !toks[k].cap() && ctx.tok_has(toks, k, F_PARTICLE)))
            // Two given names and a surname ("Maria Grazia Chiuri", "Tommy Lee Jones").
            || (b - c.a == 3
                && !toks[c.a + 1].all_caps()
                && ctx.tok_flags(toks, c.a + 1) == 0
                && is_given_name(a, word(folded, &toks[c.a + 1]))))
            && (!toks[c.a].sent_start() || opens_clause)
            && !thing
            && !which
            && !saints
            && !toks[c.a].all_caps()
            && !toks[last].all_caps()
            // A possessive name before what it owns is a person's as much as any ("ending
            // Lionel Messi's bid"; opening a sentence, see `opens_clause`: "Kenneth Marsh's
            // company", while "Morgan Stanley's analysts" is a firm's, a known organisation
            // whose first word is no given name); with nothing after it, a shop's ("Burger
            // King, Arby's and Tony Roma's").
            && (!toks[last].possessive()
                || (toks.get(last + 1).is_some_and(|u| {
                        // Only its "'s" and a space between them, or an opening quote
                        // ("Bobby McFerrin's \"Don't Worry\"").
                        let gap = ctx.text.get(toks[last].e as usize + 2..u.s as usize);
                        matches!(gap, Some(b" " | b"\n" | b" \""))
                    })))
            && {
                // Two-letter surnames are East Asian ones ("Lisa Su", "Sarah Wu", "Peter Ho");
                // other two-letter words after a given name are abbreviations ("Grace Co").
                let w = word(folded, &toks[last]);
                w.len() >= 3 || is_two_letter_surname(w)
            }
            // A surname may be a place's name too ("Lewis Hamilton", "Michael Jordan"), a
            // country's that is a word as well included.
            && is_surname_like(ctx.tok_flags(toks, last))
            && {
                // Spelt out: an initial opens firms too ("C. Itoh", "F. Man"), and so do
                // glued words ("Clayton-Marcus Furniture") unless each part is a given name
                // ("Shelly-Ann", "Jean-Yves"). An initial before a given name and a surname
                // is a person's first initial ("F. Murray Abraham"): the given name decides.
                let first = if b - c.a == 3 && is_initial(ctx.text, &toks[c.a]) {
                    c.a + 1
                } else {
                    c.a
                };
                let given = word(folded, &toks[first]);
                given.len() >= 3
                    && given.iter().all(|&b| b.is_ascii_lowercase() || b == b' ')
                    && (given
                        .split(|&b| b == b' ')
                        .all(|part| part.len() >= 2 && is_given_name(a, part))
                        // A given name that is also a word ("Will Young", "Grace Mugabe") is
                        // a name where its capital can only be the writer's: in mid-sentence
                        // of the story's text, not its headline; or opening a sentence
                        // before what the name owns ("Mark Benson's shop gave credit").
                        || (is_word_given_name(given)
                            && (!toks[c.a].sent_start() || toks[last].possessive())
                            && zone_of(toks[c.a].s) != Zone::Head))
            }
    };
    // Pass 1: authority hits and multi-word names create clusters.
    for c in cands.iter() {
        let multi = c.b - c.a >= 2;
        // "Joseph E. Seagram and Sons Inc said": a firm's name, whatever cues it has.
        if c.authority.is_none() && firm_tail(ctx.text, toks[c.b - 1].e as usize) {
            continue;
        }
        let bare = c.authority.is_none() && multi && !c.titled && !c.quoted && !recurs(c);
        if c.authority.is_none()
            && !(multi
                && (c.titled || ((!bare || given_named(c)) && !in_org(c) && !in_publication(c))))
        {
            continue;
        }
        let key_auth = c.authority;
        // This mention's span, against each cluster's fullest one.
        let (cs, ce) = (toks[c.a].s, toks[c.b - 1].e);
        // "Prince Mohammed" after "Mohammed bin Salman": a royal's title and given name are
        // the person of that given name the story named in full.
        let royal_given =
            (key_auth.is_none() && c.b - c.a == 2 && is_royal_title(word(folded, &toks[c.a])))
                .then(|| word(folded, &toks[c.a + 1]));
        let found = clusters.iter().position(|cl| {
            if royal_given.is_some_and(|g| cl.full_name && cl.first == g) {
                return true;
            }
            let (s, e) = cl.span;
            match (cl.authority, key_auth) {
                (Some(x), Some(y)) => x == y,
                // The last words of a known person's name as the story wrote it ("Aung San
                // Suu Kyi" ... "Suu Kyi, 78, is serving"), whatever the years of office.
                (Some(_), None) => ends_with_name(folded, s, e, cs, ce),
                // The same name, or its last words after the full name ("Antonio Ortiz
                // Mena" ... "Ortiz Mena, who"), or the same given name and surname with or
                // without a middle name ("Ravindra Deshpande", "Ravindra Nath Deshpande").
                (None, None) => {
                    text_eq(folded, s, e, cs, ce)
                        || ends_with_name(folded, s, e, cs, ce)
                        || (multi && cl.full_name && {
                            let (first, surname) = name_keys(c, None);
                            // Not father and son ("Henry Ford", "Henry Ford II";
                            // "Stewart Bainum Jr.", "... Sr.").
                            let suffix = |s: u32, e: u32| {
                                let name = &folded[s as usize + 1..e as usize + 1];
                                let last = name.rsplit(|&b| b == b' ').next().unwrap_or(name);
                                is_name_suffix(last).then_some(last)
                            };
                            cl.first == first
                                && cl.surname == surname
                                && suffix(s, e) == suffix(cs, ce)
                        })
                }
                _ => false,
            }
        });
        // An unknown name seen first that is the last words of this known person's name
        // ("Gonzalez Urrutia" in the headline, "Edmundo Gonzalez Urrutia" in the body)
        // becomes his.
        let found = found.or_else(|| {
            let k = key_auth.and_then(|_| {
                clusters.iter().position(|cl| {
                    let (s, e) = cl.span;
                    cl.authority.is_none() && ends_with_name(folded, cs, ce, s, e)
                })
            })?;
            let known = mk(c, key_auth);
            let cl = &mut clusters[k];
            cl.authority = known.authority;
            cl.span = known.span;
            cl.span_tokens = known.span_tokens;
            cl.surname = known.surname;
            cl.first = known.first;
            Some(k)
        });
        let idx = match found {
            Some(k) => {
                clusters[k].bare &= bare;
                k
            }
            None => {
                clusters.push(Cluster {
                    bare,
                    ..mk(c, key_auth)
                });
                clusters.len() - 1
            }
        };
        if note(&mut clusters[idx], c) {
            order.push((toks[c.a].s, idx as u32));
        }
    }
    // Unknown multi-word names whose surname is an authority person's, active now: same person
    // ("Jim Baker" is James Baker only if nothing else says otherwise) — left unknown on purpose.

    // Pass 2: single words join a cluster by surname (or first name for a titled "Sheikh
    // Tamim"), or resolve through the authority list when title-cued.
    for c in cands.iter() {
        let multi = c.b - c.a >= 2;
        if c.authority.is_some() || (multi && (c.titled || c.quoted)) {
            continue;
        }
        let last = strip_particle(word(folded, &toks[c.b - 1]));
        let first = word(folded, &toks[c.a]);
        let hit = clusters
            .iter()
            .position(|cl| cl.surname == last)
            .or_else(|| {
                if c.titled && !multi {
                    clusters.iter().position(|cl| cl.first == first)
                } else {
                    None
                }
            });
        if let Some(k) = hit {
            if note(&mut clusters[k], c) {
                order.push((toks[c.a].s, k as u32));
            }
            continue;
        }
        if !c.titled {
            continue;
        }
        // Title + surname: an authority person of that surname active at the date.
        let title = &toks[c.title_words.0..c.title_words.1];
        let mut best: Option<(PersonId, u32)> = None;
        // Another person as good as `best`: a family name that comes first is then no one's.
        let mut tied = false;
        let key = String::from_utf8_lossy(last);
        if let Some(ids) = a.person_keys_lookup(&key) {
            for &pid in ids {
                let p = &a.people[pid as usize];
                if !p.active(ctx.year) {
                    continue;
                }
                let role = p.role.to_ascii_lowercase();
                let score = 1 + title
                    .iter()
                    .filter(|t| names_office(word(folded, t), &role))
                    .count() as u32;
                // A family name that comes first (Wang, Li, Lee) is shared by too many
                // people to stand for one after just any title: only after a word of the
                // person's office ("Premier Li", "President Lee"), and only if no one else
                // in office then fits as well.
                if p.family_first && score < 2 {
                    continue;
                }
                // Between two as good, the one in office that very year ("Prime Minister
                // Dlamini" in 2019 is Ambrose Dlamini, not his predecessor who left in
                // 2018): the year of slack of `active` is for the news, not the office.
                let in_office = p.roles().any(|r| {
                    r.from.is_none_or(|f| ctx.year >= f) && r.to.is_none_or(|t| ctx.year <= t)
                });
                let score = 2 * score + u32::from(in_office);
                match best {
                    Some((_, s)) if score == s => tied = true,
                    Some((_, s)) if score < s => {}
                    _ => {
                        best = Some((pid, score));
                        tied = false;
                    }
                }
            }
        }
        if tied && best.is_some_and(|(pid, _)| a.people[pid as usize].family_first) {
            best = None;
        }
        if best.is_none() {
            // The surname misspelt ("Secretary Schultz"): only with a title word of the
            // person's office, and only one such person.
            let mut slips = a
                .misspelt_surname(last, ctx.year)
                .into_iter()
                .filter(|&pid| {
                    let role = a.people[pid as usize].role.to_ascii_lowercase();
                    title.iter().any(|t| names_office(word(folded, t), &role))
                });
            if let (Some(pid), None) = (slips.next(), slips.next()) {
                best = Some((pid, 0));
            }
        }
        if let Some((pid, _)) = best {
            let idx = match clusters.iter().position(|cl| cl.authority == Some(pid)) {
                Some(k) => k,
                None => {
                    clusters.push(mk(c, Some(pid)));
                    clusters.len() - 1
                }
            };
            if note(&mut clusters[idx], c) {
                order.push((toks[c.a].s, idx as u32));
            }
        } else if !multi && c.a > 0 && ctx.tok_has(toks, c.a - 1, F_STRONG_TITLE) {
            // A lone surname counts only after a personal title ("Chancellor Okafor"), not
            // after "Chief" or "Head" ("Chief of Staff" is no person called Staff).
            clusters.push(mk(c, None));
            let k = clusters.len() - 1;
            if note(&mut clusters[k], c) {
                order.push((toks[c.a].s, k as u32));
            }
        }
    }

    // "He said ...": a body sentence opened by a pronoun goes on about the person named last.
    order.sort_unstable();
    let mut next = 0;
    let mut last: Option<u32> = None;
    // No sentence up to the first counted mention has anyone to refer to: start after it
    // (and skip the pass when no one was named, as in most stories).
    let from = order
        .first()
        .map_or(toks.len(), |&(p, _)| toks.partition_point(|t| t.s <= p));
    for t in toks[from..].iter().filter(|t| t.sent_start()) {
        while next < order.len() && order[next].0 < t.s {
            last = Some(order[next].1);
            next += 1;
        }
        let w = word(folded, t);
        if let (Some(k), b"he" | b"she") = (last, w) {
            if zone_of(t.s) != Zone::Head {
                clusters[k as usize].pronoun += 1;
            }
        }
    }

    // Person hits outside any capitalised run (ALL-CAPS headlines): authority mentions.
    for &ti in person_toks.iter() {
        let k = person_hit_of[ti];
        if !caps_at(toks[ti].s) {
            continue;
        }
        if ti > 0 && person_hit_of[ti - 1] == k {
            continue;
        }
        let h = &hits[k as usize];
        // "TAMURA CORP", "LAWSON PRODUCTS INC": a company named after someone.
        let next = toks[ti..].iter().find(|t| t.s >= h.end);
        if next.is_some_and(|t| {
            !t.break_before()
                && zone_of(t.s) == zone_of(h.start)
                && has(word(folded, t), F_NOT_PERSON)
        }) {
            continue;
        }
        if let Some(pid) = person_of_hit(a, gaz, h, ctx.year) {
            let idx = match clusters.iter().position(|cl| cl.authority == Some(pid)) {
                Some(x) => x,
                None => {
                    let p = &a.people[pid as usize];
                    let sur = super::fold::fold_str(p.surname());
                    clusters.push(Cluster::new(
                        Some(pid),
                        (h.start, h.end),
                        1,
                        strip_particle(&sur).to_vec(),
                        Vec::new(),
                    ));
                    clusters.len() - 1
                }
            };
            let cl = &mut clusters[idx];
            let after = toks[ti..]
                .iter()
                .position(|t| t.s >= h.end)
                .map_or(toks.len(), |p| ti + p);
            if attributive(ctx, toks, after) {
                continue;
            }
            cl.mentions += 1;
            cl.first_pos = cl.first_pos.min(h.start);
            match zone_of(h.start) {
                Zone::Head => cl.in_head = true,
                Zone::Lead => cl.in_lead = true,
                Zone::Body => {}
            }
        }
    }

    // Headlines name people by surname ("LAWSON SAYS ...", "TREASURY'S BAKER ...") or by
    // title alone ("PREMIER SAYS ..."): link them to the people of the story.
    let mut head_title = false;
    for (ti, t) in toks.iter().enumerate() {
        if zone_of(t.s) != Zone::Head {
            break;
        }
        let w = strip_particle(word(folded, t));
        if has(w, F_HEAD_TITLE) {
            head_title = true;
        }
        if w.len() < 3
            || toks.get(ti + 1).is_some_and(|n| {
                !n.break_before()
                    && zone_of(n.s) == Zone::Head
                    && ctx.tok_has(toks, ti + 1, F_NOT_PERSON)
            })
        {
            continue;
        }
        for cl in clusters.iter_mut() {
            if cl.surname == w && !attributive(ctx, toks, ti + 1) {
                cl.in_head = true;
            }
        }
    }
    if head_title {
        if let Some(cl) = clusters
            .iter_mut()
            .filter(|c| c.in_lead && c.titled && c.authority.is_some() && !c.in_head)
            .min_by_key(|c| c.first_pos)
        {
            cl.head_title = true;
        }
    }
    for cl in &clusters {
        person_spans.push(cl.span);
    }
    // Candidates too ("Vernon Jordan", whatever became of it), but not a capitalised word
    // opening a sentence before a place, with nothing to make the two a name ("Neighbouring
    // India and China sent condolences").
    for c in cands.iter() {
        if toks[c.a].sent_start()
            && c.b - c.a == 2
            && has(word(folded, &toks[c.a + 1]), F_NAME_LIKE)
            && !has(word(folded, &toks[c.a]), F_NAME_LIKE)
            && c.authority.is_none()
            && !c.titled
            && !c.quoted
            && !is_given_name(a, word(folded, &toks[c.a]))
        {
            continue;
        }
        person_spans.push((toks[c.a].s, toks[c.b - 1].e));
    }
    MARKS.with(|c| c.set(marks));
    clusters
}

/// Nouns that make a preceding name attributive ("the Reagan administration").
const ATTRIBUTIVE: &[&str] = &[
    "administration",
    "administration's",
    "aide",
    "aides",
    "government",
    "cabinet",
    "officials",
    "era",
    "years",
    "team",
    "camp",
    "doctrine",
    "white",
    "presidency",
    "associates",
    "loyalists",
    "supporters",
    "allies",
];

/// True if token `k` is a verb of attribution that does not also take a person as object
/// ("said X", not "told X").
fn said_not_to(ctx: &Ctx, toks: &[Tok], k: usize) -> bool {
    ctx.tok_flags(toks, k) & (F_SAID | F_SAID_TO) == F_SAID
}

/// True if token `next` (the one after a name) makes the name attributive.
fn attributive(ctx: &Ctx, toks: &[Tok], next: usize) -> bool {
    toks.get(next)
        .is_some_and(|t| !t.break_before() && ctx.tok_has(toks, next, F_ATTRIB))
}

fn text_eq(folded: &[u8], s: u32, e: u32, cs: u32, ce: u32) -> bool {
    folded[s as usize + 1..e as usize + 1] == folded[cs as usize + 1..ce as usize + 1]
}

/// Whether the name at `cs..ce` is the last whole words of the longer name at `s..e`.
fn ends_with_name(folded: &[u8], s: u32, e: u32, cs: u32, ce: u32) -> bool {
    let long = &folded[s as usize + 1..e as usize + 1];
    let short = &folded[cs as usize + 1..ce as usize + 1];
    long.len() > short.len() && long.ends_with(short) && long[long.len() - short.len() - 1] == b' '
}

/// The authority person a person hit denotes at `year`, if any variant applies.
pub fn person_of_hit(a: &Authorities, gaz: &Gazetteer, h: &Hit, year: i32) -> Option<PersonId> {
    let mut best: Option<(PersonId, bool)> = None;
    for v in gaz.hit_variants(h) {
        if let Target::Person { id, short } = v.target {
            let p = &a.people[id as usize];
            let active = p.active(year);
            if short && !active {
                continue;
            }
            if best.is_none_or(|(_, was_active)| active && !was_active) {
                best = Some((id, active));
            }
        }
    }
    best.map(|(id, _)| id)
}

/// Capitalised words that stand before a surname without being a given name ("Senior
/// Reagan administration officials", "Former Chancellor ...").
const NOT_GIVEN: &[&[u8]] = &[
    b"senior",
    b"former",
    b"late",
    b"acting",
    b"then",
    b"new",
    b"young",
    b"elder",
    b"chief",
    b"top",
    b"veteran",
    b"outgoing",
    b"incoming",
    b"embattled",
    b"ailing",
    b"deputy",
];

/// "analyst Ilmar Martens", "Nancy Reagan": an authority surname right after a given name
/// that is not the authority person's is a namesake. When an article introduces one (and
/// never names the authority person in full), its bare surname mentions are the namesake's
/// too: they lose their authority reading and resolve, by coreference, to the namesake.
#[allow(clippy::too_many_arguments)]
fn shadow_namesakes(
    a: &Authorities,
    ctx: &Ctx,
    toks: &[Tok],
    hits: &[Hit],
    person_toks: &[usize],
    person_hit_of: &[u32],
    person_id_of: &mut [Option<PersonId>],
    covered_place: &[u8],
) {
    let folded = ctx.folded;
    let single = |ti: usize| {
        let k = person_hit_of[ti];
        k != NO_HIT && {
            let h = &hits[k as usize];
            h.start == toks[ti].s && h.end == toks[ti].e
        }
    };
    // Only tokens within a person hit can have a person id.
    for &ti in person_toks.iter().filter(|&&ti| ti > 0) {
        let Some(pid) = person_id_of[ti] else {
            continue;
        };
        let (t, prev) = (&toks[ti], &toks[ti - 1]);
        // A sentence's first word may be capitalised only as such ("Besides Reagan's ..."),
        // unless it is a given name ("Lucy Powell was elected").
        if !single(ti)
            || t.break_before()
            || t.sent_start()
            || !prev.cap()
            || prev.possessive()
            || (prev.sent_start() && !is_given_name(a, word(folded, prev)))
        {
            continue;
        }
        let given = word(folded, prev);
        // A city's name that is also a given name stands for one before a known surname
        // ("striker Milan Novak" is not Alexander Novak), unless it says where ("in Paris
        // Reagan aides said"); a country's does not ("Jordan" before a surname).
        let city_given = covered_place[ti - 1] == 2
            && !std::str::from_utf8(given).is_ok_and(|g| a.is_country_key(g))
            && (ctx.zone_of)(prev.s) != Zone::Head
            && !(ti >= 2
                && !prev.break_before()
                && matches!(
                    word(folded, &toks[ti - 2]),
                    b"in" | b"at" | b"from" | b"near" | b"to" | b"outside" | b"across" | b"of"
                ));
        if person_id_of[ti - 1].is_some() || (covered_place[ti - 1] != 0 && !city_given) {
            continue;
        }
        let p = &a.people[pid as usize];
        // An initial stands for a given name: another one than any of the person's makes a
        // namesake ("shipping agent S. Venkataraman" is not R. Venkataraman); the same
        // letter keeps him ("J. Baker").
        // A first initial only: a middle one follows a given name ("Eduard A. Shevardnadze").
        let other_initial = is_initial(ctx.text, prev)
            && !prev.sent_start()
            && !(ti >= 2 && !prev.break_before() && toks[ti - 2].cap())
            && p.name.contains(' ')
            && given.first().is_some_and(|&g| {
                let surname = p.surname();
                !p.name_words()
                    .filter(|w| *w != surname)
                    .any(|w| w.as_bytes()[0].to_ascii_lowercase() == g)
            });
        // A title, an initial or a function word is no given name ("Mr", "J.", "The").
        if !other_initial
            && (given.len() < 3
                || given.contains(&b'.')
                || ctx.tok_has(
                    toks,
                    ti - 1,
                    F_TITLE | F_STOP | F_PARTICLE | F_HEAD_TITLE | F_STRONG_TITLE,
                )
                || prev.all_caps())
        {
            continue;
        }
        // Mononyms ("Subroto") have no given name to differ from.
        if !p.name.contains(' ') || NOT_GIVEN.contains(&given) {
            continue;
        }
        // A patronymic stands between the given name and the surname ("Mikhail Sergeyevich
        // Gorbachev"): the given name is the word before it.
        let given = if is_patronymic(given) && ti >= 2 && !prev.break_before() && toks[ti - 2].cap()
        {
            word(folded, &toks[ti - 2])
        } else {
            given
        };
        // The person's own given names, wire misspellings included ("Mikhael Gorbachev",
        // "Jamie Ongpin"): one edit or one swap apart.
        let Ok(given) = std::str::from_utf8(given) else {
            continue;
        };
        let names_it = p.name_words().any(|part| {
            let part = part.to_lowercase();
            // Not the feminine or masculine form of the name ("Daniela", "Paula").
            strsim::damerau_levenshtein(&part, given) <= 1
                && given.strip_suffix('a') != Some(part.as_str())
                && part.strip_suffix('a') != Some(given)
        });
        if names_it && !other_initial {
            continue;
        }
        // Named in full elsewhere in the article, the authority person is there too and
        // keeps the bare surname; only this name is the namesake's ("President Joe Biden
        // pardoned his son Hunter Biden").
        let in_full = (0..toks.len()).any(|k| person_id_of[k] == Some(pid) && !single(k));
        if in_full {
            person_id_of[ti] = None;
            continue;
        }
        // A word of the person's office before the surname keeps it his ("Michael Reagan,
        // son of President Reagan").
        let role = p.role.to_ascii_lowercase();
        let in_office = |k: usize| {
            k > 0 && !toks[k].break_before() && names_office(word(folded, &toks[k - 1]), &role)
        };
        for (k, id) in person_id_of.iter_mut().enumerate() {
            if *id == Some(pid) && single(k) && !in_office(k) {
                *id = None;
            }
        }
    }
    // A known surname alone before another name word is someone's given name ("Novak
    // Djokovic" is not Alexander Novak): in running text or a sentence-case headline (a
    // small word after the name), not in a title-case one ("Biden Signs Bill").
    // After the namesakes above, so that "Ricardo Ortega Vidal" first makes every bare
    // "Ortega" of the story his.
    for &ti in person_toks {
        let Some(next) = toks.get(ti + 1) else {
            continue;
        };
        if person_id_of[ti].is_some()
            && single(ti)
            && !(ctx.caps_at)(toks[ti].s)
            && ((ctx.zone_of)(toks[ti].s) != Zone::Head
                || toks.get(ti + 2).is_some_and(|u| {
                    (ctx.zone_of)(u.s) == Zone::Head
                        && word(folded, u).first().is_some_and(u8::is_ascii_lowercase)
                }))
            && !toks[ti].possessive()
            && !next.break_before()
            && next.cap()
            && !next.all_caps()
            && person_id_of[ti + 1].is_none()
            && covered_place[ti + 1] == 0
            && word(folded, next).len() >= 3
            && ctx.tok_flags(toks, ti + 1) == 0
        {
            person_id_of[ti] = None;
        }
    }
}

/// Splits one run of capitalised tokens `[i, j)` into title words and a name, and records a
/// candidate when the name is plausible.
#[allow(clippy::too_many_arguments)]
fn split_run(
    a: &Authorities,
    ctx: &Ctx,
    toks: &[Tok],
    i: usize,
    j: usize,
    covered_place: &[u8],
    person_id_of: &[Option<PersonId>],
    cands: &mut Vec<Cand>,
) {
    let folded = ctx.folded;
    // An authority name inside the run is the name, whatever precedes it ("Trade
    // Represenative Clayton Yeutter", misspelt title and all).
    if let Some(a0) = (i..j).find(|&k| person_id_of[k].is_some()) {
        let pid = person_id_of[a0];
        let mut b0 = a0 + 1;
        while b0 < j && person_id_of[b0] == pid {
            b0 += 1;
        }
        // "Ronald Reagan Washington National Airport", "Nelson Mandela Bay": a run that goes
        // on to a noun of things named after people is the thing.
        // So is one the lowercase noun follows ("through Leopold Sedar Senghor airport").
        if (b0 < j && is_named_after_noun(word(folded, &toks[j - 1])))
            || toks.get(j).is_some_and(|u| {
                !u.break_before() && !u.cap() && is_named_after_noun(word(folded, u))
            })
        {
            return;
        }
        // The rest of the run still spells the person's name ("Sheikh Mohammed bin
        // Abdulrahman" matched as an alias, then "Al Thani"): one name, not a second person.
        if b0 < j {
            if let Some(p) = pid.map(|id| &a.people[id as usize]) {
                let in_name = |k: usize| {
                    let w = word(folded, &toks[k]);
                    // "bin" and "ibn" are one word spelt two ways.
                    let w: &[u8] = if w == b"ibn" { b"bin" } else { w };
                    p.name_words()
                        .any(|part| part.as_bytes().eq_ignore_ascii_case(w))
                };
                if (b0..j).all(in_name) {
                    b0 = j;
                }
            }
        }
        let titled = (i..a0).any(|k| ctx.tok_has(toks, k, F_TITLE))
            || (a0 > 0 && !toks[a0].break_before() && ctx.tok_has(toks, a0 - 1, F_TITLE));
        let next_said = toks
            .get(b0)
            .is_some_and(|u| !u.break_before() && ctx.tok_has(toks, b0, F_SAID));
        // "told Reagan", "urged Lyng": the name is the listener, not the speaker.
        let prev_said = a0 > 0 && !toks[a0].break_before() && said_not_to(ctx, toks, a0 - 1);
        let (speaker, subject) = roles(ctx, toks, i, b0);
        cands.push(Cand {
            a: a0,
            b: b0,
            titled,
            quoted: next_said || prev_said,
            authority: pid,
            title_words: (i, a0),
            speaker,
            subject,
        });
        if b0 + 1 < j {
            split_run(a, ctx, toks, b0, j, covered_place, person_id_of, cands);
        }
        return;
    }
    // The name follows the last title word of the run.
    let mut start = i;
    let mut titled = false;
    let mut title_from = i;
    for k in i..j {
        if k + 1 < j && ctx.tok_has(toks, k, F_TITLE) {
            if !titled {
                title_from = k;
            }
            start = k + 1;
            titled = true;
        }
    }
    // "Minister of Aviation Michael Spicer", "Chief of Staff Hector Rios Erenu", "director
    // for the Caribbean Rainer Steckhan": the run's first words end the title before it, when
    // a given name follows them (not in "President of the French Maize Producers ...").
    if !titled && j - i >= 3 {
        let w = |k: usize| word(folded, &toks[k]);
        let joined = |k: usize| !toks[k].break_before() && !toks[k].sent_start();
        let mut k = i;
        if k > 0 && joined(k) && w(k - 1) == b"the" {
            k -= 1;
        }
        // Also after a name the connector continues ("the Organisation for Economic
        // Cooperation and Development Jean-Claude Paye said").
        if k > 1
            && joined(k)
            && joined(k - 1)
            && (matches!(w(k - 1), b"of" | b"for") && ctx.tok_has(toks, k - 2, F_TITLE)
                || matches!(w(k - 1), b"and" | b"of" | b"for") && toks[k - 2].cap())
        {
            // The rest of a portfolio: "Minister of Social Affairs Louw de Graaf".
            let mut s = i + 1;
            while j - s > 2 && ctx.tok_has(toks, s, F_NOT_PERSON) {
                s += 1;
            }
            // The words dropped are no given name, the word after them is one, spelt out
            // ("... and James O. Burke" keeps "James").
            // Not a place named after a saint ("Guadalajara and San Luis Potosi").
            if !is_given_name(a, w(i))
                && !is_saint(w(i))
                && w(s).len() > 2
                && is_given_name(a, w(s))
            {
                titled = true;
                title_from = k - 2;
                start = s;
            }
        }
    }
    let title_to = start;
    // A lowercase title word right before the run: "Bank of Japan governor Satoshi Sumita";
    // or a relative: "his son Hunter Biden", "her sister Venus Williams"; or what someone
    // does: "Egyptian singer Nabila Hamdy", "souvenir seller Aminath Shiuna".
    if !titled
        && i > 0
        && !toks[i].break_before()
        && !toks[i].sent_start()
        && (ctx.tok_has(toks, i - 1, F_TITLE) || {
            let w = word(folded, &toks[i - 1]);
            is_relative(w) || is_occupation(w) || is_person_noun(w)
        })
    {
        titled = true;
        title_from = i - 1;
    }
    // "the bank's chief economist, Jane Marsh, said", "a spokesman for the ministry, Ahmed
    // Saleh, said": a full name set off by commas right after a title (and its "for"/"of"/
    // "at" tail) holds that title.
    let text = ctx.text;
    if !titled
        && i > 0
        && j - i >= 2
        && text.get(toks[i - 1].e as usize..toks[i].s as usize) == Some(b", ")
        && matches!(text.get(toks[j - 1].e as usize), None | Some(b',' | b'.'))
        // A name, not a firm ("managing director, GM de Mexico": no name ends with a
        // particle; one ending with an initial is dropped below).
        && toks[i..j].iter().all(|t| !t.all_caps())
        && !ctx.tok_has(toks, j - 1, F_PARTICLE)
    {
        // After a tail the apposition may name the tail's noun instead ("a spokesman for
        // the owners, Townsend Thoresen, said"): only a name that opens with a given name.
        let given = || is_given_name(a, word(folded, &toks[i]));
        if let Some(k) = title_before_comma(ctx, toks, i).filter(|&k| k + 1 == i || given()) {
            titled = true;
            title_from = k;
        }
    }
    // Drop leading function words and leading places/demonyms ("Soviet leader" handled by
    // titles; "Brazilian Jose Sarney" by this).
    // A capitalised "Will" in mid-sentence of the text is a given name ("won by Will
    // Young"), not the verb; opening a sentence it is one only before a surname that a
    // speech verb or a description of a person follows ("Will Hutton said", "Will Young, a
    // singer from Hampshire, ..."), which a question cannot ("Will Labour win?").
    // A speech verb or a description of a person right after the run: what makes a
    // sentence-opening "Will" or a place's name in a name a person's.
    let speaks_or_described = || {
        toks.get(j)
            .is_some_and(|u| !u.break_before() && ctx.tok_has(toks, j, F_SAID))
            || described(ctx, toks, j, || true)
    };
    let given_will = |k: usize| {
        word(folded, &toks[k]) == b"will"
            && k + 1 < j
            && (ctx.zone_of)(toks[k].s) != Zone::Head
            && !(ctx.caps_at)(toks[k].s)
            && (!toks[k].sent_start()
                || (k + 2 == j && covered_place[k + 1] == 0 && speaks_or_described()))
    };
    while start < j {
        if covered_place[start] == 1
            || (ctx.tok_has(toks, start, F_STOP | F_TITLE) && !given_will(start))
            || is_modifier(word(folded, &toks[start]))
        {
            start += 1;
        } else {
            break;
        }
    }
    // "Lifeguard Jake Turnbull pulled ...", "Singer Nabila Hamdy performed": a word for what
    // someone does, capitalised where it opens the sentence, before a given name and a
    // surname is the lowercase cue ("singer Nabila Hamdy") written at a sentence's start.
    if !titled && j - start >= 3 && {
        let w = word(folded, &toks[start]);
        // Ranks that are words too ("major banks", "a private firm") cue a name only so,
        // capitalised before a given name and a surname: "Major Tom Redmond".
        (is_person_noun(w)
            || is_occupation(w)
            || matches!(w, b"major" | b"private" | b"corporal" | b"marine"))
            && is_given_name(a, word(folded, &toks[start + 1]))
    } {
        titled = true;
        title_from = start;
        start += 1;
    }
    // A run that ends in a modifier qualifies what follows ("Nobel Prize-winning economist
    // X"): no name of its own; one that ends in a party label describes someone ("the
    // Washington Democrat said").
    if start >= j
        || is_modifier(word(folded, &toks[j - 1]))
        || matches!(
            word(folded, &toks[j - 1]),
            b"republican" | b"democrat" | b"socialist" | b"communist" | b"conservative" | b"tory"
        )
        // A saint's name opens places and the firms named after them ("San Miguel Corp",
        // "Ste Therese").
        || is_saint(word(folded, &toks[start]))
        // A foreign article opens the names of publications and bodies ("Le Monde said",
        // "Der Spiegel", "El Mundo"); in a person's name it follows a given name ("Marine
        // Le Pen"), and a known bearer's bare surname was matched above. Alone it may be a
        // surname ("said Los").
        || (j - start >= 2
            && matches!(
                word(folded, &toks[start]),
                b"le" | b"la" | b"der" | b"die" | b"das" | b"el" | b"il" | b"lo" | b"los" | b"las"
            ))
    {
        return;
    }
    // "Jimmy Wales, the encyclopaedia's co-founder, ...", "Joan Kent said": a given name
    // and a place's name, described as a person or speaking, is a person named so.
    let place_surname = j - start == 2
        && covered_place[start] == 0
        && covered_place[j - 1] == 1
        && !toks[j - 1].all_caps()
        && is_given_name(a, word(folded, &toks[start]))
        && speaks_or_described();
    let mut end = j;
    // A trailing toponym that is no name ("Emir Sheikh X of Qatar" cannot occur in a run, but
    // "Mexico City" sits wholly in places and was skipped above).
    while end > start && covered_place[end - 1] == 1 && !place_surname {
        end -= 1;
    }
    // "Chief Executive Jim Farley Monday warned": the day is when, not part of the name;
    // so is a month (a word that is never a name) before its day ("to Holland May 1-10").
    while end > start
        && (is_weekday(word(folded, &toks[end - 1]))
            || (ctx.tok_has(toks, end - 1, F_STOP)
                && toks
                    .get(end)
                    .is_some_and(|u| !u.break_before() && ctx.text[u.s as usize].is_ascii_digit())))
    {
        end -= 1;
    }
    // No name ends with an initial: "Harvey T." is what is left of "Harvey T. Lyon" when the
    // surname is also a city.
    if end <= start || (end - start >= 2 && is_initial(ctx.text, &toks[end - 1])) {
        return;
    }
    // "Prince Harry", "Queen Rania", "Princess Anne": a royal goes by title and given name,
    // and the title is part of the name (what tells him from any other Harry). Not what is
    // named after one: "the Queen Mary", "Queen Alia airport".
    if titled
        && end - start == 1
        && start > i
        && is_royal_title(word(folded, &toks[start - 1]))
        && is_given_name(a, word(folded, &toks[start]))
        && !names_a_thing(folded, toks, start - 1, end)
    {
        start -= 1;
    }
    let authority = (start..end).find_map(|k| person_id_of[k]);
    let any_person_hit = authority.is_some();
    // "Park Chan-dae": the Korean family name, not a park (and a person with no other cue).
    let korean = korean_name(ctx, toks, start, end);
    for k in start..end {
        let t = &toks[k];
        let w = word(folded, t);
        // "Bill" opening a name is a given name ("Bill Ackman said"); anywhere else it is
        // a law ("the Farm Bill"). So is the Estonian "Mart" ("Mart Laar"), anywhere else
        // a store's ("Wal-Mart", "Food Mart").
        let given_bill = k == start && end - start >= 2 && matches!(w, b"bill" | b"mart");
        if (ctx.tok_has(toks, k, F_NOT_PERSON) && !given_bill && !(korean && k == start))
            || (t.all_caps()
                && !(ctx.caps_at)(t.s)
                && w.len() > 2
                // Initials written together open a name of two more words ("F.W. de Klerk",
                // "K.P. Sharma Oli"); before one they are a firm's ("W.R. Grace") unless
                // described as a person ("P.K. Menon, a bank clerk", "J.K. Ames, its chief
                // financial officer").
                && !(k == start
                    && is_glued_initials(ctx.text, t)
                    && (end - start >= 3
                        || (end - start == 2 && described(ctx, toks, end, || false)))))
        {
            return;
        }
        if covered_place[k] == 1 && !any_person_hit && !place_surname {
            return;
        }
        if w.iter().all(|b| b.is_ascii_digit() || *b == b'.') {
            return;
        }
    }
    // "Garid Inc of Eden Praries, Minn.": a name that a state's abbreviation places is a
    // town's.
    if toks.get(end).is_some_and(|u| {
        covered_place[end] == 1
            && ctx.text.get(toks[end - 1].e as usize..u.s as usize) == Some(b", ")
            && ctx.text.get(u.e as usize) == Some(&b'.')
            && u.e - u.s <= 5
    }) {
        return;
    }
    // Wire copy marks a company's name with angle brackets ("<Davy McKee> of Stockton").
    if start == i && toks[i].s > 0 && ctx.text.get(toks[i].s as usize - 1) == Some(&b'<') {
        return;
    }
    // "the newspaper Le Soir said", "the Wen Wei Po newspaper said": a publication.
    let publication = |k: usize| is_publication_word(word(folded, &toks[k]));
    if end - start >= 2
        && ((start == i && i > 0 && !toks[i].break_before() && publication(i - 1))
            || toks
                .get(end)
                .is_some_and(|u| !u.break_before() && !u.cap() && publication(end)))
    {
        return;
    }
    // A name-like toponym ("Jordan", "Chad") is a name only beside a non-place word.
    let n = end - start;
    if n == 1 && covered_place[start] == 2 {
        return;
    }
    // Attribution: "X said" / "said X".
    let next_said = toks
        .get(end)
        .is_some_and(|u| !u.break_before() && ctx.tok_has(toks, end, F_SAID));
    let prev_said = start == i && i > 0 && !toks[i].sent_start() && said_not_to(ctx, toks, i - 1);
    // A single word without any cue ("Analysts", "Moscow") becomes a person only through the
    // authority list or coreference, which the caller checks.
    let (speaker, subject) = roles(ctx, toks, title_from.min(i), end);
    // A known person's full name with a typing slip in the surname ("George Schultz").
    let authority = authority.or_else(|| {
        let rest = folded
            .get(toks[start + 1..end].first()?.s as usize + 1..toks[end - 1].e as usize + 1)?;
        a.misspelt_person(word(folded, &toks[start]), rest, ctx.year)
    });
    // "Digital Equipment said it ...", "Jiffy Lube said its ...": a firm speaks of itself as
    // "it"; a person does so only as someone known by a given name ("John Templeton said it
    // would ...").
    // The pronoun may follow a time or a source ("said on Tuesday its ...", "said in a
    // statement that it ...").
    let says_it = next_said
        && !titled
        && (end + 1..end + 6)
            .take_while(|&k| toks.get(k).is_some_and(|u| !u.break_before()))
            .map(|k| word(folded, &toks[k]))
            .find(|w| !is_said_filler(w))
            .is_some_and(|w| matches!(w, b"it" | b"its"))
        && !is_given_name(a, word(folded, &toks[start]));
    cands.push(Cand {
        a: start,
        b: end,
        titled: titled
            || (end - start >= 2
                && described(ctx, toks, end, || {
                    // "Georgia Whitcombe, a British curator": a place's name that is a
                    // given name too.
                    let w = word(folded, &toks[start]);
                    is_given_name(a, w) || is_word_given_name(w) || has(w, F_NAME_LIKE)
                }))
            || korean,
        quoted: (next_said && !says_it) || prev_said,
        authority,
        // From the run's start: the words before a title qualify it ("Foreign Minister
        // Wong" is the foreign minister of that name, not the prime minister).
        title_words: (title_from.min(i), title_to.max(title_from)),
        speaker: speaker && !says_it,
        subject,
    });
}

/// Whether the folded title word `w` is a word of the office `role` (lowercased): "premier"
/// of "Premier", "minister" of "Finance Minister 2021-; Prime Minister 2024-" (short words
/// like "of" never count).
fn names_office(w: &[u8], role: &str) -> bool {
    w.len() > 3 && std::str::from_utf8(w).is_ok_and(|w| role.contains(w))
}

/// A given name, a nickname in quotes and a surname: `John "Bud" Frazier`, `Joaquin "El
/// Chapo" Guzman`, `William "The Refrigerator" Perry`. The end of the name (the token
/// after the surname) if the words from `toks[i]` on are one. The quotes tell the nickname
/// from the name; nobody but a person is named so.
fn nicknamed(a: &Authorities, ctx: &Ctx, toks: &[Tok], i: usize) -> Option<usize> {
    let text = ctx.text;
    let t = toks.get(i)?;
    // The quote first: most single capitalised words have none after them.
    if !matches!(text.get(t.e as usize + 1), Some(b'"' | 0xE2))
        || t.all_caps()
        || !is_given_name(a, word(ctx.folded, t))
    {
        return None;
    }
    // An opening quote right after the given name, a closing one right after the nickname.
    let quote = |at: usize, open: bool| -> Option<usize> {
        match text.get(at..)? {
            [b'"', ..] => Some(1),
            [0xE2, 0x80, 0x9C, ..] if open => Some(3),
            [0xE2, 0x80, 0x9D, ..] if !open => Some(3),
            _ => None,
        }
    };
    let e = t.e as usize;
    if text.get(e) != Some(&b' ') {
        return None;
    }
    let nick_start = e + 1 + quote(e + 1, true)?;
    if toks.get(i + 1)?.s as usize != nick_start {
        return None;
    }
    // One to three capitalised words, then the closing quote, a space and the surname.
    for last in i + 1..i + 4 {
        let u = toks.get(last)?;
        if !u.cap() || (last > i + 1 && u.break_before()) {
            return None;
        }
        let Some(q) = quote(u.e as usize, false) else {
            continue;
        };
        let after = u.e as usize + q;
        let surname = toks.get(last + 1)?;
        return (text.get(after) == Some(&b' ')
            && surname.s as usize == after + 1
            && surname.cap()
            && !surname.all_caps()
            && ctx.tok_flags(toks, last + 1) & !F_NAME_LIKE == 0
            && word(ctx.folded, surname).len() >= 3)
            .then_some(last + 2);
    }
    None
}

/// Family names of two letters (Chinese, Korean, Vietnamese, Cantonese romanisations).
fn is_two_letter_surname(w: &[u8]) -> bool {
    matches!(
        w,
        b"su"
            | b"wu"
            | b"li"
            | b"ma"
            | b"xi"
            | b"hu"
            | b"yu"
            | b"he"
            | b"ng"
            | b"ho"
            | b"lo"
            | b"oh"
            | b"ko"
            | b"vu"
            | b"ly"
            | b"yi"
            | b"lu"
            | b"du"
            | b"qi"
            | b"fu"
    )
}

/// Two or three initials written together, each with its period: "F.W.", "K.P.".
fn is_glued_initials(text: &[u8], t: &Tok) -> bool {
    let w = text.get(t.s as usize..t.e as usize).unwrap_or_default();
    (4..=6).contains(&w.len())
        && w.chunks(2)
            .all(|c| matches!(c, [l, b'.'] if l.is_ascii_uppercase()))
}

/// A saint's name, which opens places and the firms named after them ("San Miguel Corp",
/// "Ste Therese", "San Luis Potosi").
fn is_saint(w: &[u8]) -> bool {
    matches!(
        w,
        b"san" | b"santa" | b"santo" | b"sao" | b"saint" | b"sainte" | b"st" | b"ste"
    )
}

/// Whether the capitalised words `toks[a..b]` name a thing rather than a person, by the
/// words around them: "the" right before ("The Richard Companies", "the Queen Mary"), a
/// noun of things named after people right after ("Victor Verster prison", "Queen Alia
/// airport") or a number ("Queen Mary 2").
fn names_a_thing(folded: &[u8], toks: &[Tok], a: usize, b: usize) -> bool {
    let after_the = a > 0 && !toks[a].break_before() && word(folded, &toks[a - 1]) == b"the";
    after_the
        || toks.get(b).is_some_and(|u| {
            let w = word(folded, u);
            // A brand's maker or owner: "Jack Daniel's maker Brown-Forman" (a person has
            // neither).
            if toks[b - 1].possessive() {
                // ... or a disease: "Lou Gehrig's disease".
                return matches!(
                    w,
                    b"maker"
                        | b"makers"
                        | b"owner"
                        | b"owners"
                        | b"parent"
                        | b"disease"
                        | b"syndrome"
                );
            }
            // ... or a number: "Queen Mary 2", "Apollo 11".
            !u.break_before()
                && (is_named_after_noun(w) || w.first().is_some_and(u8::is_ascii_digit))
        })
}

/// Whether the text from byte `end` on makes the name before it a firm's: "Marcus Schloss
/// and Co Inc", "Brekke & Moe"-style partnerships written "X Y and Sons", "& Co".
fn firm_tail(text: &[u8], end: usize) -> bool {
    // The copy may break its line anywhere in between.
    let rest = text.get(end..).unwrap_or_default();
    let Some(rest) = rest.strip_prefix(b" ").or_else(|| rest.strip_prefix(b"\n")) else {
        return false;
    };
    let Some(rest) = rest
        .strip_prefix(b"and")
        .or_else(|| rest.strip_prefix(b"&"))
    else {
        return false;
    };
    let Some(rest) = rest.strip_prefix(b" ").or_else(|| rest.strip_prefix(b"\n")) else {
        return false;
    };
    // "Baldwin Piano and Organ Co": one more word of the firm's before its "Co".
    let rest = match rest.iter().position(|&b| b == b' ') {
        Some(p)
            if p > 1
                && rest[0].is_ascii_uppercase()
                && rest[1..p].iter().all(u8::is_ascii_lowercase)
                && rest[p + 1..].starts_with(b"Co")
                && !rest.get(p + 3).is_some_and(u8::is_ascii_alphanumeric) =>
        {
            &rest[p + 1..]
        }
        _ => rest,
    };
    [
        &b"Co"[..],
        b"Company",
        b"Son",
        b"Sons",
        b"Partners",
        b"Associates",
    ]
    .iter()
    .any(|w| rest.starts_with(w) && !rest.get(w.len()).is_some_and(u8::is_ascii_alphanumeric))
}

/// A lowercase noun that makes the name before it a place's or a thing's ("Victor Verster
/// prison", "John Wayne airport").
fn is_named_after_noun(w: &[u8]) -> bool {
    matches!(
        w,
        b"prison"
            | b"jail"
            | b"hospital"
            | b"airport"
            | b"stadium"
            | b"arena"
            | b"university"
            | b"college"
            | b"school"
            | b"street"
            | b"avenue"
            | b"road"
            | b"boulevard"
            | b"bridge"
            | b"square"
            | b"park"
            | b"station"
            | b"building"
            | b"tower"
            | b"memorial"
            | b"foundation"
            | b"institute"
            | b"prize"
            | b"award"
            | b"trophy"
            | b"center"
            | b"centre"
            | b"store"
            | b"stores"
            | b"mall"
            | b"bay"
            | b"library"
            | b"museum"
            | b"port"
            | b"causeway"
            | b"canal"
            | b"dam"
            | b"highway"
            | b"expressway"
            | b"motorway"
            | b"tunnel"
            | b"crater"
            | b"telescope"
            | b"theatre"
            | b"theater"
            | b"cathedral"
            | b"mosque"
            | b"mausoleum"
            | b"terminal"
            | b"plaza"
            // A brand or a firm: "Michael Kors parent Capri Holdings".
            | b"parent"
            | b"brand"
            | b"brands"
            | b"label"
            | b"subsidiary"
    )
}

/// A word for a relative, which an apposition names a person by ("widow of X").
fn is_relative(w: &[u8]) -> bool {
    matches!(
        w,
        b"widow"
            | b"widower"
            | b"wife"
            | b"husband"
            | b"son"
            | b"daughter"
            | b"brother"
            | b"sister"
            | b"mother"
            | b"father"
            | b"nephew"
            | b"niece"
            | b"grandson"
            | b"granddaughter"
    )
}

/// The token of the surname of the name `toks[a..b]`: its last, or the one before a
/// generational suffix ("Thomas J. Brandt Jr." ... "Mr. Brandt").
fn surname_tok(folded: &[u8], toks: &[Tok], a: usize, b: usize) -> usize {
    if b - a > 2 && is_name_suffix(word(folded, &toks[b - 1])) {
        b - 2
    } else {
        b - 1
    }
}

/// A profession by its ending: "endocrinologist", "physician", "demographer".
fn is_occupation(w: &[u8]) -> bool {
    w.len() > 8 && (w.ends_with(b"ologist") || w.ends_with(b"ician") || w.ends_with(b"ographer"))
}

/// A noun for a person by what they do or what befell them, never for a firm: how an
/// apposition introduces someone the copy has no title for ("Aminath Shiuna, a souvenir
/// seller in the capital, said"; "Ona Petrauskiene, a retired schoolteacher").
fn is_person_noun(w: &[u8]) -> bool {
    matches!(
        w,
        b"singer"
            | b"organiser"
            | b"organizer"
            | b"laureate"
            | b"schoolgirl"
            | b"schoolboy"
            | b"welder"
            | b"lifeguard"
            | b"guitarist"
            | b"drummer"
            | b"songwriter"
            | b"painter"
            | b"sculptor"
            | b"dancer"
            | b"composer"
            | b"worker"
            | b"labourer"
            | b"laborer"
            | b"driver"
            | b"pilot"
            | b"mechanic"
            | b"resident"
            | b"shopper"
            | b"commuter"
            | b"passenger"
            | b"tourist"
            | b"visitor"
            | b"survivor"
            | b"witness"
            | b"volunteer"
            | b"protester"
            | b"protestor"
            | b"demonstrator"
            | b"retiree"
            | b"mother"
            | b"father"
            | b"grandmother"
            | b"grandfather"
            | b"widow"
            | b"widower"
            | b"veteran"
            | b"refugee"
            | b"migrant"
            | b"carpenter"
            | b"plumber"
            | b"cook"
            | b"chef"
            | b"butcher"
            | b"tailor"
            | b"waiter"
            | b"waitress"
            | b"cleaner"
            | b"clerk"
            | b"accountant"
            | b"lecturer"
            | b"scholar"
            | b"surgeon"
            | b"dentist"
            | b"midwife"
            | b"priest"
            | b"monk"
            | b"nun"
            | b"preacher"
            | b"lawmaker"
            | b"legislator"
            | b"politician"
            | b"athlete"
            | b"runner"
            | b"boxer"
            | b"jockey"
            | b"fan"
            | b"spectator"
            | b"voter"
            | b"housewife"
            | b"homemaker"
            | b"herder"
            | b"schoolteacher"
            | b"seller"
            | b"vendor"
            | b"curator"
            | b"soldier"
            | b"engineer"
            | b"musician"
            | b"pianist"
            | b"violinist"
            | b"councilor"
            | b"astronomer"
            | b"physicist"
            | b"climber"
            | b"mountaineer"
            | b"skier"
            | b"batsman"
            | b"footballer"
            | b"cricketer"
            | b"pharmacist"
            | b"paramedic"
            | b"prisoner"
            | b"inmate"
            | b"detainee"
            | b"hostage"
            | b"pilgrim"
            | b"missionary"
            | b"shepherd"
            | b"villager"
            | b"farmhand"
            | b"gunman"
            | b"smuggler"
            | b"sailor"
            | b"seaman"
            | b"cadet"
            | b"intern"
            | b"apprentice"
            | b"graduate"
            | b"homeowner"
            | b"florist"
            | b"barber"
            | b"hairdresser"
            | b"photojournalist"
            | b"blogger"
            | b"commentator"
            | b"presenter"
            | b"solicitor"
            | b"barrister"
            | b"notary"
            | b"translator"
            | b"interpreter"
            | b"librarian"
            | b"archivist"
            | b"teller"
            | b"cashier"
            | b"nanny"
            | b"housekeeper"
            | b"gardener"
            | b"janitor"
            | b"postman"
            | b"doorman"
    )
}

/// A trade that people and firms both ply ("a cocoa exporter", "a film producer", "a grain
/// trader"): it describes a person only when the name is a person's by its given name.
fn is_trade_noun(w: &[u8]) -> bool {
    matches!(
        w,
        b"trader"
            | b"exporter"
            | b"importer"
            | b"producer"
            | b"grower"
            | b"breeder"
            | b"owner"
            | b"operator"
            | b"builder"
            | b"supplier"
            | b"buyer"
            | b"broker"
            | b"agent"
            | b"miner"
            | b"rancher"
            | b"planter"
            | b"partner"
            | b"player"
    )
}

/// Given names that are also English words, left out of the given-name list: a name's only
/// where nothing else can explain the capital.
fn is_word_given_name(w: &[u8]) -> bool {
    matches!(
        w,
        b"will"
            | b"grace"
            | b"hope"
            | b"faith"
            | b"rose"
            | b"joy"
            | b"dawn"
            | b"iris"
            | b"ivy"
            | b"amber"
            | b"pat"
            | b"miles"
            | b"guy"
            | b"bob"
            | b"sue"
            | b"don"
            | b"dean"
            | b"gene"
            | b"ray"
            | b"rod"
            | b"drew"
            | b"wade"
            | b"earl"
            | b"penny"
            | b"holly"
            | b"heather"
            | b"cliff"
            | b"mark"
    )
}

/// A generational suffix that ends a name ("Jr.", "Sr.", "III").
fn is_name_suffix(w: &[u8]) -> bool {
    matches!(w, b"jr" | b"sr" | b"ii" | b"iii" | b"iv")
}

/// A title a royal or a peer is named by, with one name.
fn is_royal_title(w: &[u8]) -> bool {
    matches!(
        w,
        b"prince"
            | b"princess"
            | b"king"
            | b"queen"
            | b"emperor"
            | b"empress"
            // Peers go by title and one name too: "Lord Owen", "Lady Diana".
            | b"lord"
            | b"lady"
            | b"baroness"
    )
}

/// A day of the week, folded.
fn is_weekday(w: &[u8]) -> bool {
    matches!(
        w,
        b"monday" | b"tuesday" | b"wednesday" | b"thursday" | b"friday" | b"saturday" | b"sunday"
    )
}

/// Korean family names as wire copy romanises them.
const KOREAN_SURNAMES: &[&[u8]] = &[
    b"kim", b"lee", b"park", b"choi", b"jung", b"chung", b"kang", b"cho", b"yoon", b"jang", b"lim",
    b"han", b"oh", b"seo", b"shin", b"kwon", b"hwang", b"ahn", b"song", b"yoo", b"hong", b"jeon",
    b"ko", b"moon", b"yang", b"son", b"bae", b"baek", b"heo", b"nam", b"noh", b"roh", b"ha",
    b"kwak", b"sung", b"cha", b"joo", b"woo", b"min", b"ryu", b"jin", b"rhee", b"ri", b"kweon",
    b"choo", b"yun", b"yu",
];

/// A Korean name, family name first, with its given name hyphenated as Korean names are
/// romanised ("Kim Moon-soo", "Park Chan-dae"): a person without any other cue.
fn korean_name(ctx: &Ctx, toks: &[Tok], start: usize, end: usize) -> bool {
    if end - start != 2 {
        return false;
    }
    let t = &toks[start + 1];
    let Some(given) = ctx.text.get(t.s as usize..t.e as usize) else {
        return false;
    };
    if !given.contains(&b'-') || !KOREAN_SURNAMES.contains(&word(ctx.folded, &toks[start])) {
        return false;
    }
    let mut parts = given.split(|&b| b == b'-');
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let syllable =
        |p: &[u8]| (2..=5).contains(&p.len()) && p[1..].iter().all(u8::is_ascii_lowercase);
    // Not "Co-op" ("the Park Co-op"): no romanised syllable is spelt "Co".
    syllable(a)
        && syllable(b)
        && a[0].is_ascii_uppercase()
        && b[0].is_ascii_lowercase()
        && a != b"Co"
}

/// Words that name a publication or news outlet right before or after its name ("the
/// official paper El Peruano", "the Wen Wei Po newspaper").
fn is_publication_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"newspaper"
            | b"newspapers"
            | b"paper"
            | b"gazette"
            | b"daily"
            | b"weekly"
            | b"monthly"
            | b"magazine"
            | b"tabloid"
            | b"agency"
            | b"broadcaster"
    )
}

/// Words between "said" and what was said that tell when or where it was said ("on
/// Tuesday", "late on Monday", "in a statement", "that").
fn is_said_filler(w: &[u8]) -> bool {
    matches!(
        w,
        b"on"
            | b"late"
            | b"early"
            | b"earlier"
            | b"today"
            | b"yesterday"
            | b"monday"
            | b"tuesday"
            | b"wednesday"
            | b"thursday"
            | b"friday"
            | b"saturday"
            | b"sunday"
            | b"in"
            | b"a"
            | b"statement"
            | b"filing"
            | b"release"
            | b"that"
    )
}

/// The title word of the phrase that ends right before token `i` (a comma between them):
/// the word itself ("chief economist, ...") or one with a short "for"/"of"/"at" tail in the
/// same clause ("a spokesman for the ministry, ...", "head of the agency, ...").
fn title_before_comma(ctx: &Ctx, toks: &[Tok], i: usize) -> Option<usize> {
    let last = i.checked_sub(1)?;
    if ctx.tok_has(toks, last, F_TITLE) {
        return Some(last);
    }
    for k in (last.saturating_sub(7)..last).rev() {
        let next = &toks[k + 1];
        if next.break_before() || next.sent_start() {
            return None;
        }
        if ctx.tok_has(toks, k, F_TITLE) && matches!(word(ctx.folded, next), b"for" | b"of" | b"at")
        {
            return Some(k);
        }
    }
    None
}

/// Whether a word with these lexicon flags may be a surname: no flags, or a place's name
/// that is a surname too ("Hamilton", "Jordan"; Jordan also being a word of the
/// common-word countries).
fn is_surname_like(f: u32) -> bool {
    let f = if f & F_NAME_LIKE != 0 {
        f & !F_COMMON_COUNTRY
    } else {
        f
    };
    f & !F_NAME_LIKE == 0
}

/// A Russian or Ukrainian patronymic: "sergeyevich", "ivanovna", "hryhorovych".
fn is_patronymic(w: &[u8]) -> bool {
    w.len() > 6
        && [
            &b"ovich"[..],
            b"evich",
            b"ovych",
            b"evych",
            b"ovna",
            b"evna",
            b"ivna",
        ]
        .iter()
        .any(|s| w.ends_with(s))
}

/// Whether a token is an initial: one capital, with or without its period ("T.", "T").
fn is_initial(text: &[u8], t: &Tok) -> bool {
    match text.get(t.s as usize..t.e as usize) {
        Some([c]) | Some([c, b'.']) => c.is_ascii_uppercase(),
        _ => false,
    }
}

/// Common given names (`schema/authorities/given-names.txt`).
const GIVEN_NAMES: &str = include_str!("../../schema/authorities/given-names.txt");

/// Whether a folded word is a given name: listed in `GIVEN_NAMES` or borne by someone in
/// the authority list ("jorio"). An initial ("J.") stands for one.
fn is_given_name(a: &Authorities, w: &[u8]) -> bool {
    // Fx hashing: asked for most capitalised words of every story (SipHash, the default,
    // cost 35M instructions per 18,000 stories more).
    static GIVEN: OnceLock<HashSet<Vec<u8>, rustc_hash::FxBuildHasher>> = OnceLock::new();
    if matches!(w, [c, b'.'] if c.is_ascii_alphabetic()) {
        return true;
    }
    // "Jean-Claude", folded "jean claude": its first part.
    let w = w.split(|&b| b == b' ').next().unwrap_or(w);
    GIVEN
        .get_or_init(|| {
            // A first word of an organisation's name ("Morgan Stanley", "Johnson Controls")
            // is no given name by way of an official who bears it (Morgan Tsvangirai).
            let firm_openers: HashSet<&str> = a
                .places
                .iter()
                .filter(|p| p.country.is_none())
                .filter_map(|p| p.name.split(' ').next())
                .collect();
            a.people
                .iter()
                .filter(|p| !p.family_first)
                .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases))
                .filter_map(|n| n.split([' ', '-']).next())
                .filter(|w| !firm_openers.contains(w))
                .chain(
                    GIVEN_NAMES
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty() && !l.starts_with('#')),
                )
                .flat_map(super::fold::ascii_variants)
                .map(|first| super::fold::fold_str(&first))
                .filter(|f| f.len() >= 2 && !f.contains(&b'.') && flags(f) == 0)
                // French articles that open place names ("Les Cayes", "Des Moines") as
                // often as they are short for Leslie or Desmond; "Man", a word in English
                // (Nepal's Man Mohan Adhikari); "Sidi", an honorific that opens as many
                // North African places ("Sidi Bouzid", "Sidi Kreir").
                .filter(|f| !matches!(&f[..], b"les" | b"des" | b"man" | b"sidi"))
                .collect()
        })
        .contains(w)
}

/// A hyphenated modifier before a name ("Atlanta-based", "Chinese-made", "German-born",
/// "Nobel Prize-winning", "Harvard-educated", "Kremlin-linked", "Anglo-Dutch"):
/// it qualifies the name and is no part of it.
fn is_modifier(w: &[u8]) -> bool {
    // Only hyphenated words (folded with a space) are modifiers.
    let Some(p) = w.iter().rposition(|&b| b == b' ') else {
        return false;
    };
    matches!(
        &w[p + 1..],
        b"based"
            | b"made"
            | b"owned"
            | b"led"
            | b"backed"
            | b"controlled"
            | b"born"
            | b"run"
            | b"winning"
            | b"educated"
            | b"trained"
            | b"linked"
            | b"aligned"
            | b"allied"
            | b"funded"
            | b"sponsored"
            | b"installed"
            | b"appointed"
            | b"listed"
            | b"registered"
            | b"headquartered"
    )
    // "Anglo-Dutch Shell", "Sino-Soviet": a compound of nations qualifies what follows.
    || w
        .iter()
        .position(|&b| b == b' ')
        .is_some_and(|q| super::combining_form(&w[..q]).is_some())
}

/// Whether the words from token `k` on, set off from a name by punctuation, describe a
/// person: "X Y, who ...", "X Y, spokesman for ...", "X Y, an analyst at ...". An
/// apposition after a full name is how wire copy introduces people it has no title for.
///
/// `given` tells whether the name opens with a known given name: then a trade that firms
/// ply too describes it ("Mariam Kone, an exporter in Abidjan", not "Anglo American, a
/// miner").
fn described(ctx: &Ctx, toks: &[Tok], k: usize, given: impl Fn() -> bool) -> bool {
    let Some(u) = toks.get(k) else { return false };
    // After a possessive the words are the name's belongings, not an apposition: "Control
    // Data's vice president" is someone else.
    if !u.break_before() || u.sent_start() || k == 0 || toks[k - 1].possessive() {
        return false;
    }
    if u.cap() {
        return owner_title(ctx, toks, k);
    }
    let w = word(ctx.folded, u);
    if w == b"who" || ctx.tok_has(toks, k, F_TITLE) || is_age_apposition(ctx, toks, k) {
        return true;
    }
    // "Ravi Kant, managing director of Tata Motors": a title after its qualifier.
    if matches!(
        w,
        b"managing" | b"senior" | b"former" | b"acting" | b"interim" | b"joint" | b"founding"
    ) && toks
        .get(k + 1)
        .is_some_and(|v| !v.break_before() && ctx.tok_has(toks, k + 1, F_TITLE))
    {
        return true;
    }
    // "Bernard Arnault, whose LVMH group controls Dior": a person's when the name opens with
    // a given name (firms have a "whose" too: "Finland's Neste Oy, whose turnover ...").
    if w == b"whose" && given() {
        return true;
    }
    // "Yulia Navalnaya, widow of ...", "Keiko Fujimori, daughter of ...": a relative.
    if is_relative(w)
        && toks
            .get(k + 1)
            .is_some_and(|v| !v.break_before() && word(ctx.folded, v) == b"of")
    {
        return true;
    }
    // "a local chief", "an independent analyst", "a Goldman Sachs analyst", "the Italian
    // designer who ...", "the company's chief executive": the title word within the next
    // four, in the same clause.
    // Not the next clause's speaker ("... at Hasbrouck Heights, the spokesman added"); after
    // "the", the apposition closes at its title or goes on with its "of" ("the Italian
    // designer who(se)", "the British delegate, said", "the former head of Alameda Research";
    // not "<Petro Chemie>, the official Tanjug news agency said").
    let the = w == b"the";
    // "Rahima Begum, a borrower from a village near Tangail, said ...": an apposition that
    // closes before a speech verb, after a name that opens with a given name (a firm's
    // apposition is followed by its "said" as often: "Acme Corp, a maker of valves, said").
    if matches!(w, b"a" | b"an" | b"the") && appositive_speaker(ctx, toks, k) && given() {
        return true;
    }
    // "Grace Garside, his wife, said", "J.K. Ames, its chief financial officer, ...": whose
    // relative or office the name is.
    let whose = matches!(w, b"his" | b"her" | b"their" | b"its");
    let kin = whose && w != b"its";
    // A possessive inside the phrase is no break ("the company's treasurer").
    let same_clause = |n: usize| {
        toks.get(n)
            .is_some_and(|v| !v.break_before() || toks[n - 1].possessive())
    };
    (matches!(w, b"a" | b"an" | b"the") || whose)
        && (k + 1..k + 5).take_while(|&n| same_clause(n)).any(|n| {
            let next = toks.get(n + 1).filter(|v| !v.break_before());
            let w = word(ctx.folded, &toks[n]);
            (ctx.tok_has(toks, n, F_TITLE)
                || (kin && is_relative(w))
                || is_occupation(w)
                || is_person_noun(w)
                || (is_trade_noun(w) && given()))
                && !next.is_some_and(|_| ctx.tok_has(toks, n + 1, F_SAID))
                && (!the
                    || next.is_none_or(|_| {
                        matches!(
                            word(ctx.folded, &toks[n + 1]),
                            b"who" | b"whose" | b"of" | b"for" | b"at"
                        )
                    }))
        })
}

/// Whether the apposition opening at token `k` (after a name and its comma) closes within
/// twelve words with a comma and a speech verb: "..., a borrower from a village, said".
fn appositive_speaker(ctx: &Ctx, toks: &[Tok], k: usize) -> bool {
    // A possessive's "'s" is no break ("the WHO's technical lead").
    let Some(close) = (k + 1..(k + 13).min(toks.len()))
        .find(|&n| toks[n].break_before() && !toks[n - 1].possessive())
    else {
        return false;
    };
    !toks[close].sent_start()
        && ctx.text.get(toks[close - 1].e as usize..toks[close].s as usize) == Some(b", ")
        && ctx.tok_has(toks, close, F_SAID)
        // Not a firm's ("Harvey Nichols, the department store, said"): its words up to a
        // preposition, which names where a person works ("a dealer at a local bank").
        && (k + 1..close)
            .map(|n| word(ctx.folded, &toks[n]))
            .take_while(|w| !matches!(*w, b"at" | b"of" | b"in" | b"for" | b"from" | b"with" | b"near" | b"on"))
            .all(|w| !is_firm_noun(w) && !has(w, F_NOT_PERSON))
}

/// A noun that an apposition describes a firm or a body by ("a department store", "the
/// cement maker", "a unit of ...").
fn is_firm_noun(w: &[u8]) -> bool {
    matches!(
        w,
        b"store"
            | b"stores"
            | b"chain"
            | b"retailer"
            | b"company"
            | b"firm"
            | b"group"
            | b"maker"
            | b"manufacturer"
            | b"producer"
            | b"bank"
            | b"lender"
            | b"insurer"
            | b"carrier"
            | b"airline"
            | b"brand"
            | b"label"
            | b"operator"
            | b"agency"
            | b"fund"
            | b"unit"
            | b"subsidiary"
            | b"affiliate"
            | b"venture"
            | b"developer"
            | b"publisher"
            | b"broadcaster"
            | b"network"
            | b"newspaper"
            | b"magazine"
            | b"supplier"
            | b"distributor"
            | b"exporter"
            | b"importer"
            | b"trader"
            | b"miner"
            | b"refiner"
            | b"builder"
            | b"utility"
            | b"exchange"
            | b"association"
            | b"union"
            | b"party"
            | b"team"
            | b"club"
            | b"band"
            | b"charity"
            | b"organisation"
            | b"organization"
            | b"institute"
            | b"university"
            | b"school"
            | b"hospital"
            | b"consultancy"
            | b"partnership"
            | b"holding"
            | b"conglomerate"
            | b"startup"
            | b"platform"
            | b"service"
    )
}

/// Whether the apposition at token `k` is a title of a named owner: "X Y, JPMorgan's chief
/// executive, ...", "X Y, Goldman Sachs' chief economist, ..." (up to three capitalised
/// words, the last possessive, then a title word within two).
fn owner_title(ctx: &Ctx, toks: &[Tok], k: usize) -> bool {
    // "JPMorgan's", or the bare apostrophe of "Sachs'".
    let possessive = |t: &Tok| {
        t.possessive()
            || (ctx.text.get(t.e as usize) == Some(&b'\'')
                && ctx.text.get(t.e as usize - 1).is_some_and(|&b| b == b's'))
    };
    let Some(owner_end) = (k..k + 3).find(|&n| {
        toks.get(n)
            .is_some_and(|t| t.cap() && possessive(t) && (n == k || !t.break_before()))
    }) else {
        return false;
    };
    if (k + 1..=owner_end).any(|n| toks[n].break_before() || !toks[n].cap()) {
        return false;
    }
    (owner_end + 1..owner_end + 3)
        .take_while(|&n| {
            toks.get(n)
                .is_some_and(|t| n == owner_end + 1 || !t.break_before())
        })
        .any(|n| !toks[n].cap() && ctx.tok_has(toks, n, F_TITLE))
}

/// Whether the apposition at token `k` gives an age, as wire copy does for the people it
/// introduces: "X Y, 45, ..." (a number from 16 to 110 set off by commas; not "Obo Engin,
/// 78,078 tonnes") or "X Y, a 34-year-old ...", "X Y, the 72-year-old ...".
fn is_age_apposition(ctx: &Ctx, toks: &[Tok], k: usize) -> bool {
    let w = |n: usize| toks.get(n).map_or(&[][..], |t| word(ctx.folded, t));
    let age = |d: &[u8]| {
        (2..=3).contains(&d.len())
            && d.iter().all(u8::is_ascii_digit)
            && std::str::from_utf8(d)
                .ok()
                .and_then(|d| d.parse::<u32>().ok())
                .is_some_and(|n| (16..=110).contains(&n))
    };
    // "X Y, 45, said", or the age ending the sentence ("led by Jordan Bardella, 28.").
    let closes_apposition = |n: usize| {
        toks.get(n).is_some_and(|t| {
            (ctx.text.get(t.e as usize..t.e as usize + 2) == Some(&b", "[..])
                && toks.get(n + 1).is_some_and(|v| !v.sent_start()))
                // A list of people with their ages: "Craig Mulvaney, 52; Steven Tran, 29".
                || ctx.text.get(t.e as usize..t.e as usize + 2) == Some(&b"; "[..])
                || (ctx.text.get(t.e as usize) == Some(&b'.')
                    && ctx
                        .text
                        .get(t.e as usize + 1)
                        .is_none_or(u8::is_ascii_whitespace))
        })
    };
    if age(w(k)) {
        return closes_apposition(k);
    }
    // Folded, "34-year-old" reads "34 year old".
    matches!(w(k), b"a" | b"the")
        && toks.get(k + 1).is_some_and(|t| !t.break_before())
        && w(k + 1).strip_suffix(b" year old").is_some_and(age)
}

/// What the sentence does with a name ending before token `b`, whose capitalised run (title
/// words included) starts at token `i`: whether the name is its speaker ("X said", "X has
/// repeatedly said", "..., said X", "according to X"; not "told X", where X listens) and
/// whether it is its grammatical subject (the run opens the sentence and a verb or an
/// apposition follows: "Finance Minister X will ...", "X, who ...").
fn roles(ctx: &Ctx, toks: &[Tok], i: usize, b: usize) -> (bool, bool) {
    let folded = ctx.folded;
    let w = |k: usize| word(folded, &toks[k]);
    let possessive = toks[b - 1].possessive();
    let mut k = b;
    // "X, who has said ...": the relative clause attributes to X as well.
    if toks
        .get(k)
        .is_some_and(|u| u.break_before() && !u.sent_start() && w(k) == b"who")
    {
        k += 1;
    }
    let from = k;
    while k < from + 3
        && toks
            .get(k)
            .is_some_and(|u| !u.break_before() && ctx.tok_has(toks, k, F_AUX))
    {
        k += 1;
    }
    let after = !possessive
        && toks
            .get(k)
            .is_some_and(|u| !u.break_before() && ctx.tok_has(toks, k, F_SAID));
    let joined = i > 0 && !toks[i].break_before() && !toks[i].sent_start();
    let before = joined && said_not_to(ctx, toks, i - 1);
    let according = joined && i > 1 && w(i - 1) == b"to" && w(i - 2) == b"according";
    let subject = toks[i].sent_start()
        && !possessive
        && toks.get(b).is_some_and(|u| {
            !u.sent_start()
                && (u.break_before()
                    || (!u.cap()
                        && !matches!(
                            w(b),
                            b"of"
                                | b"and"
                                | b"or"
                                | b"in"
                                | b"at"
                                | b"for"
                                | b"to"
                                | b"from"
                                | b"with"
                                | b"on"
                                | b"by"
                                | b"as"
                        )))
        });
    (after || before || according, subject)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_finds_every_listed_word_and_nothing_else() {
        for (list, flag) in [
            (TITLES, F_TITLE),
            (STOP, F_STOP),
            (NOT_PERSON, F_NOT_PERSON),
        ] {
            for w in list.iter().filter(|w| w.len() <= LEXICON_MAX) {
                assert!(has(w.as_bytes(), flag), "{w}");
            }
        }
        assert!(has(b"administration's", F_ATTRIB));
        for w in [
            &b""[..],
            b"x",
            b"th",
            b"thee",
            b"presiden",
            b"presidentship",
            b"secretary general",
            b"administration'",
            b"said\0",
        ] {
            assert!(!has(w, u32::MAX), "{:?}", std::str::from_utf8(w));
        }
    }

    #[test]
    fn pack_is_exact() {
        let w = b"abcdefghijklmnop";
        for n in 1..=16 {
            let mut buf = [0u8; 16];
            buf[..n].copy_from_slice(&w[..n]);
            let (lo, hi) = pack(&w[..n]);
            assert_eq!(
                u128::from(lo) | u128::from(hi) << 64,
                u128::from_le_bytes(buf),
                "{n}"
            );
        }
    }
}
