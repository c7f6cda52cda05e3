#!/usr/bin/env bash
# Side-by-side kernel benchmark (issue 6): the Descent kernel (Release build), Debian's ipykernel and, when the
# tool installs, the stock .NET Interactive kernel (Microsoft.dotnet-interactive 1.0.712001), one run.
#   bench/kernel/run.sh            # REPEATS=3 CELLS=20 COMPLETIONS=10 by default, then the memory soak (memory_soak.py)
# Needs: the .NET SDK, /usr/bin/python3 with jupyter_client and ipykernel (environment/apt-packages.txt).
# The stock kernel opens an HTTP API on all interfaces while it runs: run this on a machine you trust.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PYDEVD_DISABLE_FILE_VALIDATION=1

dotnet build -c Release src/Descent.Cli >/dev/null
dotnet run -c Release --project src/Descent.Cli --no-build -- kernel install --prefix "$work/descent" --name descent-bench
kernels=(descent-bench python3)
paths="$work/descent/share/jupyter"

if dotnet tool install --tool-path "$work/dni" Microsoft.dotnet-interactive --version 1.0.712001 >/dev/null 2>&1; then
  # Its own installer needs the jupyter command; write its documented kernel spec directly instead.
  mkdir -p "$work/dni-share/kernels/dotnet-csharp"
  cat > "$work/dni-share/kernels/dotnet-csharp/kernel.json" <<JSON
{"argv": ["$work/dni/dotnet-interactive", "jupyter", "--default-kernel", "csharp", "{connection_file}", "--http-port-range", "2048-3000"],
 "display_name": ".NET (C#)", "language": "C#"}
JSON
  paths="$paths:$work/dni-share"
  kernels+=(dotnet-csharp)
else
  echo "note: Microsoft.dotnet-interactive 1.0.712001 did not install; benchmarking without it" >&2
fi

JUPYTER_PATH="$paths" /usr/bin/python3 bench/kernel/kernel_bench.py "${kernels[@]}"

# Memory through a lecture (issue 14): resident size over many trivial and chart cells, Descent next to ipykernel
# (TRIVIAL=2000 CHARTS=100 by default; MEMORY_SOAK=0 skips it).
if [ "${MEMORY_SOAK:-1}" != 0 ]; then
  JUPYTER_PATH="$work/descent/share/jupyter" /usr/bin/python3 bench/kernel/memory_soak.py descent-bench python3
fi
