#!/usr/bin/env bash
# Make the benchmark corpus: Reuters-21578 (../shared/corpora/reuters21578) replicated K
# times by ../shared/bench/scale.py, as JSON Lines and as one native-format file per
# story. Reproducible: same K, same bytes.
#
#   bash benches/make-corpus.sh [K] [OUT_DIR]     # default K=1, OUT_DIR=/tmp/dateline-bench/kK
#
# Writes OUT_DIR/reuters.jsonl (copy 0 only), OUT_DIR/corpus.jsonl (K copies),
# OUT_DIR/text/YYYY/MM/DD/<id>.txt (K copies) and OUT_DIR/.complete when done, so a
# second run with the same K is a no-op. DATELINE_SHARED overrides ../shared.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
k=${1:-1}
out=${2:-/tmp/dateline-bench/k$k}
shared=${DATELINE_SHARED:-$here/../../shared}
reuters=$shared/corpora/reuters21578
scripts=$shared/bench

if ! [[ $k =~ ^[1-9][0-9]*$ ]]; then
    echo "make-corpus: K must be a positive integer, got '$k'" >&2
    exit 2
fi
for need in "$reuters/reut2-000.sgm" "$scripts/reuters_to_jsonl.py" "$scripts/scale.py"; do
    if [[ ! -e $need ]]; then
        echo "make-corpus: ../shared/corpora/reuters21578 not found: missing $need (set DATELINE_SHARED to the shared folder)" >&2
        exit 2
    fi
done

if [[ -e $out/.complete ]] && [[ $(cat "$out/.complete") == "k=$k" ]]; then
    echo "make-corpus: $out already holds K=$k" >&2
    exit 0
fi

rm -rf "$out"
mkdir -p "$out"
python3 "$scripts/reuters_to_jsonl.py" -o "$out/reuters.jsonl" "$reuters"
python3 "$scripts/scale.py" -k "$k" -o "$out/corpus.jsonl" --text-dir "$out/text" "$out/reuters.jsonl"
echo "k=$k" > "$out/.complete"
stories=$(wc -l < "$out/corpus.jsonl")
echo "make-corpus: $out: $stories stories, $(du -sh "$out/corpus.jsonl" | cut -f1) JSONL" >&2
