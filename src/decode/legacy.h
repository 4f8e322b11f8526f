// Text in the encodings Vietnamese archives hold besides UTF-8: UTF-16, Windows-1258 (through
// ICU), TCVN3 (ABC) and VNI (font encodings no library decodes: mapping tables in
// data/encoding/), and VIQR ("Vie^.t Nam"); and a guess of which one a file is in.
#ifndef VNEXTRACT_DECODE_LEGACY_H_
#define VNEXTRACT_DECODE_LEGACY_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "rules/data_source.h"
#include "vnextract/input.h"
#include "vnextract/status.h"

namespace vnextract::internal {

// The mapping tables of TCVN3 and VNI and what detection needs, loaded once per Rules.
struct LegacyTables {
  // A font encoding's table (data/encoding/tcvn3.tsv, vni.tsv): byte sequences → one character.
  struct Sequence {
    std::string bytes;
    char32_t cp = 0;
  };
  struct ByteTable {
    std::vector<Sequence> entries;                    // in file order (the first one of a character
                                                      // is the one to write it with)
    std::array<std::vector<uint16_t>, 256> by_first;  // indexes into entries, longest first
  };
  ByteTable tcvn3;
  ByteTable vni;
  // Windows-1258 byte → code point, from ICU's converter; 0 where the byte is undefined (and for
  // NUL). windows1258_ok is false when ICU has no such converter.
  std::array<char32_t, 256> windows1258{};
  bool windows1258_ok = false;
  // VIQR: syllables after which ". X" is a full stop rather than the dot-below tone
  // (data/encoding/viqr_sentence_final.txt; lower case, NFC).
  std::unordered_set<std::string> viqr_sentence_final;

  // A Vietnamese letter taken apart: ASCII base letter (lower case), vowel form, tone, case.
  enum Form : uint8_t { kNoForm, kCircumflex, kBreve, kHorn, kStroke /* đ */ };
  enum Tone : uint8_t { kNoTone, kAcute, kGrave, kHook, kTilde, kDot };
  struct Letter {
    char base = 0;
    uint8_t form = kNoForm;
    uint8_t tone = kNoTone;
    bool upper = false;
  };
  // Every Vietnamese letter beyond ASCII (ă … ỹ, đ, both cases), and the way back.
  std::unordered_map<char32_t, Letter> letters;
  std::unordered_map<uint32_t, char32_t> compose;  // key: PackLetter()
  static uint32_t PackLetter(const Letter& l) {
    return static_cast<uint32_t>(static_cast<unsigned char>(l.base)) << 16 | uint32_t{l.form} << 8 |
           uint32_t{l.tone} << 1 | (l.upper ? 1u : 0u);
  }
};

// Loads data/encoding/*. The message of a failure is "FILE:LINE: reason".
Status LoadLegacyTables(const DataSource& source, std::unique_ptr<LegacyTables>* out);

// Converts `bytes` in `enc` (not kAuto) to UTF-8 (not normalized). A byte sequence that is not
// valid in `enc` is an error naming its byte offset. A UTF-8 or UTF-16 byte-order mark is dropped.
Status ConvertToUtf8(std::string_view bytes, Encoding enc, const LegacyTables& tables, std::string* out);

// The encoding `bytes` are most likely in (never kAuto), and in `why` one line saying what
// decided it, for --verbose.
Encoding DetectEncoding(std::string_view bytes, const LegacyTables& tables, std::string* why);

// What DetectEncoding counts in one pass over text it is given as UTF-8: `marks`, the bytes that
// are VIQR mark characters (' ` ? ~ . ^ ( + -) and the pairs "dd" of either case (each counted
// at its first byte, so "ddd" is two); `leads`, the bytes from 0xC0 up (one per code point above
// U+007F in UTF-8). Sixteen bytes at a time.
struct ViqrMarkCount {
  size_t marks = 0;
  size_t leads = 0;
};
ViqrMarkCount CountViqrMarks(std::string_view bytes);

}  // namespace vnextract::internal

#endif  // VNEXTRACT_DECODE_LEGACY_H_
