#include "extract/tone.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <unordered_map>

namespace vnextract::internal {

namespace {

bool IsTone(UChar c) { return c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323; }

bool IsLetter(UChar32 c) { return u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK); }

}  // namespace

namespace {

bool AsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Whether the text is rewritten at all: only names with a plain (ASCII) o or u followed by a
// non-ASCII letter — the "oa", "oe", "uy" of the rule — go through TraditionalTonesSlow (which
// would also move tones after ô, ơ or ư in text that is no Vietnamese, such as "Lộà"; such names
// stay as written).
// (Eight bytes at a time: every name is scanned, and most have no such pair.)
uint64_t Load8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}
constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
// The high bit of every byte of v that is zero (exactly: no borrow crosses bytes).
uint64_t ZeroBytes(uint64_t v) { return ~((((v & ~kHigh) + ~kHigh) | v) & kHigh) & kHigh; }

bool HasPlainOuBeforeNonAscii(std::string_view nfc) {
  const char* p = nfc.data();
  size_t i = 0;
  if constexpr (std::endian::native == std::endian::little) {
    for (; i + 9 <= nfc.size(); i += 8) {
      uint64_t x = Load8(p + i) | (0x20 * kOnes);  // 'O' → 'o', 'U' → 'u' (and only they become 'o', 'u')
      uint64_t ou = ZeroBytes(x ^ ('o' * kOnes)) | ZeroBytes(x ^ ('u' * kOnes));
      if (ou & Load8(p + i + 1) & kHigh) return true;  // byte k is o/u and byte k + 1 non-ASCII
    }
  }
  for (; i + 1 < nfc.size(); ++i) {
    char c = p[i];
    if ((c == 'o' || c == 'O' || c == 'u' || c == 'U') && (static_cast<unsigned char>(p[i + 1]) & 0x80)) return true;
  }
  return false;
}

// Whether TraditionalTonesSlow could change `nfc`. It moves a tone only from the last base letter
// of a syllable, written in NFC as one non-ASCII code point (a toned a, e or y) that ends the
// syllable, after an o or u. So some non-ASCII code point must be followed by the end or an ASCII
// byte that is no letter (or anything non-ASCII: a mark, a quote, a dash), and preceded by an
// ASCII o/u or by a non-ASCII code point (ơ, ư, ô, a mark: kept to be safe).
bool MayMoveTone(std::string_view nfc) {
  const auto* p = reinterpret_cast<const unsigned char*>(nfc.data());
  const size_t n = nfc.size();
  for (size_t i = 1; i < n; ++i) {
    if (p[i] < 0xC0) continue;  // not the lead byte of a non-ASCII code point
    size_t end = i + 1;
    while (end < n && (p[end] & 0xC0) == 0x80) ++end;
    bool ends_syllable = end == n || !AsciiLetter(p[end]);  // (a non-ASCII next: maybe, to be safe)
    if (!ends_syllable) continue;
    unsigned char before = p[i - 1];
    bool after_vowel = before == 'o' || before == 'O' || before == 'u' || before == 'U' || before >= 0x80;
    if (after_vowel) return true;
  }
  return false;
}

// Heterogeneous lookup: the memo is searched with the string_view, without building a key.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

// The names whose tones may move (the rest are returned as written), through a memo: names
// repeat within and across documents.
std::string MovedTones(std::string_view nfc) {
  thread_local std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> memo;
  if (auto it = memo.find(nfc); it != memo.end()) return it->second;
  if (memo.size() > 50000) memo.clear();
  std::string result = TraditionalTonesSlow(nfc);
  memo.emplace(std::string(nfc), result);
  return result;
}

bool MayChange(std::string_view nfc) { return HasPlainOuBeforeNonAscii(nfc) && MayMoveTone(nfc); }

}  // namespace

std::string TraditionalTones(std::string_view nfc) {
  if (!MayChange(nfc)) return std::string(nfc);
  return MovedTones(nfc);
}

void TraditionalTonesInPlace(std::string* s) {
  if (MayChange(*s)) *s = MovedTones(*s);
}

std::string TraditionalTonesSlow(std::string_view nfc) {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(st);
  const icu::Normalizer2* nfcn = icu::Normalizer2::getNFCInstance(st);
  icu::UnicodeString u = nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(nfc.data(), nfc.size())), st);
  if (U_FAILURE(st)) return std::string(nfc);
  // Walk syllables (runs of letters) in NFD: base letters and their marks.
  int32_t n = u.length();
  icu::UnicodeString out;
  int32_t i = 0;
  while (i < n) {
    if (!IsLetter(u.char32At(i))) {
      out.append(u.charAt(i));
      ++i;
      continue;
    }
    int32_t j = i;
    while (j < n && IsLetter(u.char32At(j))) j += U16_LENGTH(u.char32At(j));
    icu::UnicodeString syl(u, i, j - i);
    // Bases without marks, and where the tone is.
    icu::UnicodeString bases;
    int32_t tone_at = -1;  // index in bases of the letter carrying the tone
    UChar tone = 0;
    for (int32_t k = 0; k < syl.length(); ++k) {
      UChar c = syl.charAt(k);
      if (IsTone(c)) {
        tone = c;
        tone_at = bases.length() - 1;
      } else if (!(U_GET_GC_MASK(c) & U_GC_M_MASK)) {
        bases.append(c);
      }
    }
    icu::UnicodeString lower(bases);
    lower.toLower();
    int32_t L = lower.length();
    bool moved = false;
    if (tone != 0 && L >= 2 && tone_at == L - 1) {
      UChar a = lower.charAt(L - 2), b = lower.charAt(L - 1);
      bool pair = (a == u'o' && (b == u'a' || b == u'e')) || (a == u'u' && b == u'y');
      bool after_q = L >= 3 && lower.charAt(L - 3) == u'q';
      bool after_gi = a == u'u' && L >= 3 && lower.charAt(L - 3) == u'g';
      if (pair && !after_q && !after_gi) {
        // Rebuild the syllable: every mark stays with its base except the tone, which moves to the
        // second-to-last base.
        icu::UnicodeString rebuilt;
        int32_t base_index = -1;
        for (int32_t k = 0; k < syl.length(); ++k) {
          UChar c = syl.charAt(k);
          if (IsTone(c)) continue;
          if (!(U_GET_GC_MASK(c) & U_GC_M_MASK)) {
            if (base_index == L - 2) rebuilt.append(tone);  // after the marks of the previous base
            ++base_index;
          }
          rebuilt.append(c);
        }
        if (base_index == L - 2) rebuilt.append(tone);
        syl = rebuilt;
        moved = true;
      }
    }
    (void)moved;
    out.append(syl);
    i = j;
  }
  std::string result;
  nfcn->normalize(out, st).toUTF8String(result);
  return result;
}

}  // namespace vnextract::internal
