#!/usr/bin/env bash
# fuzz/run.sh [SECONDS] [TARGET...]
#
# Builds the libFuzzer targets with clang (ASan + UBSan) into build-fuzz and fuzzes each TARGET
# (default: every one: decode normalize tokenize segment extract html jsonl) for SECONDS (default 60),
# one after the other, each on a scratch copy of tests/fuzz/TARGET/seeds/ and crashes/ (the
# regression inputs) under build-fuzz/work/TARGET/. Stops at the first crash, timeout, leak or
# out-of-memory with status 1 and prints where the input that caused it is. Prints one line per
# target: seconds, executions, exec/s and corpus size (also in build-fuzz/work/summary.tsv).
#
# Environment: FUZZ_BUILD_DIR (default build-fuzz), FUZZ_JOBS (build jobs, default nproc),
# FUZZ_NO_BUILD=1 (use the binaries already built), FUZZ_RESUME=1 (keep the scratch corpus of
# the last run instead of starting again from the seeds), FUZZ_CMAKE_SOURCE (the CMake source
# directory to configure, default the repository), FUZZ_ARGS (more libFuzzer flags).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-60}"
[ $# -gt 0 ] && shift
all=(decode normalize tokenize segment extract html jsonl)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")
for t in "${targets[@]}"; do
  [[ " ${all[*]} " == *" $t "* ]] || { echo "fuzz/run.sh: unknown target '$t' (${all[*]})" >&2; exit 2; }
done
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
work="$build/work"

if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
  command -v clang++ >/dev/null || { echo "fuzz/run.sh: clang++ not found (apt-get install clang)" >&2; exit 2; }
  cmake -S "${FUZZ_CMAKE_SOURCE:-$root}" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DVNEXTRACT_FUZZ=ON -DVNEXTRACT_BUILD_TESTS=OFF \
    -DVNEXTRACT_WERROR=OFF >/dev/null
  cmake --build "$build" -j"${FUZZ_JOBS:-$(nproc)}" --target "${targets[@]/#/fuzz_}"
fi

mkdir -p "$work"
summary="$work/summary.tsv"
[ -f "$summary" ] || printf 'target\tseconds\texecs\texec_per_s\tcorpus_files\tcorpus_bytes\tstatus\n' > "$summary"
for t in "${targets[@]}"; do
  bin="$build/fuzz/fuzz_$t"
  [ -x "$bin" ] || { echo "fuzz/run.sh: $bin not built" >&2; exit 2; }
  dir="$work/$t"
  # FUZZ_RESUME=1: go on from the corpus an earlier run left (after fixing what it found).
  [ "${FUZZ_RESUME:-0}" = 1 ] || rm -rf "$dir/corpus"
  rm -rf "$dir/artifacts"
  mkdir -p "$dir/corpus" "$dir/artifacts"
  # A flat scratch copy of the seeds and the regression inputs (not open/: known bugs not fixed
  # yet); libFuzzer adds the inputs it finds to it.
  for sub in seeds crashes; do
    [ -d "$root/tests/fuzz/$t/$sub" ] && find "$root/tests/fuzz/$t/$sub" -type f -exec cp -t "$dir/corpus" {} +
  done
  echo "== fuzz_$t: ${seconds}s, log in $dir/log"
  status=0
  start=$SECONDS
  # shellcheck disable=SC2086
  "$bin" "$dir/corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -dict="$root/fuzz/vietnamese.dict" -artifact_prefix="$dir/artifacts/" -print_final_stats=1 \
    ${FUZZ_ARGS:-} >"$dir/log" 2>&1 || status=$?
  elapsed=$((SECONDS - start))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log" | tail -1)
  files=$(find "$dir/corpus" -type f | wc -l)
  bytes=$(find "$dir/corpus" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$elapsed" "${execs:-?}" "${rate:-?}" "$files" "$bytes" "$status" \
    | tee -a "$summary"
  if [ "$status" != 0 ]; then
    echo "fuzz/run.sh: fuzz_$t failed (status $status); the end of its log ($dir/log):" >&2
    grep -E 'ERROR|SUMMARY|check failed|runtime error|Test unit written|Base64' "$dir/log" | tail -20 >&2 || true
    for a in "$dir"/artifacts/*; do
      [ -e "$a" ] && echo "fuzz/run.sh: input: $a  (replay: $bin $a; minimize: $bin -minimize_crash=1 -runs=100000 $a)" >&2
    done
    exit 1
  fi
done
