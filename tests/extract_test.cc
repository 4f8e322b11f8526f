// Table-driven checks of the decisions in docs/records.md, one sentence each.
#include <doctest/doctest.h>

#include "extract/doc_view.h"
#include "normalize/normalizer.h"
#include "rules/lexicon.h"
#include "test_util.h"
#include "tokenize/tokenizer.h"
#include "vnextract/rules.h"
#include "vnextract/writer.h"

#include <sstream>

namespace vnextract {
namespace {

struct Want {
  const char* text;       // sentence
  const char* type;       // expected record type
  const char* match;      // its text
  const char* value;      // value (ratio: n/d; range: lo..hi)
  const char* unit;
  const char* qualifier;
};

std::string Show(const std::vector<Record>& rs) {
  std::string out;
  for (const Record& r : rs) {
    out += std::string(RecordTypeName(r.type)) + " '" + r.text + "'=" + r.value +
           (r.value_to.empty() ? "" : ".." + r.value_to) + " [" + r.unit + "] " + r.qualifier + "; ";
  }
  return out;
}

bool Has(const std::vector<Record>& rs, const Want& w) {
  for (const Record& r : rs) {
    std::string value = r.type == RecordType::kRatio ? r.numerator + "/" + r.denominator : r.value;
    if (!r.value_to.empty()) value += ".." + r.value_to;
    if (RecordTypeName(r.type) == w.type && r.text == w.match && value == w.value && r.unit == w.unit &&
        r.qualifier == w.qualifier) {
      return true;
    }
  }
  return false;
}

TEST_CASE("hard cases decided as records.md says") {
  const Want wants[] = {
      {"Sáng ngày 06/10, Sở tổ chức hội nghị.", "date", "ngày 06/10", "--10-06", "", ""},
      {"Hội đồng công nhận 17/24 hồ sơ cấp tỉnh.", "ratio", "17/24 hồ sơ", "17/24", "hồ sơ", ""},
      {"Họp đánh giá và công nhận 06/08 sáng kiến nội bộ.", "ratio", "06/08 sáng kiến", "6/8", "sáng kiến", ""},
      {"Hỗ trợ theo Nghị quyết số 12/2022/NQ-HĐND của tỉnh.", "legal_ref", "Nghị quyết số 12/2022/NQ-HĐND",
       "12/2022/NQ-HĐND", "Nghị quyết", ""},
      {"Cử 07 đồng chí tham gia huấn luyện năm 2024.", "count", "07 đồng chí", "7", "đồng chí", ""},
      {"Cử 07 đồng chí tham gia huấn luyện năm 2024.", "date", "năm 2024", "2024", "", ""},
      {"Triển khai nhiệm vụ 3 tháng cuối năm 2024.", "period", "3 tháng cuối năm 2024", "2024-10/2024-12", "", ""},
      {"Dự án thi công trong 3 tháng.", "quantity", "3 tháng", "3", "tháng", ""},
      {"Đội đứng thứ 3 trong bảng xếp hạng.", "number", "3", "3", "", ""},
      {"Hỗ trợ gần 12 triệu đồng cho hội viên.", "money", "gần 12 triệu đồng", "12000000", "VND", "approx"},
      {"Vận động được trên 25.000.000 đồng.", "money", "trên 25.000.000 đồng", "25000000", "VND", "over"},
      {"Dự án có tổng vốn 2 tỷ 500 triệu đồng.", "money", "2 tỷ 500 triệu đồng", "2500000000", "VND", ""},
      {"Mỗi hộ nhận 1 triệu rưỡi đồng.", "money", "1 triệu rưỡi đồng", "1500000", "VND", ""},
      {"Quy mô nền kinh tế đạt 340,6 tỷ USD.", "money", "340,6 tỷ USD", "340600000000", "USD", ""},
      {"Giá bán từ 1,3 triệu đồng đến 5 triệu đồng.", "money", "từ 1,3 triệu đồng đến 5 triệu đồng",
       "1300000..5000000", "VND", "range"},
      {"Lương tăng 3-5 triệu đồng mỗi tháng.", "money", "3-5 triệu đồng", "3000000..5000000", "VND", "range"},
      {"Giá lúa ở mức 7.500 đồng/kg.", "money", "7.500 đồng/kg", "7500", "VND/kg", ""},
      {"Công ty tặng 1,2 triệu ly sữa.", "count", "1,2 triệu ly", "1200000", "ly", ""},
      {"Thủ tục được cắt giảm từ 20%-30% thời gian.", "percent", "từ 20%-30%", "20..30", "%", "range"},
      {"Kinh tế tăng trưởng 2,5-3% trong năm.", "percent", "2,5-3%", "2.5..3", "%", "range"},
      {"Tỷ lệ hộ nghèo giảm còn 4,5 phần trăm.", "percent", "4,5 phần trăm", "4.5", "%", ""},
      {"Mô hình có diện tích 2.500m2 mỗi hộ.", "quantity", "2.500m2", "2500", "m2", ""},
      {"Trồng mới 6ha chè xanh.", "quantity", "6ha", "6", "ha", ""},
      {"Thứ hai - 15/03/2021 09:30", "date", "Thứ hai - 15/03/2021", "2021-03-15", "", ""},
      {"Thứ hai - 15/03/2021 09:30", "time", "09:30", "09:30", "", ""},
      {"Cuộc họp bắt đầu lúc 14h30 chiều nay.", "time", "14h30 chiều", "14:30", "", ""},
      {"Đến 8 giờ tối, lực lượng chức năng đã có mặt.", "time", "8 giờ tối", "20:00", "", ""},
      {"Hội có hai mươi mốt hội viên.", "count", "hai mươi mốt hội viên", "21", "hội viên", ""},
      {"Trường có một trăm linh năm học sinh.", "count", "một trăm linh năm học sinh", "105", "học sinh", ""},
      {"Ông được thưởng ba mươi lăm nghìn đồng.", "money", "ba mươi lăm nghìn đồng", "35000", "VND", ""},
      {"Có hàng trăm người tham dự lễ hội.", "count", "hàng trăm người", "100", "người", "at_least"},
      {"Thiệt hại hàng nghìn tỷ đồng.", "money", "hàng nghìn tỷ đồng", "1000000000000", "VND", "at_least"},
      {"Báo cáo gửi 05 DN trên địa bàn.", "count", "05 DN", "5", "DN", ""},
      {"Giai đoạn 2021-2025 cần đầu tư mạnh.", "period", "Giai đoạn 2021-2025", "2021/2025", "", ""},
      {"Ca bệnh (SN 1985) đã được cách ly.", "date", "1985", "1985", "", ""},
      {"Khoản vay 999999999999999999999 tỷ đồng là không tưởng.", "money",
       "999999999999999999999 tỷ đồng", "999999999999999999999000000000", "VND", ""},
  };
  for (const Want& w : wants) {
    std::string text = w.text;
    CAPTURE(text);
    auto rs = testing::ExtractText(w.text);
    CHECK_MESSAGE(Has(rs, w), "want " << std::string(w.type) << " '" << std::string(w.match) << "'="
                                      << std::string(w.value) << "; got " << Show(rs));
  }
}

TEST_CASE("entities: the seed's names, roles, parents and one id per entity") {
  auto rs = testing::ExtractText(
      "Sáng ngày 06/10, Sở khoa học và Công nghệ (KH&CN) tỉnh Cao Bằng tổ chức hội nghị. Hội nghị có đồng chí "
      "Bế Đăng Khoa – Giám đốc Sở KH&CN. Mô hình tại xã Nguyễn Huệ, huyện Hòa An phối hợp với Đài truyền hình "
      "tỉnh. Sản phẩm của huyện Hoà An.");
  auto find = [&](std::string_view text) -> const Record* {
    for (const Record& r : rs) {
      if (r.text == text && IsEntity(r.type)) return &r;
    }
    return nullptr;
  };
  const Record* so = find("Sở khoa học và Công nghệ (KH&CN) tỉnh Cao Bằng");
  const Record* so_short = find("Sở KH&CN");
  const Record* khoa = find("Bế Đăng Khoa");
  const Record* xa = find("xã Nguyễn Huệ");
  const Record* hoa1 = find("huyện Hòa An");
  const Record* hoa2 = find("huyện Hoà An");
  const Record* dai = find("Đài truyền hình tỉnh");
  REQUIRE(so);
  REQUIRE(so_short);
  REQUIRE(khoa);
  REQUIRE(xa);
  REQUIRE(hoa1);
  REQUIRE(hoa2);
  REQUIRE(dai);
  CHECK(so->type == RecordType::kOrganization);
  CHECK(so->value == "Sở khoa học và Công nghệ tỉnh Cao Bằng");
  CHECK(so_short->canonical == so->canonical);
  CHECK(khoa->type == RecordType::kPerson);
  CHECK(khoa->role == "Giám đốc Sở KH&CN");
  CHECK(xa->parent == "huyện Hòa An");
  CHECK(hoa1->canonical == hoa2->canonical);
  CHECK(hoa2->value == "huyện Hòa An");
  CHECK(dai->value == "Đài truyền hình tỉnh");
}

TEST_CASE("no record for articles, names and the word 'năm'") {
  const char* nothing[] = {
      "Sở đã phân công một đồng chí trực tiếp chỉ đạo.",
      "Năm người đã đến dự.",
      "Dịch Covid-19 diễn biến phức tạp.",
      "Giống chè PH8 cho năng suất cao.",
  };
  for (const char* t : nothing) {
    std::string text = t;
    CAPTURE(text);
    auto rs = testing::ExtractText(t);
    CHECK_MESSAGE(rs.empty(), Show(rs));
  }
}

TEST_CASE("records are deterministic and offsets exact") {
  std::string text = "Trong 9 tháng, Sở hỗ trợ 95.000.000 đồng cho 04 doanh nghiệp; 57/57 TTHC trực tuyến.";
  auto a = testing::ExtractText(text);
  auto b = testing::ExtractText(text);
  REQUIRE(a.size() == b.size());
  REQUIRE(a.size() == 4);
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].text == b[i].text);
    CHECK(testing::Substr(text, a[i].start, a[i].end) == a[i].text);
    if (i > 0) CHECK(a[i].start >= a[i - 1].end);
  }
  CHECK(a[1].rule == std::string("money.currency"));
}

TEST_CASE("types filter and context option") {
  std::vector<Record> out;
  ExtractOptions o;
  o.types.reset();
  o.types.set(static_cast<size_t>(RecordType::kMoney));
  o.context = false;
  REQUIRE(testing::BuiltinExtractor().Extract("Có 3 người nhận 5 triệu đồng.", "d", o, &out).ok());
  REQUIRE(out.size() == 1);
  CHECK(out[0].type == RecordType::kMoney);
  CHECK(out[0].context.empty());
  CHECK(out[0].doc == "d");
}

// Every field of a record, as JSON Lines writes them.
std::string Line(const Record& r) {
  static std::ostringstream sink;
  RecordWriter w(sink, OutputFormat::kJsonLines, {});
  std::string out;
  w.Format(r, &out);
  return out + r.custom_type;
}

TEST_CASE("a RecordBatch reused document after document holds what a new vector holds") {
  // Documents of every kind of record, with fields long and short, one sentence longer than the
  // batch keeps the memory of, and one document without records: each extracted into the batch
  // in turn (its strings keep the last document's memory) must give the records a new vector gets.
  const std::string long_sentence = "Ông Nguyễn Văn An nhận 5 triệu đồng" + std::string(20000, '.') + " rồi đi.";
  const std::vector<std::string> docs = {
      "Theo Nghị quyết số 93/2021/NQ-HĐND ngày 10/12/2021 của HĐND tỉnh Cao Bằng, 17/24 hồ sơ đạt 70,5%.",
      "Sở Khoa học và Công nghệ (KH&CN) cấp 300 triệu đồng cho 45 nhiệm vụ trên 4ha.",
      "Không có gì.",
      "Có 999999999999999999999999999999999999999999 tỷ đồng vào hôm qua, lúc 15h30.",
      long_sentence,
      "Giám đốc Sở KH&CN Hà Thị Lụa cho biết 02 đảng viên được khen thưởng.",
      "Theo Nghị quyết số 93/2021/NQ-HĐND ngày 10/12/2021 của HĐND tỉnh Cao Bằng, 17/24 hồ sơ đạt 70,5%.",
  };
  RecordBatch batch;
  size_t total = 0;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& d : docs) {
      CAPTURE(d.substr(0, 60));
      std::vector<Record> fresh;
      ExtractInfo fresh_info, batch_info;
      REQUIRE(testing::BuiltinExtractor().Extract(d, "articles/2021/mot-bai-bao-dai.txt", {}, &fresh, &fresh_info).ok());
      batch.Clear();
      REQUIRE(testing::BuiltinExtractor().Extract(d, "articles/2021/mot-bai-bao-dai.txt", {}, &batch, &batch_info).ok());
      REQUIRE(batch.size() == fresh.size());
      for (size_t i = 0; i < fresh.size(); ++i) CHECK(Line(batch[i]) == Line(fresh[i]));
      CHECK(batch_info.sentences == fresh_info.sentences);
      total += fresh.size();
    }
  }
  CHECK(total > 40);  // (the documents do give records)
  // An invalid document leaves the batch as it was.
  batch.Clear();
  CHECK_FALSE(testing::BuiltinExtractor().Extract("Có 3 người \xFF", "x", {}, &batch).ok());
  CHECK(batch.empty());
}

TEST_CASE("RecordBatch::RemoveIf keeps the others in order, and Append resets a reused record") {
  RecordBatch b;
  for (int i = 0; i < 6; ++i) {
    Record& r = b.Append();
    r.start = static_cast<uint64_t>(i);
    r.value = std::to_string(i) + std::string(40, 'x');
    r.extra = {"a"};
    r.type = RecordType::kMoney;
  }
  b.RemoveIf([](const Record& r) { return r.start % 2 == 0; });
  REQUIRE(b.size() == 3);
  CHECK(b[0].start == 1);
  CHECK(b[1].start == 3);
  CHECK(b[2].start == 5);
  CHECK(b[2].value == "5" + std::string(40, 'x'));
  b.Clear();
  CHECK(b.empty());
  for (int i = 0; i < 6; ++i) {
    const Record& r = b.Append();
    CHECK(r.value.empty());
    CHECK(r.extra.empty());
    CHECK(r.start == 0);
    CHECK(r.type == RecordType::kNumber);
  }
}

TEST_CASE("invalid input is an error, not a crash") {
  std::vector<Record> out;
  Status s = testing::BuiltinExtractor().Extract("Có 3 người \xFF", "x", {}, &out);
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("at byte 15") != std::string::npos);
  CHECK(out.empty());
}

}  // namespace
}  // namespace vnextract

// DocView answers the first token of Match and MatchBefore inline and walks longer phrases out of
// line: both must give what the plain walk over every span gives, on every token of a text that
// holds phrases of many tables, line breaks and the document's ends.
namespace vnextract::internal {
namespace {

size_t ReferenceMatch(const std::vector<Token>& toks, std::string_view lower, const PhraseTable& table, size_t i,
                      const std::string** payload) {
  size_t best = 0;
  for (size_t e = i + 1; e <= toks.size() && e <= i + table.max_tokens(); ++e) {
    if (toks[e - 1].kind == TokenKind::kBreak) break;
    const PhraseTable::Entry* entry = table.Lookup(lower.substr(toks[i].b, toks[e - 1].e - toks[i].b));
    if (!entry) break;
    if (entry->kinds & PhraseTable::kKey) best = e - i, *payload = &entry->payload;
    if (!(entry->kinds & PhraseTable::kPrefix)) break;
  }
  return best;
}

size_t ReferenceMatchBefore(const std::vector<Token>& toks, std::string_view lower, const PhraseTable& table,
                            size_t end, const std::string** payload) {
  size_t best = 0;
  for (size_t b = end; b-- > 0 && end - b <= table.max_tokens();) {
    if (toks[b].kind == TokenKind::kBreak) break;
    const PhraseTable::Entry* entry = table.Lookup(lower.substr(toks[b].b, toks[end - 1].e - toks[b].b));
    if (!entry) break;
    if (entry->kinds & PhraseTable::kKey) best = end - b, *payload = &entry->payload;
    if (!(entry->kinds & PhraseTable::kSuffix)) break;
  }
  return best;
}

TEST_CASE("DocView::Match and MatchBefore agree with the plain walk on every token") {
  static const Rules rules = Rules::Builtin();
  const Lexicons& lex = rules.lexicons();
  NormalizedText t;
  Normalize("Hôm qua, Thủ tướng Chính phủ ban hành Nghị quyết số 93/2021/NQ-HĐND về 300 triệu đồng/kg,\n"
            "cùng kỳ năm trước khoảng hơn 2 tỷ USD; từ 3 đến 5 ngày công, 20 phần trăm, 1,5 mét vuông.\n\n"
            "Sáng nay lúc 9 giờ tối, $500 và 64/256 GB, tuần trước, năm ngoái chưa đến 10 đồng chí",
            &t);
  std::vector<Token> toks;
  Tokenize(t.norm, t.lower, lex, &toks);
  REQUIRE(toks.size() > 50);
  DocView v(t.norm, t.lower, toks, lex);
  const PhraseTable* tables[] = {&lex.currencies, &lex.units,      &lex.nouns,       &lex.relative_dates,
                                 &lex.qualifiers, &lex.range_words, &lex.legal_kinds, &lex.issuers,
                                 &lex.weekdays,   &lex.parts_of_day, &lex.year_words,  &lex.number_words};
  size_t found = 0;
  for (const PhraseTable* table : tables) {
    for (size_t i = 0; i <= toks.size() + 1; ++i) {
      CAPTURE(i);
      const std::string* got = nullptr;
      const std::string* want = nullptr;
      size_t n = v.Match(*table, i, &got);
      CHECK(n == (i < toks.size() && toks[i].kind != TokenKind::kBreak ? ReferenceMatch(toks, t.lower, *table, i, &want) : 0));
      CHECK(got == want);
      found += n > 0;
      if (i > toks.size()) continue;
      got = want = nullptr;
      n = v.MatchBefore(*table, i, &got);
      CHECK(n == (i > 0 ? ReferenceMatchBefore(toks, t.lower, *table, i, &want) : 0));
      CHECK(got == want);
      found += n > 0;
    }
  }
  CHECK(found > 20);  // the text does hold phrases of these tables
}

}  // namespace
}  // namespace vnextract::internal
