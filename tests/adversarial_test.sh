#!/usr/bin/env bash
# Adversarial inputs through the real binary (issue 6, "Hardening"): a 200 MB single line and a
# 200 MB file of lines (bounded memory, every record at its place in the whole document), a
# document in parts against the same document whole, a 5 MB run of digits, an amount beyond
# 128 bits, 10,000 and 100,000 nested HTML tags, a NUL byte and a truncated UTF-8 sequence (in a
# small file and far into a large one), files that vanish or cannot be read during a walk, a
# JSON Lines line too long to hold, a full disk on -o, SIGPIPE, and one bad document among 2,000.
# The big inputs are generated here, in a temporary directory.
#
# Usage: adversarial_test.sh VNEXTRACT TESTS_DIR
# VNEXTRACT_ADVERSARIAL_SMALL=1 (and any AddressSanitizer build, found with ldd) shrinks the
# 200 MB inputs to 20 MB; peak memory is not checked under AddressSanitizer (its shadow memory
# and quarantine are most of it), nor without /usr/bin/time (Debian package `time`).
set -u
bin=$1
dir=$2
tmp=$(mktemp -d)
mounted=""
cleanup() {
  [ -n "$mounted" ] && umount "$mounted" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
note() { echo "NOTE: $*"; }
expect_eq() { if [ "$1" == "$2" ]; then ok; else bad "$3: got [$1] want [$2]"; fi; }
expect_has() { if grep -qF -- "$2" <<<"$1"; then ok; else bad "$3: [$1] lacks [$2]"; fi; }
now_ms() { date +%s%3N; }

command -v python3 >/dev/null || { echo "python3 is needed to generate the inputs"; exit 1; }
asan=0
if ldd "$bin" 2>/dev/null | grep -q libasan; then asan=1; fi
small=${VNEXTRACT_ADVERSARIAL_SMALL:-0}
[ "$asan" = 1 ] && small=1
big_mb=200
[ "$small" = 1 ] && big_mb=20
memcheck=1
if [ ! -x /usr/bin/time ]; then
  memcheck=0
  note "/usr/bin/time is missing (apt-get install time): peak memory is not checked"
elif [ "$asan" = 1 ]; then
  memcheck=0
  note "AddressSanitizer build: peak memory is not checked"
fi
limit_kb=65536  # 64 MB

# run_mem NAME CMD...: runs CMD with its peak resident memory (KB) in $tmp/NAME.mem.
run_mem() {
  local name=$1
  shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f %M -o "$tmp/$name.mem" "$@"
  else
    "$@"
  fi
}
expect_mem_under() {  # NAME KB WHAT
  [ "$memcheck" = 1 ] || return 0
  local kb
  kb=$(tail -1 "$tmp/$1.mem")
  if [ "$kb" -lt "$2" ]; then ok; else bad "$3: peak memory $kb KB, not under $2 KB"; fi
  echo "  $3: peak $kb KB"
}

# ---------------------------------------------------------------------------------------------
# Big documents. A block is a fact with its own number ("Tỉnh hỗ trợ 100007 triệu đồng cho các
# hộ nghèo.") and 38 sentences of filler, 3,886 code points; every block as long, so record i
# must start at (i-1)*3886 + 12, in sentence (i-1)*39: a part cut anywhere else, a record lost or
# doubled at a cut, an offset or a sentence not moved to the whole document shows.
gen_blocks() {  # MODE(line|lines) MB FILE → prints the number of blocks
  python3 - "$@" <<'PY'
import sys
mode, mb, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
filler = "Trong những năm qua công tác này đã được quan tâm thực hiện tốt hơn và đạt nhiều kết quả quan trọng. "
n = 0
total = 0
with open(out, "w", encoding="utf-8", newline="") as f:
    while total < mb * 1000000:
        n += 1
        block = "Tỉnh hỗ trợ %d triệu đồng cho các hộ nghèo. " % (100000 + n) + filler * 38
        if mode == "lines":
            block = block[:-1] + "\n"
        assert len(block) == 3886
        f.write(block)
        total += len(block.encode())
print(n)
PY
}
check_blocks() {  # TSV(-t money --no-context) BLOCKS → "N records, W wrong"
  awk -F'\t' -v want="$2" '
    NR == 1 { next }
    { n++
      if ($2 != "money" || $4 != (100000 + n) "000000" || $21 != (n - 1) * 3886 + 12 || $22 != $21 + 17 || $23 != (n - 1) * 39) {
        if (w < 3) print "  wrong: " $0 > "/dev/stderr"; w++ } }
    END { print n + 0 " records, " w + 0 " wrong" }' "$1"
}
for mode in line lines; do
  f="$tmp/big-$mode.txt"
  blocks=$(gen_blocks "$mode" "$big_mb" "$f")
  what="${big_mb} MB $( [ "$mode" = line ] && echo 'single line' || echo 'of lines')"
  t0=$(now_ms)
  run_mem "big-$mode" "$bin" extract -q -j 2 -t money -f tsv --no-context "$f" > "$tmp/big-$mode.tsv" 2> "$tmp/big-$mode.err"
  rc=$?
  t1=$(now_ms)
  echo "  $what: $((t1 - t0)) ms"
  expect_eq "$rc" 0 "$what: exit"
  expect_eq "$(cat "$tmp/big-$mode.err")" "" "$what: no message"
  expect_eq "$(check_blocks "$tmp/big-$mode.tsv" "$blocks")" "$blocks records, 0 wrong" "$what: every record, at its place in the whole document"
  expect_mem_under "big-$mode" "$limit_kb" "$what, -j 2"
  if [ "$mode" = line ]; then
    # SIGPIPE: the reader goes away after one line. vnextract dies of SIGPIPE like cat and grep:
    # no message, status 141 — also when SIGPIPE is ignored (it then sees EPIPE and raises it) —
    # and it stops at once, long before it would have read 200 MB.
    t0=$(now_ms)
    timeout 60 "$bin" extract -j 2 "$f" 2> "$tmp/pipe.err" | head -1 > /dev/null
    rc=${PIPESTATUS[0]}
    t1=$(now_ms)
    expect_eq "$rc" 141 "SIGPIPE: status"
    expect_eq "$(cat "$tmp/pipe.err")" "" "SIGPIPE: quiet"
    [ $((t1 - t0)) -lt 5000 ] && ok || bad "SIGPIPE: took $((t1 - t0)) ms to stop"
    (
      trap '' PIPE
      timeout 60 "$bin" extract -j 2 "$f" 2> "$tmp/pipe2.err" | head -1 > /dev/null
      echo "${PIPESTATUS[0]}" > "$tmp/pipe2.rc"
    )
    expect_eq "$(cat "$tmp/pipe2.rc")" 141 "SIGPIPE ignored: EPIPE ends it the same way"
    expect_eq "$(cat "$tmp/pipe2.err")" "" "SIGPIPE ignored: quiet"
    # Interrupted while writing -o: the temporary file is removed, nothing appears.
    mkdir -p "$tmp/int"
    "$bin" extract -q -j 2 -o "$tmp/int/out.csv" "$f" 2>/dev/null &
    pid=$!
    for _ in $(seq 1 100); do [ -n "$(ls -A "$tmp/int")" ] && break; sleep 0.05; done
    kill -TERM "$pid" 2>/dev/null
    wait "$pid"
    expect_eq "$?" 143 "SIGTERM during -o: status"
    expect_eq "$(ls -A "$tmp/int")" "" "SIGTERM during -o: no file left"
    # A full disk on -o: a 256 KB tmpfs, an old file that must survive as it was.
    mkdir -p "$tmp/full"
    if mount -t tmpfs -o size=256k tmpfs "$tmp/full" 2>/dev/null; then
      mounted="$tmp/full"
      printf 'old\n' > "$tmp/full/old.csv"
      "$bin" extract -q -j 2 -o "$tmp/full/out.csv" "$f" 2> "$tmp/full.err"
      expect_eq "$?" 1 "full disk: exit"
      expect_eq "$(cat "$tmp/full.err")" "vnextract: $tmp/full/out.csv: No space left on device" "full disk: message"
      expect_eq "$(ls -A "$tmp/full")" "old.csv" "full disk: no file left, not even a temporary one"
      "$bin" extract -q -j 2 -o "$tmp/full/old.csv" "$f" 2>/dev/null
      expect_eq "$?" 1 "full disk, replacing a file: exit"
      expect_eq "$(cat "$tmp/full/old.csv")" "old" "full disk: the file -o names is left as it was"
      "$bin" extract -q -o "$tmp/full/small.csv" "$dir/fixtures/bao-cao.txt"
      expect_eq "$?" 0 "-o on the tmpfs: a small output"
      expect_eq "$(cmp -s "$tmp/full/small.csv" <("$bin" extract -q "$dir/fixtures/bao-cao.txt") && echo same)" same "-o on the tmpfs: renamed into place"
      umount "$tmp/full" && mounted=""
    else
      note "cannot mount a tmpfs (not root, or not permitted): the full-disk rename path is not checked"
    fi
  fi
  rm -f "$f" "$tmp/big-$mode.tsv"
done

# -o /dev/full (a device: written directly, no temporary file beside it) and standard output on
# /dev/full. Our own node of the device when we may make one, so that a vnextract that renamed
# a file over it would not break the machine's /dev/full.
full=/dev/full
if mknod "$tmp/full-dev" c 1 7 2>/dev/null; then full=$tmp/full-dev; fi
"$bin" extract -q -o "$full" "$dir/fixtures/bao-cao.txt" 2> "$tmp/devfull.err"
expect_eq "$?" 1 "-o /dev/full: exit"
expect_eq "$(cat "$tmp/devfull.err")" "vnextract: $full: No space left on device" "-o /dev/full: message"
[ -c "$full" ] && ok || bad "-o /dev/full: $full is no longer a device"
expect_eq "$(ls -A "$(dirname "$full")" | grep -c vnextract)" 0 "-o /dev/full: no temporary file beside it"
"$bin" extract -q "$dir/fixtures/bao-cao.txt" > /dev/full 2> "$tmp/devfull2.err"
expect_eq "$?" 1 "stdout on /dev/full: exit"
expect_eq "$(cat "$tmp/devfull2.err")" "vnextract: standard output: No space left on device" "stdout on /dev/full: message"

# The densest text (the example article's facts, over and over) with every type and its
# context, 8 MB on one line and in lines, -j 2.
python3 - "$dir/fixtures/bao-cao.txt" "$tmp/dense-line.txt" "$tmp/dense-lines.txt" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
body = " ".join(l.strip() for l in text.splitlines()[6:] if l.strip()) + " "
n = 8 * 1000 * 1000 // len(body.encode())
open(sys.argv[2], "w", encoding="utf-8").write(body * n)
open(sys.argv[3], "w", encoding="utf-8").write((body.rstrip() + "\n") * n)
PY
for mode in line lines; do
  run_mem "dense-$mode" "$bin" extract -q -j 2 "$tmp/dense-$mode.txt" > "$tmp/dense.csv"
  expect_eq "$?" 0 "dense 8 MB $mode: exit"
  expect_mem_under "dense-$mode" "$limit_kb" "dense 8 MB $mode, every type, -j 2"
done
rm -f "$tmp/dense-line.txt" "$tmp/dense-lines.txt" "$tmp/dense.csv"

# ---------------------------------------------------------------------------------------------
# A document in parts gives the records of the document whole: the example article with its
# body 300 times (600 KB; the dateline, in the first part only, is the reference date of every
# part), cut into 4 KB parts, against the same text read whole (VNEXTRACT_PART_BYTES). Every record but people, organisations and places
# is the same to the byte — offsets, sentences, contexts, resolved dates; entity ids are never
# shared between parts (an alias that refers to a name in another part is lost: that is all).
python3 - "$dir/fixtures/bao-cao.txt" "$tmp/rep" <<'PY'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines(keepends=True)
doc = "".join(lines[:5]) + "".join(lines[5:]) * 300
open(sys.argv[2] + ".txt", "w", encoding="utf-8").write(doc)
open(sys.argv[2] + "16.txt", "wb").write(b"\xff\xfe" + doc.encode("utf-16-le"))
open(sys.argv[2] + ".jsonl", "w", encoding="utf-8").write(json.dumps({"id": "rep", "text": doc}, ensure_ascii=False) + "\n")
PY
numeric() { grep -Pv '\t(person|organization|location)\t' | cut -f2-11,13-; }
for f in rep.txt rep16.txt rep.jsonl; do
  VNEXTRACT_PART_BYTES=100000000 "$bin" extract -q -f tsv "$tmp/$f" > "$tmp/whole.tsv"
  VNEXTRACT_PART_BYTES=4096 "$bin" extract -q -j 2 -f tsv "$tmp/$f" > "$tmp/parts.tsv"
  expect_eq "$(diff <(numeric < "$tmp/whole.tsv") <(numeric < "$tmp/parts.tsv") | head -3)" "" "$f in parts: the records of the whole"
  expect_eq "$(grep -c $'\tdate\t' "$tmp/parts.tsv")" 601 "$f in parts: every date"
  expect_eq "$(grep -c $'\tdate\tngày 04/7\t2024-07-04\t' "$tmp/parts.tsv")" 300 "$f in parts: the dateline of the first part resolves the dates of every part"
  # one id, one name; and ids run on from part to part
  expect_eq "$(awk -F'\t' 'NR > 1 && $12 != "" { if (($12 in name) && name[$12] != $4) n++; name[$12] = $4 } END { print n + 0 }' "$tmp/parts.tsv")" 0 "$f in parts: no entity id shared by two names"
  [ "$(awk -F'\t' '$4 == "Sở Khoa học và Công nghệ tỉnh Lạng Sơn" { print $12 }' "$tmp/parts.tsv" | sort -u | wc -l)" -gt 50 ] && ok ||
    bad "$f in parts: an entity of every part has an id of its own"
done
VNEXTRACT_PART_BYTES=100000000 "$bin" normalize "$tmp/rep.txt" > "$tmp/whole.txt"
VNEXTRACT_PART_BYTES=4096 "$bin" normalize -j 2 "$tmp/rep.txt" > "$tmp/parts.txt"
cmp -s "$tmp/whole.txt" "$tmp/parts.txt" && ok || bad "normalize in parts: the text of the whole"
VNEXTRACT_PART_BYTES=100000000 "$bin" extract -q --emit-text "$tmp/emit1" "$tmp/rep16.txt" > /dev/null
VNEXTRACT_PART_BYTES=4096 "$bin" extract -q -j 2 --emit-text "$tmp/emit2" "$tmp/rep16.txt" > /dev/null
cmp -s "$tmp/emit1$tmp/rep16.txt.txt" "$tmp/emit2$tmp/rep16.txt.txt" && ok || bad "--emit-text in parts: the text of the whole"
expect_has "$(VNEXTRACT_PART_BYTES=4096 "$bin" extract -q -v --summary "$tmp/rep.txt" 2>&1)" \
  "vnextract: 1 documents read, 0 failed, 1 summary rows written" "a document in parts is one document"

# ---------------------------------------------------------------------------------------------
# A 5 MB run of digits: no crash, a few seconds at most, memory bounded. It is cut into parts
# inside the number (no blank anywhere), and a record that touches such a cut is a fragment
# ("7777 người" from the end of the run): none is written.
python3 -c 'import sys; open(sys.argv[1], "w").write("Có " + "7" * (5 << 20) + " người.\n")' "$tmp/digits.txt"
t0=$(now_ms)
run_mem digits timeout 120 "$bin" extract -q -j 2 -f tsv --no-context "$tmp/digits.txt" > "$tmp/digits.tsv"
rc=$?
t1=$(now_ms)
echo "  5 MB of digits: $((t1 - t0)) ms"
expect_eq "$rc" 0 "5 MB of digits: exit"
expect_eq "$(tail -n +2 "$tmp/digits.tsv" | wc -l)" 0 "5 MB of digits: no fragment written as a fact"
expect_mem_under digits "$limit_kb" "5 MB of digits"
# In one piece (one part): one count, and no value rather than a wrong one.
printf 'Có %s người.' "$(head -c 100000 /dev/zero | tr '\0' 7)" > "$tmp/digits-100k.txt"
expect_eq "$("$bin" extract -q -f tsv --no-context "$tmp/digits-100k.txt" | tail -n +2 | cut -f2,4,6,21,22)" \
  $'count\t\tngười\t3\t100009' "100,000 digits: a count without a value"

# Beyond 2^53, exact; beyond 128 bits, no value — never a wrapped one.
expect_eq "$(printf 'Dự án cần 999999999999999999999 tỷ đồng.' | "$bin" extract -q -f tsv --no-context -t money | tail -1 | cut -f3,4,6)" \
  $'999999999999999999999 tỷ đồng\t999999999999999999999000000000\tVND' "999999999999999999999 tỷ đồng: exact"
ovf=$(printf 'Dự án cần 99999999999999999999999999999999999999999 tỷ đồng.' | "$bin" extract -q -f tsv --no-context -t money | tail -1)
expect_eq "$(cut -f3,4,6 <<<"$ovf")" $'99999999999999999999999999999999999999999 tỷ đồng\t\tVND' "10^50 đồng: no value"
expect_eq "$(cut -f14 <<<"$ovf")" "overflow" "10^50 đồng: the note says why there is no value"
expect_eq "$("$bin" extract -q -f tsv --no-context "$tmp/digits-100k.txt" | tail -n +2 | cut -f14)" "overflow" "100,000 digits: overflow note"

# ---------------------------------------------------------------------------------------------
# 10,000 and 100,000 nested tags: the reader flattens what is deeper than 400 levels; every
# paragraph's text is still there.
for depth in 10000 100000; do
  python3 - "$depth" "$tmp/nest.html" <<'PY'
import sys
n, out = int(sys.argv[1]), sys.argv[2]
step = n // 10
parts = ["<html><head><title>Tin</title></head><body>"]
for k in range(n):
    parts.append("<div>")
    if k % step == step - 1:
        parts.append("<p>Đợt %d hỗ trợ %d triệu đồng cho các hộ nghèo của xã.</p>" % (k // step + 1, (k // step + 1) * 100))
parts.append("</div>" * n + "</body></html>")
open(out, "w", encoding="utf-8").write("".join(parts))
PY
  t0=$(now_ms)
  timeout 60 "$bin" extract -q -f tsv --no-context -t money "$tmp/nest.html" > "$tmp/nest.tsv"
  rc=$?
  t1=$(now_ms)
  got=$(tail -n +2 "$tmp/nest.tsv" | cut -f4 | tr '\n' ' ')
  echo "  $depth nested tags: $((t1 - t0)) ms"
  expect_eq "$rc" 0 "$depth nested tags: exit"
  expect_eq "$got" "100000000 200000000 300000000 400000000 500000000 600000000 700000000 800000000 900000000 1000000000 " \
    "$depth nested tags: the text at every depth"
done
# An HTML page too large for the parser: an error, not gigabytes.
python3 -c 'import sys; open(sys.argv[1], "w").write("<html><body>" + "<p>Có 3 người.</p>" * 1100000 + "</body></html>")' "$tmp/huge.html"
size=$(stat -c %s "$tmp/huge.html")
"$bin" extract -q "$tmp/huge.html" > /dev/null 2> "$tmp/huge.err"
expect_eq "$?" 1 "HTML page beyond 16 MiB: exit"
expect_eq "$(cat "$tmp/huge.err")" "vnextract: $tmp/huge.html: HTML page too large ($size bytes, limit 16777216)" "HTML page beyond 16 MiB: message"
rm -f "$tmp/huge.html"

# ---------------------------------------------------------------------------------------------
# A NUL byte mid-document, a truncated multi-byte sequence at the end: the exact message, the
# rest of the batch goes on. Also far into a document read in parts: the offset is the file's.
mkdir -p "$tmp/nul"
printf 'Có 3 người.\n' > "$tmp/nul/a.txt"
printf 'Có 4 người.\x00 Thêm 5 hộ.\n' > "$tmp/nul/b.txt"
printf 'Có 6 người. Xã \xe1\xbb' > "$tmp/nul/c.txt"
printf 'Có 8 người.\n' > "$tmp/nul/d.txt"
out=$("$bin" extract -q -f tsv --no-context -t count "$tmp/nul" 2> "$tmp/nul.err")
expect_eq "$?" 1 "NUL, truncated: exit"
expect_eq "$(cat "$tmp/nul.err")" "vnextract: $tmp/nul/b.txt: binary data (NUL byte) at byte 15
vnextract: $tmp/nul/c.txt: invalid UTF-8 (truncated sequence) at byte 20" "NUL, truncated: one exact line each"
expect_eq "$(tail -n +2 <<<"$out" | cut -f1,4 | tr '\n' ' ')" "$tmp/nul/a.txt	3 $tmp/nul/d.txt	8 " "NUL, truncated: the good files' records"
nul_at=$(python3 - "$tmp/nul-big.txt" "$tmp/trunc-big.txt" <<'PY'
import sys
line = "Tỉnh hỗ trợ 300 triệu đồng cho 45 hộ nghèo.\n".encode()
body = line * (1000000 // len(line))
at = 700000 // len(line) * len(line) + 4  # after "Tỉnh", before " hỗ"
open(sys.argv[1], "wb").write(body[:at] + b"\x00" + body[at:])
open(sys.argv[2], "wb").write(body + "Xã ".encode() + b"\xe1\xbb")
print(at)
PY
)
"$bin" extract -q "$tmp/nul-big.txt" > /dev/null 2> "$tmp/nul-big.err"
expect_eq "$?" 1 "NUL far into 1 MB: exit"
expect_eq "$(cat "$tmp/nul-big.err")" "vnextract: $tmp/nul-big.txt: binary data (NUL byte) at byte $nul_at" "NUL far into 1 MB: message"
tsize=$(stat -c %s "$tmp/trunc-big.txt")
"$bin" extract -q "$tmp/trunc-big.txt" > /dev/null 2> "$tmp/trunc-big.err"
expect_eq "$(cat "$tmp/trunc-big.err")" "vnextract: $tmp/trunc-big.txt: invalid UTF-8 (truncated sequence) at byte $((tsize - 2))" \
  "truncated sequence at the end of 1 MB: message"

# ---------------------------------------------------------------------------------------------
# A walk over entries that cannot be read: a symbolic link that leads nowhere (an error in its
# place), a FIFO with no writer (skipped, said with -v: reading it would wait forever), a
# directory named like a file (walked).
mkdir -p "$tmp/walk/sub.txt"
printf 'Có 3 người.\n' > "$tmp/walk/a.txt"
ln -s nowhere.txt "$tmp/walk/b.txt"
mkfifo "$tmp/walk/c.txt"
printf 'Có 8 người.\n' > "$tmp/walk/d.txt"
printf 'Có 9 người.\n' > "$tmp/walk/sub.txt/e.txt"
out=$(timeout 20 "$bin" extract -v -f tsv --no-context -t count "$tmp/walk" 2> "$tmp/walk.err")
rc=$?
expect_eq "$rc" 1 "walk: exit (and no hang on the FIFO)"
expect_eq "$(grep -v 'read as' "$tmp/walk.err")" "vnextract: $tmp/walk/c.txt: skipped: not a regular file
vnextract: $tmp/walk/b.txt: cannot open: No such file or directory
vnextract: 4 documents read, 1 failed, 3 records written" "walk: the messages and the counts"
expect_eq "$(tail -n +2 <<<"$out" | cut -f4 | tr '\n' ' ')" "3 8 9 " "walk: the readable files' records"
# A file deleted between the walk and its reading: standard input is read first and holds the
# run until the file is gone.
mkdir -p "$tmp/van"
for i in 1 2 3; do printf 'Có %d người.\n' "$i" > "$tmp/van/f$i.txt"; done
mkfifo "$tmp/feed"
"$bin" extract -j 1 -f tsv --no-context -t count - "$tmp/van" < "$tmp/feed" > "$tmp/van.out" 2> "$tmp/van.err" &
pid=$!
exec 7> "$tmp/feed"
waited=0
for _ in $(seq 1 200); do  # until it reads standard input (the walk is done by then)
  case $(cat "/proc/$pid/syscall" 2>/dev/null) in
    "0 0x0 "* | "63 0x0 "*) waited=1; break ;;
  esac
  sleep 0.05
done
[ "$waited" = 1 ] || { note "cannot see the process wait on standard input (/proc/PID/syscall): assumed after 10 s"; }
rm "$tmp/van/f2.txt"
printf 'Có 7 người.' >&7
exec 7>&-
wait "$pid"
expect_eq "$?" 1 "file gone after the walk: exit"
expect_eq "$(cat "$tmp/van.err")" "vnextract: $tmp/van/f2.txt: cannot open: No such file or directory" "file gone after the walk: message"
expect_eq "$(tail -n +2 "$tmp/van.out" | cut -f4 | tr '\n' ' ')" "7 1 3 " "file gone after the walk: the others' records"

# Standard input is sniffed for JSON Lines without eating the blanks a text starts with: they
# count in its offsets.
expect_eq "$(printf '\n\n  Có 3 người.' | "$bin" extract -q -f tsv --no-context | tail -1 | cut -f3,21,22)" $'3 người\t7\t14' \
  "stdin: leading blanks count in offsets"

# ---------------------------------------------------------------------------------------------
# A JSON Lines line too long to hold (65 MiB): an error for that line, read past, not held.
python3 - "$tmp/long.jsonl" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write('{"id": "a", "text": "Có 3 người."}\n')
    f.write('{"id": "b", "text": "' + "x" * (65 << 20) + '"}\n')
    f.write('{"id": "c", "text": "Có 4 người."}\n')
PY
run_mem long "$bin" extract -q -f tsv --no-context -t count "$tmp/long.jsonl" > "$tmp/long.tsv" 2> "$tmp/long.err"
expect_eq "$?" 1 "65 MiB line: exit"
expect_eq "$(cat "$tmp/long.err")" "vnextract: $tmp/long.jsonl:2: line too long ($(((65 << 20) + 23)) bytes, limit 67108864)" "65 MiB line: message"
expect_eq "$(tail -n +2 "$tmp/long.tsv" | cut -f1,4 | tr '\n' ' ')" "a	3 c	4 " "65 MiB line: the lines around it"
expect_mem_under long 110000 "65 MiB line (the longest line kept is 64 MiB)"
rm -f "$tmp/long.jsonl"

# ---------------------------------------------------------------------------------------------
# One bad document among 2,000: every good one's records, and the counts exact. As JSON Lines
# (line 1234 malformed) and as a folder of files (f01234.txt not UTF-8). Document i says
# "Có 100000+i người." (no year-like number).
bad_at=$(python3 - "$tmp/many.jsonl" "$tmp/many" <<'PY'
import json, os, sys
os.makedirs(sys.argv[2])
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i in range(1, 2001):
        if i == 1234:
            f.write('{"id": "d1234", "text": "Có 101234 người.\n')
        else:
            f.write(json.dumps({"id": "d%d" % i, "text": "Có %d người." % (100000 + i)}, ensure_ascii=False) + "\n")
for i in range(1, 2001):
    text = ("Có %d người." % (100000 + i)).encode()
    with open(os.path.join(sys.argv[2], "f%05d.txt" % i), "wb") as f:
        f.write(text + (b" \xc3(" if i == 1234 else b""))
    if i == 1234:
        print(len(text) + 1)
PY
)
seq 100001 102000 | grep -vx 101234 > "$tmp/many.want"
"$bin" extract -v -j 2 -f tsv --no-context -t count "$tmp/many.jsonl" > "$tmp/many1.tsv" 2> "$tmp/many1.err"
expect_eq "$?" 1 "1 bad JSON line in 2,000: exit"
expect_eq "$(tail -n +2 "$tmp/many1.tsv" | cut -f4 | diff - "$tmp/many.want" | head -5)" "" "1 bad JSON line in 2,000: every good line's record, in order"
expect_eq "$(grep -v 'read as' "$tmp/many1.err" | sed 's/invalid JSON: .*/invalid JSON: …/')" "vnextract: $tmp/many.jsonl:1234: invalid JSON: …
vnextract: 2000 documents read, 1 failed, 1999 records written" "1 bad JSON line in 2,000: the message and the counts"
"$bin" extract -v -j 2 -f tsv --no-context -t count "$tmp/many" > "$tmp/many2.tsv" 2> "$tmp/many2.err"
expect_eq "$?" 1 "1 bad file in 2,000: exit"
expect_eq "$(tail -n +2 "$tmp/many2.tsv" | cut -f4 | diff - "$tmp/many.want" | head -5)" "" "1 bad file in 2,000: every good file's record, in order"
expect_eq "$(grep -v 'read as' "$tmp/many2.err")" "vnextract: $tmp/many/f01234.txt: invalid UTF-8 (bad continuation byte) at byte $bad_at
vnextract: 2000 documents read, 1 failed, 1999 records written" "1 bad file in 2,000: the message and the counts"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
