// Segmenter::Split decides sentence ends with its own rules and falls back to ICU only for what
// they do not model; Segmenter::SplitWithIcu runs ICU's filtered break iterator on every line
// that may hold a sentence end. The two must agree on every input: hand-picked lines, every short
// string over an alphabet with one character of each Sentence_Break class that matters, many
// generated lines and (when ../shared is there) every article of the corpus.
#include "segment/sentences.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "decode/utf8.h"
#include "normalize/normalizer.h"
#include "rules/lexicon.h"
#include "vnextract/rules.h"

namespace vnextract::internal {
namespace {

const Rules& BuiltinRules() {
  static const Rules rules = Rules::Builtin();
  return rules;
}

const Segmenter& BuiltinSegmenter() { return *BuiltinRules().lexicons().segmenter; }

std::string Show(const std::vector<Span>& spans) {
  std::string out;
  for (const Span& s : spans) out += "[" + std::to_string(s.begin) + "," + std::to_string(s.end) + ")";
  return out;
}

bool SameSpans(const std::vector<Span>& a, const std::vector<Span>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const Span& x, const Span& y) { return x.begin == y.begin && x.end == y.end; });
}

// Compares Split with SplitWithIcu on `norm`; reports the first few differences. Returns the
// number of sentences.
size_t Compare(const Segmenter& seg, std::string_view norm, int* differences) {
  std::vector<Span> fast;
  std::vector<Span> icu;
  seg.Split(norm, &fast);
  seg.SplitWithIcu(norm, &icu);
  if (!SameSpans(fast, icu)) {
    ++*differences;
    if (*differences <= 5) {
      FAIL_CHECK("Split differs from ICU on \"" << std::string(norm) << "\": " << Show(fast) << " vs "
                                                << Show(icu));
    }
  }
  return fast.size();
}

// The sentences of `norm` as text, separated by '|'.
std::string Sentences(std::string_view norm, const std::vector<Span>& spans) {
  std::vector<size_t> byte_of;  // byte offset of each code point, and of the end
  for (size_t i = 0; i < norm.size();) {
    byte_of.push_back(i);
    NextCodePoint(norm, &i);
  }
  byte_of.push_back(norm.size());
  std::string out;
  for (const Span& s : spans) {
    if (!out.empty()) out += "|";
    out += norm.substr(byte_of[s.begin], byte_of[s.end] - byte_of[s.begin]);
  }
  return out;
}

TEST_CASE("Split: full stops, abbreviations, numbers and quotes") {
  struct Case {
    const char* text;
    const char* sentences;
  };
  const Case cases[] = {
      {"Có 3 người. Có 4 người.\nCó 5 người", "Có 3 người.|Có 4 người.|Có 5 người"},
      {"UBND TP. Hồ Chí Minh hỗ trợ 5 tỷ đồng.", "UBND TP. Hồ Chí Minh hỗ trợ 5 tỷ đồng."},
      {"PGS. TS. Nguyễn Văn A có 12 đề tài. Ông có 3 bằng.", "PGS. TS. Nguyễn Văn A có 12 đề tài.|Ông có 3 bằng."},
      {"Giá 3.5 triệu, tăng 1.000 đồng. Ông A đến.", "Giá 3.5 triệu, tăng 1.000 đồng.|Ông A đến."},
      // The filter matches an abbreviation as a suffix, as ICU does: "ATP." ends in "TP.".
      {"Giải ATP. Hôm nay mưa.", "Giải ATP. Hôm nay mưa."},
      // SB8: a lower-case letter after the stop (and digits or blanks) continues the sentence.
      {"Xem tr. 5 và tiếp. Hết.", "Xem tr. 5 và tiếp.|Hết."},
      {"Ông nói: “Xong rồi.” Sau đó đi! Thật sao? Ừ.", "Ông nói: “Xong rồi.”|Sau đó đi!|Thật sao?|Ừ."},
      // '…' is not a sentence terminator for UAX #29.
      {"Chờ đã… Rồi đi.", "Chờ đã… Rồi đi."},
      // No blank after any stop: one sentence without asking ICU, which would split "1.B".
      {"Mục 1.B của luật", "Mục 1.B của luật"},
      {"Mục 1.B của luật. Hết", "Mục 1.|B của luật.|Hết"},
      {"", ""},
      {"\n\nMột. Hai\n", "Một.|Hai"},
      // Blanks the normalizer would fold: one trailing blank is left out of a sentence.
      {"Một.  Hai.   Ba", "Một. |Hai.  |Ba"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    std::vector<Span> fast;
    std::vector<Span> icu;
    BuiltinSegmenter().Split(c.text, &fast);
    BuiltinSegmenter().SplitWithIcu(c.text, &icu);
    CHECK(Sentences(c.text, fast) == c.sentences);
    CHECK(Sentences(c.text, icu) == c.sentences);
  }
}

TEST_CASE("Split falls back to ICU where its rules do not model the text") {
  int differences = 0;
  // Extend and Format characters next to a terminator (rule SB5), paragraph separators inside a
  // line (SB4), a terminator outside the BMP.
  for (const char* text : {"Một.\xCC\x81 Hai. Ba", "Ba\xCC\x81. Hai. Ba", "Một.\xC2\xAD Hai. Ba",
                           "Một. \xC2\xAD" "ba. Bốn", "Một.\xE2\x80\xA8Hai. Ba", "Một.\rHai. Ba",
                           "Một\xC2\x85 Hai. Ba", "A\xF0\x91\x81\x87 Hai. Ba", "U.\xCC\x81S. Hai"}) {
    Compare(BuiltinSegmenter(), text, &differences);
  }
  CHECK(differences == 0);

  // An abbreviation with an inner '.' makes ICU's filter look forward too: Split then uses ICU.
  // One without '.' is still a plain suffix.
  Segmenter custom({"Ph.D.", "Yahoo!", "TP."});
  for (const char* text : {"Ông là Ph.D. Ông dạy.", "Ông là Ph. D. Ông dạy.", "Vào Yahoo! Tìm kiếm. Xong.",
                           "Vào TP. Hồ Chí Minh. Xong."}) {
    Compare(custom, text, &differences);
  }
  CHECK(differences == 0);
  std::vector<Span> spans;
  custom.Split("Vào Yahoo! Tìm kiếm. Xong.", &spans);
  CHECK(Sentences("Vào Yahoo! Tìm kiếm. Xong.", spans) == "Vào Yahoo! Tìm kiếm.|Xong.");
}

TEST_CASE("Split agrees with ICU on every short string over one character per class") {
  // Lower, Upper ("P." is an abbreviation), Numeric, ATerm, STerm, Sp, Close (two), SContinue,
  // OLetter, Extend, Other ('…', which may also start a sentence end for the blank test).
  const std::vector<std::string> alphabet = {"a", "P", "1", ".", "?", " ", "\xE2\x80\x9D", "(", ",",
                                             "\xE4\xB8\xAD", "\xCC\x81", "\xE2\x80\xA6"};
  int differences = 0;
  size_t compared = 0;
  size_t sentences = 0;
  std::vector<size_t> digits;
  for (size_t length = 1; length <= 5; ++length) {
    digits.assign(length, 0);
    while (true) {
      std::string s;
      for (size_t d : digits) s += alphabet[d];
      sentences += Compare(BuiltinSegmenter(), s, &differences);
      // After a certain sentence end, so that the line always goes to ICU.
      sentences += Compare(BuiltinSegmenter(), "Ba. " + s, &differences);
      compared += 2;
      size_t k = 0;
      while (k < length && ++digits[k] == alphabet.size()) digits[k++] = 0;
      if (k == length) break;
    }
  }
  CHECK(differences == 0);
  CHECK(compared > 500000);
  CHECK(sentences > compared);  // many of them split
}

TEST_CASE("Split agrees with ICU on short strings at every offset of a 16-byte chunk") {
  // Split looks for sentence ends 16 bytes at a time, passing over ASCII letters and most
  // Vietnamese letters: the strings over the alphabet above (and '!', a stop of one byte that
  // starts no UTF-8 lead, and 'ở' of three bytes) after every prefix of Vietnamese text up to
  // 40 bytes, with text after them.
  const std::vector<std::string> alphabet = {"a", "P", "1", ".", "?", "!", " ", "\xE2\x80\x9D", "(", ",",
                                             "\xE4\xB8\xAD", "\xCC\x81", "\xE2\x80\xA6", "\xE1\xBB\x9F"};
  const std::string text = "người có đã năm và của ở tỷ đồng hộ ông bà";
  const std::string after = " và của ở tỷ đồng hộ ông bà thành phố";
  int differences = 0;
  size_t compared = 0;
  std::vector<size_t> digits;
  for (size_t cut = 0; cut <= 40; ++cut) {
    if (!IsLeadByte(static_cast<unsigned char>(text[cut]))) continue;
    const std::string before = text.substr(0, cut);
    for (size_t length = 1; length <= 3; ++length) {
      digits.assign(length, 0);
      while (true) {
        std::string s = before;
        for (size_t d : digits) s += alphabet[d];
        Compare(BuiltinSegmenter(), s + after, &differences);
        Compare(BuiltinSegmenter(), s, &differences);
        compared += 2;
        size_t k = 0;
        while (k < length && ++digits[k] == alphabet.size()) digits[k++] = 0;
        if (k == length) break;
      }
    }
  }
  CHECK(differences == 0);
  CHECK(compared > 100000);
}

// A line of Vietnamese-like text with everything that matters around sentence ends.
std::string GeneratedLine(std::mt19937* rng, const std::vector<std::string>& abbreviations) {
  static const std::vector<std::string> lower = {"người", "có", "đã", "năm", "và", "của", "ở", "tỷ", "đồng",
                                                 "hộ", "ông", "bà", "thành", "phố", "tiếng", "việt", "ấy",
                                                 "ạ", "được", "trong", "x", "tp", "tr", "s", "e"};
  static const std::vector<std::string> upper = {"Hà", "Nội", "Ông", "Bà", "Đà", "Nẵng", "Việt", "Nam",
                                                 "UBND", "WHO", "Ấn", "Ở", "COVID", "A", "B", "Đ", "TP",
                                                 "ThS", "U", "S", "ATP", "Q", "X", "Mr", "Hồ", "Chí", "Minh"};
  static const std::vector<std::string> numbers = {"1.000", "3.5", "12", "2020", "1,5", "10%", "5.000.000",
                                                   "0.5", "1", "19/5", "3", "9.", "2.B"};
  static const std::vector<std::string> other = {
      "https://dantri.com.vn/a-b.htm", "www.vnexpress.net", "email@x.vn", "v.v.", "U.S.", "e.g.",
      "TP.HCM", "Tp.HCM", "北京", "東京。", "Москва", "Ελλάδα", "नमस्ते।", "مرحبا؟", "Ｘ．", "！",
      "?!", "...", "…", "-", "–", "&", "%", "\xC2\xA0", "\t", "Ph.D.", "1.B", "a.B", "A.b"};
  static const std::vector<std::string> terminators = {".", ".", ".", "!", "?", "…", "...", ";", ":",
                                                       ",", "?!", "!!", ".”", "!”", "?)", ".'", ".\"", "。"};
  static const std::vector<std::string> closers = {"”", "’", "\"", "'", ")", "]", "»", "”)"};
  static const std::vector<std::string> openers = {"“", "‘", "\"", "'", "(", "[", "«"};
  static const std::vector<std::string> separators = {" ", " ", " ", " ", " ", " ", " ", "", "  ", " - "};
  auto pick = [&](const std::vector<std::string>& v) -> const std::string& {
    return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(*rng)];
  };
  auto chance = [&](int percent) { return std::uniform_int_distribution<int>(0, 99)(*rng) < percent; };
  std::string line;
  const int words = std::uniform_int_distribution<int>(1, 30)(*rng);
  for (int w = 0; w < words; ++w) {
    if (w > 0) line += pick(separators);
    if (chance(8)) line += pick(openers);
    int kind = std::uniform_int_distribution<int>(0, 99)(*rng);
    if (kind < 45) {
      line += pick(lower);
    } else if (kind < 70) {
      line += pick(upper);
    } else if (kind < 80) {
      line += pick(numbers);
    } else if (kind < 90) {
      line += pick(abbreviations);
    } else {
      line += pick(other);
    }
    if (chance(18)) line += pick(terminators);
    if (chance(6)) line += pick(closers);
  }
  return line;
}

TEST_CASE("Split agrees with ICU on generated lines") {
  const std::vector<std::string>& abbreviations = BuiltinRules().lexicons().abbreviations;
  REQUIRE(abbreviations.size() > 10);
  std::mt19937 rng(20240601);
  int differences = 0;
  size_t lines = 0;
  size_t sentences = 0;
  for (int doc = 0; doc < 3000; ++doc) {
    // Documents of a few lines, as the normalizer leaves them, and single lines.
    std::string text;
    const int n = std::uniform_int_distribution<int>(1, 6)(rng);
    for (int i = 0; i < n; ++i) {
      std::string line = GeneratedLine(&rng, abbreviations);
      sentences += Compare(BuiltinSegmenter(), line, &differences);
      text += (i > 0 ? "\n" : "") + line;
      ++lines;
    }
    Compare(BuiltinSegmenter(), text, &differences);
  }
  CHECK(differences == 0);
  CHECK(sentences > lines * 3 / 2);  // the lines do split
}

TEST_CASE("Split agrees with ICU on the corpus") {
  const std::filesystem::path dir = std::filesystem::path(VNEXTRACT_SOURCE_DIR) / "../shared/corpus/dantri";
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("skipped: no corpus at " << dir.string());
    return;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  int differences = 0;
  size_t lines = 0;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::string raw = bytes.str();
    std::string_view decoded;
    if (!DecodeUtf8(raw, &decoded).ok()) continue;
    NormalizedText text;
    Normalize(decoded, &text);
    Compare(BuiltinSegmenter(), text.norm, &differences);
    lines += static_cast<size_t>(std::count(text.norm.begin(), text.norm.end(), '\n')) + 1;
  }
  CHECK(differences == 0);
  CHECK(lines > 10000);
}

}  // namespace
}  // namespace vnextract::internal
