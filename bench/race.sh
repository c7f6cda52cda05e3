#!/usr/bin/env bash
# Side-by-side race, Descent vs PyTorch (CPU, float64): same rows, same sizes, same machine, same run.
# Needs the .NET SDK and Debian's python3-torch (apt-get install -y python3-torch; run by hand, not in CI).
# Usage: bench/race.sh [--rows mlp,rnn,ss] [--rnn-lengths 10,50,100,200] [--no-hessian]
#        THREADS=1 (default) sets torch.set_num_threads; Descent runs single-threaded.
set -euo pipefail
cd "$(dirname "$0")/.."
THREADS=${THREADS:-1}
PYTHON=${PYTHON:-/usr/bin/python3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo ".NET $(dotnet --version), torch $("$PYTHON" -c 'import torch; print(torch.__version__)'), torch threads $THREADS, Descent threads 1"
dotnet build -c Release bench/Descent.Race -v q --nologo >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
echo "== Descent"
dotnet bench/Descent.Race/bin/Release/net10.0/Descent.Race.dll --out "$out/descent.json" "$@" >/dev/null
echo "== PyTorch"
"$PYTHON" bench/torch_race.py --threads "$THREADS" --descent "$out/descent.json" "$@" >"$out/torch.txt"
echo
sed -n '/^| row/,$p' "$out/torch.txt"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
