// Whether a sentence's input text can serve as its record context as it is (extractor.cc).
#ifndef VNEXTRACT_UTIL_PLAIN_SENTENCE_H_
#define VNEXTRACT_UTIL_PLAIN_SENTENCE_H_

#include <cstdint>
#include <cstring>
#include <string_view>

namespace vnextract::internal {

// The bytes of `raw` hold no control character, no two spaces in a row, and no lead byte of a
// blank beyond ASCII (C2: U+00A0; E2: U+2000–U+202F; E3: U+3000; EF: U+FEFF) — the context can
// then be the raw text as it is. Sixteen bytes at a time with GCC's vector extensions (SSE2 on
// x86-64), the byte after each in a second load for the two-spaces test.
inline bool IsPlainSentence(std::string_view raw) {
  using V16 = unsigned char __attribute__((vector_size(16)));
  const char* p = raw.data();
  const size_t n = raw.size();
  size_t i = 0;
  for (; i + 17 <= n; i += 16) {
    V16 a, b;
    std::memcpy(&a, p + i, 16);
    std::memcpy(&b, p + i + 1, 16);
    auto hit = (a < 0x20) | (a == 0xC2) | (a == 0xE2) | (a == 0xE3) | (a == 0xEF) | ((a == ' ') & (b == ' '));
    uint64_t lo, hi;
    std::memcpy(&lo, &hit, 8);
    std::memcpy(&hi, reinterpret_cast<const char*>(&hit) + 8, 8);
    if (lo | hi) return false;
  }
  for (; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(p[i]);
    if (c < 0x20 || c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF) return false;
    if (c == ' ' && i + 1 < n && p[i + 1] == ' ') return false;
  }
  return true;
}

}  // namespace vnextract::internal

#endif  // VNEXTRACT_UTIL_PLAIN_SENTENCE_H_
