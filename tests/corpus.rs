//! The CLI end to end on the bundled `corpus/`, through the real binary: what a user of
//! the quick start sees.

mod util;

use serde_json::Value;
use std::sync::OnceLock;
use util::{corpus, Env};

/// One index of corpus/ shared by the tests of this file (indexing is what
/// `corpus_indexes_cleanly` checks; the others only read).
fn env() -> &'static Env {
    static ENV: OnceLock<Env> = OnceLock::new();
    ENV.get_or_init(|| {
        let env = Env::new();
        let run = env.run([std::ffi::OsStr::new("index"), corpus().as_os_str()]);
        run.code(0);
        env
    })
}

fn search(args: &[&str]) -> Value {
    let mut a = vec!["search"];
    a.extend_from_slice(args);
    a.push("--json");
    let run = env().run(&a);
    assert!(run.code == 0 || run.code == 1, "search ran{run}");
    run.json()
}

fn hits(v: &Value) -> &Vec<Value> {
    static EMPTY: Vec<Value> = Vec::new();
    v["hits"].as_array().unwrap_or(&EMPTY)
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn corpus_indexes_cleanly() {
    let files = walkdir_count(&corpus());
    assert!(files >= 40, "corpus has at least 40 stories");
    let v = env().run(["stats", "--json"]).json();
    assert_eq!(v["documents"].as_u64(), Some(files as u64));
    let run = env().run([std::ffi::OsStr::new("index"), corpus().as_os_str()]);
    run.code(0);
    assert!(
        run.stdout.contains(&format!("0 added, {files} updated")),
        "{run}"
    );
    assert!(run.stderr.is_empty(), "no problems reported{run}");
}

fn walkdir_count(dir: &std::path::Path) -> usize {
    let mut n = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read corpus").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                n += 1;
            }
        }
    }
    n
}

#[test]
fn cocoa_ranks_cocoa_stories_first() {
    let v = search(&["cocoa", "--limit", "4"]);
    let h = hits(&v);
    assert!(v["total"].as_u64().unwrap_or(0) >= 4, "{v}");
    for hit in h {
        let headline = hit["headline"].as_str().unwrap_or("").to_lowercase();
        assert!(
            headline.contains("cocoa"),
            "top hits are cocoa stories: {headline}"
        );
    }
    // Scores never increase down the list.
    let scores: Vec<f64> = h.iter().filter_map(|x| x["score"].as_f64()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn country_person_and_date_filters_compose() {
    let v = search(&["sanctions", "--country", "syria", "--from", "2025"]);
    let h = hits(&v);
    assert!(!h.is_empty(), "{v}");
    for hit in h {
        assert!(
            strings(&hit["countries"]).contains(&"Syria".to_string()),
            "{hit}"
        );
        assert!(hit["date"].as_str().unwrap_or("") >= "2025-01-01", "{hit}");
    }
    // What a person types resolves to the same country.
    let by_name = search(&["*", "--country", "Syria"])["total"].clone();
    for typed in ["syria", "SY", "Syrian"] {
        assert_eq!(
            search(&["*", "--country", typed])["total"],
            by_name,
            "{typed}"
        );
    }
    let v = search(&["*", "--person", "putin", "--sort", "oldest"]);
    let h = hits(&v);
    assert!(h.len() >= 2, "{v}");
    for hit in h {
        assert!(
            strings(&hit["people"]).contains(&"Vladimir Putin".to_string()),
            "{hit}"
        );
    }
    let dates: Vec<&str> = h.iter().filter_map(|x| x["date"].as_str()).collect();
    assert!(
        dates.windows(2).all(|w| w[0] <= w[1]),
        "oldest first: {dates:?}"
    );
}

/// Filters alone ("every story that mentions Trump, best first") rank the stories by the
/// names asked for: those whose headline names him before those that name him only
/// further down; the same stories as `*` in date order.
#[test]
fn filters_alone_rank_by_the_names_asked_for() {
    let v = search(&["--person", "trump", "--mentions", "--limit", "100"]);
    let in_headline: Vec<bool> = hits(&v)
        .iter()
        .map(|h| h["headline"].as_str().unwrap_or("").contains("Trump"))
        .collect();
    assert!(
        in_headline.contains(&true) && in_headline.contains(&false),
        "the corpus has both kinds: {v}"
    );
    assert!(
        in_headline.windows(2).all(|w| w[0] >= w[1]),
        "headline mentions first: {in_headline:?}"
    );
    let by_date = search(&["*", "--person", "trump", "--mentions", "--sort", "newest"]);
    assert_eq!(v["total"], by_date["total"]);
}

/// A person the authority list lacks is found by the name the index shows for him, or by
/// his last name, when every mention counts; a near miss suggests him.
#[test]
fn person_filter_finds_people_outside_the_authority_list() {
    for typed in ["Vladimir Medinsky", "vladimir medinsky", "Medinsky"] {
        let v = search(&["*", "--person", typed, "--mentions"]);
        let ids: Vec<&str> = hits(&v).iter().filter_map(|h| h["id"].as_str()).collect();
        assert_eq!(
            ids,
            ["2022/2022-03-29-russia-ukraine-talks-istanbul.txt"],
            "{typed}: {v}"
        );
    }
    let run = env().run(["search", "*", "--person", "Vladimir Medinksy"]);
    run.code(2);
    assert!(
        run.stderr
            .contains("unknown person `Vladimir Medinksy`; did you mean Vladimir Medinsky"),
        "{run}"
    );
}

#[test]
fn issue_3_germany_is_a_different_country_before_and_after_1990() {
    // corpus/ starts in 2019: no story is about West Germany...
    let run = env().run(["search", "*", "--country", "west germany"]);
    run.code(1);
    // ...and `DE` means today's Germany for recent dates.
    let v = search(&["*", "--country", "DE", "--from", "2020"]);
    let h = hits(&v);
    assert!(!h.is_empty(), "{v}");
    for hit in h {
        assert!(
            strings(&hit["countries"]).contains(&"Germany".to_string()),
            "{hit}"
        );
        assert!(hit["date"].as_str().unwrap_or("") >= "2020", "{hit}");
    }
}

#[test]
fn facets_and_timeline_cover_the_corpus() {
    let run = env().run(["facets", "--field", "country", "--json", "--top", "0"]);
    run.code(0);
    let v = run.json();
    let counts: Vec<u64> = v["counts"]
        .as_array()
        .map(|a| a.iter().filter_map(|c| c["count"].as_u64()).collect())
        .unwrap_or_default();
    assert!(counts.len() >= 15, "at least 15 countries: {v}");
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "largest first: {v}"
    );
    assert_eq!(v["counts"][0]["value"], "United States", "{v}");

    let v = env()
        .run(["facets", "--field", "person", "--json", "--top", "0"])
        .json();
    assert!(
        v["counts"].as_array().map_or(0, Vec::len) >= 20,
        "20 leaders: {v}"
    );

    let v = env().run(["timeline", "--by", "year", "--json"]).json();
    let rows = v["counts"].as_array().cloned().unwrap_or_default();
    let total: u64 = rows.iter().filter_map(|r| r["count"].as_u64()).sum();
    assert_eq!(total, walkdir_count(&corpus()) as u64);
    let years: Vec<&str> = rows.iter().filter_map(|r| r["value"].as_str()).collect();
    assert!(years.len() >= 6, "several years: {years:?}");
    assert!(years.windows(2).all(|w| w[0] < w[1]), "{years:?}");
}
