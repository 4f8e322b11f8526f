#!/usr/bin/env bash
# ctest example_spreadsheet_csv: run the recipe in a temporary directory and check its output.
#   bash test.sh VNEXTRACT
# Exit 0 pass, 1 fail, 77 skipped (LibreOffice not installed: the extraction is still checked).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
vnextract="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

fail() { echo "FAIL: $*" >&2; exit 1; }

bash "$here/run.sh" "$vnextract" | tee run.log || fail "run.sh exited non-zero"

# The CSV itself, byte for byte where it matters.
[[ -s facts.csv ]] || fail "no facts.csv"
[[ $(head -c 3 facts.csv | od -An -tx1 | tr -d ' ') == efbbbf ]] || fail "facts.csv has no UTF-8 BOM"
head -n 1 facts.csv | grep -q $'^\xef\xbb\xbfdoc,type,text,value,value_to,unit,qualifier,' \
  || fail "header row: $(head -n 1 facts.csv)"
head -n 1 facts.csv | grep -q $',context\r$' || fail "header row does not end with context + CRLF"
[[ $(grep -c $'\r$' facts.csv) == $(wc -l < facts.csv) ]] || fail "not every line ends with CRLF"
grep -qF 'articles/hoa-an-nuoc-sach.txt,money,"2,4 tỷ đồng",2400000000,,VND,' facts.csv \
  || fail "the money row of hoa-an-nuoc-sach.txt ('2,4 tỷ đồng' quoted, 2400000000 VND) is missing"
grep -qF ',"Bà Nông Thị Hạnh, người dân xóm Nà Cắn, chia sẻ: ""Trước đây mùa khô' facts.csv \
  || fail "the context with a quotation is not quoted with doubled quotes"
records=$(cd "$here" && "$vnextract" extract -q -f jsonl articles | wc -l)
[[ $(( $(wc -l < facts.csv) - 1 )) == "$records" ]] || fail "facts.csv has $(( $(wc -l < facts.csv) - 1 )) rows, JSON Lines $records records"
grep -qE '^articles/nguyen-binh-tin-dung.txt +23 +3 +6 +413800000000$' run.log \
  || fail "summary line of nguyen-binh-tin-dung.txt (23 records, 3 money, 6 counts, 413800000000 VND)"

if grep -q '^skipped: libreoffice not installed' run.log; then
  echo "SKIP: LibreOffice is not installed; the CSV was checked, the cells read back were not"
  exit 77
fi

# LibreOffice read the cells back: every check passed, and facts.xlsx was written.
grep -q '^all checks passed$' run.log || fail "check_cells.py did not pass"
[[ $(grep -c '^ok ' run.log) -ge 12 ]] || fail "fewer than 12 cell checks ran"
[[ -s facts.xlsx ]] || fail "no facts.xlsx"

# The check has teeth: a CSV written without quoting (as a naive script would) must fail it.
(cd "$here" && "$vnextract" extract -q -f jsonl articles) > records.jsonl
sed -E '/,"Bà Nông/{s/,"(.*)"\r$/,\1\r/;s/""/"/g}' facts.csv > naive.csv
cmp -s facts.csv naive.csv && fail "could not make the unquoted CSV"
status=0
bash "$here/check.sh" naive.csv records.jsonl naive.xlsx > naive.log || status=$?
[[ $status == 1 ]] || { cat naive.log; fail "an unquoted CSV passed the cell check (exit $status)"; }
grep -q "^FAIL  every cell equals its record's field" naive.log || fail "the unquoted CSV failed for another reason"
echo "ok: an unquoted CSV fails the check"
echo "PASS"
