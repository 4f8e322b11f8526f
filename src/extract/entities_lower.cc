#include "extract/entities_lower.h"

#include <bit>
#include <cstdint>
#include <cstring>

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace vnextract::internal {

namespace {

// Code points whose full lower-case mapping is u_tolower's, in any locale but tr, az and lt.
bool SimpleLower(UChar32 c) {
  return (c < 0x250 && c != 0x130) || (c >= 0x300 && c < 0x370) || (c >= 0x1E00 && c < 0x1F00) ||
         (c >= 0x2000 && c < 0x2070);
}

// Turkish and Azeri lower "I" to dotless "ı", Lithuanian keeps a dot over "i" before accents.
bool PlainLocale() {
  static const bool plain = [] {
    std::string_view lang = icu::Locale::getDefault().getLanguage();
    return lang != "tr" && lang != "az" && lang != "lt";
  }();
  return plain;
}

char* PutUtf8(UChar32 c, char* out) {
  if (c < 0x80) {
    *out++ = static_cast<char>(c);
  } else if (c < 0x800) {
    *out++ = static_cast<char>(0xC0 | (c >> 6));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  } else {  // SimpleLower code points and their lower case stay below U+10000
    *out++ = static_cast<char>(0xE0 | (c >> 12));
    *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

}  // namespace

std::string LowerNameIcu(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  std::string out;
  u.toLower().toUTF8String(out);
  return out;
}

namespace {

// u_tolower of the code points names are mostly written in, looked up instead of asked of ICU
// each time: [0, U+0250) (ASCII, Latin-1, Latin Extended-A/B) and [U+1E00, U+1F00) (Latin
// Extended Additional, the Vietnamese letters). Filled from u_tolower itself, once.
// Each lower case is kept in UTF-8, as its bytes and their count (top byte) in a uint32_t.
struct LowerTables {
  uint32_t latin[0x250];
  uint32_t extended[0x100];
  LowerTables() {
    for (UChar32 c = 0; c < 0x250; ++c) latin[c] = Encode(u_tolower(c));
    for (UChar32 c = 0; c < 0x100; ++c) extended[c] = Encode(u_tolower(0x1E00 + c));
  }
  static uint32_t Encode(UChar32 c) {
    char bytes[4] = {};
    const size_t n = static_cast<size_t>(PutUtf8(c, bytes) - bytes);
    return static_cast<uint32_t>(static_cast<unsigned char>(bytes[0]) | static_cast<unsigned char>(bytes[1]) << 8 |
                                 static_cast<unsigned char>(bytes[2]) << 16 | n << 24);
  }
};

// Writes an encoded lower case (all four bytes: the output has room) and returns its end.
char* Put(uint32_t encoded, char* o) {
  const uint32_t bytes = encoded & 0xFFFFFF;
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(o, &bytes, 4);
  } else {
    for (int k = 0; k < 3; ++k) o[k] = static_cast<char>(bytes >> (8 * k));
  }
  return o + (encoded >> 24);
}

const LowerTables& Tables() {
  static const LowerTables tables;
  return tables;
}

constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;

// LowerName into out[0 .. 3/2 s.size() + 8), returning the end; nullptr when ICU must answer.
// (The 8 bytes after 3/2 of the input are room for the whole words written at a time.)
char* LowerInto(std::string_view s, char* o) {
  const LowerTables& tables = Tables();
  auto cont = [&](size_t k) { return k < s.size() && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80; };
  for (size_t i = 0; i < s.size();) {
    // Runs of ASCII eight bytes at a time: lower the eight, keep those before the first non-ASCII
    // byte.
    if (std::endian::native == std::endian::little && i + 8 <= s.size()) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      const uint64_t seven = w & ~kHigh;  // (each byte alone: no carry crosses bytes below)
      const uint64_t upper = (seven + (0x80 - 'A') * kOnes) & ~(seven + (0x80 - 'Z' - 1) * kOnes) & kHigh;
      const uint64_t lowered = w | (upper >> 2);  // + 0x20 on 'A'..'Z'
      std::memcpy(o, &lowered, 8);
      const uint64_t high = w & kHigh;
      const size_t ascii = high ? static_cast<size_t>(std::countr_zero(high)) / 8 : 8;
      o += ascii;
      i += ascii;
      if (ascii == 8) continue;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      *o++ = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c);
      ++i;
      continue;
    }
    UChar32 cp;
    if (c >= 0xC2 && c < 0xE0 && cont(i + 1)) {
      cp = (c & 0x1F) << 6 | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
      i += 2;
    } else if ((c & 0xF0) == 0xE0 && cont(i + 1) && cont(i + 2)) {
      cp = (c & 0x0F) << 12 | (static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6 |
           (static_cast<unsigned char>(s[i + 2]) & 0x3F);
      if (cp < 0x800) return nullptr;  // overlong: ICU makes it U+FFFD (surrogates fall outside SimpleLower)
      i += 3;
    } else {
      return nullptr;
    }
    if (!SimpleLower(cp)) return nullptr;
    if (cp < 0x250) {
      o = Put(tables.latin[cp], o);
    } else if (cp >= 0x1E00 && cp < 0x1F00) {
      o = Put(tables.extended[cp - 0x1E00], o);
    } else {
      o = PutUtf8(u_tolower(cp), o);
    }
  }
  return o;
}

}  // namespace

std::string LowerName(std::string_view s) {
  if (!PlainLocale()) return LowerNameIcu(s);
  // A lower case is at most 3/2 as long: two bytes may become three ("Ⱥ" → "ⱥ"). Names are
  // short: they are lowered on the stack and copied once.
  char buf[256];
  if (s.size() + s.size() / 2 + 8 <= sizeof buf) {
    char* end = LowerInto(s, buf);
    return end ? std::string(buf, static_cast<size_t>(end - buf)) : LowerNameIcu(s);
  }
  std::string out(s.size() + s.size() / 2 + 8, '\0');
  char* end = LowerInto(s, out.data());
  if (!end) return LowerNameIcu(s);
  out.resize(static_cast<size_t>(end - out.data()));
  return out;
}

}  // namespace vnextract::internal
