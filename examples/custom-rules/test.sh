#!/usr/bin/env bash
# ctest for the custom-rules recipe: the rules give the records they promise, and a broken rule
# stops the recipe with its file and line.
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if grep -qF -- "$2" <<<"$1"; then :; else echo "FAIL: $3: lacks [$2]"; fail=1; fi; }
out=$(bash "$here/run.sh" "$bin" 2>&1) || { echo "FAIL: run.sh failed: $out"; exit 1; }
out=${out//$here\//}
check "$out" "ok: 3 pattern rules, 2 word-list files" "rules check passes"
check "$out" $'articles/bo-giong.txt\tprogramme_code\tDự án 135-CB/2023\t135-CB/2023\t\t\t\tcb.programme' "programme code"
check "$out" $'articles/de-an.txt\tprogramme_code\tĐề án 06-CB/2024\t06-CB/2024\t\t\t\tcb.programme' "programme code, second form"
check "$out" $'articles/bo-giong.txt\thousehold_code\tmã hộ CB-HA-0123\tCB-HA-0123\t\t\t\tcb.household_code' "household code"
check "$out" $'articles/bo-giong.txt\tcount\t8 con bê lai\t8\t\tcon bê lai\t\tcb.calves' "a count the rules teach"
check "$out" $'articles/bo-giong.txt\torganization\tTổ hợp tác Chăn nuôi Bế Triều\tTổ hợp tác Chăn nuôi Bế Triều\t\t\tO2\torganization.known' "a local body"
check "$out" $'articles/de-an.txt\torganization\tHợp tác xã Nông nghiệp Hòa An\tHợp tác xã Nông nghiệp Hòa An\t\t\tO1\torganization.known' "a local body, full name"
check "$out" $'articles/de-an.txt\tlocation\tBản Giuộc\tBản Giuộc\t\t\tL1\tlocation.gazetteer' "a hamlet"
check "$out" $'articles/de-an.txt\tmoney\t1,2 tỷ đồng\t1200000000\t\tVND\t\tmoney.scale_currency' "built-in facts still there"
# Without the rules none of the user types come out.
plain=$("$bin" extract -f tsv --no-context "$here/articles")
if grep -q "programme_code\|household_code\|cb\." <<<"$plain"; then echo "FAIL: user types without the rules"; fail=1; fi
# A broken rule stops the recipe before any extraction, naming the file and line.
cp -r "$here" "$tmp/recipe"
sed -i 's/"type": "count"/"type": "cuont"/' "$tmp/recipe/rules/programme.jsonl"
if broken=$(bash "$tmp/recipe/run.sh" "$bin" 2>&1); then echo "FAIL: a broken rule did not stop the recipe"; fail=1; fi
check "$broken" "rules/programme.jsonl:7: unknown type 'cuont' (did you mean 'count'?)" "the broken rule's file and line"
if grep -q $'\t' <<<"$broken"; then echo "FAIL: records written despite the broken rule"; fail=1; fi
[ "$fail" -eq 0 ] && echo "custom-rules: ok"
exit "$fail"
