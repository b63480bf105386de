#!/usr/bin/env bash
# Remakes the README's screenshots from the pages `make demo` writes (run from the repository root):
# headless Chromium at 1280 px wide, then ImageMagick to crop and shrink the PNG.
# usage: docs/screenshots/make-screenshots.sh [REPORTS_DIR]
set -euo pipefail
reports=${1:-reports}
here=$(dirname "$0")
shot() { # page, output, height of the window, crop (WxH+X+Y)
  local tmp
  tmp=$(mktemp --suffix=.png)
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$tmp" \
    --window-size=1280,"$3" "file://$(realpath "$1")" 2>/dev/null
  convert "$tmp" -crop "$4" +repage -resize 75% -colors 128 -strip "$2"
  rm -f "$tmp"
  echo "$2: $(stat -c %s "$2") bytes"
}
shot "$reports/linear-10-epochs/index.html" "$here/report.png" 3200 "${REPORT_CROP:-1280x1600+0+0}"
shot "$reports/index.html" "$here/index.png" 1600 "${INDEX_CROP:-1280x1400+0+0}"
shot "$reports/diffs/linear-10-epochs__mlp-10-epochs.html" "$here/diff.png" 1600 "${DIFF_CROP:-1280x1400+0+0}"
