#!/usr/bin/env python3
"""Intermediate encoder layers as stance features, tried outside the tool.

Mean-pools EmbeddingGemma's hidden states (classification prompt) after every
layer for each real-news quote and its paragraph, fits a class-balanced
logistic regression on the train split (standardised features) and prints
stance macro-F1 and skeptical F1 on the dev split, beside the model's own
sentence embedding. Would a middle layer, as often for linear probes, beat
the final embedding the heads use?

    .venv-bench/bin/python scripts/layer_probe_experiment.py \
        .cache/realnews-gold ~/.cache/quotestance/models/embeddinggemma-300m

Needs torch, sentence-transformers and scikit-learn (the benchmark
environment has them); about five minutes on two cores.
"""
import sys

import numpy as np
import torch
from sentence_transformers import SentenceTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.preprocessing import StandardScaler

# The real-news quotes with their paragraphs, read as the span pooling
# experiment reads them.
from span_pooling_experiment import quotes  # noqa: E402


def encode(st, texts):
    """Per text: mean-pooled hidden states of every layer, and the final embedding."""
    prompt = st.prompts["Classification"]
    model = st[0].auto_model
    uniq = sorted(set(texts), key=len)
    out = {}
    with torch.inference_mode():
        for i in range(0, len(uniq), 16):
            chunk = uniq[i:i + 16]
            enc = st.tokenizer([prompt + t for t in chunk], padding=True, truncation=True,
                               max_length=256, return_tensors="pt")
            hidden = model(**enc, output_hidden_states=True).hidden_states
            mask = enc["attention_mask"].unsqueeze(-1).float()
            layers = [(h * mask).sum(1) / mask.sum(1) for h in hidden]
            final = st.encode(chunk, prompt_name="Classification", normalize_embeddings=True)
            for j, t in enumerate(chunk):
                out[t] = (np.stack([h[j].numpy() for h in layers]), final[j])
    return (np.stack([out[t][0] for t in texts]), np.stack([out[t][1] for t in texts]))


def main(gold_dir, model_dir):
    torch.set_num_threads(2)
    st = SentenceTransformer(model_dir, device="cpu").eval()
    rows = quotes(gold_dir)
    layers_q, final_q = encode(st, [r["quote"] for r in rows])
    layers_p, final_p = encode(st, [r["para"] for r in rows])
    y = np.array([r["y"] for r in rows])
    dev = np.array([r["dev"] for r in rows])

    def score(x, c):
        x = StandardScaler().fit(x[~dev]).transform(x)
        m = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(x[~dev], y[~dev])
        p = m.predict(x[dev])
        return f1_score(y[dev], p, average="macro"), f1_score(y[dev], p, average=None)[1]

    print(f"{len(rows)} quotes, {int((~dev).sum())} train, {int(dev.sum())} dev; macro-F1 / skeptical F1")
    for c in [0.01, 0.03, 0.1]:
        print(f"C={c}: final embedding, quote %.3f / %.3f, quote + paragraph %.3f / %.3f"
              % (*score(final_q, c), *score(np.hstack([final_q, final_p]), c)))
        for layer in range(4, layers_q.shape[1], 2):
            print(f"  layer {layer:2d}: quote %.3f / %.3f, quote + paragraph %.3f / %.3f"
                  % (*score(layers_q[:, layer], c),
                     *score(np.hstack([layers_q[:, layer], layers_p[:, layer]]), c)))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
