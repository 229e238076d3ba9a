#!/usr/bin/env bash
# Local chat for newcomers: Azurite blob and table services (unless they already listen on 10000 and 10002;
# subscribers live in Table storage), the bot on 127.0.0.1:3978
# (it imports seeds/ and publishes the model when storage holds none) and the Microsoft 365 Agents
# Playground on 127.0.0.1:56150. Ctrl+C stops everything this script started.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$repo"

bot_port="${VARBOT_PORT:-3978}"
playground_port="${VARBOT_PLAYGROUND_PORT:-56150}"
azurite_port=10000
azurite_table_port=10002
bin="$repo/tools/node_modules/.bin"

"$repo/scripts/setup.sh"

# Each background job gets its own process group, so one kill stops a job with its children (dotnet run -> app).
set -m
pids=()
stop_all() {
  trap - EXIT INT TERM
  local pid
  for pid in "${pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  # Azurite reports "closed" on SIGTERM but may not exit: after 10 s, whatever is left gets SIGKILL.
  local deadline=$((SECONDS + 10))
  for pid in "${pids[@]}"; do
    while kill -0 -- "-$pid" 2>/dev/null && ((SECONDS < deadline)); do
      sleep 0.2
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  echo "run: alles gestopt."
}
trap stop_all EXIT
trap 'exit 130' INT TERM

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_until NAME PID SECONDS COMMAND...: polls COMMAND until it succeeds; fails when PID exits first.
wait_until() {
  local name="$1" pid="$2" seconds="$3"
  shift 3
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "run: $name is gestopt voordat het klaar was (zie de uitvoer hierboven)." >&2
      exit 1
    fi
    if ((SECONDS >= deadline)); then
      echo "run: $name is na ${seconds}s nog niet bereikbaar." >&2
      exit 1
    fi
    sleep 0.5
  done
}

if port_open "$azurite_port"; then
  echo "run: Azurite luistert al op 127.0.0.1:$azurite_port; die gebruik ik."
else
  mkdir -p "$repo/.artifacts/azurite"
  "$bin/azurite-blob" --blobHost 127.0.0.1 --blobPort "$azurite_port" --location "$repo/.artifacts/azurite" --silent --skipApiVersionCheck --disableTelemetry &
  pids+=($!)
  wait_until Azurite "$!" 60 port_open "$azurite_port"
  echo "run: Azurite draait op 127.0.0.1:$azurite_port."
fi

# The table service (newsletter subscribers); UseDevelopmentStorage=true points at 127.0.0.1:10002.
if port_open "$azurite_table_port"; then
  echo "run: Azurite Table luistert al op 127.0.0.1:$azurite_table_port; die gebruik ik."
else
  mkdir -p "$repo/.artifacts/azurite"
  "$bin/azurite-table" --tableHost 127.0.0.1 --tablePort "$azurite_table_port" --location "$repo/.artifacts/azurite" --silent --skipApiVersionCheck --disableTelemetry &
  pids+=($!)
  wait_until "Azurite Table" "$!" 60 port_open "$azurite_table_port"
  echo "run: Azurite Table draait op 127.0.0.1:$azurite_table_port."
fi

if port_open "$bot_port"; then
  echo "run: poort $bot_port is al in gebruik; stop dat proces eerst." >&2
  exit 1
fi
ASPNETCORE_URLS="http://127.0.0.1:$bot_port" DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development \
  dotnet run -c Release --project "$repo/src/VarBot.Bot" --no-launch-profile &
pids+=($!)
echo "run: de bot start (bouwen, model laden; de eerste keer duurt dat even)..."
wait_until "De bot" "$!" 300 curl -fs -o /dev/null "http://127.0.0.1:$bot_port/readyz"
echo "run: de bot is klaar op http://127.0.0.1:$bot_port/api/messages."

# The Playground writes its logs to ./devTools: keep them out of the repository.
mkdir -p "$repo/.artifacts/playground"
(cd "$repo/.artifacts/playground" && exec env TEAMSAPPTESTER_BROWSER=none APPLICATION_INSIGHTS_NO_STATSBEAT=true \
  NODE_OPTIONS="--require $repo/tools/loopback-only.js" \
  node "$(readlink -f "$bin/agentsplayground")" \
    -e "http://127.0.0.1:$bot_port/api/messages" -c msteams -p "$playground_port" \
    --service-url "http://127.0.0.1:$playground_port/_connector" --disable-telemetry) &
pids+=($!)
wait_until "De Agents Playground" "$!" 120 port_open "$playground_port"

cat <<MSG

  VarBot is klaar. Chat met de bot in uw browser:

      http://127.0.0.1:$playground_port

  Probeer: "wanneer is het volgende Leerhuis", "wat deed de VAR aan digitale veiligheid" of "hulp".
  Stoppen: Ctrl+C.

MSG

# Stops when any process ends (or on Ctrl+C); the EXIT trap stops the rest.
wait -n "${pids[@]}" || true
echo "run: een van de processen is gestopt." >&2
