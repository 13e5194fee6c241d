#!/usr/bin/env bash
# The whole test suite, against both backends: the README's first-wins walk-through, the export-wins plugin,
# every chart rendered in headless Chromium (when installed), the DocC documentation, the HTTP API under schemathesis,
# the reference web page in two browsers at once, a SQLite-only app, every code example of the docs, then every
# unit, conformance and end-to-end test, with a throwaway PostgreSQL server on 127.0.0.1 (installed when missing and
# running as root; stopped at the end even when tests fail).
#   bash Scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --build-tests
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
bash Scripts/first-wins.sh "$scratch/first-wins.sqlite" >"$scratch/first-wins.log" || { cat "$scratch/first-wins.log"; exit 1; }
grep -q "Coach cards worked" "$scratch/first-wins.log"
echo "first-wins walk-through: ok"

# The export-wins plugin, as a user runs it: SVG charts that parse as XML, CSV tables Python reads back.
rm -rf .build/plugin-check
swift package --allow-writing-to-package-directory export-wins --database "$scratch/first-wins.sqlite" --format svg --out .build/plugin-check/charts/ --year 2026
swift package --allow-writing-to-package-directory export-wins --database "$scratch/first-wins.sqlite" --format csv --out .build/plugin-check/tables/ --year 2026
python3 -c '
import csv, glob, xml.etree.ElementTree as ET
charts = sorted(glob.glob(".build/plugin-check/charts/*.svg"))
assert len(charts) == 8, charts
for chart in charts: ET.parse(chart)
wins = list(csv.DictReader(open(".build/plugin-check/tables/wins.csv", newline="", encoding="utf-8")))
assert [w["title"] for w in wins] == ["Coach cards worked", "Partner reading fell flat"], wins
print("export-wins plugin: ok")'

# Every chart as a browser shows it: the golden files and the charts of the walk-through's data.
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  bash Scripts/render-charts.sh Tests/SmallWinsSVGTests/Golden "$scratch/rendered-golden"
  bash Scripts/render-charts.sh .build/plugin-check/charts "$scratch/rendered-plugin"
  "$(swift build --show-bin-path)/smallwins" demo --out "$scratch/demo" >/dev/null
  bash Scripts/render-charts.sh "$scratch/demo" "$scratch/rendered-demo"            # index.html and dashboard.svg
  bash Scripts/render-charts.sh "$scratch/demo/charts" "$scratch/rendered-demo-charts"
else
  echo "render-charts: skipped, no Chromium (.ci/run installs it)"
fi

# The DocC catalogs of every public module, with no warnings.
bash Scripts/docs.sh

# The HTTP API under schemathesis (installed by .ci/run), as a member of the demo district.
if command -v st >/dev/null 2>&1; then
  bash Scripts/check-api.sh
else
  echo "check-api: skipped, no schemathesis (.ci/run installs it: pip install schemathesis)"
fi

# The reference web page in two real browsers (Selenium and chromium-driver, installed by .ci/run).
if command -v chromedriver >/dev/null 2>&1 && python3 -c 'import selenium' 2>/dev/null; then
  python3 Scripts/check-web.py "$(swift build --show-bin-path)/smallwins" "$scratch/web-screenshots"
else
  echo "check-web: skipped, no chromedriver or selenium (.ci/run installs them: apt-get install chromium-driver, pip install selenium)"
fi

# A new app that wants only SQLite, depending on this folder as GettingStarted.md shows: it builds and runs, and
# compiles neither PostgresNIO, SwiftNIO nor the server.
bash Scripts/check-sqlite-only-app.sh

# Every code example of the docs, run (the PostgreSQL guide's against the throwaway server), then every test;
# the tests last, so their summary closes the output.
bash Scripts/with-postgres.sh bash -c 'python3 Scripts/check-docs.py "$(swift build --show-bin-path)" && swift test --skip-build'
