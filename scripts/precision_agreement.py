#!/usr/bin/env python3
"""How close a reduced-precision EmbeddingGemma (`--bf16`, `--int8`) stays to
f32 on real text: embeds every quote of a gold directory, and the paragraph
around it, with and without the option, and prints the cosines' count,
minimum and mean. Dev-only; the gold files are read, never copied.

    python3 scripts/precision_agreement.py .cache/realnews-gold bf16 [--split dev]
"""
import argparse
import json
import math
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "quotestance"


def texts(gold: Path, split: str | None) -> list[str]:
    out = []
    for path in sorted(gold.glob("*.json")):
        doc = json.loads(path.read_text())
        if split and doc.get("split") != split:
            continue
        raw = doc["text"].encode()
        for q in doc["quotes"]:
            out.append(raw[q["start"]:q["end"]].decode())
            # The paragraph: from the blank line before the quote to the one after.
            start = raw.rfind(b"\n\n", 0, q["start"])
            end = raw.find(b"\n\n", q["end"])
            para = raw[start + 2 if start >= 0 else 0:end if end >= 0 else len(raw)]
            out.append(para.decode().strip())
    return [" ".join(t.split()) for t in dict.fromkeys(out) if t.strip()]


def embed(path: Path, options: list[str]) -> list[list[float]]:
    cmd = [str(BIN), "embed", str(path), "--model", "gemma", "--offline", "--device", "cpu", *options]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return [json.loads(line)["embedding"] for line in out.splitlines()]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path)
    ap.add_argument("option", choices=["bf16", "int8"], help="the reduced precision to check")
    ap.add_argument("--split")
    args = ap.parse_args()
    items = texts(args.gold, args.split)
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as f:
        f.write("\n".join(items) + "\n")
        f.flush()
        full = embed(Path(f.name), [])
        reduced = embed(Path(f.name), ["--" + args.option])
    cos = []
    for a, b in zip(full, reduced):
        dot = sum(x * y for x, y in zip(a, b))
        cos.append(dot / math.sqrt(sum(x * x for x in a) * sum(y * y for y in b)))
    print(f"--{args.option}: {len(cos)} texts, cosine to f32 min {min(cos):.5f}, mean {sum(cos) / len(cos):.5f}")


if __name__ == "__main__":
    main()
