//! Regression set of short stories in current wire style, written for the project (not
//! copied from any source) to probe recognition: 1,645 stories (2,234 checks) in `tests/data/
//! probe-stories.jsonl`, each with what a careful editor expects, fixed before the tagger
//! was run. Countries (`c-*`): the countries it is about, the exact mentions (plus any
//! `allowed` extra) and the ones it must never name. People (`p-*` to `x-*`): exactly the
//! people mentioned, compared as `normalize_key` does (accents and case aside). Only stories
//! the tagger got right when the set was written are here; the misses it showed are listed
//! in the closing notes, not asserted.

use dateline::parse::parse_file;
use dateline::tag::{normalize_key, Tagger};
use std::collections::BTreeSet;
use std::path::Path;

#[derive(serde::Deserialize)]
struct Probe {
    id: String,
    /// The story in the native format.
    text: String,
    #[serde(default)]
    about: Vec<String>,
    #[serde(default)]
    mentioned: Vec<String>,
    #[serde(default)]
    allowed: Vec<String>,
    #[serde(default)]
    never: Vec<String>,
    /// Exactly the people mentioned (people probes only).
    people: Option<Vec<String>>,
}

fn probes() -> Vec<Probe> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/probe-stories.jsonl"
    );
    let text = std::fs::read_to_string(path).expect("tests/data/probe-stories.jsonl exists");
    text.lines()
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("probe-stories.jsonl:{}: {e}", i + 1))
        })
        .collect()
}

fn set(names: &[String]) -> BTreeSet<&str> {
    names.iter().map(String::as_str).collect()
}

#[test]
fn probe_stories_keep_their_tags() {
    let tagger = Tagger::new();
    let probes = probes();
    assert!(probes.len() >= 2234, "{} probes", probes.len());
    let mut failures = Vec::new();
    for p in &probes {
        let name = format!("{}.txt", p.id);
        let parsed = parse_file(Path::new(&name), &name, p.text.as_bytes())
            .unwrap_or_else(|e| panic!("{}: {e}", p.id));
        let [article] = &parsed.articles[..] else {
            panic!("{}: expected one article", p.id);
        };
        let t = tagger.tag(article);
        if let Some(people) = &p.people {
            let want: BTreeSet<String> = people.iter().map(|n| normalize_key(n)).collect();
            let got: BTreeSet<String> = t
                .mentioned_people
                .iter()
                .map(|n| normalize_key(n))
                .collect();
            if want != got {
                failures.push(format!("{}: people {want:?}, got {got:?}", p.id));
            }
            continue;
        }
        let (about, mentioned) = (set(&t.countries), set(&t.mentioned_countries));
        let want = set(&p.mentioned);
        let allowed = set(&p.allowed);
        let missing: Vec<_> = want.difference(&mentioned).collect();
        let extra: Vec<_> = mentioned
            .iter()
            .filter(|c| !want.contains(*c) && !allowed.contains(*c))
            .collect();
        let not_about: Vec<_> = set(&p.about)
            .into_iter()
            .filter(|c| !about.contains(c))
            .collect();
        let forbidden: Vec<_> = p
            .never
            .iter()
            .filter(|c| mentioned.contains(c.as_str()) || about.contains(c.as_str()))
            .collect();
        if !(missing.is_empty() && extra.is_empty() && not_about.is_empty() && forbidden.is_empty())
        {
            failures.push(format!(
                "{}: missing {missing:?}, extra {extra:?}, not about {not_about:?}, \
                 forbidden {forbidden:?} (about {about:?}, mentioned {mentioned:?})",
                p.id
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
