#!/usr/bin/env bash
# Recipe: GNU parallel over a folder of articles, giving the same bytes as
# `vnextract extract --jobs N FOLDER`.
#
#   bash examples/parallel-folder/run.sh [VNEXTRACT] [FOLDER] [JOBS]
#
# VNEXTRACT: the vnextract binary (default: `vnextract` on PATH); FOLDER: the articles
# (default: articles/ beside this script); JOBS: processes at a time (default: the number of
# cores). Writes into the current directory facts-jobs.jsonl (vnextract --jobs) and
# facts-parallel.jsonl (GNU parallel), and the same as CSV (facts-jobs.csv,
# facts-parallel.csv); exits 1 when a pair differs.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
vnextract=${1:-vnextract}
if [[ $vnextract == */* ]]; then
  vnextract="$(cd "$(dirname "$vnextract")" && pwd)/$(basename "$vnextract")"
else
  vnextract=$(command -v "$vnextract") \
    || { echo "run.sh: vnextract not found on PATH; give its path as the first argument" >&2; exit 1; }
fi
out=$PWD
if [[ -n ${2:-} ]]; then
  folder=$2
else
  cd "$here"          # so that `doc` reads articles/2024-07/…, not an absolute path
  folder=articles
fi
jobs=${3:-$(nproc)}
command -v parallel > /dev/null \
  || { echo "run.sh: GNU parallel is not installed (Debian: apt-get install parallel)" >&2; exit 1; }

# The files vnextract's own walk takes, in its order:
# - the default extensions (--glob '*.txt,*.html,*.htm,*.jsonl,*.json'), case-sensitive;
# - regular files and symbolic links to files (-xtype f); no hidden files or folders (names
#   starting with '.', pruned); no descent into linked folders (find's default, like vnextract's
#   walk);
# - sorted by the bytes of the whole path (LC_ALL=C): 2024-07-tong-hop.txt comes before
#   2024-07/…, because '-' (0x2D) sorts before '/' (0x2F). A plain `sort` in a UTF-8 locale
#   weighs letters before punctuation and can give another order.
# The path is passed exactly as find prints it, so `doc` has the same form as in vnextract's
# walk (FOLDER joined with the relative path). NUL-separated: names may hold spaces.
list_files() {
  find "$folder" -mindepth 1 -name '.*' -prune -o -xtype f \( -name '*.txt' -o -name '*.html' -o -name '*.htm' \
                          -o -name '*.jsonl' -o -name '*.json' \) -print0 | LC_ALL=C sort -z
}

# The CSV rows of some files, without the header row that each vnextract run writes.
csv_rows() { "$vnextract" extract -q -j 1 -f csv "$@" | tail -n +2; }
export -f csv_rows
export vnextract

# 1. JSON Lines: no header, one record per line, so the outputs of several runs simply
#    concatenate.
"$vnextract" extract -q -j "$jobs" -f jsonl "$folder" > "$out/facts-jobs.jsonl"
# -X: give each vnextract many files (split evenly over the jobs, in order) instead of one:
#     a vnextract run costs about 40 ms to start, which one run per file pays for every file.
# -k: print each job's output in input order, whatever order the jobs finish in.
# -j 1 for each vnextract: parallel already runs $jobs of them.
# --will-cite: no citation notice on stderr (GNU parallel asks to be cited in papers).
list_files | parallel --will-cite -0 -X -k -j "$jobs" "$vnextract" extract -q -j 1 -f jsonl \
  > "$out/facts-parallel.jsonl"

# 2. CSV: the header row once (vnextract on empty input writes only the header), then the
#    rows of every job without its header.
"$vnextract" extract -q -j "$jobs" -f csv "$folder" > "$out/facts-jobs.csv"
{
  "$vnextract" extract -q -f csv - < /dev/null
  list_files | parallel --will-cite -0 -X -k -j "$jobs" csv_rows
} > "$out/facts-parallel.csv"

echo "files, in the order both outputs have them:"
list_files | tr '\0' '\n' | sed 's/^/  /'
cd "$out"
status=0
for f in jsonl csv; do
  if cmp -s "facts-jobs.$f" "facts-parallel.$f"; then
    echo "facts-parallel.$f = facts-jobs.$f: same bytes ($(wc -l < "facts-jobs.$f") lines," \
         "sha256 $(sha256sum < "facts-jobs.$f" | cut -c1-16)…)"
  else
    echo "facts-parallel.$f and facts-jobs.$f DIFFER:"
    diff "facts-jobs.$f" "facts-parallel.$f" | head -n 20 || true
    status=1
  fi
done
echo "($jobs jobs at a time)"
exit $status
