#!/usr/bin/env python3
"""Throughput of the vnextract binary against this machine's own yardsticks (issue 6).

    python3 bench/speed.py [VNEXTRACT] [CORPUS_DIR] [--repeat N] [--base OTHER_VNEXTRACT]

VNEXTRACT defaults to build/vnextract, CORPUS_DIR to ../shared/corpus/dantri. The corpus becomes
one JSON Lines file (one article per line, its "# date" header as the date field), and that file
repeated 8 times. For each, in the same run and on the same warm file:

  - read:  `cat FILE > /dev/null`, the cost of reading the bytes at all;
  - rg:    `rg -o MONEY FILE > OUT`, ripgrep finding one money pattern (`300 triệu đồng`);
  - vnextract, full extraction (all types, JSON Lines out), on one core (`-j 1`)
    and on every core (`-j N`), records into a file: seconds, MB/s, documents/s and peak
    resident memory.

Machines here are shared and noisy, so each command runs --repeat times (default 3) and the
fastest run counts, and vnextract's time is also given as a ratio to `rg` and to the plain read:
ratios move much less than seconds from one machine or one minute to the next. With --base, an
other build (last week's binary, main's) runs too, its runs taking turns with this one's, and its
time is given as a ratio: the fair comparison of two builds on a machine whose speed moves by a
factor of two in a day. Exits 77 (skip) when the corpus is absent.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

MONEY = r"[0-9][0-9.,]*\s*(nghìn|triệu|tỷ)?\s*đồng"


def run(cmd, stdout_path=os.devnull):
    """Runs cmd, returns (seconds, peak RSS in bytes, exit status)."""
    with open(stdout_path, "wb") as out:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        secs = time.perf_counter() - start
    return secs, usage.ru_maxrss * 1024, os.waitstatus_to_exitcode(status)


def best(cmd, repeat, out=os.devnull):
    runs = [run(cmd, out) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs), runs[-1][2]


def make_jsonl(corpus, path):
    docs = 0
    with open(path, "w", encoding="utf-8") as out:
        for name in sorted(os.listdir(corpus)):
            if not name.endswith(".txt"):
                continue
            lines = open(os.path.join(corpus, name), encoding="utf-8").read().split("\n")
            meta = dict(l[2:].split(" = ", 1) for l in lines if l.startswith("# ") and " = " in l)
            text = "\n".join(l for l in lines if not l.startswith("# "))
            out.write(json.dumps({"id": name, "date": meta.get("date", ""), "text": text}, ensure_ascii=False) + "\n")
            docs += 1
    return docs


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--repeat") and not a.startswith("--base")]
    repeat = 3
    base = None
    for i, a in enumerate(sys.argv):
        if a.startswith("--repeat="):
            repeat = int(a.split("=", 1)[1])
        elif a == "--repeat" and i + 1 < len(sys.argv):
            repeat = int(sys.argv[i + 1])
            args.remove(sys.argv[i + 1])
        elif a.startswith("--base="):
            base = a.split("=", 1)[1]
        elif a == "--base" and i + 1 < len(sys.argv):
            base = sys.argv[i + 1]
            args.remove(sys.argv[i + 1])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = args[0] if args else os.path.join(root, "build", "vnextract")
    corpus = args[1] if len(args) > 1 else os.path.join(root, "..", "shared", "corpus", "dantri")
    if not os.path.isdir(corpus):
        print(f"speed: no corpus at {corpus}, skipped")
        return 77
    rg = shutil.which("rg")
    cores = os.cpu_count() or 1
    tmp = tempfile.mkdtemp()
    try:
        one = os.path.join(tmp, "corpus.jsonl")
        docs = make_jsonl(corpus, one)
        eight = os.path.join(tmp, "corpus8.jsonl")
        with open(eight, "wb") as out:
            data = open(one, "rb").read()
            for _ in range(8):
                out.write(data)
        print(f"vnextract {subprocess.run([binary, '--version'], capture_output=True, text=True).stdout.strip()}; "
              f"{cores} cores; best of {repeat} runs; rg {'absent' if not rg else 'present'}")
        for label, path, n in (("corpus", one, docs), ("corpus x8", eight, docs * 8)):
            size = os.path.getsize(path)
            mb = size / 1e6
            run(["cat", path])  # warm the page cache
            t_read, _, _ = best(["cat", path], repeat)
            # Into a file, not /dev/null: ripgrep stops at the first match when its output is
            # /dev/null. vnextract writes its records into a file too.
            t_rg = best([rg, "-o", MONEY, path], repeat, os.path.join(tmp, "out"))[0] if rg else None
            print(f"\n{label}: {mb:.1f} MB, {n} documents")
            print(f"  {'read (cat)':<28} {t_read:8.3f} s {mb / t_read:9.1f} MB/s")
            if t_rg is not None:
                print(f"  {'rg -o one money pattern':<28} {t_rg:8.3f} s {mb / t_rg:9.1f} MB/s")
            for jobs in sorted({1, cores}):
                cmd = ["extract", "-q", "-f", "jsonl", "-j", str(jobs), path]
                out = os.path.join(tmp, "out")
                if base is None:
                    secs, rss, status = best([binary] + cmd, repeat, out)
                else:  # turns: this build, the base, this build, …
                    runs = [(run([binary] + cmd, out), run([base] + cmd, out)) for _ in range(repeat)]
                    secs, rss, status = min(r[0][0] for r in runs), max(r[0][1] for r in runs), runs[-1][0][2]
                    base_secs, base_rss = min(r[1][0] for r in runs), max(r[1][1] for r in runs)
                ratio_rg = f"{secs / t_rg:6.1f}x rg" if t_rg else ""
                print(f"  {'vnextract -j ' + str(jobs):<28} {secs:8.3f} s {mb / secs:9.1f} MB/s {n / secs:9.0f} docs/s "
                      f"{rss / 1e6:7.1f} MB peak  {ratio_rg}  {secs / t_read:7.0f}x read"
                      + ("" if status == 0 else f"  (exit {status})"))
                if base is not None:
                    print(f"  {'  base -j ' + str(jobs):<28} {base_secs:8.3f} s {mb / base_secs:9.1f} MB/s "
                          f"{n / base_secs:9.0f} docs/s {base_rss / 1e6:7.1f} MB peak  "
                          f"this build takes {secs / base_secs:.2f}x the base's time")
    finally:
        shutil.rmtree(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
