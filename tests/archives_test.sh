#!/usr/bin/env bash
# Archives through the real binary: JSON Lines (fields, malformed lines, streaming), --summary,
# --keep-fields, --errors, --jobs (same bytes for every N), --glob, --input-format, normalize,
# --emit-text, and the GNU parallel --pipe recipe of the README.
# Usage: archives_test.sh VNEXTRACT TESTS_DIR
set -u
bin=$1
dir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
expect_eq() { if [ "$1" == "$2" ]; then ok; else bad "$3: got [$1] want [$2]"; fi; }
expect_has() { if grep -qF -- "$2" <<<"$1"; then ok; else bad "$3: [$1] lacks [$2]"; fi; }

# A JSON Lines archive: a good line, a malformed one, one without text, one with an HTML text,
# a blank line, and numbers as ids.
cat > "$tmp/a.jsonl" <<'JSONL'
{"id": "bai-1", "date": "2023-10-20", "url": "https://example.vn/1", "text": "Sáng ngày 06/10, tỉnh hỗ trợ 300 triệu đồng cho 45 hộ."}
{"id": "bai-2", "text": "mất ngoặc
{"id": "bai-3", "title": "Không có nội dung"}

{"id": 4, "date": "20231020", "text": "<html><body><p>Hôm qua, huyện trao 12 suất quà.</p><script>var x = 5;</script></body></html>"}
{"id": "bai-5", "text": "Đạt 17/24 hồ sơ, tăng 20%."}
JSONL
out=$("$bin" extract -f tsv --no-context --errors "$tmp/err.jsonl" "$tmp/a.jsonl" 2>"$tmp/stderr"); rc=$?
expect_eq "$rc" 1 "jsonl: a bad line fails the run"
expect_has "$(cat "$tmp/stderr")" "a.jsonl:2: invalid JSON" "jsonl: malformed line named with its number"
expect_has "$(cat "$tmp/stderr")" "a.jsonl:3: no field 'text'" "jsonl: missing text field"
expect_has "$out" $'bai-1\tdate\tngày 06/10\t2023-10-06' "jsonl: id field and date field as the reference date"
expect_has "$out" $'bai-1\tmoney\t300 triệu đồng\t300000000' "jsonl: records of the good line"
expect_has "$out" $'4\tdate\tHôm qua\t2023-10-19' "jsonl: HTML in the text field, numeric id"
expect_eq "$(grep -c $'^4\tnumber' <<<"$out")" 0 "jsonl: scripts of an HTML text dropped"
expect_has "$out" $'bai-5\tratio\t17/24 hồ sơ' "jsonl: the lines after the bad ones go on"
expect_eq "$(wc -l < "$tmp/err.jsonl")" 2 "errors file: one line per failure"
expect_has "$(cat "$tmp/err.jsonl")" '{"doc":"'"$tmp"'/a.jsonl:2","line":2,"reason":"invalid JSON' "errors file: JSON Lines with the line"

# --text-field, --id-field, --date-field.
printf '{"ma": "x1", "ngay": "2023-01-05", "noi_dung": "Ngày 28/12, xã nhận 5 tấn gạo."}\n' > "$tmp/b.jsonl"
expect_has "$("$bin" extract -f tsv --no-context --text-field noi_dung --id-field ma --date-field ngay -t date "$tmp/b.jsonl")" \
  $'x1\tdate\tNgày 28/12\t2022-12-28' "custom fields; the date field resolves across the year end"

# --keep-fields carries metadata into every record; a field named like a column is refused.
expect_has "$("$bin" extract -f csv --no-context --keep-fields url -t money "$tmp/a.jsonl" 2>/dev/null | head -1)" ",rule,url" "keep-fields header"
expect_has "$("$bin" extract -f jsonl --keep-fields url -t money "$tmp/a.jsonl" 2>/dev/null)" '"url":"https://example.vn/1"}' "keep-fields json"
"$bin" extract --keep-fields text "$tmp/a.jsonl" >/dev/null 2>&1; expect_eq "$?" 2 "keep-fields collision is a usage error"

# --summary: one row per document.
sum=$("$bin" extract --summary -f csv "$tmp/a.jsonl" 2>/dev/null)
expect_eq "$(head -1 <<<"$sum" | tr -d '\r')" "doc,title,date,author,records,n_money,n_count,n_ratio,n_percent,n_quantity,n_date,n_time,n_legal_ref,n_number,n_person,n_organization,n_location,n_period,money_vnd,money_usd,money_other" "summary header"
expect_has "$sum" "bai-1,,2023-10-20,,3,1,1,0,0,0,1,0,0,0,0,0,0,0,300000000,0," "summary row"
printf 'Thứ hai - 12/04/2021 15:58\nHôm qua, xã nhận 300 triệu đồng.\n' > "$tmp/dateline.txt"
expect_eq "$("$bin" extract --summary -f tsv "$tmp/dateline.txt" | tail -1 | cut -f3)" "2021-04-12" "summary: a text file's date is its dateline's"
expect_eq "$(wc -l <<<"$sum")" 4 "summary: one row per good document"

# --jobs: the same bytes for every N, errors in input order too.
mkdir -p "$tmp/d"
for i in $(seq 1 40); do
  printf 'Ngày %d/5/2021, xã %d hỗ trợ %d triệu đồng cho %d hộ nghèo.\n' $((i % 28 + 1)) "$i" $((i * 3)) "$i" > "$tmp/d/f$(printf %02d "$i").txt"
done
printf 'Có 3 người.\x00 Một tệp nhị phân.' > "$tmp/d/f20.txt"
"$bin" extract -f jsonl -j 1 "$tmp/d" > "$tmp/j1" 2>"$tmp/e1"
"$bin" extract -f jsonl -j 3 "$tmp/d" > "$tmp/j3" 2>"$tmp/e3"
"$bin" extract -f jsonl -j 8 "$tmp/d" > "$tmp/j8" 2>"$tmp/e8"
cmp -s "$tmp/j1" "$tmp/j3" && cmp -s "$tmp/j1" "$tmp/j8" && ok || bad "jobs: output differs between -j 1, 3, 8"
cmp -s "$tmp/e1" "$tmp/e3" && ok || bad "jobs: messages differ between -j 1 and 3"
expect_eq "$(grep -c '"type":"money"' "$tmp/j1")" 39 "jobs: every good document's records"
"$bin" extract -j 0 "$tmp/d" >/dev/null 2>&1; expect_eq "$?" 2 "jobs 0 is a usage error"

# --jobs on stdin: the reader thread reads std::cin while the emitter writes std::cout (they were
# once tied, and every read flushed std::cout from the wrong thread: lost and doubled lines).
for i in $(seq 1 10); do grep -v 'mất ngoặc\|Không có' "$tmp/a.jsonl" | sed "s/\"id\": \"/\"id\": \"r$i-/; s/\"id\": 4/\"id\": \"r$i-4\"/"; done > "$tmp/d.jsonl"
"$bin" extract -f jsonl -j 1 - < "$tmp/d.jsonl" > "$tmp/s1" 2>/dev/null
same=0
for i in $(seq 1 20); do "$bin" extract -f jsonl -j 8 - < "$tmp/d.jsonl" > "$tmp/s8" 2>/dev/null; cmp -s "$tmp/s8" "$tmp/s1" && same=$((same + 1)); done
expect_eq "$same" 20 "jobs on stdin: the same bytes in 20 runs of -j 8"

# --verbose counts documents read, failed and records written.
"$bin" extract -f jsonl -t money -q -v "$tmp/d" 2>"$tmp/v" >/dev/null
expect_has "$(cat "$tmp/v")" "vnextract: 40 documents read, 1 failed, 39 records written" "verbose counts"

# A progress line only when stderr is a terminal (script(1) gives the run one), never with -q.
if command -v script >/dev/null; then
  expect_has "$(script -qc "'$bin' extract -f jsonl -o '$tmp/p.jsonl' '$tmp/d'" /dev/null | tr '\r' '\n')" "40 documents, " "progress on a terminal"
  expect_eq "$(script -qc "'$bin' extract -q -f jsonl -o '$tmp/p.jsonl' '$tmp/d'" /dev/null | grep -c documents)" 0 "no progress with -q"
fi
expect_eq "$("$bin" extract -f jsonl "$tmp/d" 2>&1 >/dev/null | grep -c 'documents,')" 0 "no progress when stderr is no terminal"

# --glob chooses the files of a walk; --input-format forces a format.
mkdir -p "$tmp/g"
printf 'Có 3 người.' > "$tmp/g/a.txt"
printf 'Có 4 người.' > "$tmp/g/b.md"
expect_eq "$("$bin" extract -f tsv --no-context -t count "$tmp/g" | tail -n +2 | cut -f4 | tr '\n' ' ')" "3 " "default globs"
expect_eq "$("$bin" extract -f tsv --no-context -t count --glob '*.md' "$tmp/g" | tail -n +2 | cut -f4 | tr '\n' ' ')" "4 " "--glob"
printf '<p>Có 5 người.</p>' > "$tmp/g/c.txt"
expect_has "$("$bin" extract -f tsv --no-context -t count --input-format html "$tmp/g/c.txt")" $'count\t5 người' "--input-format html"
"$bin" extract --input-format pdf "$tmp/g" >/dev/null 2>&1; expect_eq "$?" 2 "unknown input format"
"$bin" extract --encoding ebcdic "$tmp/g" >/dev/null 2>&1; expect_eq "$?" 2 "unknown encoding"

# A streaming filter: one line in, its records out before the next line is written.
coproc VN { "$bin" extract -f jsonl --no-context -t count -; }
printf '{"id": "s1", "text": "Có 7 người."}\n' >&"${VN[1]}"
if read -r -t 10 line <&"${VN[0]}"; then expect_has "$line" '"doc":"s1"' "streaming: records flushed per document"; else bad "streaming: no output before end of input"; fi
exec {VN[1]}>&-
wait "$VN_PID" 2>/dev/null

# normalize: NFC text out; JSON Lines with metadata.
python3 -c 'import unicodedata,sys; sys.stdout.write(unicodedata.normalize("NFD", "Hoà An\u00a0có  3 xã."))' > "$tmp/nfd.txt"
expect_eq "$("$bin" normalize "$tmp/nfd.txt")" "Hoà An có 3 xã." "normalize: NFC, one space"
expect_has "$("$bin" normalize -f jsonl "$tmp/a.jsonl" 2>/dev/null | head -1)" '"id":"bai-1","title":"","date":"2023-10-20"' "normalize jsonl"

# --emit-text saves the text offsets refer to.
"$bin" extract -q --emit-text "$tmp/emit" --input-format html "$tmp/g/c.txt" >/dev/null
expect_eq "$(cat "$tmp/emit$tmp/g/c.txt.txt" 2>/dev/null)" "Có 5 người." "emit-text"

# GNU parallel --pipe over a JSON Lines archive gives the same records as one process.
if command -v parallel >/dev/null; then
  grep -v 'mất ngoặc\|Không có' "$tmp/a.jsonl" > "$tmp/good.jsonl"
  for i in $(seq 1 30); do printf '{"id": "p%d", "text": "Xã %d nhận %d tấn gạo."}\n' "$i" "$i" "$i"; done >> "$tmp/good.jsonl"
  "$bin" extract -f jsonl "$tmp/good.jsonl" > "$tmp/one"
  parallel --pipe -k -N 7 -j 2 "$bin" extract -f jsonl - < "$tmp/good.jsonl" > "$tmp/par"
  diff "$tmp/one" "$tmp/par" | head -5
  cmp -s "$tmp/one" "$tmp/par" && ok || bad "GNU parallel --pipe: output differs from one process"
else
  bad "GNU parallel is not installed (apt-get install parallel)"
fi

# Every encoding fixture gives the records of the clean UTF-8 text, whether its encoding is given
# or guessed; every HTML fixture the records of the text a reader would keep.
records() { "$bin" extract -q -f tsv --no-context "$@" | tail -n +2 | cut -f2-; }
# Without start and end: they count the code points of the decoded text, and Windows-1258
# decodes to letters with combining marks (NFD), so they differ from the NFC text's.
# The text is compared in NFC for the same reason.
records_no_offsets() {
  "$bin" extract -q -f tsv --no-context "$@" | tail -n +2 | cut -f2-20,23- |
    python3 -c 'import sys,unicodedata; sys.stdout.write(unicodedata.normalize("NFC", sys.stdin.read()))'
}
enc_dir=$dir/fixtures/encodings
if [ -f "$enc_dir/article.utf8.txt" ]; then
  want=$(records_no_offsets "$enc_dir/article.utf8.txt")
  [ -n "$want" ] || bad "encodings: the clean text gives no records"
  for f in "$enc_dir"/article.*.txt; do
    name=$(basename "$f" .txt); name=${name#article.}
    case $name in
      utf8) continue ;;
      utf16le|utf16be) enc=utf-16 ;;
      cp1258) enc=windows-1258 ;;
      *) enc=$name ;;
    esac
    expect_eq "$(records_no_offsets --encoding "$enc" "$f")" "$want" "encoding $name given: same records as UTF-8"
    expect_eq "$(records_no_offsets "$f")" "$want" "encoding $name guessed: same records as UTF-8"
    expect_has "$("$bin" extract -v -q -t money "$f" 2>&1 >/dev/null)" "read as $enc" "encoding $name: --verbose names it"
  done
else
  bad "no encoding fixtures in $enc_dir"
fi
html_dir=$dir/fixtures/html
n=0
for f in "$html_dir"/*.html; do
  [ -f "$f" ] || continue
  n=$((n + 1))
  # the page's date is the reference date of its records; give the clean text the same one
  pub=$(sed -n 's/^published=//p' "${f%.html}.meta" 2>/dev/null)
  expect_eq "$(records "$f")" "$(records --input-format text ${pub:+--date "$pub"} "${f%.html}.txt")" \
    "html $(basename "$f"): same records as its clean text"
done
[ "$n" -ge 4 ] || bad "fewer than 4 HTML fixtures in $html_dir"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
