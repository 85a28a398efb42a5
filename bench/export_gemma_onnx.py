#!/usr/bin/env python3
"""Exports EmbeddingGemma to ONNX from the same local weights quotestance
reads (the sentence-transformers layout in the per-user model cache), for
`make bench`'s ONNX Runtime column. The graph takes `input_ids` and
`attention_mask` and returns the finished sentence embedding (mean pooling,
both dense layers, L2 normalisation), so ONNX Runtime does everything the
Rust encoder does after tokenising. Checks the export against
sentence-transformers before keeping it.

usage: export_gemma_onnx.py MODEL_DIR OUT.onnx
"""
import sys
from pathlib import Path

import numpy as np


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    model_dir, out = Path(sys.argv[1]), Path(sys.argv[2])
    import onnxruntime as ort
    import torch
    from sentence_transformers import SentenceTransformer

    st = SentenceTransformer(str(model_dir), device="cpu").eval()
    # Eager attention traces to plain ONNX operators; the model's bidirectional
    # mask comes from its config either way.
    st[0].auto_model.config._attn_implementation = "eager"

    class Pooled(torch.nn.Module):
        """Token ids and mask in, normalised sentence embedding out. The
        attention masks are built here, as plain tensor operations, because
        the library's mask builder does not trace: every token sees every
        other real token, and on sliding-window layers only those less than
        the window away (the model's bidirectional rule)."""

        def __init__(self, st):
            super().__init__()
            self.st = st
            self.window = st[0].auto_model.config.sliding_window

        def forward(self, input_ids, attention_mask):
            seq = torch.arange(input_ids.shape[1])
            keys = attention_mask[:, None, None, :].bool()
            near = (seq[:, None] - seq[None, :]).abs() < self.window
            blocked = torch.finfo(torch.float32).min

            def additive(allowed):
                return torch.zeros(allowed.shape, dtype=torch.float32).masked_fill(~allowed, blocked)

            masks = {"full_attention": additive(keys), "sliding_attention": additive(keys & near[None, None])}
            hidden = self.st[0].auto_model(input_ids=input_ids, attention_mask=masks).last_hidden_state
            features = {"token_embeddings": hidden, "attention_mask": attention_mask}
            for module in list(self.st)[1:]:
                features = module(features)
            return features["sentence_embedding"]

    texts = ["task: classification | query: The envoys met for the first time in a year.",
             "task: classification | query: Short.",
             "task: classification | query: Ministers said the channel would reopen after a long pause, "
             "although neither side named a date, and observers doubted it would hold."]
    enc = st.tokenizer(texts, padding=True, return_tensors="pt")
    tmp = out.with_suffix(".partial")
    with torch.inference_mode():
        torch.onnx.export(
            Pooled(st), (enc["input_ids"], enc["attention_mask"]), str(tmp),
            input_names=["input_ids", "attention_mask"], output_names=["sentence_embedding"],
            dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                          "sentence_embedding": {0: "batch"}},
            opset_version=17, dynamo=False,
        )
        expected = st.encode(texts, normalize_embeddings=True)
    sess = ort.InferenceSession(str(tmp), providers=["CPUExecutionProvider"])

    def run(batch):
        enc = st.tokenizer(batch, padding=True, return_tensors="np")
        return sess.run(None, {"input_ids": enc["input_ids"].astype(np.int64),
                               "attention_mask": enc["attention_mask"].astype(np.int64)})[0]

    # One text at a time and all together (padded), to check the dynamic axes and the mask.
    got = np.concatenate([run([t]) for t in texts] + [run(texts)])
    want = np.concatenate([expected, expected])
    cos = (got * want).sum(1) / (np.linalg.norm(got, axis=1) * np.linalg.norm(want, axis=1))
    if cos.min() < 0.9999:
        tmp.unlink()
        sys.exit(f"the ONNX export disagrees with sentence-transformers (cosine {cos.min():.6f}); not kept")
    tmp.replace(out)
    print(f"wrote {out}: matches sentence-transformers (cosine ≥ {cos.min():.6f} on {len(texts)} texts, alone and padded)")


if __name__ == "__main__":
    main()
