#!/usr/bin/env bash
# ctest example_money_per_organisation: the totals per organisation, computed by hand from
# archive.jsonl, and the exactness of the jq sums beyond 2^53.
#   bash test.sh VNEXTRACT
# Exit 0 pass, 1 fail, 77 skipped (jq not installed).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
vnextract="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
if ! command -v jq > /dev/null; then
  echo "SKIP: jq is not installed (Debian: apt-get install jq)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

fail() { echo "FAIL: $*" >&2; exit 1; }
row() { grep -F -x -- "$1" money-per-organisation.tsv > /dev/null || fail "no row: $1"; }

echo "== 1. the recipe on archive.jsonl"
bash "$here/run.sh" "$vnextract" | tee run.log || fail "run.sh exited non-zero"

[[ $(head -n 1 money-per-organisation.tsv) == $'organisation\tcurrency\ttotal\ttotal_grouped\tamounts\tdocuments' ]] \
  || fail "header row: $(head -n 1 money-per-organisation.tsv)"
# By hand, from the articles:
# - Ngân hàng Chính sách xã hội: 18,5 tỷ (cb-2024-0412, sentence 1) + 1,2 tỷ (same document,
#   sentence 3, named with UBND huyện Hòa An) + 52,7 tỷ (cb-2024-1105) = 72,4 tỷ, 3 amounts,
#   2 documents. Its 40 triệu đồng/hộ in cb-2024-0603 is a rate: left out.
# - UBND huyện Hòa An: 1,2 tỷ (cb-2024-0412) + 300 triệu (cb-2024-1105) = 1,5 tỷ.
# - Sở Tài chính tỉnh Cao Bằng: 42,6 tỷ; named again as "Sở Tài chính" in a sentence
#   without money.
# - Công ty Cổ phần Du lịch Non nước Cao Bằng: 2,5 triệu USD, a row of its own currency.
# - No organisation in the sentence: 356 tỷ + (6,8 + 7,45 + 5,2) tỷ + (1,5 + 0,9 + 0,6) tỷ
#   + 160 triệu + 1,8 tỷ + 86 tỷ = 466,41 tỷ: 10 amounts in 5 documents.
[[ $(sed -n 2p money-per-organisation.tsv) == $'Ngân hàng Chính sách xã hội\tVND\t72400000000\t72.400.000.000\t3\t2' ]] \
  || fail "the first row is not Ngân hàng Chính sách xã hội with 72.400.000.000: $(sed -n 2p money-per-organisation.tsv)"
row $'Sở Tài chính tỉnh Cao Bằng\tVND\t42600000000\t42.600.000.000\t1\t1'
row $'Ủy ban nhân dân huyện Hòa An\tVND\t1500000000\t1.500.000.000\t2\t2'
row $'Công ty Cổ phần Du lịch Non nước Cao Bằng\tUSD\t2500000\t2.500.000\t1\t1'
[[ $(tail -n 1 money-per-organisation.tsv) == $'(no organisation in the sentence)\tVND\t466410000000\t466.410.000.000\t10\t5' ]] \
  || fail "the last row is not the money without an organisation, 466.410.000.000: $(tail -n 1 money-per-organisation.tsv)"
grep -q '^Sở Lao động' money-per-organisation.tsv \
  && fail "Sở Lao động - Thương binh và Xã hội has only a rate (500.000 đồng/suất) and must have no row"
# VND rows by total, largest first (sort -n compares digit strings of any length exactly).
grep -v '^(no organisation' money-per-organisation.tsv | awk -F'\t' '$2 == "VND"' | cut -f3 \
  | sort -c -n -r || fail "the VND rows are not sorted by total"
grep -q '^(4 prices such as' run.log || fail "the note on the 4 rates left out is missing"

echo "== 2. exact sums beyond 2^53 and with decimals"
# 9007199254740993 is not a double: jq 1.6 reads it as 9007199254740992. The program must
# add the digits as written.
cat > big.jsonl <<'JSONL'
{"doc":"a","type":"organization","text":"Kho bạc","value":"Kho bạc Nhà nước","sentence":0}
{"doc":"a","type":"money","text":"x","value":9007199254740993,"unit":"VND","sentence":0}
{"doc":"a","type":"money","text":"y","value":1,"unit":"VND","sentence":0}
{"doc":"b","type":"money","text":"z","value":0.1,"unit":"USD","sentence":4}
{"doc":"b","type":"money","text":"w","value":0.2,"unit":"USD","sentence":4}
{"doc":"b","type":"money","text":"v","value":999999999999.99,"unit":"USD","sentence":5}
{"doc":"b","type":"organization","text":"Kho bạc","value":"Kho bạc Nhà nước","sentence":5}
{"doc":"c","type":"money","text":"u","value":123456789012345678901234567,"unit":"VND","sentence":0}
{"doc":"c","type":"organization","text":"Kho bạc","value":"Kho bạc Nhà nước","sentence":0}
JSONL
jq -nrR -f "$here/money-per-organisation.jq" big.jsonl > big.tsv
cat big.tsv
grep -qxF $'Kho bạc Nhà nước\tVND\t123456789021352878155975561\t123.456.789.021.352.878.155.975.561\t3\t2' big.tsv \
  || fail "9007199254740993 + 1 + 123456789012345678901234567 is not exact"
grep -qxF $'Kho bạc Nhà nước\tUSD\t999999999999.99\t999.999.999.999,99\t1\t1' big.tsv \
  || fail "999999999999.99 USD is not kept exactly"
grep -qxF $'(no organisation in the sentence)\tUSD\t0.3\t0,3\t2\t1' big.tsv \
  || fail "0.1 + 0.2 is not 0.3"
echo "(for comparison, jq's own arithmetic: 9007199254740993 + 1 = $(jq -n '9007199254740993 + 1'))"
echo "PASS"
