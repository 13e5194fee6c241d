#!/usr/bin/env bash
# Renders every SVG (and HTML page) in a folder with headless Chromium, as a browser shows it, and fails when
# one renders blank or not at all. PNGs go to OUT (default: a temporary folder) so you can look at them.
#   bash Scripts/render-charts.sh [FOLDER] [OUT]      (default FOLDER: the SVG golden files)
set -euo pipefail
cd "$(dirname "$0")/.."
folder="${1:-Tests/SmallWinsSVGTests/Golden}"
out="${2:-$(mktemp -d)}"
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "render-charts: no Chromium found (apt-get install chromium)" >&2; exit 1; }
mkdir -p "$out"
shopt -s nullglob
for page in "$folder"/*.svg "$folder"/*.html; do
  name=$(basename "$page")
  if [[ "$page" == *.svg ]]; then
    height=$(grep -o 'height="[0-9.]*"' "$page" | head -1 | tr -dc '0-9.')
    width=$(grep -o 'width="[0-9.]*"' "$page" | head -1 | tr -dc '0-9.')
  else
    width=1280 height=2400
  fi
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --disable-dev-shm-usage \
    --window-size="${width%.*},${height%.*}" --screenshot="$out/${name%.*}.png" "file://$(realpath "$page")" >/dev/null 2>&1
done
python3 - "$out" <<'PY'
import glob, os, struct, sys, zlib

def pixels(path):
    """The PNG's rows of bytes after undoing the per-row filters (8-bit RGB or RGBA, as Chromium writes)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert depth == 8 and colour in (2, 6), (path, depth, colour)
    size = 3 if colour == 2 else 4
    compressed, position = b"", 8
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        if kind == b"IDAT": compressed += data[position + 8:position + 8 + length]
        position += 12 + length
    raw, stride, rows, previous = zlib.decompress(compressed), width * size, [], bytearray(width * size)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - size] if x >= size else 0
            up, corner = previous[x], previous[x - size] if x >= size else 0
            if kind == 1: line[x] = (line[x] + left) & 255
            elif kind == 2: line[x] = (line[x] + up) & 255
            elif kind == 3: line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(line)
        previous = line
    return width, height, size, rows

for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.png"))):
    width, height, size, rows = pixels(path)
    inked = sum(1 for row in rows[::4] for x in range(0, width, 4) if min(row[x * size:x * size + 3]) < 160)
    assert inked > 100, f"{path} looks blank ({inked} inked samples)"
    print(f"rendered {os.path.basename(path)}: {width}x{height}, {inked} inked samples")
PY
echo "charts render in $browser: ok (PNGs in $out)"
