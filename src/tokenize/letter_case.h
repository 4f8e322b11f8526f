// Letter case and combining marks of code points, with the letters of Vietnamese text answered
// without a call into ICU (the tokenizer asks for every letter).
#ifndef VNEXTRACT_TOKENIZE_LETTER_CASE_H_
#define VNEXTRACT_TOKENIZE_LETTER_CASE_H_

#include <unicode/uchar.h>

namespace vnextract::internal {

// Case of the letters of Vietnamese text without asking ICU: ASCII, Latin-1, the Vietnamese
// block (U+1EA0..U+1EF9 in upper/lower pairs) and Ă Đ Ĩ Ũ Ơ Ư; ICU for the rest. Checked against
// ICU for every code point by tokenizer_test.cc.
inline int KnownCase(char32_t c) {  // 1 upper, 0 lower, -1 ask ICU
  if (c >= 0x1EA0 && c <= 0x1EF9) return (c & 1) == 0 ? 1 : 0;
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7 ? 1 : -1;
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7 ? 0 : -1;
  switch (c) {
    case 0x102: case 0x110: case 0x128: case 0x168: case 0x1A0: case 0x1AF: return 1;
    case 0x103: case 0x111: case 0x129: case 0x169: case 0x1A1: case 0x1B0: return 0;
    default: return -1;
  }
}
inline bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  int k = KnownCase(c);
  return k >= 0 ? k == 1 : u_isupper(c);
}
inline bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  int k = KnownCase(c);
  return k >= 0 ? k == 0 : u_islower(c);
}
inline bool IsMark(char32_t c) {
  if (c < 0x300 || (c >= 0x1E00 && c <= 0x1EFF)) return false;  // Latin letters, Vietnamese
  return c <= 0x36F || (U_GET_GC_MASK(c) & U_GC_M_MASK);
}

}  // namespace vnextract::internal

#endif  // VNEXTRACT_TOKENIZE_LETTER_CASE_H_
