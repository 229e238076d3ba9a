#!/usr/bin/env bash
# Checks the infrastructure code: restores the Bicep CLI from the NuGet feed (infra/tools/bicep-cli.csproj, a
# PackageDownload of Azure.Bicep.CommandLine.linux-x64), then runs 'bicep build' and 'bicep lint' on every .bicep file
# and 'bicep build-params' and 'bicep lint' on every .bicepparam file (with infra/bicepconfig.json's rules). Any error
# or warning fails the check. Offline: Bicep's built-in Azure types, no registry modules (--no-restore).
# Usage: scripts/check-infra.sh [FOLDER]   (default: infra/)
# With CHECK_INFRA_OUTDIR set, the compiled ARM templates are kept there (arm/, params/) for inspection.
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
folder="$(cd "${1:-$repo/infra}" 2>/dev/null && pwd)" || { echo "check-infra: folder '${1:-}' not found" >&2; exit 2; }
tools_project="$repo/infra/tools/bicep-cli.csproj"
bicep_version=$(sed -n 's/.*Include="Azure.Bicep.CommandLine.linux-x64" Version="\[\([^]]*\)\]".*/\1/p' "$tools_project")

if ! dotnet restore "$tools_project" --verbosity quiet -nologo >/dev/null; then
  echo "check-infra: could not restore the Bicep CLI $bicep_version from the package feed" >&2
  exit 2
fi
packages=$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')
bicep="${packages%/}/azure.bicep.commandline.linux-x64/$bicep_version/tools/bicep"
[ -f "$bicep" ] && [ ! -x "$bicep" ] && chmod +x "$bicep"
[ -x "$bicep" ] || { echo "check-infra: $bicep is missing after the restore" >&2; exit 2; }

cd "$folder"
bicep_files=$(find . -name '*.bicep' -not -path '*/obj/*' | wc -l)
param_files=$(find . -name '*.bicepparam' -not -path '*/obj/*' | wc -l)
if [ "$bicep_files" -eq 0 ]; then
  echo "check-infra: no .bicep files in $folder" >&2
  exit 1
fi

if [ -n "${CHECK_INFRA_OUTDIR:-}" ]; then
  out="$CHECK_INFRA_OUTDIR"
  mkdir -p "$out"
else
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi
failed=0

# step NAME ARGS...: runs bicep; prints its output and counts a failure on a non-zero exit or any Warning/Error line.
step() {
  local name="$1"; shift
  "$bicep" "$@" >"$out/log" 2>&1
  local status=$?
  if [ "$status" -ne 0 ] || grep -qE ' : (Warning|Error) ' "$out/log"; then
    echo "check-infra: FAIL bicep $name (exit $status):"
    sed 's/^/  /' "$out/log"
    failed=$((failed + 1))
  else
    echo "check-infra: ok   bicep $name"
  fi
}

step "build"        build --pattern '**/*.bicep' --outdir "$out/arm" --no-restore
step "lint"         lint --pattern '**/*.bicep' --no-restore
if [ "$param_files" -gt 0 ]; then
  step "build-params" build-params --pattern '**/*.bicepparam' --outdir "$out/params" --no-restore
  step "lint params"  lint --pattern '**/*.bicepparam' --no-restore
fi

echo "check-infra: bicep $bicep_version, $bicep_files .bicep and $param_files .bicepparam files, $failed failed steps"
[ "$failed" -eq 0 ]
