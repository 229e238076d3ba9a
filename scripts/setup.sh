#!/usr/bin/env bash
# Installs what VarBot needs on a fresh machine: Debian packages, the repo-local npm tools (from the
# lock file) and the NuGet packages. Idempotent and quiet when everything is already there.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
/usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1 || need_apt+=(python3-icalendar)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ ! -f "$repo/tools/node_modules/.package-lock.json" ] || [ "$repo/tools/package-lock.json" -nt "$repo/tools/node_modules/.package-lock.json" ]; then
  echo "setup: npm ci (tools/)"
  (cd "$repo/tools" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

echo "setup: dotnet restore"
dotnet restore "$repo/VarBot.sln" --verbosity quiet >/dev/null
