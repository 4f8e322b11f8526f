// time: "15:58", "15h30", "10h sáng", "15 giờ 30", "8 giờ tối", "lúc 9 giờ".
#include "extract/extractors.h"
#include "extract/iso_text.h"
#include "extract/number_phrase.h"

namespace vnextract::internal {

namespace {

long long SmallInt(const DocView& v, size_t i) {
  if (!v.Is(i, TokenKind::kNumber)) return -1;
  std::string_view s = v.Text(i);
  if (s.empty() || s.size() > 2) return -1;
  long long x = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    x = x * 10 + (c - '0');
  }
  return x;
}

// A part of day after token j ("sáng", "chiều", "tối"): adjusts the hour, returns its tokens.
size_t PartOfDay(const DocView& v, size_t j, int* h) {
  const std::string* part = nullptr;
  size_t n = v.Match(v.lex().parts_of_day, j, &part);
  if (n == 0) return 0;
  if (*part == "pm" && *h < 12) *h += 12;
  else if (*part == "night" && *h >= 6 && *h < 12) *h += 12;
  else if (*part == "night" && *h == 12) *h = 0;  // "12h đêm" is midnight
  else if (*part == "noon" && *h < 6) *h += 12;
  return n;
}

// "khoảng 15h", "hơn 2h sáng": the qualifier joins the time.
void Add(const DocView& v, std::vector<Candidate>* out, size_t b, size_t e, int h, int m, const char* rule) {
  Qualifier q = QualifierBefore(v, b);
  Candidate& c = out->emplace_back();
  c.type = RecordType::kTime;
  c.begin = q.begin;
  c.end = e;
  AppendPadded(&c.value, (h % 24 + 24) % 24, 2);  // "%02d:%02d"
  c.value.push_back(':');
  AppendPadded(&c.value, m % 60, 2);
  c.qualifier = q.name;
  c.rule = rule;
}

// "10h15 phút", "2h20'": a minutes word or mark after an h-time.
size_t MinuteMark(const DocView& v, size_t j) {
  if (v.WordIs(j, "phút")) return 1;
  if ((v.IsPunct(j, '\'') || v.Text(j) == "\xE2\x80\x99") && v.Touches(j)) return 1;  // ' or ’
  return 0;
}

}  // namespace

void ExtractTime(const DocView& v, std::vector<Candidate>* out) {
  for (size_t i : v.digit_tokens()) {
    if (v.Is(i, TokenKind::kTime)) {
      std::string_view lower = v.Lower(i);
      bool colon = lower.find(':') != std::string_view::npos;
      int h = 0, m = 0;
      // sscanf's "%d:%d" or "%dh%d"
      size_t pos = 0;
      if (ScanInt(lower, &pos, 0, &h) && pos < lower.size() && lower[pos] == (colon ? ':' : 'h')) {
        ++pos;
        ScanInt(lower, &pos, 0, &m);
      }
      size_t end = i + 1;
      if (!colon && lower.back() != 'h') end += MinuteMark(v, end);
      size_t p = PartOfDay(v, end, &h);
      Add(v, out, i, end + p, h, m, colon ? "time.colon" : "time.h");
      continue;
    }
    // N giờ [M [phút]] [sáng|chiều|tối]
    long long hh = SmallInt(v, i);
    if (hh < 0 || hh > 24 || !v.WordIs(i + 1, "giờ")) continue;
    int h = static_cast<int>(hh), m = 0;
    size_t end = i + 2;
    bool minutes = false;
    long long mm = SmallInt(v, end);
    if (mm >= 0 && mm < 60 && !v.Match(v.lex().units, end + 1) && !v.Match(v.lex().nouns, end + 1)) {
      m = static_cast<int>(mm);
      minutes = true;
      end += 1;
      if (v.WordIs(end, "phút")) ++end;
    } else if (mm >= 0 && mm < 60 && v.WordIs(end + 1, "phút")) {
      m = static_cast<int>(mm);
      minutes = true;
      end += 2;
    }
    size_t p = PartOfDay(v, end, &h);
    bool at = v.MatchBefore(v.lex().time_words, i) > 0;
    if (!minutes && p == 0 && !at) continue;  // "3 giờ" alone is a duration
    // "kéo dài 3 giờ 38 phút" is a duration too: with "phút" and an hour below 13, a time needs
    // "lúc", a part of day, or a date after it.
    bool with_phut = end > i + 2 && v.WordIs(end - 1, "phút");
    if (with_phut && h < 13 && p == 0 && !at && !v.WordIs(end, "ngày") && !v.WordIs(end, "sáng")) continue;
    Add(v, out, i, end + p, h, m, "time.words");
  }
}

}  // namespace vnextract::internal
