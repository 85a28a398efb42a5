#!/usr/bin/env python3
"""Scores the out-of-fold stance predictions that `quotestance train --oof-out FILE`
writes, on any subset of groups: quote-level macro-F1 and, for dev gold articles,
speaker accuracy (speakers aggregated as `classify` does: each quote weighs its
byte length times its predicted label's probability; neutral only when every
quote is; within 15% the more marked label wins).

    python3 scripts/oof_scores.py FILE                        # every dev article
    python3 scripts/oof_scores.py FILE --groups 'dev_(0|1|2[0-6])'   # a subset (regex)

Columns: the frozen-encoder head, the adapter at its chosen epoch, and the mean
of the two (an ensemble `classify` does not run; reported for comparison only).
"""
import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRECEDENCE = ["critical", "skeptical", "optimistic"]  # the default task's, most marked first


def macro_f1(labels, gold, pred):
    f1s = []
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, pred) if g == label and p != label)
        if tp + fp + fn == 0:
            continue
        f1s.append(2 * tp / (2 * tp + fp + fn))
    return sum(f1s) / len(f1s) if f1s else 0.0


def aggregate(labels, quotes):
    weight = {label: 0.0 for label in labels}
    for length, probs in quotes:
        best = max(range(len(labels)), key=lambda i: (probs[i], -i))
        weight[labels[best]] += length * probs[best]
    ranked = sorted(
        (l for l in labels if l != "neutral" and weight[l] > 0),
        key=lambda l: (-weight[l], labels.index(l)),
    )
    if not ranked:
        return "neutral"
    if len(ranked) > 1 and weight[ranked[1]] >= 0.85 * weight[ranked[0]]:
        rank = {l: i for i, l in enumerate(PRECEDENCE)}
        return min(ranked[:2], key=lambda l: rank.get(l, len(PRECEDENCE)))
    return ranked[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", type=Path)
    ap.add_argument("--groups", default="dev_", help="regex a group must match from its start (default: dev_)")
    ap.add_argument("--gold", type=Path, default=ROOT / "evaluation" / "gold")
    args = ap.parse_args()
    lines = args.file.read_text(encoding="utf-8").splitlines()
    labels = json.loads(lines[0])["labels"]
    rows = [json.loads(l) for l in lines[1:]]
    pattern = re.compile(args.groups)
    rows = [r for r in rows if pattern.match(r["group"])]
    if not rows:
        sys.exit(f"no example's group matches {args.groups!r}")
    models = {"frozen": lambda r: r["frozen"]}
    if all(r.get("adapter") for r in rows):
        models["adapter"] = lambda r: r["adapter"]
        models["mean"] = lambda r: [(a + b) / 2 for a, b in zip(r["frozen"], r["adapter"])]
    groups = sorted({r["group"] for r in rows})
    print(f"{len(rows)} quotes in {len(groups)} groups matching {args.groups!r}")
    gold_speakers = {}
    for g in groups:
        path = args.gold / f"{g}.json"
        if path.exists():
            doc = json.loads(path.read_text(encoding="utf-8"))
            for s in doc["speakers"]:
                gold_speakers[(g, s["name"])] = s["stance"]
    for name, probs_of in models.items():
        gold = [r["stance"] for r in rows]
        pred = [labels[max(range(len(labels)), key=lambda i: (probs_of(r)[i], -i))] for r in rows]
        by_speaker = {}
        for r in rows:
            by_speaker.setdefault((r["group"], r["speaker"]), []).append(
                (len(r["quote"].encode("utf-8")), probs_of(r)))
        scored = [(k, aggregate(labels, q)) for k, q in by_speaker.items() if k in gold_speakers]
        right = sum(1 for k, label in scored if gold_speakers[k] == label)
        speakers = f"speakers {right}/{len(scored)}" if scored else "speakers -"
        print(f"{name:<8} quote macro-F1 {macro_f1(labels, gold, pred):.3f}  {speakers}")


if __name__ == "__main__":
    main()
