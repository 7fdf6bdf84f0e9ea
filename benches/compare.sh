#!/usr/bin/env bash
# End-to-end comparison: dateline vs tantivy-cli vs SQLite FTS5 on the same K copies of
# Reuters-21578, indexing and one process per query. Prints one table (see
# benches/README.md for what each column means and the caveats).
#
#   bash benches/compare.sh [K]        # K=20 is the reference run (~10 min); K=1 is quick
#
# Environment (all optional):
#   TOOLS=/work/tools          where tantivy-cli is installed if missing, and built helpers go
#   TANTIVY_CLI=path           a tantivy-cli 0.24 binary (default: $TOOLS/bin/tantivy,
#                              installed with `cargo install` on first use)
#   NO_TANTIVY=1 / NO_SQLITE=1 leave an engine out
#   ROUNDS=5                   rounds over queries.txt per engine
#   INDEX_ROUNDS=3             index builds per engine, taking turns (the median is reported)
#   DATELINE_INDEX_ARGS="..."  extra `dateline index` flags, e.g. "--threads 2 --memory-mb 256"
#   DATELINE_BIN=path          measure this dateline binary instead of building one
#   DATELINE_DYNAMIC=1         measure the plain `cargo build --release` binary, not the
#                              static one built on Linux x86_64 (see README)
#   SKIP_INDEX=1               reuse the indexes of the last run with this K (queries only)
#   WORK=/tmp/dateline-bench/compare-kK   where indexes and results go
#   DATELINE_SHARED=path       the shared folder (default ../shared beside the checkout)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
k=${1:-20}
shared=${DATELINE_SHARED:-$repo/../shared}
tools=${TOOLS:-/work/tools}
work=${WORK:-/tmp/dateline-bench/compare-k$k}
corpus=/tmp/dateline-bench/k$k
queries=$shared/bench/queries.txt

say() { printf 'compare: %s\n' "$*" >&2; }

if [[ ! -f $shared/corpora/reuters21578/reut2-000.sgm || ! -f $queries ]]; then
    say "../shared/corpora/reuters21578 not found: $shared has no Reuters corpus or bench/queries.txt (set DATELINE_SHARED)"
    exit 2
fi
[[ -x /usr/bin/time ]] || { say "/usr/bin/time is missing: apt-get install time"; exit 2; }

# 1. The corpus.
DATELINE_SHARED=$shared bash "$here/make-corpus.sh" "$k" "$corpus"

# 2. dateline, release build.
if [[ -n ${DATELINE_BIN:-} ]]; then
    dateline=$DATELINE_BIN
else
    target=${CARGO_TARGET_DIR:-$repo/target}
    if [[ $(uname -sm) == "Linux x86_64" && -z ${DATELINE_DYNAMIC:-} ]]; then
        # The static build the README describes: no dynamic loader work per search.
        say "building dateline (release, static) ..."
        (cd "$repo" && RUSTFLAGS="-C target-feature=+crt-static -C relocation-model=static" \
            cargo build --release --quiet --bin dateline --target x86_64-unknown-linux-gnu)
        dateline=$target/x86_64-unknown-linux-gnu/release/dateline
    else
        say "building dateline (release) ..."
        (cd "$repo" && cargo build --release --quiet --bin dateline)
        dateline=$target/release/dateline
    fi
fi

# 3. tantivy-cli and the minimal top-10 searcher.
tantivy_args=()
if [[ -z ${NO_TANTIVY:-} ]]; then
    tantivy=${TANTIVY_CLI:-$tools/bin/tantivy}
    if [[ ! -x $tantivy ]]; then
        # `--locked` fails on current rustc (its lockfile pins traitobject 0.1.0); a fresh
        # resolution builds.
        say "installing tantivy-cli 0.24 into $tools (once, several minutes) ..."
        CARGO_TARGET_DIR=$tools/target-tcli cargo install tantivy-cli --version '0.24.*' \
            --root "$tools" --quiet
    fi
    say "building the minimal tantivy top-10 searcher ..."
    CARGO_TARGET_DIR=$tools/target-tcli cargo build --release --quiet \
        --manifest-path "$here/tantivy-top10/Cargo.toml"
    tantivy_args=(--tantivy "$tantivy" --tantivy-top10 "$tools/target-tcli/release/tantivy-top10")
fi

# 4. SQLite's own shell for the queries.
sqlite_args=()
if [[ -z ${NO_SQLITE:-} ]]; then
    if command -v sqlite3 >/dev/null; then
        sqlite_args=(--sqlite3 "$(command -v sqlite3)")
    else
        say "sqlite3 shell not found (apt-get install sqlite3); leaving SQLite out"
    fi
fi

extra=()
[[ -n ${SKIP_INDEX:-} ]] && extra+=(--skip-index)
python3 "$here/compare.py" --k "$k" --corpus "$corpus" --work "$work" \
    --dateline "$dateline" --dateline-args "${DATELINE_INDEX_ARGS:-}" \
    --queries "$queries" --rounds "${ROUNDS:-5}" --index-rounds "${INDEX_ROUNDS:-3}" \
    "${tantivy_args[@]}" "${sqlite_args[@]}" "${extra[@]}"
