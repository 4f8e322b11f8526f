#include "normalize/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <stdexcept>

#include "decode/utf8.h"

namespace vnextract::internal {

namespace {

enum class Blank { kNone, kSpace, kNewline, kDrop };

Blank ClassifyBlank(char32_t c) {
  switch (c) {
    case ' ': case '\t': case 0x0B: case 0x0C: case 0xA0: case 0x1680: case 0x202F: case 0x205F:
    case 0x3000:
      return Blank::kSpace;
    case '\n': case '\r': case 0x85: case 0x2028: case 0x2029:
      return Blank::kNewline;
    case 0xAD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
      return Blank::kDrop;
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return Blank::kSpace;
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return Blank::kSpace;  // other controls
  return Blank::kNone;
}

// Characters that look like others and are typed in their place.
char32_t UnifyLookAlike(char32_t c) {
  switch (c) {
    case 0x00D0: case 0x0189: return 0x0110;  // Ð, Ɖ → Đ
    case 0x00F0: case 0x0256: return 0x0111;  // ð, ɖ → đ
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
    case 0xFE58: case 0xFE63: case 0xFF0D:
      return '-';
    case 0x2044: case 0x2215: case 0xFF0F: return '/';
    case 0xFF05: return '%';
    case 0xFF0C: return ',';
    case 0xFF0E: return '.';
    case 0xFF1A: return ':';
    default:
      break;
  }
  if (c >= 0xFF10 && c <= 0xFF19) return '0' + (c - 0xFF10);  // full-width digits
  return c;
}

// True when c may combine with what precedes it, so NFC must look at the pair.
bool MayCompose(char32_t c) {
  if (c < 0x300) return false;
  return u_getCombiningClass(c) != 0 || u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES;
}

const icu::Normalizer2& Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || nfc == nullptr) throw std::runtime_error("ICU NFC data is missing");
  return *nfc;
}

class Builder {
 public:
  explicit Builder(NormalizedText* out) : out_(out) {}

  void Emit(char32_t c, uint32_t src_b, uint32_t src_e) {
    AppendUtf8(c, &out_->norm);
    char32_t lower = c;
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') lower = c + 32;
    } else {
      char32_t l = u_tolower(c);
      if (Utf8Length(l) == Utf8Length(c)) lower = l;
    }
    AppendUtf8(lower, &out_->lower);
    out_->source_begin.push_back(src_b);
    out_->source_end.push_back(src_e);
  }

 private:
  NormalizedText* out_;
};

}  // namespace

void Normalize(std::string_view original, NormalizedText* out) {
  static const icu::Normalizer2& nfc = Nfc();
  out->original = original;
  out->original_byte.clear();
  out->norm.clear();
  out->lower.clear();
  out->source_begin.clear();
  out->source_end.clear();
  out->norm.reserve(original.size());
  out->lower.reserve(original.size());

  // Decode once into code points with their byte offsets.
  std::vector<char32_t> cps;
  cps.reserve(original.size());
  for (size_t i = 0; i < original.size();) {
    out->original_byte.push_back(static_cast<uint32_t>(i));
    cps.push_back(UnifyLookAlike(NextCodePoint(original, &i)));
  }
  out->original_byte.push_back(static_cast<uint32_t>(original.size()));
  out->source_begin.reserve(cps.size());
  out->source_end.reserve(cps.size());

  Builder b(out);
  Blank pending = Blank::kNone;
  uint32_t pending_b = 0, pending_e = 0;
  const uint32_t n = static_cast<uint32_t>(cps.size());
  for (uint32_t i = 0; i < n;) {
    char32_t c = cps[i];
    Blank blank = ClassifyBlank(c);
    if (blank == Blank::kDrop) {
      ++i;
      continue;
    }
    if (blank != Blank::kNone) {
      if (pending == Blank::kNone) pending_b = i;
      if (blank == Blank::kNewline || pending == Blank::kNone) pending = blank;
      pending_e = i + 1;
      ++i;
      continue;
    }
    if (pending != Blank::kNone) {
      if (!out->norm.empty()) b.Emit(pending == Blank::kNewline ? '\n' : ' ', pending_b, pending_e);
      pending = Blank::kNone;
    }
    // A segment: c and every following code point that may compose with it.
    uint32_t j = i + 1;
    while (j < n && MayCompose(cps[j])) ++j;
    if (j == i + 1 && (c < 0x300 || u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES)) {
      b.Emit(c, i, j);
    } else {
      icu::UnicodeString seg;
      for (uint32_t k = i; k < j; ++k) seg.append(static_cast<UChar32>(cps[k]));
      UErrorCode status = U_ZERO_ERROR;
      icu::UnicodeString composed = nfc.normalize(seg, status);
      if (U_FAILURE(status)) composed = seg;
      for (int32_t k = 0; k < composed.length();) {
        UChar32 ch = composed.char32At(k);
        b.Emit(static_cast<char32_t>(ch), i, j);
        k += U16_LENGTH(ch);
      }
    }
    i = j;
  }
}

}  // namespace vnextract::internal
