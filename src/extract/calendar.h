// Calendar checks shared by the tokenizer and the date extractor.
#ifndef VNEXTRACT_EXTRACT_CALENDAR_H_
#define VNEXTRACT_EXTRACT_CALENDAR_H_

namespace vnextract::internal {

inline bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Days in month m (1-12) of year y; y == 0 means "unknown", when February has 29.
inline int DaysInMonth(int m, int y) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2) return (y == 0 || IsLeapYear(y)) ? 29 : 28;
  return kDays[m - 1];
}

// d/m(/y) is a real date; y == 0 when the year is not given.
inline bool IsValidDate(int d, int m, int y) {
  if (m < 1 || m > 12 || d < 1) return false;
  if (y != 0 && (y < 1000 || y > 2999)) return false;
  return d <= DaysInMonth(m, y);
}

// A plausible year in news text.
inline bool IsPlausibleYear(long long y) { return y >= 1000 && y <= 2199; }

// "2001/2002", "2023/24": a season or school year.
inline bool IsYearSpan(long long a, long long b) {
  return a >= 1900 && a <= 2100 && (b == a + 1 || (b < 100 && b == (a + 1) % 100));
}

}  // namespace vnextract::internal

#endif  // VNEXTRACT_EXTRACT_CALENDAR_H_
