#!/usr/bin/env python3
"""Read back the cells LibreOffice Calc made of facts.csv and compare them with the records.

    check_cells.py facts.csv records.jsonl as-text.xlsx facts.xlsx

records.jsonl: the same extraction as JSON Lines (`vnextract extract -f jsonl`), the reference:
it does not go through the CSV writer, so a CSV quoting fault cannot hide.

as-text.xlsx: facts.csv imported with every column as Text. Each row must be one record, each
cell that record's field as JSON Lines has it (diacritics included; a context with commas and
quotes in one cell), the header row the CSV's column names, with no byte-order mark glued on.

facts.xlsx: the same file imported with the figure columns (value, value_to, numerator,
denominator, start, end, sentence) as "US English" numbers and every other column as Text.
Every money, count, ratio, percent, quantity and number value must be a number cell with the
exact value (so that SUM works), every full date a date cell of that day, and every `text` and
`context` cell the text as written.

Only the Python standard library is used (zipfile + ElementTree read the .xlsx). Prints one
line per check; exits 1 when one fails.
"""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def column_index(ref):
    """'AB12' -> 27 (0-based column of a cell reference)."""
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1


def read_xlsx(path):
    """The first sheet as a list of rows; each cell is (kind, text): kind 's' for a string
    cell, 'n' for a number (text = the stored number), '' for an empty cell."""
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(NS + "si"):
                shared.append("".join(t.text or "" for t in si.iter(NS + "t")))
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter(NS + "row"):
        cells = []
        for c in row.iter(NS + "c"):
            i = column_index(c.get("r"))
            cells.extend([("", "")] * (i - len(cells)))
            v = c.find(NS + "v")
            t = c.get("t")
            if t == "s":
                cells.append(("s", shared[int(v.text)]))
            elif t == "inlineStr":
                cells.append(("s", "".join(x.text or "" for x in c.iter(NS + "t"))))
            elif t == "str":
                cells.append(("s", v.text or ""))
            elif v is not None:
                cells.append(("n", v.text))
            else:
                cells.append(("", ""))
        rows.append(cells)
    return rows


def main():
    csv_path, jsonl_path, text_xlsx, typed_xlsx = sys.argv[1:5]
    failures = 0

    def check(ok, what):
        nonlocal failures
        print(("ok    " if ok else "FAIL  ") + what)
        if not ok:
            failures += 1

    with open(csv_path, "rb") as f:
        first_line = f.readline()
    check(first_line.startswith(b"\xef\xbb\xbf"), "facts.csv starts with a UTF-8 byte-order mark")
    header = first_line.decode("utf-8-sig").rstrip("\r\n").split(",")

    # The reference: every field as text, numbers with the digits as written (no float).
    records = []
    with open(jsonl_path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line, parse_int=str, parse_float=str)
            records.append([("" if r.get(h) is None else str(r[h])) for h in header])
    col = {name: i for i, name in enumerate(header)}

    # 1. Every column as Text: each row is one record, each cell its field.
    sheet = read_xlsx(text_xlsx)
    cells = [[text for _, text in row] + [""] * (len(header) - len(row)) for row in sheet]
    check(cells[0][:len(header)] == header and len(cells[0]) == len(header),
          f"header row: {len(header)} cells, the first one {cells[0][0]!r}")
    check(len(cells) - 1 == len(records),
          f"{len(cells) - 1} data rows in Calc = {len(records)} records in the JSON Lines")
    mismatched = [(r, c) for r in range(min(len(cells) - 1, len(records)))
                  for c in range(len(header)) if cells[r + 1][c] != records[r][c]]
    mismatched += [(r, len(header)) for r in range(len(cells) - 1) if len(cells[r + 1]) > len(header)]
    for r, c in mismatched[:5]:
        name = header[c] if c < len(header) else "(extra cells)"
        want = records[r][c] if c < len(header) and r < len(records) else ""
        print(f"      data row {r + 1}, {name}: Calc {cells[r + 1][c][:60]!r}, record {want[:60]!r}")
    check(not mismatched, "every cell equals its record's field")

    tricky = [r[col["context"]] for r in records
              if "," in r[col["context"]] and '"' in r[col["context"]]]
    in_calc = {row[col["context"]] for row in cells[1:]}
    check(bool(tricky) and all(t in in_calc for t in tricky),
          f"{len(tricky)} contexts holding both commas and quotes are one cell each, e.g. "
          f"{tricky[0][:50] if tricky else ''!r}")
    words = {row[col["text"]] for row in cells[1:]} | {row[col["value"]] for row in cells[1:]}
    for word in ("Hòa An", "huyện Hòa An", "2,4 tỷ đồng", "xã Đàm Thủy"):
        check(word in words, f"diacritics intact: a cell reads {word!r}")

    # 2. facts.xlsx, typed: figures are numbers, words stay words.
    sheet = read_xlsx(typed_xlsx)
    numeric_types = {"money", "count", "ratio", "percent", "quantity", "number"}
    bad_numbers, bad_dates, n_numbers, n_dates = [], [], 0, 0
    for rec, row in zip(records, sheet[1:]):
        kind, got = row[col["value"]] if col["value"] < len(row) else ("", "")
        want = rec[col["value"]]
        if rec[col["type"]] in numeric_types and want:
            n_numbers += 1
            if kind != "n" or Decimal(got) != Decimal(want):
                bad_numbers.append((rec[col["text"]], got, want))
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", want):
            n_dates += 1
            serial = (date.fromisoformat(want) - date(1899, 12, 30)).days
            if kind != "n" or Decimal(got) != serial:
                bad_dates.append((rec[col["text"]], got, want))
    for text, got, want in (bad_numbers + bad_dates)[:5]:
        print(f"      value of {text!r}: Calc {got!r}, expected {want}")
    check(n_numbers > 0 and not bad_numbers,
          f"facts.xlsx: all {n_numbers} money/count/ratio/percent/quantity/number values are "
          "number cells with the exact value")
    check(n_dates > 0 and not bad_dates,
          f"facts.xlsx: all {n_dates} full dates (YYYY-MM-DD) are date cells of that day")
    changed = [(rec[col[c]], row[col[c]] if col[c] < len(row) else ("", ""))
               for rec, row in zip(records, sheet[1:]) for c in ("text", "context")]
    changed = [(want, got) for want, got in changed if got != ("s", want)]
    for want, got in changed[:5]:
        print(f"      Calc {got[0]}:{got[1][:50]!r}, expected the text {want[:50]!r}")
    check(len(sheet) - 1 == len(records) and not changed,
          "facts.xlsx: every text and context cell is the text as written "
          "(no '12%' made 0.12, no '19/6' made a date)")

    print(f"{failures} check(s) failed" if failures else "all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
