#include "vnextract/writer.h"

#include <doctest/doctest.h>

#include "decode/utf8.h"
#include "util/plain_sentence.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <limits>
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
  // What the context does to a sentence (SentenceContext in extractor.cc): every run of blanks
  // becomes one space, none at the ends.
  auto clean = [](std::string_view raw) {
    std::string out;
    bool blank = false;
    for (size_t i = 0; i < raw.size();) {
      size_t start = i;
      char32_t c = internal::NextCodePoint(raw, &i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F ||
          c == 0x3000 || c == 0xFEFF) {
        blank = true;
        continue;
      }
      if (blank && !out.empty()) out.push_back(' ');
      blank = false;
      out.append(raw.substr(start, i - start));
    }
    return out;
  };
  // The byte-at-a-time rule IsPlainSentence implements sixteen bytes at a time: no control
  // character, no two spaces in a row, none of the byte sequences of a blank beyond ASCII.
  auto slow = [](std::string_view raw) {
    auto at = [&](size_t i) { return i < raw.size() ? static_cast<unsigned char>(raw[i]) : 0; };
    for (size_t i = 0; i < raw.size(); ++i) {
      unsigned char a = at(i), b = at(i + 1), c = at(i + 2);
      if (a < 0x20 || (a == ' ' && b == ' ') || (a == 0xC2 && b == 0xA0) ||
          (a == 0xE2 && b == 0x80 && ((c >= 0x80 && c <= 0x8B) || c == 0xAF)) || (a == 0xE3 && b == 0x80 && c == 0x80) ||
          (a == 0xEF && b == 0xBB && c == 0xBF)) {
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
  CHECK(internal::IsPlainSentence("Ông nói: \xE2\x80\x9C" "Có 300 triệu đồng\xE2\x80\x9D \xE2\x80\x93 thế\xE2\x80\xA6"));  // “ ” – …
  CHECK_FALSE(internal::IsPlainSentence("Có 300 triệu đồng và \xE2\x80\x89 4ha"));  // U+2009 thin space
  CHECK_FALSE(internal::IsPlainSentence("Có 300 triệu đồng và 4ha đất\xE2\x80\xAF, 5ha"));  // U+202F, in the last 16 bytes
  CHECK_FALSE(internal::IsPlainSentence("Có 300 triệu đồng và 4ha\xE3\x80\x80"));  // U+3000
  CHECK_FALSE(internal::IsPlainSentence("Có 300 triệu\xEF\xBB\xBF đồng và 4ha đất rừng"));  // U+FEFF
  // Random byte strings built from the bytes that matter, with the sequences that make blanks
  // and those that only begin like them: the fast rule is the slow one, and a sentence it calls
  // plain is its own context.
  const std::vector<std::string> kPieces = {
      "a", "a", "a", "a", " ", "  ", "\t", "\n", "\x1F", "\x7F", "\xC3\xA0", "\xC2\xA0", "\xC2\xA9", "\xE1\xBA\xA1",
      "\xE2\x80\x80", "\xE2\x80\x8B", "\xE2\x80\x8C", "\xE2\x80\x93", "\xE2\x80\x9C", "\xE2\x80\xA6", "\xE2\x80\xAF",
      "\xE2\x81\x9F", "\xE3\x80\x80", "\xE3\x80\x81", "\xEF\xBB\xBF", "\xEF\xBC\x8C"};
  const std::vector<std::string> kCut = {"\xE2", "\xE2\x80", "\xEF\xBB", "\x80", "\xBF"};  // pieces of sequences
  std::mt19937 rng(7);
  int plain = 0, checked = 0;
  for (int n = 0; n < 100000; ++n) {
    std::string s;
    const bool valid = n % 2 == 0;  // valid UTF-8, or with pieces of sequences mixed in
    const size_t pieces = rng() % 30;
    for (size_t k = 0; k < pieces; ++k) {
      s += valid || rng() % 4 ? kPieces[rng() % kPieces.size()] : kCut[rng() % kCut.size()];
    }
    REQUIRE(internal::IsPlainSentence(s) == slow(s));
    plain += slow(s);
    // (a sentence never begins or ends with a blank)
    if (valid && !s.empty() && s.front() != ' ' && s.back() != ' ' && internal::IsPlainSentence(s)) {
      REQUIRE(clean(s) == s);
      ++checked;
    }
  }
  CHECK(checked > 1000);
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

// The writers' rules written the plain way, one byte and one field at a time: the fast
// writers must give the same bytes.
std::string RefJsonString(std::string_view s) {
  std::string o = "\"";
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u == '"') o += "\\\"";
    else if (u == '\\') o += "\\\\";
    else if (u == '\n') o += "\\n";
    else if (u == '\r') o += "\\r";
    else if (u == '\t') o += "\\t";
    else if (u < 0x20) {
      char esc[8];
      std::snprintf(esc, sizeof esc, "\\u%04x", u);
      o += esc;
    } else {
      o += c;
    }
  }
  return o + "\"";
}

std::string RefJsonRecord(const Record& r, const WriterOptions& options, bool lines) {
  bool numeric = HasNumericValue(r.type);
  auto number = [](const std::string& s) { return s.empty() ? std::string("null") : s; };
  std::vector<std::pair<std::string, std::string>> kv = {
      {"doc", RefJsonString(r.doc)},
      {"type", "\"" + std::string(TypeName(r)) + "\""},  // as it is: user types are identifiers
      {"text", RefJsonString(r.text)},
      {"value", numeric ? number(r.value) : RefJsonString(r.value)},
      {"value_to", numeric || r.value_to.empty() ? number(r.value_to) : RefJsonString(r.value_to)},
      {"unit", RefJsonString(r.unit)},
      {"qualifier", RefJsonString(r.qualifier)},
      {"numerator", number(r.numerator)},
      {"denominator", number(r.denominator)},
      {"role", RefJsonString(r.role)},
      {"parent", RefJsonString(r.parent)},
      {"canonical", RefJsonString(r.canonical)},
      {"resolved", RefJsonString(r.resolved)},
      {"note", RefJsonString(r.note)},
      {"kind", RefJsonString(r.kind)},
      {"number", RefJsonString(r.number)},
      {"year", RefJsonString(r.year)},
      {"issuer_code", RefJsonString(r.issuer_code)},
      {"issuer", RefJsonString(r.issuer)},
      {"issued", RefJsonString(r.issued)},
      {"start", std::to_string(r.start)},
      {"end", std::to_string(r.end)},
      {"sentence", std::to_string(r.sentence)},
      {"rule", RefJsonString(r.rule)},
  };
  if (options.context) kv.emplace_back("context", RefJsonString(r.context));
  std::string o = "{";
  for (size_t i = 0; i < kv.size(); ++i) o += (i ? ",\"" : "\"") + kv[i].first + "\":" + kv[i].second;
  for (size_t k = 0; k < options.extra_columns.size(); ++k) {
    o += "," + RefJsonString(options.extra_columns[k]) + ":" + RefJsonString(k < r.extra.size() ? r.extra[k] : "");
  }
  return o + (lines ? "}\n" : "}");
}

std::string RefTableRecord(const Record& r, const WriterOptions& options, bool csv) {
  std::vector<std::string> f = {r.doc, std::string(TypeName(r)), r.text, r.value, r.value_to, r.unit, r.qualifier,
                                r.numerator, r.denominator, r.role, r.parent, r.canonical, r.resolved, r.note, r.kind,
                                r.number, r.year, r.issuer_code, r.issuer, r.issued, std::to_string(r.start),
                                std::to_string(r.end), std::to_string(r.sentence), r.rule};
  if (options.context) f.push_back(r.context);
  for (size_t k = 0; k < options.extra_columns.size(); ++k) f.push_back(k < r.extra.size() ? r.extra[k] : "");
  std::string o;
  for (size_t i = 0; i < f.size(); ++i) {
    if (i) o += csv ? ',' : '\t';
    if (csv && f[i].find_first_of(",\"\r\n") != std::string::npos) {
      o += '"';
      for (char c : f[i]) o += c == '"' ? std::string("\"\"") : std::string(1, c);
      o += '"';
    } else if (csv) {
      o += f[i];
    } else {
      for (char c : f[i]) o += c == '\t' || c == '\n' || c == '\r' ? ' ' : c;
    }
  }
  return o + (csv ? "\r\n" : "\n");
}

// A string of length `n` from Vietnamese text and, now and then, bytes that need an escape or
// some care (quotes, control characters, DEL, separators), at any position.
std::string RandomString(std::mt19937& rng, size_t n) {
  static const std::vector<std::string> kPieces = {"a", "Z", "1", " ", "ệ", "đ", "“", "\xC2\xA0", "\"", "\\", "\n",
                                                   "\r", "\t", "\x01", "\x1F", "\x7F", ",", "/", "\xFF"};
  std::string s;
  bool plain = rng() % 3 == 0;  // many strings need no escape: the fast path's case
  while (s.size() < n) s += kPieces[plain ? rng() % 7 : rng() % kPieces.size()];
  s.resize(n);  // may cut a UTF-8 sequence: the writers copy bytes as they are
  return s;
}

std::string RandomField(std::mt19937& rng) {
  static const size_t kLengths[] = {0, 0, 0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 64, 100, 300};
  return RandomString(rng, kLengths[rng() % (sizeof kLengths / sizeof kLengths[0])]);
}

uint64_t RandomNumber(std::mt19937_64& rng) {
  static const uint64_t kNumbers[] = {0, 1, 9, 10, 99, 100, 12345, 999999, 1000000, 4294967295ULL,
                                      std::numeric_limits<uint64_t>::max()};
  return rng() % 2 ? kNumbers[rng() % (sizeof kNumbers / sizeof kNumbers[0])] : rng() >> (rng() % 64);
}

TEST_CASE("JSON strings escape exactly the bytes JSON requires, at every position and length") {
  // FormatRow writes a JSON string of each value: every byte value at every position of
  // strings of 1 to 40 bytes (the fast paths change at 4, 8, 16 and 32 bytes).
  for (size_t n = 1; n <= 40; ++n) {
    for (size_t pos = 0; pos < n; ++pos) {
      for (int b = 0; b < 256; ++b) {
        std::string s(n, 'x');
        s[pos] = static_cast<char>(b);
        std::string out;
        FormatRow(OutputFormat::kJsonLines, {"k"}, {s}, {false}, &out);
        REQUIRE(out == "{\"k\":" + RefJsonString(s) + "}\n");
      }
    }
  }
  std::string out;
  FormatRow(OutputFormat::kJson, {"a", "b", "n"}, {"", "\"\\\"", ""}, {false, false, true}, &out);
  CHECK(out == "{\"a\":\"\",\"b\":\"\\\"\\\\\\\"\",\"n\":null}");
}

TEST_CASE("records are written as the plain rules say, in every format") {
  std::mt19937 rng(11);
  std::mt19937_64 rng64(13);
  const RecordType kTypes[] = {RecordType::kMoney, RecordType::kDate, RecordType::kPerson, RecordType::kLegalRef,
                               RecordType::kRatio, RecordType::kCustom};
  std::vector<std::string> contexts;  // records of one sentence share a context: repeat them
  for (int i = 0; i < 6; ++i) contexts.push_back(RandomField(rng));
  contexts.push_back(RandomString(rng, 2000));
  for (int variant = 0; variant < 4; ++variant) {
    WriterOptions options;
    options.context = variant != 1;
    if (variant >= 2) options.extra_columns = {"url", "tác \"giả\"\n", ""};
    for (OutputFormat format : {OutputFormat::kJsonLines, OutputFormat::kJson, OutputFormat::kCsv, OutputFormat::kTsv}) {
      RecordWriter w(std::cout, format, options);  // Format writes nothing to the stream
      for (int n = 0; n < 3000; ++n) {
        Record r;
        r.type = kTypes[rng() % (sizeof kTypes / sizeof kTypes[0])];
        if (r.type == RecordType::kCustom) r.custom_type = rng() % 2 ? "project_code" : RandomField(rng);
        for (std::string* f : {&r.doc, &r.text, &r.value, &r.value_to, &r.unit, &r.qualifier, &r.numerator,
                               &r.denominator, &r.role, &r.parent, &r.canonical, &r.resolved, &r.note, &r.kind,
                               &r.number, &r.year, &r.issuer_code, &r.issuer, &r.issued, &r.rule}) {
          if (rng() % 2) *f = RandomField(rng);
        }
        r.start = RandomNumber(rng64);
        r.end = RandomNumber(rng64);
        r.sentence = static_cast<uint32_t>(RandomNumber(rng64));
        r.context = contexts[rng() % contexts.size()];
        if (rng() % 4 == 0) r.context = RandomField(rng);
        size_t extras = rng() % 4;  // fewer or more values than columns
        for (size_t k = 0; k < extras; ++k) r.extra.push_back(RandomField(rng));
        std::string out = "[", expected = "[";  // Format appends
        w.Format(r, &out);
        if (format == OutputFormat::kJsonLines || format == OutputFormat::kJson) {
          expected += RefJsonRecord(r, options, format == OutputFormat::kJsonLines);
        } else {
          expected += RefTableRecord(r, options, format == OutputFormat::kCsv);
        }
        REQUIRE(out == expected);
      }
    }
  }
}

}  // namespace
}  // namespace vnextract
