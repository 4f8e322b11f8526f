#include "decode/utf8.h"

#include <simdjson.h>

#include <cstring>

namespace vnextract::internal {

namespace {

std::string At(size_t offset, const char* reason) {
  return std::string(reason) + " at byte " + std::to_string(offset);
}

}  // namespace

Status CheckUtf8Scalar(std::string_view bytes, size_t from) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = from;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      if (c == 0) return Status::InvalidInput(At(i, "binary data (NUL byte)"));
      ++i;
      continue;
    }
    size_t len;
    char32_t min;
    char32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2, min = 0x80, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3, min = 0x800, cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4, min = 0x10000, cp = c & 0x07;
    } else {
      return Status::InvalidInput(At(i, "invalid UTF-8 (bad lead byte)"));
    }
    if (i + len > n) return Status::InvalidInput(At(i, "invalid UTF-8 (truncated sequence)"));
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) {
        return Status::InvalidInput(At(i, "invalid UTF-8 (bad continuation byte)"));
      }
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min) return Status::InvalidInput(At(i, "invalid UTF-8 (overlong encoding)"));
    if (cp >= 0xD800 && cp <= 0xDFFF) return Status::InvalidInput(At(i, "invalid UTF-8 (surrogate)"));
    if (cp > 0x10FFFF) return Status::InvalidInput(At(i, "invalid UTF-8 (beyond U+10FFFF)"));
    i += len;
  }
  return Status::Ok();
}

Status DecodeUtf8(std::string_view bytes, std::string_view* text) {
  size_t bom = 0;
  if (bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xEF &&
      static_cast<unsigned char>(bytes[1]) == 0xBB && static_cast<unsigned char>(bytes[2]) == 0xBF) {
    bom = 3;
  }
  // Nearly every document is valid: simdjson's SIMD validator (which rejects overlong forms,
  // surrogates and code points past U+10FFFF, as CheckUtf8Scalar does) and memchr settle it at a
  // fraction of a cycle per byte; the scalar check runs only to name the first bad byte.
  std::string_view rest = bytes.substr(bom);
  if (!simdjson::validate_utf8(rest.data(), rest.size()) || std::memchr(rest.data(), 0, rest.size()) != nullptr) {
    Status s = CheckUtf8Scalar(bytes, bom);
    if (!s.ok()) return s;
  }
  *text = rest;
  return Status::Ok();
}

}  // namespace vnextract::internal
