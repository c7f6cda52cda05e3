#!/usr/bin/env bash
# The Safran–Shamir table (k = n = 6…12, 1000 runs each, the authors' protocol) in Descent and in batched NumPy, back to
# back on one machine: one thread each (OPENBLAS_NUM_THREADS=1, Descent --threads 1), then Descent on every core.
# Prints machine, BLAS, threads, load, wall and CPU seconds, and both tables' rates (they must agree within their SE).
#   bench/safran_shamir_race.sh                          # k = 6…12, 1000 runs (minutes)
#   KS=6,7,8 RUNS=300 bench/safran_shamir_race.sh        # quick
set -euo pipefail
cd "$(dirname "$0")/.."
KS=${KS:-6,7,8,9,10,11,12}
RUNS=${RUNS:-1000}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; k = $KS, $RUNS runs"
OPENBLAS_NUM_THREADS=1 /usr/bin/python3 - <<'EOF'
import numpy as np, os
a = np.ones((64, 64)); a @ a; np.linalg.eigvalsh(a)
libs = sorted({l.split()[5] for l in open("/proc/self/maps") if len(l.split()) >= 6 and any(s in os.path.basename(l.split()[5]) for s in ("blas", "lapack"))})
print(f"NumPy {np.__version__} mapped: " + ", ".join(os.path.realpath(x) for x in libs))
EOF
dotnet build src/Descent.Cli -c Release -v q -o "$out/cli" >/dev/null
run_descent() {
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -o "$out/time.txt" -f "total: %e s wall, %U s user + %S s system CPU (Descent --threads $1)" \
    "$out/cli/Descent.Cli" experiment run safran-shamir --ks "$KS" --extra-neurons 0 --runs "$RUNS" --threads "$1" \
    --out "$out/descent-$1.csv" >/dev/null 2>&1
  cut -d, -f1,2,8,9,18 "$out/descent-$1.csv" | grep -v '^#' | column -t -s,
  cat "$out/time.txt"
}
echo "== Descent, 1 thread"
run_descent 1
echo "== NumPy batched, 1 thread (OPENBLAS_NUM_THREADS=1)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 bench/safran_shamir_numpy.py --ks "$KS" --runs "$RUNS"
echo "== Descent, every core ($(nproc) threads, the default)"
run_descent 0
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
