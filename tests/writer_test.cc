#include "vnextract/writer.h"

#include <doctest/doctest.h>

#include "util/plain_sentence.h"

#include <algorithm>
#include <random>
#include <sstream>

namespace vnextract {
namespace {

Record Sample() {
  Record r;
  r.doc = "a.txt";
  r.type = RecordType::kMoney;
  r.text = "300 triệu đồng";
  r.value = "300000000";
  r.unit = "VND";
  r.start = 5;
  r.end = 19;
  r.rule = "money.scale_currency";
  r.context = "Hỗ trợ \"DN\", 300 triệu đồng";
  return r;
}

TEST_CASE("a context is copied as it is exactly when its bytes need no cleaning") {
  // The byte-at-a-time rule IsPlainSentence replaces (eight bytes at a time): no control
  // character, no two spaces in a row, no lead byte of a non-ASCII blank.
  auto slow = [](std::string_view raw) {
    for (size_t i = 0; i < raw.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(raw[i]);
      if (c < 0x20 || (c == ' ' && i + 1 < raw.size() && raw[i + 1] == ' ') || c == 0xC2 || c == 0xE2 || c == 0xE3 ||
          c == 0xEF) {
        return false;
      }
    }
    return true;
  };
  CHECK(internal::IsPlainSentence("Tổng vốn là 300 triệu đồng."));
  CHECK_FALSE(internal::IsPlainSentence("Tổng vốn  là 300 triệu đồng."));
  CHECK(internal::IsPlainSentence("12345678 9"));                         // one space
  CHECK_FALSE(internal::IsPlainSentence("1234567  9"));                   // two spaces across 8 bytes
  CHECK_FALSE(internal::IsPlainSentence("300\xC2\xA0triệu"));             // NBSP
  const unsigned char kBytes[] = {'a', ' ', ' ', '\t', '\n', 0x1F, 0x20, 0x7F, 0x80, 0xC2, 0xC3, 0xE1, 0xE2, 0xE3, 0xEF, 0xA0, 0xBB};
  std::mt19937 rng(7);
  int plain = 0;
  for (int n = 0; n < 100000; ++n) {
    std::string s(rng() % 40, 'a');
    for (char& c : s) c = rng() % 3 ? 'a' : static_cast<char>(kBytes[rng() % sizeof kBytes]);
    REQUIRE(internal::IsPlainSentence(s) == slow(s));
    plain += slow(s);
  }
  CHECK(plain > 1000);
  CHECK(plain < 99000);
}

TEST_CASE("CSV follows RFC 4180 and can carry a BOM") {
  std::ostringstream os;
  RecordWriter w(os, OutputFormat::kCsv, {true, true, {}});
  w.Begin();
  w.Write(Sample());
  w.End();
  std::string s = os.str();
  CHECK(s.rfind("\xEF\xBB\xBF" "doc,type,text,value,value_to,unit,qualifier,numerator,denominator,role,parent,canonical,resolved,note,kind,number,year,issuer_code,issuer,issued,start,end,sentence,rule,context\r\n", 0) == 0);
  CHECK(s.find("a.txt,money,300 triệu đồng,300000000,,VND,,,,,,,,,,,,,,,5,19,0,money.scale_currency,\"Hỗ trợ \"\"DN\"\", 300 triệu đồng\"\r\n") != std::string::npos);
}

TEST_CASE("JSON Lines writes exact numbers unquoted and dates quoted") {
  std::ostringstream os;
  RecordWriter w(os, OutputFormat::kJsonLines, {false, false, {}});
  w.Begin();
  Record r = Sample();
  r.value = "999999999999999999999000000000";
  w.Write(r);
  Record d;
  d.type = RecordType::kDate;
  d.value = "--10-06";
  d.text = "ngày 06/10";
  w.Write(d);
  w.End();
  std::string s = os.str();
  CHECK(s.find("\"value\":999999999999999999999000000000,\"value_to\":null") != std::string::npos);
  CHECK(s.find("\"value\":\"--10-06\"") != std::string::npos);
  CHECK(s.find("context") == std::string::npos);
  CHECK(std::count(s.begin(), s.end(), '\n') == 2);
}

TEST_CASE("JSON Lines carries the schema 3 fields: resolved, note and the legal_ref parts") {
  std::ostringstream os;
  RecordWriter w(os, OutputFormat::kJsonLines, {false, false, {}});
  Record r;
  r.doc = "a.txt";
  r.type = RecordType::kLegalRef;
  r.text = "Quyết định số 844/QĐ-TTg";
  r.value = "844/QĐ-TTg";
  r.kind = "Quyết định";
  r.number = "844";
  r.issuer_code = "QĐ-TTg";
  r.issuer = "Thủ tướng Chính phủ";
  r.issued = "2016-05-18";
  w.Begin();
  w.Write(r);
  Record p;
  p.type = RecordType::kPeriod;
  p.value = "2016/2021-04-12";
  p.resolved = "relative";
  p.note = "open_end";
  w.Write(p);
  w.End();
  std::string s = os.str();
  CHECK(s.find("\"type\":\"legal_ref\"") != std::string::npos);
  CHECK(s.find("\"kind\":\"Quyết định\",\"number\":\"844\",\"year\":\"\",\"issuer_code\":\"QĐ-TTg\","
               "\"issuer\":\"Thủ tướng Chính phủ\",\"issued\":\"2016-05-18\"") != std::string::npos);
  CHECK(s.find("\"type\":\"period\"") != std::string::npos);
  CHECK(s.find("\"value\":\"2016/2021-04-12\",\"value_to\":null") != std::string::npos);
  CHECK(s.find("\"resolved\":\"relative\",\"note\":\"open_end\"") != std::string::npos);
}

TEST_CASE("JSON is one array; TSV flattens tabs") {
  std::ostringstream js, ts;
  RecordWriter j(js, OutputFormat::kJson, {});
  j.Begin();
  j.End();
  CHECK(js.str() == "[]\n");
  RecordWriter t(ts, OutputFormat::kTsv, {});
  t.Begin();
  Record r = Sample();
  r.context = "a\tb\nc";
  t.Write(r);
  t.End();
  CHECK(ts.str().find("\ta b c\n") != std::string::npos);
}

}  // namespace
}  // namespace vnextract
