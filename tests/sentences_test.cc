#include <doctest/doctest.h>

#include "test_util.h"

namespace vnextract {
namespace {

std::vector<uint32_t> SentenceOfEachNumber(std::string_view text) {
  std::vector<uint32_t> out;
  for (const Record& r : testing::ExtractText(text)) {
    if (!IsEntity(r.type)) out.push_back(r.sentence);
  }
  return out;
}

TEST_CASE("sentences: paragraphs and full stops split, abbreviations do not") {
  CHECK(SentenceOfEachNumber("Có 3 người. Có 4 người.\nCó 5 người") == std::vector<uint32_t>{0, 1, 2});
  CHECK(SentenceOfEachNumber("UBND TP. Hồ Chí Minh hỗ trợ 5 tỷ đồng cho 20 hộ.") == std::vector<uint32_t>{0, 0});
  CHECK(SentenceOfEachNumber("PGS. TS. Nguyễn Văn A có 12 đề tài. Ông có 3 bằng sáng chế.") ==
        std::vector<uint32_t>{0, 1});
}

TEST_CASE("context is the sentence as written, blanks folded") {
  auto rs = testing::ExtractText("Mở đầu.  Cấp\xC2\xA0thẻ cho  02 đảng viên. Kết thúc.");
  REQUIRE(rs.size() == 1);
  CHECK(rs[0].context == "Cấp thẻ cho 02 đảng viên.");
  CHECK(rs[0].sentence == 1);
}

}  // namespace
}  // namespace vnextract
