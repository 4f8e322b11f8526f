#include "extract/entities_lower.h"

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

std::string LowerName(std::string_view s) {
  if (!PlainLocale()) return LowerNameIcu(s);
  // A lower case is at most 3/2 as long: two bytes may become three ("Ⱥ" → "ⱥ").
  std::string out(s.size() + s.size() / 2, '\0');
  char* o = out.data();
  auto cont = [&](size_t k) { return k < s.size() && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80; };
  for (size_t i = 0; i < s.size();) {
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
      if (cp < 0x800) return LowerNameIcu(s);  // overlong: ICU makes it U+FFFD (surrogates fall outside SimpleLower)
      i += 3;
    } else {
      return LowerNameIcu(s);
    }
    if (!SimpleLower(cp)) return LowerNameIcu(s);
    o = PutUtf8(u_tolower(cp), o);
  }
  out.resize(static_cast<size_t>(o - out.data()));
  return out;
}

}  // namespace vnextract::internal
