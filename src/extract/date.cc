// date: "12/04/2021", "Sáng ngày 06/10", "ngày 2 tháng 7 năm 2021", "mồng 3 tháng 2",
// "tháng 10/2023", "tháng 7 năm 2021", "năm 2023", "(SN 1981)", "giai đoạn 2021-2025".
#include <algorithm>

#include "extract/calendar.h"
#include "extract/extractors.h"
#include "extract/iso_text.h"
#include "extract/number_phrase.h"

namespace vnextract::internal {

namespace {

std::string Iso(int y, int m, int d) { return IsoPartial(y, m, d); }

// A small integer written in digits only, or -1.
long long IntAt(const DocView& v, size_t i, size_t max_digits) {
  if (!v.Is(i, TokenKind::kNumber)) return -1;
  std::string_view s = v.Text(i);
  if (s.empty() || s.size() > max_digits) return -1;
  long long x = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    x = x * 10 + (c - '0');
  }
  return x;
}

long long YearAt(const DocView& v, size_t i) {
  if (!v.Is(i, TokenKind::kNumber) || v.Text(i).size() != 4) return -1;
  long long y = IntAt(v, i, 4);
  return IsPlausibleYear(y) ? y : -1;
}

// "ngày", "mồng", "mùng" right before token i belong to the date's text.
size_t DayWordStart(const DocView& v, size_t i) {
  if (i > 0 && (v.WordIs(i - 1, "ngày") || v.WordIs(i - 1, "mồng") || v.WordIs(i - 1, "mùng"))) {
    if (i > 1 && v.WordIs(i - 2, "ngày") && !v.WordIs(i - 1, "ngày")) return i - 2;  // ngày mùng 2
    return i - 1;
  }
  return i;
}

void Add(std::vector<Candidate>* out, size_t b, size_t e, std::string value, const char* rule,
         std::string value_to = "") {
  Candidate& c = out->emplace_back();
  c.type = RecordType::kDate;
  c.begin = b;
  c.end = e;
  c.value = std::move(value);
  c.value_to = std::move(value_to);
  if (!c.value_to.empty()) c.type = RecordType::kPeriod;
  c.rule = rule;
}

// ", năm Y" or "/Y" after token j: the year and the tokens it takes.
size_t YearAfter(const DocView& v, size_t j, long long* y) {
  if (v.WordIs(j, "năm") && (*y = YearAt(v, j + 1)) > 0) return 2;
  if (v.IsPunct(j, '/') && v.Touches(j) && v.Touches(j + 1) && (*y = YearAt(v, j + 1)) > 0) return 2;
  return 0;
}

// "năm" before a year is part of the date's text; other year words ("SN", "năm học") are not.
size_t YearWordStart(const DocView& v, size_t i) { return i > 0 && v.WordIs(i - 1, "năm") ? i - 1 : i; }

void FindDates(const DocView& v, std::vector<Candidate>* out);
// "giai đoạn", "nhiệm kỳ", "năm học", or "năm" before a year that begins a period.
size_t PeriodWordStart(const DocView& v, size_t i) {
  size_t n = v.MatchBefore(v.lex().period_words, i);
  return n ? i - n : YearWordStart(v, i);
}
size_t UntilNow(const DocView& v, size_t j);
bool BorrowYear(std::string* lo, std::string* hi);
void JoinWeekday(const DocView& v, Candidate* c);

// The tokens between two dates that make them a range: "-", "đến", "tới", "đến hết", "đến ngày".
bool RangeBetween(const DocView& v, size_t b, size_t e) {
  if (e == b + 1 && v.IsPunct(b, '-')) return true;
  if (b >= e || !(v.WordIs(b, "đến") || v.WordIs(b, "tới"))) return false;
  for (size_t k = b + 1; k < e; ++k) {
    if (!(v.WordIs(k, "hết") || v.WordIs(k, "ngày") || v.WordIs(k, "năm"))) return false;
  }
  return e - b <= 3;
}

// "đến nay", "cho đến nay", "tới nay", "đến hiện nay", "đến hiện tại" at token j: its length.
size_t UntilNow(const DocView& v, size_t j) {
  size_t k = j;
  if (v.WordIs(k, "cho")) ++k;
  if (!(v.WordIs(k, "đến") || v.WordIs(k, "tới"))) return 0;
  ++k;
  if (v.WordIs(k, "hết")) ++k;
  if (v.WordIs(k, "nay") || v.WordIs(k, "bây") ) return k + (v.WordIs(k, "bây") && v.WordIs(k + 1, "giờ") ? 2 : 1) - j;
  if (v.WordIs(k, "hiện") && (v.WordIs(k + 1, "nay") || v.WordIs(k + 1, "tại"))) return k + 2 - j;
  return 0;
}

// The two ends of a period written with the year once: "từ 20/4 đến 5/5/2021" → both 2021;
// "tháng 3 đến tháng 5/2023". False when the ends are of different precision.
bool BorrowYear(std::string* lo, std::string* hi) {
  auto no_year = [](const std::string& s) { return s.size() >= 2 && s[0] == '-' && s[1] == '-'; };
  if (no_year(*lo) && !no_year(*hi) && hi->size() == lo->size() + 3) {
    std::string y = hi->substr(0, 4);
    *lo = y + lo->substr(1);  // "--04-20" → "2021-04-20"
    if (*lo > *hi) *lo = std::to_string(std::stoi(y) - 1) + lo->substr(4);  // "20/12 - 5/1/2021"
    return true;
  }
  if (!no_year(*lo) && no_year(*hi) && lo->size() == hi->size() + 3) {
    *hi = lo->substr(0, 4) + hi->substr(1);
    return true;
  }
  return lo->size() == hi->size();
}

// "Thứ hai - 12/04/2021", "thứ Bảy, ngày 3/7", "Chủ nhật 5/9": a weekday before a date joins
// its text; the resolver checks that it agrees. Not after "lần", "ngày", … ("lần thứ hai, ngày").
void JoinWeekday(const DocView& v, Candidate* c) {
  bool has_day = c->value.size() == 10 || (c->value.size() == 7 && c->value[0] == '-');
  if (!has_day) return;  // "2023", "--10", "2023-10"
  size_t j = c->begin;
  if (j > 0 && (v.IsPunct(j - 1, '-') || v.IsPunct(j - 1, ','))) --j;
  const std::string* wd = nullptr;
  size_t n = v.MatchBefore(v.lex().weekdays, j, &wd);
  if (n == 0) return;
  size_t b = j - n;
  static const char* const kOrdinal[] = {"lần", "ngày", "hạng", "người", "năm", "đợt", "kỳ", "khóa", "phiên", "vị"};
  if (b > 0) {
    for (const char* w : kOrdinal) {
      if (v.WordIs(b - 1, w)) return;
    }
  }
  c->begin = b;
  c->x().weekday = (*wd)[0] - '0';
}

}  // namespace

void ExtractDate(const DocView& v, std::vector<Candidate>* out) {
  // The dates go straight into *out (a candidate is large to move): dates[k] is (*out)[base + k].
  std::vector<Candidate>& dates = *out;
  const size_t base = dates.size();
  FindDates(v, &dates);
  // In order of begin (the day words before a date may move its start before the one before it).
  auto by_begin = [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; };
  if (!std::is_sorted(dates.begin() + static_cast<std::ptrdiff_t>(base), dates.end(), by_begin)) {
    std::stable_sort(dates.begin() + static_cast<std::ptrdiff_t>(base), dates.end(), by_begin);
  }
  const size_t single = dates.size();
  for (size_t k = base; k < single; ++k) JoinWeekday(v, &dates[k]);
  // Periods of two dates: "từ ngày 19/4 đến ngày 30/4", "30/4-1/5", "Từ năm 2001 đến năm 2011".
  for (size_t k = base; k + 1 < single; ++k) {
    const Candidate& a = dates[k];
    // the next date after a (a's own shorter pieces, "2016" of "2015 - 2016", lie inside it)
    size_t next = k + 1;
    while (next < single && dates[next].begin < a.end) ++next;
    if (next == single) continue;
    const Candidate& b = dates[next];
    if (b.begin <= a.end || !RangeBetween(v, a.end, b.begin)) continue;
    // "từ năm học 2015 - 2016 đến hết năm học 2020 - 2021": two periods of years make one.
    if (!a.value_to.empty() || !b.value_to.empty()) {
      if (a.value_to.size() != 4 || b.value_to.size() != 4 || a.value.size() != 4 || b.value.size() != 4 ||
          a.value >= b.value_to || v.IsPunct(a.end, '-')) {
        continue;
      }
      Candidate r = a;
      if (r.begin > 0 && v.WordIs(r.begin - 1, "từ")) --r.begin;
      r.end = b.end;
      r.value_to = b.value_to;
      r.rule = "period.periods";
      dates.push_back(std::move(r));
      continue;
    }
    std::string lo = a.value, hi = b.value;
    // Without years "20/12 đến 5/1" crosses a year end: the resolver gives the start the year before.
    if (!BorrowYear(&lo, &hi) || (lo >= hi && !(lo[0] == '-' && lo.size() == 7))) continue;
    Candidate r = a;
    r.type = RecordType::kPeriod;
    if (r.begin > 0 && v.WordIs(r.begin - 1, "từ")) --r.begin;
    r.end = b.end;
    r.value = std::move(lo);
    r.value_to = std::move(hi);
    if (r.extra) r.extra->weekday = 0;
    r.rule = "period.dates";
    dates.push_back(std::move(r));
  }
  // "từ năm 2016 đến nay", "từ ngày 1/7 cho đến nay": a period that ends on the reference date.
  for (size_t k = base; k < single; ++k) {
    const Candidate& a = dates[k];
    size_t n = UntilNow(v, a.end);
    if (n == 0 || !a.value_to.empty()) continue;
    Candidate r = a;
    r.type = RecordType::kPeriod;
    // "từ đầu tháng 4 đến nay": the start of the month is still the month.
    bool month = a.value.size() == 7 || (a.value.size() == 4 && a.value[0] == '-');  // "tháng 4", not "năm 2020"
    if (month && r.begin > 1 &&
        (v.WordIs(r.begin - 1, "đầu") || v.WordIs(r.begin - 1, "giữa") || v.WordIs(r.begin - 1, "cuối")) &&
        v.WordIs(r.begin - 2, "từ")) {
      r.begin -= 2;
    }
    if (r.begin > 0 && v.WordIs(r.begin - 1, "từ")) --r.begin;
    r.end = a.end + n;
    r.x().relative = "open";
    r.x().weekday = 0;
    r.rule = "period.until_now";
    dates.push_back(std::move(r));
  }
  // "24-27/4/2021", "mùng 2 - 4/10", "từ ngày 10 đến ngày 15/3/2022": a day, a dash or "đến",
  // then a full date that lends its month.
  for (size_t i : v.digit_tokens()) {
    if (i + 2 >= v.size()) break;
    if (!v.Is(i, TokenKind::kNumber)) continue;
    size_t j = i + 1;  // the second date
    if (v.IsPunct(j, '-')) {
      ++j;
    } else if (i > 0 && v.WordIs(i - 1, "ngày") && (v.WordIs(j, "đến") || v.WordIs(j, "tới"))) {
      ++j;
      if (v.WordIs(j, "hết")) ++j;
      if (v.WordIs(j, "ngày")) ++j;
    } else {
      continue;
    }
    if (!v.Is(j, TokenKind::kDate) && !v.Is(j, TokenKind::kFraction)) continue;
    long long d1 = IntAt(v, i, 2);
    int d2 = 0, m = 0, y = 0;
    ScanThreeInts(v.Text(j), &d2, &m, &y);
    if (d1 < 1 || d1 >= d2 || !IsValidDate(d2, m, y) || (y == 0 && m > 12)) continue;
    size_t begin = DayWordStart(v, i);
    if (begin > 0 && v.WordIs(begin - 1, "từ")) --begin;
    Candidate& r = dates.emplace_back();
    r.type = RecordType::kPeriod;
    r.begin = begin;
    r.end = j + 1;
    r.value = Iso(y, m, static_cast<int>(d1));
    r.value_to = Iso(y, m, d2);
    r.rule = "period.day_range";
  }
}

namespace {

// The dates of one token i: a date or fraction token, a number, or "tháng" before a number.
void DatesAt(const DocView& v, size_t i, std::vector<Candidate>* out);

// Only tokens with digits start a date, and "tháng" only before a number: visit those, in order.
void FindDates(const DocView& v, std::vector<Candidate>* out) {
  size_t done = 0;  // tokens before it are visited
  for (size_t i : v.digit_tokens()) {
    if (i > done && v.Is(i, TokenKind::kNumber)) DatesAt(v, i - 1, out);
    DatesAt(v, i, out);
    done = i + 1;
  }
}

void DatesAt(const DocView& v, size_t i, std::vector<Candidate>* out) {
  TokenKind k = v.kind(i);
  if (k == TokenKind::kDate) {
    std::string_view s = v.Text(i);
    int d = 0, m = 0, y = 0;
    ScanThreeInts(s, &d, &m, &y);
    Add(out, DayWordStart(v, i), i + 1, Iso(y, m, d), "date.dmy");
    return;
  }
  if (k == TokenKind::kFraction) {
    long long a, b;
    if (!FractionParts(v, i, &a, &b)) return;
    if (a >= 1 && a <= 12 && IsPlausibleYear(b) && v.Text(i).size() - v.Text(i).find('/') == 5) {
      size_t begin = i > 0 && v.WordIs(i - 1, "tháng") ? i - 1 : i;
      Add(out, begin, i + 1, Iso(static_cast<int>(b), static_cast<int>(a), 0), "date.month_year");
      return;
    }
    if (IsYearSpan(a, b)) {  // mùa giải 2023/24
      size_t begin = PeriodWordStart(v, i);
      Add(out, begin, i + 1, Iso(static_cast<int>(a), 0, 0), "period.year_span", Iso(static_cast<int>(a + 1), 0, 0));
      return;
    }
    std::string unit;
    size_t n;
    if (IsValidDate(static_cast<int>(a), static_cast<int>(b), 0) && !FractionIsRatio(v, i, &unit, &n)) {
      Add(out, DayWordStart(v, i), i + 1, Iso(0, static_cast<int>(b), static_cast<int>(a)), "date.day_month");
    }
    return;
  }
  if (k == TokenKind::kNumber) {
    // D tháng M [năm Y] — with "ngày"/"mồng" before it, or a year after it.
    long long d = IntAt(v, i, 2), m = -1, y = -1;
    if (d >= 1 && v.WordIs(i + 1, "tháng") && (m = IntAt(v, i + 2, 2)) >= 1 && m <= 12) {
      size_t begin = DayWordStart(v, i);
      size_t ny = YearAfter(v, i + 3, &y);
      if ((begin < i || ny > 0) && IsValidDate(static_cast<int>(d), static_cast<int>(m), ny ? static_cast<int>(y) : 0)) {
        Add(out, begin, i + 3 + ny, Iso(ny ? static_cast<int>(y) : 0, static_cast<int>(m), static_cast<int>(d)),
            "date.words");
        return;
      }
    }
    // d-m after a day word: "Chiều 22-4", "ngày 30-4"
    if (d >= 1 && v.IsPunct(i + 1, '-') && v.Touches(i + 1) && v.Touches(i + 2) && (m = IntAt(v, i + 2, 2)) >= 1 &&
        m <= 12 && IsValidDate(static_cast<int>(d), static_cast<int>(m), 0) && v.MatchBefore(v.lex().day_words, i) &&
        !(v.IsPunct(i + 3, '-') && v.Touches(i + 3))) {
      Add(out, DayWordStart(v, i), i + 3, Iso(0, static_cast<int>(m), static_cast<int>(d)), "date.day_month_dash");
      return;
    }
    // Y-Y: "giai đoạn 2021-2025", "năm học 2020-2021"
    long long y1 = YearAt(v, i), y2;
    if (y1 > 0 && v.IsPunct(i + 1, '-') && (y2 = YearAt(v, i + 2)) > y1) {
      size_t begin = PeriodWordStart(v, i);
      if (begin > 0 && v.WordIs(begin - 1, "từ")) --begin;  // "Từ 2016-2020"
      Add(out, begin, i + 3, Iso(static_cast<int>(y1), 0, 0), "period.years", Iso(static_cast<int>(y2), 0, 0));
      return;
    }
    // năm Y, SN Y
    if (y1 > 0) {
      if (v.MatchBefore(v.lex().year_words, i)) {
        Add(out, YearWordStart(v, i), i + 1, Iso(static_cast<int>(y1), 0, 0), "date.year");
        return;
      }
      // quý IV/2020: the year of a quarter
      if (i >= 3 && v.IsPunct(i - 1, '/') && v.Touches(i) && v.Touches(i - 1) && v.WordIs(i - 3, "quý")) {
        Add(out, i, i + 1, Iso(static_cast<int>(y1), 0, 0), "date.quarter_year");
        return;
      }
      // A bare year ("V-League 2021", "Hoa hậu 2009"): 1900-2100 in four plain digits, not a
      // label ("số 2020") and not glued to a '/' or '-'.
      bool glued = (v.Touches(i) && i > 0 && (v.IsPunct(i - 1, '/') || v.IsPunct(i - 1, '-'))) ||
                   (v.Touches(i + 1) && (v.IsPunct(i + 1, '/') || v.IsPunct(i + 1, '-')));
      if (y1 >= 1900 && y1 <= 2100 && !glued && !v.MatchBefore(v.lex().not_year_words, i)) {
        Add(out, i, i + 1, Iso(static_cast<int>(y1), 0, 0), "date.bare_year");
        return;
      }
    }
    return;
  }
  // tháng M [năm Y]
  if (v.WordIs(i, "tháng") && !(i > 0 && (v.Is(i - 1, TokenKind::kNumber) ||
                                          (v.IsWord(i - 1) && ParseNumberAt(v, i - 1))))) {
    long long m = IntAt(v, i + 1, 2), y = -1;
    if (m >= 1 && m <= 12) {
      size_t ny = YearAfter(v, i + 2, &y);
      if (ny > 0) {
        Add(out, i, i + 2 + ny, Iso(static_cast<int>(y), static_cast<int>(m), 0), "date.month_year");
      } else if (!(v.IsPunct(i + 2, '/') && v.Touches(i + 2))) {
        Add(out, i, i + 2, Iso(0, static_cast<int>(m), 0), "date.month");
      }
    }
  }
}

}  // namespace

}  // namespace vnextract::internal
