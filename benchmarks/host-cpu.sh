#!/usr/bin/env bash
# CPU per request of the real bot host under the peer tool's load (issue 11): load-insensitive where req/s is not.
# Starts Azurite (in memory) and the bot (Release dll, Development, no app id, loopback), then for each conversation count
# runs wrk with ../shared/peer-bench/activity.lua: a warm-up of WARM seconds (default 3, as compare.sh), then the measured
# run; prints req/s and p50/p99 (noise on a shared machine), the bot's and Azurite's CPU time per request (utime+stime
# over the run / requests), the bot's RSS and peak RSS, and the load average.
# Usage: benchmarks/host-cpu.sh [CONNS] [SECONDS] [CONVERSATIONS...]   e.g. benchmarks/host-cpu.sh 16 6 1 64 1
# Env: WARM (s), PERF=prefix (perf record -g of the bot during each run; with PERFMAP=1 for JIT'd frames).
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peer="${PEER_BENCH:-$repo/../shared/peer-bench}"
[[ -d "$peer" || -n "${PEER_BENCH:-}" ]] || peer="$repo/../../shared/peer-bench" # a worktree one level deeper
[[ -f "$peer/activity.lua" ]] || { echo "host-cpu: no peer tool at $peer (set PEER_BENCH)" >&2; exit 2; }
conns=${1:-16}; secs=${2:-6}; shift 2 || true
convs=("${@:-1}")
port=3978; az=10180
out="$repo/.artifacts/host-cpu"; mkdir -p "$out"
pids=()
cleanup() { local p; for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null; }
trap cleanup EXIT
"$repo/tools/node_modules/.bin/azurite" --blobHost 127.0.0.1 --blobPort $az --queueHost 127.0.0.1 --queuePort $((az + 1)) --tableHost 127.0.0.1 --tablePort $((az + 2)) --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --silent >"$out/azurite.log" 2>&1 &
azurite=$!; pids+=("$azurite")
until (exec 3<>"/dev/tcp/127.0.0.1/$az") 2>/dev/null; do sleep 0.3; done
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$az/devstoreaccount1;TableEndpoint=http://127.0.0.1:$((az + 2))/devstoreaccount1;"
export ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning VarBot__PublishSeedsWhenEmpty=true VarBot__SeedsPath="$repo/seeds"
export Newsletter__SigningKey="$(head -c 32 /dev/urandom | base64)"
DOTNET_PerfMapEnabled=${PERFMAP:-0} dotnet "$repo/src/VarBot.Bot/bin/Release/net10.0/VarBot.Bot.dll" --urls "http://127.0.0.1:$port" >"$out/bot.log" 2>&1 &
bot=$!; pids+=("$bot")
for _ in $(seq 360); do curl -fs -o /dev/null "http://127.0.0.1:$port/readyz" && break; sleep 0.5; done
ticks=$(getconf CLK_TCK)
threads=$(( conns < 2 ? conns : 2 )) # wrk needs at least one connection per thread
cpu() { awk '{print $14+$15}' "/proc/$1/stat"; }
for c in "${convs[@]}"; do
  PEERBENCH_CONVERSATIONS=$c wrk -t"$threads" -c"$conns" -d"${WARM:-3}"s -s "$peer/activity.lua" "http://127.0.0.1:$port/api/messages" >/dev/null 2>&1
  b0=$(cpu $bot); a0=$(cpu $azurite); l0=$(cut -d' ' -f1 /proc/loadavg)
  [[ -n "${PERF:-}" ]] && { perf record -F 1999 -g -p $bot -o "$PERF-$c.data" -- sleep "$secs" >/dev/null 2>&1 & }
  r=$(PEERBENCH_CONVERSATIONS=$c wrk -t"$threads" -c"$conns" -d"$secs"s -s "$peer/activity.lua" "http://127.0.0.1:$port/api/messages" 2>&1 | grep '^PEERBENCH ' | cut -c11-)
  b1=$(cpu $bot); a1=$(cpu $azurite); l1=$(cut -d' ' -f1 /proc/loadavg)
  n=$(jq .requests <<<"$r")
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$bot/status"); hwm=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$bot/status")
  echo "conns=$conns conversations=$c req/s=$(jq .rps <<<"$r") p50=$(jq .p50_ms <<<"$r")ms p99=$(jq .p99_ms <<<"$r")ms non2xx=$(jq .non2xx <<<"$r")" \
    "bot_cpu=$(( (b1-b0)*1000000/ticks/n ))us/req azurite_cpu=$(( (a1-a0)*1000000/ticks/n ))us/req rss=${rss}MiB peak=${hwm}MiB load=$l0..$l1"
done
