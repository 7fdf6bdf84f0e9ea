//! Generates `schema/authorities/countries.tsv` from the ISO 3166 data of the `keshvar`
//! crate plus the hand-written corrections in `schema/authorities/countries-curated.tsv`.
//!
//! Run after editing the curated file or bumping keshvar, then review the diff:
//! `cargo run --example gen_countries` (writes the file in place).
//! The tagger never depends on keshvar at run time: it embeds the generated, committed TSV.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

/// One output row, columns in `countries.tsv` order.
#[derive(Default, Clone)]
struct Row {
    name: String,
    iso2: String,
    iso3: String,
    kind: String,
    from: String,
    to: String,
    earlier: String,
    later: String,
    aliases: Vec<String>,
    demonyms: Vec<String>,
}

fn push_unique(list: &mut Vec<String>, value: &str) {
    let v = value.trim();
    if !v.is_empty() && !list.iter().any(|x| x.eq_ignore_ascii_case(v)) {
        list.push(v.to_string());
    }
}

/// "Bolivia (Plurinational State of)" -> "Bolivia"; "Tanzania, United Republic of" -> "Tanzania".
fn short_name(raw: &str) -> String {
    let cut = raw.find(['(', ',']).unwrap_or(raw.len());
    raw[..cut].trim().to_string()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/authorities");
    let curated = std::fs::read_to_string(dir.join("countries-curated.tsv"))?;

    // Nationalities shared by several entries ("French" for Guadeloupe) identify none of them.
    let mut nationality_count: HashMap<String, usize> = HashMap::new();
    for c in keshvar::CountryIterator::new() {
        if let Some(n) = c.maybe_nationality() {
            for d in n.split(", ") {
                *nationality_count.entry(d.to_string()).or_default() += 1;
            }
        }
    }

    let mut rows: BTreeMap<String, Row> = BTreeMap::new(); // keyed by ISO alpha-2
    for c in keshvar::CountryIterator::new() {
        let iso2 = c.alpha2().to_string();
        let mut row = Row {
            name: short_name(c.iso_short_name()),
            iso2: iso2.clone(),
            iso3: c.alpha3().to_string(),
            kind: "country".into(),
            ..Row::default()
        };
        let long = c.iso_long_name().trim_start_matches("The ").to_string();
        if long != row.name && !long.contains(',') {
            push_unique(&mut row.aliases, &long);
        }
        if let Some(n) = c.maybe_nationality() {
            for d in n.split(", ") {
                if nationality_count.get(d) == Some(&1) {
                    push_unique(&mut row.demonyms, d);
                }
            }
        }
        rows.insert(iso2, row);
    }

    let mut extra: Vec<Row> = Vec::new();
    for (lineno, line) in curated.lines().enumerate() {
        if line.starts_with('#') || line.starts_with("base\t") || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').map(str::trim).collect();
        if f.len() != 12 {
            return Err(format!(
                "countries-curated.tsv:{}: expected 12 columns, got {}",
                lineno + 1,
                f.len()
            )
            .into());
        }
        let (base, iso2, iso3, name, kind, from, to, earlier, later, aliases, demonyms, drop) = (
            f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11],
        );
        let mut new_row = Row::default();
        let row = if base.is_empty() {
            &mut new_row
        } else {
            rows.get_mut(base).ok_or_else(|| {
                format!("countries-curated.tsv:{}: no ISO entry {base}", lineno + 1)
            })?
        };
        let set = |field: &mut String, v: &str| {
            if !v.is_empty() {
                *field = v.to_string();
            }
        };
        let old_name = row.name.clone();
        set(&mut row.iso2, iso2);
        set(&mut row.iso3, iso3);
        set(&mut row.name, name);
        set(&mut row.kind, kind);
        set(&mut row.from, from);
        set(&mut row.to, to);
        set(&mut row.earlier, earlier);
        set(&mut row.later, later);
        if row.kind.is_empty() {
            row.kind = "country".into();
        }
        if !old_name.is_empty() && old_name != row.name {
            push_unique(&mut row.aliases, &old_name); // the ISO short name stays findable
        }
        for a in aliases.split('|') {
            push_unique(&mut row.aliases, a);
        }
        for d in demonyms.split('|') {
            push_unique(&mut row.demonyms, d);
        }
        for d in drop.split('|').filter(|d| !d.is_empty()) {
            row.aliases.retain(|a| !a.eq_ignore_ascii_case(d));
            row.demonyms.retain(|a| !a.eq_ignore_ascii_case(d));
        }
        let name = row.name.clone();
        row.aliases.retain(|a| *a != name);
        if base.is_empty() {
            extra.push(new_row);
        }
    }

    let mut out = String::new();
    out.push_str(
        "# GENERATED by `cargo run --example gen_countries` from keshvar (ISO 3166) and\n\
         # countries-curated.tsv. Edit the curated file, not this one. Columns: see README.md.\n\
         name\tiso2\tiso3\tkind\tfrom\tto\tearlier\tlater\taliases\tdemonyms\n",
    );
    let mut all: Vec<Row> = rows.into_values().chain(extra).collect();
    all.sort_by(|a, b| a.name.cmp(&b.name));
    for r in all {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            r.name,
            r.iso2,
            r.iso3,
            r.kind,
            r.from,
            r.to,
            r.earlier,
            r.later,
            r.aliases.join("|"),
            r.demonyms.join("|")
        )?;
    }
    std::fs::write(dir.join("countries.tsv"), out)?;
    eprintln!("wrote {}", dir.join("countries.tsv").display());
    Ok(())
}
