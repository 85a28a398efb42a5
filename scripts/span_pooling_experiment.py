#!/usr/bin/env python3
"""Quote embeddings read in context, tried outside the tool.

Encodes each quote's paragraph once with EmbeddingGemma (classification
prompt) and mean-pools the quote's own tokens from that pass (then the
model's dense layers and normalisation), instead of embedding the quote on its
own. Fits a class-balanced logistic regression on the real-news train split
and prints stance macro-F1 on its dev split for: the quote alone, the quote
in context, the paragraph, and their combinations. Would one pass per
paragraph serve as well as separate quote texts (half the encoder's tokens)?

    .venv-bench/bin/python scripts/span_pooling_experiment.py \
        .cache/realnews-gold ~/.cache/quotestance/models/embeddinggemma-300m

Needs torch, sentence-transformers and scikit-learn (the benchmark
environment has them); a few minutes on two cores.
"""
import glob
import json
import sys

import numpy as np
import torch
from sentence_transformers import SentenceTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

LABELS = ["optimistic", "skeptical", "critical", "neutral"]


def quotes(gold_dir):
    rows = []
    for path in sorted(glob.glob(f"{gold_dir}/*.json")):
        g = json.load(open(path, encoding="utf-8"))
        text = g["text"]
        for q in g["quotes"]:
            cs, ce = q["char_start"], q["char_end"]
            ps = text.rfind("\n", 0, cs) + 1
            pe = text.find("\n", ce)
            pe = len(text) if pe < 0 else pe
            rows.append({"dev": g["split"] == "dev", "y": LABELS.index(q["stance"]), "quote": text[cs:ce],
                         "para": text[ps:pe], "qs": cs - ps, "qe": ce - ps})
    return rows


def main(gold_dir, model_dir):
    torch.set_num_threads(2)
    st = SentenceTransformer(model_dir, device="cpu").eval()
    prompt = st.prompts["Classification"]
    rows = quotes(gold_dir)

    def project(pooled):
        features = {"sentence_embedding": pooled}
        for module in list(st)[2:]:
            features = module(features)
        return features["sentence_embedding"]

    paras = sorted({r["para"] for r in rows}, key=len)
    states = {}
    with torch.inference_mode():
        for i in range(0, len(paras), 8):
            chunk = paras[i:i + 8]
            enc = st.tokenizer([prompt + p for p in chunk], padding=True, truncation=True, max_length=256,
                               return_offsets_mapping=True, return_tensors="pt")
            offsets = enc.pop("offset_mapping")
            hidden = st[0]({"input_ids": enc["input_ids"], "attention_mask": enc["attention_mask"]})["token_embeddings"]
            for j, p in enumerate(chunk):
                states[p] = (hidden[j], offsets[j], enc["attention_mask"][j])
        alone = st.encode([r["quote"] for r in rows], prompt_name="Classification", batch_size=16,
                          normalize_embeddings=True)
        pooled = []
        for r in rows:
            hidden, offsets, mask = states[r["para"]]
            n = len(prompt)
            real = [k for k in range(len(offsets)) if mask[k]]
            own = [k for k in real if offsets[k][1] > offsets[k][0]
                   and offsets[k][0] - n < r["qe"] and offsets[k][1] - n > r["qs"]] or real
            pooled.append(torch.stack([hidden[own].mean(0), hidden[real].mean(0)]))
        pooled = torch.stack(pooled)
        in_context, paragraph = project(pooled[:, 0]).numpy(), project(pooled[:, 1]).numpy()
    y = np.array([r["y"] for r in rows])
    dev = np.array([r["dev"] for r in rows])
    print(f"{len(rows)} quotes, {int((~dev).sum())} train, {int(dev.sum())} dev")
    for c in [0.3, 1.0, 3.0]:
        for name, x in [("quote alone", alone), ("quote in context", in_context), ("paragraph", paragraph),
                        ("quote alone + paragraph", np.hstack([alone, paragraph])),
                        ("quote in context + paragraph", np.hstack([in_context, paragraph])),
                        ("both quotes + paragraph", np.hstack([alone, in_context, paragraph]))]:
            m = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(x[~dev], y[~dev])
            print(f"C={c:<4} {name:30s} dev macro-F1 {f1_score(y[dev], m.predict(x[dev]), average='macro'):.3f}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
