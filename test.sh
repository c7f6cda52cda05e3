#!/usr/bin/env bash
# The course's test command (README). On Debian/Ubuntu with the .NET SDK it installs what the tests need, runs every
# test project and ends with one line "N passed, N failed".
#
#   bash test.sh                               # everything; .ci/run (CI) runs exactly this
#   bash test.sh --filter FullyQualifiedName~Stock   # any further arguments go to dotnet test
#
# 1. The Debian packages in environment/apt-packages.txt that are missing: apt-get install (through sudo when not root).
# 2. dotnet tool restore: the pinned dotnet-interactive (.config/dotnet-tools.json) that the stock-kernel test runs.
# 3. dotnet format --verify-no-changes for braces (IDE0011) and whitespace; each check that finds work is one failed test.
# 4. dotnet test Descent.slnx.
# If the packages cannot be installed the tests still run, and every test that needs Jupyter's clients fails with one
# message naming the packages. The course has no skipped tests, so a skipped test fails the run too.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

stop() {
  echo "error: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}

echo "== .NET SDK"
command -v dotnet >/dev/null 2>&1 || stop "the .NET SDK (dotnet) is not on PATH: install .NET SDK 10.0 (global.json), then run bash test.sh again"
dotnet --version || stop "dotnet --version failed: global.json asks for .NET SDK 10.0.1xx or later"

echo "== Debian packages (environment/apt-packages.txt)"
mapfile -t packages < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' environment/apt-packages.txt | grep -v '^$')
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    echo "all ${#packages[@]} installed"
  else
    echo "installing: ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then
      sudo=()
    elif command -v sudo >/dev/null 2>&1; then
      # Asks for a password on a terminal; never waits for one without (CI, pipes).
      if [ -t 0 ]; then sudo=(sudo); else sudo=(sudo -n); fi
    else
      sudo=(false)
    fi
    aptlog=$(mktemp)
    if "${sudo[@]}" apt-get update -qq >"$aptlog" 2>&1 \
       && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$aptlog" 2>&1; then
      echo "installed"
    else
      tail -n 20 "$aptlog" >&2
      echo "warning: could not install ${missing[*]} (apt-get's last messages above; it needs root or sudo)." >&2
      echo "         The tests run anyway; those that need these packages fail and name them." >&2
    fi
    rm -f "$aptlog"
  fi
else
  echo "warning: not a Debian/Ubuntu system (no dpkg-query): install the equivalents of ${packages[*]} yourself" >&2
fi

echo "== dotnet tool restore"
dotnet tool restore || echo "warning: dotnet tool restore failed; the stock .NET Interactive kernel test will fail and say why" >&2

# The code style .editorconfig fixes: braces on every if/for/while body (IDE0011) and whitespace. Checking only these
#    two keeps the step near a minute; a file out of style counts as one failed test.
echo "== dotnet format --verify-no-changes (braces IDE0011, whitespace)"
format_failed=0
if ! dotnet format whitespace --folder --verify-no-changes --include src/ tests/ bench/; then
  echo "error: whitespace is not formatted; fix with: dotnet format whitespace --folder --include src/ tests/ bench/" >&2
  format_failed=$((format_failed + 1))
fi
if ! dotnet format style Descent.slnx --verify-no-changes --diagnostics IDE0011 --severity warn; then
  echo "error: statements without braces (IDE0011); fix with: dotnet format style Descent.slnx --diagnostics IDE0011 --severity warn" >&2
  format_failed=$((format_failed + 1))
fi

echo "== dotnet test Descent.slnx $*"
log=$(mktemp)
dotnet test Descent.slnx "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

# Each test assembly prints e.g. "Passed!  - Failed:     0, Passed:    42, Skipped:     0, Total:    42, ...".
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed before any test could report: count that as a failure.
  failed=1
fi
failed=$((failed + format_failed))
if [ "$skipped" -gt 0 ]; then
  echo "error: $skipped test(s) skipped; the course has no skipped tests (see the skip reasons above)" >&2
  echo "${passed} passed, ${failed} failed, ${skipped} skipped"
  exit 1
fi
echo "${passed} passed, ${failed} failed"
[ "$rc" -eq 0 ] && [ "$failed" -eq 0 ]
