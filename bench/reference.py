#!/usr/bin/env python3
"""The Python reference encoders, timed like `quotestance bench-encoder`:
sentence-transformers on PyTorch, and the same model exported once to ONNX and
run by ONNX Runtime (with the same masked mean pooling and normalisation).
Prints one JSON object per implementation."""
import argparse
import json
import os
import statistics
import time
from pathlib import Path

import numpy as np


def timed(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sentences")
    ap.add_argument("--model", required=True, help="the model directory (sentence-transformers layout)")
    ap.add_argument("--prompt-name", help="a sentence-transformers prompt put before every text (EmbeddingGemma)")
    ap.add_argument("--no-onnx", action="store_true", help="PyTorch only")
    ap.add_argument("--bf16", action="store_true",
                    help="PyTorch with bf16 weights and activations (implies --no-onnx): the reference for `--bf16`")
    ap.add_argument("--batch-sizes", default="1,8,32,128")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--onnx", default="bench/out/minilm.onnx",
                    help="the ONNX file: exported here from --model when missing (BERT), or made by "
                         "bench/export_gemma_onnx.py (its output is the finished embedding)")
    ap.add_argument("--onnx-pooled", action="store_true",
                    help="the ONNX graph takes input_ids and attention_mask and returns the pooled, normalised embedding")
    args = ap.parse_args()
    sentences = [l for l in Path(args.sentences).read_text(encoding="utf-8").splitlines() if l.strip()]
    sizes = [int(b) for b in args.batch_sizes.split(",")]

    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(args.threads)
    model = SentenceTransformer(args.model, device="cpu")
    if args.bf16:
        model = model.to(torch.bfloat16)
    results = []
    kw = {"prompt_name": args.prompt_name} if args.prompt_name else {}
    for bs in sizes:
        model.encode(sentences[:64], batch_size=bs, normalize_embeddings=True, **kw)
        with torch.inference_mode():
            t = timed(lambda: model.encode(sentences, batch_size=bs, normalize_embeddings=True, **kw), args.repeat)
        results.append({"batch_size": bs, "sentences": len(sentences), "seconds": t, "sentences_per_second": len(sentences) / t})
    dtype = ", bf16" if args.bf16 else ""
    print(json.dumps({"impl": f"sentence-transformers (PyTorch {torch.__version__}{dtype})", "threads": torch.get_num_threads(), "results": results}))
    if args.no_onnx or args.bf16:
        return
    # The same texts the PyTorch run saw: the prompt goes in front.
    prompt = model.prompts.get(args.prompt_name, "") if args.prompt_name else ""
    sentences = [prompt + s for s in sentences]
    del model

    # ONNX Runtime: export once from the same weights.
    import onnxruntime as ort
    from transformers import AutoModel, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(args.model)
    onnx_path = Path(args.onnx)
    if args.onnx_pooled and not onnx_path.exists():
        raise SystemExit(f"{onnx_path} is missing: make it with bench/export_gemma_onnx.py")
    if not onnx_path.exists():
        onnx_path.parent.mkdir(parents=True, exist_ok=True)
        hf = AutoModel.from_pretrained(args.model).eval()

        class Wrapped(torch.nn.Module):
            """Keyword arguments in a fixed order, whatever the library's signature."""

            def __init__(self, m):
                super().__init__()
                self.m = m

            def forward(self, input_ids, attention_mask, token_type_ids):
                return self.m(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state

        enc = tok(["a sample sentence"], return_tensors="pt")
        torch.onnx.export(
            Wrapped(hf), (enc["input_ids"], enc["attention_mask"], enc["token_type_ids"]), str(onnx_path),
            input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["last_hidden_state"],
            dynamic_axes={n: {0: "batch", 1: "seq"} for n in ["input_ids", "attention_mask", "token_type_ids", "last_hidden_state"]},
            opset_version=17, dynamo=False,
        )
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = args.threads
    opts.inter_op_num_threads = 1
    sess = ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])

    def ort_encode(batch):
        out = []
        order = sorted(range(len(batch)), key=lambda i: len(batch[i]))
        for i in range(0, len(order), bs):
            chunk = [batch[j] for j in order[i:i + bs]]
            enc = tok(chunk, padding=True, truncation=True, max_length=256, return_tensors="np")
            if args.onnx_pooled:
                out.append(sess.run(None, {k: enc[k].astype(np.int64) for k in ["input_ids", "attention_mask"]})[0])
                continue
            hidden = sess.run(None, {k: enc[k].astype(np.int64) for k in ["input_ids", "attention_mask", "token_type_ids"]})[0]
            mask = enc["attention_mask"][..., None].astype(np.float32)
            pooled = (hidden * mask).sum(1) / np.clip(mask.sum(1), 1e-9, None)
            out.append(pooled / np.linalg.norm(pooled, axis=1, keepdims=True))
        return out

    results = []
    for bs in sizes:
        ort_encode(sentences[:64])
        t = timed(lambda: ort_encode(sentences), args.repeat)
        results.append({"batch_size": bs, "sentences": len(sentences), "seconds": t, "sentences_per_second": len(sentences) / t})
    print(json.dumps({"impl": f"ONNX Runtime {ort.__version__}", "threads": args.threads, "results": results}))


if __name__ == "__main__":
    main()
