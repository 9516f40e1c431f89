#!/usr/bin/env bash
# One-time setup for a fresh Debian/Ubuntu machine: the system packages the tests and the
# lecture build use (numpy as the fixture/benchmark reference, Jupyter as the second notebook
# client, Chromium for screenshots), the npm dependencies, the built library and the tslab kernelspec.
set -euo pipefail
cd "$(dirname "$0")/.."

# gcc, make, python3: node-gyp's tools for the native gemm kernel (native/gemm.c; scripts/build-native.mjs);
# binutils (gcc brings it too): objdump, with which a test checks the kernel holds no fused multiply-add.
# libopenblas0-pthread: numpy as users have it (pip's numpy ships OpenBLAS); without it Debian's numpy
# falls back to the reference BLAS, and bench/ would compare nnlab against a 10x slower numpy.
APT_PACKAGES=(gcc binutils make python3 python3-numpy libopenblas0-pthread python3-nbformat python3-nbclient python3-jupyter-client jupyter-core jupyter-nbconvert
              jupyter-notebook chromium fonts-dejavu-core fonts-liberation bubblewrap)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else SUDO="none"; fi
  if [ "$SUDO" = none ]; then
    echo "setup: missing Debian packages: ${missing[*]} (install them as root: apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "setup: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "setup: npm ci (its postinstall applies patches/ to tslab)"
npm ci --no-audit --no-fund
echo "setup: building dist/"
npm run --silent build
npm rebuild nnlab >/dev/null   # links node_modules/.bin/nnlab now that dist/cli exists
node dist/cli/main.js kernelspec   # the "tslab" kernel for JupyterLab and nbconvert
