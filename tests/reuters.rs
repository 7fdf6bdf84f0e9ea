//! Acceptance checks on the 18,000 Reuters-21578 stories in ../shared (read by path; the
//! tests fail saying so when the folder is missing). One index is built and shared.

mod util;

use serde_json::Value;
use std::sync::OnceLock;
use util::{shared, Env, Run};

struct Built {
    env: Env,
    first: Run,
}

fn built() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| {
        let env = Env::new();
        let dir = shared("corpora/reuters21578");
        let first = env.run([std::ffi::OsStr::new("index"), dir.as_os_str()]);
        Built { env, first }
    })
}

fn search(args: &[&str]) -> Value {
    let mut a = vec!["search"];
    a.extend_from_slice(args);
    a.push("--json");
    built().env.run(&a).json()
}

fn has(v: &Value, key: &str, name: &str) -> bool {
    v[key]
        .as_array()
        .is_some_and(|a| a.iter().any(|x| x.as_str() == Some(name)))
}

#[test]
fn issue_2_indexes_exactly_18000_and_reindexing_keeps_18000() {
    let b = built();
    b.first.code(0);
    assert!(
        b.first.stdout.contains("indexed 18000 articles"),
        "{}",
        b.first
    );
    assert!(b.first.stdout.contains(", 0 failed"), "{}", b.first);
    let v = b.env.run(["stats", "--json"]).json();
    assert_eq!(v["documents"], 18000);
    assert_eq!(v["first_date"], "1987-02-26");
    assert_eq!(v["last_date"], "1987-06-02");

    let dir = shared("corpora/reuters21578");
    let again = b.env.run([std::ffi::OsStr::new("index"), dir.as_os_str()]);
    again.code(0);
    assert!(again.stdout.contains("0 added, 18000 updated"), "{again}");
    assert_eq!(b.env.run(["stats", "--json"]).json()["documents"], 18000);
}

#[test]
fn issue_2_cocoa_hits_and_brazil_in_march() {
    let v = search(&["cocoa"]);
    let hits = v["hits"].as_array().cloned().unwrap_or_default();
    assert_eq!(hits.len(), 10, "{v}");
    for h in &hits[..5] {
        let text = format!("{} {}", h["headline"], h["snippet"]).to_lowercase();
        assert!(text.contains("cocoa"), "first hits are cocoa stories: {h}");
    }
    for h in &hits {
        for key in [
            "id",
            "date",
            "headline",
            "dateline",
            "source",
            "countries",
            "people",
            "score",
            "snippet",
        ] {
            assert!(h.get(key).is_some(), "hit has `{key}`: {h}");
        }
    }
    let v = search(&[
        "cocoa",
        "--country",
        "brazil",
        "--from",
        "1987-03",
        "--to",
        "1987-03",
    ]);
    let hits = v["hits"].as_array().cloned().unwrap_or_default();
    assert!(!hits.is_empty(), "{v}");
    assert!(v["total"].as_u64() < search(&["cocoa"])["total"].as_u64());
    for h in &hits {
        assert!(
            h["date"].as_str().unwrap_or("").starts_with("1987-03"),
            "{h}"
        );
        assert!(has(h, "countries", "Brazil"), "{h}");
    }
}

#[test]
fn issue_3_west_germany_and_volcker_mentions() {
    let v = search(&["*", "--country", "west germany", "--limit", "50"]);
    let hits = v["hits"].as_array().cloned().unwrap_or_default();
    assert!(
        v["total"].as_u64().unwrap_or(0) > 100,
        "1987 stories about West Germany: {v}"
    );
    for h in &hits {
        assert!(has(h, "countries", "West Germany"), "{h}");
        assert!(
            !has(h, "countries", "Germany"),
            "no modern Germany in 1987: {h}"
        );
    }
    // Every mention finds more stories than those about him.
    let about = search(&["*", "--person", "volcker"]);
    let mentions = search(&["*", "--person", "volcker", "--mentions", "--limit", "100"]);
    let (a, m) = (about["total"].as_u64(), mentions["total"].as_u64());
    assert!(a.unwrap_or(0) > 0 && m > a, "about {a:?}, mentions {m:?}");
    // The index keeps a story's subjects and its other mentions apart; --mentions is both.
    let ids = |v: &Value| -> Vec<String> {
        v["hits"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|h| h["id"].as_str())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default()
    };
    let about_all = search(&["*", "--person", "volcker", "--limit", "100"]);
    let mention_ids = ids(&mentions);
    for id in ids(&about_all) {
        assert!(
            mention_ids.contains(&id),
            "{id} is about Volcker, so mentions him"
        );
    }
    // Facet counts over every mention agree with the filter, over the whole index and
    // under a query (two different counting paths).
    for query in ["*", "rates"] {
        let facets = built()
            .env
            .run([
                "facets",
                query,
                "--field",
                "person",
                "--mentions",
                "--top",
                "0",
                "--json",
            ])
            .json();
        let count = facets["counts"]
            .as_array()
            .and_then(|c| c.iter().find(|x| x["value"] == "Paul Volcker"))
            .map(|x| x["count"].clone());
        let filtered = search(&[query, "--person", "volcker", "--mentions"]);
        assert_eq!(count, Some(filtered["total"].clone()), "{query}: {facets}");
    }
    for h in mentions["hits"].as_array().cloned().unwrap_or_default() {
        let text = format!("{} {}", h["headline"], h["snippet"]).to_lowercase();
        let id = h["id"].as_str().unwrap_or("").to_string();
        // The snippet may not show the name; the id query proves the body has it.
        if !text.contains("volcker") {
            let q = format!("volcker AND id:{id}");
            assert_eq!(search(&[q.as_str()])["total"], 1, "{id} mentions Volcker");
        }
    }
}
