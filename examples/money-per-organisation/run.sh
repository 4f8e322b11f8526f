#!/usr/bin/env bash
# Recipe: a JSON Lines archive -> vnextract -> jq -> the total money named with each
# organisation, largest first.
#
#   bash examples/money-per-organisation/run.sh [VNEXTRACT] [ARCHIVE.jsonl]
#
# VNEXTRACT: the vnextract binary (default: `vnextract` on PATH); ARCHIVE: one JSON document per
# line with "id", "date", "text" (default: archive.jsonl beside this script). Writes
# money-and-organisations.jsonl and money-per-organisation.tsv into the current directory and
# prints the table.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
vnextract=${1:-vnextract}
if [[ $vnextract == */* ]]; then
  vnextract="$(cd "$(dirname "$vnextract")" && pwd)/$(basename "$vnextract")"
else
  vnextract=$(command -v "$vnextract") \
    || { echo "run.sh: vnextract not found on PATH; give its path as the first argument" >&2; exit 1; }
fi
archive=${2:-$here/archive.jsonl}
command -v jq > /dev/null || { echo "run.sh: jq is not installed (Debian: apt-get install jq)" >&2; exit 1; }

# 1. Only the two record types the question needs. Each record carries `doc` (the archive's
#    "id") and `sentence` (its sentence number in the document), which pair them up.
"$vnextract" extract -q -f jsonl -t money,organization "$archive" > money-and-organisations.jsonl

# 2. jq: money per organisation named in the same sentence, summed exactly (see the .jq file).
jq -nrR -f "$here/money-per-organisation.jq" money-and-organisations.jsonl > money-per-organisation.tsv

if command -v column > /dev/null; then
  column -t -s $'\t' money-per-organisation.tsv
else
  cat money-per-organisation.tsv
fi
rates=$(jq -c 'select(.type == "money" and (.unit | contains("/")))' money-and-organisations.jsonl | wc -l)
echo "($rates prices such as 500.000 đồng/suất or 2.500 đồng/kg were left out: they are rates, not amounts)"
