#!/usr/bin/env bash
# Both seed articles through the real binary, against reviewed expected output in
# tests/expected/seeds/ (JSON Lines without context, so no article sentence is copied here).
# Usage: seeds_test.sh VNEXTRACT TESTS_DIR SHARED_DIR. Exit 77 (skip) when SHARED_DIR is absent.
set -u
bin=$1
dir=$2
shared=$3
if [ ! -d "$shared/seeds" ]; then
  echo "SKIP: $shared/seeds is absent (it ships beside the repository, not in it)"
  exit 77
fi
fail=0
n=0
for expected in "$dir"/expected/seeds/*.jsonl; do
  name=$(basename "$expected" .jsonl)
  n=$((n + 1))
  (cd "$shared/seeds" && "$bin" extract -f jsonl --no-context "$name.txt") > /tmp/vnextract-seed-$$.jsonl
  if ! diff -u "$expected" /tmp/vnextract-seed-$$.jsonl; then
    echo "FAIL: $name differs from $expected"
    fail=$((fail + 1))
  fi
  rm -f /tmp/vnextract-seed-$$.jsonl
done
[ "$n" -eq 2 ] || { echo "FAIL: expected 2 seed files in $dir/expected/seeds, found $n"; exit 1; }
echo "$((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
