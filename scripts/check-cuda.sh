#!/usr/bin/env bash
# Compiles the CUDA build on a machine with no GPU and no system CUDA.
#
# The CUDA compiler, headers and link libraries come from NVIDIA's PyPI
# wheels, installed into .cuda-toolkit/ (gitignored). The `-cu12` nvcc wheels
# ship only ptxas (no `nvcc` driver), so this uses the CUDA 13.0 wheels, which
# have the whole compiler (nvcc + nvvm). The kernels are built for
# CUDA_COMPUTE_CAP (default 80) since there is no GPU to ask.
#
#   bash scripts/check-cuda.sh            # cargo build --release --features cuda
#   CUDA_COMPUTE_CAP=89 bash scripts/check-cuda.sh
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLKIT="$PWD/.cuda-toolkit"
CUDA_VERSION=13.0
PACKAGES=(
  nvidia-cuda-nvcc==13.0.88
  nvidia-nvvm==13.0.88
  nvidia-cuda-crt==13.0.88
  nvidia-cuda-runtime==13.0.96
  nvidia-cuda-cccl==13.0.85
  nvidia-cuda-nvrtc==13.0.88
  nvidia-cublas==13.0.2.14
  nvidia-curand==10.4.0.35
)
STAMP="$TOOLKIT/.installed-$(printf '%s\n' "${PACKAGES[@]}" | sha256sum | cut -c1-16)"

if [[ ! -f "$STAMP" ]]; then
  echo "check-cuda: installing the CUDA $CUDA_VERSION toolkit wheels into .cuda-toolkit/" >&2
  rm -rf "$TOOLKIT"
  python3 -m pip install --quiet --no-deps --target "$TOOLKIT" "${PACKAGES[@]}"
  touch "$STAMP"
fi

CUDA_HOME="$TOOLKIT/nvidia/cu13"
[[ -x "$CUDA_HOME/bin/nvcc" ]] || { echo "check-cuda: no nvcc in $CUDA_HOME/bin" >&2; exit 2; }
LIB="$CUDA_HOME/lib"
# The wheels ship versioned sonames only; the linker wants the plain names.
for so in "$LIB"/lib*.so.[0-9]*; do
  base="${so%%.so.*}.so"
  [[ -e "$base" ]] || ln -s "$(basename "$so")" "$base"
done

export CUDA_HOME CUDA_PATH="$CUDA_HOME" PATH="$CUDA_HOME/bin:$PATH"
export CUDA_COMPUTE_CAP="${CUDA_COMPUTE_CAP:-80}"
export CUDARC_CUDA_VERSION="13000"
STUBS="$TOOLKIT/stubs"
export LIBRARY_PATH="$LIB:$STUBS${LIBRARY_PATH:+:$LIBRARY_PATH}"
export RUSTFLAGS="${RUSTFLAGS:-} -L native=$LIB"
# A target dir of its own: the CUDA feature set would otherwise evict the CPU
# build's artefacts each time.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target/cuda}"

nvcc --version | tail -2 >&2
echo "check-cuda: cargo build --release --features cuda (compute cap $CUDA_COMPUTE_CAP)" >&2
# The library first (no linking yet): this compiles the CUDA kernels with nvcc.
cargo build --release --features cuda --lib

# libcuda.so belongs to the GPU driver, not the toolkit wheels, and this
# machine has no driver. Like the toolkit's own stubs/libcuda.so, build a
# stand-in that defines every driver function cudarc calls (each returns
# CUDA_ERROR_UNKNOWN) so the binary links; on a GPU machine the real driver
# library is found at run time under the same soname (the stub is only ever
# named libcuda.so, in a directory of its own, so the loader never picks it).
if [[ ! -e "$STUBS/libcuda.so" ]]; then
  mkdir -p "$STUBS"
  RLIB=$(ls "$CARGO_TARGET_DIR"/release/deps/libcudarc-*.rlib | head -1)
  SYMBOLS=$(nm -u "$RLIB" 2>/dev/null | awk '{print $2}' | grep -E '^cu[A-Z]' | sort -u)
  [[ -n "$SYMBOLS" ]] || { echo "check-cuda: found no driver symbols in $RLIB" >&2; exit 2; }
  STUB_SRC="$TOOLKIT/libcuda-stub.c"
  for sym in $SYMBOLS; do echo "int $sym(void) { return 999; }"; done > "$STUB_SRC"
  cc -shared -fPIC -Wl,-soname,libcuda.so.1 -o "$STUBS/libcuda.so" "$STUB_SRC"
  echo "check-cuda: linked against a driver stub with $(echo "$SYMBOLS" | wc -l) symbols" >&2
fi

cargo build --release --features cuda
cargo clippy --release --features cuda --all-targets -- -D warnings
echo "check-cuda: OK: $CARGO_TARGET_DIR/release/quotestance built with CUDA $CUDA_VERSION" >&2
