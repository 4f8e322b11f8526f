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

// True when c may combine with what precedes it, so NFC must look at the pair. Latin letters
// (Vietnamese included) answer without asking ICU.
inline bool MayCompose(char32_t c) {
  if (c < 0x300 || (c >= 0x1E00 && c <= 0x1EFF)) return false;
  if (c <= 0x36F) return true;  // combining diacritical marks
  if (ClassifyBlank(c) != Blank::kNone) return false;  // U+2000, U+2001 (NFC: U+2002, U+2003) are blanks
  return u_getCombiningClass(c) != 0 || u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES;
}

// True when c alone is already NFC.
inline bool StableAlone(char32_t c) {
  if (c < 0x300 || (c >= 0x1E00 && c <= 0x1EFF)) return true;
  return u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
}

// Lower case of c, or c when its lower case has another UTF-8 length.
inline char32_t LowerSameLength(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x1EA0 && c <= 0x1EF9) return c | 1;  // Vietnamese letters come in (upper, lower) pairs
  char32_t l = u_tolower(c);
  return Utf8Length(l) == Utf8Length(c) ? l : c;
}

const icu::Normalizer2& Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || nfc == nullptr) throw std::runtime_error("ICU NFC data is missing");
  return *nfc;
}

// Writes the normalized text, its lower case and the source map into pre-sized buffers.
class Builder {
 public:
  Builder(NormalizedText* out, size_t bytes, size_t cps) : out_(out) {
    out_->norm.resize(bytes + 16);
    out_->lower.resize(bytes + 16);
    out_->source_begin.resize(cps + 4);
    out_->source_end.resize(cps + 4);
  }

  void Emit(char32_t c, uint32_t src_b, uint32_t src_e) {
    if (nb_ + 4 > out_->norm.size()) {
      out_->norm.resize(out_->norm.size() * 2);
      out_->lower.resize(out_->lower.size() * 2);
    }
    if (nc_ + 1 > out_->source_begin.size()) {
      out_->source_begin.resize(out_->source_begin.size() * 2);
      out_->source_end.resize(out_->source_end.size() * 2);
    }
    char* n = out_->norm.data() + nb_;
    char* l = out_->lower.data() + nb_;
    if (c < 0x80) {
      n[0] = static_cast<char>(c);
      l[0] = static_cast<char>(LowerSameLength(c));
      nb_ += 1;
    } else {
      nb_ += Encode(c, n);
      Encode(LowerSameLength(c), l);
    }
    out_->source_begin[nc_] = src_b;
    out_->source_end[nc_] = src_e;
    ++nc_;
  }

  // Printable ASCII: the common case, without the checks Emit makes.
  void EmitAscii(char c, uint32_t src) {
    if (nb_ + 1 > out_->norm.size() || nc_ + 1 > out_->source_begin.size()) {
      Emit(static_cast<unsigned char>(c), src, src + 1);
      return;
    }
    out_->norm[nb_] = c;
    out_->lower[nb_] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    ++nb_;
    out_->source_begin[nc_] = src;
    out_->source_end[nc_] = src + 1;
    ++nc_;
  }

  bool empty() const { return nb_ == 0; }

  void Finish() {
    out_->norm.resize(nb_);
    out_->lower.resize(nb_);
    out_->source_begin.resize(nc_);
    out_->source_end.resize(nc_);
  }

 private:
  static size_t Encode(char32_t c, char* p) {
    if (c < 0x80) {
      p[0] = static_cast<char>(c);
      return 1;
    }
    if (c < 0x800) {
      p[0] = static_cast<char>(0xC0 | (c >> 6));
      p[1] = static_cast<char>(0x80 | (c & 0x3F));
      return 2;
    }
    if (c < 0x10000) {
      p[0] = static_cast<char>(0xE0 | (c >> 12));
      p[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      p[2] = static_cast<char>(0x80 | (c & 0x3F));
      return 3;
    }
    p[0] = static_cast<char>(0xF0 | (c >> 18));
    p[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    p[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    p[3] = static_cast<char>(0x80 | (c & 0x3F));
    return 4;
  }

  NormalizedText* out_;
  size_t nb_ = 0;
  size_t nc_ = 0;
};

}  // namespace

void Normalize(std::string_view original, NormalizedText* out) {
  static const icu::Normalizer2& nfc = Nfc();
  out->original = original;
  // Decode once into code points with their byte offsets.
  thread_local UninitializedVector<char32_t> cps;
  cps.resize(original.size() + 1);
  out->original_byte.resize(original.size() + 1);
  size_t count = 0;
  for (size_t i = 0; i < original.size();) {
    out->original_byte[count] = static_cast<uint32_t>(i);
    unsigned char b = static_cast<unsigned char>(original[i]);
    if (b < 0x80) {
      cps[count++] = b;
      ++i;
    } else {
      cps[count++] = UnifyLookAlike(NextCodePoint(original, &i));
    }
  }
  out->original_byte[count] = static_cast<uint32_t>(original.size());
  out->original_byte.resize(count + 1);
  cps.resize(count);

  Builder b(out, original.size(), cps.size());
  Blank pending = Blank::kNone;
  uint32_t pending_b = 0, pending_e = 0;
  const uint32_t n = static_cast<uint32_t>(cps.size());
  for (uint32_t i = 0; i < n;) {
    char32_t c = cps[i];
    // Fast paths: printable ASCII, a lone space between words, a precomposed Latin or
    // Vietnamese letter — when nothing composes with what follows.
    if (pending == Blank::kNone && (i + 1 == n || (cps[i + 1] < 0x300 && cps[i + 1] != 0xAD))) {
      if (c > ' ' && c < 0x7F) {
        b.EmitAscii(static_cast<char>(c), i);
        ++i;
        continue;
      }
      if (c == ' ' && !b.empty() && i + 1 < n && cps[i + 1] > ' ' && cps[i + 1] < 0x7F) {
        b.EmitAscii(' ', i);
        ++i;
        continue;
      }
      if ((c >= 0xC0 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF)) {
        b.Emit(c, i, i + 1);
        ++i;
        continue;
      }
    }
    Blank blank = (c > ' ' && c < 0x7F) ? Blank::kNone : ClassifyBlank(c);
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
      if (!b.empty()) b.Emit(pending == Blank::kNewline ? '\n' : ' ', pending_b, pending_e);
      pending = Blank::kNone;
    }
    // A segment: c and every following code point that may compose with it, across dropped
    // characters (a soft hyphen or zero-width space between a letter and its tone mark).
    uint32_t j = i + 1;
    for (uint32_t k = j; k < n && (MayCompose(cps[k]) || ClassifyBlank(cps[k]) == Blank::kDrop); ++k) {
      if (MayCompose(cps[k])) j = k + 1;
    }
    if (j == i + 1 && StableAlone(c)) {
      b.Emit(c, i, j);
    } else {
      icu::UnicodeString seg;
      for (uint32_t k = i; k < j; ++k) {
        if (ClassifyBlank(cps[k]) != Blank::kDrop) seg.append(static_cast<UChar32>(cps[k]));
      }
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
  b.Finish();
}

}  // namespace vnextract::internal
