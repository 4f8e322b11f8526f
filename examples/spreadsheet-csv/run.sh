#!/usr/bin/env bash
# Recipe: a folder of articles -> one CSV that opens right in Excel and LibreOffice Calc,
# plus a ready-made facts.xlsx, checked by reading the cells back from LibreOffice.
#
#   bash examples/spreadsheet-csv/run.sh [VNEXTRACT]
#
# VNEXTRACT: the vnextract binary (default: `vnextract` on PATH). Writes facts.csv and, when
# LibreOffice is installed, facts.xlsx into the current directory. Exit status 0 when the
# extraction worked and every cell check passed or was skipped (no LibreOffice), else 1.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
vnextract=${1:-vnextract}
if [[ $vnextract == */* ]]; then
  vnextract="$(cd "$(dirname "$vnextract")" && pwd)/$(basename "$vnextract")"
else
  vnextract=$(command -v "$vnextract") \
    || { echo "run.sh: vnextract not found on PATH; give its path as the first argument" >&2; exit 1; }
fi
out=$PWD

# 1. One CSV for the whole folder. Run from the recipe's folder so that the `doc` column reads
#    articles/<file>.txt rather than an absolute path. --bom: Excel reads the file as UTF-8.
cd "$here"
"$vnextract" extract -q --bom -o "$out/facts.csv" articles

echo "== facts.csv: records per article (vnextract extract --summary)"
"$vnextract" extract -q --summary -f tsv articles \
  | awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
                { printf "%-36s %8s %8s %8s %16s\n", $c["doc"], $c["records"], $c["n_money"],
                         $c["n_count"], $c["money_vnd"] }'

# 2. Open it in LibreOffice Calc and read the cells back, against the same records as JSON Lines.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$vnextract" extract -q -f jsonl articles > "$tmp/records.jsonl"
echo "== facts.csv in LibreOffice Calc"
status=0
bash "$here/check.sh" "$out/facts.csv" "$tmp/records.jsonl" "$out/facts.xlsx" || status=$?
case $status in
  0) echo "wrote facts.csv and facts.xlsx" ;;
  77) echo "wrote facts.csv" ;;
  *) exit 1 ;;
esac
