#!/usr/bin/env bash
# Side-by-side race, Descent vs PyTorch (CPU, float64) on an optimized BLAS: same rows, same sizes, same machine, same run.
# Needs the .NET SDK, Debian's python3-torch and an optimized BLAS/LAPACK (apt-get install -y python3-torch
# libopenblas0-pthread; run by hand, not in CI). Prints two tables: one thread on each side, then every core on both.
# Usage: bench/race.sh [--rows mlp,rnn,ss] [--rnn-lengths 10,50,100,200] [--no-hessian]
#        MODES="1 all" (default): which tables; "1" = one thread each, "all" = nproc threads each.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-/usr/bin/python3}
MODES=${MODES:-1 all}
CORES=$(nproc)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $CORES cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
echo ".NET $(dotnet --version), torch $("$PYTHON" -c 'import torch; print(torch.__version__)'), numpy $("$PYTHON" -c 'import numpy; print(numpy.__version__)'), Python $("$PYTHON" -c 'import platform; print(platform.python_version())')"

# Which BLAS/LAPACK Debian's alternatives select (what libblas.so.3 / liblapack.so.3 resolve to for every process).
arch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)
for lib in libblas.so.3 liblapack.so.3; do
  if command -v update-alternatives >/dev/null && update-alternatives --query "$lib-$arch" >/dev/null 2>&1; then
    echo "alternatives: $lib -> $(update-alternatives --query "$lib-$arch" | awk '/^Value:/ {print $2}')"
  fi
done

dotnet build -c Release bench/Descent.Race -v q --nologo >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
status=0
for mode in $MODES; do
  if [ "$mode" = 1 ]; then threads=1; title="one thread on each side (OPENBLAS_NUM_THREADS=1, torch.set_num_threads(1), Descent --threads 1)"
  else threads=$CORES; title="every core on both sides (OPENBLAS_NUM_THREADS=$CORES, torch.set_num_threads($CORES), Descent --threads $CORES)"; fi
  echo
  echo "== $title"
  echo "load average before: $(load)"
  OPENBLAS_NUM_THREADS=$threads OMP_NUM_THREADS=$threads \
    dotnet bench/Descent.Race/bin/Release/net10.0/Descent.Race.dll --threads "$threads" --out "$out/descent-$mode.json" "$@" >/dev/null 2>"$out/descent-$mode.err"
  "$PYTHON" -c 'import json, sys
d = json.load(open(sys.argv[1]))
for lib, kind in d["blas"].items(): print(f"Descent process mapped {lib}: {kind}")
for r in d["rows"]:
    if r.get("note") and "eigenvalues" in r["row"]: print("Descent " + r["row"] + ": " + r["note"])' "$out/descent-$mode.json"
  rc=0
  OPENBLAS_NUM_THREADS=$threads OMP_NUM_THREADS=$threads \
    "$PYTHON" bench/torch_race.py --threads "$threads" --descent "$out/descent-$mode.json" "$@" >"$out/torch-$mode.txt" 2>"$out/torch-$mode.err" || rc=$?
  grep -E '^(PyTorch/NumPy process|  mapped|note)' "$out/torch-$mode.err" || true
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then cat "$out/torch-$mode.err"; exit "$rc"; fi
  echo
  sed -n '/^| row/,$p' "$out/torch-$mode.txt"
  echo
  echo "load average after: $(load)"
  [ "$rc" -eq 3 ] && status=3   # a reference BLAS was loaded: the table has no ratios
done
exit $status
