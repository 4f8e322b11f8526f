#!/usr/bin/env bash
# Open a vnextract CSV in LibreOffice Calc (headless), read the cells back, compare them with
# the same records as JSON Lines (check_cells.py), and write the typed workbook.
#
#   bash check.sh facts.csv records.jsonl facts.xlsx
#
# Exit status: 0 every check passed, 1 a check failed, 77 skipped (no LibreOffice or python3).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
csv=$1 jsonl=$2 xlsx=$3

soffice=$(command -v soffice || command -v libreoffice || true)
if [[ -z $soffice ]]; then
  echo "skipped: libreoffice not installed (Debian: apt-get install libreoffice-calc-nogui)"
  exit 77
fi
if ! command -v python3 > /dev/null; then
  echo "skipped: python3 not installed (it reads the cells back)"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$csv" "$tmp/facts.csv"

# Calc's CSV import options, comma-separated: field separator 44 (,), text delimiter 34 ("),
# character set 76 (UTF-8), first line 1, the type of each column (2 = Text, 10 = "US English":
# a number with a decimal point whatever the user's locale), language 1066 (Vietnamese: the
# typed columns must not depend on it), quoted fields as text: false, detect special numbers:
# false.
header=$(head -n 1 "$csv" | sed 's/^\xef\xbb\xbf//' | tr -d '\r')
all_text=$(tr , '\n' <<< "$header" | awk '{ printf "%s%d/2", (NR > 1 ? "/" : ""), NR }')
typed=$(tr , '\n' <<< "$header" \
  | awk '{ t = 2 } /^(value|value_to|numerator|denominator|start|end|sentence)$/ { t = 10 }
         { printf "%s%d/%d", (NR > 1 ? "/" : ""), NR, t }')

calc() {  # calc COLUMN_TYPES OUTDIR: convert facts.csv to OUTDIR/facts.xlsx
  HOME="$tmp" "$soffice" -env:UserInstallation="file://$tmp/profile" --headless \
    --infilter="CSV:44,34,76,1,$1,1066,false,false" --convert-to xlsx --outdir "$2" \
    "$tmp/facts.csv" > "$tmp/soffice.log" 2>&1 || true
  if [[ ! -s $2/facts.xlsx ]]; then
    echo "LibreOffice wrote no workbook:" >&2
    cat "$tmp/soffice.log" >&2
    exit 1
  fi
}
calc "$all_text" "$tmp/as-text"
calc "$typed" "$tmp/typed"
echo "LibreOffice Calc $("$soffice" --version 2>/dev/null | awk '{ print $2; exit }') read the cells back:"
status=0
python3 "$here/check_cells.py" "$csv" "$jsonl" "$tmp/as-text/facts.xlsx" "$tmp/typed/facts.xlsx" || status=$?
cp "$tmp/typed/facts.xlsx" "$xlsx"
exit $status
