#!/usr/bin/env python3
"""`make bench`: quotestance against the Python stack it replaces, measured in
one run on the same machine with the same thread count and the same model files.

1. MiniLM encoder throughput (sentences/s, tokenize → pooled normalised
   embedding) at batch sizes 1, 8, 32, 128 over the written training quotes:
   quotestance vs sentence-transformers (PyTorch) vs ONNX Runtime; ratios, and
   quotestance's achieved GFLOP/s against the machine's nominal fp32 peak.
2. End to end with MiniLM: `quotestance classify` on 1,000 generated articles
   (variations of the gold articles): articles/s and peak RSS.
3. Cold start with MiniLM: whole-process time and peak RSS to classify the
   seed article, quotestance vs the Python reference process.
4. EmbeddingGemma: encoder throughput at batch 1 and 32 against
   sentence-transformers (PyTorch) and ONNX Runtime (the graph exported by
   bench/export_gemma_onnx.py from the same weights), all with the
   classification prompt; `--bf16` against PyTorch in bf16; and `classify`
   end to end on 50 generated articles, in f32 and with `--bf16`.
"""
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BIN = ROOT / "target" / "release" / "quotestance"
MODELS = Path(os.environ.get("QUOTESTANCE_MODELS") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "quotestance" / "models")
PY = sys.executable
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
ENV = dict(os.environ, RAYON_NUM_THREADS=str(THREADS), OMP_NUM_THREADS=str(THREADS), MKL_NUM_THREADS=str(THREADS),
           TOKENIZERS_PARALLELISM="false", HF_HUB_OFFLINE="1")


def run_measured(cmd, **kw):
    """Runs cmd; returns (stdout, wall seconds, peak RSS of that child in MB)."""
    start = time.perf_counter()
    # A fresh /usr/bin/time per command gives that command's own peak RSS.
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, capture_output=True, text=True, env=ENV, cwd=ROOT, **kw)
    wall = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd))} failed:\n{p.stderr[-2000:]}")
    rss_kb = int(p.stderr.strip().splitlines()[-1])
    return p.stdout, wall, rss_kb / 1024


def sentences_file():
    path = OUT / "sentences.txt"
    rows = [json.loads(l) for l in (ROOT / "evaluation/train/train.jsonl").read_text(encoding="utf-8").splitlines()]
    path.write_text("".join(r["quote"] + "\n" for r in rows), encoding="utf-8")
    return path


def articles_dir(n):
    d = OUT / f"articles-{n}"
    d.mkdir(parents=True, exist_ok=True)
    sources = sorted((ROOT / "evaluation/articles").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    texts = [s.read_text(encoding="utf-8") for s in sources]
    for i in range(n):
        paras = texts[i % len(texts)].splitlines()
        # A variation: rotate the paragraphs after the first, so articles differ.
        k = 1 + (i // len(texts)) % max(1, len(paras) - 1)
        body = [paras[0]] + paras[k:] + paras[1:k]
        (d / f"a{i:04d}.txt").write_text("\n".join(body) + "\n", encoding="utf-8")
    return d


def flops_per_sentence(tokens, hidden=384, inter=1536, layers=6):
    # Multiply-adds count 2 FLOPs: QKV+output projections, feed-forward, attention scores and mix.
    return layers * (2 * tokens * (4 * hidden * hidden + 2 * hidden * inter) + 4 * tokens * tokens * hidden)


def end_to_end(n, model="minilm", label="2. End to end", options=()):
    arts = articles_dir(n)
    out, wall, rss = run_measured([str(BIN), "classify", str(arts), "--offline", "--quiet", "--format", "jsonl", "--device", "cpu", "--model", model, *options])
    # Articles per second depends on how many quotes the gold articles hold (the
    # mix grows as articles are added), so quotes per second is printed too.
    quotes = sum(len(json.loads(line).get("quotes", [])) for line in out.splitlines() if line.strip())
    print(f"\n{label} ({model}{''.join(' ' + o for o in options)}): classify {n:,} articles ({quotes:,} quotes): {n / wall:.1f} articles/s, "
          f"{quotes / wall:.0f} quotes/s ({wall:.1f} s), peak RSS {rss:.0f} MB", flush=True)
    return {"articles": n, "quotes": quotes, "seconds": wall, "articles_per_second": n / wall,
            "quotes_per_second": quotes / wall, "peak_rss_mb": rss}


def cpu_info():
    """The CPU's model name, its widest vector extension and its nominal fp32
    FLOP per cycle and core, from /proc/cpuinfo. Two FMA pipes are assumed:
    512 bits wide on Intel's AVX-512 cores, 256 on AMD's (Zen 4 issues
    AVX-512 as two 256-bit halves) and on AVX2 cores, 128 otherwise."""
    name, vendor, flags = "unknown", "", set()
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name") and name == "unknown":
            name = line.split(":", 1)[1].strip()
        if line.startswith("vendor_id") and not vendor:
            vendor = line.split(":", 1)[1].strip()
        if line.startswith("flags") and not flags:
            flags = set(line.split(":", 1)[1].split())
    if "avx512f" in flags:
        vec, lanes = "AVX-512", 8 if vendor == "AuthenticAMD" else 16
    elif "avx2" in flags and "fma" in flags:
        vec, lanes = "AVX2", 8
    else:
        vec, lanes = "SSE/other", 4
    return f"{name}, {vec}", 2 * 2 * lanes  # two pipes × FMA (2 FLOP) × lanes


def gemma_section(sents):
    """EmbeddingGemma against PyTorch and ONNX Runtime at batch 1 and 32, then end to end."""
    # A quarter of the quotes keeps the slower model's run to a few minutes.
    lines = sents.read_text(encoding="utf-8").splitlines()[:300]
    few = OUT / "sentences-300.txt"
    few.write_text("".join(l + "\n" for l in lines), encoding="utf-8")
    rust_out, _, _ = run_measured([str(BIN), "bench-encoder", str(few), "--offline", "--device", "cpu", "--model", "gemma",
                                   "--batch-sizes", "1,32", "--repeat", "1"])
    rust = json.loads(rust_out)
    onnx = OUT / "embeddinggemma.onnx"
    if not onnx.exists():
        run_measured([PY, "bench/export_gemma_onnx.py", str(MODELS / "embeddinggemma-300m"), str(onnx)])
    ref_out, _, _ = run_measured([PY, "bench/reference.py", str(few), "--threads", str(THREADS), "--model", str(MODELS / "embeddinggemma-300m"),
                                  "--prompt-name", "Classification", "--onnx", str(onnx), "--onnx-pooled", "--batch-sizes", "1,32", "--repeat", "1"])
    torch_res, ort_res = [json.loads(l) for l in ref_out.strip().splitlines()[-2:]]
    print(f"\n4. EmbeddingGemma encoder throughput (sentences/s; {len(lines)} quotes, classification prompt)")
    print(f"{'batch':>5} {'quotestance':>12} {'PyTorch':>9} {'ONNX RT':>9} {'vs PyTorch':>11} {'vs ONNX RT':>11}")
    rows = []
    for r, t, o in zip(rust["results"], torch_res["results"], ort_res["results"]):
        q, p, x = r["sentences_per_second"], t["sentences_per_second"], o["sentences_per_second"]
        rows.append({"batch_size": r["batch_size"], "quotestance": q, "pytorch": p, "onnxruntime": x,
                     "ratio_pytorch": q / p, "ratio_onnxruntime": q / x})
        print(f"{r['batch_size']:>5} {q:>12.1f} {p:>9.1f} {x:>9.1f} {q / p:>10.2f}× {q / x:>10.2f}×")
    # `--bf16` (bf16 products, f32 sums) against PyTorch with bf16 weights and activations.
    rust_out, _, _ = run_measured([str(BIN), "bench-encoder", str(few), "--offline", "--device", "cpu", "--model", "gemma", "--bf16",
                                   "--batch-sizes", "1,32", "--repeat", "1"])
    ref_out, _, _ = run_measured([PY, "bench/reference.py", str(few), "--threads", str(THREADS), "--model", str(MODELS / "embeddinggemma-300m"),
                                  "--prompt-name", "Classification", "--bf16", "--batch-sizes", "1,32", "--repeat", "1"])
    bf16_rows = []
    print(f"\n   bf16: quotestance --bf16 against PyTorch in bf16 (sentences/s)")
    for r, t in zip(json.loads(rust_out)["results"], json.loads(ref_out.strip().splitlines()[-1])["results"]):
        q, p = r["sentences_per_second"], t["sentences_per_second"]
        bf16_rows.append({"batch_size": r["batch_size"], "quotestance": q, "pytorch": p, "ratio_pytorch": q / p})
        print(f"{r['batch_size']:>5} {q:>12.1f} {p:>9.1f} {'':>9} {q / p:>10.2f}×")
    e2e = end_to_end(50, "gemma", "   End to end")
    e2e_bf16 = end_to_end(50, "gemma", "   End to end", ["--bf16"])
    return {"encoder": rows, "end_to_end": e2e, "bf16": {"encoder": bf16_rows, "end_to_end": e2e_bf16}}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    # `bench.py --memory N [MODEL]`: only the end-to-end run, over N articles
    # (the 10,000-article memory check; ~7 minutes with MiniLM on 2 cores).
    if len(sys.argv) in (3, 4) and sys.argv[1] == "--memory":
        end_to_end(int(sys.argv[2]), sys.argv[3] if len(sys.argv) == 4 else "minilm", "Memory")
        return
    sents = sentences_file()
    print(f"machine: {os.cpu_count()} vCPUs, {THREADS} threads for every implementation", flush=True)
    cpu, flops_per_cycle = cpu_info()
    print(f"cpu: {cpu}", flush=True)
    rust_out, _, _ = run_measured([str(BIN), "bench-encoder", str(sents), "--offline", "--device", "cpu", "--model", "minilm"])
    rust = json.loads(rust_out)
    ref_out, _, _ = run_measured([PY, "bench/reference.py", str(sents), "--threads", str(THREADS), "--model", str(MODELS / "all-MiniLM-L6-v2")])
    torch_res, ort_res = [json.loads(l) for l in ref_out.strip().splitlines()[-2:]]

    # Token lengths for FLOP counting (real tokens, no padding).
    embedded = subprocess.run([str(BIN), "embed", str(sents), "--offline", "--device", "cpu", "--model", "minilm"],
                              capture_output=True, text=True, env=ENV, cwd=ROOT, check=True).stdout
    lengths = [json.loads(l)["tokens"] for l in embedded.splitlines()]
    total_flops = sum(flops_per_sentence(t) for t in lengths)
    mhz = 0.0
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("cpu MHz"):
            mhz = float(line.split(":")[1])
            break
    peak = THREADS * mhz * 1e6 * flops_per_cycle / 1e9

    print("\n1. Encoder throughput (sentences/s; %d quotes, mean %.1f tokens)" % (len(lengths), sum(lengths) / len(lengths)))
    print(f"{'batch':>5} {'quotestance':>12} {'PyTorch':>9} {'ONNX RT':>9} {'vs PyTorch':>11} {'vs ONNX RT':>11} {'GFLOP/s':>8} {'% of peak':>9}")
    rows = []
    for r, t, o in zip(rust["results"], torch_res["results"], ort_res["results"]):
        q = r["sentences_per_second"]
        gflops = total_flops / r["seconds"] / 1e9
        rows.append({"batch_size": r["batch_size"], "quotestance": q, "pytorch": t["sentences_per_second"], "onnxruntime": o["sentences_per_second"],
                     "ratio_pytorch": q / t["sentences_per_second"], "ratio_onnxruntime": q / o["sentences_per_second"], "gflops": gflops})
        print(f"{r['batch_size']:>5} {q:>12.1f} {t['sentences_per_second']:>9.1f} {o['sentences_per_second']:>9.1f} {q / t['sentences_per_second']:>10.2f}× {q / o['sentences_per_second']:>10.2f}× {gflops:>8.1f} {100 * gflops / peak:>8.1f}%")
    print(f"(peak estimate {peak:.0f} GFLOP/s = {THREADS} threads × {mhz:.0f} MHz reported clock × {flops_per_cycle} fp32 FLOP/cycle; FLOPs counted on real tokens)")
    if max(r["gflops"] for r in rows) > peak:
        print("(measured throughput exceeds that estimate: the CPU runs above its reported clock or retires more FLOP/cycle, so % of peak is an upper bound)")

    e2e = end_to_end(1000)

    seed = ROOT / "seeds" / "000_military_channels.txt"
    colds = [run_measured([str(BIN), "classify", str(seed), "--offline", "--device", "cpu", "--format", "json", "--model", "minilm"]) for _ in range(3)]
    pys = [run_measured([PY, "bench/cold_python.py", str(seed), str(MODELS / "all-MiniLM-L6-v2")]) for _ in range(3)]
    q_wall = sorted(c[1] for c in colds)[1]
    p_wall = sorted(p[1] for p in pys)[1]
    q_rss = max(c[2] for c in colds)
    p_rss = max(p[2] for p in pys)
    print(f"\n3. Cold start, seed article (median of 3): quotestance {q_wall:.2f} s, {q_rss:.0f} MB; Python reference {p_wall:.2f} s, {p_rss:.0f} MB; {p_wall / q_wall:.1f}× faster")
    gemma = gemma_section(sents)
    summary = {"cpu": cpu, "threads": THREADS, "peak_gflops": peak, "encoder": rows, "implementations": [rust["impl"], torch_res["impl"], ort_res["impl"]],
               "end_to_end": e2e, "gemma": gemma,
               "cold_start": {"quotestance_seconds": q_wall, "quotestance_rss_mb": q_rss, "python_seconds": p_wall, "python_rss_mb": p_rss}}
    (OUT / "summary.json").write_text(json.dumps(summary, indent=1) + "\n")


if __name__ == "__main__":
    main()
