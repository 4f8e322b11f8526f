#include "normalize/normalizer.h"

#include <doctest/doctest.h>

#include "decode/utf8.h"
#include "test_util.h"

namespace vnextract::internal {
namespace {

TEST_CASE("DecodeUtf8 names the byte offset of bad input") {
  std::string_view text;
  CHECK(DecodeUtf8("\xEF\xBB\xBFxin ch\xC3\xA0o", &text).ok());
  CHECK(text == "xin ch\xC3\xA0o");
  Status s = DecodeUtf8("abc\xC3(", &text);
  CHECK_FALSE(s.ok());
  CHECK(s.message() == "invalid UTF-8 (bad continuation byte) at byte 3");
  CHECK(DecodeUtf8("ab\xE1\xBB", &text).message() == "invalid UTF-8 (truncated sequence) at byte 2");
  CHECK(DecodeUtf8(std::string_view("a\0b", 3), &text).message() == "binary data (NUL byte) at byte 1");
  CHECK(DecodeUtf8("\xC0\xAF", &text).message() == "invalid UTF-8 (bad lead byte) at byte 0");
  CHECK(DecodeUtf8("\xED\xA0\x80", &text).message() == "invalid UTF-8 (surrogate) at byte 0");
  CHECK(DecodeUtf8("", &text).ok());
}

TEST_CASE("Normalize composes NFD and maps back to the input") {
  std::string nfd = testing::Nfd("Hòa An có 45 nhiệm vụ");
  NormalizedText t;
  Normalize(nfd, &t);
  CHECK(t.norm == "Hòa An có 45 nhiệm vụ");
  CHECK(t.lower == "hòa an có 45 nhiệm vụ");
  // "45" in the normalized text is at code point 10; in the NFD input it is later.
  size_t b = 10, e = 12;
  std::string back(t.OriginalText(t.SourceBegin(b), t.SourceEnd(e)));
  CHECK(back == "45");
  // The composed "ò" maps to its two input code points.
  CHECK(t.SourceBegin(1) == 1);
  CHECK(t.SourceEnd(2) == 3);
}

TEST_CASE("Normalize unifies blanks, dashes and look-alikes") {
  NormalizedText t;
  Normalize("  \xC3\x90\xE1\xBB\x93ng\xC2\xA0\xC2\xA0" "chí\t–\xE2\x80\x8B 09 \r\n\r\n  Tin  mới ", &t);
  CHECK(t.norm == "Đồng chí - 09\nTin mới");
  CHECK(t.source_begin.size() == 21);
  // Every normalized code point maps to a non-decreasing input span.
  for (size_t k = 1; k < t.source_begin.size(); ++k) CHECK(t.source_begin[k] >= t.source_begin[k - 1]);
}

TEST_CASE("Normalize keeps the lower-case text byte-aligned") {
  NormalizedText t;
  Normalize("ĐẢNG VIÊN KH&CN Ệ", &t);
  REQUIRE(t.lower.size() == t.norm.size());
  CHECK(t.lower == "đảng viên kh&cn ệ");
}

}  // namespace
}  // namespace vnextract::internal
