#!/usr/bin/env bash
# The first pass of a new held-back question set: grades it with the engine as it is (before anyone reads its answers),
# prints the score to record (the set's sources file, line 7, and BENCHMARKS.md) and the accepted-failures.txt block for
# its failures. Writes the full answers to .artifacts/first-pass/ (read them only after the score is recorded).
# Usage: scripts/first-pass.sh NN "description of the set"   (Data/qa-heldbackNN.jsonl and conversations-heldbackNN.jsonl)
# Check a new set's sources first: scripts/check-question-set.py Data/qa-heldbackNN.jsonl Data/conversations-heldbackNN.jsonl
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
set_no="${1:?usage: scripts/first-pass.sh NN \"description\"}"
description="${2:-blind set $set_no}"
data="$repo/tests/VarBot.Answering.Tests/Data"
out="$repo/.artifacts/first-pass"
mkdir -p "$out"
dotnet build "$repo/src/VarBot.Cli" -c Release -v quiet -nologo >/dev/null
commit="$(git -C "$repo" rev-parse --short HEAD)"
scores=()
for kind in qa conversations; do
  file="$kind-heldback$set_no.jsonl"
  [[ -f "$data/$file" ]] || { echo "first-pass: no $data/$file" >&2; exit 2; }
  dotnet "$repo/src/VarBot.Cli/bin/Release/net10.0/varbot.dll" eval "$data/$file" --seeds "$repo/seeds" >"$out/$file.txt" 2>&1 || true
  scores+=("$(tail -1 "$out/$file.txt")")
done
questions=$(awk '{print $1 "/" $1 + $3}' <<<"${scores[0]}")
turns=$(awk '{print $1 "/" $1 + $3}' <<<"${scores[1]}")
echo "First pass (engine $commit): $questions questions, $turns conversation turns."
echo
echo "# heldback$set_no ($description, first pass $questions and $turns turns on $commit):"
for kind in qa conversations; do
  file="$kind-heldback$set_no.jsonl"
  sed -nE "s/^MISLUKT ([^ ]+) (\[[^]]*\]) (.*)$/$file:\1  # \2 \3/p" "$out/$file.txt"
done
