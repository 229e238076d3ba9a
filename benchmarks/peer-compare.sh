#!/usr/bin/env bash
# Issue 11's side-by-side figures: the real bot host (Release, loopback, Development = no app id) against the
# peer tool's no-op Kestrel ceiling and Microsoft's JS SDK echo bot, with conversation state in Azurite, once with
# every request in one conversation and once spread over 64; then the same bot with its state in memory.
# Usage: benchmarks/peer-compare.sh [extra compare.sh options, e.g. --duration 6 --conns "1 16 64"]
# Needs ../shared/peer-bench (or $PEER_BENCH; run its setup.sh once) and a Release build (dotnet build VarBot.sln -c Release).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peer="${PEER_BENCH:-$repo/../shared/peer-bench}"
out="${PEERBENCH_OUT:-$repo/.artifacts/peer-bench}"
mkdir -p "$out"
"$repo/scripts/setup.sh" >/dev/null

azurite_port=10180
bot_port=3978
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  sleep 2
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

wait_ready() { # URL SECONDS
  local deadline=$((SECONDS + $2))
  until curl -fs -o /dev/null "$1" 2>/dev/null; do
    ((SECONDS < deadline)) || { echo "peer-compare: $1 not ready after $2 s" >&2; exit 1; }
    sleep 0.5
  done
}

"$repo/tools/node_modules/.bin/azurite" --blobHost 127.0.0.1 --blobPort "$azurite_port" --queueHost 127.0.0.1 --queuePort $((azurite_port + 1)) --tableHost 127.0.0.1 --tablePort $((azurite_port + 2)) --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --silent >"$out/azurite.log" 2>&1 &
pids+=($!)
deadline=$((SECONDS + 60))
until (exec 3<>"/dev/tcp/127.0.0.1/$azurite_port") 2>/dev/null; do
  ((SECONDS < deadline)) || { echo "peer-compare: Azurite did not start" >&2; exit 1; }
  sleep 0.3
done
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$((azurite_port + 2))/devstoreaccount1;"
export ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning VarBot__PublishSeedsWhenEmpty=true VarBot__SeedsPath="$repo/seeds"
export Newsletter__SigningKey="$(head -c 32 /dev/urandom | base64)"
dotnet "$repo/src/VarBot.Bot/bin/Release/net10.0/VarBot.Bot.dll" --urls "http://127.0.0.1:$bot_port" >"$out/bot.log" 2>&1 &
bot=$!
pids+=("$bot")
wait_ready "http://127.0.0.1:$bot_port/readyz" 180

for conversations in 1 64; do
  echo "== VarBot, state in Azurite, PEERBENCH_CONVERSATIONS=$conversations"
  PEERBENCH_CONVERSATIONS=$conversations "$peer/compare.sh" --third "http://127.0.0.1:$bot_port/api/messages" --third-name varbot-azurite \
    --third-pid "$bot" --out "$out/azurite-$conversations.jsonl" "$@"
done
kill -TERM "$bot"; wait "$bot" 2>/dev/null || true

echo "== VarBot, state in memory, PEERBENCH_CONVERSATIONS=1"
dotnet "$repo/benchmarks/VarBot.Benchmarks/bin/Release/net10.0/VarBot.Benchmarks.dll" serve --in-memory --port "$bot_port" >"$out/serve.log" 2>&1 &
memory=$!
pids+=("$memory")
wait_ready "http://127.0.0.1:$bot_port/readyz" 180
PEERBENCH_CONVERSATIONS=1 "$peer/compare.sh" --no-echo --third "http://127.0.0.1:$bot_port/api/messages" --third-name varbot-memory \
  --third-pid "$memory" --out "$out/memory-1.jsonl" "$@"
kill -TERM "$memory"; wait "$memory" 2>/dev/null || true
tail -1 "$out/serve.log"
