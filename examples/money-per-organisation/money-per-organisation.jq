# money-per-organisation.jq: total money per organisation, from vnextract's JSON Lines.
#
#   vnextract extract -f jsonl -t money,organization archive.jsonl \
#     | jq -nrR -f money-per-organisation.jq > money-per-organisation.tsv
#
# Method: a money record counts for every organisation that the same sentence (same `doc`,
# same `sentence`) names. Money in a sentence that names no organisation counts under
# "(no organisation in the sentence)". Rates (unit with a slash: VND/kg, VND/hộ) are prices,
# not amounts, and are left out. A range counts its low end (`value`). Organisations are
# grouped by `value`, the fullest name the document writes for them.
#
# Output: TSV with a header row, one row per organisation and currency, the largest totals
# first (VND first, then other currencies), the "(no organisation …)" rows last:
#   organisation  currency  total  total_grouped  amounts  documents
#
# Exactness: jq 1.6 holds every number as a 64-bit double, exact only up to 2^53
# (9,007,199,254,740,992). vnextract writes money as exact decimals that can be larger, so this
# program reads each line as raw text (jq -R), takes the digits of "value" as written, and adds
# them as decimal strings in base-10^9 limbs. No amount is ever held in a double.

# ---- exact decimal arithmetic on strings --------------------------------------------------

def zeros($n): if $n > 0 then "0" * $n else "" end;

# Up to 6 decimal places are kept exactly (money has at most 2: cents).
def scale: 6;

# "2500000" or "0.35" -> digit string of the amount in millionths ("2500000000000", "350000").
def to_units:
  if test("^[0-9]+(\\.[0-9]+)?$") | not then error("not a plain decimal: \(.)") else . end
  | split(".") as $p
  | ($p[1] // "") as $f
  | if ($f | length) > scale then error("more than \(scale) decimals: \(.)") else . end
  | $p[0] + $f + zeros(scale - ($f | length));

# digit string -> array of base-10^9 limbs, least significant first.
def limbs: . as $s | [range($s | length; 0; -9)] | map($s[([. - 9, 0] | max):.] | tonumber);

# Add two limb arrays and carry, so that every limb stays below 10^9 (far below 2^53).
def add_limbs($a; $b):
  [range(0; [($a | length), ($b | length)] | max)] | map(($a[.] // 0) + ($b[.] // 0))
  | reduce .[] as $x ({c: 0, out: []};
      ($x + .c) as $t | .out += [$t % 1000000000] | .c = (($t - ($t % 1000000000)) / 1000000000))
  | .out + (if .c > 0 then [.c] else [] end);

# limb array (millionths) -> decimal string: "72400000000", "0.3".
def to_decimal:
  (map(tostring) | reverse) as $r
  | ($r[0] + ($r[1:] | map(zeros(9 - length) + .) | join(""))) as $digits
  | (zeros(scale + 1 - ($digits | length)) + $digits) as $d
  | ($d[:-scale] | sub("^0+(?=[0-9])"; "")) + ("." + $d[-scale:] | sub("\\.?0+$"; ""));

# "72400000000" -> "72.400.000.000" (Vietnamese grouping: dots for thousands, comma decimal).
def grouped:
  split(".") as $p
  | ($p[0] | explode | reverse | [range(0; length; 3) as $i | .[$i:$i + 3]]
     | map(reverse | implode) | reverse | join("."))
    + (if $p[1] then "," + $p[1] else "" end);

# ---- records -----------------------------------------------------------------------------

# One line of vnextract JSON Lines -> the record, with money values kept as exact strings.
def parse_line:
  . as $line
  | fromjson
  | if .type == "money"
    then .exact = ($line | capture("\"value\":(?<v>[^,}]+)").v)
    else . end;

def none_label: "(no organisation in the sentence)";

# Fold the money of one sentence into the totals.
def flush:
  (.orgs | unique) as $orgs
  | reduce .money[] as $m (.;
      reduce (if ($orgs | length) > 0 then $orgs[] else none_label end) as $org (.;
        ($org + "\t" + $m.unit) as $k
        | .totals[$k].organisation = $org
        | .totals[$k].currency = $m.unit
        | .totals[$k].limbs = add_limbs(.totals[$k].limbs // []; $m.limbs)
        | .totals[$k].amounts += 1
        | .totals[$k].docs[$m.doc] = true))
  | .orgs = [] | .money = [];

reduce (inputs | select(length > 0) | parse_line
        | select(.type == "money" or .type == "organization")) as $r
  ({totals: {}, key: null, orgs: [], money: []};
   [$r.doc, $r.sentence] as $key
   | (if .key != $key then flush | .key = $key else . end)
   | if $r.type == "organization" then .orgs += [$r.value]
     elif ($r.unit | contains("/")) then .            # a price (VND/kg): not an amount
     elif $r.exact == "null" then .                   # too large even for vnextract: no value
     else .money += [{doc: $r.doc, unit: $r.unit, limbs: ($r.exact | to_units | limbs)}]
     end)
| flush
| .totals
| [.[]]
| sort_by([(if .organisation == none_label then 1 else 0 end),
           (if .currency == "VND" then 0 else 1 end), .currency,
           -(.limbs | length), (.limbs | reverse | map(-.)), .organisation])
| (["organisation", "currency", "total", "total_grouped", "amounts", "documents"] | @tsv),
  (.[] | (.limbs | to_decimal) as $t
       | [.organisation, .currency, $t, ($t | grouped), .amounts, (.docs | length)] | @tsv)
