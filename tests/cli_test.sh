#!/usr/bin/env bash
# The real binary as a user meets it: formats, exit codes, stdin, bad input.
# Usage: cli_test.sh VNEXTRACT TESTS_DIR
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

article=$dir/fixtures/bao-cao.txt

# CSV by default, header first, RFC 4180 line ends.
out=$("$bin" extract "$article"); rc=$?
expect_eq "$rc" 0 "csv exit"
expect_has "$(head -1 <<<"$out")" "doc,type,text,value,value_to,unit,qualifier,numerator,denominator,role,parent,canonical,resolved,note,kind,number,year,issuer_code,issuer,issued,start,end,sentence,rule,context" "csv header"
expect_has "$out" "money,300 triệu đồng,300000000,,VND" "csv money"
expect_eq "$(head -1 <<<"$out" | tail -c 2 | od -An -c | tr -d ' ')" '\r\n' "csv CRLF"

# Same input, same bytes.
expect_eq "$("$bin" extract "$article" | md5sum)" "$(echo "$out" | md5sum)" "deterministic"

# TSV, JSON, JSON Lines.
tsv=$("$bin" extract -f tsv --no-context "$article")
expect_has "$(head -1 <<<"$tsv")" $'doc\ttype\ttext' "tsv header"
json=$("$bin" extract -f json "$article")
expect_eq "${json:0:2}" $'[\n' "json array start"
expect_has "$json" '"value":300000000' "json number unquoted"
jsonl=$("$bin" extract -f jsonl -t money "$article")
expect_eq "$(grep -vc '"type":"money"' <<<"$jsonl")" 0 "types filter"
if command -v python3 >/dev/null; then
  python3 -c 'import json,sys; json.load(open(sys.argv[1]))' <(echo "$json") && ok || bad "json parses"
  python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' <(echo "$jsonl") && ok || bad "jsonl parses"
fi

# stdin, '-' and no path.
expect_eq "$(printf 'Có 3 người.' | "$bin" extract -f jsonl --no-context)" \
  '{"doc":"-","type":"count","text":"3 người","value":3,"value_to":null,"unit":"người","qualifier":"","numerator":null,"denominator":null,"role":"","parent":"","canonical":"","resolved":"","note":"","kind":"","number":"","year":"","issuer_code":"","issuer":"","issued":"","start":3,"end":10,"sentence":0,"rule":"count.noun"}' "stdin"
expect_eq "$(printf 'Có 3 người.' | "$bin" extract -f jsonl - | wc -l)" 1 "dash"

# BOM for Excel; a BOM in the input is not counted in offsets.
expect_eq "$("$bin" extract --bom "$article" | head -c 3 | od -An -tx1 | tr -d ' ')" "efbbbf" "bom"
expect_eq "$(printf '\xEF\xBB\xBFCó 3 người.' | "$bin" extract -f tsv --no-context | tail -1 | cut -f21,22)" $'3\t10' "input bom"

# Offsets point into the input as given: BOM, CRLF line ends, NFD, NBSP and tabs.
if command -v python3 >/dev/null; then
  python3 - "$tmp/messy.txt" <<'PY'
import sys, unicodedata
text = "Trang nhất » Tin tức\r\n\r\nSáng ngày 06/10, Sở hỗ trợ\u00a0\u00a0300 triệu đồng\tcho 02 DN.\r\nĐạt 17/24 hồ sơ; tăng 20%-30%."
open(sys.argv[1], "w", encoding="utf-8", newline="").write("\ufeff" + unicodedata.normalize("NFD", text))
PY
  "$bin" extract -f jsonl "$tmp/messy.txt" > "$tmp/messy.jsonl"
  python3 - "$tmp/messy.txt" "$tmp/messy.jsonl" <<'PY' && ok || bad "offsets into messy input"
import json, sys
text = open(sys.argv[1], encoding="utf-8", newline="").read()[1:]  # drop the BOM
recs = [json.loads(l) for l in open(sys.argv[2])]
assert [r["type"] for r in recs] == ["date", "money", "count", "ratio", "percent"], recs
for r in recs:
    assert text[r["start"]:r["end"]] == r["text"], r
PY
fi

# A missing file, invalid UTF-8, a binary file, an empty file: errors name the file and the
# place; the good file's records are still written; exit 1.
printf 'Hỗ trợ 5 triệu đồng \xC3( tiếp' > "$tmp/bad.txt"
head -c 2000 /dev/urandom > "$tmp/blob.bin"; printf '\0' >> "$tmp/blob.bin"
: > "$tmp/empty.txt"
out=$("$bin" extract -f jsonl "$tmp/missing.txt" "$tmp/bad.txt" "$tmp/blob.bin" "$tmp/empty.txt" "$article" 2>"$tmp/err"); rc=$?
expect_eq "$rc" 1 "bad input exit"
err=$(cat "$tmp/err")
expect_has "$err" "vnextract: $tmp/missing.txt: no such file or directory" "missing file message"
expect_has "$err" "vnextract: $tmp/bad.txt: invalid UTF-8 (bad continuation byte) at byte 29" "invalid utf-8 message"
expect_has "$err" "vnextract: $tmp/blob.bin: " "binary message"
expect_eq "$(wc -l <"$tmp/err")" 3 "one line per bad input"
expect_has "$out" '"text":"300 triệu đồng"' "good file still processed"
expect_eq "$("$bin" extract -f jsonl "$tmp/empty.txt" | wc -c)" 0 "empty file gives nothing"

# A directory is walked for *.txt in a fixed order.
mkdir -p "$tmp/d/b" "$tmp/d/a"
printf 'Có 2 người.' > "$tmp/d/b/x.txt"; printf 'Có 4 người.' > "$tmp/d/a/y.txt"; printf 'Có 9 người.' > "$tmp/d/a/z.md"
expect_eq "$("$bin" extract -f tsv --no-context "$tmp/d" | cut -f1,4 | tail -n +2 | tr '\n' ' ')" "$tmp/d/a/y.txt	4 $tmp/d/b/x.txt	2 " "directory walk"

# -o writes the file only when complete.
"$bin" extract -o "$tmp/out.csv" "$article" && ok || bad "-o exit"
expect_eq "$(md5sum <"$tmp/out.csv")" "$("$bin" extract "$article" | md5sum)" "-o content"
"$bin" extract -o /nonexistent-dir/out.csv "$article" 2>"$tmp/err"; rc=$?
expect_eq "$rc" 1 "-o unwritable exit"
expect_has "$(cat "$tmp/err")" "vnextract: /nonexistent-dir/out.csv: cannot write" "-o unwritable message"

# Usage errors: exit 2 with a message.
"$bin" extract -f xml "$article" 2>"$tmp/err"; expect_eq "$?" 2 "bad format exit"
expect_has "$(cat "$tmp/err")" "unknown format 'xml'" "bad format message"
"$bin" extract -t money,cats "$article" 2>/dev/null; expect_eq "$?" 2 "bad type exit"
"$bin" extract --bom -f json "$article" 2>/dev/null; expect_eq "$?" 2 "bom with json exit"
"$bin" extract --rules /no/such/dir "$article" 2>/dev/null; expect_eq "$?" 2 "bad rules dir exit"
"$bin" frobnicate 2>/dev/null; expect_eq "$?" 2 "unknown command exit"
"$bin" extract --help | grep -q "Exit status" && ok || bad "help"
"$bin" --version | grep -q "^vnextract [0-9]" && ok || bad "version"

# --rules DIR overrides a built-in file: a new currency word.
mkdir -p "$tmp/rules/money"
printf 'đồng\tVND\nquan\tXXX\n' > "$tmp/rules/money/currencies.tsv"
expect_has "$(printf 'Thưởng 5 quan tiền.' | "$bin" extract -f tsv --no-context --rules "$tmp/rules")" $'money\t5 quan\t5\t\tXXX' "rules override"
printf 'broken line without tab\n' > "$tmp/rules/money/currencies.tsv"
"$bin" extract --rules "$tmp/rules" "$article" 2>"$tmp/err"; expect_eq "$?" 2 "bad rules exit"
expect_has "$(cat "$tmp/err")" "currencies.tsv:1: expected 'phrase<TAB>value'" "bad rules message"

mkdir -p "$tmp/rules2/legal_ref"
printf '# shapes\nbad(\n' > "$tmp/rules2/legal_ref/code_patterns.txt"
"$bin" extract --rules "$tmp/rules2" "$article" 2>"$tmp/err"; expect_eq "$?" 2 "bad pattern exit"
expect_has "$(cat "$tmp/err")" "code_patterns.txt:2: bad RE2 pattern: missing ): bad(" "bad pattern message"

# eval: gold records found by their text in document order, scores per type, floors, bad gold.
out=$("$bin" eval --gold "$dir/fixtures/bao-cao.gold.jsonl" -t person,count,money "$dir/fixtures"); rc=$?
expect_eq "$rc" 0 "eval exit"
expect_has "$(grep '^money' <<<"$out")" "|  1.000  1.000  1.000 |" "eval money recall"
expect_has "$(grep '^person' <<<"$out")" "1.000" "eval person"
"$bin" eval --gold "$dir/fixtures/bao-cao.gold.jsonl" -t count --min-f1 0.99 "$dir/fixtures" >/dev/null; expect_eq "$?" 1 "eval floor fails (counts not all annotated)"
printf '{"doc": "bao-cao.txt"}\n' > "$tmp/bad.gold.jsonl"
"$bin" eval --gold "$tmp/bad.gold.jsonl" "$dir/fixtures" 2>/dev/null; expect_eq "$?" 2 "eval bad gold exit"
"$bin" eval --gold "$dir/fixtures/bao-cao.gold.jsonl" "$tmp" 2>/dev/null >/dev/null; expect_eq "$?" 1 "eval missing document exit"

# tokenize shows kinds and offsets.
expect_has "$(printf 'Nghị quyết số 93/2021/NQ-HĐND' | "$bin" tokenize)" $'-\t0\t14\t29\tcode\t93/2021/NQ-HĐND' "tokenize"

# --date: the reference date for dates without a year and relative dates; a bad one is a usage error.
expect_has "$(printf 'Sáng 06/10, hôm qua và 9 tháng đầu năm.' | "$bin" extract -f tsv --no-context -t date,period --date 2023-10-20 | cut -f2-4,13-14)" \
  $'date\t06/10\t2023-10-06\tinferred\t' "--date infers the year"
expect_has "$(printf 'Sáng 06/10, hôm qua và 9 tháng đầu năm.' | "$bin" extract -f tsv --no-context -t date,period --date 2023-10-20 | cut -f2-4,13-14)" \
  $'date\thôm qua\t2023-10-19\trelative\toffset=-1d' "--date resolves hôm qua"
expect_has "$(printf 'Sáng 06/10, hôm qua và 9 tháng đầu năm.' | "$bin" extract -f tsv --no-context -t date,period --date 2023-10-20 | cut -f2-4,13-14)" \
  $'period\t9 tháng đầu năm\t2023-01/2023-09\tinferred' "--date resolves a period"
expect_has "$(printf 'Sáng 06/10, hôm qua.' | "$bin" extract -f tsv --no-context -t date | cut -f2-4,13-14)" \
  $'date\thôm qua\t\tunresolved\toffset=-1d' "no reference date"
printf 'x' | "$bin" extract --date 2023-02-30 2>"$tmp/err"; expect_eq "$?" 2 "bad --date exit"
expect_has "$(cat "$tmp/err")" "--date '2023-02-30' is not a date YYYY-MM-DD" "bad --date message"
# A '# date = ' header is the document's date, and its lines give no record.
printf '# doc_id = 7\n# date = 20201001\nNgày 5/9, tỉnh họp.\n' > "$tmp/h.txt"
expect_eq "$("$bin" extract -f tsv --no-context "$tmp/h.txt" | tail -n +2 | cut -f2-4)" $'date\tNgày 5/9\t2020-09-05' "header date"
# legal_ref parts in CSV columns kind..issued
expect_has "$(printf 'Theo Quyết định số 844/QĐ-TTg ngày 18/5/2016 của Thủ tướng Chính phủ.' | "$bin" extract -f tsv --no-context -t legal_ref | cut -f15-20)" \
  $'Quyết định\t844\t\tQĐ-TTg\tThủ tướng Chính phủ\t2016-05-18' "legal_ref parts"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
