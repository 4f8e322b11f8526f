#!/usr/bin/env bash
# ctest example_ci_figures_check: the committed figures pass; a changed figure fails, with a
# readable diff; an edit that changes no figure passes.
#   bash test.sh VNEXTRACT
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
vnextract="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

fail() { echo "FAIL: $*" >&2; exit 1; }
check() {  # check WANT_STATUS LOG ARGS...: run run.sh ARGS, expect WANT_STATUS
  local want=$1 log=$2 status=0
  shift 2
  bash "$here/run.sh" "$@" > "$log" 2>&1 || status=$?
  cat "$log"
  [[ $status == "$want" ]] || fail "run.sh $* exited $status, expected $want"
}

echo "== 1. the articles as committed: passes"
check 0 unchanged.log "$vnextract" \
  || fail "expected-figures.tsv no longer matches vnextract's output; if intended: UPDATE=1 bash $here/run.sh $vnextract"
grep -q '^figures check: passed, 51 figures in 3 articles are unchanged$' unchanged.log \
  || fail "the pass message does not count 51 figures in 3 articles"

echo "== 2. a figure changed in a copy (300 triệu -> 350 triệu đồng): fails with the diff"
cp -r "$here/articles" changed
sed -i 's/huyện chi 300 triệu đồng/huyện chi 350 triệu đồng/' changed/ha-quang-ngan-sach.txt
cmp -s "$here/articles/ha-quang-ngan-sach.txt" changed/ha-quang-ngan-sach.txt && fail "the edit did not apply"
check 1 changed.log "$vnextract" "$tmp/changed" 2> /dev/null || exit 1
grep -qxF -e $'-ha-quang-ngan-sach.txt\tmoney\t300 triệu đồng\t300000000\t\tVND\t' changed.log \
  || fail "the diff does not show the old figure"
grep -qxF -e $'+ha-quang-ngan-sach.txt\tmoney\t350 triệu đồng\t350000000\t\tVND\t' changed.log \
  || fail "the diff does not show the new figure"
[[ $(grep -c '^[-+][a-z]' changed.log) == 2 ]] || fail "the diff shows more than the one changed figure"
grep -q '^figures check: FAILED' changed.log || fail "no FAILED line"

echo "== 3. a sentence without figures added (every offset moves): still passes"
cp -r "$here/articles" reworded
sed -i 's/^Năm học 2024-2025, huyện Bảo Lạc/Ngành giáo dục đã chuẩn bị chu đáo. Năm học 2024-2025, huyện Bảo Lạc/' \
  reworded/bao-lac-truong-hoc.txt
cmp -s "$here/articles/bao-lac-truong-hoc.txt" reworded/bao-lac-truong-hoc.txt && fail "the edit did not apply"
check 0 reworded.log "$vnextract" "$tmp/reworded"

echo "== 4. a new article with one figure: fails, one added line"
cp -r "$here/articles" added
printf 'Thứ sáu - 11/10/2024 08:00\nXã Trường Hà tiếp nhận 45 tấn gạo hỗ trợ.\n' > added/truong-ha.txt
check 1 added.log "$vnextract" "$tmp/added" || exit 1
grep -qxF -e $'+truong-ha.txt\tquantity\t45 tấn\t45\t\ttấn\t' added.log || fail "the new figure is not in the diff"
grep -q '^-[a-z]' added.log && fail "the diff removes figures that did not change"

echo "== 5. no expected file: exit 2"
check 2 missing.log "$vnextract" "$here/articles" "$tmp/none.tsv" || exit 1

echo "== 6. UPDATE=1 writes exactly the committed expected file"
UPDATE=1 bash "$here/run.sh" "$vnextract" "$here/articles" "$tmp/expected.tsv"
cmp "$tmp/expected.tsv" "$here/expected-figures.tsv" || fail "UPDATE=1 wrote a different file"
echo "PASS"
