#!/usr/bin/env bash
# A province's own vocabulary without rebuilding: check the rule files, then extract the
# programme codes, household codes, local bodies and hamlets they teach, next to the built-in
# facts. Usage: run.sh [VNEXTRACT]
set -euo pipefail
bin=${1:-vnextract}
here=$(cd "$(dirname "$0")" && pwd)
# 1. Check the rules first: every problem at once, FILE:LINE: reason.
"$bin" rules check "$here/rules"
# 2. Extract with them: the user types and a few built-in ones, as TSV.
"$bin" extract --add-rules "$here/rules" -f tsv --no-context \
  -t programme_code,household_code,count,money,organization,location "$here/articles" \
  | cut -f1-6,12,24
