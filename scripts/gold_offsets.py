#!/usr/bin/env python3
"""Authoring aid for the gold set: fills each quote's byte offsets from its
"text", searching forward from the previous quote (quotes are listed in text
order). Run after writing or editing a gold file:

    python3 scripts/gold_offsets.py evaluation/gold/*.json

The Rust loader (quotestance evaluate) checks that text == the bytes at
start..end, so a stale offset is caught, never silently used.
"""
import json
import sys
from pathlib import Path


def article_text(gold_path: Path, gold: dict) -> str:
    if "text" in gold:
        return gold["text"]
    data = (gold_path.parent / gold["source"]).read_bytes()
    return data.decode("utf-8").removeprefix("\ufeff")


def fill(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    raw = article_text(path, gold).encode("utf-8")
    cursor = 0
    for i, q in enumerate(gold["quotes"]):
        needle = q["text"].encode("utf-8")
        at = raw.find(needle, cursor)
        if at < 0:
            at = raw.find(needle)
        if at < 0:
            sys.exit(f"{path}: quote {i} not found in the article: {q['text'][:60]!r}")
        q["start"], q["end"] = at, at + len(needle)
        cursor = at
    ordered = {k: gold[k] for k in ("id", "split", "style", "source", "text") if k in gold}
    ordered["quotes"] = [
        {k: q[k] for k in ("start", "end", "kind", "speaker", "stance", "sentiment", "text") if k in q}
        for q in gold["quotes"]
    ]
    ordered["speakers"] = gold["speakers"]
    path.write_text(json.dumps(ordered, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{path}: {len(gold['quotes'])} quotes")


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        fill(Path(arg))
