#!/usr/bin/env python3
"""Verify the gold of the development set: tests/gold/numeric/ (numeric types only) and
tests/gold/full/ (every type; for person/organization/location only keys and spans are checked
here, `vnextract eval` checks the rest).

Usage: check_gold.py [CORPUS_DIR [SEEDS_DIR]]

CORPUS_DIR defaults to ../shared/corpus/dantri relative to the repository root (the repository
root is two levels above this script); SEEDS_DIR defaults to ../shared/seeds. A gold file
<stem>.jsonl names the document <stem>.txt in CORPUS_DIR, else in SEEDS_DIR. Every line is
checked (schema 3, docs/records.md):

  * valid JSON object with exactly the expected keys in the expected order, all values strings
    except start/end (integers). Numeric types have doc, type, start, end, text, value,
    value_to, unit, qualifier, numerator, denominator; date and period add `resolved`;
    legal_ref adds kind, number, year, issuer_code, issuer, issued; entities have doc, type,
    start, end, text, value, role, parent, canonical;
  * doc names the gold file's document;
  * text == decoded file content[start:end] (code-point offsets; a leading UTF-8 byte-order
    mark is dropped, as docs/records.md says);
  * for a document with '# ' header lines, the span lies after them;
  * type, qualifier and the type-dependent fields are consistent with docs/records.md:
    - value_to only for ranges, numerator/denominator only for ratios, empty unit for
      date/period/time/number;
    - date: ISO 8601 `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `--MM`, `--MM-DD` or ISO week `YYYY-Www`,
      a real calendar date; empty only for an unresolved relative date;
    - period: an ISO 8601 interval `start/end` (each end a date as above; `..` for an open end),
      start not after end when both have a year, value_to empty, qualifier never `range`;
    - resolved (date, period): "", inferred, relative or unresolved; `--` values only with
      unresolved, and "" never on a relative date with an empty value;
    - legal_ref: kind == unit, number non-empty, year `YYYY` or empty, issued a full ISO date
      or empty;
  * records are sorted by start and no two spans of non-entity records overlap.

Prints a per-type count and exits non-zero on any error.
"""
import collections
import datetime
import json
import os
import re
import sys
from decimal import Decimal, ROUND_HALF_UP

BASE = ["doc", "type", "start", "end", "text", "value", "value_to", "unit",
        "qualifier", "numerator", "denominator"]
TEMPORAL_KEYS = BASE + ["resolved"]
LEGAL_KEYS = BASE + ["kind", "number", "year", "issuer_code", "issuer", "issued"]
ENTITY_KEYS = ["doc", "type", "start", "end", "text", "value", "role", "parent", "canonical"]
NUMERIC_TYPES = ["money", "count", "ratio", "percent", "quantity", "date", "period", "time",
                 "legal_ref", "number"]
ENTITY_TYPES = ["person", "organization", "location"]
QUALIFIERS = {"", "approx", "over", "under", "at_least", "at_most", "up_to", "range"}
RESOLVED = {"", "inferred", "relative", "unresolved"}
DECIMAL_RE = re.compile(r"^-?\d+(\.\d+)?$")
DATE_RE = re.compile(r"^(?:(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?|--(\d{2})(?:-(\d{2}))?|(\d{4})-W(\d{2}))$")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
FULL_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def keys_for(t):
    if t in ("date", "period"):
        return TEMPORAL_KEYS
    if t == "legal_ref":
        return LEGAL_KEYS
    if t in ENTITY_TYPES:
        return ENTITY_KEYS
    return BASE


def check_date(v):
    """None if v is a valid ISO 8601 date as docs/records.md allows, else the reason.
    Returns (error, sort_key) where sort_key is (year, month, day) for dated values."""
    m = DATE_RE.match(v)
    if not m:
        return "not an ISO 8601 date", None
    y, mo, d, umo, ud, wy, wk = m.groups()
    if wy:
        w = int(wk)
        last = datetime.date(int(wy), 12, 28).isocalendar()[1]
        if not 1 <= w <= last:
            return f"no week {w} in {wy}", None
        start = datetime.date.fromisocalendar(int(wy), w, 1)
        return None, (start.year, start.month, start.day)
    if y is None:
        mo, d = umo, ud
    if mo is not None and not 1 <= int(mo) <= 12:
        return "month out of range", None
    if d is not None:
        try:
            datetime.date(int(y) if y else 2000, int(mo), int(d))  # 2000 is a leap year
        except ValueError:
            return "not a calendar date", None
    if y is None:
        return None, None
    return None, (int(y), int(mo) if mo else 0, int(d) if d else 0)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", ".."))
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "corpus", "dantri")
    seeds = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "..", "shared", "seeds")
    corpus, seeds = os.path.normpath(corpus), os.path.normpath(seeds)
    if not os.path.isdir(corpus):
        sys.exit(f"corpus directory not found: {corpus}")

    errors = []
    per_type = collections.OrderedDict((f, collections.Counter()) for f in ("full", "numeric"))
    per_doc = {}

    def err(where, msg):
        errors.append(f"{where}: {msg}")

    for folder in ("full", "numeric"):
        gold_dir = os.path.join(here, folder)
        files = sorted(f for f in os.listdir(gold_dir) if f.endswith(".jsonl"))
        if not files:
            err(folder, f"no gold files in {gold_dir}")
        for gf in files:
            stem = gf[:-len(".jsonl")]
            doc_path = os.path.join(corpus, stem + ".txt")
            if not os.path.isfile(doc_path):
                doc_path = os.path.join(seeds, stem + ".txt")
            if not os.path.isfile(doc_path):
                err(f"{folder}/{gf}", f"no document {stem}.txt in {corpus} or {seeds}")
                continue
            with open(doc_path, encoding="utf-8", newline="") as f:
                content = f.read()
            if content.startswith("\ufeff"):
                content = content[1:]
            lines = content.split("\n")
            body_start = 0
            if lines[0].startswith("# "):
                n_head = 0
                while n_head < len(lines) and lines[n_head].startswith("# "):
                    n_head += 1
                body_start = sum(len(l) + 1 for l in lines[:n_head])
            prev = None
            n = 0
            with open(os.path.join(gold_dir, gf), encoding="utf-8") as f:
                for ln, raw in enumerate(f, 1):
                    where = f"{folder}/{gf}:{ln}"
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
                    t = r.get("type")
                    allowed = NUMERIC_TYPES + (ENTITY_TYPES if folder == "full" else [])
                    if t not in allowed:
                        err(where, f"bad type {t!r}")
                        continue
                    keys = keys_for(t)
                    if list(r.keys()) != keys:
                        missing = [k for k in keys if k not in r]
                        extra = [k for k in r if k not in keys]
                        err(where, f"keys: missing {missing} extra {extra}" if missing or extra
                            else "keys out of order")
                        if missing or extra:
                            continue
                    bad = False
                    for k in keys:
                        if k in ("start", "end"):
                            if not isinstance(r[k], int) or isinstance(r[k], bool):
                                err(where, f"{k} must be an integer")
                                bad = True
                        elif not isinstance(r[k], str):
                            err(where, f"{k} must be a string")
                            bad = True
                    if bad:
                        continue
                    n += 1
                    per_type[folder][t] += 1
                    if r["doc"] != stem + ".txt":
                        err(where, f"doc {r['doc']!r} does not match file {stem}.txt")
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
                    if prev is not None and s < prev[0]:
                        err(where, "records not sorted by start")
                    if t in ENTITY_TYPES:
                        if not r["value"]:
                            err(where, "empty value")
                        prev = (s, prev[1] if prev else 0, prev[2] if prev else "")
                        continue
                    check_numeric(r, t, where, err)
                    if prev is not None and s < prev[1]:
                        err(where, f"span overlaps previous record {prev[2]!r}")
                    prev = (s, e, r["text"])
            per_doc[f"{folder}/{gf}"] = n

    for gf, n in per_doc.items():
        print(f"{gf:42} {n:4d}")
    for folder, counts in per_type.items():
        print(f"\n{folder}:")
        total = 0
        for t in NUMERIC_TYPES + ENTITY_TYPES:
            if counts[t] or t in NUMERIC_TYPES:
                print(f"  {t:12} {counts[t]:5d}")
                total += counts[t]
        docs = sum(1 for k in per_doc if k.startswith(folder + "/"))
        print(f"  {'total':12} {total:5d}  ({docs} documents)")
    if errors:
        print(f"\n{len(errors)} error(s):", file=sys.stderr)
        for m in errors:
            print("  " + m, file=sys.stderr)
        sys.exit(1)
    print("OK")


def check_numeric(r, t, where, err):
    q = r["qualifier"]
    if q not in QUALIFIERS:
        err(where, f"bad qualifier {q!r}")
    if (q == "range") != bool(r["value_to"]):
        err(where, "value_to must be set exactly when qualifier is range")
    if t == "period" and q == "range":
        err(where, "a period's interval is its value: no range qualifier")
    if not r["value"] and not (t == "date" and r["resolved"] == "unresolved"):
        err(where, "empty value")
    if t in ("money", "count", "ratio", "percent", "quantity", "number"):
        for k in ("value", "value_to"):
            if r[k] and not DECIMAL_RE.match(r[k]):
                err(where, f"{k} {r[k]!r} is not a plain decimal")
        if q == "range" and DECIMAL_RE.match(r["value"]) and DECIMAL_RE.match(r["value_to"] or "x"):
            if Decimal(r["value"]) > Decimal(r["value_to"]):
                err(where, "range low end above high end")
    if t in ("date", "period"):
        res = r["resolved"]
        if res not in RESOLVED:
            err(where, f"bad resolved {res!r}")
        if r["value_to"]:
            err(where, f"value_to must be empty for {t}")
        ends = r["value"].split("/") if t == "period" else [r["value"]]
        if t == "period" and len(ends) != 2:
            err(where, f"period {r['value']!r} is not an ISO 8601 interval start/end")
            ends = []
        keys = []
        for v in ends:
            if t == "period" and v == "..":
                keys.append(None)
                if res not in ("unresolved", "relative"):
                    err(where, "an open end needs resolved unresolved or relative")
                continue
            if t == "date" and v == "":
                continue
            msg, key = check_date(v)
            if msg:
                err(where, f"{v!r} in {r['value']!r}: {msg}")
            keys.append(key)
            if v.startswith("--") and res != "unresolved":
                err(where, f"{v!r} has no year: resolved must be unresolved")
        if len(keys) == 2 and keys[0] and keys[1] and keys[0] > keys[1]:
            err(where, f"period {r['value']!r} starts after it ends")
    if t == "time" and not TIME_RE.match(r["value"]):
        err(where, f"time {r['value']!r} is not HH:MM")
    if t in ("date", "period", "time", "number") and r["unit"]:
        err(where, f"unit must be empty for {t}")
    if t in ("money", "count", "quantity", "legal_ref") and not r["unit"]:
        err(where, f"unit required for {t}")
    if t == "percent" and r["unit"] != "%":
        err(where, "percent unit must be %")
    if t == "money" and not re.match(r"^[A-Z]{3}(/.+)?$", r["unit"]):
        err(where, f"money unit {r['unit']!r} is not ISO 4217 (optionally /denominator)")
    if t == "legal_ref":
        if r["kind"] != r["unit"]:
            err(where, f"kind {r['kind']!r} differs from unit {r['unit']!r}")
        if not r["number"]:
            err(where, "legal_ref needs its number")
        elif r["number"] not in r["value"]:
            err(where, f"number {r['number']!r} is not in the code {r['value']!r}")
        if r["year"] and not (re.match(r"^\d{4}$", r["year"]) and r["year"] in r["value"]):
            err(where, f"year {r['year']!r} is not a year of the code")
        if r["issuer_code"] and r["issuer_code"] not in r["value"]:
            err(where, f"issuer_code {r['issuer_code']!r} is not in the code {r['value']!r}")
        if r["issued"]:
            msg, _ = check_date(r["issued"])
            if msg or not FULL_DATE_RE.match(r["issued"]):
                err(where, f"issued {r['issued']!r} is not a full ISO 8601 date")
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


if __name__ == "__main__":
    main()
