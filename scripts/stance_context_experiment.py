#!/usr/bin/env python3
"""Speaker and article context for the stance head, tried outside the tool.

Fits a class-balanced logistic regression on the real-news train split and
scores macro-F1 on its dev split, for the shipped feature blocks (quote,
sentence, "speaker, role" and paragraph embeddings + structured signals) with
and without two context blocks: the mean of the speaker's quotes in the
article, and the mean of all the article's quotes.

    quotestance train --model gemma --offline --small-grid --adapt-epochs 0 \
        --out /tmp/heads-x --features-out /tmp/features.jsonl
    .venv-bench/bin/python scripts/stance_context_experiment.py /tmp/features.jsonl

Needs numpy and scikit-learn (the benchmark environment has both).
"""
import json
import sys
from collections import defaultdict

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

LABELS = ["optimistic", "skeptical", "critical", "neutral"]
STRUCTURED = 15


def main(path):
    rows = [json.loads(line) for line in open(path)]
    dim = rows[0]["dim"]
    x = np.array([r["x"] for r in rows], dtype=np.float32)
    y = np.array([LABELS.index(r["stance"]) for r in rows])
    dev = np.array([r["dev"] for r in rows])
    blocks = [x[:, i * dim:(i + 1) * dim] for i in range(4)]
    structured = x[:, 4 * dim:4 * dim + STRUCTURED]

    def group_mean(block, key):
        members = defaultdict(list)
        for i, r in enumerate(rows):
            members[key(r)].append(i)
        out = np.zeros_like(block)
        for ix in members.values():
            out[ix] = block[ix].mean(0)
        return out

    speaker = group_mean(np.hstack(blocks[:2]), lambda r: (r["group"], r["speaker"]))
    article = group_mean(blocks[0], lambda r: r["group"])
    base = np.hstack(blocks + [structured])
    for c in [0.3, 1.0, 3.0]:
        for name, f in [
            ("shipped blocks", base),
            ("+ speaker mean", np.hstack([base, speaker])),
            ("+ article mean", np.hstack([base, article])),
            ("+ both", np.hstack([base, speaker, article])),
        ]:
            m = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
            m.fit(f[~dev], y[~dev])
            p = m.predict(f[dev])
            print(f"C={c:<4} {name:16s} dev macro-F1 {f1_score(y[dev], p, average='macro'):.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
