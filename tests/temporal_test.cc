// Calendar arithmetic and the resolution of dates and periods against a reference date:
// leap years, year boundaries, weekdays, ISO weeks, the three sources of the reference date.
#include <doctest/doctest.h>

#include "extract/calendar.h"
#include "test_util.h"

namespace vnextract {
namespace {

using internal::CivilFromDays;
using internal::DaysFromCivil;
using internal::IsoWeek;
using internal::IsValidDate;
using internal::Weekday;
using testing::ExtractText;

ExtractOptions On(const char* iso) {
  ExtractOptions o;
  o.reference_date = ParseIsoDate(iso);
  REQUIRE(o.reference_date);
  return o;
}

// The first record of `type` whose text is `text`; fails the test when there is none.
Record Find(const std::vector<Record>& rs, RecordType type, const std::string& text) {
  for (const Record& r : rs) {
    if (r.type == type && r.text == text) return r;
  }
  std::string got;
  for (const Record& r : rs) got += std::string(RecordTypeName(r.type)) + " '" + r.text + "' ";
  FAIL("no " << RecordTypeName(type) << " '" << text << "'; got " << got);
  return {};
}

TEST_CASE("calendar: leap years, days, weekdays, ISO weeks") {
  CHECK(IsValidDate(29, 2, 2024));
  CHECK_FALSE(IsValidDate(29, 2, 2023));
  CHECK_FALSE(IsValidDate(29, 2, 1900));
  CHECK(IsValidDate(29, 2, 2000));
  CHECK_FALSE(IsValidDate(31, 4, 2021));
  CHECK_FALSE(IsValidDate(0, 1, 2021));
  CHECK(DaysFromCivil(1970, 1, 1) == 0);
  CHECK(DaysFromCivil(2000, 3, 1) - DaysFromCivil(2000, 2, 28) == 2);
  internal::Civil c = CivilFromDays(DaysFromCivil(2024, 2, 29) + 1);
  CHECK((c.y == 2024 && c.m == 3 && c.d == 1));
  CHECK(Weekday(2021, 4, 12) == 1);  // Thứ hai - 12/04/2021
  CHECK(Weekday(2023, 10, 6) == 5);
  CHECK(Weekday(2000, 1, 1) == 6);
  int wy, w;
  IsoWeek(2021, 1, 3, &wy, &w);  // a Sunday that belongs to 2020's last week
  CHECK((wy == 2020 && w == 53));
  IsoWeek(2024, 12, 30, &wy, &w);  // a Monday in week 1 of 2025
  CHECK((wy == 2025 && w == 1));
  IsoWeek(2023, 10, 6, &wy, &w);
  CHECK((wy == 2023 && w == 40));
}

TEST_CASE("ParseIsoDate takes YYYY-MM-DD and YYYYMMDD, and only real dates") {
  CHECK(ParseIsoDate("2023-10-06"));
  CHECK(ParseIsoDate("20201001"));
  CHECK_FALSE(ParseIsoDate("2023-02-29"));
  CHECK_FALSE(ParseIsoDate("2023-13-01"));
  CHECK_FALSE(ParseIsoDate("06/10/2023"));
  CHECK_FALSE(ParseIsoDate(""));
}

TEST_CASE("a date without a year takes it from the reference date, across year ends") {
  Record r = Find(ExtractText("Sáng ngày 06/10, Sở tổ chức hội nghị.", On("2023-10-20")), RecordType::kDate, "ngày 06/10");
  CHECK(r.value == "2023-10-06");
  CHECK(r.resolved == "inferred");
  // Written in early January about late December: last year.
  r = Find(ExtractText("Ngày 28/12, Sở tổ chức tổng kết.", On("2024-01-05")), RecordType::kDate, "Ngày 28/12");
  CHECK(r.value == "2023-12-28");
  // Written in late December about early January: next year.
  r = Find(ExtractText("Ngày 5/1, Sở sẽ tổ chức hội nghị.", On("2023-12-28")), RecordType::kDate, "Ngày 5/1");
  CHECK(r.value == "2024-01-05");
  // 29/2 in a reference year that is not a leap year: the leap year in the window, else none.
  r = Find(ExtractText("Ngày 29/2, đoàn kiểm tra làm việc tại huyện.", On("2024-05-01")), RecordType::kDate,
           "Ngày 29/2");
  CHECK(r.value == "2024-02-29");
  r = Find(ExtractText("Ngày 29/2, đoàn kiểm tra làm việc tại huyện.", On("2023-05-01")), RecordType::kDate,
           "Ngày 29/2");
  CHECK(r.value == "--02-29");
  CHECK(r.resolved == "unresolved");
  // No reference date at all.
  r = Find(ExtractText("Sáng ngày 06/10, Sở tổ chức hội nghị."), RecordType::kDate, "ngày 06/10");
  CHECK(r.value == "--10-06");
  CHECK(r.resolved == "unresolved");
  // A full date is as written.
  r = Find(ExtractText("Ngày 12/04/2021, Sở tổ chức hội nghị.", On("2023-10-20")), RecordType::kDate, "Ngày 12/04/2021");
  CHECK(r.value == "2021-04-12");
  CHECK(r.resolved == "");
}

TEST_CASE("impossible dates are not dates") {
  for (const char* s : {"Ngày 31/02 không có trong lịch.", "Mã 00/13 được in trên bao bì.", "Ngày 30/2/2021 là sai."}) {
    CAPTURE(s);
    CHECK(testing::OfType(ExtractText(s), RecordType::kDate).empty());
  }
}

TEST_CASE("the weekday written before a date is checked") {
  Record r = Find(ExtractText("Thứ hai - 12/04/2021 15:58"), RecordType::kDate, "Thứ hai - 12/04/2021");
  CHECK(r.note == "");
  r = Find(ExtractText("Thứ ba - 12/04/2021 15:58"), RecordType::kDate, "Thứ ba - 12/04/2021");
  CHECK(r.note == "weekday_mismatch");
  // Checked after the year is inferred: 3/7/2021 was a Saturday.
  r = Find(ExtractText("Vào thứ Bảy, ngày 3/7, đoàn công tác đến thăm xã.", On("2021-07-10")), RecordType::kDate,
           "thứ Bảy, ngày 3/7");
  CHECK(r.value == "2021-07-03");
  CHECK(r.note == "");
  // An ordinal is no weekday.
  r = Find(ExtractText("Đại hội lần thứ hai, ngày 12/4/2021, đã thành công."), RecordType::kDate, "ngày 12/4/2021");
  CHECK(r.note == "");
}

TEST_CASE("relative dates resolve against the reference date, and are kept without one") {
  std::vector<Record> rs = ExtractText(
      "Hôm qua, UBND tỉnh họp. Tuần trước, đoàn đã khảo sát. Năm ngoái, doanh thu tăng so với cùng kỳ năm trước. "
      "Cách đây 2 tháng, dự án khởi công.",
      On("2023-10-06"));
  CHECK(Find(rs, RecordType::kDate, "Hôm qua").value == "2023-10-05");
  CHECK(Find(rs, RecordType::kDate, "Hôm qua").note == "offset=-1d");
  CHECK(Find(rs, RecordType::kDate, "Tuần trước").value == "2023-W39");
  CHECK(Find(rs, RecordType::kDate, "Năm ngoái").value == "2022");
  CHECK(Find(rs, RecordType::kDate, "cùng kỳ năm trước").value == "2022");
  CHECK(Find(rs, RecordType::kDate, "Cách đây 2 tháng").value == "2023-08");
  CHECK(Find(rs, RecordType::kDate, "Hôm qua").resolved == "relative");
  // Across a year end: yesterday of 1 January.
  CHECK(Find(ExtractText("Hôm qua, tỉnh đón đoàn khách.", On("2024-01-01")), RecordType::kDate, "Hôm qua").value ==
        "2023-12-31");
  // Tháng trước in January is December of the year before.
  CHECK(Find(ExtractText("Tháng trước, tỉnh thu hút 3 dự án.", On("2024-01-15")), RecordType::kDate, "Tháng trước").value ==
        "2023-12");
  Record r = Find(ExtractText("Hôm qua, UBND tỉnh họp."), RecordType::kDate, "Hôm qua");
  CHECK(r.value == "");
  CHECK(r.resolved == "unresolved");
  CHECK(r.note == "offset=-1d");
  // Not relative to the time of writing.
  for (const char* s : {"Đã 5 năm nay, xã chưa có đường.", "Những năm trước, xã còn nghèo.", "Năm sau đó, xã về đích."}) {
    CAPTURE(s);
    CHECK(testing::OfType(ExtractText(s, On("2023-10-06")), RecordType::kDate).empty());
  }
}

TEST_CASE("periods are ISO 8601 intervals") {
  ExtractOptions ref = On("2023-10-06");
  CHECK(Find(ExtractText("Trong 9 tháng đầu năm 2023, Sở hoàn thành 45 nhiệm vụ."), RecordType::kPeriod,
             "9 tháng đầu năm 2023").value == "2023-01/2023-09");
  CHECK(Find(ExtractText("Kết quả quý III/2023 khả quan."), RecordType::kPeriod, "quý III/2023").value ==
        "2023-07/2023-09");
  Record r = Find(ExtractText("Nhiệm vụ 3 tháng cuối năm được triển khai.", ref), RecordType::kPeriod, "3 tháng cuối năm");
  CHECK(r.value == "2023-10/2023-12");
  CHECK(r.resolved == "inferred");
  r = Find(ExtractText("Nhiệm vụ 3 tháng cuối năm được triển khai."), RecordType::kPeriod, "3 tháng cuối năm");
  CHECK(r.value == "--10/--12");
  CHECK(r.resolved == "unresolved");
  r = Find(ExtractText("Từ năm 2016 đến nay, tỉnh xây 30 cầu.", ref), RecordType::kPeriod, "Từ năm 2016 đến nay");
  CHECK(r.value == "2016/2023-10-06");
  CHECK(r.note == "open_end");
  r = Find(ExtractText("Từ năm 2016 đến nay, tỉnh xây 30 cầu."), RecordType::kPeriod, "Từ năm 2016 đến nay");
  CHECK(r.value == "2016/..");
  CHECK(r.resolved == "unresolved");
  // Across a year end: the start goes back a year.
  r = Find(ExtractText("Từ ngày 20/12 đến ngày 5/1, tỉnh tổ chức hội chợ.", On("2024-01-10")), RecordType::kPeriod,
           "Từ ngày 20/12 đến ngày 5/1");
  CHECK(r.value == "2023-12-20/2024-01-05");
  r = Find(ExtractText("Trong 3 ngày qua, tỉnh ghi nhận 12 ca mắc.", ref), RecordType::kPeriod, "3 ngày qua");
  CHECK(r.value == "2023-10-03/2023-10-06");
  CHECK(r.note == "last=3d");
  CHECK(Find(ExtractText("Giai đoạn 2021-2025, tỉnh đầu tư 12 dự án."), RecordType::kPeriod, "Giai đoạn 2021-2025").value ==
        "2021/2025");
}

TEST_CASE("the reference date: --date, then the header, then the dateline") {
  const char* header = "# doc_id = a\n# date = 20201001\nSáng 06/10, tỉnh họp về 45 nhiệm vụ.\n";
  Record r = Find(ExtractText(header), RecordType::kDate, "06/10");
  CHECK(r.value == "2020-10-06");
  // The header is metadata: nothing from it is a record.
  for (const Record& x : ExtractText(header)) CHECK(x.start > 30);
  r = Find(ExtractText(header, On("2022-01-01")), RecordType::kDate, "06/10");
  CHECK(r.value == "2021-10-06");
  const char* dateline = "Hội nghị tổng kết\nThứ hai - 12/04/2021 15:58\nSáng 06/04, tỉnh họp.\n";
  r = Find(ExtractText(dateline), RecordType::kDate, "06/04");
  CHECK(r.value == "2021-04-06");
  CHECK(r.resolved == "inferred");
  // A full date inside a long sentence is no dateline.
  r = Find(ExtractText("Ngày 12/04/2021, tỉnh tổ chức hội nghị tổng kết công tác năm với nhiều nội dung. Sáng 06/04, tỉnh họp."),
           RecordType::kDate, "06/04");
  CHECK(r.resolved == "unresolved");
}

}  // namespace
}  // namespace vnextract
