#!/usr/bin/env python3
"""Verify the numeric gold of the development set in tests/gold/numeric/ (the entity-and-number
files in tests/gold/full/ are checked by `vnextract eval`, which rejects a record it cannot place).

Usage: check_gold.py [CORPUS_DIR]

CORPUS_DIR defaults to ../shared/corpus/dantri relative to the repository root
(the repository root is two levels above this script). Every line of every
gold/*.jsonl file is checked:

  * valid JSON object with exactly the expected keys, all values strings
    except start/end (integers);
  * doc names an existing corpus file and matches the gold file's stem;
  * text == decoded file content[start:end] (code-point offsets; a leading
    UTF-8 byte-order mark is dropped, as docs/records.md says);
  * the span lies after the three '# ' header lines;
  * type, qualifier and the type-dependent fields are consistent with
    docs/records.md (value_to only for ranges, numerator/denominator only for
    ratios, empty unit for date/time/number, ...);
  * records are sorted by start and no two spans overlap within a document.

Prints a per-type count and exits non-zero on any error.
"""
import collections
import json
import os
import re
import sys
from decimal import Decimal, ROUND_HALF_UP

KEYS = ["doc", "type", "start", "end", "text", "value", "value_to", "unit",
        "qualifier", "numerator", "denominator"]
TYPES = ["money", "count", "ratio", "percent", "quantity", "date", "time",
         "legal_ref", "number"]
QUALIFIERS = {"", "approx", "over", "under", "at_least", "at_most", "up_to", "range"}
DECIMAL_RE = re.compile(r"^-?\d+(\.\d+)?$")
DATE_RE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}(-\d{2})?)$")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", ".."))
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "corpus", "dantri")
    corpus = os.path.normpath(corpus)
    gold_dir = os.path.join(here, "numeric")
    if not os.path.isdir(corpus):
        sys.exit(f"corpus directory not found: {corpus}")

    errors = []
    per_type = collections.Counter()
    per_doc = {}

    def err(where, msg):
        errors.append(f"{where}: {msg}")

    files = sorted(f for f in os.listdir(gold_dir) if f.endswith(".jsonl"))
    if not files:
        sys.exit(f"no gold files in {gold_dir}")
    for gf in files:
        stem = gf[:-len(".jsonl")]
        doc_path = os.path.join(corpus, stem + ".txt")
        if not os.path.isfile(doc_path):
            err(gf, f"no corpus file {doc_path}")
            continue
        with open(doc_path, encoding="utf-8") as f:
            content = f.read()
        if content.startswith("\ufeff"):
            content = content[1:]
        lines = content.split("\n")
        body_start = sum(len(l) + 1 for l in lines[:3])
        if not all(l.startswith("# ") for l in lines[:3]):
            err(gf, "document does not start with three '# ' header lines")
        prev = None
        n = 0
        with open(os.path.join(gold_dir, gf), encoding="utf-8") as f:
            for ln, raw in enumerate(f, 1):
                where = f"{gf}:{ln}"
                if not raw.strip():
                    err(where, "empty line")
                    continue
                try:
                    r = json.loads(raw)
                except json.JSONDecodeError as e:
                    err(where, f"invalid JSON: {e}")
                    continue
                if not isinstance(r, dict):
                    err(where, "not a JSON object")
                    continue
                if list(r.keys()) != KEYS:
                    missing = [k for k in KEYS if k not in r]
                    extra = [k for k in r if k not in KEYS]
                    if missing or extra:
                        err(where, f"keys: missing {missing} extra {extra}")
                        continue
                for k in KEYS:
                    if k in ("start", "end"):
                        if not isinstance(r[k], int) or isinstance(r[k], bool):
                            err(where, f"{k} must be an integer")
                    elif not isinstance(r[k], str):
                        err(where, f"{k} must be a string")
                if not (isinstance(r["start"], int) and isinstance(r["end"], int)):
                    continue
                n += 1
                t = r["type"]
                if r["doc"] != stem + ".txt":
                    err(where, f"doc {r['doc']!r} does not match file {stem}.txt")
                if t not in TYPES:
                    err(where, f"bad type {t!r}")
                s, e = r["start"], r["end"]
                if not (0 <= s < e <= len(content)):
                    err(where, f"bad span {s}-{e}")
                    continue
                if content[s:e] != r["text"]:
                    err(where, f"text {r['text']!r} != content[{s}:{e}] {content[s:e]!r}")
                if s < body_start:
                    err(where, "span inside the header lines")
                if r["text"] != r["text"].strip():
                    err(where, "text has leading/trailing white space")
                q = r["qualifier"]
                if q not in QUALIFIERS:
                    err(where, f"bad qualifier {q!r}")
                if (q == "range") != bool(r["value_to"]):
                    err(where, "value_to must be set exactly when qualifier is range")
                if not r["value"]:
                    err(where, "empty value")
                if t in ("money", "count", "ratio", "percent", "quantity", "number"):
                    for k in ("value", "value_to"):
                        if r[k] and not DECIMAL_RE.match(r[k]):
                            err(where, f"{k} {r[k]!r} is not a plain decimal")
                    if q == "range" and DECIMAL_RE.match(r["value"]) and DECIMAL_RE.match(r["value_to"] or "x"):
                        if Decimal(r["value"]) > Decimal(r["value_to"]):
                            err(where, "range low end above high end")
                if t == "date":
                    for k in ("value", "value_to"):
                        if r[k] and not DATE_RE.match(r[k]):
                            err(where, f"{k} {r[k]!r} is not an ISO 8601 date")
                if t == "time" and not TIME_RE.match(r["value"]):
                    err(where, f"time {r['value']!r} is not HH:MM")
                if t in ("date", "time", "number") and r["unit"]:
                    err(where, f"unit must be empty for {t}")
                if t in ("money", "count", "quantity", "legal_ref") and not r["unit"]:
                    err(where, f"unit required for {t}")
                if t == "percent" and r["unit"] != "%":
                    err(where, "percent unit must be %")
                if t == "money" and not re.match(r"^[A-Z]{3}(/.+)?$", r["unit"]):
                    err(where, f"money unit {r['unit']!r} is not ISO 4217 (optionally /denominator)")
                if t == "ratio":
                    if not (r["numerator"].isdigit() and r["denominator"].isdigit()):
                        err(where, "ratio needs integer numerator and denominator")
                    else:
                        num, den = int(r["numerator"]), int(r["denominator"])
                        if den == 0 or num > den:
                            err(where, "ratio must have 0 < denominator and numerator <= denominator")
                        else:
                            v = (Decimal(num) / Decimal(den)).quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)
                            exp = format(v.normalize(), "f")
                            if r["value"] != exp:
                                err(where, f"ratio value {r['value']} != {exp}")
                elif r["numerator"] or r["denominator"]:
                    err(where, "numerator/denominator only for ratio")
                if prev is not None:
                    if s < prev[0]:
                        err(where, "records not sorted by start")
                    elif s < prev[1]:
                        err(where, f"span overlaps previous record {prev[2]!r}")
                prev = (s, e, r["text"])
                per_type[t] += 1
        per_doc[gf] = n

    for gf, n in per_doc.items():
        print(f"{gf:34} {n:4d}")
    print()
    total = 0
    for t in TYPES:
        print(f"{t:10} {per_type[t]:5d}")
        total += per_type[t]
    print(f"{'total':10} {total:5d}  ({len(per_doc)} documents)")
    if errors:
        print(f"\n{len(errors)} error(s):", file=sys.stderr)
        for m in errors:
            print("  " + m, file=sys.stderr)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
