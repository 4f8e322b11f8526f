#!/usr/bin/env bash
# ctest example_parallel_folder: GNU parallel gives the same bytes as vnextract --jobs.
#   bash test.sh VNEXTRACT
# Exit 0 pass, 1 fail, 77 skipped (GNU parallel not installed).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
vnextract="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
if ! command -v parallel > /dev/null; then
  echo "SKIP: GNU parallel is not installed (Debian: apt-get install parallel)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

fail() { echo "FAIL: $*" >&2; exit 1; }
same_bytes() {  # same_bytes LOG: both pairs reported identical, and really identical
  grep -q '^facts-parallel.jsonl = facts-jobs.jsonl: same bytes' "$1" || fail "JSON Lines differ"
  grep -q '^facts-parallel.csv = facts-jobs.csv: same bytes' "$1" || fail "CSV differs"
  cmp facts-jobs.jsonl facts-parallel.jsonl && cmp facts-jobs.csv facts-parallel.csv \
    || fail "run.sh said same bytes, cmp disagrees"
}

echo "== 1. the recipe's folder, default jobs"
bash "$here/run.sh" "$vnextract" | tee default.log || fail "run.sh exited non-zero"
same_bytes default.log
# Documents in byte order of the whole path: the file 2024-07-tong-hop.txt before the folder
# 2024-07/, the HTML page in its place.
order=$(grep -o '^{"doc":"[^"]*"' facts-parallel.jsonl | cut -d'"' -f4 | uniq | tr '\n' ' ')
[[ $order == "articles/2024-07-tong-hop.txt articles/2024-07/ha-lang-phong-chong-thien-tai.txt articles/2024-07/thach-an-giao-thong.txt articles/2024-08/hoa-an-chuyen-doi-so.html articles/2024-08/trung-khanh-hat-de.txt " ]] \
  || fail "documents in the wrong order: $order"
[[ $(head -c 8 facts-parallel.csv) == "doc,type" && $(grep -c '^doc,type,' facts-parallel.csv) == 1 ]] \
  || fail "the CSV must have exactly one header row, first"
grep -qF '{"doc":"articles/2024-07/thach-an-giao-thong.txt","type":"money","text":"28,5 tỷ đồng","value":28500000000,' facts-parallel.jsonl \
  || fail "the money record of thach-an-giao-thong.txt is missing"

echo "== 2. one job at a time, and four"
bash "$here/run.sh" "$vnextract" "" 1 > one.log || fail "run.sh with 1 job exited non-zero"
same_bytes one.log
cp facts-jobs.jsonl one-job.jsonl
bash "$here/run.sh" "$vnextract" "" 4 > four.log || fail "run.sh with 4 jobs exited non-zero"
same_bytes four.log
cmp one-job.jsonl facts-jobs.jsonl || fail "--jobs 1 and --jobs 4 differ"

echo "== 3. one vnextract per file ({}) gives the same bytes too"
(cd "$here" && find articles -xtype f \( -name '*.txt' -o -name '*.html' -o -name '*.htm' -o -name '*.jsonl' \
   -o -name '*.json' \) -print0 | LC_ALL=C sort -z \
   | parallel --will-cite -0 -k -j 2 "$vnextract" extract -q -j 1 -f jsonl {}) > per-file.jsonl
cmp per-file.jsonl one-job.jsonl || fail "one vnextract per file differs from --jobs"
[[ $(wc -l < per-file.jsonl) -gt 50 ]] || fail "fewer than 50 records"

echo "== 4. a folder with a space in a name, a symbolic link, a hidden folder, a file to ignore"
cp -r "$here/articles" "my articles"
printf 'Thứ sáu - 30/08/2024 10:00\nXã Minh Tâm nhận 25 tấn xi măng.\n' > "my articles/2024-08/bản tin ngắn.txt"
mkdir "my articles/.drafts"
printf 'Thứ sáu - 30/08/2024 11:00\nBản nháp có 7 hộ.\n' > "my articles/.drafts/nhap.txt"
ln -s "$tmp/my articles/2024-07-tong-hop.txt" "my articles/2024-09-link.txt"
printf 'Không phải bài báo: 99 hộ.\n' > "my articles/ghi-chu.md"
bash "$here/run.sh" "$vnextract" "my articles" 2 | tee odd.log || fail "run.sh on 'my articles' exited non-zero"
same_bytes odd.log
grep -qF '"doc":"my articles/2024-08/bản tin ngắn.txt","type":"quantity","text":"25 tấn"' facts-parallel.jsonl \
  || fail "the file with spaces in its name was not read"
grep -qF '"doc":"my articles/2024-09-link.txt"' facts-parallel.jsonl || fail "the symbolic link was not read"
grep -qF '"doc":"my articles/.drafts/nhap.txt"' facts-parallel.jsonl && fail "the hidden folder was read"
grep -qF 'ghi-chu.md' facts-parallel.jsonl && fail "a .md file was read"
echo "PASS"
