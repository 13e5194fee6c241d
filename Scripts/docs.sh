#!/usr/bin/env bash
# Builds the DocC documentation of every public module (swift-docc-plugin) and fails on any DocC warning,
# so broken symbol links and missing pages are caught. Archives land in .build/plugins/Swift-DocC/outputs/.
#   bash Scripts/docs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
modules=(SmallWins SmallWinsSQLite SmallWinsPostgres SmallWinsCSV SmallWinsJSON SmallWinsSVG SmallWinsDemo SmallWinsStoreTesting SmallWinsServer)
arguments=()
for module in "${modules[@]}"; do arguments+=(--target "$module"); done
swift package generate-documentation "${arguments[@]}" --warnings-as-errors
for module in "${modules[@]}"; do
  test -d ".build/plugins/Swift-DocC/outputs/$module.doccarchive" || { echo "docs: no archive for $module" >&2; exit 1; }
done
# Every public symbol documented, every top-level one in its module's Topics.
python3 Scripts/check-doc-coverage.py .build/plugins/Swift-DocC/outputs "${modules[@]}"
echo "docs: ${#modules[@]} modules documented without warnings"
