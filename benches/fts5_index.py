#!/usr/bin/env python3
"""SQLite FTS5 side of benches/compare.sh: index a JSON Lines corpus (title + body) into
an FTS5 table with the porter tokenizer, in one transaction, then merge it into one
b-tree ('optimize', the counterpart of tantivy's force merge). Queries rank with bm25.

Usage: fts5_index.py DB corpus.jsonl      (prints the number of stories indexed)
"""
import json
import os
import sqlite3
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: fts5_index.py DB corpus.jsonl")
    db, corpus = sys.argv[1], sys.argv[2]
    if os.path.exists(db):
        os.remove(db)
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter unicode61')")
    n = 0
    with open(corpus, encoding="utf-8") as f, con:
        rows = ((d.get("title") or "", d.get("body") or "")
                for d in (json.loads(line) for line in f if line.strip()))
        for title, body in rows:
            con.execute("INSERT INTO docs(title, body) VALUES (?, ?)", (title, body))
            n += 1
    with con:
        con.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    con.close()
    print(n)


if __name__ == "__main__":
    main()
