#!/usr/bin/env bash
# Encoding detection on the Dân trí corpus: every article written in TCVN3, VNI and VIQR (by the
# npm package vietnamese-conversion, bench/make_encoded_corpus.js) and in Windows-1258 and
# UTF-16 little- and big-endian without byte-order mark (python3), then detected and decoded by
# bench/detect_encodings.cc. Prints the accuracy per encoding and the confusions, for whole
# articles and again for their titles alone (one line, a dozen words: the hard case).
#
#   bench/detect_encodings.sh [BUILD_DIR] [CORPUS_DIR]
#
# BUILD_DIR (default build-dev) must hold libvnextract.a; the program is taken from
# BUILD_DIR/detect_encodings, or compiled into the temporary directory when that is missing.
# Needs node and npm (the package is installed into the temporary directory unless NODE_PATH
# already has it) and python3. CORPUS_DIR defaults to ../shared/corpus/dantri.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=$(cd "${1:-$root/build-dev}" && pwd)
corpus=${2:-$root/../shared/corpus/dantri}
[ -d "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! node -e 'require("vietnamese-conversion")' 2>/dev/null; then
  npm install --silent --no-audit --no-fund --prefix "$tmp/npm" vietnamese-conversion@2.0.0 >/dev/null 2>&1
  export NODE_PATH="$tmp/npm/node_modules"
fi

bin="$build/detect_encodings"
if [ ! -x "$bin" ]; then
  bin="$tmp/detect_encodings"
  c++ -O2 -std=c++20 -Wall -Wextra -Werror -I"$root/src" -I"$root/include" "$here/detect_encodings.cc" \
    -o "$bin" "$build/libvnextract.a" $(pkg-config --libs icu-i18n icu-uc re2 gumbo simdjson) -pthread
fi

# make SRC_DIR OUT_DIR: every encoding of every article of SRC_DIR.
make() {
  node "$here/make_encoded_corpus.js" "$2" "$1"
  python3 - "$1" "$2" <<'PY'
import os, sys, unicodedata
corpus, out = sys.argv[1], sys.argv[2]
TONES = '\u0300\u0301\u0303\u0309\u0323'

def cp1258(text):
    """Windows-1258 bytes: precomposed where the code page has the letter, else the letter
    without its tone (â, ơ, ...) followed by the combining tone; '?' for anything else."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode('cp1258')
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize('NFD', ch)
        base = unicodedata.normalize('NFC', ''.join(c for c in d if c not in TONES))
        tone = ''.join(c for c in d if c in TONES)
        out += (base + tone).encode('cp1258', errors='replace')
    return bytes(out)

n = 0
for f in sorted(os.listdir(corpus)):
    if not f.endswith('.txt'):
        continue
    lines = open(os.path.join(corpus, f), encoding='utf-8').read().split('\n')
    k = 0
    while k < len(lines) and lines[k].startswith('# '):
        k += 1
    text = unicodedata.normalize('NFC', '\n'.join(lines[k:]))
    name = os.path.join(out, f[:-4])
    open(name + '.utf8.txt', 'w', encoding='utf-8').write(text)
    open(name + '.cp1258.txt', 'wb').write(cp1258(text))
    open(name + '.utf16le.txt', 'wb').write(text.encode('utf-16-le'))
    open(name + '.utf16be.txt', 'wb').write(text.encode('utf-16-be'))
    n += 1
print(f'python3: {n} files in windows-1258, UTF-16LE and UTF-16BE (no BOM)', file=sys.stderr)
PY
}

mkdir -p "$tmp/titles.src"
for f in "$corpus"/*.txt; do
  awk '!/^# / { print; exit }' "$f" > "$tmp/titles.src/$(basename "$f")"
done
make "$corpus" "$tmp/articles"
make "$tmp/titles.src" "$tmp/titles"
echo "== whole articles ($(ls "$corpus"/*.txt | wc -l) files per encoding)"
"$bin" "$tmp/articles"
echo
echo "== titles only (the first line of each article)"
"$bin" "$tmp/titles"
