#!/usr/bin/env python3
"""Instructions per pipeline stage, the figure builds are compared by (issue 6).

    python3 bench/instructions.py [VNEXTRACT] [CORPUS_DIR] [--docs N]

Wall-clock time on the shared machines here moves by a factor of two from one hour to the
next; the number of instructions a run executes does not. This runs
`valgrind --tool=callgrind VNEXTRACT extract -q -f jsonl -j 1` over the first N (default 600)
articles of the corpus as one JSON Lines file (the file bench/speed.py times, cut short) and
prints the total and each stage's inclusive count, in millions, and instructions per input
byte. Exits 77 (skip) when the corpus or valgrind is absent.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from speed import make_jsonl  # noqa: E402

# (label, regular expression matching the start of callgrind_annotate's function names), in
# pipeline order. A stage's count is inclusive: what it calls is in it.
STAGES = [
    ("read documents (JSON Lines)", r"vnextract::cli::DocumentReader::Next\("),
    ("UTF-8 check", r"vnextract::internal::DecodeUtf8\("),
    ("normalization", r"vnextract::internal::Normalize\("),
    ("sentences", r"vnextract::internal::Segmenter::Split\("),
    ("tokens", r"vnextract::internal::Tokenize\("),
    ("token lists (DocView)", r"vnextract::internal::DocView::DocView\("),
    ("legal references", r"vnextract::internal::ExtractLegalRef\("),
    ("dates", r"vnextract::internal::ExtractDate\("),
    ("periods", r"vnextract::internal::ExtractPeriod\("),
    ("money", r"vnextract::internal::ExtractMoney\("),
    ("counts", r"vnextract::internal::ExtractCount\("),
    ("quantities", r"vnextract::internal::ExtractQuantity\("),
    ("other figures (time, percent, ratio)", r"vnextract::internal::Extract(Time|Percent|Ratio)\("),
    ("resolve overlaps", r"vnextract::internal::Resolve\("),
    ("entities", r"vnextract::internal::ExtractEntities\("),
    ("JSON formatting", r"vnextract::RecordWriter::Format\("),
    ("start-up (rules)", r"vnextract::Rules::Builtin\("),
]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--docs")]
    docs = 600
    for i, a in enumerate(sys.argv):
        if a == "--docs" and i + 1 < len(sys.argv):
            docs = int(sys.argv[i + 1])
            args.remove(sys.argv[i + 1])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = args[0] if args else os.path.join(root, "build", "vnextract")
    corpus = args[1] if len(args) > 1 else os.path.join(root, "..", "shared", "corpus", "dantri")
    if not os.path.isdir(corpus) or not shutil.which("valgrind"):
        print(f"instructions: no corpus at {corpus} or no valgrind, skipped")
        return 77
    tmp = tempfile.mkdtemp()
    try:
        whole = os.path.join(tmp, "corpus.jsonl")
        make_jsonl(corpus, whole)
        path = os.path.join(tmp, "first.jsonl")
        with open(whole, "rb") as f, open(path, "wb") as out:
            for _ in range(docs):
                line = f.readline()
                if not line:
                    break
                out.write(line)
        size = os.path.getsize(path)
        cg = os.path.join(tmp, "callgrind.out")
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={cg}", binary, "extract", "-q", "-f",
                        "jsonl", "-j", "1", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        annotated = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", "--auto=no", cg],
                                   capture_output=True, text=True, check=True).stdout
        total = 0
        seen = {}  # (label, function) -> count
        for line in annotated.splitlines():
            m = re.match(r"\s*([\d,]+) .*?\s(\S.*)$", line)
            if not m:
                continue
            n = int(m.group(1).replace(",", ""))
            if "PROGRAM TOTALS" in line:
                total = n
            # "file:function [object]": a function has one line per file its code came from (the
            # inlined parts); the largest, its own file's, is its whole count.
            function = re.sub(r" \[[^\]]*\]$", "", m.group(2).split(":", 1)[-1])
            for label, pattern in STAGES:
                if re.match(pattern, function):
                    seen[(label, function)] = max(n, seen.get((label, function), 0))
        counts = {}
        for (label, _), n in seen.items():
            counts[label] = counts.get(label, 0) + n
        print(f"{binary}: {docs} documents, {size / 1e6:.2f} MB of JSON Lines")
        print(f"{'total':<40} {total / 1e6:8.1f}M  {total / size:6.1f} per byte")
        for label, _ in STAGES:
            n = counts.get(label, 0)
            print(f"  {label:<38} {n / 1e6:8.1f}M  {n / size:6.1f} per byte  {100 * n / max(total, 1):5.1f}%")
        # (the stages do not call one another)
        rest = total - sum(counts.values())
        print(f"  {'the rest (records, threads, output)':<38} {rest / 1e6:8.1f}M  {rest / size:6.1f} per byte  "
              f"{100 * rest / max(total, 1):5.1f}%")
    finally:
        shutil.rmtree(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
