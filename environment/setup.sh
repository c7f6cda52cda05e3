#!/usr/bin/env bash
# One-time set-up for a student or self-learner: checks the .NET SDK, restores the tools, builds the course
# and installs the Descent Jupyter kernel ("C# (Descent)") for the current user.
#
#   bash environment/setup.sh            # check, restore, build, install the kernel for this user
#   bash environment/setup.sh --prefix DIR   # install the kernel spec under DIR/share/jupyter instead
#
# Re-run it after pulling a new version; the kernel spec points at this checkout's build, so a rebuild
# (dotnet build -c Release src/Descent.Cli) plus a kernel restart picks up changes to src/ without re-installing.
set -euo pipefail
cd "$(dirname "$0")/.."

install_args=(--user)
if [ "${1:-}" = "--prefix" ] && [ -n "${2:-}" ]; then
  install_args=(--prefix "$2")
elif [ -n "${1:-}" ]; then
  echo "usage: bash environment/setup.sh [--prefix DIR]" >&2
  exit 2
fi

echo "== .NET SDK"
if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK is not installed (dotnet is not on PATH)." >&2
  echo "       Install .NET SDK 10.0 from https://dotnet.microsoft.com/download and run this script again." >&2
  exit 1
fi
wanted=$(sed -n 's/.*"version": *"\([0-9]*\)\..*/\1/p' global.json | head -1)
if ! dotnet --list-sdks | grep -q "^${wanted}\."; then
  echo "error: global.json asks for .NET SDK ${wanted}.0.x, but this machine has:" >&2
  dotnet --list-sdks >&2
  echo "       Install .NET SDK ${wanted}.0 from https://dotnet.microsoft.com/download." >&2
  exit 1
fi
dotnet --version

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== tools"
if [ -f .config/dotnet-tools.json ]; then
  # The pinned dotnet-interactive: the stock .NET Interactive kernel (Polyglot Notebooks, deprecated) and its test.
  dotnet tool restore || echo "warning: dotnet tool restore failed; the course and the Descent kernel do not need the tools" >&2
fi

echo "== build"
# The kernel runs the Release build: optimized library code, and Roslyn and the engine precompiled (ReadyToRun), so its
# first cell does not wait for the JIT. The Debug build of src/Descent.Plots is what notebooks/descent.csx references
# in the stock .NET Interactive kernel.
dotnet build -c Release src/Descent.Cli
dotnet build src/Descent.Plots

echo "== Descent kernel"
dotnet run -c Release --project src/Descent.Cli --no-build -- kernel install "${install_args[@]}"

if command -v jupyter >/dev/null 2>&1 && jupyter kernelspec list >/dev/null 2>&1; then
  jupyter kernelspec list
fi

cat <<'MSG'

Done. Open a chapter (notebooks/00-tour.ipynb):
  VS Code:     install the Jupyter extension, open the .ipynb, "Select Kernel" > "Jupyter Kernel..." > "C# (Descent)".
  JupyterLab:  jupyter lab notebooks/   then Kernel > Change Kernel... > "C# (Descent)".
MSG
