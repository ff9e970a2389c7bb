#!/usr/bin/env bash
# Render a sample report to docs/report-sample.png, so a person can see what `onlineveilig report`
# makes: a fictional year of monthly audits in a throw-away ONLINEVEILIG_HOME, the HTML report of
# it, and a screenshot by headless Chromium (installed from Debian's packages when missing).
#
# Usage: scripts/render-sample-report.sh [--pdf]
#   --pdf         also print the report to A4 and, with poppler-utils, make one PNG per page,
#                 in a new temporary folder (its name is printed), to check the print style
#   REPORT_LANG   en (default, for the README) or nl
#   PYTHON        the Python with onlineveilig installed (default: .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
REPORT_LANG=${REPORT_LANG:-en}
OUT=docs/report-sample.png

if ! command -v chromium >/dev/null 2>&1; then
    echo "chromium is not installed; installing it with apt-get." >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends \
        chromium fonts-dejavu-core
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ONLINEVEILIG_HOME="$work/home"   # never the user's own history

"$PYTHON" scripts/sample_history.py --months 12 --lang "$REPORT_LANG"
"$PYTHON" -m onlineveilig --lang "$REPORT_LANG" report --with-name -o "$work/report.html"

chrome=(chromium --headless --no-sandbox --disable-gpu --disable-background-networking
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$work/chrome")

if ! "${chrome[@]}" --hide-scrollbars --window-size=900,2400 --screenshot="$OUT" \
    "$work/report.html" 2>"$work/chrome.log"; then
    cat "$work/chrome.log" >&2
    exit 1
fi
echo "Screenshot: $OUT ($(du -k "$OUT" | cut -f1) KB)"

if [ "${1:-}" = "--pdf" ]; then
    pdf_dir=$(mktemp -d -t onlineveilig-sample-XXXXXX)
    "${chrome[@]}" --print-to-pdf="$pdf_dir/report.pdf" --no-pdf-header-footer \
        "$work/report.html" 2>"$work/chrome.log"
    echo "PDF: $pdf_dir/report.pdf"
    if command -v pdftoppm >/dev/null 2>&1; then
        pdftoppm -png -r 60 "$pdf_dir/report.pdf" "$pdf_dir/page"
        echo "Pages: $pdf_dir/page-*.png"
    else
        echo "Install poppler-utils for one PNG per page (pdftoppm)." >&2
    fi
fi
