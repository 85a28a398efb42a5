#!/usr/bin/env python3
"""Sorts the wrong speakers of `quotestance evaluate --extraction-only --errors`
by the kind of gold speaker, to tell real attribution errors from a corpus
writing its sources differently (PolNeAR gives the mention as written, "the
retired admiral", where quotestance names the person it means).

    quotestance evaluate --extraction-only --gold FILE.jsonl --errors \\
        | python3 scripts/attribution_error_kinds.py
"""
import collections
import re
import sys

DESCRIPTION = re.compile(r"^(a|an|the|one|another|some)\b", re.IGNORECASE)


def kind(gold: str, predicted: str) -> str:
    if predicted == "-":
        return "no speaker predicted"
    if DESCRIPTION.match(gold):
        return "gold is a description (a, the, one …)"
    if gold[:1].islower():
        return "gold starts lower case"
    if " " not in gold:
        return "gold is one capitalised word"
    return "gold is a name"


def main() -> None:
    counts: collections.Counter = collections.Counter()
    for line in sys.stdin:
        if "wrong speaker:" not in line:
            continue
        m = re.search(r'\(gold "(.*)", predicted "(.*)"\)$', line.strip())
        if not m:
            continue
        counts[kind(*m.groups())] += 1
    print(f"{sum(counts.values())} wrong speakers")
    for k, n in counts.most_common():
        print(f"{n:6d}  {k}")


if __name__ == "__main__":
    main()
