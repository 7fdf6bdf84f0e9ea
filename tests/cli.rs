//! The CLI end to end through the real binary: indexing with bad files, search errors
//! and exit statuses, upserts, locks and schema versions. Fixtures are short stories
//! written for these tests.

mod util;

use util::{native, Env};

const OIL: &str = "RIYADH (Reuters) - Saudi Arabia said on Monday it would keep crude oil \
output steady next month, as oil ministers met in Riyadh to review prices. Oil traders \
expect the kingdom to hold exports flat.";
const COCOA: &str = "ABIDJAN (Reuters) - Ivory Coast cocoa arrivals at ports rose this week, \
exporters said, as dry weather helped the main cocoa crop reach warehouses.";
const RATES: &str = "FRANKFURT (Reuters) - The European Central Bank left interest rates \
unchanged on Thursday and said inflation in the euro zone was slowing.";

/// A folder of three good stories.
fn good_folder(env: &Env) {
    env.write(
        "in/2024/oil.txt",
        native("2024-03-04", "Saudi Arabia to keep oil output steady", OIL),
    );
    env.write(
        "in/2025/cocoa.txt",
        native("2025-01-15", "Ivory Coast cocoa arrivals rise", COCOA),
    );
    env.write(
        "in/2025/ecb.txt",
        native("2025-02-06", "ECB holds rates as inflation slows", RATES),
    );
}

#[test]
fn index_then_search_ranks_and_reports() {
    let env = Env::new();
    good_folder(&env);
    let run = env.run(["index", "in"]);
    run.code(0);
    assert!(
        run.stdout.contains("indexed 3 articles"),
        "summary counts articles{run}"
    );
    assert!(run.stdout.contains("3 added, 0 updated"), "{run}");
    assert!(
        run.stdout
            .contains("files: 3 seen, 3 indexed, 0 skipped, 0 failed"),
        "{run}"
    );

    let run = env.run(["search", "oil", "--json"]);
    run.code(0);
    let v = run.json();
    assert_eq!(v["query"], "oil");
    assert_eq!(v["total"], 1);
    let hit = &v["hits"][0];
    assert_eq!(hit["id"], "2024/oil.txt");
    assert_eq!(hit["date"], "2024-03-04");
    assert_eq!(hit["dateline"], "RIYADH");
    assert_eq!(hit["source"], "Reuters");
    for key in ["headline", "countries", "people", "score", "snippet"] {
        assert!(hit.get(key).is_some(), "hit has `{key}`{run}");
    }
    assert!(
        hit["snippet"].as_str().unwrap_or("").contains("oil"),
        "{run}"
    );

    // Plain text when piped: no ANSI escapes.
    let run = env.run(["search", "cocoa"]);
    run.code(0);
    assert!(
        run.stdout.contains("Ivory Coast cocoa arrivals rise"),
        "{run}"
    );
    assert!(!run.stdout.contains('\x1b'), "no escapes when piped{run}");
    let run = env.run(["search", "cocoa", "--color", "always"]);
    assert!(
        run.stdout.contains("\x1b[1mcocoa\x1b[0m"),
        "bold highlights{run}"
    );
}

#[test]
fn terms_are_anded_and_syntax_works() {
    let env = Env::new();
    good_folder(&env);
    env.run(["index", "in"]).code(0);
    let total = |args: &[&str]| -> u64 {
        let mut a = vec!["search"];
        a.extend_from_slice(args);
        a.push("--json");
        let run = env.run(&a);
        run.json()["total"].as_u64().unwrap_or(u64::MAX)
    };
    assert_eq!(total(&["oil cocoa"]), 0, "AND by default");
    assert_eq!(total(&["oil OR cocoa"]), 2);
    assert_eq!(total(&["\"interest rates\""]), 1, "phrase");
    assert_eq!(total(&["\"rates interest\""]), 0, "phrase order matters");
    assert_eq!(total(&["-oil"]), 2, "pure negation means everything else");
    assert_eq!(total(&["exporters -oil"]), 1);
    assert_eq!(total(&["headline:cocoa"]), 1);
    assert_eq!(total(&["dateline:frankfurt"]), 1);
    assert_eq!(total(&["rate"]), 1, "stemming: rate matches rates");
    // No hits: exit status 1, and a clear line.
    let run = env.run(["search", "zeppelin"]);
    run.code(1);
    assert!(run.stdout.contains("no stories match `zeppelin`"), "{run}");
    // One hit reads as one.
    let run = env.run(["search", "headline:cocoa"]);
    run.code(0);
    assert!(
        run.stdout.starts_with("1 story matches `headline:cocoa`"),
        "{run}"
    );
}

#[test]
fn date_ranges_and_sorting() {
    let env = Env::new();
    good_folder(&env);
    env.run(["index", "in"]).code(0);
    let ids = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["search"];
        a.extend_from_slice(args);
        a.push("--json");
        let v = env.run(&a).json();
        v["hits"]
            .as_array()
            .map(|h| {
                h.iter()
                    .map(|x| x["id"].as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(
        ids(&["*", "--from", "2025", "--sort", "oldest"]),
        ["2025/cocoa.txt", "2025/ecb.txt"]
    );
    assert_eq!(ids(&["*", "--to", "2024"]), ["2024/oil.txt"]);
    assert_eq!(
        ids(&["*", "--from", "2025-02", "--to", "2025-02"]),
        ["2025/ecb.txt"]
    );
    assert_eq!(
        ids(&["*", "--from", "2025-01-15", "--to", "2025-01-15"]),
        ["2025/cocoa.txt"]
    );
    assert_eq!(
        ids(&["*", "--sort", "newest"]),
        ["2025/ecb.txt", "2025/cocoa.txt", "2024/oil.txt"]
    );
    assert_eq!(
        ids(&["*", "--sort", "newest", "--limit", "1", "--offset", "1"]),
        ["2025/cocoa.txt"]
    );
    // Without a query, as with `*`: every story the filters let through, newest first
    // unless told otherwise.
    assert_eq!(ids(&["--from", "2025"]), ["2025/ecb.txt", "2025/cocoa.txt"]);
    assert_eq!(
        ids(&["--from", "2025", "--sort", "oldest"]),
        ["2025/cocoa.txt", "2025/ecb.txt"]
    );
    assert_eq!(
        ids(&["*"]),
        ["2025/ecb.txt", "2025/cocoa.txt", "2024/oil.txt"]
    );
    let run = env.run(["search", "--country", "saudi arabia"]);
    run.code(0);
    assert!(run.stdout.starts_with("1 story matches `*`"), "{run}");
    let run = env.run(["search", "*", "--from", "2025-03", "--to", "2025-01"]);
    run.code(2);
    assert!(run.stderr.contains("--from is not before --to"), "{run}");
}

#[test]
fn issue_2_bad_files_are_reported_and_good_ones_indexed() {
    let env = Env::new();
    good_folder(&env);
    env.write("in/empty.txt", "");
    env.write(
        "in/image.bin",
        [0x89u8, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0],
    );
    env.write(
        "in/feb30.txt",
        native(
            "2025-02-30",
            "A story on a day that never was",
            "LIMA (Reuters) - Text.",
        ),
    );
    env.write(
        "in/latin1.txt",
        b" date 2025-03-01 Caf\xe9 owners protest\n\nPARIS (Reuters) - Caf\xe9 text.\n",
    );
    env.write(
        "in/cut.sgm",
        "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS NEWID=\"7\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT>&#2;\n<TITLE>TRUNCATED STO",
    );
    let run = env.run(["index", "in"]);
    run.code(2);
    let lines = run.stderr_lines();
    let line_for = |name: &str| {
        lines
            .iter()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("stderr names {name}{run}"))
            .to_string()
    };
    assert!(line_for("empty.txt").contains("empty"), "{run}");
    assert!(line_for("image.bin").contains("binary"), "{run}");
    assert!(line_for("feb30.txt").contains("2025-02-30"), "{run}");
    assert!(line_for("latin1.txt").contains("UTF-8"), "{run}");
    assert!(line_for("cut.sgm").contains("truncated"), "{run}");
    // One line per problem, each `path: reason`.
    assert_eq!(lines.len(), 5, "{run}");
    assert!(lines.iter().all(|l| l.contains(": ")), "{run}");
    assert!(!run.stderr.contains("panicked"), "{run}");
    assert!(run.stdout.contains("indexed 3 articles"), "{run}");

    // Every good story is committed and searchable despite the failures.
    let run = env.run(["search", "cocoa OR oil OR inflation", "--json"]);
    run.code(0);
    assert_eq!(run.json()["total"], 3, "{run}");
}

#[test]
fn issue_2_reindexing_updates_in_place() {
    let env = Env::new();
    good_folder(&env);
    env.run(["index", "in"]).code(0);
    // Same files again, one of them edited.
    env.write(
        "in/2025/cocoa.txt",
        native("2025-01-15", "Ivory Coast cocoa arrivals jump", COCOA),
    );
    let run = env.run(["index", "in"]);
    run.code(0);
    assert!(run.stdout.contains("0 added, 3 updated"), "{run}");
    assert!(run.stdout.contains("(3 documents)"), "{run}");
    let v = env.run(["search", "cocoa", "--json"]).json();
    assert_eq!(v["total"], 1);
    assert_eq!(v["hits"][0]["headline"], "Ivory Coast cocoa arrivals jump");
    let v = env.run(["stats", "--json"]).json();
    assert_eq!(v["documents"], 3);
}

#[test]
fn issue_2_query_and_flag_errors_are_one_line_exit_2() {
    let env = Env::new();
    good_folder(&env);
    env.run(["index", "in"]).code(0);
    for args in [
        vec!["search", "title:("],
        vec!["search", "x", "--from", "notadate"],
        vec!["search", "headline:(oil"],
        vec!["search", "nosuchfield:oil"],
        vec!["search", "x", "--to", "2025-02-30"],
        vec!["facets", "--field", "country", "--from", "20x5"],
        vec!["timeline", "(", "--by", "year"],
    ] {
        let run = env.run(&args);
        run.code(2);
        assert_eq!(run.stderr_lines().len(), 1, "one line{run}");
        assert!(run.stderr.starts_with("dateline: error: "), "{run}");
        assert!(!run.stderr.contains("panicked"), "{run}");
        assert!(run.stdout.is_empty(), "{run}");
    }
    let run = env.run(["search", "x", "--from", "notadate"]);
    assert!(run.stderr.contains("--from `notadate`"), "{run}");
    let run = env.run(["search", "nosuchfield:oil"]);
    assert!(run.stderr.contains("unknown field `nosuchfield`"), "{run}");
    let run = env.run(["search", "title:cocoa"]);
    assert!(run.stderr.contains("did you mean `headline:`"), "{run}");
}

#[test]
fn issue_2_missing_index_says_how_to_build_one() {
    let env = Env::new();
    for cmd in [
        vec!["search", "oil"],
        vec!["facets", "--field", "year"],
        vec!["timeline"],
        vec!["stats"],
    ] {
        let run = env.run(&cmd);
        run.code(2);
        assert!(run.stderr.contains("no index at"), "{run}");
        assert!(run.stderr.contains("dateline index PATH..."), "{run}");
        assert_eq!(run.stderr_lines().len(), 1, "{run}");
    }
    // --index overrides the environment.
    let other = env.path("elsewhere");
    let run = env.run([
        "search",
        "oil",
        "--index",
        other.to_str().unwrap_or_default(),
    ]);
    assert!(run.stderr.contains("elsewhere"), "{run}");
}

#[test]
fn locked_index_is_reported() {
    let env = Env::new();
    good_folder(&env);
    env.run(["index", "in"]).code(0);
    // Hold the writer lock in this process, as a concurrent `dateline index` would.
    let index = dateline::index::open_for_writing(&env.index_dir(), false).expect("open index");
    let _writer: tantivy::IndexWriter = index.writer(50_000_000).expect("take writer lock");
    let run = env.run(["index", "in"]);
    run.code(2);
    assert!(run.stderr.contains("is locked"), "{run}");
    assert!(run.stderr.contains("another `dateline index`"), "{run}");
}

#[test]
fn schema_version_mismatch_says_rebuild() {
    let env = Env::new();
    good_folder(&env);
    env.run(["index", "in"]).code(0);
    env.write(
        "index/dateline.json",
        r#"{"schema_version": 0, "created_by": "dateline 0.0.1"}"#,
    );
    let run = env.run(["search", "oil"]);
    run.code(2);
    assert!(run.stderr.contains("schema v0"), "{run}");
    assert!(run.stderr.contains("--rebuild"), "{run}");
    let run = env.run(["index", "--rebuild", "in"]);
    run.code(0);
    env.run(["search", "oil"]).code(0);
}

#[test]
fn refuses_to_write_into_a_folder_that_is_not_an_index() {
    let env = Env::new();
    good_folder(&env);
    env.write("index/notes.txt", "my notes");
    let run = env.run(["index", "in"]);
    run.code(2);
    assert!(run.stderr.contains("is not a dateline index"), "{run}");
    assert!(env.path("index/notes.txt").exists());
}

#[test]
fn facets_timeline_and_stats() {
    let env = Env::new();
    good_folder(&env);
    env.run(["index", "in"]).code(0);

    let v = env.run(["facets", "--field", "year", "--json"]).json();
    assert_eq!(v["field"], "year");
    assert_eq!(
        v["counts"],
        serde_json::json!([{"value": "2024", "count": 1}, {"value": "2025", "count": 2}])
    );
    let v = env.run(["facets", "--field", "source", "--json"]).json();
    assert_eq!(
        v["counts"],
        serde_json::json!([{"value": "Reuters", "count": 3}])
    );

    let run = env.run(["timeline", "--by", "month", "--from", "2024-12", "--json"]);
    run.code(0);
    let v = run.json();
    assert_eq!(v["by"], "month");
    assert_eq!(
        v["counts"],
        serde_json::json!([{"value": "2025-01", "count": 1}, {"value": "2025-02", "count": 1}])
    );
    let run = env.run(["timeline", "--by", "year"]);
    run.code(0);
    assert!(run.stdout.starts_with("2024  1  ####"), "{run}");

    let v = env.run(["stats", "--json"]).json();
    assert_eq!(v["documents"], 3);
    assert_eq!(v["first_date"], "2024-03-04");
    assert_eq!(v["last_date"], "2025-02-06");
    assert!(v["size_bytes"].as_u64().unwrap_or(0) > 0);
}

#[test]
fn unknown_filter_values_suggest_known_ones() {
    let env = Env::new();
    good_folder(&env);
    env.run(["index", "in"]).code(0);
    let run = env.run(["search", "oil", "--country", "Saudi Arabai"]);
    run.code(2);
    assert!(
        run.stderr.contains("unknown country `Saudi Arabai`"),
        "{run}"
    );
    assert!(
        run.stderr.contains("Saudi Arabia"),
        "suggests the nearest{run}"
    );
}

#[test]
fn tag_prints_one_json_object_per_article() {
    let env = Env::new();
    good_folder(&env);
    env.write("in/README.md", "# notes, not an article\n");
    let run = env.run(["tag", "in"]);
    run.code(0);
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 3, "{run}");
    assert_eq!(lines[0]["id"], "2024/oil.txt");
    for key in [
        "id",
        "date",
        "headline",
        "dateline",
        "source",
        "countries",
        "people",
    ] {
        assert!(lines[0].get(key).is_some(), "`{key}`{run}");
    }
    assert!(run.stderr.contains("README.md: skipped: "), "{run}");
    let run = env.run(["tag", "in", "--format", "text"]);
    assert!(
        run.stdout
            .contains("Saudi Arabia to keep oil output steady"),
        "{run}"
    );
}

/// A build from nothing that leaves more than two segments (four indexing threads here)
/// is merged down to two, with nothing left behind and every story searchable.
#[test]
fn fresh_builds_end_in_at_most_two_segments() {
    let env = Env::new();
    for i in 0..400 {
        env.write(
            &format!("in/{i:03}.txt"),
            native(
                "2025-03-01",
                &format!("Cocoa story number {i}"),
                &format!("ABIDJAN (Reuters) - Cocoa arrivals reached {i} tonnes this week."),
            ),
        );
    }
    let run = env.run(["index", "in", "--threads", "4"]);
    run.code(0);
    assert!(run.stdout.contains("(400 documents)"), "{run}");
    let v = env.run(["stats", "--json"]).json();
    assert_eq!(v["segments"], 2, "{v}");
    assert_no_stale_files(&env);
    let v = env.run(["search", "cocoa arrivals", "--json"]).json();
    assert_eq!(v["total"], 400);
    let v = env.run(["search", "\"story number 137\"", "--json"]).json();
    assert_eq!(v["hits"][0]["headline"], "Cocoa story number 137");
}

/// Every file in the index folder belongs to a segment of `meta.json` (or is one of the
/// index's own files): merged-away segments do not stay on disk.
fn assert_no_stale_files(env: &Env) {
    let dir = env.index_dir();
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("meta.json")).expect("meta.json"))
            .expect("meta.json is JSON");
    let ids: Vec<String> = meta["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .map(|s| s["segment_id"].as_str().expect("id").replace('-', ""))
        .collect();
    for entry in std::fs::read_dir(&dir).expect("index dir") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let ours = name.starts_with('.') || name == "meta.json" || name == "dateline.json";
        assert!(
            ours || ids.iter().any(|id| name.starts_with(id.as_str())),
            "{name} belongs to no segment of {ids:?}"
        );
    }
}

/// A build from nothing ends in at most two segments; adding to a built index does not
/// rewrite it (a new segment appears); `--rebuild` merges again.
#[test]
fn fresh_builds_are_merged_updates_are_not() {
    let env = Env::new();
    let segments = |env: &Env| env.run(["stats", "--json"]).json()["segments"].clone();
    let corpus = util::corpus();
    env.run([
        "index".as_ref(),
        corpus.as_os_str(),
        "--threads".as_ref(),
        "2".as_ref(),
    ])
    .code(0);
    let fresh = segments(&env).as_u64().expect("a count");
    assert!((1..=2).contains(&fresh), "{fresh}");
    assert_no_stale_files(&env);
    env.write(
        "more/late.txt",
        native(
            "2026-11-20",
            "Late cocoa story",
            "ABIDJAN (Reuters) - Cocoa arrivals slowed this week.",
        ),
    );
    env.run(["index", "more"]).code(0);
    assert_eq!(
        segments(&env),
        fresh + 1,
        "the update is a segment of its own"
    );
    let v = env
        .run(["search", "cocoa arrivals slowed", "--json"])
        .json();
    assert_eq!(v["hits"][0]["headline"], "Late cocoa story");
    env.run([
        "index".as_ref(),
        corpus.as_os_str(),
        "more".as_ref(),
        "--rebuild".as_ref(),
    ])
    .code(0);
    assert!(segments(&env).as_u64().is_some_and(|n| n <= 2));
    assert_no_stale_files(&env);
}

/// A person named with a nickname in quotes is found by the name with or without it.
#[test]
fn nicknamed_people_are_found_without_the_nickname() {
    let env = Env::new();
    env.write(
        "in/guzman.txt",
        native(
            "2014-02-22",
            "Mexican marines capture drug lord",
            "MAZATLAN, Mexico (Reuters) - Mexican marines captured Joaquin \"El Chapo\" \
             Guzman in a beach hotel on Saturday, officials said. Guzman had escaped from \
             prison in 2001.",
        ),
    );
    let run = env.run(["index", "in"]);
    run.code(0);
    assert!(run.stdout.contains("indexed 1 article in"), "{run}");
    for name in ["Joaquin Guzman", "joaquin \"el chapo\" guzman"] {
        let run = env.run(["search", "--person", name]);
        run.code(0);
        assert!(
            run.stdout.contains("Mexican marines capture drug lord"),
            "{name}: {run}"
        );
    }
}
