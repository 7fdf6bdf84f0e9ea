//! Show the evidence behind each tag of the articles in the given files (for tuning
//! the salience rules): `cargo run --release --example explain -- FILE...`.

use dateline::tag::Tagger;
use dateline::walk;

fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args_os().skip(1).map(Into::into).collect();
    let tagger = Tagger::new();
    let (files, _) = walk::files(&paths, None);
    for f in files {
        for a in dateline::ingest::load(&f).articles {
            let an = tagger.analyze(&a);
            println!("== {} {}", a.id, a.headline);
            for (name, e) in &an.countries {
                println!(
                    "  country {name}: about={} score={:.2} {e:?}",
                    e.about(),
                    e.score()
                );
            }
            for (name, e) in &an.people {
                println!("  person {name}: about={} {e:?}", e.about());
            }
        }
    }
}
