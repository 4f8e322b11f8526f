// UTF-8 validation and the small code-point helpers every later stage uses.
#ifndef VNEXTRACT_DECODE_UTF8_H_
#define VNEXTRACT_DECODE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "vnextract/status.h"

namespace vnextract::internal {

// Strips a UTF-8 byte-order mark and checks that the rest is well-formed UTF-8 (no overlongs,
// no surrogates, nothing above U+10FFFF) without NUL bytes. On success *text is the document
// without its BOM. The error names the byte offset in `bytes` (BOM included) and the reason.
Status DecodeUtf8(std::string_view bytes, std::string_view* text);

// The byte-at-a-time check behind DecodeUtf8's error messages, from byte `from` on: the first
// problem, with its offset in `bytes`, or Ok. DecodeUtf8 runs it only when a SIMD validator has
// found a problem; tests compare the two.
Status CheckUtf8Scalar(std::string_view bytes, size_t from);

// Decodes the code point at s[*i] and advances *i. Precondition: s is valid UTF-8.
inline char32_t NextCodePoint(std::string_view s, size_t* i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + *i;
  unsigned char c = p[0];
  if (c < 0x80) {
    *i += 1;
    return c;
  }
  if (c < 0xE0) {
    *i += 2;
    return (char32_t(c & 0x1F) << 6) | (p[1] & 0x3F);
  }
  if (c < 0xF0) {
    *i += 3;
    return (char32_t(c & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  }
  *i += 4;
  return (char32_t(c & 0x07) << 18) | (char32_t(p[1] & 0x3F) << 12) | (char32_t(p[2] & 0x3F) << 6) |
         (p[3] & 0x3F);
}

// The number of bytes the UTF-8 encoding of c takes.
inline size_t Utf8Length(char32_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

inline void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// True for a byte that starts a code point (not a continuation byte).
inline bool IsLeadByte(unsigned char b) { return (b & 0xC0) != 0x80; }

}  // namespace vnextract::internal

#endif  // VNEXTRACT_DECODE_UTF8_H_
