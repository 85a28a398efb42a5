#!/usr/bin/env python3
"""Builds evaluation/train/train.jsonl from the written examples in
evaluation/train/authoring/*.txt (every quote and speaker there is invented).

    python3 scripts/build_train.py            # write
    python3 scripts/build_train.py --check    # fail if train.jsonl is stale

Authoring format, one example a line:
    @KEY = Speaker Name | role            defines a speaker for the file
    SSK|KEY|quote[|context sentence]     S stance o/s/c/n, S sentiment +/-/0, K kind d/p/i
    # comment
Without a context sentence, one is written around the quote with a plain
reporting verb (the verb never depends on the label). Each file is one group
for grouped cross-validation.
"""
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STANCE = {"o": "optimistic", "s": "skeptical", "c": "critical", "n": "neutral"}
SENT = {"+": "positive", "-": "negative", "0": "neutral"}
KIND = {"d": "direct", "p": "partial", "i": "indirect"}
VERBS = ["said", "told reporters", "said on Tuesday", "added", "said in an interview", "told a briefing"]


def frame(kind, quote, speaker, verb):
    if kind == "direct":
        body = quote.rstrip(".")
        return f"“{body},” {speaker} {verb}."
    if kind == "indirect":
        return f"{speaker} {verb} {quote}."
    return f"{speaker} {verb} the plan was “{quote}.”"


def build():
    out = []
    for src in sorted((ROOT / "evaluation" / "train" / "authoring").glob("*.txt")):
        speakers = {}
        group = src.stem
        for n, line in enumerate(src.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@"):
                key, rest = line[1:].split("=", 1)
                name, _, role = rest.partition("|")
                speakers[key.strip()] = (name.strip(), role.strip() or None)
                continue
            parts = line.split("|")
            if len(parts) < 3:
                sys.exit(f"{src}:{n}: expected SSK|KEY|quote[|context]")
            code, key, quote = parts[0].strip(), parts[1].strip(), parts[2].strip()
            context = parts[3].strip() if len(parts) > 3 else ""
            if len(code) != 3 or code[0] not in STANCE or code[1] not in SENT or code[2] not in KIND:
                sys.exit(f"{src}:{n}: bad label code {code!r}")
            if key not in speakers:
                sys.exit(f"{src}:{n}: unknown speaker {key!r}")
            name, role = speakers[key]
            kind = KIND[code[2]]
            digest = int(hashlib.sha256(quote.encode()).hexdigest(), 16)
            verb = VERBS[digest % len(VERBS)]
            sentence = context if context else frame(kind, quote, name.split()[-1] if " " in name and not name[0].islower() else name, verb)
            cue = None
            for v in ("said", "told", "added", "warned", "insisted", "argued", "urged", "called", "wrote", "noted"):
                if f" {v} " in f" {sentence} " or f" {v}." in f" {sentence}" or f" {v}," in f" {sentence}":
                    cue = v
                    break
            out.append({
                "quote": quote, "sentence": sentence, "paragraph": sentence, "speaker": name, "role": role,
                "kind": kind, "cue": cue, "stance": STANCE[code[0]], "sentiment": SENT[code[1]], "group": group,
            })
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), out


def main():
    text, rows = build()
    target = ROOT / "evaluation" / "train" / "train.jsonl"
    if "--check" in sys.argv:
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            sys.exit("evaluation/train/train.jsonl is stale: run scripts/build_train.py")
        return
    target.write_text(text, encoding="utf-8")
    counts = {}
    for r in rows:
        counts[r["stance"]] = counts.get(r["stance"], 0) + 1
    print(f"{len(rows)} examples: {counts}")


if __name__ == "__main__":
    main()
