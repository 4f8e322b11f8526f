// LowerName (entity keys) against ICU's full lower-case mapping it stands in for: every code
// point of its fast ranges, their neighbours, contexts where ICU's mapping could depend on the
// letters around, malformed UTF-8, and random mixtures.
#include <doctest/doctest.h>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <ios>
#include <random>
#include <string>
#include <vector>

#include "extract/entities_lower.h"
#include "extract/tone.h"

namespace vnextract::internal {
namespace {

std::string Utf8(UChar32 c) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(buf, n, 4, c, error);
  REQUIRE(!error);
  return std::string(buf, static_cast<size_t>(n));
}

bool Scalar(UChar32 c) { return c < 0xD800 || (c > 0xDFFF && c <= 0x10FFFF); }

TEST_CASE("LowerName equals ICU's toLower on every code point of its fast ranges and around them") {
  std::vector<UChar32> cps;
  for (UChar32 c = 0; c < 0x2100; ++c) cps.push_back(c);
  for (UChar32 c = 0x2C00; c < 0x2D00; ++c) cps.push_back(c);  // where some lower cases land
  for (UChar32 c : {0x10400, 0x1E900, 0xFFFD, 0xFEFF}) cps.push_back(c);
  int checked = 0;
  for (UChar32 c : cps) {
    if (!Scalar(c)) continue;
    std::string s = Utf8(c);
    CHECK_MESSAGE(LowerName(s) == LowerNameIcu(s), "U+" << std::hex << c);
    // in a word, after a capital I, before combining marks and a final sigma
    const std::string contexts[] = {"X" + s + "y", "I" + s, s + "\xCC\x87", s + "\xCC\x80" + "A",
                                    s + "\xCE\xA3", "\xCE\xA3" + s, "\xC4\xB0" + s};
    for (const std::string& t : contexts) {
      CHECK_MESSAGE(LowerName(t) == LowerNameIcu(t), "U+" << std::hex << c);
    }
    ++checked;
  }
  CHECK(checked > 8000);
}

TEST_CASE("LowerName on names and on malformed UTF-8") {
  const std::string cases[] = {
      "Nguyễn Văn A", "ĐOÀN BÍCH NGỌC", "Ủy ban nhân dân TP.HCM", "Sở KH&CN", "ẞ", "Ⱥ Ⱦ", "İstanbul", "ΣΟΦΊΑ",
      "", std::string("\0A", 2), "\xC3", "\xC3\x28", "\xE0\x80\x80", "\xE1\xBA", "\xED\xA0\x80", "\xF0\x9F\x98\x80 Á",
      "\xC0\xAF", "\x80", "a\xFF" "B",
  };
  for (const std::string& s : cases) CHECK_MESSAGE(LowerName(s) == LowerNameIcu(s), s);
}

TEST_CASE("LowerName equals ICU's toLower on random strings") {
  std::mt19937 rng(12345);
  // Mostly letters of the fast ranges, now and then something else (ICU's path) or a stray byte.
  std::uniform_int_distribution<int> pick(0, 99);
  std::uniform_int_distribution<UChar32> latin(0x20, 0x24F), viet(0x1E00, 0x1EFF), marks(0x300, 0x36F),
      other(0x250, 0x33FF);
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    int len = pick(rng) % 12;
    for (int k = 0; k < len; ++k) {
      int p = pick(rng);
      UChar32 c = p < 45 ? latin(rng) : p < 80 ? viet(rng) : p < 90 ? marks(rng) : other(rng);
      if (p == 99) {
        s += static_cast<char>(0x80 + pick(rng));
        continue;
      }
      if (Scalar(c)) s += Utf8(c);
    }
    REQUIRE_MESSAGE(LowerName(s) == LowerNameIcu(s), s);
  }
}

// LowerName reads runs of ASCII eight bytes at a time and writes whole words past what it keeps:
// runs of every length around the letters' edges ('@' 'A' 'Z' '[' '`' 'a' 'z' '{'), between
// Vietnamese letters, and names long enough to be lowered on the heap.
TEST_CASE("LowerName equals ICU's toLower on ASCII runs and long names") {
  std::mt19937 rng(777);
  const std::vector<std::string> pieces = {"@", "A", "Z", "[", "`", "a", "z", "{", "\x7F", " ", "Nguyễn", "Đ", "ư",
                                           "Ẻ", "ẞ", "Ⱥ", "HÀ NỘI", "KH&CN", "Công ty TNHH", "İ", "\x80"};
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    for (int k = static_cast<int>(rng() % 40); k > 0; --k) s += pieces[rng() % pieces.size()];
    REQUIRE_MESSAGE(LowerName(s) == LowerNameIcu(s), s);
  }
  for (size_t len : {150, 169, 170, 171, 172, 200, 1000}) {
    std::string s;
    while (s.size() < len) s += pieces[rng() % 10];
    CHECK_MESSAGE(LowerName(s) == LowerNameIcu(s), s.size());
    std::string t;
    while (t.size() + 3 <= len) t += "Ẻ";
    CHECK_MESSAGE(LowerName(t) == LowerNameIcu(t), t.size());
  }
}

}  // namespace
}  // namespace vnextract::internal

// TraditionalTones skips ICU for names it cannot change: it must give what the ICU path gives.
namespace vnextract::internal {
namespace {

std::string Nfc(const std::string& s) {
  UErrorCode st = U_ZERO_ERROR;
  std::string out;
  icu::Normalizer2::getNFCInstance(st)->normalize(icu::UnicodeString::fromUTF8(s), st).toUTF8String(out);
  REQUIRE(U_SUCCESS(st));
  return out;
}

// What TraditionalTones promises: the ICU path for names with a plain o/u before a non-ASCII
// letter, the name as written otherwise.
std::string Expected(const std::string& s) {
  bool plain_ou = false;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    plain_ou = plain_ou || ((s[i] == 'o' || s[i] == 'O' || s[i] == 'u' || s[i] == 'U') &&
                            (static_cast<unsigned char>(s[i + 1]) & 0x80));
  }
  return plain_ou ? TraditionalTonesSlow(s) : s;
}

TEST_CASE("TraditionalTones equals its ICU path on names and on random syllables") {
  for (const char* name : {"Hoà An", "Hòa An", "Thuỷ", "uỷ ban", "Khoẻ", "quý", "Quỳnh", "Nguyễn Văn A",
                           "HOÀ", "Hoà–Bình", "Thuỷ”", "hoà\xC2\xA0" "bình", "Thuỵ Khuê", "oà", "ưỳ", "ôá"}) {
    CAPTURE(name);
    CHECK(TraditionalTones(name) == Expected(name));
  }
  CHECK(TraditionalTones("Hoà An") == "Hòa An");
  CHECK(TraditionalTones("Thuỷ") == "Thủy");
  CHECK(TraditionalTones("Lộà") == "Lộà");  // no plain o/u: as written (ICU's path would move it)
  // Syllables from pieces: onsets, vowels with every tone (precomposed and decomposed), finals,
  // separators of every kind.
  const std::vector<std::string> pieces = {
      "h", "th", "kh", "qu", "gi", "ng", "o", "u", "O", "U", "a", "e", "y", "à", "á", "ả", "ã", "ạ", "è", "é",
      "ẻ", "ẽ", "ẹ", "ỳ", "ý", "ỷ", "ỹ", "ỵ", "À", "Ý", "ơ", "ư", "ô", "ờ", "ự", "n", "ng", "nh", "t", "c",
      "\xCC\x80", "\xCC\x81", "\xCC\xA3", " ", "-", ".", "\xE2\x80\x93", "\xC2\xA0", "1", "\xE2\x80\x9D"};
  std::mt19937 rng(11);
  int changed = 0;
  for (int n = 0; n < 50000; ++n) {
    std::string s;
    for (int k = 1 + static_cast<int>(rng() % 6); k > 0; --k) s += pieces[rng() % pieces.size()];
    s = Nfc(s);  // the precondition: NFC text
    std::string expected = Expected(s);
    REQUIRE_MESSAGE(TraditionalTones(s) == expected, s);
    std::string in_place = s;
    TraditionalTonesInPlace(&in_place);
    REQUIRE_MESSAGE(in_place == expected, s);
    changed += expected != s;
  }
  CHECK(changed > 100);  // the ICU path did move tones in this sample
  // Longer names: the test for a plain o/u before a non-ASCII letter reads eight bytes at a time.
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    for (int k = 1 + static_cast<int>(rng() % 16); k > 0; --k) s += pieces[rng() % pieces.size()];
    s = Nfc(s);
    REQUIRE_MESSAGE(TraditionalTones(s) == Expected(s), s);
  }
}

}  // namespace
}  // namespace vnextract::internal
