// internal::Normalize on valid UTF-8 (invalid bytes and NUL replaced by U+FFFD first, as the
// function's precondition asks), checking what src/normalize/normalizer.h promises:
//   - original is the input, original_byte the offset of each of its code points plus the end;
//   - norm is valid UTF-8 without tabs, NBSP, other blanks, zero-width characters, look-alike
//     dashes or Ð/ð, with single ' ' and '\n' between non-blanks and none at either end;
//   - lower has the byte layout of norm, code point by code point;
//   - one source_begin/source_end per code point of norm, each a non-empty span inside the
//     input, both non-decreasing;
//   - normalizing the normalized text changes nothing (it is already NFC and clean).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "decode/utf8.h"
#include "fuzz_util.h"
#include "normalize/normalizer.h"

namespace {

using vnextract::internal::NextCodePoint;
using vnextract::internal::NormalizedText;

bool Forbidden(char32_t c) {
  if (c < 0x20) return c != '\n';
  if (c >= 0x7F && c <= 0xA0) return true;
  if (c >= 0x2000 && c <= 0x200D) return true;  // spaces, zero-width characters
  if (c >= 0x2010 && c <= 0x2015) return true;  // dashes
  switch (c) {
    case 0xAD: case 0xD0: case 0xF0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
    case 0x2060: case 0x2212: case 0x3000: case 0xFEFF:
      return true;
    default:
      return false;
  }
}

void Check(std::string_view original, const NormalizedText& t) {
  // The input and its code points.
  FUZZ_CHECK(t.original.data() == original.data() && t.original.size() == original.size());
  std::vector<size_t> at = vnextract::fuzz::CodePointOffsets(original);
  FUZZ_CHECK(t.original_byte.size() == at.size());
  for (size_t k = 0; k < at.size(); ++k) FUZZ_CHECK(t.original_byte[k] == at[k]);
  const size_t n = t.original_size();

  // norm and lower.
  std::string_view norm = t.norm, lower = t.lower;
  std::string_view check;
  FUZZ_CHECK(vnextract::internal::DecodeUtf8(norm, &check).ok() && check.size() == norm.size());  // no BOM
  FUZZ_CHECK(lower.size() == norm.size());
  FUZZ_CHECK(vnextract::fuzz::IsValidUtf8(lower));
  size_t cps = 0;
  char32_t prev = 0;
  for (size_t i = 0; i < norm.size();) {
    size_t start = i;
    char32_t c = NextCodePoint(norm, &i);
    FUZZ_CHECK(!Forbidden(c));
    bool blank = c == ' ' || c == '\n';
    FUZZ_CHECK(!(blank && (start == 0 || i == norm.size())));
    FUZZ_CHECK(!(blank && (prev == ' ' || prev == '\n')));
    size_t j = start;
    NextCodePoint(lower, &j);
    FUZZ_CHECK(j == i);  // same length, same boundaries
    prev = c;
    ++cps;
  }

  // The source map.
  FUZZ_CHECK(t.source_begin.size() == cps);
  FUZZ_CHECK(t.source_end.size() == cps);
  for (size_t k = 0; k < cps; ++k) {
    FUZZ_CHECK(t.source_begin[k] < t.source_end[k]);
    FUZZ_CHECK(t.source_end[k] <= n);
    if (k > 0) {
      FUZZ_CHECK(t.source_begin[k - 1] <= t.source_begin[k]);
      FUZZ_CHECK(t.source_end[k - 1] <= t.source_end[k]);
    }
  }
  if (cps > 0) {
    FUZZ_CHECK(t.SourceBegin(0) <= t.SourceEnd(cps));
    FUZZ_CHECK(!t.OriginalText(t.SourceBegin(0), t.SourceEnd(cps)).empty());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string original = vnextract::fuzz::LossyUtf8(std::string_view(reinterpret_cast<const char*>(data), size));
  NormalizedText t;
  vnextract::internal::Normalize(original, &t);
  Check(original, t);

  // Normalized text is a fixed point.
  std::string norm = t.norm;
  NormalizedText again;
  vnextract::internal::Normalize(norm, &again);
  Check(norm, again);
  FUZZ_CHECK(again.norm == t.norm);
  FUZZ_CHECK(again.lower == t.lower);
  return 0;
}
