#!/usr/bin/env bash
# `vnextract eval` on the development set: tests/gold/full (both seeds and 16 dantri articles,
# every type) and tests/gold/numeric (16 more articles, numeric types only), with floors that fail
# the build when accuracy drops. Usage: gold_test.sh VNEXTRACT GOLD_DIR SHARED.
# Exit 77 (skip) when SHARED is absent.
set -u
bin=$1
gold=$2
shared=$3
if [ ! -d "$shared/corpus/dantri" ] || [ ! -d "$shared/seeds" ]; then
  echo "SKIP: $shared is absent (it ships beside the repository, not in it)"
  exit 77
fi
status=0
"$bin" eval --gold "$gold/full" --min-f1 0.85 --min-type-f1 0.65 "$shared/corpus/dantri" "$shared/seeds" || status=1
"$bin" eval --gold "$gold/numeric" -t money,count,ratio,percent,quantity,date,time,period,legal_ref,number \
  --min-f1 0.93 --min-type-f1 0.75 "$shared/corpus/dantri" || status=1
# Time and documents (issue 4's bar: F1 0.95 for date and legal_ref, 0.90 for period), with a
# margin of 0.02 below the figures measured when the bar was met.
for set in full numeric; do
  "$bin" eval --gold "$gold/$set" -t date,period,legal_ref --min-type-f1 0.93 "$shared/corpus/dantri" "$shared/seeds" \
    >/dev/null || { echo "FAIL: date/period/legal_ref below 0.93 on $set"; status=1; }
done
exit $status
