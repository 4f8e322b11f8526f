#!/usr/bin/env bash
# Recipe: a CI step that fails when an article's figures change.
#
#   bash examples/ci-figures-check/run.sh [VNEXTRACT] [ARTICLES_DIR] [EXPECTED_TSV]
#   UPDATE=1 bash examples/ci-figures-check/run.sh ...      # accept the figures as they are now
#
# VNEXTRACT: the vnextract binary (default: `vnextract` on PATH). ARTICLES_DIR (default:
# articles/ beside this script) is extracted with the numeric record types only, and seven
# columns of each record (doc, type, text, value, value_to, unit, qualifier) are compared with
# EXPECTED_TSV (default: expected-figures.tsv beside this script).
# Exit status: 0 the figures are unchanged (or UPDATE=1 wrote them), 1 a figure changed (the
# diff is printed), 2 the check could not run (vnextract failed, no expected file).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
vnextract=${1:-vnextract}
if [[ $vnextract == */* ]]; then
  vnextract="$(cd "$(dirname "$vnextract")" && pwd)/$(basename "$vnextract")"
else
  vnextract=$(command -v "$vnextract") \
    || { echo "run.sh: vnextract not found on PATH; give its path as the first argument" >&2; exit 2; }
fi
articles=${2:-$here/articles}
expected=${3:-$here/expected-figures.tsv}

# The figures: every numeric type; no people, organisations or places, no context sentence.
types=money,count,ratio,percent,quantity,date,time,period,legal_ref,number
# The columns compared, by name (positions change when the record schema grows). Offsets
# (start, end), sentence numbers and rule names are left out, so that an edit that moves a
# figure without changing it does not fail the check.
columns=doc,type,text,value,value_to,unit,qualifier

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
actual=$tmp/now.tsv

# `doc` is written relative to the articles folder (ha-quang-ngan-sach.txt, not
# /home/runner/work/.../articles/ha-quang-ngan-sach.txt), so that the expected file holds no
# machine-specific path and a copy of the folder compares equal.
parent=$(cd "$(dirname "$articles")" && pwd)
name=$(basename "$articles")
if ! (cd "$parent" && "$vnextract" extract -q -f tsv --no-context -t "$types" "$name") > "$actual.raw"; then
  echo "figures check: vnextract failed on $articles" >&2
  exit 2
fi
awk -F'\t' -v OFS='\t' -v want="$columns" -v prefix="$name/" '
  NR == 1 { n = split(want, w, ","); for (i = 1; i <= NF; i++) at[$i] = i
            for (j = 1; j <= n; j++) if (!(w[j] in at)) { print "no column " w[j] > "/dev/stderr"; exit 2 } }
  NR > 1 && index($(at["doc"]), prefix) == 1 { $(at["doc"]) = substr($(at["doc"]), length(prefix) + 1) }
  { line = $(at[w[1]]); for (j = 2; j <= n; j++) line = line OFS $(at[w[j]]); print line }' \
  "$actual.raw" > "$actual"

if [[ ${UPDATE:-0} == 1 ]]; then
  cp "$actual" "$expected"
  echo "figures check: wrote $(( $(wc -l < "$expected") - 1 )) figures to $expected"
  exit 0
fi
if [[ ! -f $expected ]]; then
  echo "figures check: no $expected; create it with: UPDATE=1 bash $0 $*" >&2
  exit 2
fi

if diff -u --label "expected ($(basename "$expected"))" --label "now ($name/)" "$expected" "$actual" > "$actual.diff"; then
  echo "figures check: passed, $(( $(wc -l < "$expected") - 1 )) figures in" \
       "$(cut -f1 "$expected" | tail -n +2 | sort -u | wc -l) articles are unchanged"
  exit 0
fi
echo "figures check: FAILED, figures changed (- expected, + now):"
cat "$actual.diff"
echo "If the change is intended, accept it with: UPDATE=1 bash $0 $*"
exit 1
