// Writes Vietnamese text in the legacy encodings TCVN3 (ABC), VNI-Windows and VIQR with the npm
// package vietnamese-conversion, an encoder independent of vnextract's decoding tables.
//
//   NODE_PATH=/tmp/vnconv/node_modules node bench/make_encoded_corpus.js OUT_DIR INPUT...
//
// Each INPUT is a UTF-8 file or a directory of *.txt files. For a file NAME.txt (or
// NAME.utf8.txt) it writes OUT_DIR/NAME.tcvn3.txt, NAME.vni.txt and NAME.viqr.txt. Leading
// header lines that start with "# " (the corpus's doc_id/url/date) are skipped; the text is put
// in NFC first, since the package maps precomposed letters only.
//
// The package returns TCVN3 and VNI as strings of the fonts' code points; they are written as
// Windows-1252 bytes (code points U+0000..U+00FF that Windows-1252 does not redefine are the same
// byte, so Latin-1 where Windows-1252 has no character there). A character neither encoding can
// write (Cyrillic, arrows, ...) becomes '?'. VIQR is written as UTF-8: the package leaves such
// characters (and typographic quotes) as they are.
//
// One correction: vietnamese-conversion 2.0.0 writes ỹ Ỹ in VNI as ì Ì (the code of ì, so they
// cannot be read back) and ỷ Ỷ as ë Ë; standard VNI has yõ YÕ and yû YÛ, which are written here.
'use strict';

const fs = require('fs');
const path = require('path');
const { toTCVN3, toVNI, toVIQR } = require('vietnamese-conversion');

const CP1252 = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
  0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91,
  0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98,
  0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

function toWindows1252Bytes(s) {
  const out = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0);
    if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) out.push(cp);
    else if (CP1252[cp] !== undefined) out.push(CP1252[cp]);
    else if (cp >= 0x80 && cp < 0xa0) out.push(cp);  // Latin-1 where Windows-1252 has a gap
    else out.push(0x3f);                              // '?'
  }
  return Buffer.from(out);
}

const VNI_FIX = { 'ỹ': 'yõ', 'Ỹ': 'YÕ', 'ỷ': 'yû', 'Ỷ': 'YÛ' };

function vni(text) {
  return text.split(/([ỹỸỷỶ])/u).map((part) => VNI_FIX[part] || (part ? toVNI(part, 'unicode') : '')).join('');
}

function body(text) {
  const lines = text.split('\n');
  let k = 0;
  while (k < lines.length && lines[k].startsWith('# ')) ++k;
  return lines.slice(k).join('\n').normalize('NFC');
}

function convert(file, outDir) {
  const name = path.basename(file).replace(/(\.utf8)?\.txt$/, '');
  const text = body(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(path.join(outDir, name + '.tcvn3.txt'), toWindows1252Bytes(toTCVN3(text, 'unicode')));
  fs.writeFileSync(path.join(outDir, name + '.vni.txt'), toWindows1252Bytes(vni(text)));
  fs.writeFileSync(path.join(outDir, name + '.viqr.txt'), toVIQR(text, 'unicode'), 'utf8');
}

function main() {
  const [outDir, ...inputs] = process.argv.slice(2);
  if (!outDir || inputs.length === 0) {
    console.error('usage: node make_encoded_corpus.js OUT_DIR INPUT...');
    process.exit(2);
  }
  fs.mkdirSync(outDir, { recursive: true });
  let n = 0;
  for (const input of inputs) {
    const files = fs.statSync(input).isDirectory()
      ? fs.readdirSync(input).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(input, f))
      : [input];
    for (const f of files) {
      convert(f, outDir);
      ++n;
    }
  }
  console.error(`make_encoded_corpus: ${n} files → ${outDir}`);
}

main();
