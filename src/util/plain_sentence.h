// Whether a sentence's input text can serve as its record context as it is (extractor.cc).
#ifndef VNEXTRACT_UTIL_PLAIN_SENTENCE_H_
#define VNEXTRACT_UTIL_PLAIN_SENTENCE_H_

#include <cstdint>
#include <cstring>
#include <string_view>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

using V16 = unsigned char __attribute__((vector_size(16)));

inline V16 Load16(const char* p) {
  V16 v;
  std::memcpy(&v, p, 16);
  return v;
}

// Whether some byte of v is not zero (v's bytes are 0 or 0xFF): one movemask with SSE2.
inline bool AnyByte(V16 v) {
#ifdef __SSE2__
  return _mm_movemask_epi8(reinterpret_cast<__m128i>(v)) != 0;
#else
  uint64_t lo, hi;
  std::memcpy(&lo, &v, 8);
  std::memcpy(&hi, reinterpret_cast<const char*>(&v) + 8, 8);
  return (lo | hi) != 0;
#endif
}

// Whether one of the bytes p[0, 16) is one BlankToClean finds, when p[0, 18) are all in the
// text (so that the two bytes after each are its own). A chunk without a control character, two
// spaces or one of the lead bytes C2, E2, E3, EF is settled with two loads; the others (curly
// quotes, dashes and ellipses, E2 80 9C …, are frequent in the news) by BlankToClean's test on
// all sixteen bytes at once.
inline bool ChunkHasBlank(const char* p) {
  const V16 a = Load16(p), b = Load16(p + 1);
  const V16 control = a < 0x20, spaces = (a == ' ') & (b == ' ');
  if (!AnyByte(control | spaces | (a == 0xC2) | (a == 0xE2) | (a == 0xE3) | (a == 0xEF))) return false;
  const V16 c = Load16(p + 2);
  const V16 b80 = b == 0x80;
  const V16 blank = control | spaces | ((a == 0xC2) & (b == 0xA0)) |
                    ((a == 0xE2) & b80 & ((static_cast<V16>(c - 0x80) < 0x0C) | (c == 0xAF))) |
                    ((a == 0xE3) & b80 & (c == 0x80)) | ((a == 0xEF) & (b == 0xBB) & (c == 0xBF));
  return AnyByte(blank);
}

// The bytes of `raw` hold no control character, no two spaces in a row and no blank beyond
// ASCII (BlankToClean): the context can then be the raw text as it is. Sixteen bytes at a time
// with GCC's vector extensions (SSE2 on x86-64); the last sixteen but two with one more chunk
// that overlaps the ones before it, the last two bytes one by one.
inline bool IsPlainSentence(std::string_view raw) {
  const char* p = raw.data();
  const size_t n = raw.size();
  if (n < 18) {
    for (size_t i = 0; i < n; ++i) {
      if (BlankToClean(p, n, i)) return false;
    }
    return true;
  }
  for (size_t i = 0; i + 18 <= n; i += 16) {
    if (ChunkHasBlank(p + i)) return false;
  }
  return !ChunkHasBlank(p + n - 18) && !BlankToClean(p, n, n - 2) && !BlankToClean(p, n, n - 1);
}

}  // namespace vnextract::internal

#endif  // VNEXTRACT_UTIL_PLAIN_SENTENCE_H_
