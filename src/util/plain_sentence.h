// Whether a sentence's input text can serve as its record context as it is (extractor.cc).
#ifndef VNEXTRACT_UTIL_PLAIN_SENTENCE_H_
#define VNEXTRACT_UTIL_PLAIN_SENTENCE_H_

#include <cstdint>
#include <cstring>
#include <string_view>

namespace vnextract::internal {

// Byte i of p[0, n) begins a control character, a second space in a row, or a blank beyond
// ASCII that the context shows as a space (U+00A0 C2 A0; U+2000–U+200B E2 80 80–8B; U+202F
// E2 80 AF; U+3000 E3 80 80; U+FEFF EF BB BF).
inline bool BlankToClean(const char* p, size_t n, size_t i) {
  const unsigned char a = static_cast<unsigned char>(p[i]);
  const unsigned char b = i + 1 < n ? static_cast<unsigned char>(p[i + 1]) : 0;
  const unsigned char c = i + 2 < n ? static_cast<unsigned char>(p[i + 2]) : 0;
  return a < 0x20 || (a == ' ' && b == ' ') || (a == 0xC2 && b == 0xA0) ||
         (a == 0xE2 && b == 0x80 && ((c >= 0x80 && c <= 0x8B) || c == 0xAF)) || (a == 0xE3 && b == 0x80 && c == 0x80) ||
         (a == 0xEF && b == 0xBB && c == 0xBF);
}

// The bytes of `raw` hold no control character, no two spaces in a row and no blank beyond
// ASCII (BlankToClean): the context can then be the raw text as it is. Curly quotes, dashes
// and ellipses (E2 80 9C …), frequent in the news, are no blanks. Sixteen bytes at a time with
// GCC's vector extensions (SSE2 on x86-64): a chunk without a control character, two spaces or
// one of the lead bytes C2, E2, E3, EF is plain; the others are decided byte by byte.
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
    if (lo | hi) {
      for (size_t k = i; k < i + 16; ++k) {
        if (BlankToClean(p, n, k)) return false;
      }
    }
  }
  for (; i < n; ++i) {
    if (BlankToClean(p, n, i)) return false;
  }
  return true;
}

}  // namespace vnextract::internal

#endif  // VNEXTRACT_UTIL_PLAIN_SENTENCE_H_
