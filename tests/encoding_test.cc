// Legacy encodings: the fixtures in tests/fixtures/encodings/ (one article written in every
// encoding by independent tools, see the README there), detection, errors, and every letter
// through every table.
#include <doctest/doctest.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <random>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "decode/legacy.h"
#include "decode/utf8.h"
#include "rules/lexicon.h"
#include "vnextract/rules.h"

namespace vnextract::internal {
namespace {

using namespace std::string_literals;

const LegacyTables& Tables() { return *Rules::Builtin().lexicons().legacy; }

std::string Nfc(std::string_view s) {
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString u = icu::Normalizer2::getNFCInstance(err)->normalize(icu::UnicodeString::fromUTF8(s), err);
  std::string out;
  u.toUTF8String(out);
  return out;
}

TEST_CASE("CountViqrMarks, sixteen bytes at a time, counts what the byte loop counts") {
  // The byte loop DetectEncoding ran before: a mark character, or "dd" of either case counted at
  // its first byte; lead bytes from 0xC0.
  auto slow = [](std::string_view s) {
    ViqrMarkCount c;
    auto is_d = [](char x) { return x == 'd' || x == 'D'; };
    for (size_t k = 0; k < s.size(); ++k) {
      const char x = s[k];
      c.marks += std::string_view("'`?~.^(+-").find(x) != std::string_view::npos;
      c.marks += k + 1 < s.size() && is_d(x) && is_d(s[k + 1]);
      c.leads += static_cast<unsigned char>(x) >= 0xC0;
    }
    return c;
  };
  const std::string kBytes = "'`?~.^(+-dDdDaA /\\\x00\x7F\x80\xBF\xC0\xC3\xE1\xFF"s;  // (s: the NUL is one of them)
  std::mt19937 rng(11);
  for (int n = 0; n < 20000; ++n) {
    // lengths around the 16-byte chunks and past the 255 chunks a lane counts before it is added up
    const size_t len = n % 50 == 0 ? 4000 + rng() % 200 : rng() % 70;
    std::string s(len, 'a');
    for (char& c : s) c = rng() % 3 ? kBytes[rng() % kBytes.size()] : 'a';
    ViqrMarkCount fast = CountViqrMarks(s), want = slow(s);
    REQUIRE(fast.marks == want.marks);
    REQUIRE(fast.leads == want.leads);
  }
  const std::string dd(5000, 'd');  // every byte but the last starts a pair
  CHECK(CountViqrMarks(dd).marks == 4999);
  CHECK(CountViqrMarks("Hà Nội, ngày 12.").leads == 3);
}

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(VNEXTRACT_SOURCE_DIR) + "/tests/fixtures/encodings/" + name, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing fixture " << name);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Convert(std::string_view bytes, Encoding enc) {
  std::string out;
  Status s = ConvertToUtf8(bytes, enc, Tables(), &out);
  REQUIRE_MESSAGE(s.ok(), s.message());
  return out;
}

std::string ErrorOf(std::string_view bytes, Encoding enc) {
  std::string out;
  Status s = ConvertToUtf8(bytes, enc, Tables(), &out);
  return s.ok() ? "ok" : s.message();
}

Encoding Detect(std::string_view bytes) {
  std::string why;
  Encoding e = DetectEncoding(bytes, Tables(), &why);
  MESSAGE(EncodingName(e) << ": " << why);
  return e;
}

struct FixtureCase {
  const char* file;
  Encoding enc;
};
constexpr FixtureCase kFixtures[] = {
    {"article.utf8.txt", Encoding::kUtf8},           {"article.utf16le.txt", Encoding::kUtf16},
    {"article.utf16be.txt", Encoding::kUtf16},       {"article.cp1258.txt", Encoding::kWindows1258},
    {"article.tcvn3.txt", Encoding::kTcvn3},         {"article.vni.txt", Encoding::kVni},
    {"article.viqr.txt", Encoding::kViqr},
};

TEST_CASE("every fixture decodes to the UTF-8 article") {
  std::string expected = Nfc(Fixture("article.utf8.txt"));
  for (const FixtureCase& f : kFixtures) {
    CAPTURE(f.file);
    CHECK(Nfc(Convert(Fixture(f.file), f.enc)) == expected);
  }
}

TEST_CASE("detection picks the encoding of every fixture") {
  for (const FixtureCase& f : kFixtures) {
    CAPTURE(f.file);
    CHECK(EncodingName(Detect(Fixture(f.file))) == EncodingName(f.enc));
  }
  std::string why;
  DetectEncoding(Fixture("article.tcvn3.txt"), Tables(), &why);
  CHECK(why.rfind("tcvn3: ", 0) == 0);
  CHECK(why.find(" Vietnamese syllables (windows-1258 ") != std::string::npos);
  DetectEncoding(Fixture("article.utf8.txt"), Tables(), &why);
  CHECK(why == "valid UTF-8");
}

TEST_CASE("byte-order marks are dropped and decide detection") {
  CHECK(Convert("\xEF\xBB\xBFVi\xE1\xBB\x87t", Encoding::kUtf8) == "Vi\xE1\xBB\x87t");
  CHECK(Convert("\xFF\xFEV\x00i\x00\xC7\x1Et\x00"s, Encoding::kUtf16) == "Vi\xE1\xBB\x87t");
  CHECK(Convert("\xFE\xFF\x00V\x00i\x1E\xC7\x00t"s, Encoding::kUtf16) == "Vi\xE1\xBB\x87t");
  CHECK(Convert("\x00V\x00i\x1E\xC7\x00t"s, Encoding::kUtf16) == "Vi\xE1\xBB\x87t");  // no BOM: big-endian
  CHECK(Convert("V\x00i\x00\xC7\x1Et\x00"s, Encoding::kUtf16) == "Vi\xE1\xBB\x87t");  // no BOM: little-endian
  CHECK(Convert("\xFF\xFE\x3D\xD8\x00\xDE"s, Encoding::kUtf16) == "\xF0\x9F\x98\x80");  // a surrogate pair
  CHECK(Detect("\xEF\xBB\xBFplain") == Encoding::kUtf8);
  CHECK(Detect("\xFE\xFF\x00x"s) == Encoding::kUtf16);
  CHECK(Detect("V\x00i\x00\xC7\x1Et\x00 \x00N\x00"s) == Encoding::kUtf16);
}

TEST_CASE("invalid bytes are errors naming their offset") {
  CHECK(ErrorOf("abc\xC3(", Encoding::kUtf8) == "invalid UTF-8 (bad continuation byte) at byte 3");
  CHECK(ErrorOf("\xFF\xFE" "a\x00\x00\xD8" "b\x00"s, Encoding::kUtf16) ==
        "invalid UTF-16 (unpaired surrogate) at byte 4");
  CHECK(ErrorOf("a\x00\x00\xDC"s, Encoding::kUtf16) == "invalid UTF-16 (unpaired surrogate) at byte 2");
  CHECK(ErrorOf("a\x00" "b"s, Encoding::kUtf16) == "invalid UTF-16 (odd number of bytes) at byte 2");
  CHECK(ErrorOf("a\x00\x00\x00"s, Encoding::kUtf16) == "binary data (NUL character) at byte 2");
  CHECK(ErrorOf("ab\x81" "c", Encoding::kWindows1258) == "invalid windows-1258 (undefined byte 0x81) at byte 2");
  CHECK(ErrorOf("xin ch\x81o", Encoding::kVni) == "invalid vni (undefined byte 0x81) at byte 6");
  CHECK(ErrorOf("ab\x00"s, Encoding::kTcvn3) == "binary data (NUL byte) at byte 2");
  CHECK(ErrorOf("Vie^.t \xC3", Encoding::kViqr) == "invalid UTF-8 (truncated sequence) at byte 7");
  // Detection keeps mostly-UTF-8 text UTF-8, so that the bad byte is reported.
  const char* almost = "H\xE1\xBB\x97 tr\xE1\xBB\xA3 5 tri\xE1\xBB\x87u \xC4\x91\xE1\xBB\x93ng \xC3( ti\xE1\xBA\xBFp";
  CHECK(Detect(almost) == Encoding::kUtf8);
  CHECK(ErrorOf(almost, Encoding::kUtf8) == "invalid UTF-8 (bad continuation byte) at byte 29");
  CHECK(Detect("random \x01\xFF\x00\x80 bytes"s) == Encoding::kUtf8);  // binary: reported as UTF-8 errors
}

TEST_CASE("the SIMD UTF-8 check accepts exactly what the byte-at-a-time check accepts") {
  // DecodeUtf8 trusts simdjson's validator and runs CheckUtf8Scalar only on its "no". Random
  // strings built from the bytes where UTF-8 goes wrong: lead bytes of every length, stray and
  // missing continuations, overlong and surrogate and past-U+10FFFF forms, NUL, ASCII.
  const unsigned char kBytes[] = {'a', ' ', 0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xDF, 0xE0, 0xE1,
                                  0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F, 0x8F, 0x90, 0xBB};
  std::mt19937 rng(20261202);
  int valid = 0, invalid = 0;
  for (int n = 0; n < 200000; ++n) {
    std::string s(rng() % 70, 'x');
    for (char& c : s) c = static_cast<char>(kBytes[rng() % sizeof kBytes]);
    if (rng() % 4 == 0) s = "\xEF\xBB\xBF" + s;
    size_t bom = s.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    std::string_view text;
    Status fast = DecodeUtf8(s, &text);
    Status slow = CheckUtf8Scalar(s, bom);
    REQUIRE(fast.ok() == slow.ok());
    if (fast.ok()) {
      ++valid;
      CHECK(text.size() == s.size() - bom);
    } else {
      ++invalid;
      CHECK(fast.message() == slow.message());
    }
  }
  CHECK(valid > 1000);  // both verdicts were exercised
  CHECK(invalid > 1000);
}

TEST_CASE("English ASCII is UTF-8 and VIQR decoding leaves it alone") {
  const char* english =
      "The meeting ends at 5 p.m. Next, don't ask what? I'm sure the end. Next week, e.g. on Monday, "
      "O'Neil and I said no. See the report (page 3): it's C++ code, a+b, x^2, and so on.";
  CHECK(Detect(english) == Encoding::kUtf8);
  CHECK(Convert(english, Encoding::kViqr) == english);
  CHECK(Convert("end. Next", Encoding::kViqr) == "end. Next");
  CHECK(Convert("what? don't", Encoding::kViqr) == "what? don't");
}

TEST_CASE("VIQR marks, escapes and ambiguous punctuation") {
  auto viqr = [](const char* s) { return Nfc(Convert(s, Encoding::kViqr)); };
  CHECK(viqr("Vie^.t Nam") == "Việt Nam");
  CHECK(viqr("Ha` No^.i") == "Hà Nội");
  CHECK(viqr("tie^'ng Vie^.t") == "tiếng Việt");
  CHECK(viqr("ngu+o+`i DDa(.ng Thi. Hue^. va` ba.n") == "người Đặng Thị Huệ và bạn");
  CHECK(viqr("ddi d-i Dd") == "đi đi Dd");
  CHECK(viqr("NQ-HDDND, DDBSCL, ADD") == "NQ-HĐND, ĐBSCL, ADD");
  CHECK(viqr("ra\\. Sau") == "ra. Sau");
  CHECK(viqr("no^ng da^n ra. Sau") == "nông dân ra. Sau");
  CHECK(viqr("bi.. Sau ddo'") == "bị. Sau đó");
  CHECK(viqr("bi. pha.t va` ra...") == "bị phạt và ra...");
  CHECK(viqr("Chi'nh phu? Vie^.t Nam") == "Chính phủ Việt Nam");
  CHECK(viqr("Ta.i sao?\nVi` sao") == "Tại sao?\nVì sao");
  CHECK(viqr("nhau. Co' the^?") == "nhau. Có thể");
  CHECK(viqr("ca'c tha'ng, ca'c na(m.") == "các tháng, các năm.");
  CHECK(viqr("Ba` no'i vo+'i ho.\", chi. Lan ve^` qua. Ta^'t ca?") ==
        "Bà nói với họ\", chị Lan về qua. Tất cả");
  // In text with hardly any VIQR, a final . ? ' stays punctuation.
  CHECK(viqr("I said no. See you? Vie^.t") == "I said no. See you? Việt");
  CHECK(viqr("DDa('k La('k, Kro^ng Pa, o^xy, DDoS") == "Đắk Lắk, Krông Pa, ôxy, DDoS");
  CHECK(viqr("GDDDT, CDD, Ba`i 2: DD. va` dd.") == "GDĐT, CĐ, Bài 2: Đ. và dd.");
  CHECK(viqr("o^ng A.Ba?o, TP.Ho^` Chi' Minh") == "ông A.Bảo, TP.Hồ Chí Minh");
  // Marks that make no Vietnamese word stay as written.
  CHECK(viqr("dantri.com.vn, x^2, a+b, 2^10") == "dantri.com.vn, x^2, a+b, 2^10");
}

TEST_CASE("TCVN3: capitals in C1 and Windows-1252 punctuation") {
  auto tcvn3 = [](const char* s) { return Convert(s, Encoding::kTcvn3); };
  CHECK(tcvn3("\x93H\xb5 N\xe9i\x94") == "\xE2\x80\x9CH\xC3\xA0 N\xE1\xBB\x99i\xE2\x80\x9D");  // “Hà Nội”
  CHECK(tcvn3("H\x96" "C") == "H\xE1\xBB\x8C" "C");                                         // HỌC
  CHECK(tcvn3("2021 \x96 2025") == "2021 \xE2\x80\x93 2025");                              // –
  CHECK(tcvn3("\x9Ey ban") == "\xE1\xBB\xA6y ban");                                        // Ủy ban
  CHECK(tcvn3("A\xb8nh") == "\xC3\x81nh");                                                 // Ánh as A + á
  CHECK(tcvn3("\x93\x99 \xae\xa9y") == "\xE2\x80\x9C\xE1\xBB\x9E \xC4\x91\xC3\xA2y");      // “Ở đây
  CHECK(tcvn3("\x99 \xae\xa9y") == "\xE1\xBB\x9E \xC4\x91\xC3\xA2y");                      // Ở đây
  CHECK(tcvn3("Let\x92s go") == "Let\xE2\x80\x99s go");                                       // Let’s
  CHECK(tcvn3("Aeria\x99 ra") == "Aeria\xE2\x84\xA2 ra");                                     // Aeria™
  CHECK(tcvn3("TR\x86N") == "TR\xE1\xBA\xACN");                                               // TRẬN
}

// The letters of Vietnamese (12 vowels × 6 tones × 2 cases, and đ Đ), each with its VIQR spelling.
struct VietLetter {
  std::string text;
  std::string viqr;
};
std::vector<VietLetter> AllLetters() {
  const char* bases[][2] = {{"a", "a"},  {"ă", "a("}, {"â", "a^"}, {"e", "e"},  {"ê", "e^"}, {"i", "i"},
                            {"o", "o"},  {"ô", "o^"}, {"ơ", "o+"}, {"u", "u"},  {"ư", "u+"}, {"y", "y"}};
  const char* tones[][2] = {{"", ""},          {"\xCC\x81", "'"}, {"\xCC\x80", "`"},
                            {"\xCC\x89", "?"}, {"\xCC\x83", "~"}, {"\xCC\xA3", "."}};
  std::vector<VietLetter> out;
  for (const auto& b : bases) {
    for (const auto& t : tones) {
      std::string lower = Nfc(std::string(b[0]) + t[0]);
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(lower);
      u.toUpper();
      std::string upper;
      u.toUTF8String(upper);
      std::string viqr = std::string(b[1]) + t[1];
      out.push_back({lower, viqr});
      viqr[0] = static_cast<char>(viqr[0] - 32);
      out.push_back({upper, viqr});
    }
  }
  out.push_back({"đ", "dd"});
  out.push_back({"Đ", "DD"});
  return out;
}

// The bytes of the first table line for `letter` (the ASCII letter itself when it has none).
std::string Encode(const LegacyTables::ByteTable& table, const std::string& letter) {
  for (const LegacyTables::Sequence& s : table.entries) {
    std::string u;
    icu::UnicodeString(static_cast<UChar32>(s.cp)).toUTF8String(u);
    if (u == letter) return s.bytes;
  }
  return letter.size() == 1 ? letter : "";
}

// Windows-1258 bytes from ICU's encoder: the precomposed letter without its tone, then the
// combining tone (1258 has few precomposed toned letters).
std::string EncodeCp1258(const std::string& letter) {
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString nfd = icu::Normalizer2::getNFDInstance(err)->normalize(icu::UnicodeString::fromUTF8(letter), err);
  icu::UnicodeString base, tone;
  for (int32_t k = 0; k < nfd.length(); ++k) {
    char16_t c = nfd[k];
    if (c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323) tone.append(c);
    else base.append(c);
  }
  icu::UnicodeString form = icu::Normalizer2::getNFCInstance(err)->normalize(base, err) + tone;
  UConverter* conv = ucnv_open("windows-1258", &err);
  char buf[16];
  int32_t n = ucnv_fromUChars(conv, buf, sizeof buf, form.getBuffer(), form.length(), &err);
  ucnv_close(conv);
  REQUIRE(U_SUCCESS(err));
  return std::string(buf, static_cast<size_t>(n));
}

TEST_CASE("every letter with every tone round-trips through every encoding") {
  std::vector<VietLetter> letters = AllLetters();
  REQUIRE(letters.size() == 146);
  for (const VietLetter& l : letters) {
    CAPTURE(l.text);
    bool upper = l.viqr[0] >= 'A' && l.viqr[0] <= 'Z';
    for (Encoding enc : {Encoding::kTcvn3, Encoding::kVni}) {
      const auto& table = enc == Encoding::kTcvn3 ? Tables().tcvn3 : Tables().vni;
      std::string bytes = Encode(table, l.text);
      CHECK_MESSAGE(!bytes.empty(), EncodingName(enc) << " has no line for the letter");
      // Alone, except a TCVN3 capital in C1 that is also Windows-1252 punctuation: alone, that
      // byte is the punctuation (see legacy.cc).
      bool c1 = enc == Encoding::kTcvn3 && bytes.size() == 1 && Convert(bytes, enc) != l.text;
      if (c1) CHECK(std::string("\x80\x82\x84\x85\x91\x92\x93\x94\x95\x96\x97").find(bytes) != std::string::npos);
      else CHECK(Convert(bytes, enc) == l.text);
      std::string t = upper ? "T" : "t", n = upper ? "N" : "n";
      CHECK(Convert(t + bytes + n, enc) == t + l.text + n);
    }
    CHECK(Nfc(Convert(EncodeCp1258(l.text), Encoding::kWindows1258)) == l.text);
    // VIQR inside a syllable that takes every tone: "tâm", "quỳnh", "đàm".
    char first = static_cast<char>(l.viqr[0] | 0x20);
    std::string before = first == 'y' ? "qu" : first == 'd' ? "" : "t";
    std::string after = first == 'y' ? "nh" : first == 'd' ? "a`m" : "m";
    std::string expected_after = first == 'd' ? "\xC3\xA0m" : after;
    CHECK(Nfc(Convert(before + l.viqr + after, Encoding::kViqr)) == before + l.text + expected_after);
  }
}

TEST_CASE("a malformed table line is an error naming the file and the line") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "vnextract_encoding_test";
  fs::create_directories(dir / "encoding");
  {
    std::ofstream(dir / "encoding" / "tcvn3.tsv") << "# comment\nB8\t\xC3\xA1\n61 X9\t\xC3\xA1\n";
  }
  std::unique_ptr<LegacyTables> t;
  Status s = LoadLegacyTables(DataSource(dir.string()), &t);
  CHECK_FALSE(s.ok());
  CHECK(s.message() == (dir / "encoding" / "tcvn3.tsv").string() +
                           ":3: bad byte list '61 X9' (two hex digits per byte, one space between)");
  {
    std::ofstream(dir / "encoding" / "tcvn3.tsv") << "B8\t\xC3\xA1\nB8\t\xC3\xA0\n";
  }
  s = LoadLegacyTables(DataSource(dir.string()), &t);
  CHECK(s.message() == (dir / "encoding" / "tcvn3.tsv").string() + ":2: duplicate byte sequence B8");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace vnextract::internal
