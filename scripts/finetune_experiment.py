#!/usr/bin/env python3
"""Fine-tuning EmbeddingGemma's top layers for stance, tried outside the tool.

Trains a linear stance head on the quote's embedding (classification prompt,
class-weighted cross-entropy) on the real-news train split, with the top K
transformer layers either frozen (K = 0: the head alone) or fine-tuned with
it, and prints stance macro-F1 on the dev split after every epoch. Does
adapting the encoder beat a frozen one on 80 training articles?

    .venv-bench/bin/python scripts/finetune_experiment.py \
        .cache/realnews-gold ~/.cache/quotestance/models/embeddinggemma-300m K EPOCHS

Needs torch, sentence-transformers and scikit-learn (the benchmark
environment has them); 70-90 s an epoch on two cores.
"""
import glob
import json
import random
import sys
import time

import numpy as np
import torch
from sentence_transformers import SentenceTransformer
from sklearn.metrics import f1_score

LABELS = ["optimistic", "skeptical", "critical", "neutral"]


def quotes(gold_dir):
    rows = []
    for path in sorted(glob.glob(f"{gold_dir}/*.json")):
        g = json.load(open(path, encoding="utf-8"))
        for q in g["quotes"]:
            if q.get("stance") in LABELS:
                text = g["text"][q["char_start"]:q["char_end"]]
                rows.append((g["split"] == "dev", LABELS.index(q["stance"]), text))
    return rows


def main(gold_dir, model_dir, k, epochs):
    torch.set_num_threads(2)
    torch.manual_seed(0)
    random.seed(0)
    rows = quotes(gold_dir)
    train = [r for r in rows if not r[0]]
    dev = [r for r in rows if r[0]]
    st = SentenceTransformer(model_dir, device="cpu")
    prompt = st.prompts["Classification"]
    for p in st.parameters():
        p.requires_grad = False
    layers = st[0].auto_model.layers
    tuned = [p for layer in (layers[len(layers) - k:] if k else []) for p in layer.parameters()]
    for p in tuned:
        p.requires_grad = True
    head = torch.nn.Linear(st.get_sentence_embedding_dimension(), len(LABELS))
    counts = np.bincount([r[1] for r in train], minlength=len(LABELS))
    weights = torch.tensor(len(train) / (len(LABELS) * counts), dtype=torch.float32)
    opt = torch.optim.AdamW([{"params": tuned, "lr": 3e-5, "weight_decay": 0.0},
                             {"params": head.parameters(), "lr": 3e-3, "weight_decay": 0.01}])

    def logits(texts):
        enc = st.tokenizer([prompt + t for t in texts], padding=True, truncation=True, max_length=128,
                           return_tensors="pt")
        out = st({"input_ids": enc["input_ids"], "attention_mask": enc["attention_mask"]})
        return head(torch.nn.functional.normalize(out["sentence_embedding"], dim=-1) * 10)

    print(f"{len(train)} train quotes, {len(dev)} dev quotes; top {k} layers tuned", flush=True)
    for epoch in range(epochs):
        st.train()
        random.shuffle(train)
        started = time.time()
        for i in range(0, len(train), 16):
            batch = train[i:i + 16]
            loss = torch.nn.functional.cross_entropy(logits([r[2] for r in batch]),
                                                     torch.tensor([r[1] for r in batch]), weight=weights)
            opt.zero_grad()
            loss.backward()
            opt.step()
        st.eval()
        with torch.no_grad():
            pred = [int(p) for i in range(0, len(dev), 32)
                    for p in logits([r[2] for r in dev[i:i + 32]]).argmax(-1)]
        f1 = f1_score([r[1] for r in dev], pred, average="macro")
        print(f"epoch {epoch + 1}: dev macro-F1 {f1:.3f} ({time.time() - started:.0f} s)", flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
