#include <doctest/doctest.h>

#include "test_util.h"
#include "tokenize/letter_case.h"
#include "tokenizer_reference.h"
#include <unicode/uchar.h>

#include <cstdio>
#include <random>

#include "decode/utf8.h"
#include "normalize/normalizer.h"
#include "tokenize/tokenizer.h"

namespace vnextract {
namespace {

std::vector<std::pair<std::string, std::string>> Tokens(std::string_view text) {
  std::vector<TokenInfo> toks;
  REQUIRE(testing::BuiltinExtractor().Tokenize(text, &toks).ok());
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& t : toks) out.emplace_back(t.kind, t.text);
  return out;
}

TEST_CASE("tokenizer keeps numbers, acronyms, codes, dates and times whole") {
  struct Case {
    const char* text;
    std::vector<std::pair<std::string, std::string>> want;
  };
  const Case cases[] = {
      {"11.000.000 đồng", {{"number", "11.000.000"}, {"word", "đồng"}}},
      {"Sở KH&CN", {{"word", "Sở"}, {"word", "KH&CN"}}},
      {"X-quang Covid-19", {{"word", "X-quang"}, {"alnum", "Covid-19"}}},
      {"93/2021/NQ-HĐND", {{"code", "93/2021/NQ-HĐND"}}},
      {"844/QĐ-TTg", {{"code", "844/QĐ-TTg"}}},
      {"36-NQ/TW", {{"code", "36-NQ/TW"}}},
      {"12/04/2021 15:58", {{"date", "12/04/2021"}, {"time", "15:58"}}},
      {"12.04.2021", {{"date", "12.04.2021"}}},
      {"31/02/2021", {{"number", "31"}, {"punct", "/"}, {"number", "02"}, {"punct", "/"}, {"number", "2021"}}},
      {"17/24 hồ sơ", {{"fraction", "17/24"}, {"word", "hồ"}, {"word", "sơ"}}},
      {"20%-30%", {{"percent", "20%"}, {"punct", "-"}, {"percent", "30%"}}},
      {"1,5 %", {{"percent", "1,5 %"}}},
      {"3.000m2 4ha 15h30 14A", {{"num_unit", "3.000m2"}, {"num_unit", "4ha"}, {"time", "15h30"}, {"alnum", "14A"}}},
      {"nhận:17/24", {{"word", "nhận"}, {"punct", ":"}, {"fraction", "17/24"}}},
      // A code of no known shape (seven digits, a Greek letter, no capital after the last '-') is
      // one name with digits, like "Covid-19" (it was once a "punct" token).
      {"1234567/QĐ-TTg", {{"alnum", "1234567/QĐ-TTg"}}},
      {"9/ΛΒ", {{"alnum", "9/ΛΒ"}}},
      {"thụ thể 12-LOX", {{"word", "thụ"}, {"word", "thể"}, {"alnum", "12-LOX"}}},
  };
  for (const Case& c : cases) {
    std::string text = c.text;
    CAPTURE(text);
    auto got = Tokens(c.text);
    std::string shown;
    for (auto& [k, t] : got) shown += k + ":" + t + " ";
    CHECK_MESSAGE(got == c.want, shown);
  }
}

TEST_CASE("token offsets point into the input, also through NFD and NBSP") {
  std::string text = testing::Nfd("Hỗ trợ\xC2\xA0\xC2\xA0" "300 triệu");
  std::vector<TokenInfo> toks;
  REQUIRE(testing::BuiltinExtractor().Tokenize(text, &toks).ok());
  REQUIRE(toks.size() == 4);
  for (const auto& t : toks) CHECK(testing::Substr(text, t.start, t.end) == t.text);
  CHECK(toks[2].text == "300");
}

}  // namespace
}  // namespace vnextract

TEST_CASE("letter case without ICU agrees with ICU for every code point") {
  size_t mismatches = 0;
  for (char32_t c = 0; c < 0x30000; ++c) {
    bool upper = vnextract::internal::IsUpper(c) == static_cast<bool>(u_isupper(static_cast<UChar32>(c)));
    bool lower = vnextract::internal::IsLower(c) == static_cast<bool>(u_islower(static_cast<UChar32>(c)));
    bool mark = vnextract::internal::IsMark(c) == ((U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0);
    if (!upper || !lower || !mark) {
      if (++mismatches <= 5) FAIL_CHECK("code point U+" << std::hex << static_cast<uint32_t>(c));
    }
  }
  CHECK(mismatches == 0);
}

namespace {

// internal::Tokenize and the reference implementation on the same text: "" if they agree, else
// the first difference.
std::string CompareWithReference(std::string_view norm, std::string_view lower) {
  const vnextract::internal::Lexicons& lex = vnextract::Rules::Builtin().lexicons();
  std::vector<vnextract::internal::Token> got, want;
  vnextract::internal::Tokenize(norm, lower, lex, &got);
  vnextract::internal::reference::ReferenceTokenize(norm, lower, lex, &want);
  auto show = [](const vnextract::internal::Token& t) {
    return std::string(vnextract::internal::TokenKindName(t.kind)) + " " + std::to_string(t.b) + "-" +
           std::to_string(t.e) + " cp " + std::to_string(t.cb) + "-" + std::to_string(t.ce) +
           (t.space_before ? " space" : "") + (t.upper_initial ? " upper" : "") + (t.all_upper ? " all_upper" : "");
  };
  for (size_t i = 0; i < std::max(got.size(), want.size()); ++i) {
    if (i >= got.size()) return "missing token " + std::to_string(i) + ": " + show(want[i]);
    if (i >= want.size()) return "extra token " + std::to_string(i) + ": " + show(got[i]);
    const auto& a = got[i];
    const auto& b = want[i];
    if (a.kind != b.kind || a.space_before != b.space_before || a.upper_initial != b.upper_initial ||
        a.all_upper != b.all_upper || a.b != b.b || a.e != b.e || a.cb != b.cb || a.ce != b.ce ||
        a.sentence != b.sentence) {
      return "token " + std::to_string(i) + ": got " + show(a) + ", want " + show(b);
    }
  }
  return "";
}

}  // namespace

TEST_CASE("tokenizer cuts generated text exactly as the reference implementation") {
  // Pieces that hit every rule and fast path: ASCII and Vietnamese letters of both cases (the
  // decoded-on-the-spot ranges and their neighbours), digits, the separators a run may hold,
  // combining marks, letters of other scripts, symbols, blanks and line breaks.
  static const char* const kPieces[] = {
      "a", "b", "z", "A", "M", "Z", "h", "m", "ha", "KH", "NQ", "TW", "QĐ", "HĐND", "Covid", "CoV", "Trang",
      "đ", "Đ", "ệ", "Ệ", "ư", "Ư", "á", "À", "ă", "Ă", "ơ", "Ơ", "ĩ", "Ũ", "ý", "Þ", "ß", "ÿ", "ngày", "Việt",
      "ş", "ő", "Ǻ", "ǅ", "ſ", "ȸ", "ɐ", "ḁ", "ẞ", "Ẁ", "ỹ", "Ỹ", "ỿ", "ἀ", "α", "Ω", "Я", "中", "ª", "µ", "º",
      "\xCC\x81", "\xCC\xA3", "\xCD\xAF", "\xD2\x83", "\xE2\x83\x9D",  // combining marks U+0301 U+0323 U+036F U+0483 U+20DD
      "0", "1", "2", "9", "12", "04", "2021", "15", "58", "000",
      ".", ",", "-", "&", "/", ":", "%", "'", "(", "\xC2\xB2", "\xC2\xB3", "\xC2\xB9", "\xC3\x97", "\xC3\xB7",
      "\xC2\xA0", "\xE2\x80\x9C", "\xE2\x80\x93", "\xE2\x80\xA6", "\xEF\xAC\x81", "\xE2\x85\xAB", "\xF0\x9F\x98\x80",
      "\xF0\x9D\x90\x80",  // U+1D400, a letter outside the BMP
      " ", " ", " ", "  ", "\n", "\t", "\r"};
  std::mt19937 rng(20240611);
  std::uniform_int_distribution<size_t> piece(0, std::size(kPieces) - 1), length(1, 24);
  size_t mismatches = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    for (size_t k = length(rng); k > 0; --k) text += kPieces[piece(rng)];
    // As given (the tokenizer asks nothing of its input but UTF-8), and normalized as in use.
    std::string diff = CompareWithReference(text, text);
    if (diff.empty()) {
      vnextract::internal::NormalizedText norm;
      vnextract::internal::Normalize(text, &norm);
      diff = CompareWithReference(norm.norm, norm.lower);
    }
    if (!diff.empty() && ++mismatches <= 5) FAIL_CHECK(diff << " in \"" << text << "\"");
  }
  CHECK(mismatches == 0);
}

TEST_CASE("tokenizer cuts long generated text exactly as the reference implementation") {
  // Long texts cross the fast loop's refills of room for tokens and its stops before tokens it
  // leaves to the general path; they end with or without a byte that ends every run, and hold
  // the letters whose second byte is that of × or ÷ (ė ķ ŗ ŷ Ɨ Ʒ), which the fast loop leaves too.
  static const char* const kPieces[] = {
      "ngày", "Việt", "Nam", "HĐND", "UBND", "TP", "Đà", "Ủy", "người", "KH&CN", "X-quang", "Covid-19", "m\xC2\xB2",
      "\xC4\x97", "\xC4\xB7", "\xC5\x97", "\xC5\xB7", "\xC6\x97", "\xC6\xB7", "\xC3\x97", "\xC3\xB7",
      "\xE1\xB8\x80", "\xE1\xBC\x80", "\xE2\x80\x9C", "12", "04", "2021", "1.000", "15h30", "4ha",
      ".", ",", "-", "/", ":", "%", "&", "(", " ", " ", " ", " ", "  ", "\n", "a", "B", "\xE1\xBB\x87"};
  std::mt19937 rng(20240612);
  std::uniform_int_distribution<size_t> piece(0, std::size(kPieces) - 1), length(1, 3000);
  size_t mismatches = 0;
  for (int n = 0; n < 300; ++n) {
    std::string text;
    for (size_t k = length(rng); k > 0; --k) text += kPieces[piece(rng)];
    std::string diff = CompareWithReference(text, text);
    if (!diff.empty() && ++mismatches <= 5) FAIL_CHECK(diff << " in text " << n);
  }
  // Room for a token per four bytes is not enough for punctuation alone.
  for (const char* text : {".,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,.,",
                           "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g.h.i.j.k.l.m",
                           "ngày", " ngày", "ngày ", "12", "A", ""}) {
    CHECK_MESSAGE(CompareWithReference(text, text).empty(), text);
  }
  CHECK(mismatches == 0);
}

TEST_CASE("tokenizer classes every code point as the reference implementation") {
  // Each code point alone, between letters, after digits and before an upper-case letter.
  size_t mismatches = 0;
  for (char32_t c = 0x1; c < 0x30000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string cp;
    vnextract::internal::AppendUtf8(c, &cp);
    for (const std::string& text : {cp, "a" + cp + "b", "12" + cp + "x", "\xE1\xBB\x87" + cp + "9", cp + "Ab 1"}) {
      std::string diff = CompareWithReference(text, text);
      if (!diff.empty() && ++mismatches <= 5) {
        char hex[16];
        std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c));
        FAIL_CHECK(diff << " for " << hex << " in \"" << text << "\"");
      }
    }
  }
  CHECK(mismatches == 0);
}
