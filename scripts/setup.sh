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

# npm ci only when the lock file changed since the last install (a stamp holds its hash).
lock_hash=$(sha256sum "$repo/tools/package-lock.json" | cut -d' ' -f1)
stamp="$repo/tools/node_modules/.varbot-lock-hash"
if [ -L "$repo/tools/node_modules" ]; then
  : # a symlinked node_modules is managed by whoever linked it
elif [ "$(cat "$stamp" 2>/dev/null)" != "$lock_hash" ]; then
  echo "setup: npm ci (tools/)"
  (cd "$repo/tools" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$lock_hash" > "$stamp"
fi

echo "setup: dotnet restore"
dotnet restore "$repo/VarBot.sln" --verbosity quiet >/dev/null
