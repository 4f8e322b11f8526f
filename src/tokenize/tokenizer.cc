#include "tokenize/tokenizer.h"
#include "tokenize/letter_case.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <utility>

#include "decode/utf8.h"
#include "extract/calendar.h"
#include "extract/decimal.h"
#include "rules/lexicon.h"

namespace vnextract::internal {

const char* TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord: return "word";
    case TokenKind::kNumber: return "number";
    case TokenKind::kNumUnit: return "num_unit";
    case TokenKind::kAlnum: return "alnum";
    case TokenKind::kPercent: return "percent";
    case TokenKind::kTime: return "time";
    case TokenKind::kDate: return "date";
    case TokenKind::kFraction: return "fraction";
    case TokenKind::kCode: return "code";
    case TokenKind::kPunct: return "punct";
    case TokenKind::kBreak: return "break";
  }
  return "?";
}

namespace {

enum class CharClass : uint8_t { kLetter, kDigit, kBlank, kBreak, kOther, kEnd };

// What a byte that starts a code point says about it. The ASCII letters come first, lower case
// as 0 and upper case as 1, so that the kind itself counts upper-case letters.
enum ByteKind : uint8_t { kLowerByte, kUpperByte, kDigitByte, kBlankByte, kBreakByte, kOtherByte, kWideByte };

constexpr std::array<uint8_t, 256> kByteKind = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 0x80) t[c] = kWideByte;  // the lead byte of a code point above ASCII
    else if (c >= 'a' && c <= 'z') t[c] = kLowerByte;
    else if (c >= 'A' && c <= 'Z') t[c] = kUpperByte;
    else if (c >= '0' && c <= '9') t[c] = kDigitByte;
    else if (c == ' ') t[c] = kBlankByte;
    else if (c == '\n') t[c] = kBreakByte;
    else t[c] = kOtherByte;
  }
  return t;
}();

constexpr CharClass kClassOfByte[] = {CharClass::kLetter, CharClass::kLetter, CharClass::kDigit,
                                      CharClass::kBlank,  CharClass::kBreak,  CharClass::kOther};

// Letters and marks of other scripts, which Vietnamese news rarely holds.
[[gnu::noinline]] CharClass ClassifyRare(char32_t c) {
  if (u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK)) return CharClass::kLetter;
  return CharClass::kOther;
}

// Class of a code point above ASCII: the ranges answer for Vietnamese text, ICU for the rest.
inline CharClass ClassifyWide(char32_t c) {
  if ((c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x1E00 && c <= 0x1EFF) ||
      (c >= 0x300 && c <= 0x36F)) {
    return CharClass::kLetter;  // Latin letters with diacritics, Vietnamese, combining marks
  }
  return ClassifyRare(c);
}

// A code point: its value, class and UTF-8 length; {0, kEnd, 0} at the end of the text.
struct Cp {
  char32_t c;
  CharClass cls;
  uint32_t len;
};

// The code point at p, a byte of s (or its end).
[[gnu::always_inline]] inline Cp At(std::string_view s, const unsigned char* p) {
  const auto* begin = reinterpret_cast<const unsigned char*>(s.data());
  if (p == begin + s.size()) return {0, CharClass::kEnd, 0};
  uint8_t kind = kByteKind[*p];
  if (kind != kWideByte) return {*p, kClassOfByte[kind], 1};
  size_t i = static_cast<size_t>(p - begin), k = i;
  char32_t c = NextCodePoint(s, &k);
  return {c, ClassifyWide(c), static_cast<uint32_t>(k - i)};
}

// Scraped text glues words to figures: "22362591Trang", "CoV-2ngày", "sở hữu10,3%". A Vietnamese
// word (two or more letters, one with a diacritic) never shares a token with digits. True if one
// starts at p.
bool VietnameseWordAt(std::string_view s, const unsigned char* p) {
  int count = 0;
  bool vi = false;
  for (Cp q = At(s, p); q.cls == CharClass::kLetter; p += q.len, q = At(s, p)) {
    ++count;
    vi = vi || q.c >= 0x80;
    if (count >= 2 && vi) return true;
  }
  return false;
}

// A position in the text: byte p, code point cp.
struct Pos {
  const unsigned char* p;
  uint32_t cp;
};

// Letters, counted as a token needs them.
struct LetterCount {
  uint32_t letters = 0;  // other than combining marks
  uint32_t uppers = 0;
  bool vietnamese = false;  // one is not ASCII
};

// Takes the letters from *at on and returns the code point after them. ASCII letters go by the
// byte table, and the letters of Vietnamese words above ASCII (U+00C0..U+01BF and U+1E80..U+1EFF,
// none of them a combining mark) are decoded on the spot; code points are counted at the end from
// the bytes, less the continuation bytes.
[[gnu::always_inline]] inline Cp TakeLetters(std::string_view s, Pos* at, LetterCount* n) {
  const auto* const end = reinterpret_cast<const unsigned char*>(s.data()) + s.size();
  const unsigned char* const from = at->p;
  const unsigned char* p = from;
  uint32_t continuation = 0, marks = 0, uppers = 0;
  bool vietnamese = false;
  Cp q;
  for (;;) {
    if (p == end) {
      q = {0, CharClass::kEnd, 0};
      break;
    }
    uint8_t kind = kByteKind[*p];
    if (kind <= kUpperByte) {
      uppers += kind;
      ++p;
      continue;
    }
    char32_t c;
    if (*p >= 0xC3 && *p <= 0xC6) {
      c = (char32_t(*p & 0x1F) << 6) | (p[1] & 0x3F);
      if (c == 0xD7 || c == 0xF7) {  // × ÷
        q = {c, CharClass::kOther, 2};
        break;
      }
      p += 2;
      continuation += 1;
    } else if (*p == 0xE1 && (p[1] == 0xBA || p[1] == 0xBB)) {
      c = 0x1E00 | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      p += 3;
      continuation += 2;
    } else {
      q = At(s, p);
      if (q.cls != CharClass::kLetter) break;
      vietnamese = true;
      if (IsMark(q.c)) {
        ++marks;
      } else {
        uppers += IsUpper(q.c);
      }
      p += q.len;
      continuation += q.len - 1;
      continue;
    }
    vietnamese = true;
    uppers += IsUpper(c);
  }
  uint32_t cps = static_cast<uint32_t>(p - from) - continuation;
  n->letters += cps - marks;
  n->uppers += uppers;
  n->vietnamese = n->vietnamese || vietnamese;
  *at = {p, at->cp + cps};
  return q;
}

// The run of letters and digits that starts at *at: it takes '.' and ',' between digits, '&'
// between letters, '-' after a letter before a letter or digit, '²' and '³' after a letter; it ends
// before a letter after digits that is upper case before lower case or starts a Vietnamese word,
// and before digits after a Vietnamese word. Moves *at past it, sets t->all_upper and returns its
// kind.
[[gnu::noinline]] TokenKind CutRun(std::string_view s, Pos* at, Token* t) {
  const auto* const end = reinterpret_cast<const unsigned char*>(s.data()) + s.size();
  const Cp first = At(s, at->p);
  bool has_letter = false, has_digit = false;
  LetterCount all;
  uint32_t word_letters = 0;  // letters since the last digit, and whether one is not ASCII
  bool word_vietnamese = false;
  CharClass prev = CharClass::kEnd;
  for (Cp q = first;;) {  // q is the code point at *at
    if (q.cls == CharClass::kLetter) {
      if (prev == CharClass::kDigit &&
          ((IsUpper(q.c) && IsLower(At(s, at->p + q.len).c)) || VietnameseWordAt(s, at->p))) {
        break;
      }
      uint32_t from = at->cp;
      LetterCount n;
      q = TakeLetters(s, at, &n);
      all.letters += n.letters;
      all.uppers += n.uppers;
      word_letters += at->cp - from;
      word_vietnamese = word_vietnamese || n.vietnamese;
      has_letter = true;
      prev = CharClass::kLetter;
    } else if (q.cls == CharClass::kDigit) {
      if (prev == CharClass::kLetter && word_letters >= 2 && word_vietnamese) break;
      do {
        ++at->p;
        ++at->cp;
      } while (at->p < end && kByteKind[*at->p] == kDigitByte);
      q = At(s, at->p);
      word_letters = 0;
      word_vietnamese = false;
      has_digit = true;
      prev = CharClass::kDigit;
    } else {
      char32_t d = q.c;
      Cp next{};
      bool take;
      if (prev == CharClass::kDigit && (d == '.' || d == ',')) {
        next = At(s, at->p + 1);
        take = next.cls == CharClass::kDigit;
        prev = CharClass::kDigit;  // "1.000": the separator sits between digits
      } else if (prev == CharClass::kLetter && (d == '&' || d == '-')) {
        next = At(s, at->p + 1);
        take = next.cls == CharClass::kLetter || (d == '-' && next.cls == CharClass::kDigit);
      } else if (prev == CharClass::kLetter && (d == 0xB2 || d == 0xB3)) {  // m², m³
        next = At(s, at->p + q.len);
        take = true;
        prev = CharClass::kOther;
      } else {
        take = false;
      }
      if (!take) break;
      at->p += q.len;
      ++at->cp;
      q = next;
    }
  }
  t->all_upper = all.letters >= 2 && all.uppers == all.letters;
  if (has_letter && has_digit) return first.cls == CharClass::kDigit ? TokenKind::kNumUnit : TokenKind::kAlnum;
  return has_digit ? TokenKind::kNumber : TokenKind::kWord;
}

// Letter case of U+00C0..U+01BF (lead bytes 0xC3..0xC6) and U+1E80..U+1EFF (0xE1 0xBA, 0xE1 0xBB),
// the letters of Vietnamese words above ASCII, looked up by their UTF-8 bytes without decoding:
// 1 upper, 0 lower, kNoLetter for × and ÷ (every other one is a letter, none a combining mark).
// Filled from ClassifyWide and IsUpper, so it answers as they do.
class WideCase {
 public:
  static constexpr uint8_t kNoLetter = 2;
  WideCase() {
    for (char32_t c = 0xC0; c < 0x1C0; ++c) {
      latin_[((c >> 6) - 3) << 6 | (c & 0x3F)] = ClassifyWide(c) != CharClass::kLetter ? kNoLetter : IsUpper(c);
    }
    for (char32_t c = 0x1E80; c < 0x1F00; ++c) vietnamese_[c - 0x1E80] = IsUpper(c);
  }
  // p[0] in 0xC3..0xC6.
  uint8_t Latin(const unsigned char* p) const { return latin_[(p[0] - 0xC3) << 6 | (p[1] & 0x3F)]; }
  // p[0] == 0xE1, p[1] 0xBA or 0xBB.
  uint8_t Vietnamese(const unsigned char* p) const { return vietnamese_[(p[1] & 1) << 6 | (p[2] & 0x3F)]; }

 private:
  uint8_t latin_[4 * 64];
  uint8_t vietnamese_[2 * 64];
};

// Upper case of a letter of WideCase or an ASCII letter at p.
[[gnu::always_inline]] inline bool PlainUpper(const WideCase& wide, const unsigned char* p) {
  if (*p < 0x80) return kByteKind[*p] == kUpperByte;
  return (*p < 0xE0 ? wide.Latin(p) : wide.Vietnamese(p)) == 1;
}

// Whether every letter of [p, e), a word SkipPlainLetters took, is upper case. Asked only of
// words that start with one, so most words never have their case looked up past the first letter.
[[gnu::always_inline]] inline bool AllPlainUpper(const WideCase& wide, const unsigned char* p, const unsigned char* e) {
  for (; p < e; p += 1 + (*p >= 0xC0) + (*p >= 0xE0)) {
    if (!PlainUpper(wide, p)) return false;
  }
  return true;
}

// What a byte says to CutPlain's loop. The ASCII letters come first, lower case as 0 and upper
// case as 1; then the lead bytes of the letters of Vietnamese words above ASCII, whose code points
// it takes without decoding them: kLatinLead for U+00C0..U+01BF (all letters but × and ÷) and
// kVietnameseLead for U+1E00..U+1FFF (it takes U+1E80..U+1EFF, all letters, none a combining
// mark). From kBlankScan on, a byte ends every word of plain letters.
enum ScanKind : uint8_t {
  kLowerScan, kUpperScan, kLatinLead, kVietnameseLead, kWideScan, kDigitScan, kJoinScan, kBlankScan, kOtherScan, kBreakScan
};

constexpr std::array<uint8_t, 256> kScanKind = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 0xC3 && c <= 0xC6) t[c] = kLatinLead;
    else if (c == 0xE1) t[c] = kVietnameseLead;
    else if (c >= 0x80) t[c] = kWideScan;
    else if (c >= 'a' && c <= 'z') t[c] = kLowerScan;
    else if (c >= 'A' && c <= 'Z') t[c] = kUpperScan;
    else if (c >= '0' && c <= '9') t[c] = kDigitScan;
    else if (c == '&' || c == '-') t[c] = kJoinScan;  // may join letters
    else if (c == ' ') t[c] = kBlankScan;
    else if (c == '\n') t[c] = kBreakScan;
    else t[c] = kOtherScan;
  }
  return t;
}();

// The end of the plain letters from p on: ASCII letters and those of WideCase (U+00C0..U+01BF
// but × and ÷, U+1E80..U+1EFF), whose continuation bytes are added to *continuation; *kind is
// the ScanKind of the byte there. It stops at a byte below 0x80 that is no letter, at a code point
// above it that is not one of WideCase's letters (which may be a letter all the same: the caller
// leaves those to the general path), or at one whose second byte is that of × and ÷ (ė, ķ, ŗ, ŷ, Ɨ,
// Ʒ, which the general path takes as well). It does not look for the end of the text: the caller
// knows that a byte below 0x80 that is no letter comes first.
[[gnu::always_inline]] inline const unsigned char* SkipPlainLetters(const unsigned char* p, uint8_t k,
                                                                    uint32_t* continuation, uint8_t* kind) {
  // k is the ScanKind of *p, which the caller has looked up already.
  for (;;) {
    while (k <= kUpperScan) k = kScanKind[*++p];
    // The end of the word is asked first: every word has one, not every one a wide letter.
    if (k > kVietnameseLead) break;
    if (k == kLatinLead) {
      if ((p[1] | 0x20) == 0xB7) break;  // × is C3 97, ÷ C3 B7
      p += 2;
      *continuation += 1;
    } else {
      if ((p[1] & 0xFE) != 0xBA) break;
      p += 3;
      *continuation += 2;
    }
    k = kScanKind[*p];
  }
  *kind = k;
  return p;
}

// A token that the fast paths of CutRuns leave, cut the general way: kind, upper_initial,
// all_upper set in *t, returns the position after it.
[[gnu::noinline]] Pos CutToken(std::string_view norm, Pos at, Token* t) {
  const auto* const end = reinterpret_cast<const unsigned char*>(norm.data()) + norm.size();
  const unsigned char* const p = at.p;
  const uint8_t kind = kByteKind[*p];
  Cp first{*p, CharClass::kLetter, 1};
  if (kind == kWideByte) {
    first = At(norm, p);
    if (first.cls == CharClass::kLetter) t->upper_initial = !IsMark(first.c) && IsUpper(first.c);
  } else if (kind <= kUpperByte) {
    t->upper_initial = kind == kUpperByte;
  } else if (kind == kDigitByte) {
    first.cls = CharClass::kDigit;
  } else {
    first.cls = kind == kBreakByte ? CharClass::kBreak : CharClass::kOther;
  }
  Pos to = at;
  if (first.cls == CharClass::kLetter) {
    LetterCount n;
    Cp after = TakeLetters(norm, &to, &n);
    // After letters only a digit, '&', '-', '²' or '³' may be taken; not a digit after a
    // Vietnamese word.
    if (after.cls == CharClass::kDigit ? to.cp - at.cp >= 2 && n.vietnamese
                                       : after.c != '&' && after.c != '-' && after.c != 0xB2 && after.c != 0xB3) {
      t->kind = TokenKind::kWord;
      t->all_upper = n.letters >= 2 && n.uppers == n.letters;
      return to;
    }
  } else if (first.cls == CharClass::kDigit) {
    do {
      ++to.p;
      ++to.cp;
    } while (to.p < end && kByteKind[*to.p] == kDigitByte);
    // After digits only a letter, or '.' or ',' before a digit, may be taken.
    uint8_t next = to.p < end ? kByteKind[*to.p] : static_cast<uint8_t>(kBlankByte);
    if (next == kBlankByte || next == kBreakByte || (next == kOtherByte && *to.p != '.' && *to.p != ',') ||
        (next == kWideByte && At(norm, to.p).cls != CharClass::kLetter)) {
      t->kind = TokenKind::kNumber;
      return to;
    }
  } else {
    t->kind = first.cls == CharClass::kBreak ? TokenKind::kBreak : TokenKind::kPunct;
    to.p += first.len;
    ++to.cp;
    return to;
  }
  to = at;
  t->kind = CutRun(norm, &to, t);
  return to;
}

// First pass: runs of letters and digits, and single punctuation, cut straight from the UTF-8
// bytes. Within a run a letter after a letter and a digit after a digit are always taken, so the
// rules are asked only where the class changes. Most tokens are a word of plain letters
// (SkipPlainLetters) that ends at an ASCII character no rule could take, or a punctuation mark:
// CutPlain cuts those in a loop that calls nothing, so that all it needs stays in registers; it
// leaves the others to CutToken. Tokens are written through a raw pointer into the vector sized
// ahead (emplace_back would reload the vector's end after each store of a flag), and the indices
// of numbers (the only tokens a join starts at) are kept for the second pass.
class RunCutter {
 public:
  RunCutter(std::string_view norm, std::vector<Token>* out)
      : norm_(norm),
        begin_(reinterpret_cast<const unsigned char*>(norm.data())),
        end_(begin_ + norm.size()),
        out_(out) {}

  // Cuts the text into *out.
  void Run() {
    out_->clear();
    out_->resize(norm_.size() / 4 + 16);  // more than news text needs
    next_ = out_->data();
    limit_ = next_ + out_->size();
    // Up to the last byte below 0x80 that is neither a letter nor a digit, every run of letters
    // ends before the end of the text: CutPlain need not look for it. (The text is UTF-8, as
    // NormalizedText holds it, so a code point's continuation bytes are never that byte.) Past
    // it (a run, or runs of other scripts, and no blank) CutToken cuts every token.
    const unsigned char* guard = end_;
    while (guard > begin_ && (guard[-1] >= 0x80 || kByteKind[guard[-1]] <= kDigitByte)) --guard;
    const unsigned char* const stop = guard > begin_ ? guard - 1 : begin_;
    const unsigned char* p = begin_;
    for (;;) {
      if (p < stop) p = CutPlain(p, stop);
      if (p == end_) break;
      if (next_ == limit_) Grow();
      // A token CutPlain leaves, or the text left past stop (or the room for tokens ran out).
      p = CutOther(p);
    }
    out_->resize(static_cast<size_t>(next_ - out_->data()));
  }

  // The indices of the numbers, ascending.
  const std::vector<uint32_t>& numbers() const { return numbers_; }

 private:
  // Cuts blanks, punctuation and words of plain letters from p on, up to a token of another kind
  // (where it returns), to stop, or to the end of the room for tokens.
  [[gnu::noinline]] const unsigned char* CutPlain(const unsigned char* p, const unsigned char* stop) {
    static const WideCase wide;
    const unsigned char* const begin = begin_;
    uint32_t continuation = continuation_;  // continuation bytes before p: p's code-point offset is the rest
    bool space = space_;
    Token* next = next_;
    // Every token takes a byte at least: those that start before stop fit in the room left.
    stop = std::min(stop, p + (limit_ - next));
    while (p < stop) {
      const uint8_t kind = kScanKind[*p];
      if (kind <= kVietnameseLead) {  // a word, most often
        // Its start is written first (and left behind if the word goes the general way), its
        // end after: four offsets stored together would be packed into a vector register first.
        Token& t = *next;
        t.b = static_cast<uint32_t>(p - begin);
        t.cb = t.b - continuation;
        uint32_t word_continuation = 0;
        uint8_t after;
        const unsigned char* q = SkipPlainLetters(p, kind, &word_continuation, &after);
        // After letters only a digit, '&', '-', '²' or '³' may be taken; not a digit after a
        // Vietnamese word. What stops above ASCII goes the general way. (Nothing taken, as
        // before × or ÷, stops at a kind below kBlankScan too.)
        if (after < kBlankScan &&
            (after != kDigitScan || word_continuation == 0 || q - p - word_continuation < 2)) {
          break;
        }
        ++next;
        t.kind = TokenKind::kWord;
        t.space_before = space;
        t.upper_initial = kind == kUpperScan || (kind != kLowerScan && PlainUpper(wide, p));
        t.all_upper = t.upper_initial && q - p - word_continuation >= 2 && AllPlainUpper(wide, p, q);
        continuation += word_continuation;
        t.e = static_cast<uint32_t>(q - begin);
        t.ce = t.e - continuation;
        t.sentence = 0;
        space = after == kBlankScan;
        p = q + space;
      } else if (kind == kBlankScan) {
        space = true;
        ++p;
      } else if (kind >= kJoinScan) {  // punctuation or a line break
        const uint32_t b = static_cast<uint32_t>(p - begin), cb = b - continuation;
        *next++ = {kind == kBreakScan ? TokenKind::kBreak : TokenKind::kPunct, space, false, false, b, b + 1, cb, cb + 1, 0};
        space = false;
        ++p;
      } else {
        break;  // a digit or a code point above ASCII that SkipPlainLetters does not take
      }
    }
    continuation_ = continuation;
    space_ = space;
    next_ = next;
    return p;
  }

  // Cuts the token at p, which is no blank, the general way (CutToken).
  const unsigned char* CutOther(const unsigned char* p) {
    if (*p == ' ') {
      space_ = true;
      return p + 1;
    }
    Token& t = *next_++;
    const uint32_t b = static_cast<uint32_t>(p - begin_), cb = b - continuation_;
    t = {TokenKind::kPunct, space_, false, false, b, 0, cb, 0, 0};
    space_ = false;
    const Pos to = CutToken(norm_, {p, cb}, &t);
    if (t.kind == TokenKind::kNumber || t.kind == TokenKind::kNumUnit) {
      numbers_.push_back(static_cast<uint32_t>(&t - out_->data()));
    }
    t.e = static_cast<uint32_t>(to.p - begin_);
    t.ce = to.cp;
    continuation_ = t.e - t.ce;
    return to.p;
  }

  // More room for tokens.
  [[gnu::noinline]] void Grow() {
    const size_t n = static_cast<size_t>(next_ - out_->data());
    out_->resize(2 * out_->size());
    next_ = out_->data() + n;
    limit_ = out_->data() + out_->size();
  }

  const std::string_view norm_;
  const unsigned char* const begin_;
  const unsigned char* const end_;
  std::vector<Token>* const out_;
  std::vector<uint32_t> numbers_;
  uint32_t continuation_ = 0;
  bool space_ = false;
  Token* next_ = nullptr;
  Token* limit_ = nullptr;
};

// Second pass, in place: joined tokens are written from the front, never past the token being
// read. The one token read behind (Fraction asks whether token i - 1 is a '/') is then either
// untouched or rewritten from itself with only a number's kind changed, so every question gets
// the answer it would get on the tokens as cut.
class Joiner {
 public:
  Joiner(std::string_view norm, std::string_view lower, const Lexicons& lex, Token* t, size_t n)
      : norm_(norm), lower_(lower), lex_(lex), t_(t), n_(n) {}

  // Returns the number of tokens left. Every join starts at a number ("15h30" and "10h" at a
  // number glued to letters), at one of `starts` (ascending): the tokens between stay as they are.
  size_t Run(const std::vector<uint32_t>& starts) {
    size_t w = 0, i = 0;
    for (const size_t j : starts) {
      if (j < i) continue;  // joined to the number before
      if (w != i) std::copy(t_ + i, t_ + j, t_ + w);
      w += j - i;
      i = j;
      TokenKind first = t_[i].kind;
      size_t end = 0;
      TokenKind kind = TokenKind::kPunct;
      if (first == TokenKind::kNumber && !JoinMarkAfter(i)) {
        // Of the joins of a number only a date in one token ("12.04.2021") goes without a '-',
        // '/', ':' or '%' after it.
        if (DateInOneToken(i, &end)) kind = TokenKind::kDate;
      } else if (first == TokenKind::kNumber) {
        if (size_t code_end = 0; Code(i, &code_end)) kind = TokenKind::kCode, end = code_end;
        // A number joined to capitalised parts in no shape of code_patterns.txt ("12-LOX",
        // "1234567/QĐ-TTg") is one name with digits, like "Covid-19": no figure comes from it.
        else if (code_end > 0) kind = TokenKind::kAlnum, end = code_end;
        else if (Date(i, &end)) kind = TokenKind::kDate;
        else if (Time(i, &end)) kind = TokenKind::kTime;
        else if (Fraction(i, &end)) kind = TokenKind::kFraction;
        else if (Percent(i, &end)) kind = TokenKind::kPercent;
      } else if (Time(i, &end)) {
        kind = TokenKind::kTime;
      }
      Token tok = t_[i];
      if (end == 0) {
        if (tok.kind == TokenKind::kNumUnit) tok.kind = NumAlphaKind(tok);
        end = i + 1;
      } else {
        tok.kind = kind;
        tok.e = t_[end - 1].e;
        tok.ce = t_[end - 1].ce;
      }
      t_[w++] = tok;
      i = end;
    }
    if (w != i) std::copy(t_ + i, t_ + n_, t_ + w);
    return w + (n_ - i);
  }

 private:
  std::string_view Text(size_t j) const { return norm_.substr(t_[j].b, t_[j].e - t_[j].b); }
  bool Has(size_t j) const { return j < n_; }
  bool Adjacent(size_t j) const { return Has(j) && !t_[j].space_before; }
  bool Punct(size_t j, char c) const {
    return Has(j) && t_[j].kind == TokenKind::kPunct && t_[j].e - t_[j].b == 1 && norm_[t_[j].b] == c;
  }
  // Token i + 1 is a '-', '/', ':' or '%', through which a number joins what follows it.
  bool JoinMarkAfter(size_t i) const {
    if (!Has(i + 1) || t_[i + 1].kind != TokenKind::kPunct || t_[i + 1].e - t_[i + 1].b != 1) return false;
    const char c = norm_[t_[i + 1].b];
    return c == '-' || c == '/' || c == ':' || c == '%';
  }
  // An integer written with digits only; its digit count in *digits.
  bool Int(size_t j, int* value = nullptr, size_t* digits = nullptr) const {
    if (!Has(j) || t_[j].kind != TokenKind::kNumber) return false;
    std::string_view s = Text(j);
    long long v = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return false;
      if (v < 100000000) v = v * 10 + (c - '0');
    }
    if (value) *value = static_cast<int>(v);
    if (digits) *digits = s.size();
    return true;
  }
  bool UpperCodePart(size_t j) const {
    if (!Has(j) || !t_[j].upper_initial) return false;
    if (t_[j].kind == TokenKind::kAlnum) return true;
    if (t_[j].kind != TokenKind::kWord) return false;
    return t_[j].all_upper || Text(j).find('-') != std::string_view::npos;
  }

  // The value of a short run of ASCII digits.
  static int Digits(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
  }

  // 93/2021/NQ-HĐND, 844/QĐ-TTg, 59/2020/QH14, 36-NQ/TW
  bool Code(size_t i, size_t* end) const {
    if (!Int(i)) return false;
    size_t j = i + 1;
    if (Punct(j, '-') && Adjacent(j) && UpperCodePart(j + 1) && Adjacent(j + 1)) {
      if (Punct(j + 2, '/') && Adjacent(j + 2) && UpperCodePart(j + 3) && Adjacent(j + 3)) {
        *end = j + 4;  // 36-NQ/TW
        return ShapeOk(i, *end);
      }
      *end = j + 2;  // 29-NQ-TƯ
      return Text(j + 1).find('-') != std::string_view::npos && ShapeOk(i, *end);
    }
    if (!(Punct(j, '/') && Adjacent(j))) return false;
    ++j;
    size_t digits = 0;
    if (Int(j, nullptr, &digits) && digits == 4 && Adjacent(j) && Punct(j + 1, '/') && Adjacent(j + 1)) j += 2;
    if (!(UpperCodePart(j) && Adjacent(j))) return false;
    ++j;
    while (Punct(j, '/') && Adjacent(j) && UpperCodePart(j + 1) && Adjacent(j + 1)) j += 2;
    *end = j;
    return ShapeOk(i, j);
  }

  // The candidate code [i, end) has one of the shapes of data/legal_ref/code_patterns.txt.
  bool ShapeOk(size_t i, size_t end) const {
    std::string_view code = norm_.substr(t_[i].b, t_[end - 1].e - t_[i].b);
    return lex_.code_patterns->Match(re2::StringPiece(code.data(), code.size()), nullptr);
  }

  // 12/04/2021, 12-04-2021, 12.04.2021
  bool Date(size_t i, size_t* end) const { return DateInOneToken(i, end) || DateOfParts(i, end); }

  // 12.04.2021: one token of 8 to 10 bytes, d.m.yyyy to dd.mm.yyyy. The size is asked first, as
  // most numbers are shorter.
  bool DateInOneToken(size_t i, size_t* end) const {
    int d, m, y;
    if (Has(i) && t_[i].kind == TokenKind::kNumber && t_[i].e - t_[i].b >= 8 && t_[i].e - t_[i].b <= 10) {
      std::string_view s = Text(i);
      size_t p1 = s.find('.');
      size_t p2 = p1 == std::string_view::npos ? p1 : s.find('.', p1 + 1);
      if (p2 != std::string_view::npos && s.find_first_of(".,", p2 + 1) == std::string_view::npos &&
          s.find(',') == std::string_view::npos && p1 >= 1 && p1 <= 2 && p2 - p1 - 1 >= 1 &&
          p2 - p1 - 1 <= 2 && s.size() - p2 - 1 == 4) {
        d = Digits(s.substr(0, p1));
        m = Digits(s.substr(p1 + 1, p2 - p1 - 1));
        y = Digits(s.substr(p2 + 1));
        if (IsValidDate(d, m, y)) {
          *end = i + 1;
          return true;
        }
      }
    }
    return false;
  }

  // 12/04/2021, 12-04-2021: five tokens, the first two digits at most and followed by '/' or '-'.
  bool DateOfParts(size_t i, size_t* end) const {
    int d, m, y;
    size_t nd, nm, ny;
    if (!Int(i, &d, &nd) || nd > 2) return false;
    char sep = 0;
    for (char c : {'/', '-'}) {
      if (Punct(i + 1, c)) sep = c;
    }
    if (sep == 0 || !Adjacent(i + 1) || !Adjacent(i + 2) || !Int(i + 2, &m, &nm) || nm > 2) return false;
    if (!Punct(i + 3, sep) || !Adjacent(i + 3) || !Adjacent(i + 4) || !Int(i + 4, &y, &ny) || ny != 4) return false;
    if (!IsValidDate(d, m, y)) return false;
    *end = i + 5;
    return true;
  }

  // 15:58, 15:58:02, 15h30, 10h (the last two are one token from the first pass)
  bool Time(size_t i, size_t* end) const {
    int h, m, s;
    size_t nh, nm, ns;
    if (Has(i) && t_[i].kind == TokenKind::kNumUnit) {
      std::string_view x = lower_.substr(t_[i].b, t_[i].e - t_[i].b);
      size_t p = 0;
      h = 0;
      while (p < x.size() && p < 2 && x[p] >= '0' && x[p] <= '9') h = h * 10 + (x[p++] - '0');
      if (p == 0 || p >= x.size() || x[p] != 'h') return false;
      std::string_view rest = x.substr(p + 1);
      if (!(rest.empty() || (rest.size() == 2 && rest[0] >= '0' && rest[0] <= '5' && rest[1] >= '0' && rest[1] <= '9'))) return false;
      if (h > 24) return false;
      *end = i + 1;
      return true;
    }
    if (!Int(i, &h, &nh) || nh > 2 || h > 24) return false;
    if (!Punct(i + 1, ':') || !Adjacent(i + 1) || !Adjacent(i + 2) || !Int(i + 2, &m, &nm) || nm != 2 || m > 59) return false;
    *end = i + 3;
    if (Punct(i + 3, ':') && Adjacent(i + 3) && Adjacent(i + 4) && Int(i + 4, &s, &ns) && ns == 2 && s <= 59) *end = i + 5;
    return true;
  }

  // An integer, possibly grouped: "17", "85.157.192".
  bool GroupedInt(size_t j) const {
    if (Int(j)) return true;
    if (!Has(j) || t_[j].kind != TokenKind::kNumber) return false;
    std::optional<Decimal> d = Decimal::ParseDigits(Text(j));
    return d && d->is_integer() && Text(j).find(',') == std::string_view::npos;
  }

  // 17/24, 06/10, 85.157.192/98.713.820
  bool Fraction(size_t i, size_t* end) const {
    if (!Punct(i + 1, '/') || !GroupedInt(i) || !Adjacent(i + 1) || !Adjacent(i + 2) || !GroupedInt(i + 2)) return false;
    if (Punct(i + 3, '/') && Adjacent(i + 3)) return false;  // a/b/c that is no date
    if (i > 0 && Punct(i - 1, '/') && Adjacent(i)) return false;
    // "64/256 GB": two figures of one measure, not a fraction (time units excepted: "1/2 ngày").
    if (i + 3 < n_ && t_[i + 3].kind == TokenKind::kWord) {
      std::string_view w = lower_.substr(t_[i + 3].b, t_[i + 3].e - t_[i + 3].b);
      const std::string* unit = lex_.units.Find(w);
      static const std::string_view kTime[] = {"năm", "tháng", "tuần", "ngày", "giờ", "phút", "giây", "tuổi"};
      bool latin = std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
      if (unit && latin && std::find(std::begin(kTime), std::end(kTime), *unit) == std::end(kTime)) return false;
    }
    *end = i + 3;
    return true;
  }

  // 20%, 1,5 %
  bool Percent(size_t i, size_t* end) const {
    if (!Has(i) || t_[i].kind != TokenKind::kNumber || !Punct(i + 1, '%')) return false;
    *end = i + 2;
    return true;
  }

  // "4ha", "500.000đ" are a number and a unit; "14A", "5G" are names.
  TokenKind NumAlphaKind(const Token& t) const {
    std::string_view x = lower_.substr(t.b, t.e - t.b);
    size_t p = 0;
    while (p < x.size() && ((x[p] >= '0' && x[p] <= '9') || x[p] == '.' || x[p] == ',')) ++p;
    std::string_view suffix = x.substr(p);
    // "3G", "5G": one capital after the digits is a name, not grams or metres ("67W" is watts).
    if (suffix.size() == 1 && norm_[t.b + p] >= 'A' && norm_[t.b + p] <= 'Z') {
      const std::string* unit = lex_.units.Find(suffix);
      if (!unit || unit->empty() || (*unit)[0] < 'A' || (*unit)[0] > 'Z') return TokenKind::kAlnum;
    }
    if (lex_.units.Contains(suffix) || lex_.currencies.Contains(suffix)) return TokenKind::kNumUnit;
    return TokenKind::kAlnum;
  }

  std::string_view norm_;
  std::string_view lower_;
  const Lexicons& lex_;
  Token* t_;
  size_t n_;
};

}  // namespace

void Tokenize(std::string_view norm, std::string_view lower, const Lexicons& lex, std::vector<Token>* out) {
  RunCutter cut(norm, out);
  cut.Run();
  out->resize(Joiner(norm, lower, lex, out->data(), out->size()).Run(cut.numbers()));
}

}  // namespace vnextract::internal
