#include "vnextract/writer.h"

#include <doctest/doctest.h>

#include <algorithm>
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
