// Helpers shared by the fuzz targets: one Extractor per process, UTF-8 checks, and a check
// macro that stops the process (so libFuzzer, and the replay tool under ctest, report it).
#ifndef VNEXTRACT_FUZZ_FUZZ_UTIL_H_
#define VNEXTRACT_FUZZ_FUZZ_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "decode/utf8.h"
#include "vnextract/extractor.h"
#include "vnextract/rules.h"

#define FUZZ_CHECK(cond)                                                               \
  do {                                                                                 \
    if (!(cond)) {                                                                     \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
      std::abort();                                                                    \
    }                                                                                  \
  } while (0)

namespace vnextract::fuzz {

// The built-in rules, loaded once per process.
inline const Extractor& SharedExtractor() {
  static const Extractor* ex = new Extractor(Rules::Builtin());
  return *ex;
}

// Well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF); NUL allowed.
inline bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  for (size_t i = 0; i < n;) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    char32_t min, cp;
    if (c >= 0xC2 && c <= 0xDF) len = 2, min = 0x80, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, min = 0x800, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, min = 0x10000, cp = c & 0x07;
    else return false;
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return false;
    i += len;
  }
  return true;
}

// `bytes` as valid UTF-8 without NUL: well-formed sequences kept, every other byte (and NUL)
// replaced by U+FFFD. So that targets whose input must be UTF-8 use every fuzzer input.
inline std::string LossyUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size();) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c != 0 && c < 0x80) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (len > 0 && i + len <= bytes.size() && IsValidUtf8(bytes.substr(i, len))) {
      out.append(bytes.substr(i, len));
      i += len;
      continue;
    }
    out.append("\xEF\xBF\xBD");
    ++i;
  }
  return out;
}

// The byte offset of every code point of valid UTF-8 `s`, plus s.size() at the end.
inline std::vector<size_t> CodePointOffsets(std::string_view s) {
  std::vector<size_t> at;
  at.reserve(s.size() + 1);
  for (size_t i = 0; i < s.size(); ++i) {
    if (internal::IsLeadByte(static_cast<unsigned char>(s[i]))) at.push_back(i);
  }
  at.push_back(s.size());
  return at;
}

// Code points [b, e) of the text whose offsets are `at`.
inline std::string_view CodePoints(std::string_view s, const std::vector<size_t>& at, uint64_t b, uint64_t e) {
  return s.substr(at[b], at[e] - at[b]);
}

// A JSON number as the JSON writer writes record values unquoted: -?(0|[1-9][0-9]*)(.[0-9]+)?
inline bool IsJsonNumber(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
  if (s[i] == '0') {
    ++i;
  } else {
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  }
  return i == s.size();
}

// A Status message that names a byte offset ("... at byte 12") names one inside the input.
inline void CheckByteOffset(const std::string& message, size_t size) {
  size_t at = message.rfind(" at byte ");
  if (at == std::string::npos) return;
  unsigned long long offset = std::strtoull(message.c_str() + at + 9, nullptr, 10);
  FUZZ_CHECK(offset < size || (size == 0 && offset == 0));
}

// The contract of docs/records.md for the records of one document whose decoded text (after
// the UTF-8 byte-order mark) is `text`: 0 <= start < end <= code points, text[start:end] ==
// record.text, records in order of start, numeric values that are JSON numbers, every field
// valid UTF-8.
inline void CheckRecords(std::string_view text, const std::vector<Record>& records) {
  std::vector<size_t> at = CodePointOffsets(text);
  const uint64_t n = at.size() - 1;
  uint64_t last_start = 0;
  uint32_t last_sentence = 0;
  for (const Record& r : records) {
    FUZZ_CHECK(r.start < r.end);
    FUZZ_CHECK(r.end <= n);
    FUZZ_CHECK(r.text == CodePoints(text, at, r.start, r.end));
    FUZZ_CHECK(r.start >= last_start);
    FUZZ_CHECK(r.sentence >= last_sentence);
    last_start = r.start;
    last_sentence = r.sentence;
    FUZZ_CHECK(!r.rule.empty());
    if (HasNumericValue(r.type)) {
      FUZZ_CHECK(r.value.empty() || IsJsonNumber(r.value));
      FUZZ_CHECK(r.value_to.empty() || IsJsonNumber(r.value_to));
    }
    for (const std::string* f : {&r.value, &r.value_to, &r.unit, &r.qualifier, &r.numerator, &r.denominator, &r.role,
                                 &r.parent, &r.canonical, &r.resolved, &r.note, &r.kind, &r.number, &r.year,
                                 &r.issuer_code, &r.issuer, &r.issued, &r.context}) {
      FUZZ_CHECK(IsValidUtf8(*f));
    }
  }
}

}  // namespace vnextract::fuzz

#endif  // VNEXTRACT_FUZZ_FUZZ_UTIL_H_
