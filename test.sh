#!/usr/bin/env bash
# Runs all VarBot tests against real local servers (Azurite, maildev, the ASP.NET Core host, Chromium).
# The test fixtures start those servers themselves on free loopback ports.
# Ends with one line "N passed, M failed"; exits non-zero on any failure.
set -uo pipefail
repo="$(cd "$(dirname "$0")" && pwd)"
cd "$repo"
bash scripts/setup.sh || { echo "0 passed, 1 failed"; exit 2; }

results="$repo/.artifacts/test-results"
rm -rf "$results"
dotnet build VarBot.sln -c Release --no-restore --verbosity quiet -nologo || { echo "0 passed, 1 failed"; exit 1; }
dotnet test VarBot.sln -c Release --no-build --logger "trx" --results-directory "$results" --verbosity quiet -nologo "$@"
status=$?

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters"); t=$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0}))
done
if [ "$failed" -gt 0 ] && command -v python3 >/dev/null; then python3 scripts/failed-tests.py "$results"/*.trx; fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
