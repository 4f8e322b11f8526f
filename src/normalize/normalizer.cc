#include "normalize/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstring>
#include <stdexcept>

#include "decode/utf8.h"
#include "normalize/byte_chunk.h"

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

// The normalized form of one input code point that the fast path copies without asking ICU:
// UTF-8 of the unified code point and of its lower case, each padded to 4 bytes so that it is
// copied with one fixed-size store, and its length; size 0 when the code point needs the
// general path.
struct FastCode {
  char norm[4];
  char lower[4];
  uint8_t size;
};

constexpr bool IsPrintableAscii(size_t b) { return b - 0x21 < 0x7F - 0x21; }

// Fast codes of the non-ASCII code points of Vietnamese text: Latin-1 and Latin Extended,
// Latin Extended Additional (the Vietnamese letters) and General Punctuation (quotes, dashes).
// A code point gets one when it is no blank, alone already NFC and composes with nothing before
// it — so the general path would emit it alone, and the code point before it alone too.
class FastCodes {
 public:
  static constexpr char32_t kLatinEnd = 0x300;
  static constexpr char32_t kVietnameseBegin = 0x1E00, kVietnameseEnd = 0x1F00;
  static constexpr char32_t kPunctuationBegin = 0x2000, kPunctuationEnd = 0x2080;

  FastCodes() {
    for (int b = 0; b < 256; ++b) {
      ascii_lower_[b] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
    }
    for (char32_t c = 0x80; c < kLatinEnd; ++c) latin_[c - 0x80] = Make(c);
    for (char32_t c = kVietnameseBegin; c < kVietnameseEnd; ++c) vietnamese_[c - kVietnameseBegin] = Make(c);
    for (char32_t c = kPunctuationBegin; c < kPunctuationEnd; ++c) {
      punctuation_[c - kPunctuationBegin] = Make(c);
    }
  }

  // Lower case of a byte: ASCII letters, everything else as it is.
  char AsciiLower(size_t b) const { return ascii_lower_[b]; }
  // c in [U+0080, U+0300). Its fast code, when it has one, is 2 bytes long: look-alikes of
  // this range unify to code points of 2 bytes.
  const FastCode& Latin(char32_t c) const { return latin_[c - 0x80]; }
  // Any c of three UTF-8 bytes: nullptr outside the tables.
  const FastCode* ThreeBytes(char32_t c) const {
    if (c - kVietnameseBegin < kVietnameseEnd - kVietnameseBegin) return &vietnamese_[c - kVietnameseBegin];
    if (c - kPunctuationBegin < kPunctuationEnd - kPunctuationBegin) return &punctuation_[c - kPunctuationBegin];
    return nullptr;
  }

 private:
  static FastCode Make(char32_t c) {
    FastCode f{};
    char32_t u = UnifyLookAlike(c);
    if (ClassifyBlank(u) != Blank::kNone || MayCompose(u) || !StableAlone(u)) return f;
    std::string norm, lower;
    AppendUtf8(u, &norm);
    AppendUtf8(LowerSameLength(u), &lower);
    norm.copy(f.norm, norm.size());
    lower.copy(f.lower, lower.size());
    f.size = static_cast<uint8_t>(norm.size());
    return f;
  }

  char ascii_lower_[256];
  FastCode latin_[kLatinEnd - 0x80];
  FastCode vietnamese_[kVietnameseEnd - kVietnameseBegin];
  FastCode punctuation_[kPunctuationEnd - kPunctuationBegin];
};

// Normalizes one text into `out`: a fast path copies runs of code points that NFC and the
// blank rules leave alone; everything else goes, one blank run or one composing segment at a
// time, through the general path, which asks ICU.
class Normalizer {
 public:
  Normalizer(std::string_view in, NormalizedText* out) : in_(in), out_(out) {
    out_->original = in;
    out_->original_byte.resize(in.size() + 1);
    out_->norm.resize(in.size() + kSlack);
    out_->lower.resize(in.size() + kSlack);
    // The fast path emits one code point per input code point, and there are no more of those
    // than input bytes.
    out_->source_begin.resize(in.size() + kSlack);
    out_->source_end.resize(in.size() + kSlack);
  }

  void Run() {
    while (i_ < in_.size()) {
      FastRun();
      if (i_ < in_.size()) GeneralUnit();
    }
    out_->original_byte[ci_] = static_cast<uint32_t>(in_.size());
    out_->original_byte.resize(ci_ + 1);
    out_->norm.resize(nb_);
    out_->lower.resize(nb_);
    out_->source_begin.resize(nc_);
    out_->source_end.resize(nc_);
  }

 private:
  // Room past the written bytes for the fast path's fixed 4-byte and 16-byte stores.
  static constexpr size_t kSlack = 16;
  // The bytes a chunk reads: 16, and two more to see the end of a code point starting in it.
  static constexpr size_t kChunkReach = ByteChunk::kSize + 2;

  // Emits code points from i_ on while each is printable ASCII, a space after a non-blank, or
  // has a FastCode; stops before the first other one. Each of these stands alone in the output
  // with its own one-code-point source span. At the stop the last one is taken back when it is
  // a space (the blank run may go on, or end the text) or when what stops the run is no blank
  // (a combining mark, or a dropped character before one, would compose with it).
  // Not inlined: in a function of its own the loop keeps its state in registers.
  [[gnu::noinline]] void FastRun() {
    static const FastCodes codes;
    const auto* s = reinterpret_cast<const unsigned char*>(in_.data());
    const size_t size = in_.size();
    Reserve(size - i_);
    char* const norm = out_->norm.data();
    char* const lower = out_->lower.data();
    uint32_t* const byte = out_->original_byte.data();
    size_t i = i_, nb = nb_, ci = ci_;
    while (i < size) {
      if (size - i >= kChunkReach) {
        const uint32_t n = CopyChunk(codes, s + i, nb == 0 || norm[nb - 1] == ' ', norm + nb, lower + nb,
                                     static_cast<uint32_t>(i), byte, &ci);
        i += n;
        nb += n;
        // Whole, or stopped before a code point above ASCII — most often one that runs past the
        // chunk: the next chunk starts there.
        if (n == ByteChunk::kSize || (n > 0 && s[i] >= 0x80)) continue;
      }
      // One step at a time: the last bytes of the text, and what stopped a chunk.
      size_t b = s[i];
      if (IsPrintableAscii(b)) [[likely]] {
        do {
          byte[ci] = static_cast<uint32_t>(i);
          norm[nb] = static_cast<char>(b);
          lower[nb] = codes.AsciiLower(b);
          ++ci;
          ++nb;
          ++i;
        } while (i < size && IsPrintableAscii(b = s[i]));
        continue;
      }
      if (b == ' ') {
        if (nb == 0 || norm[nb - 1] == ' ') break;
        byte[ci++] = static_cast<uint32_t>(i);
        norm[nb] = ' ';
        lower[nb] = ' ';
        ++nb;
        ++i;
        continue;
      }
      if (b - 0xC2 < 0xCC - 0xC2) {  // U+0080..U+02FF, all 2 bytes long when they have a fast code
        const FastCode& f = codes.Latin((char32_t(b & 0x1F) << 6) | (s[i + 1] & 0x3F));
        if (f.size == 0) break;
        byte[ci++] = static_cast<uint32_t>(i);
        std::memcpy(norm + nb, f.norm, 4);
        std::memcpy(lower + nb, f.lower, 4);
        nb += 2;
        i += 2;
        continue;
      }
      if (b - 0xE0 >= 0xF0 - 0xE0) break;
      const FastCode* f =
          codes.ThreeBytes((char32_t(b & 0x0F) << 12) | (char32_t(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F));
      if (f == nullptr || f->size == 0) break;
      byte[ci++] = static_cast<uint32_t>(i);
      std::memcpy(norm + nb, f->norm, 4);
      std::memcpy(lower + nb, f->lower, 4);
      nb += f->size;
      i += 3;
    }
    if (ci > ci_ && (norm[nb - 1] == ' ' || (i < size && !BlankAt(i)))) {
      --ci;
      i = byte[ci];
      do {
        --nb;
      } while ((static_cast<unsigned char>(norm[nb]) & 0xC0) == 0x80);
    }
    FillSourceMap(ci_, static_cast<uint32_t>(ci - ci_));
    i_ = i;
    ci_ = static_cast<uint32_t>(ci);
    nb_ = nb;
  }

  // Sixteen bytes at a time: the longest prefix of the chunk p[0..15] made of printable ASCII,
  // single spaces (a space is no single one after `after_space`) and code points above ASCII
  // with fast codes of their own length that end within the chunk, is copied to norm and lower
  // (ASCII lower-cased), its code points' offsets base + k are written to byte[*ci...] and *ci
  // advanced. Returns the prefix's length; every output byte is at its input byte's distance
  // from the start of the chunk. The commonest lower-case Vietnamese letters are recognized in
  // vector registers (CopiedLetters); the other code points above ASCII are looked up one by
  // one when the prefix reaches them. Reads p[0..kChunkReach).
  static uint32_t CopyChunk(const FastCodes& codes, const unsigned char* p, bool after_space, char* norm,
                            char* lower, uint32_t base, uint32_t* byte, size_t* ci) {
    const ByteChunk chunk(p);
    chunk.StoreWithLower(norm, lower);
    const ByteLanes space = chunk.IsEqual(' ');
    const ByteLanes continuation = chunk.IsContinuation();
    // A space at the start is dropped, a second one joins the first: the general path's.
    const ByteLanes ok = chunk.IsInRange(0x21, 0x7E) | space.AndNot(space.ShiftedUp(after_space)) | continuation |
                         CopiedLetters(chunk, ByteChunk(p + 1), ByteChunk(p + 2));
    uint32_t ok_bits = ok.Bits();
    uint32_t n = static_cast<uint32_t>(__builtin_ctz(~ok_bits));  // <= 16: ~ok_bits has bit 16 set
    // Continuation bytes are in `ok`: the prefix stops at the lead byte of a code point it did
    // not take, and goes on past it when the lookup takes it.
    while (n < ByteChunk::kSize && p[n] >= 0xC0 &&
           FixInChunk(codes, p + n, norm + n, lower + n, ByteChunk::kSize - n)) {
      ok_bits |= 1u << n;
      n = static_cast<uint32_t>(__builtin_ctz(~ok_bits));
    }
    *ci += WriteBitPositions(~continuation.Bits() & BitsBelow(n), base, byte + *ci);
    return n;
  }

  // The lead bytes, among the chunk of bytes p[0..15], of the commonest lower-case letters of
  // Vietnamese — U+1E80..U+1EFF odd (the lower case of each pair), U+00E0..U+00FF (÷ with them)
  // but ð (a look-alike), đ ă ơ ư — when they end within the chunk: their normalized forms and
  // lower cases are their own bytes, as their fast codes say (normalizer_fast_test.cc checks
  // every code point). `next` and `third` are the chunks at p + 1 and p + 2.
  static ByteLanes CopiedLetters(const ByteChunk& chunk, const ByteChunk& next, const ByteChunk& third) {
    const ByteLanes next_b0 = next.IsEqual(0xB0);
    const ByteLanes vietnamese = chunk.IsEqual(0xE1) & next.IsInRange(0xBA, 0xBB) & third.IsOdd();
    // After 0xC3 comes a continuation byte: above 0x9F as signed bytes, it is in 0xA0..0xBF.
    const ByteLanes latin1 = (chunk.IsEqual(0xC3) & next.IsSignedAbove(0x9F)).AndNot(next_b0);
    const ByteLanes extended = (chunk.IsEqual(0xC4) & (next.IsEqual(0x91) | next.IsEqual(0x83))) |
                               (chunk.IsEqual(0xC6) & (next_b0 | next.IsEqual(0xA1)));
    return (vietnamese & ByteLanes::Below(ByteChunk::kSize - 2)) |
           ((latin1 | extended) & ByteLanes::Below(ByteChunk::kSize - 1));
  }

  // The code point at c, above ASCII, in a 16-byte chunk whose norm and lower bytes have been
  // copied from the input, `room` bytes before the chunk's end: writes its norm and lower bytes
  // over the copies when it has a fast code of its own length that fits. False when it has none,
  // one of another length (the chunk stops before it), or runs past the chunk.
  static bool FixInChunk(const FastCodes& codes, const unsigned char* c, char* norm, char* lower, uint32_t room) {
    if (c[0] - 0xC2u < 0xCCu - 0xC2u) {
      if (room < 2) return false;
      const FastCode& f = codes.Latin((char32_t(c[0] & 0x1F) << 6) | (c[1] & 0x3F));
      if (f.size != 2) return false;
      std::memcpy(norm, f.norm, 2);
      std::memcpy(lower, f.lower, 2);
      return true;
    }
    if (c[0] - 0xE0u >= 0xF0u - 0xE0u || room < 3) return false;
    const FastCode* f = codes.ThreeBytes((char32_t(c[0] & 0x0F) << 12) | (char32_t(c[1] & 0x3F) << 6) | (c[2] & 0x3F));
    if (f == nullptr || f->size != 3) return false;
    std::memcpy(norm, f->norm, 3);
    std::memcpy(lower, f->lower, 3);
    return true;
  }

  // True when the input code point at byte i is a space or line break (not a dropped character).
  bool BlankAt(size_t i) const {
    Blank blank = ClassifyBlank(Next(&i));
    return blank == Blank::kSpace || blank == Blank::kNewline;
  }

  // Appends `count` output code points coming one to one from input code points first,
  // first + 1, ... Room for them and 3 more must have been reserved.
  void FillSourceMap(uint32_t first, uint32_t count) {
    uint32_t* begin = out_->source_begin.data() + nc_;
    uint32_t* end = out_->source_end.data() + nc_;
    uint32_t* const last = begin + count;
    // Four at a time in vector registers, each end the begin after it, sixteen per round. The
    // last four may pass `count`: Reserve left room.
    using U32x4 = uint32_t __attribute__((vector_size(16)));
    U32x4 b = {first, first + 1, first + 2, first + 3};
    U32x4 e = b + 1;
    auto four = [&] {
      std::memcpy(begin, &b, sizeof b);
      std::memcpy(end, &e, sizeof e);
      b += 4;
      e += 4;
      begin += 4;
      end += 4;
    };
    while (last - begin >= 16) {
      four();
      four();
      four();
      four();
    }
    while (begin < last) four();
    nc_ += count;
  }

  // Normalizes what starts at i_: a run of blanks and dropped characters (emitted as one ' '
  // or '\n' when a non-blank follows and something was emitted before), or a segment — a
  // non-blank and every following code point that may compose with it, across dropped
  // characters (a soft hyphen or zero-width space between a letter and its tone mark).
  void GeneralUnit() {
    static const icu::Normalizer2& nfc = Nfc();
    uint32_t* byte = out_->original_byte.data();
    const uint32_t first = ci_;
    byte[first] = static_cast<uint32_t>(i_);
    size_t i = i_;
    char32_t c = Next(&i);
    Blank blank = ClassifyBlank(c);
    if (blank != Blank::kNone) {
      Blank pending = Blank::kNone;
      uint32_t pending_b = 0, pending_e = 0;
      uint32_t k = first;
      for (;;) {
        if (blank != Blank::kDrop) {
          if (pending == Blank::kNone) pending_b = k;
          if (blank == Blank::kNewline || pending == Blank::kNone) pending = blank;
          pending_e = k + 1;
        }
        ++k;
        if (i == in_.size()) break;
        size_t after = i;
        blank = ClassifyBlank(Next(&after));
        if (blank == Blank::kNone) break;
        byte[k] = static_cast<uint32_t>(i);
        i = after;
      }
      if (pending != Blank::kNone && i < in_.size() && nb_ > 0) {
        Emit(pending == Blank::kNewline ? '\n' : ' ', pending_b, pending_e);
      }
      ci_ = k;
      i_ = i;
      return;
    }
    uint32_t j = first + 1;  // end of the segment
    size_t j_byte = i;
    for (uint32_t k = j; i < in_.size(); ++k) {
      size_t after = i;
      char32_t d = Next(&after);
      bool composes = MayCompose(d);
      if (!composes && ClassifyBlank(d) != Blank::kDrop) break;
      byte[k] = static_cast<uint32_t>(i);
      i = after;
      if (composes) {
        j = k + 1;
        j_byte = i;
      }
    }
    if (j == first + 1 && StableAlone(c)) {
      Emit(c, first, j);
    } else {
      icu::UnicodeString seg;
      for (size_t k = i_; k < j_byte;) {
        char32_t d = Next(&k);
        if (ClassifyBlank(d) != Blank::kDrop) seg.append(static_cast<UChar32>(d));
      }
      UErrorCode status = U_ZERO_ERROR;
      icu::UnicodeString composed = nfc.normalize(seg, status);
      if (U_FAILURE(status)) composed = seg;
      for (int32_t k = 0; k < composed.length();) {
        UChar32 ch = composed.char32At(k);
        Emit(static_cast<char32_t>(ch), first, j);
        k += U16_LENGTH(ch);
      }
    }
    ci_ = j;
    i_ = j_byte;
  }

  // The input code point at *i, look-alikes unified; advances *i.
  char32_t Next(size_t* i) const { return UnifyLookAlike(NextCodePoint(in_, i)); }

  // Makes room for `bytes` more bytes and as many code points past the written output.
  void Reserve(size_t bytes) {
    if (nb_ + bytes + kSlack > out_->norm.size()) {
      out_->norm.resize(nb_ + bytes + kSlack);
      out_->lower.resize(nb_ + bytes + kSlack);
    }
    if (nc_ + bytes + kSlack > out_->source_begin.size()) {
      out_->source_begin.resize(nc_ + bytes + kSlack);
      out_->source_end.resize(nc_ + bytes + kSlack);
    }
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
    Encode(LowerSameLength(c), out_->lower.data() + nb_);
    nb_ += Encode(c, out_->norm.data() + nb_);
    out_->source_begin[nc_] = src_b;
    out_->source_end[nc_] = src_e;
    ++nc_;
  }

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

  std::string_view in_;
  NormalizedText* out_;
  size_t i_ = 0;     // input byte
  uint32_t ci_ = 0;  // input code point
  size_t nb_ = 0;    // output byte
  size_t nc_ = 0;    // output code point
};

}  // namespace

void Normalize(std::string_view original, NormalizedText* out) { Normalizer(original, out).Run(); }

}  // namespace vnextract::internal
