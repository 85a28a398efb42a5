#!/usr/bin/env bash
# `make bench`: builds quotestance, sets up the Python reference stack in
# .venv-bench (pinned in bench/requirements.txt) and runs bench/bench.py.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release
target/release/quotestance model fetch
if [ ! -x .venv-bench/bin/python ]; then
  python3 -m venv .venv-bench
  .venv-bench/bin/pip install -q -r bench/requirements.txt
fi
# OPENBLAS_CORETYPE/L2_SIZE slow a current numpy here: unset for this run only.
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE .venv-bench/bin/python bench/bench.py
