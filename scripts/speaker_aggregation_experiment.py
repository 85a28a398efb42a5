#!/usr/bin/env python3
"""Speaker stance from quote probabilities, tried outside the tool.

LABELING.md's speaker rule (length-weighted labels; neutral only when every
quote is neutral; near ties go to the more marked label) reproduces every
gold speaker label of the real-news set from its gold quote labels. Given
quote probabilities, the shipped aggregation applies the rule to each quote's
most likely label. This script compares it with the Bayes decision: the
speaker label the rule gives most probably when each quote's label is drawn
from its probabilities (exact up to seven quotes, 4,000 seeded samples
beyond), with the probabilities first sharpened or flattened by a power.

    quotestance train --model gemma --real .cache/realnews-gold \
        --out /tmp/heads --oof-out /tmp/oof.jsonl
    python3 scripts/speaker_aggregation_experiment.py /tmp/oof.jsonl .cache/realnews-gold

Out-of-fold probabilities of the frozen head; speakers scored per split.
"""
import collections
import glob
import itertools
import json
import random
import sys

LABELS = ["optimistic", "skeptical", "critical", "neutral"]
PRECEDENCE = ["critical", "skeptical", "optimistic"]
NEUTRAL = LABELS.index("neutral")


def rule(weights):
    """LABELING.md's speaker label from per-label weights."""
    ranked = sorted((i for i in range(len(LABELS)) if i != NEUTRAL and weights[i] > 0),
                    key=lambda i: (-weights[i], i))
    if not ranked:
        return NEUTRAL
    if (len(ranked) > 1 and weights[ranked[1]] >= 0.85 * weights[ranked[0]]
            and PRECEDENCE.index(LABELS[ranked[1]]) < PRECEDENCE.index(LABELS[ranked[0]])):
        return ranked[1]
    return ranked[0]


def shipped(quotes):
    weights = [0.0] * len(LABELS)
    for length, probs in quotes:
        best = max(range(len(LABELS)), key=lambda i: probs[i])
        weights[best] += length * probs[best]
    return rule(weights)


def bayes(quotes, power, rng):
    quotes = [(n, [p ** power for p in probs]) for n, probs in quotes]
    quotes = [(n, [p / sum(probs) for p in probs]) for n, probs in quotes]
    mass = [0.0] * len(LABELS)
    if len(quotes) <= 7:
        for labels in itertools.product(range(len(LABELS)), repeat=len(quotes)):
            weights, p = [0.0] * len(LABELS), 1.0
            for (n, probs), label in zip(quotes, labels):
                p *= probs[label]
                weights[label] += n
            mass[rule(weights)] += p
    else:
        for _ in range(4000):
            weights = [0.0] * len(LABELS)
            for n, probs in quotes:
                weights[rng.choices(range(len(LABELS)), weights=probs)[0]] += n
            mass[rule(weights)] += 1
    return max(range(len(LABELS)), key=lambda i: mass[i])


def main(oof_file, gold_dir):
    split = {}
    agree = total = 0
    for path in glob.glob(f"{gold_dir}/*.json"):
        g = json.load(open(path, encoding="utf-8"))
        split[g["id"]] = g["split"]
        lengths = collections.defaultdict(lambda: [0.0] * len(LABELS))
        for q in g["quotes"]:
            lengths[q["speaker"]][LABELS.index(q["stance"])] += q["char_end"] - q["char_start"]
        for s in g["speakers"]:
            if s["speaker"] in lengths:
                total += 1
                agree += LABELS[rule(lengths[s["speaker"]])] == s["stance"]
    print(f"the rule on gold quote labels gives the gold speaker label for {agree} of {total} speakers")
    speakers = collections.defaultdict(list)
    with open(oof_file, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if "group" not in row:
                continue
            speakers[(row["group"], row["speaker"])].append(
                (len(row["quote"].encode()), row["frozen"], LABELS.index(row["stance"])))
    for power in [0.5, 1.0, 1.5, 2.0]:
        for part in ["train", "dev"]:
            rng = random.Random(0)
            n = right_shipped = right_bayes = 0
            for (group, _), quotes in sorted(speakers.items()):
                if split.get(group) != part:
                    continue
                weights = [0.0] * len(LABELS)
                for length, _, label in quotes:
                    weights[label] += length
                gold = rule(weights)
                probs = [(length, p) for length, p, _ in quotes]
                n += 1
                right_shipped += shipped(probs) == gold
                right_bayes += bayes(probs, power, rng) == gold
            print(f"power {power}: {part} {n} speakers, shipped rule {right_shipped / n:.3f}, "
                  f"Bayes decision {right_bayes / n:.3f}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
