//! Minimal ranked top-10 searcher for a tantivy-cli index (title + body): open the index,
//! parse the query (AND by default, like dateline), print score and stored title of the
//! 10 best hits. The baseline "one process per query" cost of tantivy itself.
use std::io::Write;
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::Value;
use tantivy::{Index, TantivyDocument};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: tantivy-top10 INDEX_DIR QUERY");
        std::process::exit(2);
    }
    let index = Index::open_in_dir(&args[1])?;
    let schema = index.schema();
    let title = schema.get_field("title")?;
    let body = schema.get_field("body")?;
    let reader = index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()?;
    let searcher = reader.searcher();
    let mut parser = QueryParser::for_index(&index, vec![title, body]);
    parser.set_conjunction_by_default();
    let query = parser.parse_query(&args[2])?;
    let top = searcher.search(&query, &TopDocs::with_limit(10))?;
    let out = std::io::stdout();
    let mut out = out.lock();
    for (score, addr) in top {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let t = doc.get_first(title).and_then(|v| v.as_str()).unwrap_or("");
        writeln!(out, "{score:.3}\t{t}")?;
    }
    Ok(())
}
