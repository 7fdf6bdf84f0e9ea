//! Command-line arguments (clap derive). The help text of every flag lives here, on the
//! field; defaults are named constants. Nothing outside `cli/` sees these types.

use clap::builder::RangedU64ValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Where the index lives unless `--index` or `DATELINE_INDEX` says otherwise: a folder in
/// the current directory, like `./data.ms` for Meilisearch.
pub const DEFAULT_INDEX_DIR: &str = "dateline-index";
pub const DEFAULT_LIMIT: usize = 10;
pub const DEFAULT_FACET_TOP: usize = 20;
pub const DEFAULT_STATS_TOP: usize = 10;

/// Full-text search for news-wire archives: ranked hits, dates, countries and people.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about, max_term_width = 100)]
pub struct Cli {
    /// Index directory [default: ./dateline-index]
    #[arg(
        long,
        global = true,
        env = "DATELINE_INDEX",
        value_name = "DIR",
        default_value = DEFAULT_INDEX_DIR,
        hide_default_value = true
    )]
    pub index: PathBuf,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse, tag and index articles from files and folders (re-indexing updates in place)
    Index(IndexArgs),
    /// Ranked full-text search with highlighted snippets
    Search(SearchArgs),
    /// Count countries, people, sources or years over the matching stories
    Facets(FacetsArgs),
    /// Matching stories per calendar year, month or day
    Timeline(TimelineArgs),
    /// Size, date range and top tags of the index
    Stats(StatsArgs),
    /// Print parsed articles with their tags, without indexing
    Tag(TagArgs),
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files or folders to index (folders are walked recursively; hidden files skipped)
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Delete the existing index first (needed after a schema version change)
    #[arg(long)]
    pub rebuild: bool,
    /// Indexing threads [default: number of cores]; parsing and tagging get 2 of every 5
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub threads: Option<u16>,
    /// Index writer memory budget in MB, shared by the indexing threads
    #[arg(long, value_name = "MB", default_value_t = dateline::index::DEFAULT_MEMORY_BUDGET_MB,
          value_parser = RangedU64ValueParser::<usize>::new().range(16..=65536))]
    pub memory_mb: usize,
    /// Skip country/person tagging (no facets; for measuring the tagger's cost)
    #[arg(long)]
    pub no_tags: bool,
    /// When building an index from nothing, leave it in as many segments as it was
    /// written in instead of merging it down to two at the end (faster indexing, slower
    /// searches)
    #[arg(long)]
    pub no_merge: bool,
}

/// Filters shared by search, facets and timeline.
#[derive(Debug, Args, Clone)]
pub struct FilterArgs {
    /// Only stories about this country: a name, ISO code or demonym (russia, RU,
    /// Russian). Repeat to require several
    #[arg(long, value_name = "COUNTRY")]
    pub country: Vec<String>,
    /// Only stories about this person: full name or surname (putin). Repeat to require
    /// several
    #[arg(long, value_name = "PERSON")]
    pub person: Vec<String>,
    /// Make --country/--person (and facet counts) match every mention, not only the
    /// stories that are about them
    #[arg(long)]
    pub mentions: bool,
    /// Only stories from this agency (Reuters, AP). Repeat for any of several
    #[arg(long, value_name = "AGENCY")]
    pub source: Vec<String>,
    /// Stories on or after this year, month or day (2025, 2025-04, 2025-04-17)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Stories up to the end of this year, month or day (2025, 2025-04, 2025-04-17)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SortArg {
    /// Best match first (BM25; headline matches weigh double)
    Relevance,
    Newest,
    Oldest,
}

#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum ColorArg {
    /// Bold highlights when writing to a terminal (and NO_COLOR is unset)
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Query in tantivy syntax: terms are AND-ed; "a phrase", OR, NOT, -term, field:term
    /// (fields: headline, body, dateline, id, country:/Russia, person:"/Vladimir Putin").
    /// A query may start with `-` (`-draft`). Without one (or `*`): every story the
    /// filters let through, ranked by the names of --country and --person
    /// ("dateline search --person sharaa --country qatar --from 2025")
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    pub query: Option<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Number of hits to show
    #[arg(long, short = 'n', default_value_t = DEFAULT_LIMIT, value_name = "N",
          value_parser = RangedU64ValueParser::<usize>::new().range(1..=10_000))]
    pub limit: usize,
    /// Skip this many hits first (paging)
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,
    /// Order of hits [default: relevance; newest with neither a query nor --country or
    /// --person]
    #[arg(long, value_enum)]
    pub sort: Option<SortArg>,
    /// Print one JSON object instead of text
    #[arg(long)]
    pub json: bool,
    /// When to highlight matches in bold
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorArg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FacetFieldArg {
    Country,
    Person,
    Source,
    Year,
}

#[derive(Debug, Args)]
pub struct FacetsArgs {
    /// Optional query restricting the stories counted (default: all)
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,
    /// What to count
    #[arg(long, value_enum)]
    pub field: FacetFieldArg,
    /// Show the N largest (0 = all)
    #[arg(long, default_value_t = DEFAULT_FACET_TOP, value_name = "N")]
    pub top: usize,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Print one JSON object instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum ByArg {
    Year,
    #[default]
    Month,
    Day,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Optional query restricting the stories counted (default: all)
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,
    /// Calendar period of each bar
    #[arg(long, value_enum, default_value_t)]
    pub by: ByArg,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Print one JSON object instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Print one JSON object instead of text
    #[arg(long)]
    pub json: bool,
    /// How many top countries and people to list
    #[arg(long, default_value_t = DEFAULT_STATS_TOP, value_name = "N")]
    pub top: usize,
}

#[derive(Debug, Clone, Copy, ValueEnum, Default, PartialEq, Eq)]
pub enum TagFormat {
    /// One JSON object per article per line
    #[default]
    Jsonl,
    /// Human-readable blocks
    Text,
}

#[derive(Debug, Args)]
pub struct TagArgs {
    /// Files or folders to read
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: TagFormat,
}
