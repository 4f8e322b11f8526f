// The tokenizer as it was before its byte-level rewrite (a code-point array, then runs cut by
// index), kept as an oracle: tokenizer_test.cc checks that internal::Tokenize gives exactly the
// same tokens on generated text.
#ifndef VNEXTRACT_TESTS_TOKENIZER_REFERENCE_H_
#define VNEXTRACT_TESTS_TOKENIZER_REFERENCE_H_

#include <unicode/uchar.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "decode/utf8.h"
#include "extract/calendar.h"
#include "extract/decimal.h"
#include "rules/lexicon.h"
#include "tokenize/letter_case.h"
#include "tokenize/tokenizer.h"

namespace vnextract::internal::reference {

namespace ref_detail {

enum class CharClass { kLetter, kDigit, kBlank, kBreak, kOther, kEnd };

inline CharClass Classify(char32_t c) {
  if (c < 0x80) {
    if (c >= '0' && c <= '9') return CharClass::kDigit;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::kLetter;
    if (c == ' ') return CharClass::kBlank;
    if (c == '\n') return CharClass::kBreak;
    return CharClass::kOther;
  }
  if ((c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x1E00 && c <= 0x1EFF) ||
      (c >= 0x300 && c <= 0x36F)) {
    return CharClass::kLetter;  // Latin letters with diacritics, Vietnamese, combining marks
  }
  if (u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK)) return CharClass::kLetter;
  return CharClass::kOther;
}

// First pass: runs of letters and digits, and single punctuation. The text is decoded once into
// code points with their class, so the run rules can look one or two ahead by index.
inline void CutRuns(std::string_view norm, std::vector<Token>* out) {
  struct Cp {
    char32_t c;
    CharClass cls;
    uint32_t byte;
  };
  thread_local std::vector<Cp> cps;
  if (cps.size() < norm.size() + 2) cps.resize(norm.size() + 2);
  size_t n = 0;
  Cp* out_cp = cps.data();
  for (size_t i = 0; i < norm.size();) {
    uint32_t b = static_cast<uint32_t>(i);
    unsigned char byte = static_cast<unsigned char>(norm[i]);
    char32_t c = byte < 0x80 ? (++i, byte) : NextCodePoint(norm, &i);
    out_cp[n++] = {c, Classify(c), b};
  }
  out_cp[n] = {0, CharClass::kEnd, static_cast<uint32_t>(norm.size())};
  out_cp[n + 1] = {0, CharClass::kEnd, static_cast<uint32_t>(norm.size())};
  bool space = false;
  for (size_t k = 0; k < n;) {
    const Cp& p = cps[k];
    if (p.cls == CharClass::kBlank) {
      space = true;
      ++k;
      continue;
    }
    Token t{};
    t.space_before = space;
    space = false;
    t.b = p.byte;
    t.cb = static_cast<uint32_t>(k);
    if (p.cls == CharClass::kBreak || p.cls == CharClass::kOther) {
      t.kind = p.cls == CharClass::kBreak ? TokenKind::kBreak : TokenKind::kPunct;
      ++k;
    } else {
      bool has_letter = false, has_digit = false;
      int letters = 0, uppers = 0;
      CharClass prev = CharClass::kEnd;
      size_t j = k;
      int word_letters = 0;  // letters since the last digit, and whether one is not ASCII
      bool word_vietnamese = false;
      // Scraped text glues words to figures: "22362591Trang", "CoV-2ngày", "sở hữu10,3%". A
      // Vietnamese word (two or more letters, one with a diacritic) never shares a token with digits.
      auto vietnamese_word_at = [&](size_t from) {
        int count = 0;
        bool vi = false;
        for (size_t q = from; cps[q].cls == CharClass::kLetter; ++q) {
          ++count;
          vi = vi || cps[q].c >= 0x80;
        }
        return count >= 2 && vi;
      };
      for (; j < n; ++j) {
        char32_t d = cps[j].c;
        CharClass cls = cps[j].cls;
        CharClass next = cps[j + 1].cls;
        bool take;
        if (cls == CharClass::kLetter && prev == CharClass::kDigit &&
            ((IsUpper(d) && IsLower(cps[j + 1].c)) || vietnamese_word_at(j))) {
          take = false;
        } else if (cls == CharClass::kDigit && prev == CharClass::kLetter && word_letters >= 2 && word_vietnamese) {
          take = false;
        } else if (cls == CharClass::kLetter || cls == CharClass::kDigit) {
          take = true;
        } else if (prev == CharClass::kDigit && (d == '.' || d == ',')) {
          take = next == CharClass::kDigit;
        } else if (prev == CharClass::kLetter && d == '&') {
          take = next == CharClass::kLetter;
        } else if (prev == CharClass::kLetter && d == '-') {
          take = next == CharClass::kLetter || next == CharClass::kDigit;
        } else {
          take = prev == CharClass::kLetter && (d == 0xB2 || d == 0xB3);  // m², m³
        }
        if (!take) break;
        if (cls == CharClass::kLetter) {
          ++word_letters;
          word_vietnamese = word_vietnamese || d >= 0x80;
        } else if (cls == CharClass::kDigit) {
          word_letters = 0;
          word_vietnamese = false;
        }
        if (cls == CharClass::kLetter) {
          has_letter = true;
          if (!IsMark(d)) {
            ++letters;
            if (IsUpper(d)) {
              ++uppers;
              if (j == k) t.upper_initial = true;
            }
          }
          prev = CharClass::kLetter;
        } else if (cls == CharClass::kDigit) {
          has_digit = true;
          prev = CharClass::kDigit;
        } else if (d == '.' || d == ',') {
          prev = CharClass::kDigit;  // "1.000": the separator sits between digits
        } else if (d == '&' || d == '-') {
          prev = CharClass::kLetter;
        } else {
          prev = CharClass::kOther;
        }
      }
      t.all_upper = letters >= 2 && uppers == letters;
      if (has_letter && has_digit) {
        t.kind = p.cls == CharClass::kDigit ? TokenKind::kNumUnit : TokenKind::kAlnum;
      } else {
        t.kind = has_digit ? TokenKind::kNumber : TokenKind::kWord;
      }
      k = j;
    }
    t.e = cps[k].byte;
    t.ce = static_cast<uint32_t>(k);
    out->push_back(t);
  }
}

class Joiner {
 public:
  Joiner(std::string_view norm, std::string_view lower, const Lexicons& lex, const std::vector<Token>& t)
      : norm_(norm), lower_(lower), lex_(lex), t_(t) {}

  void Run(std::vector<Token>* out) {
    for (size_t i = 0; i < t_.size();) {
      size_t end = 0;
      TokenKind kind = TokenKind::kPunct;
      if (size_t code_end = 0; Code(i, &code_end)) kind = TokenKind::kCode, end = code_end;
      // A number joined to capitalised parts in no shape of code_patterns.txt ("12-LOX",
      // "1234567/QĐ-TTg") is one name with digits, like "Covid-19": no figure comes from it.
      else if (code_end > 0) kind = TokenKind::kAlnum, end = code_end;
      else if (Date(i, &end)) kind = TokenKind::kDate;
      else if (Time(i, &end)) kind = TokenKind::kTime;
      else if (Fraction(i, &end)) kind = TokenKind::kFraction;
      else if (Percent(i, &end)) kind = TokenKind::kPercent;
      if (end == 0) {
        Token tok = t_[i];
        if (tok.kind == TokenKind::kNumUnit) tok.kind = NumAlphaKind(tok);
        out->push_back(tok);
        ++i;
        continue;
      }
      Token tok = t_[i];
      tok.kind = kind;
      tok.e = t_[end - 1].e;
      tok.ce = t_[end - 1].ce;
      out->push_back(tok);
      i = end;
    }
  }

 private:
  std::string_view Text(size_t j) const { return norm_.substr(t_[j].b, t_[j].e - t_[j].b); }
  bool Has(size_t j) const { return j < t_.size(); }
  bool Adjacent(size_t j) const { return Has(j) && !t_[j].space_before; }
  bool Punct(size_t j, char c) const {
    return Has(j) && t_[j].kind == TokenKind::kPunct && t_[j].e - t_[j].b == 1 && norm_[t_[j].b] == c;
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
  bool Date(size_t i, size_t* end) const {
    int d, m, y;
    size_t nd, nm, ny;
    if (Has(i) && t_[i].kind == TokenKind::kNumber) {
      std::string_view s = Text(i);
      size_t p1 = s.find('.');
      size_t p2 = p1 == std::string_view::npos ? p1 : s.find('.', p1 + 1);
      if (p2 != std::string_view::npos && s.find_first_of(".,", p2 + 1) == std::string_view::npos &&
          s.find(',') == std::string_view::npos && p1 >= 1 && p1 <= 2 && p2 - p1 - 1 >= 1 &&
          p2 - p1 - 1 <= 2 && s.size() - p2 - 1 == 4) {
        d = std::stoi(std::string(s.substr(0, p1)));
        m = std::stoi(std::string(s.substr(p1 + 1, p2 - p1 - 1)));
        y = std::stoi(std::string(s.substr(p2 + 1)));
        if (IsValidDate(d, m, y)) {
          *end = i + 1;
          return true;
        }
      }
    }
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
    if (!GroupedInt(i) || !Punct(i + 1, '/') || !Adjacent(i + 1) || !Adjacent(i + 2) || !GroupedInt(i + 2)) return false;
    if (Punct(i + 3, '/') && Adjacent(i + 3)) return false;  // a/b/c that is no date
    if (i > 0 && Punct(i - 1, '/') && Adjacent(i)) return false;
    // "64/256 GB": two figures of one measure, not a fraction (time units excepted: "1/2 ngày").
    if (i + 3 < t_.size() && t_[i + 3].kind == TokenKind::kWord) {
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
  const std::vector<Token>& t_;
};

}  // namespace ref_detail

inline void ReferenceTokenize(std::string_view norm, std::string_view lower, const Lexicons& lex, std::vector<Token>* out) {
  std::vector<Token> runs;
  runs.reserve(norm.size() / 4);
  ref_detail::CutRuns(norm, &runs);
  out->clear();
  out->reserve(runs.size());
  ref_detail::Joiner(norm, lower, lex, runs).Run(out);
}

}  // namespace vnextract::internal::reference

#endif  // VNEXTRACT_TESTS_TOKENIZER_REFERENCE_H_
