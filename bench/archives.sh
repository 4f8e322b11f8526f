#!/usr/bin/env bash
# Archive-scale measurements of the vnextract binary (issue 5's bar):
#   - --jobs 2 against --jobs 1 on a folder of text files (speed-up);
#   - JSON Lines input against plain text (throughput ratio);
#   - peak memory on an 11 MB and a 110 MB JSON Lines input (they should be within 10%).
# Usage: bench/archives.sh VNEXTRACT CORPUS_DIR   (CORPUS_DIR: ../shared/corpus/dantri)
set -euo pipefail
bin=$1
corpus=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$corpus" "$tmp/corpus.jsonl" <<'PY'
import json, os, sys
src, dst = sys.argv[1], sys.argv[2]
with open(dst, "w", encoding="utf-8") as out:
    for name in sorted(os.listdir(src)):
        if not name.endswith(".txt"):
            continue
        lines = open(os.path.join(src, name), encoding="utf-8").read().split("\n")
        meta = dict(l[2:].split(" = ", 1) for l in lines if l.startswith("# ") and " = " in l)
        text = "\n".join(l for l in lines if not l.startswith("# "))
        out.write(json.dumps({"id": name, "date": meta.get("date", ""), "text": text}, ensure_ascii=False) + "\n")
PY
for i in $(seq 1 10); do cat "$tmp/corpus.jsonl"; done > "$tmp/corpus10.jsonl"
mb() { python3 -c "import os,sys; print(f'{os.path.getsize(sys.argv[1])/1e6:.1f}')" "$1"; }
size_txt=$(du -sb "$corpus" | cut -f1)
# run LABEL BYTES ARGS...: prints seconds, MB/s and peak RSS of one run
run() {
  local label=$1 bytes=$2; shift 2
  /usr/bin/time -f "%e %M" -o "$tmp/t" "$bin" extract -q -f jsonl "$@" > /dev/null 2>"$tmp/err" || true
  read -r secs rss < "$tmp/t"
  python3 -c "import sys; s=float(sys.argv[2]); print(f'{sys.argv[1]:<34} {s:7.2f} s {int(sys.argv[3])/1e6/s:7.1f} MB/s {int(sys.argv[4])/1024:7.1f} MB peak')" \
    "$label" "$secs" "$bytes" "$rss"
  echo "$secs $rss" > "$tmp/last"
}
echo "inputs: text folder $(python3 -c "print(f'{$size_txt/1e6:.1f}')") MB, JSON Lines $(mb "$tmp/corpus.jsonl") MB and $(mb "$tmp/corpus10.jsonl") MB"
run "text folder, --jobs 1" "$size_txt" -j 1 "$corpus"; read -r t1 _ < "$tmp/last"
run "text folder, --jobs 2" "$size_txt" -j 2 "$corpus"; read -r t2 _ < "$tmp/last"
run "JSON Lines 11 MB, --jobs 1" "$(stat -c %s "$tmp/corpus.jsonl")" -j 1 "$tmp/corpus.jsonl"; read -r tj m11 < "$tmp/last"
run "JSON Lines 110 MB, --jobs 1" "$(stat -c %s "$tmp/corpus10.jsonl")" -j 1 "$tmp/corpus10.jsonl"; read -r _ m110 < "$tmp/last"
python3 - "$t1" "$t2" "$tj" "$m11" "$m110" "$size_txt" "$(stat -c %s "$tmp/corpus.jsonl")" <<'PY'
import sys
t1, t2, tj, m11, m110, st, sj = map(float, sys.argv[1:])
print(f"speed-up --jobs 2 / --jobs 1: {t1 / t2:.2f}x (bar 1.7x)")
print(f"JSON Lines / text throughput: {(sj / tj) / (st / t1):.2f} (bar 0.90)")
print(f"peak memory 110 MB / 11 MB input: {m110 / m11:.2f} (bar within 10%)")
PY
