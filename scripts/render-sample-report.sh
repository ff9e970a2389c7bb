#!/usr/bin/env bash
# Render a sample report to docs/report-sample-<language>.png, so a person can see what
# `onlineveilig report` makes: a fictional year of monthly audits in a throw-away
# ONLINEVEILIG_HOME, the HTML report of it, and a screenshot by headless Chromium (installed from
# Debian's packages when missing).
#
# Usage: scripts/render-sample-report.sh [nl|en|all] [--pdf]
#   nl            the Dutch report, docs/report-sample-nl.png (for the Dutch README)
#   en            the English report, docs/report-sample-en.png
#   all           both (the default)
#   --pdf         also print each report to A4 and, with poppler-utils, make one PNG per page,
#                 in a new temporary folder (its name is printed), to check the print style
#   PYTHON        the Python with onlineveilig installed (default: .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
langs=(nl en)
pdf=""
for arg in "$@"; do
    case "$arg" in
        nl | en) langs=("$arg") ;;
        all) langs=(nl en) ;;
        --pdf) pdf=yes ;;
        *)
            echo "Usage: $0 [nl|en|all] [--pdf]" >&2
            exit 2
            ;;
    esac
done

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

chrome=(chromium --headless --no-sandbox --disable-gpu --disable-background-networking
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$work/chrome")

for lang in "${langs[@]}"; do
    out="docs/report-sample-$lang.png"
    # A fresh history per language: never the user's own, and no mixing of the two.
    export ONLINEVEILIG_HOME="$work/home-$lang"
    "$PYTHON" scripts/sample_history.py --months 12 --lang "$lang"
    "$PYTHON" -m onlineveilig --lang "$lang" report --with-name -o "$work/report-$lang.html"

    if ! "${chrome[@]}" --hide-scrollbars --window-size=900,2400 --screenshot="$out" \
        "$work/report-$lang.html" 2>"$work/chrome.log"; then
        cat "$work/chrome.log" >&2
        exit 1
    fi
    echo "Screenshot: $out ($(du -k "$out" | cut -f1) KB)"

    if [ -n "$pdf" ]; then
        pdf_dir=$(mktemp -d -t "onlineveilig-sample-$lang-XXXXXX")
        "${chrome[@]}" --print-to-pdf="$pdf_dir/report.pdf" --no-pdf-header-footer \
            "$work/report-$lang.html" 2>"$work/chrome.log"
        echo "PDF: $pdf_dir/report.pdf"
        if command -v pdftoppm >/dev/null 2>&1; then
            pdftoppm -png -r 60 "$pdf_dir/report.pdf" "$pdf_dir/page"
            echo "Pages: $pdf_dir/page-*.png"
        else
            echo "Install poppler-utils for one PNG per page (pdftoppm)." >&2
        fi
    fi
done
