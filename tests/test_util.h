// Helpers shared by the tests.
#ifndef VNEXTRACT_TESTS_TEST_UTIL_H_
#define VNEXTRACT_TESTS_TEST_UTIL_H_

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <string>
#include <string_view>
#include <vector>

#include "vnextract/extractor.h"

namespace vnextract::testing {

inline const Extractor& BuiltinExtractor() {
  static const Extractor ex(Rules::Builtin());
  return ex;
}

inline std::vector<Record> ExtractText(std::string_view text, const ExtractOptions& options = {}) {
  std::vector<Record> out;
  Status s = BuiltinExtractor().Extract(text, "test", options, &out);
  if (!s.ok()) throw std::runtime_error(s.message());
  return out;
}

// Records of one type.
inline std::vector<Record> OfType(const std::vector<Record>& all, RecordType t) {
  std::vector<Record> out;
  for (const Record& r : all) {
    if (r.type == t) out.push_back(r);
  }
  return out;
}

inline std::string Nfd(std::string_view s) {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(st);
  icu::UnicodeString u = nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size())), st);
  std::string out;
  u.toUTF8String(out);
  return out;
}

inline std::string Nfc(std::string_view s) {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(st);
  icu::UnicodeString u = nfc->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size())), st);
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Code-point length of UTF-8 text.
inline size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The code points [b, e) of UTF-8 text.
inline std::string Substr(std::string_view s, size_t b, size_t e) {
  size_t cp = 0, bb = s.size(), be = s.size();
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (cp == b) bb = i;
      if (cp == e) {
        be = i;
        break;
      }
      ++cp;
    }
  }
  return std::string(s.substr(bb, be - bb));
}

}  // namespace vnextract::testing

#endif  // VNEXTRACT_TESTS_TEST_UTIL_H_
