#!/usr/bin/env python3
"""Writes tests/fixtures/reference_embeddings_gemma.json: sentence-transformers'
EmbeddingGemma embeddings of a fixed list of texts, each with a task prompt,
the reference the Rust encoder must match (cosine >= 0.9999). Dev-only; not
run by CI.

    python3 -m venv .venv-bench && .venv-bench/bin/pip install -r bench/requirements.txt
    .venv-bench/bin/python scripts/reference_embeddings_gemma.py ~/.cache/quotestance/models/embeddinggemma-300m
"""
import json
import sys
from pathlib import Path

import torch
from sentence_transformers import SentenceTransformer

from reference_embeddings import LONG, SENTENCES

# Longer than the 512-token sliding window, so the window's mask is exercised.
VERY_LONG = " ".join(
    f"Section {i}: the fictional envoy Maren Osei said the channel between the two "
    f"militaries, dormant since incident {i}, could reopen if both sides agreed on "
    "rules for close encounters at sea and in the air, and on who answers the phone."
    for i in range(30)
)

PROMPTS = ["Classification", "Clustering", "STS", "query", "document"]


def main() -> None:
    model_dir = sys.argv[1]
    torch.manual_seed(0)
    model = SentenceTransformer(model_dir, device="cpu")
    texts = SENTENCES + [VERY_LONG]
    items = []
    for i, text in enumerate(texts):
        prompt_name = PROMPTS[i % len(PROMPTS)]
        prompt = model.prompts[prompt_name]
        emb = model.encode([text], prompt_name=prompt_name, normalize_embeddings=True, batch_size=1)[0]
        tokens = len(model.tokenizer(prompt + text, truncation=False)["input_ids"])
        items.append({"text": text, "prompt": prompt, "tokens": tokens,
                      "embedding": [round(float(x), 7) for x in emb]})
    out = {"model": "google/embeddinggemma-300m", "max_seq_length": model.max_seq_length,
           "items": items}
    path = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "reference_embeddings_gemma.json"
    path.write_text(json.dumps(out, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path} ({len(items)} texts; tokens: {[it['tokens'] for it in items]})")


if __name__ == "__main__":
    main()
