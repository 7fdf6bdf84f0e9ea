#!/usr/bin/env python3
"""Measurement half of benches/compare.sh (which builds the tools and the corpus first).

Indexes the same stories with dateline (native files), tantivy-cli (JSONL) and SQLite
FTS5 (JSONL), then runs every query of queries.txt as one process per query through each,
with /bin/true as the floor, and prints one Markdown table plus the ratios, all from
this one run. Raw numbers go to WORK/compare-kK.json, the table to WORK/compare-kK.md.

Timing: time.perf_counter around subprocess.run (stdout to /dev/null); peak RSS from
/usr/bin/time -v. Queries are interleaved (true, dateline, tantivy, sqlite for each
query, every round) so a burst of load from another process on the shared machine hits
all of them alike.
"""
import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TIME = "/usr/bin/time"

# tantivy-cli's schema: the reference's title + body, en_stem, stored (the fields of the
# JSONL it indexes; other keys of each line are ignored by tantivy's JSON parser).
TANTIVY_META = {
    "index_settings": {"docstore_compression": "lz4", "docstore_blocksize": 16384},
    "segments": [],
    "schema": [
        {
            "name": name,
            "type": "text",
            "options": {
                "indexing": {"record": "position", "fieldnorms": True, "tokenizer": "en_stem"},
                "stored": True,
                "fast": False,
            },
        }
        for name in ("title", "body")
    ],
    "opstamp": 0,
}


def die(msg):
    print("compare: " + msg, file=sys.stderr)
    sys.exit(2)


def run_timed(cmd, label, ok=(0,)):
    """Run cmd under /usr/bin/time -v: (wall s, peak RSS bytes, user+sys CPU s, stdout)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        full = [TIME, "-v", "-o", tf.name] + cmd
        t0 = time.perf_counter()
        p = subprocess.run(full, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - t0
        if p.returncode not in ok:
            die("%s failed (exit %d): %s\n%s" % (label, p.returncode, " ".join(cmd),
                                                 p.stderr[-2000:]))
        report = tf.read()
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
        rss = int(m.group(1)) * 1024 if m else 0
        cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)",
                                               report))
    return wall, rss, cpu, p.stdout


def dir_size(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(root, f))
    return total


def warm(paths):
    """Read inputs once so every engine starts with them in the page cache."""
    for p in paths:
        if os.path.isfile(p):
            with open(p, "rb") as f:
                while f.read(1 << 20):
                    pass
        else:
            for root, _, files in os.walk(p):
                for name in files:
                    with open(os.path.join(root, name), "rb") as f:
                        f.read()


def corpus_stats(jsonl):
    """Stories and headline+body UTF-8 bytes, all and titled only (cached beside it)."""
    cache = jsonl + ".stats.json"
    if os.path.exists(cache) and os.path.getmtime(cache) >= os.path.getmtime(jsonl):
        with open(cache) as f:
            return json.load(f)
    s = {"stories": 0, "text_bytes": 0, "titled": 0, "titled_bytes": 0}
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            title, body = d.get("title") or "", d.get("body") or ""
            n = len(title.encode()) + len(body.encode())
            s["stories"] += 1
            s["text_bytes"] += n
            if title.strip():
                s["titled"] += 1
                s["titled_bytes"] += n
    with open(cache, "w") as f:
        json.dump(s, f)
    return s


def pct(xs, q):
    xs = sorted(xs)
    if not xs:
        return float("nan")
    i = min(len(xs) - 1, max(0, int(round(q * (len(xs) - 1)))))
    return xs[i]


def ms(x):
    return "%.2f" % (x * 1e3)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--k", type=int, required=True)
    ap.add_argument("--corpus", required=True, help="dir from make-corpus.sh")
    ap.add_argument("--work", required=True, help="where the indexes go")
    ap.add_argument("--dateline", required=True)
    ap.add_argument("--dateline-args", default="", help="extra `dateline index` flags")
    ap.add_argument("--tantivy", help="tantivy-cli binary (omit to skip)")
    ap.add_argument("--tantivy-top10", help="minimal top-10 searcher (omit to skip)")
    ap.add_argument("--tantivy-threads", type=int, default=2)
    ap.add_argument("--sqlite3", help="sqlite3 shell (omit to skip)")
    ap.add_argument("--queries", required=True)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--index-rounds", type=int, default=3,
                    help="builds per engine, taking turns; the median is reported")
    ap.add_argument("--skip-index", action="store_true",
                    help="reuse the indexes of the last run in --work (query timings only)")
    args = ap.parse_args()

    here = os.path.dirname(os.path.abspath(__file__))
    jsonl = os.path.join(args.corpus, "corpus.jsonl")
    text = os.path.join(args.corpus, "text")
    with open(args.queries, encoding="utf-8") as f:
        queries = [q.strip() for q in f if q.strip() and not q.startswith("#")]
    if not queries:
        die("no queries in " + args.queries)
    os.makedirs(args.work, exist_ok=True)
    cs = corpus_stats(jsonl)
    jsonl_bytes = os.path.getsize(jsonl)
    raw_path = os.path.join(args.work, "compare-k%d.json" % args.k)
    prev = {}
    if args.skip_index and os.path.exists(raw_path):
        with open(raw_path) as f:
            prev = json.load(f).get("index", {})

    idx = {
        "dateline": os.path.join(args.work, "dateline-index"),
        "tantivy": os.path.join(args.work, "tantivy-index"),
        "sqlite": os.path.join(args.work, "fts5.db"),
    }
    engines = ["dateline"]
    if args.tantivy:
        engines.append("tantivy")
    if args.sqlite3:
        engines.append("sqlite")

    # ---- indexing -------------------------------------------------------------------
    # Each engine builds its index --index-rounds times, the engines taking turns, and the
    # median build by wall time is reported (peak RSS: the largest of all rounds). On a
    # shared machine one busy spell can slow one engine's only build by 15%; the median of
    # interleaved builds gives both engines the same odds.
    def index_once(e):
        if e == "dateline":
            warm([text])
            shutil.rmtree(idx[e], ignore_errors=True)
            cmd = [args.dateline, "index", text, "--index", idx[e]] + args.dateline_args.split()
            # Exit 2 with some failed files is expected: the untitled UNPROC stories.
            wall, rss, cpu, out = run_timed(cmd, "dateline index", ok=(0, 2))
            m = re.search(r"indexed (\d+) articles", out)
            if not m or int(m.group(1)) == 0:
                die("dateline indexed nothing:\n" + out)
            stories = int(m.group(1))
            text_bytes = cs["titled_bytes"] if stories == cs["titled"] else cs["text_bytes"]
        elif e == "tantivy":
            warm([jsonl])
            shutil.rmtree(idx[e], ignore_errors=True)
            os.makedirs(idx[e])
            with open(os.path.join(idx[e], "meta.json"), "w") as f:
                json.dump(TANTIVY_META, f)
            cmd = [args.tantivy, "index", "-i", idx[e], "-f", jsonl,
                   "-t", str(args.tantivy_threads), "--forcemerge", "true"]
            wall, rss, cpu, out = run_timed(cmd, "tantivy index")
            if "Terminated successfully" not in out:
                die("tantivy index did not finish:\n" + out[-2000:])
            stories, text_bytes = cs["stories"], cs["text_bytes"]
        else:
            warm([jsonl])
            cmd = [sys.executable, os.path.join(here, "fts5_index.py"), idx[e], jsonl]
            wall, rss, cpu, out = run_timed(cmd, "fts5 index")
            stories, text_bytes = int(out.strip() or 0), cs["text_bytes"]
        size = dir_size(idx[e])
        return {"stories": stories, "wall_s": wall, "cpu_s": cpu, "rss": rss, "size": size,
                "stories_s": stories / wall, "mb_s": text_bytes / 1e6 / wall,
                "ratio_jsonl": size / jsonl_bytes}

    index = {}
    builds = {}
    todo = [e for e in engines if not (args.skip_index and e in prev and os.path.exists(idx[e]))]
    for e in engines:
        if e not in todo:
            index[e] = prev[e]
    for r in range(args.index_rounds):
        for e in todo:
            print("compare: indexing with %s (round %d of %d) ..." % (e, r + 1, args.index_rounds),
                  file=sys.stderr)
            builds.setdefault(e, []).append(index_once(e))
    for e, runs in builds.items():
        median = sorted(runs, key=lambda b: b["wall_s"])[(len(runs) - 1) // 2]
        index[e] = dict(median, rss=max(b["rss"] for b in runs),
                        rounds_wall_s=[b["wall_s"] for b in runs],
                        rounds_cpu_s=[b["cpu_s"] for b in runs])

    # ---- one process per query --------------------------------------------------------
    def sqlite_cmd(q):
        sql = ("SELECT rowid, title, snippet(docs, 1, '[', ']', '...', 24) FROM docs "
               "WHERE docs MATCH '%s' ORDER BY rank LIMIT 10;" % q.replace("'", "''"))
        return [args.sqlite3, "-readonly", idx["sqlite"], sql]

    runners = {"true": lambda q: ["/bin/true"],
               "dateline": lambda q: [args.dateline, "search", q, "--index", idx["dateline"],
                                      "--color", "never"]}
    if args.tantivy and args.tantivy_top10:
        runners["tantivy"] = lambda q: [args.tantivy_top10, idx["tantivy"], q]
    if args.sqlite3:
        runners["sqlite"] = sqlite_cmd
    ok = {"true": (0,), "dateline": (0, 1), "tantivy": (0,), "sqlite": (0,)}

    def once(name, cmd):
        t0 = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        dt = time.perf_counter() - t0
        if p.returncode not in ok.get(name, (0,)):
            die("%s failed (exit %d): %s\n%s" % (name, p.returncode, " ".join(cmd),
                                                 p.stderr.decode(errors="replace")[-1000:]))
        return dt

    print("compare: %d queries x %d rounds, one process each ..." % (len(queries), args.rounds),
          file=sys.stderr)
    times = {n: [] for n in runners}
    for q in queries:  # one untimed pass: page cache, and every query must run
        for n, r in runners.items():
            once(n, r(q))
    for _ in range(args.rounds):
        for q in queries:
            for n, r in runners.items():
                times[n].append(once(n, r(q)))
    # Stock `tantivy search` prints every match as JSON: one round, for the record.
    if args.tantivy:
        times["tantivy-stock"] = [once("tantivy-stock", [args.tantivy, "search", "-i",
                                                         idx["tantivy"], "-q", q])
                                  for q in queries]
    # Facet counts over the whole index, against /bin/true measured alongside.
    facet_runs = max(10, 4 * args.rounds)
    times["facets"], times["true-facets"] = [], []
    fcmd = [args.dateline, "facets", "--field", "country", "--index", idx["dateline"]]
    once("dateline", fcmd)
    for _ in range(facet_runs):
        times["true-facets"].append(once("true", ["/bin/true"]))
        times["facets"].append(once("dateline", fcmd))
    # Peak RSS of one search process.
    _, search_rss, _, _ = run_timed(runners["dateline"]("oil prices"), "dateline search",
                                 ok=(0, 1))

    med = {n: statistics.median(v) for n, v in times.items()}
    p90 = {n: pct(v, 0.9) for n, v in times.items()}

    # ---- the table --------------------------------------------------------------------
    label = {"dateline": "dateline (native files)", "tantivy": "tantivy-cli 0.24 (JSONL)",
             "sqlite": "SQLite FTS5 %s (JSONL)" % subprocess.run(
                 [args.sqlite3 or "true", "--version"], capture_output=True,
                 text=True).stdout.split(" ")[0]}
    qlabel = {"dateline": "dateline search", "tantivy": "tantivy minimal top-10",
              "sqlite": "sqlite3 shell", "tantivy-stock": "tantivy search (stock)",
              "true": "/bin/true", "facets": "dateline facets --field country"}
    lines = []
    w = lines.append
    w("K=%d: %d stories in corpus.jsonl (%.0f MB JSONL, %.0f MB headline+body); %s; %s; "
      "%d cores" % (args.k, cs["stories"], jsonl_bytes / 1e6, cs["text_bytes"] / 1e6,
                    time.strftime("%Y-%m-%d %H:%M"), platform.node(), os.cpu_count()))
    w("")
    w("| engine | stories | stories/s | MB/s | CPU µs/story | peak RSS | index size "
      "| index/JSONL | query median ms | query p90 ms |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for e in engines:
        i = index[e]
        qn = e if e in med else None
        w("| %s | %d | %.0f | %.1f | %.0f | %.0f MB | %.0f MB | %.2f | %s | %s |" % (
            label[e], i["stories"], i["stories_s"], i["mb_s"],
            i["cpu_s"] / i["stories"] * 1e6, i["rss"] / 2**20,
            i["size"] / 2**20, i["ratio_jsonl"],
            ms(med[qn]) if qn else "n/a", ms(p90[qn]) if qn else "n/a"))
    for n in ("tantivy-stock", "facets", "true"):
        if n in med:
            w("| %s | | | | | | | | %s | %s |" % (qlabel[n], ms(med[n]), ms(p90[n])))
    w("")
    d = index["dateline"]
    ratios = []
    if "tantivy" in index:
        t = index["tantivy"]
        ratios.append(("indexing stories/s dateline/tantivy-cli",
                       d["stories_s"] / t["stories_s"], ">= 1.0"))
        ratios.append(("indexing CPU per story dateline/tantivy-cli (less noisy)",
                       (d["cpu_s"] / d["stories"]) / (t["cpu_s"] / t["stories"]), "<= 1.0"))
    ratios.append(("indexing peak RSS dateline (MB)", d["rss"] / 2**20, "<= 500"))
    ratios.append(("search median dateline/true", med["dateline"] / med["true"], "<= 4"))
    if "sqlite" in med:
        ratios.append(("search median dateline/sqlite3", med["dateline"] / med["sqlite"],
                       "<= 0.5"))
    if "tantivy" in med:
        ratios.append(("search median dateline/tantivy top-10",
                       med["dateline"] / med["tantivy"], ""))
    ratios.append(("facets median / true (measured alongside)",
                   med["facets"] / med["true-facets"], "<= 30"))
    ratios.append(("index size dateline/JSONL", d["ratio_jsonl"], "<= 0.9"))
    ratios.append(("dateline search peak RSS (MB)", search_rss / 2**20, ""))
    w("| ratio | value | target |")
    w("|---|---:|---|")
    for name, v, target in ratios:
        w("| %s | %.2f | %s |" % (name, v, target))
    if builds:
        w("")
        w("Index builds in the order run (wall s): " + "; ".join(
            "%s %s" % (label[e], " / ".join("%.2f" % b["wall_s"] for b in runs))
            for e, runs in builds.items()) + " (the median of each is in the table).")
    table = "\n".join(lines)
    print(table)
    with open(os.path.join(args.work, "compare-k%d.md" % args.k), "w") as f:
        f.write(table + "\n")
    with open(raw_path, "w") as f:
        json.dump({"k": args.k, "corpus": cs, "jsonl_bytes": jsonl_bytes, "index": index,
                   "median_s": med, "p90_s": p90, "times_s": times,
                   "search_rss": search_rss, "queries": queries,
                   "dateline_args": args.dateline_args}, f, indent=1)


if __name__ == "__main__":
    main()
