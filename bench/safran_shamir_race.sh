#!/usr/bin/env bash
# The full Safran–Shamir table (k = n = 6…20, 1000 runs each, the authors' protocol) in Descent and in NumPy, back to
# back on one machine, one thread each; prints wall and CPU seconds of both and checks that their rates agree.
#   bench/safran_shamir_race.sh                # full table (minutes)
#   KS=6,7,8,9,10 RUNS=300 bench/safran_shamir_race.sh   # quick
set -euo pipefail
cd "$(dirname "$0")/.."
KS=${KS:-6,7,8,9,10,11,12,13,14,15,16,17,18,19,20}
RUNS=${RUNS:-1000}
out=$(mktemp -d)
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build src/Descent.Cli -c Release -v q -o "$out/cli" >/dev/null
echo "== Descent (1 thread)"
/usr/bin/time -o "$out/time.txt" -f "total: %e s wall, %U s CPU (Descent)" "$out/cli/Descent.Cli" experiment run safran-shamir \
  --ks "$KS" --extra-neurons 0 --runs "$RUNS" --threads 1 --out "$out/descent.csv" 2>/dev/null | head -1
cat "$out/time.txt"
echo "== NumPy (1 thread)"
/usr/bin/python3 bench/safran_shamir_numpy.py --ks "$KS" --runs "$RUNS" | tail -1
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$out"
