#!/usr/bin/env bash
# Scores dateline's country and person tags against the Reuters-21578 editors' tags
# (../shared/eval/README.md) and prints score.py's report; the last line is the summary:
#   countries P=... R=... F1=... | people R=... vocabP=...
#
# Usage: scripts/eval-tags.sh [OUT_DIR]        (default OUT_DIR: /tmp)
set -euo pipefail

cd "$(dirname "$0")/.."
shared=../shared
corpus=$shared/corpora/reuters21578
out=${1:-/tmp}
if [ ! -d "$corpus" ]; then
    echo "$corpus not found: the shared data must sit beside the repository" >&2
    exit 2
fi
mkdir -p "$out"
target=${CARGO_TARGET_DIR:-target}

cargo build --release --quiet
python3 "$shared/eval/reuters_gold.py" "$corpus" -o "$out/gold.jsonl"
"$target/release/dateline" tag "$corpus" --format jsonl > "$out/pred.jsonl" 2> "$out/tag.stderr"
python3 "$shared/eval/score.py" "$out/gold.jsonl" "$out/pred.jsonl" | tee "$out/score.txt"
echo
echo "summary: $(tail -n 1 "$out/score.txt")"
