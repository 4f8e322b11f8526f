#!/usr/bin/env python3
"""Writes the seed corpora tests/fuzz/<target>/seeds/ from the repository's own data: the example
sentences of data/*/corpus.tsv and data/entity/*/corpus.tsv, and the files of tests/fixtures/.
Nothing comes from ../shared (article text is not committed). Deterministic: running it again
gives the same files. Usage: python3 fuzz/make_seeds.py (from anywhere)."""

import json
import pathlib
import shutil
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fuzz"
TYPES = ["money", "count", "ratio", "percent", "quantity", "date", "time", "legal_ref", "number",
         "person", "organization", "location", "period"]  # RecordType order (record.h)


def sentences(kind, n):
    base = ROOT / "data" / kind if (ROOT / "data" / kind).is_dir() else ROOT / "data" / "entity" / kind
    out = []
    for line in (base / "corpus.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        s = line.split("\t")[0]
        if s not in out:
            out.append(s)
    step = max(1, len(out) // n)
    return out[::step][:n]


def write(target, name, data):
    d = OUT / target / "seeds"
    d.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    (d / name).write_bytes(data)


def main():
    for t in ["decode", "normalize", "tokenize", "extract", "html", "jsonl"]:
        shutil.rmtree(OUT / t / "seeds", ignore_errors=True)
    by_type = {t: sentences(t, 3) for t in TYPES}
    some = [s for t in TYPES for s in by_type[t][:2]]  # 26 sentences, two of each type
    fixtures = ROOT / "tests" / "fixtures"
    encodings = sorted((fixtures / "encodings").glob("article.*.txt"))
    article = (fixtures / "encodings" / "article.utf8.txt").read_text(encoding="utf-8")

    # decode: first byte = explicit encoding (0 utf-8, 1 utf-16, 2 windows-1258, 3 tcvn3, 4 vni,
    # 5 viqr); the rest the file.
    enc_index = {"utf8": 0, "utf16le": 1, "utf16be": 1, "cp1258": 2, "tcvn3": 3, "vni": 4, "viqr": 5}
    for f in encodings:
        e = f.name.split(".")[1]
        write("decode", f"{e}.bin", bytes([enc_index[e]]) + f.read_bytes())
        # a few lines only: short inputs are where detection is hard
        lines = f.read_bytes().split(b"\n")
        write("decode", f"{e}-head.bin", bytes([enc_index[e]]) + b"\n".join(lines[:2]))
    for i, s in enumerate(some[:12]):
        write("decode", f"utf8-{i:02}.bin", bytes([i % 6]) + s.encode("utf-8"))
    for i, s in enumerate(some[12:18]):
        write("decode", f"cp1258-{i:02}.bin", bytes([2]) + s.encode("cp1258", errors="replace"))
        write("decode", f"utf16-{i:02}.bin", bytes([1]) + s.encode("utf-16"))
    write("decode", "bom-utf8.bin", b"\x00\xef\xbb\xbf" + some[0].encode("utf-8"))
    write("decode", "bad-byte.bin", b"\x00" + some[1].encode("utf-8")[:20] + b"\xff" + some[1].encode("utf-8")[20:])

    # normalize: sentences as written, in NFD, with NBSP, tabs, CRLF, zero-width characters,
    # full-width digits, dashes and Ð.
    for i, s in enumerate(some[:20]):
        write("normalize", f"nfc-{i:02}.txt", s)
    for i, s in enumerate(some[20:26]):
        write("normalize", f"nfd-{i:02}.txt", unicodedata.normalize("NFD", s))
    messy = [
        "Hỗ trợ\u00a0300\u00a0triệu đồng\t cho  02 DN.\r\n\r\n  Năm 2023 – 2025\u200b.",
        "Ðội bóng ＳＬＮＡ thắng ２－１ ngày 12/4 ﹣ tỷ lệ ５０％.",
        "\ufeffa\u0301 e\u0302\u0301 o\u031b\u0300 u\u031b\u0303 \u00adxa\u0323\u00ad",
        "Dòng 1\u2028Dòng 2\u2029Dòng 3\u0085Dòng 4\x0b\x0cDòng 5",
        unicodedata.normalize("NFD", article[:600]),
        "  \n\n\t leading and trailing blanks \u3000 \n ",
    ]
    for i, s in enumerate(messy):
        write("normalize", f"messy-{i:02}.txt", s)

    # tokenize: sentences, the article, codes, dates, times, numbers glued to units.
    for i, s in enumerate(some):
        write("tokenize", f"sentence-{i:02}.txt", s)
    write("tokenize", "article.txt", article)
    write("tokenize", "bao-cao.txt", (fixtures / "bao-cao.txt").read_bytes())
    write("tokenize", "shapes.txt", "93/2021/NQ-HĐND 36-NQ/TW 12/04/2021 12-04-2021 12.04.2021 15:58 15h30 10h "
          "17/24 20% 1,5 % 11.000.000 1,5 3.000m2 4ha 500.000đ KH&CN X-quang Covid-19 PH8 14A\n# date = 20231006\n")

    # extract: first byte = options (fuzz_extract.cc): the sentences of each type with that type
    # alone (bits 0-3), some with a reference date (bit 4, bits 5-7 which), and all types.
    for ti, t in enumerate(TYPES):
        for j, s in enumerate(by_type[t]):
            sel = ti if j != 1 else ti | 0x10 | (j << 5)
            write("extract", f"{t}-{j}.txt", bytes([sel]) + s.encode("utf-8"))
    write("extract", "article-all.txt", bytes([0x0F]) + article.encode("utf-8"))
    write("extract", "article-all-date.txt", bytes([0x1F]) + article.encode("utf-8"))
    write("extract", "bao-cao-all.txt", bytes([0x0D]) + (fixtures / "bao-cao.txt").read_bytes())
    write("extract", "header-date.txt", bytes([0x0E]) + ("# date = 20240105\n" + " ".join(by_type["date"]) + " "
                                                         + " ".join(by_type["period"])).encode("utf-8"))
    write("extract", "nfd-all.txt", bytes([0x2F]) + unicodedata.normalize("NFD", " ".join(some[:8])).encode("utf-8"))

    # html: the fixtures' pages and small pages around sentences.
    for f in sorted((fixtures / "html").glob("*.html")):
        write("html", f.name, f.read_bytes())
    for i, s in enumerate(some[:16]):
        page = (f"<html><head><title>Tin {i}</title><meta property=\"article:published_time\" "
                f"content=\"2021-04-1{i % 10}T08:00:00+07:00\"></head><body><nav><a href=/>Trang nhất</a> » "
                f"<a href=/t>Tin tức</a></nav><article><h1>Tiêu đề {i}</h1><p>{s}</p><p>Tác giả bài viết: "
                f"N.T</p></article><div class=\"counter\">Đang truy cập : 67</div></body></html>")
        write("html", f"page-{i:02}.html", page)
    write("html", "broken.html", "<p>Hỗ trợ <b>300 <i>triệu</b> đồng</i> &nbsp;&amp; &#7871; &#x1EBF; <table><tr><td>"
          "02 DN<td>5%</table><script>var x='<p>';</script><p>Ngày 12/4/2021")

    # jsonl: first byte = options (fuzz_jsonl.cc); the rest a JSON Lines file.
    docs = [{"id": f"d{i}", "date": "2023-10-06" if i % 2 else "20201001", "title": "Tin", "text": s}
            for i, s in enumerate(some[:10])]
    lines = [json.dumps(d, ensure_ascii=(i % 2 == 0)) for i, d in enumerate(docs)]
    write("jsonl", "docs.jsonl", b"\x01" + "\n".join(lines).encode("utf-8") + b"\n")
    write("jsonl", "docs-auto.jsonl", b"\x04" + "\n".join(lines).encode("utf-8"))
    write("jsonl", "fields.jsonl", b"\x09" + "\n".join(json.dumps({"doc": f"x{i}", "published": "2021-04-12T08:00",
                                                                   "body": s, "tags": [1, {"a": None}]},
                                                                  ensure_ascii=False)
                                                       for i, s in enumerate(some[10:16])).encode("utf-8"))
    write("jsonl", "html-text.jsonl", b"\x01" + json.dumps({"id": "h", "text": "<html><body><p>" + some[16]
                                                            + "</p></body></html>"}, ensure_ascii=False).encode("utf-8"))
    write("jsonl", "errors.jsonl", b"\x01" + "\n".join([
        '{"id": "ok", "text": "Hỗ trợ 300 triệu đồng"}', '{"id": "bad", "text": ', '[1, 2]', '{"id": 5}',
        '{"text": 7}', '', '   ', '{"text": "\\u0000 NUL"}', '{"text": "\\ud800 lone surrogate"}',
        '{"text": "\\ufeffBOM 12/4"}', '{"id":"", "text":"a\\r\\nb\\tc 5%"}']).encode("utf-8") + b"\r\n")
    write("jsonl", "text-auto.txt", b"\x00" + (fixtures / "bao-cao.txt").read_bytes())
    write("jsonl", "html-auto.html", b"\x04" + (fixtures / "html" / "messy.html").read_bytes())
    write("jsonl", "cp1258-auto.txt", b"\x04" + (fixtures / "encodings" / "article.cp1258.txt").read_bytes())


if __name__ == "__main__":
    main()
