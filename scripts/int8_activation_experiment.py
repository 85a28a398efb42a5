#!/usr/bin/env python3
"""Would 8-bit inputs keep EmbeddingGemma's embeddings close enough to f32
for an integer (AVX-512 VNNI) product? Simulated in PyTorch, not run in the
tool: every linear map of the transformer layers gets int8 weights (one scale
per output, or per block of 32 inputs as Q8_0) and, optionally, inputs
rounded to 8 bits with one scale per row (token); the cosine of each text's
embedding to the f32 one is printed (minimum and mean). The kept bar is a
minimum of 0.999. Texts: the quotes of a gold directory and their
paragraphs (read, never copied). Needs the bench's Python stack:

    .venv-bench/bin/python scripts/int8_activation_experiment.py .cache/realnews-gold --split dev --limit 240
"""
import argparse
import os
import sys
from pathlib import Path

import torch
from sentence_transformers import SentenceTransformer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from precision_agreement import texts  # noqa: E402

MODELS = Path(os.environ.get("QUOTESTANCE_MODELS") or Path.home() / ".cache" / "quotestance" / "models")


def quantize_weight(w: torch.Tensor, scheme: str) -> torch.Tensor:
    if scheme == "per-output":
        s = w.abs().amax(dim=1, keepdim=True) / 127
        return (w / s).round().clamp(-127, 127) * s
    outs, ins = w.shape
    blocks = w.reshape(outs, ins // 32, 32)
    s = blocks.abs().amax(-1, keepdim=True) / 127
    return ((blocks / s).round().clamp(-127, 127) * s).reshape(outs, ins)


def quantize_rows(x: torch.Tensor) -> torch.Tensor:
    s = x.abs().amax(dim=-1, keepdim=True).clamp(min=1e-12) / 127
    return (x / s).round().clamp(-127, 127) * s


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--split")
    ap.add_argument("--limit", type=int, default=240)
    args = ap.parse_args()
    torch.set_num_threads(int(os.environ.get("BENCH_THREADS", "2")))
    ts = texts(args.gold, args.split)[: args.limit]
    model = SentenceTransformer(str(MODELS / "embeddinggemma-300m"), device="cpu")

    def embed():
        with torch.no_grad():
            return model.encode(ts, prompt_name="Classification", batch_size=16, convert_to_tensor=True, normalize_embeddings=True)

    reference = embed()
    linear = [m for name, m in model.named_modules() if isinstance(m, torch.nn.Linear) and ".layers." in name]
    weights = {id(m): m.weight.data.clone() for m in linear}
    print(f"{len(linear)} linear maps, {len(ts)} texts")
    for scheme, rows in [("per-output", False), ("per-output", True), ("blocks-of-32", True)]:
        hooks = []
        for m in linear:
            m.weight.data = quantize_weight(weights[id(m)], scheme)
            if rows:
                hooks.append(m.register_forward_pre_hook(lambda _m, a: (quantize_rows(a[0]),)))
        cos = (embed() * reference).sum(-1)
        for h in hooks:
            h.remove()
        inputs = "inputs int8 per row" if rows else "inputs f32"
        print(f"weights int8 {scheme}, {inputs}: cosine min {cos.min():.5f}, mean {cos.mean():.5f}", flush=True)


if __name__ == "__main__":
    main()
