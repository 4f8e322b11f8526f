#!/usr/bin/env bash
# User rules through the real binary: --add-rules word lists and pattern rules, their precedence,
# -t with a user type, `rules check` (every problem at once), `rules list`, and the built-in rule
# list (data/rules.tsv) against the source.
# Usage: rules_test.sh VNEXTRACT SOURCE_DIR
set -u
bin=$1
src=$2
fx=$src/tests/fixtures/rules
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
expect_eq() { if [ "$1" == "$2" ]; then ok; else bad "$3: got [$1] want [$2]"; fi; }
expect_has() { if grep -qF -- "$2" <<<"$1"; then ok; else bad "$3: [$1] lacks [$2]"; fi; }
expect_lacks() { if grep -qF -- "$2" <<<"$1"; then bad "$3: [$2] should not be there"; else ok; fi; }
# type, text, value, unit, role, canonical, rule of each record
fields() { cut -f2,3,4,6,10,12,24; }

# data/rules.tsv lists exactly the rule ids the source makes.
grep -ohE '"(money|count|ratio|percent|quantity|date|time|legal_ref|number|person|organization|location|period)\.[a-z_0-9]+"' \
  "$src"/src/extract/*.cc | tr -d '"' | sort -u > "$tmp/ids_src"
grep -v '^#' "$src/data/rules.tsv" | cut -f1 | sort > "$tmp/ids_list"
diff "$tmp/ids_src" "$tmp/ids_list" > "$tmp/ids_diff" && ok || bad "data/rules.tsv and the source differ: $(cat "$tmp/ids_diff")"

# Every rule a record names is in `rules list`.
"$bin" rules list --add-rules "$fx/good" | cut -f1 | sort -u > "$tmp/listed"
{ "$bin" extract -q -f tsv --no-context --add-rules "$fx/good" "$fx/article.txt" "$src/examples" "$src/tests/fixtures/html" 2>/dev/null \
    | awk -F'\t' 'NR > 1 { print $24 }'; } | sort -u > "$tmp/used"
expect_eq "$(comm -23 "$tmp/used" "$tmp/listed" | tr '\n' ' ')" "" "every record's rule is listed"
expect_eq "$(($(wc -l < "$tmp/used") > 15))" 1 "records of many rules were checked"

# Without the user's rules the article gives none of these records.
base=$("$bin" extract -f tsv --no-context "$fx/article.txt" | fields)
expect_lacks "$base" "project_code" "no user type without the rules"
expect_has "$base" $'count\t12 hộ\t12\thộ\t\t\tcount.noun' "built-in count of households"

out=$("$bin" extract -f tsv --no-context --add-rules "$fx/good" "$fx/article.txt" | fields)
# pattern rules: a user type, built-in types with values from groups, a case-insensitive pattern
expect_has "$out" $'project_code\tDự án 135-CB/2023\t135-CB/2023\t\t\t\tcb.project' "user type from a named group"
expect_has "$out" $'hamlet_code\txóm NM01\tNM01\t\t\t\tcb.hamlet' "(?i) pattern"
expect_has "$out" $'count\t15 suất học bổng Vừ A Dính\t15\tsuất học bổng Vừ A Dính\t\t\tcb.scholarship' "count with a group named value"
expect_has "$out" $'money\t120 triệu đồng từ Quỹ Khuyến học tỉnh\t120000000\tVND\t\t\tcb.fund' "money: digits and a scale word from groups"
# precedence: the user's rule wins on the same span ...
expect_has "$out" $'count\t12 hộ\t12\thộ gia đình\t\t\tcb.households' "user rule over built-in on the same span"
expect_eq "$(grep -c $'^count\t12 hộ\t' <<<"$out")" 1 "no built-in record left for the same span"
# ... and the longest match otherwise
pre=$("$bin" extract -f tsv --no-context --add-rules "$fx/precedence.jsonl" "$fx/article.txt" | fields)
expect_has "$pre" $'money\t300 triệu đồng\t300000000\tVND\t\t\tmoney.scale_currency' "built-in longer match wins over a user rule"
expect_lacks "$pre" "t.short" "the shorter user match is dropped"
# word lists
expect_has "$out" $'person\tNông Văn Dền\tNông Văn Dền\t\t\tP1\tperson.list' "people.tsv"
expect_has "$out" $'person\tAnh Dền\tNông Văn Dền\t\t\tP1\tperson.list' "people.tsv: canonical name links mentions"
expect_has "$out" $'organization\tHTX Nông nghiệp Hòa An\tHợp tác xã Nông nghiệp Hòa An\t\t\tO1\torganization.known' "organizations.tsv"
expect_has "$out" $'organization\tHợp tác xã Nông nghiệp Hòa An\tHợp tác xã Nông nghiệp Hòa An\t\t\tO1\torganization.known' "organizations.tsv: same entity"
expect_has "$out" $'location\tNà Mạ\tNà Mạ\t\t\tL1\tlocation.gazetteer' "places.tsv"
expect_has "$out" $'count\t12 con bò giống\t12\tcon bò giống\t\t\tcount.noun' "count_nouns.txt"
expect_has "$out" $'quantity\t2 sào\t2\tsào Bắc Bộ\t\t\tquantity.unit' "units.tsv: the user's unit over the built-in one"
expect_has "$out" $'money\t500 xu\t500\tVND-xu\t\t\tmoney.currency' "currencies.tsv"
expect_has "$out" $'person\tPủ Sình\tPủ Sình\t\tthầy mo\tP2\tperson.title' "titles.txt: title and role"
expect_lacks "$out" $'location\txã Nông' "the xã of a cooperative is no commune"

# -t with a user type
only=$("$bin" extract -f tsv --no-context -t project_code,hamlet_code --add-rules "$fx/good" "$fx/article.txt" | awk -F'\t' 'NR > 1 { print $2 }' | sort -u | tr '\n' ' ')
expect_eq "$only" "hamlet_code project_code " "-t keeps the user types asked for"
"$bin" extract -t project_code "$fx/article.txt" >/dev/null 2>"$tmp/err"; rc=$?
expect_eq "$rc" 2 "-t with a user type and no rules is a usage error"
expect_has "$(cat "$tmp/err")" "unknown type 'project_code'" "-t message"

# rules check: every problem at once
"$bin" rules check "$fx/good" > "$tmp/out" 2>&1; rc=$?
expect_eq "$rc" 0 "check of good rules"
expect_has "$(cat "$tmp/out")" "ok: 5 pattern rules, 8 word-list files" "check summary"
"$bin" rules check "$fx/bad" > /dev/null 2>"$tmp/err"; rc=$?
err=$(cat "$tmp/err")
expect_eq "$rc" 1 "check of bad rules fails"
expect_has "$err" "$fx/bad/rules.jsonl:1: unknown type 'mony' (did you mean 'money'?)" "unknown type"
expect_has "$err" "$fx/bad/rules.jsonl:2: bad RE2 pattern: missing ): Dự án (?P<code>\\d+" "RE2's own message"
expect_has "$err" "$fx/bad/rules.jsonl:3: '\${ma}' refers to \${ma}, which the pattern has no group for" "missing group"
expect_has "$err" "$fx/bad/rules.jsonl:4: duplicate id 'b.group' (also $fx/bad/rules.jsonl:3)" "duplicate id"
expect_has "$err" "$fx/bad/rules.jsonl:5: duplicate id 'count.noun' (also a built-in rule, src/extract/count.cc)" "a built-in id"
expect_has "$err" "$fx/bad/rules.jsonl:6: type 'person' cannot come from a pattern" "entity type"
expect_has "$err" "$fx/bad/rules.jsonl:7: unknown field 'patern'" "misspelt field"
expect_has "$err" "$fx/bad/rules.jsonl:8: invalid JSON" "bad JSON"
expect_has "$err" "$fx/bad/organizations.tsv: invalid UTF-8 (bad continuation byte) at byte 20" "invalid UTF-8"
expect_has "$err" "$fx/bad/currencies.tsv:1: expected 'phrase<TAB>value'" "a table without its value"
expect_has "$err" "$fx/bad/notes.txt: not a rule file" "a file of no list"
expect_has "$err" "vnextract: 11 problems" "all problems counted"
# extract refuses to run on bad rules
"$bin" extract --add-rules "$fx/bad" "$fx/article.txt" > "$tmp/out" 2>"$tmp/err"; rc=$?
expect_eq "$rc" 2 "extract with bad rules: usage error"
expect_eq "$(wc -c < "$tmp/out")" 0 "extract with bad rules writes nothing"
expect_eq "$(grep -c '^vnextract: ' "$tmp/err")" 11 "extract reports every problem"
"$bin" extract --add-rules "$tmp/nothere.jsonl" "$fx/article.txt" >/dev/null 2>"$tmp/err"; rc=$?
expect_eq "$rc" 2 "a missing rule file"
expect_has "$(cat "$tmp/err")" "$tmp/nothere.jsonl: no such file or directory" "missing file message"

# rules list: ids, types, origins
list=$("$bin" rules list --add-rules "$fx/good")
expect_has "$list" $'cb.project\tpattern\tproject_code\t'"$fx/good/codes.jsonl:2" "a pattern rule's file and line"
expect_has "$list" $'money.scale_currency\trule\tmoney\tsrc/extract/money.cc' "a built-in rule's source"
expect_has "$list" $'entity/people.tsv\tlist\t\t'"$fx/good/people.tsv"$'\t2 entries' "a user word list and what it adds to"
expect_has "$list" $'entity/foreign_orgs.tsv\tlist\t\tbuilt-in:entity/foreign_orgs.tsv' "the built-in list it adds to"
expect_eq "$("$bin" rules list -f jsonl | head -1 | cut -c1-30)" '{"id":"count.noun","kind":"rul' "rules list as JSON Lines"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
