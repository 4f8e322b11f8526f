// Equivalence of Normalize with the implementation it replaced (kept below as
// ReferenceNormalize: one code point at a time, ICU for everything outside a few ranges). The
// new one copies what NFC and the blank rules leave alone on a fast path, from tables, and hands
// the rest to the general path; whatever the text, norm, lower and the maps must come out the
// same.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "decode/utf8.h"
#include "normalize/byte_chunk.h"
#include "normalize/normalizer.h"
#include "test_util.h"

namespace vnextract::internal {
namespace {

// ---- The reference: Normalize as it was before the fast path (verbatim). ----

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


void ReferenceNormalize(std::string_view original, NormalizedText* out) {
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

// ---- Comparison. ----

std::string Hex(std::string_view s) {
  static const char kDigits[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x21 && c < 0x7F) {
      out += static_cast<char>(c);
    } else {
      out += "\\x";
      out += kDigits[c >> 4];
      out += kDigits[c & 15];
    }
  }
  return out;
}

template <typename V>
bool SameVector(const V& a, const V& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

// Normalizes `text` both ways; on a difference returns what differs, else "".
std::string Compare(std::string_view text) {
  static thread_local NormalizedText fast, ref;
  Normalize(text, &fast);
  ReferenceNormalize(text, &ref);
  std::string what;
  if (fast.original.data() != text.data() || fast.original.size() != text.size()) what += " original";
  if (!SameVector(fast.original_byte, ref.original_byte)) what += " original_byte";
  if (fast.norm != ref.norm) what += " norm [" + Hex(fast.norm) + "] vs [" + Hex(ref.norm) + "]";
  if (fast.lower != ref.lower) what += " lower [" + Hex(fast.lower) + "] vs [" + Hex(ref.lower) + "]";
  if (!SameVector(fast.source_begin, ref.source_begin)) what += " source_begin";
  if (!SameVector(fast.source_end, ref.source_end)) what += " source_end";
  return what.empty() ? what : "input [" + Hex(text) + "]:" + what;
}

// Runs Compare on every text and fails with the first few differences.
class Differences {
 public:
  void Check(std::string_view text) {
    ++checked_;
    std::string what = Compare(text);
    if (what.empty()) return;
    if (++count_ <= 5) first_ += what + "\n";
  }
  void Report() const {
    INFO("texts checked: " << checked_ << "\n" << first_);
    CHECK(checked_ > 0);
    CHECK(count_ == 0);
  }

 private:
  size_t checked_ = 0;
  size_t count_ = 0;
  std::string first_;
};

std::string Utf8(char32_t c) {
  std::string s;
  AppendUtf8(c, &s);
  return s;
}

TEST_CASE("Normalize equals the reference on every code point in context") {
  // Around X: letters (ASCII and Vietnamese) that X may compose with, combining marks before
  // and after it, dropped characters between it and a mark, blanks of every kind, a Hangul
  // syllable's parts, the start and the end of the text.
  const std::vector<std::pair<std::string, std::string>> contexts = {
      {"", ""},
      {"a", ""},
      {"", "a"},
      {"a", "b"},
      {" ", " "},
      {"ab ", " cd"},
      {"a\xCC\x81", ""},                           // after a + U+0301
      {"", "\xCC\x81"},                            // before U+0301
      {"e", "\xCC\x82\xCC\x81 x"},                 // between e and two marks
      {"o", "\xC2\xAD\xCC\x89"},                   // soft hyphen, then a mark
      {"\xE1\xBB\x87", "\xE2\x80\x8B\xCC\xA3"},    // after ệ; ZWSP then a mark
      {"\xC4\x91", "\xE2\x80\x93\xC6\xA1"},        // đ X – ơ
      {"x\n", "\r\n\ny"},
      {"a\xC2\xA0", "\t b"},
      {"\xE1\x84\x80", "\xE1\x85\xA1\xE1\x86\xA8"},  // L X V T (Hangul jamo)
      {"A", "A"},
      // Long enough for the 16-byte path, with X at the start of a chunk, in it, and at its end
      // (offsets 13, 14 and 15: a code point of 3 or 4 bytes there runs past the chunk), beside
      // Vietnamese letters, single and double spaces.
      {"", "abcdefghij klmnopqrst"},
      {"a", " \xC4\x91\xC6\xB0\xE1\xBB\x9Dng ph\xE1\xBB\x91 H\xC3\x80 N\xE1\xBB\x98I"},
      {"abcdefghijklm", "nopqrstuvwxyz0123"},
      {"abcdefghijklmn", "opqrstuvwxyz0123"},
      {"Vi\xE1\xBB\x87t Nam ", "\xC4\x91\xC6\xA1n v\xE1\xBB\x8B  ABCDEFG"},
      {"abcdefghijklmno", "\xCC\x81pqrstuvwxyz0123"},
  };
  Differences diff;
  std::string text;
  auto check = [&](char32_t c) {
    const std::string x = Utf8(c);
    for (const auto& [before, after] : contexts) {
      text = before;
      text += x;
      text += after;
      diff.Check(text);
    }
    diff.Check(x + x);
  };
  for (char32_t c = 0; c < 0x30000; ++c) {
    if (c < 0xD800 || c > 0xDFFF) check(c);
  }
  for (char32_t c = 0xE0000; c < 0xE01F0; ++c) check(c);
  for (char32_t c : {0xF0000u, 0xFFFFDu, 0x10FFFDu, 0x10FFFFu}) check(c);
  diff.Report();
}

TEST_CASE("Normalize equals the reference on random mixtures") {
  // Pieces that meet at every kind of boundary: ASCII, precomposed and decomposed Vietnamese,
  // marks, blanks, dropped characters, look-alikes, NFC expansions and compositions beyond
  // Latin (Hangul, U+2126 Ohm, U+0958, U+FB2C, U+1D15E), characters outside the fast tables.
  const std::vector<std::string> pieces = {
      "a", "Z", "7", ".", ",", "-", "(", " ", " ", "  ", "\n", "\r\n", "\t", "\n\n", "\x0B", "\x7F",
      "\xC2\x85", "\xC2\xA0", "\xC2\xAD", "\xC3\x80", "\xC3\x90", "\xC3\xB0", "\xC3\x97", "\xC3\x9F",
      "\xC4\x90", "\xC4\x91", "\xC6\xA0", "\xC6\xB0", "\xC6\x89", "\xC9\x96", "\xCC\x80", "\xCC\x81",
      "\xCC\x83", "\xCC\x89", "\xCC\xA3", "\xCD\x80", "\xCD\x84", "\xCE\xA9", "\xD0\x96",
      "\xE1\xBA\xA0", "\xE1\xBB\x87", "\xE1\xBB\xB9", "\xE1\xBA\x9E", "\xE1\xB8\x80", "\xE1\x9A\x80",
      "\xE2\x80\x80", "\xE2\x80\x81", "\xE2\x80\x82", "\xE2\x80\x8B", "\xE2\x80\x8D", "\xE2\x80\x93",
      "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\xA6", "\xE2\x80\xA8", "\xE2\x80\xAF", "\xE2\x81\x84",
      "\xE2\x81\xA0", "\xE2\x84\xA6", "\xE2\x88\x92", "\xE3\x80\x80", "\xE4\xB8\xAD", "\xEF\xBB\xBF",
      "\xEF\xBC\x90", "\xEF\xBC\x8D", "\xEF\xBC\x85", "\xE1\x84\x80", "\xE1\x85\xA1", "\xE1\x86\xA8",
      "\xEA\xB0\x80", "\xE0\xA5\x98", "\xE0\xA4\xBC", "\xEF\xAC\xAC", "\xF0\x9D\x85\x9E",
      "\xF0\x9F\x98\x80", "Vi\xE1\xBB\x87t Nam", "ho\xCC\x80\x61", "nghi\xCC\xA3\xCC\x82m",
  };
  std::mt19937 rng(20240517);
  std::uniform_int_distribution<size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 24);
  Differences diff;
  std::string text;
  for (int n = 0; n < 300000; ++n) {
    text.clear();
    for (int k = length(rng); k > 0; --k) text += pieces[piece(rng)];
    diff.Check(text);
  }
  diff.Report();
}

TEST_CASE("Normalize equals the reference on long texts that grow and shrink") {
  Differences diff;
  std::string text;
  // Expansions past the input's size: U+FB2C (3 bytes, 3 code points of 2 bytes in NFC),
  // U+1D15E (4 bytes, 8 in NFC); then long runs of blanks and dropped characters.
  for (int k = 0; k < 3000; ++k) text += "\xEF\xAC\xAC";
  diff.Check(text);
  for (int k = 0; k < 2000; ++k) text += "\xF0\x9D\x85\x9E" "a\xCC\x81";
  diff.Check(text);
  text.clear();
  for (int k = 0; k < 5000; ++k) text += k % 7 == 0 ? " \xE2\x80\x8B\t" : "ch\xE1\xBB\xAF  ";
  diff.Check(text);
  // Vietnamese prose, precomposed and decomposed.
  const std::string prose =
      "N\xC4\x83m 2020, Vinamilk \xC4\x91\xC3\xA3 v\xC6\xB0\xE1\xBB\xA3t qua c\xC3\xA1\x63 th\xC6\xB0\xC6\xA1ng "
      "hi\xE1\xBB\x87u \xE2\x80\x9CTop10\xE2\x80\x9D \xE2\x80\x93 45,6%.\n";
  text.clear();
  for (int k = 0; k < 500; ++k) text += prose;
  diff.Check(text);
  diff.Check(testing::Nfd(text));
  diff.Report();
}

TEST_CASE("CountContinuationBytes counts 0x80..0xBF at every length and offset") {
  std::mt19937 rng(20240602);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string bytes(700, '\0');
  for (char& b : bytes) b = static_cast<char>(byte(rng));
  // Long runs of continuation bytes too, past the 255 chunks a vector count holds.
  bytes += std::string(5000, '\x80');
  bytes += "\xE1\xBB\x87t";
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  auto reference = [&](size_t from, size_t n) {
    size_t count = 0;
    for (size_t i = from; i < from + n; ++i) count += (p[i] & 0xC0) == 0x80;
    return count;
  };
  size_t wrong = 0;
  for (size_t from = 0; from < 40; ++from) {
    for (size_t n = 0; from + n <= 700; ++n) wrong += CountContinuationBytes(p + from, n) != reference(from, n);
  }
  for (size_t n = bytes.size() - 40; n <= bytes.size(); ++n) wrong += CountContinuationBytes(p, n) != reference(0, n);
  CHECK(wrong == 0);
}

}  // namespace
}  // namespace vnextract::internal
