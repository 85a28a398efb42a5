#!/usr/bin/env python3
"""Builds the hand-labelled articles from their authoring sources.

Each evaluation/authoring/NAME.qs holds a header and the article with its
quotes marked inline; this writes the plain article to
evaluation/articles/ID.txt (or where its `text:` header says) and its labels to evaluation/gold/ID.json
(the format in evaluation/README.md). Run after editing a source:

    python3 scripts/build_gold.py            # every source
    python3 scripts/build_gold.py --check    # fail if an output is stale

Source format:
    id: dev_01_wire_hotline
    split: dev | test
    style: wire copy
    text: seeds/NAME.txt   (optional: where the article goes, from the repo root)
    speaker KEY = Canonical Name | role (may be empty) [| stance override]
    ---
    Text with quotes marked {K:KEY:S:E|quoted words}
      K: d direct, p partial, i indirect
      S: o optimistic, s skeptical, c critical, n neutral
      E: + positive, - negative, 0 neutral
A mark may run over several paragraphs (multi-paragraph quotes).
Speaker stance, unless overridden, follows LABELING.md §7.12: span length per
non-neutral stance; when the top two are within 15% the more marked wins
(critical > skeptical > optimistic); neutral only if all quotes are neutral.
"""
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = {"d": "direct", "p": "partial", "i": "indirect"}
STANCES = {"o": "optimistic", "s": "skeptical", "c": "critical", "n": "neutral"}
SENTIMENTS = {"+": "positive", "-": "negative", "0": "neutral"}
MARK = re.compile(r"\{([dpi]):([A-Za-z0-9_]+):([oscn]):([+\-0])\|(.*?)\}", re.S)
RANK = {"critical": 3, "skeptical": 2, "optimistic": 1}


def speaker_stance(quotes):
    weight = {}
    for q in quotes:
        if q["stance"] != "neutral":
            weight[q["stance"]] = weight.get(q["stance"], 0) + len(q["text"])
    if not weight:
        return "neutral"
    ranked = sorted(weight.items(), key=lambda kv: (-kv[1], -RANK[kv[0]]))
    if len(ranked) > 1 and ranked[1][1] >= 0.85 * ranked[0][1]:
        return max(ranked[:2], key=lambda kv: RANK[kv[0]])[0]
    return ranked[0][0]


def build(path: Path):
    raw = path.read_text(encoding="utf-8")
    header, body = raw.split("\n---\n", 1)
    meta, speakers = {}, {}
    for line in header.splitlines():
        if not line.strip():
            continue
        if line.startswith("speaker "):
            key, rest = line[len("speaker "):].split("=", 1)
            parts = [p.strip() for p in rest.split("|")]
            speakers[key.strip()] = {
                "name": parts[0],
                "role": parts[1] if len(parts) > 1 and parts[1] else None,
                "override": parts[2] if len(parts) > 2 and parts[2] else None,
            }
        else:
            k, v = line.split(":", 1)
            meta[k.strip()] = v.strip()
    text_parts, quotes, pos, last = [], [], 0, 0
    for m in MARK.finditer(body):
        text_parts.append(body[last:m.start()])
        pos += len(body[last:m.start()].encode("utf-8"))
        kind, key, stance, sentiment, words = m.groups()
        if key not in speakers:
            sys.exit(f"{path}: unknown speaker key {key}")
        if "{" in words or "}" in words:
            sys.exit(f"{path}: nested mark near {words[:40]!r}")
        n = len(words.encode("utf-8"))
        quotes.append({
            "start": pos, "end": pos + n, "kind": KINDS[kind], "speaker": speakers[key]["name"],
            "stance": STANCES[stance], "sentiment": SENTIMENTS[sentiment], "text": words,
        })
        text_parts.append(words)
        pos += n
        last = m.end()
    text_parts.append(body[last:])
    text = "".join(text_parts).strip("\n") + "\n"
    if "{" in text or "}" in text:
        sys.exit(f"{path}: a malformed mark is left in the text")
    words = len(text.split())
    if not 300 <= words <= 900:
        print(f"warning: {path.name}: {words} words (aim for 300-900)", file=sys.stderr)
    out_speakers = []
    for key, s in speakers.items():
        mine = [q for q in quotes if q["speaker"] == s["name"]]
        if not mine:
            sys.exit(f"{path}: speaker {key} has no quotes")
        out_speakers.append({"name": s["name"], "role": s["role"], "stance": s["override"] or speaker_stance(mine)})
    text_path = ROOT / meta.get("text", f"evaluation/articles/{meta['id']}.txt")
    gold = {
        "id": meta["id"], "split": meta["split"], "style": meta.get("style"),
        "source": os.path.relpath(text_path, ROOT / "evaluation" / "gold"),
        "quotes": quotes, "speakers": out_speakers,
    }
    return meta["id"], text_path, text, json.dumps(gold, ensure_ascii=False, indent=1) + "\n"


def main():
    check = "--check" in sys.argv
    stale = []
    for src in sorted((ROOT / "evaluation" / "authoring").glob("*.qs")):
        ident, text_path, text, gold = build(src)
        targets = [(text_path, text),
                   (ROOT / "evaluation" / "gold" / f"{ident}.json", gold)]
        for target, content in targets:
            if check:
                if not target.exists() or target.read_text(encoding="utf-8") != content:
                    stale.append(str(target))
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(content, encoding="utf-8")
        if not check:
            print(f"{ident}: {json.loads(gold)['quotes'].__len__()} quotes, {len(text.split())} words")
    if stale:
        sys.exit("stale (run scripts/build_gold.py): " + ", ".join(stale))


if __name__ == "__main__":
    main()
