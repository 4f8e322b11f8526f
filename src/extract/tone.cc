#include "extract/tone.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <unordered_map>

namespace vnextract::internal {

namespace {

bool IsTone(UChar c) { return c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323; }

bool IsLetter(UChar32 c) { return u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK); }

}  // namespace

std::string TraditionalTonesSlow(std::string_view nfc);

std::string TraditionalTones(std::string_view nfc) {
  // Fast exit: only an "o" or "u" followed by a non-ASCII letter (a toned a/e/y) can change.
  bool candidate = false;
  for (size_t i = 0; i + 1 < nfc.size() && !candidate; ++i) {
    char c = nfc[i];
    candidate = (c == 'o' || c == 'O' || c == 'u' || c == 'U') && (static_cast<unsigned char>(nfc[i + 1]) & 0x80);
  }
  if (!candidate) return std::string(nfc);
  // Names repeat within and across documents: remember recent answers.
  thread_local std::unordered_map<std::string, std::string> memo;
  if (auto it = memo.find(std::string(nfc)); it != memo.end()) return it->second;
  if (memo.size() > 50000) memo.clear();
  std::string result = TraditionalTonesSlow(nfc);
  memo.emplace(std::string(nfc), result);
  return result;
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
