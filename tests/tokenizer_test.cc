#include <doctest/doctest.h>

#include "test_util.h"
#include "tokenize/letter_case.h"
#include <unicode/uchar.h>

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
